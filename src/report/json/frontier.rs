//! The `frontier --json` document.

use crate::analysis::exclusions;
use crate::analysis::frontier::{Cost, CostSource, NoPackages, OptionPoint, ValueForMoney};
use crate::model::{Lang, Scenario, WeightProfile};
use crate::report::exclusions::reasons;
use crate::report::frontier::{cost_name, cost_unit};
use serde::{Deserialize, Serialize};

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
        let (packages, packages_unavailable) = PackagesJson::of(scenario, vfm);
        FrontierJson {
            method: "wsm".to_string(),
            profile: vfm.profile.clone(),
            cost: CostJson::new(scenario, &vfm.cost),
            options: vfm
                .options
                .iter()
                .map(|o| OptionJson::new(scenario, o))
                .collect(),
            frontier: vfm
                .frontier
                .iter()
                .filter_map(|&k| vfm.options.get(k))
                .map(|o| o.alternative.clone())
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

impl CostJson {
    /// The cost axis: a criterion, or a resource with its cap.
    fn new(scenario: &Scenario, cost: &Cost) -> Self {
        let (kind, cap) = match cost.source {
            CostSource::Criterion => (CostKindJson::Criterion, None),
            CostSource::Resource => (
                CostKindJson::Resource,
                scenario
                    .resources
                    .iter()
                    .find(|r| r.id == cost.id)
                    .map(|r| r.cap),
            ),
        };
        CostJson {
            id: cost.id.clone(),
            name: cost_name(scenario, cost, Lang::En),
            kind,
            unit: cost_unit(scenario, cost, Lang::En),
            cap,
        }
    }
}

impl OptionJson {
    /// One option with what beats it, when it is off the frontier.
    fn new(scenario: &Scenario, o: &OptionPoint) -> Self {
        let named = |id: &Option<String>| {
            id.as_ref().map(|id| NamedJson {
                id: id.clone(),
                alternative: scenario.alternative_name(id, Lang::En),
            })
        };
        OptionJson {
            id: o.alternative.clone(),
            alternative: scenario.alternative_name(&o.alternative, Lang::En),
            cost: o.cost,
            value: o.value,
            efficient: o.efficient,
            cheaper: named(&o.cheaper),
            better: named(&o.better),
        }
    }
}

impl PackagesJson {
    /// The package frontier, or the reason code of its absence.
    fn of(scenario: &Scenario, vfm: &ValueForMoney) -> (Option<Self>, Option<&'static str>) {
        match &vfm.packages {
            Ok(p) => {
                let steps = p
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
                    .collect();
                (Some(PackagesJson { cap: p.cap, steps }), None)
            }
            Err(NoPackages::NotCombinable) => (None, Some("not_combinable")),
            Err(NoPackages::CostIsCriterion) => (None, Some("cost_is_criterion")),
            Err(NoPackages::TooManyOptions(_)) => (None, Some("too_many_options")),
        }
    }
}
