//! The stakeholder view: each weight profile's weights and winner side by
//! side (table and chart), who favours what, a combined profile (arithmetic
//! or geometric mean, written as one undo step with `Elicitation::Combined`)
//! and the winner along the path between two profiles.

use super::analyse::AnalyseUi;
use super::chart_image::key_of;
use super::edit::{Edit, fresh_id};
use super::state::{AppState, Command};
use super::widgets::heading;
use crate::analysis::Exclusion;
use crate::analysis::feasibility::reasons_at;
use crate::analysis::weighting::{ProfilePath, combine, effective_profile_weights, path_winners};
use crate::analysis::{DecisionMatrix, Method};
use crate::charts::{ChartInput, ChartKind};
use crate::model::{Elicitation, Lang, Scenario, ScenarioIndex, Text, WeightProfile};
use crate::report::stakeholders::{StakeholdersReport, path_sentence, winners};
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

/// The profile a combination writes to: the first one already recorded as
/// combined, else a new id.
fn combined_target(s: &Scenario) -> (String, bool) {
    match s
        .profiles
        .iter()
        .find(|p| matches!(p.elicitation, Some(Elicitation::Combined { .. })))
    {
        Some(p) => (p.id.clone(), true),
        None => (
            fresh_id("combined", s.profiles.iter().map(|p| p.id.as_str())),
            false,
        ),
    }
}

/// The edit creating or updating the combined profile from the profiles
/// `ids`, with the combined weights; None when nothing can be combined.
pub fn combine_edit(s: &Scenario, ids: &[String], geometric: bool) -> Option<Edit> {
    let criteria: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
    let vectors: Vec<Vec<f64>> = ids
        .iter()
        .filter_map(|id| s.profiles.iter().find(|p| p.id == *id))
        .map(|p| effective_profile_weights(s, &criteria, p))
        .collect();
    if vectors.is_empty() {
        return None;
    }
    let shares = combine(&vectors, geometric).ok()?;
    let (id, exists) = combined_target(s);
    let mut profile = if exists {
        s.profiles.iter().find(|p| p.id == id)?.clone()
    } else {
        WeightProfile::new(
            id,
            Text::bilingual(
                tr!(Lang::En, "analyse.stake.combined_name"),
                tr!(Lang::Fr, "analyse.stake.combined_name"),
            ),
        )
    };
    // In a value tree, groups get the sum of their criteria's weights.
    profile.weights = crate::model::ValueTree::new(s).node_weights(&shares);
    profile.elicitation = Some(Elicitation::Combined {
        profiles: ids.to_vec(),
        geometric,
    });
    Some(Edit::PutProfile {
        profile: Box::new(profile),
    })
}

/// The winner along the path between two profiles, and the options left
/// out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct PathView {
    /// Winners along the path, on the options feasible under both profiles.
    pub path: ProfilePath,
    /// Options excluded under either profile, with every reason under
    /// either (each reason once), in scenario order.
    pub left_out: Vec<Exclusion>,
}

/// The winner along the path between profiles `from` and `to`, on the
/// options feasible under both (the same feasibility the table and charts
/// use), and the options that this leaves out.
pub fn profile_path(s: &Scenario, from: &str, to: &str, method: Method) -> Option<PathView> {
    let a = s.profiles.iter().find(|p| p.id == from)?;
    let b = s.profiles.iter().find(|p| p.id == to)?;
    let index = ScenarioIndex::new(s);
    let mut ids = Vec::new();
    let mut left_out = Vec::new();
    for (i, alternative) in s.alternatives.iter().enumerate() {
        let mut reasons = reasons_at(&index, Some(a), i);
        for r in reasons_at(&index, Some(b), i) {
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
        if reasons.is_empty() {
            ids.push(alternative.id.clone());
        } else {
            left_out.push(Exclusion {
                alternative: alternative.id.clone(),
                reasons,
            });
        }
    }
    let matrix = DecisionMatrix::build_indexed(&index, a, &ids);
    // The matrix's criteria: a criterion nobody has scored yet is left out.
    let (wa, wb) = (
        effective_profile_weights(s, &matrix.criteria, a),
        effective_profile_weights(s, &matrix.criteria, b),
    );
    let path = path_winners(&matrix, method, &wa, &wb, 400).ok()?;
    Some(PathView { path, left_out })
}

/// Draws the stakeholder view.
pub fn stakeholder_view(
    ui: &mut Ui,
    state: &AppState,
    ana: &mut AnalyseUi,
    out: &mut Vec<Command>,
) {
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
                weights_table(ui, s, &report, &state.view.expanded_groups, out);
            });
        ui.add_space(8.0);
        ui.separator();
        path_section(ui, state, &mut ana.stakeholders, method);
        ui.add_space(8.0);
        ui.separator();
        let width = ui.available_width().clamp(320.0, 900.0);
        let size = egui::vec2(width, (width * 0.55).clamp(300.0, 480.0));
        let input = ChartInput {
            method,
            expanded: &state.view.expanded_groups,
            ..ChartInput::new(s, lang)
        };
        let key = key_of(format!("{}/{method:?}/{lang:?}", state.chart_key()));
        ana.charts.show(
            ui,
            "stakeholders",
            ChartKind::Stakeholders,
            &input,
            key,
            size,
        );
        ui.add_space(8.0);
        ui.separator();
        combine_section(ui, s, &mut ana.stakeholders, lang, out);
    });
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
        if let Some(Elicitation::Combined {
            profiles,
            geometric,
        }) = s
            .profiles
            .iter()
            .find(|p| p.id == target)
            .and_then(|p| p.elicitation.as_ref())
        {
            st.geometric = *geometric;
            st.left_out = s
                .profiles
                .iter()
                .filter(|p| p.id != target && !profiles.contains(&p.id))
                .map(|p| p.id.clone())
                .collect();
        }
        st.read_from = Some(target.clone());
    }
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
    let ids: Vec<String> = s
        .profiles
        .iter()
        .filter(|p| p.id != target && !st.left_out.contains(&p.id))
        .map(|p| p.id.clone())
        .collect();
    let edit = combine_edit(s, &ids, st.geometric);
    if let Some(Edit::PutProfile { profile }) = &edit {
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
        ui.label(RichText::new(parts.join(" · ")).small());
    }
    let label = if exists {
        tr!(
            lang,
            "analyse.stake.update",
            name = super::analyse::profile_name(s, &target, lang)
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

fn path_section(ui: &mut Ui, state: &AppState, st: &mut StakeholderState, method: Method) {
    let s = state.scenario();
    let lang = state.view.lang;
    heading(ui, tr!(lang, "analyse.path.heading"));
    if s.profiles.len() < 2 {
        ui.label(RichText::new(tr!(lang, "analyse.path.need_two")).weak());
        return;
    }
    let valid = |id: &Option<String>| {
        id.as_ref()
            .filter(|x| s.profiles.iter().any(|p| p.id == **x))
            .cloned()
    };
    let (first, second) = default_pair(s, method);
    let from = valid(&st.path_from).unwrap_or(first);
    let to = valid(&st.path_to).unwrap_or(second);
    let mut from_sel = from.clone();
    let mut to_sel = to.clone();
    ui.horizontal(|ui| {
        let l = ui.label(tr!(lang, "analyse.path.from"));
        profile_combo(ui, s, "path-from", &mut from_sel, lang).labelled_by(l.id);
        let l = ui.label(tr!(lang, "analyse.path.to"));
        profile_combo(ui, s, "path-to", &mut to_sel, lang).labelled_by(l.id);
    });
    st.path_from = Some(from_sel.clone());
    st.path_to = Some(to_sel.clone());
    let key = (
        state.content_key(),
        method,
        from_sel.clone(),
        to_sel.clone(),
        lang,
    );
    let path = match &st.path_cache {
        Some((k, path)) if *k == key => path.clone(),
        _ => {
            let path = profile_path(s, &from_sel, &to_sel, method);
            st.path_cache = Some((key, path.clone()));
            path
        }
    };
    let Some(view) = path else {
        return;
    };
    path_bar(ui, s, &view.path, lang);
    ui.label(path_sentence(s, &view.path, &from_sel, &to_sel, lang));
    if !view.left_out.is_empty() {
        ui.label(
            RichText::new(tr!(
                lang,
                "analyse.path.left_out",
                from = super::analyse::profile_name(s, &from_sel, lang),
                to = super::analyse::profile_name(s, &to_sel, lang)
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
}

/// The first two profiles whose winners differ (else the first two).
fn default_pair(s: &Scenario, method: Method) -> (String, String) {
    let w = winners(s, method);
    for (i, (a, wa)) in w.iter().enumerate() {
        if let Some((b, _)) = w[i + 1..].iter().find(|(_, wb)| wb != wa) {
            return (a.clone(), b.clone());
        }
    }
    (s.profiles[0].id.clone(), s.profiles[1].id.clone())
}

fn profile_combo(
    ui: &mut Ui,
    s: &Scenario,
    salt: &str,
    sel: &mut String,
    lang: Lang,
) -> egui::Response {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(super::analyse::profile_name(s, sel, lang))
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
    painter.text(
        egui::pos2(bar.left(), bar.bottom() + 8.0),
        egui::Align2::LEFT_TOP,
        crate::i18n::pct(0.0, 0, lang),
        font.clone(),
        Color32::GRAY,
    );
    painter.text(
        egui::pos2(bar.right(), bar.bottom() + 8.0),
        egui::Align2::RIGHT_TOP,
        crate::i18n::pct(1.0, 0, lang),
        font,
        Color32::GRAY,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::stakeholders::who_favours;

    fn two_profiles() -> Scenario {
        let mut s = crate::app::fixture::fixture();
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
