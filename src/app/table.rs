//! The scores table: options × criteria, editable cells, unit and
//! direction in the headers, the selected cell highlighted, problems in red.

use super::edit::Edit;
use super::lists::{direction_label, problems_at};
use super::state::{AppState, Cell, Command};
use super::widgets::{NumberInput, PROBLEM, display_text, heading, number_field};
use crate::model::{Location, ProblemKind};
use crate::tr;
use egui::{Id, RichText, Stroke, Ui};

/// Validation messages for one cell (its score's problems and a missing score).
fn cell_problems(state: &AppState, alternative: &str, criterion: &str) -> Vec<String> {
    let s = state.scenario();
    let mut out: Vec<String> = s
        .scores
        .iter()
        .enumerate()
        .filter(|(_, x)| x.alternative == alternative && x.criterion == criterion)
        .flat_map(|(i, _)| problems_at(state, &Location::Score(i)))
        .collect();
    for p in &state.analysis().problems {
        if let ProblemKind::MissingScore {
            alternative: a,
            criterion: c,
        } = &p.kind
            && a == alternative
            && c == criterion
        {
            out.push(crate::i18n::problem_message(p, state.lang));
        }
    }
    out
}

/// Draws the scores table.
pub fn scores_table(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "gui.scores"));
    ui.label(RichText::new(tr!(lang, "gui.scores_help")).weak().small());
    if s.criteria.is_empty() || s.alternatives.is_empty() {
        ui.label(tr!(lang, "gui.scores_empty"));
        return;
    }
    let excluded = state
        .evaluation(state.method)
        .map(|e| e.excluded.clone())
        .unwrap_or_default();
    let cell_width = 72.0;
    egui::ScrollArea::both()
        .id_salt("scores-scroll")
        .max_height(ui.available_height().min(260.0))
        .show(ui, |ui| {
            egui::Grid::new("scores")
                .striped(true)
                .spacing([6.0, 4.0])
                .min_col_width(cell_width)
                .show(ui, |ui| {
                    ui.label("");
                    for c in &s.criteria {
                        ui.vertical(|ui| {
                            ui.set_max_width(cell_width);
                            ui.add(egui::Label::new(display_text(&c.name, lang).strong()).wrap());
                            let unit = if c.unit.is_empty() {
                                direction_label(c.direction, lang)
                            } else {
                                format!("{} · {}", direction_label(c.direction, lang), c.unit)
                            };
                            ui.label(RichText::new(unit).weak().small())
                                .on_hover_text(tr!(lang, "gui.direction_tip"));
                        });
                    }
                    ui.end_row();
                    for a in &s.alternatives {
                        let exclusion = excluded.iter().find(|x| x.alternative == a.id);
                        let mut name = display_text(&a.name, lang);
                        if exclusion.is_some() {
                            name = name.weak();
                        }
                        let r = ui
                            .allocate_ui_with_layout(
                                egui::vec2(190.0, 18.0),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| ui.add(egui::Label::new(name).truncate()),
                            )
                            .inner;
                        if let Some(x) = exclusion {
                            let reasons: Vec<String> = x
                                .reasons
                                .iter()
                                .map(|r| crate::i18n::reason_message(s, r, lang))
                                .collect();
                            r.on_hover_text(tr!(
                                lang,
                                "gui.excluded_because",
                                reasons = reasons.join("; ")
                            ));
                        }
                        for c in &s.criteria {
                            score_cell(
                                ui,
                                state,
                                &a.id,
                                &c.id,
                                exclusion.is_some(),
                                cell_width,
                                out,
                            );
                        }
                        ui.end_row();
                    }
                });
        });
}

fn score_cell(
    ui: &mut Ui,
    state: &AppState,
    alternative: &str,
    criterion: &str,
    excluded: bool,
    width: f32,
    out: &mut Vec<Command>,
) {
    let lang = state.lang;
    let score = state.score(alternative, criterion);
    let selected = state
        .cell
        .as_ref()
        .is_some_and(|c| c.alternative == alternative && c.criterion == criterion);
    let problems = cell_problems(state, alternative, criterion);
    let visuals = ui.visuals().clone();
    let stroke = if !problems.is_empty() {
        Stroke::new(2.0, PROBLEM)
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
    egui::Frame::new()
        .stroke(stroke)
        .fill(fill)
        .inner_margin(2.0)
        .corner_radius(3.0)
        .show(ui, |ui| {
            if excluded {
                ui.style_mut().visuals.override_text_color = Some(visuals.weak_text_color());
            }
            let id = Id::unique(("cell", alternative, criterion));
            let (mut response, input) = number_field(
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
            );
            if response.gained_focus() || response.clicked() {
                out.push(Command::SelectCell(Cell {
                    alternative: alternative.to_string(),
                    criterion: criterion.to_string(),
                }));
            }
            if score.is_some_and(|x| x.illustrative) {
                response = response.on_hover_text(tr!(lang, "gui.illustrative_tip"));
            }
            if !problems.is_empty() {
                response.on_hover_text(problems.join("\n"));
            }
            match input {
                NumberInput::Value(value) => out.push(Command::Edit(Edit::SetScore {
                    alternative: alternative.to_string(),
                    criterion: criterion.to_string(),
                    value,
                })),
                NumberInput::Invalid(e) => out.push(Command::Notify(e)),
                NumberInput::None | NumberInput::Cleared => {}
            }
        });
}
