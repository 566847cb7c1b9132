//! Small widgets shared by the panels: a number field that refuses bad
//! input, bilingual text fields that mark a fallback, and colours.

use super::state::parse_number;
use crate::model::{Lang, Text};
use crate::tr;
use egui::{Color32, Id, Response, RichText, TextEdit, Ui};

/// Colour for cells and rows with a validation problem.
pub const PROBLEM: Color32 = Color32::from_rgb(200, 40, 40);

/// What a number field produced this frame.
pub enum NumberInput {
    /// Nothing committed.
    None,
    /// A valid number was committed (Enter or leaving the field).
    Value(f64),
    /// The optional field was emptied.
    Cleared,
    /// The text is not a number; the old value stays.
    Invalid(String),
}

/// A single-line number field showing `value` in `lang`'s style. Typing goes
/// to a buffer; the value is committed on Enter or when the field loses focus.
/// `value == None` shows an empty field (for optional numbers); `name` is
/// what a screen reader announces.
pub fn number_field(
    ui: &mut Ui,
    id: Id,
    value: Option<f64>,
    lang: Lang,
    width: f32,
    optional: bool,
    name: &str,
) -> (Response, NumberInput) {
    let shown = value.map_or_else(String::new, |v| crate::i18n::value(v, 6, lang));
    let mut text = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(width)
                .align(egui::Align2::RIGHT_CENTER),
        )
        .accessible_name(name);
    let mut out = NumberInput::None;
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
        if text.trim() != shown {
            out = if optional && text.trim().is_empty() {
                NumberInput::Cleared
            } else {
                match parse_number(&text, lang) {
                    Ok(x) => NumberInput::Value(x),
                    Err(e) => NumberInput::Invalid(e),
                }
            };
        }
    }
    (response, out)
}

/// A text field editing the `lang` version of `text`. When that version is
/// missing, the other language shows as a grey hint and a marker says so.
/// Returns the new text when it changed.
pub fn text_field(
    ui: &mut Ui,
    id: Id,
    text: &Text,
    lang: Lang,
    width: f32,
    multiline: bool,
    name: &str,
) -> (Response, Option<String>) {
    let own = match lang {
        Lang::En => text.en.clone(),
        Lang::Fr => text.fr.clone().unwrap_or_default(),
    };
    let (shown, fallback) = text.get_with_fallback(lang);
    let mut buffer = own.clone();
    let edit = if multiline {
        TextEdit::multiline(&mut buffer).desired_rows(3)
    } else {
        TextEdit::singleline(&mut buffer)
    };
    let response = ui
        .add(
            edit.id(id)
                .desired_width(width)
                .hint_text(RichText::new(if fallback { shown } else { "" }).italics()),
        )
        .accessible_name(name);
    let response = if fallback {
        response.on_hover_text(fallback_note(lang))
    } else {
        response
    };
    let changed = (buffer != own).then_some(buffer);
    (response, changed)
}

/// Text in `lang`, in italics with a marker when it falls back to the other language.
pub fn display_text(text: &Text, lang: Lang) -> RichText {
    let (shown, fallback) = text.get_with_fallback(lang);
    if fallback {
        let other = match lang {
            Lang::En => "FR",
            Lang::Fr => "EN",
        };
        RichText::new(format!("{shown} ⁽{other}⁾")).italics()
    } else {
        RichText::new(shown)
    }
}

/// The tooltip explaining a fallback marker.
pub fn fallback_note(lang: Lang) -> String {
    crate::tr!(lang, "gui.fallback_note")
}

/// A small section heading.
pub fn heading(ui: &mut Ui, text: String) {
    ui.label(RichText::new(text).strong().size(15.0));
}

/// The ▲ ▼ ✕ buttons at the end of a list row: (up, down, delete) clicked.
pub fn row_buttons(ui: &mut Ui, lang: Lang, first: bool, last: bool) -> (bool, bool, bool) {
    // Drawn right to left: delete sits at the far edge.
    let delete = ui
        .small_button("✕")
        .on_hover_text(tr!(lang, "gui.delete_tip"))
        .clicked();
    let down = ui
        .add_enabled(!last, egui::Button::new("▼").small())
        .on_hover_text(tr!(lang, "gui.move_down"))
        .on_disabled_hover_text(tr!(lang, "gui.why.already_last"))
        .clicked();
    let up = ui
        .add_enabled(!first, egui::Button::new("▲").small())
        .on_hover_text(tr!(lang, "gui.move_up"))
        .on_disabled_hover_text(tr!(lang, "gui.why.already_first"))
        .clicked();
    (up, down, delete)
}

/// Where the name field to focus once its editor shows is kept.
fn focus_pending_id() -> Id {
    Id::unique("tree-focus-pending")
}

/// Focuses the field `field` as soon as it is drawn (its editor opens on
/// the next frame, after "Rename…" in a menu).
pub fn focus_later(ui: &Ui, field: Id) {
    ui.data_mut(|d| d.insert_temp(focus_pending_id(), field));
}

/// Gives the focus to `field` if "Rename…" asked for it.
pub fn take_pending_focus(ui: &Ui, field: Id) {
    let pending = ui.data(|d| d.get_temp::<Id>(focus_pending_id()));
    if pending == Some(field) {
        ui.data_mut(|d| d.remove::<Id>(focus_pending_id()));
        ui.memory_mut(|m| m.request_focus(field));
    }
}
