//! The scores table: options × criteria, editable cells, unit and
//! direction in the headers, the selected cell highlighted, problems in red,
//! cells not yet scored marked; only visible rows are drawn.

use super::criterion_editor::direction_label;
use super::state::{AppState, Banner, Cell, CellNote, Command, ViewCommand};
use super::widgets::{NumberInput, PROBLEM, display_text, heading, number_field};
use crate::model::Location;
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, RichText, Stroke, Ui};
use std::collections::HashMap;

/// Validation messages by score cell (alternative id, criterion id), built
/// once per frame from the problems alone, so the cost does not grow with
/// the number of scores. A cell not yet scored is marked on its own.
type CellProblems = HashMap<(String, String), Vec<String>>;

fn cell_problems(state: &AppState) -> CellProblems {
    let s = state.scenario();
    let mut out = CellProblems::new();
    for p in &state.analysis().problems {
        if let Location::Score(i) = p.location
            && let Some(x) = s.scores.get(i)
        {
            out.entry((x.alternative.clone(), x.criterion.clone()))
                .or_default()
                .push(crate::i18n::problem_message(s, p, state.view.lang));
        }
    }
    out
}

/// A cell's outline and fill: red when refused or invalid, amber when not
/// yet scored or carrying a note, the selection's colours when selected.
fn cell_look(
    visuals: &egui::Visuals,
    note: Option<&CellNote>,
    invalid: bool,
    unscored: bool,
    selected: bool,
) -> (Stroke, egui::Color32) {
    let stroke = if note.is_some_and(|n| n.refused) || invalid {
        Stroke::new(2.0, PROBLEM)
    } else if unscored || note.is_some() {
        // Not yet scored (or a note to read): marked, but not an error.
        Stroke::new(1.5, NOTE)
    } else if selected {
        Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        Stroke::NONE
    };
    let fill = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.35)
    } else {
        egui::Color32::TRANSPARENT
    };
    (stroke, fill)
}

/// The cell's number field, labelled "option — criterion" for screen readers.
fn cell_field(
    ui: &mut Ui,
    state: &AppState,
    (alternative, criterion): (&str, &str),
    score: Option<&crate::model::Score>,
    width: f32,
) -> (egui::Response, NumberInput) {
    let lang = state.view.lang;
    let id = Id::unique(("cell", alternative, criterion));
    number_field(
        ui,
        id,
        score.map(|x| x.value),
        lang,
        width - 8.0,
        false,
        &format!(
            "{} — {}",
            state.scenario().alternative_name(alternative, lang),
            state.scenario().criterion_name(criterion, lang)
        ),
    )
}

/// Marks a cell not yet scored and gives the hover texts: not scored,
/// illustrative, and the cell's problems.
fn cell_hints(
    ui: &Ui,
    lang: crate::model::Lang,
    mut response: egui::Response,
    score: Option<&crate::model::Score>,
    problems: &[String],
) {
    if score.is_none() && !response.has_focus() {
        ui.painter().text(
            response.rect.center(),
            egui::Align2::CENTER_CENTER,
            tr!(lang, "gui.not_scored_short"),
            egui::FontId::proportional(11.0),
            NOTE,
        );
        response = response.on_hover_text(tr!(lang, "gui.not_scored_tip"));
    }
    if score.is_some_and(|x| x.illustrative) {
        response = response.on_hover_text(tr!(lang, "gui.illustrative_tip"));
    }
    if !problems.is_empty() {
        response.on_hover_text(problems.join("\n"));
    }
}

/// Height of one row of the scores table.
const ROW_HEIGHT: f32 = 26.0;

/// Draws the scores table. Only the rows in view are laid out (egui_extras
/// virtualises the body), so a file with thousands of options stays live.
pub fn scores_table(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "gui.scores"));
    ui.label(RichText::new(tr!(lang, "gui.scores_help")).weak().small());
    if s.criteria.is_empty() || s.alternatives.is_empty() {
        ui.label(tr!(lang, "gui.scores_empty"));
        return;
    }
    let excluded = state
        .evaluation(state.view.method)
        .map(|e| e.excluded.clone())
        .unwrap_or_default();
    let problems = cell_problems(state);
    let cell_width = 72.0;
    // Each column is wide enough for its header's longest word, so headers
    // wrap between words and never inside one.
    let widths: Vec<f32> = s
        .criteria
        .iter()
        .map(|c| header_width(ui, c.name.get(lang), cell_width))
        .collect();
    let height = ui.available_height().clamp(3.0 * ROW_HEIGHT, 260.0);
    let header_height = header_height(ui, state, &widths);
    egui::ScrollArea::horizontal()
        .id_salt("scores-scroll")
        .show(ui, |ui| {
            let table = egui_extras::TableBuilder::new(ui)
                .id_salt("scores")
                .striped(true)
                .vscroll(true)
                .max_scroll_height(height)
                .auto_shrink([true, true])
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(egui_extras::Column::exact(190.0));
            let table = widths.iter().fold(table, |table, w| {
                table.column(egui_extras::Column::exact(w + 6.0))
            });
            table
                .header(header_height, |mut header| {
                    header.col(|_| {});
                    for (c, &width) in s.criteria.iter().zip(&widths) {
                        header.col(|ui| criterion_header(ui, c, lang, width));
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, s.alternatives.len(), |mut row| {
                        let Some(a) = s.alternatives.get(row.index()) else {
                            return;
                        };
                        option_row(&mut row, state, a, &widths, &excluded, &problems, out);
                    });
                });
        });
    cell_note_line(ui, state);
    unscored_criteria_line(ui, state);
}

/// The header is as tall as the longest wrapped name, plus the unit line.
fn header_height(ui: &Ui, state: &AppState, widths: &[f32]) -> f32 {
    let lang = state.view.lang;
    let name_height = state
        .scenario()
        .criteria
        .iter()
        .zip(widths)
        .map(|(c, &width)| {
            egui::WidgetText::from(display_text(&c.name, lang).strong())
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Wrap),
                    width,
                    egui::TextStyle::Body,
                )
                .size()
                .y
        })
        .fold(0.0_f32, f32::max);
    name_height + 18.0
}

/// Option `a`'s row: its label (greyed when excluded), then one cell per criterion.
fn option_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    state: &AppState,
    a: &crate::model::Alternative,
    widths: &[f32],
    excluded: &[crate::analysis::Exclusion],
    problems: &CellProblems,
    out: &mut Vec<Command>,
) {
    let exclusion = excluded.iter().find(|x| x.alternative == a.id);
    row.col(|ui| option_label(ui, state, a, exclusion));
    for (c, &width) in state.scenario().criteria.iter().zip(widths) {
        row.col(|ui| {
            let key = (a.id.clone(), c.id.clone());
            let cell = CellView {
                alternative: &a.id,
                criterion: &c.id,
                excluded: exclusion.is_some(),
                problems: problems.get(&key).cloned().unwrap_or_default(),
            };
            score_cell(ui, state, cell, width, out);
        });
    }
}

/// A criterion's column header: name, direction and unit.
fn criterion_header(
    ui: &mut Ui,
    c: &crate::model::Criterion,
    lang: crate::model::Lang,
    width: f32,
) {
    ui.vertical(|ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        ui.add(egui::Label::new(display_text(&c.name, lang).strong()).wrap());
        let unit = if c.unit.is_empty() {
            direction_label(c.direction, lang)
        } else {
            format!(
                "{} · {}",
                direction_label(c.direction, lang),
                c.unit.get(lang)
            )
        };
        ui.label(RichText::new(unit).weak().small())
            .on_hover_text(tr!(lang, "gui.direction_tip"));
    });
}

/// An option's row label, greyed with the reasons when it is excluded.
fn option_label(
    ui: &mut Ui,
    state: &AppState,
    a: &crate::model::Alternative,
    exclusion: Option<&crate::analysis::Exclusion>,
) {
    let lang = state.view.lang;
    let mut name = display_text(&a.name, lang);
    if exclusion.is_some() {
        name = name.weak();
    }
    let r = ui.add(egui::Label::new(name).truncate());
    if let Some(x) = exclusion {
        r.on_hover_text(crate::report::exclusions::excluded_sentence(
            state.scenario(),
            x,
            lang,
        ));
    }
}

/// The message attached to a cell (a refused edit or a widened range),
/// under the table where it cannot be missed.
fn cell_note_line(ui: &mut Ui, state: &AppState) {
    let Some(note) = &state.view.cell_note else {
        return;
    };
    let text = RichText::new(format!(
        "{} {}",
        if note.refused { "✕" } else { "ℹ" },
        note.text
    ));
    let text = if note.refused {
        text.color(PROBLEM)
    } else {
        text.color(NOTE)
    };
    ui.add(egui::Label::new(text).wrap());
}

/// Says which criteria nobody has scored yet (left out of the results).
fn unscored_criteria_line(ui: &mut Ui, state: &AppState) {
    let s = state.scenario();
    let unscored = s.unscored_criteria();
    if unscored.is_empty() || s.alternatives.is_empty() {
        return;
    }
    let names: Vec<String> = unscored
        .iter()
        .map(|c| s.criterion_name(c, state.view.lang))
        .collect();
    ui.add(
        egui::Label::new(
            RichText::new(tr!(
                state.view.lang,
                "gui.criteria_not_yet_scored",
                criteria = names.join(", ")
            ))
            .color(NOTE),
        )
        .wrap(),
    );
}

/// Colour of notes that inform rather than refuse (a widened range, a
/// criterion not yet scored).
const NOTE: egui::Color32 = egui::Color32::from_rgb(150, 95, 0);

/// What one cell shows besides its value.
struct CellView<'a> {
    alternative: &'a str,
    criterion: &'a str,
    excluded: bool,
    problems: Vec<String>,
}

/// Widest a header grows to hold a long word, points.
const HEADER_MAX_WIDTH: f32 = 180.0;

/// The width of a header column: `min` or more, enough for the header's
/// longest word in body text (up to [`HEADER_MAX_WIDTH`]).
pub fn header_width(ui: &Ui, text: &str, min: f32) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = text
        .split_whitespace()
        .map(|word| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(word.to_string(), font.clone(), egui::Color32::BLACK)
                    .size()
                    .x
            })
        })
        .fold(0.0_f32, f32::max);
    (widest + 4.0).clamp(min, HEADER_MAX_WIDTH)
}

fn score_cell(
    ui: &mut Ui,
    state: &AppState,
    cell: CellView<'_>,
    width: f32,
    out: &mut Vec<Command>,
) {
    let CellView {
        alternative,
        criterion,
        excluded,
        mut problems,
    } = cell;
    let lang = state.view.lang;
    let score = state.score(alternative, criterion);
    let selected = state
        .view
        .cell
        .as_ref()
        .is_some_and(|c| c.alternative == alternative && c.criterion == criterion);
    let note = state
        .view
        .cell_note
        .as_ref()
        .filter(|n| n.cell.alternative == alternative && n.cell.criterion == criterion);
    let invalid = !problems.is_empty();
    if let Some(n) = note {
        problems.push(n.text.clone());
    }
    let visuals = ui.visuals().clone();
    let (stroke, fill) = cell_look(&visuals, note, invalid, score.is_none(), selected);
    egui::Frame::new()
        .stroke(stroke)
        .fill(fill)
        .inner_margin(2.0)
        .corner_radius(3.0)
        .show(ui, |ui| {
            if excluded {
                ui.style_mut().visuals.override_text_color = Some(visuals.weak_text_color());
            }
            let (response, input) = cell_field(ui, state, (alternative, criterion), score, width);
            if response.gained_focus() || response.clicked() {
                out.push(Command::View(ViewCommand::SelectCell(Cell {
                    alternative: alternative.to_string(),
                    criterion: criterion.to_string(),
                })));
            }
            cell_hints(ui, lang, response, score, &problems);
            match input {
                NumberInput::Value(value) => out.push(Command::Edit(Edit::SetScore {
                    alternative: alternative.to_string(),
                    criterion: criterion.to_string(),
                    value,
                })),
                NumberInput::Invalid(e) => out.push(Command::ShowBanner(Banner::error(e))),
                NumberInput::None | NumberInput::Cleared => {}
            }
        });
}
