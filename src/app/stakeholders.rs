//! The stakeholder view: each weight profile's weights and winner side by
//! side (table and chart), who favours what, a combined profile (arithmetic
//! or geometric mean, written as one undo step with `Elicitation::Combined`)
//! and the winner along the path between two profiles.

use super::chart_key::key_of;
use super::state::{AppState, Command};
use super::view::{CentralView, ViewContext};
use super::widgets::heading;
use crate::analysis::Method;
use crate::analysis::weighting::ProfilePath;
use crate::charts::{ChartInput, ChartKind};
use crate::model::{Elicitation, Lang, Scenario, WeightProfile};
use crate::report::stakeholders::{StakeholdersReport, path_sentence, profile_name};
use crate::session::edit::{Edit, fresh_id};
use crate::session::profiles::{
    PathView, combined_profile, combined_profile_id, default_path_ends, profile_path,
    profiles_to_combine, recorded_combination,
};
use crate::tr;
use egui::{Color32, RichText, Ui};

/// What a path depends on: revision, method, from and to profile ids.
type PathKey = (u64, Method, String, String, Lang);

/// What the stakeholder view remembers.
#[derive(Debug, Clone, Default)]
pub struct StakeholderState {
    /// Combine with the geometric mean (false: arithmetic).
    pub geometric: bool,
    /// Profile ids left out of the combination.
    pub left_out: Vec<String>,
    /// Start of the path (profile id).
    pub path_from: Option<String>,
    /// End of the path (profile id).
    pub path_to: Option<String>,
    /// The combined profile whose recorded inputs set the choices above.
    pub read_from: Option<String>,
    /// The last path computed, with what it depends on (revision, method,
    /// from, to): the scan runs only when one of them changes.
    path_cache: Option<(PathKey, Option<PathView>)>,
}

/// The profile a combination writes to (the combined profile already in
/// the scenario, else a new id) and whether it exists.
fn combined_target(s: &Scenario) -> (String, bool) {
    match combined_profile_id(s) {
        Some(id) => (id.to_string(), true),
        None => (
            fresh_id("combined", s.profiles.iter().map(|p| p.id.as_str())),
            false,
        ),
    }
}

/// The edit creating or updating the combined profile from the profiles
/// `ids`, with the combined weights; None when nothing can be combined.
pub fn combine_edit(s: &Scenario, ids: &[String], geometric: bool) -> Option<Edit> {
    let (target, _) = combined_target(s);
    let profile = combined_profile(s, ids, geometric, &target)?;
    Some(Edit::PutProfile {
        profile: Box::new(profile),
    })
}

impl CentralView for StakeholderState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        let state = ctx.state;
        let lang = state.view.lang;
        let s = state.scenario();
        if state.analysis().evaluations.is_none() {
            ui.label(RichText::new(tr!(lang, "analyse.invalid")).color(super::widgets::PROBLEM));
            return;
        }
        let method = state.view.method;
        let report = StakeholdersReport::new(s, method, lang);
        egui::ScrollArea::vertical().show(ui, |ui| {
            heading(ui, tr!(lang, "analyse.stake.heading"));
            ui.label(RichText::new(&report.who_favours).size(15.0));
            ui.add_space(6.0);
            egui::ScrollArea::horizontal()
                .id_salt("stake-table-scroll")
                .show(ui, |ui| {
                    weights_table(ui, s, &report, &state.view.expanded_groups, ctx.out);
                });
            ui.add_space(8.0);
            ui.separator();
            path_section(ui, state, self, method);
            ui.add_space(8.0);
            ui.separator();
            stakeholders_chart(ui, state, ctx);
            ui.add_space(8.0);
            ui.separator();
            combine_section(ui, s, self, lang, ctx.out);
        });
    }
}

/// Each profile's weights as a chart.
fn stakeholders_chart(ui: &mut Ui, state: &AppState, ctx: &mut ViewContext<'_>) {
    let (method, lang) = (state.view.method, state.view.lang);
    let width = ui.available_width().clamp(320.0, 900.0);
    let size = egui::vec2(width, (width * 0.55).clamp(300.0, 480.0));
    let input = ChartInput {
        method,
        expanded: &state.view.expanded_groups,
        ..ChartInput::new(state.scenario(), lang)
    };
    let key = key_of(format!("{}/{method:?}/{lang:?}", state.chart_key()));
    ctx.charts.show_fitted(
        ui,
        "stakeholders",
        (ChartKind::Stakeholders, &input),
        key,
        size,
    );
}

fn weights_table(
    ui: &mut Ui,
    s: &Scenario,
    report: &StakeholdersReport,
    expanded: &[String],
    out: &mut Vec<Command>,
) {
    let lang = report.lang;
    egui::Grid::new("stake-table")
        .striped(true)
        .num_columns(report.profiles.len() + 1)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for p in &report.profiles {
                let mut t = RichText::new(&p.name).strong();
                if p.active {
                    t = t.underline();
                }
                narrow(ui, t);
            }
            ui.end_row();
            if s.groups.is_empty() {
                criterion_rows(ui, report);
            } else {
                super::stakeholders_tree::tree_rows(ui, s, expanded, lang, out);
            }
            ui.label(RichText::new(tr!(lang, "analyse.stake.winner")).strong());
            for p in &report.profiles {
                narrow(ui, RichText::new(p.winner_text()).strong());
            }
            ui.end_row();
            // The winners above are among the options feasible under each
            // profile; say which are not, as the path below does.
            ui.label(RichText::new(tr!(lang, "analyse.stake.excluded")).weak());
            for p in &report.profiles {
                let r = ui.label(RichText::new(p.excluded_text()).weak().small());
                let reasons = p.excluded_reasons();
                if !reasons.is_empty() {
                    r.on_hover_text(reasons.join("\n"));
                }
            }
            ui.end_row();
            ui.label(RichText::new(tr!(lang, "analyse.stake.elicited")).weak());
            for p in &s.profiles {
                ui.label(RichText::new(elicitation_label(p, lang)).weak().small());
            }
            ui.end_row();
        });
}

/// One row per criterion: each profile's normalised weight.
fn criterion_rows(ui: &mut Ui, report: &StakeholdersReport) {
    for c in &report.criteria {
        ui.label(&c.name);
        for w in &c.shares {
            ui.label(RichText::new(crate::i18n::pct(*w, 0, report.lang)).monospace());
        }
        ui.end_row();
    }
}

/// A label wrapped to a table column's width.
pub fn narrow(ui: &mut Ui, text: RichText) {
    wrapped(ui, text, COLUMN_WIDTH);
}

/// A label wrapped at `width` points (or its longest word).
pub fn wrapped(ui: &mut Ui, text: RichText, width: f32) {
    // Never narrower than the longest word, so words are not cut in two.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let painter = ui.painter();
    let longest = text
        .text()
        .split_whitespace()
        .map(|w| {
            painter
                .layout_no_wrap(w.to_string(), font.clone(), Color32::BLACK)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max);
    ui.vertical(|ui| {
        ui.set_max_width(width.max(longest + 4.0));
        ui.add(egui::Label::new(text).wrap());
    });
}

/// Width of a profile column in the weights table, in points.
const COLUMN_WIDTH: f32 = 104.0;

/// How a profile's weights were elicited, in a word.
pub fn elicitation_label(p: &WeightProfile, lang: Lang) -> String {
    match &p.elicitation {
        None | Some(Elicitation::Direct) => tr!(lang, "analyse.elicited.direct"),
        Some(Elicitation::Swing { .. }) => tr!(lang, "analyse.elicited.swing"),
        Some(Elicitation::Pairwise { .. }) => tr!(lang, "analyse.elicited.pairwise"),
        Some(Elicitation::RankOrder { .. }) => tr!(lang, "analyse.elicited.rank"),
        Some(Elicitation::Combined { geometric, .. }) => {
            if *geometric {
                tr!(lang, "analyse.elicited.geometric")
            } else {
                tr!(lang, "analyse.elicited.arithmetic")
            }
        }
    }
}

fn combine_section(
    ui: &mut Ui,
    s: &Scenario,
    st: &mut StakeholderState,
    lang: Lang,
    out: &mut Vec<Command>,
) {
    heading(ui, tr!(lang, "analyse.stake.combine_heading"));
    let (target, exists) = combined_target(s);
    // Start from what the combined profile recorded, once per profile.
    if exists && st.read_from.as_deref() != Some(target.as_str()) {
        if let Some((geometric, left_out)) = recorded_combination(s, &target) {
            st.geometric = geometric;
            st.left_out = left_out;
        }
        st.read_from = Some(target.clone());
    }
    combine_choices(ui, s, st, &target, lang);
    let ids = profiles_to_combine(s, &target, &st.left_out);
    let edit = combine_edit(s, &ids, st.geometric);
    if let Some(Edit::PutProfile { profile }) = &edit {
        ui.label(RichText::new(weights_line(s, profile, lang)).small());
    }
    let label = if exists {
        tr!(
            lang,
            "analyse.stake.update",
            name = profile_name(s, &target, lang)
        )
    } else {
        tr!(lang, "analyse.stake.create")
    };
    if ui
        .add_enabled(edit.is_some(), egui::Button::new(label))
        .on_disabled_hover_text(tr!(lang, "gui.why.nothing_to_combine"))
        .clicked()
        && let Some(edit) = edit
    {
        out.push(Command::Edit(edit));
    }
}

/// Which profiles to combine (every one but `target`) and which mean.
fn combine_choices(ui: &mut Ui, s: &Scenario, st: &mut StakeholderState, target: &str, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(lang, "analyse.stake.combine_which"));
        for p in s.profiles.iter().filter(|p| p.id != target) {
            let mut on = !st.left_out.contains(&p.id);
            if ui.checkbox(&mut on, p.name.get(lang)).changed() {
                if on {
                    st.left_out.retain(|x| *x != p.id);
                } else {
                    st.left_out.push(p.id.clone());
                }
            }
        }
    });
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut st.geometric,
            false,
            tr!(lang, "analyse.stake.arithmetic"),
        );
        ui.radio_value(
            &mut st.geometric,
            true,
            tr!(lang, "analyse.stake.geometric"),
        )
        .on_hover_text(tr!(lang, "analyse.stake.geometric_tip"));
    });
}

/// "Cost 40.0 % · Risk 35.0 % · …": a profile's weights on one line.
fn weights_line(s: &Scenario, profile: &WeightProfile, lang: Lang) -> String {
    let parts: Vec<String> = s
        .criteria
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c.name.get(lang),
                crate::i18n::pct(profile.weight(&c.id), 1, lang)
            )
        })
        .collect();
    parts.join(" · ")
}

fn path_section(ui: &mut Ui, state: &AppState, st: &mut StakeholderState, method: Method) {
    let s = state.scenario();
    let lang = state.view.lang;
    heading(ui, tr!(lang, "analyse.path.heading"));
    let Some((first, second)) = default_path_ends(s, method) else {
        ui.label(RichText::new(tr!(lang, "analyse.path.need_two")).weak());
        return;
    };
    let valid = |id: &Option<String>| {
        id.as_ref()
            .filter(|x| s.profiles.iter().any(|p| p.id == **x))
            .cloned()
    };
    let mut from = valid(&st.path_from).unwrap_or(first);
    let mut to = valid(&st.path_to).unwrap_or(second);
    ui.horizontal(|ui| {
        let l = ui.label(tr!(lang, "analyse.path.from"));
        profile_combo(ui, s, "path-from", &mut from, lang).labelled_by(l.id);
        let l = ui.label(tr!(lang, "analyse.path.to"));
        profile_combo(ui, s, "path-to", &mut to, lang).labelled_by(l.id);
    });
    st.path_from = Some(from.clone());
    st.path_to = Some(to.clone());
    let key = (state.content_key(), method, from.clone(), to.clone(), lang);
    let path = match &st.path_cache {
        Some((k, path)) if *k == key => path.clone(),
        _ => {
            let path = profile_path(s, &from, &to, method);
            st.path_cache = Some((key, path.clone()));
            path
        }
    };
    if let Some(view) = path {
        path_result(ui, s, &view, (&from, &to), lang);
    }
}

/// The path's bar, its sentence and the options it leaves out.
fn path_result(ui: &mut Ui, s: &Scenario, view: &PathView, (from, to): (&str, &str), lang: Lang) {
    path_bar(ui, s, &view.path, lang);
    ui.label(path_sentence(s, &view.path, from, to, lang));
    if view.left_out.is_empty() {
        return;
    }
    ui.label(
        RichText::new(tr!(
            lang,
            "analyse.path.left_out",
            from = profile_name(s, from, lang),
            to = profile_name(s, to, lang)
        ))
        .weak(),
    );
    for x in &view.left_out {
        ui.label(
            RichText::new(format!(
                "• {}",
                crate::report::exclusions::option_and_reasons(s, x, lang)
            ))
            .weak()
            .italics(),
        );
    }
}

fn profile_combo(
    ui: &mut Ui,
    s: &Scenario,
    salt: &str,
    sel: &mut String,
    lang: Lang,
) -> egui::Response {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(profile_name(s, sel, lang))
        .show_ui(ui, |ui| {
            for p in &s.profiles {
                ui.selectable_value(sel, p.id.clone(), p.name.get(lang));
            }
        })
        .response
}

fn option_colour(s: &Scenario, id: &str) -> Color32 {
    let i = s.alternatives.iter().position(|a| a.id == id).unwrap_or(0);
    let c = crate::charts::style::series_colour(i);
    Color32::from_rgb(c.0, c.1, c.2)
}

/// A bar from 0 (first profile) to 1 (second) in segments coloured by winner,
/// each switch point marked with its position.
fn path_bar(ui: &mut Ui, s: &Scenario, path: &ProfilePath, lang: Lang) {
    let width = ui
        .available_width()
        .min(ui.clip_rect().right() - ui.cursor().left() - 24.0)
        .clamp(200.0, 900.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 52.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let bar = egui::Rect::from_min_size(rect.min, egui::vec2(width, 28.0));
    let mut bounds: Vec<(f64, Option<String>)> = vec![(0.0, path.start.clone())];
    for sw in &path.switches {
        bounds.push((sw.t, Some(sw.after.clone())));
    }
    let x = |t: f64| bar.left() + bar.width() * t as f32;
    let font = egui::FontId::proportional(12.0);
    for (k, (t0, winner)) in bounds.iter().enumerate() {
        let t1 = bounds.get(k + 1).map_or(1.0, |b| b.0);
        let seg = egui::Rect::from_x_y_ranges(x(*t0)..=x(t1), bar.y_range());
        let fill = winner
            .as_deref()
            .map_or(Color32::LIGHT_GRAY, |w| option_colour(s, w));
        painter.rect_filled(seg, 0.0, fill);
        if let Some(w) = winner {
            let name = s.alternative_name(w, lang);
            let galley = painter.layout_no_wrap(name, font.clone(), Color32::WHITE);
            if galley.size().x + 6.0 < seg.width() {
                painter.galley(seg.center() - galley.size() / 2.0, galley, Color32::WHITE);
            }
        }
    }
    switch_marks(&painter, bar, path, lang);
}

/// A line at each switch point with its position under it, and 0 % and
/// 100 % at the bar's ends.
fn switch_marks(painter: &egui::Painter, bar: egui::Rect, path: &ProfilePath, lang: Lang) {
    let x = |t: f64| bar.left() + bar.width() * t as f32;
    let font = egui::FontId::proportional(12.0);
    let ink = Color32::from_gray(40);
    for sw in &path.switches {
        let px = x(sw.t);
        painter.line_segment(
            [
                egui::pos2(px, bar.top() - 2.0),
                egui::pos2(px, bar.bottom() + 6.0),
            ],
            egui::Stroke::new(2.0, ink),
        );
        painter.text(
            egui::pos2(px, bar.bottom() + 8.0),
            egui::Align2::CENTER_TOP,
            crate::i18n::pct(sw.t, 0, lang),
            font.clone(),
            ink,
        );
    }
    for (t, align) in [
        (0.0, egui::Align2::LEFT_TOP),
        (1.0, egui::Align2::RIGHT_TOP),
    ] {
        painter.text(
            egui::pos2(x(t), bar.bottom() + 8.0),
            align,
            crate::i18n::pct(t, 0, lang),
            font.clone(),
            Color32::GRAY,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;
    use crate::report::stakeholders::who_favours;

    fn two_profiles() -> Scenario {
        let mut s = crate::session::fixture::fixture();
        let mut p = WeightProfile::new(
            "impact_first",
            Text::bilingual("Impact first", "Impact d'abord"),
        );
        p.weights.insert("impact".into(), 1.0);
        s.profiles.push(p);
        s
    }

    #[test]
    fn favours_sentence_groups_profiles_by_winner() {
        let s = two_profiles();
        let w = vec![
            ("whole_of_government".to_string(), Some("drc".to_string())),
            ("impact_first".to_string(), Some("mali".to_string())),
        ];
        assert_eq!(
            who_favours(&s, &w, Lang::En),
            "Whole of government favours DR Congo (MONUSCO); Impact first favours Mali (MINUSMA)."
        );
        let same = vec![
            w[0].clone(),
            ("impact_first".to_string(), Some("drc".to_string())),
        ];
        assert_eq!(
            who_favours(&s, &same, Lang::En),
            "Whole of government and Impact first favour DR Congo (MONUSCO)."
        );
    }

    #[test]
    fn combining_creates_then_updates_one_profile_undoably() {
        let mut st = AppState::new(two_profiles(), None, Lang::En);
        st.session.mark_saved();
        let ids = vec![
            "whole_of_government".to_string(),
            "impact_first".to_string(),
        ];
        let edit = combine_edit(st.scenario(), &ids, false).expect("edit");
        st.apply(Command::Edit(edit));
        assert_eq!(st.scenario().profiles.len(), 3);
        let c = &st.scenario().profiles[2];
        // Mean of (0.4, 0.3, 0.3) and (0, 0, 1).
        assert!((c.weight("impact") - 0.65).abs() < 1e-12);
        assert_eq!(
            c.elicitation,
            Some(Elicitation::Combined {
                profiles: ids.clone(),
                geometric: false
            })
        );
        let again = combine_edit(st.scenario(), &ids, true).expect("edit");
        st.apply(Command::Edit(again));
        assert_eq!(st.scenario().profiles.len(), 3, "updated, not added");
        assert_eq!(st.session.doc().undo_len(), 2);
        st.apply(Command::Undo);
        st.apply(Command::Undo);
        assert_eq!(st.scenario().profiles.len(), 2);
    }

    #[test]
    fn the_path_switches_winner_between_profiles() {
        let s = two_profiles();
        let view =
            profile_path(&s, "whole_of_government", "impact_first", Method::Wsm).expect("path");
        assert!(view.left_out.is_empty());
        let path = view.path;
        assert_eq!(path.end.as_deref(), Some("mali"));
        assert_ne!(path.start, path.end);
        assert!(!path.switches.is_empty());
        let text = path_sentence(&s, &path, "whole_of_government", "impact_first", Lang::En);
        assert!(text.contains("Mali (MINUSMA)"), "{text}");
    }
}
