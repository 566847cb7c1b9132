//! The value-for-money view: pick the cost (a minimised criterion or a
//! resource) and see the chart of value against cost, the table of every
//! option's cost, value and better alternatives, the plain-words summary,
//! and for combinable scenarios the best package at each budget.

use super::chart_key::key_of;
use super::chart_tex::TexCache;
use super::state::AppState;
use super::view::{CentralView, ViewContext};
use super::widgets::{PROBLEM, heading};
use crate::analysis::frontier::ValueForMoney;
use crate::analysis::frontier::{Cost, CostSource, cost_choices, default_cost, value_for_money};
use crate::charts::{ChartInput, ChartKind};
use crate::model::{Scenario, WeightProfile};
use crate::report::frontier::{FrontierReport, VfmPackages, cost_name};
use crate::tr;
use egui::{RichText, Ui};

/// The last analysis and what it was computed from, so frames that change
/// nothing do not search the packages again.
#[derive(Default)]
pub struct VfmCache {
    key: Option<(u64, Cost)>,
    result: Option<ValueForMoney>,
}

impl VfmCache {
    /// The analysis of the active profile with `cost`, recomputed only when
    /// the scenario or the cost changed.
    fn get(&mut self, state: &AppState, profile: &WeightProfile, cost: &Cost) -> &ValueForMoney {
        let key = (state.content_key(), cost.clone());
        if self.key.as_ref() != Some(&key) {
            self.result = None;
            self.key = Some(key);
        }
        self.result
            .get_or_insert_with(|| value_for_money(state.scenario(), profile, cost))
    }
}

/// The cost in use: `chosen` when it still names a cost of `scenario`,
/// else the default.
pub fn current_cost(scenario: &Scenario, chosen: Option<&str>) -> Option<Cost> {
    chosen
        .and_then(|id| cost_choices(scenario).into_iter().find(|c| c.id == id))
        .or_else(|| default_cost(scenario))
}

/// A combo box of every cost: minimised criteria, then resources.
pub fn cost_picker(ui: &mut Ui, id: &str, state: &AppState, chosen: &mut Option<String>) {
    let lang = state.view.lang;
    let s = state.scenario();
    let current = current_cost(s, chosen.as_deref());
    let label = |c: &Cost| {
        let kind = match c.source {
            CostSource::Criterion => tr!(lang, "vfm.gui.kind_criterion"),
            CostSource::Resource => tr!(lang, "vfm.gui.kind_resource"),
        };
        format!("{} ({kind})", cost_name(s, c, lang))
    };
    ui.label(tr!(lang, "vfm.gui.cost"));
    egui::ComboBox::from_id_salt(id)
        .selected_text(current.as_ref().map_or_else(String::new, label))
        .show_ui(ui, |ui| {
            for c in cost_choices(s) {
                if ui
                    .selectable_label(current.as_ref() == Some(&c), label(&c))
                    .clicked()
                {
                    *chosen = Some(c.id.clone());
                }
            }
        });
}

/// The value-for-money view for one frame: the cost picked (shared with the
/// Charts tab and presentation mode) and the last analysis.
pub struct VfmView<'a> {
    /// The picked cost id.
    pub chosen: &'a mut Option<String>,
    /// The last analysis.
    pub cache: &'a mut VfmCache,
}

impl CentralView for VfmView<'_> {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        vfm_view(ui, ctx.state, self.chosen, self.cache, ctx.charts);
    }
}

/// Draws the view. `chosen` is the picked cost id, shared with the Charts
/// tab and presentation mode.
pub fn vfm_view(
    ui: &mut Ui,
    state: &AppState,
    chosen: &mut Option<String>,
    cache: &mut VfmCache,
    charts: &mut TexCache,
) {
    let lang = state.view.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "vfm.chart.title"));
    if state.analysis().evaluations.is_none() {
        ui.label(RichText::new(tr!(lang, "analyse.invalid")).color(PROBLEM));
        return;
    }
    let Some(profile) = s.active() else {
        return;
    };
    ui.horizontal_wrapped(|ui| cost_picker(ui, "vfm-cost", state, chosen));
    let Some(cost) = current_cost(s, chosen.as_deref()) else {
        ui.label(tr!(lang, "vfm.error.no_cost"));
        return;
    };
    // The value left after taking the cost out: the other criteria for a
    // cost criterion, every criterion for a resource (as packages count it).
    let help = match cost.source {
        CostSource::Criterion => tr!(lang, "vfm.gui.help", profile = profile.name.get(lang)),
        CostSource::Resource => {
            tr!(
                lang,
                "vfm.gui.help_resource",
                profile = profile.name.get(lang)
            )
        }
    };
    ui.label(RichText::new(help).weak());
    let vfm = cache.get(state, profile, &cost);
    let report = FrontierReport::new(s, profile, vfm, lang);
    egui::ScrollArea::vertical()
        .id_salt("vfm-scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            for line in &report.summary {
                ui.label(RichText::new(line).size(15.0));
            }
            ui.add_space(6.0);
            let width = ui.available_width().clamp(320.0, 1100.0);
            let size = egui::vec2(width, (width * 0.62).clamp(340.0, 600.0));
            let input = ChartInput {
                criterion: Some(&cost.id),
                ..ChartInput::new(s, lang)
            };
            let key = key_of((state.content_key(), &cost.id, lang.code()));
            charts.show_fitted(
                ui,
                "value-for-money",
                (ChartKind::Frontier, &input),
                key,
                size,
            );
            ui.add_space(8.0);
            options_table(ui, &report);
            if let Ok(p) = &report.packages {
                ui.add_space(8.0);
                ui.separator();
                ui.label(RichText::new(&p.heading).strong());
                packages_table(ui, &report, p);
            }
        });
}

/// The best package at each budget: from which budget, its options, its value.
fn packages_table(ui: &mut Ui, report: &FrontierReport, packages: &VfmPackages) {
    let lang = report.lang;
    egui::Grid::new("vfm-packages")
        .striped(true)
        .num_columns(3)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(tr!(lang, "vfm.gui.from_budget")).strong());
            ui.label(RichText::new(tr!(lang, "analyse.package.options")).strong());
            ui.label(RichText::new(tr!(lang, "vfm.column.value")).strong());
            ui.end_row();
            for step in &packages.steps {
                ui.label(RichText::new(&step.cost).monospace());
                let mut names = RichText::new(report.step_options_marked(step));
                if step.at_cap {
                    names = names.strong();
                }
                super::stakeholders::wrapped(ui, names, 360.0);
                ui.label(RichText::new(report.step_value_text(step)).monospace());
                ui.end_row();
            }
        });
}

/// Every feasible option: cost, value, on the frontier or what beats it.
fn options_table(ui: &mut Ui, report: &FrontierReport) {
    let lang = report.lang;
    // The last column wraps in what the first three leave of the view.
    let verdict_width = (ui.available_width() - 480.0).max(180.0);
    egui::Grid::new("vfm-options")
        .striped(true)
        .num_columns(4)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(tr!(lang, "vfm.column.option")).strong());
            ui.label(RichText::new(tr!(lang, "vfm.column.cost")).strong());
            ui.label(RichText::new(tr!(lang, "vfm.column.value")).strong());
            ui.label(RichText::new(tr!(lang, "vfm.gui.verdict")).strong());
            ui.end_row();
            for o in &report.options {
                ui.label(if o.efficient {
                    RichText::new(&o.name).strong()
                } else {
                    RichText::new(&o.name)
                });
                ui.label(RichText::new(&o.cost).monospace());
                ui.label(RichText::new(report.value_text(o.value)).monospace());
                super::stakeholders::wrapped(ui, RichText::new(&o.verdict), verdict_width);
                ui.end_row();
            }
        });
}
