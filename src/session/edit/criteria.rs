//! Edits of the criteria list and of one criterion's direction, unit, scale and veto.

use super::*;

/// Applies an edit of this family (`Edit::apply` sends only these here).
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<(), EditError> {
    match edit {
        Edit::AddCriterion { name } => add_criterion(s, name)?,
        Edit::RenameCriterion { id, lang, name } => {
            rename(
                &mut criterion_mut(s, id)?.name,
                *lang,
                name,
                Some("gui.new_criterion_name"),
            );
        }
        Edit::MoveCriterion { id, delta } => {
            let i = index_of(s.criteria.iter().map(|c| &c.id), id)?;
            move_item(&mut s.criteria, i, *delta);
        }
        Edit::DeleteCriterion { id } => delete_criterion(s, id)?,
        Edit::SetDirection { id, direction } => {
            // A fixed scale keeps its range: worst and best trade places
            // so that best stays the better end (one undoable step).
            let c = criterion_mut(s, id)?;
            if c.direction != *direction {
                turn_round(c);
            }
        }
        Edit::SetUnit { id, lang, unit } => {
            rename(&mut criterion_mut(s, id)?.unit, *lang, unit, None)
        }
        Edit::SetScale { id, scale } => set_scale(s, id, *scale)?,
        Edit::SetVeto { id, veto } => {
            if let Some(v) = veto {
                finite(*v)?;
            }
            criterion_mut(s, id)?.veto = *veto;
        }
        // Other families never reach here: see `Edit::apply`.
        _ => {}
    }
    Ok(())
}

/// Adds a criterion with weight 0 in every profile.
fn add_criterion(s: &mut Scenario, name: &Text) -> Result<(), EditError> {
    // Criteria and groups share one namespace of ids.
    let id = fresh_id(
        &slug(&name.en, "criterion"),
        crate::session::tree_edit::node_ids(s),
    );
    for p in &mut s.profiles {
        p.weights.insert(id.to_string(), 0.0);
    }
    s.criteria.push(Criterion {
        id,
        name: name.clone(),
        description: Text::default(),
        direction: Direction::Maximize,
        unit: Text::default(),
        scale: None,
        veto: None,
        preference: Preference::Usual,
        value_function: None,
    });
    Ok(())
}

/// Deletes a criterion with its scores, its place in groups and its weights.
fn delete_criterion(s: &mut Scenario, id: &str) -> Result<(), EditError> {
    let i = index_of(s.criteria.iter().map(|c| &c.id), id)?;
    s.criteria.remove(i);
    s.scores.retain(|x| x.criterion != id);
    for g in &mut s.groups {
        g.children.retain(|c| c != id);
    }
    for p in &mut s.profiles {
        p.weights.remove(id);
        p.bounds.remove(id);
        p.vetoes.remove(id);
    }
    Ok(())
}

/// Sets or clears a fixed scale; the direction follows it.
fn set_scale(s: &mut Scenario, id: &str, scale: Option<Scale>) -> Result<(), EditError> {
    if let Some(sc) = scale {
        finite(sc.worst)?;
        finite(sc.best)?;
    }
    let c = criterion_mut(s, id)?;
    c.scale = scale;
    // Best above worst means more is better: the direction
    // follows the scale (in the same step), so they never disagree.
    if let Some(sc) = scale
        && sc.worst != sc.best
        && !sc.agrees_with(c.direction)
    {
        turn_round(c);
        c.scale = scale;
    }
    Ok(())
}
