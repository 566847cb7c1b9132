//! Scenario validation: every problem at once, each pointing at the item it concerns.

mod items;
mod profiles;
mod scores;
mod tree_checks;

use super::scenario::{Direction, Scenario};
use std::collections::{BTreeSet, HashSet};

/// Receives one problem: what, where, and the field at fault.
type Push<'a> = dyn FnMut(ProblemKind, Location, Option<&'static str>) + 'a;

/// Where in a scenario a problem sits. `io` turns this into a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The scenario as a whole (or its header fields).
    Scenario,
    /// The i-th criterion.
    Criterion(usize),
    /// The i-th alternative.
    Alternative(usize),
    /// The i-th score.
    Score(usize),
    /// The i-th weight profile.
    Profile(usize),
    /// The i-th resource.
    Resource(usize),
    /// The i-th source.
    Source(usize),
    /// The i-th group of the value tree.
    Group(usize),
}

/// What is wrong. Messages are produced in either language by `crate::i18n`.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// No criteria at all: nothing can be ranked.
    NoCriteria,
    /// No alternatives at all: nothing can be ranked.
    NoAlternatives,
    /// An id is empty.
    EmptyId,
    /// Two criteria share an id.
    DuplicateCriterion(String),
    /// Two alternatives share an id.
    DuplicateAlternative(String),
    /// Two profiles share an id.
    DuplicateProfile(String),
    /// Two resources share an id.
    DuplicateResource(String),
    /// Two sources share an id.
    DuplicateSource(String),
    /// A score names an alternative that does not exist.
    ScoreUnknownAlternative(String),
    /// A score names a criterion that does not exist.
    ScoreUnknownCriterion(String),
    /// Two scores for the same pair.
    DuplicateScore {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
    },
    /// A pair has no score yet ("not yet scored"): a warning, since a
    /// scenario being edited may hold one. The option is left out of the
    /// results until scored (a criterion nobody has scored is left out).
    MissingScore {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
    },
    /// A value is NaN or infinite.
    NotFinite {
        /// Which field ("value", "low", "weight", ...).
        field: &'static str,
    },
    /// low <= value <= high does not hold.
    BadUncertainty {
        /// Lower end.
        low: f64,
        /// Best estimate.
        value: f64,
        /// Upper end.
        high: f64,
    },
    /// A score cites a source id that is not in the scenario's sources.
    UnknownSource(String),
    /// A fixed scale with worst == best.
    DegenerateScale,
    /// A fixed scale whose best is not better than its worst in the
    /// criterion's direction (e.g. maximise with worst 10, best 0).
    ScaleAgainstDirection {
        /// The criterion's direction.
        direction: super::scenario::Direction,
        /// Worst value as written.
        worst: f64,
        /// Best value as written.
        best: f64,
    },
    /// A PROMETHEE threshold is negative or q > p.
    BadPreference,
    /// No weight profiles.
    NoProfiles,
    /// `active_profile` names no profile.
    UnknownActiveProfile(String),
    /// A weight below zero.
    NegativeWeight {
        /// Criterion id.
        criterion: String,
        /// The weight.
        weight: f64,
    },
    /// Every weight of a profile is zero.
    AllZeroWeights,
    /// A profile mentions a criterion that does not exist.
    WeightUnknownCriterion(String),
    /// A profile gives no weight to a criterion (it would count as 0).
    MissingWeight(String),
    /// Weight bounds outside 0..=1, min > max, or not satisfiable together.
    BadBounds(String),
    /// Weight bounds on an id that is neither a criterion nor a group.
    BoundsUnknownNode(String),
    /// A value function with fewer than two points.
    ValueFunctionTooFewPoints,
    /// A value-function point whose x or value is NaN or infinite.
    ValueFunctionNotFinite {
        /// Index of the point (0-based).
        point: usize,
    },
    /// A value-function point whose x is not above the previous point's.
    ValueFunctionNotIncreasing {
        /// Index of the point (0-based).
        point: usize,
    },
    /// A value-function value outside 0..=100.
    ValueFunctionOutOfRange {
        /// Index of the point (0-based).
        point: usize,
        /// The value as written.
        value: f64,
    },
    /// A value function that falls for Maximize or rises for Minimize
    /// (or never changes).
    ValueFunctionAgainstDirection {
        /// The criterion's direction.
        direction: Direction,
        /// The first point moving the wrong way (None: the function is constant).
        point: Option<usize>,
    },
    /// Two groups share an id.
    DuplicateGroup(String),
    /// A group has the id of a criterion (they share one namespace).
    GroupIdIsCriterion(String),
    /// A group lists a child that is no criterion and no group.
    GroupUnknownChild {
        /// The id as written.
        id: String,
        /// Its position in `children`.
        position: usize,
    },
    /// A criterion or group listed as a child again (it stays in `first`).
    NodeInTwoGroups {
        /// The child's id.
        id: String,
        /// Id of the group that listed it first.
        first: String,
        /// Its position in this group's `children`.
        position: usize,
    },
    /// A group lists itself or a group above it: the groups form a loop.
    GroupCycle {
        /// The child's id.
        id: String,
        /// Its position in `children`.
        position: usize,
    },
    /// A group with no children (it takes no weight).
    EmptyGroup,
    /// A need names a resource that does not exist.
    UnknownResource(String),
    /// A need or a cap below zero.
    NegativeResource(String),
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The scenario can still be ranked; the user should know.
    Warning,
    /// Ranking is refused until fixed.
    Error,
}

/// One thing wrong with a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// Where.
    pub location: Location,
    /// The field within the item, when one field is at fault ("value", "weights").
    pub field: Option<&'static str>,
}

impl Problem {
    fn at(kind: ProblemKind, location: Location, field: Option<&'static str>) -> Problem {
        Problem {
            kind,
            location,
            field,
        }
    }

    /// How serious the problem is.
    pub fn severity(&self) -> Severity {
        match self.kind {
            ProblemKind::UnknownSource(_)
            | ProblemKind::MissingScore { .. }
            | ProblemKind::MissingWeight(_)
            | ProblemKind::EmptyGroup => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<(usize, String)> {
    let mut seen = HashSet::new();
    ids.enumerate()
        .filter(|(_, id)| !seen.insert(*id))
        .map(|(i, id)| (i, id.to_string()))
        .collect()
}

/// Every problem in `scenario`, in file order. An empty list means the
/// scenario can be ranked.
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |kind: ProblemKind, location: Location, field: Option<&'static str>| {
        out.push(Problem::at(kind, location, field))
    };
    items::check_not_empty(scenario, &mut push);
    items::check_criteria(scenario, &mut push);
    // Groups follow criteria in the file.
    let tree = tree_checks::check_tree(scenario, &mut push);
    items::check_alternatives(scenario, &mut push);
    scores::check_scores(scenario, &mut push);
    profiles::check_profiles(scenario, &tree, &mut push);
    items::check_resources(scenario, &mut push);
    items::check_sources(scenario, &mut push);
    out
}

/// True when `problems` contains anything that blocks ranking.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity() == Severity::Error)
}

/// The ids that appear more than once in `ids` (helper for importers).
pub fn repeated_ids<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    duplicates(ids).into_iter().map(|(_, id)| id).collect()
}
