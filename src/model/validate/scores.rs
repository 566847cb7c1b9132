//! Validation of the scores: the ids each names, pairs scored twice,
//! finite numbers within their uncertainty range, known sources, and the
//! (option, criterion) pairs nobody has scored yet.

use super::{Location, ProblemKind, Push};
use crate::model::index::ScenarioIndex;
use crate::model::scenario::{Scenario, Score};
use std::collections::HashSet;

/// Every score in file order, then the pairs left unscored.
pub(super) fn check_scores(scenario: &Scenario, push: &mut Push<'_>) {
    let index = ScenarioIndex::new(scenario);
    let source_ids: HashSet<&str> = scenario.sources.iter().map(|s| s.id.as_str()).collect();
    let mut scored = ScoredPairs::new(scenario);
    for ((i, s), (row, col)) in scenario
        .scores
        .iter()
        .enumerate()
        .zip(index.score_positions())
    {
        check_score_ids(s, i, row, col, push);
        if !scored.first_time(s, row, col) {
            push(
                ProblemKind::DuplicateScore {
                    alternative: s.alternative.clone(),
                    criterion: s.criterion.clone(),
                },
                Location::Score(i),
                None,
            );
        }
        check_score_numbers(s, i, push);
        check_score_sources(s, i, &source_ids, push);
    }
    check_missing_scores(scenario, &index, &scored, push);
}

/// The (option, criterion) pairs scored so far: known pairs by their first
/// positions, so each score costs no hashing when the file lists them in
/// order; pairs naming an unknown id are kept by text.
struct ScoredPairs<'a> {
    criteria: usize,
    known: Vec<bool>,
    unknown: HashSet<(&'a str, &'a str)>,
}

impl<'a> ScoredPairs<'a> {
    fn new(scenario: &Scenario) -> Self {
        let criteria = scenario.criteria.len();
        ScoredPairs {
            criteria,
            known: vec![false; scenario.alternatives.len() * criteria],
            unknown: HashSet::new(),
        }
    }

    /// Records score `s` (at `row`, `col` when both ids are known); false
    /// when its pair was already scored.
    fn first_time(&mut self, s: &'a Score, row: Option<usize>, col: Option<usize>) -> bool {
        match (row, col) {
            (Some(row), Some(col)) => {
                !std::mem::replace(&mut self.known[row * self.criteria + col], true)
            }
            _ => self
                .unknown
                .insert((s.alternative.as_str(), s.criterion.as_str())),
        }
    }

    fn contains(&self, row: usize, col: usize) -> bool {
        self.known[row * self.criteria + col]
    }
}

/// The option and criterion a score names must exist.
fn check_score_ids(
    s: &Score,
    i: usize,
    row: Option<usize>,
    col: Option<usize>,
    push: &mut Push<'_>,
) {
    if row.is_none() {
        push(
            ProblemKind::ScoreUnknownAlternative(s.alternative.clone()),
            Location::Score(i),
            Some("alternative"),
        );
    }
    if col.is_none() {
        push(
            ProblemKind::ScoreUnknownCriterion(s.criterion.clone()),
            Location::Score(i),
            Some("criterion"),
        );
    }
}

/// Value, low and high finite, and low <= value <= high.
fn check_score_numbers(s: &Score, i: usize, push: &mut Push<'_>) {
    let mut finite = true;
    for (field, v) in [("value", Some(s.value)), ("low", s.low), ("high", s.high)] {
        if let Some(v) = v
            && !v.is_finite()
        {
            finite = false;
            push(
                ProblemKind::NotFinite { field },
                Location::Score(i),
                Some(field),
            );
        }
    }
    if !finite {
        return;
    }
    let low = s.low.unwrap_or(s.value);
    let high = s.high.unwrap_or(s.value);
    if !(low <= s.value && s.value <= high) {
        push(
            ProblemKind::BadUncertainty {
                low,
                value: s.value,
                high,
            },
            Location::Score(i),
            Some(if low > s.value { "low" } else { "high" }),
        );
    }
}

/// Every source a score cites must be in the scenario's sources.
fn check_score_sources(s: &Score, i: usize, source_ids: &HashSet<&str>, push: &mut Push<'_>) {
    for src in &s.sources {
        if !source_ids.contains(src.as_str()) {
            push(
                ProblemKind::UnknownSource(src.clone()),
                Location::Score(i),
                Some("sources"),
            );
        }
    }
}

/// A warning per (option, criterion) pair without a score, by first
/// positions: a repeated id is the same option or criterion.
fn check_missing_scores(
    scenario: &Scenario,
    index: &ScenarioIndex,
    scored: &ScoredPairs<'_>,
    push: &mut Push<'_>,
) {
    let first_col: Vec<usize> = scenario
        .criteria
        .iter()
        .map(|c| index.criterion_index(&c.id).unwrap_or(0))
        .collect();
    for a in &scenario.alternatives {
        let row = index.alternative_index(&a.id).unwrap_or(0);
        for (c, &col) in scenario.criteria.iter().zip(&first_col) {
            if !scored.contains(row, col) {
                push(
                    ProblemKind::MissingScore {
                        alternative: a.id.clone(),
                        criterion: c.id.clone(),
                    },
                    Location::Alternative(row),
                    None,
                );
            }
        }
    }
}
