//! PROMETHEE II against its pairwise definition (design.md §4) where the
//! sorted formulation is easiest to get wrong: differences landing exactly on
//! q or p, q = p, ties, decimal values whose differences round (1.1 − 0.1).

use proptest::prelude::*;
use tradeoff::analysis::{DecisionMatrix, Method, scores};
use tradeoff::model::{Direction, Preference};

/// P(d) written from design.md §4, independently of the engine.
fn degree(pref: Preference, d: f64) -> f64 {
    let (q, p) = match pref {
        Preference::Usual => return if d > 0.0 { 1.0 } else { 0.0 },
        Preference::VShape { p } => (0.0, p),
        Preference::Linear { q, p } => (q, p),
    };
    if d <= q {
        0.0
    } else if d > p {
        1.0
    } else {
        (d - q) / (p - q)
    }
}

/// Net flows by the O(n²m) definition: pi(a,b) = sum_j w_j P_j(d_j(a,b)).
fn net_flows_by_definition(mx: &DecisionMatrix) -> Vec<f64> {
    let (n, m) = (mx.n(), mx.m());
    if n < 2 {
        return vec![0.0; n];
    }
    let pi = |a: usize, b: usize| -> f64 {
        (0..m)
            .map(|j| {
                let d = match mx.directions[j] {
                    Direction::Maximize => mx.value(a, j) - mx.value(b, j),
                    Direction::Minimize => mx.value(b, j) - mx.value(a, j),
                };
                mx.weights[j] * degree(mx.preferences[j], d)
            })
            .sum()
    };
    (0..n)
        .map(|a| {
            let plus: f64 = (0..n).filter(|&b| b != a).map(|b| pi(a, b)).sum();
            let minus: f64 = (0..n).filter(|&b| b != a).map(|b| pi(b, a)).sum();
            (plus - minus) / (n as f64 - 1.0)
        })
        .collect()
}

/// Decimal values whose float differences rarely equal the decimal ones.
const GRID: [f64; 8] = [0.1, 0.2, 0.3, 0.7, 1.1, 1.3, 2.1, 3.0];

/// A matrix whose thresholds are differences of its own values, so that
/// some pairs fall exactly on q or p (q = p included).
fn case() -> impl Strategy<Value = DecisionMatrix> {
    (2usize..9, 1usize..4).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec(0..GRID.len(), n * m),
            prop::collection::vec((0usize..3, 0..n, 0..n, 0..n, any::<bool>()), m),
            prop::collection::vec(1u32..5, m),
            prop::collection::vec(any::<bool>(), m),
        )
            .prop_map(move |(cells, prefs, weights, maximise)| {
                let values: Vec<f64> = cells.iter().map(|&k| GRID[k]).collect();
                let diff =
                    |j: usize, a: usize, b: usize| (values[a * m + j] - values[b * m + j]).abs();
                let preferences = prefs
                    .iter()
                    .enumerate()
                    .map(|(j, &(kind, a, b, c, equal))| {
                        let q = diff(j, a, b);
                        let p = if equal { q } else { q.max(diff(j, a, c)) };
                        match kind {
                            0 => Preference::Usual,
                            1 => Preference::VShape { p },
                            _ => Preference::Linear { q, p },
                        }
                    })
                    .collect();
                let total: u32 = weights.iter().sum();
                let weights = weights
                    .iter()
                    .map(|&w| f64::from(w) / f64::from(total))
                    .collect();
                let mut mx = DecisionMatrix::synthetic(n, m, values, weights, preferences);
                mx.directions = maximise
                    .iter()
                    .map(|&up| {
                        if up {
                            Direction::Maximize
                        } else {
                            Direction::Minimize
                        }
                    })
                    .collect();
                mx
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn promethee_equals_the_pairwise_definition_at_the_thresholds(mx in case()) {
        let fast = scores(Method::Promethee2, &mx);
        let book = net_flows_by_definition(&mx);
        for (a, b) in fast.iter().zip(&book) {
            prop_assert!((a - b).abs() <= 1e-9, "{fast:?} vs {book:?}");
        }
        prop_assert!(fast.iter().sum::<f64>().abs() <= 1e-9, "{fast:?}");
    }
}

#[test]
fn linear_step_with_q_equal_p_at_a_rounded_difference() {
    // 1.1 − 0.1 rounds to exactly 1.0 = q = p: no preference either way.
    let pref = Preference::Linear { q: 1.0, p: 1.0 };
    let mx = DecisionMatrix::synthetic(2, 1, vec![1.1, 0.1], vec![1.0], vec![pref]);
    assert_eq!(1.1 - 0.1, 1.0);
    assert_eq!(scores(Method::Promethee2, &mx), vec![0.0, 0.0]);
    assert_eq!(net_flows_by_definition(&mx), vec![0.0, 0.0]);
}
