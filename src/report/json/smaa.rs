//! The `smaa --json` document.

use super::ExcludedJson;
use crate::analysis::Evaluation;
use crate::analysis::smaa::SmaaResult;
use crate::model::{Lang, Scenario, ScenarioIndex};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

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
