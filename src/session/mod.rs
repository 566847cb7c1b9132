//! What the app does with a scenario that needs no window (no egui, built
//! and tested without the `gui` feature): the open scenario's edits
//! ([`edit`]), undo history ([`history`]), the file workflow ([`workflow`],
//! with its I/O in [`files`]) and remembered settings ([`settings`]); the
//! weighting dialogs' models ([`elicit`]), combined profiles and profile
//! paths ([`profiles`]), and the background workers behind the Robustness
//! view and the exports. `app` draws a [`Session`] and sends it commands;
//! tests drive it directly.

pub mod edit;
pub mod elicit;
pub mod export_jobs;
pub mod files;
pub mod findings_worker;
#[cfg(test)]
pub(crate) mod fixture;
pub mod history;
pub mod profiles;
pub mod settings;
pub mod smaa_worker;
pub mod tree_edit;
#[cfg(test)]
mod undo_props;
pub mod workflow;

pub use edit::{Edit, EditError};
pub use history::Document;
pub use settings::Settings;
pub use workflow::{DialogPurpose, Pending, SaveConflictChoice, UnsavedChoice, Workflow};

use crate::io::fingerprint::Fingerprint;
use crate::model::{Lang, Scenario, Text};
use std::path::{Path, PathBuf};

/// A message for the user, already translated (the app shows it in its banner).
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    /// True for errors (red), false for information.
    pub error: bool,
    /// The text.
    pub text: String,
}

impl Banner {
    /// An error message.
    pub fn error(text: String) -> Self {
        Banner { error: true, text }
    }

    /// An information message.
    pub fn info(text: String) -> Self {
        Banner { error: false, text }
    }
}

/// What the user asks of the file workflow.
#[derive(Debug, Clone, PartialEq)]
pub enum FileCommand {
    /// File > New.
    New,
    /// File > Open (None: ask with a dialog).
    Open(Option<PathBuf>),
    /// File > Import CSV (None: ask with a dialog).
    ImportCsv(Option<PathBuf>),
    /// File > Save (asks for a name when the scenario has none).
    Save,
    /// File > Save As (None: ask with a dialog).
    SaveAs(Option<PathBuf>),
    /// File > Export CSV (None: ask with a dialog).
    ExportCsv(Option<PathBuf>),
    /// A path is needed for an export the window runs (chart, briefing).
    AskPath(DialogPurpose),
    /// A dialog asked by [`FileCommand::AskPath`] answered; the window runs the export.
    PathAnswered,
    /// A file dialog was cancelled.
    DialogCancelled,
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Answer to Save / Discard / Cancel.
    Unsaved(UnsavedChoice),
    /// Answer to "the file changed on disk / was restored: overwrite it?".
    Overwrite(SaveConflictChoice),
    /// Open an autosave left by a crash as unsaved work; its original file
    /// keeps its name, but saving over it asks first.
    RestoreAutosave {
        /// The recovered scenario.
        scenario: Box<Scenario>,
        /// The file it was an autosave of.
        original: Option<PathBuf>,
    },
}

/// The open scenario, where it lives on disk, the file workflow and the
/// remembered settings.
pub struct Session {
    doc: Document,
    path: Option<PathBuf>,
    /// Name shown when the scenario has no file of its own (the bundled
    /// default, an imported CSV).
    origin_name: Option<String>,
    /// The RON text the scenario was opened from or last saved as: saving
    /// writes into it so the user's comments survive.
    loaded_text: Option<String>,
    /// The file as it was when opened or last saved (to notice other writers).
    disk: Option<Fingerprint>,
    /// True when saving to `path` must ask first (a restored autosave).
    ask_before_overwrite: bool,
    settings: Settings,
    settings_path: Option<PathBuf>,
    /// Counts documents opened, so caches keyed by revision tell them apart.
    opened: u64,
    workflow: Workflow,
    /// Banner changes for the app to show, oldest first (None: hide it).
    banners: Vec<Option<Banner>>,
}

impl Session {
    /// A session showing `scenario`, opened from `path` (None: a new document,
    /// not yet saved).
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        Session {
            doc: Document::new(scenario, path.is_some()),
            path,
            origin_name: None,
            loaded_text: None,
            disk: None,
            ask_before_overwrite: false,
            settings: Settings::default(),
            settings_path: None,
            opened: 0,
            workflow: Workflow::Idle,
            banners: Vec::new(),
        }
    }

    /// The bundled default scenario, as a clean starting point.
    pub fn with_default_scenario() -> Self {
        let mut session = Session::new(default_scenario(), None);
        session.doc.mark_saved();
        session.origin_name = Some("canada-2016.ron".into());
        session.loaded_text = Some(crate::DEFAULT_SCENARIO.to_string());
        session
    }

    /// Settings read from `path` (None: defaults, not stored).
    pub fn with_settings(mut self, path: Option<PathBuf>) -> Self {
        self.settings = path.as_deref().map(Settings::load).unwrap_or_default();
        self.settings_path = path;
        self
    }

    /// Opens `file` if given, else the last file opened if it still exists.
    pub fn open_at_start(&mut self, file: Option<PathBuf>, lang: Lang) {
        let explicit = file.is_some();
        let target = file.or_else(|| self.settings.last_file().map(Path::to_path_buf));
        if let Some(path) = target
            && (explicit || path.exists())
        {
            self.open_path(&path, false, lang);
        }
    }

    /// The open document and its history.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The current scenario.
    pub fn scenario(&self) -> &Scenario {
        self.doc.scenario()
    }

    /// Where the scenario is saved (None: never saved, or imported).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Remembered preferences.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Where the file workflow stands.
    pub fn workflow(&self) -> &Workflow {
        &self.workflow
    }

    /// The action waiting behind Save / Discard / Cancel, if that question is open.
    pub fn unsaved_question(&self) -> Option<&Pending> {
        match &self.workflow {
            Workflow::ConfirmingUnsaved(pending) => Some(pending),
            _ => None,
        }
    }

    /// The file Overwrite / Save As / Cancel is about, if that question is open.
    pub fn overwrite_question(&self) -> Option<&Path> {
        match &self.workflow {
            Workflow::ConfirmingOverwrite { path, .. } => Some(path),
            _ => None,
        }
    }

    /// True once the window may close (changes saved or discarded).
    pub fn quit_confirmed(&self) -> bool {
        self.workflow == Workflow::Quitting
    }

    /// True when the scenario is a restored autosave not yet saved.
    pub fn restored_autosave(&self) -> bool {
        self.ask_before_overwrite
    }

    /// How many documents were opened before this one.
    pub fn opened(&self) -> u64 {
        self.opened
    }

    /// A number that changes whenever the scenario shown does, across
    /// documents too (revisions restart at 0 for each opened file).
    pub fn content_key(&self) -> u64 {
        (self.opened << 40) ^ self.doc.revision()
    }

    /// The file name, else where the scenario came from, else None.
    pub fn file_name(&self) -> Option<String> {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .or_else(|| self.origin_name.clone())
    }

    /// The banner changes since the last call, oldest first.
    pub fn take_banners(&mut self) -> Vec<Option<Banner>> {
        std::mem::take(&mut self.banners)
    }

    /// Applies one edit as an undoable step (runs of the same slider coalesce).
    pub fn apply_edit(&mut self, edit: &Edit) -> Result<(), EditError> {
        self.doc.apply(edit)
    }

    /// Ends a run of coalescing edits.
    pub fn end_group(&mut self) {
        self.doc.seal();
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        self.doc.undo();
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) {
        self.doc.redo();
    }

    /// Takes the current scenario as saved (the bundled default, tests).
    pub fn mark_saved(&mut self) {
        self.doc.mark_saved();
    }

    /// Remembers the interface language for the next start.
    pub fn remember_lang(&mut self, lang: Lang) {
        self.settings.lang = Some(lang);
        self.store_settings(lang);
    }

    /// Remembers the window's inner size (points) for the next start.
    pub fn remember_window_size(&mut self, size: (f32, f32), lang: Lang) {
        if self.settings.window != Some(size) {
            self.settings.window = Some(size);
            self.store_settings(lang);
        }
    }

    fn store_settings(&mut self, lang: Lang) {
        if let Some(p) = &self.settings_path
            && let Err(e) = self.settings.store(p)
        {
            self.error(crate::tr!(lang, "gui.settings_failed", reason = e));
        }
    }

    fn error(&mut self, text: String) {
        self.banners.push(Some(Banner::error(text)));
    }

    fn info(&mut self, text: String) {
        self.banners.push(Some(Banner::info(text)));
    }
}

/// The bundled default scenario.
pub fn default_scenario() -> Scenario {
    crate::io::ron_file::parse(crate::DEFAULT_SCENARIO, "canada-2016.ron")
        .unwrap_or_else(|_| Scenario::empty(Text::new("Tradeoff")))
}
