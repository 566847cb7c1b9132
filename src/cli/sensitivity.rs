//! `tradeoff sensitivity`: how far each weight can move before the top
//! option changes (design.md §4–5).

use super::rank::{evaluate_or_message, load_valid};
use crate::analysis::Method;
use crate::analysis::sensitivity::{
    Analyses, ValuePointSensitivity, all_criteria, all_groups, all_value_points, group_sensitivity,
    sensitivity,
};
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
    /// Only this criterion (id or display name) and its value-function
    /// points; default: every criterion, group and value-function point.
    #[arg(long)]
    pub criterion: Option<String>,
    /// Only this group of the value tree (id or display name): the
    /// sensitivity of the top option to its share of its parent.
    #[arg(long)]
    pub group: Option<String>,
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
    let profile = scenario.profile(&evaluation.profile);
    let criterion = match &args.criterion {
        None => None,
        Some(key) => Some(
            find_criterion(&scenario, &matrix.criteria, key).ok_or_else(|| {
                tr!(
                    lang,
                    "sensitivity.unknown_criterion",
                    criterion = key.as_str()
                )
            })?,
        ),
    };
    let group = match &args.group {
        None => None,
        Some(key) => Some(
            find_group(&scenario, key)
                .ok_or_else(|| tr!(lang, "sensitivity.unknown_group", group = key.as_str()))?,
        ),
    };
    let everything = criterion.is_none() && group.is_none();
    let curves = match criterion {
        Some(j) => vec![sensitivity(matrix, args.method, j, GRID_POINTS)],
        None if everything => all_criteria(matrix, args.method, GRID_POINTS),
        None => Vec::new(),
    };
    let groups = match (profile, group) {
        (Some(p), Some(g)) => vec![group_sensitivity(
            &scenario,
            p,
            matrix,
            args.method,
            g,
            GRID_POINTS,
        )],
        (Some(p), None) if everything => all_groups(&scenario, p, matrix, args.method, GRID_POINTS),
        _ => Vec::new(),
    };
    // Value functions change the weighted sum only.
    let points: Vec<ValuePointSensitivity> =
        if args.method != Method::Wsm || group.is_some() && criterion.is_none() {
            Vec::new()
        } else {
            all_value_points(matrix, GRID_POINTS)
                .into_iter()
                .filter(|p| criterion.is_none_or(|j| p.criterion == matrix.criteria[j]))
                .collect()
        };
    let analyses = Analyses {
        criteria: &curves,
        groups: &groups,
        points: &points,
    };
    if args.json {
        super::print_json(&SensitivityJson::new(&scenario, &evaluation, &analyses))?;
    } else {
        print!(
            "{}",
            sensitivity_text(&scenario, &evaluation, &analyses, lang)
        );
    }
    Ok(())
}

/// Index in `scenario.groups` of the group whose id or display name (either language) is `key`.
fn find_group(scenario: &Scenario, key: &str) -> Option<usize> {
    let key = key.trim();
    scenario
        .groups
        .iter()
        .position(|g| g.id == key)
        .or_else(|| {
            scenario.groups.iter().position(|g| {
                g.name.en.eq_ignore_ascii_case(key)
                    || g.name
                        .fr
                        .as_deref()
                        .is_some_and(|f| f.eq_ignore_ascii_case(key))
            })
        })
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
