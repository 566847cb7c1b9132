//! Saving keeps what the user wrote: every comment of a scenario file whose
//! item survives an edit is written back next to the same item, the saved
//! text loads to exactly the edited scenario, and the comments that could
//! not be kept are reported, never lost silently.
//!
//! The placement check has its own reading of the text (a small lexer for
//! comments and brackets, and the public outline for where items start):
//! each comment is anchored to the item it precedes, to the end of the
//! bracketed value it closes, or to the item it trails on the same line,
//! named by a path of field names and item ids.

use proptest::prelude::*;
use std::collections::BTreeMap;
use tradeoff::io::outline::{self, Node};
use tradeoff::io::rewrite::{self, DroppedComment};
use tradeoff::io::{self, ron_file};
use tradeoff::model::{Group, Scenario, Text, ValueFunction};

const FILES: [(&str, &str); 3] = [
    (
        "canada-2016.ron",
        include_str!("../../scenarios/canada-2016.ron"),
    ),
    (
        "canada-2018.ron",
        include_str!("../../scenarios/canada-2018.ron"),
    ),
    ("template.ron", include_str!("../../scenarios/template.ron")),
];

/// A comment and what it is attached to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Anchor {
    /// Before the root value (the file's header).
    Header,
    /// After the root value.
    Footer,
    /// On its own line(s) before the item at this path.
    Before(String),
    /// On its own line(s) before the closing bracket of the value at this path.
    EndOf(String),
    /// At the end of a line, after the item at this path.
    Trailing(String),
}

impl Anchor {
    fn path(&self) -> Option<&str> {
        match self {
            Anchor::Header | Anchor::Footer => None,
            Anchor::Before(p) | Anchor::EndOf(p) | Anchor::Trailing(p) => Some(p),
        }
    }
}

/// Comment byte ranges and bracket pairs (open byte, close byte) of RON text.
fn lex(text: &str) -> (Vec<std::ops::Range<usize>>, BTreeMap<usize, usize>) {
    let b = text.as_bytes();
    let (mut comments, mut pairs, mut stack) = (Vec::new(), BTreeMap::new(), Vec::new());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(b.len(), |k| i + k);
                comments.push(i..end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (start, mut depth) = (i, 0);
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                comments.push(start..i);
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                let close = format!("\"{}", "#".repeat(hashes));
                let body = i + 2 + hashes;
                i = text[body..]
                    .find(&close)
                    .map_or(b.len(), |k| body + k + close.len());
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => {
                stack.push(i);
                i += 1;
            }
            b')' | b']' | b'}' => {
                if let Some(open) = stack.pop() {
                    pairs.insert(open, i);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    (comments, pairs)
}

/// Byte offset of a 1-based line and column (in characters).
fn byte_at(text: &str, pos: outline::Pos) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(pos.line - 1)
        .map(str::len)
        .sum();
    text[line_start..]
        .char_indices()
        .nth(pos.column - 1)
        .map_or(text.len(), |(k, _)| line_start + k)
}

/// Name of a list item in a path: its id, a score's option × criterion,
/// an atom's text, else its index.
fn item_name(item: &Node, index: usize) -> String {
    let atom = |n: &str| {
        item.field(n)
            .and_then(|f| f.value.text())
            .map(str::to_string)
    };
    if let Some(id) = atom("id") {
        format!("[id={id}]")
    } else if let (Some(a), Some(c)) = (atom("alternative"), atom("criterion")) {
        format!("[{a}×{c}]")
    } else if let Some(t) = item.text() {
        format!("[={t}]")
    } else {
        format!("[{index}]")
    }
}

/// A field, item or entry: where it starts, its path, and where its value's
/// brackets are when it has some.
type Element = (usize, String, Option<(usize, usize)>);

/// Every field, item and entry of the text, in text order.
fn elements(text: &str, pairs: &BTreeMap<usize, usize>) -> Vec<Element> {
    fn brackets(
        text: &str,
        value: &Node,
        pairs: &BTreeMap<usize, usize>,
    ) -> Option<(usize, usize)> {
        if value.text().is_some() {
            return None;
        }
        let from = byte_at(text, value.start());
        pairs.range(from..).next().map(|(o, c)| (*o, *c))
    }
    fn walk(
        text: &str,
        node: &Node,
        path: &str,
        pairs: &BTreeMap<usize, usize>,
        out: &mut Vec<Element>,
    ) {
        match node {
            Node::Group { fields, items, .. } => {
                for f in fields {
                    let p = format!("{path}.{}", f.name);
                    out.push((
                        byte_at(text, f.key),
                        p.clone(),
                        brackets(text, &f.value, pairs),
                    ));
                    walk(text, &f.value, &p, pairs, out);
                }
                for (k, item) in items.iter().enumerate() {
                    // `Some(x)`: x stands for the value itself.
                    let p = format!("{path}({k})");
                    walk(text, item, &p, pairs, out);
                }
            }
            Node::List { items, .. } => {
                for (k, item) in items.iter().enumerate() {
                    let p = format!("{path}{}", item_name(item, k));
                    out.push((
                        byte_at(text, item.start()),
                        p.clone(),
                        brackets(text, item, pairs),
                    ));
                    walk(text, item, &p, pairs, out);
                }
            }
            Node::Map { entries, .. } => {
                for (key, value) in entries {
                    let p = format!("{path}{{{}}}", key.text().unwrap_or("?"));
                    out.push((
                        byte_at(text, key.start()),
                        p.clone(),
                        brackets(text, value, pairs),
                    ));
                    walk(text, value, &p, pairs, out);
                }
            }
            Node::Atom { .. } => {}
        }
    }
    let root = outline::outline(text).expect("an outline");
    let mut out = vec![(
        byte_at(text, root.start()),
        String::new(),
        brackets(text, &root, pairs),
    )];
    walk(text, &root, "", pairs, &mut out);
    out.sort_by_key(|e| e.0);
    out
}

/// Each comment's text and anchor, in text order.
fn anchored_comments(text: &str) -> Vec<(String, Anchor)> {
    let (comments, pairs) = lex(text);
    let elements = elements(text, &pairs);
    let (root_start, root_end) = elements[0].2.expect("root brackets");
    comments
        .into_iter()
        .map(|c| {
            let body = text[c.clone()].to_string();
            let line_start = text[..c.start].rfind('\n').map_or(0, |k| k + 1);
            let code_before = !text[line_start..c.start].trim().is_empty()
                && !text[line_start..c.start].trim_start().starts_with("//")
                && !text[line_start..c.start].trim_start().starts_with("/*");
            let anchor = if c.start < root_start {
                Anchor::Header
            } else if c.start > root_end {
                Anchor::Footer
            } else if code_before {
                let prev = elements
                    .iter()
                    .rev()
                    .find(|e| e.0 < c.start)
                    .expect("an item");
                Anchor::Trailing(prev.1.clone())
            } else {
                // The innermost bracketed value holding the comment.
                let holder = elements
                    .iter()
                    .filter(|e| e.2.is_some_and(|(o, cl)| o < c.start && c.end <= cl))
                    .max_by_key(|e| e.2.map(|(o, _)| o))
                    .expect("inside the root");
                let close = holder.2.map_or(0, |(_, cl)| cl);
                match elements.iter().find(|e| e.0 > c.start && e.0 < close) {
                    Some(next) => Anchor::Before(next.1.clone()),
                    None => Anchor::EndOf(holder.1.clone()),
                }
            };
            (body, anchor)
        })
        .collect()
}

/// Checks a rewrite of `original` into `out` for `edited`: it loads to the
/// edited scenario; every comment whose anchor survives is in the output
/// with the same anchor; every other one is in the output or reported.
fn check(original: &str, edited: &Scenario, out: &str, dropped: &[DroppedComment]) {
    let back = ron_file::parse(out, "saved").unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert_eq!(&back, edited, "the saved text loads to the edited scenario");
    let paths: std::collections::HashSet<String> = {
        let (_, pairs) = lex(out);
        elements(out, &pairs).into_iter().map(|e| e.1).collect()
    };
    let mut written = anchored_comments(out);
    let mut reported: Vec<String> = dropped.iter().map(|d| d.text.clone()).collect();
    for (text, anchor) in anchored_comments(original) {
        let survives = anchor.path().is_none_or(|p| paths.contains(p));
        if let Some(k) = written.iter().position(|w| w.0 == text && w.1 == anchor) {
            written.remove(k);
        } else if survives {
            panic!("comment {text:?} ({anchor:?}) is not in place in:\n{out}");
        } else if let Some(k) = written.iter().position(|w| w.0 == text) {
            written.remove(k);
        } else if let Some(k) = reported.iter().position(|r| *r == text) {
            reported.remove(k);
        } else {
            panic!("comment {text:?} ({anchor:?}) was lost without a word");
        }
    }
    assert!(written.is_empty(), "comments from nowhere: {written:?}");
    assert!(
        reported.is_empty(),
        "reported but not dropped: {reported:?}"
    );
}

fn parse(text: &str) -> Scenario {
    ron_file::parse(text, "bundled").expect("bundled scenario loads")
}

fn rewrite_and_check(original: &str, edited: &Scenario) -> rewrite::Rewritten {
    let r = rewrite::rewrite(original, edited).expect("rewrites");
    check(original, edited, &r.text, &r.dropped);
    r
}

#[test]
fn unchanged_scenarios_are_written_back_byte_for_byte() {
    for (name, text) in FILES {
        let r = rewrite::rewrite(text, &parse(text)).expect("rewrites");
        assert!(r.dropped.is_empty(), "{name}: {:?}", r.dropped);
        assert_eq!(r.text, text, "{name} changed");
    }
}

#[test]
fn the_oracle_sees_every_comment_of_the_bundled_files() {
    for (name, text) in FILES {
        let anchored = anchored_comments(text);
        let lines = text
            .lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .count();
        assert!(
            anchored.len() >= lines,
            "{name}: {} < {lines}",
            anchored.len()
        );
        assert!(anchored.iter().any(|a| a.1 == Anchor::Header), "{name}");
    }
    let template = anchored_comments(FILES[2].1);
    let veto = template
        .iter()
        .find(|c| c.0.starts_with("// veto (optional)"))
        .expect("the veto comment");
    assert_eq!(veto.1, Anchor::Before(".criteria[id=travel].veto".into()));
    let no_scale = template
        .iter()
        .find(|c| c.0.starts_with("// No `scale` here"))
        .expect("the scale comment");
    assert_eq!(no_scale.1, Anchor::EndOf(".criteria[id=cost]".into()));
}

#[test]
fn the_oracle_notices_a_misplaced_or_lost_comment() {
    let text = FILES[2].1;
    let s = parse(text);
    let moved = text
        .replacen("            // name: shown in tables and charts.\n", "", 1)
        .replacen(
            "            unit: \"min\",\n",
            "            unit: \"min\",\n            // name: shown in tables and charts.\n",
            1,
        );
    assert_ne!(moved, text);
    let misplaced = std::panic::catch_unwind(|| check(text, &s, &moved, &[]));
    assert!(misplaced.is_err(), "a moved comment passes");
    let lost = text.replacen("            // name: shown in tables and charts.\n", "", 1);
    assert!(std::panic::catch_unwind(|| check(text, &s, &lost, &[])).is_err());
    let reported = [DroppedComment {
        line: 36,
        text: "// name: shown in tables and charts.".into(),
    }];
    // Reported, but its item survives: still an error.
    assert!(std::panic::catch_unwind(|| check(text, &s, &lost, &reported)).is_err());
    check(text, &s, text, &[]);
}

/// The edits of the brief on the template: change a score, rename an
/// option, add an option and a criterion, delete an option, reorder.
#[test]
fn template_survives_a_round_of_edits() {
    let text = FILES[2].1;
    let mut s = parse(text);
    s.score_mut("north", "travel").expect("score").value = 25.0;
    s.alternatives[1].name = Text::bilingual("North end (the mall)", "Nord (le centre commercial)");
    let mut west = s.alternatives[1].clone();
    west.id = "west".into();
    s.alternatives.push(west);
    let copies: Vec<_> = s
        .scores
        .iter()
        .filter(|x| x.alternative == "north")
        .cloned()
        .collect();
    for mut c in copies {
        c.alternative = "west".into();
        s.scores.push(c);
    }
    let mut parking = s.criteria[3].clone();
    parking.id = "parking".into();
    s.criteria.insert(1, parking);
    s.alternatives.retain(|a| a.id != "east");
    s.scores.retain(|x| x.alternative != "east");
    s.criteria.swap(0, 2);
    s.profiles.reverse();
    let r = rewrite_and_check(text, &s);
    assert!(
        r.dropped.is_empty(),
        "east had no comments: {:?}",
        r.dropped
    );
    // The renamed option keeps its place and the guidance above its fields.
    assert!(
        r.text.contains(
            "            // needs (optional): how much of each resource (see `resources`\n"
        )
    );
    assert!(r.text.contains("North end (the mall)"));
    // Unchanged fields keep their text (`Some(30)`, not `30.0`).
    assert!(r.text.contains("veto: Some(30),"));
}

#[test]
fn deleting_a_commented_item_reports_its_comments() {
    let text = FILES[2].1;
    let mut s = parse(text);
    s.alternatives.retain(|a| a.id != "downtown");
    s.scores.retain(|x| x.alternative != "downtown");
    let r = rewrite_and_check(text, &s);
    let dropped: Vec<&str> = r.dropped.iter().map(|d| d.text.as_str()).collect();
    assert!(
        dropped.contains(&"// id, name and description work as for criteria."),
        "{dropped:?}"
    );
    assert!(
        dropped
            .iter()
            .any(|d| d.starts_with("// illustrative: true marks"))
    );
    let line = text
        .lines()
        .position(|l| l.contains("// id, name and description work"))
        .expect("line")
        + 1;
    assert!(r.dropped.iter().any(|d| d.line == line));
}

#[test]
fn removed_optional_fields_keep_their_guidance() {
    let text = FILES[2].1;
    let mut s = parse(text);
    s.criteria[0].veto = None;
    s.criteria[0].preference = Default::default();
    let r = rewrite_and_check(text, &s);
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    assert!(!r.text.contains("veto: Some(30)"));
    assert!(r.text.contains("// veto (optional): a hard limit."));
}

#[test]
fn a_default_value_written_out_stays_written() {
    // `combinable: false` is the default and the serialiser omits it; the
    // template writes it to teach it.
    let text = FILES[2].1;
    let mut s = parse(text);
    s.title = Text::new("Another title");
    let r = rewrite_and_check(text, &s);
    assert!(r.text.contains("    combinable: false,\n"));
    assert!(r.text.contains("    title: \"Another title\",\n"));
}

#[test]
fn saving_through_io_keeps_comments_and_the_backup() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("mine.ron");
    let text = FILES[0].1;
    std::fs::write(&path, text).expect("write");
    let (mut s, loaded) = io::load_with_text(&path).expect("loads");
    assert_eq!(loaded.as_deref(), Some(text));
    s.alternatives.swap(0, 1);
    let saved = io::save_keeping(&path, &s, loaded.as_deref()).expect("saves");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), saved.text);
    assert_eq!(
        std::fs::read_to_string(io::backup_path(&path)).expect("bak"),
        text
    );
    check(text, &s, &saved.text, &saved.dropped);
    assert_eq!(io::load(&path).expect("reloads"), s);
}

/// One random edit of a scenario.
#[derive(Debug, Clone)]
enum Edit {
    Score(usize, f64),
    Rename(usize, String),
    AddOption(usize),
    DeleteOption(usize),
    AddCriterion(usize),
    DeleteCriterion(usize),
    SwapCriteria(usize, usize),
    SwapOptions(usize, usize),
    ReverseScores,
    ToggleIllustrative(usize),
    Veto(usize, Option<f64>),
    Weight(usize, usize, f64),
    DropRange(usize),
    DeleteSource(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0usize..64;
    prop_oneof![
        (i.clone(), 0.0..100.0f64).prop_map(|(k, v)| Edit::Score(k, (v * 4.0).round() / 4.0)),
        (i.clone(), "[A-Za-z é]{1,12}").prop_map(|(k, n)| Edit::Rename(k, n)),
        i.clone().prop_map(Edit::AddOption),
        i.clone().prop_map(Edit::DeleteOption),
        i.clone().prop_map(Edit::AddCriterion),
        i.clone().prop_map(Edit::DeleteCriterion),
        (i.clone(), i.clone()).prop_map(|(a, b)| Edit::SwapCriteria(a, b)),
        (i.clone(), i.clone()).prop_map(|(a, b)| Edit::SwapOptions(a, b)),
        Just(Edit::ReverseScores),
        i.clone().prop_map(Edit::ToggleIllustrative),
        (i.clone(), proptest::option::of(0.0..50.0f64)).prop_map(|(k, v)| Edit::Veto(k, v)),
        (i.clone(), i.clone(), 0.0..1.0f64).prop_map(|(p, c, w)| Edit::Weight(p, c, w)),
        i.clone().prop_map(Edit::DropRange),
        i.prop_map(Edit::DeleteSource),
    ]
}

fn apply(s: &mut Scenario, e: &Edit, counter: usize) {
    let pick = |k: usize, len: usize| (len > 0).then(|| k % len);
    match e {
        Edit::Score(k, v) => {
            if let Some(k) = pick(*k, s.scores.len()) {
                let score = &mut s.scores[k];
                score.value = *v;
                score.low = score.low.map(|l| l.min(*v));
                score.high = score.high.map(|h| h.max(*v));
            }
        }
        Edit::Rename(k, n) => {
            if let Some(k) = pick(*k, s.alternatives.len()) {
                s.alternatives[k].name.en = n.clone();
            }
        }
        Edit::AddOption(k) => {
            if let Some(k) = pick(*k, s.alternatives.len()) {
                let mut a = s.alternatives[k].clone();
                let old = a.id.clone();
                a.id = format!("new{counter}");
                let scores: Vec<_> = s
                    .scores
                    .iter()
                    .filter(|x| x.alternative == old)
                    .cloned()
                    .collect();
                for mut x in scores {
                    x.alternative = a.id.clone();
                    s.scores.push(x);
                }
                s.alternatives.push(a);
            }
        }
        Edit::DeleteOption(k) => {
            if let Some(k) = pick(*k, s.alternatives.len()) {
                let id = s.alternatives.remove(k).id;
                s.scores.retain(|x| x.alternative != id);
            }
        }
        Edit::AddCriterion(k) => {
            if let Some(k) = pick(*k, s.criteria.len()) {
                let mut c = s.criteria[k].clone();
                c.id = format!("crit{counter}");
                s.criteria.insert(k, c);
            }
        }
        Edit::DeleteCriterion(k) => {
            if let Some(k) = pick(*k, s.criteria.len()) {
                let id = s.criteria.remove(k).id;
                s.scores.retain(|x| x.criterion != id);
                for p in &mut s.profiles {
                    p.weights.remove(&id);
                    p.bounds.remove(&id);
                }
            }
        }
        Edit::SwapCriteria(a, b) => {
            if let (Some(a), Some(b)) = (pick(*a, s.criteria.len()), pick(*b, s.criteria.len())) {
                s.criteria.swap(a, b);
            }
        }
        Edit::SwapOptions(a, b) => {
            let len = s.alternatives.len();
            if let (Some(a), Some(b)) = (pick(*a, len), pick(*b, len)) {
                s.alternatives.swap(a, b);
            }
        }
        Edit::ReverseScores => s.scores.reverse(),
        Edit::ToggleIllustrative(k) => {
            if let Some(k) = pick(*k, s.scores.len()) {
                s.scores[k].illustrative = !s.scores[k].illustrative;
            }
        }
        Edit::Veto(k, v) => {
            if let Some(k) = pick(*k, s.criteria.len()) {
                s.criteria[k].veto = *v;
            }
        }
        Edit::Weight(p, c, w) => {
            let ids: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
            if let (Some(p), Some(c)) = (pick(*p, s.profiles.len()), pick(*c, ids.len())) {
                s.profiles[p].weights.insert(ids[c].clone(), *w);
            }
        }
        Edit::DropRange(k) => {
            if let Some(k) = pick(*k, s.scores.len()) {
                s.scores[k].low = None;
                s.scores[k].high = None;
            }
        }
        Edit::DeleteSource(k) => {
            if let Some(k) = pick(*k, s.sources.len()) {
                s.sources.remove(k);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_keep_every_comment_whose_item_survives(
        file in 0usize..FILES.len(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let text = FILES[file].1;
        let mut s = parse(text);
        for (n, e) in edits.iter().enumerate() {
            apply(&mut s, e, n);
        }
        rewrite_and_check(text, &s);
    }

    #[test]
    fn saving_twice_keeps_what_the_first_save_kept(
        file in 0usize..FILES.len(),
        first in proptest::collection::vec(edit(), 1..4),
        second in proptest::collection::vec(edit(), 1..4),
    ) {
        let text = FILES[file].1;
        let mut s = parse(text);
        for (n, e) in first.iter().enumerate() {
            apply(&mut s, e, n);
        }
        let once = rewrite::rewrite(text, &s).expect("first save");
        for (n, e) in second.iter().enumerate() {
            apply(&mut s, e, 100 + n);
        }
        rewrite_and_check(&once.text, &s);
    }
}

/// The fields of format version 3 (`groups`, `value_function`) are saved
/// into the text like any other: points and children edited in place, a new
/// group and a new value function written, comments kept beside their items.
#[test]
fn value_tree_and_value_function_edits_keep_comments() {
    let text = FILES[0].1;
    let mut s = parse(text);
    assert!(!s.groups.is_empty(), "the bundled file has a tree");
    let cost = s
        .criteria
        .iter_mut()
        .find(|c| c.id == "cost")
        .expect("cost");
    let mut points = cost.value_function.clone().expect("a value function").0;
    points.insert(1, (150.0, 95.0));
    cost.value_function = Some(ValueFunction(points));
    let impact = s
        .criteria
        .iter_mut()
        .find(|c| c.id == "impact")
        .expect("impact");
    impact.value_function = Some(ValueFunction(vec![(0.0, 0.0), (5.0, 80.0), (10.0, 100.0)]));
    let local = s
        .groups
        .iter()
        .position(|g| g.id == "local")
        .expect("local");
    s.groups[local].children.retain(|c| c != "donor");
    let diplomacy = s
        .groups
        .iter_mut()
        .find(|g| g.id == "diplomacy")
        .expect("diplomacy");
    diplomacy.children.push("donor".into());
    diplomacy.name = Text::bilingual("Diplomacy and aid", "Diplomatie et aide");
    s.groups.push(Group {
        id: "money".into(),
        name: Text::bilingual("Money", "Argent"),
        description: Text::default(),
        children: vec!["cost".into()],
    });
    for p in &mut s.profiles {
        p.weights.insert("money".into(), 1.0);
    }
    let r = rewrite_and_check(text, &s);
    assert!(r.dropped.is_empty(), "{:?}", r.dropped);
    // The new point goes into the list as written, its neighbours untouched.
    assert!(
        r.text
            .contains("value_function: [(100, 100), (150, 95), (200, 80), (300, 40), (450, 0)],"),
        "{}",
        r.text
    );
    assert!(
        r.text
            .contains("value_function: [(0, 0), (5, 80), (10, 100)],")
    );
    assert!(r.text.contains("// Value function (format_version 3)"));
    assert!(r.text.contains("// The value tree (format_version 3)"));
    assert!(r.text.contains("\"Diplomacy and aid\""));
    assert!(r.text.contains("\"money\""));
    assert_eq!(parse(&r.text), s);
}

/// Taking the value tree and value functions out again: the fields go, and
/// the comments written above them are reported, never dropped silently.
#[test]
fn removing_the_tree_reports_its_comments() {
    let text = FILES[2].1;
    let mut s = parse(text);
    s.groups.clear();
    for c in &mut s.criteria {
        c.value_function = None;
    }
    for p in &mut s.profiles {
        p.weights.remove("getting_there");
        p.bounds.remove("getting_there");
    }
    let r = rewrite_and_check(text, &s);
    assert!(!r.text.contains("groups:"));
    assert!(!r.text.contains("value_function:"));
    assert!(
        r.dropped
            .iter()
            .any(|d| d.text.contains("children: the ids")),
        "{:?}",
        r.dropped
    );
    assert_eq!(parse(&r.text), s);
}
