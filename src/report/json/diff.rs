//! The `diff --json` document: both rankings, what changed, and why the ranking moved.

use super::rank::{RankJson, RankedJson};
use super::{ExcludedJson, resource_name};
use crate::analysis::compare::by_group::{group_terms, has_groups, node_name};
use crate::analysis::compare::{
    Changes, Comparison, Explanation, ItemChanges, Outcome, ScoreChange, SettingChange,
};
use crate::model::{Lang, Preference, Scenario};
use crate::report::compare::{criterion_name, option_name, summary};
use serde::{Deserialize, Serialize};

/// The `diff --json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffJson {
    /// What changed from A to B.
    pub changes: ChangesJson,
    /// Excluded in A.
    pub excluded_a: Vec<ExcludedJson>,
    /// Excluded in B.
    pub excluded_b: Vec<ExcludedJson>,
    /// Why the ranking moved.
    pub explanation: ExplanationJson,
    /// The method, the same for both.
    pub method: String,
    /// Each option's rank in A and in B.
    pub moves: Vec<MoveJson>,
    /// Profile id in A.
    pub profile_a: String,
    /// Profile id in B.
    pub profile_b: String,
    /// The ranking of A, as in `rank`.
    pub ranking_a: Vec<RankedJson>,
    /// The ranking of B, as in `rank`.
    pub ranking_b: Vec<RankedJson>,
}

/// An option's rank in A and in B (null: not ranked there).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveJson {
    /// Display name (English).
    pub alternative: String,
    /// Alternative id.
    pub id: String,
    /// Rank in A.
    pub rank_a: Option<usize>,
    /// Rank in B.
    pub rank_b: Option<usize>,
}

/// The kinds of change that occur (each absent when none; `{}` when nothing changed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangesJson {
    /// Options added, removed or renamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<ItemsJson>,
    /// Criteria added, removed or renamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<ItemsJson>,
    /// Resource needs changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<NeedJson>,
    /// Resource caps changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ResourceChangeJson>,
    /// Scores changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<ScoreChangeJson>,
    /// Criterion settings changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<SettingJson>,
    /// Weights changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<WeightJson>,
}

/// Items added, removed or renamed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemsJson {
    /// New in B.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<IdNameJson>,
    /// Gone from B.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<IdNameJson>,
    /// Renamed (English names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<RenameJson>,
}

/// An item by id and English name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdNameJson {
    /// Id.
    pub id: String,
    /// Display name (English).
    pub name: String,
}

/// A renamed item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenameJson {
    /// English name in A.
    pub from: String,
    /// Id.
    pub id: String,
    /// English name in B.
    pub to: String,
}

/// A changed score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreChangeJson {
    /// Option (English name).
    pub alternative: String,
    /// Option id.
    pub alternative_id: String,
    /// Criterion (English name).
    pub criterion: String,
    /// Criterion id.
    pub criterion_id: String,
    /// Value in A.
    pub from: f64,
    /// Uncertainty range in A (null ends: none).
    pub range_from: [Option<f64>; 2],
    /// Uncertainty range in B.
    pub range_to: [Option<f64>; 2],
    /// Rationale in A (English).
    pub rationale_from: String,
    /// Rationale in B (English).
    pub rationale_to: String,
    /// Value in B.
    pub to: f64,
}

/// A changed weight (null: no weight on that side).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightJson {
    /// Criterion (English name).
    pub criterion: String,
    /// In A.
    pub from: Option<f64>,
    /// Criterion id.
    pub id: String,
    /// In B.
    pub to: Option<f64>,
}

/// A changed criterion setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingJson {
    /// Criterion (English name).
    pub criterion: String,
    /// "direction", "scale", "veto", "red_line", "preference" or "value_function".
    pub field: String,
    /// In A.
    pub from: Option<SettingValueJson>,
    /// Criterion id.
    pub id: String,
    /// In B.
    pub to: Option<SettingValueJson>,
}

/// The value of a criterion setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SettingValueJson {
    /// A PROMETHEE preference function.
    Preference(PreferenceJson),
    /// A direction: "min" or "max".
    Direction(String),
    /// A veto or red line.
    Limit(f64),
    /// A value scale.
    Scale(ScaleJson),
    /// A value function's points as [x, value] pairs.
    Points(Vec<(f64, f64)>),
}

/// A PROMETHEE preference function (thresholds in key order).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum PreferenceJson {
    /// Strictly better or not.
    Usual,
    /// Linear between q and p.
    Linear {
        /// Preference threshold.
        p: f64,
        /// Indifference threshold.
        q: f64,
    },
    /// Linear up to p.
    VShape {
        /// Preference threshold.
        p: f64,
    },
}

impl From<Preference> for PreferenceJson {
    fn from(p: Preference) -> Self {
        match p {
            Preference::Usual => PreferenceJson::Usual,
            Preference::Linear { q, p } => PreferenceJson::Linear { p, q },
            Preference::VShape { p } => PreferenceJson::VShape { p },
        }
    }
}

/// A value scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScaleJson {
    /// Value that scores 1.
    pub best: f64,
    /// Value that scores 0.
    pub worst: f64,
}

/// A changed resource cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceChangeJson {
    /// In A.
    pub from: Option<f64>,
    /// Resource id.
    pub id: String,
    /// Display name (English).
    pub resource: String,
    /// In B.
    pub to: Option<f64>,
}

/// A changed resource need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedJson {
    /// Option (English name).
    pub alternative: String,
    /// Option id.
    pub alternative_id: String,
    /// In A.
    pub from: Option<f64>,
    /// Resource (English name).
    pub resource: String,
    /// Resource id.
    pub resource_id: String,
    /// In B.
    pub to: Option<f64>,
}

/// The explanation: pair, gaps, per-criterion terms (wsm) and summary.
/// When a member of the pair is new, dropped or excluded, the pair shown is
/// the one among the options ranked in both files, and `unexplained` names
/// the option that could not be split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExplanationJson {
    /// The option first in A (English name).
    pub first: Option<String>,
    /// score(second) - score(first) in A.
    pub gap_a: Option<f64>,
    /// score(second) - score(first) in B.
    pub gap_b: Option<f64>,
    /// The terms summed per top-level node of the value tree (only when
    /// either file has groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<GroupTermJson>>,
    /// The other option of the pair.
    pub second: Option<String>,
    /// "explained", "wsm_only", "no_feasible", "too_few_options", "missing" or "excluded".
    pub status: String,
    /// The summary sentence, in the output language.
    pub summary: String,
    /// Per-criterion terms; they sum to gap_b - gap_a.
    pub terms: Vec<TermJson>,
    /// The option that could not be split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unexplained: Option<UnexplainedJson>,
}

/// One criterion's share of the change in the gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermJson {
    /// Criterion (English name).
    pub criterion: String,
    /// Criterion id.
    pub id: String,
    /// Effect of the change in values.
    pub value_effect: f64,
    /// Effect of the change in weight.
    pub weight_effect: f64,
}

/// One top-level node's share of the change in the gap: a group sums its
/// criteria's terms, listed beneath it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupTermJson {
    /// The group's criteria's terms (the criterion's own term for a criterion).
    pub criteria: Vec<TermJson>,
    /// True for a group, false for a criterion at the top level.
    pub group: bool,
    /// Node id.
    pub id: String,
    /// Display name (English).
    pub name: String,
    /// Summed effect of the change in values.
    pub value_effect: f64,
    /// Summed effect of the change in weights.
    pub weight_effect: f64,
}

impl GroupTermJson {
    /// The per-group terms of an explanation; None when neither file has groups.
    fn list(a: &Scenario, b: &Scenario, e: &Explanation) -> Option<Vec<Self>> {
        if !has_groups(a, b) {
            return None;
        }
        let list = group_terms(e, a, b)
            .iter()
            .map(|g| GroupTermJson {
                criteria: g
                    .criteria
                    .iter()
                    .map(|t| TermJson {
                        criterion: node_name(a, b, &t.criterion, Lang::En),
                        id: t.criterion.clone(),
                        value_effect: t.value_effect,
                        weight_effect: t.weight_effect,
                    })
                    .collect(),
                group: g.group,
                id: g.id.clone(),
                name: node_name(a, b, &g.id, Lang::En),
                value_effect: g.value_effect,
                weight_effect: g.weight_effect,
            })
            .collect();
        Some(list)
    }
}

/// An option of the pair that is new, dropped or excluded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnexplainedJson {
    /// Display name (English).
    pub alternative: String,
    /// Alternative id.
    pub id: String,
    /// "A" or "B".
    pub side: String,
}

impl DiffJson {
    /// Builds the document of a comparison of `a` and `b`.
    pub fn new(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Self {
        let rank_a = RankJson::new(a, &c.a, lang);
        let rank_b = RankJson::new(b, &c.b, lang);
        DiffJson {
            changes: ChangesJson::new(a, b, &c.changes),
            excluded_a: rank_a.excluded,
            excluded_b: rank_b.excluded,
            explanation: ExplanationJson::new(a, b, c, lang),
            method: c.method.as_str().to_string(),
            moves: c
                .moves
                .iter()
                .map(|m| MoveJson {
                    alternative: option_name(a, b, &m.alternative, Lang::En),
                    id: m.alternative.clone(),
                    rank_a: m.rank_a,
                    rank_b: m.rank_b,
                })
                .collect(),
            profile_a: c.a.profile.clone(),
            profile_b: c.b.profile.clone(),
            ranking_a: rank_a.ranking,
            ranking_b: rank_b.ranking,
        }
    }
}

impl ItemsJson {
    fn new(items: &ItemChanges, name: impl Fn(&str) -> String) -> Option<Self> {
        if items.is_empty() {
            return None;
        }
        let ids = |list: &[String]| {
            list.iter()
                .map(|id| IdNameJson {
                    id: id.clone(),
                    name: name(id),
                })
                .collect()
        };
        Some(ItemsJson {
            added: ids(&items.added),
            removed: ids(&items.removed),
            renamed: items
                .renamed
                .iter()
                .map(|r| RenameJson {
                    from: r.from.en.clone(),
                    id: r.id.clone(),
                    to: r.to.en.clone(),
                })
                .collect(),
        })
    }
}

impl ChangesJson {
    fn new(a: &Scenario, b: &Scenario, changes: &Changes) -> Self {
        let opt = |id: &str| option_name(a, b, id, Lang::En);
        let crit = |id: &str| criterion_name(a, b, id, Lang::En);
        // B's name first: a renamed resource is shown as it is now.
        let resource = |id: &str| resource_name([b, a], id);
        ChangesJson {
            alternatives: ItemsJson::new(&changes.alternatives, opt),
            criteria: ItemsJson::new(&changes.criteria, crit),
            needs: changes
                .needs
                .iter()
                .map(|n| NeedJson {
                    alternative: opt(&n.alternative),
                    alternative_id: n.alternative.clone(),
                    from: n.from,
                    resource: resource(&n.resource),
                    resource_id: n.resource.clone(),
                    to: n.to,
                })
                .collect(),
            resources: changes
                .resources
                .iter()
                .map(|r| ResourceChangeJson {
                    from: r.from,
                    id: r.resource.clone(),
                    resource: resource(&r.resource),
                    to: r.to,
                })
                .collect(),
            scores: changes
                .scores
                .iter()
                .map(|s| ScoreChangeJson::new(s, &opt, &crit))
                .collect(),
            settings: changes
                .settings
                .iter()
                .map(|s| SettingJson::new(s, &crit))
                .collect(),
            weights: changes
                .weights
                .iter()
                .map(|w| WeightJson {
                    criterion: crit(&w.criterion),
                    from: w.from,
                    id: w.criterion.clone(),
                    to: w.to,
                })
                .collect(),
        }
    }
}

impl ScoreChangeJson {
    /// One changed score: value, range and rationale before and after.
    fn new(s: &ScoreChange, opt: &impl Fn(&str) -> String, crit: &impl Fn(&str) -> String) -> Self {
        ScoreChangeJson {
            alternative: opt(&s.alternative),
            alternative_id: s.alternative.clone(),
            criterion: crit(&s.criterion),
            criterion_id: s.criterion.clone(),
            from: s.from,
            range_from: [s.range_from.0, s.range_from.1],
            range_to: [s.range_to.0, s.range_to.1],
            rationale_from: s.rationale_from.en.clone(),
            rationale_to: s.rationale_to.en.clone(),
            to: s.to,
        }
    }
}

/// A changed setting as its field name, its criterion, and its value
/// before and after (None: unset).
type SettingParts<'a> = (
    &'static str,
    &'a String,
    Option<SettingValueJson>,
    Option<SettingValueJson>,
);

/// The parts of one changed setting.
fn setting_parts(s: &SettingChange) -> SettingParts<'_> {
    use SettingValueJson as V;
    let scale = |s: Option<crate::model::Scale>| {
        s.map(|s| {
            V::Scale(ScaleJson {
                best: s.best,
                worst: s.worst,
            })
        })
    };
    match s {
        SettingChange::Direction {
            criterion,
            from,
            to,
        } => (
            "direction",
            criterion,
            Some(V::Direction(from.short().to_string())),
            Some(V::Direction(to.short().to_string())),
        ),
        SettingChange::Scale {
            criterion,
            from,
            to,
        } => ("scale", criterion, scale(*from), scale(*to)),
        SettingChange::Veto {
            criterion,
            from,
            to,
        } => ("veto", criterion, from.map(V::Limit), to.map(V::Limit)),
        SettingChange::RedLine {
            criterion,
            from,
            to,
        } => ("red_line", criterion, from.map(V::Limit), to.map(V::Limit)),
        SettingChange::Preference {
            criterion,
            from,
            to,
        } => (
            "preference",
            criterion,
            Some(V::Preference((*from).into())),
            Some(V::Preference((*to).into())),
        ),
        // Points as [x, value] pairs; null for linear scaling.
        SettingChange::ValueFunction {
            criterion,
            from,
            to,
        } => (
            "value_function",
            criterion,
            from.as_ref().map(|f| V::Points(f.points().to_vec())),
            to.as_ref().map(|f| V::Points(f.points().to_vec())),
        ),
    }
}

impl SettingJson {
    fn new(s: &SettingChange, crit: &impl Fn(&str) -> String) -> Self {
        let (field, criterion, from, to) = setting_parts(s);
        SettingJson {
            criterion: crit(criterion),
            field: field.to_string(),
            from,
            id: criterion.clone(),
            to,
        }
    }
}

impl ExplanationJson {
    fn new(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Self {
        let opt = |id: &str| option_name(a, b, id, Lang::En);
        let status = c.outcome.status();
        let pair = |e: &Explanation| Self::explained(a, b, e, status);
        let none = || Self::unexplained(status);
        let mut out = match &c.outcome {
            Outcome::Explained(e) => pair(e),
            Outcome::WsmOnly {
                first,
                second,
                gap_a,
                gap_b,
            } => ExplanationJson {
                first: Some(opt(first)),
                gap_a: Some(*gap_a),
                gap_b: Some(*gap_b),
                second: Some(opt(second)),
                ..none()
            },
            Outcome::Missing { alternative, side } | Outcome::Excluded { alternative, side } => {
                ExplanationJson {
                    unexplained: Some(UnexplainedJson {
                        alternative: opt(alternative),
                        id: alternative.clone(),
                        side: side.label().to_string(),
                    }),
                    ..c.shared.as_ref().map_or_else(none, pair)
                }
            }
            Outcome::NoFeasible(_) | Outcome::TooFewOptions => none(),
        };
        out.summary = summary(a, b, c, lang);
        out.groups = c.explanation().and_then(|e| GroupTermJson::list(a, b, e));
        out
    }

    /// The two options compared, their gaps and each criterion's terms.
    fn explained(a: &Scenario, b: &Scenario, e: &Explanation, status: &str) -> Self {
        let opt = |id: &str| option_name(a, b, id, Lang::En);
        ExplanationJson {
            first: Some(opt(&e.first)),
            gap_a: Some(e.gap_a),
            gap_b: Some(e.gap_b),
            groups: None,
            second: Some(opt(&e.second)),
            status: status.to_string(),
            summary: String::new(),
            terms: e
                .terms
                .iter()
                .map(|t| TermJson {
                    criterion: criterion_name(a, b, &t.criterion, Lang::En),
                    id: t.criterion.clone(),
                    value_effect: t.value_effect,
                    weight_effect: t.weight_effect,
                })
                .collect(),
            unexplained: None,
        }
    }

    /// Nothing explained: only the status.
    fn unexplained(status: &str) -> Self {
        ExplanationJson {
            first: None,
            gap_a: None,
            gap_b: None,
            groups: None,
            second: None,
            status: status.to_string(),
            summary: String::new(),
            terms: Vec::new(),
            unexplained: None,
        }
    }
}
