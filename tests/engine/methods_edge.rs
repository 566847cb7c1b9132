//! Hand-checked edge cases of the three methods (issue 3 item 6): constant
//! column, zero weight, one option, one criterion, negative values,
//! duplicate options, fixed scale, and PROMETHEE's linear and V-shape
//! preference functions. Expected numbers are worked out in the comments.

use tradeoff::analysis::{DecisionMatrix, Method, competition_ranks, scores};
use tradeoff::model::{Direction, Preference, Scale};

const MAX: Direction = Direction::Maximize;
const MIN: Direction = Direction::Minimize;

/// A matrix from rows of values; weights are normalised here.
fn matrix(rows: &[&[f64]], directions: &[Direction], weights: &[f64]) -> DecisionMatrix {
    let m = directions.len();
    let values: Vec<f64> = rows.iter().flat_map(|r| r.iter().copied()).collect();
    assert_eq!(values.len(), rows.len() * m);
    let total: f64 = weights.iter().sum();
    let weights = weights.iter().map(|w| w / total).collect();
    let preferences = vec![Preference::Usual; m];
    let mut matrix = DecisionMatrix::synthetic(rows.len(), m, values, weights, preferences);
    matrix.directions = directions.to_vec();
    matrix
}

fn assert_scores(method: Method, mx: &DecisionMatrix, want: &[f64]) {
    let got = scores(method, mx);
    assert_eq!(got.len(), want.len(), "{method}");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= 1e-12,
            "{method} option {i}: {g} vs {w} ({got:?})"
        );
    }
}

#[test]
fn constant_column_scores_one_and_separates_nobody() {
    // c0 is constant (3, 3); c1 is (1, 2), both max, weights .5/.5.
    let mx = matrix(&[&[3.0, 1.0], &[3.0, 2.0]], &[MAX, MAX], &[0.5, 0.5]);
    // wsm: v(c0) = 1 for both; v(c1) = 0, 1 -> 0.5, 1.0.
    assert_scores(Method::Wsm, &mx, &[0.5, 1.0]);
    // topsis: c0 is identical for both, so it adds no distance; on c1 the
    // first option sits at the anti-ideal (0) and the second at the ideal (1).
    assert_scores(Method::Topsis, &mx, &[0.0, 1.0]);
    // promethee2: only c1 separates them, pi(a1, a0) = 0.5 -> -0.5, 0.5.
    assert_scores(Method::Promethee2, &mx, &[-0.5, 0.5]);
}

#[test]
fn zero_weight_criterion_changes_nothing() {
    // c1 would reverse the order but has weight 0.
    let mx = matrix(&[&[1.0, 10.0], &[2.0, 0.0]], &[MAX, MAX], &[1.0, 0.0]);
    assert_scores(Method::Wsm, &mx, &[0.0, 1.0]);
    assert_scores(Method::Topsis, &mx, &[0.0, 1.0]);
    assert_scores(Method::Promethee2, &mx, &[-1.0, 1.0]);
}

#[test]
fn one_option_gets_the_degenerate_scores() {
    let mx = matrix(&[&[4.0, 7.0]], &[MAX, MIN], &[0.3, 0.7]);
    // wsm: every column is constant -> v = 1 -> score = sum of weights.
    assert_scores(Method::Wsm, &mx, &[1.0]);
    // topsis: the option is both ideal and anti-ideal: d+ = d- = 0 -> 0.5.
    assert_scores(Method::Topsis, &mx, &[0.5]);
    // promethee2: a single option scores 0.
    assert_scores(Method::Promethee2, &mx, &[0.0]);
    assert_eq!(competition_ranks(&scores(Method::Wsm, &mx)), vec![1]);
}

#[test]
fn one_criterion_orders_by_that_criterion() {
    let mx = matrix(&[&[1.0], &[2.0], &[4.0]], &[MAX], &[1.0]);
    // wsm: (x - 1) / 3.
    assert_scores(Method::Wsm, &mx, &[0.0, 1.0 / 3.0, 1.0]);
    // topsis: v = x/sqrt(21); d+ = (4 - x)/sqrt(21), d- = (x - 1)/sqrt(21)
    // -> (x - 1)/3, the same as wsm on one criterion.
    assert_scores(Method::Topsis, &mx, &[0.0, 1.0 / 3.0, 1.0]);
    // promethee2: (wins - losses) / 2 = -1, 0, 1.
    assert_scores(Method::Promethee2, &mx, &[-1.0, 0.0, 1.0]);
}

#[test]
fn negative_values_are_handled_in_both_directions() {
    let mx = matrix(
        &[&[-2.0, -3.0], &[0.0, -1.0], &[2.0, -2.0]],
        &[MAX, MIN],
        &[1.0, 1.0],
    );
    // wsm: c0 (x+2)/4 = 0, .5, 1; c1 min over [-3,-1]: (-1 - x)/2 = 1, 0, .5.
    // Scores: (0 + 1)/2, (.5 + 0)/2, (1 + .5)/2.
    assert_scores(Method::Wsm, &mx, &[0.5, 0.25, 0.75]);
    // promethee2: c0 wins-losses -2, 0, 2; c1 (less is better): 2, -2, 0;
    // weighted .5 each: 0, -1, 1; divided by n - 1 = 2: 0, -0.5, 0.5.
    assert_scores(Method::Promethee2, &mx, &[0.0, -0.5, 0.5]);

    // topsis on one max criterion (-2, 0, 2): the middle option is equidistant.
    let one = matrix(&[&[-2.0], &[0.0], &[2.0]], &[MAX], &[1.0]);
    assert_scores(Method::Topsis, &one, &[0.0, 0.5, 1.0]);
}

#[test]
fn duplicate_options_tie_under_every_method() {
    let mx = matrix(
        &[&[7.0, 20.0], &[7.0, 20.0], &[9.0, 30.0], &[4.0, 10.0]],
        &[MAX, MIN],
        &[0.6, 0.4],
    );
    for method in Method::ALL {
        let s = scores(method, &mx);
        assert_eq!(s[0], s[1], "{method}: duplicates score identically");
        let ranks = competition_ranks(&s);
        assert_eq!(ranks[0], ranks[1], "{method}: duplicates share a rank");
        // Competition ranking: the rank after the shared one is skipped.
        assert!(!ranks.contains(&(ranks[0] + 1)), "{method}: {ranks:?}");
    }
    // wsm: c0 over [4, 9], c1 min over [10, 30].
    // a0: .6 * 3/5 + .4 * 10/20 = .36 + .2 = .56; a2: .6 * 1 + 0 = .6; a3: 0 + .4 = .4.
    assert_scores(Method::Wsm, &mx, &[0.56, 0.56, 0.6, 0.4]);
    assert_eq!(
        competition_ranks(&scores(Method::Wsm, &mx)),
        vec![2, 2, 1, 4]
    );
}

#[test]
fn fixed_scale_replaces_the_data_range() {
    let mut mx = matrix(&[&[5.0, 2.0], &[8.0, 4.0]], &[MAX, MIN], &[1.0, 1.0]);
    // Impact on 0..10 (best 10); cost on a scale whose worst is 10 and best 0.
    mx.scales = vec![
        Some(Scale {
            worst: 0.0,
            best: 10.0,
        }),
        Some(Scale {
            worst: 10.0,
            best: 0.0,
        }),
    ];
    // wsm: (.5 + .8)/2 = .65 and (.8 + .6)/2 = .7, instead of (0 + 1)/2 and (1 + 0)/2.
    assert_scores(Method::Wsm, &mx, &[0.65, 0.7]);
    // A value outside the fixed scale is not clipped (design.md §4 formula).
    let mut out = matrix(&[&[12.0], &[5.0]], &[MAX], &[1.0]);
    out.scales = vec![Some(Scale {
        worst: 0.0,
        best: 10.0,
    })];
    assert_scores(Method::Wsm, &out, &[1.2, 0.5]);
}

#[test]
fn promethee_linear_preference_uses_both_thresholds() {
    // Values 0, 1, 3 (max), q = 1, p = 3: differences 1 -> 0 (not above q),
    // 3 -> 1 (at p), 2 -> (2 - 1)/(3 - 1) = .5.
    // phi(0) = (0 - (0 + 1))/2 = -.5; phi(1) = (0 - .5)/2 = -.25; phi(3) = (1 + .5)/2 = .75.
    let mut mx = matrix(&[&[0.0], &[1.0], &[3.0]], &[MAX], &[1.0]);
    mx.preferences = vec![Preference::Linear { q: 1.0, p: 3.0 }];
    assert_scores(Method::Promethee2, &mx, &[-0.5, -0.25, 0.75]);
    // The same on a criterion to minimise with the values negated.
    let mut min = matrix(&[&[0.0], &[-1.0], &[-3.0]], &[MIN], &[1.0]);
    min.preferences = mx.preferences.clone();
    assert_scores(Method::Promethee2, &min, &[-0.5, -0.25, 0.75]);
}

#[test]
fn promethee_v_shape_preference_is_linear_up_to_p() {
    // Values 0, 3, 10 (max), p = 5: 3 vs 0 -> .6; 10 vs 0 -> 1; 10 vs 3 -> 1.
    // phi(0) = -(.6 + 1)/2 = -.8; phi(3) = (.6 - 1)/2 = -.2; phi(10) = 2/2 = 1.
    let mut mx = matrix(&[&[0.0], &[3.0], &[10.0]], &[MAX], &[1.0]);
    mx.preferences = vec![Preference::VShape { p: 5.0 }];
    assert_scores(Method::Promethee2, &mx, &[-0.8, -0.2, 1.0]);
    // Two options 5 apart with p = 10: P = .5 -> net flows -.5 and .5.
    let mut two = matrix(&[&[0.0], &[5.0]], &[MAX], &[1.0]);
    two.preferences = vec![Preference::VShape { p: 10.0 }];
    assert_scores(Method::Promethee2, &two, &[-0.5, 0.5]);
}

#[test]
fn all_methods_agree_on_a_dominating_option() {
    // a1 is at least as good everywhere and strictly better somewhere.
    let mx = matrix(
        &[&[5.0, 300.0, 6.0], &[8.0, 250.0, 7.0], &[7.0, 450.0, 5.0]],
        &[MAX, MIN, MAX],
        &[0.4, 0.3, 0.3],
    );
    for method in Method::ALL {
        let s = scores(method, &mx);
        assert_eq!(competition_ranks(&s)[1], 1, "{method}: {s:?}");
    }
    // wsm by hand: c0 over [5, 8], c1 min over [250, 450], c2 over [5, 7].
    // a0: .4*0 + .3*.75 + .3*.5 = .375; a1: 1; a2: .4 * 2/3 + 0 + 0.
    assert_scores(Method::Wsm, &mx, &[0.375, 1.0, 0.8 / 3.0]);
    // promethee2: a1 beats both on every criterion: (2 * 1)/2 = 1.
    assert!((scores(Method::Promethee2, &mx)[1] - 1.0).abs() <= 1e-12);
}
