//! The typed report values the window lays out (`RankingReport`,
//! `PackageReport`, `FrontierReport`, `StakeholdersReport`, the comparison's
//! `RankingsReport`, `SmaaReport`) say what the command line prints (same
//! rows, same names, same numbers, in both languages) and what the engine
//! computes when called directly.

use std::path::{Path, PathBuf};
use std::process::Command;
use tradeoff::analysis::compare::compare;
use tradeoff::analysis::frontier::{resolve_cost, value_for_money};
use tradeoff::analysis::package::best_packages;
use tradeoff::analysis::smaa::{SmaaOptions, TreeSampler, smaa_with};
use tradeoff::analysis::{Method, evaluate, evaluate_profile, exclusions, select_profile};
use tradeoff::i18n::{num, pct};
use tradeoff::model::{Lang, Scenario};
use tradeoff::report::compare::{Movement, RankingsReport};
use tradeoff::report::frontier::FrontierReport;
use tradeoff::report::package::PackageReport;
use tradeoff::report::ranking::{RankingReport, dominance};
use tradeoff::report::smaa::SmaaReport;
use tradeoff::report::stakeholders::StakeholdersReport;

const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn load(relative: &str) -> Scenario {
    tradeoff::io::load(&path(relative)).expect("scenario loads")
}

/// The binary's standard output for `args` in `lang` (it must succeed).
fn stdout_of(args: &[&str], lang: Lang) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["--lang", lang.code()])
        .args(args)
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// A ranked line of `rank`'s text split into rank, name and score.
fn ranked_line(line: &str) -> Option<(usize, String, String)> {
    let trimmed = line.trim();
    let (rank, rest) = trimmed.split_once("  ")?;
    let rank: usize = rank.trim().parse().ok()?;
    let (name, score) = rest.trim_end().rsplit_once("  ")?;
    Some((rank, name.trim().to_string(), score.trim().to_string()))
}

#[test]
fn ranking_report_rows_are_the_rank_commands_rows_and_the_engines_ranking() {
    for file in [
        "scenarios/canada-2016.ron",
        "scenarios/canada-2018.ron",
        "tests/fixtures/good/tree_value_functions.ron",
        "tests/fixtures/good/not_yet_scored.ron",
    ] {
        let scenario = load(file);
        let file_path = path(file);
        let file_arg = file_path.to_str().expect("UTF-8 path");
        let all: Vec<_> = Method::ALL
            .iter()
            .map(|m| evaluate(&scenario, None, *m).expect("valid"))
            .collect();
        for (main, lang) in all.iter().flat_map(|e| LANGS.map(|l| (e, l))) {
            let others: Vec<_> = all.iter().collect();
            let report = RankingReport::new(&scenario, main, &others, &dominance(main), lang);
            // The engine: same options in the same order, same places under
            // every method.
            let ids: Vec<&str> = main
                .ranking
                .iter()
                .map(|r| r.alternative.as_str())
                .collect();
            let rows: Vec<&str> = report.rows.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(rows, ids, "{file} {lang:?}");
            for row in &report.rows {
                for (method, placed) in report.methods.iter().zip(&row.by_method) {
                    let e = all.iter().find(|e| e.method == *method).expect("evaluated");
                    let engine = e.ranking.iter().find(|r| r.alternative == row.id);
                    assert_eq!(
                        placed.map(|p| (p.rank, p.score)),
                        engine.map(|r| (r.rank, r.score))
                    );
                }
            }
            // The command line: same names, ranks and scores.
            let text = stdout_of(&["rank", file_arg, "--method", main.method.as_str()], lang);
            let printed: Vec<(usize, String, String)> = text
                .lines()
                .skip(2)
                .filter_map(ranked_line)
                .take(report.rows.len())
                .collect();
            let expected: Vec<(usize, String, String)> = report
                .rows
                .iter()
                .map(|r| (r.main.rank, r.name.clone(), num(r.main.score, 4, lang)))
                .collect();
            assert_eq!(printed, expected, "{file} {:?} {lang:?}", main.method);
            for x in &report.excluded {
                let line = format!("{}  {}", x.name, x.because(lang));
                assert!(
                    text.lines()
                        .any(|l| l.contains(&x.name) && l.ends_with(&x.because(lang))),
                    "{file}: no line for {line:?} in\n{text}"
                );
            }
            assert_eq!(
                report
                    .excluded
                    .iter()
                    .map(|x| x.id.as_str())
                    .collect::<Vec<_>>(),
                main.excluded
                    .iter()
                    .map(|x| x.alternative.as_str())
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn a_dominated_row_names_exactly_the_options_that_dominate_it() {
    let scenario = load("scenarios/canada-2016.ron");
    let e = evaluate(&scenario, None, Method::Wsm).expect("valid");
    let report = RankingReport::of(&scenario, &e, Lang::En);
    let pairs = dominance(&e);
    for row in &report.rows {
        let by = pairs
            .iter()
            .find(|(id, _)| *id == row.id)
            .map(|(_, by)| by.clone())
            .unwrap_or_default();
        match &row.dominated_by {
            None => assert!(by.is_empty(), "{} is dominated by {by:?}", row.id),
            Some(text) => {
                assert!(!by.is_empty());
                for id in &by {
                    let name = scenario.alternative_name(id, Lang::En);
                    assert!(text.contains(&name), "{text} lacks {name}");
                }
            }
        }
    }
}

#[test]
fn package_report_is_what_package_prints_and_what_the_search_found() {
    let file = "scenarios/canada-2018.ron";
    let scenario = load(file);
    assert!(scenario.combinable, "the 2018 scenario combines options");
    let profile = select_profile(&scenario, None).expect("active profile");
    let result = best_packages(&scenario, profile, 3).expect("combinable");
    let file_path = path(file);
    for lang in LANGS {
        let report = PackageReport::new(&scenario, profile, &result, lang);
        assert_eq!(report.packages.len(), result.packages.len());
        for (row, engine) in report.packages.iter().zip(&result.packages) {
            assert_eq!(row.ids, engine.options);
            assert_eq!(row.value, engine.value);
            let used: Vec<f64> = row.uses.iter().map(|u| u.used).collect();
            assert_eq!(used, engine.used);
            for (u, r) in row.uses.iter().zip(&scenario.resources) {
                assert_eq!(u.binds, engine.binding.contains(&r.id));
            }
        }
        let text = stdout_of(&["package", file_path.to_str().expect("UTF-8")], lang);
        for row in &report.packages {
            let line = format!("{}. {}", row.rank, row.options);
            assert!(
                text.lines()
                    .any(|l| l.starts_with(&line) && l.ends_with(&report.value_text(row))),
                "no {line:?} with value {} in\n{text}",
                report.value_text(row)
            );
            assert!(text.contains(&row.binding));
        }
        let excluded = exclusions(&scenario, Some(profile));
        assert_eq!(report.excluded.len(), excluded.len());
    }
}

#[test]
fn frontier_report_is_what_frontier_prints_and_what_the_engine_found() {
    let file = "scenarios/canada-2016.ron";
    let scenario = load(file);
    let profile = select_profile(&scenario, None).expect("active profile");
    let cost = resolve_cost(&scenario, "cost").expect("a cost criterion");
    let vfm = value_for_money(&scenario, profile, &cost);
    let file_path = path(file);
    for lang in LANGS {
        let report = FrontierReport::new(&scenario, profile, &vfm, lang);
        let ids: Vec<&str> = report.options.iter().map(|o| o.id.as_str()).collect();
        let engine: Vec<&str> = vfm.options.iter().map(|o| o.alternative.as_str()).collect();
        assert_eq!(ids, engine);
        for (row, o) in report.options.iter().zip(&vfm.options) {
            assert_eq!((row.value, row.efficient), (o.value, o.efficient));
        }
        let text = stdout_of(
            &[
                "frontier",
                file_path.to_str().expect("UTF-8"),
                "--cost",
                "cost",
            ],
            lang,
        );
        for row in &report.options {
            let line = text
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{}  ", row.name)))
                .unwrap_or_else(|| panic!("no line for {} in\n{text}", row.name));
            assert!(line.contains(&row.cost), "{line} lacks {}", row.cost);
            assert!(line.contains(&num(row.value, 2, lang)), "{line}");
            assert_eq!(line.ends_with(&row.verdict), row.efficient, "{line}");
        }
        for sentence in &report.summary {
            assert!(text.contains(sentence.as_str()), "{sentence} not printed");
        }
    }
}

#[test]
fn stakeholders_report_winners_are_each_profiles_top_option() {
    let file = "scenarios/canada-2016.ron";
    let scenario = load(file);
    let file_path = path(file);
    for lang in LANGS {
        let report = StakeholdersReport::new(&scenario, Method::Wsm, lang);
        assert_eq!(report.profiles.len(), scenario.profiles.len());
        for (column, profile) in report.profiles.iter().zip(&scenario.profiles) {
            let e = evaluate_profile(&scenario, profile, Method::Wsm);
            assert_eq!(
                column.winner_id.as_deref(),
                e.winner().map(|w| w.alternative.as_str())
            );
            let excluded: Vec<&str> = e.excluded.iter().map(|x| x.alternative.as_str()).collect();
            let listed: Vec<&str> = column.excluded.iter().map(|x| x.id.as_str()).collect();
            assert_eq!(listed, excluded);
            // The command line ranks the same option first under the profile.
            let text = stdout_of(
                &[
                    "rank",
                    file_path.to_str().expect("UTF-8"),
                    "--profile",
                    &profile.id,
                ],
                lang,
            );
            let first = text.lines().skip(2).find_map(ranked_line);
            assert_eq!(first.map(|(_, name, _)| name), column.winner.clone());
        }
        // Shares of each profile sum to one over the criteria.
        for k in 0..scenario.profiles.len() {
            let total: f64 = report.criteria.iter().map(|c| c.shares[k]).sum();
            assert!((total - 1.0).abs() < 1e-9 || total == 0.0, "{total}");
        }
    }
}

#[test]
fn comparison_rows_carry_both_rankings_and_the_move_between_them() {
    let a = load("scenarios/canada-2016.ron");
    let b = load("scenarios/canada-2018.ron");
    let c = compare(&a, &b, Method::Wsm, None).expect("comparable");
    let report = RankingsReport::new(&a, &b, &c, Lang::En);
    assert_eq!(report.rows.len(), c.moves.len());
    for row in &report.rows {
        let in_a = c.a.ranking.iter().find(|r| r.alternative == row.id);
        let in_b = c.b.ranking.iter().find(|r| r.alternative == row.id);
        assert_eq!(
            row.a.map(|p| (p.rank, p.score)),
            in_a.map(|r| (r.rank, r.score))
        );
        assert_eq!(
            row.b.map(|p| (p.rank, p.score)),
            in_b.map(|r| (r.rank, r.score))
        );
        let expected = match (row.a, row.b) {
            (Some(a), Some(b)) if a.rank == b.rank => Movement::Same,
            (Some(a), Some(b)) if b.rank < a.rank => Movement::Up((a.rank - b.rank) as u64),
            (Some(a), Some(b)) => Movement::Down((b.rank - a.rank) as u64),
            (None, Some(_)) => Movement::New,
            (_, None) => Movement::Out,
        };
        assert_eq!(row.movement, expected, "{}", row.id);
    }
    // The window's order: by rank in B, unranked last.
    let ranks: Vec<usize> = report
        .by_rank()
        .iter()
        .map(|r| r.b.map_or(usize::MAX, |p| p.rank))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    // The briefing's order: every option ranked in B, in B's order, first.
    let ranked: Vec<&str> = report.ranked(&c).iter().map(|r| r.id.as_str()).collect();
    let b_order: Vec<&str> = c.b.ranking.iter().map(|r| r.alternative.as_str()).collect();
    assert_eq!(&ranked[..b_order.len()], &b_order[..]);
}

#[test]
fn smaa_report_rows_are_the_engines_shares_and_what_smaa_prints() {
    let file = "scenarios/canada-2016.ron";
    let scenario = load(file);
    let e = evaluate(&scenario, None, Method::Wsm).expect("valid");
    let options = SmaaOptions {
        samples: 500,
        seed: 1,
        ..SmaaOptions::default()
    };
    // The bundled file has a value tree: weights are drawn per node, as the
    // command does.
    let profile = select_profile(&scenario, None).expect("active profile");
    let sampler = TreeSampler::for_profile(&scenario, profile, &e.matrix).expect("bounds valid");
    let result = smaa_with(&e.matrix, Method::Wsm, &sampler, &options);
    let file_path = path(file);
    for lang in LANGS {
        let report = SmaaReport::new(&scenario, &e, &result, lang);
        assert_eq!(report.rows.len(), result.alternatives.len());
        for (i, row) in report.rows.iter().enumerate() {
            assert_eq!(row.id, result.alternatives[i]);
            assert_eq!(row.acceptability, result.acceptability[i]);
            assert_eq!(row.confidence, result.confidence[i]);
            let first = result.acceptability[i].first().copied().unwrap_or(0.0);
            assert_eq!(row.central_weights.is_some(), first > 0.0);
        }
        let text = stdout_of(
            &[
                "smaa",
                file_path.to_str().expect("UTF-8"),
                "--samples",
                "500",
            ],
            lang,
        );
        for row in &report.rows {
            let line = text
                .lines()
                .find(|l| l.starts_with(&row.name))
                .unwrap_or_else(|| panic!("no line for {} in\n{text}", row.name));
            // Each share printed, in rank order, after the name.
            let mut rest = &line[row.name.len()..];
            for share in &row.acceptability {
                let shown = pct(*share, 1, lang);
                let at = rest
                    .find(&shown)
                    .unwrap_or_else(|| panic!("{shown} missing from {line}"));
                rest = &rest[at + shown.len()..];
            }
            assert!(rest.contains(&pct(row.confidence, 1, lang)), "{line}");
        }
    }
}
