//! `tradeoff diff A B`: what changed between two scenarios and why the ranking moved.

use super::rank::load_valid;
use crate::analysis::Method;
use crate::analysis::compare::{CompareError, compare_keys};
use crate::i18n::problem_message;
use crate::model::Lang;
use crate::report::compare::diff_text;
use crate::report::json::DiffJson;
use crate::tr;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The "before" scenario (.ron) or decision matrix (.csv).
    pub a: PathBuf,
    /// The "after" scenario (.ron) or decision matrix (.csv).
    pub b: PathBuf,
    /// Ranking method, the same for both files: wsm applies the criteria's
    /// value functions; topsis and promethee2 use the raw values.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Weight profile (id or name) compared in both files (a CSV file uses
    /// its only profile); default: A's active profile and its namesake in B.
    #[arg(long)]
    pub profile: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `tradeoff diff`.
pub fn diff(args: &DiffArgs, lang: Lang) -> Result<(), String> {
    let a = load_valid(&args.a, lang)?;
    let b = load_valid(&args.b, lang)?;
    let file_of = |side: crate::analysis::compare::Side| match side {
        crate::analysis::compare::Side::A => args.a.display().to_string(),
        crate::analysis::compare::Side::B => args.b.display().to_string(),
    };
    // A CSV's weights are its only profile: it takes no profile name.
    let key = |path: &std::path::Path| {
        if crate::io::is_csv(path) {
            None
        } else {
            args.profile.as_deref()
        }
    };
    let comparison =
        compare_keys(&a, &b, args.method, key(&args.a), key(&args.b)).map_err(|e| match e {
            CompareError::UnknownProfile { side, name } => tr!(
                lang,
                "compare.cli.unknown_profile",
                profile = name,
                file = file_of(side)
            ),
            CompareError::Invalid { side, problems } => {
                let mut lines = vec![tr!(lang, "compare.cli.invalid", file = file_of(side))];
                let scenario = if side == crate::analysis::compare::Side::A {
                    &a
                } else {
                    &b
                };
                lines.extend(problems.iter().map(|p| problem_message(scenario, p, lang)));
                lines.join("\n")
            }
        })?;
    if args.json {
        super::print_json(&DiffJson::new(&a, &b, &comparison, lang))?;
    } else {
        let labels = (args.a.display().to_string(), args.b.display().to_string());
        print!("{}", diff_text(&a, &b, &comparison, &labels, lang));
    }
    Ok(())
}
