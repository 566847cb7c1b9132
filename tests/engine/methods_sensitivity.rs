//! One-way weight sensitivity (issue 6 item 1): switch points checked by
//! hand on the deployments case and against brute force on random matrices.

use proptest::prelude::*;
use std::path::Path;
use tradeoff::analysis::sensitivity::{all_criteria, describe, sensitivity, weights_at};
use tradeoff::analysis::{
    DecisionMatrix, Method, competition_ranks, evaluate, scores_with_weights,
};
use tradeoff::model::{Direction, Lang, Preference, Scenario};

fn deployments() -> (Scenario, DecisionMatrix) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/deployments.csv");
    let scenario = tradeoff::io::load(&path).expect("reference CSV loads");
    let matrix = evaluate(&scenario, None, Method::Wsm)
        .expect("evaluates")
        .matrix;
    (scenario, matrix)
}

/// The top option by brute force: first option ranked 1 at weight t.
fn brute_top(matrix: &DecisionMatrix, method: Method, criterion: usize, t: f64) -> usize {
    let w = weights_at(&matrix.weights, criterion, t);
    let ranks = competition_ranks(&scores_with_weights(method, matrix, &w));
    ranks
        .iter()
        .position(|&r| r == 1)
        .expect("some option is first")
}

#[test]
fn other_weights_keep_their_proportions() {
    let w = weights_at(&[0.4, 0.3, 0.3], 0, 0.7);
    assert!((w[0] - 0.7).abs() < 1e-15);
    assert!((w[1] - 0.15).abs() < 1e-15 && (w[2] - 0.15).abs() < 1e-15);
    // All others zero: they share the rest equally.
    let w = weights_at(&[1.0, 0.0, 0.0], 0, 0.4);
    assert_eq!(w, vec![0.4, 0.3, 0.3]);
    // A lone criterion always has weight 1.
    assert_eq!(weights_at(&[1.0], 0, 0.2), vec![1.0]);
}

#[test]
fn wsm_threshold_on_local_impact_is_exactly_two_thirds() {
    // With Risk and Cost at 4:3, CAR's score is 1 - t/2 and Mali's is t
    // (Mali is worst on risk and cost, best on impact): they cross at t = 2/3.
    let (_, matrix) = deployments();
    let impact = matrix
        .criteria
        .iter()
        .position(|c| c == "Local impact")
        .expect("column");
    let curve = sensitivity(&matrix, Method::Wsm, impact, 101);
    assert_eq!(curve.thresholds.len(), 1, "{:?}", curve.thresholds);
    let th = &curve.thresholds[0];
    assert!((th.weight - 2.0 / 3.0).abs() < 1e-12, "{}", th.weight);
    assert_eq!(
        (th.top_before.as_str(), th.top_after.as_str()),
        ("CAR", "Mali")
    );
    assert!((curve.current_weight - 0.3).abs() < 1e-15);
    // The grid holds each option's score; CAR at t = 0 and t = 1.
    assert_eq!(curve.weights.len(), 101);
    let car = curve
        .alternatives
        .iter()
        .position(|a| a == "CAR")
        .expect("CAR");
    assert!((curve.scores[car][0] - 1.0).abs() < 1e-12);
    assert!((curve.scores[car][100] - 0.5).abs() < 1e-12);
}

#[test]
fn wsm_has_no_threshold_where_car_dominates() {
    // CAR is best on Risk and Cost: more weight on either only helps it.
    let (_, matrix) = deployments();
    let curves = all_criteria(&matrix, Method::Wsm, 11);
    assert_eq!(curves.len(), 3);
    assert!(curves[0].thresholds.is_empty() && curves[1].thresholds.is_empty());
}

#[test]
fn scanned_topsis_and_exact_promethee_agree_with_brute_force_on_deployments() {
    let (_, matrix) = deployments();
    for method in [Method::Topsis, Method::Promethee2] {
        for j in 0..matrix.m() {
            let curve = sensitivity(&matrix, method, j, 51);
            for th in &curve.thresholds {
                let before = brute_top(&matrix, method, j, th.weight - 1e-6);
                let after = brute_top(&matrix, method, j, th.weight + 1e-6);
                assert_eq!(matrix.alternatives[before], th.top_before, "{method} {j}");
                assert_eq!(matrix.alternatives[after], th.top_after, "{method} {j}");
            }
        }
    }
}

#[test]
fn sentences_say_who_stays_first_in_both_languages() {
    let (scenario, matrix) = deployments();
    let curves = all_criteria(&matrix, Method::Wsm, 11);
    assert_eq!(
        describe(&scenario, &curves[0], Lang::En),
        "CAR stays first whatever the weight on Risk."
    );
    assert_eq!(
        describe(&scenario, &curves[2], Lang::En),
        "CAR stays first while the weight on Local impact (now 30%) is below 67%. \
         Above 67%, Mali comes first."
    );
    let fr = describe(&scenario, &curves[2], Lang::Fr);
    assert!(
        fr.contains("reste en tête") && fr.contains("67\u{a0}%"),
        "{fr}"
    );
    assert!(
        fr.contains("Au-delà de 67\u{a0}%, Mali passe en tête."),
        "{fr}"
    );
}

#[test]
fn a_switch_on_both_sides_gives_a_between_sentence() {
    // Three options on two max criteria, weights .5/.5. Scores along t (weight of c0):
    // A = 0.9 - 0.8t... built so that B leads in the middle.
    // A: c0 = 0, c1 = 1 -> 1 - t; B: c0 = .6, c1 = .6 -> .6; C: c0 = 1, c1 = 0 -> t.
    // A leads below .4, B between .4 and .6, C above .6.
    let values = vec![0.0, 1.0, 0.6, 0.6, 1.0, 0.0];
    let matrix = DecisionMatrix {
        alternatives: vec!["A".into(), "B".into(), "C".into()],
        criteria: vec!["c0".into(), "c1".into()],
        directions: vec![Direction::Maximize; 2],
        scales: vec![None; 2],
        preferences: vec![Preference::Usual; 2],
        weights: vec![0.5, 0.5],
        value_functions: vec![None; 2],
        lows: values.clone(),
        highs: values.clone(),
        values,
    };
    let curve = sensitivity(&matrix, Method::Wsm, 0, 11);
    let got: Vec<(f64, &str, &str)> = curve
        .thresholds
        .iter()
        .map(|t| (t.weight, t.top_before.as_str(), t.top_after.as_str()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!((got[0].0 - 0.4).abs() < 1e-12 && (got[1].0 - 0.6).abs() < 1e-12);
    assert_eq!((got[0].1, got[0].2, got[1].2), ("A", "B", "C"));
    let scenario = Scenario::empty("t".into());
    assert_eq!(
        describe(&scenario, &curve, Lang::En),
        "B stays first while the weight on c0 (now 50%) is between 40% and 60%. \
         Below 40%, A comes first. Above 60%, C comes first."
    );
}

#[test]
fn no_options_and_one_criterion_are_quiet() {
    let (scenario, mut matrix) = deployments();
    let one = DecisionMatrix {
        criteria: vec!["Risk".into()],
        directions: vec![Direction::Minimize],
        scales: vec![None],
        preferences: vec![Preference::Usual],
        weights: vec![1.0],
        value_functions: vec![None],
        values: matrix.column(0),
        lows: matrix.column(0),
        highs: matrix.column(0),
        alternatives: matrix.alternatives.clone(),
    };
    for method in Method::ALL {
        assert!(sensitivity(&one, method, 0, 5).thresholds.is_empty());
    }
    matrix.alternatives.clear();
    matrix.values.clear();
    matrix.lows.clear();
    matrix.highs.clear();
    let curve = sensitivity(&matrix, Method::Topsis, 1, 5);
    assert!(curve.thresholds.is_empty() && curve.scores.is_empty());
    assert_eq!(
        describe(&scenario, &curve, Lang::En),
        "No option is feasible: there is nothing to compare."
    );
}

fn random_matrix() -> impl Strategy<Value = DecisionMatrix> {
    (2usize..7, 2usize..5).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec(0.0..10.0f64, n * m),
            prop::collection::vec(0.05..1.0f64, m),
            prop::collection::vec(any::<bool>(), m),
        )
            .prop_map(move |(values, weights, max)| {
                let total: f64 = weights.iter().sum();
                let weights = weights.iter().map(|w| w / total).collect();
                let preferences = vec![Preference::Usual; m];
                let mut matrix = DecisionMatrix::synthetic(n, m, values, weights, preferences);
                matrix.directions = max
                    .iter()
                    .map(|&b| {
                        if b {
                            Direction::Maximize
                        } else {
                            Direction::Minimize
                        }
                    })
                    .collect();
                matrix
            })
    })
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Wsm),
        Just(Method::Topsis),
        Just(Method::Promethee2)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn thresholds_match_brute_force(matrix in random_matrix(), method in method()) {
        const OFFSET: f64 = 1e-4;
        for j in 0..matrix.m() {
            let curve = sensitivity(&matrix, method, j, 21);
            let ts: Vec<f64> = curve.thresholds.iter().map(|t| t.weight).collect();
            prop_assert!(ts.windows(2).all(|w| w[0] < w[1]), "increasing: {ts:?}");
            prop_assert!(ts.iter().all(|&t| t > 0.0 && t < 1.0));
            // Switches closer together than the probe offset cannot be told apart.
            let crowded = ts.windows(2).any(|w| w[1] - w[0] < 3.0 * OFFSET)
                || ts.iter().any(|&t| !(3.0 * OFFSET..=1.0 - 3.0 * OFFSET).contains(&t));
            prop_assume!(!crowded);
            for th in &curve.thresholds {
                let before = brute_top(&matrix, method, j, th.weight - OFFSET);
                let after = brute_top(&matrix, method, j, th.weight + OFFSET);
                prop_assert_eq!(&matrix.alternatives[before], &th.top_before);
                prop_assert_eq!(&matrix.alternatives[after], &th.top_after);
                if method != Method::Topsis {
                    // Exact: the two options score the same at the switch.
                    let w = weights_at(&matrix.weights, j, th.weight);
                    let s = scores_with_weights(method, &matrix, &w);
                    prop_assert!((s[before] - s[after]).abs() < 1e-9);
                }
            }
            // Between switches the top never changes: no switch was missed.
            for k in 0..=1000 {
                let t = OFFSET + (1.0 - 2.0 * OFFSET) * k as f64 / 1000.0;
                if ts.iter().any(|&x| (x - t).abs() < OFFSET) {
                    continue;
                }
                let top = brute_top(&matrix, method, j, t);
                prop_assert_eq!(Some(matrix.alternatives[top].as_str()), curve.top_at(t), "t = {}", t);
            }
        }
    }
}

#[test]
fn cli_prints_the_documented_json_and_sentences() {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/deployments.csv");
    let output = assert_cmd::Command::cargo_bin("tradeoff")
        .expect("binary is built")
        .arg("sensitivity")
        .arg(&csv)
        .arg("--json")
        .output()
        .expect("runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["method"], "wsm");
    let criteria = json["criteria"].as_array().expect("list");
    let names: Vec<&str> = criteria
        .iter()
        .filter_map(|c| c["criterion"].as_str())
        .collect();
    assert_eq!(names, ["Risk", "Cost", "Local impact"]);
    assert_eq!(criteria[0]["weight"], 0.4);
    assert_eq!(criteria[0]["thresholds"], serde_json::json!([]));
    let th = &criteria[2]["thresholds"][0];
    assert!((th["weight"].as_f64().expect("number") - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(
        (th["top_before"].as_str(), th["top_after"].as_str()),
        (Some("CAR"), Some("Mali"))
    );

    let output = assert_cmd::Command::cargo_bin("tradeoff")
        .expect("binary is built")
        .args([
            "--lang",
            "en",
            "sensitivity",
            "--method",
            "topsis",
            "--criterion",
            "Local impact",
        ])
        .arg(&csv)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains("CAR stays first while the weight on Local impact"),
        "{text}"
    );
    assert!(
        !text.contains("on Risk"),
        "only the criterion asked for: {text}"
    );

    let output = assert_cmd::Command::cargo_bin("tradeoff")
        .expect("binary is built")
        .args(["--lang", "en", "sensitivity", "--criterion", "Nope"])
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no criterion named 'Nope'"));
}
