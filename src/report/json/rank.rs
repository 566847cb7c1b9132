//! The `rank --json` document.

use super::ExcludedJson;
use crate::analysis::Evaluation;
use crate::model::{Lang, Scenario, ScenarioIndex};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The `rank --json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankJson {
    /// Excluded options (an empty list when none).
    pub excluded: Vec<ExcludedJson>,
    /// The value tree's groups (only for a scenario with groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<GroupJson>>,
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

/// One group of the value tree: its place, weights and part of each score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupJson {
    /// The group's part of each ranked option's score, by option id; null
    /// under topsis, whose score is not a sum over criteria. A group's parts
    /// sum its criteria's parts.
    pub contributions: Option<BTreeMap<String, f64>>,
    /// Group id.
    pub id: String,
    /// Display name (English).
    pub name: String,
    /// The parent group's id; null for the root.
    pub parent: Option<String>,
    /// Share among its siblings.
    pub share: f64,
    /// Effective weight (product of shares from the root down).
    pub weight: f64,
}

impl GroupJson {
    /// Every group in display order; None for a flat list of criteria.
    fn list(scenario: &Scenario, evaluation: &Evaluation) -> Option<Vec<GroupJson>> {
        use crate::analysis::node_contributions::{criterion_parts, node_parts};
        use crate::model::{Node, ValueTree};
        let tree = ValueTree::new(scenario);
        if tree.is_flat() {
            return None;
        }
        let profile = scenario.profile(&evaluation.profile)?;
        let index = ScenarioIndex::new(scenario);
        let included: Vec<bool> = (0..scenario.criteria.len())
            .map(|j| index.criterion_is_scored(j))
            .collect();
        let shares = tree.local_shares(profile, &included);
        let matrix = &evaluation.matrix;
        let parts = criterion_parts(matrix, evaluation.method);
        let groups = tree
            .nodes()
            .into_iter()
            .filter(|n| matches!(n, Node::Group(_)))
            .map(|node| GroupJson {
                contributions: parts.as_ref().map(|parts| {
                    matrix
                        .alternatives
                        .iter()
                        .cloned()
                        .zip(node_parts(scenario, &tree, matrix, parts, node))
                        .collect()
                }),
                id: tree.id(scenario, node).to_string(),
                name: tree.name(scenario, node, Lang::En),
                parent: tree
                    .parent(node)
                    .filter(|p| *p != Node::Root)
                    .map(|p| tree.id(scenario, p).to_string()),
                share: shares.share(node),
                weight: shares.effective(node),
            })
            .collect();
        Some(groups)
    }
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
            groups: GroupJson::list(scenario, evaluation),
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
