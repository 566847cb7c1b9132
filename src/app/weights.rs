//! The weights panel: the weight profile selector (add, rename, duplicate,
//! delete) and one slider per criterion with its normalised share.

use super::criterion_editor::problems_at;
use super::state::{AppState, Command};
use super::widgets::{PROBLEM, display_text, heading, text_field};
use crate::analysis::matrix::normalise;
use crate::model::{Lang, Location, Text, WeightProfile};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, RichText, Slider, Ui};

/// Draws the profile selector and the weight sliders.
pub fn weights_panel(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "gui.weights"));
    ui.label(RichText::new(tr!(lang, "gui.weights_help")).weak().small());
    let Some(profile) = s.active() else {
        ui.label(tr!(lang, "gui.no_profile"));
        return;
    };
    profile_selector(ui, state, profile, out);
    profile_buttons(ui, state, profile, out);
    profile_name_field(ui, lang, profile, out);
    if let Some(i) = s.profiles.iter().position(|p| p.id == profile.id) {
        for message in problems_at(state, &Location::Profile(i)) {
            ui.label(RichText::new(message).color(PROBLEM));
        }
    }
    ui.add_space(6.0);
    if s.groups.is_empty() {
        criterion_sliders(ui, state, profile, out);
    } else {
        super::weights_tree::tree_sliders(ui, state, profile, out);
    }
}

/// The active profile, chosen from a list.
fn profile_selector(
    ui: &mut Ui,
    state: &AppState,
    profile: &WeightProfile,
    out: &mut Vec<Command>,
) {
    let (lang, s) = (state.view.lang, state.scenario());
    ui.horizontal(|ui| {
        let label = ui
            .label(tr!(lang, "gui.profile"))
            .on_hover_text(tr!(lang, "gui.profile_tip"));
        egui::ComboBox::from_id_salt("profile")
            .selected_text(display_text(&profile.name, lang))
            .width(190.0)
            .show_ui(ui, |ui| {
                for p in &s.profiles {
                    if ui
                        .selectable_label(p.id == profile.id, display_text(&p.name, lang))
                        .clicked()
                        && p.id != profile.id
                    {
                        out.push(Command::Edit(Edit::SetActiveProfile { id: p.id.clone() }));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// Add a profile, duplicate or delete the active one (not the last).
fn profile_buttons(ui: &mut Ui, state: &AppState, profile: &WeightProfile, out: &mut Vec<Command>) {
    let (lang, s) = (state.view.lang, state.scenario());
    ui.horizontal(|ui| {
        if ui
            .button(tr!(lang, "gui.profile_add"))
            .on_hover_text(tr!(lang, "gui.profile_add_tip"))
            .clicked()
        {
            let k = s.profiles.len() + 1;
            out.push(Command::Edit(Edit::AddProfile {
                name: Text::bilingual(
                    tr!(Lang::En, "gui.new_profile_name", n = k),
                    tr!(Lang::Fr, "gui.new_profile_name", n = k),
                ),
            }));
        }
        if ui
            .button(tr!(lang, "gui.profile_duplicate"))
            .on_hover_text(tr!(lang, "gui.profile_duplicate_tip"))
            .clicked()
        {
            let name = Text::bilingual(
                tr!(Lang::En, "gui.copy_of", name = profile.name.get(Lang::En)),
                tr!(Lang::Fr, "gui.copy_of", name = profile.name.get(Lang::Fr)),
            );
            out.push(Command::Edit(Edit::DuplicateProfile {
                id: profile.id.clone(),
                name,
            }));
        }
        if ui
            .add_enabled(
                s.profiles.len() > 1,
                egui::Button::new(tr!(lang, "gui.profile_delete")),
            )
            .on_hover_text(tr!(lang, "gui.profile_delete_tip"))
            .on_disabled_hover_text(tr!(lang, "gui.why.last_profile"))
            .clicked()
        {
            out.push(Command::Edit(Edit::DeleteProfile {
                id: profile.id.clone(),
            }));
        }
    });
}

/// The active profile's name in the interface language.
fn profile_name_field(ui: &mut Ui, lang: Lang, profile: &WeightProfile, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label(tr!(lang, "gui.profile_rename"));
        let (r, changed) = text_field(
            ui,
            Id::unique(("profile-name", &profile.id)),
            &profile.name,
            lang,
            190.0,
            false,
            &tr!(lang, "gui.profile_rename"),
        );
        if let Some(name) = changed {
            out.push(Command::Edit(Edit::RenameProfile {
                id: profile.id.clone(),
                lang,
                name,
            }));
        }
        let r = r.labelled_by(label.id);
        if r.lost_focus() {
            out.push(Command::EndGroup);
        }
    });
}

/// One slider per criterion (a flat scenario) with its normalised share.
fn criterion_sliders(
    ui: &mut Ui,
    state: &AppState,
    profile: &WeightProfile,
    out: &mut Vec<Command>,
) {
    let (lang, s) = (state.view.lang, state.scenario());
    let raw: Vec<f64> = s.criteria.iter().map(|c| profile.weight(&c.id)).collect();
    let shares = normalise(&raw);
    let max = raw.iter().copied().fold(1.0_f64, f64::max);
    // Names take what the slider and the share leave, and wrap between
    // words onto a second line rather than being cut.
    let label_width = (ui.available_width() - ui.spacing().slider_width - 64.0).clamp(120.0, 260.0);
    egui::Grid::new("weights-grid")
        .num_columns(3)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (j, c) in s.criteria.iter().enumerate() {
                // A vertical cell of fixed width: a name wrapped onto three
                // lines makes its row taller instead of spilling into the next.
                let label = ui
                    .vertical(|ui| {
                        ui.set_width(label_width);
                        ui.add(egui::Label::new(display_text(&c.name, lang)).wrap())
                    })
                    .inner;
                let mut w = raw[j];
                let r = ui
                    .add(Slider::new(&mut w, 0.0..=max).show_value(false))
                    .labelled_by(label.id)
                    .on_hover_text(tr!(lang, "gui.weight_tip"));
                if r.changed() && w != raw[j] {
                    out.push(Command::Edit(Edit::SetWeight {
                        profile: profile.id.clone(),
                        criterion: c.id.clone(),
                        weight: w,
                    }));
                }
                // A click is a step of its own; a drag is one step until released.
                if r.drag_stopped() || r.lost_focus() || r.clicked() {
                    out.push(Command::EndGroup);
                }
                let share = shares.get(j).copied().unwrap_or(0.0);
                ui.label(RichText::new(crate::i18n::pct(share, 0, lang)).monospace())
                    .on_hover_text(tr!(lang, "gui.share_tip"));
                ui.end_row();
            }
        });
}
