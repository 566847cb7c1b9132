//! The left panel: the options and criteria lists with add, rename,
//! reorder and delete, and an editor for the selected item.

use super::state::{AppState, Banner, Command, ViewCommand};
use super::widgets::{NumberInput, PROBLEM, display_text, heading, number_field, text_field};
use crate::model::{Criterion, Direction, Lang, Location, Scale, Text};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, RichText, Ui};

/// Messages of the validation problems located at `location`.
pub fn problems_at(state: &AppState, location: &Location) -> Vec<String> {
    state
        .analysis()
        .problems
        .iter()
        .filter(|p| &p.location == location)
        .map(|p| crate::i18n::problem_message(state.scenario(), p, state.view.lang))
        .collect()
}

/// Draws the options and criteria lists.
pub fn lists_panel(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        options_list(ui, state, out);
        ui.add_space(12.0);
        ui.separator();
        super::tree_list::criteria_tree(ui, state, out);
        ui.add_space(12.0);
        ui.separator();
        super::resources::resources_section(ui, state, out);
    });
}

pub(super) fn row_buttons(ui: &mut Ui, lang: Lang, first: bool, last: bool) -> (bool, bool, bool) {
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

/// From this many options on, the list scrolls on its own and draws only
/// the rows in view; the selected option's editor then shows below it.
const LONG_LIST: usize = 40;

fn options_list(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "gui.options"));
    ui.label(RichText::new(tr!(lang, "gui.options_help")).weak().small());
    let excluded = state
        .evaluation(state.view.method)
        .map(|e| e.excluded.clone())
        .unwrap_or_default();
    let n = s.alternatives.len();
    let selected = state
        .view
        .selected_alternative
        .as_deref()
        .and_then(|id| s.alternative(id));
    if n < LONG_LIST {
        for (i, a) in s.alternatives.iter().enumerate() {
            option_row(ui, state, i, &excluded, out);
            if selected.is_some_and(|x| x.id == a.id) {
                option_editor(ui, state, a, out);
            }
        }
    } else {
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt("options-rows")
            .max_height(320.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, n, |ui, rows| {
                for i in rows {
                    option_row(ui, state, i, &excluded, out);
                }
            });
        if let Some(a) = selected {
            option_editor(ui, state, a, out);
        }
    }
    if ui
        .button(tr!(lang, "gui.add_option"))
        .on_hover_text(tr!(lang, "gui.add_option_tip"))
        .clicked()
    {
        let k = n + 1;
        out.push(Command::Edit(Edit::AddAlternative {
            name: Text::bilingual(
                tr!(Lang::En, "gui.new_option_name", n = k),
                tr!(Lang::Fr, "gui.new_option_name", n = k),
            ),
        }));
    }
}

/// One row of the options list: name (greyed with the reasons when
/// excluded), move and delete buttons.
fn option_row(
    ui: &mut Ui,
    state: &AppState,
    i: usize,
    excluded: &[crate::analysis::Exclusion],
    out: &mut Vec<Command>,
) {
    let lang = state.view.lang;
    let s = state.scenario();
    let n = s.alternatives.len();
    let Some(a) = s.alternatives.get(i) else {
        return;
    };
    // Cells not yet scored are marked in the table, and the option is struck
    // through when that excludes it: they are not problems of the option.
    let problems: Vec<String> = state
        .analysis()
        .problems
        .iter()
        .filter(|p| {
            p.location == Location::Alternative(i)
                && !matches!(p.kind, crate::model::ProblemKind::MissingScore { .. })
        })
        .map(|p| crate::i18n::problem_message(s, p, lang))
        .collect();
    let exclusion = excluded.iter().find(|x| x.alternative == a.id);
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (up, down, delete) = row_buttons(ui, lang, i == 0, i + 1 == n);
            if delete {
                out.push(Command::Edit(Edit::DeleteAlternative { id: a.id.clone() }));
            } else if up || down {
                out.push(Command::Edit(Edit::MoveAlternative {
                    id: a.id.clone(),
                    delta: if up { -1 } else { 1 },
                }));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let mut label = display_text(&a.name, lang);
                if exclusion.is_some() {
                    label = label.weak().strikethrough();
                }
                if !problems.is_empty() {
                    label = label.color(PROBLEM);
                }
                let selected = state.view.selected_alternative.as_deref() == Some(a.id.as_str());
                let mut r = ui.add(egui::Button::selectable(selected, label).truncate());
                if let Some(x) = exclusion {
                    r = r.on_hover_text(crate::report::exclusions::excluded_sentence(s, x, lang));
                }
                if !problems.is_empty() {
                    r = r.on_hover_text(problems.join("\n"));
                }
                if r.clicked() {
                    out.push(Command::View(ViewCommand::SelectAlternative(
                        (!selected).then(|| a.id.clone()),
                    )));
                }
            });
        });
    });
}

/// The selected option's editor: its name, id and needs.
fn option_editor(
    ui: &mut Ui,
    state: &AppState,
    a: &crate::model::Alternative,
    out: &mut Vec<Command>,
) {
    let lang = state.view.lang;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "gui.name"));
            let (response, changed) = text_field(
                ui,
                Id::unique(("alt-name", &a.id)),
                &a.name,
                lang,
                170.0,
                false,
                &tr!(lang, "gui.name"),
            );
            if let Some(name) = changed {
                out.push(Command::Edit(Edit::RenameAlternative {
                    id: a.id.clone(),
                    lang,
                    name,
                }));
            }
            // One rename, one undo step: typing ends when the field is left.
            if response.lost_focus() {
                out.push(Command::EndGroup);
            }
        });
        ui.label(
            RichText::new(tr!(lang, "gui.id_note", id = &a.id))
                .weak()
                .small(),
        );
        super::resources::needs_editor(ui, state, a, out);
    });
}

/// "↓ min" or "↑ max" in `lang`.
pub fn direction_label(direction: Direction, lang: Lang) -> String {
    match direction {
        Direction::Minimize => tr!(lang, "gui.direction.min"),
        Direction::Maximize => tr!(lang, "gui.direction.max"),
    }
}

/// The selected criterion's settings, one row each: name, direction,
/// unit, fixed scale and veto.
pub(super) fn criterion_editor(ui: &mut Ui, state: &AppState, i: usize, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let Some(c) = state.scenario().criteria.get(i) else {
        return;
    };
    egui::Grid::new(("crit-editor", &c.id))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            name_row(ui, lang, c, out);
            direction_row(ui, lang, c, out);
            unit_row(ui, lang, c, out);
            scale_row(ui, state, c, out);
            veto_row(ui, lang, c, out);
        });
}

/// The name in the interface language; leaving the field ends the undo group.
fn name_row(ui: &mut Ui, lang: Lang, c: &Criterion, out: &mut Vec<Command>) {
    let id = &c.id;
    ui.label(tr!(lang, "gui.name"));
    let (response, changed) = text_field(
        ui,
        Id::unique(("crit-name", &id)),
        &c.name,
        lang,
        160.0,
        false,
        &tr!(lang, "gui.name"),
    );
    super::tree_list::take_pending_focus(ui, Id::unique(("crit-name", &id)));
    if let Some(name) = changed {
        out.push(Command::Edit(Edit::RenameCriterion {
            id: id.clone(),
            lang,
            name,
        }));
    }
    if response.lost_focus() {
        out.push(Command::EndGroup);
    }
    ui.end_row();
}

/// Lower or higher is better.
fn direction_row(ui: &mut Ui, lang: Lang, c: &Criterion, out: &mut Vec<Command>) {
    let id = &c.id;
    ui.label(tr!(lang, "gui.direction"))
        .on_hover_text(tr!(lang, "gui.direction_tip"));
    ui.horizontal(|ui| {
        for d in [Direction::Minimize, Direction::Maximize] {
            if ui
                .selectable_label(c.direction == d, direction_label(d, lang))
                .clicked()
                && c.direction != d
            {
                out.push(Command::Edit(Edit::SetDirection {
                    id: id.clone(),
                    direction: d,
                }));
            }
        }
    });
    ui.end_row();
}

/// The unit in the interface language.
fn unit_row(ui: &mut Ui, lang: Lang, c: &Criterion, out: &mut Vec<Command>) {
    let id = &c.id;
    let unit_label = ui.label(tr!(lang, "gui.unit"));
    let mut unit = c.unit.get(lang).to_string();
    if ui
        .add(egui::TextEdit::singleline(&mut unit).desired_width(160.0))
        .labelled_by(unit_label.id)
        .changed()
    {
        out.push(Command::Edit(Edit::SetUnit {
            id: id.clone(),
            lang,
            unit,
        }));
    }
    ui.end_row();
}

/// A fixed scale (worst and best) instead of the data's range.
fn scale_row(ui: &mut Ui, state: &AppState, c: &Criterion, out: &mut Vec<Command>) {
    let id = &c.id;
    let lang = state.view.lang;
    ui.label(tr!(lang, "gui.scale"))
        .on_hover_text(tr!(lang, "gui.scale_tip"));
    ui.vertical(|ui| {
        let mut fixed = c.scale.is_some();
        if ui
            .checkbox(&mut fixed, tr!(lang, "gui.scale_fixed"))
            .changed()
        {
            let scale = fixed.then(|| default_scale(state, id, c.direction));
            out.push(Command::Edit(Edit::SetScale {
                id: id.clone(),
                scale,
            }));
        }
        if let Some(scale) = c.scale {
            ui.horizontal(|ui| {
                ui.label(tr!(lang, "gui.scale_worst"));
                let (_, w) = number_field(
                    ui,
                    Id::unique(("worst", &id)),
                    Some(scale.worst),
                    lang,
                    50.0,
                    false,
                    &tr!(lang, "gui.scale_worst"),
                );
                ui.label(tr!(lang, "gui.scale_best"));
                let (_, b) = number_field(
                    ui,
                    Id::unique(("best", &id)),
                    Some(scale.best),
                    lang,
                    50.0,
                    false,
                    &tr!(lang, "gui.scale_best"),
                );
                let mut next = scale;
                for (input, slot) in [(w, &mut next.worst), (b, &mut next.best)] {
                    match input {
                        NumberInput::Value(x) => *slot = x,
                        NumberInput::Invalid(e) => out.push(Command::ShowBanner(Banner::error(e))),
                        NumberInput::None | NumberInput::Cleared => {}
                    }
                }
                if next != scale {
                    out.push(Command::Edit(Edit::SetScale {
                        id: id.clone(),
                        scale: Some(next),
                    }));
                }
            });
        }
    });
    ui.end_row();
}

/// A veto threshold: an option past it is excluded.
fn veto_row(ui: &mut Ui, lang: Lang, c: &Criterion, out: &mut Vec<Command>) {
    let id = &c.id;
    ui.label(tr!(lang, "gui.veto"))
        .on_hover_text(tr!(lang, "gui.veto_tip"));
    let (_, v) = number_field(
        ui,
        Id::unique(("veto", &id)),
        c.veto,
        lang,
        60.0,
        true,
        &tr!(lang, "gui.veto"),
    );
    match v {
        NumberInput::Value(x) => out.push(Command::Edit(Edit::SetVeto {
            id: id.clone(),
            veto: Some(x),
        })),
        NumberInput::Cleared => out.push(Command::Edit(Edit::SetVeto {
            id: id.clone(),
            veto: None,
        })),
        NumberInput::Invalid(e) => out.push(Command::ShowBanner(Banner::error(e))),
        NumberInput::None => {}
    }
    ui.end_row();
}

/// A fixed scale spanning the current data, worst to best.
fn default_scale(state: &AppState, criterion: &str, direction: Direction) -> Scale {
    let values: Vec<f64> = state
        .scenario()
        .scores
        .iter()
        .filter(|s| s.criterion == criterion)
        .map(|s| s.value)
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        (0.0, 10.0)
    };
    match direction {
        Direction::Minimize => Scale {
            worst: hi,
            best: lo,
        },
        Direction::Maximize => Scale {
            worst: lo,
            best: hi,
        },
    }
}
