//! SMAA in words: [`SmaaReport`], the typed results in one language, and
//! the readable tables of `smaa` (rank acceptability, confidence, central
//! weights).

use crate::analysis::Evaluation;
use crate::analysis::smaa::SmaaResult;
use crate::i18n::pct;
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::report::exclusions::{ExcludedRow, excluded_rows};
use crate::tr;
use std::fmt::Write;

/// One option's SMAA results.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaRow {
    /// Alternative id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// Share of draws in which it takes each rank (rank 1 first).
    pub acceptability: Vec<f64>,
    /// Share of draws of its own central weights in which it comes first.
    pub confidence: f64,
    /// Its central weights, one per criterion; None when it never comes first.
    pub central_weights: Option<Vec<f64>>,
}

/// SMAA-2 results in one language: what `smaa` prints.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaReport {
    /// The language of every name and sentence in it.
    pub lang: Lang,
    /// Samples drawn.
    pub samples: usize,
    /// The criteria of the central weights, display names.
    pub criteria: Vec<String>,
    /// One row per ranked option (empty when every option is excluded).
    pub rows: Vec<SmaaRow>,
    /// Ranks counted in the acceptability table (fewer than the options
    /// when only the first ranks were counted).
    pub ranks_counted: usize,
    /// Whether the weights were drawn exactly (else approximately).
    pub exact_weights: bool,
    /// Options excluded before the analysis, with their reasons.
    pub excluded: Vec<ExcludedRow>,
}

impl SmaaReport {
    /// The report of a SMAA run on `evaluation`'s options.
    pub fn new(scenario: &Scenario, evaluation: &Evaluation, r: &SmaaResult, lang: Lang) -> Self {
        let index = ScenarioIndex::new(scenario);
        let rows = r
            .alternatives
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let acceptability = r.acceptability.get(i).cloned().unwrap_or_default();
                let first = acceptability.first().copied().unwrap_or(0.0);
                SmaaRow {
                    id: id.clone(),
                    name: index.alternative_name(id, lang),
                    acceptability,
                    confidence: r.confidence.get(i).copied().unwrap_or(0.0),
                    central_weights: (first != 0.0)
                        .then(|| r.central_weights.get(i).cloned().unwrap_or_default()),
                }
            })
            .collect();
        SmaaReport {
            lang,
            samples: r.samples,
            criteria: r
                .criteria
                .iter()
                .map(|c| scenario.criterion_name(c, lang))
                .collect(),
            rows,
            ranks_counted: r.acceptability.first().map_or(0, Vec::len),
            exact_weights: r.exact_weights,
            excluded: excluded_rows(scenario, &evaluation.excluded, lang),
        }
    }

    /// Width of the name column: the longest name, at least 6.
    fn name_width(&self) -> usize {
        self.rows
            .iter()
            .map(|row| row.name.chars().count())
            .max()
            .unwrap_or(0)
            .max(6)
    }
}

/// "SMAA: 10,000 weight draws (seed 1); share of draws in first place:
/// Mali 64%; CAR 30%.", the speaker notes of the robustness slide.
pub fn first_rank_note(scenario: &Scenario, r: &SmaaResult, seed: u64, lang: Lang) -> String {
    let shares: Vec<String> = r
        .alternatives
        .iter()
        .zip(&r.acceptability)
        .map(|(a, row)| {
            format!(
                "{} {}",
                scenario.alternative_name(a, lang),
                pct(row.first().copied().unwrap_or(0.0), 0, lang)
            )
        })
        .collect();
    tr!(
        lang,
        "deck.notes_smaa",
        samples = r.samples,
        seed = seed,
        list = shares.join("; ")
    )
}

/// The readable tables printed by `smaa`.
pub fn smaa_text(
    scenario: &Scenario,
    evaluation: &Evaluation,
    r: &SmaaResult,
    seed: u64,
    lang: Lang,
) -> String {
    let report = SmaaReport::new(scenario, evaluation, r, lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let heading = tr!(
        lang,
        "smaa.heading",
        method = evaluation.method.as_str(),
        profile = evaluation.profile,
        samples = report.samples,
        seed = seed
    );
    let _ = writeln!(out, "{heading}");
    if report.rows.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "smaa.all_excluded"));
    } else {
        out.push_str(&acceptability_table(&report));
        let _ = writeln!(out);
        out.push_str(&central_weights_table(&report));
        out.push_str(&caveats(&report));
    }
    for x in &report.excluded {
        let _ = writeln!(out, "{} — {}", x.name, x.because(lang));
    }
    out
}

/// Each option's share of each rank and its confidence, aligned.
fn acceptability_table(report: &SmaaReport) -> String {
    let lang = report.lang;
    let width = report.name_width();
    let mut out = String::new();
    let _ = write!(out, "{:<width$}", tr!(lang, "smaa.option"));
    for k in 1..=report.ranks_counted {
        let _ = write!(out, " {:>7}", tr!(lang, "smaa.rank_column", rank = k));
    }
    let _ = writeln!(out, " {:>11}", tr!(lang, "smaa.confidence"));
    for row in &report.rows {
        let _ = write!(out, "{:<width$}", row.name);
        for share in &row.acceptability {
            let _ = write!(out, " {:>7}", pct(*share, 1, lang));
        }
        let _ = writeln!(out, " {:>11}", pct(row.confidence, 1, lang));
    }
    out
}

/// The central weights of each option that ever comes first.
fn central_weights_table(report: &SmaaReport) -> String {
    let lang = report.lang;
    let width = report.name_width();
    let mut out = String::new();
    let _ = writeln!(out, "{}", tr!(lang, "smaa.central_heading"));
    let widths: Vec<usize> = report
        .criteria
        .iter()
        .map(|c| c.chars().count().max(7))
        .collect();
    let header: Vec<String> = report
        .criteria
        .iter()
        .zip(&widths)
        .map(|(c, &w)| format!("{c:>w$}"))
        .collect();
    let _ = writeln!(out, "{:<width$} {}", "", header.join(" | "));
    for row in &report.rows {
        let Some(weights) = &row.central_weights else {
            let _ = writeln!(
                out,
                "{:<width$} {}",
                row.name,
                tr!(lang, "smaa.never_first")
            );
            continue;
        };
        let cells: Vec<String> = weights
            .iter()
            .zip(&widths)
            .map(|(w, &cw)| format!("{:>cw$}", pct(*w, 1, lang)))
            .collect();
        let _ = writeln!(out, "{:<width$} {}", row.name, cells.join(" | "));
    }
    out
}

/// What the tables leave out: approximate weights, ranks not counted.
fn caveats(report: &SmaaReport) -> String {
    let lang = report.lang;
    let mut out = String::new();
    if !report.exact_weights {
        let _ = writeln!(out, "{}", tr!(lang, "smaa.approximate_weights"));
    }
    if report.ranks_counted < report.rows.len() {
        let _ = writeln!(
            out,
            "{}",
            tr!(lang, "smaa.ranks_counted", ranks = report.ranks_counted)
        );
    }
    out
}
