//! Older scenario formats and their migration to the current one.
//!
//! Version 1 kept a single top-level `weights: {"crit": w}` map instead of
//! named `profiles` with an `active_profile`, and had no `sources` list.
//! It becomes one profile "default".

use crate::model::{
    Alternative, Criterion, FORMAT_VERSION, Resource, Scenario, Score, Text, WeightProfile,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A version-1 scenario file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct ScenarioV1 {
    /// Always 1.
    pub format_version: u32,
    /// The question being decided.
    pub title: Text,
    /// Context for the decision.
    #[serde(default)]
    pub description: Text,
    /// Who prepared the scenario.
    #[serde(default)]
    pub author: Option<String>,
    /// When it was prepared.
    #[serde(default)]
    pub date: Option<String>,
    /// What the options are judged on.
    pub criteria: Vec<Criterion>,
    /// The options being compared.
    pub alternatives: Vec<Alternative>,
    /// One score per (alternative, criterion) pair.
    pub scores: Vec<Score>,
    /// The one set of weights, by criterion id.
    pub weights: BTreeMap<String, f64>,
    /// Resource caps.
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// Whether several options may be chosen together.
    #[serde(default)]
    pub combinable: bool,
}

/// Id of the profile a version-1 file's weights become.
pub const V1_PROFILE_ID: &str = "default";

impl ScenarioV1 {
    /// The same scenario in the current format.
    pub fn migrate(self) -> Scenario {
        let mut profile =
            WeightProfile::new(V1_PROFILE_ID, Text::bilingual("Default", "Par défaut"));
        profile.weights = self.weights;
        Scenario {
            format_version: FORMAT_VERSION,
            title: self.title,
            description: self.description,
            author: self.author,
            date: self.date,
            criteria: self.criteria,
            groups: Vec::new(),
            alternatives: self.alternatives,
            scores: self.scores,
            profiles: vec![profile],
            active_profile: V1_PROFILE_ID.to_string(),
            resources: self.resources,
            combinable: self.combinable,
            sources: Vec::new(),
        }
    }
}
