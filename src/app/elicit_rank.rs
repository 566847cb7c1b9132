//! The rank-order dialog's body: a rank per criterion (ties allowed: equal
//! ranks) and the rank-order-centroid weight it gives. The model is
//! [`RankModel`]; the frame (title, Apply, Cancel) is [`super::elicit_dialog`].

use super::elicit_dialog::ElicitBody;
use crate::model::{Lang, Scenario, WeightProfile};
use crate::session::elicit::rank::RankModel;
use crate::tr;
use egui::{RichText, Ui};

impl ElicitBody for RankModel {
    const WINDOW_ID: &'static str = "rank-dialog";

    fn title(&self, profile: String, lang: Lang) -> String {
        tr!(lang, "analyse.rank.title", profile = profile)
    }

    fn profile_id(&self) -> &str {
        &self.profile
    }

    fn fits(&self, s: &Scenario) -> bool {
        RankModel::fits(self, s)
    }

    fn size(window: egui::Window<'_>) -> egui::Window<'_> {
        window.resizable(false)
    }

    fn body(&mut self, ui: &mut Ui, s: &Scenario, lang: Lang) {
        ui.label(RichText::new(tr!(lang, "analyse.rank.help")).weak());
        ui.add_space(4.0);
        let shares = self.shares();
        let m = self.criteria.len();
        egui::Grid::new("rank-rows")
            .num_columns(4)
            .spacing([10.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                for j in 0..m {
                    rank_row(
                        ui,
                        self,
                        j,
                        (s, lang),
                        shares.get(j).copied().unwrap_or(0.0),
                    );
                    ui.end_row();
                }
            });
    }

    fn weighted_profile(&self, s: &Scenario) -> Option<WeightProfile> {
        RankModel::weighted_profile(self, s)
    }
}

/// Criterion `j`: its name, its rank and the weight that rank gives.
fn rank_row(ui: &mut Ui, model: &mut RankModel, j: usize, (s, lang): (&Scenario, Lang), w: f64) {
    let m = model.criteria.len();
    let name = s.criterion_name(&model.criteria[j], lang);
    ui.label(&name);
    ui.add(
        egui::DragValue::new(&mut model.ranks[j])
            .range(1..=m)
            .custom_parser(|t| super::state::parse_number(t, lang).ok()),
    )
    .accessible_name(tr!(lang, "analyse.rank.rank_name", criterion = name));
    ui.add(
        egui::ProgressBar::new(w as f32)
            .desired_width(110.0)
            .desired_height(10.0),
    );
    ui.label(RichText::new(crate::i18n::pct(w, 1, lang)).monospace())
        .on_hover_text(tr!(lang, "analyse.preview"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::{AppState, Command};
    use crate::model::Elicitation;
    use crate::session::edit::Edit;
    use crate::session::fixture::fixture;

    #[test]
    fn tied_ranks_share_weight_and_apply_records_the_ranking() {
        let mut st = AppState::new(fixture(), None, Lang::En);
        st.session.mark_saved();
        let before = st.scenario().clone();
        let mut d = RankModel::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(d.ranks, vec![1, 2, 2], "cost and impact tie at 0.3");
        d.ranks = vec![2, 1, 2];
        let shares = d.shares();
        // ROC for n = 3: 11/18, 5/18, 2/18; the tie shares (5 + 2)/36.
        assert!((shares[1] - 11.0 / 18.0).abs() < 1e-12);
        assert!((shares[0] - 7.0 / 36.0).abs() < 1e-12);
        assert!((shares[2] - shares[0]).abs() < 1e-15);
        let profile = d.weighted_profile(st.scenario()).expect("profile");
        st.apply(Command::Edit(Edit::PutProfile {
            profile: Box::new(profile),
        }));
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
        let again = RankModel::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(again.ranks, vec![2, 1, 2]);
        st.apply(Command::Undo);
        assert_eq!(st.scenario(), &before);
    }
}
