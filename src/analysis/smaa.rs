//! SMAA-2 (stochastic multicriteria acceptability analysis): rank
//! acceptability, central weights and confidence factors under uncertain
//! weights and values. Seeded, so runs are reproducible.

/// Settings of a SMAA run.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaOptions {
    /// Number of Monte-Carlo samples.
    pub samples: usize,
    /// Seed of the random generator.
    pub seed: u64,
}

impl Default for SmaaOptions {
    fn default() -> Self {
        SmaaOptions {
            samples: 10_000,
            seed: 1,
        }
    }
}

/// The outcome of a SMAA run.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaResult {
    /// Alternative ids, in matrix row order.
    pub alternatives: Vec<String>,
    /// Criterion ids, in matrix column order.
    pub criteria: Vec<String>,
    /// Samples drawn.
    pub samples: usize,
    /// `acceptability[i][r]`: share of samples giving alternative i rank r+1.
    pub acceptability: Vec<Vec<f64>>,
    /// `central_weights[i][j]`: mean weight vector of the samples where i is first
    /// (all zero when i is never first).
    pub central_weights: Vec<Vec<f64>>,
    /// Share of value samples in which i is first under its central weights.
    pub confidence: Vec<f64>,
}
