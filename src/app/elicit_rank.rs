//! The rank-order dialog: the user ranks the criteria (ties allowed: equal
//! ranks), rank-order-centroid weights follow, and Apply writes them as one
//! undo step recording `Elicitation::RankOrder`.

use super::analyse::{profile_name, put_weights};
use super::edit::Edit;
use super::state::{AppState, Command};
use crate::analysis::weighting::rank_order_centroid;
use crate::model::{Elicitation, Lang, Scenario};
use crate::tr;
use egui::{RichText, Ui};

/// A ranking of the criteria being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct RankDialog {
    /// The profile the weights go to.
    pub profile: String,
    /// Criterion ids in scenario order.
    pub criteria: Vec<String>,
    /// Rank of each criterion (1 = most important; equal ranks are ties).
    pub ranks: Vec<usize>,
}

impl RankDialog {
    /// The dialog for profile `id`: its recorded ranking when it has one,
    /// else the ranking of its current weights (equal weights tie).
    pub fn open(s: &Scenario, id: &str) -> Option<Self> {
        let profile = s.profiles.iter().find(|p| p.id == id)?;
        let criteria: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
        let ranks = match &profile.elicitation {
            Some(Elicitation::RankOrder { ranking }) => {
                let last = ranking.len() + 1;
                criteria
                    .iter()
                    .map(|c| {
                        ranking
                            .iter()
                            .position(|g| g.contains(c))
                            .map_or(last, |k| k + 1)
                    })
                    .collect()
            }
            _ => {
                let w: Vec<f64> = criteria.iter().map(|c| profile.weight(c)).collect();
                crate::analysis::competition_ranks(&w)
            }
        };
        Some(RankDialog {
            profile: id.to_string(),
            criteria,
            ranks,
        })
    }

    /// Ranked groups of criterion indices, most important first.
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let mut distinct: Vec<usize> = self.ranks.clone();
        distinct.sort_unstable();
        distinct.dedup();
        distinct
            .into_iter()
            .map(|r| {
                (0..self.ranks.len())
                    .filter(|&j| self.ranks[j] == r)
                    .collect()
            })
            .collect()
    }

    /// The ROC weights, in criterion order.
    pub fn shares(&self) -> Vec<f64> {
        rank_order_centroid(&self.groups(), self.criteria.len()).unwrap_or_default()
    }

    /// The edit applying the ROC weights and recording the ranking.
    pub fn edit(&self, s: &Scenario) -> Option<Edit> {
        if self.criteria.len() != s.criteria.len() {
            return None;
        }
        let ranking = self
            .groups()
            .into_iter()
            .map(|g| g.into_iter().map(|j| self.criteria[j].clone()).collect())
            .collect();
        put_weights(
            s,
            &self.profile,
            &self.shares(),
            Elicitation::RankOrder { ranking },
        )
    }

    /// Draws the dialog; false once it is closed.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) -> bool {
        let lang: Lang = state.view.lang;
        let s = state.scenario();
        if s.profiles.iter().all(|p| p.id != self.profile)
            || self.criteria.len() != s.criteria.len()
        {
            return false;
        }
        let mut open = true;
        let mut done = false;
        let title = tr!(
            lang,
            "analyse.rank.title",
            profile = profile_name(s, &self.profile, lang)
        );
        let m = self.criteria.len();
        super::analyse::dialog_window(ui.ctx(), title, "rank-dialog", &mut open)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(super::analyse::dialog_body_height(ui.ctx()))
                    .min_scrolled_height(super::analyse::dialog_body_height(ui.ctx()))
                    .show(ui, |ui| {
                        ui.label(RichText::new(tr!(lang, "analyse.rank.help")).weak());
                        ui.add_space(4.0);
                        let shares = self.shares();
                        egui::Grid::new("rank-rows")
                            .num_columns(4)
                            .spacing([10.0, 4.0])
                            .striped(true)
                            .show(ui, |ui| {
                                for j in 0..m {
                                    let name = s.criterion_name(&self.criteria[j], lang);
                                    ui.label(&name);
                                    ui.add(
                                        egui::DragValue::new(&mut self.ranks[j])
                                            .range(1..=m)
                                            .custom_parser(|t| {
                                                super::state::parse_number(t, lang).ok()
                                            }),
                                    )
                                    .accessible_name(tr!(
                                        lang,
                                        "analyse.rank.rank_name",
                                        criterion = name
                                    ));
                                    let w = shares.get(j).copied().unwrap_or(0.0);
                                    ui.add(
                                        egui::ProgressBar::new(w as f32)
                                            .desired_width(110.0)
                                            .desired_height(10.0),
                                    );
                                    ui.label(
                                        RichText::new(crate::i18n::pct(w, 1, lang)).monospace(),
                                    )
                                    .on_hover_text(tr!(lang, "analyse.preview"));
                                    ui.end_row();
                                }
                            });
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::fixture;

    #[test]
    fn tied_ranks_share_weight_and_apply_records_the_ranking() {
        let mut st = AppState::new(fixture(), None, Lang::En);
        st.session.mark_saved();
        let before = st.scenario().clone();
        let mut d = RankDialog::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(d.ranks, vec![1, 2, 2], "cost and impact tie at 0.3");
        d.ranks = vec![2, 1, 2];
        let shares = d.shares();
        // ROC for n = 3: 11/18, 5/18, 2/18; the tie shares (5 + 2)/36.
        assert!((shares[1] - 11.0 / 18.0).abs() < 1e-12);
        assert!((shares[0] - 7.0 / 36.0).abs() < 1e-12);
        assert!((shares[2] - shares[0]).abs() < 1e-15);
        st.apply(Command::Edit(d.edit(st.scenario()).expect("edit")));
        assert_eq!(st.session.doc().undo_len(), 1);
        let Some(Elicitation::RankOrder { ranking }) = &st.scenario().profiles[0].elicitation
        else {
            panic!("rank order recorded");
        };
        assert_eq!(
            ranking,
            &vec![
                vec!["cost".to_string()],
                vec!["risk".into(), "impact".into()]
            ]
        );
        let again = RankDialog::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(again.ranks, vec![2, 1, 2]);
        st.apply(Command::Undo);
        assert_eq!(st.scenario(), &before);
    }
}
