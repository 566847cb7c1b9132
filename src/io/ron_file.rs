//! RON scenario files: the version is checked first (a newer file is
//! refused before anything else is read), older versions are migrated, and
//! parser errors become plain-language messages with line and column.

use super::error::{Counted, Expected, Found, LoadError, LoadErrorKind, RonProblem, SaveError};
use super::limits::{MAX_CRITERIA, MAX_NESTING, MAX_OPTIONS};
use super::migrate::ScenarioV1;
use super::outline::{self, Pos};
use crate::model::{FORMAT_VERSION, Scenario};
use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::Deserialize;

/// The parser settings for reading and writing: bounded recursion, and
/// optional values written plainly (`veto: 8`, also accepting `Some(8)`).
fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Value of `format_version` when the field is absent.
const NO_VERSION: u64 = u64::MAX;

fn no_version() -> u64 {
    NO_VERSION
}

/// Just the version: every other field is skipped unread, so a file from a
/// newer program is refused before its content is interpreted.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    #[serde(default = "no_version")]
    format_version: u64,
}

/// Parses a scenario from RON text; `label` names the file in errors.
pub fn parse(text: &str, label: &str) -> Result<Scenario, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if outline::is_blank(text) {
        return Err(LoadError::at(label, 1, 1, LoadErrorKind::Empty));
    }
    // The common case, a valid file of the current version, is read once.
    // Anything else (an error, an older or newer version) takes the careful
    // path below, which checks the version before reading the content.
    if let Ok(scenario) = options().from_str::<Scenario>(text)
        && scenario.format_version == FORMAT_VERSION
    {
        check_counts(&scenario, text, label)?;
        return Ok(scenario);
    }
    let version_at = |kind| {
        let pos = outline::top_field_value(text, "format_version").unwrap_or(Pos::START);
        LoadError::at(label, pos.line, pos.column, kind)
    };
    let probe: VersionProbe = options()
        .from_str(text)
        .map_err(|e| ron_error(&e, text, label))?;
    let scenario = match probe.format_version {
        NO_VERSION => return Err(version_at(LoadErrorKind::MissingVersion)),
        0 => return Err(version_at(LoadErrorKind::UnknownFormat(0))),
        1 => {
            let old = options()
                .from_str::<ScenarioV1>(text)
                .map_err(|e| ron_error(&e, text, label))?
                .migrate();
            refuse_version_3_fields(&old, 1, text, label)?;
            old
        }
        v if v > u64::from(FORMAT_VERSION) => {
            return Err(version_at(LoadErrorKind::NewerFormat {
                found: v,
                supported: FORMAT_VERSION,
            }));
        }
        // Version 2 is version 3 without groups and value functions: it
        // reads as is and is written back as the current version.
        _ => {
            let mut scenario = options()
                .from_str::<Scenario>(text)
                .map_err(|e| ron_error(&e, text, label))?;
            refuse_version_3_fields(&scenario, probe.format_version, text, label)?;
            scenario.format_version = FORMAT_VERSION;
            scenario
        }
    };
    check_counts(&scenario, text, label)?;
    Ok(scenario)
}

/// The format version that introduced groups and value functions.
const TREE_VERSION: u32 = 3;

/// Refuses an older file that uses a field of version 3 (`groups`,
/// `value_function`), pointing at the first one: the file must say so.
fn refuse_version_3_fields(
    scenario: &Scenario,
    version: u64,
    text: &str,
    label: &str,
) -> Result<(), LoadError> {
    let root = outline::outline(text);
    let field_at = |node: Option<&outline::Node>, name: &str| {
        node.and_then(|n| n.field(name))
            .map_or(Pos::START, |f| f.key)
    };
    let (field, pos) = if !scenario.groups.is_empty() {
        ("groups", field_at(root.as_ref(), "groups"))
    } else if let Some(j) = scenario
        .criteria
        .iter()
        .position(|c| c.value_function.is_some())
    {
        let criterion = root
            .as_ref()
            .and_then(|r| r.field("criteria"))
            .and_then(|f| f.value.item(j));
        ("value_function", field_at(criterion, "value_function"))
    } else {
        return Ok(());
    };
    Err(LoadError::at(
        label,
        pos.line,
        pos.column,
        LoadErrorKind::NeedsNewerFormat {
            field,
            found: version,
            needed: TREE_VERSION,
        },
    ))
}

/// Refuses scenarios with more options or criteria than the limits.
fn check_counts(scenario: &Scenario, text: &str, label: &str) -> Result<(), LoadError> {
    for (what, found, limit, field) in [
        (
            Counted::Options,
            scenario.alternatives.len(),
            MAX_OPTIONS,
            "alternatives",
        ),
        (
            Counted::Criteria,
            scenario.criteria.len(),
            MAX_CRITERIA,
            "criteria",
        ),
        (
            Counted::Scores,
            scenario.scores.len(),
            super::limits::MAX_SCORES,
            "scores",
        ),
    ] {
        if found > limit {
            let pos = outline::outline(text)
                .and_then(|root| {
                    root.field(field)
                        .map(|f| f.value.item(limit).map(|n| n.start()))
                })
                .flatten()
                .unwrap_or(Pos::START);
            return Err(LoadError::at(
                label,
                pos.line,
                pos.column,
                LoadErrorKind::TooMany { what, found, limit },
            ));
        }
    }
    Ok(())
}

/// Serialises a scenario as pretty RON (the current format version).
pub fn to_string(scenario: &Scenario) -> Result<String, SaveError> {
    // Items' fields one per line, their small parts (bilingual text, weight
    // maps, scales) inline; apostrophes and accents written as typed.
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string())
        .depth_limit(3)
        .escape_strings(false);
    options()
        .to_string_pretty(scenario, config)
        .map_err(|e| SaveError::new("", super::error::SaveErrorKind::Serialise(e.to_string())))
}

/// Turns ron's error into a located, plain-language load error.
fn ron_error(e: &SpannedError, text: &str, label: &str) -> LoadError {
    let (line, column) = (e.span.start.line.max(1), e.span.start.col.max(1));
    let at_end = past_content(text, line, column);
    // ron often reports the blank before the offending token: point at the token.
    let (line, column) = if at_end {
        (line, column)
    } else {
        skip_blanks(text, line, column)
    };
    let kind = match translate(&e.code) {
        _ if matches!(e.code, RonError::ExceededRecursionLimit) => LoadErrorKind::TooDeep,
        Some(RonProblem::UnclosedString) => LoadErrorKind::Ron(RonProblem::UnclosedString),
        Some(RonProblem::UnclosedComment) => LoadErrorKind::Ron(RonProblem::UnclosedComment),
        _ if at_end || matches!(e.code, RonError::Eof) => {
            LoadErrorKind::Ron(RonProblem::EndsTooEarly)
        }
        Some(p) => LoadErrorKind::Ron(p),
        None => LoadErrorKind::Syntax(e.code.to_string()),
    };
    LoadError::at(label, line, column, kind)
}

/// The first non-blank position at or after (line, column).
fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(line_text) = text.split('\n').nth(line - 1) else {
        return (line, column);
    };
    let line_start = line_text.as_ptr() as usize - text.as_ptr() as usize;
    let offset = line_text
        .char_indices()
        .nth(column - 1)
        .map_or(line_start + line_text.len(), |(i, _)| line_start + i);
    let (mut l, mut c) = (line, column);
    for ch in text[offset..].chars() {
        if !ch.is_whitespace() {
            return (l, c);
        }
        if ch == '\n' {
            l += 1;
            c = 1;
        } else {
            c += 1;
        }
    }
    (line, column)
}

/// True when (line, column) lies after the last non-blank character, i.e.
/// the parser ran out of text.
fn past_content(text: &str, line: usize, column: usize) -> bool {
    let content = text.trim_end();
    let last_line = 1 + content.matches('\n').count();
    let last_col = content.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, column) > (last_line, last_col)
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// ron's wording of a type ("f64", "a sequence") as a kind of value.
fn expected_kind(expected: &str) -> Expected {
    let e = expected.to_ascii_lowercase();
    if e.contains("string") {
        Expected::Text
    } else if e.starts_with('f') || e.contains("float") {
        Expected::Number
    } else if e.starts_with('u') || e.starts_with('i') || e.contains("integer") {
        Expected::WholeNumber
    } else if e.contains("bool") {
        Expected::Bool
    } else if e.contains("sequence") || e.contains("tuple") {
        Expected::List
    } else if e.contains("map") {
        Expected::Map
    } else if e.contains("struct") {
        Expected::Group
    } else {
        Expected::Other(expected.to_string())
    }
}

/// ron's wording of a found value ("the unsigned integer `5`") as a kind.
fn found_kind(found: &str) -> Found {
    let quoted = |s: &str| s.trim_matches('`').to_string();
    if let Some(rest) = found.strip_prefix("the string ") {
        Found::Text(rest.to_string())
    } else if let Some(rest) = found
        .strip_prefix("the unsigned integer ")
        .or_else(|| found.strip_prefix("the signed integer "))
        .or_else(|| found.strip_prefix("the floating point number "))
    {
        Found::Number(quoted(rest))
    } else if let Some(rest) = found.strip_prefix("the boolean ") {
        Found::Bool(quoted(rest))
    } else if found == "a sequence" {
        Found::List
    } else if found == "a map" {
        Found::Map
    } else {
        Found::Other(found.to_string())
    }
}

/// The plain-language problem for a ron error code (None: no translation).
fn translate(code: &RonError) -> Option<RonProblem> {
    use RonError as E;
    use RonProblem as R;
    let wrong = |expected| R::WrongType {
        expected,
        found: None,
    };
    Some(match code {
        E::Eof => R::EndsTooEarly,
        E::ExpectedStringEnd => R::UnclosedString,
        E::UnclosedBlockComment => R::UnclosedComment,
        E::ExpectedFloat => wrong(Expected::Number),
        E::ExpectedInteger => wrong(Expected::WholeNumber),
        E::ExpectedString | E::ExpectedChar => wrong(Expected::Text),
        E::ExpectedBoolean => wrong(Expected::Bool),
        E::ExpectedArray => wrong(Expected::List),
        E::ExpectedMap => wrong(Expected::Map),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedOption => {
            wrong(Expected::Group)
        }
        E::ExpectedComma => R::MissingComma,
        E::ExpectedMapColon => R::MissingColon,
        E::ExpectedArrayEnd => R::ExpectedClose(']'),
        E::ExpectedMapEnd => R::ExpectedClose('}'),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => R::ExpectedClose(')'),
        E::ExpectedIdentifier => R::ExpectedFieldName,
        E::InvalidValueForType { expected, found } => R::WrongType {
            expected: expected_kind(expected),
            found: Some(found_kind(found)),
        },
        E::NoSuchStructField {
            expected, found, ..
        } => R::UnknownField {
            found: found.clone(),
            expected: names(expected),
        },
        E::MissingStructField { field, .. } => R::MissingField(field.to_string()),
        E::DuplicateStructField { field, .. } => R::DuplicateField(field.to_string()),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => R::UnknownVariant {
            found: found.clone(),
            expected: names(expected),
        },
        E::IntegerOutOfBounds => R::NumberOutOfRange,
        E::TrailingCharacters => R::TrailingText,
        E::UnexpectedChar(c) => R::UnexpectedChar(*c),
        E::InvalidEscape(_) => R::BadEscape,
        E::FloatUnderscore | E::UnderscoreAtBeginning | E::InvalidIntegerDigit { .. } => {
            wrong(Expected::Number)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    const CANADA: &str = include_str!("../../scenarios/canada-2016.ron");
    const MINI: &str = r#"(
    format_version: 2,
    title: "t",
    criteria: [
        (id: "cost", name: "Cost", direction: Minimize, unit: "CAD M"),
    ],
    alternatives: [(id: "a", name: "A")],
    scores: [
        (alternative: "a", criterion: "cost", value: 8, illustrative: true),
    ],
    profiles: [(id: "p", name: "P", weights: {"cost": 1})],
    active_profile: "p",
)
"#;

    fn err(text: &str) -> LoadError {
        match parse(text, "f.ron") {
            Err(e) => e,
            Ok(_) => panic!("expected an error for:\n{text}"),
        }
    }

    #[test]
    fn bundled_scenario_loads_and_round_trips() {
        let s = parse(CANADA, "canada").expect("loads");
        let again = parse(&to_string(&s).expect("writes"), "again").expect("reloads");
        assert_eq!(s, again);
    }

    #[test]
    fn wrong_type_says_a_number_is_expected() {
        let e = err(&MINI.replace("value: 8,", "value: \"eight\","));
        assert_eq!((e.line, e.column), (9, 54));
        assert!(
            e.message(Lang::En).contains("expected a number here"),
            "{e}"
        );
        assert!(e.message(Lang::Fr).contains("on attend ici un nombre"));
    }

    #[test]
    fn unknown_field_lists_the_allowed_ones() {
        let e = err(&MINI.replace("unit: \"CAD M\"", "units: \"CAD M\""));
        let m = e.message(Lang::En);
        assert!(m.starts_with("f.ron:5:57:"), "{m}");
        assert!(
            m.contains("unknown field `units`; expected `id`, `name`"),
            "{m}"
        );
        assert!(m.contains("`preference` or `value_function`"), "{m}");
    }

    #[test]
    fn truncation_says_the_file_ends_too_early() {
        let cut = &MINI[..MINI.find("profiles").expect("profiles")];
        let e = err(cut);
        assert!(
            e.message(Lang::En).contains("the file ends too early"),
            "{e}"
        );
    }

    #[test]
    fn optional_values_read_with_or_without_some() {
        let plain = MINI.replace("unit: \"CAD M\"", "unit: \"CAD M\", veto: 420");
        let some = MINI.replace("unit: \"CAD M\"", "unit: \"CAD M\", veto: Some(420)");
        let a = parse(&plain, "a").expect("plain");
        let b = parse(&some, "b").expect("some");
        assert_eq!(a.criteria[0].veto, Some(420.0));
        assert_eq!(a, b);
    }

    #[test]
    fn version_2_loads_as_the_current_version() {
        let s = parse(MINI, "v2").expect("loads");
        assert_eq!(s.format_version, FORMAT_VERSION);
        assert!(s.groups.is_empty());
        assert_eq!(s.criteria[0].value_function, None);
    }

    #[test]
    fn version_3_reads_groups_and_value_functions_with_or_without_some() {
        let v3 = MINI.replace("format_version: 2", "format_version: 3").replace(
            "unit: \"CAD M\")",
            "unit: \"CAD M\", value_function: [(100, 100), (450, 0)])],\n    groups: [(id: \"money\", name: (en: \"Money\", fr: \"Argent\"), children: [\"cost\"])",
        );
        let v3 = v3.replacen("),\n    ],\n    groups", "),\n    groups", 1);
        let a = parse(&v3, "a").expect("plain");
        let b = parse(
            &v3.replace("value_function: [", "value_function: Some([")
                .replace("0)])]", "0)]))]"),
            "b",
        )
        .expect("some");
        assert_eq!(a, b);
        assert_eq!(
            a.criteria[0].value_function,
            Some(crate::model::ValueFunction(vec![
                (100.0, 100.0),
                (450.0, 0.0)
            ]))
        );
        assert_eq!(a.groups[0].children, vec!["cost".to_string()]);
        assert_eq!(a.groups[0].name.get(Lang::Fr), "Argent");
        let again = parse(&to_string(&a).expect("writes"), "again").expect("reloads");
        assert_eq!(a, again);
    }
}
