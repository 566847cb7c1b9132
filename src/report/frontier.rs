//! Plain words for dominance and value for money, composed once per
//! language for the command line, the window, the charts and the briefing
//! ("Mali costs 300 CAD M for a value of 0.52; DR Congo gives more value
//! (0.58) for 160 CAD M").

use crate::analysis::exclusions;
use crate::analysis::frontier::{
    Cost, CostSource, NoPackages, OptionPoint, PackageStep, ValueForMoney,
};
use crate::analysis::package::MAX_OPTIONS;
use crate::i18n::{num, value};
use crate::model::{Lang, Scenario, WeightProfile};
use crate::report::exclusions::{ExcludedRow, excluded_rows};
use crate::tr;
use std::fmt::Write;

/// Decimals of values in sentences and labels.
pub const VALUE_DECIMALS: usize = 2;

/// The cost's display name.
pub fn cost_name(scenario: &Scenario, cost: &Cost, lang: Lang) -> String {
    match cost.source {
        CostSource::Criterion => scenario.criterion_name(&cost.id, lang),
        CostSource::Resource => scenario
            .resources
            .iter()
            .find(|r| r.id == cost.id)
            .map_or_else(|| cost.id.clone(), |r| r.name.get(lang).to_string()),
    }
}

/// The cost's unit in `lang` ("CAD M"; empty when none).
pub fn cost_unit(scenario: &Scenario, cost: &Cost, lang: Lang) -> String {
    match cost.source {
        CostSource::Criterion => scenario
            .criterion(&cost.id)
            .map_or_else(String::new, |c| c.unit.get(lang).to_string()),
        CostSource::Resource => scenario
            .resources
            .iter()
            .find(|r| r.id == cost.id)
            .map_or_else(String::new, |r| r.unit.get(lang).to_string()),
    }
}

/// An amount of the cost with its unit ("300 CAD M", "300" without a unit).
pub fn amount(scenario: &Scenario, cost: &Cost, x: f64, lang: Lang) -> String {
    let unit = cost_unit(scenario, cost, lang);
    let n = value(x, 2, lang);
    if unit.is_empty() {
        n
    } else {
        format!("{n}\u{a0}{unit}")
    }
}

/// A value as shown everywhere ("0.58", "0,58").
pub fn value_text(x: f64, lang: Lang) -> String {
    num(x, VALUE_DECIMALS, lang)
}

/// The sentence on one option: what beats it, or that it is on the frontier.
pub fn option_sentence(
    scenario: &Scenario,
    vfm: &ValueForMoney,
    point: &OptionPoint,
    lang: Lang,
) -> String {
    let name = |id: &str| scenario.alternative_name(id, lang);
    let cost = &vfm.cost;
    if point.efficient {
        return tr!(
            lang,
            "vfm.sentence.efficient",
            option = name(&point.alternative),
            cost = amount(scenario, cost, point.cost, lang),
            value = value_text(point.value, lang)
        );
    }
    let find = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| vfm.options.iter().find(|o| o.alternative == id))
    };
    let mut parts = Vec::new();
    let cheaper = find(&point.cheaper);
    let better = find(&point.better);
    if let Some(c) = cheaper {
        let key = if c.value > point.value {
            "vfm.sentence.more_for"
        } else {
            "vfm.sentence.same_for"
        };
        parts.push(tr!(
            lang,
            key,
            option = name(&c.alternative),
            value = value_text(c.value, lang),
            cost = amount(scenario, cost, c.cost, lang)
        ));
    }
    if let Some(b) = better.filter(|b| Some(b.alternative.as_str()) != point.cheaper.as_deref()) {
        parts.push(tr!(
            lang,
            "vfm.sentence.more_for",
            option = name(&b.alternative),
            value = value_text(b.value, lang),
            cost = amount(scenario, cost, b.cost, lang)
        ));
    }
    tr!(
        lang,
        "vfm.sentence.inefficient",
        option = name(&point.alternative),
        cost = amount(scenario, cost, point.cost, lang),
        value = value_text(point.value, lang),
        alternatives = parts.join(&tr!(lang, "vfm.sentence.or"))
    )
}

/// The plain-words summary: one sentence per option off the frontier, or
/// one saying every option is on it, then the frontier in order of cost.
pub fn summary(scenario: &Scenario, vfm: &ValueForMoney, lang: Lang) -> Vec<String> {
    if vfm.options.is_empty() {
        return vec![tr!(lang, "vfm.sentence.no_options")];
    }
    let mut lines: Vec<String> = vfm
        .options
        .iter()
        .filter(|o| !o.efficient)
        .map(|o| option_sentence(scenario, vfm, o, lang))
        .collect();
    if lines.is_empty() {
        lines.push(tr!(lang, "vfm.sentence.all_efficient"));
    }
    let frontier: Vec<String> = vfm
        .frontier
        .iter()
        .map(|&k| {
            let o = &vfm.options[k];
            format!(
                "{} ({}, {})",
                scenario.alternative_name(&o.alternative, lang),
                amount(scenario, &vfm.cost, o.cost, lang),
                value_text(o.value, lang)
            )
        })
        .collect();
    lines.push(tr!(
        lang,
        "vfm.sentence.frontier",
        options = frontier.join(" → ")
    ));
    lines
}

/// The options of a package step ("DR Congo + South Sudan", or "nothing").
pub fn step_options(scenario: &Scenario, step: &PackageStep, lang: Lang) -> String {
    if step.options.is_empty() {
        return tr!(lang, "vfm.package.nothing");
    }
    step.options
        .iter()
        .map(|id| scenario.alternative_name(id, lang))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// One sentence on dominance for the briefing: which options are dominated
/// and by which, or that none is. `dominated` pairs each option id with
/// the ids that dominate it (analysis::dominance).
pub fn dominance_sentence(
    scenario: &Scenario,
    dominated: &[(String, Vec<String>)],
    lang: Lang,
) -> String {
    let parts: Vec<String> = dominated
        .iter()
        .filter(|(_, by)| !by.is_empty())
        .map(|(id, by)| {
            tr!(
                lang,
                "vfm.dominance.part",
                option = scenario.alternative_name(id, lang),
                by = dominators_text(scenario, by, lang)
            )
        })
        .collect();
    if parts.is_empty() {
        tr!(lang, "vfm.dominance.none")
    } else {
        tr!(lang, "vfm.dominance.some", parts = parts.join("; "))
    }
}

/// The names of an option's dominators ("DR Congo, South Sudan").
pub fn dominators_text(scenario: &Scenario, by: &[String], lang: Lang) -> String {
    by.iter()
        .map(|id| scenario.alternative_name(id, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "0.58 · dominated by DR Congo": a ranking bar's end label for a
/// dominated option (`score`: the score as the chart shows it).
pub fn dominated_label(scenario: &Scenario, score: &str, by: &[String], lang: Lang) -> String {
    tr!(
        lang,
        "vfm.chart.dominated_label",
        score = score,
        by = dominators_text(scenario, by, lang)
    )
}

/// "Cap 450 CAD M: DR Congo + Mali (1.12)": what the cap buys, the label of
/// the last step of the package frontier on the chart.
pub fn cap_buys(
    scenario: &Scenario,
    cost: &Cost,
    cap: f64,
    step: &PackageStep,
    lang: Lang,
) -> String {
    tr!(
        lang,
        "vfm.chart.cap_buys",
        cap = amount(scenario, cost, cap, lang),
        options = step_options(scenario, step, lang),
        value = num(step.value, 2, lang)
    )
}

/// An option's verdict in the value-for-money table: efficient, or which
/// efficient options beat it (cheaper for as much value, more value for as
/// little).
pub fn verdict(scenario: &Scenario, option: &OptionPoint, lang: Lang) -> String {
    if option.efficient {
        return tr!(lang, "vfm.cli.efficient");
    }
    let mut beaten_by: Vec<String> = [&option.cheaper, &option.better]
        .into_iter()
        .flatten()
        .map(|id| scenario.alternative_name(id, lang))
        .collect();
    beaten_by.dedup();
    tr!(lang, "vfm.gui.beaten_by", options = beaten_by.join(", "))
}

/// One feasible option on the cost–value plane, worded.
#[derive(Debug, Clone, PartialEq)]
pub struct VfmOptionRow {
    /// Alternative id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// On the efficient frontier.
    pub efficient: bool,
    /// Its cost with the unit ("300 CAD M").
    pub cost: String,
    /// Its value.
    pub value: f64,
    /// Efficient, or which efficient options beat it.
    pub verdict: String,
}

/// One step of the package frontier, worded.
#[derive(Debug, Clone, PartialEq)]
pub struct VfmStep {
    /// What it costs, with the unit: the budget from which it is the best.
    pub cost: String,
    /// "DR Congo + South Sudan", or "nothing".
    pub options: String,
    /// Sum of the options' values.
    pub value: f64,
    /// The last step: what the cap buys.
    pub at_cap: bool,
}

/// The best package at each budget, worded.
#[derive(Debug, Clone, PartialEq)]
pub struct VfmPackages {
    /// "Best package at each budget, up to the cap of 450 CAD M:".
    pub heading: String,
    /// Steps in increasing cost.
    pub steps: Vec<VfmStep>,
}

/// Value for money in one language: what `frontier` prints and the
/// value-for-money view lays out.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierReport {
    /// The language of every name and sentence in it.
    pub lang: Lang,
    /// "Value for money: cost …, profile …".
    pub heading: String,
    /// One sentence per option off the frontier (or that all are on it),
    /// then the frontier in order of cost.
    pub summary: Vec<String>,
    /// Every feasible option, in scenario order.
    pub options: Vec<VfmOptionRow>,
    /// The package frontier; when there is none, why, if it is worth saying.
    pub packages: Result<VfmPackages, Option<String>>,
    /// Options excluded under the profile, with their reasons.
    pub excluded: Vec<ExcludedRow>,
}

impl FrontierReport {
    /// The report of a value-for-money analysis under `profile`.
    pub fn new(
        scenario: &Scenario,
        profile: &WeightProfile,
        vfm: &ValueForMoney,
        lang: Lang,
    ) -> Self {
        let cost = &vfm.cost;
        FrontierReport {
            lang,
            heading: tr!(
                lang,
                "vfm.cli.heading",
                cost = cost_name(scenario, cost, lang),
                profile = profile.name.get(lang)
            ),
            summary: summary(scenario, vfm, lang),
            options: vfm
                .options
                .iter()
                .map(|o| VfmOptionRow {
                    id: o.alternative.clone(),
                    name: scenario.alternative_name(&o.alternative, lang),
                    efficient: o.efficient,
                    cost: amount(scenario, cost, o.cost, lang),
                    value: o.value,
                    verdict: verdict(scenario, o, lang),
                })
                .collect(),
            packages: packages(scenario, vfm, lang),
            excluded: excluded_rows(scenario, &exclusions(scenario, Some(profile)), lang),
        }
    }

    /// A value as the table shows it ("0.58").
    pub fn value_text(&self, x: f64) -> String {
        value_text(x, self.lang)
    }

    /// A package step's value ("0.583").
    pub fn step_value_text(&self, step: &VfmStep) -> String {
        num(step.value, 3, self.lang)
    }

    /// A step's options, "(at the cap)" after those of the last step.
    pub fn step_options_marked(&self, step: &VfmStep) -> String {
        if step.at_cap {
            format!("{} {}", step.options, tr!(self.lang, "vfm.cli.at_cap"))
        } else {
            step.options.clone()
        }
    }
}

/// The package frontier worded, or why there is none when it is worth saying.
fn packages(
    scenario: &Scenario,
    vfm: &ValueForMoney,
    lang: Lang,
) -> Result<VfmPackages, Option<String>> {
    let cost = &vfm.cost;
    match &vfm.packages {
        Ok(p) => Ok(VfmPackages {
            heading: tr!(
                lang,
                "vfm.cli.packages",
                cap = amount(scenario, cost, p.cap, lang)
            ),
            steps: p
                .steps
                .iter()
                .enumerate()
                .map(|(k, step)| VfmStep {
                    cost: amount(scenario, cost, step.cost, lang),
                    options: step_options(scenario, step, lang),
                    value: step.value,
                    at_cap: k + 1 == p.steps.len(),
                })
                .collect(),
        }),
        Err(NoPackages::TooManyOptions(n)) => Err(Some(tr!(
            lang,
            "package.too_many",
            options = n,
            max = MAX_OPTIONS
        ))),
        Err(_) => Err(None),
    }
}

/// The readable report printed by `frontier`.
pub fn frontier_text(
    scenario: &Scenario,
    profile: &WeightProfile,
    vfm: &ValueForMoney,
    lang: Lang,
) -> String {
    let report = FrontierReport::new(scenario, profile, vfm, lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(out, "{}", report.heading);
    out.push_str(&options_lines(&report));
    let _ = writeln!(out);
    for line in &report.summary {
        let _ = writeln!(out, "{line}");
    }
    match &report.packages {
        Ok(p) => out.push_str(&package_lines(&report, p)),
        Err(Some(why)) => {
            let _ = writeln!(out, "{why}");
        }
        Err(None) => {}
    }
    for x in &report.excluded {
        let _ = writeln!(out, "{} — {}", x.name, x.because(lang));
    }
    out
}

/// The aligned table of options: name, cost, value, and "efficient".
fn options_lines(report: &FrontierReport) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let width = report
        .options
        .iter()
        .map(|o| o.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let _ = writeln!(
        out,
        "  {:<width$}  {:>12}  {:>6}",
        tr!(lang, "vfm.column.option"),
        tr!(lang, "vfm.column.cost"),
        tr!(lang, "vfm.column.value"),
    );
    for o in &report.options {
        let flag = if o.efficient { o.verdict.as_str() } else { "" };
        let value = num(o.value, 2, lang);
        let line = format!("  {:<width$}  {:>12}  {value:>6}  {flag}", o.name, o.cost);
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// The best package at each budget, one line per step.
fn package_lines(report: &FrontierReport, packages: &VfmPackages) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", packages.heading);
    for step in &packages.steps {
        let mark = if step.at_cap {
            tr!(lang, "vfm.cli.at_cap")
        } else {
            String::new()
        };
        let line = tr!(
            lang,
            "vfm.cli.step",
            cost = step.cost.clone(),
            options = step.options.clone(),
            value = report.step_value_text(step),
            mark = mark
        );
        let _ = writeln!(out, "  {}", line.trim_end());
    }
    out
}
