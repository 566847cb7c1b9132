//! Sensitivity of the top option to a group's weight in the value tree: the
//! group's share t of its parent sweeps [0, 1] and its siblings keep their
//! proportions in `1 - t` (equally if they are all 0), the rule criterion
//! sensitivity uses among criteria. Every criterion's effective weight is
//! then affine in t (t or `1 - t` times fixed shares), so wsm and promethee2
//! switch points are exact, through the same sweep as criterion sensitivity.

use super::{SensitivityCurve, sweep};
use crate::analysis::matrix::DecisionMatrix;
use crate::analysis::methods::Method;
use crate::model::{Node, NodeShares, Scenario, ValueTree, WeightProfile};

/// How the weights of a matrix's columns depend on one group's share t.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupWeights {
    /// Per matrix column: (effective weight with the group's share at 0,
    /// effective weight with it at 1). The weight at t is
    /// `at_zero + (at_one - at_zero) t`, computed as a product of shares.
    columns: Vec<Column>,
    /// The group's current share within its parent.
    pub current_share: f64,
}

/// One column's weight as a function of t: `fixed * (t or 1 - t or 1)`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    /// Under the group: `fixed * t`.
    Inside(f64),
    /// Under a sibling of the group: `fixed * (1 - t)`.
    Sibling(f64),
    /// Elsewhere (or the group has no sibling): does not move.
    Fixed(f64),
}

impl GroupWeights {
    /// The weights of `matrix`'s columns (its criteria, in its order) when
    /// group `group` (an index into `scenario.groups`) has share t of its
    /// parent under `profile`. None when the index is out of range.
    pub fn new(
        scenario: &Scenario,
        tree: &ValueTree,
        profile: &WeightProfile,
        matrix: &DecisionMatrix,
        group: usize,
    ) -> Option<GroupWeights> {
        if group >= scenario.groups.len() {
            return None;
        }
        let column_of: Vec<Option<usize>> = scenario
            .criteria
            .iter()
            .map(|c| matrix.criteria.iter().position(|id| *id == c.id))
            .collect();
        let included: Vec<bool> = column_of.iter().map(Option::is_some).collect();
        let shares = tree.local_shares(profile, &included);
        let node = Node::Group(group);
        let parent = tree.parent(node).unwrap_or(Node::Root);
        let present = |n: Node| tree.criteria_under(n).iter().any(|&j| included[j]);
        let siblings: Vec<Node> = tree
            .children(parent)
            .iter()
            .copied()
            .filter(|&s| s != node && present(s))
            .collect();
        let others: f64 = siblings.iter().map(|&s| shares.share(s)).sum();
        let sibling_share = |s: Node| {
            if others > 0.0 {
                shares.share(s) / others
            } else {
                1.0 / siblings.len() as f64
            }
        };
        let mut columns = vec![Column::Fixed(0.0); matrix.m()];
        for (j, col) in column_of.iter().enumerate() {
            let Some(k) = *col else { continue };
            let path = tree.path(Node::Criterion(j));
            // A group with nothing scored below it, or without a sibling,
            // cannot move any weight.
            columns[k] = if siblings.is_empty() || !present(node) || !path.contains(&parent) {
                Column::Fixed(shares.effective(Node::Criterion(j)))
            } else if path.contains(&node) {
                Column::Inside(product_except(&shares, &path, node, 1.0))
            } else {
                match path.iter().find(|s| siblings.contains(s)) {
                    Some(&s) => {
                        Column::Sibling(product_except(&shares, &path, s, sibling_share(s)))
                    }
                    None => Column::Fixed(shares.effective(Node::Criterion(j))),
                }
            };
        }
        Some(GroupWeights {
            columns,
            current_share: shares.share(node),
        })
    }

    /// The column weights when the group's share is t.
    pub fn at(&self, t: f64) -> Vec<f64> {
        self.columns
            .iter()
            .map(|c| match *c {
                Column::Inside(w) => w * t,
                Column::Sibling(w) => w * (1.0 - t),
                Column::Fixed(w) => w,
            })
            .collect()
    }
}

/// The product of the shares along `path` with `node`'s share replaced by `share`.
fn product_except(shares: &NodeShares, path: &[Node], node: Node, share: f64) -> f64 {
    path.iter()
        .filter(|&&n| n != Node::Root)
        .map(|&n| if n == node { share } else { shares.share(n) })
        .product()
}

/// Sensitivity of the ranking under `method` to the share of group `group`
/// (index into `scenario.groups`) within its parent, with scores on
/// `grid_points` evenly spaced shares. The curve's `criterion` is the
/// group's id and `current_weight` its current share. An out-of-range index
/// gives an empty curve.
pub fn group_sensitivity(
    scenario: &Scenario,
    profile: &WeightProfile,
    matrix: &DecisionMatrix,
    method: Method,
    group: usize,
    grid_points: usize,
) -> SensitivityCurve {
    let tree = ValueTree::new(scenario);
    let Some(weights) = GroupWeights::new(scenario, &tree, profile, matrix, group) else {
        return SensitivityCurve::empty();
    };
    let sweep = sweep(matrix, method, |t| weights.at(t), grid_points);
    SensitivityCurve {
        criterion: scenario.groups[group].id.clone(),
        current_weight: weights.current_share,
        alternatives: matrix.alternatives.clone(),
        weights: sweep.grid,
        scores: sweep.scores,
        thresholds: sweep.thresholds,
    }
}

/// [`group_sensitivity`] for every group, in scenario order.
pub fn all_groups(
    scenario: &Scenario,
    profile: &WeightProfile,
    matrix: &DecisionMatrix,
    method: Method,
    grid_points: usize,
) -> Vec<SensitivityCurve> {
    (0..scenario.groups.len())
        .map(|g| group_sensitivity(scenario, profile, matrix, method, g, grid_points))
        .collect()
}
