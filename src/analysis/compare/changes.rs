//! Structural differences between two scenarios: options and criteria added,
//! removed or renamed (matched by id), changed scores, weights and constraints.

use crate::analysis::Evaluation;
use crate::model::{
    Direction, Preference, Scale, Scenario, ScenarioIndex, Text, ValueFunction, WeightProfile,
};
use serde::Serialize;
use std::collections::HashMap;

/// A display name that changed while the id stayed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rename {
    /// The stable id.
    pub id: String,
    /// Name in A.
    pub from: Text,
    /// Name in B.
    pub to: Text,
}

/// Items (options or criteria) added, removed and renamed, by id.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ItemChanges {
    /// Ids only in B.
    pub added: Vec<String>,
    /// Ids only in A.
    pub removed: Vec<String>,
    /// Ids in both whose display name changed.
    pub renamed: Vec<Rename>,
}

impl ItemChanges {
    /// True when nothing was added, removed or renamed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty()
    }
}

/// A score whose value, uncertainty range or rationale changed (options and
/// criteria present in both files).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    /// Alternative id.
    pub alternative: String,
    /// Criterion id.
    pub criterion: String,
    /// Value in A.
    pub from: f64,
    /// Value in B.
    pub to: f64,
    /// Uncertainty range (low, high) in A.
    pub range_from: (Option<f64>, Option<f64>),
    /// Uncertainty range (low, high) in B.
    pub range_to: (Option<f64>, Option<f64>),
    /// Rationale in A.
    pub rationale_from: Text,
    /// Rationale in B.
    pub rationale_to: Text,
}

impl ScoreChange {
    /// True when the value itself changed.
    pub fn value_changed(&self) -> bool {
        self.from != self.to
    }

    /// True when the uncertainty range changed.
    pub fn range_changed(&self) -> bool {
        self.range_from != self.range_to
    }

    /// True when the rationale changed.
    pub fn rationale_changed(&self) -> bool {
        self.rationale_from != self.rationale_to
    }
}

/// A normalised weight of the compared profiles that changed (None: the
/// criterion is absent from that file).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightChange {
    /// Criterion id.
    pub criterion: String,
    /// Normalised weight in A.
    pub from: Option<f64>,
    /// Normalised weight in B.
    pub to: Option<f64>,
}

/// A changed setting of a criterion present in both files, or of the
/// compared profile's red lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum SettingChange {
    /// Less-is-better became more-is-better or the reverse.
    Direction {
        /// Criterion id.
        criterion: String,
        /// In A.
        from: Direction,
        /// In B.
        to: Direction,
    },
    /// The fixed scale changed (None: the data's range).
    Scale {
        /// Criterion id.
        criterion: String,
        /// In A.
        from: Option<Scale>,
        /// In B.
        to: Option<Scale>,
    },
    /// The criterion's veto limit changed.
    Veto {
        /// Criterion id.
        criterion: String,
        /// In A.
        from: Option<f64>,
        /// In B.
        to: Option<f64>,
    },
    /// The compared profile's own red line on the criterion changed.
    RedLine {
        /// Criterion id.
        criterion: String,
        /// In A.
        from: Option<f64>,
        /// In B.
        to: Option<f64>,
    },
    /// The PROMETHEE preference function changed.
    Preference {
        /// Criterion id.
        criterion: String,
        /// In A.
        from: Preference,
        /// In B.
        to: Preference,
    },
    /// The value function changed, appeared or went (None: linear scaling).
    ValueFunction {
        /// Criterion id.
        criterion: String,
        /// In A.
        from: Option<ValueFunction>,
        /// In B.
        to: Option<ValueFunction>,
    },
}

/// A resource cap that changed, appeared or disappeared (None: no such resource).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceChange {
    /// Resource id.
    pub resource: String,
    /// Cap in A.
    pub from: Option<f64>,
    /// Cap in B.
    pub to: Option<f64>,
}

/// An option's need for a resource that changed (None: not stated, i.e. 0).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedChange {
    /// Alternative id.
    pub alternative: String,
    /// Resource id.
    pub resource: String,
    /// Need in A.
    pub from: Option<f64>,
    /// Need in B.
    pub to: Option<f64>,
}

/// Every structural difference from A to B.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Changes {
    /// Options added, removed, renamed.
    pub alternatives: ItemChanges,
    /// Criteria added, removed, renamed.
    pub criteria: ItemChanges,
    /// Changed scores, in A's option then criterion order.
    pub scores: Vec<ScoreChange>,
    /// Changed normalised weights of the compared profiles.
    pub weights: Vec<WeightChange>,
    /// Changed criterion settings and red lines.
    pub settings: Vec<SettingChange>,
    /// Changed resource caps.
    pub resources: Vec<ResourceChange>,
    /// Changed resource needs.
    pub needs: Vec<NeedChange>,
}

impl Changes {
    /// True when the two files agree on everything compared.
    pub fn is_empty(&self) -> bool {
        self.alternatives.is_empty()
            && self.criteria.is_empty()
            && self.scores.is_empty()
            && self.weights.is_empty()
            && self.settings.is_empty()
            && self.resources.is_empty()
            && self.needs.is_empty()
    }
}

/// Added, removed and renamed items of two id-keyed lists.
fn items<'a, T: 'a>(a: &'a [T], b: &'a [T], key: impl Fn(&T) -> (&str, &Text)) -> ItemChanges {
    // First item with each id, as a scan by id would find it.
    let first_by_id = |list: &'a [T]| {
        let mut map: HashMap<&'a str, &'a T> = HashMap::new();
        for x in list {
            map.entry(key(x).0).or_insert(x);
        }
        map
    };
    let (in_a, in_b) = (first_by_id(a), first_by_id(b));
    let mut out = ItemChanges::default();
    for x in a {
        let (id, name) = key(x);
        match in_b.get(id).copied() {
            None => out.removed.push(id.to_string()),
            Some(y) if key(y).1 != name => out.renamed.push(Rename {
                id: id.to_string(),
                from: name.clone(),
                to: key(y).1.clone(),
            }),
            Some(_) => {}
        }
    }
    out.added = b
        .iter()
        .map(|y| key(y).0)
        .filter(|id| !in_a.contains_key(id))
        .map(str::to_string)
        .collect();
    out
}

/// Normalised weights equal up to rounding ({4, 3, 3} and {0.4, 0.3, 0.3}
/// normalise to the same weights but may differ in the last bit).
fn same_weight(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-12,
        (None, None) => true,
        _ => false,
    }
}

/// Normalised weight of a criterion in an evaluation's matrix.
fn weight_in(evaluation: &Evaluation, criterion: &str) -> Option<f64> {
    let m = &evaluation.matrix;
    m.criteria
        .iter()
        .position(|c| c == criterion)
        .map(|j| m.weights[j])
}

/// The structural differences from A (under `profile_a`) to B (under `profile_b`).
/// The evaluations supply the normalised weights.
pub fn changes(
    a: &Scenario,
    profile_a: &WeightProfile,
    eval_a: &Evaluation,
    b: &Scenario,
    profile_b: &WeightProfile,
    eval_b: &Evaluation,
) -> Changes {
    let (index_a, index_b) = (ScenarioIndex::new(a), ScenarioIndex::new(b));
    Changes {
        alternatives: items(&a.alternatives, &b.alternatives, |x| (&x.id, &x.name)),
        criteria: items(&a.criteria, &b.criteria, |x| (&x.id, &x.name)),
        scores: score_changes(a, &index_a, &index_b),
        weights: weight_changes(a, b, &index_a, eval_a, eval_b),
        settings: setting_changes((a, profile_a), (&index_b, profile_b)),
        resources: resource_changes(a, b),
        needs: need_changes(a, &index_b),
    }
}

/// Scores of the options and criteria in both files whose value, range or
/// rationale changed, in A's order.
fn score_changes(
    a: &Scenario,
    index_a: &ScenarioIndex<'_>,
    index_b: &ScenarioIndex<'_>,
) -> Vec<ScoreChange> {
    let mut scores = Vec::new();
    for alt in a
        .alternatives
        .iter()
        .filter(|x| index_b.alternative(&x.id).is_some())
    {
        for c in a
            .criteria
            .iter()
            .filter(|c| index_b.criterion(&c.id).is_some())
        {
            let (Some(sa), Some(sb)) =
                (index_a.score(&alt.id, &c.id), index_b.score(&alt.id, &c.id))
            else {
                continue;
            };
            let change = ScoreChange {
                alternative: alt.id.clone(),
                criterion: c.id.clone(),
                from: sa.value,
                to: sb.value,
                range_from: (sa.low, sa.high),
                range_to: (sb.low, sb.high),
                rationale_from: sa.rationale.clone(),
                rationale_to: sb.rationale.clone(),
            };
            if change.value_changed() || change.range_changed() || change.rationale_changed() {
                scores.push(change);
            }
        }
    }
    scores
}

/// Normalised weights that changed, over A's criteria then those only B has.
fn weight_changes(
    a: &Scenario,
    b: &Scenario,
    index_a: &ScenarioIndex<'_>,
    eval_a: &Evaluation,
    eval_b: &Evaluation,
) -> Vec<WeightChange> {
    let union = a.criteria.iter().map(|c| &c.id).chain(
        b.criteria
            .iter()
            .map(|c| &c.id)
            .filter(|id| index_a.criterion(id).is_none()),
    );
    union
        .filter_map(|id| {
            let (from, to) = (weight_in(eval_a, id), weight_in(eval_b, id));
            (!same_weight(from, to)).then(|| WeightChange {
                criterion: id.clone(),
                from,
                to,
            })
        })
        .collect()
}

/// For each criterion in both files: direction, scale, veto, the profile's
/// red line, PROMETHEE preference and value function, when they differ.
fn setting_changes(
    (a, profile_a): (&Scenario, &WeightProfile),
    (index_b, profile_b): (&ScenarioIndex<'_>, &WeightProfile),
) -> Vec<SettingChange> {
    let mut settings = Vec::new();
    for ca in &a.criteria {
        let Some(cb) = index_b.criterion(&ca.id) else {
            continue;
        };
        let criterion = ca.id.clone();
        if ca.direction != cb.direction {
            settings.push(SettingChange::Direction {
                criterion: criterion.clone(),
                from: ca.direction,
                to: cb.direction,
            });
        }
        if ca.scale != cb.scale {
            settings.push(SettingChange::Scale {
                criterion: criterion.clone(),
                from: ca.scale,
                to: cb.scale,
            });
        }
        if ca.veto != cb.veto {
            settings.push(SettingChange::Veto {
                criterion: criterion.clone(),
                from: ca.veto,
                to: cb.veto,
            });
        }
        let (ra, rb) = (profile_a.vetoes.get(&ca.id), profile_b.vetoes.get(&ca.id));
        if ra != rb {
            settings.push(SettingChange::RedLine {
                criterion: criterion.clone(),
                from: ra.copied(),
                to: rb.copied(),
            });
        }
        if ca.preference != cb.preference {
            settings.push(SettingChange::Preference {
                criterion: criterion.clone(),
                from: ca.preference,
                to: cb.preference,
            });
        }
        if ca.value_function != cb.value_function {
            settings.push(SettingChange::ValueFunction {
                criterion,
                from: ca.value_function.clone(),
                to: cb.value_function.clone(),
            });
        }
    }
    settings
}

/// Resource caps added, removed or changed, over A's resources then B's new ones.
fn resource_changes(a: &Scenario, b: &Scenario) -> Vec<ResourceChange> {
    let cap = |s: &Scenario, id: &str| s.resources.iter().find(|r| r.id == id).map(|r| r.cap);
    let resource_ids = a.resources.iter().map(|r| &r.id).chain(
        b.resources
            .iter()
            .map(|r| &r.id)
            .filter(|id| cap(a, id).is_none()),
    );
    resource_ids
        .filter_map(|id| {
            let (from, to) = (cap(a, id), cap(b, id));
            (from != to).then(|| ResourceChange {
                resource: id.clone(),
                from,
                to,
            })
        })
        .collect()
}

/// Each option in both files: the needs (of any resource either gives it) that differ.
fn need_changes(a: &Scenario, index_b: &ScenarioIndex<'_>) -> Vec<NeedChange> {
    let mut needs = Vec::new();
    for alt_a in &a.alternatives {
        let Some(alt_b) = index_b.alternative(&alt_a.id) else {
            continue;
        };
        let keys = alt_a
            .needs
            .keys()
            .chain(alt_b.needs.keys().filter(|k| !alt_a.needs.contains_key(*k)));
        for resource in keys {
            let (from, to) = (
                alt_a.needs.get(resource).copied(),
                alt_b.needs.get(resource).copied(),
            );
            if from != to {
                needs.push(NeedChange {
                    alternative: alt_a.id.clone(),
                    resource: resource.clone(),
                    from,
                    to,
                });
            }
        }
    }
    needs
}
