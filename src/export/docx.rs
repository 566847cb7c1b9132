//! A [`Page`] as a Word document (docx-rs): real headings (Word's "Heading
//! 1/2" styles, so the navigation pane and a table of contents work),
//! paragraphs, bulleted items, tables with a shaded header row, page breaks,
//! and the charts as PNG at print resolution, so a minister's office can
//! edit, comment and track changes.

use super::ExportError;
use super::document::{Block, Inline, Page, PrintImage, Span};
use docx_rs::{
    AlignmentType, BreakType, Docx, Hyperlink, HyperlinkType, LineSpacing, PageMargin, Paragraph,
    Pic, Run, RunFonts, Shading, SpecialIndentType, Style, StyleType, Table, TableCell, TableRow,
    WidthType,
};
use std::collections::HashMap;

/// A4 in twentieths of a point.
const PAGE_W_TWIPS: u32 = 11_906;
const PAGE_H_TWIPS: u32 = 16_838;
/// 2 cm margins.
const MARGIN_TWIPS: i32 = 1_134;
/// The text column (A4 less the margins), in twips.
const COLUMN_TWIPS: usize = 9_638;
/// English Metric Units per centimetre (images).
const EMU_PER_CM: f64 = 360_000.0;
/// Widest and tallest a chart may be on the page, in centimetres.
const FIGURE_MAX_W_CM: f64 = 16.0;
const FIGURE_MAX_H_CM: f64 = 9.0;
/// A font every office suite has (Word does not embed fonts by default).
const FONT: &str = "Arial";
const MUTED: &str = "555555";
const ACCENT: &str = "0072B2";

fn runs(spans: &Inline, size: usize) -> Vec<(Option<String>, Run)> {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => (None, Run::new().add_text(t).size(size)),
            Span::Strong(t) => (None, Run::new().add_text(t).bold().size(size)),
            Span::Link { text, url } => (
                Some(url.clone()),
                Run::new()
                    .add_text(text)
                    .color(ACCENT)
                    .underline("single")
                    .size(size),
            ),
            Span::Tag(t) => (
                None,
                Run::new()
                    .add_text(format!("({t})"))
                    .color(MUTED)
                    .size(size),
            ),
        })
        .collect()
}

/// True for a web or mail address (the only links written).
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

fn paragraph(spans: &Inline, size: usize) -> Paragraph {
    let mut p = Paragraph::new();
    for (url, run) in runs(spans, size) {
        p = match url {
            Some(url) if safe_url(&url) => {
                p.add_hyperlink(Hyperlink::new(url.trim(), HyperlinkType::External).add_run(run))
            }
            _ => p.add_run(run),
        };
    }
    p
}

/// Twips one character of table text takes, roughly (8 pt text, bold in
/// the header).
const CHAR_TWIPS: usize = 110;

/// Column widths in twips: every column gets at least its longest word
/// (so a short unit such as "CAD M" never breaks letter by letter), and the
/// rest of the page width is shared in proportion to each column's longest
/// text.
fn grid(header: &[String], rows: &[Vec<Inline>]) -> Vec<usize> {
    let texts = |cell: &Inline| -> String {
        cell.iter()
            .map(|s| match s {
                Span::Text(t) | Span::Strong(t) | Span::Tag(t) => t.as_str(),
                Span::Link { text, .. } => text.as_str(),
            })
            .collect()
    };
    let longest_word = |t: &str| {
        t.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let mut widest: Vec<usize> = header.iter().map(|h| h.chars().count().max(4)).collect();
    let mut word: Vec<usize> = header.iter().map(|h| longest_word(h)).collect();
    for row in rows {
        for (k, cell) in row.iter().enumerate().take(widest.len()) {
            let text = texts(cell);
            widest[k] = widest[k].max(text.chars().count().min(60));
            word[k] = word[k].max(longest_word(&text).min(20));
        }
    }
    let floor: Vec<usize> = word.iter().map(|w| (w + 1) * CHAR_TWIPS).collect();
    let floors: usize = floor.iter().sum();
    if floors >= COLUMN_TWIPS {
        let total = floors.max(1);
        return floor.iter().map(|w| w * COLUMN_TWIPS / total).collect();
    }
    let spare = COLUMN_TWIPS - floors;
    let total: usize = widest.iter().sum::<usize>().max(1);
    floor
        .iter()
        .zip(&widest)
        .map(|(f, w)| f + w * spare / total)
        .collect()
}

fn table(header: &[String], rows: &[Vec<Inline>]) -> Table {
    let widths = grid(header, rows);
    let size = 16;
    let head = TableRow::new(
        header
            .iter()
            .zip(&widths)
            .map(|(h, w)| {
                TableCell::new()
                    .add_paragraph(
                        Paragraph::new().add_run(Run::new().add_text(h).bold().size(size)),
                    )
                    .shading(Shading::new().fill("F3F6F9"))
                    .width(*w, WidthType::Dxa)
            })
            .collect(),
    );
    let mut out = vec![head];
    for row in rows {
        out.push(TableRow::new(
            row.iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    TableCell::new()
                        .add_paragraph(paragraph(cell, size))
                        .width(*w, WidthType::Dxa)
                })
                .collect(),
        ));
    }
    Table::new(out)
        .set_grid(widths)
        .width(COLUMN_TWIPS, WidthType::Dxa)
}

/// The picture of a chart, scaled to fit the column and the height limit.
fn picture(image: &PrintImage) -> Pic {
    let aspect = f64::from(image.height_px) / f64::from(image.width_px.max(1));
    let mut w = FIGURE_MAX_W_CM;
    let mut h = w * aspect;
    if h > FIGURE_MAX_H_CM {
        w *= FIGURE_MAX_H_CM / h;
        h = FIGURE_MAX_H_CM;
    }
    Pic::new_with_dimensions(image.png.clone(), image.width_px, image.height_px)
        .size((w * EMU_PER_CM) as u32, (h * EMU_PER_CM) as u32)
}

fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .bold()
            .size(34),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .bold()
            .size(26)
            .color(ACCENT)
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .bold()
            .size(22)
            .outline_lvl(1),
    )
}

/// Writes `page` as a .docx; `images` holds the print-quality PNG of each
/// figure, by the figure's PNG file name (a figure without one is left out,
/// its caption kept).
pub fn to_docx(page: &Page, images: &HashMap<String, PrintImage>) -> Result<Vec<u8>, ExportError> {
    let body = 19;
    let mut docx = styles(Docx::new())
        .page_size(PAGE_W_TWIPS, PAGE_H_TWIPS)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TWIPS)
                .bottom(MARGIN_TWIPS)
                .left(MARGIN_TWIPS)
                .right(MARGIN_TWIPS),
        )
        .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT))
        .default_size(body)
        .default_line_spacing(LineSpacing::new().after(100));
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(&page.title)),
    );
    for block in &page.blocks {
        docx = match block {
            Block::Heading(level, text) => {
                let style = if *level <= 2 { "Heading1" } else { "Heading2" };
                docx.add_paragraph(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(text)),
                )
            }
            Block::Paragraph(spans) => docx.add_paragraph(paragraph(spans, body)),
            Block::List(items) => items.iter().fold(docx, |d, item| {
                let mut spans = vec![Span::Text("•\t".into())];
                spans.extend(item.iter().cloned());
                d.add_paragraph(paragraph(&spans, body).indent(
                    Some(360),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ))
            }),
            Block::Table { header, rows } => docx.add_table(table(header, rows)),
            Block::Figure {
                png_file, caption, ..
            } => {
                let docx = match images.get(png_file) {
                    Some(image) => docx.add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .keep_next(true)
                            .add_run(Run::new().add_image(picture(image))),
                    ),
                    None => docx,
                };
                docx.add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().add_text(caption).color(MUTED).size(16)),
                )
            }
            Block::PageBreak => {
                docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
        };
    }
    docx = docx.add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(&page.footer).color(MUTED).size(16)),
    );
    let mut out = std::io::Cursor::new(Vec::new());
    docx.pack(&mut out).map_err(|e| ExportError::Write {
        file: "DOCX".into(),
        message: e.to_string(),
    })?;
    Ok(out.into_inner())
}
