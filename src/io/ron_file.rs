//! RON scenario files: parse with positions, serialise readably.

use super::error::{LoadError, LoadErrorKind, SaveError};
use crate::model::{FORMAT_VERSION, Scenario};

/// Parses a scenario from RON text; `label` names the file in errors.
pub fn parse(text: &str, label: &str) -> Result<Scenario, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::from_str::<Scenario>(text)
        .map_err(|e| {
            LoadError::at(
                label,
                e.span.start.line,
                e.span.start.col,
                LoadErrorKind::Syntax(e.code.to_string()),
            )
        })
        .and_then(|s| {
            if s.format_version > FORMAT_VERSION {
                Err(LoadError::at(
                    label,
                    1,
                    1,
                    LoadErrorKind::NewerFormat {
                        found: s.format_version,
                        supported: FORMAT_VERSION,
                    },
                ))
            } else {
                Ok(s)
            }
        })
}

/// Serialises a scenario as pretty RON.
pub fn to_string(scenario: &Scenario) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string());
    ron::ser::to_string_pretty(scenario, config).map_err(|e| SaveError::Serialise(e.to_string()))
}
