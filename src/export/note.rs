//! The briefing note (Word and PDF) and the slide deck, assembled from the
//! [`Findings`] and the briefing page's sections: the note leads with the
//! answer on at most two pages (purpose, background, considerations,
//! analysis, recommendation), the detail follows in annexes; the deck gives
//! one finding per slide, each with one chart and speaker notes.

use super::ExportError;
use super::brief::{
    BriefOptions, comparison_section, criteria_section, evidence_section, results_section,
};
use super::document::{Block, Inline, Page, Span, text};
use super::pptx::{Deck, Slide};
use crate::analysis::{evaluate_profile, select_profile};
use crate::charts::method_name;
use crate::i18n::{num, pct, value};
use crate::model::{Lang, Scenario};
use crate::report::findings::{Consideration, Findings};
use crate::tr;

/// The PNG file name of a chart stem (the key of its print image).
fn png(stem: &str) -> String {
    format!("{stem}.png")
}

/// The figure whose PNG is `stem`.png, when the pack has it.
fn figure(figures: &[Block], stem: &str) -> Option<Block> {
    let key = png(stem);
    figures
        .iter()
        .find(|f| matches!(f, Block::Figure { png_file, .. } if *png_file == key))
        .cloned()
}

/// `blocks` with their first heading replaced by `title` at level 2.
fn retitled(mut blocks: Vec<Block>, title: String) -> Vec<Block> {
    if let Some(first) = blocks.iter_mut().find(|b| matches!(b, Block::Heading(..))) {
        *first = Block::Heading(2, title);
    }
    blocks
}

/// One option's consideration as a list item: name, rank, strengths and
/// weaknesses with the ids of the sources cited.
fn consideration_item(c: &Consideration, lang: Lang) -> Inline {
    let mut spans = vec![Span::Strong(c.name.clone())];
    if let Some(reasons) = &c.excluded {
        spans.push(Span::Text(format!(
            " ({})",
            tr!(lang, "note.excluded", reasons = reasons)
        )));
        return spans;
    }
    if let Some(rank) = c.rank {
        spans.push(Span::Text(format!(
            " ({}). ",
            tr!(lang, "note.rank", rank = rank)
        )));
    }
    let cite = |points: &[crate::report::findings::Point]| -> String {
        points
            .iter()
            .map(|p| {
                if p.sources.is_empty() {
                    p.text.clone()
                } else {
                    format!("{} [{}]", p.text, p.sources.join("; "))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut parts = Vec::new();
    if !c.strengths.is_empty() {
        parts.push(tr!(lang, "note.strengths", list = cite(&c.strengths)));
    }
    if !c.weaknesses.is_empty() {
        parts.push(tr!(lang, "note.weaknesses", list = cite(&c.weaknesses)));
    }
    if parts.is_empty() {
        parts.push(tr!(lang, "note.middling"));
    }
    spans.push(Span::Text(parts.join(" ")));
    spans
}

/// The background: how many options and criteria, the method, the options
/// with their needs, the resources, and whose points of view the weights are.
fn background(scenario: &Scenario, options: &BriefOptions<'_>) -> Vec<Block> {
    let lang = options.lang;
    let mut blocks = vec![Block::Heading(2, tr!(lang, "note.background"))];
    blocks.push(Block::Paragraph(text(tr!(
        lang,
        "note.background_options",
        count = scenario.alternatives.len(),
        criteria = scenario.criteria.len(),
        method = method_name(options.method, lang)
    ))));
    // Names and needs only: the descriptions are in annex A.
    if let Some(Block::List(items)) = super::brief::options_section(scenario, lang).pop() {
        let short = items
            .into_iter()
            .map(|spans| {
                spans
                    .into_iter()
                    .filter(|s| !matches!(s, Span::Text(t) if t.starts_with(" — ")))
                    .collect()
            })
            .collect();
        blocks.push(Block::List(short));
    }
    if !scenario.resources.is_empty() {
        let list: Vec<String> = scenario
            .resources
            .iter()
            .map(|r| {
                format!(
                    "{} ({} {})",
                    r.name.get(lang),
                    value(r.cap, 2, lang),
                    r.unit.get(lang)
                )
                .replace(" )", ")")
            })
            .collect();
        blocks.push(Block::Paragraph(text(tr!(
            lang,
            "note.resources",
            list = list.join(", ")
        ))));
    }
    let names: Vec<String> = scenario
        .profiles
        .iter()
        .map(|p| p.name.get(lang).to_string())
        .collect();
    let mut who = tr!(
        lang,
        "note.who_decides",
        count = names.len(),
        list = names.join(", ")
    );
    if let Some(author) = &scenario.author {
        who = format!("{who} {}.", tr!(lang, "brief.author", author = author));
    }
    if let Some(date) = &scenario.date {
        who = format!("{who} {}.", tr!(lang, "brief.date", date = date));
    }
    blocks.push(Block::Paragraph(text(who)));
    blocks
}

/// The note: the front pages, a page break, then the annexes.
pub fn note_page(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
    findings: &Findings,
    figures: &[Block],
) -> Result<Page, ExportError> {
    let lang = options.lang;
    let mut blocks = vec![Block::Heading(2, tr!(lang, "note.purpose"))];
    blocks.push(Block::Paragraph(vec![Span::Strong(
        scenario.title.get(lang).to_string(),
    )]));
    if !scenario.description.is_empty() {
        blocks.push(Block::Paragraph(text(scenario.description.get(lang))));
    }
    blocks.extend(background(scenario, options));
    blocks.push(Block::Heading(2, tr!(lang, "note.considerations")));
    blocks.push(Block::List(
        findings
            .considerations
            .iter()
            .map(|c| consideration_item(c, lang))
            .collect(),
    ));
    blocks.push(Block::Heading(2, tr!(lang, "note.analysis")));
    blocks.push(Block::Paragraph(text(findings.headline.clone())));
    if let Some(f) = figure(figures, "ranking") {
        blocks.push(f);
    }
    if let Some(h) = &findings.profiles_headline {
        blocks.push(Block::Paragraph(text(h.clone())));
        blocks.push(Block::List(
            findings.profiles.iter().cloned().map(text).collect(),
        ));
    }
    if !findings.robustness.is_empty() {
        blocks.push(Block::Paragraph(text(findings.robustness.clone())));
    }
    blocks.push(Block::Heading(2, tr!(lang, "note.recommendation")));
    blocks.push(Block::Paragraph(vec![Span::Strong(
        findings.recommendation.clone(),
    )]));
    blocks.push(Block::PageBreak);

    blocks.push(Block::Heading(2, tr!(lang, "note.annex_criteria")));
    for section in [
        super::brief::options_section(scenario, lang),
        criteria_section(scenario, lang),
        super::brief_groups::group_weights_section(scenario, lang),
    ] {
        // Each section's own heading becomes a sub-heading of the annex.
        blocks.extend(section.into_iter().map(|b| match b {
            Block::Heading(_, t) => Block::Heading(3, t),
            other => other,
        }));
    }
    let results = results_section(scenario, options)?;
    let excluded_heading = tr!(lang, "brief.excluded");
    let cut = results
        .iter()
        .position(|b| matches!(b, Block::Heading(3, t) if *t == excluded_heading))
        .unwrap_or(results.len());
    blocks.extend(retitled(
        results.into_iter().take(cut).collect(),
        tr!(lang, "note.annex_results"),
    ));
    if let (Some(comparison), Some(other)) = (options.comparison, options.other) {
        blocks.extend(comparison_section(scenario, other, comparison, options));
    }
    blocks.push(Block::Heading(2, tr!(lang, "note.annex_charts")));
    blocks.extend(figures.iter().cloned());
    blocks.push(Block::Heading(2, tr!(lang, "note.annex_exclusions")));
    let excluded: Vec<Inline> = findings
        .considerations
        .iter()
        .filter(|c| c.excluded.is_some())
        .map(|c| consideration_item(c, lang))
        .collect();
    if excluded.is_empty() {
        blocks.push(Block::Paragraph(text(tr!(lang, "brief.none_excluded"))));
    } else {
        blocks.push(Block::List(excluded));
    }
    blocks.extend(retitled(
        evidence_section(scenario, lang),
        tr!(lang, "note.annex_sources"),
    ));
    let footer = match options.source_file {
        Some(file) => tr!(lang, "brief.footer_file", file = file),
        None => tr!(lang, "brief.footer"),
    };
    Ok(Page {
        lang: lang.code(),
        title: format!("{} — {}", tr!(lang, "note.title"), scenario.title.get(lang)),
        blocks,
        footer,
    })
}

/// The titles of the sources with these ids, for speaker notes.
fn source_titles(scenario: &Scenario, ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let title = scenario
            .source(id)
            .map_or_else(|| id.clone(), |s| format!("[{id}] {}", s.title));
        if !out.contains(&title) {
            out.push(title);
        }
    }
    out
}

/// The slide deck: a title slide, then one finding per slide.
pub fn deck(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
    findings: &Findings,
    sensitivity_sentences: &[String],
) -> Deck {
    let lang = options.lang;
    let mut title_lines = vec![tr!(lang, "note.title")];
    let mut meta = Vec::new();
    if let Some(author) = &scenario.author {
        meta.push(tr!(lang, "brief.author", author = author));
    }
    if let Some(date) = &scenario.date {
        meta.push(tr!(lang, "brief.date", date = date));
    }
    if !meta.is_empty() {
        title_lines.push(meta.join(" · "));
    }
    let file_note = options
        .source_file
        .map(|f| tr!(lang, "deck.notes_file", file = f));
    let with_file = |mut notes: Vec<String>| {
        notes.extend(file_note.clone());
        notes
    };
    let mut slides = vec![Slide {
        headline: scenario.title.get(lang).to_string(),
        lines: title_lines,
        chart: None,
        caption: String::new(),
        notes: with_file(vec![findings.recommendation.clone()]),
    }];
    // The ranking, with every score in the notes.
    let profile = select_profile(scenario, options.profile).ok();
    if let Some(profile) = profile {
        let e = evaluate_profile(scenario, profile, options.method);
        let list: Vec<String> = e
            .ranking
            .iter()
            .map(|r| {
                format!(
                    "{}. {} {}",
                    r.rank,
                    scenario.alternative_name(&r.alternative, lang),
                    num(r.score, 3, lang)
                )
            })
            .collect();
        slides.push(Slide {
            headline: findings.headline.clone(),
            lines: Vec::new(),
            chart: Some(png("ranking")),
            caption: crate::charts::ChartKind::Ranking.title(lang),
            notes: with_file(vec![tr!(
                lang,
                "deck.notes_scores",
                method = method_name(options.method, lang),
                profile = profile.name.get(lang),
                list = list.join("; ")
            )]),
        });
    }
    // Strengths of the top option, with the evidence in the notes.
    if let Some(top) = findings
        .considerations
        .iter()
        .find(|c| Some(&c.option) == findings.top.as_ref())
        && !top.strengths.is_empty()
    {
        let points: Vec<String> = top.strengths.iter().map(|p| p.text.clone()).collect();
        let ids: Vec<String> = top
            .strengths
            .iter()
            .chain(&top.weaknesses)
            .flat_map(|p| p.sources.clone())
            .collect();
        let mut notes = vec![consideration_text(top, lang)];
        let titles = source_titles(scenario, &ids);
        if !titles.is_empty() {
            notes.push(tr!(lang, "deck.notes_sources", list = titles.join("; ")));
        }
        slides.push(Slide {
            headline: format!(
                "{} — {}",
                top.name,
                tr!(lang, "note.strengths", list = points.join("; "))
            ),
            lines: Vec::new(),
            chart: Some(png("contributions")),
            caption: crate::charts::ChartKind::Contributions.title(lang),
            notes: with_file(notes),
        });
    }
    // Robustness: the SMAA acceptability, or the nearest switch.
    if !findings.robustness.is_empty() {
        let mut notes = Vec::new();
        if let Some(smaa) = options.smaa {
            let shares: Vec<String> = smaa
                .alternatives
                .iter()
                .zip(&smaa.acceptability)
                .map(|(a, row)| {
                    format!(
                        "{} {}",
                        scenario.alternative_name(a, lang),
                        pct(row.first().copied().unwrap_or(0.0), 0, lang)
                    )
                })
                .collect();
            notes.push(tr!(
                lang,
                "deck.notes_smaa",
                samples = smaa.samples,
                seed = crate::analysis::smaa::SmaaOptions::default().seed,
                list = shares.join("; ")
            ));
        }
        notes.extend(sensitivity_sentences.iter().cloned());
        let (chart, caption) = match (options.smaa, &findings.switch) {
            (Some(_), _) => (
                Some(png("acceptability")),
                crate::charts::ChartKind::Acceptability.title(lang),
            ),
            (None, Some(s)) => (
                Some(png(&format!(
                    "sensitivity-{}",
                    super::brief::file_safe(&s.criterion)
                ))),
                tr!(
                    lang,
                    "chart.sensitivity.title_for",
                    criterion = scenario.criterion_name(&s.criterion, lang)
                ),
            ),
            (None, None) => (None, String::new()),
        };
        slides.push(Slide {
            headline: findings.robustness.clone(),
            lines: Vec::new(),
            chart,
            caption,
            notes: with_file(notes),
        });
    }
    // The nearest switch, on the sensitivity chart of its criterion.
    if let (Some(switch), Some(_)) = (&findings.switch, options.smaa) {
        let index = scenario
            .criteria
            .iter()
            .position(|c| c.id == switch.criterion);
        if let Some(sentence) = index.and_then(|j| sensitivity_sentences.get(j)) {
            slides.push(Slide {
                headline: sentence.clone(),
                lines: Vec::new(),
                chart: Some(png(&format!(
                    "sensitivity-{}",
                    super::brief::file_safe(&switch.criterion)
                ))),
                caption: tr!(
                    lang,
                    "chart.sensitivity.title_for",
                    criterion = scenario.criterion_name(&switch.criterion, lang)
                ),
                notes: with_file(sensitivity_sentences.to_vec()),
            });
        }
    }
    // Who favours what.
    if let Some(h) = &findings.profiles_headline {
        slides.push(Slide {
            headline: h.clone(),
            lines: Vec::new(),
            chart: Some(png("stakeholders")),
            caption: crate::charts::ChartKind::Stakeholders.title(lang),
            notes: with_file(findings.profiles.clone()),
        });
    }
    // The comparison, with the waterfall.
    if let (Some(comparison), Some(other)) = (options.comparison, options.other) {
        let summary = crate::report::compare::summary(scenario, other, comparison, lang);
        // The first sentence states the finding; the whole summary goes to the notes.
        let headline = match summary.split_once(". ") {
            Some((first, _)) => format!("{first}."),
            None => summary.clone(),
        };
        slides.push(Slide {
            headline,
            lines: Vec::new(),
            chart: options.explanation.map(|_| png("waterfall")),
            caption: crate::charts::ChartKind::Waterfall.title(lang),
            notes: with_file(vec![summary]),
        });
    }
    // The recommendation.
    let all_sources: Vec<String> = scenario.sources.iter().map(|s| s.id.clone()).collect();
    let mut notes = vec![findings.robustness.clone()];
    let titles = source_titles(scenario, &all_sources);
    if !titles.is_empty() {
        notes.push(tr!(lang, "deck.notes_sources", list = titles.join("; ")));
    }
    slides.push(Slide {
        headline: findings.recommendation.clone(),
        lines: Vec::new(),
        chart: Some(png("heatmap")),
        caption: crate::charts::ChartKind::Heatmap.title(lang),
        notes: with_file(notes),
    });
    Deck {
        lang: match lang {
            Lang::En => "en-GB",
            Lang::Fr => "fr-FR",
        },
        title: scenario.title.get(lang).to_string(),
        slides,
    }
}

/// One option's consideration as plain text (speaker notes).
fn consideration_text(c: &Consideration, lang: Lang) -> String {
    consideration_item(c, lang)
        .iter()
        .map(|s| match s {
            Span::Text(t) | Span::Strong(t) | Span::Tag(t) => t.clone(),
            Span::Link { text, .. } => text.clone(),
        })
        .collect()
}
