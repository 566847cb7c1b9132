//! The stakeholder table's weight rows for a value tree: one row per
//! top-level node with each profile's share within the root, and under an
//! opened group (▸/▾) its children with their share within the group (the
//! share of the whole on hover).

use super::group_toggle::toggled;
use super::state::{Command, ViewCommand};
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
                out.push(Command::View(ViewCommand::SetExpandedGroups(toggled(
                    expanded, id,
                ))));
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
