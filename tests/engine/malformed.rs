//! The malformed-file corpus (tests/fixtures/malformed/): each file gets its
//! plain-language message at the right line and column, whether the loader
//! refuses it or validation finds the problem. Also the spreadsheet files
//! that must load (tests/fixtures/good/).

use std::path::{Path, PathBuf};
use tradeoff::io;
use tradeoff::model::{Direction, Lang, validate};

fn fixture(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name)
}

/// Every message the file produces (load error, or each located validation
/// problem) as (line, column, message).
fn messages(path: &Path, lang: Lang) -> Vec<(usize, usize, String)> {
    match io::load(path) {
        Err(e) => vec![(e.line, e.column, e.message(lang))],
        Ok(scenario) => {
            let problems = validate(&scenario);
            io::locate_problems(&scenario, &problems, path)
                .into_iter()
                .map(|(p, line, column)| {
                    (
                        line,
                        column,
                        tradeoff::i18n::problem_message(&scenario, p, lang),
                    )
                })
                .collect()
        }
    }
}

/// (file, expected English fragment, line, column)
const CORPUS: &[(&str, &str, usize, usize)] = &[
    ("truncated.ron", "the file ends too early", 31, 7),
    ("truncated_in_text.ron", "this text is never closed", 8, 33),
    ("wrong_type.ron", "expected a number here", 19, 57),
    ("wrong_type_bool.ron", "expected true or false here", 19, 74),
    (
        "unknown_field.ron",
        "unknown field `units`; expected `id`, `name`",
        8,
        108,
    ),
    (
        "unknown_variant.ron",
        "unknown value `Minimise`; expected `Minimize` or `Maximize`",
        9,
        65,
    ),
    ("missing_comma.ron", "a comma `,` is missing", 9, 21),
    (
        "duplicate_ids.ron",
        "Two options share the id 'car'",
        15,
        14,
    ),
    ("nan.ron", "not a finite number", 20, 57),
    ("inf.ron", "not a finite number", 23, 56),
    ("negative_weight.ron", "weights cannot be negative", 33, 128),
    (
        "all_zero_weights.ron",
        "Every weight in this profile is zero",
        33,
        106,
    ),
    (
        "unknown_score_id.ron",
        "an option 'south-sudan' that the scenario does not define",
        30,
        23,
    ),
    ("newer_version.ron", "format version 7, newer than", 4, 21),
    ("not_utf8.ron", "not UTF-8", 9, 86),
    ("empty.ron", "the file is empty", 1, 1),
    (
        "text_unknown_key.ron",
        "unknown field `de`; expected `en` or `fr`",
        9,
        41,
    ),
    ("deep_nesting.ron", "nested far deeper", 1, 77),
    ("bad_escape.ron", "unknown backslash escape", 9, 82),
    (
        "v1_negative_weight.ron",
        "weights cannot be negative",
        19,
        36,
    ),
    (
        "scale_against_direction.ron",
        "This criterion is maximised (more is better), but its fixed scale puts the worst value at 10 and the best at 0",
        10,
        114,
    ),
    // The value tree and value functions (format version 3): one file each
    // with every problem at once, each at its own place.
    (
        "tree_problems.ron",
        "The group lists 'ghost', which is neither",
        13,
        63,
    ),
    (
        "tree_problems.ron",
        "'risk' is already in group 'Security'",
        14,
        65,
    ),
    (
        "tree_problems.ron",
        "lists 'benefits', which is this group or contains it",
        15,
        56,
    ),
    (
        "tree_problems.ron",
        "The group id 'cost' is already a criterion's id",
        16,
        14,
    ),
    (
        "tree_problems.ron",
        "This group has no criteria or groups in it",
        16,
        52,
    ),
    (
        "tree_problems.ron",
        "mentions 'nowhere', which is neither a criterion nor a group",
        30,
        117,
    ),
    (
        "tree_problems.ron",
        "no weight to group 'Loop', so it counts as 0",
        30,
        39,
    ),
    (
        "tree_problems.ron",
        "bounds name 'phantom', which is neither",
        30,
        141,
    ),
    (
        "value_function_problems.ron",
        "Point 3 of the value function must have a larger x",
        7,
        98,
    ),
    (
        "value_function_problems.ron",
        "Point 2 of the value function has value 120",
        8,
        94,
    ),
    (
        "value_function_problems.ron",
        "falls at point 2, but more is better",
        9,
        93,
    ),
    (
        "value_function_problems.ron",
        "needs at least two points",
        10,
        75,
    ),
    (
        "value_function_problems.ron",
        "gives the same value everywhere",
        11,
        73,
    ),
    (
        "value_function_problems.ron",
        "Point 2 of the value function is not a finite number",
        12,
        83,
    ),
    (
        "v2_groups.ron",
        "`groups` needs format version 3, but this file says `format_version: 2`",
        9,
        5,
    ),
    (
        "v2_value_function.ron",
        "`value_function` needs format version 3",
        8,
        10,
    ),
    ("bad_number.csv", "`3OO` is not a number", 5, 7),
    (
        "cell_count.csv",
        "this row has 3 cells but the header has 4",
        5,
        7,
    ),
    ("nan.csv", "`NaN` is not allowed", 4, 8),
    ("inf.csv", "`inf` is not allowed", 6, 11),
    (
        "missing_direction.csv",
        "the `#direction` row is missing",
        2,
        1,
    ),
    ("negative_weight.csv", "weights cannot be negative", 3, 13),
    (
        "all_zero_weights.csv",
        "Every weight in this profile is zero",
        3,
        1,
    ),
    (
        "first_header.csv",
        "must be `alternative`, not `option`",
        1,
        1,
    ),
    ("missing_value.csv", "this cell is empty", 5, 7),
    ("unknown_row.csv", "unknown row `#weights`", 3, 1),
    ("duplicate_ids.csv", "Two options share the id 'CAR'", 6, 1),
    (
        "bad_direction.csv",
        "must be `min` or `max`, not `less`",
        2,
        16,
    ),
    ("empty.csv", "the file is empty", 1, 1),
    (
        "semicolon_mixed_decimal.csv",
        "`1.250` and `0,4` (line 3, column 9) use different decimal marks",
        4,
        8,
    ),
    (
        "semicolon_ambiguous_decimal.csv",
        "`1.250` could be a decimal or a thousands group",
        4,
        8,
    ),
    ("not_utf8.csv", "not UTF-8", 5, 2),
];

#[test]
fn every_malformed_file_has_its_message_at_its_line_and_column() {
    let mut failures = Vec::new();
    for (file, fragment, line, column) in CORPUS {
        let got = messages(&fixture("malformed", file), Lang::En);
        let hit = got
            .iter()
            .any(|(l, c, m)| m.contains(fragment) && (*l, *c) == (*line, *column));
        if !hit {
            failures.push(format!(
                "{file}: wanted {line}:{column} {fragment:?}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_covers_every_file_in_the_folder() {
    let dir = fixture("malformed", "");
    for entry in std::fs::read_dir(&dir).expect("corpus folder") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            CORPUS.iter().any(|(f, ..)| *f == name),
            "{name} has no expectation in CORPUS"
        );
    }
}

#[test]
fn every_malformed_file_has_a_french_message_too() {
    for (file, ..) in CORPUS {
        let en = messages(&fixture("malformed", file), Lang::En);
        let fr = messages(&fixture("malformed", file), Lang::Fr);
        assert_eq!(en.len(), fr.len(), "{file}");
        for ((_, _, e), (_, _, f)) in en.iter().zip(&fr) {
            assert_ne!(e, f, "{file}: French message is the English one");
            assert!(!f.contains("load."), "{file}: missing catalogue key: {f}");
        }
    }
}

#[test]
fn french_messages_read_as_french() {
    let cases = [
        (
            "wrong_type.ron",
            "wrong_type.ron:19:57: on attend ici un nombre",
        ),
        (
            "newer_version.ron",
            "newer_version.ron:4:21: ce fichier utilise la version de format 7, plus récente",
        ),
        ("truncated.ron", "le fichier se termine trop tôt"),
        ("nan.csv", "nan.csv:4:8: « NaN » n'est pas permis"),
    ];
    for (file, expected) in cases {
        let path = fixture("malformed", file);
        let e = io::load(&path).expect_err("refused");
        let message = e
            .message(Lang::Fr)
            .replace(&format!("{}", path.display()), file);
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn newer_versions_are_refused_before_the_content_is_read() {
    // A newer file may have fields this version does not know: the refusal
    // names the version, not the unknown field.
    let text = "(format_version: 9, shiny_new_field: Wormhole(3), criteria: \"?\")";
    let e = io::ron_file::parse(text, "new.ron").expect_err("refused");
    assert_eq!(
        e.kind,
        io::LoadErrorKind::NewerFormat {
            found: 9,
            supported: tradeoff::model::FORMAT_VERSION
        }
    );
    assert_eq!((e.line, e.column), (1, 18));
}

#[test]
fn version_1_is_migrated_to_one_default_profile() {
    let s = io::load(&fixture("good", "v1_scenario.ron")).expect("v1 loads");
    assert_eq!(s.format_version, tradeoff::model::FORMAT_VERSION);
    assert_eq!(s.profiles.len(), 1);
    assert_eq!(s.active_profile, "default");
    assert_eq!(s.profiles[0].weight("risk"), 0.6);
    assert_eq!(s.profiles[0].weight("cost"), 0.4);
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    // Saving writes the current format, which reads back identically.
    let text = io::ron_file::to_string(&s).expect("writes");
    assert!(text.contains("profiles"));
    assert_eq!(io::ron_file::parse(&text, "v2").expect("reloads"), s);
}

#[test]
fn excel_export_with_bom_and_crlf_loads() {
    let s = io::load(&fixture("good", "excel_bom_crlf.csv")).expect("loads");
    assert_eq!(s.criteria[0].id, "Risk", "BOM not part of the header");
    assert_eq!(s.criteria[2].id, "Local impact", "no stray \\r");
    assert_eq!(s.alternatives.len(), 3);
    assert_eq!(s.score("DRC", "Local impact").map(|x| x.value), Some(5.0));
    assert_eq!(s.profiles[0].weight("Risk"), 0.4);
    assert!(validate(&s).is_empty());
}

#[test]
fn french_semicolon_export_with_decimal_commas_loads() {
    let s = io::load(&fixture("good", "french_semicolon.csv")).expect("loads");
    let ids: Vec<&str> = s.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["Risque", "Coût (M$)", "Impact local"]);
    assert_eq!(s.criteria[2].direction, Direction::Maximize);
    assert_eq!(s.criteria[0].veto, Some(8.5));
    assert_eq!(s.criteria[1].veto, None, "empty veto cell: none");
    assert_eq!(s.alternatives[0].id, "Mali; MINUSMA");
    assert_eq!(
        s.score("Mali; MINUSMA", "Coût (M$)").map(|x| x.value),
        Some(1250.5),
        "no-break space groups digits"
    );
    assert_eq!(s.score("RCA", "Impact local").map(|x| x.value), Some(6.25));
    assert_eq!(s.profiles[0].weight("Risque"), 0.4);
    assert!(validate(&s).is_empty());
}

#[test]
fn a_criterion_missing_from_a_profile_is_a_located_warning_not_a_silent_zero() {
    let path = fixture("warnings", "missing_weight.ron");
    let s = io::load(&path).expect("loads: a warning does not block");
    let problems = validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].severity(), tradeoff::model::Severity::Warning);
    assert_eq!(
        messages(&path, Lang::En),
        [(
            33,
            106,
            "This profile gives no weight to criterion 'cost', so it counts as 0; write its weight (0 if that is intended).".to_string()
        )]
    );
    assert!(
        messages(&path, Lang::Fr)[0]
            .2
            .contains("aucun poids au critère « cost »")
    );
}

#[test]
fn semicolon_file_with_decimal_points_is_read_with_points() {
    // "1.250" alone could be 1250, but 300.5 and 6.25 settle the mark.
    let s = io::load(&fixture("good", "semicolon_decimal_point.csv")).expect("loads");
    assert_eq!(s.score("Mali", "Cost").map(|x| x.value), Some(1.25));
    assert_eq!(s.score("CAR", "Cost").map(|x| x.value), Some(300.5));
    assert_eq!(s.score("CAR", "Impact").map(|x| x.value), Some(6.25));
    assert_eq!(s.profiles[0].weight("Risk"), 0.4);
    assert!(validate(&s).is_empty());
}

#[test]
fn text_fields_accept_plain_strings_and_bilingual_pairs() {
    let v1 = io::load(&fixture("good", "v1_scenario.ron")).expect("loads");
    assert_eq!(v1.criteria[0].name.en, "Risk");
    assert_eq!(v1.criteria[0].name.fr, None);
    assert_eq!(v1.criteria[1].name.get(Lang::Fr), "Coût");
}
