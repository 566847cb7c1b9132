//! The menu bar (File, Edit, View; window commands come from
//! [`window_command::ENTRIES`]) and the message banner floating over the
//! bottom of the window.

use super::state::{AppState, Command, FileCommand, View, ViewCommand};
use super::window_command::{self, Menu};
use crate::model::Lang;
use crate::tr;
use egui::{Button, Color32, RichText, Ui};

/// Draws the menu bar; chosen entries become commands.
pub fn menu_bar(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr!(lang, "gui.menu.file"), |ui| file_menu(ui, state, out));
        ui.menu_button(tr!(lang, "gui.menu.edit"), |ui| edit_menu(ui, state, out));
        ui.menu_button(tr!(lang, "gui.menu.view"), |ui| view_menu(ui, state, out));
    });
}

/// New, open, save, import and export, quit.
fn file_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    if ui.button(tr!(lang, "gui.menu.new")).clicked() {
        out.push(Command::File(FileCommand::New));
    }
    if ui
        .add(Button::new(tr!(lang, "gui.menu.open")).shortcut_text("Ctrl+O"))
        .clicked()
    {
        out.push(Command::File(FileCommand::Open(None)));
    }
    ui.menu_button(tr!(lang, "gui.menu.open_recent"), |ui| {
        if state.session.settings().recent.is_empty() {
            ui.label(RichText::new(tr!(lang, "gui.menu.no_recent")).weak());
        }
        for path in &state.session.settings().recent {
            if ui.button(path.display().to_string()).clicked() {
                out.push(Command::File(FileCommand::Open(Some(path.clone()))));
            }
        }
    });
    ui.separator();
    if ui
        .add(Button::new(tr!(lang, "gui.menu.save")).shortcut_text("Ctrl+S"))
        .clicked()
    {
        out.push(Command::File(FileCommand::Save));
    }
    if ui
        .add(Button::new(tr!(lang, "gui.menu.save_as")).shortcut_text("Ctrl+Shift+S"))
        .clicked()
    {
        out.push(Command::File(FileCommand::SaveAs(None)));
    }
    ui.separator();
    if ui.button(tr!(lang, "gui.menu.import_csv")).clicked() {
        out.push(Command::File(FileCommand::ImportCsv(None)));
    }
    if ui
        .button(tr!(lang, "gui.menu.export_csv"))
        .on_hover_text(tr!(lang, "gui.menu.export_csv_tip"))
        .clicked()
    {
        out.push(Command::File(FileCommand::ExportCsv(None)));
    }
    if ui.button(tr!(lang, "analyse.menu.compare")).clicked() {
        out.push(Command::View(ViewCommand::Show(View::Compare)));
    }
    ui.separator();
    window_entries(ui, state, Menu::File, out);
    ui.separator();
    if ui.button(tr!(lang, "gui.menu.quit")).clicked() {
        out.push(Command::File(FileCommand::Quit));
    }
}

/// Undo and redo.
fn edit_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    if ui
        .add_enabled(
            state.session.doc().can_undo(),
            Button::new(tr!(lang, "gui.menu.undo")).shortcut_text("Ctrl+Z"),
        )
        .on_disabled_hover_text(tr!(lang, "gui.why.nothing_to_undo"))
        .clicked()
    {
        out.push(Command::Undo);
    }
    if ui
        .add_enabled(
            state.session.doc().can_redo(),
            Button::new(tr!(lang, "gui.menu.redo")).shortcut_text("Ctrl+Shift+Z"),
        )
        .on_disabled_hover_text(tr!(lang, "gui.why.nothing_to_redo"))
        .clicked()
    {
        out.push(Command::Redo);
    }
}

/// The central views, presentation, language.
fn view_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    for view in View::ALL {
        if ui
            .selectable_label(state.view.current == view, view.label(lang))
            .clicked()
        {
            out.push(Command::View(ViewCommand::Show(view)));
        }
    }
    window_entries(ui, state, Menu::View, out);
    ui.separator();
    ui.menu_button(tr!(lang, "gui.menu.language"), |ui| {
        for (l, name) in [(Lang::En, "English"), (Lang::Fr, "Français")] {
            if ui.selectable_label(lang == l, name).clicked() {
                out.push(Command::View(ViewCommand::SetLang(l)));
            }
        }
    });
}

/// The window commands listed in `menu`, from the one table of them.
fn window_entries(ui: &mut Ui, state: &AppState, menu: Menu, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let results = state.analysis().evaluations.is_some();
    for entry in window_command::in_menu(menu) {
        let mut button = Button::new(tr!(lang, entry.label));
        if let Some(shortcut) = &entry.shortcut {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        if ui
            .add_enabled(results || !entry.needs_results, button)
            .on_disabled_hover_text(tr!(lang, "gui.why.no_results"))
            .clicked()
        {
            out.push(Command::Window(entry.command.clone()));
        }
    }
}

/// Widest a banner gets, points.
const BANNER_MAX_WIDTH: f32 = 760.0;

/// Draws the banner, if any, floating above the bottom of the window: it
/// covers what is under it instead of pushing the panels down.
pub fn banner_overlay(ctx: &egui::Context, state: &AppState, out: &mut Vec<Command>) {
    if state.view.banner.is_none() {
        return;
    }
    let width = (ctx.content_rect().width() - 48.0).clamp(120.0, BANNER_MAX_WIDTH);
    egui::Area::new(egui::Id::unique("banner"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -16.0))
        .show(ctx, |ui| {
            ui.set_width(width);
            banner(ui, state, out);
        });
}

/// Draws the banner (error or information) with a close button.
pub fn banner(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let Some(banner) = &state.view.banner else {
        return;
    };
    let (fill, text) = if banner.error {
        (
            Color32::from_rgb(253, 226, 226),
            Color32::from_rgb(150, 20, 20),
        )
    } else {
        (
            Color32::from_rgb(225, 240, 230),
            Color32::from_rgb(20, 90, 40),
        )
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(8.0)
        .corner_radius(4.0)
        .stroke(egui::Stroke::new(1.0, text.gamma_multiply(0.4)))
        .shadow(ui.style().visuals.popup_shadow)
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                // The text wraps in the width the close button leaves.
                let text_width = (ui.available_width() - 30.0).max(60.0);
                ui.allocate_ui(egui::vec2(text_width, 0.0), |ui| {
                    ui.set_width(text_width);
                    ui.add(egui::Label::new(RichText::new(&banner.text).color(text)).wrap());
                });
                if ui
                    .small_button("✕")
                    .on_hover_text(tr!(state.view.lang, "gui.dismiss"))
                    .clicked()
                {
                    out.push(Command::DismissBanner);
                }
            });
        });
}
