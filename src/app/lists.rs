//! The left panel: the options list (add, rename, reorder, delete, and the
//! selected option's editor), the criteria tree (`tree_list`) and the
//! resources.

use super::state::{AppState, Command, ViewCommand};
use super::widgets::{PROBLEM, display_text, heading, row_buttons, text_field};
use crate::model::{Lang, Location, Text};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, RichText, Ui};

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
