//! The ranking in words: the readable table of `rank`, and what to say
//! when nothing can be ranked.

use crate::analysis::{Evaluation, Method};
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::report::exclusions::excluded_because;
use crate::tr;

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
