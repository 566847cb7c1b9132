//! The swing-weighting dialog: the user orders the swings from worst to best
//! on each criterion (most important first, by dragging or ▲▼), rates each
//! 0–100 against the top swing, and applies the weights as one undo step
//! that records `Elicitation::Swing`.

use super::analyse::{profile_name, put_weights, swing_text};
use super::edit::Edit;
use super::state::{AppState, Command};
use crate::analysis::weighting::swing_weights;
use crate::model::{Elicitation, Scenario};
use crate::tr;
use egui::{Id, RichText, Slider, Ui};

/// The top swing's rating: every other swing is rated against it.
const TOP: f64 = 100.0;

/// The inputs of a swing elicitation being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct SwingDialog {
    /// The profile the weights go to.
    pub profile: String,
    /// Criterion ids, most important swing first.
    pub order: Vec<String>,
    /// Rating of the swing at each position of `order` (non-increasing; the
    /// first is 100). Ratings belong to positions, so reordering keeps the
    /// ratings in decreasing order.
    pub ratings: Vec<f64>,
}

impl SwingDialog {
    /// The dialog for profile `id`: its recorded swing inputs when it has
    /// them, else an order and ratings read from its current weights.
    pub fn open(s: &Scenario, id: &str) -> Option<Self> {
        let profile = s.profiles.iter().find(|p| p.id == id)?;
        let mut rated: Vec<(String, f64)> = match &profile.elicitation {
            Some(Elicitation::Swing { order, ratings }) => order
                .iter()
                .filter(|c| s.criterion(c).is_some())
                .map(|c| (c.clone(), ratings.get(c).copied().unwrap_or(0.0)))
                .collect(),
            _ => {
                let top = s
                    .criteria
                    .iter()
                    .map(|c| profile.weight(&c.id))
                    .fold(0.0_f64, f64::max);
                s.criteria
                    .iter()
                    .map(|c| {
                        let w = profile.weight(&c.id);
                        let r = if top > 0.0 { TOP * w / top } else { TOP };
                        (c.id.clone(), r.round())
                    })
                    .collect()
            }
        };
        // Criteria added since the recording go last, rated 0.
        for c in &s.criteria {
            if !rated.iter().any(|(id, _)| *id == c.id) {
                rated.push((c.id.clone(), 0.0));
            }
        }
        // Stable: equal ratings keep the scenario's (or recorded) order.
        rated.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut d = SwingDialog {
            profile: id.to_string(),
            order: rated.iter().map(|(c, _)| c.clone()).collect(),
            ratings: rated.iter().map(|(_, r)| *r).collect(),
        };
        d.tidy();
        Some(d)
    }

    /// Keeps the ratings valid: the top one 100, each within 0..=100 and no
    /// higher than the one before.
    fn tidy(&mut self) {
        let mut previous = TOP;
        for (k, r) in self.ratings.iter_mut().enumerate() {
            *r = if k == 0 { TOP } else { r.clamp(0.0, previous) };
            previous = *r;
        }
    }

    /// Moves the criterion at position `from` to position `to`; ratings stay
    /// with positions.
    pub fn move_item(&mut self, from: usize, to: usize) {
        if from >= self.order.len() || to >= self.order.len() || from == to {
            return;
        }
        let id = self.order.remove(from);
        self.order.insert(to, id);
    }

    /// Sets the rating at `position`: at most the swing above it; swings
    /// below that were rated higher come down with it.
    pub fn set_rating(&mut self, position: usize, rating: f64) {
        if position == 0 || position >= self.ratings.len() {
            return;
        }
        let r = rating.clamp(0.0, self.ratings[position - 1]);
        self.ratings[position] = r;
        for lower in &mut self.ratings[position + 1..] {
            *lower = lower.min(r);
        }
    }

    /// Rating of each criterion, in the scenario's criterion order.
    fn ratings_by_criterion(&self, s: &Scenario) -> Vec<f64> {
        s.criteria
            .iter()
            .map(|c| {
                self.order
                    .iter()
                    .position(|id| *id == c.id)
                    .map_or(0.0, |k| self.ratings[k])
            })
            .collect()
    }

    /// The weights (scenario criterion order, summing to 1).
    pub fn shares(&self, s: &Scenario) -> Vec<f64> {
        swing_weights(&self.ratings_by_criterion(s)).unwrap_or_default()
    }

    /// The edit that applies these weights and records the inputs.
    pub fn edit(&self, s: &Scenario) -> Option<Edit> {
        let elicitation = Elicitation::Swing {
            order: self.order.clone(),
            ratings: self
                .order
                .iter()
                .cloned()
                .zip(self.ratings.iter().copied())
                .collect(),
        };
        put_weights(s, &self.profile, &self.shares(s), elicitation)
    }

    /// Draws the dialog; false once it is closed (applied or cancelled).
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) -> bool {
        let lang = state.view.lang;
        let s = state.scenario();
        if s.profiles.iter().all(|p| p.id != self.profile) {
            return false;
        }
        let mut open = true;
        let mut done = false;
        let title = tr!(
            lang,
            "analyse.swing.title",
            profile = profile_name(s, &self.profile, lang)
        );
        super::analyse::dialog_window(ui.ctx(), title, "swing-dialog", &mut open)
            .resizable(false)
            .default_width(620.0)
            .show(ui.ctx(), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(super::analyse::dialog_body_height(ui.ctx()))
                    .min_scrolled_height(super::analyse::dialog_body_height(ui.ctx()))
                    .show(ui, |ui| {
                        ui.label(RichText::new(tr!(lang, "analyse.swing.help")).weak());
                        ui.add_space(4.0);
                        self.rows(ui, s, lang);
                    });
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    if ui.button(tr!(lang, "analyse.apply")).clicked() {
                        if let Some(edit) = self.edit(s) {
                            out.push(Command::Edit(edit));
                        }
                        done = true;
                    }
                    if ui.button(tr!(lang, "gui.cancel")).clicked() {
                        done = true;
                    }
                });
            });
        open && !done
    }

    fn rows(&mut self, ui: &mut Ui, s: &Scenario, lang: crate::model::Lang) {
        let n = self.order.len();
        let mut moved: Option<(usize, usize)> = None;
        let mut rating: Option<(usize, f64)> = None;
        let shares = self.shares(s);
        egui::Grid::new("swing-rows")
            .num_columns(6)
            .spacing([8.0, 6.0])
            .striped(true)
            .show(ui, |ui| {
                for k in 0..n {
                    let id = self.order[k].clone();
                    let name = s.criterion_name(&id, lang);
                    let handle = ui
                        .dnd_drag_source(Id::unique(("swing-drag", &id)), k, |ui| {
                            ui.label(RichText::new(format!("☰ {}", k + 1)).monospace())
                        })
                        .response
                        .on_hover_text(tr!(lang, "analyse.swing.drag_tip"));
                    if let Some(from) = handle.dnd_release_payload::<usize>() {
                        moved = Some((*from, k));
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(k > 0, egui::Button::new("▲").small())
                            .on_hover_text(tr!(lang, "analyse.move_up"))
                            .on_disabled_hover_text(tr!(lang, "gui.why.already_first"))
                            .clicked()
                        {
                            moved = Some((k, k - 1));
                        }
                        if ui
                            .add_enabled(k + 1 < n, egui::Button::new("▼").small())
                            .on_hover_text(tr!(lang, "analyse.move_down"))
                            .on_disabled_hover_text(tr!(lang, "gui.why.already_last"))
                            .clicked()
                        {
                            moved = Some((k, k + 1));
                        }
                    });
                    let row = ui.vertical(|ui| {
                        ui.set_min_width(250.0);
                        ui.add(
                            egui::Label::new(RichText::new(&name).strong())
                                .wrap_mode(egui::TextWrapMode::Extend),
                        );
                        ui.label(RichText::new(swing_text(s, &id, lang)).small().weak());
                    });
                    if let Some(from) = row.response.dnd_release_payload::<usize>() {
                        moved = Some((*from, k));
                    }
                    let accessible = tr!(lang, "analyse.swing.rating_name", criterion = name);
                    if k == 0 {
                        ui.label(RichText::new("100").monospace())
                            .on_hover_text(tr!(lang, "analyse.swing.top_tip"));
                    } else {
                        let mut r = self.ratings[k];
                        let upper = self.ratings[k - 1];
                        let resp = ui
                            .add(
                                Slider::new(&mut r, 0.0..=TOP)
                                    .custom_formatter(|v, _| crate::i18n::value(v, 1, lang))
                                    .custom_parser(|t| super::state::parse_number(t, lang).ok()),
                            )
                            .accessible_name(accessible)
                            .on_hover_text(tr!(
                                lang,
                                "analyse.swing.rating_tip",
                                upper = crate::i18n::value(upper, 1, lang)
                            ));
                        if resp.changed() {
                            rating = Some((k, r));
                        }
                    }
                    let share = s
                        .criteria
                        .iter()
                        .position(|c| c.id == id)
                        .and_then(|j| shares.get(j))
                        .copied()
                        .unwrap_or(0.0);
                    ui.label(RichText::new(crate::i18n::pct(share, 1, lang)).monospace())
                        .on_hover_text(tr!(lang, "analyse.preview"));
                    ui.end_row();
                }
            });
        if let Some((k, r)) = rating {
            self.set_rating(k, r);
        }
        if let Some((from, to)) = moved {
            self.move_item(from, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::fixture;
    use crate::model::Lang;

    fn state() -> AppState {
        let mut s = AppState::new(fixture(), None, Lang::En);
        s.session.mark_saved();
        s
    }

    #[test]
    fn opens_from_weights_ordered_by_importance() {
        let s = fixture();
        let d = SwingDialog::open(&s, "whole_of_government").expect("profile");
        assert_eq!(d.order, ["risk", "cost", "impact"]);
        assert_eq!(d.ratings, [100.0, 75.0, 75.0]);
        let shares = d.shares(&s);
        assert!((shares[0] - 0.4).abs() < 1e-12, "{shares:?}");
    }

    #[test]
    fn ratings_never_exceed_the_swing_above_and_moves_keep_positions() {
        let s = fixture();
        let mut d = SwingDialog::open(&s, "whole_of_government").expect("profile");
        d.set_rating(1, 120.0);
        assert_eq!(d.ratings[1], 100.0);
        d.set_rating(2, 50.0);
        assert_eq!(d.ratings, [100.0, 100.0, 50.0]);
        d.set_rating(1, 10.0);
        assert_eq!(d.ratings, [100.0, 10.0, 10.0], "lower swings follow down");
        d.move_item(2, 0);
        assert_eq!(d.order, ["impact", "risk", "cost"]);
        assert_eq!(d.ratings, [100.0, 10.0, 10.0]);
    }

    #[test]
    fn apply_is_one_undo_step_recording_the_inputs() {
        let mut st = state();
        let before = st.scenario().clone();
        let mut d = SwingDialog::open(st.scenario(), "whole_of_government").expect("profile");
        d.set_rating(1, 50.0);
        d.set_rating(2, 25.0);
        let edit = d.edit(st.scenario()).expect("edit");
        st.apply(Command::Edit(edit));
        assert_eq!(st.session.doc().undo_len(), 1);
        let p = &st.scenario().profiles[0];
        assert!((p.weight("risk") - 100.0 / 175.0).abs() < 1e-12);
        assert!((p.weight("impact") - 25.0 / 175.0).abs() < 1e-12);
        match &p.elicitation {
            Some(Elicitation::Swing { order, ratings }) => {
                assert_eq!(order, &["risk", "cost", "impact"]);
                assert_eq!(ratings.get("cost"), Some(&50.0));
            }
            other => panic!("expected a swing record, got {other:?}"),
        }
        // Reopening starts from the recorded inputs.
        let again = SwingDialog::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(again.ratings, [100.0, 50.0, 25.0]);
        st.apply(Command::Undo);
        assert_eq!(st.scenario(), &before);
        assert!(st.scenario().profiles[0].elicitation.is_none());
    }

    #[test]
    fn moving_a_slider_afterwards_marks_the_weights_as_set_directly() {
        let mut st = state();
        let d = SwingDialog::open(st.scenario(), "whole_of_government").expect("profile");
        st.apply(Command::Edit(d.edit(st.scenario()).expect("edit")));
        st.apply(Command::Edit(Edit::SetWeight {
            profile: "whole_of_government".into(),
            criterion: "cost".into(),
            weight: 0.9,
        }));
        assert_eq!(
            st.scenario().profiles[0].elicitation,
            Some(Elicitation::Direct)
        );
        st.apply(Command::Undo);
        assert!(matches!(
            st.scenario().profiles[0].elicitation,
            Some(Elicitation::Swing { .. })
        ));
    }
}
