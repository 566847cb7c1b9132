//! Comparison of two scenarios (design.md §4): what changed, and for wsm
//! which criteria moved the gap between the two leading options.

/// One criterion's share of the change in the gap, split into weight and value effects.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Term {
    /// Criterion id.
    pub criterion: String,
    /// `(w'_j - w_j)(d_j + d'_j)/2`.
    pub weight_effect: f64,
    /// `(d'_j - d_j)(w_j + w'_j)/2` (or the whole term when the criterion is in one file only).
    pub value_effect: f64,
}

/// Why the recommendation moved between A and B (wsm only).
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Alternative id: the first of the pair.
    pub first: String,
    /// Alternative id: the second of the pair.
    pub second: String,
    /// score(second) - score(first) in A.
    pub gap_a: f64,
    /// score(second) - score(first) in B.
    pub gap_b: f64,
    /// Per-criterion terms; they sum to `gap_b - gap_a`.
    pub terms: Vec<Term>,
}
