//! The desktop window (eframe + egui). Panels read [`AppState`] and push
//! [`Command`]s; after the frame [`AppState::apply`] runs them, so undo/redo
//! and the unsaved flag follow from one place. One file per panel:
//! `menu`, `lists`, `table`, `details`, `weights`, `results` (+ `charts_view`),
//! `dialogs`; new views add a [`View`] variant and a file.

pub mod charts_view;
pub mod details;
pub mod dialogs;
pub mod edit;
#[cfg(test)]
mod fixture;
pub mod history;
pub mod lists;
pub mod menu;
pub mod results;
pub mod settings;
pub mod state;
pub mod table;
pub mod weights;
pub mod widgets;

pub use edit::Edit;
pub use state::{AppState, Command, View};

use crate::model::Lang;
use egui::{Key, KeyboardShortcut, Modifiers, Ui};
use std::path::PathBuf;

/// A font covering the symbols the interface uses (▲ ▼ ✕ ● ↑ ↓ « »), added
/// after egui's own fonts so every glyph renders on any machine.
static SYMBOLS_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Fonts and spacing of the window; call once on a new context.
pub fn setup_style(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(SYMBOLS_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu".to_owned());
    }
    ctx.set_fonts(fonts);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.spacing.slider_width = 150.0;
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}

/// The whole app: state plus what only a window has (textures, dialogs).
pub struct TradeoffApp {
    /// Scenario, selection and settings.
    pub state: AppState,
    /// Rendered chart textures.
    pub charts: ChartCacheHandle,
    /// File dialogs.
    pub dialogs: dialogs::FileDialogs,
    title: String,
}

/// The chart cache (re-exported name for tests).
pub type ChartCacheHandle = charts_view::ChartCache;

impl TradeoffApp {
    /// An app showing `state`; `native_dialogs` false uses typed paths only.
    pub fn new(state: AppState, native_dialogs: bool) -> Self {
        TradeoffApp {
            state,
            charts: ChartCacheHandle::default(),
            dialogs: dialogs::FileDialogs::new(native_dialogs),
            title: String::new(),
        }
    }

    /// Draws one frame and applies what the panels asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut out = Vec::new();
        self.handle_input(&ctx, &mut out);
        let state = &self.state;
        let lang = state.lang;

        egui::Panel::top("menu").show(ui, |ui| {
            menu::menu_bar(ui, state, &mut out);
            if state.banner.is_some() {
                menu::banner(ui, state, &mut out);
                ui.add_space(2.0);
            }
        });
        egui::Panel::left("lists")
            .resizable(true)
            .default_size(290.0)
            .min_size(220.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                lists::lists_panel(ui, state, &mut out);
            });
        egui::Panel::right("side")
            .resizable(true)
            .default_size(340.0)
            .min_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.add_space(6.0);
                    weights::weights_panel(ui, state, &mut out);
                    ui.add_space(10.0);
                    ui.separator();
                    details::details_panel(ui, state, &mut out);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if View::ALL.len() > 1 {
                ui.horizontal(|ui| {
                    for v in View::ALL {
                        if ui
                            .selectable_label(state.view == v, v.label(lang))
                            .clicked()
                        {
                            out.push(Command::SetView(v));
                        }
                    }
                });
                ui.separator();
            }
            match state.view {
                View::Analysis => {
                    ui.label(
                        egui::RichText::new(
                            widgets::display_text(&state.scenario().title, lang).text(),
                        )
                        .size(18.0)
                        .strong(),
                    );
                    ui.add_space(4.0);
                    table::scores_table(ui, state, &mut out);
                    ui.add_space(8.0);
                    ui.separator();
                    results::results_area(ui, state, &mut self.charts, &mut out);
                }
            }
        });
        dialogs::confirm_modal(ui, state, &mut out);
        self.dialogs.ui(ui, state, &mut out);

        self.state.apply_all(out);
        if let Some(purpose) = self.state.dialog.take() {
            let dir = self
                .state
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(PathBuf::from);
            self.dialogs.start(purpose, dir);
        }
        let title = self.state.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if self.state.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let redo_shift = shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let save_as = shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        ctx.input_mut(|i| {
            // Shifted shortcuts first: egui matches Ctrl+Z even with Shift held.
            if i.consume_shortcut(&redo_shift)
                || i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y))
            {
                out.push(Command::Redo);
            }
            if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z)) {
                out.push(Command::Undo);
            }
            if i.consume_shortcut(&save_as) {
                out.push(Command::SaveAs(None));
            }
            if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)) {
                out.push(Command::Save);
            }
            if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O)) {
                out.push(Command::Open(None));
            }
            if let Some(path) = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
            {
                out.push(Command::Open(Some(path)));
            }
        });
        if ctx.input(|i| i.viewport().close_requested()) && !self.state.quit_confirmed {
            if self.state.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                out.push(Command::Quit);
            } else {
                self.state.quit_confirmed = true;
            }
        }
    }
}

impl eframe::App for TradeoffApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        TradeoffApp::ui(self, ui);
    }
}

/// Opens the window on `file` (else the last file, else the bundled default).
pub fn run(file: Option<PathBuf>, lang: Option<Lang>) -> Result<(), eframe::Error> {
    let state = AppState::startup(file, lang, settings::Settings::default_path());
    let native = dialogs::FileDialogs::native_available();
    let title = state.window_title();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1500.0, 940.0])
            .with_min_inner_size([900.0, 600.0])
            .with_app_id("tradeoff"),
        ..Default::default()
    };
    eframe::run_native(
        "Tradeoff",
        options,
        Box::new(move |cc| {
            setup_style(&cc.egui_ctx);
            Ok(Box::new(TradeoffApp::new(state, native)))
        }),
    )
}
