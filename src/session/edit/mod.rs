//! Scenario edits as values: every change the GUI makes to a scenario is an
//! [`Edit`], applied in one place so undo/redo and the unsaved flag follow.
//! [`Edit::apply`] sends each edit to its family's module (scores,
//! options, criteria, profiles, resources, tree).

use crate::model::{
    Alternative, Criterion, Direction, Lang, Preference, Resource, Scale, Scenario, Score, Text,
    ValueFunction, WeightProfile,
};

mod criteria;
mod error;
mod options;
mod profiles;
mod resources;
mod scores;
mod shared;
mod tree;

pub use error::{EditError, ValueFunctionFault};
use shared::*;

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
    /// Add an option, not yet scored on any criterion (no scores, no needs).
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
    /// Add a criterion (maximise, weight 0 in every profile), not yet scored
    /// for any option: it is left out of the results until scored.
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
    /// Change a criterion's unit in one language.
    SetUnit {
        /// Criterion id.
        id: String,
        /// Language.
        lang: Lang,
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
    /// Add a capped resource (cap 0 until set).
    AddResource {
        /// Display name.
        name: Text,
    },
    /// Rename a resource in one language.
    RenameResource {
        /// Resource id.
        id: String,
        /// Language.
        lang: Lang,
        /// New name.
        name: String,
    },
    /// Change a resource's unit.
    SetResourceUnit {
        /// Resource id.
        id: String,
        /// Language.
        lang: Lang,
        /// New unit.
        unit: String,
    },
    /// Change a resource's cap.
    SetCap {
        /// Resource id.
        id: String,
        /// New cap (not negative).
        cap: f64,
    },
    /// Delete a resource and every option's need of it.
    DeleteResource {
        /// Resource id.
        id: String,
    },
    /// Set or clear what an option needs of a resource.
    SetNeed {
        /// Alternative id.
        alternative: String,
        /// Resource id.
        resource: String,
        /// The amount (None: needs none).
        need: Option<f64>,
    },
    /// Whether several options may be chosen together (a package).
    SetCombinable {
        /// New flag.
        combinable: bool,
    },
    /// Add an empty group of criteria (weight 0 in every profile).
    AddGroup {
        /// Display name.
        name: Text,
        /// The group it goes in (None: the top level).
        parent: Option<String>,
    },
    /// Add a criterion, as [`Edit::AddCriterion`] does, inside a group.
    AddCriterionIn {
        /// Display name.
        name: Text,
        /// The group's id.
        group: String,
    },
    /// Rename a group in one language.
    RenameGroup {
        /// Group id.
        id: String,
        /// Language.
        lang: Lang,
        /// New name.
        name: String,
    },
    /// Move a criterion or group into a group (or to the top level), before
    /// a sibling; every criterion keeps its effective weight in every profile.
    MoveNode {
        /// Criterion or group id.
        id: String,
        /// The group it goes in (None: the top level).
        parent: Option<String>,
        /// The sibling it goes before (None: last).
        before: Option<String>,
    },
    /// Delete a group: its criteria and groups move to its parent, keeping
    /// their effective weights; its own weight leaves every profile.
    DeleteGroup {
        /// Group id.
        id: String,
    },
    /// Set or remove a criterion's value function (None: linear scaling).
    SetValueFunction {
        /// Criterion id.
        criterion: String,
        /// The new function.
        function: Option<ValueFunction>,
    },
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
            Edit::SetUnit { id, lang, .. } => Some(format!("unit/{id}/{}", lang.code())),
            Edit::RenameResource { id, lang, .. } => {
                Some(format!("resource-name/{id}/{}", lang.code()))
            }
            Edit::SetResourceUnit { id, lang, .. } => {
                Some(format!("resource-unit/{id}/{}", lang.code()))
            }
            Edit::SetTitle { lang, .. } => Some(format!("title/{}", lang.code())),
            Edit::RenameGroup { id, lang, .. } => Some(format!("group-name/{id}/{}", lang.code())),
            // A point dragged is one step; the editor ends the run after
            // every other change (typed, preset, added or removed point).
            Edit::SetValueFunction { criterion, .. } => Some(format!("value-fn/{criterion}")),
            _ => None,
        }
    }

    /// Applies the edit to `scenario`; on error the scenario is unchanged.
    pub fn apply(&self, s: &mut Scenario) -> Result<(), EditError> {
        match self {
            Edit::SetScore { .. }
            | Edit::SetRange { .. }
            | Edit::SetRationale { .. }
            | Edit::SetIllustrative { .. }
            | Edit::SetScoreSources { .. } => scores::apply(self, s),
            Edit::AddAlternative { .. }
            | Edit::RenameAlternative { .. }
            | Edit::MoveAlternative { .. }
            | Edit::DeleteAlternative { .. } => options::apply(self, s),
            Edit::AddCriterion { .. }
            | Edit::RenameCriterion { .. }
            | Edit::MoveCriterion { .. }
            | Edit::DeleteCriterion { .. }
            | Edit::SetDirection { .. }
            | Edit::SetUnit { .. }
            | Edit::SetScale { .. }
            | Edit::SetVeto { .. } => criteria::apply(self, s),
            Edit::SetWeight { .. }
            | Edit::PutProfile { .. }
            | Edit::SetActiveProfile { .. }
            | Edit::AddProfile { .. }
            | Edit::DuplicateProfile { .. }
            | Edit::RenameProfile { .. }
            | Edit::DeleteProfile { .. } => profiles::apply(self, s),
            Edit::AddResource { .. }
            | Edit::RenameResource { .. }
            | Edit::SetResourceUnit { .. }
            | Edit::SetCap { .. }
            | Edit::DeleteResource { .. }
            | Edit::SetNeed { .. }
            | Edit::SetCombinable { .. } => resources::apply(self, s),
            Edit::AddGroup { .. }
            | Edit::AddCriterionIn { .. }
            | Edit::RenameGroup { .. }
            | Edit::MoveNode { .. }
            | Edit::DeleteGroup { .. }
            | Edit::SetValueFunction { .. } => tree::apply(self, s),
            Edit::SetTitle { lang, title } => {
                s.title.set(*lang, title.clone());
                Ok(())
            }
        }
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
mod tests;
