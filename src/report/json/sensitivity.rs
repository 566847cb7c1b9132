//! The `sensitivity --json` document.

use crate::analysis::Evaluation;
use crate::analysis::sensitivity::SensitivityCurve;
use crate::model::{Lang, Scenario, ScenarioIndex};
use serde::{Deserialize, Serialize};

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
