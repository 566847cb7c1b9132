//! The three ranking methods of design.md §4: wsm, topsis and promethee2.

use super::matrix::DecisionMatrix;
use crate::model::{Direction, Preference};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A ranking method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Weighted sum of linearly scaled values (MAVT).
    #[default]
    Wsm,
    /// Closeness to the ideal point (vector normalisation).
    Topsis,
    /// Net outranking flow.
    Promethee2,
}

impl Method {
    /// All methods, in the order they are shown.
    pub const ALL: [Method; 3] = [Method::Wsm, Method::Topsis, Method::Promethee2];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Wsm => "wsm",
            Method::Topsis => "topsis",
            Method::Promethee2 => "promethee2",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Method::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown method '{s}' (expected wsm, topsis or promethee2)"))
    }
}

/// Scores of every row of `matrix` under `method` with the matrix's own weights.
pub fn scores(method: Method, matrix: &DecisionMatrix) -> Vec<f64> {
    scores_with_weights(method, matrix, &matrix.weights)
}

/// Scores under `method` with `weights` (normalised, one per criterion) in
/// place of the matrix's own. Used by sensitivity and SMAA.
pub fn scores_with_weights(method: Method, matrix: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    match method {
        Method::Wsm => wsm(matrix, &scaled_values(matrix), weights),
        Method::Topsis => topsis(matrix, weights),
        Method::Promethee2 => promethee2(matrix, weights),
    }
}

/// The wsm value of every cell, row-major: 0 = worst, 1 = best on the
/// criterion's scale; a constant column scores 1.
pub fn scaled_values(matrix: &DecisionMatrix) -> Vec<f64> {
    let (n, m) = (matrix.n(), matrix.m());
    let mut out = vec![0.0; n * m];
    for j in 0..m {
        let (lo, hi) = matrix.scaling_range(j);
        for i in 0..n {
            let x = matrix.value(i, j);
            out[i * m + j] = if hi == lo {
                1.0
            } else {
                match matrix.directions[j] {
                    Direction::Maximize => (x - lo) / (hi - lo),
                    Direction::Minimize => (hi - x) / (hi - lo),
                }
            };
        }
    }
    out
}

/// Weighted sum of precomputed scaled values.
pub fn wsm(matrix: &DecisionMatrix, scaled: &[f64], weights: &[f64]) -> Vec<f64> {
    let m = matrix.m();
    (0..matrix.n())
        .map(|i| {
            scaled[i * m..(i + 1) * m]
                .iter()
                .zip(weights)
                .map(|(v, w)| v * w)
                .sum()
        })
        .collect()
}

/// TOPSIS closeness coefficient with vector normalisation.
pub fn topsis(matrix: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    let (n, m) = (matrix.n(), matrix.m());
    let mut weighted = vec![0.0; n * m];
    let mut ideal = vec![0.0; m];
    let mut anti = vec![0.0; m];
    for j in 0..m {
        let norm = (0..n)
            .map(|i| matrix.value(i, j).powi(2))
            .sum::<f64>()
            .sqrt();
        let mut best = f64::NAN;
        let mut worst = f64::NAN;
        for i in 0..n {
            let r = if norm == 0.0 {
                0.0
            } else {
                matrix.value(i, j) / norm
            };
            let v = weights[j] * r;
            weighted[i * m + j] = v;
            if i == 0 || matrix.directions[j].better(v, best) {
                best = v;
            }
            if i == 0 || matrix.directions[j].better(worst, v) {
                worst = v;
            }
        }
        ideal[j] = best;
        anti[j] = worst;
    }
    (0..n)
        .map(|i| {
            let row = &weighted[i * m..(i + 1) * m];
            let d_plus = row
                .iter()
                .zip(&ideal)
                .map(|(v, b)| (v - b).powi(2))
                .sum::<f64>()
                .sqrt();
            let d_minus = row
                .iter()
                .zip(&anti)
                .map(|(v, w)| (v - w).powi(2))
                .sum::<f64>()
                .sqrt();
            if d_plus + d_minus == 0.0 {
                0.5
            } else {
                d_minus / (d_plus + d_minus)
            }
        })
        .collect()
}

/// Preference degree of a difference `d` (a minus b, in the better direction).
fn preference_degree(pref: Preference, d: f64) -> f64 {
    match pref {
        Preference::Usual => f64::from(u8::from(d > 0.0)),
        Preference::Linear { q, p } => {
            if d <= q {
                0.0
            } else if d >= p {
                1.0
            } else {
                (d - q) / (p - q)
            }
        }
        Preference::VShape { p } => {
            if d <= 0.0 {
                0.0
            } else if d >= p {
                1.0
            } else {
                d / p
            }
        }
    }
}

/// PROMETHEE II net flow, in O(m·n log n) for usual criteria.
///
/// Each criterion's values are sorted once (in its better direction). For a
/// usual criterion, an option's net contribution is w · (number strictly
/// worse − number strictly better), found from the sorted runs of equal
/// values. For linear and V-shape criteria, pairs further apart than p count
/// as 1 and pairs within q as 0 (found by binary search); only pairs inside
/// the (q, p) band are evaluated one by one. Agrees with
/// [`promethee2_pairwise`] to rounding (property-tested to 1e-9).
pub fn promethee2(matrix: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    let (n, m) = (matrix.n(), matrix.m());
    if n < 2 {
        return vec![0.0; n];
    }
    let mut net = vec![0.0; n];
    let mut order: Vec<usize> = (0..n).collect();
    let mut sorted = vec![0.0; n];
    for (j, &w) in weights.iter().enumerate().take(m) {
        if w == 0.0 {
            continue;
        }
        let sign = direction_sign(matrix.directions[j]);
        order.sort_unstable_by(|&a, &b| {
            (sign * matrix.value(a, j)).total_cmp(&(sign * matrix.value(b, j)))
        });
        for (slot, &i) in sorted.iter_mut().zip(&order) {
            *slot = sign * matrix.value(i, j);
        }
        match matrix.preferences[j] {
            Preference::Usual => usual_flows(&sorted, &order, w, &mut net),
            pref => banded_flows(pref, &sorted, &order, w, &mut net),
        }
    }
    let scale = 1.0 / (n as f64 - 1.0);
    net.iter().map(|x| x * scale).collect()
}

/// +1 for a criterion to maximise, −1 for one to minimise, so that larger
/// signed values are always better.
fn direction_sign(direction: Direction) -> f64 {
    match direction {
        Direction::Maximize => 1.0,
        Direction::Minimize => -1.0,
    }
}

/// Adds w · (#strictly worse − #strictly better) to each option's net flow.
fn usual_flows(sorted: &[f64], order: &[usize], w: f64, net: &mut [f64]) {
    let n = sorted.len();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && sorted[end] == sorted[start] {
            end += 1;
        }
        // Counts are exact integers, so the only rounding is the final product.
        let wins_minus_losses = start as f64 - (n - end) as f64;
        for &i in &order[start..end] {
            net[i] += w * wins_minus_losses;
        }
        start = end;
    }
}

/// Net flows of a linear or V-shape criterion with a sorted sweep.
fn banded_flows(pref: Preference, sorted: &[f64], order: &[usize], w: f64, net: &mut [f64]) {
    let (q, p) = match pref {
        Preference::Linear { q, p } => (q, p),
        Preference::VShape { p } => (0.0, p),
        Preference::Usual => (0.0, 0.0),
    };
    let n = sorted.len();
    for (pos, &a) in order.iter().enumerate() {
        let ya = sorted[pos];
        // Leaving flow: options b with ya − yb > q prefer a; those with ya − yb >= p fully.
        let worse_end = sorted.partition_point(|&yb| yb < ya - q);
        let full_end = sorted.partition_point(|&yb| yb <= ya - p).min(worse_end);
        let mut leaving = full_end as f64;
        for &yb in &sorted[full_end..worse_end] {
            leaving += preference_degree(pref, ya - yb);
        }
        // Entering flow: options b with yb − ya > q; fully from yb − ya >= p.
        let better_start = sorted.partition_point(|&yb| yb <= ya + q);
        let full_start = sorted.partition_point(|&yb| yb < ya + p).max(better_start);
        let mut entering = (n - full_start) as f64;
        for &yb in &sorted[better_start..full_start] {
            entering += preference_degree(pref, yb - ya);
        }
        net[a] += w * (leaving - entering);
    }
}

/// PROMETHEE II net flow by the direct O(n²m) pairwise formula of
/// design.md §4. Kept as the reference that [`promethee2`] is tested and
/// benchmarked against.
pub fn promethee2_pairwise(matrix: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    let (n, m) = (matrix.n(), matrix.m());
    if n < 2 {
        return vec![0.0; n];
    }
    let mut net = vec![0.0; n];
    for (j, &w) in weights.iter().enumerate().take(m) {
        if w == 0.0 {
            continue;
        }
        let sign = direction_sign(matrix.directions[j]);
        let pref = matrix.preferences[j];
        for a in 0..n {
            let xa = matrix.value(a, j);
            for b in (a + 1)..n {
                let d = sign * (xa - matrix.value(b, j));
                // pi(a,b) adds to a's leaving flow and b's entering flow.
                let ab = w * preference_degree(pref, d);
                let ba = w * preference_degree(pref, -d);
                net[a] += ab - ba;
                net[b] += ba - ab;
            }
        }
    }
    let scale = 1.0 / (n as f64 - 1.0);
    net.iter().map(|x| x * scale).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn matrix(n: usize, m: usize, values: Vec<f64>, prefs: Vec<Preference>) -> DecisionMatrix {
        DecisionMatrix {
            alternatives: (0..n).map(|i| format!("a{i}")).collect(),
            criteria: (0..m).map(|j| format!("c{j}")).collect(),
            directions: (0..m)
                .map(|j| {
                    if j % 2 == 0 {
                        Direction::Maximize
                    } else {
                        Direction::Minimize
                    }
                })
                .collect(),
            scales: vec![None; m],
            preferences: prefs,
            weights: vec![1.0 / m as f64; m],
            lows: values.clone(),
            highs: values.clone(),
            values,
        }
    }

    fn preference() -> impl Strategy<Value = Preference> {
        prop_oneof![
            Just(Preference::Usual),
            (0.0..3.0f64).prop_map(|p| Preference::VShape { p }),
            (0.0..2.0f64, 0.0..3.0f64)
                .prop_map(|(q, extra)| Preference::Linear { q, p: q + extra }),
        ]
    }

    fn case() -> impl Strategy<Value = DecisionMatrix> {
        (1usize..12, 1usize..5).prop_flat_map(|(n, m)| {
            (
                // Small integers make ties common, which is where sorting can go wrong.
                prop::collection::vec(
                    prop_oneof![(-3i32..4).prop_map(f64::from), -5.0..5.0f64],
                    n * m,
                ),
                prop::collection::vec(preference(), m),
                prop::collection::vec(0.0..1.0f64, m),
            )
                .prop_map(move |(values, prefs, weights)| {
                    let mut mx = matrix(n, m, values, prefs);
                    mx.weights = crate::analysis::matrix::normalise(&weights);
                    mx
                })
        })
    }

    proptest! {
        #[test]
        fn sorted_promethee_matches_the_pairwise_formula(mx in case()) {
            let fast = promethee2(&mx, &mx.weights);
            let naive = promethee2_pairwise(&mx, &mx.weights);
            for (a, b) in fast.iter().zip(&naive) {
                prop_assert!((a - b).abs() <= 1e-9, "{fast:?} vs {naive:?}");
            }
            prop_assert!(fast.iter().sum::<f64>().abs() <= 1e-9);
        }
    }

    #[test]
    fn sorted_promethee_matches_on_a_large_tied_matrix() {
        // 300 options on a 0..5 integer grid: every value is tied many times.
        let (n, m) = (300, 4);
        let values: Vec<f64> = (0..n * m).map(|k| ((k * 7919) % 5) as f64).collect();
        let prefs = vec![
            Preference::Usual,
            Preference::VShape { p: 2.0 },
            Preference::Linear { q: 1.0, p: 3.0 },
            Preference::Usual,
        ];
        let mx = matrix(n, m, values, prefs);
        let fast = promethee2(&mx, &mx.weights);
        let naive = promethee2_pairwise(&mx, &mx.weights);
        let worst = fast
            .iter()
            .zip(&naive)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst <= 1e-12, "largest difference {worst}");
    }
}
