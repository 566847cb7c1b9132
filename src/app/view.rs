//! One way of showing a view in the central panel, after egui's demo app:
//! each view implements [`CentralView`] and reads what it needs from the
//! [`ViewContext`] of the frame (the state, the command queue, the shared
//! chart textures). The `central` module picks the view to show.

use super::chart_tex::TexCache;
use super::state::{AppState, Command};
use egui::Ui;

/// What every central view gets for one frame.
pub struct ViewContext<'a> {
    /// The scenario, selection and settings (read only: changes go through
    /// `out`).
    pub state: &'a AppState,
    /// Commands the view asks for; applied after the frame.
    pub out: &'a mut Vec<Command>,
    /// Chart textures shared by the views that draw charts among their
    /// tables (analysis, stakeholders, compare, value for money).
    pub charts: &'a mut TexCache,
    /// False in tests and where no native file dialog is available.
    pub native_dialogs: bool,
}

/// A view shown in the central panel.
pub trait CentralView {
    /// Draws the view into `ui` for one frame.
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>);
}

impl<T: CentralView + ?Sized> CentralView for &mut T {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        (**self).ui(ui, ctx);
    }
}
