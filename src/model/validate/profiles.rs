//! Validation of the weight profiles: the active one exists, and each
//! profile's weights, bounds and vetoes name known criteria (or groups) with
//! sound numbers.

use super::{Location, ProblemKind, Push, duplicates, tree_checks};
use crate::model::scenario::{Scenario, WeightProfile};
use crate::model::tree::ValueTree;
use std::collections::HashSet;

/// The profile list, each profile in turn, then the ids used twice.
pub(super) fn check_profiles(scenario: &Scenario, tree: &ValueTree, push: &mut Push<'_>) {
    check_active_profile(scenario, push);
    let ids = KnownIds::new(scenario);
    for (i, p) in scenario.profiles.iter().enumerate() {
        if p.id.trim().is_empty() {
            push(ProblemKind::EmptyId, Location::Profile(i), Some("id"));
        }
        check_weights(scenario, tree, &ids, p, i, push);
        check_bounds(scenario, tree, &ids, p, i, push);
        check_vetoes(&ids, p, i, push);
    }
    for (i, id) in duplicates(scenario.profiles.iter().map(|p| p.id.as_str())) {
        push(
            ProblemKind::DuplicateProfile(id),
            Location::Profile(i),
            Some("id"),
        );
    }
}

/// The ids a profile may name: vetoes name criteria; weights and bounds
/// may name groups as well.
struct KnownIds<'a> {
    criteria: HashSet<&'a str>,
    nodes: HashSet<&'a str>,
}

impl<'a> KnownIds<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        let criteria: HashSet<&str> = scenario.criteria.iter().map(|c| c.id.as_str()).collect();
        let nodes = criteria
            .iter()
            .copied()
            .chain(scenario.groups.iter().map(|g| g.id.as_str()))
            .collect();
        KnownIds { criteria, nodes }
    }
}

/// There is at least one profile, and `active_profile` names one of them.
fn check_active_profile(scenario: &Scenario, push: &mut Push<'_>) {
    if scenario.profiles.is_empty() {
        push(
            ProblemKind::NoProfiles,
            Location::Scenario,
            Some("profiles"),
        );
    } else if !scenario
        .profiles
        .iter()
        .any(|p| p.id == scenario.active_profile)
    {
        push(
            ProblemKind::UnknownActiveProfile(scenario.active_profile.clone()),
            Location::Scenario,
            Some("active_profile"),
        );
    }
}

/// Each weight names a known node and is a finite number >= 0; every
/// criterion and group has one; and some criterion is weighted at all.
fn check_weights(
    scenario: &Scenario,
    tree: &ValueTree,
    ids: &KnownIds<'_>,
    p: &WeightProfile,
    i: usize,
    push: &mut Push<'_>,
) {
    let mut all_zero = true;
    for (criterion, w) in &p.weights {
        if !ids.nodes.contains(criterion.as_str()) {
            push(
                ProblemKind::WeightUnknownCriterion(criterion.clone()),
                Location::Profile(i),
                Some("weights"),
            );
        }
        let problem = if !w.is_finite() {
            Some(ProblemKind::NotFinite { field: "weights" })
        } else if *w < 0.0 {
            Some(ProblemKind::NegativeWeight {
                criterion: criterion.clone(),
                weight: *w,
            })
        } else {
            None
        };
        // A bad weight is reported as itself, not as "all zero" too.
        if problem.is_some() || (*w > 0.0 && ids.criteria.contains(criterion.as_str())) {
            all_zero = false;
        }
        if let Some(kind) = problem {
            push(kind, Location::Profile(i), Some("weights"));
        }
    }
    check_missing_weights(scenario, p, i, push);
    // In a tree, a positive criterion weight is not enough: every path
    // down to it must be weighted too.
    if !all_zero && !tree.is_flat() {
        all_zero = tree.effective_weights(p, &[]).iter().all(|&w| w == 0.0)
            && p.weights.values().all(|w| w.is_finite() && *w >= 0.0);
    }
    if all_zero && !scenario.criteria.is_empty() {
        push(
            ProblemKind::AllZeroWeights,
            Location::Profile(i),
            Some("weights"),
        );
    }
}

/// A warning per criterion or group the profile gives no weight (it counts as 0).
fn check_missing_weights(scenario: &Scenario, p: &WeightProfile, i: usize, push: &mut Push<'_>) {
    let node_order = scenario
        .criteria
        .iter()
        .map(|c| &c.id)
        .chain(scenario.groups.iter().map(|g| &g.id));
    for id in node_order {
        if !p.weights.contains_key(id) {
            push(
                ProblemKind::MissingWeight(id.clone()),
                Location::Profile(i),
                Some("weights"),
            );
        }
    }
}

/// Each bound names a known node and lies within 0..=1 with min <= max;
/// together the bounds leave some weights possible.
fn check_bounds(
    scenario: &Scenario,
    tree: &ValueTree,
    ids: &KnownIds<'_>,
    p: &WeightProfile,
    i: usize,
    push: &mut Push<'_>,
) {
    for (criterion, b) in &p.bounds {
        let ok = b.min.is_finite()
            && b.max.is_finite()
            && (0.0..=1.0).contains(&b.min)
            && (0.0..=1.0).contains(&b.max)
            && b.min <= b.max;
        if !ids.nodes.contains(criterion.as_str()) {
            push(
                ProblemKind::BoundsUnknownNode(criterion.clone()),
                Location::Profile(i),
                Some("bounds"),
            );
        } else if !ok {
            push(
                ProblemKind::BadBounds(criterion.clone()),
                Location::Profile(i),
                Some("bounds"),
            );
        }
    }
    if !p.bounds.is_empty() && !tree_checks::bounds_satisfiable(scenario, tree, p) {
        push(
            ProblemKind::BadBounds(String::new()),
            Location::Profile(i),
            Some("bounds"),
        );
    }
}

/// Each veto names a criterion and is a finite number.
fn check_vetoes(ids: &KnownIds<'_>, p: &WeightProfile, i: usize, push: &mut Push<'_>) {
    for (criterion, v) in &p.vetoes {
        if !ids.criteria.contains(criterion.as_str()) {
            push(
                ProblemKind::WeightUnknownCriterion(criterion.clone()),
                Location::Profile(i),
                Some("vetoes"),
            );
        }
        if !v.is_finite() {
            push(
                ProblemKind::NotFinite { field: "vetoes" },
                Location::Profile(i),
                Some("vetoes"),
            );
        }
    }
}
