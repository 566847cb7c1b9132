//! Weight profiles as the stakeholder view and the weighting dialogs change
//! them: a profile given elicited weights, the combined profile of several
//! stakeholders, the winner along the path between two profiles, and the
//! worst → best swing of a criterion.

use crate::analysis::Exclusion;
use crate::analysis::feasibility::reasons_at;
use crate::analysis::matrix::normalise;
use crate::analysis::weighting::{ProfilePath, combine, effective_profile_weights, path_winners};
use crate::analysis::{DecisionMatrix, Method};
use crate::model::{Direction, Elicitation, Lang, Scenario, ScenarioIndex, Text, WeightProfile};
use crate::report::stakeholders::winners;
use crate::tr;

/// Points along the path between two profiles at which the winner is found.
const PATH_STEPS: usize = 400;

/// Profile `id` with the weights `shares` (criterion order, normalised
/// here) and a record of how they were elicited. None when the profile is
/// gone or the lengths disagree.
pub fn with_elicited_weights(
    s: &Scenario,
    id: &str,
    shares: &[f64],
    elicitation: Elicitation,
) -> Option<WeightProfile> {
    let mut profile = s.profiles.iter().find(|p| p.id == id)?.clone();
    if shares.len() != s.criteria.len() {
        return None;
    }
    let shares = normalise(shares);
    // In a value tree, groups get the sum of their criteria's weights, so
    // the effective weights are the elicited ones.
    profile.weights = crate::model::ValueTree::new(s).node_weights(&shares);
    profile.elicitation = Some(elicitation);
    Some(profile)
}

/// The profile a combination writes to: the first one already recorded as
/// combined.
pub fn combined_profile_id(s: &Scenario) -> Option<&str> {
    s.profiles
        .iter()
        .find(|p| matches!(p.elicitation, Some(Elicitation::Combined { .. })))
        .map(|p| p.id.as_str())
}

/// The combined profile of the profiles `ids` (mean of their effective
/// weights, geometric or arithmetic): the existing combined profile updated,
/// else a new profile `id_if_new`. None when none of `ids` is a profile or
/// their weights cannot be combined.
pub fn combined_profile(
    s: &Scenario,
    ids: &[String],
    geometric: bool,
    id_if_new: &str,
) -> Option<WeightProfile> {
    let criteria: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
    let vectors: Vec<Vec<f64>> = ids
        .iter()
        .filter_map(|id| s.profiles.iter().find(|p| p.id == *id))
        .map(|p| effective_profile_weights(s, &criteria, p))
        .collect();
    if vectors.is_empty() {
        return None;
    }
    let shares = combine(&vectors, geometric).ok()?;
    let existing = combined_profile_id(s).and_then(|id| s.profiles.iter().find(|p| p.id == id));
    let mut profile = match existing {
        Some(p) => p.clone(),
        None => WeightProfile::new(
            id_if_new,
            Text::bilingual(
                tr!(Lang::En, "analyse.stake.combined_name"),
                tr!(Lang::Fr, "analyse.stake.combined_name"),
            ),
        ),
    };
    // In a value tree, groups get the sum of their criteria's weights.
    profile.weights = crate::model::ValueTree::new(s).node_weights(&shares);
    profile.elicitation = Some(Elicitation::Combined {
        profiles: ids.to_vec(),
        geometric,
    });
    Some(profile)
}

/// What the combined profile `target` recorded: whether it used the
/// geometric mean, and the other profiles it left out. None when `target`
/// is not a combined profile.
pub fn recorded_combination(s: &Scenario, target: &str) -> Option<(bool, Vec<String>)> {
    let Some(Elicitation::Combined {
        profiles,
        geometric,
    }) = s
        .profiles
        .iter()
        .find(|p| p.id == target)
        .and_then(|p| p.elicitation.as_ref())
    else {
        return None;
    };
    let left_out = s
        .profiles
        .iter()
        .filter(|p| p.id != target && !profiles.contains(&p.id))
        .map(|p| p.id.clone())
        .collect();
    Some((*geometric, left_out))
}

/// The profiles a combination into `target` takes: every other profile not
/// in `left_out`, in scenario order.
pub fn profiles_to_combine(s: &Scenario, target: &str, left_out: &[String]) -> Vec<String> {
    s.profiles
        .iter()
        .filter(|p| p.id != target && !left_out.contains(&p.id))
        .map(|p| p.id.clone())
        .collect()
}

/// The winner along the path between two profiles, and the options left
/// out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct PathView {
    /// Winners along the path, on the options feasible under both profiles.
    pub path: ProfilePath,
    /// Options excluded under either profile, with every reason under
    /// either (each reason once), in scenario order.
    pub left_out: Vec<Exclusion>,
}

/// The winner along the path between profiles `from` and `to`, on the
/// options feasible under both (the same feasibility the table and charts
/// use), and the options that this leaves out.
pub fn profile_path(s: &Scenario, from: &str, to: &str, method: Method) -> Option<PathView> {
    let a = s.profiles.iter().find(|p| p.id == from)?;
    let b = s.profiles.iter().find(|p| p.id == to)?;
    let index = ScenarioIndex::new(s);
    let mut ids = Vec::new();
    let mut left_out = Vec::new();
    for (i, alternative) in s.alternatives.iter().enumerate() {
        let mut reasons = reasons_at(&index, Some(a), i);
        for r in reasons_at(&index, Some(b), i) {
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
        if reasons.is_empty() {
            ids.push(alternative.id.clone());
        } else {
            left_out.push(Exclusion {
                alternative: alternative.id.clone(),
                reasons,
            });
        }
    }
    let matrix = DecisionMatrix::build_indexed(&index, a, &ids);
    // The matrix's criteria: a criterion nobody has scored yet is left out.
    let (wa, wb) = (
        effective_profile_weights(s, &matrix.criteria, a),
        effective_profile_weights(s, &matrix.criteria, b),
    );
    let path = path_winners(&matrix, method, &wa, &wb, PATH_STEPS).ok()?;
    Some(PathView { path, left_out })
}

/// The path shown before the user picks one: the first two profiles whose
/// winners differ, else the first two. None with fewer than two profiles.
pub fn default_path_ends(s: &Scenario, method: Method) -> Option<(String, String)> {
    if s.profiles.len() < 2 {
        return None;
    }
    let w = winners(s, method);
    for (i, (a, wa)) in w.iter().enumerate() {
        if let Some((b, _)) = w[i + 1..].iter().find(|(_, wb)| wb != wa) {
            return Some((a.clone(), b.clone()));
        }
    }
    Some((s.profiles[0].id.clone(), s.profiles[1].id.clone()))
}

/// The worst and best value of a criterion: its fixed scale's range, else
/// the data's range, oriented by the direction (so the labels read worst →
/// best even while a scale written against the direction awaits its fix).
/// None without any score.
pub fn swing_range(s: &Scenario, criterion: &str) -> Option<(f64, f64)> {
    let c = s.criterion(criterion)?;
    let (lo, hi) = match c.scale {
        Some(scale) => (scale.worst.min(scale.best), scale.worst.max(scale.best)),
        None => s
            .scores
            .iter()
            .filter(|x| x.criterion == criterion)
            .map(|x| x.value)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            }),
    };
    if !lo.is_finite() {
        return None;
    }
    Some(match c.direction {
        Direction::Maximize => (lo, hi),
        Direction::Minimize => (hi, lo),
    })
}

/// "worst → best (unit)" for a criterion, or a dash without data.
pub fn swing_text(s: &Scenario, criterion: &str, lang: Lang) -> String {
    let unit = s
        .criterion(criterion)
        .map(|c| c.unit.get(lang).to_string())
        .unwrap_or_default();
    match swing_range(s, criterion) {
        Some((worst, best)) => {
            let v = |x| crate::i18n::value(x, 2, lang);
            if unit.is_empty() {
                format!("{} → {}", v(worst), v(best))
            } else {
                format!("{} → {} ({unit})", v(worst), v(best))
            }
        }
        None => "—".to_string(),
    }
}
