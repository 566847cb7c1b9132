//! Weight elicitation (issue 8): swing, AHP (with a published worked
//! example and inconsistent input), rank-order centroid with ties,
//! combined profiles and the winner along a path between two profiles.

use std::path::Path;
use tradeoff::analysis::weighting::{
    WeightingError, ahp, combine, pairwise_matrix, path_winners, random_index, rank_order_centroid,
    rank_order_centroid_ids, swing_weights,
};
use tradeoff::analysis::{Method, evaluate};
use tradeoff::model::Lang;

fn assert_close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tol, "{got:?} vs {want:?}");
    }
}

fn ids(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn swing_ratings_become_normalised_weights() {
    assert_close(
        &swing_weights(&[100.0, 50.0, 25.0]).expect("valid"),
        &[4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0],
        1e-15,
    );
    // A swing judged worthless gets weight 0.
    assert_close(
        &swing_weights(&[100.0, 0.0]).expect("valid"),
        &[1.0, 0.0],
        0.0,
    );
    assert!(matches!(
        swing_weights(&[100.0, 120.0]),
        Err(WeightingError::RatingOutOfRange { criterion: 1, .. })
    ));
    assert!(swing_weights(&[100.0, -1.0]).is_err());
    assert!(swing_weights(&[f64::NAN]).is_err());
    assert_eq!(swing_weights(&[0.0, 0.0]), Err(WeightingError::AllZero));
    assert_eq!(swing_weights(&[]), Err(WeightingError::NoCriteria));
}

#[test]
fn consistent_judgements_give_back_the_ratios() {
    // a_ij = w_i / w_j for w = (.5, .3, .2): perfectly consistent.
    let w = [0.5, 0.3, 0.2];
    let matrix: Vec<Vec<f64>> = w
        .iter()
        .map(|a| w.iter().map(|b| a / b).collect())
        .collect();
    let result = ahp(&matrix).expect("valid");
    assert_close(&result.weights, &w, 1e-12);
    assert!((result.lambda_max - 3.0).abs() < 1e-12);
    assert!(result.consistency_ratio < 1e-12 && !result.is_inconsistent());
    let worst = result.most_inconsistent.expect("n >= 2");
    assert!(worst.log_error < 1e-12);
}

/// Wikipedia, "Analytic hierarchy process – leader example" (the worked
/// example of choosing a company leader among Tom, Dick and Harry): the
/// board's pairwise comparison of the four criteria (Experience, Education,
/// Charisma, Age) gives the published priorities .547, .127, .270 and .056
/// with a consistency ratio of 0.044.
#[test]
fn reproduces_the_published_leader_example() {
    let criteria = ids(&["experience", "education", "charisma", "age"]);
    let judgements = vec![
        ("experience".into(), "education".into(), 4.0),
        ("experience".into(), "charisma".into(), 3.0),
        ("experience".into(), "age".into(), 7.0),
        ("education".into(), "charisma".into(), 1.0 / 3.0),
        ("education".into(), "age".into(), 3.0),
        ("charisma".into(), "age".into(), 5.0),
    ];
    let matrix = pairwise_matrix(&criteria, &judgements).expect("complete");
    assert!((matrix[2][1] - 3.0).abs() < 1e-15, "reciprocal filled in");
    let result = ahp(&matrix).expect("valid");
    // Published to three decimals (Experience computes as 0.5476, which the
    // page shows as .547, so allow a unit in the third decimal).
    assert_close(&result.weights, &[0.547, 0.127, 0.270, 0.056], 1e-3);
    assert!((result.random_index - 0.90).abs() < 1e-15);
    assert!(
        (result.consistency_ratio - 0.044).abs() < 5e-4,
        "CR {}",
        result.consistency_ratio
    );
    assert!(!result.is_inconsistent());
    // λmax = n + CI (n - 1) = 4 + 0.044 * 0.90 * 3 ≈ 4.118.
    assert!(
        (result.lambda_max - 4.118).abs() < 1e-3,
        "{}",
        result.lambda_max
    );
    // Power iteration converged: A w = λ w to high precision.
    for (i, row) in matrix.iter().enumerate() {
        let aw: f64 = row.iter().zip(&result.weights).map(|(a, w)| a * w).sum();
        assert!((aw - result.lambda_max * result.weights[i]).abs() < 1e-10);
    }
}

#[test]
fn inconsistent_judgements_are_flagged_and_the_culprit_named() {
    // Consistent for w = (8, 4, 2, 1), except criterion 0 vs 3, turned round
    // from 8 to 1/8.
    let w = [8.0, 4.0, 2.0, 1.0];
    let mut matrix: Vec<Vec<f64>> = w
        .iter()
        .map(|a| w.iter().map(|b| a / b).collect())
        .collect();
    matrix[0][3] = 1.0 / 8.0;
    matrix[3][0] = 8.0;
    let result = ahp(&matrix).expect("valid");
    assert!(
        result.consistency_ratio > 0.10,
        "CR {}",
        result.consistency_ratio
    );
    assert!(result.is_inconsistent());
    let worst = result.most_inconsistent.expect("n >= 2");
    assert_eq!((worst.row, worst.col), (0, 3));
    assert_eq!(worst.given, 1.0 / 8.0);
    // Every other judgement fits the weights better.
    for (i, row) in matrix.iter().enumerate() {
        for (j, &a) in row.iter().enumerate().skip(i + 1) {
            let fit = (a * result.weights[j] / result.weights[i]).ln().abs();
            assert!(
                (i, j) == (0, 3) || fit < worst.log_error,
                "({i}, {j}): {fit}"
            );
        }
    }

    // A cycle (0 > 1 > 2 > 0, each at 9) is as inconsistent as it gets.
    let cycle = vec![
        vec![1.0, 9.0, 1.0 / 9.0],
        vec![1.0 / 9.0, 1.0, 9.0],
        vec![9.0, 1.0 / 9.0, 1.0],
    ];
    let result = ahp(&cycle).expect("valid");
    assert!(result.consistency_ratio > 1.0);
    assert_close(&result.weights, &[1.0 / 3.0; 3], 1e-9);
}

#[test]
fn malformed_pairwise_input_is_refused() {
    let not_reciprocal = vec![vec![1.0, 3.0], vec![3.0, 1.0]];
    assert!(matches!(
        ahp(&not_reciprocal),
        Err(WeightingError::NotReciprocal { .. })
    ));
    let off_scale = vec![vec![1.0, 10.0], vec![0.1, 1.0]];
    assert!(matches!(
        ahp(&off_scale),
        Err(WeightingError::JudgementOutOfRange { .. })
    ));
    assert_eq!(ahp(&[vec![1.0, 2.0]]), Err(WeightingError::NotSquare));
    assert_eq!(ahp(&[]), Err(WeightingError::NoCriteria));
    let criteria = ids(&["a", "b", "c"]);
    let partial = vec![("a".into(), "b".into(), 3.0)];
    assert_eq!(
        pairwise_matrix(&criteria, &partial),
        Err(WeightingError::MissingJudgement("a".into(), "c".into()))
    );
    let unknown = vec![("a".into(), "z".into(), 3.0)];
    assert_eq!(
        pairwise_matrix(&criteria, &unknown),
        Err(WeightingError::UnknownCriterion("z".into()))
    );
    let twice = vec![("a".into(), "b".into(), 3.0), ("b".into(), "a".into(), 3.0)];
    assert!(matches!(
        pairwise_matrix(&criteria, &twice),
        Err(WeightingError::Duplicate(_))
    ));
    // Messages are translated.
    let e = WeightingError::MissingJudgement("a".into(), "c".into());
    assert_ne!(e.message(Lang::En), e.message(Lang::Fr));
    assert!(e.message(Lang::Fr).contains("« a »"));
}

#[test]
fn one_and_two_criteria_are_always_consistent() {
    let one = ahp(&[vec![1.0]]).expect("valid");
    assert_eq!(one.weights, vec![1.0]);
    assert_eq!(one.consistency_ratio, 0.0);
    let two = ahp(&[vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]]).expect("valid");
    assert_close(&two.weights, &[0.75, 0.25], 1e-12);
    assert_eq!(two.consistency_ratio, 0.0);
    assert_eq!(random_index(2), 0.0);
    assert_eq!(random_index(3), 0.58);
    assert_eq!(random_index(40), 1.59);
}

#[test]
fn rank_order_centroid_without_and_with_ties() {
    // n = 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3.
    let plain = rank_order_centroid(&[vec![2], vec![0], vec![1]], 3).expect("valid");
    assert_close(&plain, &[5.0 / 18.0, 1.0 / 9.0, 11.0 / 18.0], 1e-15);
    // Criteria 1 and 2 tied for second: they share (5/18 + 1/9)/2 = 7/36.
    let tied = rank_order_centroid(&[vec![0], vec![1, 2]], 3).expect("valid");
    assert_close(&tied, &[11.0 / 18.0, 7.0 / 36.0, 7.0 / 36.0], 1e-15);
    assert!((tied.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    // All tied: equal weights.
    let all = rank_order_centroid(&[vec![0, 1, 2, 3]], 4).expect("valid");
    assert_close(&all, &[0.25; 4], 1e-15);
    // An unranked criterion gets 0; the ranked ones still sum to 1.
    let partial = rank_order_centroid(&[vec![1], vec![0]], 3).expect("valid");
    assert_close(&partial, &[0.25, 0.75, 0.0], 1e-15);
    assert!(matches!(
        rank_order_centroid(&[vec![0], vec![0]], 2),
        Err(WeightingError::Duplicate(_))
    ));
    let criteria = ids(&["risk", "cost", "impact"]);
    let by_id = rank_order_centroid_ids(
        &criteria,
        &[vec!["impact".into()], vec!["risk".into(), "cost".into()]],
    )
    .expect("valid");
    assert_close(&by_id, &[7.0 / 36.0, 7.0 / 36.0, 11.0 / 18.0], 1e-15);
    assert_eq!(
        rank_order_centroid_ids(&criteria, &[vec!["impact".into(), "impact".into()]]),
        Err(WeightingError::Duplicate("impact".into()))
    );
}

#[test]
fn profiles_combine_by_arithmetic_or_geometric_mean() {
    // Raw (2, 2) and (1, 3) normalise to (.5, .5) and (.25, .75).
    let profiles = vec![vec![2.0, 2.0], vec![1.0, 3.0]];
    assert_close(
        &combine(&profiles, false).expect("valid"),
        &[0.375, 0.625],
        1e-15,
    );
    // Geometric: sqrt(.125) and sqrt(.375), normalised.
    let (a, b) = (0.125f64.sqrt(), 0.375f64.sqrt());
    assert_close(
        &combine(&profiles, true).expect("valid"),
        &[a / (a + b), b / (a + b)],
        1e-15,
    );
    // A criterion one stakeholder ignores vanishes under the geometric mean.
    let ignored = vec![vec![1.0, 1.0, 0.0], vec![1.0, 1.0, 2.0]];
    assert_eq!(combine(&ignored, true).expect("valid")[2], 0.0);
    assert!(combine(&ignored, false).expect("valid")[2] > 0.0);
    assert_eq!(
        combine(&[vec![1.0], vec![1.0, 2.0]], false),
        Err(WeightingError::LengthMismatch)
    );
    assert_eq!(
        combine(&[vec![1.0, 0.0], vec![0.0, 1.0]], true),
        Err(WeightingError::AllZero)
    );
}

#[test]
fn winner_switches_where_the_path_crosses() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/deployments.csv");
    let scenario = tradeoff::io::load(&path).expect("loads");
    let matrix = evaluate(&scenario, None, Method::Wsm)
        .expect("evaluates")
        .matrix;
    // From (.4, .3, .3), where CAR scores .85 and Mali .3, to impact only,
    // where Mali scores 1 and CAR .5: CAR = .85 - .35t, Mali = .3 + .7t,
    // equal at t = .55/1.05 = 11/21.
    let result = path_winners(&matrix, Method::Wsm, &matrix.weights, &[0.0, 0.0, 1.0], 200)
        .expect("same length");
    assert_eq!(result.start.as_deref(), Some("CAR"));
    assert_eq!(result.end.as_deref(), Some("Mali"));
    assert_eq!(result.switches.len(), 1, "{:?}", result.switches);
    let s = &result.switches[0];
    assert!((s.t - 11.0 / 21.0).abs() < 1e-6, "{}", s.t);
    assert_eq!((s.before.as_str(), s.after.as_str()), ("CAR", "Mali"));
    // Same profile at both ends: nothing changes.
    let still = path_winners(
        &matrix,
        Method::Topsis,
        &matrix.weights,
        &matrix.weights,
        10,
    )
    .expect("same length");
    assert!(still.switches.is_empty());
    assert_eq!(still.start, still.end);
    assert_eq!(
        path_winners(&matrix, Method::Wsm, &[1.0], &[1.0], 10),
        Err(WeightingError::LengthMismatch)
    );
}

#[test]
fn stored_elicitations_give_back_their_weights() {
    use std::collections::BTreeMap;
    use tradeoff::analysis::weighting::weights_from_elicitation;
    use tradeoff::model::{Elicitation, Text, WeightProfile};
    let criteria = ids(&["risk", "cost", "impact"]);
    let swing = Elicitation::Swing {
        order: ids(&["impact", "risk", "cost"]),
        ratings: BTreeMap::from([
            ("impact".to_string(), 100.0),
            ("risk".to_string(), 60.0),
            ("cost".to_string(), 40.0),
        ]),
    };
    let got = weights_from_elicitation(&criteria, &swing, &[])
        .expect("has inputs")
        .expect("valid");
    assert_close(&got, &[0.3, 0.2, 0.5], 1e-15);
    let ranked = Elicitation::RankOrder {
        ranking: vec![vec!["impact".into()], vec!["risk".into(), "cost".into()]],
    };
    let got = weights_from_elicitation(&criteria, &ranked, &[])
        .expect("has inputs")
        .expect("valid");
    assert_close(&got, &[7.0 / 36.0, 7.0 / 36.0, 11.0 / 18.0], 1e-15);
    let pairwise = Elicitation::Pairwise {
        judgements: vec![
            ("risk".into(), "cost".into(), 2.0),
            ("risk".into(), "impact".into(), 1.0),
            ("cost".into(), "impact".into(), 0.5),
        ],
    };
    let got = weights_from_elicitation(&criteria, &pairwise, &[])
        .expect("has inputs")
        .expect("valid");
    assert_close(&got, &[0.4, 0.2, 0.4], 1e-12);
    let mut a = WeightProfile::new("a", Text::new("A"));
    a.weights = BTreeMap::from([("risk".to_string(), 1.0)]);
    let mut b = WeightProfile::new("b", Text::new("B"));
    b.weights = BTreeMap::from([("cost".to_string(), 1.0)]);
    let combined = Elicitation::Combined {
        profiles: ids(&["a", "b"]),
        geometric: false,
    };
    let got = weights_from_elicitation(&criteria, &combined, &[a.clone(), b])
        .expect("has inputs")
        .expect("valid");
    assert_close(&got, &[0.5, 0.5, 0.0], 1e-15);
    assert_eq!(
        weights_from_elicitation(&criteria, &combined, &[a]).expect("has inputs"),
        Err(WeightingError::UnknownProfile("b".into()))
    );
    assert!(weights_from_elicitation(&criteria, &Elicitation::Direct, &[]).is_none());
}
