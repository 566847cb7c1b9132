//! The JSON documents of the command line (design.md §5) as typed structs,
//! one per command, built here and nowhere else; the CLI serialises them and
//! tests deserialise them back.
//!
//! Options and criteria are named by their English display names (with the
//! id beside them); the sentences (exclusion reasons, summaries) are in the
//! output language. Field order is the key order of the output: sorted, as
//! the contract has always printed it (the `frontier` document excepted,
//! which has kept its own order since it was first written).

use crate::analysis::compare::{
    Changes, Comparison, Explanation, ItemChanges, Outcome, SettingChange,
};
use crate::analysis::frontier::{CostSource, NoPackages, ValueForMoney};
use crate::analysis::package::PackageResult;
use crate::analysis::sensitivity::SensitivityCurve;
use crate::analysis::smaa::SmaaResult;
use crate::analysis::{Evaluation, Exclusion, exclusions};
use crate::model::{Lang, Preference, Scenario, ScenarioIndex, WeightProfile};
use crate::report::compare::{criterion_name, option_name, summary};
use crate::report::exclusions::reasons;
use crate::report::frontier::{cost_name, cost_unit};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Display name (English) of a resource id, the id itself when unknown.
fn resource_name<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>, id: &str) -> String {
    scenarios
        .into_iter()
        .flat_map(|s| &s.resources)
        .find(|r| r.id == id)
        .map_or_else(|| id.to_string(), |r| r.name.en.clone())
}

// ---------------------------------------------------------------- exclusions

/// An option excluded before the analysis, with every reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExcludedJson {
    /// Display name (English).
    pub alternative: String,
    /// Alternative id.
    pub id: String,
    /// Every reason, in the output language.
    pub reasons: Vec<String>,
}

impl ExcludedJson {
    /// One excluded option.
    pub fn new(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> Self {
        ExcludedJson {
            alternative: scenario.alternative_name(&exclusion.alternative, Lang::En),
            id: exclusion.alternative.clone(),
            reasons: reasons(scenario, exclusion, lang),
        }
    }

    /// Every excluded option, in the order given.
    pub fn list(scenario: &Scenario, excluded: &[Exclusion], lang: Lang) -> Vec<Self> {
        excluded
            .iter()
            .map(|x| Self::new(scenario, x, lang))
            .collect()
    }
}

// ---------------------------------------------------------------- rank

/// The `rank --json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankJson {
    /// Excluded options (an empty list when none).
    pub excluded: Vec<ExcludedJson>,
    /// "wsm", "topsis" or "promethee2".
    pub method: String,
    /// Id of the weight profile used.
    pub profile: String,
    /// Ranked options, sorted by rank.
    pub ranking: Vec<RankedJson>,
}

/// One ranked option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedJson {
    /// Display name (English).
    pub alternative: String,
    /// Ids of the feasible options that dominate it (analysis::dominance).
    pub dominated_by: Vec<String>,
    /// Alternative id.
    pub id: String,
    /// Rank (1 is best; ties share a rank).
    pub rank: usize,
    /// Score under the method.
    pub score: f64,
}

impl RankJson {
    /// Builds the document of an evaluation.
    pub fn new(scenario: &Scenario, evaluation: &Evaluation, lang: Lang) -> Self {
        let index = ScenarioIndex::new(scenario);
        let dominated: HashMap<&str, Vec<String>> = evaluation
            .matrix
            .alternatives
            .iter()
            .map(String::as_str)
            .zip(crate::analysis::dominance::dominated_by(&evaluation.matrix))
            .collect();
        RankJson {
            excluded: ExcludedJson::list(scenario, &evaluation.excluded, lang),
            method: evaluation.method.as_str().to_string(),
            profile: evaluation.profile.clone(),
            ranking: evaluation
                .ranking
                .iter()
                .map(|r| RankedJson {
                    alternative: index.alternative_name(&r.alternative, Lang::En),
                    dominated_by: dominated
                        .get(r.alternative.as_str())
                        .cloned()
                        .unwrap_or_default(),
                    id: r.alternative.clone(),
                    rank: r.rank,
                    score: r.score,
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------- sensitivity

/// The `sensitivity --json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensitivityJson {
    /// One entry per criterion asked for.
    pub criteria: Vec<CriterionSensitivityJson>,
    /// The method.
    pub method: String,
}

/// The weight thresholds of one criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionSensitivityJson {
    /// Display name (English).
    pub criterion: String,
    /// Switch points, in increasing weight.
    pub thresholds: Vec<ThresholdJson>,
    /// The criterion's current weight.
    pub weight: f64,
}

/// A weight at which the top option changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdJson {
    /// Top option (English name) just above the threshold.
    pub top_after: String,
    /// Top option (English name) just below it.
    pub top_before: String,
    /// The weight.
    pub weight: f64,
}

impl SensitivityJson {
    /// Builds the document of the curves.
    pub fn new(scenario: &Scenario, evaluation: &Evaluation, curves: &[SensitivityCurve]) -> Self {
        let index = ScenarioIndex::new(scenario);
        let name = |id: &str| index.alternative_name(id, Lang::En);
        SensitivityJson {
            criteria: curves
                .iter()
                .map(|c| CriterionSensitivityJson {
                    criterion: scenario.criterion_name(&c.criterion, Lang::En),
                    thresholds: c
                        .thresholds
                        .iter()
                        .map(|t| ThresholdJson {
                            top_after: name(&t.top_after),
                            top_before: name(&t.top_before),
                            weight: t.weight,
                        })
                        .collect(),
                    weight: c.current_weight,
                })
                .collect(),
            method: evaluation.method.as_str().to_string(),
        }
    }
}

// ---------------------------------------------------------------- smaa

/// The `smaa --json` document, keyed by English display names (a name
/// shared by two options keeps the later one's entry).
///
/// The acceptability rows are borrowed, so printing 10,000 options (20
/// million numbers) streams them rather than building a value tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmaaJson<'a> {
    /// Share of samples giving each rank, rank 1 first.
    pub acceptability: BTreeMap<String, Cow<'a, [f64]>>,
    /// Mean weights (by criterion name) of the samples ranking each option first.
    pub central_weights: BTreeMap<String, BTreeMap<String, f64>>,
    /// Share of samples ranking each option first under its central weights.
    pub confidence: BTreeMap<String, f64>,
    /// False when central weights come from the approximate sampler.
    pub exact_weights: bool,
    /// Options excluded before sampling.
    pub excluded: Vec<ExcludedJson>,
    /// The method applied to each sample.
    pub method: String,
    /// Id of the weight profile whose bounds apply.
    pub profile: String,
    /// Ranks counted per option (fewer than the options when capped).
    pub ranks_counted: usize,
    /// Number of samples.
    pub samples: usize,
    /// Seed of the random generator.
    pub seed: u64,
}

impl<'a> SmaaJson<'a> {
    /// Builds the document of a run.
    pub fn new(
        scenario: &Scenario,
        evaluation: &Evaluation,
        result: &'a SmaaResult,
        seed: u64,
        lang: Lang,
    ) -> Self {
        let index = ScenarioIndex::new(scenario);
        let name = |id: &str| index.alternative_name(id, Lang::En);
        let mut acceptability = BTreeMap::new();
        let mut central_weights = BTreeMap::new();
        let mut confidence = BTreeMap::new();
        for (i, id) in result.alternatives.iter().enumerate() {
            acceptability.insert(name(id), Cow::Borrowed(result.acceptability[i].as_slice()));
            let weights = result
                .criteria
                .iter()
                .zip(&result.central_weights[i])
                .map(|(c, &w)| (scenario.criterion_name(c, Lang::En), w))
                .collect();
            central_weights.insert(name(id), weights);
            confidence.insert(name(id), result.confidence[i]);
        }
        SmaaJson {
            acceptability,
            central_weights,
            confidence,
            exact_weights: result.exact_weights,
            excluded: ExcludedJson::list(scenario, &evaluation.excluded, lang),
            method: evaluation.method.as_str().to_string(),
            profile: evaluation.profile.clone(),
            ranks_counted: result.acceptability.first().map_or(0, Vec::len),
            samples: result.samples,
            seed,
        }
    }
}

// ---------------------------------------------------------------- package

/// The `package --json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageJson {
    /// Options excluded before the search.
    pub excluded: Vec<ExcludedJson>,
    /// Always "wsm".
    pub method: String,
    /// The best packages, best first.
    pub packages: Vec<PackageItemJson>,
    /// Id of the weight profile used.
    pub profile: String,
    /// The resource caps.
    pub resources: Vec<ResourceJson>,
    /// Each feasible option's value, by English name.
    pub values: BTreeMap<String, f64>,
}

/// One package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageItemJson {
    /// Resources (English names) whose cap the package reaches.
    pub binding: Vec<String>,
    /// Alternative ids, in scenario order.
    pub ids: Vec<String>,
    /// Feasible options left out, with the caps adding each would exceed.
    pub left_out: Vec<LeftOutJson>,
    /// Display names (English).
    pub options: Vec<String>,
    /// 1 for the best.
    pub rank: usize,
    /// What the package uses of each resource (by English name).
    #[serde(rename = "use")]
    pub uses: BTreeMap<String, f64>,
    /// Total value.
    pub value: f64,
}

/// An option a package leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeftOutJson {
    /// Display name (English).
    pub alternative: String,
    /// Alternative id.
    pub id: String,
    /// Resources (English names) whose caps adding it would exceed.
    pub would_exceed: Vec<String>,
}

/// A resource and its cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceJson {
    /// The cap.
    pub cap: f64,
    /// Resource id.
    pub id: String,
    /// Display name (English).
    pub resource: String,
    /// Unit (English).
    pub unit: String,
}

impl PackageJson {
    /// Builds the document of a package search.
    pub fn new(
        scenario: &Scenario,
        profile: &WeightProfile,
        result: &PackageResult,
        lang: Lang,
    ) -> Self {
        let index = ScenarioIndex::new(scenario);
        let name = |id: &str| index.alternative_name(id, Lang::En);
        let resource = |id: &String| resource_name([scenario], id);
        PackageJson {
            excluded: ExcludedJson::list(scenario, &exclusions(scenario, Some(profile)), lang),
            method: "wsm".to_string(),
            packages: result
                .packages
                .iter()
                .enumerate()
                .map(|(k, p)| PackageItemJson {
                    binding: p.binding.iter().map(resource).collect(),
                    ids: p.options.clone(),
                    left_out: p
                        .left_out
                        .iter()
                        .map(|(id, caps)| LeftOutJson {
                            alternative: name(id),
                            id: id.clone(),
                            would_exceed: caps.iter().map(resource).collect(),
                        })
                        .collect(),
                    options: p.options.iter().map(|id| name(id)).collect(),
                    rank: k + 1,
                    uses: scenario
                        .resources
                        .iter()
                        .zip(&p.used)
                        .map(|(r, &u)| (r.name.en.clone(), u))
                        .collect(),
                    value: p.value,
                })
                .collect(),
            profile: result.profile.clone(),
            resources: scenario
                .resources
                .iter()
                .map(|r| ResourceJson {
                    cap: r.cap,
                    id: r.id.clone(),
                    resource: r.name.en.clone(),
                    unit: r.unit.en.clone(),
                })
                .collect(),
            values: result.values.iter().map(|(id, v)| (name(id), *v)).collect(),
        }
    }
}

// ---------------------------------------------------------------- frontier

/// The `frontier --json` document (its keys in this declared order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontierJson {
    /// Always "wsm".
    pub method: String,
    /// Id of the weight profile used.
    pub profile: String,
    /// The cost axis.
    pub cost: CostJson,
    /// Every feasible option, in scenario order.
    pub options: Vec<OptionJson>,
    /// Ids of the efficient options in increasing cost.
    pub frontier: Vec<String>,
    /// The package frontier (null when options cannot be combined, the
    /// cost is a criterion, or there are too many options).
    pub packages: Option<PackagesJson>,
    /// Why `packages` is null: "not_combinable", "cost_is_criterion" or
    /// "too_many_options"; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packages_unavailable: Option<String>,
    /// The plain-words summary, one sentence per line.
    pub summary: Vec<String>,
    /// Options excluded before the analysis, with every reason.
    pub excluded: Vec<FrontierExcludedJson>,
}

/// What the cost is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostKindJson {
    /// A minimised criterion.
    Criterion,
    /// A resource.
    Resource,
}

/// The cost axis in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostJson {
    /// Criterion or resource id.
    pub id: String,
    /// Display name (English).
    pub name: String,
    /// "criterion" or "resource".
    pub kind: CostKindJson,
    /// Unit (may be empty).
    pub unit: String,
    /// The resource's cap; absent for a criterion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
}

/// An option named by id and English display name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedJson {
    /// Alternative id.
    pub id: String,
    /// Display name (English).
    pub alternative: String,
}

/// One feasible option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionJson {
    /// Alternative id.
    pub id: String,
    /// Display name (English).
    pub alternative: String,
    /// Its cost.
    pub cost: f64,
    /// Its value (wsm over the other criteria, weights renormalised).
    pub value: f64,
    /// On the efficient frontier.
    pub efficient: bool,
    /// Inefficient options: the cheapest efficient option with at least this value.
    pub cheaper: Option<NamedJson>,
    /// Inefficient options: the efficient option with the most value for at most this cost.
    pub better: Option<NamedJson>,
}

/// The package frontier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackagesJson {
    /// The cost resource's cap.
    pub cap: f64,
    /// The best package at each budget level: a step holds from its cost up
    /// to the next step's cost (the last up to the cap).
    pub steps: Vec<StepJson>,
}

/// One step of the package frontier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepJson {
    /// Alternative ids, in scenario order.
    pub ids: Vec<String>,
    /// Display names (English).
    pub options: Vec<String>,
    /// Total cost.
    pub cost: f64,
    /// Total value.
    pub value: f64,
    /// True for the package the current cap buys (the last step).
    pub at_cap: bool,
}

/// An excluded option in the `frontier` document (id first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontierExcludedJson {
    /// Alternative id.
    pub id: String,
    /// Display name (English).
    pub alternative: String,
    /// Every reason, in the output language.
    pub reasons: Vec<String>,
}

impl FrontierJson {
    /// Builds the document of a value-for-money analysis.
    pub fn new(
        scenario: &Scenario,
        profile: &WeightProfile,
        vfm: &ValueForMoney,
        lang: Lang,
    ) -> Self {
        let named = |id: &Option<String>| {
            id.as_ref().map(|id| NamedJson {
                id: id.clone(),
                alternative: scenario.alternative_name(id, Lang::En),
            })
        };
        let (kind, cap) = match vfm.cost.source {
            CostSource::Criterion => (CostKindJson::Criterion, None),
            CostSource::Resource => (
                CostKindJson::Resource,
                scenario
                    .resources
                    .iter()
                    .find(|r| r.id == vfm.cost.id)
                    .map(|r| r.cap),
            ),
        };
        let (packages, packages_unavailable) = match &vfm.packages {
            Ok(p) => (
                Some(PackagesJson {
                    cap: p.cap,
                    steps: p
                        .steps
                        .iter()
                        .enumerate()
                        .map(|(k, s)| StepJson {
                            ids: s.options.clone(),
                            options: s
                                .options
                                .iter()
                                .map(|id| scenario.alternative_name(id, Lang::En))
                                .collect(),
                            cost: s.cost,
                            value: s.value,
                            at_cap: k + 1 == p.steps.len(),
                        })
                        .collect(),
                }),
                None,
            ),
            Err(NoPackages::NotCombinable) => (None, Some("not_combinable")),
            Err(NoPackages::CostIsCriterion) => (None, Some("cost_is_criterion")),
            Err(NoPackages::TooManyOptions(_)) => (None, Some("too_many_options")),
        };
        FrontierJson {
            method: "wsm".to_string(),
            profile: vfm.profile.clone(),
            cost: CostJson {
                id: vfm.cost.id.clone(),
                name: cost_name(scenario, &vfm.cost, Lang::En),
                kind,
                unit: cost_unit(scenario, &vfm.cost, Lang::En),
                cap,
            },
            options: vfm
                .options
                .iter()
                .map(|o| OptionJson {
                    id: o.alternative.clone(),
                    alternative: scenario.alternative_name(&o.alternative, Lang::En),
                    cost: o.cost,
                    value: o.value,
                    efficient: o.efficient,
                    cheaper: named(&o.cheaper),
                    better: named(&o.better),
                })
                .collect(),
            frontier: vfm
                .frontier
                .iter()
                .map(|&k| vfm.options[k].alternative.clone())
                .collect(),
            packages,
            packages_unavailable: packages_unavailable.map(str::to_string),
            summary: crate::report::frontier::summary(scenario, vfm, lang),
            excluded: exclusions(scenario, Some(profile))
                .iter()
                .map(|x| FrontierExcludedJson {
                    id: x.alternative.clone(),
                    alternative: scenario.alternative_name(&x.alternative, Lang::En),
                    reasons: reasons(scenario, x, lang),
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------- diff

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
    /// "direction", "scale", "veto", "red_line" or "preference".
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
                .map(|s| ScoreChangeJson {
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
                })
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

impl SettingJson {
    fn new(s: &SettingChange, crit: &impl Fn(&str) -> String) -> Self {
        use SettingValueJson as V;
        let scale = |s: Option<crate::model::Scale>| {
            s.map(|s| {
                V::Scale(ScaleJson {
                    best: s.best,
                    worst: s.worst,
                })
            })
        };
        let (field, criterion, from, to) = match s {
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
        };
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
        let pair = |e: &Explanation| ExplanationJson {
            first: Some(opt(&e.first)),
            gap_a: Some(e.gap_a),
            gap_b: Some(e.gap_b),
            second: Some(opt(&e.second)),
            status: c.outcome.status().to_string(),
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
        };
        let none = || ExplanationJson {
            first: None,
            gap_a: None,
            gap_b: None,
            second: None,
            status: c.outcome.status().to_string(),
            summary: String::new(),
            terms: Vec::new(),
            unexplained: None,
        };
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
        out
    }
}
