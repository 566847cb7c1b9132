//! The open scenario without any window: its edits, undo history, file
//! workflow and remembered settings. No egui here; `app` draws it.

pub mod edit;
#[cfg(test)]
pub(crate) mod fixture;
pub mod history;
pub mod settings;
pub mod tree_edit;

pub use edit::{Edit, EditError};
pub use history::Document;
pub use settings::Settings;
