//! The command line's JSON contract (design.md §5) held by types: every
//! command's output deserialises into its `report::json` struct and
//! serialises back to the very same bytes (so no key is missing from the
//! types or unknown to them), and a few fields agree with the engine called
//! directly.

use std::path::{Path, PathBuf};
use std::process::Command;
use tradeoff::analysis::compare::compare;
use tradeoff::analysis::frontier::{resolve_cost, value_for_money};
use tradeoff::analysis::package::best_packages;
use tradeoff::analysis::sensitivity::all_criteria;
use tradeoff::analysis::smaa::{SmaaOptions, TreeSampler, smaa_with};
use tradeoff::analysis::{Method, evaluate, exclusions, scaled_values, select_profile};
use tradeoff::model::Scenario;
use tradeoff::report::json::{
    DiffJson, FrontierJson, PackageJson, RankJson, SensitivityJson, SmaaJson,
};

fn scenario_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

fn load(path: &Path) -> Scenario {
    tradeoff::io::load(path).expect("bundled scenario loads")
}

/// Runs the binary and returns its standard output (it must succeed).
fn json_of(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(args)
        .arg("--json")
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Deserialises `text` into `T` and checks that `T` holds every key with
/// the same values (no key unknown to the type, none dropped) and writes
/// them in the same order.
fn typed<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> T {
    let doc: T = serde_json::from_str(text).expect("the document fits its type");
    let original: serde_json::Value = serde_json::from_str(text).expect("JSON");
    let again = serde_json::to_value(&doc).expect("serialises");
    assert_eq!(again, original, "the type drops or changes a key");
    // serde_json reads the last digit of some floats differently from how it
    // wrote them, so the order is compared with numbers masked.
    let written = serde_json::to_string(&doc).expect("serialises");
    assert_eq!(
        mask_numbers(&written),
        mask_numbers(text.trim_end()),
        "the type reorders keys"
    );
    doc
}

/// `text` with every run of number characters replaced by one `#`.
fn mask_numbers(text: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in text.chars() {
        let numeric = c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-');
        if !numeric {
            out.push(c);
        } else if !in_number {
            out.push('#');
        }
        in_number = numeric;
    }
    out
}

const BUNDLED: [&str; 3] = ["canada-2016.ron", "canada-2018.ron", "template.ron"];

#[test]
fn rank_json_is_the_engine_ranking_and_wsm_scores_are_weighted_sums() {
    for name in BUNDLED {
        let path = scenario_path(name);
        let file = path.display().to_string();
        let scenario = load(&path);
        for method in Method::ALL {
            let doc: RankJson = typed(&json_of(&["rank", &file, "--method", method.as_str()]));
            let evaluation = evaluate(&scenario, None, method).expect("valid");
            assert_eq!(doc.method, method.as_str());
            assert_eq!(doc.profile, scenario.active_profile);
            let ids: Vec<&str> = doc.ranking.iter().map(|r| r.id.as_str()).collect();
            let engine: Vec<&str> = evaluation
                .ranking
                .iter()
                .map(|r| r.alternative.as_str())
                .collect();
            assert_eq!(ids, engine, "{name} {method:?}");
            assert!(doc.ranking.windows(2).all(|w| w[0].rank <= w[1].rank));
            let excluded: Vec<String> = exclusions(&scenario, scenario.active())
                .into_iter()
                .map(|x| x.alternative)
                .collect();
            let listed: Vec<String> = doc.excluded.iter().map(|x| x.id.clone()).collect();
            assert_eq!(listed, excluded);
            assert!(doc.excluded.iter().all(|x| !x.reasons.is_empty()));
            if method == Method::Wsm {
                // wsm: the score is the weighted sum of the scaled values.
                let m = &evaluation.matrix;
                let values = scaled_values(m);
                for row in &doc.ranking {
                    let i = m
                        .alternatives
                        .iter()
                        .position(|a| *a == row.id)
                        .expect("ranked option is in the matrix");
                    let sum: f64 = (0..m.m())
                        .map(|j| m.weights[j] * values[i * m.m() + j])
                        .sum();
                    assert!((row.score - sum).abs() < 1e-9, "{name} {}", row.id);
                }
            }
        }
    }
}

#[test]
fn sensitivity_json_holds_the_engine_thresholds_in_increasing_weight() {
    for name in BUNDLED {
        let path = scenario_path(name);
        let file = path.display().to_string();
        let scenario = load(&path);
        let doc: SensitivityJson = typed(&json_of(&["sensitivity", &file]));
        let evaluation = evaluate(&scenario, None, Method::Wsm).expect("valid");
        let curves = all_criteria(&evaluation.matrix, Method::Wsm, 101);
        assert_eq!(doc.criteria.len(), curves.len());
        for (c, curve) in doc.criteria.iter().zip(&curves) {
            // Within a unit in the last place: serde_json's reading of floats.
            assert!((c.weight - curve.current_weight).abs() < 1e-15);
            let weights: Vec<f64> = c.thresholds.iter().map(|t| t.weight).collect();
            assert_eq!(weights.len(), curve.thresholds.len());
            for (w, t) in weights.iter().zip(&curve.thresholds) {
                assert!((w - t.weight).abs() < 1e-15);
            }
            assert!(weights.windows(2).all(|w| w[0] <= w[1]));
            assert!(c.thresholds.iter().all(|t| t.top_before != t.top_after));
        }
    }
}

#[test]
fn smaa_json_is_the_engine_run_with_the_same_seed() {
    let path = scenario_path("canada-2016.ron");
    let file = path.display().to_string();
    let scenario = load(&path);
    let doc: SmaaJson<'_> = typed(&json_of(&[
        "smaa",
        &file,
        "--samples",
        "400",
        "--seed",
        "7",
    ]));
    assert_eq!((doc.samples, doc.seed), (400, 7));
    let profile = select_profile(&scenario, None).expect("active profile");
    let evaluation = evaluate(&scenario, None, Method::Wsm).expect("valid");
    let options = SmaaOptions {
        samples: 400,
        seed: 7,
        ..SmaaOptions::default()
    };
    // The bundled file has a value tree: weights are drawn per node.
    let sampler =
        TreeSampler::for_profile(&scenario, profile, &evaluation.matrix).expect("bounds valid");
    let run = smaa_with(&evaluation.matrix, Method::Wsm, &sampler, &options);
    assert_eq!(doc.acceptability.len(), run.alternatives.len());
    for (i, id) in run.alternatives.iter().enumerate() {
        let row = &doc.acceptability[&scenario.alternative_name(id, tradeoff::model::Lang::En)];
        assert_eq!(row.len(), run.acceptability[i].len());
        for (x, y) in row.iter().zip(&run.acceptability[i]) {
            assert!((x - y).abs() < 1e-15);
        }
        // Every sample gives the option exactly one rank.
        assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
    assert_eq!(doc.ranks_counted, run.alternatives.len());
}

#[test]
fn package_json_values_are_sums_within_the_caps() {
    let path = scenario_path("canada-2016.ron");
    let file = path.display().to_string();
    let scenario = load(&path);
    let doc: PackageJson = typed(&json_of(&["package", &file, "--top", "4"]));
    let profile = select_profile(&scenario, None).expect("active profile");
    let engine = best_packages(&scenario, profile, 4).expect("combinable");
    assert_eq!(doc.packages.len(), engine.packages.len());
    for (p, e) in doc.packages.iter().zip(&engine.packages) {
        assert_eq!(p.ids, e.options);
        let sum: f64 = p.options.iter().map(|name| doc.values[name]).sum();
        assert!(
            (p.value - sum).abs() < 1e-9,
            "a package's value is the sum of its options'"
        );
        for r in &doc.resources {
            assert!(p.uses[&r.resource] <= r.cap + 1e-9, "{} over its cap", r.id);
        }
    }
    assert!(doc.packages.windows(2).all(|w| w[0].value >= w[1].value));
}

#[test]
fn frontier_json_marks_exactly_the_undominated_options() {
    let path = scenario_path("canada-2016.ron");
    let file = path.display().to_string();
    let scenario = load(&path);
    let doc: FrontierJson = typed(&json_of(&["frontier", &file, "--cost", "budget"]));
    let profile = select_profile(&scenario, None).expect("active profile");
    let cost = resolve_cost(&scenario, "budget").expect("a resource");
    let vfm = value_for_money(&scenario, profile, &cost);
    let engine: Vec<&str> = vfm
        .frontier
        .iter()
        .map(|&k| vfm.options[k].alternative.as_str())
        .collect();
    assert_eq!(doc.frontier, engine);
    // Textbook: efficient when no other option costs no more and gives no
    // less value, one of them strictly.
    for o in &doc.options {
        let dominated = doc.options.iter().any(|p| {
            p.cost <= o.cost && p.value >= o.value && (p.cost < o.cost || p.value > o.value)
        });
        assert_eq!(o.efficient, !dominated, "{}", o.id);
    }
}

#[test]
fn diff_json_terms_sum_to_the_change_in_the_gap() {
    let (a, b) = (
        scenario_path("canada-2016.ron"),
        scenario_path("canada-2018.ron"),
    );
    let doc: DiffJson = typed(&json_of(&[
        "diff",
        &a.display().to_string(),
        &b.display().to_string(),
    ]));
    let (sa, sb) = (load(&a), load(&b));
    let c = compare(&sa, &sb, Method::Wsm, None).expect("comparable");
    let e = c.explanation().expect("wsm explains the pair");
    let (gap_a, gap_b) = (
        doc.explanation.gap_a.expect("gap in A"),
        doc.explanation.gap_b.expect("gap in B"),
    );
    assert!((gap_a - e.gap_a).abs() < 1e-15 && (gap_b - e.gap_b).abs() < 1e-15);
    let total: f64 = doc
        .explanation
        .terms
        .iter()
        .map(|t| t.weight_effect + t.value_effect)
        .sum();
    assert!((total - (gap_b - gap_a)).abs() < 1e-9);
    // The rankings are those of `rank`.
    let rank_a: RankJson = typed(&json_of(&["rank", &a.display().to_string()]));
    assert_eq!(doc.ranking_a, rank_a.ranking);
    assert_eq!(doc.excluded_a, rank_a.excluded);
}
