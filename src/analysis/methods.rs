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

/// PROMETHEE II net flow.
pub fn promethee2(matrix: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    let (n, m) = (matrix.n(), matrix.m());
    if n < 2 {
        return vec![0.0; n];
    }
    let mut net = vec![0.0; n];
    for j in 0..m {
        let w = weights[j];
        if w == 0.0 {
            continue;
        }
        let sign = match matrix.directions[j] {
            Direction::Maximize => 1.0,
            Direction::Minimize => -1.0,
        };
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
