//! The Analysis view: the scenario's title and scores table, then the
//! results area: method selector, the ranking and contributions charts, and
//! a table of every option's rank and score under all three methods.

use super::chart_tex::TexCache;
use super::state::{AppState, Command, ViewCommand};
use super::view::{CentralView, ViewContext};
use super::widgets::{PROBLEM, display_text, heading};
use crate::analysis::Method;
use crate::charts::listing::MAX_LISTED;
use crate::model::{Lang, ProblemKind, Severity};
use crate::report::ranking::RankingReport;
use crate::tr;
use egui::{RichText, Ui};

/// The method's display name.
pub fn method_label(method: Method, lang: Lang) -> String {
    match method {
        Method::Wsm => tr!(lang, "gui.method.wsm"),
        Method::Topsis => tr!(lang, "gui.method.topsis"),
        Method::Promethee2 => tr!(lang, "gui.method.promethee2"),
    }
}

/// The method's tooltip; when the scenario has value functions, it also
/// says whether the method uses them (only wsm does).
fn method_tip(method: Method, lang: Lang, value_functions: bool) -> String {
    let tip = match method {
        Method::Wsm => tr!(lang, "gui.method.wsm_tip"),
        Method::Topsis => tr!(lang, "gui.method.topsis_tip"),
        Method::Promethee2 => tr!(lang, "gui.method.promethee2_tip"),
    };
    if !value_functions {
        return tip;
    }
    let note = match method {
        Method::Wsm => tr!(lang, "gui.method.wsm_value_functions"),
        Method::Topsis | Method::Promethee2 => tr!(lang, "gui.method.raw_values"),
    };
    format!("{tip}\n{note}")
}

/// The sentence naming the top option under the chosen method.
pub fn top_line(state: &AppState) -> String {
    crate::report::ranking::top_option(
        state.scenario(),
        state.evaluation(state.view.method),
        &method_label(state.view.method, state.view.lang),
        state.view.lang,
    )
}

/// The Analysis view (it remembers nothing between frames).
pub struct AnalysisView;

impl CentralView for AnalysisView {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        egui::ScrollArea::vertical()
            .id_salt("analysis-scroll")
            .auto_shrink(false)
            .show(ui, |ui| {
                let state = ctx.state;
                ui.label(
                    display_text(&state.scenario().title, state.view.lang)
                        .size(18.0)
                        .strong(),
                );
                ui.add_space(4.0);
                super::table::scores_table(ui, state, ctx.out);
                ui.add_space(8.0);
                ui.separator();
                results_area(ui, state, ctx.charts, ctx.out);
            });
    }
}

/// Draws the results area.
pub fn results_area(ui: &mut Ui, state: &AppState, charts: &mut TexCache, out: &mut Vec<Command>) {
    let value_functions = state
        .scenario()
        .criteria
        .iter()
        .any(|c| c.value_function.is_some());
    method_row(ui, state, value_functions, out);
    if !problem_lines(ui, state) {
        return;
    }
    ui.label(RichText::new(top_line(state)).size(16.0).strong());
    let rows = state.scenario().alternatives.len().min(MAX_LISTED + 1);
    let table_height = 30.0 + 22.0 * rows as f32;
    let chart_height = (ui.available_height() - table_height - 16.0).max(160.0);
    super::group_toggle::group_toggles(ui, state, out);
    super::charts_view::show_result_charts(ui, state, charts, chart_height);
    ui.add_space(6.0);
    results_table(ui, state);
}

/// The heading and the method buttons, and under them the note that only
/// the weighted sum reads value functions.
fn method_row(ui: &mut Ui, state: &AppState, value_functions: bool, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    ui.horizontal(|ui| {
        heading(ui, tr!(lang, "gui.results"));
        ui.add_space(16.0);
        ui.label(tr!(lang, "gui.method"));
        for m in Method::ALL {
            if ui
                .selectable_label(state.view.method == m, method_label(m, lang))
                .on_hover_text(method_tip(m, lang, value_functions))
                .clicked()
            {
                out.push(Command::View(ViewCommand::SetMethod(m)));
            }
        }
    });
    // Below the buttons, wrapping: the method row has no room to spare.
    if value_functions && state.view.method != Method::Wsm {
        ui.add(egui::Label::new(RichText::new(tr!(lang, "gui.method.raw_values")).weak()).wrap());
    }
}

/// The validation errors that stop the analysis (then false: nothing else
/// to show), else the warnings worth a line.
fn problem_lines(ui: &mut Ui, state: &AppState) -> bool {
    let lang = state.view.lang;
    let problems = &state.analysis().problems;
    if state.analysis().evaluations.is_none() {
        ui.label(
            RichText::new(tr!(lang, "gui.fix_problems"))
                .color(PROBLEM)
                .strong(),
        );
        for p in problems.iter().filter(|p| p.severity() == Severity::Error) {
            ui.label(
                RichText::new(format!(
                    "• {} — {}",
                    crate::i18n::location_label(state.scenario(), &p.location, lang),
                    crate::i18n::problem_message(state.scenario(), p, lang)
                ))
                .color(PROBLEM),
            );
        }
        return false;
    }
    // Cells not yet scored are marked in the table and their options listed
    // as excluded below, so they get no line each here.
    for p in problems.iter().filter(|p| {
        p.severity() == Severity::Warning && !matches!(p.kind, ProblemKind::MissingScore { .. })
    }) {
        ui.label(
            RichText::new(format!(
                "⚠ {}",
                crate::i18n::problem_message(state.scenario(), p, lang)
            ))
            .weak(),
        );
    }
    true
}

fn results_table(ui: &mut Ui, state: &AppState) {
    let lang = state.view.lang;
    let s = state.scenario();
    let value_functions = s.criteria.iter().any(|c| c.value_function.is_some());
    let Some(main) = state.evaluation(state.view.method) else {
        return;
    };
    let report = ranking_report(ui, state, main);
    // Rows outside the view are skipped (egui_extras uses the enclosing
    // scroll area's clip), so a long ranking stays cheap to draw.
    egui_extras::TableBuilder::new(ui)
        .id_salt("results-table")
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(egui_extras::Column::auto().at_least(160.0))
        .columns(
            egui_extras::Column::auto().at_least(90.0),
            report.methods.len(),
        )
        .column(egui_extras::Column::remainder().at_least(120.0))
        .header(22.0, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new(tr!(lang, "gui.option")).strong());
            });
            for &m in &report.methods {
                header.col(|ui| {
                    let text = RichText::new(method_label(m, lang)).strong();
                    let text = if m == state.view.method {
                        text.underline()
                    } else {
                        text
                    };
                    ui.label(text)
                        .on_hover_text(method_tip(m, lang, value_functions));
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(22.0, report.rows.len(), |mut row| {
                let Some(r) = report.rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    let name = s
                        .alternative(&r.id)
                        .map_or_else(|| RichText::new(&r.name), |a| display_text(&a.name, lang));
                    ui.label(name);
                });
                for placed in &r.by_method {
                    let cell = placed
                        .as_ref()
                        .map_or_else(String::new, |x| report.rank_score_text(x));
                    row.col(|ui| {
                        ui.label(RichText::new(cell).monospace());
                    });
                }
                // A dominated option says by which option (analysis::dominance).
                row.col(|ui| {
                    if let Some(sentence) = report.dominated_sentence(r) {
                        ui.add(egui::Label::new(RichText::new(sentence).italics()).truncate())
                            .on_hover_text(tr!(lang, "vfm.gui.dominated_tip"));
                    }
                });
            });
        });
    excluded_lines(ui, &report);
}

/// The ranking report of the revision, method and language shown: built
/// once and kept in egui's memory (one slot, replaced when any of them
/// changes), so a long ranking costs nothing per frame.
fn ranking_report(
    ui: &Ui,
    state: &AppState,
    main: &crate::analysis::Evaluation,
) -> std::sync::Arc<RankingReport> {
    type Cached = (u64, Method, Lang, std::sync::Arc<RankingReport>);
    let lang = state.view.lang;
    let slot = egui::Id::unique("results-report");
    let cached: Option<Cached> = ui.ctx().data(|d| d.get_temp(slot));
    match cached {
        Some((key, method, l, report))
            if key == state.content_key() && method == state.view.method && l == lang =>
        {
            report
        }
        _ => {
            let others: Vec<&crate::analysis::Evaluation> = Method::ALL
                .iter()
                .filter_map(|m| state.evaluation(*m))
                .collect();
            let dominated = &state.analysis().dominated;
            let report = std::sync::Arc::new(RankingReport::new(
                state.scenario(),
                main,
                &others,
                dominated,
                lang,
            ));
            let entry: Cached = (state.content_key(), state.view.method, lang, report.clone());
            ui.ctx().data_mut(|d| d.insert_temp(slot, entry));
            report
        }
    }
}

/// The excluded options below the table, each with every reason, wrapped:
/// a long reason would otherwise widen a column and push the other methods
/// out of view.
fn excluded_lines(ui: &mut Ui, report: &RankingReport) {
    for x in &report.excluded {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&x.name).weak().strikethrough());
            ui.label(RichText::new(x.sentence(report.lang)).weak().italics());
        });
    }
}
