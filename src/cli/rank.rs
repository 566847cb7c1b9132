//! `rank`, `check` and `convert`.

use crate::analysis::{Evaluation, Method, evaluate_profile, select_profile};
use crate::i18n::problem_message;
use crate::io::{self, LoadError};
use crate::model::{Lang, Scenario, validate};
use crate::report::json::RankJson;
use crate::report::ranking::ranking_text;
use crate::tr;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `rank`.
#[derive(Debug, Args)]
pub struct RankArgs {
    /// Scenario (.ron) or decision matrix (.csv).
    pub file: PathBuf,
    /// Ranking method: wsm applies the criteria's value functions; topsis and
    /// promethee2 use the raw values.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Weight profile (id or name); default: the active profile.
    #[arg(long)]
    pub profile: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scenario (.ron) or decision matrix (.csv).
    pub file: PathBuf,
}

/// Arguments of `convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Input file (.ron or .csv).
    pub input: PathBuf,
    /// Output file (.csv or .ron); the format follows the extension.
    pub output: PathBuf,
    /// Weight profile written to a CSV's #weight row.
    #[arg(long)]
    pub profile: Option<String>,
}

/// Loads a file and refuses it, with every problem, when it is not valid.
pub fn load_valid(path: &Path, lang: Lang) -> Result<Scenario, String> {
    let scenario = io::load(path).map_err(|e: LoadError| e.message(lang))?;
    let problems = validate(&scenario);
    if crate::model::has_errors(&problems) {
        let label = path.display().to_string();
        let located = io::locate_problems(&scenario, &problems, path);
        return Err(located
            .iter()
            .map(|(p, line, col)| {
                format!(
                    "{label}:{line}:{col}: {}",
                    problem_message(&scenario, p, lang)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"));
    }
    Ok(scenario)
}

/// Runs the engine on a scenario [`load_valid`] accepted (it is not
/// validated a second time).
pub fn evaluate_or_message(
    scenario: &Scenario,
    profile: Option<&str>,
    method: Method,
    lang: Lang,
) -> Result<Evaluation, String> {
    select_profile(scenario, profile)
        .map(|p| evaluate_profile(scenario, p, method))
        .map_err(|e| match e {
            crate::analysis::AnalysisError::UnknownProfile(p) => {
                tr!(lang, "cli.unknown_profile", profile = p)
            }
            crate::analysis::AnalysisError::Invalid(problems) => problems
                .iter()
                .map(|p| problem_message(scenario, p, lang))
                .collect::<Vec<_>>()
                .join("\n"),
        })
}

/// `tradeoff rank`.
pub fn rank(args: &RankArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let evaluation = evaluate_or_message(&scenario, args.profile.as_deref(), args.method, lang)?;
    if args.json {
        super::print_json(&RankJson::new(&scenario, &evaluation, lang))?;
        return Ok(());
    }
    print!("{}", ranking_text(&scenario, &evaluation, lang));
    Ok(())
}

/// `tradeoff check`.
pub fn check(args: &CheckArgs, lang: Lang) -> Result<(), String> {
    let error = tr!(lang, "cli.error");
    let scenario = match io::load_all(&args.file) {
        Ok(s) => s,
        Err(errors) => {
            // Same shape as validation problems: file:line:column: error: what.
            for e in &errors {
                let at = if e.line == 0 {
                    e.file.clone()
                } else {
                    format!("{}:{}:{}", e.file, e.line, e.column)
                };
                eprintln!("{at}: {error}: {}", e.detail(lang));
            }
            return Err(tr!(lang, "cli.check_failed", n = errors.len()));
        }
    };
    let problems = validate(&scenario);
    let label = args.file.display().to_string();
    let located = io::locate_problems(&scenario, &problems, &args.file);
    for (p, line, col) in &located {
        let severity = match p.severity() {
            crate::model::Severity::Error => error.clone(),
            crate::model::Severity::Warning => tr!(lang, "cli.warning"),
        };
        eprintln!(
            "{label}:{line}:{col}: {severity}: {}",
            problem_message(&scenario, p, lang)
        );
    }
    if crate::model::has_errors(&problems) {
        Err(tr!(lang, "cli.check_failed", n = problems.len()))
    } else {
        println!(
            "{}",
            tr!(
                lang,
                "cli.check_ok",
                file = label,
                options = scenario.alternatives.len(),
                criteria = scenario.criteria.len(),
                profiles = scenario.profiles.len()
            )
        );
        Ok(())
    }
}

/// `tradeoff convert`.
pub fn convert(args: &ConvertArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.input, lang)?;
    let result = if io::is_csv(&args.output) {
        io::csv::to_csv(&scenario, args.profile.as_deref())
            .map_err(|mut e| {
                e.file = args.output.display().to_string();
                e
            })
            .and_then(|csv| io::write_atomic(&args.output, csv.as_bytes()))
    } else {
        io::save(&args.output, &scenario)
    };
    result.map_err(|e| e.message(lang))?;
    Ok(())
}
