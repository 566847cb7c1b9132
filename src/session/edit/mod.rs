//! Scenario edits as values: every change the GUI makes to a scenario is an
//! [`Edit`], applied in one place so undo/redo and the unsaved flag follow.

use crate::model::{
    Alternative, Criterion, Direction, Lang, Preference, Resource, Scale, Scenario, Score, Text,
    ValueFunction, WeightProfile,
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

/// Why a value function typed or dragged in cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueFunctionFault {
    /// Fewer than two points.
    TooFewPoints,
    /// A point is not a finite number.
    NotFinite,
    /// A value outside 0..=100.
    ValueOutOfRange,
    /// The x values do not strictly increase.
    NotIncreasing,
    /// Values fall where the criterion says more is better (or the
    /// reverse), or never change.
    AgainstDirection,
}

/// Why an edit could not be applied (the scenario is left unchanged).
/// [`EditError::message`] says it to the user with display names.
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
    /// A score outside its criterion's fixed scale.
    #[error("{value} is outside the fixed scale {worst}..{best} of '{criterion}'")]
    OutsideScale {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
        /// The value refused.
        value: f64,
        /// The scale's worst end.
        worst: f64,
        /// The scale's best end.
        best: f64,
    },
    /// An uncertainty range that would not hold the score's value.
    #[error("the range {low:?}..{high:?} does not hold the value {value}")]
    RangeExcludesValue {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
        /// Lower end asked for.
        low: Option<f64>,
        /// Upper end asked for.
        high: Option<f64>,
        /// The score's value.
        value: f64,
    },
    /// Evidence for a score that has no value yet.
    #[error("'{alternative}' is not yet scored on '{criterion}'")]
    NotYetScored {
        /// Alternative id.
        alternative: String,
        /// Criterion id.
        criterion: String,
    },
    /// A cap or a need below zero.
    #[error("a resource amount cannot be negative")]
    Negative,
    /// A group moved into itself or into one of its own groups.
    #[error("'{id}' cannot go inside itself")]
    IntoItself {
        /// Group id.
        id: String,
    },
    /// A value function of the wrong shape.
    #[error("the value function of '{criterion}' is refused: {fault:?}")]
    ValueFunction {
        /// Criterion id.
        criterion: String,
        /// What is wrong.
        fault: ValueFunctionFault,
    },
}

impl EditError {
    /// The reason in `lang`, naming options and criteria by their display names.
    pub fn message(&self, s: &Scenario, lang: Lang) -> String {
        let v = |x: f64| crate::i18n::value(x, 6, lang);
        let cell = |a: &str, c: &str| {
            format!(
                "{} × {}",
                s.alternative_name(a, lang),
                s.criterion_name(c, lang)
            )
        };
        match self {
            EditError::NotFound(id) => crate::tr!(lang, "gui.edit.not_found", id = id),
            EditError::NotFinite => crate::tr!(lang, "gui.edit.not_finite"),
            EditError::LastProfile => crate::tr!(lang, "gui.edit.last_profile"),
            EditError::OutsideScale {
                alternative,
                criterion,
                value,
                worst,
                best,
            } => crate::tr!(
                lang,
                "gui.edit.outside_scale",
                cell = cell(alternative, criterion),
                value = v(*value),
                worst = v(*worst),
                best = v(*best)
            ),
            EditError::RangeExcludesValue {
                alternative,
                criterion,
                low,
                high,
                value,
            } => crate::tr!(
                lang,
                "gui.edit.range_excludes_value",
                cell = cell(alternative, criterion),
                low = low.map_or_else(|| v(*value), v),
                high = high.map_or_else(|| v(*value), v),
                value = v(*value)
            ),
            EditError::NotYetScored {
                alternative,
                criterion,
            } => crate::tr!(
                lang,
                "gui.edit.not_yet_scored",
                cell = cell(alternative, criterion)
            ),
            EditError::Negative => crate::tr!(lang, "gui.edit.negative"),
            EditError::IntoItself { id } => {
                crate::tr!(
                    lang,
                    "tree.edit.into_itself",
                    group = node_name(s, id, lang)
                )
            }
            EditError::ValueFunction { criterion, fault } => {
                let key = match fault {
                    ValueFunctionFault::TooFewPoints => "tree.vf.fault.too_few",
                    ValueFunctionFault::NotFinite => "tree.vf.fault.not_finite",
                    ValueFunctionFault::ValueOutOfRange => "tree.vf.fault.value_range",
                    ValueFunctionFault::NotIncreasing => "tree.vf.fault.not_increasing",
                    ValueFunctionFault::AgainstDirection => {
                        match s.criterion(criterion).map(|c| c.direction) {
                            Some(Direction::Minimize) => "tree.vf.fault.against_min",
                            _ => "tree.vf.fault.against_max",
                        }
                    }
                };
                crate::tr!(
                    lang,
                    "tree.vf.refused",
                    criterion = s.criterion_name(criterion, lang),
                    reason = crate::tr!(lang, key)
                )
            }
        }
    }
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
            Edit::SetScore {
                alternative,
                criterion,
                value,
            } => {
                finite(*value)?;
                if let Some(scale) = s.criterion(criterion).and_then(|c| c.scale) {
                    let (lo, hi) = (scale.worst.min(scale.best), scale.worst.max(scale.best));
                    if *value < lo || *value > hi {
                        return Err(EditError::OutsideScale {
                            alternative: alternative.clone(),
                            criterion: criterion.clone(),
                            value: *value,
                            worst: scale.worst,
                            best: scale.best,
                        });
                    }
                }
                let score = score_entry(s, alternative, criterion, true)?;
                score.value = *value;
                // A what-if value outside the stated uncertainty widens the
                // range to hold it (the state tells the user), so the
                // scenario stays valid and the results stay on screen.
                if let Some(low) = score.low
                    && *value < low
                {
                    score.low = Some(*value);
                }
                if let Some(high) = score.high
                    && *value > high
                {
                    score.high = Some(*value);
                }
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
                let score = score_entry(s, alternative, criterion, false)?;
                let value = score.value;
                if low.is_some_and(|l| l > value) || high.is_some_and(|h| h < value) {
                    return Err(EditError::RangeExcludesValue {
                        alternative: alternative.clone(),
                        criterion: criterion.clone(),
                        low: *low,
                        high: *high,
                        value,
                    });
                }
                score.low = *low;
                score.high = *high;
            }
            Edit::SetRationale {
                alternative,
                criterion,
                lang,
                text,
            } => score_entry(s, alternative, criterion, false)?
                .rationale
                .set(*lang, text.clone()),
            Edit::SetIllustrative {
                alternative,
                criterion,
                illustrative,
            } => score_entry(s, alternative, criterion, false)?.illustrative = *illustrative,
            Edit::SetScoreSources {
                alternative,
                criterion,
                sources,
            } => score_entry(s, alternative, criterion, false)?.sources = sources.clone(),
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
            Edit::AddCriterion { name } => {
                // Criteria and groups share one namespace of ids.
                let id = fresh_id(&slug(&name.en, "criterion"), crate::session::tree_edit::node_ids(s));
                for p in &mut s.profiles {
                    p.weights.insert(id.clone(), 0.0);
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
            }
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
            Edit::DeleteCriterion { id } => {
                let i = index_of(s.criteria.iter().map(|c| &c.id), id)?;
                s.criteria.remove(i);
                s.scores.retain(|x| &x.criterion != id);
                for g in &mut s.groups {
                    g.children.retain(|c| c != id);
                }
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
                if c.direction != *direction {
                    turn_round(c);
                }
            }
            Edit::SetUnit { id, lang, unit } => {
                rename(&mut criterion_mut(s, id)?.unit, *lang, unit, None)
            }
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
                    turn_round(c);
                    c.scale = *scale;
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
                // A criterion's or a group's weight (value tree).
                if s.criterion(criterion).is_none() && s.group(criterion).is_none() {
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
                // Weights are keyed by criterion or group (value tree).
                if let Some(c) = profile
                    .weights
                    .keys()
                    .find(|c| s.criterion(c).is_none() && s.group(c).is_none())
                {
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
                rename(
                    &mut profile_mut(s, id)?.name,
                    *lang,
                    name,
                    Some("gui.new_profile_name"),
                );
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
        }
        Ok(())
    }
}

/// Turns a criterion's direction round, one step for everything that
/// follows it: a fixed scale swaps worst and best, and a value function is
/// mirrored (v becomes 100 − v) so that it still rises towards the better end.
fn turn_round(c: &mut Criterion) {
    c.direction = match c.direction {
        Direction::Maximize => Direction::Minimize,
        Direction::Minimize => Direction::Maximize,
    };
    c.scale = c.scale.map(|sc| {
        if sc.agrees_with(c.direction) {
            sc
        } else {
            sc.flipped()
        }
    });
    c.value_function = c.value_function.as_ref().map(crate::session::tree_edit::mirrored);
}

/// Display name of a criterion or group id in `lang` (the id if unknown).
fn node_name(s: &Scenario, id: &str, lang: Lang) -> String {
    match s.group(id) {
        Some(g) => g.name.get(lang).to_string(),
        None => s.criterion_name(id, lang),
    }
}

fn finite(x: f64) -> Result<(), EditError> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(EditError::NotFinite)
    }
}

fn amount(x: f64) -> Result<(), EditError> {
    finite(x)?;
    if x < 0.0 {
        Err(EditError::Negative)
    } else {
        Ok(())
    }
}

/// Sets the `lang` version of a name. The other language follows (French
/// then falls back to English, with the fallback mark) unless it was
/// translated separately: present, and neither a copy of this language's
/// text nor the name Tradeoff generated for a new item (`generated_key` in
/// the catalogue). Typing where this language had no text of its own adds a
/// translation and leaves the other alone.
fn rename(text: &mut Text, lang: Lang, name: &str, generated_key: Option<&str>) {
    let own = |t: &Text, l: Lang| -> Option<String> {
        match l {
            Lang::En => Some(t.en.clone()),
            Lang::Fr => t.fr.clone(),
        }
        .filter(|x| !x.is_empty())
    };
    let other = match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    };
    let follows = match (own(text, lang), own(text, other)) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(mine), Some(theirs)) => {
            theirs == mine
                || generated_key.is_some_and(|key| is_generated_name(&theirs, other, key))
        }
    };
    text.set(lang, name.to_string());
    if follows {
        match other {
            Lang::Fr => text.fr = None,
            // English is the reference text and must hold a name.
            Lang::En => text.en = name.to_string(),
        }
    }
}

/// True when `text` is what the catalogue entry `key` ("Option %{n}") gives
/// in `lang` for some number n.
fn is_generated_name(text: &str, lang: Lang, key: &str) -> bool {
    const MARK: char = '\u{1}';
    let template = crate::tr!(lang, key, n = MARK);
    let Some((prefix, suffix)) = template.split_once(MARK) else {
        return false;
    };
    text.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
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

/// The score of a cell; `create` makes a not-yet-scored cell's score (only
/// typing a value does: evidence needs a value to be about).
fn score_entry<'a>(
    s: &'a mut Scenario,
    alternative: &str,
    criterion: &str,
    create: bool,
) -> Result<&'a mut Score, EditError> {
    if s.alternative(alternative).is_none() {
        return Err(EditError::NotFound(alternative.to_string()));
    }
    if s.criterion(criterion).is_none() {
        return Err(EditError::NotFound(criterion.to_string()));
    }
    if s.score(alternative, criterion).is_none() {
        if !create {
            return Err(EditError::NotYetScored {
                alternative: alternative.to_string(),
                criterion: criterion.to_string(),
            });
        }
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

fn resource_mut<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut Resource, EditError> {
    s.resources
        .iter_mut()
        .find(|r| r.id == id)
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
        crate::session::fixture::fixture()
    }

    #[test]
    fn a_new_option_is_not_yet_scored_and_left_out_with_that_reason() {
        let mut s = default();
        Edit::AddAlternative {
            name: Text::new("New option"),
        }
        .apply(&mut s)
        .expect("applies");
        assert_eq!(s.alternatives.len(), 5);
        assert_eq!(s.alternatives[4].id, "new_option");
        assert!(s.scores.iter().all(|x| x.alternative != "new_option"));
        let problems = validate(&s);
        assert!(!crate::model::has_errors(&problems), "{problems:?}");
        assert_eq!(problems.len(), 3, "one warning per criterion: {problems:?}");
        let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
        assert!(e.ranking.iter().all(|r| r.alternative != "new_option"));
        let x = e
            .excluded
            .iter()
            .find(|x| x.alternative == "new_option")
            .expect("excluded");
        assert_eq!(
            x.reasons,
            vec![crate::analysis::Reason::NotYetScored {
                criteria: vec!["risk".into(), "cost".into(), "impact".into()]
            }]
        );
        assert_eq!(
            crate::report::exclusions::reason_message(&s, &x.reasons[0], Lang::En),
            "not yet scored on any criterion"
        );
        // Scored on one criterion: the message lists the other two.
        Edit::SetScore {
            alternative: "new_option".into(),
            criterion: "cost".into(),
            value: 100.0,
        }
        .apply(&mut s)
        .expect("applies");
        let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
        let x = e.excluded.first().expect("still excluded");
        assert_eq!(
            crate::report::exclusions::reason_message(&s, &x.reasons[0], Lang::Fr),
            "pas encore noté sur Risque pour le personnel, Impact local"
        );
    }

    #[test]
    fn a_new_criterion_is_left_out_until_scored_then_options_without_it_are() {
        let mut s = default();
        let before =
            crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
        Edit::AddCriterion {
            name: Text::new("Language fit"),
        }
        .apply(&mut s)
        .expect("applies");
        Edit::SetWeight {
            profile: "whole_of_government".into(),
            criterion: "language_fit".into(),
            weight: 0.5,
        }
        .apply(&mut s)
        .expect("applies");
        assert!(!crate::model::has_errors(&validate(&s)));
        assert_eq!(s.unscored_criteria(), vec!["language_fit"]);
        // Nobody scored it: left out, so the ranking is the one before.
        let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
        assert_eq!(e.ranking, before.ranking);
        assert!(e.excluded.is_empty());
        assert!(!e.matrix.criteria.contains(&"language_fit".to_string()));
        // A new option then misses every criterion in use: said in short.
        Edit::AddAlternative {
            name: Text::new("Late"),
        }
        .apply(&mut s)
        .expect("applies");
        let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
        let x = e.excluded.first().expect("the new option");
        assert_eq!(
            crate::report::exclusions::reason_message(&s, &x.reasons[0], Lang::En),
            "not yet scored on any criterion"
        );
        Edit::DeleteAlternative { id: "late".into() }
            .apply(&mut s)
            .expect("applies");
        // Scored for Mali only: the others wait for their score.
        Edit::SetScore {
            alternative: "mali".into(),
            criterion: "language_fit".into(),
            value: 4.0,
        }
        .apply(&mut s)
        .expect("applies");
        let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
        assert_eq!(e.ranking.len(), 1);
        assert_eq!(e.excluded.len(), 3);
        Edit::DeleteCriterion {
            id: "language_fit".into(),
        }
        .apply(&mut s)
        .expect("applies");
        assert!(s.scores.iter().all(|x| x.criterion != "language_fit"));
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    }

    #[test]
    fn a_what_if_value_outside_the_range_widens_it_and_the_scale_refuses() {
        let mut s = default();
        Edit::SetRange {
            alternative: "mali".into(),
            criterion: "risk".into(),
            low: Some(7.0),
            high: Some(9.0),
        }
        .apply(&mut s)
        .expect("holds 8");
        let set = |v: f64| Edit::SetScore {
            alternative: "mali".into(),
            criterion: "risk".into(),
            value: v,
        };
        set(3.0).apply(&mut s).expect("applies");
        let x = s.score("mali", "risk").expect("score");
        assert_eq!((x.low, x.value, x.high), (Some(3.0), 3.0, Some(9.0)));
        set(9.5).apply(&mut s).expect("applies");
        let x = s.score("mali", "risk").expect("score");
        assert_eq!((x.low, x.value, x.high), (Some(3.0), 9.5, Some(9.5)));
        assert!(validate(&s).is_empty());
        // A range that leaves the value out is refused, naming the cell.
        let before = s.clone();
        let e = Edit::SetRange {
            alternative: "mali".into(),
            criterion: "risk".into(),
            low: Some(1.0),
            high: Some(2.0),
        }
        .apply(&mut s)
        .expect_err("refused");
        assert_eq!(s, before);
        assert!(
            e.message(&s, Lang::En)
                .starts_with("Mali (MINUSMA) × Risk to personnel:"),
            "{}",
            e.message(&s, Lang::En)
        );
        // On a fixed 0–10 scale, 15 is refused and the value stays; the ends are accepted.
        s.criteria[0].scale = Some(Scale {
            worst: 10.0,
            best: 0.0,
        });
        let before = s.clone();
        let e = set(15.0).apply(&mut s).expect_err("outside the scale");
        assert_eq!(s, before);
        let fr = e.message(&s, Lang::Fr);
        assert!(
            fr.contains("Mali (MINUSMA) × Risque pour le personnel"),
            "{fr}"
        );
        assert!(fr.contains("15"), "{fr}");
        set(10.0)
            .apply(&mut s)
            .expect("the worst end is on the scale");
        set(0.0)
            .apply(&mut s)
            .expect("the best end is on the scale");
    }

    #[test]
    fn evidence_needs_a_value_first() {
        let mut s = default();
        Edit::AddAlternative {
            name: Text::new("New"),
        }
        .apply(&mut s)
        .expect("applies");
        let before = s.clone();
        let e = Edit::SetRationale {
            alternative: "new".into(),
            criterion: "risk".into(),
            lang: Lang::En,
            text: "why".into(),
        };
        assert!(matches!(
            e.apply(&mut s),
            Err(EditError::NotYetScored { .. })
        ));
        assert_eq!(s, before);
    }

    #[test]
    fn a_rename_carries_to_the_other_language_unless_translated_separately() {
        let mut s = default();
        // A generated name in both languages follows the edited one.
        Edit::AddAlternative {
            name: Text::bilingual("Option 5", "Option 5"),
        }
        .apply(&mut s)
        .expect("applies");
        Edit::RenameAlternative {
            id: "option_5".into(),
            lang: Lang::En,
            name: "Air task force".into(),
        }
        .apply(&mut s)
        .expect("applies");
        let name = &s.alternative("option_5").expect("there").name;
        assert_eq!(name.get_with_fallback(Lang::Fr), ("Air task force", true));
        // Typing French where it fell back adds a translation; English stays.
        Edit::RenameAlternative {
            id: "option_5".into(),
            lang: Lang::Fr,
            name: "Force aérienne".into(),
        }
        .apply(&mut s)
        .expect("applies");
        let name = &s.alternative("option_5").expect("there").name;
        assert_eq!(name.get(Lang::En), "Air task force");
        assert_eq!(name.get_with_fallback(Lang::Fr), ("Force aérienne", false));
        // Generated names that differ per language ("Criterion 4" /
        // "Critère 4") follow too, from either language.
        Edit::AddCriterion {
            name: Text::bilingual("Criterion 4", "Critère 4"),
        }
        .apply(&mut s)
        .expect("applies");
        Edit::RenameCriterion {
            id: "criterion_4".into(),
            lang: Lang::Fr,
            name: "Langue".into(),
        }
        .apply(&mut s)
        .expect("applies");
        let name = &s.criterion("criterion_4").expect("there").name;
        assert_eq!(name.get(Lang::En), "Langue");
        assert_eq!(name.get(Lang::Fr), "Langue");
        // A separate translation stays.
        Edit::RenameAlternative {
            id: "mali".into(),
            lang: Lang::En,
            name: "Mali".into(),
        }
        .apply(&mut s)
        .expect("applies");
        Edit::RenameCriterion {
            id: "cost".into(),
            lang: Lang::En,
            name: "Cost to Canada".into(),
        }
        .apply(&mut s)
        .expect("applies");
        let cost = &s.criterion("cost").expect("there").name;
        assert_eq!(cost.get_with_fallback(Lang::Fr), ("Coût", false));
        // "Mali (MINUSMA)" was the same in both: a copy, so it follows.
        let mali = &s.alternative("mali").expect("there").name;
        assert_eq!(mali.get_with_fallback(Lang::Fr), ("Mali", true));
    }

    #[test]
    fn resources_caps_needs_and_the_package_flag_are_edits() {
        let mut s = default();
        Edit::AddResource {
            name: Text::bilingual("Resource 1", "Ressource 1"),
        }
        .apply(&mut s)
        .expect("applies");
        let id = s.resources[0].id.clone();
        Edit::SetCap {
            id: id.clone(),
            cap: 100.0,
        }
        .apply(&mut s)
        .expect("applies");
        Edit::SetNeed {
            alternative: "mali".into(),
            resource: id.clone(),
            need: Some(150.0),
        }
        .apply(&mut s)
        .expect("applies");
        let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
        assert_eq!(e.excluded.len(), 1);
        assert_eq!(e.excluded[0].alternative, "mali");
        assert_eq!(
            Edit::SetCap {
                id: id.clone(),
                cap: -1.0
            }
            .apply(&mut s),
            Err(EditError::Negative)
        );
        Edit::SetCombinable { combinable: true }
            .apply(&mut s)
            .expect("applies");
        assert!(s.combinable);
        Edit::DeleteResource { id }.apply(&mut s).expect("applies");
        assert!(s.resources.is_empty());
        assert!(s.alternatives.iter().all(|a| a.needs.is_empty()));
        assert!(validate(&s).is_empty());
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
