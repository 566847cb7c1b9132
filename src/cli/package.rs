//! `tradeoff package`: the best sets of options to combine within every
//! resource cap.
//!
//! Exit status: 1 when the scenario does not allow combining options (or has
//! more than the exact search handles); 0 otherwise, including when every
//! option is excluded (then it says so plainly).

use super::rank::load_valid;
use crate::analysis::package::{MAX_OPTIONS, PackageError, PackageResult, best_packages};
use crate::analysis::{exclusions, select_profile};
use crate::i18n::{num, value};
use crate::model::{Lang, Scenario, ScenarioIndex, WeightProfile};
use crate::report::json::PackageJson;
use crate::tr;
use clap::Args;
use std::fmt::Write;
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

/// The readable list printed by `package`.
pub fn package_text(
    scenario: &Scenario,
    profile: &WeightProfile,
    result: &PackageResult,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let index = ScenarioIndex::new(scenario);
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        tr!(lang, "package.heading", profile = profile.name.get(lang))
    );
    if result.values.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "package.all_excluded"));
    } else if result.packages.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "package.none"));
    }
    for (k, p) in result.packages.iter().enumerate() {
        let names: Vec<String> = p
            .options
            .iter()
            .map(|id| index.alternative_name(id, lang))
            .collect();
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "package.line",
                rank = k + 1,
                options = names.join(" + "),
                value = num(p.value, 3, lang)
            )
        );
        for (r, used) in scenario.resources.iter().zip(&p.used) {
            let _ = writeln!(
                out,
                "      {}",
                tr!(
                    lang,
                    "package.use",
                    resource = r.name.get(lang),
                    used = value(*used, 2, lang),
                    cap = value(r.cap, 2, lang),
                    unit = r.unit.get(lang)
                )
            );
        }
        let cap_name = |id: &String| {
            scenario
                .resources
                .iter()
                .find(|r| &r.id == id)
                .map_or_else(|| id.clone(), |r| r.name.get(lang).to_string())
        };
        let binding: Vec<String> = p.binding.iter().map(cap_name).collect();
        let line = if binding.is_empty() {
            tr!(lang, "package.nothing_binds")
        } else {
            tr!(lang, "package.binds", caps = binding.join(", "))
        };
        let _ = writeln!(out, "      {line}");
        for (id, caps) in &p.left_out {
            let caps: Vec<String> = caps.iter().map(cap_name).collect();
            let _ = writeln!(
                out,
                "      {}",
                tr!(
                    lang,
                    "package.left_out",
                    option = index.alternative_name(id, lang),
                    caps = caps.join(", ")
                )
            );
        }
    }
    for x in exclusions(scenario, Some(profile)) {
        let _ = writeln!(
            out,
            "{} — {}",
            index.alternative_name(&x.alternative, lang),
            crate::report::exclusions::excluded_because(scenario, &x, lang)
        );
    }
    out
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
    let result = best_packages(&scenario, profile, args.top).map_err(|e| match e {
        PackageError::NotCombinable => tr!(lang, "package.not_combinable"),
        PackageError::TooManyOptions { options, .. } => tr!(
            lang,
            "package.too_many",
            options = options,
            max = MAX_OPTIONS
        ),
    })?;
    if args.json {
        super::print_json(&PackageJson::new(&scenario, profile, &result, lang))?;
    } else {
        print!("{}", package_text(&scenario, profile, &result, lang));
    }
    Ok(())
}
