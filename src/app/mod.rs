//! The desktop window (eframe + egui). Panels read [`AppState`] and push
//! [`Command`]s; after the frame [`AppState::apply`] runs them, so undo/redo
//! and the unsaved flag follow from one place. One file per panel:
//! `menu`, `lists`, `table`, `details`, `weights`, `results` (+ `charts_view`),
//! `dialogs`; new views add a [`View`] variant and a file.

pub mod analyse;
pub mod autosave_ui;
pub mod central;
pub mod chart_inputs;
pub mod chart_key;
pub mod chart_tex;
pub mod charts_tabs;
pub mod charts_view;
pub mod compare_groups;
pub mod compare_view;
pub mod details;
pub mod dialogs;
pub mod edit;
pub mod elicit_ahp;
pub mod elicit_dialog;
pub mod elicit_rank;
pub mod elicit_swing;
#[cfg(test)]
mod fixture;
pub mod group_toggle;
pub mod history;
pub mod lists;
pub mod menu;
pub mod package_view;
pub mod present;
pub mod resources;
pub mod results;
pub mod robustness;
pub mod settings;
pub mod stakeholders;
pub mod stakeholders_tree;
pub mod state;
pub mod table;
pub mod tree_edit;
pub mod tree_list;
#[cfg(test)]
mod undo_props;
pub mod value_fn_editor;
pub mod vfm_view;
pub mod view;
pub mod weights;
pub mod weights_tree;
pub mod widgets;
pub mod window_size;

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
    /// The Charts view (tabs, copy, export).
    pub charts_tabs: charts_tabs::ChartsTabs,
    /// The Robustness view and its SMAA worker.
    pub robust: robustness::Robustness,
    /// Presentation mode.
    pub present: present::Presentation,
    /// Autosave and recovery (None: off, as in tests).
    pub autosaver: Option<autosave_ui::Autosaver>,
    /// Weighting dialogs and the stakeholder, compare and package views.
    pub analyse: analyse::AnalyseUi,
    /// Fits the window to its screen and tracks its size.
    pub window: window_size::WindowFit,
    title: String,
}

/// The chart cache (re-exported name for tests).
pub type ChartCacheHandle = chart_tex::TexCache;

impl TradeoffApp {
    /// An app showing `state`; `native_dialogs` false uses typed paths only.
    pub fn new(state: AppState, native_dialogs: bool) -> Self {
        TradeoffApp {
            state,
            charts: ChartCacheHandle::default(),
            dialogs: dialogs::FileDialogs::new(native_dialogs),
            charts_tabs: charts_tabs::ChartsTabs::default(),
            robust: robustness::Robustness::default(),
            present: present::Presentation::default(),
            autosaver: None,
            analyse: analyse::AnalyseUi::default(),
            window: window_size::WindowFit::default(),
            title: String::new(),
        }
    }

    /// Turns on autosave into `data_dir` (and offers what a crash left there).
    pub fn with_autosave(mut self, data_dir: PathBuf) -> Self {
        self.autosaver = Some(autosave_ui::Autosaver::new(data_dir, autosave_ui::INTERVAL));
        self
    }

    /// Draws one frame and applies what the panels asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        if self.present.active {
            self.presentation_frame(ui);
            return;
        }
        let ctx = ui.ctx().clone();
        self.window.frame(&ctx);
        let mut out = Vec::new();
        let smaa_shown = self.state.view == View::Charts
            && self.charts_tabs.kind == crate::charts::ChartKind::Acceptability;
        if smaa_shown {
            self.robust.keep_fresh(&ctx, &self.state);
        }
        self.handle_input(&ctx, &mut out);
        let state = &self.state;
        let lang = state.lang;
        let native_dialogs = self.dialogs.native;

        egui::Panel::top("menu").show(ui, |ui| {
            menu::menu_bar(ui, state, &mut out);
        });
        // Side panels start in proportion to the window: names fit on a
        // large screen, and a laptop keeps room for the charts.
        let width = ctx.content_rect().width();
        egui::Panel::left("lists")
            .resizable(true)
            .default_size((width * 0.2).clamp(280.0, 380.0))
            .size_range(220.0..=480.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                lists::lists_panel(ui, state, &mut out);
            });
        egui::Panel::right("side")
            .resizable(true)
            .default_size((width * 0.22).clamp(280.0, 460.0))
            .size_range(260.0..=520.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    // Long texts wrap inside the panel instead of widening it.
                    ui.set_max_width(ui.available_width());
                    ui.add_space(6.0);
                    weights::weights_panel(ui, state, &mut out);
                    ui.add_space(4.0);
                    self.analyse.elicit_buttons(ui, state);
                    ui.add_space(10.0);
                    ui.separator();
                    details::details_panel(ui, state, &mut out);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if View::ALL.len() > 1 {
                // Wraps onto a second row rather than running off a narrow panel.
                ui.horizontal_wrapped(|ui| {
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
            let mut view_ctx = view::ViewContext {
                state,
                out: &mut out,
                charts: &mut self.charts,
                native_dialogs,
            };
            let states = central::ViewStates {
                analyse: &mut self.analyse,
                charts_tabs: &mut self.charts_tabs,
                robust: &mut self.robust,
            };
            central::view_for(state.view, states).ui(ui, &mut view_ctx);
        });
        // Over the panels, never a row of its own: the layout stays put.
        menu::banner_overlay(&ctx, state, &mut out);
        self.analyse.dialogs(ui, state, &mut out);
        value_fn_editor::window(ui, state, &mut out);
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            drop_hint(&ctx, lang);
        }
        self.finish_frame(ui, out);
    }

    /// After the panels: modals, then the commands, then what the window
    /// itself does (dialogs, exports, autosave, title, closing).
    fn finish_frame(&mut self, ui: &mut Ui, mut out: Vec<Command>) {
        let ctx = ui.ctx().clone();
        let state = &self.state;
        dialogs::confirm_modal(ui, state, &mut out);
        autosave_ui::save_conflict_modal(ui, state, &mut out);
        self.dialogs.ui(ui, state, &mut out);
        let recovery = self
            .autosaver
            .as_ref()
            .and_then(|a| a.offers.first())
            .and_then(|offer| autosave_ui::recovery_modal(ui, state, offer));

        let (window, out): (Vec<Command>, Vec<Command>) = out.into_iter().partition(|c| {
            matches!(
                c,
                Command::StartPresentation(_)
                    | Command::CopyChart
                    | Command::ExportChart(Some(_))
                    | Command::ExportBrief(Some(_))
            )
        });
        self.state.apply_all(out);
        self.window_commands(&ctx, window);
        if let (Some(choice), Some(saver)) = (recovery, self.autosaver.as_mut()) {
            match choice {
                autosave_ui::RecoveryChoice::Restore => saver.restore(&mut self.state),
                autosave_ui::RecoveryChoice::Discard => saver.discard(),
                autosave_ui::RecoveryChoice::Later => saver.later(),
            }
        }
        for banner in self.charts_tabs.poll(self.state.lang) {
            self.state.banner = Some(banner);
        }
        self.charts_tabs.busy_note(&ctx, self.state.lang);
        if self.charts_tabs.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(saver) = self.autosaver.as_mut() {
            saver.tick(&self.state, std::time::Instant::now());
            if let Some(e) = saver.error.take() {
                self.state.banner = Some(state::Banner {
                    error: true,
                    text: e,
                });
            }
            // Wake up to autosave even when nothing moves on screen.
            if self.state.doc.is_dirty() || saver.busy() {
                ctx.request_repaint_after(autosave_ui::INTERVAL / 2);
            }
        }
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
            if i.consume_key(Modifiers::NONE, Key::F5) {
                out.push(Command::StartPresentation(None));
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

/// Dims the window and says that a dropped file will open.
fn drop_hint(ctx: &egui::Context, lang: Lang) {
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-hint"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(140));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        crate::tr!(lang, "gui.drop_hint"),
        egui::FontId::proportional(26.0),
        egui::Color32::WHITE,
    );
}

impl eframe::App for TradeoffApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        TradeoffApp::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(size) = self.window.current {
            self.state.remember_window_size((size.x, size.y));
        }
    }
}

/// Opens the window on `file` (else the last file, else the bundled default).
pub fn run(file: Option<PathBuf>, lang: Option<Lang>) -> Result<(), eframe::Error> {
    let state = AppState::startup(file, lang, settings::Settings::default_path());
    let native = dialogs::FileDialogs::native_available();
    let data_dir = crate::io::autosave::default_data_dir();
    let title = state.window_title();
    let saved = state.settings.window.map(|(w, h)| egui::vec2(w, h));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size(window_size::initial(saved))
            .with_min_inner_size(window_size::MIN_SIZE)
            .with_app_id("tradeoff"),
        ..Default::default()
    };
    eframe::run_native(
        "Tradeoff",
        options,
        Box::new(move |cc| {
            setup_style(&cc.egui_ctx);
            let mut app = TradeoffApp::new(state, native);
            app.window = window_size::WindowFit::new(saved);
            Ok(Box::new(match data_dir {
                Some(dir) => app.with_autosave(dir),
                None => app,
            }))
        }),
    )
}
