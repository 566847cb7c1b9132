//! What each node of the value tree adds to each option's score, for the
//! methods whose score is a weighted sum over criteria.

use super::matrix::DecisionMatrix;
use super::methods::{Method, scaled_values, scores_with_weights};
use crate::model::{Node, Scenario, ValueTree};

/// Per-criterion parts of every option's score, row-major (`parts[i * m + j]`,
/// summing over j to option i's score), or None for TOPSIS, whose closeness
/// is not a sum over criteria.
///
/// - wsm: `w_j v_ij` (v the scaled value, or value / 100 under a value function);
/// - promethee2: `w_j phi_j(i)`, phi_j the net flow on criterion j alone
///   (the net flow is linear in the weights).
pub fn criterion_parts(matrix: &DecisionMatrix, method: Method) -> Option<Vec<f64>> {
    let (n, m) = (matrix.n(), matrix.m());
    let unit: Vec<f64> = match method {
        Method::Topsis => return None,
        Method::Wsm => scaled_values(matrix),
        Method::Promethee2 => {
            let mut unit = vec![0.0; n * m];
            for j in 0..m {
                let mut e = vec![0.0; m];
                e[j] = 1.0;
                for (i, phi) in scores_with_weights(method, matrix, &e)
                    .into_iter()
                    .enumerate()
                {
                    unit[i * m + j] = phi;
                }
            }
            unit
        }
    };
    Some(
        unit.iter()
            .enumerate()
            .map(|(k, v)| matrix.weights[k % m.max(1)] * v)
            .collect(),
    )
}

/// One node's part of every option's score: the sum of the parts of the
/// criteria under it that the matrix holds (one per matrix row).
pub fn node_parts(
    scenario: &Scenario,
    tree: &ValueTree,
    matrix: &DecisionMatrix,
    parts: &[f64],
    node: Node,
) -> Vec<f64> {
    let m = matrix.m();
    let columns: Vec<usize> = tree
        .criteria_under(node)
        .into_iter()
        .filter_map(|j| {
            let id = &scenario.criteria.get(j)?.id;
            matrix.criteria.iter().position(|c| c == id)
        })
        .collect();
    (0..matrix.n())
        .map(|i| columns.iter().map(|&c| parts[i * m + c]).sum())
        .collect()
}
