//! Scenario validation: every problem at once, each pointing at the item it concerns.

mod tree_checks;

use super::index::ScenarioIndex;
use super::scenario::{Direction, Scenario};
use std::collections::{BTreeSet, HashSet};

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
    use Location as L;
    use ProblemKind as K;
    let mut out = Vec::new();
    let mut push = |kind, loc, field| out.push(Problem::at(kind, loc, field));

    if scenario.criteria.is_empty() {
        push(K::NoCriteria, L::Scenario, Some("criteria"));
    }
    if scenario.alternatives.is_empty() {
        push(K::NoAlternatives, L::Scenario, Some("alternatives"));
    }

    for (i, c) in scenario.criteria.iter().enumerate() {
        if c.id.trim().is_empty() {
            push(K::EmptyId, L::Criterion(i), Some("id"));
        }
        if let Some(scale) = c.scale {
            if !scale.worst.is_finite() || !scale.best.is_finite() {
                push(
                    K::NotFinite { field: "scale" },
                    L::Criterion(i),
                    Some("scale"),
                );
            } else if scale.worst == scale.best {
                push(K::DegenerateScale, L::Criterion(i), Some("scale"));
            } else if !scale.agrees_with(c.direction) {
                push(
                    K::ScaleAgainstDirection {
                        direction: c.direction,
                        worst: scale.worst,
                        best: scale.best,
                    },
                    L::Criterion(i),
                    Some("scale"),
                );
            }
        }
        if let Some(v) = c.veto
            && !v.is_finite()
        {
            push(
                K::NotFinite { field: "veto" },
                L::Criterion(i),
                Some("veto"),
            );
        }
        let thresholds_ok = match c.preference {
            crate::model::Preference::Usual => true,
            crate::model::Preference::Linear { q, p } => {
                q.is_finite() && p.is_finite() && q >= 0.0 && p >= q
            }
            crate::model::Preference::VShape { p } => p.is_finite() && p >= 0.0,
        };
        if !thresholds_ok {
            push(K::BadPreference, L::Criterion(i), Some("preference"));
        }
        if let Some(vf) = &c.value_function {
            tree_checks::check_value_function(vf, c.direction, i, &mut push);
        }
    }
    for (i, id) in duplicates(scenario.criteria.iter().map(|c| c.id.as_str())) {
        push(K::DuplicateCriterion(id), L::Criterion(i), Some("id"));
    }
    // Groups follow criteria in the file.
    let tree = tree_checks::check_tree(scenario, &mut push);

    for (i, a) in scenario.alternatives.iter().enumerate() {
        if a.id.trim().is_empty() {
            push(K::EmptyId, L::Alternative(i), Some("id"));
        }
        for (resource, need) in &a.needs {
            if !scenario.resources.iter().any(|r| &r.id == resource) {
                push(
                    K::UnknownResource(resource.clone()),
                    L::Alternative(i),
                    Some("needs"),
                );
            }
            if !need.is_finite() {
                push(
                    K::NotFinite { field: "needs" },
                    L::Alternative(i),
                    Some("needs"),
                );
            } else if *need < 0.0 {
                push(
                    K::NegativeResource(resource.clone()),
                    L::Alternative(i),
                    Some("needs"),
                );
            }
        }
    }
    for (i, id) in duplicates(scenario.alternatives.iter().map(|a| a.id.as_str())) {
        push(K::DuplicateAlternative(id), L::Alternative(i), Some("id"));
    }

    let criterion_ids: HashSet<&str> = scenario.criteria.iter().map(|c| c.id.as_str()).collect();
    // Weights and bounds may name groups as well as criteria.
    let node_ids: HashSet<&str> = criterion_ids
        .iter()
        .copied()
        .chain(scenario.groups.iter().map(|g| g.id.as_str()))
        .collect();
    let source_ids: HashSet<&str> = scenario.sources.iter().map(|s| s.id.as_str()).collect();
    // Scored (option, criterion) cells by first position, so each score
    // costs no hashing when the file lists them in order; pairs naming an
    // unknown id are kept by text.
    let index = ScenarioIndex::new(scenario);
    let m = scenario.criteria.len();
    let mut scored = vec![false; scenario.alternatives.len() * m];
    let mut scored_unknown = HashSet::new();
    for ((i, s), (row, col)) in scenario
        .scores
        .iter()
        .enumerate()
        .zip(index.score_positions())
    {
        if row.is_none() {
            push(
                K::ScoreUnknownAlternative(s.alternative.clone()),
                L::Score(i),
                Some("alternative"),
            );
        }
        if col.is_none() {
            push(
                K::ScoreUnknownCriterion(s.criterion.clone()),
                L::Score(i),
                Some("criterion"),
            );
        }
        let first = match (row, col) {
            (Some(row), Some(col)) => !std::mem::replace(&mut scored[row * m + col], true),
            _ => scored_unknown.insert((s.alternative.as_str(), s.criterion.as_str())),
        };
        if !first {
            push(
                K::DuplicateScore {
                    alternative: s.alternative.clone(),
                    criterion: s.criterion.clone(),
                },
                L::Score(i),
                None,
            );
        }
        let mut finite = true;
        for (field, v) in [("value", Some(s.value)), ("low", s.low), ("high", s.high)] {
            if let Some(v) = v
                && !v.is_finite()
            {
                finite = false;
                push(K::NotFinite { field }, L::Score(i), Some(field));
            }
        }
        if finite {
            let low = s.low.unwrap_or(s.value);
            let high = s.high.unwrap_or(s.value);
            if !(low <= s.value && s.value <= high) {
                push(
                    K::BadUncertainty {
                        low,
                        value: s.value,
                        high,
                    },
                    L::Score(i),
                    Some(if low > s.value { "low" } else { "high" }),
                );
            }
        }
        for src in &s.sources {
            if !source_ids.contains(src.as_str()) {
                push(K::UnknownSource(src.clone()), L::Score(i), Some("sources"));
            }
        }
    }
    // By first positions: a repeated id is the same option or criterion.
    let first_col: Vec<usize> = scenario
        .criteria
        .iter()
        .map(|c| index.criterion_index(&c.id).unwrap_or(0))
        .collect();
    for a in &scenario.alternatives {
        let index = index.alternative_index(&a.id).unwrap_or(0);
        for (c, &col) in scenario.criteria.iter().zip(&first_col) {
            if !scored[index * m + col] {
                push(
                    K::MissingScore {
                        alternative: a.id.clone(),
                        criterion: c.id.clone(),
                    },
                    L::Alternative(index),
                    None,
                );
            }
        }
    }

    if scenario.profiles.is_empty() {
        push(K::NoProfiles, L::Scenario, Some("profiles"));
    } else if !scenario
        .profiles
        .iter()
        .any(|p| p.id == scenario.active_profile)
    {
        push(
            K::UnknownActiveProfile(scenario.active_profile.clone()),
            L::Scenario,
            Some("active_profile"),
        );
    }
    for (i, p) in scenario.profiles.iter().enumerate() {
        if p.id.trim().is_empty() {
            push(K::EmptyId, L::Profile(i), Some("id"));
        }
        let mut all_zero = true;
        for (criterion, w) in &p.weights {
            if !node_ids.contains(criterion.as_str()) {
                push(
                    K::WeightUnknownCriterion(criterion.clone()),
                    L::Profile(i),
                    Some("weights"),
                );
            }
            if !w.is_finite() {
                push(
                    K::NotFinite { field: "weights" },
                    L::Profile(i),
                    Some("weights"),
                );
                all_zero = false;
            } else if *w < 0.0 {
                push(
                    K::NegativeWeight {
                        criterion: criterion.clone(),
                        weight: *w,
                    },
                    L::Profile(i),
                    Some("weights"),
                );
                all_zero = false;
            } else if *w > 0.0 && criterion_ids.contains(criterion.as_str()) {
                all_zero = false;
            }
        }
        let node_order = scenario
            .criteria
            .iter()
            .map(|c| &c.id)
            .chain(scenario.groups.iter().map(|g| &g.id));
        for id in node_order {
            if !p.weights.contains_key(id) {
                push(K::MissingWeight(id.clone()), L::Profile(i), Some("weights"));
            }
        }
        // In a tree, a positive criterion weight is not enough: every path
        // down to it must be weighted too.
        if !all_zero && !tree.is_flat() {
            all_zero = tree.effective_weights(p, &[]).iter().all(|&w| w == 0.0)
                && p.weights.values().all(|w| w.is_finite() && *w >= 0.0);
        }
        if all_zero && !scenario.criteria.is_empty() {
            push(K::AllZeroWeights, L::Profile(i), Some("weights"));
        }
        for (criterion, b) in &p.bounds {
            let ok = b.min.is_finite()
                && b.max.is_finite()
                && (0.0..=1.0).contains(&b.min)
                && (0.0..=1.0).contains(&b.max)
                && b.min <= b.max;
            if !node_ids.contains(criterion.as_str()) {
                push(
                    K::BoundsUnknownNode(criterion.clone()),
                    L::Profile(i),
                    Some("bounds"),
                );
            } else if !ok {
                push(
                    K::BadBounds(criterion.clone()),
                    L::Profile(i),
                    Some("bounds"),
                );
            }
        }
        if !p.bounds.is_empty() && !tree_checks::bounds_satisfiable(scenario, &tree, p) {
            push(K::BadBounds(String::new()), L::Profile(i), Some("bounds"));
        }
        for (criterion, v) in &p.vetoes {
            if !criterion_ids.contains(criterion.as_str()) {
                push(
                    K::WeightUnknownCriterion(criterion.clone()),
                    L::Profile(i),
                    Some("vetoes"),
                );
            }
            if !v.is_finite() {
                push(
                    K::NotFinite { field: "vetoes" },
                    L::Profile(i),
                    Some("vetoes"),
                );
            }
        }
    }
    for (i, id) in duplicates(scenario.profiles.iter().map(|p| p.id.as_str())) {
        push(K::DuplicateProfile(id), L::Profile(i), Some("id"));
    }

    for (i, r) in scenario.resources.iter().enumerate() {
        if !r.cap.is_finite() {
            push(K::NotFinite { field: "cap" }, L::Resource(i), Some("cap"));
        } else if r.cap < 0.0 {
            push(
                K::NegativeResource(r.id.clone()),
                L::Resource(i),
                Some("cap"),
            );
        }
    }
    for (i, id) in duplicates(scenario.resources.iter().map(|r| r.id.as_str())) {
        push(K::DuplicateResource(id), L::Resource(i), Some("id"));
    }
    for (i, id) in duplicates(scenario.sources.iter().map(|s| s.id.as_str())) {
        push(K::DuplicateSource(id), L::Source(i), Some("id"));
    }
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
