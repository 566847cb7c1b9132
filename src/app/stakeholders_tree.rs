//! The stakeholder table's weight rows for a value tree: one row per
//! top-level node with each profile's share within the root, and under an
//! opened group (▸/▾) its children with their share within the group (the
//! share of the whole on hover).

use super::group_toggle::toggled;
use super::state::Command;
use crate::model::{Lang, Node, Scenario, ValueTree};
use crate::tr;
use egui::{RichText, Ui};

/// Writes the weight rows of the stakeholder grid (one cell per profile).
pub fn tree_rows(
    ui: &mut Ui,
    s: &Scenario,
    expanded: &[String],
    lang: Lang,
    out: &mut Vec<Command>,
) {
    let tree = ValueTree::new(s);
    let included = vec![true; s.criteria.len()];
    let shares: Vec<_> = s
        .profiles
        .iter()
        .map(|p| tree.local_shares(p, &included))
        .collect();
    let mut stack: Vec<Node> = tree.children(Node::Root).iter().rev().copied().collect();
    while let Some(node) = stack.pop() {
        let depth = tree.depth(node).saturating_sub(1);
        let indent = "    ".repeat(depth);
        let name = tree.name(s, node, lang);
        let id = tree.id(s, node);
        let open = matches!(node, Node::Group(_)) && expanded.iter().any(|x| x == id);
        if matches!(node, Node::Group(_)) {
            let arrow = if open { '▾' } else { '▸' };
            let r = ui
                .selectable_label(
                    open,
                    RichText::new(format!("{indent}{arrow} {name}")).strong(),
                )
                .on_hover_text(tr!(lang, "gui.groups.open_tip"));
            if r.clicked() {
                out.push(Command::SetExpandedGroups(toggled(expanded, id)));
            }
        } else {
            ui.label(format!("{indent}{name}"));
        }
        for share in &shares {
            let local = crate::i18n::pct(share.share(node), 0, lang);
            let mut text = RichText::new(local).monospace();
            if depth > 0 {
                text = text.weak();
            }
            let r = ui.label(text);
            if depth > 0 {
                r.on_hover_text(tr!(
                    lang,
                    "analyse.stake.of_whole",
                    share = crate::i18n::pct(share.effective(node), 1, lang)
                ));
            }
        }
        ui.end_row();
        if open {
            stack.extend(tree.children(node).iter().rev().copied());
        }
    }
}

/// The combined weights of `profiles` for a value tree, one per node: within
/// each group (and the root) the children's shares are combined as the
/// criteria of a flat scenario are (arithmetic or geometric mean), since a
/// node's weight is relative to its siblings. A sibling set that some
/// profile weights all at zero is combined over the other profiles; one
/// that every profile leaves at zero gets equal weights.
pub fn combined_tree_weights(
    s: &Scenario,
    profiles: &[&crate::model::WeightProfile],
    geometric: bool,
) -> Option<std::collections::BTreeMap<String, f64>> {
    if profiles.is_empty() {
        return None;
    }
    let tree = ValueTree::new(s);
    let included = vec![true; s.criteria.len()];
    let shares: Vec<_> = profiles
        .iter()
        .map(|p| tree.local_shares(p, &included))
        .collect();
    let mut out = std::collections::BTreeMap::new();
    let parents = std::iter::once(Node::Root).chain((0..s.groups.len()).map(Node::Group));
    for parent in parents {
        let children = tree.children(parent);
        if children.is_empty() {
            continue;
        }
        let vectors: Vec<Vec<f64>> = shares
            .iter()
            .map(|sh| children.iter().map(|&c| sh.share(c)).collect::<Vec<f64>>())
            .filter(|v| v.iter().sum::<f64>() > 0.0)
            .collect();
        let combined = if vectors.is_empty() {
            vec![1.0 / children.len() as f64; children.len()]
        } else {
            crate::analysis::weighting::combine(&vectors, geometric).ok()?
        };
        for (&c, w) in children.iter().zip(combined) {
            out.insert(tree.id(s, c).to_string(), w);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Scenario {
        crate::io::ron_file::parse(include_str!("../../tests/charts_data/tree.ron"), "tree.ron")
            .expect("fixture parses")
    }

    #[test]
    fn combining_a_tree_averages_each_sibling_set() {
        let s = tree();
        let (defence, global) = (&s.profiles[0], &s.profiles[1]);
        let arithmetic = combined_tree_weights(&s, &[defence, global], false).expect("combined");
        // Defence: security 60%, Global Affairs 20% of the root → 40%.
        assert!((arithmetic["security"] - 0.4).abs() < 1e-12);
        // Within Security: risk 70% and 50% → 60%.
        assert!((arithmetic["risk"] - 0.6).abs() < 1e-12);
        // Every node gets a weight, and each sibling set sums to 1.
        let tree = ValueTree::new(&s);
        for parent in std::iter::once(Node::Root).chain((0..s.groups.len()).map(Node::Group)) {
            let sum: f64 = tree
                .children(parent)
                .iter()
                .map(|&c| arithmetic[tree.id(&s, c)])
                .sum();
            assert!((sum - 1.0).abs() < 1e-12, "{parent:?}: {sum}");
        }
        let geometric = combined_tree_weights(&s, &[defence, global], true).expect("combined");
        // √(0.6 × 0.2) renormalised with cost √(0.2 × 0.2) and diplomacy √(0.2 × 0.6).
        let (a, b) = ((0.6_f64 * 0.2).sqrt(), 0.2);
        assert!((geometric["security"] - a / (2.0 * a + b)).abs() < 1e-12);
    }
}
