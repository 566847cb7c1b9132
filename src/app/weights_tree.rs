//! The weights panel of a value tree: one slider per group and criterion,
//! laid out as the tree, each with its share within its parent and its
//! effective weight (the product of shares from the top down).

use super::state::{AppState, Command};
use super::widgets::display_text;
use crate::model::{Lang, Node, NodeShares, ValueTree, WeightProfile};
use crate::session::edit::Edit;
use crate::tr;
use egui::{RichText, Slider, Ui};

/// Points of indentation per level of the tree.
const INDENT: f32 = 12.0;

/// The widths of the grid's columns: name, slider, two percentages.
struct Columns {
    label: f32,
    slider: f32,
}

/// Draws the sliders of `profile` for the scenario's tree.
pub fn tree_sliders(
    ui: &mut Ui,
    state: &AppState,
    profile: &WeightProfile,
    out: &mut Vec<Command>,
) {
    let s = state.scenario();
    let tree = ValueTree::new(s);
    // As the results count them: a criterion nobody scored yet is left out.
    let unscored = s.unscored_criteria();
    let included: Vec<bool> = s
        .criteria
        .iter()
        .map(|c| !unscored.contains(&c.id.as_str()))
        .collect();
    let shares = tree.local_shares(profile, &included);
    let value_width = 40.0;
    let spacing = 6.0;
    let avail = ui.available_width();
    let label = (avail * 0.4).clamp(90.0, 240.0);
    let columns = Columns {
        label,
        slider: (avail - label - 2.0 * value_width - 4.0 * spacing).clamp(60.0, 150.0),
    };
    egui::Grid::new("weights-tree-grid")
        .num_columns(4)
        .spacing([spacing, 5.0])
        .show(ui, |ui| {
            header_row(ui, state.view.lang);
            for node in tree.nodes() {
                let label = node_label(ui, state, &tree, node, &included, columns.label);
                node_slider(
                    ui,
                    state,
                    (&tree, node),
                    profile,
                    &label,
                    columns.slider,
                    out,
                );
                share_cells(ui, state.view.lang, &shares, node);
                ui.end_row();
            }
        });
}

/// Column titles over the two percentages.
fn header_row(ui: &mut Ui, lang: Lang) {
    ui.label("");
    ui.label("");
    ui.label(
        RichText::new(tr!(lang, "tree.weights.share"))
            .small()
            .weak(),
    )
    .on_hover_text(tr!(lang, "tree.weights.share_tip"));
    ui.label(
        RichText::new(tr!(lang, "tree.weights.effective"))
            .small()
            .weak(),
    )
    .on_hover_text(tr!(lang, "tree.weights.effective_tip"));
    ui.end_row();
}

/// The node's name, indented by its depth: a group's strong, an unscored
/// criterion's greyed. A vertical cell of fixed width: a long name wraps
/// onto more lines and makes its row taller.
fn node_label(
    ui: &mut Ui,
    state: &AppState,
    tree: &ValueTree,
    node: Node,
    included: &[bool],
    width: f32,
) -> egui::Response {
    let (lang, s) = (state.view.lang, state.scenario());
    let depth = tree.depth(node).saturating_sub(1);
    let name = match node {
        Node::Group(g) => s
            .groups
            .get(g)
            .map(|x| display_text(&x.name, lang).strong()),
        Node::Criterion(j) => s.criteria.get(j).map(|c| {
            let text = display_text(&c.name, lang);
            if included.get(j).copied().unwrap_or(true) {
                text
            } else {
                text.weak().italics()
            }
        }),
        Node::Root => None,
    }
    .unwrap_or_default();
    ui.vertical(|ui| {
        ui.set_width(width);
        let indent = egui::Margin {
            left: (depth as f32 * INDENT) as i8,
            ..egui::Margin::ZERO
        };
        egui::Frame::NONE
            .inner_margin(indent)
            .show(ui, |ui| ui.add(egui::Label::new(name).wrap()))
            .inner
    })
    .inner
}

/// The node's raw weight, up to the largest among its siblings (at least 1).
fn node_slider(
    ui: &mut Ui,
    state: &AppState,
    (tree, node): (&ValueTree, Node),
    profile: &WeightProfile,
    label: &egui::Response,
    slider_width: f32,
    out: &mut Vec<Command>,
) {
    let (lang, s) = (state.view.lang, state.scenario());
    let id = tree.id(s, node).to_string();
    let parent = tree.parent(node).unwrap_or(Node::Root);
    let siblings_max = tree
        .children(parent)
        .iter()
        .map(|&n| profile.weight(tree.id(s, n)))
        .fold(1.0_f64, f64::max);
    let raw = profile.weight(&id);
    let mut w = raw;
    let r = ui
        .scope(|ui| {
            ui.spacing_mut().slider_width = slider_width;
            ui.add(Slider::new(&mut w, 0.0..=siblings_max).show_value(false))
        })
        .inner
        .labelled_by(label.id)
        .on_hover_text(tr!(lang, "tree.weights.slider_tip"));
    if r.changed() && w != raw {
        out.push(Command::Edit(Edit::SetWeight {
            profile: profile.id.clone(),
            criterion: id.clone(),
            weight: w,
        }));
    }
    // A click is a step of its own; a drag is one step until released.
    if r.drag_stopped() || r.lost_focus() || r.clicked() {
        out.push(Command::EndGroup);
    }
}

/// The node's share within its parent and its effective weight.
fn share_cells(ui: &mut Ui, lang: Lang, shares: &NodeShares, node: Node) {
    ui.label(RichText::new(crate::i18n::pct(shares.share(node), 0, lang)).monospace())
        .on_hover_text(tr!(lang, "tree.weights.share_tip"));
    ui.label(
        RichText::new(crate::i18n::pct(shares.effective(node), 0, lang))
            .monospace()
            .strong(),
    )
    .on_hover_text(tr!(lang, "tree.weights.effective_tip"));
}
