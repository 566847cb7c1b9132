//! The briefing pack (`tradeoff brief`): every chart as PNG and SVG, and one
//! page, in HTML (self-contained, prints cleanly) and Markdown, that states
//! the question, options, criteria and weights, results per method,
//! exclusions, sensitivity findings in plain words and the evidence.
//!
//! The page is a list of blocks built by one function per section, so a
//! comparison page (`--compare`) can reuse the sections and add its own.
//! The same pack holds the briefing note (Word and PDF) and the slide deck
//! (`export::note`), all from one set of [`Findings`].

use super::document::{Block, Inline, Page, PrintImage, Span, text};
use super::{ExportError, ImageFormat, chart_bytes, write_file};
use crate::analysis::compare::{Comparison, Explanation};
use crate::analysis::smaa::SmaaResult;
use crate::analysis::{Method, evaluate_methods, select_profile};
use crate::charts::{ChartInput, ChartKind, method_name};
use crate::i18n::{num, pct, value};
use crate::model::{Direction, Lang, Node, Scenario, ScenarioIndex, ValueTree};
use crate::report::findings::{Findings, findings};
use crate::report::ranking::{RankingReport, dominance};
use crate::tr;
use std::path::{Path, PathBuf};

/// What a briefing pack is built from, besides the scenario.
#[derive(Debug, Clone, Copy)]
pub struct BriefOptions<'a> {
    /// Language of every word.
    pub lang: Lang,
    /// Weight profile of the charts (id or name); None: the active one.
    pub profile: Option<&'a str>,
    /// Method of the charts.
    pub method: Method,
    /// Chart size in pixels.
    pub width_px: u32,
    /// Chart size in pixels.
    pub height_px: u32,
    /// SMAA results, when a run is available (adds the acceptability chart).
    pub smaa: Option<&'a SmaaResult>,
    /// A comparison with another scenario (adds the waterfall).
    pub explanation: Option<&'a Explanation>,
    /// The other scenario of the comparison (B).
    pub other: Option<&'a Scenario>,
    /// The comparison of this scenario (A) with `other` (B): adds the comparison page.
    pub comparison: Option<&'a Comparison>,
    /// Name of the other scenario's file.
    pub other_file: Option<&'a str>,
    /// Name of the scenario file, shown in the footer.
    pub source_file: Option<&'a str>,
}

impl<'a> BriefOptions<'a> {
    /// Defaults: active profile, wsm, 1200×750 charts, nothing precomputed.
    pub fn new(lang: Lang) -> Self {
        BriefOptions {
            lang,
            profile: None,
            method: Method::Wsm,
            width_px: 1200,
            height_px: 750,
            smaa: None,
            explanation: None,
            other: None,
            comparison: None,
            other_file: None,
            source_file: None,
        }
    }
}

/// The files a briefing pack wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefFiles {
    /// The HTML page.
    pub html: PathBuf,
    /// The Markdown copy.
    pub markdown: PathBuf,
    /// Every chart image (PNG and SVG).
    pub images: Vec<PathBuf>,
    /// The briefing note in Word.
    pub docx: PathBuf,
    /// The same note as PDF.
    pub pdf: PathBuf,
    /// The slide deck.
    pub pptx: PathBuf,
}

/// How far a pack has got: `done` of `total` steps (one per chart, then
/// the page, the note in Word and PDF, and the deck).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Steps finished.
    pub done: usize,
    /// Steps in all.
    pub total: usize,
}

/// Width of the print-quality chart images: over 300 dpi across a 16 cm
/// column (Word) or a slide picture up to 9.5 inches wide (PowerPoint).
const PRINT_WIDTH_PX: u32 = 3000;

/// One chart of the pack: kind, criterion (sensitivity) and file stem.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedChart {
    /// Which chart.
    pub kind: ChartKind,
    /// Criterion id for a sensitivity chart.
    pub criterion: Option<String>,
    /// File name without extension.
    pub stem: String,
    /// Groups the chart shows opened into their children.
    pub expanded: Vec<String>,
}

/// A file-name-safe version of an id.
pub(crate) fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The charts a pack holds: every chart that has data, with one
/// sensitivity chart per criterion and per group, and one value-function
/// chart per criterion that has a value function.
pub fn planned_charts(scenario: &Scenario, options: &BriefOptions<'_>) -> Vec<PlannedChart> {
    let mut out = Vec::new();
    for kind in ChartKind::ALL {
        match kind {
            // With a value tree the contributions come by group, then by criterion.
            ChartKind::Contributions if !scenario.groups.is_empty() => {
                out.push(PlannedChart::whole(kind));
                out.push(PlannedChart {
                    kind,
                    criterion: None,
                    stem: format!("{}-criteria", kind.as_str()),
                    expanded: scenario.groups.iter().map(|g| g.id.clone()).collect(),
                });
            }
            ChartKind::Acceptability if options.smaa.is_none() => {}
            ChartKind::Waterfall if options.explanation.is_none() => {}
            ChartKind::Stakeholders if scenario.profiles.len() < 2 => {}
            ChartKind::Frontier if crate::analysis::frontier::default_cost(scenario).is_none() => {}
            ChartKind::Sensitivity => {
                let ids = scenario
                    .criteria
                    .iter()
                    .map(|c| &c.id)
                    .chain(scenario.groups.iter().map(|g| &g.id));
                out.extend(ids.map(|id| PlannedChart::of(kind, "sensitivity", id)));
            }
            ChartKind::ValueSensitivity => {
                let ids = scenario
                    .criteria
                    .iter()
                    .filter(|c| c.value_function.is_some())
                    .map(|c| &c.id);
                out.extend(ids.map(|id| PlannedChart::of(kind, "value-sensitivity", id)));
            }
            _ => out.push(PlannedChart::whole(kind)),
        }
    }
    out
}

impl PlannedChart {
    /// A chart of the whole scenario, its file named after its kind.
    fn whole(kind: ChartKind) -> Self {
        PlannedChart {
            kind,
            criterion: None,
            stem: kind.as_str().to_string(),
            expanded: Vec::new(),
        }
    }

    /// A chart of one criterion or group, its file "`prefix`-`id`".
    fn of(kind: ChartKind, prefix: &str, id: &str) -> Self {
        PlannedChart {
            kind,
            criterion: Some(id.to_string()),
            stem: format!("{prefix}-{}", file_safe(id)),
            expanded: Vec::new(),
        }
    }
}

/// Writes the briefing pack for `scenario` into `dir` (created if needed).
pub fn write_brief(
    scenario: &Scenario,
    dir: &Path,
    options: &BriefOptions<'_>,
) -> Result<BriefFiles, ExportError> {
    write_brief_with_progress(scenario, dir, options, &|_| {})
}

/// [`write_brief`], calling `progress` after each step.
pub fn write_brief_with_progress(
    scenario: &Scenario,
    dir: &Path,
    options: &BriefOptions<'_>,
    progress: &dyn Fn(Progress),
) -> Result<BriefFiles, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::Write {
        file: dir.display().to_string(),
        message: e.to_string(),
    })?;
    let mut images = Vec::new();
    let mut figures = Vec::new();
    let mut print = std::collections::HashMap::new();
    let planned = planned_charts(scenario, options);
    let total = planned.len() + 4;
    let mut done = 0;
    let mut step = || {
        done += 1;
        progress(Progress { done, total });
    };
    for chart in planned {
        let written = write_chart(scenario, dir, options, &chart)?;
        images.extend(written.images);
        print.insert(format!("{}.png", chart.stem), written.print);
        step();
        figures.push(written.figure);
    }
    let documents = write_documents(scenario, dir, options, &figures, &print, &mut step)?;
    Ok(BriefFiles {
        html: documents.html,
        markdown: documents.markdown,
        images,
        docx: documents.docx,
        pdf: documents.pdf,
        pptx: documents.pptx,
    })
}

/// The documents of a pack, beside its charts.
struct Documents {
    html: PathBuf,
    markdown: PathBuf,
    docx: PathBuf,
    pdf: PathBuf,
    pptx: PathBuf,
}

/// Writes the page (HTML and Markdown), the note (Word and PDF) and the
/// deck, calling `step` after each.
fn write_documents(
    scenario: &Scenario,
    dir: &Path,
    options: &BriefOptions<'_>,
    figures: &[Block],
    print: &std::collections::HashMap<String, PrintImage>,
    step: &mut dyn FnMut(),
) -> Result<Documents, ExportError> {
    let lang = options.lang;
    let stem = tr!(lang, "brief.file_stem");
    let found = findings(
        scenario,
        options.profile,
        options.method,
        options.smaa,
        lang,
    );
    let page = build_page(scenario, options, figures.to_vec())?;
    let html = dir.join(format!("{stem}.html"));
    let markdown = dir.join(format!("{stem}.md"));
    write_file(&html, super::document::to_html(&page).as_bytes())?;
    write_file(&markdown, super::document::to_markdown(&page).as_bytes())?;
    step();
    let note = super::note::note_page(scenario, options, &found, figures)?;
    let docx = dir.join(format!("{stem}.docx"));
    write_file(&docx, &super::docx::to_docx(&note, print)?)?;
    step();
    let pdf = dir.join(format!("{stem}.pdf"));
    let label = |page: usize, pages: usize| tr!(lang, "note.page", page = page, pages = pages);
    write_file(&pdf, &super::pdf::to_pdf(&note, &label)?)?;
    step();
    let sentences = sensitivity_sentences(scenario, options)?;
    let deck = super::note::deck(scenario, options, &found, &sentences);
    let pptx = dir.join(format!("{stem}.pptx"));
    write_file(&pptx, &super::pptx::to_pptx(&deck, print)?)?;
    step();
    Ok(Documents {
        html,
        markdown,
        docx,
        pdf,
        pptx,
    })
}

/// What one chart of the pack left: its PNG and SVG files, the
/// print-quality image for Word and PowerPoint, and its figure on the page.
struct WrittenChart {
    images: Vec<PathBuf>,
    print: PrintImage,
    figure: Block,
}

/// Draws one chart as PNG and SVG into `dir`, and once more at print size.
fn write_chart(
    scenario: &Scenario,
    dir: &Path,
    options: &BriefOptions<'_>,
    chart: &PlannedChart,
) -> Result<WrittenChart, ExportError> {
    let lang = options.lang;
    let input = ChartInput {
        profile: options.profile,
        method: options.method,
        criterion: chart.criterion.as_deref(),
        smaa: options.smaa,
        explanation: options.explanation,
        other: options.other,
        expanded: &chart.expanded,
        ..ChartInput::new(scenario, lang)
    };
    let mut images = Vec::new();
    let mut svg = String::new();
    for format in [ImageFormat::Png, ImageFormat::Svg] {
        let bytes = chart_bytes(
            chart.kind,
            &input,
            format,
            options.width_px,
            options.height_px,
        )?;
        let path = dir.join(format!("{}.{}", chart.stem, format.extension()));
        write_file(&path, &bytes)?;
        if format == ImageFormat::Svg {
            svg = String::from_utf8_lossy(&bytes).into_owned();
        }
        images.push(path);
    }
    let print_height = PRINT_WIDTH_PX * options.height_px / options.width_px.max(1);
    let scale = PRINT_WIDTH_PX as f32 / options.width_px.max(1) as f32;
    let png = crate::charts::render_png(chart.kind, &input, PRINT_WIDTH_PX, print_height, scale)?;
    let print = PrintImage {
        png,
        width_px: PRINT_WIDTH_PX,
        height_px: print_height,
    };
    let figure = Block::Figure {
        svg,
        png_file: format!("{}.png", chart.stem),
        svg_file: format!("{}.svg", chart.stem),
        caption: chart_caption(scenario, chart, lang),
    };
    Ok(WrittenChart {
        images,
        print,
        figure,
    })
}

/// A chart's caption: its title, naming the criterion of a sensitivity chart.
fn chart_caption(scenario: &Scenario, chart: &PlannedChart, lang: Lang) -> String {
    match &chart.criterion {
        Some(c) => tr!(
            lang,
            "chart.sensitivity.title_for",
            criterion = scenario.criterion_name(c, lang)
        ),
        None if !chart.expanded.is_empty() => tr!(lang, "chart.contributions.title_criteria"),
        None => chart.kind.title(lang),
    }
}

/// The briefing page: every section in order, the charts after the results.
pub fn build_page(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
    figures: Vec<Block>,
) -> Result<Page, ExportError> {
    let lang = options.lang;
    let found = findings(
        scenario,
        options.profile,
        options.method,
        options.smaa,
        lang,
    );
    let mut blocks = question_section(scenario, lang);
    blocks.extend(summary_section(&found, lang));
    blocks.extend(options_section(scenario, lang));
    blocks.extend(criteria_section(scenario, lang));
    blocks.extend(super::brief_groups::group_weights_section(scenario, lang));
    blocks.extend(results_section(scenario, options)?);
    blocks.extend(sensitivity_section(scenario, options)?);
    if let (Some(comparison), Some(other)) = (options.comparison, options.other) {
        blocks.extend(comparison_section(scenario, other, comparison, options));
    }
    if !figures.is_empty() {
        blocks.push(Block::Heading(2, tr!(lang, "brief.charts")));
        blocks.extend(figures);
    }
    blocks.extend(evidence_section(scenario, lang));
    let footer = match options.source_file {
        Some(file) => tr!(lang, "brief.footer_file", file = file),
        None => tr!(lang, "brief.footer"),
    };
    Ok(Page {
        lang: lang.code(),
        title: scenario.title.get(lang).to_string(),
        blocks,
        footer,
    })
}

/// The question: description, author and date.
pub fn question_section(scenario: &Scenario, lang: Lang) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(2, tr!(lang, "brief.question"))];
    blocks.push(Block::Paragraph(vec![Span::Strong(
        scenario.title.get(lang).to_string(),
    )]));
    if !scenario.description.is_empty() {
        blocks.push(Block::Paragraph(text(scenario.description.get(lang))));
    }
    if let Some(meta) = author_and_date(scenario, lang) {
        blocks.push(Block::Paragraph(text(meta)));
    }
    blocks
}

/// "Author: … · Date: …", with what the scenario gives (None: neither).
pub fn author_and_date(scenario: &Scenario, lang: Lang) -> Option<String> {
    let mut meta = Vec::new();
    if let Some(author) = &scenario.author {
        meta.push(tr!(lang, "brief.author", author = author));
    }
    if let Some(date) = &scenario.date {
        meta.push(tr!(lang, "brief.date", date = date));
    }
    (!meta.is_empty()).then(|| meta.join(" · "))
}

/// The options with their descriptions and resource needs.
pub fn options_section(scenario: &Scenario, lang: Lang) -> Vec<Block> {
    let items = scenario
        .alternatives
        .iter()
        .map(|a| {
            let mut spans = vec![Span::Strong(a.name.get(lang).to_string())];
            if !a.description.is_empty() {
                spans.push(Span::Text(format!(" — {}", a.description.get(lang))));
            }
            let needs: Vec<String> = a
                .needs
                .iter()
                .map(|(r, need)| {
                    let name = scenario
                        .resources
                        .iter()
                        .find(|x| &x.id == r)
                        .map_or_else(|| r.clone(), |x| x.name.get(lang).to_lowercase());
                    format!("{} {}", value(*need, 2, lang), name)
                })
                .collect();
            if !needs.is_empty() {
                spans.push(Span::Text(format!(
                    " ({})",
                    tr!(lang, "brief.needs", needs = needs.join(", "))
                )));
            }
            spans
        })
        .collect();
    vec![
        Block::Heading(2, tr!(lang, "brief.options")),
        Block::List(items),
    ]
}

/// Criteria with direction, unit, scale and veto, and the effective weight
/// of each profile (normalised through the value tree, as percentages).
pub fn criteria_section(scenario: &Scenario, lang: Lang) -> Vec<Block> {
    let mut header = vec![
        tr!(lang, "brief.col.criterion"),
        tr!(lang, "brief.col.direction"),
        tr!(lang, "brief.col.unit"),
    ];
    header.extend(
        scenario
            .profiles
            .iter()
            .map(|p| tr!(lang, "brief.col.weight_of", profile = p.name.get(lang))),
    );
    // Effective weights: in a value tree, the product of the shares from
    // the root down (a flat list: the weights normalised).
    let tree = ValueTree::new(scenario);
    let effective: Vec<Vec<f64>> = scenario
        .profiles
        .iter()
        .map(|p| tree.effective_weights(p, &[]))
        .collect();
    let rows = scenario
        .criteria
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let direction = match c.direction {
                Direction::Minimize => tr!(lang, "chart.direction.min"),
                Direction::Maximize => tr!(lang, "chart.direction.max"),
            };
            let name = criterion_cell(scenario, &tree, j, lang);
            let mut row = vec![name, text(direction), text(c.unit.get(lang).to_string())];
            for weights in &effective {
                row.push(text(pct(weights[j], 0, lang)));
            }
            row
        })
        .collect();
    vec![
        Block::Heading(2, tr!(lang, "brief.criteria")),
        Block::Table { header, rows },
    ]
}

/// A criterion's name with its description, veto, place in the value tree
/// and value function, as the first cell of the criteria table.
fn criterion_cell(scenario: &Scenario, tree: &ValueTree, j: usize, lang: Lang) -> Inline {
    let Some(c) = scenario.criteria.get(j) else {
        return Vec::new();
    };
    let mut name = vec![Span::Strong(c.name.get(lang).to_string())];
    if !c.description.is_empty() {
        name.push(Span::Text(format!(" — {}", c.description.get(lang))));
    }
    let mut note = |text: String| name.push(Span::Text(format!(" ({text})")));
    if let Some(v) = c.veto {
        note(tr!(lang, "brief.veto", limit = value(v, 4, lang)));
    }
    // Where it sits in the value tree, and its value function.
    let groups: Vec<String> = tree
        .path(Node::Criterion(j))
        .iter()
        .filter(|n| matches!(n, Node::Group(_)))
        .map(|&n| tree.name(scenario, n, lang))
        .collect();
    if !groups.is_empty() {
        note(tr!(lang, "brief.in_group", group = groups.join(" › ")));
    }
    if let Some(vf) = &c.value_function {
        let points: Vec<String> = vf
            .points()
            .iter()
            .map(|&(x, v)| format!("{} → {}", value(x, 4, lang), value(v, 4, lang)))
            .collect();
        note(tr!(
            lang,
            "brief.value_function",
            points = points.join(", ")
        ));
    }
    name
}

/// Rank and score of every option under each method, the winner of each
/// profile, and the excluded options with their reasons.
pub fn results_section(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
) -> Result<Vec<Block>, ExportError> {
    let lang = options.lang;
    let profile =
        select_profile(scenario, options.profile).map_err(|e| ExportError::Chart(e.into()))?;
    let index = ScenarioIndex::new(scenario);
    let evaluations = evaluate_methods(&index, profile, &Method::ALL);
    let mut blocks = vec![
        Block::Heading(2, tr!(lang, "brief.results")),
        Block::Paragraph(text(tr!(
            lang,
            "brief.results_intro",
            profile = profile.name.get(lang)
        ))),
    ];
    // The rows follow the first method's order, the others beside it.
    let Some((first, others)) = evaluations.split_first() else {
        return Ok(blocks);
    };
    let others: Vec<&crate::analysis::Evaluation> = others.iter().collect();
    let dominated = dominance(first);
    let report = RankingReport::new(scenario, first, &others, &dominated, lang);
    blocks.extend(ranking_table(&report));
    if !report.rows.is_empty() {
        // One sentence on dominance (raw values: the same for every method).
        blocks.push(Block::Paragraph(text(
            crate::report::frontier::dominance_sentence(scenario, &dominated, lang),
        )));
    }
    if scenario.profiles.len() > 1 {
        blocks.push(Block::Heading(3, tr!(lang, "brief.by_profile")));
        let lines = crate::report::stakeholders::winner_lines(scenario, options.method, lang);
        blocks.push(Block::List(lines.into_iter().map(text).collect()));
    }
    blocks.extend(excluded_list(&report));
    Ok(blocks)
}

/// The table of every ranked option's rank and score under each method,
/// or the sentence saying none could be ranked.
fn ranking_table(report: &RankingReport) -> Vec<Block> {
    let lang = report.lang;
    if report.rows.is_empty() {
        return vec![Block::Paragraph(text(tr!(lang, "chart.all_excluded")))];
    }
    let mut header = vec![tr!(lang, "brief.col.option")];
    for &m in &report.methods {
        let method = method_name(m, lang);
        header.push(tr!(lang, "brief.col.rank_by", method = method.clone()));
        header.push(tr!(lang, "brief.col.score_by", method = method));
    }
    let rows = report
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![text(r.name.clone())];
            for placed in &r.by_method {
                let (rank, score) = placed.map_or_else(
                    || ("—".to_string(), "—".to_string()),
                    |p| (p.rank.to_string(), num(p.score, 3, lang)),
                );
                row.push(text(rank));
                row.push(text(score));
            }
            row
        })
        .collect();
    vec![Block::Table { header, rows }]
}

/// The excluded options, each with every reason, or that none is.
fn excluded_list(report: &RankingReport) -> Vec<Block> {
    let lang = report.lang;
    let mut blocks = vec![Block::Heading(3, tr!(lang, "brief.excluded"))];
    if report.excluded.is_empty() {
        blocks.push(Block::Paragraph(text(tr!(lang, "brief.none_excluded"))));
        return blocks;
    }
    let items = report
        .excluded
        .iter()
        .map(|x| vec![Span::Strong(x.name.clone()), Span::Text(x.after_name(lang))])
        .collect();
    blocks.push(Block::List(items));
    blocks
}

/// The answer first: the top option, how robust it is, and the
/// recommendation (the same sentences as the note and the deck).
pub fn summary_section(found: &Findings, lang: Lang) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading(2, tr!(lang, "note.recommendation")),
        Block::Paragraph(vec![Span::Strong(found.recommendation.clone())]),
        Block::Paragraph(text(found.headline.clone())),
    ];
    if !found.robustness.is_empty() {
        blocks.push(Block::Paragraph(text(found.robustness.clone())));
    }
    blocks
}

/// One plain sentence per criterion on when the top option changes.
fn sensitivity_sentences(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
) -> Result<Vec<String>, ExportError> {
    let evaluation = crate::analysis::evaluate(scenario, options.profile, options.method)
        .map_err(crate::charts::ChartError::from)?;
    Ok(crate::report::sensitivity::findings(
        scenario,
        &evaluation,
        options.lang,
    ))
}

/// One plain sentence per criterion on when the top option changes.
pub fn sensitivity_section(
    scenario: &Scenario,
    options: &BriefOptions<'_>,
) -> Result<Vec<Block>, ExportError> {
    let sentences = sensitivity_sentences(scenario, options)?;
    Ok(vec![
        Block::Heading(2, tr!(options.lang, "brief.sensitivity")),
        Block::List(sentences.into_iter().map(text).collect()),
    ])
}

/// The comparison page: the summary sentence for a minister and both
/// rankings side by side (the waterfall is among the charts).
pub fn comparison_section(
    a: &Scenario,
    b: &Scenario,
    comparison: &Comparison,
    options: &BriefOptions<'_>,
) -> Vec<Block> {
    let lang = options.lang;
    let other = options
        .other_file
        .map_or_else(|| b.title.get(lang).to_string(), str::to_string);
    let mut blocks = vec![
        Block::Heading(2, tr!(lang, "brief.comparison", other = other)),
        Block::Paragraph(text(crate::report::compare::summary(
            a, b, comparison, lang,
        ))),
    ];
    let header = vec![
        tr!(lang, "brief.col.option"),
        tr!(lang, "brief.col.rank_a"),
        tr!(lang, "brief.col.score_a"),
        tr!(lang, "brief.col.rank_b"),
        tr!(lang, "brief.col.score_b"),
    ];
    let report = crate::report::compare::RankingsReport::new(a, b, comparison, lang);
    let cells = |placed: Option<crate::report::ranking::Placed>| match placed {
        Some(p) => (text(p.rank.to_string()), text(num(p.score, 3, lang))),
        None => (text("—"), text("—")),
    };
    let rows = report
        .ranked(comparison)
        .into_iter()
        .map(|row| {
            let (rank_a, score_a) = cells(row.a);
            let (rank_b, score_b) = cells(row.b);
            vec![text(row.name.clone()), rank_a, score_a, rank_b, score_b]
        })
        .collect();
    blocks.push(Block::Table { header, rows });
    blocks
}

/// Every score with its rationale and sources, then the list of sources.
pub fn evidence_section(scenario: &Scenario, lang: Lang) -> Vec<Block> {
    let header = vec![
        tr!(lang, "brief.col.option"),
        tr!(lang, "brief.col.criterion"),
        tr!(lang, "brief.col.value"),
        tr!(lang, "brief.col.rationale"),
        tr!(lang, "brief.col.sources"),
    ];
    let index = ScenarioIndex::new(scenario);
    let mut rows = Vec::new();
    for a in &scenario.alternatives {
        let i = index.alternative_index(&a.id);
        for (j, c) in scenario.criteria.iter().enumerate() {
            let Some(s) = i.and_then(|i| index.score_at(i, j)) else {
                continue;
            };
            rows.push(vec![
                text(a.name.get(lang)),
                text(c.name.get(lang)),
                text(score_shown(s, c, lang)),
                rationale_cell(s, lang),
                sources_cell(scenario, s),
            ]);
        }
    }
    let mut blocks = vec![
        Block::Heading(2, tr!(lang, "brief.evidence")),
        Block::Table { header, rows },
    ];
    if !scenario.sources.is_empty() {
        blocks.push(Block::Heading(3, tr!(lang, "brief.sources")));
        blocks.push(Block::List(
            scenario.sources.iter().map(source_item).collect(),
        ));
    }
    blocks
}

/// A score as the evidence table shows it: its value, its range when it
/// has one, and the criterion's unit.
fn score_shown(s: &crate::model::Score, c: &crate::model::Criterion, lang: Lang) -> String {
    let mut shown = value(s.value, 4, lang);
    if let (Some(lo), Some(hi)) = (s.low, s.high) {
        shown = tr!(
            lang,
            "brief.value_range",
            value = shown,
            low = value(lo, 4, lang),
            high = value(hi, 4, lang)
        );
    }
    if !c.unit.is_empty() {
        shown = format!("{shown} ({})", c.unit.get(lang));
    }
    shown
}

/// A score's rationale, tagged when the value is illustrative.
fn rationale_cell(s: &crate::model::Score, lang: Lang) -> Inline {
    let mut rationale = text(s.rationale.get(lang));
    if s.illustrative {
        if !s.rationale.is_empty() {
            rationale.push(Span::Text(" ".into()));
        }
        rationale.push(Span::Tag(tr!(lang, "brief.illustrative")));
    }
    rationale
}

/// A score's sources by title, linked when they have an address.
fn sources_cell(scenario: &Scenario, s: &crate::model::Score) -> Inline {
    let mut sources = Vec::new();
    for (k, id) in s.sources.iter().enumerate() {
        if k > 0 {
            sources.push(Span::Text("; ".into()));
        }
        match scenario.source(id) {
            Some(src) if !src.url.is_empty() => sources.push(Span::Link {
                text: src.title.clone(),
                url: src.url.clone(),
            }),
            Some(src) => sources.push(Span::Text(src.title.clone())),
            None => sources.push(Span::Text(id.clone())),
        }
    }
    sources
}

/// One entry of the list of sources: "[S1] title — publisher, date — url".
fn source_item(s: &crate::model::Source) -> Inline {
    let mut spans = vec![Span::Strong(format!("[{}] ", s.id))];
    if s.url.is_empty() {
        spans.push(Span::Text(s.title.clone()));
    } else {
        spans.push(Span::Link {
            text: s.title.clone(),
            url: s.url.clone(),
        });
    }
    let detail: Vec<String> = [&s.publisher, &s.date]
        .into_iter()
        .filter(|x| !x.is_empty())
        .cloned()
        .collect();
    if !detail.is_empty() {
        spans.push(Span::Text(format!(" — {}", detail.join(", "))));
    }
    if !s.url.is_empty() {
        spans.push(Span::Text(format!(" — {}", s.url)));
    }
    spans
}
