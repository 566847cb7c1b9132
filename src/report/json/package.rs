//! The `package --json` document.

use super::{ExcludedJson, resource_name};
use crate::analysis::exclusions;
use crate::analysis::package::PackageResult;
use crate::model::{Lang, Scenario, ScenarioIndex, WeightProfile};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
