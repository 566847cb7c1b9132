//! A lenient outline of RON text: where each group, list item, field and map
//! entry starts, so validation problems can be pointed at a line and column.
//! Its lexer also gives the tokens of a text with their comments, for saving
//! into a file without losing them (`io::rewrite`).
//!
//! It has its own lexer and parser because ron's give no positions for
//! values. Unlike ron's, this parser is lenient: it never fails, skips what
//! it does not understand, and stops descending past [`MAX_DEPTH`] so
//! hostile nesting cannot exhaust the stack. Whether the text is valid RON
//! is ron's to say; this only locates.

/// Deepest nesting the outline follows (the loader refuses deeper files anyway).
pub const MAX_DEPTH: usize = 96;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Pos {
    /// The start of the file.
    pub const START: Pos = Pos { line: 1, column: 1 };
}

/// A token of RON text (strings without their quotes).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Open(char),
    Close(char),
    Comma,
    Colon,
    Str(String),
    Word(String),
    /// A `//` or `/* */` comment (only from [`tokens_with_comments`]).
    Comment,
    Other,
}

/// One field `name: value` of a group.
#[derive(Debug, Clone)]
pub struct Field {
    /// Field name.
    pub name: String,
    /// Where the name starts.
    pub key: Pos,
    /// The value.
    pub value: Node,
}

/// A value in the outline.
#[derive(Debug, Clone)]
pub enum Node {
    /// `( ... )` or `Name( ... )`, with named fields and/or positional items.
    Group {
        /// Where it starts.
        start: Pos,
        /// Named fields.
        fields: Vec<Field>,
        /// Positional items (tuples, `Some(x)`).
        items: Vec<Node>,
    },
    /// `[ ... ]`.
    List {
        /// Where it starts.
        start: Pos,
        /// The items.
        items: Vec<Node>,
    },
    /// `{ key: value, ... }`.
    Map {
        /// Where it starts.
        start: Pos,
        /// The entries.
        entries: Vec<(Node, Node)>,
    },
    /// A string (unquoted content), number or word.
    Atom {
        /// Where it starts.
        start: Pos,
        /// The text (a string's content without quotes).
        text: String,
    },
}

impl Node {
    /// Where this value starts.
    pub fn start(&self) -> Pos {
        match self {
            Node::Group { start, .. }
            | Node::List { start, .. }
            | Node::Map { start, .. }
            | Node::Atom { start, .. } => *start,
        }
    }

    /// The named field of a group.
    pub fn field(&self, name: &str) -> Option<&Field> {
        match self {
            Node::Group { fields, .. } => fields.iter().find(|f| f.name == name),
            _ => None,
        }
    }

    /// The i-th item of a list.
    pub fn item(&self, i: usize) -> Option<&Node> {
        match self {
            Node::List { items, .. } => items.get(i),
            _ => None,
        }
    }

    /// The entry of a map whose key is `key`.
    pub fn entry(&self, key: &str) -> Option<&(Node, Node)> {
        match self {
            Node::Map { entries, .. } => entries.iter().find(|(k, _)| k.text() == Some(key)),
            _ => None,
        }
    }

    /// The entries of a map (empty for anything else).
    pub fn entries(&self) -> &[(Node, Node)] {
        match self {
            Node::Map { entries, .. } => entries,
            _ => &[],
        }
    }

    /// The items of a list (empty for anything else).
    pub fn items(&self) -> &[Node] {
        match self {
            Node::List { items, .. } => items,
            _ => &[],
        }
    }

    /// The text of an atom.
    pub fn text(&self) -> Option<&str> {
        match self {
            Node::Atom { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// Turns text into tokens lazily, so large files are never copied.
struct Lexer<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    column: usize,
    /// Yield comments as [`Tok::Comment`] instead of skipping them.
    keep_comments: bool,
    /// Byte offset where the last token returned starts.
    token_start: usize,
}

impl Lexer<'_> {
    fn peek(&self, k: usize) -> Option<char> {
        self.text[self.at..].chars().nth(k)
    }

    fn step(&mut self) {
        if let Some(c) = self.peek(0) {
            self.at += c.len_utf8();
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
    }

    fn word_char(c: char) -> bool {
        c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.' | '\'')
    }
}

impl Iterator for Lexer<'_> {
    type Item = (Tok, Pos);

    fn next(&mut self) -> Option<(Tok, Pos)> {
        loop {
            let c = self.peek(0)?;
            self.token_start = self.at;
            let pos = Pos {
                line: self.line,
                column: self.column,
            };
            let next = self.peek(1);
            let tok = if c.is_whitespace() {
                self.step();
                None
            } else if c == '/' && next == Some('/') {
                self.line_comment()
            } else if c == '/' && next == Some('*') {
                self.block_comment()
            } else if c == '"' {
                Some(self.string())
            } else if c == 'r' && matches!(next, Some('"') | Some('#')) {
                Some(self.raw_string())
            } else {
                Some(self.word_or_punctuation(c))
            };
            if let Some(tok) = tok {
                return Some((tok, pos));
            }
        }
    }
}

impl Lexer<'_> {
    /// A `//` comment up to the line end: a token only when comments are kept.
    fn line_comment(&mut self) -> Option<Tok> {
        while self.peek(0).is_some_and(|c| c != '\n') {
            self.step();
        }
        self.keep_comments.then_some(Tok::Comment)
    }

    /// A `/* */` comment, nested ones included.
    fn block_comment(&mut self) -> Option<Tok> {
        let mut depth = 0usize;
        let start = self.at;
        while let Some(c) = self.peek(0) {
            let next = self.peek(1);
            if c == '/' && next == Some('*') {
                depth += 1;
                self.step();
            } else if c == '*' && next == Some('/') {
                depth = depth.saturating_sub(1);
                self.step();
                if depth == 0 {
                    self.step();
                    break;
                }
            }
            self.step();
        }
        if depth > 0 {
            // An unclosed comment is not blank: let the parser say so.
            self.at = start + 2;
            return Some(Tok::Other);
        }
        self.keep_comments.then_some(Tok::Comment)
    }

    /// A `"..."` string, its escapes resolved to the escaped character.
    fn string(&mut self) -> Tok {
        self.step();
        let mut s = String::new();
        while let Some(c) = self.peek(0) {
            if c == '"' {
                break;
            }
            if c == '\\' {
                self.step();
            }
            s.extend(self.peek(0));
            self.step();
        }
        self.step();
        Tok::Str(s)
    }

    /// A raw string `r"..."` or `r#"..."#`.
    fn raw_string(&mut self) -> Tok {
        self.step();
        let mut hashes = 0;
        while self.peek(0) == Some('#') {
            hashes += 1;
            self.step();
        }
        self.step();
        let mut s = String::new();
        while let Some(c) = self.peek(0) {
            if c == '"' && (1..=hashes).all(|k| self.peek(k) == Some('#')) {
                for _ in 0..=hashes {
                    self.step();
                }
                break;
            }
            s.push(c);
            self.step();
        }
        Tok::Str(s)
    }

    /// A bracket, separator or word (a name, number or `r#name`), starting at `c`.
    fn word_or_punctuation(&mut self, c: char) -> Tok {
        let tok = match c {
            '(' | '[' | '{' => Tok::Open(c),
            ')' | ']' | '}' => Tok::Close(c),
            ',' => Tok::Comma,
            ':' => Tok::Colon,
            c if Self::word_char(c) => {
                let start = self.at;
                while self.peek(0).is_some_and(|c| Self::word_char(c) || c == '#') {
                    self.step();
                }
                return Tok::Word(self.text[start..self.at].to_string());
            }
            _ => Tok::Other,
        };
        self.step();
        tok
    }
}

fn lexer(text: &str) -> Lexer<'_> {
    Lexer {
        text,
        at: 0,
        line: 1,
        column: 1,
        keep_comments: false,
        token_start: 0,
    }
}

/// Every token of `text`, comments included, with its byte range and
/// starting position (for rewriting text while keeping its comments).
pub(crate) fn tokens_with_comments(text: &str) -> Vec<(Tok, std::ops::Range<usize>, Pos)> {
    let mut lexer = Lexer {
        keep_comments: true,
        ..lexer(text)
    };
    let mut tokens = Vec::new();
    while let Some((tok, pos)) = lexer.next() {
        tokens.push((tok, lexer.token_start..lexer.at, pos));
    }
    tokens
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// Look-ahead: the next two tokens at most.
    ahead: std::collections::VecDeque<(Tok, Pos)>,
    last: Pos,
}

impl Parser<'_> {
    fn fill(&mut self, k: usize) {
        while self.ahead.len() <= k {
            match self.lexer.next() {
                Some(t) => self.ahead.push_back(t),
                None => break,
            }
        }
    }

    fn peek(&mut self, k: usize) -> Option<&Tok> {
        self.fill(k);
        self.ahead.get(k).map(|(t, _)| t)
    }

    fn bump(&mut self) {
        self.fill(0);
        if let Some((_, p)) = self.ahead.pop_front() {
            self.last = p;
        }
    }

    fn pos(&mut self) -> Pos {
        self.fill(0);
        self.ahead.front().map_or(self.last, |(_, p)| *p)
    }

    /// Skips a balanced bracket run without building nodes (for deep input).
    fn skip_balanced(&mut self) {
        let mut depth = 0usize;
        while let Some(t) = self.peek(0).cloned() {
            match t {
                Tok::Open(_) => depth += 1,
                Tok::Close(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// Reads up to and including the close of a bracket just opened,
    /// skipping separators; `item` reads each item, starting at token `t`,
    /// and returns false to stop early.
    fn until_close(&mut self, mut item: impl FnMut(&mut Self, Tok) -> bool) {
        while let Some(t) = self.peek(0).cloned() {
            match t {
                Tok::Close(_) => {
                    self.bump();
                    break;
                }
                Tok::Comma | Tok::Colon | Tok::Other => self.bump(),
                t => {
                    if !item(self, t) {
                        break;
                    }
                }
            }
        }
    }

    /// A value, or an empty atom where the value should start when there is none.
    fn value_or_empty(&mut self, depth: usize) -> Node {
        let value = self.value(depth);
        let start = self.pos();
        value.unwrap_or(Node::Atom {
            start,
            text: String::new(),
        })
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos();
        if depth > MAX_DEPTH {
            self.skip_balanced();
            return Some(Node::Atom {
                start,
                text: String::new(),
            });
        }
        match self.peek(0)?.clone() {
            Tok::Open('(') => {
                self.bump();
                Some(self.group(start, depth))
            }
            Tok::Open('[') => {
                self.bump();
                let mut items = Vec::new();
                self.until_close(|p, _| {
                    items.extend(p.value(depth + 1));
                    true
                });
                Some(Node::List { start, items })
            }
            Tok::Open(_) => {
                self.bump();
                let mut entries = Vec::new();
                self.until_close(|p, _| {
                    let Some(key) = p.value(depth + 1) else {
                        return false;
                    };
                    if p.peek(0) == Some(&Tok::Colon) {
                        p.bump();
                    }
                    entries.push((key, p.value_or_empty(depth + 1)));
                    true
                });
                Some(Node::Map { start, entries })
            }
            Tok::Word(w) => {
                self.bump();
                if self.peek(0) == Some(&Tok::Open('(')) {
                    // Named struct, enum variant or Some(...).
                    self.bump();
                    Some(self.group(start, depth))
                } else {
                    Some(Node::Atom { start, text: w })
                }
            }
            Tok::Str(s) => {
                self.bump();
                Some(Node::Atom { start, text: s })
            }
            Tok::Close(_) | Tok::Comma | Tok::Colon | Tok::Comment | Tok::Other => {
                self.bump();
                None
            }
        }
    }

    fn group(&mut self, start: Pos, depth: usize) -> Node {
        let mut fields = Vec::new();
        let mut items = Vec::new();
        self.until_close(|p, t| {
            match t {
                Tok::Word(name) if p.peek(1) == Some(&Tok::Colon) => {
                    let key = p.pos();
                    p.bump();
                    p.bump();
                    let value = p.value_or_empty(depth + 1);
                    fields.push(Field {
                        name: name.trim_start_matches("r#").to_string(),
                        key,
                        value,
                    });
                }
                _ => items.extend(p.value(depth + 1)),
            }
            true
        });
        Node::Group {
            start,
            fields,
            items,
        }
    }
}

/// The outline of the first top-level group of `text` (the scenario), if any.
pub fn outline(text: &str) -> Option<Node> {
    let mut parser = Parser {
        lexer: lexer(text),
        ahead: std::collections::VecDeque::new(),
        last: Pos::START,
    };
    while parser.peek(0).is_some() {
        if let Some(node @ Node::Group { .. }) = parser.value(0) {
            return Some(node);
        }
    }
    None
}

/// True when `text` holds nothing but blanks and comments.
pub fn is_blank(text: &str) -> bool {
    lexer(text).next().is_none()
}

/// Position of the value of a top-level field (e.g. `format_version`).
pub fn top_field_value(text: &str, name: &str) -> Option<Pos> {
    outline(text)?.field(name).map(|f| f.value.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_items_and_entries() {
        let text =
            "// c\n(\n  a: 1,\n  list: [(id: \"x\"), (id: \"y\", v: NaN)],\n  m: {\"k\": 2},\n)";
        let root = outline(text).expect("outline");
        assert_eq!(
            root.field("a").map(|f| f.key),
            Some(Pos { line: 3, column: 3 })
        );
        let list = &root.field("list").expect("list").value;
        let second = list.item(1).expect("item");
        assert_eq!(
            second.start(),
            Pos {
                line: 4,
                column: 21
            }
        );
        assert_eq!(
            second.field("v").map(|f| f.value.start()),
            Some(Pos {
                line: 4,
                column: 34
            })
        );
        let m = &root.field("m").expect("m").value;
        assert_eq!(
            m.entry("k").map(|(_, v)| v.start()),
            Some(Pos {
                line: 5,
                column: 12
            })
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let text = format!("(a: {}", "[".repeat(200_000));
        let root = outline(&text).expect("outline");
        assert!(root.field("a").is_some());
    }
}
