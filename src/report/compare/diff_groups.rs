//! `tradeoff diff` with a value tree: the decomposition of the change summed
//! per top-level group, with each group's criteria beneath it, as text (the
//! JSON's `groups` field is `report::json::diff::GroupTermJson`).

use super::describe_groups::group_sentence;
use super::diff_text::pad;
use super::signed;
use crate::analysis::compare::Explanation;
use crate::analysis::compare::by_group::{GroupTerm, group_terms, has_groups, node_name};
use crate::model::{Lang, Scenario};
use crate::tr;

/// The text table "By group": one line per top-level node with its weight
/// effect, value effect and total, each group's criteria indented beneath
/// it. Empty when neither file has groups.
pub fn groups_text(a: &Scenario, b: &Scenario, e: &Explanation, lang: Lang) -> String {
    use std::fmt::Write;
    if !has_groups(a, b) {
        return String::new();
    }
    let groups: Vec<GroupTerm> = group_terms(e, a, b);
    let header = tr!(lang, "compare.cli.groups_header");
    let heads: Vec<&str> = header.split('|').collect();
    // (indent, name, weight effect, value effect, total)
    let mut lines: Vec<(usize, String, f64, f64, f64)> = Vec::new();
    for g in &groups {
        lines.push((
            0,
            node_name(a, b, &g.id, lang),
            g.weight_effect,
            g.value_effect,
            g.total(),
        ));
        if g.group {
            for t in &g.criteria {
                lines.push((
                    1,
                    node_name(a, b, &t.criterion, lang),
                    t.weight_effect,
                    t.value_effect,
                    t.total(),
                ));
            }
        }
    }
    let width = lines
        .iter()
        .map(|l| 2 * l.0 + l.1.chars().count())
        .chain(heads.first().map(|h| h.chars().count()))
        .max()
        .unwrap_or(0);
    let col = heads
        .iter()
        .skip(1)
        .map(|h| h.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", tr!(lang, "compare.cli.groups"));
    let _ = writeln!(
        out,
        "  {}  {:>col$}  {:>col$}  {:>col$}",
        pad(heads.first().copied().unwrap_or(""), width),
        heads.get(1).copied().unwrap_or(""),
        heads.get(2).copied().unwrap_or(""),
        heads.get(3).copied().unwrap_or("")
    );
    for (indent, name, weight, value, total) in lines {
        let label = format!("{}{name}", "  ".repeat(indent));
        let _ = writeln!(
            out,
            "  {}  {:>col$}  {:>col$}  {:>col$}",
            pad(&label, width),
            signed(weight, lang),
            signed(value, lang),
            signed(total, lang)
        );
    }
    if let Some(sentence) = group_sentence(a, b, e, lang) {
        let _ = writeln!(out, "  {sentence}");
    }
    out
}
