//! The chrome every chart shares: white ground, title, subtitle (scenario,
//! method, weights), a legend strip and footnotes (excluded options with
//! their reasons), plus text wrapping and the plain "nothing to show" message.

use super::style::{GREY, INK, Theme};
use super::{ChartError, Ctx};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A filled square (bars, areas).
    Block,
    /// A short thick line (line series).
    Line,
    /// A dashed line (reference lines).
    Dashed,
    /// An open ring (marked points).
    Marker,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegendItem {
    /// Text after the swatch.
    pub label: String,
    /// Swatch colour.
    pub colour: RGBColor,
    /// Swatch shape.
    pub swatch: Swatch,
    /// Hatched like its series (a colour used twice, see `style::series_hatched`).
    pub hatched: bool,
}

impl LegendItem {
    pub fn new(label: impl Into<String>, colour: RGBColor, swatch: Swatch) -> Self {
        LegendItem {
            label: label.into(),
            colour,
            swatch,
            hatched: false,
        }
    }

    /// The same entry, hatched when `hatched`.
    pub fn hatched(self, hatched: bool) -> Self {
        LegendItem { hatched, ..self }
    }
}

/// White 45° hatch lines over the pixel rectangle `(x0, y0)`–`(x1, y1)`,
/// `step` pixels apart: marks a series whose colour repeats another's.
pub(crate) fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
) -> Result<(), ChartError> {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (y0, y1) = (y0.min(y1), y0.max(y1));
    let step = theme.px(0.45).max(3);
    let style = WHITE.stroke_width(theme.line(1.2));
    // Each line runs up and to the right from the bottom edge (or the left
    // edge), clipped to the rectangle.
    let mut t = x0 - (y1 - y0);
    while t < x1 {
        let (sx, sy) = if t < x0 { (x0, y1 - (x0 - t)) } else { (t, y1) };
        let run = (x1 - sx).min(sy - y0);
        if run > 0 {
            area.draw(&PathElement::new(
                vec![(sx, sy), (sx + run, sy - run)],
                style,
            ))?;
        }
        t += step;
    }
    Ok(())
}

/// What surrounds the plot of one chart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chrome {
    /// Main title.
    pub title: String,
    /// Subtitle in place of the usual scenario — method — weights line.
    pub subtitle: Option<String>,
    /// Legend entries (drawn in a strip under the plot).
    pub legend: Vec<LegendItem>,
    /// Footnotes, one paragraph each.
    pub notes: Vec<String>,
}

impl Chrome {
    /// Chrome with the usual subtitle (scenario — method — weights) and
    /// exactly the `notes` given.
    pub(crate) fn new(title: String, legend: Vec<LegendItem>, notes: Vec<String>) -> Self {
        Chrome {
            title,
            subtitle: None,
            legend,
            notes,
        }
    }

    /// Chrome with the usual subtitle; the chart's own `notes` come first,
    /// then the scenario's (excluded options, illustrative scores).
    pub(crate) fn with_scenario_notes(
        ctx: &Ctx<'_>,
        title: String,
        legend: Vec<LegendItem>,
        mut notes: Vec<String>,
    ) -> Self {
        notes.extend(ctx.notes());
        Chrome::new(title, legend, notes)
    }
}

/// One line swatch per listed option, best first, in the option's own
/// colour (dashed for an option whose colour repeats an earlier one's).
pub(crate) fn ranked_option_lines(ctx: &Ctx<'_>) -> Vec<LegendItem> {
    ctx.listed_ranking()
        .0
        .iter()
        .map(|r| {
            let swatch = if ctx.option_hatched(&r.alternative) {
                Swatch::Dashed
            } else {
                Swatch::Line
            };
            LegendItem::new(
                ctx.option_name(&r.alternative),
                ctx.option_colour(&r.alternative),
                swatch,
            )
        })
        .collect()
}

/// Line height for text at `relative` × body size.
pub(crate) fn line_height(theme: &Theme, relative: f64) -> i32 {
    (theme.unit * relative * 1.3).round() as i32
}

/// Width of `text` in pixels under `style`.
pub(crate) fn text_width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
) -> Result<i32, ChartError> {
    Ok(area.estimate_text_size(text, style)?.0 as i32)
}

/// Splits `text` into lines no wider than `max_width` pixels (a word longer
/// than the line stays whole).
pub(crate) fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max_width: i32,
) -> Result<Vec<String>, ChartError> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(area, &candidate, style)? > max_width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// An axis title wrapped at word boundaries to `width` pixels, at most
/// three lines (the last shortened with "…" only past that).
pub(crate) fn axis_title_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    text: &str,
    width: i32,
) -> Result<Vec<String>, ChartError> {
    let style = theme.text(0.95);
    let mut lines = wrap(area, text, &style, width.max(theme.px(4.0)))?;
    if lines.len() > 3 {
        lines.truncate(3);
        if let Some(last) = lines.last_mut() {
            *last = fit(area, &format!("{last} …"), &style, width)?;
        }
    }
    Ok(lines)
}

/// Height of the area under a plot holding tick labels and `lines` of axis title.
pub(crate) fn x_label_area(theme: &Theme, lines: usize) -> i32 {
    theme.px(2.1) + lines as i32 * line_height(theme, 0.95) + theme.px(0.3)
}

/// Draws axis-title `lines` centred on `centre_x`, the first at `top` (pixels of `area`).
pub(crate) fn draw_axis_title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    lines: &[String],
    (centre_x, top): (i32, i32),
) -> Result<(), ChartError> {
    let style = theme.text(0.95).pos(Pos::new(HPos::Center, VPos::Top));
    for (k, line) in lines.iter().enumerate() {
        area.draw_text(
            line,
            &style,
            (centre_x, top + k as i32 * line_height(theme, 0.95)),
        )?;
    }
    Ok(())
}

/// `text` shortened with an ellipsis to fit `max_width` pixels.
pub(crate) fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max_width: i32,
) -> Result<String, ChartError> {
    if text_width(area, text, style)? <= max_width {
        return Ok(text.to_string());
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(area, &candidate, style)? <= max_width {
            return Ok(candidate);
        }
    }
    Ok("…".into())
}

/// Legend rows: each entry's x offset and its row, and the number of rows.
fn legend_layout<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    items: &[LegendItem],
    max_width: i32,
) -> Result<(Vec<(i32, usize)>, usize), ChartError> {
    let style = theme.text(0.9);
    let swatch = theme.px(1.6);
    let gap = theme.px(0.4);
    let spacing = theme.px(1.4);
    let mut places = Vec::with_capacity(items.len());
    let (mut x, mut row) = (0, 0);
    for item in items {
        let width = swatch + gap + text_width(area, &item.label, &style)?;
        if x > 0 && x + width > max_width {
            row += 1;
            x = 0;
        }
        places.push((x, row));
        x += width + spacing;
    }
    Ok((places, if items.is_empty() { 0 } else { row + 1 }))
}

fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    item: &LegendItem,
    (x, y): (i32, i32),
) -> Result<(), ChartError> {
    let w = theme.px(1.6);
    let h = theme.px(0.8);
    let mid = y + line_height(theme, 0.9) / 2;
    match item.swatch {
        Swatch::Block => {
            area.draw(&Rectangle::new(
                [(x, mid - h / 2), (x + w, mid + h / 2)],
                item.colour.filled(),
            ))?;
            if item.hatched {
                hatch(area, theme, (x, mid - h / 2), (x + w, mid + h / 2))?;
            }
        }
        Swatch::Line => {
            area.draw(&PathElement::new(
                vec![(x, mid), (x + w, mid)],
                item.colour.stroke_width(theme.line(3.0)),
            ))?;
        }
        Swatch::Marker => {
            area.draw(&Circle::new(
                (x + w / 2, mid),
                h / 2,
                item.colour.stroke_width(theme.line(2.5)),
            ))?;
        }
        Swatch::Dashed => {
            let dash = (w / 5).max(2);
            let mut sx = x;
            while sx < x + w {
                area.draw(&PathElement::new(
                    vec![(sx, mid), ((sx + dash).min(x + w), mid)],
                    item.colour.stroke_width(theme.line(2.0)),
                ))?;
                sx += 2 * dash;
            }
        }
    }
    Ok(())
}

/// Draws the chrome and returns the area left for the plot.
pub(crate) fn frame<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
    chrome: &Chrome,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    let theme = &ctx.theme;
    area.fill(&WHITE)?;
    let h = area.dim_in_pixel().1 as i32;
    let margin = theme.px(1.0);
    let top = draw_heading(ctx, area, chrome)?;
    let notes = draw_footnotes(theme, area, &chrome.notes)?;
    let mut bottom = h - margin - notes.height;
    if notes.lines > 0 {
        bottom -= theme.px(0.5);
    }
    bottom = draw_legend(theme, area, &chrome.legend, bottom)?;
    let bottom_margin = (h - bottom).max(0);
    ctx.need_chrome(
        top + bottom_margin - notes.height + notes.wanted,
        notes.wanted,
    );
    // A plot without rows of labels (lines, radar) needs a square-ish field.
    ctx.need_plot(theme.px(14.0));
    Ok(area.margin(top, bottom_margin, margin, margin))
}

/// The width inside the chart's side margins.
fn inner_width<DB: DrawingBackend>(theme: &Theme, area: &DrawingArea<DB, Shift>) -> i32 {
    (area.dim_in_pixel().0 as i32 - 2 * theme.px(1.0)).max(1)
}

/// The title (fitted to one line) and up to two lines of subtitle; returns
/// where the space below them starts.
fn draw_heading<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
    chrome: &Chrome,
) -> Result<i32, ChartError> {
    let theme = &ctx.theme;
    let margin = theme.px(1.0);
    let inner_w = inner_width(theme, area);
    let title_style = theme.bold(1.45);
    let title = fit(area, &chrome.title, &title_style, inner_w)?;
    area.draw_text(&title, &title_style, (margin, margin))?;
    let mut top = margin + line_height(theme, 1.45);
    let sub_style = theme.muted(0.95);
    for line in wrap(
        area,
        &chrome.subtitle.clone().unwrap_or_else(|| ctx.subtitle()),
        &sub_style,
        inner_w,
    )?
    .iter()
    .take(2)
    {
        area.draw_text(line, &sub_style, (margin, top))?;
        top += line_height(theme, 0.95);
    }
    Ok(top + theme.px(0.6))
}

/// The footnotes' lines and height as drawn, and the height a readable
/// chart wants for them.
struct NotesHeight {
    lines: usize,
    height: i32,
    wanted: i32,
}

/// Footnotes from the bottom up, at most a quarter of the height. Readable
/// means every footnote line up to six; longer notes end in "…".
fn draw_footnotes<DB: DrawingBackend>(
    theme: &Theme,
    area: &DrawingArea<DB, Shift>,
    notes: &[String],
) -> Result<NotesHeight, ChartError> {
    let (margin, inner_w) = (theme.px(1.0), inner_width(theme, area));
    let h = area.dim_in_pixel().1 as i32;
    let note_style = theme.muted(0.8);
    let note_lh = line_height(theme, 0.8);
    let max_note_lines = ((h / 4) / note_lh.max(1)).max(2) as usize;
    let mut note_lines = Vec::new();
    for note in notes {
        note_lines.extend(wrap(area, note, &note_style, inner_w)?);
    }
    let wanted = note_lines.len().min(6) as i32 * note_lh;
    if note_lines.len() > max_note_lines {
        note_lines.truncate(max_note_lines);
        if let Some(last) = note_lines.last_mut() {
            *last = fit(area, &format!("{last} …"), &note_style, inner_w)?;
        }
    }
    let height = note_lines.len() as i32 * note_lh;
    let first = h - margin - height;
    for (k, line) in note_lines.iter().enumerate() {
        area.draw_text(line, &note_style, (margin, first + k as i32 * note_lh))?;
    }
    Ok(NotesHeight {
        lines: note_lines.len(),
        height,
        wanted,
    })
}

/// The legend's rows ending at `bottom`; returns where the space above them ends.
fn draw_legend<DB: DrawingBackend>(
    theme: &Theme,
    area: &DrawingArea<DB, Shift>,
    legend: &[LegendItem],
    bottom: i32,
) -> Result<i32, ChartError> {
    let (margin, inner_w) = (theme.px(1.0), inner_width(theme, area));
    let (places, rows) = legend_layout(area, theme, legend, inner_w)?;
    if rows == 0 {
        return Ok(bottom);
    }
    let legend_lh = line_height(theme, 0.9) + theme.px(0.2);
    let bottom = bottom - rows as i32 * legend_lh;
    let text_style = theme.text(0.9);
    for (item, (x, row)) in legend.iter().zip(&places) {
        let y = bottom + *row as i32 * legend_lh;
        draw_swatch(area, theme, item, (margin + x, y))?;
        area.draw_text(
            &item.label,
            &text_style,
            (margin + x + theme.px(1.6) + theme.px(0.4), y),
        )?;
    }
    Ok(bottom - theme.px(0.9))
}

/// Writes `text` centred in `area`, wrapped, in large type: used when there
/// is nothing to plot (every option excluded, no SMAA run, …).
pub(crate) fn message<DB: DrawingBackend>(
    theme: &Theme,
    area: &DrawingArea<DB, Shift>,
    text: &str,
) -> Result<(), ChartError> {
    let (w, h) = area.dim_in_pixel();
    let style = theme.text(1.2);
    let lines = wrap(area, text, &style, (w as i32 * 8 / 10).max(1))?;
    let lh = line_height(theme, 1.2);
    let mut y = h as i32 / 2 - lh * lines.len() as i32 / 2;
    let centred = style.pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Rectangle::new(
        [(0, 0), (w as i32 - 1, h as i32 - 1)],
        GREY.stroke_width(theme.line(1.0)),
    ))?;
    for line in lines {
        area.draw_text(&line, &centred.color(&INK), (w as i32 / 2, y))?;
        y += lh;
    }
    Ok(())
}
