//! Format-preserving saving: the new scenario is written into the text it was
//! loaded from, so the user's comments, blank lines and layout survive.
//!
//! Both texts are read into trees with byte ranges: the original, and the
//! fresh serialisation of the scenario. Walking them together, a value that
//! did not change keeps its original text; a changed one is replaced by its
//! fresh text, re-indented; list items follow the new order, each carrying
//! the comments around it (items are paired by their `id` field, else by
//! equal content, else by most fields in common). Fields and map entries keep
//! the user's order, new ones going after their predecessor. Nothing here
//! knows the scenario's fields: it works on any RON the serialiser writes.
//!
//! The result is accepted only when it loads back to exactly the scenario
//! saved; otherwise the fresh serialisation is used and every comment is
//! reported as dropped. Comments of deleted items are reported too, so the
//! caller can tell the user (the previous file is kept as `NAME.bak`).

use super::error::SaveError;
use super::limits::MAX_NESTING;
use super::outline::{self, Tok};
use crate::model::Lang;
use crate::model::Scenario;
use crate::tr;
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;

/// A comment of the original text that the rewritten text does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedComment {
    /// 1-based line in the original text.
    pub line: usize,
    /// The comment as written (`// ...` or `/* ... */`).
    pub text: String,
}

/// Text to save, and the original's comments it could not keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Rewritten {
    /// The new file content; it loads back to the scenario given.
    pub text: String,
    /// Comments whose item was deleted or whose value was replaced whole,
    /// in the order of the original text.
    pub dropped: Vec<DroppedComment>,
}

/// Most fields that disappeared from the new text tried one by one for
/// being kept (a default value the serialiser omits, like `combinable: false`).
const MAX_KEEP_TRIALS: usize = 16;
/// Most item pairs compared by content when matching a list's edited items.
const MAX_SIMILARITY_PAIRS: usize = 200_000;

/// `scenario` written into `original` (the text it was loaded from),
/// keeping every comment whose place still exists.
pub fn rewrite(original: &str, scenario: &Scenario) -> Result<Rewritten, SaveError> {
    let fresh = super::ron_file::to_string(scenario)?;
    let (bom, body) = match original.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", original),
    };
    if let Some(mut kept) = splice_verified(body, &fresh, scenario) {
        kept.text.insert_str(0, bom);
        return Ok(kept);
    }
    let dropped = outline::tokens_with_comments(body)
        .into_iter()
        .filter(|(t, ..)| *t == Tok::Comment)
        .map(|(_, r, pos)| DroppedComment {
            line: pos.line,
            text: body[r].to_string(),
        })
        .collect();
    Ok(Rewritten {
        text: fresh,
        dropped,
    })
}

/// The comments of `original` that saving `scenario` into it would drop,
/// so the user can be told when the file is opened, before any save
/// (a text without comments is answered at once).
pub fn comments_at_risk(original: &str, scenario: &Scenario) -> Vec<DroppedComment> {
    let has_comments = outline::tokens_with_comments(original)
        .iter()
        .any(|(t, ..)| *t == Tok::Comment);
    if !has_comments {
        return Vec::new();
    }
    rewrite(original, scenario)
        .map(|r| r.dropped)
        .unwrap_or_default()
}

/// Most comments quoted by [`describe_dropped`]; the rest are counted.
const MAX_QUOTED: usize = 3;
/// Most characters of a comment quoted.
const MAX_QUOTED_CHARS: usize = 60;

/// A short list of dropped comments for a message: where each was and its
/// start, the first few quoted and the rest counted.
pub fn describe_dropped(dropped: &[DroppedComment], lang: Lang) -> String {
    let mut parts: Vec<String> = dropped
        .iter()
        .take(MAX_QUOTED)
        .map(|d| {
            let first_line = d.text.lines().next().unwrap_or_default().trim();
            let mut quote: String = first_line.chars().take(MAX_QUOTED_CHARS).collect();
            if quote.len() < first_line.len() || d.text.lines().nth(1).is_some() {
                quote.push('…');
            }
            tr!(lang, "io.comment_at_line", line = d.line, text = quote)
        })
        .collect();
    if dropped.len() > MAX_QUOTED {
        parts.push(tr!(
            lang,
            "io.comments_more",
            count = dropped.len() - MAX_QUOTED
        ));
    }
    parts.join("; ")
}

/// The splice of `fresh` into `original` that loads back to `scenario`, if any.
fn splice_verified(original: &str, fresh: &str, scenario: &Scenario) -> Option<Rewritten> {
    let o = Doc::parse(original)?;
    let n = Doc::parse(fresh)?;
    let loads_back = |text: &str| super::ron_file::parse(text, "").is_ok_and(|s| &s == scenario);
    // Maps are first taken as unordered (the user's key order stays) and
    // whole numbers written plainly; if that changes what loads, the new
    // text's map order and number style are taken.
    let styles = [
        Style {
            ordered_maps: false,
            tidy_numbers: true,
        },
        Style {
            ordered_maps: false,
            tidy_numbers: false,
        },
        Style {
            ordered_maps: true,
            tidy_numbers: false,
        },
    ];
    for style in styles {
        let plain = Splice::run(&o, &n, style, &HashSet::new());
        if !loads_back(&plain.text) {
            continue;
        }
        // Fields the new text lacks may hold a default the serialiser omits:
        // keep those whose presence does not change what loads.
        let candidates = &plain.removed_fields;
        if candidates.is_empty() {
            return Some(plain.finish(&o));
        }
        let all: HashSet<usize> = candidates.iter().copied().collect();
        let with_all = Splice::run(&o, &n, style, &all);
        if loads_back(&with_all.text) {
            return Some(with_all.finish(&o));
        }
        let keepable: HashSet<usize> = candidates
            .iter()
            .take(MAX_KEEP_TRIALS)
            .copied()
            .filter(|c| {
                let one = HashSet::from([*c]);
                loads_back(&Splice::run(&o, &n, style, &one).text)
            })
            .collect();
        if !keepable.is_empty() {
            let some = Splice::run(&o, &n, style, &keepable);
            if loads_back(&some.text) {
                return Some(some.finish(&o));
            }
        }
        return Some(plain.finish(&o));
    }
    None
}

/// Choices of one splicing attempt.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// Map entries in the new text's order (else the original's).
    ordered_maps: bool,
    /// Whole numbers of the new text written without `.0`.
    tidy_numbers: bool,
}

/// The kind of a bracketed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `( ... )` or `Name( ... )`.
    Group,
    /// `[ ... ]`.
    List,
    /// `{ ... }`.
    Map,
}

/// How a child of a bracketed value is named.
#[derive(Debug)]
enum Key {
    /// `name: value` in a group.
    Field(String),
    /// `key: value` in a map.
    Entry(Box<Node>),
    /// A list item or positional group item.
    Item,
}

/// One child: key (if any), value and its comma.
#[derive(Debug)]
struct Child {
    key: Key,
    /// Start of the key, or of the value.
    start: usize,
    value: Node,
    /// End of the comma after the value, else of the value.
    end: usize,
    /// Byte of the comma, when there is one.
    comma: Option<usize>,
}

/// A value with its byte range.
#[derive(Debug)]
struct Node {
    start: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    /// A string, number or word.
    Atom,
    /// A bracketed value.
    Bracketed {
        shape: Shape,
        /// The name before `(` (struct or variant), possibly empty.
        name: String,
        /// Just after the opening bracket.
        open: usize,
        /// At the closing bracket.
        close: usize,
        children: Vec<Child>,
    },
}

impl Node {
    fn bracketed(&self) -> Option<(Shape, &str, usize, usize, &[Child])> {
        match &self.kind {
            Kind::Bracketed {
                shape,
                name,
                open,
                close,
                children,
            } => Some((*shape, name, *open, *close, children)),
            Kind::Atom => None,
        }
    }

    fn children(&self) -> &[Child] {
        self.bracketed().map_or(&[], |b| b.4)
    }

    /// The value inside `Some( ... )`, when this is one.
    fn some_inner(&self) -> Option<&Node> {
        match self.bracketed()? {
            (Shape::Group, "Some", _, _, [only]) if matches!(only.key, Key::Item) => {
                Some(&only.value)
            }
            _ => None,
        }
    }

    fn field(&self, name: &str) -> Option<&Node> {
        self.children().iter().find_map(|c| match &c.key {
            Key::Field(f) if f == name => Some(&c.value),
            _ => None,
        })
    }

    fn has_fields(&self) -> bool {
        self.children()
            .iter()
            .any(|c| matches!(c.key, Key::Field(_)))
    }
}

/// A RON text read into a tree, with its comments and strings located.
struct Doc<'a> {
    text: &'a str,
    root: Node,
    /// Comments: byte range and 1-based line, in text order.
    comments: Vec<(Range<usize>, usize)>,
    /// String tokens, in text order (their insides are never re-indented).
    strings: Vec<Range<usize>>,
}

/// Reads tokens into a tree; None on anything it does not understand.
struct TreeReader<'t> {
    tokens: Vec<(&'t Tok, Range<usize>)>,
    at: usize,
}

impl TreeReader<'_> {
    fn peek(&self, k: usize) -> Option<&Tok> {
        self.tokens.get(self.at + k).map(|(t, _)| *t)
    }

    fn range(&self) -> Option<Range<usize>> {
        self.tokens.get(self.at).map(|(_, r)| r.clone())
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_NESTING + 8 {
            return None;
        }
        let r = self.range()?;
        match self.peek(0)?.clone() {
            Tok::Open(c) => {
                self.at += 1;
                let shape = match c {
                    '(' => Shape::Group,
                    '[' => Shape::List,
                    _ => Shape::Map,
                };
                self.bracketed(shape, String::new(), r.start, r.end, depth)
            }
            Tok::Word(w) => {
                self.at += 1;
                if self.peek(0) == Some(&Tok::Open('(')) {
                    let open = self.range()?.end;
                    self.at += 1;
                    self.bracketed(Shape::Group, w, r.start, open, depth)
                } else {
                    Some(Node {
                        start: r.start,
                        end: r.end,
                        kind: Kind::Atom,
                    })
                }
            }
            Tok::Str(_) => {
                self.at += 1;
                Some(Node {
                    start: r.start,
                    end: r.end,
                    kind: Kind::Atom,
                })
            }
            _ => None,
        }
    }

    fn bracketed(
        &mut self,
        shape: Shape,
        name: String,
        start: usize,
        open: usize,
        depth: usize,
    ) -> Option<Node> {
        let closer = match shape {
            Shape::Group => ')',
            Shape::List => ']',
            Shape::Map => '}',
        };
        let mut children = Vec::new();
        loop {
            if let Some(Tok::Close(c)) = self.peek(0) {
                if *c != closer {
                    return None;
                }
                let r = self.range()?;
                self.at += 1;
                return Some(Node {
                    start,
                    end: r.end,
                    kind: Kind::Bracketed {
                        shape,
                        name,
                        open,
                        close: r.start,
                        children,
                    },
                });
            }
            let child_start = self.range()?.start;
            let key = match (shape, self.peek(0)?, self.peek(1)) {
                (Shape::Group, Tok::Word(w), Some(Tok::Colon)) => {
                    let name = w.trim_start_matches("r#").to_string();
                    self.at += 2;
                    Key::Field(name)
                }
                (Shape::Map, _, _) => {
                    let key = self.value(depth + 1)?;
                    if self.peek(0) != Some(&Tok::Colon) {
                        return None;
                    }
                    self.at += 1;
                    Key::Entry(Box::new(key))
                }
                _ => Key::Item,
            };
            let value = self.value(depth + 1)?;
            let (comma, end) = if self.peek(0) == Some(&Tok::Comma) {
                let r = self.range()?;
                self.at += 1;
                (Some(r.start), r.end)
            } else if matches!(self.peek(0), Some(Tok::Close(_))) {
                (None, value.end)
            } else {
                return None;
            };
            children.push(Child {
                key,
                start: child_start,
                value,
                end,
                comma,
            });
        }
    }
}

impl<'a> Doc<'a> {
    fn parse(text: &'a str) -> Option<Doc<'a>> {
        let tokens = outline::tokens_with_comments(text);
        let mut comments = Vec::new();
        let mut strings = Vec::new();
        let mut code = Vec::new();
        for (tok, range, pos) in &tokens {
            match tok {
                Tok::Comment => comments.push((range.clone(), pos.line)),
                Tok::Str(_) => {
                    strings.push(range.clone());
                    code.push((tok, range.clone()));
                }
                _ => code.push((tok, range.clone())),
            }
        }
        let mut reader = TreeReader {
            tokens: code,
            at: 0,
        };
        // Inner attributes such as `#![enable(implicit_some)]` stay in the header.
        while reader.peek(0) == Some(&Tok::Other) && reader.range().is_some_and(|r| &text[r] == "#")
        {
            reader.at += 1;
            if reader.range().is_some_and(|r| &text[r] == "!") {
                reader.at += 1;
            }
            reader.value(0)?;
        }
        let root = reader.value(0)?;
        if reader.at != reader.tokens.len() || root.bracketed().is_none() {
            return None;
        }
        Some(Doc {
            text,
            root,
            comments,
            strings,
        })
    }

    fn at(&self, r: Range<usize>) -> &'a str {
        &self.text[r]
    }

    /// The blanks that start the line holding byte `pos`.
    fn indent_at(&self, pos: usize) -> &'a str {
        let line_start = self.text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let line = &self.text[line_start..];
        let width = line.len() - line.trim_start_matches([' ', '\t']).len();
        &line[..width]
    }

    fn in_comment(&self, pos: usize) -> bool {
        let i = self.comments.partition_point(|(r, _)| r.end <= pos);
        self.comments.get(i).is_some_and(|(r, _)| r.start <= pos)
    }

    fn in_string(&self, pos: usize) -> bool {
        let i = self.strings.partition_point(|r| r.end <= pos);
        self.strings.get(i).is_some_and(|r| r.start < pos)
    }

    /// Splits a run of blanks and comments between what precedes and what
    /// follows: after its first line break (the rest of a line stays with
    /// what is on it). Within one line, comments after a comma or an opening
    /// bracket (`open`) go with what follows, others with what precedes.
    fn split_gap(&self, gap: Range<usize>, open: bool) -> (Range<usize>, Range<usize>) {
        let mut at = gap.start;
        while let Some(i) = self.text[at..gap.end].find('\n') {
            let nl = at + i;
            if !self.in_comment(nl) {
                return (gap.start..nl + 1, nl + 1..gap.end);
            }
            at = nl + 1;
        }
        let first_comment = self
            .comments
            .get(self.comments.partition_point(|(r, _)| r.start < gap.start))
            .map(|(r, _)| r.start)
            .filter(|&c| c < gap.end);
        match first_comment {
            Some(c) if open => (gap.start..c, c..gap.end),
            _ => (gap.clone(), gap.end..gap.end),
        }
    }

    /// The comments lying within any of `ranges`, in text order.
    fn comments_in(&self, ranges: &[Range<usize>]) -> Vec<DroppedComment> {
        let mut ranges = ranges.to_vec();
        ranges.sort_by_key(|r| r.start);
        self.comments
            .iter()
            .filter(|(c, _)| {
                let i = ranges.partition_point(|r| r.start <= c.start);
                i > 0 && ranges[..i].iter().any(|r| c.end <= r.end)
            })
            .map(|(c, line)| DroppedComment {
                line: *line,
                text: self.at(c.clone()).to_string(),
            })
            .collect()
    }

    /// `range` of this text with each following line's indentation `from`
    /// turned into `to` (lines inside strings are left as they are).
    fn reindented(&self, range: Range<usize>, from: &str, to: &str) -> String {
        let mut out = String::with_capacity(range.len());
        let mut at = range.start;
        while let Some(i) = self.text[at..range.end].find('\n') {
            let line_start = at + i + 1;
            out.push_str(&self.text[at..line_start]);
            at = line_start;
            if !self.in_string(line_start) && self.text[at..range.end].starts_with(from) {
                out.push_str(to);
                at += from.len();
            }
        }
        out.push_str(&self.text[at..range.end]);
        out
    }

    /// A form of `node` equal for values that load the same: numbers by
    /// value, strings by content, `Some(x)` as `x`, fields in name order,
    /// map entries in key order unless `ordered_maps`.
    fn canon(&self, node: &Node, ordered_maps: bool) -> String {
        let mut out = String::new();
        self.canon_into(node, ordered_maps, &mut out);
        out
    }

    fn canon_into(&self, node: &Node, ordered_maps: bool, out: &mut String) {
        if let Some(inner) = node.some_inner() {
            return self.canon_into(inner, ordered_maps, out);
        }
        let Some((shape, name, _, _, children)) = node.bracketed() else {
            canon_atom(self.at(node.start..node.end), out);
            return;
        };
        let mut parts: Vec<String> = children
            .iter()
            .map(|c| {
                let mut part = match &c.key {
                    Key::Field(f) => format!("{f}:"),
                    Key::Entry(k) => format!("{}:", self.canon(k, ordered_maps)),
                    Key::Item => String::new(),
                };
                self.canon_into(&c.value, ordered_maps, &mut part);
                part
            })
            .collect();
        let unordered = match shape {
            Shape::Map => !ordered_maps,
            Shape::Group => node.has_fields(),
            Shape::List => false,
        };
        if unordered {
            parts.sort();
        }
        out.push_str(name);
        out.push(match shape {
            Shape::Group => '(',
            Shape::List => '[',
            Shape::Map => '{',
        });
        out.push_str(&parts.join(","));
        out.push(')');
    }
}

/// [`Doc::canon`] of a string, number or word. The common forms are read
/// directly; anything else (escapes, raw strings, hexadecimal) by ron.
fn canon_atom(raw: &str, out: &mut String) {
    use std::fmt::Write;
    let number = |x: f64, out: &mut String| {
        let _ = write!(out, "n{:x}", x.to_bits());
    };
    let first = raw.chars().next().unwrap_or(' ');
    if let Some(plain) = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|s| !s.contains(['\\', '"']))
    {
        let _ = write!(out, "s{plain:?}");
    } else if first.is_ascii_digit() || matches!(first, '-' | '+' | '.') {
        match raw.replace('_', "").parse::<f64>() {
            Ok(x) if !raw.contains(['x', 'b', 'o']) => number(x, out),
            _ => match ron::from_str::<f64>(raw) {
                Ok(x) => number(x, out),
                Err(_) => {
                    let _ = write!(out, "w{raw}");
                }
            },
        }
    } else if raw.starts_with('"') || raw.starts_with("r#") || raw.starts_with("r\"") {
        match ron::from_str::<String>(raw) {
            Ok(s) => {
                let _ = write!(out, "s{s:?}");
            }
            Err(_) => {
                let _ = write!(out, "w{raw}");
            }
        }
    } else {
        match ron::from_str::<f64>(raw) {
            // `inf`, `NaN`.
            Ok(x) => number(x, out),
            Err(_) => {
                let _ = write!(out, "w{raw}");
            }
        }
    }
}

/// One step of rebuilding a bracketed value's children.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// An original child; with its new counterpart, or None when it is gone.
    Old(usize, Option<usize>),
    /// A child only the new text has.
    New(usize),
}

/// Where a child's surrounding text lies in the original.
struct Layout {
    /// Blanks and comments after the opening bracket's line break (or all
    /// of them on a one-line value), before the first child's leading part.
    head: Range<usize>,
    /// For each child: its leading blanks and comments (own lines before it).
    lead: Vec<Range<usize>>,
    /// For each child: the rest of its line after the comma (blanks, a
    /// trailing comment, the line break).
    trail: Vec<Range<usize>>,
    /// Comments and blanks before the closing bracket, on their own lines.
    tail: Range<usize>,
    /// True when the children start on a new line after the bracket.
    multiline: bool,
    /// Indentation of the children's lines.
    indent: String,
}

/// One rebuild of the original with the new values.
struct Splice<'o, 'n> {
    o: &'o Doc<'o>,
    n: &'n Doc<'n>,
    ordered_maps: bool,
    /// Write whole numbers of the new text without `.0`.
    tidy_numbers: bool,
    /// Original fields (by start) the new text lacks, to keep nevertheless.
    keep_fields: HashSet<usize>,
    /// Original fields the new text lacks (candidates for `keep_fields`).
    removed_fields: Vec<usize>,
    /// Original ranges removed with their comments.
    dropped: Vec<Range<usize>>,
    text: String,
}

impl<'o, 'n> Splice<'o, 'n> {
    fn run(o: &'o Doc<'o>, n: &'n Doc<'n>, style: Style, keep_fields: &HashSet<usize>) -> Self {
        let mut s = Splice {
            o,
            n,
            ordered_maps: style.ordered_maps,
            tidy_numbers: style.tidy_numbers,
            keep_fields: keep_fields.clone(),
            removed_fields: Vec::new(),
            dropped: Vec::new(),
            text: String::new(),
        };
        let mut out = String::with_capacity(o.text.len() + n.text.len() / 8);
        out.push_str(o.at(0..o.root.start));
        s.value(&o.root, &n.root, &mut out);
        out.push_str(o.at(o.root.end..o.text.len()));
        s.text = out;
        s
    }

    fn finish(self, o: &Doc) -> Rewritten {
        Rewritten {
            dropped: o.comments_in(&self.dropped),
            text: self.text,
        }
    }

    /// Writes the original value `ov` updated to the new value `nv`.
    fn value(&mut self, ov: &Node, nv: &Node, out: &mut String) {
        if let (Some(inner), None) = (ov.some_inner(), nv.some_inner()) {
            out.push_str(self.o.at(ov.start..inner.start));
            self.value(inner, nv, out);
            out.push_str(self.o.at(inner.end..ov.end));
            return;
        }
        match (ov.bracketed(), nv.bracketed()) {
            (None, None) => {
                if self.o.canon(ov, false) == self.n.canon(nv, false) {
                    out.push_str(self.o.at(ov.start..ov.end));
                } else {
                    out.push_str(&self.fresh(nv.start..nv.end, "", ""));
                }
            }
            (Some((os, oname, ..)), Some((ns, nname, ..)))
                if os == ns && (oname == nname || nname.is_empty()) && self.comparable(ov, nv) =>
            {
                self.rebuild(ov, nv, out);
            }
            _ => self.replace(ov, nv, out),
        }
    }

    /// True when the children of two same-shaped values can be paired:
    /// fields by name, positional items only one for one.
    fn comparable(&self, ov: &Node, nv: &Node) -> bool {
        let (o, n) = (ov.children(), nv.children());
        match ov.bracketed().map(|b| b.0) {
            Some(Shape::Group) if ov.has_fields() => nv.has_fields() || n.is_empty(),
            Some(Shape::Group) => o.is_empty() || (!nv.has_fields() && o.len() == n.len()),
            _ => true,
        }
    }

    /// New text from `range` of the fresh serialisation, re-indented from
    /// `from` to `to`, whole numbers written as the user would (`650`, not
    /// `650.0`) when `tidy_numbers`.
    fn fresh(&self, range: Range<usize>, from: &str, to: &str) -> String {
        let text = self.n.reindented(range, from, to);
        if !self.tidy_numbers {
            return text;
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (tok, r, _) in outline::tokens_with_comments(&text) {
            if let Tok::Word(w) = tok
                && let Some(whole) = w.strip_suffix(".0")
                && !whole.is_empty()
                && whole
                    .strip_prefix('-')
                    .unwrap_or(whole)
                    .bytes()
                    .all(|b| b.is_ascii_digit())
            {
                out.push_str(&text[at..r.start]);
                out.push_str(whole);
                at = r.end;
            }
        }
        out.push_str(&text[at..]);
        out
    }

    /// Writes the new value in place of `ov`, whose comments are dropped.
    fn replace(&mut self, ov: &Node, nv: &Node, out: &mut String) {
        let from = self.n.indent_at(nv.start);
        let to = self.o.indent_at(ov.start);
        out.push_str(&self.fresh(nv.start..nv.end, from, to));
        self.dropped.push(ov.start..ov.end);
    }

    fn layout(&self, ov: &Node) -> Option<Layout> {
        let (_, _, open, close, children) = ov.bracketed()?;
        let first = children.first()?;
        let mut lead = Vec::with_capacity(children.len());
        let mut trail = Vec::with_capacity(children.len());
        let (head, first_lead) = self.o.split_gap(open..first.start, true);
        lead.push(first_lead);
        for (i, c) in children.iter().enumerate() {
            let next = children.get(i + 1).map_or(close, |n| n.start);
            let (t, l) = self.o.split_gap(c.end..next, c.comma.is_some());
            trail.push(t);
            lead.push(l);
        }
        let tail = lead.pop().unwrap_or(close..close);
        let multiline = self.o.at(head.clone()).ends_with('\n');
        Some(Layout {
            head,
            lead,
            trail,
            tail,
            multiline,
            indent: self.o.indent_at(first.start).to_string(),
        })
    }

    /// Which original child each new child continues (None: a new one).
    fn pair(&self, ov: &Node, nv: &Node) -> Vec<Option<usize>> {
        let (o, n) = (ov.children(), nv.children());
        match ov.bracketed().map(|b| b.0) {
            Some(Shape::Group) if ov.has_fields() => n
                .iter()
                .map(|nc| {
                    o.iter().position(|oc| match (&oc.key, &nc.key) {
                        (Key::Field(a), Key::Field(b)) => a == b,
                        _ => false,
                    })
                })
                .collect(),
            Some(Shape::Group) => (0..n.len()).map(|j| (j < o.len()).then_some(j)).collect(),
            Some(Shape::Map) => {
                let mut by_key: HashMap<String, VecDeque<usize>> = HashMap::new();
                for (i, oc) in o.iter().enumerate() {
                    if let Key::Entry(k) = &oc.key {
                        by_key
                            .entry(self.o.canon(k, self.ordered_maps))
                            .or_default()
                            .push_back(i);
                    }
                }
                n.iter()
                    .map(|nc| match &nc.key {
                        Key::Entry(k) => by_key
                            .get_mut(&self.n.canon(k, self.ordered_maps))
                            .and_then(VecDeque::pop_front),
                        _ => None,
                    })
                    .collect()
            }
            _ => self.pair_items(o, n),
        }
    }

    /// Pairs list items: by `id`, then by equal content, then by most
    /// fields in common (more than half) for items without an id.
    fn pair_items(&self, o: &[Child], n: &[Child]) -> Vec<Option<usize>> {
        let id = |d: &Doc, c: &Child| {
            c.value
                .field("id")
                .filter(|v| v.bracketed().is_none())
                .map(|v| d.canon(v, self.ordered_maps))
        };
        let mut pairs: Vec<Option<usize>> = vec![None; n.len()];
        let mut taken = vec![false; o.len()];
        let mut by_id: HashMap<String, VecDeque<usize>> = HashMap::new();
        let o_ids: Vec<Option<String>> = o.iter().map(|c| id(self.o, c)).collect();
        for (i, k) in o_ids.iter().enumerate() {
            if let Some(k) = k {
                by_id.entry(k.clone()).or_default().push_back(i);
            }
        }
        let n_ids: Vec<Option<String>> = n.iter().map(|c| id(self.n, c)).collect();
        for (j, k) in n_ids.iter().enumerate() {
            if let Some(i) = k
                .as_ref()
                .and_then(|k| by_id.get_mut(k))
                .and_then(VecDeque::pop_front)
            {
                pairs[j] = Some(i);
                taken[i] = true;
            }
        }
        let mut by_content: HashMap<String, VecDeque<usize>> = HashMap::new();
        for (i, c) in o.iter().enumerate() {
            if !taken[i] {
                by_content
                    .entry(self.o.canon(&c.value, self.ordered_maps))
                    .or_default()
                    .push_back(i);
            }
        }
        for (j, c) in n.iter().enumerate() {
            if pairs[j].is_none()
                && let Some(i) = by_content
                    .get_mut(&self.n.canon(&c.value, self.ordered_maps))
                    .and_then(VecDeque::pop_front)
            {
                pairs[j] = Some(i);
                taken[i] = true;
            }
        }
        // Edited items without an id: most fields in common.
        let open_o: Vec<usize> = (0..o.len())
            .filter(|&i| !taken[i] && o_ids[i].is_none() && o[i].value.has_fields())
            .collect();
        let open_n: Vec<usize> = (0..n.len())
            .filter(|&j| pairs[j].is_none() && n_ids[j].is_none() && n[j].value.has_fields())
            .collect();
        if open_o.is_empty() || open_o.len() * open_n.len() > MAX_SIMILARITY_PAIRS {
            return pairs;
        }
        let fields = |d: &Doc, c: &Child| -> HashMap<String, String> {
            c.value
                .children()
                .iter()
                .filter_map(|f| match &f.key {
                    Key::Field(name) => Some((name.clone(), d.canon(&f.value, self.ordered_maps))),
                    _ => None,
                })
                .collect()
        };
        let o_fields: HashMap<usize, HashMap<String, String>> =
            open_o.iter().map(|&i| (i, fields(self.o, &o[i]))).collect();
        for j in open_n {
            let nf = fields(self.n, &n[j]);
            let best = open_o
                .iter()
                .filter(|&&i| !taken[i])
                .filter_map(|&i| {
                    let of = &o_fields[&i];
                    let common = nf.iter().filter(|(k, v)| of.get(*k) == Some(v)).count();
                    (2 * common > nf.len().max(of.len())).then_some((common, i))
                })
                .max_by_key(|&(common, i)| (common, std::cmp::Reverse(i.abs_diff(j))));
            if let Some((_, i)) = best {
                pairs[j] = Some(i);
                taken[i] = true;
            }
        }
        pairs
    }

    /// The order children are written in: a list's new order; for groups
    /// and maps the original order, each new child after its predecessor.
    fn steps(&self, ov: &Node, pairs: &[Option<usize>]) -> Vec<Step> {
        let o_len = ov.children().len();
        let new_order = match ov.bracketed().map(|b| b.0) {
            Some(Shape::List) => true,
            Some(Shape::Map) => self.ordered_maps,
            _ => !ov.has_fields(),
        };
        let mut matched = vec![None; o_len];
        for (j, p) in pairs.iter().enumerate() {
            if let Some(i) = p {
                matched[*i] = Some(j);
            }
        }
        let mut steps = Vec::with_capacity(o_len + pairs.len());
        if new_order {
            steps.extend(pairs.iter().enumerate().map(|(j, p)| match p {
                Some(i) => Step::Old(*i, Some(j)),
                None => Step::New(j),
            }));
            steps.extend(
                (0..o_len)
                    .filter(|i| matched[*i].is_none())
                    .map(|i| Step::Old(i, None)),
            );
            return steps;
        }
        // New children go after the original child their predecessor continues.
        let mut after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        let mut anchor = None;
        for (j, p) in pairs.iter().enumerate() {
            match p {
                Some(i) => anchor = Some(*i),
                None => after.entry(anchor).or_default().push(j),
            }
        }
        steps.extend(
            after
                .remove(&None)
                .unwrap_or_default()
                .into_iter()
                .map(Step::New),
        );
        for (i, m) in matched.iter().enumerate() {
            steps.push(Step::Old(i, *m));
            steps.extend(
                after
                    .remove(&Some(i))
                    .unwrap_or_default()
                    .into_iter()
                    .map(Step::New),
            );
        }
        steps
    }

    /// Rebuilds a bracketed value child by child.
    fn rebuild(&mut self, ov: &Node, nv: &Node, out: &mut String) {
        let Some((_, _, open, close, o_children)) = ov.bracketed() else {
            return self.replace(ov, nv, out);
        };
        let n_children = nv.children();
        let Some(layout) = self.layout(ov) else {
            // An empty original: nothing to keep but what the brackets hold.
            if n_children.is_empty() {
                out.push_str(self.o.at(ov.start..ov.end));
            } else {
                self.replace(ov, nv, out);
            }
            return;
        };
        let pairs = self.pair(ov, nv);
        let steps = self.steps(ov, &pairs);
        let is_group = ov.has_fields();
        // What each step writes: kept children, gone ones, new ones.
        let writes: Vec<bool> = steps
            .iter()
            .map(|s| match s {
                Step::Old(i, None) => {
                    let c = &o_children[*i];
                    is_group && self.keep_fields.contains(&c.start)
                }
                _ => true,
            })
            .collect();
        let last_written = writes.iter().rposition(|w| *w);
        let comma_after_last = o_children.last().is_some_and(|c| c.comma.is_some());
        out.push_str(self.o.at(ov.start..open));
        out.push_str(self.o.at(layout.head.clone()));
        let mut previous: Option<usize> = None;
        let mut adjacent_to_previous = true;
        for (k, step) in steps.iter().enumerate() {
            let is_last = Some(k) == last_written;
            let comma = !is_last || comma_after_last;
            match *step {
                Step::Old(i, counterpart) => {
                    let c = &o_children[i];
                    if counterpart.is_none() && !writes[k] {
                        if is_group {
                            self.removed_fields.push(c.start);
                            self.orphan_comments(&layout, c, i, out);
                        } else {
                            self.dropped.push(layout.lead[i].start..layout.trail[i].end);
                        }
                        adjacent_to_previous = false;
                        continue;
                    }
                    let in_place = adjacent_to_previous
                        && match previous {
                            None => i == 0,
                            Some(p) => p + 1 == i,
                        };
                    let lead = self.o.at(layout.lead[i].clone());
                    if !in_place && layout.multiline && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    if !in_place && layout.multiline && lead.trim().is_empty() {
                        out.push_str(&layout.indent);
                    } else {
                        out.push_str(lead);
                    }
                    out.push_str(self.o.at(c.start..c.value.start));
                    match counterpart {
                        Some(j) => self.value(&c.value, &n_children[j].value, out),
                        None => out.push_str(self.o.at(c.value.start..c.value.end)),
                    }
                    let trail = self.o.at(layout.trail[i].clone());
                    // A comma added after a value goes after a comment on
                    // the same line, unless that comment ends the line.
                    let comma_after_trail = c.comma.is_none() && comma && !trail.contains('\n');
                    match (c.comma, comma) {
                        (Some(at), false) => out.push_str(self.o.at(c.value.end..at)),
                        (Some(_), true) => out.push_str(self.o.at(c.value.end..c.end)),
                        (None, true) if !comma_after_trail => out.push(','),
                        _ => {}
                    }
                    let followed_in_place =
                        matches!(steps.get(k + 1), Some(Step::Old(next, _)) if *next == i + 1);
                    let moved_to_end = is_last && i + 1 != o_children.len();
                    // A blank trail is dropped where the item no longer ends
                    // the line, or where a comma is added after it.
                    if layout.multiline
                        || !trail.trim().is_empty()
                        || (!moved_to_end && !comma_after_trail)
                    {
                        out.push_str(trail);
                    }
                    if comma_after_trail {
                        out.push(',');
                    }
                    let needs_space = !layout.multiline && !is_last && !followed_in_place;
                    if needs_space && !out.ends_with([' ', '\n']) {
                        out.push(' ');
                    }
                    previous = Some(i);
                    adjacent_to_previous = true;
                }
                Step::New(j) => {
                    let nc = &n_children[j];
                    let from = self.n.indent_at(nc.start);
                    if layout.multiline {
                        if !out.ends_with('\n') {
                            out.push('\n');
                        }
                        out.push_str(&layout.indent);
                    }
                    let indent = if layout.multiline {
                        layout.indent.clone()
                    } else {
                        self.o.indent_at(ov.start).to_string()
                    };
                    out.push_str(&self.fresh(nc.start..nc.value.end, from, &indent));
                    if comma {
                        out.push(',');
                    }
                    if layout.multiline {
                        out.push('\n');
                    } else if !is_last {
                        out.push(' ');
                    }
                    adjacent_to_previous = false;
                }
            }
        }
        let tail = self.o.at(layout.tail.clone());
        let ends_in_place = adjacent_to_previous && previous == Some(o_children.len() - 1);
        if layout.multiline && !ends_in_place && !out.ends_with('\n') {
            out.push('\n');
        }
        if layout.multiline && !ends_in_place && tail.is_empty() && out.ends_with('\n') {
            out.push_str(self.o.indent_at(ov.start));
        } else {
            out.push_str(tail);
        }
        out.push_str(self.o.at(close..ov.end));
    }

    /// Writes the comments before and after a field the new text lacks on
    /// their own lines where it was: they often explain an optional field,
    /// not one value. Comments inside its value go with the value.
    fn orphan_comments(&mut self, layout: &Layout, child: &Child, i: usize, out: &mut String) {
        let value = child.value.start..child.value.end;
        self.dropped.push(value.clone());
        let around = layout.lead[i].start..layout.trail[i].end;
        let comments: Vec<Range<usize>> = self
            .o
            .comments
            .iter()
            .map(|(r, _)| r.clone())
            .filter(|r| around.start <= r.start && r.end <= around.end)
            .filter(|r| !(value.start <= r.start && r.end <= value.end))
            .collect();
        for r in comments {
            let text = self.o.at(r);
            if layout.multiline {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&layout.indent);
                out.push_str(text);
                out.push('\n');
            } else {
                out.push_str(text);
                out.push(if text.starts_with("//") { '\n' } else { ' ' });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ron_file::parse;

    const MINI: &str = "\u{feff}#![enable(implicit_some)]
// header
(
    format_version: 2, // the format
    title: \"t\",
    criteria: [
        (id: \"cost\", name: \"Cost\", direction: Minimize, unit: \"CAD M\" /* money */),
        // risk is judged
        (id: \"risk\", name: \"Risk\", direction: Minimize, unit: \"0-10\", veto: Some(8)),
    ],
    alternatives: [(id: \"a\", name: \"A\"), /* b next */ (id: \"b\", name: \"B\")],
    scores: [
        (alternative: \"a\", criterion: \"cost\", value: 8, illustrative: true), // a cost
        (alternative: \"b\", criterion: \"cost\", value: 1_0, illustrative: true),
        (alternative: \"a\", criterion: \"risk\", value: 1, illustrative: true),
        (alternative: \"b\", criterion: \"risk\", value: 2, illustrative: true)
    ],
    profiles: [(id: \"p\", name: \"P\", weights: {\"risk\": 1, /* cost too */ \"cost\": 2})],
    active_profile: \"p\",
    /* block
       comment */
)
// footer
";

    fn edited(edit: impl FnOnce(&mut Scenario)) -> (Scenario, Rewritten) {
        let mut s = parse(MINI, "mini").expect("mini loads");
        edit(&mut s);
        let r = rewrite(MINI, &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s, "{}", r.text);
        (s, r)
    }

    #[test]
    fn unchanged_text_is_written_back_as_it_was() {
        let (_, r) = edited(|_| {});
        assert_eq!(r.text, MINI);
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn a_changed_value_replaces_only_itself() {
        let (_, r) = edited(|s| s.scores[1].value = 12.5);
        assert_eq!(r.text, MINI.replace("value: 1_0,", "value: 12.5,"));
        let (_, r) = edited(|s| s.scores[0].value = 9.0);
        assert_eq!(r.text, MINI.replace("value: 8,", "value: 9,"));
    }

    #[test]
    fn inline_items_reorder_with_their_comments() {
        let (_, r) = edited(|s| s.alternatives.reverse());
        let expected =
            "alternatives: [/* b next */ (id: \"b\", name: \"B\"), (id: \"a\", name: \"A\")],";
        assert!(r.text.contains(expected), "{}", r.text);
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn a_new_map_entry_and_field_fit_the_line_they_join() {
        let (_, r) = edited(|s| {
            s.profiles[0].weights.insert("new".into(), 3.0);
            s.criteria[0].veto = Some(40.0);
        });
        assert!(
            r.text
                .contains("weights: {\"risk\": 1, /* cost too */ \"cost\": 2, \"new\": 3}"),
            "{}",
            r.text
        );
        assert!(
            r.text.contains("unit: \"CAD M\" /* money */, veto: 40),"),
            "{}",
            r.text
        );
    }

    #[test]
    fn deleting_an_item_reports_its_comments_and_keeps_the_others() {
        let (_, r) = edited(|s| {
            s.criteria.retain(|c| c.id != "risk");
            s.scores.retain(|x| x.criterion != "risk");
            s.profiles[0].weights.remove("risk");
        });
        let dropped: Vec<&str> = r.dropped.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dropped, ["// risk is judged"]);
        assert_eq!(r.dropped[0].line, 8);
        for kept in [
            "// header",
            "// the format",
            "/* money */",
            "// a cost",
            "// footer",
        ] {
            assert!(r.text.contains(kept), "{kept}: {}", r.text);
        }
        assert!(r.text.contains("/* block\n       comment */\n)"));
        assert!(
            r.text
                .starts_with("\u{feff}#![enable(implicit_some)]\n// header\n(")
        );
        // The `/* cost too */` comment sat before the `cost` entry, which stays.
        assert!(
            r.text.contains("weights: {/* cost too */ \"cost\": 2}"),
            "{}",
            r.text
        );
    }

    #[test]
    fn an_edited_item_without_id_keeps_its_trailing_comment() {
        let (_, r) = edited(|s| {
            s.scores[0].value = 7.0;
            s.scores.swap(0, 3);
        });
        assert!(
            r.text.contains("(alternative: \"a\", criterion: \"cost\", value: 7, illustrative: true) // a cost\n"),
            "{}",
            r.text
        );
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn text_it_cannot_read_is_written_fresh_with_every_comment_reported() {
        // A byte string is valid RON that the splicer does not read.
        let odd = MINI.replace("title: \"t\"", "title: \"t\", // odd\n    date: \"x\"");
        let s = parse(&odd, "odd").expect("loads");
        let r = rewrite(&odd, &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s);
        assert!(r.text.contains("// odd"), "{}", r.text);
        assert!(r.dropped.is_empty());
        let unreadable = "(format_version: 2 title: \"t\")";
        assert!(Doc::parse(unreadable).is_none());
        let r = rewrite("// c\n(format_version: 2 title: \"t\")", &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s);
        assert_eq!(r.dropped.len(), 1);
        assert_eq!(r.dropped[0].text, "// c");
    }

    #[test]
    fn windows_line_ends_are_kept() {
        let crlf = MINI.replace('\n', "\r\n");
        let mut s = parse(&crlf, "crlf").expect("loads");
        let same = rewrite(&crlf, &s).expect("rewrites");
        assert_eq!(same.text, crlf);
        s.scores[0].value = 3.0;
        s.criteria.reverse();
        let r = rewrite(&crlf, &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s);
        assert!(r.dropped.is_empty());
        assert!(r.text.contains("value: 3, illustrative: true), // a cost\r\n"));
        assert!(r.text.contains("        // risk is judged\r\n        (id: \"risk\""));
    }

    #[test]
    fn the_list_of_dropped_comments_is_short_and_translated() {
        let dropped: Vec<DroppedComment> = (1..=5)
            .map(|line| DroppedComment {
                line,
                text: format!("// comment {line}"),
            })
            .collect();
        let en = describe_dropped(&dropped, Lang::En);
        assert!(en.starts_with("line 1: “// comment 1”; line 2"), "{en}");
        assert!(en.ends_with("and 2 more"), "{en}");
        let fr = describe_dropped(&dropped[..1], Lang::Fr);
        assert_eq!(fr, "ligne 1 : « // comment 1 »");
    }
}
