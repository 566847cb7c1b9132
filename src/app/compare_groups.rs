//! The compare view's decomposition by group (a value tree in either file):
//! each top-level group's weight effect, value effect and total, which add
//! up to the change in the gap; a group's ▸ opens its criteria beneath it.

use super::group_toggle::toggled;
use super::state::{AppState, Command, ViewCommand};
use crate::analysis::compare::Explanation;
use crate::analysis::compare::by_group::{group_terms, has_groups, node_name};
use crate::model::Scenario;
use crate::report::compare::group_sentence;
use crate::report::compare::signed;
use crate::tr;
use egui::{RichText, Ui};

/// Draws the by-group table of `e` (nothing when neither file has groups).
pub fn group_table(
    ui: &mut Ui,
    state: &AppState,
    (a, b): (&Scenario, &Scenario),
    e: &Explanation,
    out: &mut Vec<Command>,
) {
    if !has_groups(a, b) {
        return;
    }
    let lang = state.view.lang;
    let expanded = &state.view.expanded_groups;
    let number = |x: f64| RichText::new(signed(x, lang)).monospace();
    super::widgets::heading(ui, tr!(lang, "analyse.compare.by_group"));
    if let Some(sentence) = group_sentence(a, b, e, lang) {
        ui.label(sentence);
    }
    egui::Grid::new("compare-groups")
        .striped(true)
        .num_columns(4)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for head in [
                tr!(lang, "analyse.compare.group"),
                tr!(lang, "analyse.compare.weight_effect"),
                tr!(lang, "analyse.compare.value_effect"),
                tr!(lang, "analyse.compare.total"),
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for g in group_terms(e, a, b) {
                let name = node_name(a, b, &g.id, lang);
                let open = g.group && expanded.contains(&g.id);
                if g.group {
                    let arrow = if open { '▾' } else { '▸' };
                    let r = ui
                        .selectable_label(open, format!("{arrow} {name}"))
                        .on_hover_text(tr!(lang, "gui.groups.open_tip"));
                    if r.clicked() {
                        out.push(Command::View(ViewCommand::SetExpandedGroups(toggled(
                            expanded, &g.id,
                        ))));
                    }
                } else {
                    ui.label(name);
                }
                ui.label(number(g.weight_effect));
                ui.label(number(g.value_effect));
                ui.label(number(g.total()).strong());
                ui.end_row();
                if !open {
                    continue;
                }
                for t in &g.criteria {
                    ui.label(format!("      {}", node_name(a, b, &t.criterion, lang)));
                    ui.label(number(t.weight_effect).weak());
                    ui.label(number(t.value_effect).weak());
                    ui.label(number(t.total()).weak());
                    ui.end_row();
                }
            }
        });
}
