//! The Robustness view: weight-sensitivity lines for a chosen criterion or
//! group (switch points marked), the chosen value function's point
//! sensitivity (weighted sum), one plain sentence per criterion, group and
//! decisive value-function point, and SMAA rank acceptability recomputed
//! off the UI thread as weights change, drawn dimmed while a newer run is
//! under way. Both background computations live in `session`
//! ([`SmaaWorker`], [`FindingsWorker`]); this file draws them.

use super::chart_inputs::{STALE_TINT, SmaaView, criterion_picker, group_picker, input_for};
use super::chart_tex::{TexCache, TexKey, content_of};
use super::state::AppState;
use super::view::{CentralView, ViewContext};
use super::widgets::heading;
use crate::analysis::Method;
use crate::charts::{ChartKind, READABLE_WIDTH_PT};
use crate::i18n::{num, pct};
use crate::model::Lang;
use crate::session::findings_worker::FindingsWorker;
use crate::session::smaa_worker::{Finished, JobKey, Outcome, SmaaWorker, WeightSpread};
use crate::tr;
use egui::{Color32, RichText, Ui, Vec2};

/// Sample counts offered.
pub const SAMPLE_CHOICES: [usize; 3] = [1_000, 10_000, 100_000];

/// The Robustness view's settings and cached results.
pub struct Robustness {
    /// Criterion of the sensitivity chart (None: the most heavily weighted).
    pub criterion: Option<String>,
    /// How SMAA draws the weights.
    pub spread: WeightSpread,
    /// SMAA samples.
    pub samples: usize,
    /// SMAA seed.
    pub seed: u64,
    /// The worker (started on first use).
    pub worker: Option<SmaaWorker>,
    cache: TexCache,
    findings: FindingsWorker,
}

impl Default for Robustness {
    fn default() -> Self {
        Robustness {
            criterion: None,
            spread: WeightSpread::AroundCurrent(0.25),
            samples: 10_000,
            seed: 1,
            worker: None,
            cache: TexCache::default(),
            findings: FindingsWorker::default(),
        }
    }
}

impl CentralView for Robustness {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        self.show(ui, ctx.state);
    }
}

impl Robustness {
    /// Takes finished SMAA results and asks for a new run when the scenario,
    /// method or settings changed. Cheap when nothing changed.
    pub fn keep_fresh(&mut self, ctx: &egui::Context, state: &AppState) {
        let worker = self.worker.get_or_insert_with(|| {
            let ctx = ctx.clone();
            SmaaWorker::start(move || ctx.request_repaint())
        });
        worker.poll();
        let key = JobKey {
            revision: state.content_key(),
            method: state.view.method,
            spread: self.spread,
            samples: self.samples,
            seed: self.seed,
        };
        worker.request(key, state.scenario());
        let matrix = state
            .evaluation(state.view.method)
            .filter(|e| !e.ranking.is_empty())
            .map(|e| &e.matrix);
        let ctx = ctx.clone();
        self.findings.request(
            (state.content_key(), state.view.method),
            matrix,
            move || {
                ctx.request_repaint();
            },
        );
        self.findings.poll();
    }

    /// The newest SMAA result for charts, with its freshness.
    pub fn smaa_view(&self) -> Option<SmaaView<'_>> {
        let w = self.worker.as_ref()?;
        Some(SmaaView {
            result: w.result()?,
            generation: w.latest.as_ref()?.generation,
            fresh: w.is_fresh(),
        })
    }

    /// One sentence per criterion from the newest curves computed (those
    /// of an earlier revision while the current one's are under way; see
    /// [`Robustness::sentences_are_fresh`]).
    pub fn sentences(&mut self, state: &AppState) -> &[String] {
        self.findings
            .sentences(state.scenario(), |m| state.evaluation(m), state.view.lang)
    }

    /// True when the sentences are those of the scenario and method shown.
    pub fn sentences_are_fresh(&self) -> bool {
        self.findings.is_fresh()
    }

    /// Draws the view for `state`.
    pub fn show(&mut self, ui: &mut Ui, state: &AppState) {
        let lang = state.view.lang;
        self.keep_fresh(ui.ctx(), state);
        ui.horizontal_wrapped(|ui| {
            heading(ui, tr!(lang, "present.robustness"));
            ui.add_space(12.0);
            self.settings_ui(ui, lang);
        });
        ui.separator();
        let Some(eval) = state.evaluation(state.view.method) else {
            ui.label(RichText::new(tr!(lang, "gui.fix_problems")).color(super::widgets::PROBLEM));
            return;
        };
        if eval.ranking.is_empty() {
            all_excluded(ui, state);
            return;
        }
        // Side by side only when both charts get their readable width;
        // otherwise one above the other, and the view scrolls.
        let side_by_side = ui.available_width() >= 2.0 * READABLE_WIDTH_PT + 24.0;
        egui::ScrollArea::vertical()
            .id_salt("robust-scroll")
            .auto_shrink(false)
            .show(ui, |ui| {
                if side_by_side {
                    let top_down = egui::Layout::top_down(egui::Align::Min);
                    ui.columns(2, |cols| {
                        cols[0].with_layout(top_down, |ui| self.sensitivity_column(ui, state));
                        cols[1].with_layout(top_down, |ui| self.smaa_column(ui, state));
                    });
                } else {
                    self.sensitivity_column(ui, state);
                    ui.separator();
                    self.smaa_column(ui, state);
                }
            });
    }

    fn settings_ui(&mut self, ui: &mut Ui, lang: Lang) {
        self.spread_ui(ui, lang);
        ui.label(tr!(lang, "present.samples"));
        egui::ComboBox::from_id_salt("smaa-samples")
            .selected_text(grouped(self.samples, lang))
            .show_ui(ui, |ui| {
                for n in SAMPLE_CHOICES {
                    ui.selectable_value(&mut self.samples, n, grouped(n, lang));
                }
            });
        ui.label(tr!(lang, "present.seed"));
        ui.add(
            egui::DragValue::new(&mut self.seed)
                .range(0..=u32::MAX)
                .custom_parser(|t| super::state::parse_number(t, lang).ok()),
        );
    }

    /// How SMAA draws the weights: around the current ones (and how far),
    /// or anywhere the profile allows.
    fn spread_ui(&mut self, ui: &mut Ui, lang: Lang) {
        let around = matches!(self.spread, WeightSpread::AroundCurrent(_));
        ui.label(tr!(lang, "present.weights_sampled"));
        egui::ComboBox::from_id_salt("smaa-spread")
            .selected_text(if around {
                tr!(lang, "present.spread_around")
            } else {
                tr!(lang, "present.spread_profile")
            })
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(around, tr!(lang, "present.spread_around"))
                    .on_hover_text(tr!(lang, "present.spread_around_tip"))
                    .clicked()
                    && !around
                {
                    self.spread = WeightSpread::AroundCurrent(0.25);
                }
                if ui
                    .selectable_label(!around, tr!(lang, "present.spread_profile"))
                    .on_hover_text(tr!(lang, "present.spread_profile_tip"))
                    .clicked()
                {
                    self.spread = WeightSpread::Profile;
                }
            });
        if let WeightSpread::AroundCurrent(d) = &mut self.spread {
            // The slider and its value are one block: start a new row
            // rather than let the value run off a narrow view.
            if ui.available_size_before_wrap().x < ui.spacing().slider_width + 230.0 {
                ui.end_row();
            }
            let mut points = *d * 100.0;
            ui.add(
                egui::Slider::new(&mut points, 5.0..=100.0)
                    .step_by(5.0)
                    .custom_formatter(|x, _| {
                        tr!(
                            lang,
                            "present.spread_value",
                            share = pct(x / 100.0, 0, lang)
                        )
                    }),
            )
            .on_hover_text(tr!(lang, "present.spread_tip"));
            *d = points / 100.0;
        }
    }

    fn sensitivity_column(&mut self, ui: &mut Ui, state: &AppState) {
        let lang = state.view.lang;
        ui.horizontal_wrapped(|ui| {
            criterion_picker(ui, "robust-criterion", state, &mut self.criterion);
            group_picker(ui, "robust-group", state, &mut self.criterion);
        });
        let width = ui.available_width();
        let want = Vec2::new(width, (ui.available_height() * 0.58).max(220.0));
        self.fitted_chart(
            ui,
            state,
            ChartKind::Sensitivity,
            "robust-sensitivity",
            want,
        );
        // Value functions change the weighted sum only.
        let has_function = state
            .scenario()
            .criteria
            .iter()
            .any(|c| c.value_function.is_some());
        if state.view.method == Method::Wsm && has_function {
            ui.add_space(4.0);
            self.value_chart(ui, state, want);
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr!(lang, "present.findings")).strong());
            if !self.sentences_are_fresh() {
                ui.spinner();
                ui.label(RichText::new(tr!(lang, "present.updating")).weak());
            }
        });
        let lines = self.sentences(state).to_vec();
        egui::ScrollArea::vertical()
            .id_salt("findings")
            .max_height(ui.available_height().max(160.0))
            .show(ui, |ui| {
                for line in lines {
                    ui.label(format!("• {line}"));
                }
            });
    }

    /// The value-function chart of the chosen criterion (or the heaviest
    /// with a value function), as tall as the sensitivity chart.
    fn value_chart(&mut self, ui: &mut Ui, state: &AppState, want: Vec2) {
        self.fitted_chart(
            ui,
            state,
            ChartKind::ValueSensitivity,
            "robust-value-sensitivity",
            want,
        );
    }

    /// Shows `kind` for the chosen criterion or group at `want`, grown to
    /// its readable size when that is larger.
    fn fitted_chart(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        kind: ChartKind,
        id: &'static str,
        want: Vec2,
    ) {
        let ppp = ui.ctx().pixels_per_point();
        let input = input_for(state, self.criterion.as_deref(), None);
        let new_key = |size| {
            TexKey::new(
                kind,
                state.content_key(),
                state.view.method,
                state.view.lang,
                self.criterion.clone(),
                0,
                size,
                ppp,
                1.0,
            )
        };
        let content = content_of(&new_key(want));
        let size = self.cache.readable.fit(kind, &input, content, want, ppp);
        self.cache
            .show(ui, id, new_key(size), &input, size, Color32::WHITE);
    }

    fn smaa_column(&mut self, ui: &mut Ui, state: &AppState) {
        let fresh = self.worker.as_ref().is_some_and(SmaaWorker::is_fresh);
        let latest = self.worker.as_ref().and_then(|w| w.latest.as_ref());
        smaa_status(ui, latest, fresh, state.view.lang);
        match latest.map(|l| &l.outcome) {
            Some(Outcome::AllExcluded) => {
                all_excluded(ui, state);
                return;
            }
            Some(Outcome::Failed(message)) if !message.is_empty() => {
                ui.label(RichText::new(message).color(super::widgets::PROBLEM));
                return;
            }
            _ => {}
        }
        self.acceptability_chart(ui, state, fresh);
    }

    /// The rank-acceptability chart of the newest SMAA run, dimmed while a
    /// newer run is under way.
    fn acceptability_chart(&mut self, ui: &mut Ui, state: &AppState, fresh: bool) {
        let want = Vec2::new(
            ui.available_width(),
            (ui.available_height() - 8.0).max(220.0),
        );
        let view = self.worker.as_ref().and_then(|w| {
            Some(SmaaView {
                result: w.result()?,
                generation: w.latest.as_ref()?.generation,
                fresh,
            })
        });
        // Keyed by the SMAA run drawn, not the revision: while a new run is
        // under way the last chart stays, dimmed, instead of flickering.
        let ppp = ui.ctx().pixels_per_point();
        let revision = if view.is_some() {
            0
        } else {
            state.content_key()
        };
        let generation = view.map_or(0, |s| s.generation);
        let (method, lang) = (state.view.method, state.view.lang);
        let new_key = |size| {
            let kind = ChartKind::Acceptability;
            TexKey::new(
                kind, revision, method, lang, None, generation, size, ppp, 1.0,
            )
        };
        let tint = if fresh { Color32::WHITE } else { STALE_TINT };
        let input = input_for(state, None, view);
        let content = content_of(&new_key(want));
        let size = self
            .cache
            .readable
            .fit(ChartKind::Acceptability, &input, content, want, ppp);
        let key = new_key(size);
        self.cache
            .show(ui, "robust-acceptability", key, &input, size, tint);
    }
}

/// What the newest SMAA run was (samples, seed, time), and a spinner while
/// a newer one runs.
fn smaa_status(ui: &mut Ui, latest: Option<&Finished>, fresh: bool, lang: Lang) {
    ui.horizontal(|ui| {
        match latest {
            Some(done) => {
                ui.label(tr!(
                    lang,
                    "present.smaa_status",
                    samples = grouped(done.key.samples, lang),
                    seed = done.key.seed,
                    ms = num(done.elapsed_ms, 0, lang)
                ));
            }
            None => {
                ui.label(tr!(lang, "present.smaa_first"));
            }
        }
        if !fresh {
            ui.spinner();
            ui.label(RichText::new(tr!(lang, "present.updating")).weak());
        }
    });
}

/// The plain statement shown when no option can be ranked.
fn all_excluded(ui: &mut Ui, state: &AppState) {
    let lang = state.view.lang;
    ui.label(
        RichText::new(tr!(lang, "present.all_excluded"))
            .size(17.0)
            .strong()
            .color(super::widgets::PROBLEM),
    );
    if let Some(eval) = state.evaluation(state.view.method) {
        let s = state.scenario();
        for x in &eval.excluded {
            ui.label(format!(
                "• {}",
                crate::report::exclusions::option_and_reasons(s, x, lang)
            ));
        }
    }
}

/// A count with thousands separators in the style of `lang` ("10,000", "10 000").
pub fn grouped(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::curve_for;
    use crate::report::sensitivity::describe;
    use crate::session::findings_worker::GRID_POINTS;
    use std::sync::atomic::Ordering;

    #[test]
    fn counts_are_grouped_by_language() {
        assert_eq!(grouped(10_000, Lang::En), "10,000");
        assert_eq!(grouped(100_000, Lang::Fr), "100\u{202f}000");
        assert_eq!(grouped(999, Lang::En), "999");
    }

    /// Asks for the sentences of `state` and waits for the background thread.
    fn fresh_sentences(r: &mut Robustness, state: &AppState) -> Vec<String> {
        let ctx = egui::Context::default();
        r.keep_fresh(&ctx, state);
        for _ in 0..2_000 {
            r.findings.poll();
            if r.sentences_are_fresh() {
                return r.sentences(state).to_vec();
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the sentences never came");
    }

    #[test]
    fn one_sentence_per_criterion_in_the_chosen_language() {
        let mut state = AppState::with_default_scenario(Lang::Fr);
        let mut r = Robustness::default();
        // One per criterion first, then one per group and per value-function
        // point that can change the winner.
        let n = state.scenario().criteria.len();
        let lines = fresh_sentences(&mut r, &state);
        assert!(lines.len() >= n + state.scenario().groups.len());
        let matrix = state
            .evaluation(state.view.method)
            .expect("valid")
            .matrix
            .clone();
        // The same sentences as written on the spot from the same curves.
        for (j, line) in lines.iter().take(matrix.m()).enumerate() {
            let curve = curve_for(&matrix, state.view.method, j, GRID_POINTS);
            assert_eq!(line, &describe(state.scenario(), &curve, Lang::Fr));
        }
        // A language change rewrites them from the curves already computed.
        state.view.lang = Lang::En;
        let english = r.sentences(&state).to_vec();
        assert!(r.sentences_are_fresh());
        let curve = curve_for(&matrix, state.view.method, 0, GRID_POINTS);
        assert_eq!(english[0], describe(state.scenario(), &curve, Lang::En));
    }

    #[test]
    fn sentences_follow_the_method_and_an_obsolete_computation_is_told_to_stop() {
        let mut state = AppState::with_default_scenario(Lang::En);
        let mut r = Robustness::default();
        fresh_sentences(&mut r, &state);
        let first = r.findings.stop_flag().expect("a computation was started");
        state.view.method = Method::Promethee2;
        let lines = fresh_sentences(&mut r, &state);
        assert!(
            first.load(Ordering::Relaxed),
            "the older computation's flag is set"
        );
        let eval = state.evaluation(Method::Promethee2).expect("valid");
        let curve = curve_for(&eval.matrix, Method::Promethee2, 0, GRID_POINTS);
        assert_eq!(lines[0], describe(state.scenario(), &curve, Lang::En));
    }
}
