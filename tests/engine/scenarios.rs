//! The bundled scenarios: each passes `tradeoff check`, loads, ranks under
//! every method and profile, and has the structure the issues ask for
//! (the four missions, the 2018 aviation option, evidence on every score,
//! French on every text, a commented template).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tradeoff::analysis::{Method, evaluate};
use tradeoff::model::{Scenario, Text, validate};

const MISSIONS: [&str; 4] = ["mali", "car", "drc", "south_sudan"];
const PROFILES: [&str; 5] = [
    "whole_of_government",
    "defence",
    "foreign_affairs",
    "development",
    "public_safety",
];

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// Every bundled scenario file (RON and CSV), sorted.
fn bundled_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .expect("scenarios/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron") || e.eq_ignore_ascii_case("csv"))
        })
        .collect();
    files.sort();
    files
}

fn load(name: &str) -> Scenario {
    let path = scenarios_dir().join(name);
    tradeoff::io::load(&path).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn canada() -> [(&'static str, Scenario); 2] {
    [
        ("canada-2016.ron", load("canada-2016.ron")),
        ("canada-2018.ron", load("canada-2018.ron")),
    ]
}

fn winner(s: &Scenario, profile: &str) -> String {
    let e = evaluate(s, Some(profile), Method::Wsm).expect("ranks");
    e.winner()
        .expect("some option is feasible")
        .alternative
        .clone()
}

#[test]
fn the_expected_files_are_bundled() {
    let names: BTreeSet<String> = bundled_files()
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for expected in ["canada-2016.ron", "canada-2018.ron", "template.ron"] {
        assert!(names.contains(expected), "missing scenarios/{expected}");
    }
}

#[test]
fn tradeoff_check_passes_on_every_bundled_file() {
    for path in bundled_files() {
        for lang in ["en", "fr"] {
            assert_cmd::cargo::cargo_bin_cmd!("tradeoff")
                .args(["--lang", lang, "check"])
                .arg(&path)
                .assert()
                .success();
        }
    }
}

#[test]
fn every_bundled_file_loads_and_ranks_under_every_method_and_profile() {
    for path in bundled_files() {
        let s = tradeoff::io::load(&path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let problems = validate(&s);
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
        assert!(!s.profiles.is_empty());
        for profile in &s.profiles {
            for method in Method::ALL {
                let e = evaluate(&s, Some(&profile.id), method)
                    .unwrap_or_else(|e| panic!("{} {}: {e}", path.display(), profile.id));
                assert!(
                    !e.ranking.is_empty(),
                    "{} ranks nothing under {} / {method}",
                    path.display(),
                    profile.id
                );
                assert_eq!(
                    e.ranking.len() + e.excluded.len(),
                    s.alternatives.len(),
                    "{}: every option is ranked or excluded",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn rank_cli_runs_on_the_canada_files_in_both_languages() {
    for name in ["canada-2016.ron", "canada-2018.ron"] {
        let path = scenarios_dir().join(name);
        assert_cmd::cargo::cargo_bin_cmd!("tradeoff")
            .args(["--lang", "fr", "rank", "--method", "topsis", "--profile"])
            .arg("public_safety")
            .arg(&path)
            .assert()
            .success()
            .stdout(predicates::str::contains("Mali"));
        assert_cmd::cargo::cargo_bin_cmd!("tradeoff")
            .args(["rank", "--json"])
            .arg(&path)
            .assert()
            .success()
            .stdout(predicates::str::contains("\"excluded\":[]"));
    }
}

#[test]
fn the_four_missions_are_in_both_canada_files_with_the_shared_ids() {
    let [(_, s16), (_, s18)] = canada();
    for s in [&s16, &s18] {
        for id in MISSIONS {
            assert!(s.alternative(id).is_some(), "missing option {id}");
        }
        for id in ["risk", "cost", "impact"] {
            assert!(s.criterion(id).is_some(), "missing criterion {id}");
        }
        for id in PROFILES {
            assert!(
                s.profiles.iter().any(|p| p.id == id),
                "missing profile {id}"
            );
        }
        assert_eq!(s.active_profile, "whole_of_government");
    }
    // Same criteria and profiles, so `tradeoff diff` compares like with like.
    let ids = |s: &Scenario| s.criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&s16), ids(&s18));
    let pids = |s: &Scenario| s.profiles.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert_eq!(pids(&s16), pids(&s18));
    assert!(s16.criteria.len() >= 8, "risk, cost, impact and five more");
}

#[test]
fn the_2018_file_adds_the_aviation_task_force() {
    let [(_, s16), (_, s18)] = canada();
    assert!(s16.alternative("mali_aviation").is_none());
    let atf = s18
        .alternative("mali_aviation")
        .expect("2018 has the aviation task force");
    let troops = atf.needs.get("troops").copied().expect("needs troops");
    assert!(
        (200.0..=300.0).contains(&troops),
        "about 250 personnel, got {troops}"
    );
    assert!(atf.description.en.contains("Gao"));
    // A larger ground deployment sits beside it.
    let ground = s18.alternative("mali").expect("ground option");
    assert!(ground.needs.get("troops").copied().unwrap_or(0.0) > troops);
}

#[test]
fn every_score_is_sourced_or_labelled_illustrative() {
    for path in bundled_files() {
        let s = tradeoff::io::load(&path).expect("loads");
        for score in &s.scores {
            let at = format!(
                "{} {}/{}",
                path.display(),
                score.alternative,
                score.criterion
            );
            assert!(!score.rationale.en.trim().is_empty(), "{at}: no rationale");
            assert!(
                score.illustrative || !score.sources.is_empty(),
                "{at}: neither sourced nor illustrative"
            );
            for id in &score.sources {
                let source = s
                    .source(id)
                    .unwrap_or_else(|| panic!("{at}: source {id} is not listed"));
                assert!(!source.title.trim().is_empty(), "{at}: {id} has no title");
            }
        }
    }
}

#[test]
fn canada_judgements_say_so_and_cited_ids_are_listed() {
    for (name, s) in canada() {
        for score in &s.scores {
            let at = format!("{name} {}/{}", score.alternative, score.criterion);
            let fr = score.rationale.fr.as_deref().unwrap_or_default();
            if score.illustrative {
                assert!(
                    score.rationale.en.starts_with("Illustrative judgement"),
                    "{at}"
                );
                assert!(fr.starts_with("Jugement illustratif"), "{at}");
            }
            // Every "(S12)"-style reference in a rationale is among the score's sources.
            for text in [score.rationale.en.as_str(), fr] {
                for id in source_refs(text) {
                    assert!(score.sources.contains(&id), "{at}: cites {id} in text only");
                }
            }
        }
        for source in &s.sources {
            assert!(
                !source.publisher.is_empty(),
                "{name}: {} publisher",
                source.id
            );
        }
    }
}

/// The source ids ("S12") written in a text.
fn source_refs(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, w) in bytes.windows(2).enumerate() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if boundary && w[0] == b'S' && w[1].is_ascii_digit() {
            let digits: String = text[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            out.push(format!("S{digits}"));
        }
    }
    out
}

fn texts(s: &Scenario) -> Vec<(String, &Text)> {
    let mut out = vec![
        ("title".to_string(), &s.title),
        ("description".to_string(), &s.description),
    ];
    for c in &s.criteria {
        out.push((format!("criterion {} name", c.id), &c.name));
        out.push((format!("criterion {} description", c.id), &c.description));
    }
    for a in &s.alternatives {
        out.push((format!("alternative {} name", a.id), &a.name));
        out.push((format!("alternative {} description", a.id), &a.description));
    }
    for sc in &s.scores {
        out.push((
            format!("score {}/{}", sc.alternative, sc.criterion),
            &sc.rationale,
        ));
    }
    for p in &s.profiles {
        out.push((format!("profile {}", p.id), &p.name));
    }
    for r in &s.resources {
        out.push((format!("resource {}", r.id), &r.name));
    }
    out
}

#[test]
fn every_text_in_the_canada_files_is_bilingual() {
    for (name, s) in canada() {
        for (what, text) in texts(&s) {
            assert!(!text.en.trim().is_empty(), "{name}: {what} has no English");
            let fr = text.fr.as_deref().unwrap_or_default();
            assert!(!fr.trim().is_empty(), "{name}: {what} has no French");
        }
    }
}

#[test]
fn the_pledge_caps_make_the_package_search_meaningful() {
    for (name, s) in canada() {
        assert!(s.combinable, "{name}: the pledge may be split");
        let cap = |id: &str| {
            s.resources
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.cap)
                .unwrap_or_else(|| panic!("{name}: no {id} cap"))
        };
        assert_eq!(cap("troops"), 600.0);
        assert_eq!(cap("police"), 150.0);
        assert_eq!(cap("budget"), 450.0);
        let fits = |set: &[&str]| {
            s.resources.iter().all(|r| {
                let total: f64 = set
                    .iter()
                    .map(|id| {
                        s.alternative(id)
                            .and_then(|a| a.needs.get(&r.id))
                            .copied()
                            .unwrap_or(0.0)
                    })
                    .sum();
                total <= r.cap
            })
        };
        let ids: Vec<&str> = s.alternatives.iter().map(|a| a.id.as_str()).collect();
        for id in &ids {
            assert!(fits(&[id]), "{name}: {id} alone fits the caps");
            let a = s.alternative(id).expect("listed");
            for r in ["troops", "police", "budget"] {
                assert!(a.needs.contains_key(r), "{name}: {id} states its {r} need");
            }
        }
        assert!(!fits(&ids), "{name}: not everything fits together");
        let pairs: Vec<(&str, &str)> = ids
            .iter()
            .enumerate()
            .flat_map(|(i, a)| ids[i + 1..].iter().map(move |b| (*a, *b)))
            .collect();
        let fitting = pairs.iter().filter(|(a, b)| fits(&[a, b])).count();
        assert!(fitting >= 2, "{name}: some pairs can share the pledge");
        assert!(fitting < pairs.len(), "{name}: some pairs cannot");
    }
}

#[test]
fn ministries_disagree_and_the_default_view_ranks_every_option() {
    for (name, s) in canada() {
        let e = evaluate(&s, None, Method::Wsm).expect("ranks");
        assert!(
            e.excluded.is_empty(),
            "{name}: default view excludes nothing"
        );
        assert_eq!(e.ranking.len(), s.alternatives.len());
        let with_red_lines = s.profiles.iter().filter(|p| !p.vetoes.is_empty()).count();
        assert!(with_red_lines >= 1, "{name}: a ministry red line");
        let ps = evaluate(&s, Some("public_safety"), Method::Wsm).expect("ranks");
        assert!(
            ps.excluded.iter().any(|x| x.alternative == "mali"),
            "{name}: Public Safety's risk red line rules out the large Mali deployment"
        );
    }
    let [(_, s16), (_, s18)] = canada();
    let winners16: BTreeSet<String> = PROFILES[1..].iter().map(|p| winner(&s16, p)).collect();
    assert!(
        winners16.len() >= 3,
        "2016: ministries pick different winners, got {winners16:?}"
    );
    // In 2018 the aviation task force wins the whole-of-government view, as
    // Canada decided on 19 March 2018.
    assert_eq!(winner(&s18, "whole_of_government"), "mali_aviation");
    assert_ne!(
        winner(&s16, "whole_of_government"),
        winner(&s18, "whole_of_government")
    );
}

#[test]
fn judgement_scores_carry_uncertainty_ranges() {
    for (name, s) in canada() {
        for score in s.scores.iter().filter(|x| x.illustrative) {
            let (Some(low), Some(high)) = (score.low, score.high) else {
                panic!("{name} {}/{}: no range", score.alternative, score.criterion);
            };
            assert!(
                low < high,
                "{name} {}/{}",
                score.alternative,
                score.criterion
            );
        }
    }
}

#[test]
fn the_template_is_not_about_deployments_and_comments_every_field() {
    let text = std::fs::read_to_string(scenarios_dir().join("template.ron")).expect("readable");
    let s = load("template.ron");
    assert!(s.alternatives.len() >= 3);
    assert!((3..=4).contains(&s.criteria.len()));
    assert_eq!(s.profiles.len(), 2);
    let lower = text.to_lowercase();
    for word in ["troops", "peacekeep", "minusma", "mission"] {
        assert!(!lower.contains(word), "template mentions {word}");
    }
    let comments: String = text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for field in [
        "format_version",
        "title",
        "en:",
        "fr:",
        "description",
        "direction",
        "Minimize",
        "unit",
        "scale",
        "veto",
        "preference",
        "needs",
        "value",
        "low",
        "high",
        "rationale",
        "sources",
        "illustrative",
        "profiles",
        "weights",
        "bounds",
        "vetoes",
        "elicitation",
        "active_profile",
        "resources",
        "combinable",
        "groups",
        "children",
        "value_function",
    ] {
        assert!(
            comments.contains(field),
            "template comments never explain `{field}`"
        );
    }
    // The template shows both ways of writing text, and both evidence kinds.
    assert!(s.title.fr.is_some());
    assert!(s.alternatives.iter().any(|a| a.name.fr.is_none()));
    assert!(s.scores.iter().any(|x| x.illustrative));
    assert!(s.scores.iter().any(|x| !x.sources.is_empty()));
    assert!(s.criteria.iter().any(|c| c.veto.is_some()));
    assert!(s.profiles.iter().any(|p| !p.vetoes.is_empty()));
    // Both features of format version 3, used and not only described.
    assert!(!s.groups.is_empty());
    assert!(s.criteria.iter().any(|c| c.value_function.is_some()));
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
}
