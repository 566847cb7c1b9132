//! The selected criterion's editor (name, direction, unit, fixed scale,
//! veto), and the validation messages shown beside a list row.

use super::state::{AppState, Banner, Command};
use super::widgets::{NumberInput, number_field, take_pending_focus, text_field};
use crate::model::{Criterion, Direction, Lang, Location, Scale};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, Ui};

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

/// "↓ min" or "↑ max" in `lang`.
pub fn direction_label(direction: Direction, lang: Lang) -> String {
    match direction {
        Direction::Minimize => tr!(lang, "gui.direction.min"),
        Direction::Maximize => tr!(lang, "gui.direction.max"),
    }
}

/// The selected criterion's settings, one row each: name, direction,
/// unit, fixed scale and veto.
pub fn criterion_editor(ui: &mut Ui, state: &AppState, i: usize, out: &mut Vec<Command>) {
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
    take_pending_focus(ui, Id::unique(("crit-name", &id)));
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
