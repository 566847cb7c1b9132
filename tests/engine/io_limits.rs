//! Limits: oversized files, too many options or criteria, and absurd
//! nesting get a clear error, without hanging, exhausting memory or
//! overflowing the stack.

use std::fmt::Write;
use tradeoff::io::{self, LoadErrorKind, error::Counted, limits};
use tradeoff::model::Lang;

fn csv_matrix(options: usize, criteria: usize) -> String {
    let mut s = String::from("alternative");
    for j in 0..criteria {
        let _ = write!(s, ",c{j}");
    }
    s.push_str("\n#direction");
    for _ in 0..criteria {
        s.push_str(",max");
    }
    s.push_str("\n#weight");
    for _ in 0..criteria {
        s.push_str(",1");
    }
    for i in 0..options {
        let _ = write!(s, "\no{i}");
        for _ in 0..criteria {
            s.push_str(",1");
        }
    }
    s.push('\n');
    s
}

fn ron_scenario(options: usize, criteria: usize) -> String {
    let mut s = String::from("(\n format_version: 2,\n title: \"big\",\n criteria: [\n");
    for j in 0..criteria {
        let _ = writeln!(s, "  (id: \"c{j}\", name: \"C\", direction: Maximize),");
    }
    s.push_str(" ],\n alternatives: [\n");
    for i in 0..options {
        let _ = writeln!(s, "  (id: \"o{i}\", name: \"O\"),");
    }
    s.push_str(" ],\n scores: [],\n profiles: [],\n active_profile: \"x\",\n)\n");
    s
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("huge.ron");
    // A sparse file: refused on its size alone, so this costs no disk or time.
    let f = std::fs::File::create(&path).expect("create");
    f.set_len(limits::MAX_FILE_BYTES + 1).expect("sparse");
    let e = io::load(&path).expect_err("too large");
    assert!(matches!(e.kind, LoadErrorKind::TooLarge { .. }), "{e:?}");
    assert!(e.message(Lang::En).contains("above the 50 MB limit"), "{e}");
    assert!(
        e.message(Lang::Fr).contains("limite de 50 Mo"),
        "{}",
        e.message(Lang::Fr)
    );
}

#[test]
fn too_many_options_in_a_csv_points_at_the_first_extra_row() {
    let text = csv_matrix(limits::MAX_OPTIONS + 1, 2);
    let e = io::csv::parse(&text, "m.csv").expect_err("too many");
    assert!(matches!(
        e.kind,
        LoadErrorKind::TooMany {
            what: Counted::Options,
            limit: 10_000,
            ..
        }
    ));
    assert_eq!((e.line, e.column), (3 + limits::MAX_OPTIONS + 1, 1));
    assert!(e.message(Lang::En).contains("more than 10000 options"));
    // Exactly at the limit is fine.
    assert!(io::csv::parse(&csv_matrix(limits::MAX_OPTIONS, 2), "m.csv").is_ok());
}

#[test]
fn too_many_criteria_in_a_csv_is_refused_at_the_header() {
    let text = csv_matrix(2, limits::MAX_CRITERIA + 1);
    let e = io::csv::parse(&text, "m.csv").expect_err("too many");
    assert!(matches!(
        e.kind,
        LoadErrorKind::TooMany {
            what: Counted::Criteria,
            ..
        }
    ));
    assert_eq!(e.line, 1);
    assert!(e.message(Lang::Fr).contains("plus de 1000 critères"));
}

#[test]
fn too_many_scores_in_a_csv_is_refused() {
    let text = csv_matrix(limits::MAX_OPTIONS, 101);
    let e = io::csv::parse(&text, "m.csv").expect_err("too many");
    assert!(matches!(
        e.kind,
        LoadErrorKind::TooMany {
            what: Counted::Scores,
            ..
        }
    ));
}

#[test]
fn too_many_options_or_criteria_in_ron_are_refused() {
    let e = io::ron_file::parse(&ron_scenario(limits::MAX_OPTIONS + 1, 1), "big.ron")
        .expect_err("options");
    assert!(matches!(
        e.kind,
        LoadErrorKind::TooMany {
            what: Counted::Options,
            ..
        }
    ));
    // Points at the first option over the limit: line 6 + 1 criterion + 10,000.
    assert_eq!((e.line, e.column), (7 + limits::MAX_OPTIONS + 1, 3));
    let e = io::ron_file::parse(&ron_scenario(1, limits::MAX_CRITERIA + 1), "big.ron")
        .expect_err("criteria");
    assert!(matches!(
        e.kind,
        LoadErrorKind::TooMany {
            what: Counted::Criteria,
            ..
        }
    ));
}

#[test]
fn absurd_nesting_is_an_error_not_a_stack_overflow() {
    let deep = |n: usize, open: &str| open.repeat(n);
    let cases = [
        format!("(format_version: 2, title: {}", deep(100_000, "[")),
        format!("(format_version: 2, unknown: {}", deep(100_000, "[")),
        format!("(format_version: 2, unknown: {}", deep(100_000, "(")),
        format!("(format_version: 2, unknown: {}", deep(100_000, "{")),
        format!("(format_version: 2, unknown: {}", deep(100_000, "Some(")),
        format!("(format_version: 1, weights: {}", deep(100_000, "[")),
        deep(100_000, "("),
        deep(100_000, "["),
        format!(
            "(format_version: 2, title: \"t\", criteria: [{}",
            deep(100_000, "(id: ")
        ),
    ];
    for text in &cases {
        let e = io::ron_file::parse(text, "deep.ron").expect_err("refused");
        assert!(e.line >= 1, "{e:?}");
        // The locator is also safe on such text.
        let _ = io::outline::outline(text);
    }
    let e = io::ron_file::parse(&cases[1], "deep.ron").expect_err("refused");
    assert_eq!(e.kind, LoadErrorKind::TooDeep);
}
