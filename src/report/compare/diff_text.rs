//! The readable report of `diff`: files, changes, rankings side by side
//! with moves, the per-criterion terms (wsm) and the summary.

use super::{change_lines, criterion_name, option_name, signed, signed_pair, summary};
use crate::analysis::Evaluation;
use crate::analysis::compare::{Comparison, Explanation};
use crate::i18n::num;
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::report::exclusions::reason_message;
use crate::tr;

/// A text table indented by two spaces: the first column padded to its
/// widest cell or header, the others right-aligned to the widest of their
/// headers (at least 8 characters), two spaces between columns.
pub(super) fn aligned_table(heads: &[&str], rows: &[(String, Vec<String>)]) -> String {
    use std::fmt::Write;
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .chain(heads.first().map(|h| h.chars().count()))
        .max()
        .unwrap_or(0);
    let col = heads
        .iter()
        .skip(1)
        .map(|h| h.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let mut out = String::new();
    let mut line = |first: &str, cells: &mut dyn Iterator<Item = &str>| {
        let _ = write!(out, "  {}", pad(first, width));
        for cell in cells {
            let _ = write!(out, "  {cell:>col$}");
        }
        out.push('\n');
    };
    line(
        heads.first().copied().unwrap_or(""),
        &mut heads.iter().skip(1).copied(),
    );
    for (label, cells) in rows {
        line(label, &mut cells.iter().map(String::as_str));
    }
    out
}

/// Pads `s` with spaces to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// The readable report: files, changes, rankings side by side with moves,
/// the per-criterion terms (wsm) and the summary.
pub fn diff_text(
    a: &Scenario,
    b: &Scenario,
    c: &Comparison,
    labels: &(String, String),
    lang: Lang,
) -> String {
    let mut out = files_lines(a, b, c, labels, lang);
    out.push_str(&changes_block(a, b, c, lang));
    out.push_str(&rankings_block(a, b, c, lang));
    if let Some(e) = c.explanation() {
        out.push_str(&terms_block(a, b, e, lang));
        out.push_str(&super::diff_groups::groups_text(a, b, e, lang));
    }
    out.push_str(&format!(
        "\n{}\n  {}\n",
        tr!(lang, "compare.cli.summary"),
        summary(a, b, c, lang)
    ));
    out
}

/// Which files are compared, then the method and each side's profile.
fn files_lines(
    a: &Scenario,
    b: &Scenario,
    c: &Comparison,
    labels: &(String, String),
    lang: Lang,
) -> String {
    let files = tr!(
        lang,
        "compare.cli.files",
        a = format!("{} — {}", labels.0, a.title.get(lang)),
        b = format!("{} — {}", labels.1, b.title.get(lang))
    );
    let method = tr!(
        lang,
        "compare.cli.method",
        method = c.method.as_str(),
        profile_a = c.a.profile.clone(),
        profile_b = c.b.profile.clone()
    );
    format!("{files}\n{method}\n\n")
}

/// "Changes:" and one bulleted line per change (or that there are none).
fn changes_block(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{}", tr!(lang, "compare.cli.changes"));
    let lines = change_lines(a, b, c, lang);
    if lines.is_empty() {
        let _ = writeln!(out, "  {}", tr!(lang, "compare.cli.no_changes"));
    }
    for line in lines {
        let _ = writeln!(out, "  • {line}");
    }
    out
}

/// Both rankings side by side with each option's move, then the options
/// excluded on either side.
fn rankings_block(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", tr!(lang, "compare.cli.ranking"));
    let (index_a, index_b) = (ScenarioIndex::new(a), ScenarioIndex::new(b));
    let (width_a, width_b) = (
        name_width(&index_a, &c.a, lang),
        name_width(&index_b, &c.b, lang),
    );
    let left_width = 3 + 2 + width_a + 2 + 7;
    let mut moves = std::collections::HashMap::new();
    for m in &c.moves {
        moves.entry(m.alternative.as_str()).or_insert(m);
    }
    for k in 0..c.a.ranking.len().max(c.b.ranking.len()) {
        let mark = c.b.ranking.get(k).map_or_else(String::new, |r| {
            match moves
                .get(r.alternative.as_str())
                .and_then(|m| m.places_up())
            {
                Some(0) => "=".to_string(),
                Some(up) if up > 0 => format!("↑{up}"),
                Some(down) => format!("↓{}", -down),
                None => tr!(lang, "compare.cli.new"),
            }
        });
        let left = ranking_cell(&index_a, &c.a, k, width_a, lang);
        let right = ranking_cell(&index_b, &c.b, k, width_b, lang);
        let _ = writeln!(out, "  {} │ {right}  {mark}", pad(&left, left_width));
    }
    for (side, s, e) in [("A", &index_a, &c.a), ("B", &index_b, &c.b)] {
        for x in &e.excluded {
            let reasons: Vec<String> = x
                .reasons
                .iter()
                .map(|r| reason_message(s.scenario(), r, lang))
                .collect();
            let line = tr!(
                lang,
                "compare.cli.excluded",
                side = side,
                option = s.alternative_name(&x.alternative, lang),
                reasons = reasons.join("; ")
            );
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The widest name among an evaluation's ranked options.
fn name_width(s: &ScenarioIndex<'_>, e: &Evaluation, lang: Lang) -> usize {
    e.ranking
        .iter()
        .map(|r| s.alternative_name(&r.alternative, lang).chars().count())
        .max()
        .unwrap_or(0)
}

/// "  1  Mali     0.6123": the `k`-th ranked option, empty past the end.
fn ranking_cell(
    s: &ScenarioIndex<'_>,
    e: &Evaluation,
    k: usize,
    width: usize,
    lang: Lang,
) -> String {
    e.ranking.get(k).map_or_else(String::new, |r| {
        format!(
            "{:>3}  {}  {:>7}",
            r.rank,
            pad(&s.alternative_name(&r.alternative, lang), width),
            num(r.score, 4, lang)
        )
    })
}

/// Why the gap between the two top options moved: one row per criterion
/// with its weight and value effects.
fn terms_block(a: &Scenario, b: &Scenario, e: &Explanation, lang: Lang) -> String {
    let (gap_a, gap_b) = signed_pair(e.gap_a, e.gap_b, lang);
    let mut out = format!(
        "\n{}\n",
        tr!(
            lang,
            "compare.cli.terms",
            second = option_name(a, b, &e.second, lang),
            first = option_name(a, b, &e.first, lang),
            from = gap_a,
            to = gap_b
        )
    );
    let header = tr!(lang, "compare.cli.terms_header");
    let heads: Vec<&str> = header.split('|').collect();
    let rows: Vec<(String, Vec<String>)> = e
        .terms
        .iter()
        .map(|t| {
            (
                criterion_name(a, b, &t.criterion, lang),
                vec![signed(t.weight_effect, lang), signed(t.value_effect, lang)],
            )
        })
        .collect();
    out.push_str(&aligned_table(&heads, &rows));
    out
}
