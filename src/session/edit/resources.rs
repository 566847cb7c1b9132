//! Edits of resources, their caps and each option's needs (packages).

use super::*;

/// Applies an edit of this family (`Edit::apply` sends only these here).
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<(), EditError> {
    match edit {
        Edit::AddResource { name } => {
            let id = fresh_id(
                &slug(&name.en, "resource"),
                s.resources.iter().map(|r| r.id.as_str()),
            );
            s.resources.push(Resource {
                id,
                name: name.clone(),
                unit: Text::default(),
                cap: 0.0,
            });
        }
        Edit::RenameResource { id, lang, name } => {
            rename(
                &mut resource_mut(s, id)?.name,
                *lang,
                name,
                Some("gui.new_resource_name"),
            );
        }
        Edit::SetResourceUnit { id, lang, unit } => {
            rename(&mut resource_mut(s, id)?.unit, *lang, unit, None)
        }
        Edit::SetCap { id, cap } => {
            amount(*cap)?;
            resource_mut(s, id)?.cap = *cap;
        }
        Edit::DeleteResource { id } => {
            let i = index_of(s.resources.iter().map(|r| &r.id), id)?;
            s.resources.remove(i);
            for a in &mut s.alternatives {
                a.needs.remove(id);
            }
        }
        Edit::SetNeed {
            alternative,
            resource,
            need,
        } => {
            if let Some(x) = need {
                amount(*x)?;
            }
            resource_mut(s, resource)?;
            let a = s
                .alternatives
                .iter_mut()
                .find(|a| &a.id == alternative)
                .ok_or_else(|| EditError::NotFound(alternative.clone()))?;
            match need {
                Some(x) => a.needs.insert(resource.clone(), *x),
                None => a.needs.remove(resource),
            };
        }
        Edit::SetCombinable { combinable } => s.combinable = *combinable,
        // Other families never reach here: see `Edit::apply`.
        _ => {}
    }
    Ok(())
}
