//! Sensitivity of the weighted-sum winner to one point of a criterion's
//! value function: how far that point's value can move, within the values
//! that keep the function valid, before the top option changes.
//!
//! The value at x is a linear interpolation between points, so every cell's
//! value, and with it every option's wsm score, is affine in the moved
//! point's value: the switch values are exact roots, found by the same
//! envelope walk as weight sensitivity. TOPSIS and PROMETHEE II use raw
//! values, so a value function does not change them: this is wsm only.
//!
//! The valid values of point p lie between its neighbours' values, in the
//! function's direction (rising for Maximize, falling for Minimize), and
//! within 0..=100; the first and last points are bounded by 0 or 100 on
//! their open side. At an end of that interval the function may become
//! flat between two points, which is still allowed (only a wholly constant
//! function is invalid).

use super::exact_switches;
use crate::analysis::matrix::DecisionMatrix;
use crate::analysis::methods::{Method, scores_with_weights};
use crate::analysis::ranking::competition_ranks;
use crate::model::Direction;

/// Where the top option changes as a value-function point moves.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ValueSwitch {
    /// The point's value (0..=100) at the switch.
    pub value: f64,
    /// Alternative id on top just below `value`.
    pub top_before: String,
    /// Alternative id on top just above `value`.
    pub top_after: String,
}

/// Every option's wsm score as one point of a value function moves.
#[derive(Debug, Clone, PartialEq)]
pub struct ValuePointSensitivity {
    /// Criterion id whose value function has the point.
    pub criterion: String,
    /// Index of the point in the function.
    pub point: usize,
    /// The point's x, in the criterion's unit.
    pub x: f64,
    /// The point's current value (0..=100).
    pub current: f64,
    /// The values the point can take with the function staying valid.
    pub range: (f64, f64),
    /// Alternative ids, in matrix row order.
    pub alternatives: Vec<String>,
    /// Grid of values over `range`.
    pub values: Vec<f64>,
    /// `scores[i][k]`: wsm score of alternative i when the point's value is `values[k]`.
    pub scores: Vec<Vec<f64>>,
    /// Changes of the top option, in increasing value.
    pub switches: Vec<ValueSwitch>,
    /// The option on top now (first in row order among those ranked 1).
    pub top: Option<String>,
}

impl ValuePointSensitivity {
    /// The stretch of values around the current one over which the top
    /// option stays the same: from the last switch at or below the current
    /// value (else the range's low end) to the first switch above it (else
    /// the range's high end).
    pub fn stable(&self) -> (f64, f64) {
        let low = self
            .switches
            .iter()
            .rev()
            .find(|s| s.value <= self.current)
            .map_or(self.range.0, |s| s.value);
        let high = self
            .switches
            .iter()
            .find(|s| s.value > self.current)
            .map_or(self.range.1, |s| s.value);
        (low, high)
    }
}

/// The values point `point` of a function with `values` (in x order) can
/// take in `direction` and stay valid, widened to hold `current` if the
/// function is already outside them.
pub fn valid_range(values: &[f64], point: usize, direction: Direction) -> (f64, f64) {
    let before = point.checked_sub(1).and_then(|p| values.get(p)).copied();
    let after = values.get(point + 1).copied();
    let (low, high) = match direction {
        Direction::Maximize => (before.unwrap_or(0.0), after.unwrap_or(100.0)),
        Direction::Minimize => (after.unwrap_or(0.0), before.unwrap_or(100.0)),
    };
    let current = values.get(point).copied().unwrap_or(low);
    (
        low.clamp(0.0, 100.0).min(current),
        high.clamp(0.0, 100.0).max(current),
    )
}

/// Sensitivity of the wsm winner to the value of point `point` of column
/// `criterion`'s value function, with scores on `grid_points` values. None
/// when the column has no value function or the point does not exist.
pub fn value_point_sensitivity(
    matrix: &DecisionMatrix,
    criterion: usize,
    point: usize,
    grid_points: usize,
) -> Option<ValuePointSensitivity> {
    let function = matrix.value_functions.get(criterion)?.as_ref()?;
    let &(x, current) = function.points().get(point)?;
    let values: Vec<f64> = function.points().iter().map(|p| p.1).collect();
    let range = valid_range(&values, point, matrix.directions[criterion]);
    let scores_at = |value: f64| {
        let mut moved = matrix.clone();
        if let Some(Some(f)) = moved.value_functions.get_mut(criterion) {
            f.0[point].1 = value;
        }
        scores_with_weights(Method::Wsm, &moved, &matrix.weights)
    };
    let (low, high) = (scores_at(range.0), scores_at(range.1));
    let lines: Vec<(f64, f64)> = low.iter().copied().zip(high.iter().copied()).collect();
    let span = range.1 - range.0;
    let switches = if matrix.n() < 2 || span <= 0.0 {
        Vec::new()
    } else {
        exact_switches(&lines)
            .into_iter()
            .map(|(s, before, after)| ValueSwitch {
                value: range.0 + s * span,
                top_before: matrix.alternatives[before].clone(),
                top_after: matrix.alternatives[after].clone(),
            })
            .collect()
    };
    let points = grid_points.max(2);
    let grid: Vec<f64> = (0..points)
        .map(|k| range.0 + span * k as f64 / (points - 1) as f64)
        .collect();
    // Scores are affine in the value: read them off the two ends' lines.
    let scores = lines
        .iter()
        .map(|&(a, b)| {
            grid.iter()
                .map(|v| {
                    if span > 0.0 {
                        a + (b - a) * (v - range.0) / span
                    } else {
                        a
                    }
                })
                .collect()
        })
        .collect();
    Some(ValuePointSensitivity {
        criterion: matrix.criteria[criterion].clone(),
        point,
        x,
        current,
        range,
        alternatives: matrix.alternatives.clone(),
        values: grid,
        scores,
        switches,
        top: competition_ranks(&scores_with_weights(Method::Wsm, matrix, &matrix.weights))
            .iter()
            .position(|&r| r == 1)
            .map(|i| matrix.alternatives[i].clone()),
    })
}

/// [`value_point_sensitivity`] for every point of every value function,
/// in column then point order.
pub fn all_value_points(matrix: &DecisionMatrix, grid_points: usize) -> Vec<ValuePointSensitivity> {
    (0..matrix.m())
        .flat_map(|j| {
            let points = matrix
                .value_functions
                .get(j)
                .and_then(Option::as_ref)
                .map_or(0, |f| f.points().len());
            (0..points).filter_map(move |p| value_point_sensitivity(matrix, j, p, grid_points))
        })
        .collect()
}
