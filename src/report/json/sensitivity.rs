//! The `sensitivity --json` document.

use crate::analysis::Evaluation;
use crate::analysis::sensitivity::{Analyses, SensitivityCurve, ValuePointSensitivity, node_name};
use crate::model::{Lang, Scenario, ScenarioIndex};
use serde::{Deserialize, Serialize};

/// The `sensitivity --json` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensitivityJson {
    /// One entry per criterion asked for.
    pub criteria: Vec<CriterionSensitivityJson>,
    /// One entry per group of the value tree asked for: its share of its
    /// parent and where the top option changes (empty for a flat list).
    pub groups: Vec<GroupSensitivityJson>,
    /// The method.
    pub method: String,
    /// One entry per value-function point (weighted sum only).
    pub value_points: Vec<ValuePointJson>,
}

/// The share thresholds of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSensitivityJson {
    /// Display name (English).
    pub group: String,
    /// The parent group's name (English); null for the root.
    pub parent: Option<String>,
    /// The group's current share of its parent.
    pub share: f64,
    /// Switch points, in increasing share.
    pub thresholds: Vec<ThresholdJson>,
}

/// How far one value-function point can move before the top option changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValuePointJson {
    /// Criterion (English name).
    pub criterion: String,
    /// Index of the point in the function.
    pub point: usize,
    /// The values the point may take and keep the function valid.
    pub range: [f64; 2],
    /// The stretch of values over which the current top option stays first.
    pub stable: [f64; 2],
    /// Values at which the top option changes.
    pub switches: Vec<ValueSwitchJson>,
    /// The current top option (English name).
    pub top: Option<String>,
    /// The point's current value (0–100).
    pub value: f64,
    /// The point's x, in the criterion's unit.
    pub x: f64,
}

/// A value of a function point at which the top option changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueSwitchJson {
    /// Top option (English name) just above the value.
    pub top_after: String,
    /// Top option (English name) just below it.
    pub top_before: String,
    /// The value.
    pub value: f64,
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
    /// Builds the document of the analyses.
    pub fn new(scenario: &Scenario, evaluation: &Evaluation, analyses: &Analyses<'_>) -> Self {
        let index = ScenarioIndex::new(scenario);
        let name = |id: &str| index.alternative_name(id, Lang::En);
        let thresholds = |c: &SensitivityCurve| -> Vec<ThresholdJson> {
            c.thresholds
                .iter()
                .map(|t| ThresholdJson {
                    top_after: name(&t.top_after),
                    top_before: name(&t.top_before),
                    weight: t.weight,
                })
                .collect()
        };
        let tree = crate::model::ValueTree::new(scenario);
        SensitivityJson {
            criteria: analyses
                .criteria
                .iter()
                .map(|c| CriterionSensitivityJson {
                    criterion: scenario.criterion_name(&c.criterion, Lang::En),
                    thresholds: thresholds(c),
                    weight: c.current_weight,
                })
                .collect(),
            groups: analyses
                .groups
                .iter()
                .map(|c| GroupSensitivityJson {
                    group: node_name(scenario, &c.criterion, Lang::En),
                    parent: tree
                        .node_by_id(scenario, &c.criterion)
                        .and_then(|n| tree.parent(n))
                        .map(|p| tree.name(scenario, p, Lang::En))
                        .filter(|p| !p.is_empty()),
                    share: c.current_weight,
                    thresholds: thresholds(c),
                })
                .collect(),
            method: evaluation.method.as_str().to_string(),
            value_points: analyses
                .points
                .iter()
                .map(|p| ValuePointJson::new(scenario, &index, p))
                .collect(),
        }
    }
}

impl ValuePointJson {
    /// One value-function point: where it stands, the stretch over which
    /// the top option stays, and the switches beyond it.
    fn new(scenario: &Scenario, index: &ScenarioIndex<'_>, p: &ValuePointSensitivity) -> Self {
        let name = |id: &str| index.alternative_name(id, Lang::En);
        let (low, high) = p.stable();
        ValuePointJson {
            criterion: scenario.criterion_name(&p.criterion, Lang::En),
            point: p.point,
            range: [p.range.0, p.range.1],
            stable: [low, high],
            switches: p
                .switches
                .iter()
                .map(|s| ValueSwitchJson {
                    top_after: name(&s.top_after),
                    top_before: name(&s.top_before),
                    value: s.value,
                })
                .collect(),
            top: p.top.as_deref().map(name),
            value: p.current,
            x: p.x,
        }
    }
}
