//! Results summed over the value tree: each option's weighted-sum score split
//! into one part per top-level group (or per node of any cut through the
//! tree, when some groups are opened into their children). A group's part is
//! the sum of its criteria's contributions, so the parts add up to the score.

use super::node_contributions::{criterion_parts, node_parts};
use super::{DecisionMatrix, Method};
use crate::model::{Node, Scenario, ValueTree};

/// The nodes a by-group view shows, in tree order: the root's children, each
/// group whose id is in `expanded` replaced by its own children (and so on
/// down). With no groups this is every criterion in scenario order.
pub fn shown_nodes(tree: &ValueTree, scenario: &Scenario, expanded: &[String]) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack: Vec<Node> = tree.children(Node::Root).iter().rev().copied().collect();
    while let Some(node) = stack.pop() {
        let open = matches!(node, Node::Group(_))
            && expanded.iter().any(|id| id == tree.id(scenario, node));
        if open {
            stack.extend(tree.children(node).iter().rev().copied());
        } else {
            out.push(node);
        }
    }
    out
}

/// The top-level node (a child of the root) that `node` lies under, or the
/// node itself when it is one. None for the root.
pub fn top_level(tree: &ValueTree, node: Node) -> Option<Node> {
    tree.path(node).get(1).copied()
}

/// For each of `nodes`, the columns of `criteria` (a matrix's criterion ids)
/// that lie under it. A criterion not in the matrix (nobody scored it) is
/// skipped, so a group may have no column.
pub fn columns_under(
    tree: &ValueTree,
    scenario: &Scenario,
    nodes: &[Node],
    criteria: &[String],
) -> Vec<Vec<usize>> {
    nodes
        .iter()
        .map(|&node| {
            tree.criteria_under(node)
                .into_iter()
                .filter_map(|j| {
                    let id = &scenario.criteria.get(j)?.id;
                    criteria.iter().position(|c| c == id)
                })
                .collect()
        })
        .collect()
}

/// Each option's weighted-sum score split per node of `nodes` (see
/// [`shown_nodes`]): `(option id, one part per node)`, in matrix order. When
/// the nodes cover the tree, every row sums to the option's wsm score.
pub fn node_contributions(
    matrix: &DecisionMatrix,
    scenario: &Scenario,
    tree: &ValueTree,
    nodes: &[Node],
) -> Vec<(String, Vec<f64>)> {
    let parts = wsm_parts(matrix);
    let by_node: Vec<Vec<f64>> = nodes
        .iter()
        .map(|&node| node_parts(scenario, tree, matrix, &parts, node))
        .collect();
    matrix
        .alternatives
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), by_node.iter().map(|p| p[i]).collect()))
        .collect()
}

/// Each option's weighted-sum contribution per criterion, row-major like the
/// matrix (`weights[j] × scaled value`): a row sums to the option's wsm score.
pub fn wsm_parts(matrix: &DecisionMatrix) -> Vec<f64> {
    criterion_parts(matrix, Method::Wsm).unwrap_or_default()
}

/// The effective weight of each of `nodes` in the matrix: the sum of its
/// columns' weights (its share of the whole score).
pub fn node_weights(
    matrix: &DecisionMatrix,
    scenario: &Scenario,
    tree: &ValueTree,
    nodes: &[Node],
) -> Vec<f64> {
    columns_under(tree, scenario, nodes, &matrix.criteria)
        .iter()
        .map(|cols| cols.iter().map(|&j| matrix.weights[j]).sum())
        .collect()
}
