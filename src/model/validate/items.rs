//! Validation of the scenario's lists of criteria, options, resources and
//! sources: each item's own fields and ids repeated within a list.

use super::{Location, ProblemKind, Push, duplicates, tree_checks};
use crate::model::scenario::{Criterion, Preference, Scenario};

/// A scenario needs at least one criterion and one option to rank anything.
pub(super) fn check_not_empty(scenario: &Scenario, push: &mut Push<'_>) {
    if scenario.criteria.is_empty() {
        push(
            ProblemKind::NoCriteria,
            Location::Scenario,
            Some("criteria"),
        );
    }
    if scenario.alternatives.is_empty() {
        push(
            ProblemKind::NoAlternatives,
            Location::Scenario,
            Some("alternatives"),
        );
    }
}

/// Each criterion's id, scale, veto, PROMETHEE thresholds and value
/// function, then the ids used twice.
pub(super) fn check_criteria(scenario: &Scenario, push: &mut Push<'_>) {
    for (i, c) in scenario.criteria.iter().enumerate() {
        if c.id.trim().is_empty() {
            push(ProblemKind::EmptyId, Location::Criterion(i), Some("id"));
        }
        check_scale(c, i, push);
        check_veto(c, i, push);
        check_preference(c, i, push);
        if let Some(vf) = &c.value_function {
            tree_checks::check_value_function(vf, c.direction, i, push);
        }
    }
    for (i, id) in duplicates(scenario.criteria.iter().map(|c| c.id.as_str())) {
        push(
            ProblemKind::DuplicateCriterion(id),
            Location::Criterion(i),
            Some("id"),
        );
    }
}

/// A fixed scale must be finite, not empty, and point the criterion's way.
fn check_scale(c: &Criterion, i: usize, push: &mut Push<'_>) {
    let Some(scale) = c.scale else { return };
    let kind = if !scale.worst.is_finite() || !scale.best.is_finite() {
        ProblemKind::NotFinite { field: "scale" }
    } else if scale.worst == scale.best {
        ProblemKind::DegenerateScale
    } else if !scale.agrees_with(c.direction) {
        ProblemKind::ScaleAgainstDirection {
            direction: c.direction,
            worst: scale.worst,
            best: scale.best,
        }
    } else {
        return;
    };
    push(kind, Location::Criterion(i), Some("scale"));
}

fn check_veto(c: &Criterion, i: usize, push: &mut Push<'_>) {
    if let Some(v) = c.veto
        && !v.is_finite()
    {
        push(
            ProblemKind::NotFinite { field: "veto" },
            Location::Criterion(i),
            Some("veto"),
        );
    }
}

/// PROMETHEE thresholds: finite, not negative, and q <= p.
fn check_preference(c: &Criterion, i: usize, push: &mut Push<'_>) {
    let thresholds_ok = match c.preference {
        Preference::Usual => true,
        Preference::Linear { q, p } => q.is_finite() && p.is_finite() && q >= 0.0 && p >= q,
        Preference::VShape { p } => p.is_finite() && p >= 0.0,
    };
    if !thresholds_ok {
        push(
            ProblemKind::BadPreference,
            Location::Criterion(i),
            Some("preference"),
        );
    }
}

/// Each option's id and resource needs, then the ids used twice.
pub(super) fn check_alternatives(scenario: &Scenario, push: &mut Push<'_>) {
    for (i, a) in scenario.alternatives.iter().enumerate() {
        let at = Location::Alternative(i);
        if a.id.trim().is_empty() {
            push(ProblemKind::EmptyId, at.clone(), Some("id"));
        }
        for (resource, need) in &a.needs {
            if !scenario.resources.iter().any(|r| &r.id == resource) {
                push(
                    ProblemKind::UnknownResource(resource.clone()),
                    at.clone(),
                    Some("needs"),
                );
            }
            if !need.is_finite() {
                push(
                    ProblemKind::NotFinite { field: "needs" },
                    at.clone(),
                    Some("needs"),
                );
            } else if *need < 0.0 {
                push(
                    ProblemKind::NegativeResource(resource.clone()),
                    at.clone(),
                    Some("needs"),
                );
            }
        }
    }
    for (i, id) in duplicates(scenario.alternatives.iter().map(|a| a.id.as_str())) {
        push(
            ProblemKind::DuplicateAlternative(id),
            Location::Alternative(i),
            Some("id"),
        );
    }
}

/// Each resource's cap (finite, not negative), then the ids used twice.
pub(super) fn check_resources(scenario: &Scenario, push: &mut Push<'_>) {
    for (i, r) in scenario.resources.iter().enumerate() {
        if !r.cap.is_finite() {
            push(
                ProblemKind::NotFinite { field: "cap" },
                Location::Resource(i),
                Some("cap"),
            );
        } else if r.cap < 0.0 {
            push(
                ProblemKind::NegativeResource(r.id.clone()),
                Location::Resource(i),
                Some("cap"),
            );
        }
    }
    for (i, id) in duplicates(scenario.resources.iter().map(|r| r.id.as_str())) {
        push(
            ProblemKind::DuplicateResource(id),
            Location::Resource(i),
            Some("id"),
        );
    }
}

/// Source ids used twice.
pub(super) fn check_sources(scenario: &Scenario, push: &mut Push<'_>) {
    for (i, id) in duplicates(scenario.sources.iter().map(|s| s.id.as_str())) {
        push(
            ProblemKind::DuplicateSource(id),
            Location::Source(i),
            Some("id"),
        );
    }
}
