//! The text of a RON value read as a tree with byte ranges, its comments
//! and strings located, and a form of each value equal for values that
//! load the same (for pairing old and new values).

use super::super::limits::MAX_NESTING;
use super::super::outline::{self, Tok};
use super::DroppedComment;
use std::ops::Range;

/// The kind of a bracketed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// `( ... )` or `Name( ... )`.
    Group,
    /// `[ ... ]`.
    List,
    /// `{ ... }`.
    Map,
}

/// How a child of a bracketed value is named.
#[derive(Debug)]
pub(super) enum Key {
    /// `name: value` in a group.
    Field(String),
    /// `key: value` in a map.
    Entry(Box<Node>),
    /// A list item or positional group item.
    Item,
}

/// One child: key (if any), value and its comma.
#[derive(Debug)]
pub(super) struct Child {
    pub(super) key: Key,
    /// Start of the key, or of the value.
    pub(super) start: usize,
    pub(super) value: Node,
    /// End of the comma after the value, else of the value.
    pub(super) end: usize,
    /// Byte of the comma, when there is one.
    pub(super) comma: Option<usize>,
}

/// A value with its byte range.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
}

#[derive(Debug)]
pub(super) enum Kind {
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
    pub(super) fn bracketed(&self) -> Option<(Shape, &str, usize, usize, &[Child])> {
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

    pub(super) fn children(&self) -> &[Child] {
        self.bracketed().map_or(&[], |b| b.4)
    }

    /// The value inside `Some( ... )`, when this is one.
    pub(super) fn some_inner(&self) -> Option<&Node> {
        match self.bracketed()? {
            (Shape::Group, "Some", _, _, [only]) if matches!(only.key, Key::Item) => {
                Some(&only.value)
            }
            _ => None,
        }
    }

    pub(super) fn field(&self, name: &str) -> Option<&Node> {
        self.children().iter().find_map(|c| match &c.key {
            Key::Field(f) if f == name => Some(&c.value),
            _ => None,
        })
    }

    pub(super) fn has_fields(&self) -> bool {
        self.children()
            .iter()
            .any(|c| matches!(c.key, Key::Field(_)))
    }
}

/// A RON text read into a tree, with its comments and strings located.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) root: Node,
    /// Comments: byte range and 1-based line, in text order.
    pub(super) comments: Vec<(Range<usize>, usize)>,
    /// String tokens, in text order (their insides are never re-indented).
    pub(super) strings: Vec<Range<usize>>,
}

/// Reads tokens into a tree; None on anything it does not understand.
struct TreeReader<'t> {
    pub(super) tokens: Vec<(&'t Tok, Range<usize>)>,
    pub(super) at: usize,
}

impl TreeReader<'_> {
    pub(super) fn peek(&self, k: usize) -> Option<&Tok> {
        self.tokens.get(self.at + k).map(|(t, _)| *t)
    }

    pub(super) fn range(&self) -> Option<Range<usize>> {
        self.tokens.get(self.at).map(|(_, r)| r.clone())
    }

    pub(super) fn value(&mut self, depth: usize) -> Option<Node> {
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

    pub(super) fn bracketed(
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
    pub(super) fn parse(text: &'a str) -> Option<Doc<'a>> {
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

    pub(super) fn at(&self, r: Range<usize>) -> &'a str {
        &self.text[r]
    }

    /// The blanks that start the line holding byte `pos`.
    pub(super) fn indent_at(&self, pos: usize) -> &'a str {
        let line_start = self.text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let line = &self.text[line_start..];
        let width = line.len() - line.trim_start_matches([' ', '\t']).len();
        &line[..width]
    }

    pub(super) fn in_comment(&self, pos: usize) -> bool {
        let i = self.comments.partition_point(|(r, _)| r.end <= pos);
        self.comments.get(i).is_some_and(|(r, _)| r.start <= pos)
    }

    pub(super) fn in_string(&self, pos: usize) -> bool {
        let i = self.strings.partition_point(|r| r.end <= pos);
        self.strings.get(i).is_some_and(|r| r.start < pos)
    }

    /// Splits a run of blanks and comments between what precedes and what
    /// follows: after its first line break (the rest of a line stays with
    /// what is on it). Within one line, comments after a comma or an opening
    /// bracket (`open`) go with what follows, others with what precedes.
    pub(super) fn split_gap(&self, gap: Range<usize>, open: bool) -> (Range<usize>, Range<usize>) {
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
    pub(super) fn comments_in(&self, ranges: &[Range<usize>]) -> Vec<DroppedComment> {
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
    pub(super) fn reindented(&self, range: Range<usize>, from: &str, to: &str) -> String {
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
    pub(super) fn canon(&self, node: &Node, ordered_maps: bool) -> String {
        let mut out = String::new();
        self.canon_into(node, ordered_maps, &mut out);
        out
    }

    pub(super) fn canon_into(&self, node: &Node, ordered_maps: bool, out: &mut String) {
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

/// Canonical forms of the values a serialiser typically omits as defaults.
const DEFAULT_LOOKING: [&str; 5] = ["wfalse", "wNone", "s\"\"", "n0", "n8000000000000000"];

impl Doc<'_> {
    /// True for `false`, `None`, `0`, `""` and empty brackets: values a
    /// field may be written with that the serialiser leaves out.
    pub(super) fn looks_like_a_default(&self, node: &Node) -> bool {
        match node.bracketed() {
            Some((_, _, _, _, children)) => children.is_empty(),
            None => DEFAULT_LOOKING.contains(&self.canon(node, false).as_str()),
        }
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
