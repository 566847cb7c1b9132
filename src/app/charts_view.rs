//! Temporary stub until the charts branch is merged.
use super::state::AppState;
use egui::Ui;
/// Stub.
#[derive(Default)]
pub struct ChartCache {
    /// ms
    pub last_render_ms: Option<f64>,
    /// renders
    pub renders: u64,
}
impl ChartCache {
    /// Stub.
    pub fn show(&mut self, ui: &mut Ui, _state: &AppState, height: f32) {
        ui.allocate_space(egui::vec2(ui.available_width(), height));
    }
}
