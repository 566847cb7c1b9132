//! One call from a scenario to a ranking: pick the profile, drop infeasible
//! options, score, rank.

use super::feasibility::{Exclusion, exclusions, feasible_ids};
use super::matrix::DecisionMatrix;
use super::methods::{Method, scores};
use super::ranking::competition_ranks;
use crate::model::{Problem, Scenario, WeightProfile, has_errors, validate};
use serde::Serialize;

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
    let feasible = feasible_ids(scenario, Some(profile));
    let matrix = DecisionMatrix::build(scenario, profile, &feasible);
    let scores = scores(method, &matrix);
    let ranks = competition_ranks(&scores);
    let mut ranking: Vec<Ranked> = feasible
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
        excluded: exclusions(scenario, Some(profile)),
        matrix,
    }
}

/// The same scenario and profile under every method, in [`Method::ALL`] order.
pub fn evaluate_all_methods(
    scenario: &Scenario,
    profile: Option<&str>,
) -> Result<Vec<Evaluation>, AnalysisError> {
    Method::ALL
        .into_iter()
        .map(|m| evaluate(scenario, profile, m))
        .collect()
}
