//! The details panel: the selected score's value, uncertainty range,
//! rationale, sources and illustrative flag, all editable.

use super::state::{AppState, Banner, Command};
use super::widgets::{NumberInput, heading, number_field, text_field};
use crate::model::{Lang, Score};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, RichText, Ui};

/// Draws the details of the selected cell.
pub fn details_panel(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "gui.details"));
    let Some(cell) = &state.view.cell else {
        ui.label(RichText::new(tr!(lang, "gui.details_none")).weak());
        return;
    };
    let (a, c) = (&cell.alternative, &cell.criterion);
    let score = s.score(a, c);
    ui.add(
        egui::Label::new(
            RichText::new(format!(
                "{} × {}",
                s.alternative_name(a, lang),
                s.criterion_name(c, lang)
            ))
            .strong(),
        )
        .wrap(),
    );
    egui::Grid::new("details-grid")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            value_row(ui, state, (a, c), score, out);
            if let Some(score) = score {
                range_row(ui, lang, (a, c), score, out);
                illustrative_row(ui, lang, (a, c), score, out);
            }
        });
    let Some(score) = score else {
        // Evidence is about a value: there is none yet.
        ui.label(RichText::new(tr!(lang, "gui.not_scored_tip")).weak());
        return;
    };
    ui.add_space(4.0);
    rationale_field(ui, lang, (a, c), score, out);
    ui.add_space(4.0);
    sources_section(ui, state, (a, c), score, out);
}

/// The value, with the criterion's unit beside it.
fn value_row(
    ui: &mut Ui,
    state: &AppState,
    (a, c): (&String, &String),
    score: Option<&Score>,
    out: &mut Vec<Command>,
) {
    let lang = state.view.lang;
    let unit = state
        .scenario()
        .criterion(c)
        .map(|c| c.unit.get(lang).to_string())
        .unwrap_or_default();
    ui.label(tr!(lang, "gui.value"));
    ui.horizontal(|ui| {
        let (_, v) = number_field(
            ui,
            Id::unique(("detail-value", a, c)),
            score.map(|x| x.value),
            lang,
            80.0,
            false,
            &tr!(lang, "gui.value"),
        );
        ui.label(RichText::new(&unit).weak());
        match v {
            NumberInput::Value(value) => out.push(Command::Edit(Edit::SetScore {
                alternative: a.clone(),
                criterion: c.clone(),
                value,
            })),
            NumberInput::Invalid(e) => out.push(Command::ShowBanner(Banner::error(e))),
            _ => {}
        }
    });
    ui.end_row();
}

/// The uncertainty range: low and high, each optional.
fn range_row(
    ui: &mut Ui,
    lang: Lang,
    (a, c): (&String, &String),
    score: &Score,
    out: &mut Vec<Command>,
) {
    let mut range = (score.low, score.high);
    ui.label(tr!(lang, "gui.range"))
        .on_hover_text(tr!(lang, "gui.range_tip"));
    ui.horizontal(|ui| {
        let before = range;
        for (k, slot) in [&mut range.0, &mut range.1].into_iter().enumerate() {
            if k == 1 {
                ui.label("–");
            }
            let (_, v) = number_field(
                ui,
                Id::unique(("detail-range", k, a, c)),
                *slot,
                lang,
                60.0,
                true,
                &tr!(lang, "gui.range"),
            );
            match v {
                NumberInput::Value(x) => *slot = Some(x),
                NumberInput::Cleared => *slot = None,
                NumberInput::Invalid(e) => out.push(Command::ShowBanner(Banner::error(e))),
                NumberInput::None => {}
            }
        }
        if range != before {
            out.push(Command::Edit(Edit::SetRange {
                alternative: a.clone(),
                criterion: c.clone(),
                low: range.0,
                high: range.1,
            }));
        }
    });
    ui.end_row();
}

/// Whether the value is illustrative rather than evidenced.
fn illustrative_row(
    ui: &mut Ui,
    lang: Lang,
    (a, c): (&String, &String),
    score: &Score,
    out: &mut Vec<Command>,
) {
    ui.label(tr!(lang, "gui.illustrative"));
    let mut flag = score.illustrative;
    if ui
        .checkbox(&mut flag, tr!(lang, "gui.illustrative_label"))
        .on_hover_text(tr!(lang, "gui.illustrative_tip"))
        .changed()
    {
        out.push(Command::Edit(Edit::SetIllustrative {
            alternative: a.clone(),
            criterion: c.clone(),
            illustrative: flag,
        }));
    }
    ui.end_row();
}

/// The rationale, in the interface language; leaving the field ends the
/// undo group of its keystrokes.
fn rationale_field(
    ui: &mut Ui,
    lang: Lang,
    (a, c): (&String, &String),
    score: &Score,
    out: &mut Vec<Command>,
) {
    ui.label(tr!(lang, "gui.rationale"))
        .on_hover_text(tr!(lang, "gui.rationale_tip"));
    let (r, changed) = text_field(
        ui,
        Id::unique(("rationale", a, c)),
        &score.rationale,
        lang,
        ui.available_width(),
        true,
        &tr!(lang, "gui.rationale"),
    );
    if let Some(text) = changed {
        out.push(Command::Edit(Edit::SetRationale {
            alternative: a.clone(),
            criterion: c.clone(),
            lang,
            text,
        }));
    }
    if r.lost_focus() {
        out.push(Command::EndGroup);
    }
}

/// The sources the score cites, each removable, and a list to cite more.
fn sources_section(
    ui: &mut Ui,
    state: &AppState,
    (a, c): (&String, &String),
    score: &Score,
    out: &mut Vec<Command>,
) {
    let lang = state.view.lang;
    let sources_label = ui.label(tr!(lang, "gui.sources"));
    let cited: Vec<String> = score.sources.clone();
    if cited.is_empty() {
        ui.label(RichText::new(tr!(lang, "gui.sources_none")).weak());
    }
    for (k, id) in cited.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("✕")
                .on_hover_text(tr!(lang, "gui.source_remove"))
                .clicked()
            {
                let mut next = cited.clone();
                next.remove(k);
                out.push(Command::Edit(Edit::SetScoreSources {
                    alternative: a.clone(),
                    criterion: c.clone(),
                    sources: next,
                }));
            }
            source_line(ui, state, id);
        });
    }
    let available: Vec<_> = state
        .scenario()
        .sources
        .iter()
        .filter(|x| !cited.contains(&x.id))
        .collect();
    if !available.is_empty() {
        egui::ComboBox::from_id_salt(("add-source", a, c))
            .selected_text(tr!(lang, "gui.source_add"))
            .width(ui.available_width().min(260.0))
            .show_ui(ui, |ui| {
                for src in available {
                    if ui
                        .selectable_label(false, format!("[{}] {}", src.id, src.title))
                        .clicked()
                    {
                        let mut next = cited.clone();
                        next.push(src.id.clone());
                        out.push(Command::Edit(Edit::SetScoreSources {
                            alternative: a.clone(),
                            criterion: c.clone(),
                            sources: next,
                        }));
                    }
                }
            })
            .response
            .labelled_by(sources_label.id);
    }
}

/// A cited source: "[id] title — publisher", a link when it has a URL; an
/// id the scenario does not define, flagged.
fn source_line(ui: &mut Ui, state: &AppState, id: &str) {
    match state.scenario().source(id) {
        Some(src) => {
            let text = if src.publisher.is_empty() {
                format!("[{}] {}", src.id, src.title)
            } else {
                format!("[{}] {} — {}", src.id, src.title, src.publisher)
            };
            if src.url.is_empty() {
                ui.label(text);
            } else {
                ui.hyperlink_to(text, &src.url);
            }
        }
        None => {
            ui.label(
                RichText::new(tr!(state.view.lang, "gui.source_unknown", id = id))
                    .color(super::widgets::PROBLEM),
            );
        }
    }
}
