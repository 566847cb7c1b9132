//! Edits of the value tree (groups) and of value functions; the tree
//! logic is in [`crate::session::tree_edit`].

use super::*;

/// Applies an edit of this family (`Edit::apply` sends only these here).
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<(), EditError> {
    match edit {
        Edit::AddGroup { name, parent } => {
            crate::session::tree_edit::add_group(s, name, parent.as_deref())?
        }
        Edit::AddCriterionIn { name, group } => {
            if s.group(group).is_none() {
                return Err(EditError::NotFound(group.clone()));
            }
            Edit::AddCriterion { name: name.clone() }.apply(s)?;
            let id = s.criteria.last().map(|c| c.id.clone()).unwrap_or_default();
            crate::session::tree_edit::place_new_criterion(s, &id, group)?;
        }
        Edit::RenameGroup { id, lang, name } => {
            let g = s
                .groups
                .iter_mut()
                .find(|g| &g.id == id)
                .ok_or_else(|| EditError::NotFound(id.clone()))?;
            rename(&mut g.name, *lang, name, Some("tree.new_group_name"));
        }
        Edit::MoveNode { id, parent, before } => {
            crate::session::tree_edit::move_node(s, id, parent.as_deref(), before.as_deref())?
        }
        Edit::DeleteGroup { id } => crate::session::tree_edit::delete_group(s, id)?,
        Edit::SetValueFunction {
            criterion,
            function,
        } => crate::session::tree_edit::set_value_function(s, criterion, function.as_ref())?,
        // Other families never reach here: see `Edit::apply`.
        _ => {}
    }
    Ok(())
}
