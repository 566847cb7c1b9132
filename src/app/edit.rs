//! Scenario edits as values: every change the GUI makes to a scenario is an
//! [`Edit`], applied in one place so undo/redo and the unsaved flag follow.

use crate::model::{
    Alternative, Criterion, Direction, Lang, Preference, Scale, Scenario, Score, Text,
    WeightProfile,
};

/// One change to the scenario. Ids are stable, so an edit stays meaningful
/// whatever the list order.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set the best estimate of a score (creating the score if missing).
    SetScore {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
        /// New value.
        value: f64,
    },
    /// Set or clear the uncertainty range of a score.
    SetRange {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
        /// Lower end.
        low: Option<f64>,
        /// Upper end.
        high: Option<f64>,
    },
    /// Set the rationale of a score in one language.
    SetRationale {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
        /// Language of the text.
        lang: Lang,
        /// New text.
        text: String,
    },
    /// Mark a score as the analyst's judgement (or not).
    SetIllustrative {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
        /// New flag.
        illustrative: bool,
    },
    /// Replace the source ids a score cites.
    SetScoreSources {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
        /// Source ids.
        sources: Vec<String>,
    },
    /// Add an option (scores start at the column's first value, or 0).
    AddAlternative {
        /// Display name (English and French).
        name: Text,
    },
    /// Rename an option in one language.
    RenameAlternative {
        /// Alternative id.
        id: String,
        /// Language.
        lang: Lang,
        /// New name.
        name: String,
    },
    /// Move an option up (negative) or down (positive).
    MoveAlternative {
        /// Alternative id.
        id: String,
        /// Places to move.
        delta: isize,
    },
    /// Delete an option and its scores.
    DeleteAlternative {
        /// Alternative id.
        id: String,
    },
    /// Add a criterion (maximise, every score 0, weight 0 in every profile).
    AddCriterion {
        /// Display name.
        name: Text,
    },
    /// Rename a criterion in one language.
    RenameCriterion {
        /// Criterion id.
        id: String,
        /// Language.
        lang: Lang,
        /// New name.
        name: String,
    },
    /// Move a criterion left/up (negative) or right/down (positive).
    MoveCriterion {
        /// Criterion id.
        id: String,
        /// Places to move.
        delta: isize,
    },
    /// Delete a criterion, its scores and its weights.
    DeleteCriterion {
        /// Criterion id.
        id: String,
    },
    /// Change whether less or more is better.
    SetDirection {
        /// Criterion id.
        id: String,
        /// New direction.
        direction: Direction,
    },
    /// Change a criterion's unit.
    SetUnit {
        /// Criterion id.
        id: String,
        /// New unit.
        unit: String,
    },
    /// Set or clear a criterion's fixed scale.
    SetScale {
        /// Criterion id.
        id: String,
        /// New scale (None: the data's range).
        scale: Option<Scale>,
    },
    /// Set or clear a criterion's veto.
    SetVeto {
        /// Criterion id.
        id: String,
        /// New limit.
        veto: Option<f64>,
    },
    /// Set one raw weight of a profile.
    SetWeight {
        /// Profile id.
        profile: String,
        /// Criterion id.
        criterion: String,
        /// New raw (non-normalised) weight.
        weight: f64,
    },
    /// Make a profile the active one.
    SetActiveProfile {
        /// Profile id.
        id: String,
    },
    /// Add a profile with equal weights and make it active.
    AddProfile {
        /// Display name.
        name: Text,
    },
    /// Copy a profile under a new id and make the copy active.
    DuplicateProfile {
        /// Profile id to copy.
        id: String,
        /// Name of the copy.
        name: Text,
    },
    /// Rename a profile in one language.
    RenameProfile {
        /// Profile id.
        id: String,
        /// Language.
        lang: Lang,
        /// New name.
        name: String,
    },
    /// Delete a profile (never the last one).
    DeleteProfile {
        /// Profile id.
        id: String,
    },
    /// Replace the profile with the same id (or add it, without making it
    /// active): weights and elicitation written by a weighting dialog or the
    /// stakeholder view's combined profile, as one undo step.
    PutProfile {
        /// The whole profile as it should be.
        profile: Box<WeightProfile>,
    },
    /// Change the scenario's title in one language.
    SetTitle {
        /// Language.
        lang: Lang,
        /// New title.
        title: String,
    },
}

/// Why an edit could not be applied (the scenario is left unchanged).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The item named by the edit is not in the scenario.
    #[error("no item with id '{0}'")]
    NotFound(String),
    /// A value is NaN or infinite.
    #[error("the value is not a finite number")]
    NotFinite,
    /// The last profile cannot be deleted.
    #[error("a scenario needs at least one weight profile")]
    LastProfile,
}

impl Edit {
    /// Edits with the same key merge into one undo step while they follow
    /// each other (a slider drag, typing in one field).
    pub fn coalesce_key(&self) -> Option<String> {
        match self {
            Edit::SetWeight {
                profile, criterion, ..
            } => Some(format!("weight/{profile}/{criterion}")),
            Edit::SetRationale {
                alternative,
                criterion,
                lang,
                ..
            } => Some(format!(
                "rationale/{alternative}/{criterion}/{}",
                lang.code()
            )),
            Edit::RenameAlternative { id, lang, .. } => {
                Some(format!("alt-name/{id}/{}", lang.code()))
            }
            Edit::RenameCriterion { id, lang, .. } => {
                Some(format!("crit-name/{id}/{}", lang.code()))
            }
            Edit::RenameProfile { id, lang, .. } => {
                Some(format!("profile-name/{id}/{}", lang.code()))
            }
            Edit::SetUnit { id, .. } => Some(format!("unit/{id}")),
            Edit::SetTitle { lang, .. } => Some(format!("title/{}", lang.code())),
            _ => None,
        }
    }

    /// Applies the edit to `scenario`; on error the scenario is unchanged.
    pub fn apply(&self, s: &mut Scenario) -> Result<(), EditError> {
        match self {
            Edit::SetScore {
                alternative,
                criterion,
                value,
            } => {
                finite(*value)?;
                score_entry(s, alternative, criterion)?.value = *value;
            }
            Edit::SetRange {
                alternative,
                criterion,
                low,
                high,
            } => {
                for v in [low, high].into_iter().flatten() {
                    finite(*v)?;
                }
                let score = score_entry(s, alternative, criterion)?;
                score.low = *low;
                score.high = *high;
            }
            Edit::SetRationale {
                alternative,
                criterion,
                lang,
                text,
            } => score_entry(s, alternative, criterion)?
                .rationale
                .set(*lang, text.clone()),
            Edit::SetIllustrative {
                alternative,
                criterion,
                illustrative,
            } => score_entry(s, alternative, criterion)?.illustrative = *illustrative,
            Edit::SetScoreSources {
                alternative,
                criterion,
                sources,
            } => score_entry(s, alternative, criterion)?.sources = sources.clone(),
            Edit::AddAlternative { name } => {
                let id = fresh_id(
                    &slug(&name.en, "option"),
                    s.alternatives.iter().map(|a| a.id.as_str()),
                );
                for c in &s.criteria {
                    let first = s
                        .scores
                        .iter()
                        .find(|x| x.criterion == c.id)
                        .map_or(0.0, |x| x.value);
                    s.scores.push(blank_score(&id, &c.id, first));
                }
                s.alternatives.push(Alternative {
                    id,
                    name: name.clone(),
                    description: Text::default(),
                    needs: Default::default(),
                });
            }
            Edit::RenameAlternative { id, lang, name } => {
                let a = s
                    .alternatives
                    .iter_mut()
                    .find(|a| &a.id == id)
                    .ok_or_else(|| EditError::NotFound(id.clone()))?;
                a.name.set(*lang, name.clone());
            }
            Edit::MoveAlternative { id, delta } => {
                let i = index_of(s.alternatives.iter().map(|a| &a.id), id)?;
                move_item(&mut s.alternatives, i, *delta);
            }
            Edit::DeleteAlternative { id } => {
                let i = index_of(s.alternatives.iter().map(|a| &a.id), id)?;
                s.alternatives.remove(i);
                s.scores.retain(|x| &x.alternative != id);
            }
            Edit::AddCriterion { name } => {
                let id = fresh_id(
                    &slug(&name.en, "criterion"),
                    s.criteria.iter().map(|c| c.id.as_str()),
                );
                for a in &s.alternatives {
                    s.scores.push(blank_score(&a.id, &id, 0.0));
                }
                for p in &mut s.profiles {
                    p.weights.insert(id.clone(), 0.0);
                }
                s.criteria.push(Criterion {
                    id,
                    name: name.clone(),
                    description: Text::default(),
                    direction: Direction::Maximize,
                    unit: String::new(),
                    scale: None,
                    veto: None,
                    preference: Preference::Usual,
                });
            }
            Edit::RenameCriterion { id, lang, name } => {
                criterion_mut(s, id)?.name.set(*lang, name.clone());
            }
            Edit::MoveCriterion { id, delta } => {
                let i = index_of(s.criteria.iter().map(|c| &c.id), id)?;
                move_item(&mut s.criteria, i, *delta);
            }
            Edit::DeleteCriterion { id } => {
                let i = index_of(s.criteria.iter().map(|c| &c.id), id)?;
                s.criteria.remove(i);
                s.scores.retain(|x| &x.criterion != id);
                for p in &mut s.profiles {
                    p.weights.remove(id);
                    p.bounds.remove(id);
                    p.vetoes.remove(id);
                }
            }
            Edit::SetDirection { id, direction } => {
                // A fixed scale keeps its range: worst and best trade places
                // so that best stays the better end (one undoable step).
                let c = criterion_mut(s, id)?;
                c.direction = *direction;
                c.scale = c.scale.map(|sc| {
                    if sc.agrees_with(*direction) {
                        sc
                    } else {
                        sc.flipped()
                    }
                });
            }
            Edit::SetUnit { id, unit } => criterion_mut(s, id)?.unit = unit.clone(),
            Edit::SetScale { id, scale } => {
                if let Some(sc) = scale {
                    finite(sc.worst)?;
                    finite(sc.best)?;
                }
                let c = criterion_mut(s, id)?;
                c.scale = *scale;
                // Best above worst means more is better: the direction
                // follows the scale (in the same step), so they never disagree.
                if let Some(sc) = scale
                    && sc.worst != sc.best
                    && !sc.agrees_with(c.direction)
                {
                    c.direction = match c.direction {
                        Direction::Maximize => Direction::Minimize,
                        Direction::Minimize => Direction::Maximize,
                    };
                }
            }
            Edit::SetVeto { id, veto } => {
                if let Some(v) = veto {
                    finite(*v)?;
                }
                criterion_mut(s, id)?.veto = *veto;
            }
            Edit::SetWeight {
                profile,
                criterion,
                weight,
            } => {
                finite(*weight)?;
                if s.criterion(criterion).is_none() {
                    return Err(EditError::NotFound(criterion.clone()));
                }
                let p = profile_mut(s, profile)?;
                if p.weight(criterion) != *weight {
                    // Weights moved by hand no longer follow the recorded elicitation.
                    p.elicitation = Some(crate::model::Elicitation::Direct);
                }
                p.weights.insert(criterion.clone(), *weight);
            }
            Edit::PutProfile { profile } => {
                if profile.weights.values().any(|w| !w.is_finite() || *w < 0.0) {
                    return Err(EditError::NotFinite);
                }
                if let Some(c) = profile.weights.keys().find(|c| s.criterion(c).is_none()) {
                    return Err(EditError::NotFound(c.clone()));
                }
                match s.profiles.iter_mut().find(|p| p.id == profile.id) {
                    Some(p) => *p = (**profile).clone(),
                    None => s.profiles.push((**profile).clone()),
                }
            }
            Edit::SetActiveProfile { id } => {
                profile_mut(s, id)?;
                s.active_profile = id.clone();
            }
            Edit::AddProfile { name } => {
                let id = fresh_id(
                    &slug(&name.en, "profile"),
                    s.profiles.iter().map(|p| p.id.as_str()),
                );
                let mut p = WeightProfile::new(id.clone(), name.clone());
                for c in &s.criteria {
                    p.weights.insert(c.id.clone(), 1.0);
                }
                s.profiles.push(p);
                s.active_profile = id;
            }
            Edit::DuplicateProfile { id, name } => {
                let mut copy = profile_mut(s, id)?.clone();
                copy.id = fresh_id(
                    &slug(&name.en, "profile"),
                    s.profiles.iter().map(|p| p.id.as_str()),
                );
                copy.name = name.clone();
                s.active_profile = copy.id.clone();
                s.profiles.push(copy);
            }
            Edit::RenameProfile { id, lang, name } => {
                profile_mut(s, id)?.name.set(*lang, name.clone());
            }
            Edit::DeleteProfile { id } => {
                if s.profiles.len() <= 1 {
                    return Err(EditError::LastProfile);
                }
                let i = index_of(s.profiles.iter().map(|p| &p.id), id)?;
                s.profiles.remove(i);
                if &s.active_profile == id {
                    s.active_profile = s.profiles[i.min(s.profiles.len() - 1)].id.clone();
                }
            }
            Edit::SetTitle { lang, title } => s.title.set(*lang, title.clone()),
        }
        Ok(())
    }
}

fn finite(x: f64) -> Result<(), EditError> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(EditError::NotFinite)
    }
}

fn blank_score(alternative: &str, criterion: &str, value: f64) -> Score {
    Score {
        alternative: alternative.to_string(),
        criterion: criterion.to_string(),
        value,
        low: None,
        high: None,
        rationale: Text::default(),
        sources: Vec::new(),
        illustrative: false,
    }
}

fn score_entry<'a>(
    s: &'a mut Scenario,
    alternative: &str,
    criterion: &str,
) -> Result<&'a mut Score, EditError> {
    if s.alternative(alternative).is_none() {
        return Err(EditError::NotFound(alternative.to_string()));
    }
    if s.criterion(criterion).is_none() {
        return Err(EditError::NotFound(criterion.to_string()));
    }
    // A missing score (a validation problem) is created by editing its cell.
    if s.score(alternative, criterion).is_none() {
        s.scores.push(blank_score(alternative, criterion, 0.0));
    }
    s.score_mut(alternative, criterion)
        .ok_or_else(|| EditError::NotFound(criterion.to_string()))
}

fn criterion_mut<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut Criterion, EditError> {
    s.criteria
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

fn profile_mut<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut WeightProfile, EditError> {
    s.profiles
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

fn index_of<'a>(mut ids: impl Iterator<Item = &'a String>, id: &str) -> Result<usize, EditError> {
    ids.position(|x| x == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

fn move_item<T>(items: &mut Vec<T>, from: usize, delta: isize) {
    let to = from
        .saturating_add_signed(delta)
        .min(items.len().saturating_sub(1));
    if to != from {
        let item = items.remove(from);
        items.insert(to, item);
    }
}

/// A lowercase ASCII identifier made from a display name ("Local impact" → "local_impact").
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `base`, or `base_2`, `base_3`... whichever is not taken yet.
pub fn fresh_id<'a>(base: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|k| format!("{base}_{k}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    fn default() -> Scenario {
        crate::app::fixture::fixture()
    }

    #[test]
    fn adding_an_option_keeps_the_scenario_valid() {
        let mut s = default();
        Edit::AddAlternative {
            name: Text::new("New option"),
        }
        .apply(&mut s)
        .expect("applies");
        assert_eq!(s.alternatives.len(), 5);
        assert_eq!(s.alternatives[4].id, "new_option");
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    }

    #[test]
    fn adding_and_deleting_a_criterion_keeps_the_scenario_valid() {
        let mut s = default();
        Edit::AddCriterion {
            name: Text::new("Risk to personnel"),
        }
        .apply(&mut s)
        .expect("applies");
        let id = s.criteria[3].id.clone();
        assert_eq!(id, "risk_to_personnel");
        assert!(validate(&s).is_empty());
        Edit::DeleteCriterion { id: "risk".into() }
            .apply(&mut s)
            .expect("applies");
        assert!(s.scores.iter().all(|x| x.criterion != "risk"));
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    }

    #[test]
    fn moving_clamps_at_the_ends() {
        let mut s = default();
        Edit::MoveAlternative {
            id: "mali".into(),
            delta: -1,
        }
        .apply(&mut s)
        .expect("applies");
        assert_eq!(s.alternatives[0].id, "mali");
        Edit::MoveAlternative {
            id: "mali".into(),
            delta: 10,
        }
        .apply(&mut s)
        .expect("applies");
        assert_eq!(s.alternatives[3].id, "mali");
    }

    #[test]
    fn bad_values_are_refused_and_leave_the_scenario_alone() {
        let mut s = default();
        let before = s.clone();
        let e = Edit::SetScore {
            alternative: "mali".into(),
            criterion: "risk".into(),
            value: f64::NAN,
        };
        assert_eq!(e.apply(&mut s), Err(EditError::NotFinite));
        let e = Edit::SetScore {
            alternative: "nowhere".into(),
            criterion: "risk".into(),
            value: 1.0,
        };
        assert!(matches!(e.apply(&mut s), Err(EditError::NotFound(_))));
        assert_eq!(s, before);
    }

    #[test]
    fn the_last_profile_cannot_be_deleted() {
        let mut s = default();
        let e = Edit::DeleteProfile {
            id: "whole_of_government".into(),
        };
        assert_eq!(e.apply(&mut s), Err(EditError::LastProfile));
        Edit::DuplicateProfile {
            id: "whole_of_government".into(),
            name: Text::new("Defence"),
        }
        .apply(&mut s)
        .expect("applies");
        assert_eq!(s.active_profile, "defence");
        e.apply(&mut s).expect("now allowed");
        assert_eq!(s.profiles.len(), 1);
        assert_eq!(s.active_profile, "defence");
    }

    #[test]
    fn slugs_and_fresh_ids() {
        assert_eq!(slug("Local impact (0-10)", "x"), "local_impact_0_10");
        assert_eq!(slug("Éé", "x"), "x");
        assert_eq!(fresh_id("a", ["a", "a_2"].into_iter()), "a_3");
    }
}
