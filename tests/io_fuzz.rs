//! Fuzzing with proptest: random bytes, and random mutations and
//! truncations of the bundled files, through the RON and CSV loaders, the
//! validator, the locator and the writers; and random argument lists
//! through the command-line entry on temporary files. Nothing may panic,
//! and every load error must carry a line and column.
//!
//! `cargo test` runs a few cases. The long run (README "Development"):
//! `TRADEOFF_FUZZ_SECONDS=600 cargo test --test io_fuzz -- --ignored --nocapture`
//! (or `TRADEOFF_FUZZ_CASES=N`); it writes a summary and any crashing
//! input to `target/fuzz/`.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use tradeoff::io;
use tradeoff::model::{Lang, validate};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seed corpus: the bundled scenario, the reference matrices, and every
/// fixture (good and malformed), as (bytes, is_csv).
fn seeds() -> &'static Vec<(Vec<u8>, bool)> {
    static SEEDS: OnceLock<Vec<(Vec<u8>, bool)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out = vec![(tradeoff::DEFAULT_SCENARIO.as_bytes().to_vec(), false)];
        let shared = root().join("../shared/reference");
        for dir in [
            root().join("tests/fixtures/seeds"),
            root().join("tests/fixtures/good"),
            root().join("tests/fixtures/malformed"),
            root().join("scenarios"),
            shared,
        ] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                let csv = io::is_csv(&path);
                let ron = path.extension().is_some_and(|e| e == "ron");
                if let (true, Ok(bytes)) = (csv || ron, std::fs::read(&path)) {
                    out.push((bytes, csv));
                }
            }
        }
        out
    })
}

/// Fragments worth splicing into scenario files and matrices.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "'",
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "5e-324",
    "-1",
    "0",
    "18446744073709551616",
    "Some(",
    "None",
    "format_version: 1",
    "format_version: 99",
    "format_version: 0",
    "weights: {}",
    "profiles: []",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    ";",
    "#veto",
    "#weight",
    "#direction",
    "alternative",
    ",,,",
    "\"\"",
    "é",
    "\u{0}",
    "\u{a0}",
    "true",
    "Minimize",
    "Linear(q: 1, p: 0)",
    "(en: \"a\", fr: \"b\")",
    "(de: \"x\")",
    "[[[[[[[[[[[[",
    "((((((((((((",
    "#![enable(unwrap_newtypes)]",
    "1,5",
    "0,4",
    "\t",
    "min",
    "max",
    "x",
];

#[derive(Debug, Clone)]
enum Edit {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
    SetByte(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), 1..64usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), prop::sample::select(TOKENS))
            .prop_map(|(a, t)| Edit::Insert(a, t.as_bytes().to_vec())),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(a, b)| Edit::Insert(a, b)),
        (any::<usize>(), 1..200usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::SetByte(a, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len();
        let at = |a: usize| if len == 0 { 0 } else { a % (len + 1) };
        match e {
            Edit::Truncate(a) => bytes.truncate(at(*a)),
            Edit::Delete(a, n) => {
                let s = at(*a);
                let end = (s + n).min(len);
                bytes.drain(s..end);
            }
            Edit::Insert(a, b) => {
                let s = at(*a);
                bytes.splice(s..s, b.iter().copied());
            }
            Edit::Duplicate(a, n) => {
                let s = at(*a);
                let end = (s + n).min(len);
                let piece = bytes[s..end].to_vec();
                bytes.splice(end..end, piece);
            }
            Edit::SetByte(a, b) => {
                if len > 0 {
                    bytes[a % len] = *b;
                }
            }
        }
    }
    bytes
}

/// Edits that mostly keep the file readable, to reach validation, the
/// locator and the methods: whole lines dropped, repeated or swapped, and
/// numbers or quoted words replaced.
#[derive(Debug, Clone)]
enum LineEdit {
    Drop(usize),
    Repeat(usize),
    Swap(usize, usize),
    Number(usize, &'static str),
    Word(usize, &'static str),
}

const VALUES: &[&str] = &[
    "NaN", "inf", "-inf", "-1", "0", "1e308", "-0.5", "5e-324", "0,5", "\"x\"", "",
];
const WORDS_IN_FILES: &[&str] = &[
    "\"risk\"",
    "\"cost\"",
    "\"mali\"",
    "\"car\"",
    "\"\"",
    "\"Mali\"",
    "\"Risk\"",
    "\"default\"",
    "\"nobody\"",
    "\"#veto\"",
    "Mali",
    "Risk",
    "",
    "\"a,b\"",
];

fn line_edit() -> impl Strategy<Value = LineEdit> {
    prop_oneof![
        any::<usize>().prop_map(LineEdit::Drop),
        any::<usize>().prop_map(LineEdit::Repeat),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| LineEdit::Swap(a, b)),
        (any::<usize>(), prop::sample::select(VALUES)).prop_map(|(k, v)| LineEdit::Number(k, v)),
        (any::<usize>(), prop::sample::select(WORDS_IN_FILES))
            .prop_map(|(k, v)| LineEdit::Word(k, v)),
    ]
}

/// Replaces the k-th run of characters matching `is_start`/`is_part`.
fn replace_nth(text: &str, k: usize, is_start: fn(char) -> bool, quoted: bool, by: &str) -> String {
    let mut spans = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if quoted && c == '"' {
            let mut end = text.len();
            for (j, d) in chars.by_ref() {
                if d == '"' {
                    end = j + 1;
                    break;
                }
            }
            spans.push((i, end));
        } else if !quoted && is_start(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() || matches!(d, '.' | 'e' | '-') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            spans.push((i, end));
        }
    }
    if spans.is_empty() {
        return text.to_string();
    }
    let (a, b) = spans[k % spans.len()];
    format!("{}{}{}", &text[..a], by, &text[b..])
}

fn apply_lines(text: &str, edits: &[LineEdit]) -> String {
    let mut text = text.to_string();
    for e in edits {
        let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
        let n = lines.len().max(1);
        match e {
            LineEdit::Drop(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            LineEdit::Repeat(i) if !lines.is_empty() => {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
            LineEdit::Swap(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            LineEdit::Number(k, v) => {
                text = replace_nth(&text, *k, |c| c.is_ascii_digit(), false, v);
                continue;
            }
            LineEdit::Word(k, v) => {
                text = replace_nth(&text, *k, |_| false, true, v);
                continue;
            }
            _ => {}
        }
        text = lines.concat();
    }
    text
}

/// A seed with random edits, or plain random bytes.
fn input() -> impl Strategy<Value = (Vec<u8>, bool)> {
    let n = seeds().len();
    prop_oneof![
        3 => (0..n, prop::collection::vec(line_edit(), 1..4)).prop_map(|(i, edits)| {
            let (bytes, csv) = &seeds()[i];
            let text = String::from_utf8_lossy(bytes);
            (apply_lines(&text, &edits).into_bytes(), *csv)
        }),
        4 => (0..n, prop::collection::vec(edit(), 1..6)).prop_map(|(i, edits)| {
            let (bytes, csv) = &seeds()[i];
            (apply(bytes.clone(), &edits), *csv)
        }),
        1 => (prop::collection::vec(any::<u8>(), 0..600), any::<bool>()),
    ]
}

/// How many fuzz inputs loaded successfully (the rest were refused).
static LOADED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Everything a loaded (or refused) file goes through in the program.
fn exercise(bytes: &[u8], csv: bool) -> Result<(), TestCaseError> {
    match io::parse_bytes(bytes, "fuzz", csv) {
        Err(e) => {
            prop_assert!(e.line >= 1 && e.column >= 1, "unlocated error {:?}", e);
            let _ = (e.message(Lang::En), e.message(Lang::Fr));
        }
        Ok(scenario) => {
            LOADED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let problems = validate(&scenario);
            let text = String::from_utf8_lossy(bytes);
            let located = io::locate_in_text(&text, csv, &scenario, &problems);
            prop_assert_eq!(located.len(), problems.len());
            for (_, line, column) in located {
                prop_assert!(line >= 1 && column >= 1);
            }
            let written = io::ron_file::to_string(&scenario)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let again = io::ron_file::parse(&written, "again");
            prop_assert!(
                again.is_ok(),
                "written scenario does not reload: {:?}\n{}",
                again.err(),
                written
            );
            if !csv {
                // Saving into the file as loaded (keeping its comments).
                let kept = io::rewrite::rewrite(&text, &scenario)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let back = io::ron_file::parse(&kept.text, "kept");
                prop_assert!(back.is_ok(), "kept text does not reload\n{}", kept.text);
                if again.as_ref().is_ok_and(|a| *a == scenario) {
                    prop_assert!(back.is_ok_and(|b| b == scenario), "{}", kept.text);
                }
            }
            // A scenario with a value tree or value functions is refused, not flattened.
            let exported = io::csv::to_csv(&scenario, None);
            prop_assert_eq!(
                exported.is_err(),
                !scenario.groups.is_empty()
                    || scenario.criteria.iter().any(|c| c.value_function.is_some())
            );
            if let Ok(exported) = exported {
                let _ = io::csv::parse(&exported, "again.csv");
            }
            if !tradeoff::model::has_errors(&problems) {
                for method in [
                    tradeoff::analysis::Method::Wsm,
                    tradeoff::analysis::Method::Topsis,
                    tradeoff::analysis::Method::Promethee2,
                ] {
                    let _ = tradeoff::analysis::evaluate(&scenario, None, method);
                }
            }
        }
    }
    Ok(())
}

/// A scratch folder holding mutated files, used as the working directory
/// of the command-line cases so no relative path escapes it.
fn cli_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        std::env::set_current_dir(dir.path()).expect("cd into scratch");
        std::fs::create_dir(dir.path().join("folder.ron")).expect("a folder named like a file");
        dir
    })
    .path()
}

const WORDS: &[&str] = &[
    "rank",
    "check",
    "convert",
    "smaa",
    "sensitivity",
    "render",
    "brief",
    "diff",
    "package",
    "help",
    "--json",
    "--method",
    "wsm",
    "topsis",
    "promethee2",
    "bogus",
    "--profile",
    "default",
    "whole_of_government",
    "--lang",
    "fr",
    "en",
    "xx",
    "--help",
    "--version",
    "--samples",
    "3",
    "--seed",
    "7",
    "--criterion",
    "risk",
    "--chart",
    "ranking",
    "--out",
    "--width",
    "--height",
    "16",
    "0",
    "-1",
    "--",
    "",
    "é",
    "out.ron",
    "out.csv",
    "out.png",
    "out.svg",
    "brief-out",
    "radar",
    "heatmap",
    "waterfall",
    "stakeholders",
    "contributions",
    "acceptability",
    "--max",
];

#[derive(Debug, Clone)]
enum Arg {
    Word(&'static str),
    /// A mutated seed written to a scratch file (index into the case's files).
    File(usize),
    Missing,
    Folder,
}

fn cli_case() -> impl Strategy<Value = (Vec<(Vec<u8>, bool)>, Vec<Arg>)> {
    let arg = prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(Arg::Word),
        3 => (0..3usize).prop_map(Arg::File),
        1 => Just(Arg::Missing),
        1 => Just(Arg::Folder),
    ];
    let command = prop_oneof![
        4 => prop::sample::select(&WORDS[..10]).prop_map(|w| vec![Arg::Word(w), Arg::File(0)]),
        1 => Just(Vec::new()),
    ];
    (
        prop::collection::vec(input(), 3),
        command,
        prop::collection::vec(arg, 0..6),
    )
        .prop_map(|(files, mut args, rest)| {
            args.extend(rest);
            (files, args)
        })
}

fn run_cli(files: &[(Vec<u8>, bool)], args: &[Arg], case: u64) -> Result<(), TestCaseError> {
    let dir = cli_dir();
    let mut argv: Vec<std::ffi::OsString> = vec!["tradeoff".into()];
    for a in args {
        argv.push(match a {
            Arg::Word(w) => (*w).into(),
            Arg::File(i) => {
                let (bytes, csv) = &files[*i];
                let path = dir.join(format!("in{case}-{i}.{}", if *csv { "csv" } else { "ron" }));
                std::fs::write(&path, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
                path.into()
            }
            Arg::Missing => dir.join("missing.ron").into(),
            Arg::Folder => dir.join("folder.ron").into(),
        });
    }
    let _ = tradeoff::cli::run_from(argv);
    for i in 0..files.len() {
        for ext in ["csv", "ron"] {
            let _ = std::fs::remove_file(dir.join(format!("in{case}-{i}.{ext}")));
        }
    }
    Ok(())
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn loaders_never_panic((bytes, csv) in input()) {
        exercise(&bytes, csv)?;
    }

    #[test]
    fn command_line_never_panics((files, args) in cli_case()) {
        run_cli(&files, &args, 0)?;
    }
}

/// Edge inputs met while building the loaders (the fuzz runs found no
/// crash; a crashing input would be added here).
#[test]
fn regressions() {
    let deep = format!("(format_version: 2, title: {}", "[".repeat(5_000));
    let cases: Vec<(&[u8], bool)> = vec![
        (b"\xef\xbb\xbf", false),
        (b"\xef\xbb\xbf", true),
        (b"/*", false),
        (b"/* /* */", false),
        (b"r#\"", false),
        (b"(format_version: 2, title: r##\"a\"#\"##", false),
        (b"\"", true),
        (b"\r", true),
        (b"alternative\r\n#direction\r\n#weight\r\n", true),
        (
            b"alternative,a\n#direction,min\n#weight,1\n\"#x\",1\n",
            true,
        ),
        (
            b"alternative;a\r\n#direction;min\r\n#weight;1,5,5\r\nP;;\r\n",
            true,
        ),
        (
            b"alternative,a\n#direction,min\n#weight,1\n#weight,2\n#bogus\n",
            true,
        ),
        (deep.as_bytes(), false),
    ];
    for (bytes, csv) in cases {
        let mut runner = TestRunner::new(config(1));
        runner
            .run(&Just(()), |_| exercise(bytes, csv))
            .unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(bytes)));
    }
}

/// The long run: `TRADEOFF_FUZZ_SECONDS` (default 600) or
/// `TRADEOFF_FUZZ_CASES`, whichever ends first.
#[test]
#[ignore = "long fuzz run; see the module documentation"]
fn fuzz_long() {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = env("TRADEOFF_FUZZ_SECONDS").unwrap_or(600);
    let max_cases = env("TRADEOFF_FUZZ_CASES").unwrap_or(u64::MAX);
    let out_dir = root().join("target/fuzz");
    std::fs::create_dir_all(&out_dir).expect("report folder");
    let start = Instant::now();
    let (mut loader_cases, mut cli_cases, mut round) = (0u64, 0u64, 0u64);
    let mut crashes: Vec<String> = Vec::new();
    while start.elapsed() < Duration::from_secs(seconds) && loader_cases + cli_cases < max_cases {
        round += 1;
        let mut runner = TestRunner::new(config(500));
        match runner.run(&input(), |(bytes, csv)| exercise(&bytes, csv)) {
            Ok(()) => loader_cases += 500,
            Err(e) => {
                let report = format!("loader crash (round {round}): {e}");
                std::fs::write(out_dir.join(format!("crash-loader-{round}.txt")), &report).ok();
                crashes.push(report);
            }
        }
        let mut runner = TestRunner::new(config(50));
        match runner.run(&cli_case(), |(files, args)| run_cli(&files, &args, round)) {
            Ok(()) => cli_cases += 50,
            Err(e) => {
                let report = format!("cli crash (round {round}): {e}");
                std::fs::write(out_dir.join(format!("crash-cli-{round}.txt")), &report).ok();
                crashes.push(report);
            }
        }
        let summary = format!(
            "rounds {round}, loader cases {loader_cases} (loaded {}), cli cases {cli_cases}, crashes {}, seconds {}\n",
            LOADED.load(std::sync::atomic::Ordering::Relaxed),
            crashes.len(),
            start.elapsed().as_secs()
        );
        std::fs::write(out_dir.join("summary.txt"), &summary).ok();
        eprint!("{summary}");
    }
    assert!(crashes.is_empty(), "{}", crashes.join("\n\n"));
}
