//! The package view, for scenarios whose options may be combined: the set
//! of options with the highest total weighted value within every cap, the
//! runner-up sets, what each uses of every resource, and which caps bind.

use super::state::AppState;
use super::view::{CentralView, ViewContext};
use super::widgets::heading;
use crate::analysis::package::best_packages;
use crate::report::package;
use crate::tr;
use egui::{Color32, RichText, Ui};

/// Packages listed: the best and four runner-ups.
pub const SHOWN: usize = 5;

/// The package view (it remembers nothing between frames).
pub struct PackageView;

impl CentralView for PackageView {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        package_view(ui, ctx.state);
    }
}

/// Draws the package view.
pub fn package_view(ui: &mut Ui, state: &AppState) {
    let lang = state.view.lang;
    let s = state.scenario();
    heading(ui, tr!(lang, "analyse.package.heading"));
    if !s.combinable {
        ui.label(RichText::new(tr!(lang, "analyse.package.not_combinable")).weak());
        return;
    }
    if state.analysis().evaluations.is_none() {
        ui.label(RichText::new(tr!(lang, "analyse.invalid")).color(super::widgets::PROBLEM));
        return;
    }
    let Some(profile) = s.active() else {
        return;
    };
    ui.label(
        RichText::new(tr!(
            lang,
            "analyse.package.help",
            profile = profile.name.get(lang)
        ))
        .weak(),
    );
    let result = match best_packages(s, profile, SHOWN) {
        Ok(r) => r,
        Err(e) => {
            ui.label(
                RichText::new(package::error_message(&e, lang)).color(super::widgets::PROBLEM),
            );
            return;
        }
    };
    let report = package::PackageReport::new(s, profile, &result, lang);
    if let Some(empty) = &report.empty {
        ui.label(empty);
        return;
    }
    if let Some(best) = &report.best {
        ui.label(RichText::new(best).size(15.0));
    }
    ui.add_space(6.0);
    egui::ScrollArea::both().show(ui, |ui| {
        packages_grid(ui, &report);
        ui.add_space(6.0);
        ui.label(
            RichText::new(tr!(lang, "analyse.package.legend"))
                .weak()
                .small(),
        );
    });
}

/// One row per package: its options, value and use of every resource,
/// the binding caps marked.
fn packages_grid(ui: &mut Ui, report: &package::PackageReport) {
    let lang = report.lang;
    egui::Grid::new("packages")
        .striped(true)
        .num_columns(3 + report.resources.len())
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            ui.label(RichText::new("#").strong());
            ui.label(RichText::new(tr!(lang, "analyse.package.options")).strong());
            ui.label(RichText::new(tr!(lang, "analyse.package.value")).strong());
            for r in &report.resources {
                let text = report.column_heading(r);
                super::stakeholders::narrow(ui, RichText::new(text).strong());
            }
            ui.end_row();
            for (k, p) in report.packages.iter().enumerate() {
                ui.label(RichText::new(p.rank.to_string()).monospace());
                let mut t = RichText::new(&p.options);
                if k == 0 {
                    t = t.strong();
                }
                super::stakeholders::wrapped(ui, t, 220.0);
                ui.label(RichText::new(report.value_text(p)).monospace());
                for used in &p.uses {
                    let text = report.use_cell(used);
                    if used.binds {
                        ui.label(
                            RichText::new(format!("{text} ●"))
                                .monospace()
                                .color(Color32::from_rgb(170, 70, 0)),
                        )
                        .on_hover_text(tr!(lang, "analyse.package.binds_tip"));
                    } else {
                        ui.label(RichText::new(text).monospace());
                    }
                }
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_scenario_has_a_best_package_within_caps() {
        let s = super::super::state::default_scenario();
        assert!(s.combinable);
        let profile = s.active().expect("active profile");
        let r = best_packages(&s, profile, SHOWN).expect("packages");
        let best = r.packages.first().expect("a package");
        for (res, used) in s.resources.iter().zip(&best.used) {
            assert!(*used <= res.cap + 1e-9);
        }
        let text = package::best_sentence(&s, best, crate::model::Lang::En);
        assert!(text.starts_with("Best package: "), "{text}");
    }
}
