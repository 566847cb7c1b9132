//! Validation of the value tree (groups) and of value functions.

use super::{Location, ProblemKind, Push, duplicates};
use crate::model::scenario::{Direction, Scenario, WeightProfile};
use crate::model::tree::{Node, SkipReason, ValueTree};
use crate::model::value_function::ValueFunction;

/// Checks criterion `i`'s value function: at least two points, finite
/// numbers, x strictly increasing, values in 0..=100, and a shape that
/// agrees with the criterion's direction (checked only when the rest holds).
pub(super) fn check_value_function(
    vf: &ValueFunction,
    direction: Direction,
    i: usize,
    push: &mut Push<'_>,
) {
    use ProblemKind as K;
    let at = Location::Criterion(i);
    let field = Some("value_function");
    let points = vf.points();
    if points.len() < 2 {
        push(K::ValueFunctionTooFewPoints, at.clone(), field);
    }
    let mut sound = points.len() >= 2;
    for (point, &(x, value)) in points.iter().enumerate() {
        if !x.is_finite() || !value.is_finite() {
            push(K::ValueFunctionNotFinite { point }, at.clone(), field);
            sound = false;
            continue;
        }
        if point > 0 && points[point - 1].0.is_finite() && x <= points[point - 1].0 {
            push(K::ValueFunctionNotIncreasing { point }, at.clone(), field);
            sound = false;
        }
        if !(0.0..=100.0).contains(&value) {
            push(
                K::ValueFunctionOutOfRange { point, value },
                at.clone(),
                field,
            );
            sound = false;
        }
    }
    if sound && !vf.agrees_with(direction) {
        let wrong_way = points.windows(2).position(|p| match direction {
            Direction::Maximize => p[1].1 < p[0].1,
            Direction::Minimize => p[1].1 > p[0].1,
        });
        push(
            K::ValueFunctionAgainstDirection {
                direction,
                point: wrong_way.map(|k| k + 1),
            },
            at,
            field,
        );
    }
}

/// Checks the groups (ids, children, loops, emptiness) and returns the
/// tree the analysis will use, built the same tolerant way.
pub(super) fn check_tree(scenario: &Scenario, push: &mut Push<'_>) -> ValueTree {
    use ProblemKind as K;
    let tree = ValueTree::new(scenario);
    for (g, group) in scenario.groups.iter().enumerate() {
        if group.id.trim().is_empty() {
            push(K::EmptyId, Location::Group(g), Some("id"));
        } else if scenario.criterion(&group.id).is_some() {
            push(
                K::GroupIdIsCriterion(group.id.clone()),
                Location::Group(g),
                Some("id"),
            );
        }
        for skip in tree.skipped().iter().filter(|s| s.group == g) {
            let id = group.children[skip.position].clone();
            let position = skip.position;
            let kind = match skip.reason {
                SkipReason::Unknown => K::GroupUnknownChild { id, position },
                SkipReason::Cycle => K::GroupCycle { id, position },
                SkipReason::Repeated(first) => K::NodeInTwoGroups {
                    id,
                    first: scenario.groups[first].id.clone(),
                    position,
                },
            };
            push(kind, Location::Group(g), Some("children"));
        }
        if group.children.is_empty() {
            push(K::EmptyGroup, Location::Group(g), Some("children"));
        }
    }
    for (g, id) in duplicates(scenario.groups.iter().map(|g| g.id.as_str())) {
        push(K::DuplicateGroup(id), Location::Group(g), Some("id"));
    }
    tree
}

/// True when, among every set of siblings where any has bounds, the
/// minimums sum to at most 1 and the maximums (1 when unbounded) to at
/// least 1, so some weights fit them all. For a flat scenario: the
/// criteria's bounds together.
pub(super) fn bounds_satisfiable(
    scenario: &Scenario,
    tree: &ValueTree,
    profile: &WeightProfile,
) -> bool {
    let parents = std::iter::once(Node::Root).chain((0..scenario.groups.len()).map(Node::Group));
    for parent in parents {
        let children = tree.children(parent);
        let bounds: Vec<_> = children
            .iter()
            .map(|&c| profile.bounds.get(tree.id(scenario, c)))
            .collect();
        if bounds.iter().all(Option::is_none) {
            continue;
        }
        let min_sum: f64 = bounds.iter().map(|b| b.map_or(0.0, |b| b.min)).sum();
        let max_sum: f64 = bounds.iter().map(|b| b.map_or(1.0, |b| b.max)).sum();
        if min_sum > 1.0 + 1e-9 || max_sum < 1.0 - 1e-9 {
            return false;
        }
    }
    true
}
