//! Plain sentences on the value tree's sensitivity: one per group (its
//! share of its parent) and one per value-function point that can change
//! the weighted-sum winner, for the findings lists (GUI, briefing) and the
//! `sensitivity` command.

use super::{describe, who_comes_first};
use crate::analysis::sensitivity::all_groups;
use crate::analysis::sensitivity::value_point::{ValuePointSensitivity, all_value_points};
use crate::analysis::{Evaluation, Method};
use crate::i18n::value;
use crate::model::{Lang, Scenario};
use crate::tr;

/// Grid points of the curves behind the sentences (only the switch points
/// are read, and they do not depend on it).
const GRID_POINTS: usize = 2;

/// The sentences for `evaluation` (feasible options under its profile):
/// every group, then every value-function point at which the top option
/// can change (weighted sum only; the others use raw values).
pub fn tree_findings(
    scenario: &Scenario,
    evaluation: &Evaluation,
    method: Method,
    lang: Lang,
) -> Vec<String> {
    let matrix = &evaluation.matrix;
    if matrix.n() == 0 {
        return Vec::new();
    }
    let mut out: Vec<String> = match scenario.profile(&evaluation.profile) {
        Some(profile) => all_groups(scenario, profile, matrix, method, GRID_POINTS)
            .iter()
            .map(|curve| describe(scenario, curve, lang))
            .collect(),
        None => Vec::new(),
    };
    if method == Method::Wsm {
        out.extend(
            all_value_points(matrix, GRID_POINTS)
                .iter()
                .filter(|p| !p.switches.is_empty())
                .map(|p| describe_value_point(scenario, p, lang)),
        );
    }
    out
}

/// One plain sentence on a value-function point: which option stays first
/// over which stretch of that point's value, and who takes over outside it.
/// E.g. "CAR stays first while the value of Cost at 200 CAD M (now 80) is
/// between 55 and 100. Below 55, Mali comes first."
pub fn describe_value_point(
    scenario: &Scenario,
    point: &ValuePointSensitivity,
    lang: Lang,
) -> String {
    let Some(top) = point.top.as_deref() else {
        return tr!(lang, "sensitivity.no_options");
    };
    let criterion = scenario.criterion(&point.criterion);
    let unit = criterion.map_or("", |c| c.unit.get(lang));
    let x = format!("{} {unit}", value(point.x, 3, lang))
        .trim_end()
        .to_string();
    let (low, high) = point.stable();
    let key = if point.switches.is_empty() {
        "sensitivity.value_point_always"
    } else {
        "sensitivity.value_point_between"
    };
    let mut out = tr!(
        lang,
        key,
        option = scenario.alternative_name(top, lang),
        criterion = scenario.criterion_name(&point.criterion, lang),
        x = x,
        now = value(point.current, 2, lang),
        low = value(low, 2, lang),
        high = value(high, 2, lang)
    );
    let below = point
        .switches
        .iter()
        .rev()
        .find(|s| s.value <= point.current);
    let above = point.switches.iter().find(|s| s.value > point.current);
    out.push_str(&who_comes_first(
        scenario,
        below.map(|s| (value(s.value, 2, lang), s.top_before.as_str())),
        above.map(|s| (value(s.value, 2, lang), s.top_after.as_str())),
        lang,
    ));
    out
}
