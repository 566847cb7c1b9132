//! The file workflow as one state machine: which question is open (a file
//! dialog, Save / Discard / Cancel, Overwrite / Save As / Cancel), what
//! waits behind it, and [`Workflow::step`], the one transition function.
//! It does no I/O: it says what to do next as an [`Effect`], and
//! [`Session`](super::Session) does it and reports back.

use std::path::PathBuf;

/// What a native or typed file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open a scenario (RON or CSV).
    Open,
    /// Save the scenario under a new name.
    SaveAs,
    /// Import a CSV decision matrix.
    ImportCsv,
    /// Export the decision matrix as CSV.
    ExportCsv,
    /// Export the chart shown as PNG or SVG.
    ExportChart,
    /// Export the briefing pack into a folder.
    ExportBrief,
}

/// An action that would lose unsaved changes, waiting for Save / Discard / Cancel.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Start an empty scenario.
    New,
    /// Open a file (None: ask which).
    Open(Option<PathBuf>),
    /// Import a CSV (None: ask which).
    ImportCsv(Option<PathBuf>),
    /// Close the window.
    Quit,
}

/// Answers to "save the changes first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go on.
    Save,
    /// Drop the changes and go on.
    Discard,
    /// Do nothing.
    Cancel,
}

/// Answers to the question asked before overwriting a file that changed on
/// disk since it was opened, or that a restored autosave belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveConflictChoice {
    /// Write over the file.
    Overwrite,
    /// Choose another file.
    SaveAs,
    /// Do not save.
    Cancel,
}

/// Where the file workflow stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Workflow {
    /// Nothing asked.
    #[default]
    Idle,
    /// A file dialog for `purpose` is wanted or open; `then` runs after a
    /// Save As it ends (the action that asked to save first).
    AskingPath {
        /// What the path is for.
        purpose: DialogPurpose,
        /// What runs once the scenario is saved.
        then: Option<Pending>,
    },
    /// Save / Discard / Cancel, with the action waiting behind it.
    ConfirmingUnsaved(Pending),
    /// Overwrite / Save As / Cancel before writing over `path`.
    ConfirmingOverwrite {
        /// The file that changed on disk (or that an autosave belongs to).
        path: PathBuf,
        /// What runs once the scenario is saved.
        then: Option<Pending>,
    },
    /// A write is under way; `then` runs if it succeeds.
    Saving {
        /// What runs once the scenario is saved.
        then: Option<Pending>,
    },
    /// Changes are saved or discarded: the window may close.
    Quitting,
}

/// What the user or the session reports to the workflow.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// New, Open, Import or Quit asked (guarded when there are unsaved changes).
    Request(Pending),
    /// Save under the current name.
    Save,
    /// Save under `path` (None: ask for one).
    SaveAs(Option<PathBuf>),
    /// A path is needed for an export.
    Ask(DialogPurpose),
    /// The file dialog answered with a path.
    Answered,
    /// The file dialog was cancelled.
    DialogCancelled,
    /// Answer to Save / Discard / Cancel.
    Unsaved(UnsavedChoice),
    /// Answer to Overwrite / Save As / Cancel.
    Conflict(SaveConflictChoice),
    /// The write asked by [`Effect::Write`] ended (true: written).
    Saved(bool),
}

/// What the session must do after a step.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing.
    None,
    /// Write the scenario to `path`; `adopt` makes it the document's file.
    Write {
        /// Where to write.
        path: PathBuf,
        /// True for Save As: the document takes this name once written.
        adopt: bool,
    },
    /// Start a new scenario, or open or import the file named.
    Run(Pending),
}

/// What the transitions need to know about the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// There are unsaved changes.
    pub dirty: bool,
    /// The document's file, if it has one.
    pub path: Option<PathBuf>,
    /// Saving to `path` must ask first (changed on disk, or a restored autosave).
    pub conflict: bool,
}

impl Workflow {
    /// The one transition function: the next state and what to do.
    pub fn step(self, event: Event, facts: &Facts) -> (Workflow, Effect) {
        use Workflow as W;
        match (self, event) {
            (W::Quitting, _) => (W::Quitting, Effect::None),
            (_, Event::Request(action)) if facts.dirty => {
                (W::ConfirmingUnsaved(action), Effect::None)
            }
            (_, Event::Request(action)) => proceed(action),
            (state, Event::Save) => save_current(state.then(), facts),
            (state, Event::SaveAs(None)) => ask(DialogPurpose::SaveAs, state.then()),
            (state, Event::SaveAs(Some(path))) => write(path, true, state.then()),
            (_, Event::Ask(purpose)) => ask(purpose, None),
            (W::AskingPath { .. }, Event::Answered | Event::DialogCancelled) => {
                (W::Idle, Effect::None)
            }
            (W::ConfirmingUnsaved(next), Event::Unsaved(choice)) => match choice {
                UnsavedChoice::Save => save_current(Some(next), facts),
                UnsavedChoice::Discard => proceed(next),
                UnsavedChoice::Cancel => (W::Idle, Effect::None),
            },
            (W::ConfirmingOverwrite { path, then }, Event::Conflict(choice)) => match choice {
                SaveConflictChoice::Overwrite => write(path, false, then),
                SaveConflictChoice::SaveAs => ask(DialogPurpose::SaveAs, then),
                SaveConflictChoice::Cancel => (W::Idle, Effect::None),
            },
            (W::Saving { then: Some(next) }, Event::Saved(true)) => proceed(next),
            (W::Saving { .. }, Event::Saved(_)) => (W::Idle, Effect::None),
            // An answer to a question no longer open changes nothing.
            (state, _) => (state, Effect::None),
        }
    }

    /// The action waiting for the scenario to be saved, if any.
    fn then(self) -> Option<Pending> {
        match self {
            Workflow::AskingPath { then, .. }
            | Workflow::ConfirmingOverwrite { then, .. }
            | Workflow::Saving { then } => then,
            Workflow::Idle | Workflow::ConfirmingUnsaved(_) | Workflow::Quitting => None,
        }
    }

    /// The file dialog wanted, if any.
    pub fn asking_path(&self) -> Option<DialogPurpose> {
        match self {
            Workflow::AskingPath { purpose, .. } => Some(*purpose),
            _ => None,
        }
    }
}

/// Goes on with `action`, the changes being saved, discarded or none.
fn proceed(action: Pending) -> (Workflow, Effect) {
    match action {
        Pending::Open(None) => ask(DialogPurpose::Open, None),
        Pending::ImportCsv(None) => ask(DialogPurpose::ImportCsv, None),
        Pending::Quit => (Workflow::Quitting, Effect::None),
        action => (Workflow::Idle, Effect::Run(action)),
    }
}

/// Saves under the document's own name: asks first when the file changed
/// on disk, asks for a name when it has none.
fn save_current(then: Option<Pending>, facts: &Facts) -> (Workflow, Effect) {
    match &facts.path {
        Some(path) if facts.conflict => (
            Workflow::ConfirmingOverwrite {
                path: path.clone(),
                then,
            },
            Effect::None,
        ),
        Some(path) => write(path.clone(), false, then),
        None => ask(DialogPurpose::SaveAs, then),
    }
}

fn ask(purpose: DialogPurpose, then: Option<Pending>) -> (Workflow, Effect) {
    (Workflow::AskingPath { purpose, then }, Effect::None)
}

fn write(path: PathBuf, adopt: bool, then: Option<Pending>) -> (Workflow, Effect) {
    (Workflow::Saving { then }, Effect::Write { path, adopt })
}
