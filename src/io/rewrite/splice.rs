//! One rebuild of the original text with the new values: unchanged values
//! keep their text, changed ones take the new text, children are written in
//! their new order with the blanks and comments around them.

use super::super::outline::{self, Tok};
use super::tree::{Child, Doc, Key, Node, Shape};
use super::{MAX_SIMILARITY_PAIRS, Rewritten};
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;

/// Choices of one splicing attempt.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    /// Map entries in the new text's order (else the original's).
    pub(super) ordered_maps: bool,
    /// Whole numbers of the new text written without `.0`.
    pub(super) tidy_numbers: bool,
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

/// Where an original child is written among its siblings.
struct Place {
    /// Nothing is written after it.
    is_last: bool,
    /// A comma goes after it.
    comma: bool,
    /// It follows the sibling it followed in the original.
    in_place: bool,
    /// The sibling that followed it in the original follows it still.
    followed_in_place: bool,
    /// It is now last, but was not.
    moved_to_end: bool,
}

/// Which original list item each new item continues, built in passes.
struct Pairing {
    /// For each new item, the original it continues (None: a new item).
    pairs: Vec<Option<usize>>,
    /// For each original item, true once a new item continues it.
    taken: Vec<bool>,
}

impl Pairing {
    fn pair(&mut self, new: usize, original: usize) {
        self.pairs[new] = Some(original);
        self.taken[original] = true;
    }

    /// Pairs items still open whose keys are equal, first with first.
    fn by_key(
        &mut self,
        original_key: impl Fn(usize) -> Option<String>,
        new_key: impl Fn(usize) -> Option<String>,
    ) {
        let mut by_key: HashMap<String, VecDeque<usize>> = HashMap::new();
        for i in (0..self.taken.len()).filter(|&i| !self.taken[i]) {
            if let Some(k) = original_key(i) {
                by_key.entry(k).or_default().push_back(i);
            }
        }
        for j in 0..self.pairs.len() {
            if self.pairs[j].is_none()
                && let Some(i) = new_key(j)
                    .and_then(|k| by_key.get_mut(&k))
                    .and_then(VecDeque::pop_front)
            {
                self.pair(j, i);
            }
        }
    }
}

/// One rebuild of the original with the new values.
pub(super) struct Splice<'o, 'n> {
    o: &'o Doc<'o>,
    n: &'n Doc<'n>,
    pub(super) ordered_maps: bool,
    /// Write whole numbers of the new text without `.0`.
    pub(super) tidy_numbers: bool,
    /// Original fields (by start) the new text lacks, to keep nevertheless.
    keep_fields: HashSet<usize>,
    /// Original fields the new text lacks whose value looks like a default
    /// the serialiser omits (candidates for `keep_fields`).
    pub(super) removed_fields: Vec<usize>,
    /// Original ranges removed with their comments.
    dropped: Vec<Range<usize>>,
    pub(super) text: String,
}

impl<'o, 'n> Splice<'o, 'n> {
    pub(super) fn run(
        o: &'o Doc<'o>,
        n: &'n Doc<'n>,
        style: Style,
        keep_fields: &HashSet<usize>,
    ) -> Self {
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

    pub(super) fn finish(self, o: &Doc) -> Rewritten {
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
        let o_ids: Vec<Option<String>> = o.iter().map(|c| self.item_id(self.o, c)).collect();
        let n_ids: Vec<Option<String>> = n.iter().map(|c| self.item_id(self.n, c)).collect();
        let mut pairing = Pairing {
            pairs: vec![None; n.len()],
            taken: vec![false; o.len()],
        };
        pairing.by_key(|i| o_ids[i].clone(), |j| n_ids[j].clone());
        pairing.by_key(
            |i| Some(self.o.canon(&o[i].value, self.ordered_maps)),
            |j| Some(self.n.canon(&n[j].value, self.ordered_maps)),
        );
        self.pair_by_common_fields(o, n, &o_ids, &n_ids, &mut pairing);
        pairing.pairs
    }

    /// An item's `id` field, when it is a plain value.
    fn item_id(&self, d: &Doc, c: &Child) -> Option<String> {
        c.value
            .field("id")
            .filter(|v| v.bracketed().is_none())
            .map(|v| d.canon(v, self.ordered_maps))
    }

    /// Edited items without an id: each open new item continues the open
    /// original item with most fields in common (more than half of them).
    fn pair_by_common_fields(
        &self,
        o: &[Child],
        n: &[Child],
        o_ids: &[Option<String>],
        n_ids: &[Option<String>],
        pairing: &mut Pairing,
    ) {
        let open_o: Vec<usize> = (0..o.len())
            .filter(|&i| !pairing.taken[i] && o_ids[i].is_none() && o[i].value.has_fields())
            .collect();
        let open_n: Vec<usize> = (0..n.len())
            .filter(|&j| {
                pairing.pairs[j].is_none() && n_ids[j].is_none() && n[j].value.has_fields()
            })
            .collect();
        if open_o.is_empty() || open_o.len() * open_n.len() > MAX_SIMILARITY_PAIRS {
            return;
        }
        let o_fields: HashMap<usize, HashMap<String, String>> = open_o
            .iter()
            .map(|&i| (i, self.fields_of(self.o, &o[i])))
            .collect();
        for j in open_n {
            let nf = self.fields_of(self.n, &n[j]);
            let best = open_o
                .iter()
                .filter(|&&i| !pairing.taken[i])
                .filter_map(|&i| {
                    let of = &o_fields[&i];
                    let common = nf.iter().filter(|(k, v)| of.get(*k) == Some(v)).count();
                    (2 * common > nf.len().max(of.len())).then_some((common, i))
                })
                .max_by_key(|&(common, i)| (common, std::cmp::Reverse(i.abs_diff(j))));
            if let Some((_, i)) = best {
                pairing.pair(j, i);
            }
        }
    }

    /// A group's fields, each name with its value's canonical text.
    fn fields_of(&self, d: &Doc, c: &Child) -> HashMap<String, String> {
        c.value
            .children()
            .iter()
            .filter_map(|f| match &f.key {
                Key::Field(name) => Some((name.clone(), d.canon(&f.value, self.ordered_maps))),
                _ => None,
            })
            .collect()
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
        let writes = self.writes(&steps, o_children, is_group);
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
                Step::Old(i, None) if !writes[k] => {
                    self.drop_child(&layout, &o_children[i], i, is_group, out);
                    adjacent_to_previous = false;
                }
                Step::Old(i, counterpart) => {
                    let place = Place {
                        is_last,
                        comma,
                        in_place: adjacent_to_previous
                            && match previous {
                                None => i == 0,
                                Some(p) => p + 1 == i,
                            },
                        followed_in_place: matches!(
                            steps.get(k + 1),
                            Some(Step::Old(next, _)) if *next == i + 1
                        ),
                        moved_to_end: is_last && i + 1 != o_children.len(),
                    };
                    let new_value = counterpart.map(|j| &n_children[j].value);
                    self.write_old(&layout, &o_children[i], i, new_value, &place, out);
                    previous = Some(i);
                    adjacent_to_previous = true;
                }
                Step::New(j) => {
                    self.write_new(&layout, ov, &n_children[j], is_last, comma, out);
                    adjacent_to_previous = false;
                }
            }
        }
        let ends_in_place = adjacent_to_previous && previous == Some(o_children.len() - 1);
        self.write_tail(&layout, ov, ends_in_place, out);
        out.push_str(self.o.at(close..ov.end));
    }

    /// What each step writes: kept and new children, and the gone fields
    /// kept because the new text omits them only as defaults.
    fn writes(&self, steps: &[Step], o_children: &[Child], is_group: bool) -> Vec<bool> {
        steps
            .iter()
            .map(|s| match s {
                Step::Old(i, None) => is_group && self.keep_fields.contains(&o_children[*i].start),
                _ => true,
            })
            .collect()
    }

    /// Leaves out a child the new text lacks: a field's comments stay where
    /// it was (they often explain the optional field), an item's go with it.
    fn drop_child(
        &mut self,
        layout: &Layout,
        c: &Child,
        i: usize,
        is_group: bool,
        out: &mut String,
    ) {
        if is_group {
            if self.o.looks_like_a_default(&c.value) {
                self.removed_fields.push(c.start);
            }
            self.orphan_comments(layout, c, i, out);
        } else {
            self.dropped.push(layout.lead[i].start..layout.trail[i].end);
        }
    }

    /// The comments and blanks before the closing bracket, on a line of
    /// their own unless the last child is still the original last.
    fn write_tail(&self, layout: &Layout, ov: &Node, ends_in_place: bool, out: &mut String) {
        let tail = self.o.at(layout.tail.clone());
        if layout.multiline && !ends_in_place && !out.ends_with('\n') {
            out.push('\n');
        }
        if layout.multiline && !ends_in_place && tail.is_empty() && out.ends_with('\n') {
            out.push_str(self.o.indent_at(ov.start));
        } else {
            out.push_str(tail);
        }
    }

    /// Writes an original child with its leading lines, comma and the rest
    /// of its line; its value updated to `new_value` (None: kept as it was).
    fn write_old(
        &mut self,
        layout: &Layout,
        c: &Child,
        i: usize,
        new_value: Option<&Node>,
        place: &Place,
        out: &mut String,
    ) {
        let lead = self.o.at(layout.lead[i].clone());
        if !place.in_place && layout.multiline && !out.ends_with('\n') {
            out.push('\n');
        }
        if !place.in_place && layout.multiline && lead.trim().is_empty() {
            out.push_str(&layout.indent);
        } else {
            out.push_str(lead);
        }
        out.push_str(self.o.at(c.start..c.value.start));
        match new_value {
            Some(nv) => self.value(&c.value, nv, out),
            None => out.push_str(self.o.at(c.value.start..c.value.end)),
        }
        let trail = self.o.at(layout.trail[i].clone());
        // A comma added after a value goes after a comment on the same
        // line, unless that comment ends the line.
        let comma_after_trail = c.comma.is_none() && place.comma && !trail.contains('\n');
        match (c.comma, place.comma) {
            (Some(at), false) => out.push_str(self.o.at(c.value.end..at)),
            (Some(_), true) => out.push_str(self.o.at(c.value.end..c.end)),
            (None, true) if !comma_after_trail => out.push(','),
            _ => {}
        }
        // A blank trail is dropped where the item no longer ends the line,
        // or where a comma is added after it.
        if layout.multiline
            || !trail.trim().is_empty()
            || (!place.moved_to_end && !comma_after_trail)
        {
            out.push_str(trail);
        }
        if comma_after_trail {
            out.push(',');
        }
        let needs_space = !layout.multiline && !place.is_last && !place.followed_in_place;
        if needs_space && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    }

    /// Writes a child only the new text has, in the style of its siblings:
    /// on a line of its own, or inline.
    fn write_new(
        &mut self,
        layout: &Layout,
        ov: &Node,
        nc: &Child,
        is_last: bool,
        comma: bool,
        out: &mut String,
    ) {
        let from = self.n.indent_at(nc.start);
        let indent = if layout.multiline {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&layout.indent);
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
