//! Edits of weights and weight profiles.

use super::*;

/// Applies an edit of this family (`Edit::apply` sends only these here).
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<(), EditError> {
    match edit {
        Edit::SetWeight {
            profile,
            criterion,
            weight,
        } => set_weight(s, profile, criterion, *weight)?,
        Edit::PutProfile { profile } => put_profile(s, profile)?,
        Edit::SetActiveProfile { id } => {
            profile_mut(s, id)?;
            s.active_profile = id.clone();
        }
        Edit::AddProfile { name } => add_profile(s, name)?,
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
            rename(
                &mut profile_mut(s, id)?.name,
                *lang,
                name,
                Some("gui.new_profile_name"),
            );
        }
        Edit::DeleteProfile { id } => delete_profile(s, id)?,
        // Other families never reach here: see `Edit::apply`.
        _ => {}
    }
    Ok(())
}

/// Sets one weight (of a criterion or a group) in one profile.
fn set_weight(
    s: &mut Scenario,
    profile: &str,
    criterion: &str,
    weight: f64,
) -> Result<(), EditError> {
    finite(weight)?;
    // A criterion's or a group's weight (value tree).
    if s.criterion(criterion).is_none() && s.group(criterion).is_none() {
        return Err(EditError::NotFound(criterion.to_string()));
    }
    let p = profile_mut(s, profile)?;
    if p.weight(criterion) != weight {
        // Weights moved by hand no longer follow the recorded elicitation.
        p.elicitation = Some(crate::model::Elicitation::Direct);
    }
    p.weights.insert(criterion.to_string(), weight);
    Ok(())
}

/// Replaces (or adds) a whole profile, as the weighting dialogs do.
fn put_profile(s: &mut Scenario, profile: &WeightProfile) -> Result<(), EditError> {
    if profile.weights.values().any(|w| !w.is_finite() || *w < 0.0) {
        return Err(EditError::NotFinite);
    }
    // Weights are keyed by criterion or group (value tree).
    if let Some(c) = profile
        .weights
        .keys()
        .find(|c| s.criterion(c).is_none() && s.group(c).is_none())
    {
        return Err(EditError::NotFound(c.clone()));
    }
    match s.profiles.iter_mut().find(|p| p.id == profile.id) {
        Some(p) => *p = profile.clone(),
        None => s.profiles.push(profile.clone()),
    }
    Ok(())
}

/// Adds a profile weighting every criterion 1 and makes it active.
fn add_profile(s: &mut Scenario, name: &Text) -> Result<(), EditError> {
    let id = fresh_id(
        &slug(&name.en, "profile"),
        s.profiles.iter().map(|p| p.id.as_str()),
    );
    let mut p = WeightProfile::new(id.to_string(), name.clone());
    for c in &s.criteria {
        p.weights.insert(c.id.to_string(), 1.0);
    }
    s.profiles.push(p);
    s.active_profile = id;
    Ok(())
}

/// Deletes a profile (never the last); the next one becomes active.
fn delete_profile(s: &mut Scenario, id: &str) -> Result<(), EditError> {
    if s.profiles.len() <= 1 {
        return Err(EditError::LastProfile);
    }
    let i = index_of(s.profiles.iter().map(|p| &p.id), id)?;
    s.profiles.remove(i);
    if s.active_profile == id {
        s.active_profile = s.profiles[i.min(s.profiles.len() - 1)].id.to_string();
    }
    Ok(())
}
