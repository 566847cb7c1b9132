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
        // Value functions turn their columns into value before the kernel.
        Method::Wsm => wsm_scores(&matrix.wsm_view(), weights),
        Method::Topsis => topsis(matrix, weights),
        Method::Promethee2 => promethee2(matrix, weights),
    }
}

/// The (lo, hi) used to scale each criterion for wsm (as
/// [`DecisionMatrix::scaling_range`]), found in one row-major pass.
fn scaling_ranges(matrix: &DecisionMatrix) -> Vec<(f64, f64)> {
    let m = matrix.m();
    let mut lo = vec![f64::INFINITY; m];
    let mut hi = vec![f64::NEG_INFINITY; m];
    if m > 0 {
        for row in matrix.values.chunks_exact(m) {
            // Selects rather than f64::min/max or conditional stores, so
            // the loop vectorises; the same result, NaN cells included
            // (they never win a comparison).
            for ((l, h), &x) in lo.iter_mut().zip(hi.iter_mut()).zip(row) {
                *l = if x < *l { x } else { *l };
                *h = if x > *h { x } else { *h };
            }
        }
    }
    (0..m)
        .map(|j| match matrix.scales[j] {
            Some(s) => (s.worst.min(s.best), s.worst.max(s.best)),
            None => (lo[j], hi[j]),
        })
        .collect()
}

/// The wsm value of `x` on a criterion scaled over (lo, hi).
fn scale(x: f64, (lo, hi): (f64, f64), direction: Direction) -> f64 {
    if hi == lo {
        1.0
    } else {
        match direction {
            Direction::Maximize => (x - lo) / (hi - lo),
            Direction::Minimize => (hi - x) / (hi - lo),
        }
    }
}

/// The wsm value of every cell, row-major: 0 = worst, 1 = best on the
/// criterion's scale; a constant column scores 1; a criterion with a value
/// function scores value / 100.
pub fn scaled_values(matrix: &DecisionMatrix) -> Vec<f64> {
    let matrix = &*matrix.wsm_view();
    let m = matrix.m();
    let ranges = scaling_ranges(matrix);
    matrix
        .values
        .iter()
        .enumerate()
        .map(|(k, &x)| scale(x, ranges[k % m], matrix.directions[k % m]))
        .collect()
}

/// Rows scored together, so that several independent sums are in flight
/// (one sum per row is a chain of dependent additions, slow on its own).
const ROW_BLOCK: usize = 4;

/// Calls `row(first_row, rows)` on blocks of [`ROW_BLOCK`] rows of a
/// row-major `values` with `m` columns, then on each leftover row.
fn for_row_blocks(values: &[f64], m: usize, mut block: impl FnMut(usize, &[f64])) {
    let whole = values.len() / (ROW_BLOCK * m) * ROW_BLOCK;
    for (b, rows) in values.chunks_exact(ROW_BLOCK * m).enumerate() {
        block(b * ROW_BLOCK, rows);
    }
    for (k, row) in values[whole * m..].chunks_exact(m).enumerate() {
        block(whole + k, row);
    }
}

/// wsm scores straight from the values, without storing the scaled matrix.
///
/// Each cell's scaled value is `(x - origin) / span + lift`: origin the
/// worst end of the range and span `±(hi - lo)` (the same quotient as
/// [`scaled_values`], sign for sign), or `x / ∞ + 1` for a constant column.
/// Rows are summed [`ROW_BLOCK`] at a time, each in criterion order from
/// −0 as `Iterator::sum` does, so the scores equal [`wsm`] over
/// [`scaled_values`] exactly.
fn wsm_scores(matrix: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    let (n, m) = (matrix.n(), matrix.m());
    if m == 0 {
        return vec![0.0; n];
    }
    // (origin, span, lift, weight) per criterion.
    let terms: Vec<(f64, f64, f64, f64)> = scaling_ranges(matrix)
        .into_iter()
        .zip(&matrix.directions)
        .zip(weights)
        .map(|(((lo, hi), direction), &w)| {
            if hi == lo {
                (0.0, f64::INFINITY, 1.0, w)
            } else {
                match direction {
                    Direction::Maximize => (lo, hi - lo, 0.0, w),
                    // (x - hi) / -(hi - lo) is (hi - x) / (hi - lo) exactly.
                    Direction::Minimize => (hi, -(hi - lo), 0.0, w),
                }
            }
        })
        .collect();
    let term = |x: f64, &(o, span, lift, w): &(f64, f64, f64, f64)| ((x - o) / span + lift) * w;
    let mut out = vec![0.0; n];
    for_row_blocks(&matrix.values, m, |first, rows| {
        if rows.len() == ROW_BLOCK * m {
            let (r0, rest) = rows.split_at(m);
            let (r1, rest) = rest.split_at(m);
            let (r2, r3) = rest.split_at(m);
            let mut acc = [-0.0; ROW_BLOCK];
            for ((((&a, &b), &c), &d), t) in r0.iter().zip(r1).zip(r2).zip(r3).zip(&terms) {
                acc[0] += term(a, t);
                acc[1] += term(b, t);
                acc[2] += term(c, t);
                acc[3] += term(d, t);
            }
            out[first..first + ROW_BLOCK].copy_from_slice(&acc);
        } else {
            out[first] = rows
                .iter()
                .zip(&terms)
                .fold(-0.0, |acc, (&x, t)| acc + term(x, t));
        }
    });
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

/// TOPSIS closeness coefficient with vector normalisation, in two
/// row-major passes. The weighted value `v = x · w / norm` is increasing in
/// `x` (weights are non-negative), so the ideal and anti-ideal points are the
/// weighted best and worst raw values, found in the same pass as the norms
/// (as column minima and maxima); the second pass computes the distances
/// [`ROW_BLOCK`] rows at a time without storing `v`.
pub fn topsis(matrix: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    let (n, m) = (matrix.n(), matrix.m());
    if m == 0 || n == 0 {
        // No criterion separates anyone: every option is at both ideals.
        return vec![0.5; n];
    }
    let mut norms = vec![0.0; m];
    let mut low = matrix.values[..m].to_vec();
    let mut high = low.clone();
    for row in matrix.values.chunks_exact(m) {
        for (((s, l), h), &x) in norms.iter_mut().zip(&mut low).zip(&mut high).zip(row) {
            *s += x * x;
            *l = if x < *l { x } else { *l };
            *h = if x > *h { x } else { *h };
        }
    }
    // v = factor · x, with a zero norm giving v = 0.
    let factor: Vec<f64> = norms
        .iter()
        .zip(weights)
        .map(|(s, w)| if *s == 0.0 { 0.0 } else { w / s.sqrt() })
        .collect();
    let (best, worst) = match_directions(&matrix.directions, &low, &high);
    let ideal: Vec<f64> = factor.iter().zip(&best).map(|(f, x)| f * x).collect();
    let anti: Vec<f64> = factor.iter().zip(&worst).map(|(f, x)| f * x).collect();
    let closeness = |plus: f64, minus: f64| {
        let (d_plus, d_minus) = (plus.sqrt(), minus.sqrt());
        if d_plus + d_minus == 0.0 {
            0.5
        } else {
            d_minus / (d_plus + d_minus)
        }
    };
    let columns = || factor.iter().zip(&ideal).zip(&anti);
    let mut out = vec![0.0; n];
    for_row_blocks(&matrix.values, m, |first, rows| {
        if rows.len() == ROW_BLOCK * m {
            // Four rows side by side: eight independent sums in flight.
            let (r0, rest) = rows.split_at(m);
            let (r1, rest) = rest.split_at(m);
            let (r2, r3) = rest.split_at(m);
            let mut plus = [0.0; ROW_BLOCK];
            let mut minus = [0.0; ROW_BLOCK];
            for ((((x0, x1), x2), x3), ((f, i), a)) in
                r0.iter().zip(r1).zip(r2).zip(r3).zip(columns())
            {
                for (k, x) in [x0, x1, x2, x3].into_iter().enumerate() {
                    let v = f * x;
                    plus[k] += (v - i) * (v - i);
                    minus[k] += (v - a) * (v - a);
                }
            }
            for (k, o) in out[first..first + ROW_BLOCK].iter_mut().enumerate() {
                *o = closeness(plus[k], minus[k]);
            }
        } else {
            let (mut plus, mut minus) = (0.0, 0.0);
            for (&x, ((f, i), a)) in rows.iter().zip(columns()) {
                let v = f * x;
                plus += (v - i) * (v - i);
                minus += (v - a) * (v - a);
            }
            out[first] = closeness(plus, minus);
        }
    });
    out
}

/// Each column's best and worst raw value from its minimum and maximum.
fn match_directions(directions: &[Direction], low: &[f64], high: &[f64]) -> (Vec<f64>, Vec<f64>) {
    directions
        .iter()
        .zip(low.iter().zip(high))
        .map(|(d, (&l, &h))| match d {
            Direction::Maximize => (h, l),
            Direction::Minimize => (l, h),
        })
        .unzip()
}

/// Preference degree of a difference `d` (a minus b, in the better direction).
fn preference_degree(pref: Preference, d: f64) -> f64 {
    match pref {
        Preference::Usual => f64::from(u8::from(d > 0.0)),
        Preference::Linear { q, p } => {
            // design.md §4 literally: 0 up to q, 1 beyond p, linear between
            // (q == p is a step at q).
            if d <= q {
                0.0
            } else if d > p {
                1.0
            } else {
                (d - q) / (p - q)
            }
        }
        Preference::VShape { p } => {
            if d <= 0.0 {
                0.0
            } else if d > p {
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
    // The bands are found with the very comparisons the definition makes on
    // the computed difference (d > q, d > p, with d = ya - yb or yb - ya as
    // floats), never on rearranged forms such as yb < ya - q, which round
    // differently. A rounded difference is monotone in each operand, so each
    // comparison splits the sorted values once.
    for (pos, &a) in order.iter().enumerate() {
        let ya = sorted[pos];
        // Leaving flow: options b with ya − yb > q prefer a; those with ya − yb > p fully.
        let worse_end = sorted.partition_point(|&yb| ya - yb > q);
        let full_end = sorted.partition_point(|&yb| ya - yb > p).min(worse_end);
        let mut leaving = full_end as f64;
        for &yb in &sorted[full_end..worse_end] {
            leaving += preference_degree(pref, ya - yb);
        }
        // Entering flow: options b with yb − ya > q; fully from yb − ya > p.
        let better_start = sorted.partition_point(|&yb| yb - ya <= q);
        let full_start = sorted.partition_point(|&yb| yb - ya <= p).max(better_start);
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
        DecisionMatrix::synthetic(n, m, values, vec![1.0 / m as f64; m], prefs)
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

    /// TOPSIS exactly as design.md §4 words it, column by column.
    fn topsis_by_the_book(mx: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
        let (n, m) = (mx.n(), mx.m());
        let mut v = vec![vec![0.0; m]; n];
        for j in 0..m {
            let norm = (0..n).map(|i| mx.value(i, j).powi(2)).sum::<f64>().sqrt();
            for (i, row) in v.iter_mut().enumerate() {
                let r = if norm == 0.0 {
                    0.0
                } else {
                    mx.value(i, j) / norm
                };
                row[j] = weights[j] * r;
            }
        }
        let pick = |j: usize, best: bool| {
            let col = v.iter().map(|row| row[j]);
            let hi = col.clone().fold(f64::NEG_INFINITY, f64::max);
            let lo = col.fold(f64::INFINITY, f64::min);
            match (mx.directions[j], best) {
                (Direction::Maximize, true) | (Direction::Minimize, false) => hi,
                _ => lo,
            }
        };
        let ideal: Vec<f64> = (0..m).map(|j| pick(j, true)).collect();
        let anti: Vec<f64> = (0..m).map(|j| pick(j, false)).collect();
        v.iter()
            .map(|row| {
                let dist = |p: &[f64]| {
                    row.iter()
                        .zip(p)
                        .map(|(a, b)| (a - b).powi(2))
                        .sum::<f64>()
                        .sqrt()
                };
                let (plus, minus) = (dist(&ideal), dist(&anti));
                if plus + minus == 0.0 {
                    0.5
                } else {
                    minus / (plus + minus)
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn two_pass_topsis_matches_the_textbook_formula(mx in case()) {
            let fast = topsis(&mx, &mx.weights);
            let book = topsis_by_the_book(&mx, &mx.weights);
            for (a, b) in fast.iter().zip(&book) {
                prop_assert!((a - b).abs() <= 1e-12, "{fast:?} vs {book:?}");
            }
        }

        #[test]
        fn fused_wsm_matches_the_scaled_matrix(mx in case()) {
            let fused = scores_with_weights(Method::Wsm, &mx, &mx.weights);
            let staged = wsm(&mx, &scaled_values(&mx), &mx.weights);
            prop_assert_eq!(fused, staged);
        }

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
