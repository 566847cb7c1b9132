//! Edits of the options list.

use super::*;

/// Applies an edit of this family (`Edit::apply` sends only these here).
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<(), EditError> {
    match edit {
        Edit::AddAlternative { name } => {
            let id = fresh_id(
                &slug(&name.en, "option"),
                s.alternatives.iter().map(|a| a.id.as_str()),
            );
            // No scores: the option is "not yet scored" and stays out of
            // the results until every scored criterion has its value.
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
            rename(&mut a.name, *lang, name, Some("gui.new_option_name"));
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
        // Other families never reach here: see `Edit::apply`.
        _ => {}
    }
    Ok(())
}
