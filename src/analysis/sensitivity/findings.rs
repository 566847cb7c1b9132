//! Plain sentences on the value tree's sensitivity: one per group (its
//! share of its parent) and one per value-function point that can change
//! the weighted-sum winner, for the findings lists of the GUI.

use super::value_point::{all_value_points, describe_value_point};
use super::{all_groups, describe};
use crate::analysis::{Evaluation, Method};
use crate::model::{Lang, Scenario};

/// Grid points of the curves behind the sentences (only the switch points
/// are read, and they do not depend on it).
const GRID_POINTS: usize = 2;

/// The sentences for `evaluation` (feasible options under its profile):
/// every group, then every value-function point at which the top option
/// can change (weighted sum only; the others use raw values).
pub fn tree_findings(
    scenario: &Scenario,
    evaluation: &Evaluation,
    method: Method,
    lang: Lang,
) -> Vec<String> {
    let matrix = &evaluation.matrix;
    if matrix.n() == 0 {
        return Vec::new();
    }
    let mut out: Vec<String> = match scenario.profile(&evaluation.profile) {
        Some(profile) => all_groups(scenario, profile, matrix, method, GRID_POINTS)
            .iter()
            .map(|curve| describe(scenario, curve, lang))
            .collect(),
        None => Vec::new(),
    };
    if method == Method::Wsm {
        out.extend(
            all_value_points(matrix, GRID_POINTS)
                .iter()
                .filter(|p| !p.switches.is_empty())
                .map(|p| describe_value_point(scenario, p, lang)),
        );
    }
    out
}
