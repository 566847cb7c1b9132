//! Comparison of two scenarios (design.md §4): what changed, and for wsm
//! which criteria moved the gap between the two leading options.
//!
//! [`compare`] matches the two files' weight profiles, ranks both with the
//! same method, lists the structural [`Changes`] and picks the pair to
//! explain. For wsm the change in the pair's gap is split exactly per
//! criterion into weight and value effects ([`Explanation`]); the wording of
//! the result in either language lives in `report::compare`.

pub mod by_group;
mod changes;
mod explain;

pub use changes::{
    Changes, ItemChanges, NeedChange, Rename, ResourceChange, ScoreChange, SettingChange,
    WeightChange, changes,
};
pub use explain::{explain_pair, outcome, shared_explanation};

use super::evaluate::{Evaluation, evaluate_profile};
use super::methods::Method;
use crate::model::{Problem, Scenario, WeightProfile, has_errors, validate};
use serde::Serialize;
use std::collections::HashSet;

/// One criterion's share of the change in the gap, split into weight and value effects.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Term {
    /// Criterion id.
    pub criterion: String,
    /// `(w'_j - w_j)(d_j + d'_j)/2`.
    pub weight_effect: f64,
    /// `(d'_j - d_j)(w_j + w'_j)/2` (or the whole term when the criterion is in one file only).
    pub value_effect: f64,
}

impl Term {
    /// The whole term: weight effect plus value effect.
    pub fn total(&self) -> f64 {
        self.weight_effect + self.value_effect
    }
}

/// Why the recommendation moved between A and B (wsm only).
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Alternative id: the first of the pair.
    pub first: String,
    /// Alternative id: the second of the pair.
    pub second: String,
    /// score(second) - score(first) in A.
    pub gap_a: f64,
    /// score(second) - score(first) in B.
    pub gap_b: f64,
    /// Per-criterion terms; they sum to `gap_b - gap_a`.
    pub terms: Vec<Term>,
}

/// Which part of a term an effect is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectKind {
    /// The weight changed: `(w'_j - w_j)(d_j + d'_j)/2`.
    Weight,
    /// The scaled values changed: `(d'_j - d_j)(w_j + w'_j)/2`.
    Value,
}

/// One weight or value effect, as a bar of the "what moved the answer" chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaterfallStep {
    /// Criterion id.
    pub criterion: String,
    /// Weight or value effect.
    pub kind: EffectKind,
    /// How much this effect moves the gap (positive: towards `second`).
    pub delta: f64,
    /// The running gap before this step.
    pub start: f64,
    /// The running gap after this step.
    pub end: f64,
}

/// The waterfall chart's data: from `gap_a`, each effect in turn, to `gap_b`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waterfall {
    /// The gap in A (first bar).
    pub gap_a: f64,
    /// Non-zero effects, largest first.
    pub steps: Vec<WaterfallStep>,
    /// The gap in B (last bar).
    pub gap_b: f64,
}

/// Effects smaller than this are treated as zero when ordering and wording them.
pub const NEGLIGIBLE_EFFECT: f64 = 1e-12;

impl Explanation {
    /// Every non-negligible weight and value effect, largest magnitude first
    /// (ties keep criterion order, weight before value).
    pub fn effects(&self) -> Vec<(String, EffectKind, f64)> {
        let mut out: Vec<(String, EffectKind, f64)> = self
            .terms
            .iter()
            .flat_map(|t| {
                [
                    (t.criterion.clone(), EffectKind::Weight, t.weight_effect),
                    (t.criterion.clone(), EffectKind::Value, t.value_effect),
                ]
            })
            .filter(|(_, _, x)| x.abs() > NEGLIGIBLE_EFFECT)
            .collect();
        out.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
        out
    }

    /// The waterfall chart's data: effects ordered largest first, each bar
    /// starting where the previous one ended.
    pub fn waterfall(&self) -> Waterfall {
        let mut running = self.gap_a;
        let steps = self
            .effects()
            .into_iter()
            .map(|(criterion, kind, delta)| {
                let start = running;
                running += delta;
                WaterfallStep {
                    criterion,
                    kind,
                    delta,
                    start,
                    end: running,
                }
            })
            .collect();
        Waterfall {
            gap_a: self.gap_a,
            steps,
            gap_b: self.gap_b,
        }
    }

    /// Sum of all terms (equals `gap_b - gap_a` up to rounding).
    pub fn total(&self) -> f64 {
        self.terms.iter().map(Term::total).sum()
    }
}

/// One of the two files compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Side {
    /// The first file (the "before").
    A,
    /// The second file (the "after").
    B,
}

impl Side {
    /// "A" or "B".
    pub fn label(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
}

/// What the comparison can say about the gap between the pair.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// wsm: the change in the gap split per criterion.
    Explained(Explanation),
    /// topsis or promethee2: the pair and gaps, without a per-criterion split.
    WsmOnly {
        /// Alternative id: the first of the pair.
        first: String,
        /// Alternative id: the second of the pair.
        second: String,
        /// score(second) - score(first) in A.
        gap_a: f64,
        /// score(second) - score(first) in B.
        gap_b: f64,
    },
    /// No option is feasible in one file.
    NoFeasible(Side),
    /// The winner is unchanged and no second option is feasible in B.
    TooFewOptions,
    /// A member of the pair is not in one file at all.
    Missing {
        /// Alternative id.
        alternative: String,
        /// The file it is missing from.
        side: Side,
    },
    /// A member of the pair is in one file but excluded there.
    Excluded {
        /// Alternative id.
        alternative: String,
        /// The file where it is excluded.
        side: Side,
    },
}

impl Outcome {
    /// The pair (first, second) when the outcome has one.
    pub fn pair(&self) -> Option<(&str, &str)> {
        match self {
            Outcome::Explained(e) => Some((&e.first, &e.second)),
            Outcome::WsmOnly { first, second, .. } => Some((first, second)),
            _ => None,
        }
    }

    /// A short machine-readable name ("explained", "wsm_only", "missing", ...).
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Explained(_) => "explained",
            Outcome::WsmOnly { .. } => "wsm_only",
            Outcome::NoFeasible(_) => "no_feasible",
            Outcome::TooFewOptions => "too_few_options",
            Outcome::Missing { .. } => "missing",
            Outcome::Excluded { .. } => "excluded",
        }
    }
}

/// An option's rank in A and in B (None: not ranked there, absent or excluded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankMove {
    /// Alternative id.
    pub alternative: String,
    /// Rank in A.
    pub rank_a: Option<usize>,
    /// Rank in B.
    pub rank_b: Option<usize>,
}

impl RankMove {
    /// Places gained from A to B (negative: lost), when ranked in both.
    pub fn places_up(&self) -> Option<i64> {
        match (self.rank_a, self.rank_b) {
            (Some(a), Some(b)) => Some(a as i64 - b as i64),
            _ => None,
        }
    }
}

/// Everything `diff` reports about two scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Method used for both rankings.
    pub method: Method,
    /// Ranking of A (its `profile` is the id of A's profile used).
    pub a: Evaluation,
    /// Ranking of B.
    pub b: Evaluation,
    /// Structural changes from A to B.
    pub changes: Changes,
    /// Every option's rank in A and B (A's order, then options new in B).
    pub moves: Vec<RankMove>,
    /// The explanation of the pair's gap, or why there is none.
    pub outcome: Outcome,
    /// When `outcome` is [`Outcome::Missing`] or [`Outcome::Excluded`]: the
    /// same rule applied to the options ranked in both files (wsm only).
    pub shared: Option<Explanation>,
}

impl Comparison {
    /// True when nothing changed: no structural change and identical rankings.
    pub fn is_unchanged(&self) -> bool {
        self.changes.is_empty() && self.a.ranking == self.b.ranking
    }

    /// True when B ranks the second of `e`'s pair above its first (the
    /// second overtook the first).
    pub fn overtaken(&self, e: &Explanation) -> bool {
        let position = |id: &str| self.b.ranking.iter().position(|r| r.alternative == id);
        match (position(&e.first), position(&e.second)) {
            (Some(first), Some(second)) => second < first,
            _ => false,
        }
    }

    /// The explanation to show and chart: the pair's own when it has one,
    /// else the one among the options ranked in both files (wsm only).
    pub fn explanation(&self) -> Option<&Explanation> {
        match &self.outcome {
            Outcome::Explained(e) => Some(e),
            _ => self.shared.as_ref(),
        }
    }

    /// True when the top option differs between A and B.
    pub fn winner_changed(&self) -> bool {
        match (self.a.winner(), self.b.winner()) {
            (Some(a), Some(b)) => a.alternative != b.alternative,
            (None, None) => false,
            _ => true,
        }
    }
}

/// Why two scenarios could not be compared.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompareError {
    /// One file has validation errors.
    #[error("scenario {} has {} problem(s)", .side.label(), .problems.len())]
    Invalid {
        /// The file at fault.
        side: Side,
        /// Its problems.
        problems: Vec<Problem>,
    },
    /// The named profile is in neither form in one file.
    #[error("no weight profile named '{name}' in {}", .side.label())]
    UnknownProfile {
        /// The file at fault.
        side: Side,
        /// The name asked for.
        name: String,
    },
}

/// The profiles compared: in A, the profile `key_a` (id or name) or else the
/// active one; in B, the profile `key_b`, or else the one with the same id or
/// English name as A's, or else B's active one.
///
/// The CLI passes no key for a CSV file, whose weights are its only profile.
pub fn match_profiles<'a, 'b>(
    a: &'a Scenario,
    b: &'b Scenario,
    key_a: Option<&str>,
    key_b: Option<&str>,
) -> Result<(&'a WeightProfile, &'b WeightProfile), CompareError> {
    let unknown = |side, name: &str| CompareError::UnknownProfile {
        side,
        name: name.to_string(),
    };
    let pa = match key_a {
        Some(key) => a.profile(key).ok_or_else(|| unknown(Side::A, key))?,
        None => a
            .active()
            .ok_or_else(|| unknown(Side::A, &a.active_profile))?,
    };
    let pb = match key_b {
        Some(key) => b.profile(key).ok_or_else(|| unknown(Side::B, key))?,
        None => b
            .profiles
            .iter()
            .find(|p| p.id == pa.id)
            .or_else(|| b.profiles.iter().find(|p| p.name.en == pa.name.en))
            .or(b.active())
            .ok_or_else(|| unknown(Side::B, &b.active_profile))?,
    };
    Ok((pa, pb))
}

/// Compares scenario `a` with `b` under `method` and the profile named
/// `profile` in both (None: A's active profile and its namesake in B).
/// Both files are validated first.
pub fn compare(
    a: &Scenario,
    b: &Scenario,
    method: Method,
    profile: Option<&str>,
) -> Result<Comparison, CompareError> {
    compare_keys(a, b, method, profile, profile)
}

/// [`compare`] with a separate profile key per file (see [`match_profiles`]).
pub fn compare_keys(
    a: &Scenario,
    b: &Scenario,
    method: Method,
    key_a: Option<&str>,
    key_b: Option<&str>,
) -> Result<Comparison, CompareError> {
    for (side, scenario) in [(Side::A, a), (Side::B, b)] {
        let problems = validate(scenario);
        if has_errors(&problems) {
            return Err(CompareError::Invalid { side, problems });
        }
    }
    let (pa, pb) = match_profiles(a, b, key_a, key_b)?;
    Ok(compare_profiles(a, pa, b, pb, method))
}

/// Compares two validated scenarios under explicit profiles (for the GUI's
/// "compare with another profile of the same file", pass the same scenario twice).
pub fn compare_profiles(
    a: &Scenario,
    profile_a: &WeightProfile,
    b: &Scenario,
    profile_b: &WeightProfile,
    method: Method,
) -> Comparison {
    let eval_a = evaluate_profile(a, profile_a, method);
    let eval_b = evaluate_profile(b, profile_b, method);
    let changes = changes(a, profile_a, &eval_a, b, profile_b, &eval_b);
    let moves = rank_moves(a, &eval_a, b, &eval_b);
    let outcome = outcome(a, &eval_a, b, &eval_b);
    let shared = match outcome {
        Outcome::Missing { .. } | Outcome::Excluded { .. } => shared_explanation(&eval_a, &eval_b),
        _ => None,
    };
    Comparison {
        method,
        a: eval_a,
        b: eval_b,
        changes,
        moves,
        outcome,
        shared,
    }
}

/// Ranks of every option of either file, A's order first.
fn rank_moves(
    a: &Scenario,
    eval_a: &Evaluation,
    b: &Scenario,
    eval_b: &Evaluation,
) -> Vec<RankMove> {
    let (ranks_a, ranks_b) = (eval_a.ranked_by_id(), eval_b.ranked_by_id());
    let in_a: HashSet<&str> = a.alternatives.iter().map(|x| x.id.as_str()).collect();
    let ids = a.alternatives.iter().map(|x| &x.id).chain(
        b.alternatives
            .iter()
            .map(|x| &x.id)
            .filter(|id| !in_a.contains(id.as_str())),
    );
    ids.map(|id| RankMove {
        alternative: id.clone(),
        rank_a: ranks_a.get(id.as_str()).map(|r| r.rank),
        rank_b: ranks_b.get(id.as_str()).map(|r| r.rank),
    })
    .collect()
}
