//! One-way weight sensitivity (design.md §4): scores as a function of one
//! criterion's weight, and the weights at which the top option changes.

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
    /// Criterion id that varies.
    pub criterion: String,
    /// Its current normalised weight.
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
