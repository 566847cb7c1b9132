//! `tradeoff frontier`: value for money — each feasible option's cost and
//! value, the efficient frontier, what beats each option off it, and for
//! combinable scenarios the best package at every budget up to the cap.
//! The JSON document is the typed `report::json::FrontierJson`.

use super::rank::load_valid;
use crate::analysis::frontier::{Cost, FrontierError, resolve_cost, value_for_money};
use crate::analysis::select_profile;
use crate::model::{Lang, Scenario};
use crate::report::frontier::frontier_text;
use crate::report::json::FrontierJson;
use crate::tr;
use clap::Args;
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
