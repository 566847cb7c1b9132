//! The scenario types that a RON file stores.

use super::text::{Lang, Text};
use super::value_function::ValueFunction;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The newest scenario file format this program reads and writes.
/// Version 1 kept a single `weights` map instead of named profiles; it is
/// migrated on load by `io`. Version 2 had no `groups` and no value
/// functions; it loads unchanged (a flat tree) and is saved as version 3.
pub const FORMAT_VERSION: u32 = 3;

/// A whole decision problem: what a scenario file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// File format version (see [`FORMAT_VERSION`]).
    pub format_version: u32,
    /// The question being decided.
    pub title: Text,
    /// Context for the decision.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Who prepared the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When it was prepared (free text, ISO date recommended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What the options are judged on.
    pub criteria: Vec<Criterion>,
    /// The value tree: groups of criteria and/or groups. Criteria and groups
    /// that no group lists are children of the root; empty means a flat list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// The options being compared.
    pub alternatives: Vec<Alternative>,
    /// One score per (alternative, criterion) pair.
    pub scores: Vec<Score>,
    /// Named weight sets, e.g. one per stakeholder.
    pub profiles: Vec<WeightProfile>,
    /// Id of the profile used when none is named.
    pub active_profile: String,
    /// Resource caps that options must fit within.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// Whether several options may be chosen together (a package), within the caps.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub combinable: bool,
    /// The evidence cited by scores.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// Whether more or less of a criterion is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Less is better (cost, risk).
    Minimize,
    /// More is better (impact).
    Maximize,
}

impl Direction {
    /// "min" or "max", as in CSV files.
    pub fn short(self) -> &'static str {
        match self {
            Direction::Minimize => "min",
            Direction::Maximize => "max",
        }
    }

    /// True when `a` is strictly better than `b` in this direction.
    pub fn better(self, a: f64, b: f64) -> bool {
        match self {
            Direction::Minimize => a < b,
            Direction::Maximize => a > b,
        }
    }
}

/// A fixed value scale: the values mapped to 0 (worst) and 1 (best).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Value that scores 0.
    pub worst: f64,
    /// Value that scores 1.
    pub best: f64,
}

impl Scale {
    /// True when best is better than worst in `direction` (above it for
    /// Maximize, below it for Minimize). A scale written against its
    /// direction is a validation error, never silently reinterpreted.
    pub fn agrees_with(self, direction: Direction) -> bool {
        direction.better(self.best, self.worst)
    }

    /// The same range with worst and best swapped.
    pub fn flipped(self) -> Scale {
        Scale {
            worst: self.best,
            best: self.worst,
        }
    }
}

/// PROMETHEE preference function of a criterion (design.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub enum Preference {
    /// P = 1 when strictly better, else 0.
    #[default]
    Usual,
    /// P = 0 up to the indifference threshold q, 1 from the preference threshold p, linear between.
    Linear {
        /// Indifference threshold.
        q: f64,
        /// Preference threshold.
        p: f64,
    },
    /// P = d / p up to p, then 1 (V-shape: linear with q = 0).
    VShape {
        /// Preference threshold.
        p: f64,
    },
}

impl Preference {
    fn is_usual(&self) -> bool {
        matches!(self, Preference::Usual)
    }
}

/// Something the options are judged on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable identifier used by scores and weights.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// What the criterion measures and how it is scored.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Whether less or more is better.
    pub direction: Direction,
    /// Unit of the values ("CAD M", "0-10"), in either language or both
    /// (`unit: (en: "CAD M/yr", fr: "M$ CA/an")`).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub unit: Text,
    /// Fixed scale; when absent the scale is the range of the (feasible) data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// Hard limit: an option worse than this is unacceptable whatever the weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<f64>,
    /// PROMETHEE preference function.
    #[serde(default, skip_serializing_if = "Preference::is_usual")]
    pub preference: Preference,
    /// Piecewise-linear value function used by the weighted sum in place of
    /// linear scaling (TOPSIS and PROMETHEE II keep the raw values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_function: Option<ValueFunction>,
}

/// A node of the value tree that holds criteria and/or other groups
/// ("Security": risk, mandate). Criteria and groups share one id namespace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable identifier, used as a key in profiles' weights.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// What the group stands for.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Ids of its children: criteria and/or groups, in display order.
    pub children: Vec<String>,
}

/// An option being compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// Stable identifier used by scores.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// What the option is.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Resources this option needs, by resource id (e.g. "troops": 600).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub needs: BTreeMap<String, f64>,
}

/// The value of one option on one criterion, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// Alternative id.
    pub alternative: String,
    /// Criterion id.
    pub criterion: String,
    /// Best estimate.
    pub value: f64,
    /// Lower end of the uncertainty range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper end of the uncertainty range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Why this value: one sentence.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub rationale: Text,
    /// Ids of entries in the scenario's `sources`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// True when the value is the analyst's judgement rather than sourced data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
}

/// A cited document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier cited by scores ("S9").
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Publication date (free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Link, when one is known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

/// Lower and upper bounds on one normalised weight, used by SMAA.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightBounds {
    /// Smallest acceptable normalised weight (0..=1).
    pub min: f64,
    /// Largest acceptable normalised weight (0..=1).
    pub max: f64,
}

/// How a profile's weights were obtained, kept so the elicitation can be revisited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Elicitation {
    /// Typed in or set with sliders.
    Direct,
    /// Swing weighting: swings ordered best first, each rated 0-100 against the top swing.
    Swing {
        /// Criterion ids, most important swing first.
        order: Vec<String>,
        /// Rating of each criterion's swing (top swing = 100).
        ratings: BTreeMap<String, f64>,
    },
    /// Pairwise comparison (AHP) on Saaty's 1-9 scale.
    Pairwise {
        /// (a, b, r): a is r times as important as b (r may be a fraction such as 1/3).
        judgements: Vec<(String, String, f64)>,
    },
    /// Rank-order centroid from a ranking; criteria in one inner list are tied.
    RankOrder {
        /// Ranked groups of criterion ids, most important first.
        ranking: Vec<Vec<String>>,
    },
    /// Mean of other profiles.
    Combined {
        /// Ids of the profiles combined.
        profiles: Vec<String>,
        /// True for the geometric mean, false for the arithmetic mean.
        geometric: bool,
    },
}

/// A named set of weights, e.g. one stakeholder's view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightProfile {
    /// Stable identifier ("defence").
    pub id: String,
    /// Display name ("Defence" / "Défense").
    pub name: Text,
    /// Non-negative weights by node id (criterion or group), each relative
    /// to its siblings in the value tree; normalised among them when used.
    /// A node missing here counts as 0 and validation warns about it
    /// (`ProblemKind::MissingWeight`).
    pub weights: BTreeMap<String, f64>,
    /// Optional bounds on normalised weights, by node id (SMAA): a node's
    /// share within its parent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bounds: BTreeMap<String, WeightBounds>,
    /// This stakeholder's own red lines, by criterion id. They apply in
    /// addition to the criteria's vetoes: an option must pass both.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub vetoes: BTreeMap<String, f64>,
    /// How the weights were elicited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elicitation: Option<Elicitation>,
}

/// A capped resource such as troops, police or budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Identifier used in alternatives' `needs`.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Unit ("personnel", "CAD M"), in either language or both.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub unit: Text,
    /// The most that may be committed.
    pub cap: f64,
}

impl Scenario {
    /// An empty scenario with one equal-weight profile, for "New".
    pub fn empty(title: Text) -> Scenario {
        Scenario {
            format_version: FORMAT_VERSION,
            title,
            description: Text::default(),
            author: None,
            date: None,
            criteria: Vec::new(),
            groups: Vec::new(),
            alternatives: Vec::new(),
            scores: Vec::new(),
            profiles: vec![WeightProfile {
                id: "default".into(),
                name: Text::bilingual("Default", "Par défaut"),
                weights: BTreeMap::new(),
                bounds: BTreeMap::new(),
                vetoes: BTreeMap::new(),
                elicitation: None,
            }],
            active_profile: "default".into(),
            resources: Vec::new(),
            combinable: false,
            sources: Vec::new(),
        }
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The alternative with this id.
    pub fn alternative(&self, id: &str) -> Option<&Alternative> {
        self.alternatives.iter().find(|a| a.id == id)
    }

    /// The score of `alternative` on `criterion`.
    pub fn score(&self, alternative: &str, criterion: &str) -> Option<&Score> {
        self.scores
            .iter()
            .find(|s| s.alternative == alternative && s.criterion == criterion)
    }

    /// Mutable access to the score of `alternative` on `criterion`.
    pub fn score_mut(&mut self, alternative: &str, criterion: &str) -> Option<&mut Score> {
        self.scores
            .iter_mut()
            .find(|s| s.alternative == alternative && s.criterion == criterion)
    }

    /// Ids of the criteria that no option has a score on yet, in criterion
    /// order: the analysis leaves them out until one is scored.
    pub fn unscored_criteria(&self) -> Vec<&str> {
        let scored: std::collections::HashSet<&str> =
            self.scores.iter().map(|s| s.criterion.as_str()).collect();
        self.criteria
            .iter()
            .map(|c| c.id.as_str())
            .filter(|c| !scored.contains(c))
            .collect()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The profile whose id, English name or French name is `key`.
    pub fn profile(&self, key: &str) -> Option<&WeightProfile> {
        self.profiles
            .iter()
            .find(|p| p.id == key || p.name.en == key || p.name.fr.as_deref() == Some(key))
    }

    /// The active profile (falls back to the first one if the id is stale).
    pub fn active(&self) -> Option<&WeightProfile> {
        self.profile(&self.active_profile).or(self.profiles.first())
    }

    /// Display name of a criterion id in `lang` (the id itself if unknown).
    pub fn criterion_name(&self, id: &str, lang: Lang) -> String {
        self.criterion(id)
            .map_or_else(|| id.to_string(), |c| c.name.get(lang).to_string())
    }

    /// Display name of an alternative id in `lang` (the id itself if unknown).
    pub fn alternative_name(&self, id: &str, lang: Lang) -> String {
        self.alternative(id)
            .map_or_else(|| id.to_string(), |a| a.name.get(lang).to_string())
    }
}

impl WeightProfile {
    /// A profile with the given id and name and no weights.
    pub fn new(id: impl Into<String>, name: Text) -> Self {
        WeightProfile {
            id: id.into(),
            name,
            weights: BTreeMap::new(),
            bounds: BTreeMap::new(),
            vetoes: BTreeMap::new(),
            elicitation: None,
        }
    }

    /// Raw weight of a node, criterion or group (0 when not set).
    pub fn weight(&self, node: &str) -> f64 {
        self.weights.get(node).copied().unwrap_or(0.0)
    }
}
