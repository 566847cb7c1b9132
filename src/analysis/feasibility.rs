//! Which options are ruled out before ranking (vetoes and resource caps), and why.

use crate::model::{Direction, Scenario, ScenarioIndex, WeightProfile};
use serde::Serialize;

/// Why an option is excluded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The option is worse than a criterion's veto limit.
    Veto {
        /// Criterion id.
        criterion: String,
        /// The option's value.
        value: f64,
        /// The limit it breaks.
        limit: f64,
        /// Direction of the criterion (above the limit for min, below for max).
        direction: Direction,
        /// The profile whose red line this is; None for the criterion's own veto.
        profile: Option<String>,
    },
    /// The option needs more of a resource than the cap.
    Resource {
        /// Resource id.
        resource: String,
        /// What the option needs.
        need: f64,
        /// The cap.
        cap: f64,
    },
    /// The option has no score yet on these criteria (ids), which other
    /// options are scored on (a criterion nobody has scored is left out
    /// of the analysis instead).
    NotYetScored {
        /// Criterion ids, in criterion order.
        criteria: Vec<String>,
    },
}

/// An excluded option with every reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    /// Alternative id.
    pub alternative: String,
    /// Every rule it breaks, in criterion then resource order.
    pub reasons: Vec<Reason>,
}

fn breaks(direction: Direction, value: f64, limit: f64) -> bool {
    // At the exact limit the option is still acceptable.
    match direction {
        Direction::Minimize => value > limit,
        Direction::Maximize => value < limit,
    }
}

/// Every rule that alternative `id` breaks under `profile` (empty: feasible).
/// Criterion vetoes and the profile's own vetoes both apply.
pub fn reasons_for(scenario: &Scenario, profile: Option<&WeightProfile>, id: &str) -> Vec<Reason> {
    let index = ScenarioIndex::new(scenario);
    index
        .alternative_index(id)
        .map_or_else(Vec::new, |i| reasons_at(&index, profile, i))
}

/// Every rule that the option at position `i` of the indexed scenario
/// breaks under `profile` (empty: feasible), without scanning the scores.
pub fn reasons_at(
    index: &ScenarioIndex<'_>,
    profile: Option<&WeightProfile>,
    i: usize,
) -> Vec<Reason> {
    let scenario = index.scenario();
    let mut reasons = Vec::new();
    let mut unscored = Vec::new();
    for (j, c) in scenario.criteria.iter().enumerate() {
        let Some(score) = index.score_at(i, j) else {
            if index.criterion_is_scored(j) {
                unscored.push(c.id.clone());
            }
            continue;
        };
        let limits = c
            .veto
            .map(|l| (l, None))
            .into_iter()
            .chain(profile.and_then(|p| p.vetoes.get(&c.id).map(|l| (*l, Some(p.id.clone())))));
        for (limit, by) in limits {
            if breaks(c.direction, score.value, limit) {
                reasons.push(Reason::Veto {
                    criterion: c.id.clone(),
                    value: score.value,
                    limit,
                    direction: c.direction,
                    profile: by,
                });
            }
        }
    }
    if !unscored.is_empty() {
        reasons.push(Reason::NotYetScored { criteria: unscored });
    }
    if let Some(alternative) = scenario.alternatives.get(i) {
        for r in &scenario.resources {
            let need = alternative.needs.get(&r.id).copied().unwrap_or(0.0);
            if need > r.cap {
                reasons.push(Reason::Resource {
                    resource: r.id.clone(),
                    need,
                    cap: r.cap,
                });
            }
        }
    }
    reasons
}

/// The excluded options of `scenario` under `profile`, in scenario order.
pub fn exclusions(scenario: &Scenario, profile: Option<&WeightProfile>) -> Vec<Exclusion> {
    split_feasible(&ScenarioIndex::new(scenario), profile).1
}

/// Ids of the options that pass every rule, in scenario order.
pub fn feasible_ids(scenario: &Scenario, profile: Option<&WeightProfile>) -> Vec<String> {
    split_feasible(&ScenarioIndex::new(scenario), profile).0
}

/// The ids of the feasible options and the excluded options with their
/// reasons, both in scenario order, in one pass over the indexed scenario.
pub fn split_feasible(
    index: &ScenarioIndex<'_>,
    profile: Option<&WeightProfile>,
) -> (Vec<String>, Vec<Exclusion>) {
    let mut feasible = Vec::new();
    let mut excluded = Vec::new();
    for a in &index.scenario().alternatives {
        // By id, so a repeated id reads as its first occurrence (as a lookup would).
        let reasons = index
            .alternative_index(&a.id)
            .map_or_else(Vec::new, |i| reasons_at(index, profile, i));
        if reasons.is_empty() {
            feasible.push(a.id.clone());
        } else {
            excluded.push(Exclusion {
                alternative: a.id.clone(),
                reasons,
            });
        }
    }
    (feasible, excluded)
}
