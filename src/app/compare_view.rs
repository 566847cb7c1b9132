//! The compare view ("Compare with…"): the open scenario against another
//! file, another weight profile of the same file, or its last saved version.
//! Shows the summary sentences, both rankings with arrows for moves, the
//! scores with changed cells highlighted, every change, and the waterfall of
//! what moved the gap (design.md §4).

use super::chart_key::key_of;
use super::chart_tex::TexCache;
use super::state::{AppState, Command};
use super::view::{CentralView, ViewContext};
use super::widgets::heading;
use crate::analysis::compare::{Comparison, RankMove, compare_keys, compare_profiles};
use crate::charts::{ChartInput, ChartKind};
use crate::model::{Lang, Scenario};
use crate::report;
use crate::report::ranking::Placed;
use crate::tr;
use egui::{Color32, RichText, Ui};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// What the open scenario is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Source {
    /// Another scenario file (B); the open one is A.
    #[default]
    File,
    /// Another weight profile of the open file (B); the active one is A.
    Profile,
    /// The file as last saved (A); the open scenario is B.
    Saved,
}

/// What the compare view remembers.
#[derive(Default)]
pub struct CompareState {
    /// The chosen source.
    pub source: Source,
    /// The path typed for another file.
    pub path_text: String,
    /// The other file, once loaded.
    pub other: Option<(PathBuf, Scenario)>,
    /// The last saved version, once read.
    pub saved: Option<Scenario>,
    /// Profile id compared with the active one.
    pub profile: Option<String>,
    /// Why the last load failed.
    pub error: Option<String>,
    /// Bumped on every load, so charts re-render.
    pub generation: u64,
    browse: Option<Receiver<Option<PathBuf>>>,
}

impl CompareState {
    /// Loads `path` as the other file; errors are kept for display.
    pub fn load_other(&mut self, path: PathBuf, lang: Lang) {
        match crate::io::load(&path) {
            Ok(s) => {
                self.path_text = path.display().to_string();
                self.other = Some((path, s));
                self.error = None;
                self.generation += 1;
            }
            Err(e) => self.error = Some(e.message(lang)),
        }
    }

    /// Reads the last saved version of the open file.
    pub fn load_saved(&mut self, state: &AppState) {
        let Some(path) = state.session.path() else {
            self.saved = None;
            self.error = Some(tr!(state.view.lang, "analyse.compare.never_saved"));
            return;
        };
        match crate::io::load(path) {
            Ok(s) => {
                self.saved = Some(s);
                self.error = None;
                self.generation += 1;
            }
            Err(e) => self.error = Some(e.message(state.view.lang)),
        }
    }

    /// The scenarios A and B and their comparison under the view's method,
    /// or a message saying why there is none.
    pub fn comparison<'a>(
        &'a self,
        state: &'a AppState,
    ) -> Result<(&'a Scenario, &'a Scenario, Comparison), String> {
        let lang = state.view.lang;
        let current = state.scenario();
        let method = state.view.method;
        let failed = |e: crate::analysis::compare::CompareError| {
            tr!(lang, "analyse.compare.failed", reason = e.to_string())
        };
        match self.source {
            Source::File => {
                let (_, other) = self
                    .other
                    .as_ref()
                    .ok_or_else(|| tr!(lang, "analyse.compare.choose_file"))?;
                let c = compare_keys(current, other, method, None, None).map_err(failed)?;
                Ok((current, other, c))
            }
            Source::Saved => {
                let saved = self
                    .saved
                    .as_ref()
                    .ok_or_else(|| tr!(lang, "analyse.compare.never_saved"))?;
                let c = compare_keys(saved, current, method, None, Some(&current.active_profile))
                    .map_err(failed)?;
                Ok((saved, current, c))
            }
            Source::Profile => {
                if state.analysis().evaluations.is_none() {
                    return Err(tr!(lang, "analyse.invalid"));
                }
                let a = current
                    .active()
                    .ok_or_else(|| tr!(lang, "analyse.compare.choose_profile"))?;
                let b = self
                    .profile
                    .as_deref()
                    .and_then(|id| current.profiles.iter().find(|p| p.id == id))
                    .ok_or_else(|| tr!(lang, "analyse.compare.choose_profile"))?;
                Ok((
                    current,
                    current,
                    compare_profiles(current, a, current, b, method),
                ))
            }
        }
    }

    fn poll_browse(&mut self, ui: &Ui, lang: Lang) {
        let Some(rx) = &self.browse else { return };
        match rx.try_recv() {
            Ok(answer) => {
                self.browse = None;
                if let Some(p) = answer {
                    self.load_other(p, lang);
                }
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.browse = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    }

    fn browse(&mut self, start: Option<PathBuf>) {
        if self.browse.is_some() {
            return;
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut d = rfd::FileDialog::new().add_filter("Tradeoff", &["ron", "csv"]);
            if let Some(dir) = start {
                d = d.set_directory(dir);
            }
            let _ = tx.send(d.pick_file());
        });
        self.browse = Some(rx);
    }
}

impl CentralView for CompareState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        let (state, lang) = (ctx.state, ctx.state.view.lang);
        self.poll_browse(ui, lang);
        heading(ui, tr!(lang, "analyse.compare.heading"));
        self.source_row(ui, state);
        match self.source {
            Source::File => self.file_row(ui, state, ctx.native_dialogs),
            Source::Profile => self.profile_row(ui, state),
            Source::Saved => self.saved_row(ui, state),
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(super::widgets::PROBLEM));
        }
        ui.separator();
        match self.comparison(state) {
            Ok((a, b, c)) => self.comparison_body(ui, (a, b, &c), ctx.charts, state, ctx.out),
            Err(message) => {
                ui.label(RichText::new(message).weak());
            }
        }
    }
}

impl CompareState {
    /// The choice of what to compare with.
    fn source_row(&mut self, ui: &mut Ui, state: &AppState) {
        let lang = state.view.lang;
        let previous = self.source;
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "analyse.compare.with"));
            ui.radio_value(
                &mut self.source,
                Source::File,
                tr!(lang, "analyse.compare.file"),
            );
            ui.radio_value(
                &mut self.source,
                Source::Profile,
                tr!(lang, "analyse.compare.profile"),
            );
            if ui
                .radio_value(
                    &mut self.source,
                    Source::Saved,
                    tr!(lang, "analyse.compare.saved"),
                )
                .clicked()
            {
                self.load_saved(state);
            }
        });
        if self.source != previous {
            // A load error belongs to the source that produced it.
            self.error = None;
        }
    }

    /// The other file's path, Load, and Browse with native dialogs.
    fn file_row(&mut self, ui: &mut Ui, state: &AppState, native_dialogs: bool) {
        let lang = state.view.lang;
        ui.horizontal(|ui| {
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path_text)
                        .desired_width(420.0)
                        .hint_text("scenarios/canada-2018.ron"),
                )
                .accessible_name(tr!(lang, "analyse.compare.path"));
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let empty = self.path_text.trim().is_empty();
            let load = ui
                .add_enabled(!empty, egui::Button::new(tr!(lang, "analyse.compare.load")))
                .on_disabled_hover_text(tr!(lang, "analyse.compare.path_empty"))
                .clicked();
            if (load || enter) && empty {
                self.error = Some(tr!(lang, "analyse.compare.path_empty"));
            } else if load || enter {
                let p = PathBuf::from(self.path_text.trim());
                self.load_other(p, lang);
            }
            if native_dialogs && ui.button(tr!(lang, "analyse.compare.browse")).clicked() {
                let dir = state
                    .session
                    .path()
                    .and_then(|p| p.parent())
                    .map(PathBuf::from);
                self.browse(dir);
            }
        });
    }

    /// The profile compared with the active one.
    fn profile_row(&mut self, ui: &mut Ui, state: &AppState) {
        let (s, lang) = (state.scenario(), state.view.lang);
        ui.horizontal(|ui| {
            let label = ui.label(tr!(
                lang,
                "analyse.compare.active_vs",
                profile = s.active().map_or("", |p| p.name.get(lang))
            ));
            let current = self
                .profile
                .clone()
                .filter(|id| s.profiles.iter().any(|p| p.id == *id))
                .or_else(|| {
                    s.profiles
                        .iter()
                        .find(|p| p.id != s.active_profile)
                        .map(|p| p.id.clone())
                });
            let mut sel = current.clone().unwrap_or_default();
            egui::ComboBox::from_id_salt("compare-profile")
                .selected_text(crate::report::stakeholders::profile_name(s, &sel, lang))
                .show_ui(ui, |ui| {
                    for p in &s.profiles {
                        ui.selectable_value(&mut sel, p.id.clone(), p.name.get(lang));
                    }
                })
                .response
                .labelled_by(label.id);
            self.profile = (!sel.is_empty()).then_some(sel);
        });
    }

    /// Reload of the saved version (read at once the first time).
    fn saved_row(&mut self, ui: &mut Ui, state: &AppState) {
        let unread = self.saved.is_none() && self.error.is_none() && state.session.path().is_some();
        let reload = ui
            .add_enabled(
                state.session.path().is_some(),
                egui::Button::new(tr!(state.view.lang, "analyse.compare.reload")),
            )
            .on_disabled_hover_text(tr!(state.view.lang, "analyse.compare.never_saved"))
            .clicked();
        if reload || unread {
            self.load_saved(state);
        }
    }

    /// Summary, rankings, waterfall and group table, scores and changes of
    /// the comparison of `a` with `b`.
    fn comparison_body(
        &self,
        ui: &mut Ui,
        (a, b, c): (&Scenario, &Scenario, &Comparison),
        charts: &mut TexCache,
        state: &AppState,
        out: &mut Vec<Command>,
    ) {
        let lang = state.view.lang;
        let key = key_of(format!(
            "{}/{:?}/{:?}/{:?}/{:?}/{}",
            state.chart_key(),
            state.view.method,
            lang,
            self.source,
            self.profile,
            self.generation
        ));
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.label(RichText::new(report::compare::summary(a, b, c, lang)).size(15.0));
            ui.add_space(6.0);
            heading(ui, tr!(lang, "analyse.compare.rankings"));
            rankings(ui, a, b, c, lang);
            ui.add_space(8.0);
            waterfall_section(ui, (a, b, c), (charts, key), state, out);
            // Same file, same scores when only the profile differs.
            if self.source != Source::Profile {
                ui.add_space(8.0);
                heading(ui, tr!(lang, "analyse.compare.scores"));
                egui::ScrollArea::horizontal()
                    .id_salt("compare-scores-scroll")
                    .show(ui, |ui| scores(ui, a, b, c, lang));
            }
            ui.add_space(8.0);
            heading(ui, tr!(lang, "analyse.compare.changes"));
            let lines = report::compare::change_lines(a, b, c, lang);
            if lines.is_empty() {
                ui.label(RichText::new(tr!(lang, "analyse.compare.no_changes")).weak());
            }
            for line in lines {
                ui.label(format!("• {line}"));
            }
        });
    }
}

/// The waterfall of what moved the gap and the table by group, or why
/// there is none.
fn waterfall_section(
    ui: &mut Ui,
    (a, b, c): (&Scenario, &Scenario, &Comparison),
    (charts, key): (&mut TexCache, u64),
    state: &AppState,
    out: &mut Vec<Command>,
) {
    let lang = state.view.lang;
    let Some(e) = c.explanation() else {
        ui.label(RichText::new(tr!(lang, "analyse.compare.no_waterfall")).weak());
        return;
    };
    super::group_toggle::group_toggles(ui, state, out);
    let input = ChartInput {
        method: c.method,
        explanation: Some(e),
        other: Some(a),
        expanded: &state.view.expanded_groups,
        ..ChartInput::new(b, lang)
    };
    let width = ui.available_width().clamp(320.0, 900.0);
    let size = egui::vec2(width, (width * 0.5).clamp(280.0, 460.0));
    charts.show_fitted(ui, "waterfall", (ChartKind::Waterfall, &input), key, size);
    super::compare_groups::group_table(ui, state, (a, b), e, out);
}

/// "↑ 2", "↓ 1", "=", "new" or "out" for a move.
pub fn move_text(m: &RankMove, lang: Lang) -> (String, Color32) {
    let movement = report::compare::Movement::of(m);
    (movement.text(lang), move_colour(movement))
}

/// Green up, red down, blue for a new option, grey otherwise.
fn move_colour(movement: report::compare::Movement) -> Color32 {
    use report::compare::Movement;
    match movement {
        Movement::Up(_) => Color32::from_rgb(0, 120, 60),
        Movement::Down(_) => Color32::from_rgb(180, 40, 30),
        Movement::New => Color32::from_rgb(0, 90, 160),
        Movement::Same | Movement::Out => Color32::GRAY,
    }
}

fn rankings(ui: &mut Ui, a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) {
    let report = report::compare::RankingsReport::new(a, b, c, lang);
    egui::Grid::new("compare-ranks")
        .striped(true)
        .num_columns(4)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(tr!(lang, "analyse.compare.option")).strong());
            ui.label(RichText::new("A").strong());
            ui.label(RichText::new("B").strong());
            ui.label("");
            ui.end_row();
            for row in report.by_rank() {
                ui.label(&row.name);
                let rank = |p: Option<Placed>| p.map_or("—".to_string(), |p| p.rank.to_string());
                ui.label(RichText::new(rank(row.a)).monospace());
                ui.label(RichText::new(rank(row.b)).monospace().strong());
                ui.label(
                    RichText::new(row.movement.text(lang))
                        .color(move_colour(row.movement))
                        .strong(),
                );
                ui.end_row();
            }
        });
}

/// B's scores, cells that changed from A highlighted with the old value.
fn scores(ui: &mut Ui, a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) {
    let report = report::compare::ScoresReport::new(a, b, c, lang);
    egui::Grid::new("compare-scores")
        .striped(true)
        .num_columns(report.columns.len() + 1)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for column in &report.columns {
                let mut t = RichText::new(&column.name).strong();
                if column.added {
                    t = t.color(Color32::from_rgb(0, 90, 160));
                }
                ui.label(t);
            }
            ui.end_row();
            for row in &report.rows {
                ui.label(&row.name);
                for cell in &row.cells {
                    match cell.changed {
                        Some(change) => {
                            egui::Frame::new()
                                .fill(Color32::from_rgb(255, 236, 160))
                                .inner_margin(egui::Margin::symmetric(4, 1))
                                .corner_radius(3.0)
                                .show(ui, |ui| {
                                    ui.label(
                                        RichText::new(report.change_text(change))
                                            .monospace()
                                            .strong(),
                                    )
                                })
                                .response
                                .on_hover_text(report.was_text(change));
                        }
                        None => {
                            ui.label(RichText::new(report.value_text(cell)).monospace());
                        }
                    }
                }
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn another_profile_of_the_same_file_compares_and_moves_show_arrows() {
        let mut s = crate::session::fixture::fixture();
        let mut p = crate::model::WeightProfile::new("impact", Text::new("Impact"));
        p.weights.insert("impact".into(), 1.0);
        s.profiles.push(p);
        let state = AppState::new(s, None, Lang::En);
        let cs = CompareState {
            source: Source::Profile,
            profile: Some("impact".into()),
            ..CompareState::default()
        };
        let (_, _, c) = cs.comparison(&state).expect("comparison");
        assert!(c.winner_changed());
        let mali = c
            .moves
            .iter()
            .find(|m| m.alternative == "mali")
            .expect("mali");
        assert_eq!(mali.rank_b, Some(1));
        assert!(move_text(mali, Lang::En).0.starts_with('↑'));
    }

    #[test]
    fn the_last_saved_version_compares_with_the_edits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.ron");
        let mut state = AppState::new(crate::session::fixture::fixture(), None, Lang::En);
        state.apply(super::super::state::Command::File(
            super::super::state::FileCommand::SaveAs(Some(path)),
        ));
        state.apply(super::super::state::Command::Edit(
            crate::session::edit::Edit::SetScore {
                alternative: "mali".into(),
                criterion: "risk".into(),
                value: 2.0,
            },
        ));
        let mut cs = CompareState {
            source: Source::Saved,
            ..CompareState::default()
        };
        cs.load_saved(&state);
        let (_, _, c) = cs.comparison(&state).expect("comparison");
        assert_eq!(c.changes.scores.len(), 1);
        assert_eq!(c.changes.scores[0].from, 8.0);
        assert_eq!(c.changes.scores[0].to, 2.0);
        // Nothing saved yet: a message instead of a comparison.
        let fresh = AppState::new(crate::session::fixture::fixture(), None, Lang::En);
        let mut none = CompareState {
            source: Source::Saved,
            ..CompareState::default()
        };
        none.load_saved(&fresh);
        assert!(none.comparison(&fresh).is_err());
    }
}
