//! One call from a scenario to a ranking: pick the profile, drop infeasible
//! options, score, rank.

use super::feasibility::{Exclusion, split_feasible};
use super::matrix::DecisionMatrix;
use super::methods::{Method, scores};
use super::ranking::competition_ranks;
use crate::model::{Problem, Scenario, ScenarioIndex, WeightProfile, has_errors, validate};
use serde::Serialize;
use std::collections::HashMap;

/// Why a scenario could not be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnalysisError {
    /// The scenario has validation errors.
    #[error("the scenario has {} problem(s)", .0.len())]
    Invalid(Vec<Problem>),
    /// No profile with that id or name.
    #[error("no weight profile named '{0}'")]
    UnknownProfile(String),
}

/// One ranked option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Alternative id.
    pub alternative: String,
    /// Method score (higher is better).
    pub score: f64,
    /// Competition rank, 1 = best.
    pub rank: usize,
}

/// The result of ranking a scenario with one method and one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Method used.
    pub method: Method,
    /// Id of the weight profile used.
    pub profile: String,
    /// Feasible options sorted by rank (ties in scenario order).
    pub ranking: Vec<Ranked>,
    /// Options excluded before ranking.
    pub excluded: Vec<Exclusion>,
    /// The matrix the method ran on (feasible options only).
    pub matrix: DecisionMatrix,
}

impl Evaluation {
    /// The top-ranked option, if any option is feasible.
    pub fn winner(&self) -> Option<&Ranked> {
        self.ranking.first()
    }

    /// Each ranked option by id, for lookups in loops (a repeated id maps
    /// to its first entry, as [`Evaluation::score_of`] would find it).
    pub fn ranked_by_id(&self) -> HashMap<&str, &Ranked> {
        let mut map = HashMap::with_capacity(self.ranking.len());
        for r in &self.ranking {
            map.entry(r.alternative.as_str()).or_insert(r);
        }
        map
    }

    /// Score of an alternative id, when it was ranked.
    pub fn score_of(&self, alternative: &str) -> Option<f64> {
        self.ranking
            .iter()
            .find(|r| r.alternative == alternative)
            .map(|r| r.score)
    }
}

/// Resolves a profile by id or name; None picks the active profile.
pub fn select_profile<'a>(
    scenario: &'a Scenario,
    profile: Option<&str>,
) -> Result<&'a WeightProfile, AnalysisError> {
    match profile {
        Some(key) => scenario
            .profile(key)
            .ok_or_else(|| AnalysisError::UnknownProfile(key.to_string())),
        None => scenario
            .active()
            .ok_or_else(|| AnalysisError::UnknownProfile(scenario.active_profile.clone())),
    }
}

/// Ranks `scenario` with `method` under `profile` (None: the active one).
pub fn evaluate(
    scenario: &Scenario,
    profile: Option<&str>,
    method: Method,
) -> Result<Evaluation, AnalysisError> {
    let problems = validate(scenario);
    if has_errors(&problems) {
        return Err(AnalysisError::Invalid(problems));
    }
    let profile = select_profile(scenario, profile)?;
    Ok(evaluate_profile(scenario, profile, method))
}

/// Ranks a validated scenario under an explicit profile.
pub fn evaluate_profile(
    scenario: &Scenario,
    profile: &WeightProfile,
    method: Method,
) -> Evaluation {
    evaluate_indexed(&ScenarioIndex::new(scenario), profile, method)
}

/// [`evaluate_profile`] on a scenario already indexed: feasibility, the
/// matrix and the ranking in time linear in the number of scores (plus the
/// method's own cost).
pub fn evaluate_indexed(
    index: &ScenarioIndex<'_>,
    profile: &WeightProfile,
    method: Method,
) -> Evaluation {
    let (feasible, excluded) = split_feasible(index, Some(profile));
    let matrix = DecisionMatrix::build_indexed(index, profile, &feasible);
    ranked(method, profile, &feasible, excluded, matrix)
}

/// One evaluation per method in `methods`, in that order, sharing one
/// feasibility pass and one matrix.
pub fn evaluate_methods(
    index: &ScenarioIndex<'_>,
    profile: &WeightProfile,
    methods: &[Method],
) -> Vec<Evaluation> {
    let (feasible, excluded) = split_feasible(index, Some(profile));
    let matrix = DecisionMatrix::build_indexed(index, profile, &feasible);
    methods
        .iter()
        .map(|&method| ranked(method, profile, &feasible, excluded.clone(), matrix.clone()))
        .collect()
}

/// Scores `matrix` (rows: the options `ids`) with `method` and sorts the
/// options by competition rank (ties in row order).
fn ranked(
    method: Method,
    profile: &WeightProfile,
    ids: &[String],
    excluded: Vec<Exclusion>,
    matrix: DecisionMatrix,
) -> Evaluation {
    let scores = scores(method, &matrix);
    let ranks = competition_ranks(&scores);
    let mut ranking: Vec<Ranked> = ids
        .iter()
        .zip(scores.iter().zip(&ranks))
        .map(|(id, (&score, &rank))| Ranked {
            alternative: id.clone(),
            score,
            rank,
        })
        .collect();
    ranking.sort_by_key(|r| r.rank);
    Evaluation {
        method,
        profile: profile.id.clone(),
        ranking,
        excluded,
        matrix,
    }
}

/// The same scenario and profile under every method, in [`Method::ALL`]
/// order: validated, indexed and checked for feasibility once.
pub fn evaluate_all_methods(
    scenario: &Scenario,
    profile: Option<&str>,
) -> Result<Vec<Evaluation>, AnalysisError> {
    let problems = validate(scenario);
    if has_errors(&problems) {
        return Err(AnalysisError::Invalid(problems));
    }
    let profile = select_profile(scenario, profile)?;
    Ok(evaluate_methods(
        &ScenarioIndex::new(scenario),
        profile,
        &Method::ALL,
    ))
}
