//! `tradeoff sensitivity`: how far each weight can move before the top
//! option changes (design.md §4–5).

use super::rank::{evaluate_or_message, load_valid};
use crate::analysis::Method;
use crate::analysis::sensitivity::{all_criteria, sensitivity};
use crate::model::{Lang, Scenario};
use crate::report::json::SensitivityJson;
use crate::report::sensitivity::sensitivity_text;
use crate::tr;
use clap::Args;
use std::path::PathBuf;

/// Points per curve; the thresholds do not depend on it (exact, or scanned
/// at least 200 steps), only the score table does.
const GRID_POINTS: usize = 101;

/// Arguments of `sensitivity`.
#[derive(Debug, Args)]
pub struct SensitivityArgs {
    /// Scenario (.ron) or decision matrix (.csv).
    pub file: PathBuf,
    /// Only this criterion (id or display name); default: every criterion.
    #[arg(long)]
    pub criterion: Option<String>,
    /// Ranking method: wsm applies the criteria's value functions; topsis and
    /// promethee2 use the raw values.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Weight profile (id or name); default: the active profile.
    #[arg(long)]
    pub profile: Option<String>,
    /// Print JSON instead of sentences.
    #[arg(long)]
    pub json: bool,
}

/// `tradeoff sensitivity`.
pub fn run(args: &SensitivityArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let evaluation = evaluate_or_message(&scenario, args.profile.as_deref(), args.method, lang)?;
    let matrix = &evaluation.matrix;
    let curves = match &args.criterion {
        None => all_criteria(matrix, args.method, GRID_POINTS),
        Some(key) => {
            let j = find_criterion(&scenario, &matrix.criteria, key).ok_or_else(|| {
                tr!(
                    lang,
                    "sensitivity.unknown_criterion",
                    criterion = key.as_str()
                )
            })?;
            vec![sensitivity(matrix, args.method, j, GRID_POINTS)]
        }
    };
    if args.json {
        super::print_json(&SensitivityJson::new(&scenario, &evaluation, &curves))?;
    } else {
        print!(
            "{}",
            sensitivity_text(&scenario, &evaluation, &curves, lang)
        );
    }
    Ok(())
}

/// Column of the criterion whose id or display name (either language) is `key`.
fn find_criterion(scenario: &Scenario, columns: &[String], key: &str) -> Option<usize> {
    let key = key.trim();
    columns.iter().position(|id| id == key).or_else(|| {
        columns.iter().position(|id| {
            scenario.criterion(id).is_some_and(|c| {
                c.name.en.eq_ignore_ascii_case(key)
                    || c.name
                        .fr
                        .as_deref()
                        .is_some_and(|f| f.eq_ignore_ascii_case(key))
            })
        })
    })
}
