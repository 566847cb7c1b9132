//! `tradeoff sensitivity`: how far each weight can move before the top
//! option changes (design.md §4–5).

use super::rank::{evaluate_or_message, load_valid};
use crate::analysis::sensitivity::value_point::describe_value_point;
use crate::analysis::sensitivity::{
    SensitivityCurve, ValuePointSensitivity, all_criteria, all_groups, all_value_points, describe,
    group_sensitivity, node_name, sensitivity,
};
use crate::analysis::{Evaluation, Method};
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::tr;
use clap::Args;
use serde_json::json;
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
        println!("{}", sensitivity_json(&scenario, &evaluation, &analyses));
    } else {
        print!(
            "{}",
            sensitivity_text(&scenario, &evaluation, &analyses, lang)
        );
    }
    Ok(())
}

/// What `tradeoff sensitivity` reports: criterion weights, group shares
/// and value-function points.
#[derive(Debug, Clone, Copy)]
pub struct Analyses<'a> {
    /// One curve per criterion weight analysed.
    pub criteria: &'a [SensitivityCurve],
    /// One curve per group share analysed (the curve's `criterion` is the group id).
    pub groups: &'a [SensitivityCurve],
    /// One analysis per value-function point (wsm only).
    pub points: &'a [ValuePointSensitivity],
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

/// The `sensitivity --json` document of design.md §5 (English display names).
pub fn sensitivity_json(
    scenario: &Scenario,
    evaluation: &Evaluation,
    analyses: &Analyses<'_>,
) -> serde_json::Value {
    let index = ScenarioIndex::new(scenario);
    let name = |id: &str| index.alternative_name(id, Lang::En);
    let thresholds = |c: &SensitivityCurve| {
        c.thresholds
            .iter()
            .map(|t| {
                json!({
                    "weight": t.weight,
                    "top_before": name(&t.top_before),
                    "top_after": name(&t.top_after),
                })
            })
            .collect::<Vec<_>>()
    };
    let tree = crate::model::ValueTree::new(scenario);
    json!({
        "method": evaluation.method.as_str(),
        "groups": analyses.groups.iter().map(|c| {
            let parent = tree
                .node_by_id(scenario, &c.criterion)
                .and_then(|n| tree.parent(n))
                .map(|p| tree.name(scenario, p, Lang::En))
                .filter(|p| !p.is_empty());
            json!({
                "group": node_name(scenario, &c.criterion, Lang::En),
                "parent": parent,
                "share": c.current_weight,
                "thresholds": thresholds(c),
            })
        }).collect::<Vec<_>>(),
        "value_points": analyses.points.iter().map(|p| {
            let (low, high) = p.stable();
            json!({
                "criterion": scenario.criterion_name(&p.criterion, Lang::En),
                "point": p.point,
                "x": p.x,
                "value": p.current,
                "range": [p.range.0, p.range.1],
                "stable": [low, high],
                "top": p.top.as_deref().map(name),
                "switches": p.switches.iter().map(|s| json!({
                    "value": s.value,
                    "top_before": name(&s.top_before),
                    "top_after": name(&s.top_after),
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "criteria": analyses.criteria.iter().map(|c| json!({
            "criterion": scenario.criterion_name(&c.criterion, Lang::En),
            "weight": c.current_weight,
            "thresholds": thresholds(c),
        })).collect::<Vec<_>>(),
    })
}

/// The readable output: one sentence per criterion, then per group and
/// per value-function point when there are any.
pub fn sensitivity_text(
    scenario: &Scenario,
    evaluation: &Evaluation,
    analyses: &Analyses<'_>,
    lang: Lang,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    if evaluation.matrix.n() == 0 {
        let _ = writeln!(out, "{}", tr!(lang, "sensitivity.no_options"));
        return out;
    }
    let profile = scenario.profile(&evaluation.profile).map_or_else(
        || evaluation.profile.clone(),
        |p| p.name.get(lang).to_string(),
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "sensitivity.heading",
            method = evaluation.method.as_str(),
            profile = profile
        )
    );
    for curve in analyses.criteria {
        let _ = writeln!(out, "  - {}", describe(scenario, curve, lang));
    }
    if !analyses.groups.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "sensitivity.groups_heading"));
        for curve in analyses.groups {
            let _ = writeln!(out, "  - {}", describe(scenario, curve, lang));
        }
    }
    let has_functions = scenario.criteria.iter().any(|c| c.value_function.is_some());
    if !analyses.points.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "sensitivity.value_points_heading"));
        for point in analyses.points {
            let _ = writeln!(out, "  - {}", describe_value_point(scenario, point, lang));
        }
    } else if has_functions && evaluation.method != Method::Wsm {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "sensitivity.value_points_wsm_only",
                method = evaluation.method.as_str()
            )
        );
    }
    out
}
