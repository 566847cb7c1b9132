//! What the chart views (Charts tabs, Robustness, presentation) share: the
//! chart input as the window shows it, the SMAA result drawn and its
//! freshness, the criterion and group pickers of the sensitivity charts,
//! and the tint of a chart being recomputed.

use super::state::AppState;
use crate::analysis::smaa::SmaaResult;
use crate::charts::ChartInput;
use crate::tr;
use egui::{Color32, Ui};

/// Tint of a chart whose numbers are being recomputed.
pub const STALE_TINT: Color32 = Color32::from_rgba_premultiplied(105, 105, 105, 105);

/// A SMAA result and the generation of the job that made it.
#[derive(Clone, Copy)]
pub struct SmaaView<'a> {
    /// The result.
    pub result: &'a SmaaResult,
    /// Its job generation (part of the texture key).
    pub generation: u64,
    /// False while a newer job is running.
    pub fresh: bool,
}

/// The chart input for `kind` as the window shows it.
pub fn input_for<'a>(
    state: &'a AppState,
    criterion: Option<&'a str>,
    smaa: Option<SmaaView<'a>>,
) -> ChartInput<'a> {
    ChartInput {
        method: state.view.method,
        criterion,
        smaa: smaa.map(|s| s.result),
        expanded: &state.view.expanded_groups,
        evaluation: state.evaluation(state.view.method),
        ..ChartInput::new(state.scenario(), state.view.lang)
    }
}

/// The criterion picker of the sensitivity chart.
pub fn criterion_picker(ui: &mut Ui, id: &str, state: &AppState, criterion: &mut Option<String>) {
    let lang = state.view.lang;
    let s = state.scenario();
    // The slot may hold a group id (see [`group_picker`]): then no criterion is chosen.
    let current = criterion
        .as_deref()
        .and_then(|c| s.criterion(c))
        .map_or_else(
            || tr!(lang, "present.criterion_auto"),
            |c| c.name.get(lang).to_string(),
        );
    ui.label(tr!(lang, "present.criterion"));
    egui::ComboBox::from_id_salt(id)
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(criterion.is_none(), tr!(lang, "present.criterion_auto"))
                .clicked()
            {
                *criterion = None;
            }
            for c in &s.criteria {
                if ui
                    .selectable_label(criterion.as_deref() == Some(&c.id), c.name.get(lang))
                    .clicked()
                {
                    *criterion = Some(c.id.clone());
                }
            }
        });
}

/// The group picker of the sensitivity chart, shown when the scenario has a
/// value tree: choosing a group puts its id in the chart's criterion slot
/// (criteria and groups share one namespace), so the chart varies the
/// group's share of its parent instead of a criterion's weight.
pub fn group_picker(ui: &mut Ui, id: &str, state: &AppState, slot: &mut Option<String>) {
    let lang = state.view.lang;
    let s = state.scenario();
    if s.groups.is_empty() {
        return;
    }
    let chosen = slot
        .as_deref()
        .filter(|c| s.criterion(c).is_none())
        .and_then(|c| s.groups.iter().find(|g| g.id == c));
    ui.label(tr!(lang, "present.group"));
    egui::ComboBox::from_id_salt(id)
        .selected_text(chosen.map_or_else(
            || tr!(lang, "present.group_none"),
            |g| g.name.get(lang).to_string(),
        ))
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(chosen.is_none(), tr!(lang, "present.group_none"))
                .clicked()
                && chosen.is_some()
            {
                *slot = None;
            }
            for g in &s.groups {
                if ui
                    .selectable_label(chosen.is_some_and(|c| c.id == g.id), g.name.get(lang))
                    .clicked()
                {
                    *slot = Some(g.id.clone());
                }
            }
        })
        .response
        .on_hover_text(tr!(lang, "present.group_tip"));
}
