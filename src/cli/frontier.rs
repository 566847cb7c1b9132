//! `tradeoff frontier`: value for money — each feasible option's cost and
//! value, the efficient frontier, what beats each option off it, and for
//! combinable scenarios the best package at every budget up to the cap.
//! The JSON document is the typed `report::json::FrontierJson`.

use super::rank::load_valid;
use crate::analysis::frontier::{
    Cost, FrontierError, MAX_OPTIONS, NoPackages, ValueForMoney, resolve_cost, value_for_money,
};
use crate::analysis::{exclusions, select_profile};
use crate::i18n::num;
use crate::model::{Lang, Scenario, WeightProfile};
use crate::report::frontier::{amount, cost_name, step_options, summary};
use crate::report::json::FrontierJson;
use crate::tr;
use clap::Args;
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
        super::print_json(&FrontierJson::new(&scenario, profile, &vfm, lang))?;
    } else {
        print!("{}", frontier_text(&scenario, profile, &vfm, lang));
    }
    Ok(())
}
