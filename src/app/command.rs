//! Everything a panel may ask for, grouped by what it changes: the
//! scenario ([`Edit`], undo, redo), the file ([`FileCommand`]), the view
//! ([`ViewCommand`]), the banner, or the window ([`WindowCommand`]).
//! Panels only push these; [`AppState::apply`](super::AppState::apply)
//! runs them after the frame.

use super::view_state::ViewCommand;
use super::window_command::WindowCommand;
use crate::session::{Banner, Edit, FileCommand};

/// One request from a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Change the scenario (undoable).
    Edit(Edit),
    /// End a run of coalescing edits (slider released, field left).
    EndGroup,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// New, open, save, export, the unsaved-changes and overwrite questions.
    File(FileCommand),
    /// Selection, method, language, central view.
    View(ViewCommand),
    /// Show a message in the banner (an error, or information).
    ShowBanner(Banner),
    /// Hide the banner.
    DismissBanner,
    /// Presentation, clipboard and chart or briefing exports (run by the window).
    Window(WindowCommand),
}
