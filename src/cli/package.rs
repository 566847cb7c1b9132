//! `tradeoff package`: the best sets of options to combine within every
//! resource cap.
//!
//! Exit status: 1 when the scenario does not allow combining options (or has
//! more than the exact search handles); 0 otherwise, including when every
//! option is excluded (then it says so plainly).

use super::rank::load_valid;
use crate::analysis::package::best_packages;
use crate::analysis::select_profile;
use crate::model::Lang;
use crate::report::json::PackageJson;
use crate::report::package::{error_message, package_text};
use crate::tr;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `package`.
#[derive(Debug, Args)]
pub struct PackageArgs {
    /// Scenario (.ron) with `combinable: true`.
    pub file: PathBuf,
    /// Weight profile (id or name); default: the active one.
    #[arg(long)]
    pub profile: Option<String>,
    /// How many packages to list (the best and its runners-up).
    #[arg(long, default_value_t = 3)]
    pub top: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `tradeoff package`.
pub fn run(args: &PackageArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let profile = select_profile(&scenario, args.profile.as_deref()).map_err(|_| {
        tr!(
            lang,
            "cli.unknown_profile",
            profile = args.profile.clone().unwrap_or_default()
        )
    })?;
    let result =
        best_packages(&scenario, profile, args.top).map_err(|e| error_message(&e, lang))?;
    if args.json {
        super::print_json(&PackageJson::new(&scenario, profile, &result, lang))?;
    } else {
        print!("{}", package_text(&scenario, profile, &result, lang));
    }
    Ok(())
}
