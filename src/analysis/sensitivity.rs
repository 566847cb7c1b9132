//! One-way weight sensitivity (design.md §4): scores as a function of one
//! criterion's weight, and the weights at which the top option changes.
//!
//! The weight `t` of criterion j sweeps [0, 1]; the other weights keep
//! their proportions and share `1 - t`. When all the others are zero (j
//! holds the whole weight), they share `1 - t` equally instead, so the sweep
//! still says something. With a single criterion the weight is always 1 and
//! nothing can change.
//!
//! wsm and promethee2 scores are linear in the weights (a weighted sum of
//! per-criterion values or flows), so their switch points are found
//! exactly by intersecting lines. topsis is not linear: its switch points
//! come from a scan followed by bisection, to within 1e-7.
//!
//! "Top" is the first option, in matrix row order, among those ranked 1
//! (ties as in design.md §4). Switch points closer than [`EDGE`] to 0 or 1
//! are not reported: at the very ends the other criteria (or this one)
//! vanish, which often makes options tie exactly and says nothing useful.

use super::matrix::DecisionMatrix;
use super::methods::{Method, scaled_values, scores_with_weights};
use super::ranking::{competition_ranks, is_tie};
use crate::model::{Lang, Scenario};

pub mod group;
pub mod value_point;

pub use group::{GroupWeights, all_groups, group_sensitivity};
pub use value_point::{ValuePointSensitivity, all_value_points, value_point_sensitivity};

/// Switch points within this distance of weight 0 or 1 are not reported.
pub const EDGE: f64 = 1e-6;

/// Width of the bracket at which topsis bisection stops.
const BISECTION_WIDTH: f64 = 1e-7;

/// Smallest number of scan intervals for methods without exact thresholds.
const MIN_SCAN_STEPS: usize = 200;

/// Slopes closer than this count as parallel (the lines never separate).
const SLOPE_TOLERANCE: f64 = 1e-12;

/// Where the top-ranked option changes as one weight varies.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Threshold {
    /// The normalised weight of the criterion at the switch.
    pub weight: f64,
    /// Alternative id on top just below `weight`.
    pub top_before: String,
    /// Alternative id on top just above `weight`.
    pub top_after: String,
}

/// Scores of every option as one criterion's weight sweeps 0..=1 (other
/// weights rescaled in proportion).
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityCurve {
    /// Criterion id that varies (or a group's id, for a group's share).
    pub criterion: String,
    /// Its current normalised weight (a group's: its share of its parent).
    pub current_weight: f64,
    /// Alternative ids, in matrix row order.
    pub alternatives: Vec<String>,
    /// Grid of weights from 0 to 1.
    pub weights: Vec<f64>,
    /// `scores[i][k]`: score of alternative i at `weights[k]`.
    pub scores: Vec<Vec<f64>>,
    /// Rank-reversal points of the top option, in increasing weight.
    pub thresholds: Vec<Threshold>,
}

impl SensitivityCurve {
    /// A curve with nothing in it (unknown criterion or group).
    pub fn empty() -> SensitivityCurve {
        SensitivityCurve {
            criterion: String::new(),
            current_weight: 0.0,
            alternatives: Vec::new(),
            weights: Vec::new(),
            scores: Vec::new(),
            thresholds: Vec::new(),
        }
    }

    /// Id of the top option at weight `t` in (0, 1), read from the
    /// thresholds; None when there are no options.
    pub fn top_at(&self, t: f64) -> Option<&str> {
        match self.thresholds.iter().rposition(|th| th.weight <= t) {
            Some(k) => Some(self.thresholds[k].top_after.as_str()),
            None => match self.thresholds.first() {
                Some(first) => Some(first.top_before.as_str()),
                None => self.top_without_thresholds(),
            },
        }
    }

    /// The top option when it never changes: read from an interior grid point.
    fn top_without_thresholds(&self) -> Option<&str> {
        if self.alternatives.is_empty() || self.weights.is_empty() {
            return None;
        }
        let k = self.weights.len() / 2;
        let column: Vec<f64> = self.scores.iter().map(|row| row[k]).collect();
        top_index(&column).map(|i| self.alternatives[i].as_str())
    }
}

/// The weights when criterion `criterion` has weight `t` and the others
/// share `1 - t` in their current proportions (equally if they are all 0).
pub fn weights_at(base: &[f64], criterion: usize, t: f64) -> Vec<f64> {
    let m = base.len();
    if m <= 1 {
        return vec![1.0; m];
    }
    let others: f64 = base
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != criterion)
        .map(|(_, w)| w)
        .sum();
    base.iter()
        .enumerate()
        .map(|(k, &w)| {
            if k == criterion {
                t
            } else if others > 0.0 {
                w / others * (1.0 - t)
            } else {
                (1.0 - t) / (m - 1) as f64
            }
        })
        .collect()
}

/// Row index of the top option: the first, in row order, ranked 1.
fn top_index(scores: &[f64]) -> Option<usize> {
    competition_ranks(scores).iter().position(|&r| r == 1)
}

/// Sensitivity of the ranking under `method` to the weight of criterion
/// index `criterion`, with scores on `grid_points` evenly spaced weights
/// (at least 2). An out-of-range index gives an empty curve.
pub fn sensitivity(
    matrix: &DecisionMatrix,
    method: Method,
    criterion: usize,
    grid_points: usize,
) -> SensitivityCurve {
    let Some(id) = matrix.criteria.get(criterion) else {
        return SensitivityCurve::empty();
    };
    let sweep = sweep(
        matrix,
        method,
        |t| weights_at(&matrix.weights, criterion, t),
        grid_points,
    );
    SensitivityCurve {
        criterion: id.clone(),
        current_weight: matrix.weights[criterion],
        alternatives: matrix.alternatives.clone(),
        weights: sweep.grid,
        scores: sweep.scores,
        thresholds: sweep.thresholds,
    }
}

/// Scores on a grid of t and the switch points of the top option, as the
/// weights follow `weights_of(t)` for t in [0, 1].
pub(crate) struct Sweep {
    /// `grid_points` evenly spaced values of t from 0 to 1.
    pub grid: Vec<f64>,
    /// `scores[i][k]`: score of alternative i at `grid[k]`.
    pub scores: Vec<Vec<f64>>,
    /// Where the top option changes, in increasing t.
    pub thresholds: Vec<Threshold>,
}

/// The one sweep behind every weight sensitivity (a criterion's weight, a
/// group's share): `weights_of(t)` must be affine in t, so that wsm and
/// promethee2 scores are lines in t and their switch points exact roots;
/// topsis is scanned and bisected.
pub(crate) fn sweep(
    matrix: &DecisionMatrix,
    method: Method,
    weights_of: impl Fn(f64) -> Vec<f64>,
    grid_points: usize,
) -> Sweep {
    let points = grid_points.max(2);
    let grid: Vec<f64> = (0..points)
        .map(|k| k as f64 / (points - 1) as f64)
        .collect();
    let mut scores = vec![Vec::with_capacity(points); matrix.n()];
    for &t in &grid {
        let w = weights_of(t);
        for (row, s) in scores
            .iter_mut()
            .zip(scores_with_weights(method, matrix, &w))
        {
            row.push(s);
        }
    }
    let switches = if matrix.n() < 2 || matrix.m() < 2 {
        Vec::new()
    } else {
        match method {
            Method::Wsm | Method::Promethee2 => {
                let lines = score_lines(matrix, method, &weights_of(0.0), &weights_of(1.0));
                exact_switches(&lines)
            }
            Method::Topsis => scan_switches(
                matrix,
                method,
                &weights_of,
                (EDGE, 1.0 - EDGE),
                (points - 1).max(MIN_SCAN_STEPS),
            ),
        }
    };
    Sweep {
        grid,
        scores,
        thresholds: switches
            .into_iter()
            .map(|(weight, before, after)| Threshold {
                weight,
                top_before: matrix.alternatives[before].clone(),
                top_after: matrix.alternatives[after].clone(),
            })
            .collect(),
    }
}

/// [`sensitivity`] for every criterion, in matrix column order.
pub fn all_criteria(
    matrix: &DecisionMatrix,
    method: Method,
    grid_points: usize,
) -> Vec<SensitivityCurve> {
    (0..matrix.m())
        .map(|j| sensitivity(matrix, method, j, grid_points))
        .collect()
}

/// Per-option score under weights `start` and `end` for a method linear in
/// the weights: the score at t, under `start + (end - start) t`, is
/// `score(start) + (score(end) - score(start)) t`.
pub(crate) fn score_lines(
    matrix: &DecisionMatrix,
    method: Method,
    start: &[f64],
    end: &[f64],
) -> Vec<(f64, f64)> {
    let (n, m) = (matrix.n(), matrix.m());
    // unit[i * m + k]: option i's score when criterion k has all the weight.
    let unit: Vec<f64> = match method {
        Method::Promethee2 => {
            let mut unit = vec![0.0; n * m];
            for k in 0..m {
                let mut e = vec![0.0; m];
                e[k] = 1.0;
                for (i, s) in scores_with_weights(method, matrix, &e)
                    .into_iter()
                    .enumerate()
                {
                    unit[i * m + k] = s;
                }
            }
            unit
        }
        _ => scaled_values(matrix),
    };
    let dot = |row: &[f64], w: &[f64]| -> f64 {
        // Zero weights are skipped, so an end where one criterion holds
        // all the weight reads that criterion's value exactly.
        row.iter()
            .zip(w)
            .filter(|(_, w)| **w != 0.0)
            .map(|(v, w)| v * w)
            .sum()
    };
    (0..n)
        .map(|i| {
            let row = &unit[i * m..(i + 1) * m];
            (dot(row, start), dot(row, end))
        })
        .collect()
}

/// Exact switch points (t, top before, top after) over t in (0, 1) of the
/// upper envelope of the lines `(score at 0, score at 1)`.
pub(crate) fn exact_switches(ends: &[(f64, f64)]) -> Vec<(f64, usize, usize)> {
    let lines: Vec<(f64, f64)> = ends
        .iter()
        .map(|&(start, end)| (start, end - start))
        .collect();
    let value = |i: usize, t: f64| lines[i].0 + lines[i].1 * t;
    // The leader just after t: highest value, then steepest, then first.
    let leader_after = |t: f64| -> usize {
        let mut best = 0;
        for i in 1..lines.len() {
            let (vi, vb) = (value(i, t), value(best, t));
            let better = if is_tie(vi, vb) {
                lines[i].1 > lines[best].1 + SLOPE_TOLERANCE
            } else {
                vi > vb
            };
            if better {
                best = i;
            }
        }
        best
    };
    let mut out = Vec::new();
    let mut current = leader_after(0.0);
    let mut t = 0.0;
    // Each switch moves to a strictly steeper line, so at most n switches.
    for _ in 0..lines.len() {
        let slope = lines[current].1;
        let next = (0..lines.len())
            .filter(|&i| lines[i].1 > slope + SLOPE_TOLERANCE)
            .map(|i| (lines[current].0 - lines[i].0) / (lines[i].1 - slope))
            .filter(|&x| x > t)
            .fold(f64::INFINITY, f64::min);
        if next >= 1.0 - EDGE {
            break;
        }
        let after = leader_after(next);
        if after == current {
            break;
        }
        if next > EDGE {
            out.push((next, current, after));
        }
        current = after;
        t = next;
    }
    out
}

/// Switch points (t, top before, top after) of the top option as the
/// weights follow `weights_of(t)` over `range`: a scan of `steps` equal
/// intervals, then bisection of each interval whose ends disagree, to
/// within 1e-7. Switches closer together than one interval may be missed
/// when the top comes back to the same option.
pub(crate) fn scan_switches(
    matrix: &DecisionMatrix,
    method: Method,
    weights_of: impl Fn(f64) -> Vec<f64>,
    range: (f64, f64),
    steps: usize,
) -> Vec<(f64, usize, usize)> {
    let top = |t: f64| -> usize {
        top_index(&scores_with_weights(method, matrix, &weights_of(t))).unwrap_or(0)
    };
    let steps = steps.max(1);
    let (start, end) = range;
    let at = |k: usize| start + (end - start) * k as f64 / steps as f64;
    let mut out = Vec::new();
    let mut lo = at(0);
    let mut top_lo = top(lo);
    for k in 1..=steps {
        let hi = at(k);
        let top_hi = top(hi);
        // Several switches may hide in one interval: peel them off in turn.
        while top_lo != top_hi {
            let (mut a, mut b, mut top_b) = (lo, hi, top_hi);
            while b - a > BISECTION_WIDTH {
                let mid = 0.5 * (a + b);
                let top_mid = top(mid);
                if top_mid == top_lo {
                    a = mid;
                } else {
                    b = mid;
                    top_b = top_mid;
                }
            }
            out.push((0.5 * (a + b), top_lo, top_b));
            lo = b;
            top_lo = top_b;
        }
        lo = hi;
        top_lo = top_hi;
    }
    out
}

/// Row index of the top option under `weights`, if there is any option.
pub(crate) fn top_with_weights(
    matrix: &DecisionMatrix,
    method: Method,
    weights: &[f64],
) -> Option<usize> {
    top_index(&scores_with_weights(method, matrix, weights))
}

/// Display name of a criterion or group id in `lang` (the id itself if unknown).
pub fn node_name(scenario: &Scenario, id: &str, lang: Lang) -> String {
    match scenario.groups.iter().find(|g| g.id == id) {
        Some(g) if scenario.criterion(id).is_none() => g.name.get(lang).to_string(),
        _ => scenario.criterion_name(id, lang),
    }
}

/// What `tradeoff sensitivity` reports: criterion weights, group shares
/// and value-function points.
#[derive(Debug, Clone, Copy)]
pub struct Analyses<'a> {
    /// One curve per criterion weight analysed.
    pub criteria: &'a [SensitivityCurve],
    /// One curve per group share analysed (the curve's `criterion` is the group id).
    pub groups: &'a [SensitivityCurve],
    /// One analysis per value-function point (wsm only).
    pub points: &'a [ValuePointSensitivity],
}
