//! Why an edit was refused, and how to say it to the user.

use super::*;

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
        let cell = |a: &str, c: &str| cell_name(s, a, c, lang);
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
                value_function_message(s, criterion, *fault, lang)
            }
        }
    }
}

/// Why a value function for `criterion` was refused, in `lang`.
fn value_function_message(
    s: &Scenario,
    criterion: &str,
    fault: ValueFunctionFault,
    lang: Lang,
) -> String {
    let key = match fault {
        ValueFunctionFault::TooFewPoints => "tree.vf.fault.too_few",
        ValueFunctionFault::NotFinite => "tree.vf.fault.not_finite",
        ValueFunctionFault::ValueOutOfRange => "tree.vf.fault.value_range",
        ValueFunctionFault::NotIncreasing => "tree.vf.fault.not_increasing",
        ValueFunctionFault::AgainstDirection => match s.criterion(criterion).map(|c| c.direction) {
            Some(Direction::Minimize) => "tree.vf.fault.against_min",
            _ => "tree.vf.fault.against_max",
        },
    };
    crate::tr!(
        lang,
        "tree.vf.refused",
        criterion = s.criterion_name(criterion, lang),
        reason = crate::tr!(lang, key)
    )
}

/// "Option × Criterion" in `lang`.
fn cell_name(s: &Scenario, alternative: &str, criterion: &str, lang: Lang) -> String {
    format!(
        "{} × {}",
        s.alternative_name(alternative, lang),
        s.criterion_name(criterion, lang)
    )
}
