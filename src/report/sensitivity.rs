//! One-way weight sensitivity in words: when the top option changes as one
//! criterion's weight varies, one sentence per criterion, for every face
//! (the `sensitivity` command, the chart's note, the briefing); the value
//! tree's groups and value-function points in [`tree`].

use crate::analysis::Evaluation;
use crate::analysis::Method;
use crate::analysis::sensitivity::{Analyses, SensitivityCurve, Threshold, node_name, sensitivity};
use crate::i18n::pct;
use crate::model::{Lang, Scenario};
use crate::tr;

mod tree;
pub use tree::{describe_value_point, tree_findings};

/// Percentages of `shares` with the fewest decimals (0 to 2) that keep
/// different shares looking different, and that never show a share
/// strictly between 0 and 1 as 0% or 100%.
fn distinct_pcts(shares: &[f64], lang: Lang) -> Vec<String> {
    let mut decimals = 0;
    loop {
        let texts: Vec<String> = shares.iter().map(|&s| pct(s, decimals, lang)).collect();
        let clash = shares.iter().enumerate().any(|(a, &x)| {
            shares[a + 1..]
                .iter()
                .enumerate()
                .any(|(b, &y)| (x - y).abs() > 1e-12 && texts[a] == texts[a + 1 + b])
        });
        // A switch strictly inside (0, 1) must not read as "0%" or "100%",
        // which would say the winner changes only at an extreme.
        let (zero, all) = (pct(0.0, decimals, lang), pct(1.0, decimals, lang));
        let at_an_end = shares
            .iter()
            .zip(&texts)
            .any(|(&x, t)| (x > 0.0 && *t == zero) || (x < 1.0 && *t == all));
        if (!clash && !at_an_end) || decimals == 2 {
            return texts;
        }
        decimals += 1;
    }
}

/// One plain-words sentence for a curve: which option stays first over
/// which range of this criterion's weight, and who takes over outside it.
/// E.g. "CAR stays first while the weight on Risk (now 40%) is between 12%
/// and 61%. Below 12%, DRC comes first. Above 61%, Mali comes first."
pub fn describe(scenario: &Scenario, curve: &SensitivityCurve, lang: Lang) -> String {
    let wording = Wording::of(scenario, curve, lang);
    let now = curve.current_weight;
    let Some(top) = curve.top_at(now) else {
        return tr!(lang, "sensitivity.no_options");
    };
    let option = scenario.alternative_name(top, lang);
    if curve.thresholds.is_empty() {
        return tr!(
            lang,
            wording.key("sensitivity.stays_always", "sensitivity.group_stays_always"),
            option = option,
            criterion = wording.name
        );
    }
    let (below, above) = stretch_around(curve, now);
    let texts = distinct_pcts(
        &[
            now,
            below.map_or(0.0, |t| t.weight),
            above.map_or(1.0, |t| t.weight),
        ],
        lang,
    );
    let mut out = stays_first(&wording, &option, (below, above), &texts);
    out.push_str(&who_comes_first(
        scenario,
        below.map(|t| (texts[1].clone(), t.top_before.as_str())),
        above.map(|t| (texts[2].clone(), t.top_after.as_str())),
        lang,
    ));
    out
}

/// " Below LOW, X comes first." and " Above HIGH, Y comes first." for the
/// nearest switch on each side of the current value, each given as the
/// switch value already worded and the option first beyond it.
fn who_comes_first(
    scenario: &Scenario,
    below: Option<(String, &str)>,
    above: Option<(String, &str)>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    if let Some((low, id)) = below {
        out.push(' ');
        let option = scenario.alternative_name(id, lang);
        out.push_str(&tr!(
            lang,
            "sensitivity.first_below",
            low = low,
            option = option
        ));
    }
    if let Some((high, id)) = above {
        out.push(' ');
        let option = scenario.alternative_name(id, lang);
        out.push_str(&tr!(
            lang,
            "sensitivity.first_above",
            high = high,
            option = option
        ));
    }
    out
}

/// How a curve's weight is named: a criterion's, or a group's.
struct Wording {
    /// Display name of the criterion or group.
    name: String,
    /// True for a group of the value tree.
    group: bool,
    lang: Lang,
}

impl Wording {
    fn of(scenario: &Scenario, curve: &SensitivityCurve, lang: Lang) -> Self {
        Wording {
            name: node_name(scenario, &curve.criterion, lang),
            // A group's curve is worded as a group's weight, not a criterion's.
            group: scenario.criterion(&curve.criterion).is_none()
                && scenario.groups.iter().any(|g| g.id == curve.criterion),
            lang,
        }
    }

    /// The catalogue key for a criterion's weight or a group's.
    fn key(&self, criterion_key: &'static str, group_key: &'static str) -> &'static str {
        if self.group { group_key } else { criterion_key }
    }
}

/// The switch points just below and just above the current weight: the
/// stretch of weights around it with the same top option.
fn stretch_around(curve: &SensitivityCurve, now: f64) -> (Option<&Threshold>, Option<&Threshold>) {
    let after = curve.thresholds.iter().position(|t| t.weight > now);
    let below = match after {
        Some(0) => None,
        Some(k) => curve.thresholds.get(k - 1),
        None => curve.thresholds.last(),
    };
    (below, after.and_then(|k| curve.thresholds.get(k)))
}

/// "CAR stays first while the weight on Risk (now 40%) is between 12% and
/// 61%" (or below, or above); `texts` holds the current weight, the low
/// and the high ends as percentages.
fn stays_first(
    wording: &Wording,
    option: &str,
    (below, above): (Option<&Threshold>, Option<&Threshold>),
    texts: &[String],
) -> String {
    let lang = wording.lang;
    let (now, low, high) = (texts[0].clone(), texts[1].clone(), texts[2].clone());
    let criterion = wording.name.clone();
    match (below, above) {
        (Some(_), Some(_)) => tr!(
            lang,
            wording.key(
                "sensitivity.stays_between",
                "sensitivity.group_stays_between"
            ),
            option = option,
            criterion = criterion,
            now = now,
            low = low,
            high = high
        ),
        (None, _) => tr!(
            lang,
            wording.key("sensitivity.stays_below", "sensitivity.group_stays_below"),
            option = option,
            criterion = criterion,
            now = now,
            high = high
        ),
        (Some(_), None) => tr!(
            lang,
            wording.key("sensitivity.stays_above", "sensitivity.group_stays_above"),
            option = option,
            criterion = criterion,
            now = now,
            low = low
        ),
    }
}

/// Grid points of the curves behind [`findings`]; the switch points do not
/// depend on it (exact, or scanned at least 200 steps).
const FINDINGS_GRID_POINTS: usize = 201;

/// One plain sentence per criterion on when the top option changes as that
/// criterion's weight varies ("CAR stays first unless the weight on risk
/// exceeds 61%"), then one per group and per value-function point that
/// can change the weighted-sum winner; or the one sentence saying nothing
/// can be ranked.
pub fn findings(scenario: &Scenario, evaluation: &Evaluation, lang: Lang) -> Vec<String> {
    if evaluation.ranking.is_empty() {
        return vec![super::ranking::nothing_ranked(evaluation, lang)];
    }
    let matrix = &evaluation.matrix;
    let mut lines: Vec<String> = (0..matrix.m())
        .map(|j| {
            let curve = sensitivity(matrix, evaluation.method, j, FINDINGS_GRID_POINTS);
            describe(scenario, &curve, lang)
        })
        .collect();
    // Then each group of the value tree and each decisive value-function point.
    lines.extend(tree_findings(scenario, evaluation, evaluation.method, lang));
    lines
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

#[cfg(test)]
mod tests {
    use super::distinct_pcts;
    use crate::model::Lang;

    #[test]
    fn a_switch_near_an_end_is_not_rounded_onto_it() {
        assert_eq!(distinct_pcts(&[0.997], Lang::En), vec!["99.7%"]);
        assert_eq!(distinct_pcts(&[0.002], Lang::En), vec!["0.2%"]);
        assert_eq!(distinct_pcts(&[0.41], Lang::En), vec!["41%"]);
    }
}
