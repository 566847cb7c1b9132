//! `tradeoff diff` with a value tree: the decomposition of the change summed
//! per top-level group, with each group's criteria beneath it, as text (the
//! JSON's `groups` field is `report::json::diff::GroupTermJson`).

use super::describe_groups::group_sentence;
use super::diff_text::aligned_table;
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
    let rows: Vec<(String, Vec<String>)> = lines
        .into_iter()
        .map(|(indent, name, weight, value, total)| {
            (
                format!("{}{name}", "  ".repeat(indent)),
                vec![
                    signed(weight, lang),
                    signed(value, lang),
                    signed(total, lang),
                ],
            )
        })
        .collect();
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", tr!(lang, "compare.cli.groups"));
    out.push_str(&aligned_table(&heads, &rows));
    if let Some(sentence) = group_sentence(a, b, e, lang) {
        let _ = writeln!(out, "  {sentence}");
    }
    out
}
