//! Dialogs: native file dialogs (rfd, on a worker thread so the window keeps
//! drawing), a typed-path dialog when no native dialog service exists, and
//! the Save / Discard / Cancel question for unsaved changes. A dialog opens
//! while the session's workflow asks for a path; its answer is a command.

use super::state::{
    AppState, Command, DialogPurpose, FileCommand, Pending, UnsavedChoice, WindowCommand,
};
use crate::session::Workflow;
use crate::tr;
use egui::{Id, Modal, RichText, Ui};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// A native dialog answering faster than this most likely never showed
/// (no portal, no zenity): the typed-path dialog is offered instead.
const NO_SERVICE_WITHIN: Duration = Duration::from_millis(150);

struct Running {
    purpose: DialogPurpose,
    started: Instant,
    answer: Receiver<Option<PathBuf>>,
}

/// Open, save and export dialogs.
pub struct FileDialogs {
    /// Whether to try native dialogs at all (false in tests and when the
    /// desktop offers no dialog service).
    pub native: bool,
    running: Option<Running>,
    typed: Option<(DialogPurpose, String)>,
}

impl FileDialogs {
    /// Dialogs that try the native service when `native` is true.
    pub fn new(native: bool) -> Self {
        FileDialogs {
            native,
            running: None,
            typed: None,
        }
    }

    /// True when the desktop probably offers a native file dialog.
    pub fn native_available() -> bool {
        if cfg!(target_os = "linux") {
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
                || std::env::var_os("PATH").is_some_and(|paths| {
                    std::env::split_paths(&paths).any(|p| p.join("zenity").is_file())
                })
        } else {
            true
        }
    }

    /// Starts the dialog for `purpose`, unless one is already showing.
    pub fn start(&mut self, purpose: DialogPurpose, start_dir: Option<PathBuf>) {
        // Asked again every frame while the workflow waits for a path.
        if self.running.is_some() || self.typed.is_some() {
            return;
        }
        if !self.native {
            self.typed = Some((purpose, String::new()));
            return;
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut d = rfd::FileDialog::new();
            if let Some(dir) = start_dir {
                d = d.set_directory(dir);
            }
            let answer = match purpose {
                DialogPurpose::Open => d.add_filter("Tradeoff", &["ron", "csv"]).pick_file(),
                DialogPurpose::ImportCsv => d.add_filter("CSV", &["csv"]).pick_file(),
                DialogPurpose::SaveAs => d
                    .add_filter("Tradeoff", &["ron"])
                    .set_file_name("scenario.ron")
                    .save_file(),
                DialogPurpose::ExportCsv => d
                    .add_filter("CSV", &["csv"])
                    .set_file_name("matrix.csv")
                    .save_file(),
                DialogPurpose::ExportChart => d
                    .add_filter("PNG", &["png"])
                    .add_filter("SVG", &["svg"])
                    .set_file_name("chart.png")
                    .save_file(),
                DialogPurpose::ExportBrief => d.pick_folder(),
            };
            let _ = tx.send(answer);
        });
        self.running = Some(Running {
            purpose,
            started: Instant::now(),
            answer: rx,
        });
    }

    /// Checks the native dialog's answer and draws the typed-path dialog.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        self.poll_native(ui, out);
        self.typed_dialog(ui, state.view.lang, out);
    }

    /// Collects the native dialog's answer; one that came back at once
    /// means no dialog service, and the typed-path dialog takes over.
    fn poll_native(&mut self, ui: &Ui, out: &mut Vec<Command>) {
        if let Some(run) = &self.running {
            match run.answer.try_recv() {
                Ok(Some(path)) => {
                    out.push(command_for(run.purpose, path));
                    self.running = None;
                }
                Ok(None) | Err(TryRecvError::Disconnected) => {
                    if run.started.elapsed() < NO_SERVICE_WITHIN {
                        self.native = false;
                        self.typed = Some((run.purpose, String::new()));
                    } else {
                        out.push(Command::File(FileCommand::DialogCancelled));
                    }
                    self.running = None;
                }
                Err(TryRecvError::Empty) => {
                    ui.ctx().request_repaint_after(Duration::from_millis(100));
                }
            }
        }
    }

    /// The typed-path dialog, while one is asked.
    fn typed_dialog(&mut self, ui: &Ui, lang: crate::model::Lang, out: &mut Vec<Command>) {
        let Some((purpose, text)) = &mut self.typed else {
            return;
        };
        let purpose = *purpose;
        let mut close = false;
        Modal::new(Id::unique("typed-path")).show(ui.ctx(), |ui| {
            ui.set_width(460.0);
            ui.heading(purpose_title(purpose, lang));
            ui.label(RichText::new(tr!(lang, "gui.typed_path_help")).weak());
            let r = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .desired_width(440.0)
                        .hint_text("/home/me/scenario.ron"),
                )
                .accessible_name(tr!(lang, "gui.path"));
            // Enter in a single-line field ends its focus: read it before
            // taking focus back for the next keystroke.
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if !enter {
                r.request_focus();
            }
            ui.horizontal(|ui| {
                let empty = text.trim().is_empty();
                let ok = ui
                    .add_enabled(!empty, egui::Button::new(tr!(lang, "gui.ok")))
                    .on_disabled_hover_text(tr!(lang, "gui.why.no_path"))
                    .clicked();
                if (ok || enter) && !empty {
                    out.push(command_for(purpose, expand_home(text.trim())));
                    close = true;
                }
                if ui.button(tr!(lang, "gui.cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    out.push(Command::File(FileCommand::DialogCancelled));
                    close = true;
                }
            });
        });
        if close {
            self.typed = None;
        }
    }
}

fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

fn purpose_title(purpose: DialogPurpose, lang: crate::model::Lang) -> String {
    match purpose {
        DialogPurpose::Open => tr!(lang, "gui.menu.open"),
        DialogPurpose::SaveAs => tr!(lang, "gui.menu.save_as"),
        DialogPurpose::ImportCsv => tr!(lang, "gui.menu.import_csv"),
        DialogPurpose::ExportCsv => tr!(lang, "gui.menu.export_csv"),
        DialogPurpose::ExportChart => tr!(lang, "present.export_chart"),
        DialogPurpose::ExportBrief => tr!(lang, "present.export_brief"),
    }
}

fn command_for(purpose: DialogPurpose, path: PathBuf) -> Command {
    match purpose {
        DialogPurpose::Open => Command::File(FileCommand::Open(Some(path))),
        DialogPurpose::SaveAs => Command::File(FileCommand::SaveAs(Some(path))),
        DialogPurpose::ImportCsv => Command::File(FileCommand::ImportCsv(Some(path))),
        DialogPurpose::ExportCsv => Command::File(FileCommand::ExportCsv(Some(path))),
        DialogPurpose::ExportChart => Command::Window(WindowCommand::ExportChart(Some(path))),
        DialogPurpose::ExportBrief => Command::Window(WindowCommand::ExportBrief(Some(path))),
    }
}

/// The Save / Discard / Cancel question, while an action waits for it.
pub fn confirm_modal(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let Workflow::ConfirmingUnsaved(pending) = state.session.workflow() else {
        return;
    };
    let lang = state.view.lang;
    let question = match pending {
        Pending::Quit => tr!(lang, "gui.confirm_quit", name = state.display_name()),
        _ => tr!(lang, "gui.confirm_replace", name = state.display_name()),
    };
    let response = Modal::new(Id::unique("confirm-unsaved")).show(ui.ctx(), |ui| {
        ui.set_width(420.0);
        ui.heading(tr!(lang, "gui.unsaved_title"));
        ui.label(question);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr!(lang, "gui.save")).clicked() {
                out.push(Command::File(FileCommand::Unsaved(UnsavedChoice::Save)));
            }
            if ui.button(tr!(lang, "gui.discard")).clicked() {
                out.push(Command::File(FileCommand::Unsaved(UnsavedChoice::Discard)));
            }
            if ui.button(tr!(lang, "gui.cancel")).clicked() {
                out.push(Command::File(FileCommand::Unsaved(UnsavedChoice::Cancel)));
            }
        });
    });
    if response.should_close() {
        out.push(Command::File(FileCommand::Unsaved(UnsavedChoice::Cancel)));
    }
}
