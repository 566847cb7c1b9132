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

/// The readable report printed by `frontier`.
pub fn frontier_text(
    scenario: &Scenario,
    profile: &WeightProfile,
    vfm: &ValueForMoney,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let cost = &vfm.cost;
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "vfm.cli.heading",
            cost = cost_name(scenario, cost, lang),
            profile = profile.name.get(lang)
        )
    );
    let width = vfm
        .options
        .iter()
        .map(|o| {
            scenario
                .alternative_name(&o.alternative, lang)
                .chars()
                .count()
        })
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
    for o in &vfm.options {
        let flag = if o.efficient {
            tr!(lang, "vfm.cli.efficient")
        } else {
            String::new()
        };
        let line = format!(
            "  {:<width$}  {:>12}  {:>6}  {flag}",
            scenario.alternative_name(&o.alternative, lang),
            amount(scenario, cost, o.cost, lang),
            num(o.value, 2, lang),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(out);
    for line in summary(scenario, vfm, lang) {
        let _ = writeln!(out, "{line}");
    }
    match &vfm.packages {
        Ok(p) => {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "vfm.cli.packages",
                    cap = amount(scenario, cost, p.cap, lang)
                )
            );
            for (k, s) in p.steps.iter().enumerate() {
                let mark = if k + 1 == p.steps.len() {
                    tr!(lang, "vfm.cli.at_cap")
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "  {}",
                    tr!(
                        lang,
                        "vfm.cli.step",
                        cost = amount(scenario, cost, s.cost, lang),
                        options = step_options(scenario, s, lang),
                        value = num(s.value, 3, lang),
                        mark = mark
                    )
                    .trim_end()
                );
            }
        }
        Err(NoPackages::TooManyOptions(n)) => {
            let _ = writeln!(
                out,
                "{}",
                tr!(lang, "package.too_many", options = n, max = MAX_OPTIONS)
            );
        }
        Err(_) => {}
    }
    for x in exclusions(scenario, Some(profile)) {
        let _ = writeln!(
            out,
            "{} — {}",
            scenario.alternative_name(&x.alternative, lang),
            crate::report::exclusions::excluded_because(scenario, &x, lang)
        );
    }
    out
}
