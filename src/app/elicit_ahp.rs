//! The pairwise-comparison (AHP) dialog's body: one Saaty 1–9 judgement
//! per pair of criteria on a segmented selector, the eigenvector weights and
//! consistency ratio live, and a warning above 0.10 naming the most
//! inconsistent judgement. The model is [`AhpModel`]; the frame (title,
//! Apply, Cancel) is [`super::elicit_dialog`].

use super::elicit_dialog::{ElicitBody, weights_preview};
use crate::analysis::weighting::{Ahp, CR_LIMIT};
use crate::model::{Lang, Scenario, WeightProfile};
use crate::session::elicit::ahp::{AhpModel, STEPS};
use crate::tr;
use egui::{Color32, RichText, Ui};

/// "3" or "1/3".
pub fn ratio_text(r: f64, lang: Lang) -> String {
    if r >= 1.0 {
        crate::i18n::value(r, 1, lang)
    } else {
        format!("1/{}", crate::i18n::value(1.0 / r, 1, lang))
    }
}

impl ElicitBody for AhpModel {
    const WINDOW_ID: &'static str = "ahp-dialog";

    fn title(&self, profile: String, lang: Lang) -> String {
        tr!(lang, "analyse.ahp.title", profile = profile)
    }

    fn profile_id(&self) -> &str {
        &self.profile
    }

    fn fits(&self, s: &Scenario) -> bool {
        self.criteria.len() == s.criteria.len()
    }

    fn size(window: egui::Window<'_>) -> egui::Window<'_> {
        window.default_width(640.0)
    }

    fn body(&mut self, ui: &mut Ui, s: &Scenario, lang: Lang) {
        ui.label(RichText::new(tr!(lang, "analyse.ahp.help")).weak());
        ui.add_space(4.0);
        pairs(self, ui, s, lang);
        ui.separator();
        match &self.result() {
            Some(r) => {
                weights_preview(ui, s, &r.weights, lang, "ahp");
                let cr = crate::i18n::value(r.consistency_ratio, 3, lang);
                ui.label(tr!(lang, "analyse.ahp.cr", cr = cr));
                if let Some(w) = warning(self, s, r, lang) {
                    ui.label(RichText::new(w).color(Color32::from_rgb(170, 70, 0)));
                }
            }
            None => {
                ui.label(RichText::new(tr!(lang, "analyse.ahp.no_result")).weak());
            }
        }
    }

    fn apply_blocked(&self, lang: Lang) -> Option<String> {
        self.result()
            .is_none()
            .then(|| tr!(lang, "analyse.ahp.no_result"))
    }

    fn weighted_profile(&self, s: &Scenario) -> Option<WeightProfile> {
        AhpModel::weighted_profile(self, s)
    }
}

/// The consistency warning, when the ratio is above 0.10.
pub fn warning(model: &AhpModel, s: &Scenario, result: &Ahp, lang: Lang) -> Option<String> {
    if !result.is_inconsistent() {
        return None;
    }
    let cr = crate::i18n::value(result.consistency_ratio, 2, lang);
    let limit = crate::i18n::num(CR_LIMIT, 2, lang);
    Some(match &result.most_inconsistent {
        Some(x) => tr!(
            lang,
            "analyse.ahp.inconsistent",
            cr = cr,
            limit = limit,
            a = s.criterion_name(&model.criteria[x.row], lang),
            b = s.criterion_name(&model.criteria[x.col], lang),
            given = ratio_text(x.given, lang),
            implied = ratio_text(x.implied, lang)
        ),
        None => tr!(
            lang,
            "analyse.ahp.inconsistent_plain",
            cr = cr,
            limit = limit
        ),
    })
}

fn pairs(model: &mut AhpModel, ui: &mut Ui, s: &Scenario, lang: Lang) {
    let n = model.criteria.len();
    egui::Grid::new("ahp-pairs")
        .num_columns(3)
        .spacing([6.0, 8.0])
        .striped(true)
        .show(ui, |ui| {
            for i in 0..n {
                for j in i + 1..n {
                    let k = model.pair_index(i, j);
                    let a = s.criterion_name(&model.criteria[i], lang);
                    let b = s.criterion_name(&model.criteria[j], lang);
                    ui.label(RichText::new(&a).strong());
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            ui.spacing_mut().item_spacing.x = 2.0;
                            for step in (-STEPS..=STEPS).rev() {
                                let text = (step.abs() + 1).to_string();
                                let selected = model.judgements[k] == step;
                                let meaning = meaning(step, &a, &b, lang);
                                let r = ui
                                    .selectable_label(selected, RichText::new(text).monospace())
                                    .accessible_name(format!("{a} / {b}: {meaning}"))
                                    .on_hover_text(&meaning);
                                if r.clicked() {
                                    model.judgements[k] = step;
                                }
                            }
                        });
                        ui.label(
                            RichText::new(meaning(model.judgements[k], &a, &b, lang))
                                .small()
                                .weak(),
                        );
                    });
                    ui.label(RichText::new(&b).strong());
                    ui.end_row();
                }
            }
        });
}

/// The verbal meaning of a selector step for the pair (a, b).
pub fn meaning(step: i32, a: &str, b: &str, lang: Lang) -> String {
    if step == 0 {
        return tr!(lang, "analyse.ahp.equal", a = a, b = b);
    }
    let level = match step.abs() + 1 {
        2 => tr!(lang, "analyse.ahp.level2"),
        3 => tr!(lang, "analyse.ahp.level3"),
        4 => tr!(lang, "analyse.ahp.level4"),
        5 => tr!(lang, "analyse.ahp.level5"),
        6 => tr!(lang, "analyse.ahp.level6"),
        7 => tr!(lang, "analyse.ahp.level7"),
        8 => tr!(lang, "analyse.ahp.level8"),
        _ => tr!(lang, "analyse.ahp.level9"),
    };
    let (first, second) = if step > 0 { (a, b) } else { (b, a) };
    tr!(
        lang,
        "analyse.ahp.more",
        a = first,
        b = second,
        level = level,
        r = step.abs() + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::weighting::CR_LIMIT;
    use crate::app::state::{AppState, Command};
    use crate::model::Elicitation;
    use crate::session::edit::Edit;
    use crate::session::elicit::ahp::{STEPS, ratio, step_of};
    use crate::session::fixture::fixture;

    #[test]
    fn steps_and_ratios_round_trip() {
        for step in -STEPS..=STEPS {
            assert_eq!(step_of(ratio(step)), step);
        }
        assert_eq!(step_of(0.4), -2, "1/2.5 rounds to 1/3");
        assert_eq!(ratio(-2), 1.0 / 3.0);
    }

    #[test]
    fn consistent_judgements_give_the_weights_and_no_warning() {
        let s = fixture();
        let mut d = AhpModel::open(&s, "whole_of_government").expect("profile");
        // risk vs cost 2, risk vs impact 2, cost vs impact 1: weights 1/2, 1/4, 1/4.
        d.judgements = vec![1, 1, 0];
        let r = d.result().expect("result");
        assert!((r.weights[0] - 0.5).abs() < 1e-9, "{:?}", r.weights);
        assert!(r.consistency_ratio < 1e-9);
        assert!(warning(&d, &s, &r, Lang::En).is_none());
    }

    #[test]
    fn inconsistent_judgements_warn_and_name_a_pair() {
        let s = fixture();
        let mut d = AhpModel::open(&s, "whole_of_government").expect("profile");
        // risk ≫ cost, cost ≫ impact, yet impact ≫ risk: a cycle.
        d.judgements = vec![6, -6, 6];
        let r = d.result().expect("result");
        assert!(r.consistency_ratio > CR_LIMIT);
        let w = warning(&d, &s, &r, Lang::En).expect("a warning");
        assert!(w.contains("Risk to personnel") || w.contains("Cost"), "{w}");
    }

    #[test]
    fn apply_records_judgements_and_undo_restores() {
        let mut st = AppState::new(fixture(), None, Lang::En);
        st.session.mark_saved();
        let before = st.scenario().clone();
        let mut d = AhpModel::open(st.scenario(), "whole_of_government").expect("profile");
        d.judgements = vec![1, 1, 0];
        let profile = d.weighted_profile(st.scenario()).expect("profile");
        st.apply(Command::Edit(Edit::PutProfile {
            profile: Box::new(profile),
        }));
        assert_eq!(st.session.doc().undo_len(), 1);
        let p = &st.scenario().profiles[0];
        assert!((p.weight("risk") - 0.5).abs() < 1e-9);
        let Some(Elicitation::Pairwise { judgements }) = &p.elicitation else {
            panic!("pairwise recorded");
        };
        assert_eq!(judgements[0], ("risk".into(), "cost".into(), 2.0));
        let again = AhpModel::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(again.judgements, vec![1, 1, 0]);
        st.apply(Command::Undo);
        assert_eq!(st.scenario(), &before);
    }
}
