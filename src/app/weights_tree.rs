//! The weights panel of a value tree: one slider per group and criterion,
//! laid out as the tree, each with its share within its parent and its
//! effective weight (the product of shares from the top down).

use super::edit::Edit;
use super::state::{AppState, Command};
use super::widgets::display_text;
use crate::model::{Node, ValueTree, WeightProfile};
use crate::tr;
use egui::{RichText, Slider, Ui};

/// Points of indentation per level of the tree.
const INDENT: f32 = 12.0;

/// Draws the sliders of `profile` for the scenario's tree.
pub fn tree_sliders(
    ui: &mut Ui,
    state: &AppState,
    profile: &WeightProfile,
    out: &mut Vec<Command>,
) {
    let lang = state.view.lang;
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
    let label_width = (avail * 0.4).clamp(90.0, 240.0);
    let slider_width = (avail - label_width - 2.0 * value_width - 4.0 * spacing).clamp(60.0, 150.0);
    egui::Grid::new("weights-tree-grid")
        .num_columns(4)
        .spacing([spacing, 5.0])
        .show(ui, |ui| {
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
            for node in tree.nodes() {
                let id = tree.id(s, node).to_string();
                let depth = tree.depth(node).saturating_sub(1);
                let parent = tree.parent(node).unwrap_or(Node::Root);
                let siblings_max = tree
                    .children(parent)
                    .iter()
                    .map(|&n| profile.weight(tree.id(s, n)))
                    .fold(1.0_f64, f64::max);
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
                // A vertical cell of fixed width: a long name wraps onto
                // more lines and makes its row taller.
                let label = ui
                    .vertical(|ui| {
                        ui.set_width(label_width);
                        let indent = egui::Margin {
                            left: (depth as f32 * INDENT) as i8,
                            ..egui::Margin::ZERO
                        };
                        egui::Frame::NONE
                            .inner_margin(indent)
                            .show(ui, |ui| ui.add(egui::Label::new(name).wrap()))
                            .inner
                    })
                    .inner;
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
                ui.label(RichText::new(crate::i18n::pct(shares.share(node), 0, lang)).monospace())
                    .on_hover_text(tr!(lang, "tree.weights.share_tip"));
                ui.label(
                    RichText::new(crate::i18n::pct(shares.effective(node), 0, lang))
                        .monospace()
                        .strong(),
                )
                .on_hover_text(tr!(lang, "tree.weights.effective_tip"));
                ui.end_row();
            }
        });
}
