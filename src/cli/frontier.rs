//! `tradeoff frontier`: value for money — each feasible option's cost and
//! value, the efficient frontier, what beats each option off it, and for
//! combinable scenarios the best package at every budget up to the cap.
//! The JSON document is the typed [`FrontierJson`].

use super::rank::load_valid;
use crate::analysis::frontier::{
    Cost, CostSource, FrontierError, MAX_OPTIONS, NoPackages, ValueForMoney, resolve_cost,
    value_for_money,
};
use crate::analysis::{exclusions, select_profile};
use crate::i18n::num;
use crate::model::{Lang, Scenario, WeightProfile};
use crate::report::exclusions::reason_message;
use crate::report::frontier::{amount, cost_name, cost_unit, step_options, summary};
use crate::tr;
use clap::Args;
use serde::Serialize;
use std::fmt::Write;
use std::path::PathBuf;

/// Arguments of `frontier`.
#[derive(Debug, Args)]
pub struct FrontierArgs {
    /// Scenario (.ron) or decision matrix (.csv).
    pub file: PathBuf,
    /// The cost: a minimised criterion's id or a resource's id.
    #[arg(long)]
    pub cost: String,
    /// Weight profile (id or name); default: the active profile.
    #[arg(long)]
    pub profile: Option<String>,
    /// Method of the value; value for money is defined for wsm only.
    #[arg(long, default_value = "wsm", value_parser = ["wsm"])]
    pub method: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The `frontier --json` document.
#[derive(Debug, Serialize)]
pub struct FrontierJson {
    /// Always "wsm".
    pub method: &'static str,
    /// Id of the weight profile used.
    pub profile: String,
    /// The cost axis.
    pub cost: CostJson,
    /// Every feasible option, in scenario order.
    pub options: Vec<OptionJson>,
    /// Ids of the efficient options in increasing cost.
    pub frontier: Vec<String>,
    /// The package frontier (null when options cannot be combined, the
    /// cost is a criterion, or there are too many options).
    pub packages: Option<PackagesJson>,
    /// Why `packages` is null: "not_combinable", "cost_is_criterion" or
    /// "too_many_options"; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packages_unavailable: Option<&'static str>,
    /// The plain-words summary, one sentence per line.
    pub summary: Vec<String>,
    /// Options excluded before the analysis, with every reason.
    pub excluded: Vec<ExcludedJson>,
}

/// The cost axis in JSON.
#[derive(Debug, Serialize)]
pub struct CostJson {
    /// Criterion or resource id.
    pub id: String,
    /// Display name (English).
    pub name: String,
    /// "criterion" or "resource".
    pub kind: CostSource,
    /// Unit (may be empty).
    pub unit: String,
    /// The resource's cap; absent for a criterion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
}

/// An option named by id and English display name.
#[derive(Debug, Serialize)]
pub struct NamedJson {
    /// Alternative id.
    pub id: String,
    /// Display name (English).
    pub alternative: String,
}

/// One feasible option.
#[derive(Debug, Serialize)]
pub struct OptionJson {
    /// Alternative id.
    pub id: String,
    /// Display name (English).
    pub alternative: String,
    /// Its cost.
    pub cost: f64,
    /// Its value (wsm over the other criteria, weights renormalised).
    pub value: f64,
    /// On the efficient frontier.
    pub efficient: bool,
    /// Inefficient options: the cheapest efficient option with at least this value.
    pub cheaper: Option<NamedJson>,
    /// Inefficient options: the efficient option with the most value for at most this cost.
    pub better: Option<NamedJson>,
}

/// The package frontier.
#[derive(Debug, Serialize)]
pub struct PackagesJson {
    /// The cost resource's cap.
    pub cap: f64,
    /// The best package at each budget level: a step holds from its cost up
    /// to the next step's cost (the last up to the cap).
    pub steps: Vec<StepJson>,
}

/// One step of the package frontier.
#[derive(Debug, Serialize)]
pub struct StepJson {
    /// Alternative ids, in scenario order.
    pub ids: Vec<String>,
    /// Display names (English).
    pub options: Vec<String>,
    /// Total cost.
    pub cost: f64,
    /// Total value.
    pub value: f64,
    /// True for the package the current cap buys (the last step).
    pub at_cap: bool,
}

/// An excluded option.
#[derive(Debug, Serialize)]
pub struct ExcludedJson {
    /// Alternative id.
    pub id: String,
    /// Display name (English).
    pub alternative: String,
    /// Every reason, in the output language.
    pub reasons: Vec<String>,
}

/// Builds the `frontier --json` document.
pub fn frontier_json(
    scenario: &Scenario,
    profile: &WeightProfile,
    vfm: &ValueForMoney,
    lang: Lang,
) -> FrontierJson {
    let named = |id: &Option<String>| {
        id.as_ref().map(|id| NamedJson {
            id: id.clone(),
            alternative: scenario.alternative_name(id, Lang::En),
        })
    };
    let cap = match vfm.cost.source {
        CostSource::Criterion => None,
        CostSource::Resource => scenario
            .resources
            .iter()
            .find(|r| r.id == vfm.cost.id)
            .map(|r| r.cap),
    };
    let (packages, packages_unavailable) = match &vfm.packages {
        Ok(p) => (
            Some(PackagesJson {
                cap: p.cap,
                steps: p
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(k, s)| StepJson {
                        ids: s.options.clone(),
                        options: s
                            .options
                            .iter()
                            .map(|id| scenario.alternative_name(id, Lang::En))
                            .collect(),
                        cost: s.cost,
                        value: s.value,
                        at_cap: k + 1 == p.steps.len(),
                    })
                    .collect(),
            }),
            None,
        ),
        Err(NoPackages::NotCombinable) => (None, Some("not_combinable")),
        Err(NoPackages::CostIsCriterion) => (None, Some("cost_is_criterion")),
        Err(NoPackages::TooManyOptions(_)) => (None, Some("too_many_options")),
    };
    FrontierJson {
        method: "wsm",
        profile: vfm.profile.clone(),
        cost: CostJson {
            id: vfm.cost.id.clone(),
            name: cost_name(scenario, &vfm.cost, Lang::En),
            kind: vfm.cost.source.clone(),
            unit: cost_unit(scenario, &vfm.cost, Lang::En),
            cap,
        },
        options: vfm
            .options
            .iter()
            .map(|o| OptionJson {
                id: o.alternative.clone(),
                alternative: scenario.alternative_name(&o.alternative, Lang::En),
                cost: o.cost,
                value: o.value,
                efficient: o.efficient,
                cheaper: named(&o.cheaper),
                better: named(&o.better),
            })
            .collect(),
        frontier: vfm
            .frontier
            .iter()
            .map(|&k| vfm.options[k].alternative.clone())
            .collect(),
        packages,
        packages_unavailable,
        summary: summary(scenario, vfm, lang),
        excluded: exclusions(scenario, Some(profile))
            .iter()
            .map(|x| ExcludedJson {
                id: x.alternative.clone(),
                alternative: scenario.alternative_name(&x.alternative, Lang::En),
                reasons: x
                    .reasons
                    .iter()
                    .map(|r| reason_message(scenario, r, lang))
                    .collect(),
            })
            .collect(),
    }
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
            super::rank::excluded_because(scenario, &x, lang)
        );
    }
    out
}

/// The message for a cost that cannot be used.
pub fn cost_error(error: &FrontierError, lang: Lang) -> String {
    match error {
        FrontierError::Unknown(id) => tr!(lang, "vfm.error.unknown_cost", cost = id),
        FrontierError::NotACost(id) => tr!(lang, "vfm.error.not_a_cost", cost = id),
        FrontierError::NoCost => tr!(lang, "vfm.error.no_cost"),
    }
}

/// Loads, resolves the profile and the cost, and runs the analysis.
fn analyse(args: &FrontierArgs, lang: Lang) -> Result<(Scenario, Cost), String> {
    let scenario = load_valid(&args.file, lang)?;
    let cost = resolve_cost(&scenario, &args.cost).map_err(|e| cost_error(&e, lang))?;
    Ok((scenario, cost))
}

/// `tradeoff frontier`.
pub fn run(args: &FrontierArgs, lang: Lang) -> Result<(), String> {
    let (scenario, cost) = analyse(args, lang)?;
    let profile = select_profile(&scenario, args.profile.as_deref()).map_err(|_| {
        tr!(
            lang,
            "cli.unknown_profile",
            profile = args.profile.clone().unwrap_or_default()
        )
    })?;
    let vfm = value_for_money(&scenario, profile, &cost);
    if args.json {
        let doc = frontier_json(&scenario, profile, &vfm, lang);
        let text = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        print!("{}", frontier_text(&scenario, profile, &vfm, lang));
    }
    Ok(())
}
