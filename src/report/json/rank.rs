//! The `rank --json` document.

use super::ExcludedJson;
use crate::analysis::Evaluation;
use crate::model::{Lang, Scenario, ScenarioIndex};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
