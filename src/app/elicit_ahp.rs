//! The pairwise-comparison (AHP) dialog: one Saaty 1–9 judgement per pair of
//! criteria on a segmented selector, principal-eigenvector weights and the
//! consistency ratio live, a warning above 0.10 naming the most inconsistent
//! judgement, and Apply as one undo step recording `Elicitation::Pairwise`.

use super::analyse::{profile_name, put_weights, weights_preview};
use super::edit::Edit;
use super::state::{AppState, Command};
use crate::analysis::weighting::{Ahp, CR_LIMIT, ahp, pairwise_matrix};
use crate::model::{Elicitation, Lang, Scenario};
use crate::tr;
use egui::{Color32, RichText, Ui};

/// Steps either side of "equal" on the selector (Saaty's 2..=9).
const STEPS: i32 = 8;

/// The judgements being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct AhpDialog {
    /// The profile the weights go to.
    pub profile: String,
    /// Criterion ids in scenario order.
    pub criteria: Vec<String>,
    /// One judgement per pair (i < j, row by row): 0 equal, k > 0 the first
    /// of the pair is k + 1 times as important, k < 0 the second is 1 − k times.
    pub judgements: Vec<i32>,
}

/// The Saaty ratio "a is r times as important as b" of a selector step.
pub fn ratio(step: i32) -> f64 {
    if step >= 0 {
        f64::from(step + 1)
    } else {
        1.0 / f64::from(1 - step)
    }
}

/// The selector step nearest to the ratio `r` (clamped to Saaty's 1/9..9).
pub fn step_of(r: f64) -> i32 {
    if !r.is_finite() || r <= 0.0 {
        return 0;
    }
    if r >= 1.0 {
        (r.round().clamp(1.0, 9.0) as i32) - 1
    } else {
        1 - ((1.0 / r).round().clamp(1.0, 9.0) as i32)
    }
}

/// "3" or "1/3".
pub fn ratio_text(r: f64, lang: Lang) -> String {
    if r >= 1.0 {
        crate::i18n::value(r, 1, lang)
    } else {
        format!("1/{}", crate::i18n::value(1.0 / r, 1, lang))
    }
}

impl AhpDialog {
    /// The dialog for profile `id`: its recorded judgements when it has
    /// them, else judgements read from the ratios of its current weights.
    pub fn open(s: &Scenario, id: &str) -> Option<Self> {
        let profile = s.profiles.iter().find(|p| p.id == id)?;
        let criteria: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
        let n = criteria.len();
        let mut d = AhpDialog {
            profile: id.to_string(),
            criteria: criteria.clone(),
            judgements: vec![0; n * n.saturating_sub(1) / 2],
        };
        let recorded = match &profile.elicitation {
            Some(Elicitation::Pairwise { judgements }) => Some(judgements),
            _ => None,
        };
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (&criteria[i], &criteria[j]);
                let r = match recorded {
                    Some(list) => list.iter().find_map(|(x, y, r)| {
                        if x == a && y == b {
                            Some(*r)
                        } else if x == b && y == a && *r > 0.0 {
                            Some(1.0 / r)
                        } else {
                            None
                        }
                    }),
                    None => {
                        let (wa, wb) = (profile.weight(a), profile.weight(b));
                        (wa > 0.0 && wb > 0.0).then(|| wa / wb)
                    }
                };
                let k = d.pair_index(i, j);
                d.judgements[k] = r.map_or(0, step_of);
            }
        }
        Some(d)
    }

    /// Index in `judgements` of the pair (i, j), i < j.
    pub fn pair_index(&self, i: usize, j: usize) -> usize {
        let n = self.criteria.len();
        i * n - i * (i + 1) / 2 + (j - i - 1)
    }

    /// The judgements as stored in the file: (a, b, r), a is r times as important as b.
    pub fn triples(&self) -> Vec<(String, String, f64)> {
        let n = self.criteria.len();
        let mut out = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                let r = ratio(self.judgements[self.pair_index(i, j)]);
                out.push((self.criteria[i].clone(), self.criteria[j].clone(), r));
            }
        }
        out
    }

    /// The AHP result of the current judgements.
    pub fn result(&self) -> Option<Ahp> {
        let matrix = pairwise_matrix(&self.criteria, &self.triples()).ok()?;
        ahp(&matrix).ok()
    }

    /// The edit applying the eigenvector weights and recording the judgements.
    pub fn edit(&self, s: &Scenario) -> Option<Edit> {
        if self.criteria.len() != s.criteria.len()
            || self
                .criteria
                .iter()
                .zip(&s.criteria)
                .any(|(a, c)| *a != c.id)
        {
            return None;
        }
        let result = self.result()?;
        let elicitation = Elicitation::Pairwise {
            judgements: self.triples(),
        };
        put_weights(s, &self.profile, &result.weights, elicitation)
    }

    /// The consistency warning, when the ratio is above 0.10.
    pub fn warning(&self, s: &Scenario, result: &Ahp, lang: Lang) -> Option<String> {
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
                a = s.criterion_name(&self.criteria[x.row], lang),
                b = s.criterion_name(&self.criteria[x.col], lang),
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

    /// Draws the dialog; false once it is closed.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) -> bool {
        let lang = state.view.lang;
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
            "analyse.ahp.title",
            profile = profile_name(s, &self.profile, lang)
        );
        super::analyse::dialog_window(ui.ctx(), title, "ahp-dialog", &mut open)
            .default_width(640.0)
            .show(ui.ctx(), |ui| {
                let result = self.result();
                egui::ScrollArea::vertical()
                    .max_height(super::analyse::dialog_body_height(ui.ctx()))
                    .min_scrolled_height(super::analyse::dialog_body_height(ui.ctx()))
                    .show(ui, |ui| {
                        ui.label(RichText::new(tr!(lang, "analyse.ahp.help")).weak());
                        ui.add_space(4.0);
                        self.pairs(ui, s, lang);
                        ui.separator();
                        match &result {
                            Some(r) => {
                                weights_preview(ui, s, &r.weights, lang, "ahp");
                                let cr = crate::i18n::value(r.consistency_ratio, 3, lang);
                                ui.label(tr!(lang, "analyse.ahp.cr", cr = cr));
                                if let Some(w) = self.warning(s, r, lang) {
                                    ui.label(RichText::new(w).color(Color32::from_rgb(170, 70, 0)));
                                }
                            }
                            None => {
                                ui.label(RichText::new(tr!(lang, "analyse.ahp.no_result")).weak());
                            }
                        }
                    });
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(
                            result.is_some(),
                            egui::Button::new(tr!(lang, "analyse.apply")),
                        )
                        .on_disabled_hover_text(tr!(lang, "analyse.ahp.no_result"))
                        .clicked()
                    {
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

    fn pairs(&mut self, ui: &mut Ui, s: &Scenario, lang: Lang) {
        let n = self.criteria.len();
        egui::Grid::new("ahp-pairs")
            .num_columns(3)
            .spacing([6.0, 8.0])
            .striped(true)
            .show(ui, |ui| {
                for i in 0..n {
                    for j in i + 1..n {
                        let k = self.pair_index(i, j);
                        let a = s.criterion_name(&self.criteria[i], lang);
                        let b = s.criterion_name(&self.criteria[j], lang);
                        ui.label(RichText::new(&a).strong());
                        ui.vertical(|ui| {
                            ui.horizontal(|ui| {
                                ui.spacing_mut().item_spacing.x = 2.0;
                                for step in (-STEPS..=STEPS).rev() {
                                    let text = (step.abs() + 1).to_string();
                                    let selected = self.judgements[k] == step;
                                    let meaning = meaning(step, &a, &b, lang);
                                    let r = ui
                                        .selectable_label(selected, RichText::new(text).monospace())
                                        .accessible_name(format!("{a} / {b}: {meaning}"))
                                        .on_hover_text(&meaning);
                                    if r.clicked() {
                                        self.judgements[k] = step;
                                    }
                                }
                            });
                            ui.label(
                                RichText::new(meaning(self.judgements[k], &a, &b, lang))
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
    use crate::app::fixture::fixture;

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
        let mut d = AhpDialog::open(&s, "whole_of_government").expect("profile");
        // risk vs cost 2, risk vs impact 2, cost vs impact 1: weights 1/2, 1/4, 1/4.
        d.judgements = vec![1, 1, 0];
        let r = d.result().expect("result");
        assert!((r.weights[0] - 0.5).abs() < 1e-9, "{:?}", r.weights);
        assert!(r.consistency_ratio < 1e-9);
        assert!(d.warning(&s, &r, Lang::En).is_none());
    }

    #[test]
    fn inconsistent_judgements_warn_and_name_a_pair() {
        let s = fixture();
        let mut d = AhpDialog::open(&s, "whole_of_government").expect("profile");
        // risk ≫ cost, cost ≫ impact, yet impact ≫ risk: a cycle.
        d.judgements = vec![6, -6, 6];
        let r = d.result().expect("result");
        assert!(r.consistency_ratio > CR_LIMIT);
        let w = d.warning(&s, &r, Lang::En).expect("a warning");
        assert!(w.contains("Risk to personnel") || w.contains("Cost"), "{w}");
    }

    #[test]
    fn apply_records_judgements_and_undo_restores() {
        let mut st = AppState::new(fixture(), None, Lang::En);
        st.session.mark_saved();
        let before = st.scenario().clone();
        let mut d = AhpDialog::open(st.scenario(), "whole_of_government").expect("profile");
        d.judgements = vec![1, 1, 0];
        st.apply(Command::Edit(d.edit(st.scenario()).expect("edit")));
        assert_eq!(st.session.doc().undo_len(), 1);
        let p = &st.scenario().profiles[0];
        assert!((p.weight("risk") - 0.5).abs() < 1e-9);
        let Some(Elicitation::Pairwise { judgements }) = &p.elicitation else {
            panic!("pairwise recorded");
        };
        assert_eq!(judgements[0], ("risk".into(), "cost".into(), 2.0));
        let again = AhpDialog::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(again.judgements, vec![1, 1, 0]);
        st.apply(Command::Undo);
        assert_eq!(st.scenario(), &before);
    }
}
