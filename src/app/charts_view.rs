//! The result charts under the scores table (ranking and contributions),
//! side by side or stacked, drawn through the shared [`TexCache`]. While
//! something is being dragged (a weight slider) on a high-DPI screen, charts
//! are drawn at one pixel per point so each frame stays within budget; the
//! crisp full-resolution render follows when the drag ends.

use super::chart_key::key_of;
use super::chart_tex::{TexCache, TexKey};
use super::state::AppState;
use crate::charts::{ChartInput, ChartKind, READABLE_WIDTH_PT};
use egui::{Color32, Ui, Vec2};

/// The charts shown side by side (or stacked) in the results area.
pub const RESULT_CHARTS: [ChartKind; 2] = [ChartKind::Ranking, ChartKind::Contributions];

/// The cache slot of each result chart.
const RESULT_SLOTS: [&str; 2] = ["result-ranking", "result-contributions"];

/// Shows the result charts side by side, at least `height` points tall and
/// never smaller than readable: when the width cannot hold both at their
/// readable width they stack, and the enclosing view scrolls.
pub fn show_result_charts(ui: &mut Ui, state: &AppState, cache: &mut TexCache, height: f32) {
    let screen_ppp = ui.ctx().pixels_per_point();
    let dragging = ui.ctx().dragged_id().is_some();
    let ppp = if dragging {
        screen_ppp.min(1.0)
    } else {
        screen_ppp
    };
    let spacing = ui.spacing().item_spacing.x;
    let n = RESULT_CHARTS.len() as f32;
    let room = ui.available_width();
    let side_by_side = room >= n * READABLE_WIDTH_PT + spacing * (n - 1.0);
    let width = if side_by_side {
        (room - spacing * (n - 1.0)) / n
    } else {
        room
    };
    let input = ChartInput {
        method: state.view.method,
        expanded: &state.view.expanded_groups,
        evaluation: state.evaluation(state.view.method),
        ..ChartInput::new(state.scenario(), state.view.lang)
    };
    let content = key_of((state.chart_key(), state.view.method, state.view.lang));
    let want = (Vec2::new(width, height), screen_ppp);
    let size = cache
        .readable
        .fit_all(&RESULT_CHARTS, &input, content, want, dragging);
    let slots: Vec<(&'static str, TexKey)> = RESULT_SLOTS
        .iter()
        .zip(RESULT_CHARTS)
        .map(|(&slot, kind)| {
            let key = TexKey::new(
                kind,
                content,
                state.view.method,
                state.view.lang,
                None,
                0,
                size,
                ppp,
                1.0,
            );
            (slot, key)
        })
        .collect();
    cache.ensure_all(ui.ctx(), &slots, &input);
    let layout = if side_by_side {
        egui::Layout::left_to_right(egui::Align::Min)
    } else {
        egui::Layout::top_down(egui::Align::Min)
    };
    ui.with_layout(layout, |ui| {
        for slot in RESULT_SLOTS {
            cache.draw(ui, slot, size, Color32::WHITE);
        }
    });
}
