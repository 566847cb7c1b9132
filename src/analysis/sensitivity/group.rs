//! Sensitivity of the top option to a group's weight in the value tree: the
//! group's share t of its parent sweeps [0, 1] and its siblings keep their
//! proportions in `1 - t` (equally if they are all 0), the rule criterion
//! sensitivity uses among criteria: the profile is rewritten so and weighed
//! through the tree. Every criterion's effective weight is then affine in t
//! (t or `1 - t` times shares that do not move), so wsm and promethee2
//! switch points are exact, through the same sweep as criterion sensitivity.
//! (When the parent's children all weigh 0 today, the parent takes no part
//! now but does during the sweep: the curve then starts from that.)

use super::{SensitivityCurve, sweep};
use crate::analysis::matrix::DecisionMatrix;
use crate::analysis::methods::Method;
use crate::model::{Node, Scenario, ValueTree, WeightProfile};

/// How the weights of a matrix's columns depend on one group's share t.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupWeights {
    /// The profile whose weights among the group and its siblings are rewritten.
    profile: WeightProfile,
    /// The tree, the scenario's criteria included (matrix columns), and
    /// each column's criterion index.
    tree: ValueTree,
    included: Vec<bool>,
    columns: Vec<usize>,
    /// Id of the group and, with their shares of the others' total, of its
    /// siblings that take part; empty when t moves nothing.
    group_id: String,
    siblings: Vec<(String, f64)>,
    /// The group's current share within its parent.
    pub current_share: f64,
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
        let group_id = scenario.groups.get(group)?.id.clone();
        let column_of: Vec<Option<usize>> = scenario
            .criteria
            .iter()
            .map(|c| matrix.criteria.iter().position(|id| *id == c.id))
            .collect();
        let included: Vec<bool> = column_of.iter().map(Option::is_some).collect();
        let columns: Vec<usize> = matrix
            .criteria
            .iter()
            .filter_map(|id| scenario.criteria.iter().position(|c| c.id == *id))
            .collect();
        let shares = tree.local_shares(profile, &included);
        let node = Node::Group(group);
        let parent = tree.parent(node).unwrap_or(Node::Root);
        let present = |n: Node| takes_part(scenario, tree, profile, &included, n);
        let taking_part: Vec<Node> = tree
            .children(parent)
            .iter()
            .copied()
            .filter(|&s| s != node && present(s))
            .collect();
        let raw = |n: Node| profile.weight(tree.id(scenario, n));
        let others: f64 = taking_part.iter().map(|&s| raw(s)).sum();
        // A group that takes no part (nothing scored below it, or its
        // children all weigh 0), or without a sibling, moves no weight.
        let siblings = if present(node) {
            taking_part
                .iter()
                .map(|&s| {
                    let part = if others > 0.0 {
                        raw(s) / others
                    } else {
                        1.0 / taking_part.len() as f64
                    };
                    (tree.id(scenario, s).to_string(), part)
                })
                .collect()
        } else {
            Vec::new()
        };
        Some(GroupWeights {
            profile: profile.clone(),
            tree: tree.clone(),
            included,
            columns,
            group_id,
            siblings,
            current_share: shares.share(node),
        })
    }

    /// The column weights when the group's share is t: the profile with the
    /// group weighing t and each sibling its part of `1 - t`, through the
    /// tree. Between the ends each effective weight is t or `1 - t` times
    /// shares that do not move, so the weights are affine in t.
    pub fn at(&self, t: f64) -> Vec<f64> {
        let mut profile = self.profile.clone();
        if !self.siblings.is_empty() {
            profile.weights.insert(self.group_id.clone(), t);
            for (id, part) in &self.siblings {
                profile.weights.insert(id.clone(), part * (1.0 - t));
            }
        }
        let effective = self.tree.effective_weights(&profile, &self.included);
        self.columns.iter().map(|&j| effective[j]).collect()
    }
}

/// True when `node` takes part in the weighting, as in
/// [`ValueTree::local_shares`]: an included criterion, or a group with a
/// child that takes part and weighs more than 0.
fn takes_part(
    scenario: &Scenario,
    tree: &ValueTree,
    profile: &WeightProfile,
    included: &[bool],
    node: Node,
) -> bool {
    match node {
        Node::Root => true,
        Node::Criterion(j) => included.get(j).copied().unwrap_or(true),
        Node::Group(_) => tree.children(node).iter().any(|&c| {
            profile.weight(tree.id(scenario, c)) > 0.0
                && takes_part(scenario, tree, profile, included, c)
        }),
    }
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
