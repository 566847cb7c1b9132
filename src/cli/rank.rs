//! `rank`, `check` and `convert`.

use crate::analysis::{Evaluation, Exclusion, Method, evaluate_profile, select_profile};
use crate::i18n::{problem_message, reason_message};
use crate::io::{self, LoadError};
use crate::model::{Lang, Scenario, ScenarioIndex, validate};
use crate::tr;
use clap::Args;
use serde_json::json;
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

/// The `rank --json` document of design.md §5.
/// Each ranked row carries `dominated_by`: the ids of the feasible options
/// that dominate it (analysis::dominance), empty when none.
pub fn ranking_json(scenario: &Scenario, evaluation: &Evaluation, lang: Lang) -> serde_json::Value {
    let index = ScenarioIndex::new(scenario);
    let dominated: std::collections::HashMap<&str, Vec<String>> = evaluation
        .matrix
        .alternatives
        .iter()
        .map(String::as_str)
        .zip(crate::analysis::dominance::dominated_by(&evaluation.matrix))
        .collect();
    let mut doc = json!({
        "method": evaluation.method.as_str(),
        "profile": evaluation.profile,
        "ranking": evaluation.ranking.iter().map(|r| json!({
            "alternative": index.alternative_name(&r.alternative, Lang::En),
            "id": r.alternative,
            "score": r.score,
            "rank": r.rank,
            "dominated_by": dominated.get(r.alternative.as_str()).cloned().unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "excluded": evaluation.excluded.iter().map(|x| json!({
            "alternative": index.alternative_name(&x.alternative, Lang::En),
            "id": x.alternative,
            "reasons": x.reasons.iter().map(|r| reason_message(scenario, r, lang)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    if let (Some(groups), Some(map)) = (groups_json(scenario, evaluation), doc.as_object_mut()) {
        map.insert("groups".into(), groups);
    }
    doc
}

/// The `groups` of `rank --json` for a value tree (None for a flat list):
/// each group in display order with its parent's id (null: the root), its
/// share among its siblings, its effective weight, and its part of each
/// ranked option's score by option id (null under topsis, whose score is
/// not a sum over criteria). A group's parts sum its criteria's parts.
pub fn groups_json(scenario: &Scenario, evaluation: &Evaluation) -> Option<serde_json::Value> {
    use crate::analysis::node_contributions::{criterion_parts, node_parts};
    use crate::model::{Node, ValueTree};
    let tree = ValueTree::new(scenario);
    if tree.is_flat() {
        return None;
    }
    let profile = scenario.profile(&evaluation.profile)?;
    let index = ScenarioIndex::new(scenario);
    let included: Vec<bool> = (0..scenario.criteria.len())
        .map(|j| index.criterion_is_scored(j))
        .collect();
    let shares = tree.local_shares(profile, &included);
    let matrix = &evaluation.matrix;
    let parts = criterion_parts(matrix, evaluation.method);
    let groups = tree
        .nodes()
        .into_iter()
        .filter(|n| matches!(n, Node::Group(_)))
        .map(|node| {
            let parent = tree
                .parent(node)
                .filter(|p| *p != Node::Root)
                .map(|p| tree.id(scenario, p));
            let contributions = parts.as_ref().map(|parts| {
                let by_row = node_parts(scenario, &tree, matrix, parts, node);
                matrix
                    .alternatives
                    .iter()
                    .zip(by_row)
                    .map(|(id, x)| (id.clone(), json!(x)))
                    .collect::<serde_json::Map<_, _>>()
            });
            json!({
                "id": tree.id(scenario, node),
                "name": tree.name(scenario, node, Lang::En),
                "parent": parent,
                "share": shares.share(node),
                "weight": shares.effective(node),
                "contributions": contributions,
            })
        })
        .collect::<Vec<_>>();
    Some(json!(groups))
}

/// `tradeoff rank`.
pub fn rank(args: &RankArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let evaluation = evaluate_or_message(&scenario, args.profile.as_deref(), args.method, lang)?;
    if args.json {
        println!("{}", ranking_json(&scenario, &evaluation, lang));
        return Ok(());
    }
    print!("{}", ranking_text(&scenario, &evaluation, lang));
    Ok(())
}

/// "excluded: <every reason>" for an excluded option, as every command prints it.
pub(super) fn excluded_because(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> String {
    let reasons: Vec<String> = exclusion
        .reasons
        .iter()
        .map(|r| reason_message(scenario, r, lang))
        .collect();
    tr!(lang, "cli.excluded_because", reasons = reasons.join("; "))
}

/// The readable ranking table printed by `rank`.
pub fn ranking_text(scenario: &Scenario, evaluation: &Evaluation, lang: Lang) -> String {
    use std::fmt::Write;
    let index = ScenarioIndex::new(scenario);
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "cli.rank_heading",
            method = evaluation.method.as_str(),
            profile = scenario
                .profile(&evaluation.profile)
                .map_or(evaluation.profile.as_str(), |p| p.name.get(lang))
        )
    );
    let width = scenario
        .alternatives
        .iter()
        .map(|a| a.name.get(lang).chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    for r in &evaluation.ranking {
        let _ = writeln!(
            out,
            "{:>4}  {:<width$}  {:>8}",
            r.rank,
            index.alternative_name(&r.alternative, lang),
            crate::i18n::num(r.score, 4, lang)
        );
    }
    if evaluation.ranking.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "cli.all_excluded"));
    }
    let unscored: Vec<String> = scenario
        .unscored_criteria()
        .iter()
        .map(|c| scenario.criterion_name(c, lang))
        .collect();
    if !unscored.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "cli.left_out_criteria",
                criteria = unscored.join(", ")
            )
        );
    }
    for x in &evaluation.excluded {
        let _ = writeln!(
            out,
            "{:>4}  {:<width$}  {}",
            "—",
            index.alternative_name(&x.alternative, lang),
            excluded_because(scenario, x, lang)
        );
    }
    out
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
