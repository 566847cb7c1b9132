//! Commands only the window can run (they need textures, threads or the
//! clipboard), and the one table that gives each its menu label and
//! shortcut: the menu bar and the keyboard handler both read [`ENTRIES`].

use crate::charts::ChartKind;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// What the window runs itself, after the state has applied the frame's commands.
#[derive(Debug, Clone, PartialEq)]
pub enum WindowCommand {
    /// Enter presentation mode at slide 1, or at the chart named.
    StartPresentation(Option<ChartKind>),
    /// Copy the chart shown to the clipboard.
    CopyChart,
    /// Export the chart shown (None: ask for a file first).
    ExportChart(Option<PathBuf>),
    /// Export the briefing pack (None: ask for a folder first).
    ExportBrief(Option<PathBuf>),
}

impl WindowCommand {
    /// The file dialog this command needs before it can run, if any.
    pub fn missing_path(&self) -> Option<crate::session::DialogPurpose> {
        use crate::session::DialogPurpose;
        match self {
            WindowCommand::ExportChart(None) => Some(DialogPurpose::ExportChart),
            WindowCommand::ExportBrief(None) => Some(DialogPurpose::ExportBrief),
            _ => None,
        }
    }
}

/// The menu a window command is listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// File menu (exports).
    File,
    /// View menu (presentation).
    View,
}

/// One window command as the menu and the keyboard offer it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The command run.
    pub command: WindowCommand,
    /// Catalogue key of its menu label.
    pub label: &'static str,
    /// Where the menu lists it (None: not in the menu bar).
    pub menu: Option<Menu>,
    /// Its keyboard shortcut, if any.
    pub shortcut: Option<KeyboardShortcut>,
    /// True when it needs results (a valid scenario) to act on.
    pub needs_results: bool,
}

/// Every window command the menu or the keyboard offers, in menu order.
pub static ENTRIES: [Entry; 4] = [
    Entry {
        command: WindowCommand::ExportChart(None),
        label: "present.export_chart",
        menu: Some(Menu::File),
        shortcut: None,
        needs_results: true,
    },
    Entry {
        command: WindowCommand::ExportBrief(None),
        label: "present.export_brief",
        menu: Some(Menu::File),
        shortcut: None,
        needs_results: true,
    },
    Entry {
        command: WindowCommand::StartPresentation(None),
        label: "present.start",
        menu: Some(Menu::View),
        shortcut: Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5)),
        needs_results: false,
    },
    Entry {
        command: WindowCommand::CopyChart,
        label: "present.copy_chart",
        menu: None,
        shortcut: None,
        needs_results: true,
    },
];

/// The entries listed in `menu`.
pub fn in_menu(menu: Menu) -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().filter(move |e| e.menu == Some(menu))
}

/// The commands whose shortcut was pressed this frame (consumed from the input).
pub fn pressed(input: &mut egui::InputState) -> Vec<WindowCommand> {
    ENTRIES
        .iter()
        .filter(|e| e.shortcut.is_some_and(|s| input.consume_shortcut(&s)))
        .map(|e| e.command.clone())
        .collect()
}
