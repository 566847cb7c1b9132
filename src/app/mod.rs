//! The desktop window (eframe + egui) over an [`AppState`]: panels read it
//! and push [`Command`]s; after the frame [`AppState::apply`] runs them, and
//! the window then runs its own [`WindowCommand`]s (presentation, clipboard,
//! chart and briefing exports). The scenario, its history and the file
//! workflow live in [`crate::session`], without egui. A new view adds a
//! [`View`] variant and a file here.

pub mod analyse;
pub mod autosave_ui;
pub mod central;
pub mod chart_inputs;
pub mod chart_key;
pub mod chart_tex;
pub mod charts_tabs;
pub mod charts_view;
pub mod command;
pub mod compare_groups;
pub mod compare_view;
pub mod criterion_editor;
pub mod details;
pub mod dialogs;
pub mod elicit_ahp;
pub mod elicit_dialog;
pub mod elicit_rank;
pub mod elicit_swing;
pub mod group_toggle;
pub mod lists;
pub mod menu;
pub mod package_view;
pub mod present;
pub mod resources;
pub mod results;
pub mod robustness;
pub mod stakeholders;
pub mod stakeholders_tree;
pub mod state;
pub mod table;
pub mod tree_list;
pub mod value_fn_editor;
pub mod vfm_view;
pub mod view;
pub mod view_state;
pub mod weights;
pub mod weights_tree;
pub mod widgets;
pub mod window_command;
pub mod window_size;

pub use crate::session::Edit;
pub use state::{AppState, Banner, Command, FileCommand, View, ViewCommand, WindowCommand};

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
        let smaa_shown = self.state.view.current == View::Charts
            && self.charts_tabs.kind == crate::charts::ChartKind::Acceptability;
        if smaa_shown {
            self.robust.keep_fresh(&ctx, &self.state);
        }
        self.handle_input(&ctx, &mut out);
        let state = &self.state;
        let lang = state.view.lang;
        let native_dialogs = self.dialogs.native;

        egui::Panel::top("menu").show(ui, |ui| {
            menu::menu_bar(ui, state, &mut out);
        });
        side_panels(ui, state, &mut self.analyse, &mut out);
        egui::CentralPanel::default().show(ui, |ui| {
            view_tabs(ui, state, &mut out);
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
            central::view_for(state.view.current, states).ui(ui, &mut view_ctx);
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
    /// itself does (exports, autosave, dialogs, title, closing).
    fn finish_frame(&mut self, ui: &mut Ui, mut out: Vec<Command>) {
        let ctx = ui.ctx().clone();
        self.modals(ui, &mut out);
        self.state.apply_all(out);
        let window = self.state.take_window_commands();
        self.window_commands(&ctx, window);
        self.background_work(&ctx);
        self.follow_state(&ctx);
    }

    /// The questions drawn over the window: unsaved changes, overwrite,
    /// typed path, autosave recovery. Answers become commands.
    fn modals(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let state = &self.state;
        dialogs::confirm_modal(ui, state, out);
        autosave_ui::save_conflict_modal(ui, state, out);
        self.dialogs.ui(ui, state, out);
        let lang = state.view.lang;
        if let Some(saver) = self.autosaver.as_mut()
            && let Some(choice) = saver
                .offers
                .first()
                .and_then(|offer| autosave_ui::recovery_modal(ui, state, offer))
        {
            out.extend(saver.answer(choice, lang));
        }
    }

    /// Collects finished exports and autosaves (their messages become
    /// banner commands) and keeps frames coming while they run.
    fn background_work(&mut self, ctx: &egui::Context) {
        let lang = self.state.view.lang;
        let exported = self.charts_tabs.poll(lang);
        self.state
            .apply_all(exported.into_iter().map(Command::ShowBanner).collect());
        self.charts_tabs.busy_note(ctx, lang);
        if self.charts_tabs.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let Some(saver) = self.autosaver.as_mut() else {
            return;
        };
        saver.tick(&self.state, std::time::Instant::now());
        if let Some(e) = saver.error.take() {
            self.state
                .apply(Command::ShowBanner(state::Banner::error(e)));
        }
        // Wake up to autosave even when nothing moves on screen.
        if self.state.session.doc().is_dirty() || saver.busy() {
            ctx.request_repaint_after(autosave_ui::INTERVAL / 2);
        }
    }

    /// The window follows the state: the file dialog the workflow asks
    /// for, the title, closing once quitting is confirmed.
    fn follow_state(&mut self, ctx: &egui::Context) {
        if let Some(purpose) = self.state.session.workflow().asking_path() {
            let dir = self
                .state
                .session
                .path()
                .and_then(|p| p.parent())
                .map(PathBuf::from);
            self.dialogs.start(purpose, dir);
        }
        let title = self.state.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if self.state.session.quit_confirmed() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Keyboard shortcuts, dropped files and the window's close button.
    fn handle_input(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        ctx.input_mut(|i| {
            out.extend(file_and_history_shortcuts(i));
            out.extend(window_command::pressed(i).into_iter().map(Command::Window));
            if let Some(path) = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
            {
                out.push(Command::File(FileCommand::Open(Some(path))));
            }
        });
        if ctx.input(|i| i.viewport().close_requested()) && !self.state.session.quit_confirmed() {
            if self.state.session.doc().is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
            // Clean work quits at once; unsaved work asks first.
            out.push(Command::File(FileCommand::Quit));
        }
    }
}

/// Undo, redo, open, save and save as from the keyboard (consumed from the input).
fn file_and_history_shortcuts(i: &mut egui::InputState) -> Vec<Command> {
    let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
    let mut out = Vec::new();
    // Shifted shortcuts first: egui matches Ctrl+Z even with Shift held.
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z))
        || i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y))
    {
        out.push(Command::Redo);
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z)) {
        out.push(Command::Undo);
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
        out.push(Command::File(FileCommand::SaveAs(None)));
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)) {
        out.push(Command::File(FileCommand::Save));
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O)) {
        out.push(Command::File(FileCommand::Open(None)));
    }
    out
}

/// The options list on the left; weights, weighting dialogs and details on the right.
fn side_panels(
    ui: &mut Ui,
    state: &AppState,
    analyse: &mut analyse::AnalyseUi,
    out: &mut Vec<Command>,
) {
    // Side panels start in proportion to the window: names fit on a
    // large screen, and a laptop keeps room for the charts.
    let width = ui.ctx().content_rect().width();
    egui::Panel::left("lists")
        .resizable(true)
        .default_size((width * 0.2).clamp(280.0, 380.0))
        .size_range(220.0..=480.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            lists::lists_panel(ui, state, out);
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
                weights::weights_panel(ui, state, out);
                ui.add_space(4.0);
                analyse.elicit_buttons(ui, state);
                ui.add_space(10.0);
                ui.separator();
                details::details_panel(ui, state, out);
            });
        });
}

/// One tab per central view; wraps onto a second row rather than running
/// off a narrow panel.
fn view_tabs(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for v in View::ALL {
            if ui
                .selectable_label(state.view.current == v, v.label(state.view.lang))
                .clicked()
            {
                out.push(Command::View(ViewCommand::Show(v)));
            }
        }
    });
    ui.separator();
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
    let state = AppState::startup(file, lang, crate::session::Settings::default_path());
    let native = dialogs::FileDialogs::native_available();
    let data_dir = crate::io::autosave::default_data_dir();
    let title = state.window_title();
    let saved = state
        .session
        .settings()
        .window
        .map(|(w, h)| egui::vec2(w, h));
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
