//! Opening groups of the value tree in the by-group views: a row of toggles
//! above the charts (each group opens into its children or closes again,
//! one button opens or closes them all) and the ▸/▾ button of a group's row
//! in a table. Every view shares one choice (`AppState::expanded_groups`).
//! Nothing is shown for a flat scenario.

use super::state::{AppState, Command, ViewCommand};
use crate::model::{Node, Scenario, ValueTree};
use crate::tr;
use egui::{RichText, Ui};

/// The groups a reader can open now, in tree order: every top-level group,
/// and the groups inside an open one.
pub fn openable_groups(s: &Scenario, tree: &ValueTree, expanded: &[String]) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack: Vec<Node> = tree.children(Node::Root).iter().rev().copied().collect();
    while let Some(node) = stack.pop() {
        if !matches!(node, Node::Group(_)) {
            continue;
        }
        out.push(node);
        if is_open(s, tree, expanded, node) {
            stack.extend(tree.children(node).iter().rev().copied());
        }
    }
    out
}

/// True when `node` is a group shown opened.
pub fn is_open(s: &Scenario, tree: &ValueTree, expanded: &[String], node: Node) -> bool {
    matches!(node, Node::Group(_)) && expanded.iter().any(|id| id == tree.id(s, node))
}

/// `expanded` with the group `id` opened when it was closed, closed when open.
pub fn toggled(expanded: &[String], id: &str) -> Vec<String> {
    if expanded.iter().any(|x| x == id) {
        expanded.iter().filter(|x| *x != id).cloned().collect()
    } else {
        expanded.iter().cloned().chain([id.to_string()]).collect()
    }
}

/// The toggles row above the by-group charts (nothing for a flat scenario).
pub fn group_toggles(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let s = state.scenario();
    if s.groups.is_empty() {
        return;
    }
    let lang = state.view.lang;
    let tree = ValueTree::new(s);
    let expanded = &state.view.expanded_groups;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!(lang, "gui.groups.open")).weak())
            .on_hover_text(tr!(lang, "gui.groups.open_tip"));
        for node in openable_groups(s, &tree, expanded) {
            let open = is_open(s, &tree, expanded, node);
            let arrow = if open { '▾' } else { '▸' };
            let label = format!("{arrow} {}", tree.name(s, node, lang));
            if ui.selectable_label(open, label).clicked() {
                out.push(Command::View(ViewCommand::SetExpandedGroups(toggled(
                    expanded,
                    tree.id(s, node),
                ))));
            }
        }
        let all: Vec<String> = s.groups.iter().map(|g| g.id.clone()).collect();
        let everything_open = all.iter().all(|id| expanded.contains(id));
        let (text, next) = if everything_open {
            (tr!(lang, "gui.groups.close_all"), Vec::new())
        } else {
            (tr!(lang, "gui.groups.open_all"), all)
        };
        if ui.small_button(text).clicked() {
            out.push(Command::View(ViewCommand::SetExpandedGroups(next)));
        }
    });
}
