//! SMAA in words: the readable tables of `smaa` (rank acceptability,
//! confidence, central weights).

use crate::analysis::Evaluation;
use crate::analysis::smaa::SmaaResult;
use crate::i18n::pct;
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::report::exclusions::excluded_because;
use crate::tr;
use std::fmt::Write;

/// The readable tables printed by `smaa`.
pub fn smaa_text(
    scenario: &Scenario,
    evaluation: &Evaluation,
    r: &SmaaResult,
    seed: u64,
    lang: Lang,
) -> String {
    let index = ScenarioIndex::new(scenario);
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "smaa.heading",
            method = evaluation.method.as_str(),
            profile = evaluation.profile,
            samples = r.samples,
            seed = seed
        )
    );
    if r.alternatives.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "smaa.all_excluded"));
    } else {
        let names: Vec<String> = r
            .alternatives
            .iter()
            .map(|a| index.alternative_name(a, lang))
            .collect();
        let width = names
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            .max(6);
        let _ = write!(out, "{:<width$}", tr!(lang, "smaa.option"));
        for k in 1..=r.acceptability.first().map_or(0, Vec::len) {
            let _ = write!(out, " {:>7}", tr!(lang, "smaa.rank_column", rank = k));
        }
        let _ = writeln!(out, " {:>11}", tr!(lang, "smaa.confidence"));
        for (i, n) in names.iter().enumerate() {
            let _ = write!(out, "{n:<width$}");
            for share in &r.acceptability[i] {
                let _ = write!(out, " {:>7}", pct(*share, 1, lang));
            }
            let _ = writeln!(out, " {:>11}", pct(r.confidence[i], 1, lang));
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", tr!(lang, "smaa.central_heading"));
        let criteria: Vec<String> = r
            .criteria
            .iter()
            .map(|c| scenario.criterion_name(c, lang))
            .collect();
        let widths: Vec<usize> = criteria.iter().map(|c| c.chars().count().max(7)).collect();
        let header: Vec<String> = criteria
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c:>w$}"))
            .collect();
        let _ = writeln!(out, "{:<width$} {}", "", header.join(" | "));
        for (i, n) in names.iter().enumerate() {
            if r.acceptability[i].first().copied().unwrap_or(0.0) == 0.0 {
                let _ = writeln!(out, "{n:<width$} {}", tr!(lang, "smaa.never_first"));
                continue;
            }
            let cells: Vec<String> = r.central_weights[i]
                .iter()
                .zip(&widths)
                .map(|(w, &cw)| format!("{:>cw$}", pct(*w, 1, lang)))
                .collect();
            let _ = writeln!(out, "{n:<width$} {}", cells.join(" | "));
        }
        if !r.exact_weights {
            let _ = writeln!(out, "{}", tr!(lang, "smaa.approximate_weights"));
        }
        let counted = r.acceptability.first().map_or(0, Vec::len);
        if counted < r.alternatives.len() {
            let _ = writeln!(out, "{}", tr!(lang, "smaa.ranks_counted", ranks = counted));
        }
    }
    for x in &evaluation.excluded {
        let _ = writeln!(
            out,
            "{} — {}",
            index.alternative_name(&x.alternative, lang),
            excluded_because(scenario, x, lang)
        );
    }
    out
}
