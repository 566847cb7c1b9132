//! Resources in the left panel: the capped resources (name, unit, cap),
//! whether options may be combined into a package, and, in an option's
//! editor, what that option needs of each resource. Every change is an
//! [`Edit`], so it can be undone.

use super::state::{AppState, Banner, Command};
use super::widgets::{NumberInput, heading, number_field, text_field};
use crate::model::{Alternative, Lang, Resource, Text};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, RichText, Ui};

/// The resources section: caps, units, the combinable flag, add and delete.
pub fn resources_section(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "gui.resources"));
    ui.label(
        RichText::new(tr!(lang, "gui.resources_help"))
            .weak()
            .small(),
    );
    let mut combinable = s.combinable;
    if ui
        .checkbox(&mut combinable, tr!(lang, "gui.combinable"))
        .on_hover_text(tr!(lang, "gui.combinable_tip"))
        .changed()
    {
        out.push(Command::Edit(Edit::SetCombinable { combinable }));
    }
    for r in &s.resources {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            resource_name_row(ui, lang, r, out);
            resource_cap_row(ui, lang, r, out);
        });
    }
    if ui
        .button(tr!(lang, "gui.add_resource"))
        .on_hover_text(tr!(lang, "gui.add_resource_tip"))
        .clicked()
    {
        let k = s.resources.len() + 1;
        out.push(Command::Edit(Edit::AddResource {
            name: Text::bilingual(
                tr!(Lang::En, "gui.new_resource_name", n = k),
                tr!(Lang::Fr, "gui.new_resource_name", n = k),
            ),
        }));
    }
}

/// The resource's name and its delete button.
fn resource_name_row(ui: &mut Ui, lang: Lang, r: &Resource, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let (response, changed) = text_field(
            ui,
            Id::unique(("resource-name", &r.id)),
            &r.name,
            lang,
            150.0,
            false,
            &tr!(lang, "gui.resource_name"),
        );
        if let Some(name) = changed {
            out.push(Command::Edit(Edit::RenameResource {
                id: r.id.clone(),
                lang,
                name,
            }));
        }
        if response.lost_focus() {
            out.push(Command::EndGroup);
        }
        if ui
            .small_button("✕")
            .on_hover_text(tr!(lang, "gui.resource_delete_tip"))
            .clicked()
        {
            out.push(Command::Edit(Edit::DeleteResource { id: r.id.clone() }));
        }
    });
}

/// The resource's cap and unit.
fn resource_cap_row(ui: &mut Ui, lang: Lang, r: &Resource, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "gui.cap"));
        let (_, cap) = number_field(
            ui,
            Id::unique(("resource-cap", &r.id)),
            Some(r.cap),
            lang,
            70.0,
            false,
            &tr!(lang, "gui.cap"),
        );
        match cap {
            NumberInput::Value(cap) => out.push(Command::Edit(Edit::SetCap {
                id: r.id.clone(),
                cap,
            })),
            NumberInput::Invalid(e) => out.push(Command::ShowBanner(Banner::error(e))),
            NumberInput::None | NumberInput::Cleared => {}
        }
        let label = ui.label(tr!(lang, "gui.unit"));
        let mut unit = r.unit.get(lang).to_string();
        let response = ui
            .add(egui::TextEdit::singleline(&mut unit).desired_width(70.0))
            .labelled_by(label.id);
        if response.changed() {
            out.push(Command::Edit(Edit::SetResourceUnit {
                id: r.id.clone(),
                lang,
                unit,
            }));
        }
        if response.lost_focus() {
            out.push(Command::EndGroup);
        }
    });
}

/// What option `a` needs of each resource (empty: none), in its editor.
pub fn needs_editor(ui: &mut Ui, state: &AppState, a: &Alternative, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    if s.resources.is_empty() {
        ui.label(RichText::new(tr!(lang, "gui.needs_none")).weak().small());
        return;
    }
    ui.label(RichText::new(tr!(lang, "gui.needs")).strong());
    egui::Grid::new(("needs", &a.id))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for r in &s.resources {
                let name = r.name.get(lang);
                let label = if r.unit.is_empty() {
                    name.to_string()
                } else {
                    format!("{name} ({})", r.unit.get(lang))
                };
                // The field first: resource names are long and the panel narrow.
                let (_, need) = number_field(
                    ui,
                    Id::unique(("need", &a.id, &r.id)),
                    a.needs.get(&r.id).copied(),
                    lang,
                    70.0,
                    true,
                    &tr!(lang, "gui.need_name", resource = name),
                );
                ui.add(egui::Label::new(label).wrap());
                let need = match need {
                    NumberInput::Value(x) => Some(Some(x)),
                    NumberInput::Cleared => Some(None),
                    NumberInput::Invalid(e) => {
                        out.push(Command::ShowBanner(Banner::error(e)));
                        None
                    }
                    NumberInput::None => None,
                };
                if let Some(need) = need {
                    out.push(Command::Edit(Edit::SetNeed {
                        alternative: a.id.clone(),
                        resource: r.id.clone(),
                        need,
                    }));
                }
                ui.end_row();
            }
        });
}
