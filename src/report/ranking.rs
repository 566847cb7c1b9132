//! The ranking in words: the readable table of `rank`, and what to say
//! when nothing can be ranked.

use crate::analysis::{Evaluation, Method};
use crate::model::{Lang, Scenario};
use crate::tr;

mod table;
pub use table::*;

/// The display name of a method in `lang`.
pub fn method_name(method: Method, lang: Lang) -> String {
    match method {
        Method::Wsm => tr!(lang, "chart.method.wsm"),
        Method::Topsis => tr!(lang, "chart.method.topsis"),
        Method::Promethee2 => tr!(lang, "chart.method.promethee2"),
    }
}

/// "Top option: CAR (Weighted sum)", or that no option can be ranked
/// (no evaluation, or every option excluded).
pub fn top_option(
    scenario: &Scenario,
    evaluation: Option<&Evaluation>,
    method_label: &str,
    lang: Lang,
) -> String {
    match evaluation.and_then(Evaluation::winner) {
        Some(w) => tr!(
            lang,
            "gui.top_option",
            name = scenario.alternative_name(&w.alternative, lang),
            method = method_label
        ),
        None => tr!(lang, "gui.no_result"),
    }
}

/// The plain sentence shown instead of a ranking when no option can be
/// ranked: every option excluded, or none at all.
pub fn nothing_ranked(evaluation: &Evaluation, lang: Lang) -> String {
    if evaluation.ranking.is_empty() && !evaluation.excluded.is_empty() {
        tr!(lang, "chart.all_excluded")
    } else {
        tr!(lang, "chart.no_options")
    }
}

/// The readable ranking table printed by `rank`.
pub fn ranking_text(scenario: &Scenario, evaluation: &Evaluation, lang: Lang) -> String {
    // Dominance is not printed: no need to compute it.
    let report = RankingReport::new(scenario, evaluation, &[], &[], lang);
    let mut out = rank_heading(scenario, evaluation, lang);
    out.push_str(&rank_lines(scenario, &report));
    out
}

/// The title and "Method …; profile …" lines of `rank`.
fn rank_heading(scenario: &Scenario, evaluation: &Evaluation, lang: Lang) -> String {
    let profile = scenario
        .profile(&evaluation.profile)
        .map_or(evaluation.profile.as_str(), |p| p.name.get(lang));
    format!(
        "{}\n{}\n",
        scenario.title.get(lang),
        tr!(
            lang,
            "cli.rank_heading",
            method = evaluation.method.as_str(),
            profile = profile
        )
    )
}

/// One aligned line per ranked option, the criteria left out, then one
/// line per excluded option.
fn rank_lines(scenario: &Scenario, report: &RankingReport) -> String {
    use std::fmt::Write;
    let lang = report.lang;
    let mut out = String::new();
    let width = scenario
        .alternatives
        .iter()
        .map(|a| a.name.get(lang).chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    for r in &report.rows {
        let score = crate::i18n::num(r.main.score, 4, lang);
        let _ = writeln!(out, "{:>4}  {:<width$}  {score:>8}", r.main.rank, r.name);
    }
    if report.rows.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "cli.all_excluded"));
    }
    let unscored: Vec<String> = scenario
        .unscored_criteria()
        .iter()
        .map(|c| scenario.criterion_name(c, lang))
        .collect();
    if !unscored.is_empty() {
        let criteria = unscored.join(", ");
        let _ = writeln!(
            out,
            "{}",
            tr!(lang, "cli.left_out_criteria", criteria = criteria)
        );
    }
    for x in &report.excluded {
        let _ = writeln!(out, "{:>4}  {:<width$}  {}", "—", x.name, x.because(lang));
    }
    out
}
