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
use crate::charts::{ChartKind, method_name};
use crate::i18n::value;
use crate::model::{Lang, Scenario};
use crate::report::findings::{Consideration, Findings};
use crate::report::ranking::RankingReport;
use crate::report::smaa::first_rank_note;
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
/// weaknesses with the ids of the sources cited (worded in report::findings).
fn consideration_item(c: &Consideration, lang: Lang) -> Inline {
    let mut spans = vec![Span::Strong(c.name.clone())];
    let status = c.status_text(lang);
    if !status.is_empty() {
        spans.push(Span::Text(status));
    }
    spans.extend(c.points_text(lang).map(Span::Text));
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
        blocks.push(Block::Paragraph(text(resources_sentence(scenario, lang))));
    }
    blocks.push(Block::Paragraph(text(who_decides(scenario, lang))));
    blocks
}

/// "The caps: Military personnel (600 personnel), …".
fn resources_sentence(scenario: &Scenario, lang: Lang) -> String {
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
    tr!(lang, "note.resources", list = list.join(", "))
}

/// Whose points of view the weights are, then the author and the date.
fn who_decides(scenario: &Scenario, lang: Lang) -> String {
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
    who
}

/// The note: the front pages, a page break, then the annexes.
pub fn note_page(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
    findings: &Findings,
    figures: &[Block],
) -> Result<Page, ExportError> {
    let lang = options.lang;
    let mut blocks = front_pages(scenario, options, findings, figures);
    blocks.push(Block::PageBreak);
    blocks.extend(annexes(scenario, options, findings, figures)?);
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

/// Purpose, background, considerations, analysis and recommendation.
fn front_pages(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
    findings: &Findings,
    figures: &[Block],
) -> Vec<Block> {
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
    blocks
}

/// The annexes: options and criteria, results (and the comparison), the
/// charts, the exclusions, the evidence and its sources.
fn annexes(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
    findings: &Findings,
    figures: &[Block],
) -> Result<Vec<Block>, ExportError> {
    let lang = options.lang;
    let mut blocks = vec![Block::Heading(2, tr!(lang, "note.annex_criteria"))];
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
    Ok(blocks)
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
    let build = DeckBuilder {
        scenario,
        options,
        findings,
        sensitivity_sentences,
        file_note: options
            .source_file
            .map(|f| tr!(lang, "deck.notes_file", file = f)),
    };
    let slides = [
        Some(build.title_slide()),
        build.ranking_slide(),
        build.strengths_slide(),
        build.robustness_slide(),
        build.switch_slide(),
        build.profiles_slide(),
        build.comparison_slide(),
        Some(build.recommendation_slide()),
    ];
    Deck {
        lang: match lang {
            Lang::En => "en-GB",
            Lang::Fr => "fr-FR",
        },
        title: scenario.title.get(lang).to_string(),
        slides: slides.into_iter().flatten().collect(),
    }
}

/// What every slide of the deck is made from.
struct DeckBuilder<'a> {
    scenario: &'a Scenario,
    options: &'a BriefOptions<'a>,
    findings: &'a Findings,
    sensitivity_sentences: &'a [String],
    /// "Source file: …", the last line of every slide's notes.
    file_note: Option<String>,
}

impl DeckBuilder<'_> {
    fn lang(&self) -> Lang {
        self.options.lang
    }

    /// `notes` followed by the source file's name.
    fn with_file(&self, mut notes: Vec<String>) -> Vec<String> {
        notes.extend(self.file_note.clone());
        notes
    }

    /// A slide with a headline, a chart, its caption and speaker notes.
    fn slide(
        &self,
        headline: String,
        chart: Option<String>,
        caption: String,
        notes: Vec<String>,
    ) -> Slide {
        Slide {
            headline,
            lines: Vec::new(),
            chart,
            caption,
            notes: self.with_file(notes),
        }
    }

    /// The title, author and date, with the recommendation in the notes.
    fn title_slide(&self) -> Slide {
        let (scenario, lang) = (self.scenario, self.lang());
        let mut lines = vec![tr!(lang, "note.title")];
        lines.extend(super::brief::author_and_date(scenario, lang));
        Slide {
            headline: scenario.title.get(lang).to_string(),
            lines,
            chart: None,
            caption: String::new(),
            notes: self.with_file(vec![self.findings.recommendation.clone()]),
        }
    }

    /// The ranking, with every score in the notes.
    fn ranking_slide(&self) -> Option<Slide> {
        let (scenario, lang) = (self.scenario, self.lang());
        let profile = select_profile(scenario, self.options.profile).ok()?;
        let e = evaluate_profile(scenario, profile, self.options.method);
        let report = RankingReport::new(scenario, &e, &[], &[], lang);
        Some(self.slide(
            self.findings.headline.clone(),
            Some(png("ranking")),
            ChartKind::Ranking.title(lang),
            vec![report.scores_note(profile.name.get(lang))],
        ))
    }

    /// Strengths of the top option, with the evidence in the notes.
    fn strengths_slide(&self) -> Option<Slide> {
        let (findings, lang) = (self.findings, self.lang());
        let top = findings
            .considerations
            .iter()
            .find(|c| Some(&c.option) == findings.top.as_ref())
            .filter(|top| !top.strengths.is_empty())?;
        let ids: Vec<String> = top
            .strengths
            .iter()
            .chain(&top.weaknesses)
            .flat_map(|p| p.sources.clone())
            .collect();
        let mut notes = vec![top.text(lang)];
        let titles = source_titles(self.scenario, &ids);
        if !titles.is_empty() {
            notes.push(tr!(lang, "deck.notes_sources", list = titles.join("; ")));
        }
        Some(self.slide(
            top.strengths_headline(lang),
            Some(png("contributions")),
            ChartKind::Contributions.title(lang),
            notes,
        ))
    }

    /// Robustness: the SMAA acceptability, or the nearest switch.
    fn robustness_slide(&self) -> Option<Slide> {
        let (scenario, options, findings, lang) =
            (self.scenario, self.options, self.findings, self.lang());
        if findings.robustness.is_empty() {
            return None;
        }
        let mut notes = Vec::new();
        if let Some(smaa) = options.smaa {
            let seed = crate::analysis::smaa::SmaaOptions::default().seed;
            notes.push(first_rank_note(scenario, smaa, seed, lang));
        }
        notes.extend(self.sensitivity_sentences.iter().cloned());
        let (chart, caption) = match (options.smaa, &findings.switch) {
            (Some(_), _) => (
                Some(png("acceptability")),
                ChartKind::Acceptability.title(lang),
            ),
            (None, Some(s)) => (
                Some(sensitivity_png(&s.criterion)),
                self.sensitivity_caption(&s.criterion),
            ),
            (None, None) => (None, String::new()),
        };
        Some(self.slide(findings.robustness.clone(), chart, caption, notes))
    }

    /// The nearest switch, on the sensitivity chart of its criterion (when
    /// the robustness slide showed SMAA instead).
    fn switch_slide(&self) -> Option<Slide> {
        let switch = self.findings.switch.as_ref()?;
        self.options.smaa?;
        let j = self
            .scenario
            .criteria
            .iter()
            .position(|c| c.id == switch.criterion)?;
        let sentence = self.sensitivity_sentences.get(j)?;
        Some(self.slide(
            sentence.clone(),
            Some(sensitivity_png(&switch.criterion)),
            self.sensitivity_caption(&switch.criterion),
            self.sensitivity_sentences.to_vec(),
        ))
    }

    /// "Sensitivity to the weight on Risk": a sensitivity chart's caption.
    fn sensitivity_caption(&self, criterion: &str) -> String {
        let lang = self.lang();
        tr!(
            lang,
            "chart.sensitivity.title_for",
            criterion = self.scenario.criterion_name(criterion, lang)
        )
    }

    /// Who favours what.
    fn profiles_slide(&self) -> Option<Slide> {
        let headline = self.findings.profiles_headline.as_ref()?;
        Some(self.slide(
            headline.clone(),
            Some(png("stakeholders")),
            ChartKind::Stakeholders.title(self.lang()),
            self.findings.profiles.clone(),
        ))
    }

    /// The comparison, with the waterfall.
    fn comparison_slide(&self) -> Option<Slide> {
        let (Some(comparison), Some(other)) = (self.options.comparison, self.options.other) else {
            return None;
        };
        let lang = self.lang();
        let summary = crate::report::compare::summary(self.scenario, other, comparison, lang);
        Some(self.slide(
            crate::report::compare::summary_headline(&summary),
            self.options.explanation.map(|_| png("waterfall")),
            ChartKind::Waterfall.title(lang),
            vec![summary],
        ))
    }

    /// The recommendation, with every source in the notes.
    fn recommendation_slide(&self) -> Slide {
        let (scenario, lang) = (self.scenario, self.lang());
        let all_sources: Vec<String> = scenario.sources.iter().map(|s| s.id.clone()).collect();
        let mut notes = vec![self.findings.robustness.clone()];
        let titles = source_titles(scenario, &all_sources);
        if !titles.is_empty() {
            notes.push(tr!(lang, "deck.notes_sources", list = titles.join("; ")));
        }
        self.slide(
            self.findings.recommendation.clone(),
            Some(png("heatmap")),
            ChartKind::Heatmap.title(lang),
            notes,
        )
    }
}

/// The PNG file of a criterion's sensitivity chart.
fn sensitivity_png(criterion: &str) -> String {
    png(&format!(
        "sensitivity-{}",
        super::brief::file_safe(criterion)
    ))
}
