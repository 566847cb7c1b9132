//! A [`Page`] as an A4 PDF: real text in the bundled DejaVu fonts (embedded
//! and subset by krilla, so it can be searched and copied) and the charts as
//! vector graphics drawn from their SVG (krilla-svg).
//!
//! Layout is a simple flow: blocks are measured with the same fonts, wrapped
//! to the column, and placed top to bottom; a block that does not fit starts
//! a new page, table rows repeat their header, and headings keep with what
//! follows. Everything is laid out first, then drawn page by page, so each
//! page can say "Page 2 of 5".

use super::ExportError;
use super::document::{Block, Inline, Page, Span};
use crate::charts::style::{BOLD, REGULAR};
use ab_glyph::{Font as _, FontRef};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla_svg::{SurfaceExt, SvgSettings};
use std::sync::Arc;

/// A4 in points.
const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
/// Margins (2 cm) in points.
const MARGIN: f32 = 57.0;
const BODY: f32 = 9.5;
const TABLE: f32 = 7.5;
const LEADING: f32 = 1.35;
/// Tallest a figure may be, so the ranking chart leaves room on page one.
const FIGURE_MAX_H: f32 = 250.0;
const INK: (u8, u8, u8) = (0x22, 0x22, 0x22);
const MUTED: (u8, u8, u8) = (0x55, 0x55, 0x55);
const ACCENT: (u8, u8, u8) = (0x00, 0x72, 0xB2);
const RULE: (u8, u8, u8) = (0xCC, 0xCC, 0xCC);
const HEADER_BG: (u8, u8, u8) = (0xF3, 0xF6, 0xF9);

/// One styled run of text.
#[derive(Debug, Clone)]
struct Run {
    text: String,
    bold: bool,
    colour: (u8, u8, u8),
}

/// A drawing operation, in page coordinates (points, y down).
enum Op {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        run: Run,
    },
    Rect {
        rect: (f32, f32, f32, f32),
        colour: (u8, u8, u8),
    },
    Svg {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        tree: usize,
    },
}

/// Measures text with the bundled fonts (the same ones the PDF embeds).
struct Metrics {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Metrics {
    fn new() -> Result<Self, ExportError> {
        let bad = |e: ab_glyph::InvalidFont| pdf_error(e.to_string());
        Ok(Metrics {
            regular: FontRef::try_from_slice(REGULAR).map_err(bad)?,
            bold: FontRef::try_from_slice(BOLD).map_err(bad)?,
        })
    }

    fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let upem = font.units_per_em().unwrap_or(2048.0);
        text.chars()
            .map(|c| font.h_advance_unscaled(font.glyph_id(c)))
            .sum::<f32>()
            * size
            / upem
    }
}

fn pdf_error(message: String) -> ExportError {
    ExportError::Write {
        file: "PDF".into(),
        message,
    }
}

/// Inline spans as runs (links in the accent colour, followed by their address).
fn runs(spans: &Inline, bold: bool) -> Vec<Run> {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => Run {
                text: t.clone(),
                bold,
                colour: INK,
            },
            Span::Strong(t) => Run {
                text: t.clone(),
                bold: true,
                colour: INK,
            },
            Span::Link { text, .. } => Run {
                text: text.clone(),
                bold,
                colour: ACCENT,
            },
            Span::Tag(t) => Run {
                text: format!("({t})"),
                bold,
                colour: MUTED,
            },
        })
        .collect()
}

/// Wraps runs into lines no wider than `width`: each line is a list of
/// (x offset, run) pieces. Words longer than a line are cut.
fn wrap(metrics: &Metrics, runs: &[Run], size: f32, width: f32) -> Vec<Vec<(f32, Run)>> {
    let mut lines: Vec<Vec<(f32, Run)>> = vec![Vec::new()];
    let mut x = 0.0f32;
    for run in runs {
        let text = run.text.replace('\n', " ");
        for word in text.split_inclusive(' ') {
            let mut word = word.to_string();
            loop {
                let w = metrics.width(word.trim_end(), run.bold, size);
                if x + w <= width {
                    let full = metrics.width(&word, run.bold, size);
                    if let Some(line) = lines.last_mut() {
                        line.push((
                            x,
                            Run {
                                text: word.clone(),
                                ..run.clone()
                            },
                        ));
                    }
                    x += full;
                    break;
                }
                if x > 0.0 {
                    lines.push(Vec::new());
                    x = 0.0;
                    continue;
                }
                // A single word wider than the line: cut it where it fits.
                let mut cut = 0;
                for (k, c) in word.char_indices() {
                    let next = k + c.len_utf8();
                    if metrics.width(&word[..next], run.bold, size) > width {
                        break;
                    }
                    cut = next;
                }
                let cut = if cut == 0 {
                    word.chars().next().map_or(word.len(), char::len_utf8)
                } else {
                    cut
                };
                let rest = word.split_off(cut);
                if let Some(line) = lines.last_mut() {
                    line.push((
                        0.0,
                        Run {
                            text: word.clone(),
                            ..run.clone()
                        },
                    ));
                }
                lines.push(Vec::new());
                x = 0.0;
                if rest.is_empty() {
                    break;
                }
                word = rest;
            }
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines
}

/// Lays out pages of drawing operations.
struct Layout<'m> {
    metrics: &'m Metrics,
    pages: Vec<Vec<Op>>,
    y: f32,
    trees: Vec<usvg::Tree>,
    svg_options: usvg::Options<'static>,
}

impl<'m> Layout<'m> {
    fn bottom() -> f32 {
        PAGE_H - MARGIN
    }

    fn width() -> f32 {
        PAGE_W - 2.0 * MARGIN
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > Self::bottom() && self.y > MARGIN + 1.0 {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Places wrapped lines at `x`, keeping each line on one page.
    fn lines(&mut self, x: f32, lines: Vec<Vec<(f32, Run)>>, size: f32) {
        let step = size * LEADING;
        for line in lines {
            self.ensure(step);
            let baseline = self.y + size;
            for (dx, run) in line {
                self.push(Op::Text {
                    x: x + dx,
                    baseline,
                    size,
                    run,
                });
            }
            self.y += step;
        }
    }

    fn paragraph(&mut self, x: f32, runs: &[Run], size: f32, after: f32) {
        let lines = wrap(self.metrics, runs, size, Self::width() - (x - MARGIN));
        self.lines(x, lines, size);
        self.y += after;
    }

    fn heading(&mut self, level: u8, text: &str) {
        let (size, colour, before) = match level {
            1 => (16.0, INK, 0.0),
            2 => (12.5, ACCENT, 8.0),
            _ => (10.5, INK, 4.0),
        };
        // Keep the heading with a few lines of what follows.
        self.ensure(before + size * LEADING + 4.0 * BODY * LEADING);
        if self.y > MARGIN + 1.0 {
            self.y += before;
        }
        let run = Run {
            text: text.to_string(),
            bold: true,
            colour,
        };
        self.paragraph(MARGIN, &[run], size, 0.0);
        if level == 2 {
            self.push(Op::Rect {
                rect: (MARGIN, self.y, Self::width(), 0.8),
                colour: ACCENT,
            });
        }
        self.y += 4.0;
    }

    fn table(&mut self, header: &[String], rows: &[Vec<Inline>]) {
        let columns = header.len().max(1);
        let pad = 3.0;
        // Column widths in proportion to their widest one-line text, within bounds.
        let mut natural = vec![30.0f32; columns];
        for (k, h) in header.iter().enumerate() {
            natural[k] = natural[k].max(self.metrics.width(h, true, TABLE));
        }
        for row in rows {
            for (k, cell) in row.iter().enumerate().take(columns) {
                let w: f32 = runs(cell, false)
                    .iter()
                    .map(|r| self.metrics.width(&r.text, r.bold, TABLE))
                    .sum();
                natural[k] = natural[k].max(w.min(220.0));
            }
        }
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = natural.iter().map(|w| w / total * Self::width()).collect();
        let header_cells: Vec<Vec<Run>> = header
            .iter()
            .map(|h| {
                vec![Run {
                    text: h.clone(),
                    bold: true,
                    colour: INK,
                }]
            })
            .collect();
        self.row(&header_cells, &widths, pad, true);
        for row in rows {
            let cells: Vec<Vec<Run>> = row.iter().map(|c| runs(c, false)).collect();
            let height = self.row_height(&cells, &widths, pad);
            if self.y + height > Self::bottom() {
                self.new_page();
                self.row(&header_cells, &widths, pad, true);
            }
            self.row(&cells, &widths, pad, false);
        }
        self.y += 8.0;
    }

    fn row_height(&self, cells: &[Vec<Run>], widths: &[f32], pad: f32) -> f32 {
        let most = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| wrap(self.metrics, c, TABLE, w - 2.0 * pad).len())
            .max()
            .unwrap_or(1);
        most as f32 * TABLE * LEADING + 2.0 * pad
    }

    fn row(&mut self, cells: &[Vec<Run>], widths: &[f32], pad: f32, header: bool) {
        let height = self.row_height(cells, widths, pad);
        self.ensure(height);
        if header {
            self.push(Op::Rect {
                rect: (MARGIN, self.y, Self::width(), height),
                colour: HEADER_BG,
            });
        }
        let top = self.y;
        let mut x = MARGIN;
        for (cell, w) in cells.iter().zip(widths) {
            let lines = wrap(self.metrics, cell, TABLE, w - 2.0 * pad);
            for (k, line) in lines.into_iter().enumerate() {
                let baseline = top + pad + k as f32 * TABLE * LEADING + TABLE;
                for (dx, run) in line {
                    self.push(Op::Text {
                        x: x + pad + dx,
                        baseline,
                        size: TABLE,
                        run,
                    });
                }
            }
            x += w;
        }
        self.y = top + height;
        self.push(Op::Rect {
            rect: (MARGIN, self.y - 0.4, Self::width(), 0.4),
            colour: RULE,
        });
    }

    fn figure(&mut self, svg: &str, caption: &str) -> Result<(), ExportError> {
        let tree = usvg::Tree::from_str(svg, &self.svg_options)
            .map_err(|e| pdf_error(format!("{caption}: {e}")))?;
        let size = tree.size();
        let mut w = Self::width();
        let mut h = w * size.height() / size.width().max(1.0);
        if h > FIGURE_MAX_H {
            w *= FIGURE_MAX_H / h;
            h = FIGURE_MAX_H;
        }
        self.ensure(h + 2.0 * BODY * LEADING);
        let x = MARGIN + (Self::width() - w) / 2.0;
        self.trees.push(tree);
        let index = self.trees.len() - 1;
        self.push(Op::Svg {
            x,
            y: self.y,
            w,
            h,
            tree: index,
        });
        self.y += h + 3.0;
        let run = Run {
            text: caption.to_string(),
            bold: false,
            colour: MUTED,
        };
        self.paragraph(MARGIN, &[run], 8.0, 8.0);
        Ok(())
    }

    fn block(&mut self, block: &Block) -> Result<(), ExportError> {
        match block {
            Block::Heading(level, text) => self.heading(*level, text),
            Block::Paragraph(spans) => self.paragraph(MARGIN, &runs(spans, false), BODY, 5.0),
            Block::List(items) => {
                for item in items {
                    let bullet = Run {
                        text: "•".into(),
                        bold: false,
                        colour: INK,
                    };
                    let lines = wrap(self.metrics, &runs(item, false), BODY, Self::width() - 12.0);
                    self.ensure(BODY * LEADING);
                    self.push(Op::Text {
                        x: MARGIN + 2.0,
                        baseline: self.y + BODY,
                        size: BODY,
                        run: bullet,
                    });
                    self.lines(MARGIN + 12.0, lines, BODY);
                    self.y += 1.5;
                }
                self.y += 4.0;
            }
            Block::Table { header, rows } => self.table(header, rows),
            Block::Figure { svg, caption, .. } => self.figure(svg, caption)?,
            Block::PageBreak => self.new_page(),
        }
        Ok(())
    }
}

fn fill(colour: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// Writes `page` as a PDF; `page_label` gives the "Page 1 of 3" footer text.
pub fn to_pdf(
    page: &Page,
    page_label: &dyn Fn(usize, usize) -> String,
) -> Result<Vec<u8>, ExportError> {
    let metrics = Metrics::new()?;
    let layout = lay_out(page, &metrics)?;
    let fonts = Fonts::new()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(page.title.clone())
            .language(page.lang.to_string())
            .creator("Tradeoff".into()),
    );
    let count = layout.pages.len();
    let size = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| pdf_error("A4".into()))?;
    for (k, ops) in layout.pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(size.clone());
        let mut surface = pdf_page.surface();
        for op in ops {
            draw_op(&mut surface, op, &fonts, &layout.trees);
        }
        let label = page_label(k + 1, count);
        let w = metrics.width(&label, false, 7.5);
        surface.set_fill(Some(fill(MUTED)));
        surface.draw_text(
            Point::from_xy((PAGE_W - w) / 2.0, PAGE_H - MARGIN / 2.0),
            fonts.regular.clone(),
            7.5,
            &label,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|e| pdf_error(format!("{e:?}")))
}

/// The page laid out: its title, its blocks and its footer, page by page.
fn lay_out<'m>(page: &Page, metrics: &'m Metrics) -> Result<Layout<'m>, ExportError> {
    let mut svg_options = usvg::Options::default();
    svg_options.fontdb_mut().load_font_data(REGULAR.to_vec());
    svg_options.fontdb_mut().load_font_data(BOLD.to_vec());
    svg_options
        .fontdb_mut()
        .set_sans_serif_family("DejaVu Sans");
    svg_options.font_family = "DejaVu Sans".into();
    let mut layout = Layout {
        metrics,
        pages: Vec::new(),
        y: MARGIN,
        trees: Vec::new(),
        svg_options,
    };
    layout.new_page();
    layout.heading(1, &page.title);
    for block in &page.blocks {
        layout.block(block)?;
    }
    let footer = Run {
        text: page.footer.clone(),
        bold: false,
        colour: MUTED,
    };
    layout.paragraph(MARGIN, &[footer], 8.0, 0.0);
    Ok(layout)
}

/// The bundled fonts as the PDF embeds them.
struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    fn new() -> Result<Fonts, ExportError> {
        Ok(Fonts {
            regular: Font::new(Arc::new(REGULAR.to_vec()).into(), 0)
                .ok_or_else(|| pdf_error("DejaVu Sans".into()))?,
            bold: Font::new(Arc::new(BOLD.to_vec()).into(), 0)
                .ok_or_else(|| pdf_error("DejaVu Sans Bold".into()))?,
        })
    }
}

/// Draws one laid-out operation: a run of text, a filled rectangle, or a
/// chart from its SVG tree.
fn draw_op(surface: &mut Surface<'_>, op: &Op, fonts: &Fonts, trees: &[usvg::Tree]) {
    match op {
        Op::Text {
            x,
            baseline,
            size,
            run,
        } => {
            surface.set_fill(Some(fill(run.colour)));
            let font = if run.bold {
                &fonts.bold
            } else {
                &fonts.regular
            };
            surface.draw_text(
                Point::from_xy(*x, *baseline),
                font.clone(),
                *size,
                run.text.trim_end(),
                false,
                TextDirection::Auto,
            );
        }
        Op::Rect { rect, colour } => {
            if let Some(r) = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3) {
                let mut pb = PathBuilder::new();
                pb.push_rect(r);
                if let Some(path) = pb.finish() {
                    surface.set_fill(Some(fill(*colour)));
                    surface.draw_path(&path);
                }
            }
        }
        Op::Svg { x, y, w, h, tree } => {
            if let (Some(tree), Some(size)) = (trees.get(*tree), Size::from_wh(*w, *h)) {
                surface.push_transform(&Transform::from_translate(*x, *y));
                surface.draw_svg(
                    tree,
                    size,
                    SvgSettings {
                        embed_text: true,
                        ..SvgSettings::default()
                    },
                );
                surface.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_each_line_within_the_width() {
        let metrics = Metrics::new().expect("bundled fonts");
        let text = "The quick brown fox jumps over the lazy dog; \
                    Supercalifragilisticexpialidociousnesses stays whole when it fits.";
        let run = Run {
            text: text.into(),
            bold: false,
            colour: INK,
        };
        for width in [40.0, 80.0, 150.0, 400.0] {
            let lines = wrap(&metrics, std::slice::from_ref(&run), 10.0, width);
            let joined: String = lines
                .iter()
                .flat_map(|l| l.iter().map(|(_, r)| r.text.clone()))
                .collect();
            assert_eq!(joined, text, "width {width}");
            for line in &lines {
                let end = line.last().map_or(0.0, |(x, r)| {
                    x + metrics.width(r.text.trim_end(), false, 10.0)
                });
                assert!(end <= width + 0.01, "line ends at {end} > {width}");
            }
        }
    }
}
