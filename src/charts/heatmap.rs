//! Heatmap: scaled values of every feasible option (rows, best first) on
//! every criterion (columns), each cell coloured and numbered, with the raw
//! value and unit beneath.

use super::bars::text_on;
use super::frame::{
    Chrome, LegendItem, Swatch, fit, frame, line_height, message, text_width, wrap,
};
use super::style::{OKABE_ITO, WHITE_LINE, tint};
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::{Ranked, scaled_values};
use crate::model::Direction;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Cell colour of scaled value `v`: one hue, darker is better.
fn ramp(v: f64) -> RGBColor {
    tint(OKABE_ITO[0], 0.92 * (1.0 - v.clamp(0.0, 1.0)))
}

/// One column's header: its name (up to four lines), unit and direction, weight.
struct Header {
    name: Vec<String>,
    detail: String,
    weight: String,
}

/// Where the grid sits: the row labels' width, each cell's size, the
/// headers' height and their type size.
struct Grid {
    label_w: i32,
    cell_w: i32,
    cell_h: i32,
    header_h: i32,
    head_rel: f64,
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let (listed, more) = ctx.listed_ranking();
    let mut notes: Vec<String> = more.into_iter().collect();
    notes.extend(ctx.notes());
    let chrome = Chrome::new(ChartKind::Heatmap.title(lang), legend(ctx), notes);
    let plot = frame(ctx, area, &chrome)?;
    let (n, m) = (listed.len(), ctx.eval.matrix.m());
    if n == 0 || m == 0 {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let (labels, label_w) = row_labels(ctx, &plot, listed)?;
    let cell_w = ((plot.dim_in_pixel().0 as i32 - label_w) / m as i32).max(1);
    let head_rel = header_size(ctx, &plot, cell_w)?;
    let headers = column_headers(ctx, &plot, cell_w, head_rel)?;
    let grid = grid(ctx, &plot, &headers, label_w, cell_w, head_rel, n);
    draw_headers(ctx, &plot, &grid, &headers)?;
    let scaled = scaled_values(&ctx.eval.matrix);
    for (r, ranked) in listed.iter().enumerate() {
        draw_row(ctx, &plot, &grid, &scaled, r, ranked, &labels[r])?;
    }
    Ok(())
}

/// The colour ramp from worst to best.
fn legend(ctx: &Ctx<'_>) -> Vec<LegendItem> {
    let lang = ctx.lang();
    vec![
        LegendItem::new(tr!(lang, "chart.heatmap.worst"), ramp(0.0), Swatch::Block),
        LegendItem::new(crate::i18n::value(0.5, 1, lang), ramp(0.5), Swatch::Block),
        LegendItem::new(tr!(lang, "chart.heatmap.best"), ramp(1.0), Swatch::Block),
    ]
}

/// The options' names, each fitted to a third of the width, and the width
/// of the label column.
fn row_labels<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    listed: &[Ranked],
) -> Result<(Vec<String>, i32), ChartError> {
    let label_style = ctx.theme.text(0.95);
    let w = plot.dim_in_pixel().0 as i32;
    let mut labels = Vec::with_capacity(listed.len());
    let mut label_w = 0;
    for r in listed {
        let t = fit(
            plot,
            &ctx.option_name(&r.alternative),
            &label_style,
            w * 35 / 100,
        )?;
        label_w = label_w.max(text_width(plot, &t, &label_style)?);
        labels.push(t);
    }
    Ok((labels, label_w + ctx.theme.px(0.8)))
}

/// The headers' type size: headers wrap between words; when a single word
/// is wider than its column the type shrinks (down to a floor) instead of
/// cutting it.
fn header_size<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    cell_w: i32,
) -> Result<f64, ChartError> {
    let theme = &ctx.theme;
    let mut widest_word = 1;
    for id in &ctx.eval.matrix.criteria {
        for word in ctx.criterion_name(id).split_whitespace() {
            widest_word = widest_word.max(text_width(plot, word, &theme.bold(0.9))?);
        }
    }
    Ok(0.9 * (f64::from(cell_w - theme.px(0.6)) / f64::from(widest_word)).clamp(0.75, 1.0))
}

/// Each column's header, fitted to the column.
fn column_headers<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    cell_w: i32,
    head_rel: f64,
) -> Result<Vec<Header>, ChartError> {
    let (lang, theme, matrix) = (ctx.lang(), &ctx.theme, &ctx.eval.matrix);
    let head_style = theme.bold(head_rel);
    let small = theme.muted(0.8);
    let mut headers = Vec::with_capacity(matrix.m());
    for (j, id) in matrix.criteria.iter().enumerate() {
        let mut name = wrap(
            plot,
            &ctx.criterion_name(id),
            &head_style,
            cell_w - theme.px(0.6),
        )?;
        // A single long word may still be wider than the column.
        for line in name.iter_mut() {
            *line = fit(plot, line, &head_style, cell_w - theme.px(0.3))?;
        }
        if name.len() > 4 {
            name.truncate(4);
            if let Some(last) = name.last_mut() {
                *last = fit(
                    plot,
                    &format!("{last}…"),
                    &head_style,
                    cell_w - theme.px(0.6),
                )?;
            }
        }
        let direction = match matrix.directions[j] {
            Direction::Minimize => tr!(lang, "chart.heatmap.lower_better"),
            Direction::Maximize => tr!(lang, "chart.heatmap.higher_better"),
        };
        let unit = ctx
            .input
            .scenario
            .criterion(id)
            .map_or("", |c| c.unit.get(lang));
        let detail = format!("{direction} · {unit}");
        let detail =
            if unit.is_empty() || text_width(plot, &detail, &small)? > cell_w - theme.px(0.4) {
                direction
            } else {
                detail
            };
        headers.push(Header {
            name,
            detail: fit(plot, &detail, &small, cell_w - theme.px(0.4))?,
            weight: tr!(
                lang,
                "chart.heatmap.weight",
                weight = crate::i18n::pct(matrix.weights[j], 0, lang)
            ),
        });
    }
    Ok(headers)
}

/// The headers as tall as the longest name; rows share the rest (capped),
/// and the plot needs room for every row at one line of text.
fn grid<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    headers: &[Header],
    label_w: i32,
    cell_w: i32,
    head_rel: f64,
    n: usize,
) -> Grid {
    let theme = &ctx.theme;
    let lh = |rel: f64| line_height(theme, rel);
    let name_lines = headers.iter().map(|h| h.name.len()).max().unwrap_or(1) as i32;
    let header_h = name_lines * lh(head_rel) + 2 * lh(0.8) + theme.px(0.5);
    ctx.need_plot(header_h + n as i32 * (lh(1.0) + theme.px(0.4)));
    let h = plot.dim_in_pixel().1 as i32;
    Grid {
        label_w,
        cell_w,
        cell_h: ((h - header_h) / n as i32).clamp(1, theme.px(6.0)),
        header_h,
        head_rel,
    }
}

/// Each header centred over its column, bottom-aligned with the others.
fn draw_headers<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    grid: &Grid,
    headers: &[Header],
) -> Result<(), ChartError> {
    let theme = &ctx.theme;
    let lh = |rel: f64| line_height(theme, rel);
    let head_style = theme.bold(grid.head_rel);
    let small = theme.muted(0.8);
    let centred = |s: &TextStyle<'static>| s.clone().pos(Pos::new(HPos::Center, VPos::Top));
    for (j, header) in headers.iter().enumerate() {
        let cx = grid.label_w + j as i32 * grid.cell_w + grid.cell_w / 2;
        let mut y = grid.header_h
            - theme.px(0.5)
            - 2 * lh(0.8)
            - header.name.len() as i32 * lh(grid.head_rel);
        for line in &header.name {
            plot.draw_text(line, &centred(&head_style), (cx, y))?;
            y += lh(grid.head_rel);
        }
        plot.draw_text(&header.detail, &centred(&small), (cx, y))?;
        plot.draw_text(&header.weight, &centred(&small), (cx, y + lh(0.8)))?;
    }
    Ok(())
}

/// Row `r`: the option's name, then one cell per criterion.
fn draw_row<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    grid: &Grid,
    scaled: &[f64],
    r: usize,
    ranked: &Ranked,
    label: &str,
) -> Result<(), ChartError> {
    let matrix = &ctx.eval.matrix;
    let Some(i) = matrix
        .alternatives
        .iter()
        .position(|a| *a == ranked.alternative)
    else {
        return Ok(());
    };
    let top = grid.header_h + r as i32 * grid.cell_h;
    plot.draw_text(
        label,
        &ctx.theme
            .text(0.95)
            .pos(Pos::new(HPos::Right, VPos::Center)),
        (grid.label_w - ctx.theme.px(0.5), top + grid.cell_h / 2),
    )?;
    for j in 0..matrix.m() {
        draw_cell(ctx, plot, grid, scaled[i * matrix.m() + j], (i, j), top)?;
    }
    Ok(())
}

/// One cell: its colour, the scaled value and, when the row has room, the
/// raw value and unit beneath.
fn draw_cell<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    grid: &Grid,
    v: f64,
    (i, j): (usize, usize),
    top: i32,
) -> Result<(), ChartError> {
    let (lang, theme, matrix) = (ctx.lang(), &ctx.theme, &ctx.eval.matrix);
    let lh = |rel: f64| line_height(theme, rel);
    let (cell_w, cell_h) = (grid.cell_w, grid.cell_h);
    let fill = ramp(v);
    let left = grid.label_w + j as i32 * cell_w;
    plot.draw(&Rectangle::new(
        [(left, top), (left + cell_w, top + cell_h)],
        fill.filled(),
    ))?;
    plot.draw(&Rectangle::new(
        [(left, top), (left + cell_w, top + cell_h)],
        WHITE_LINE.stroke_width(theme.line(2.0)),
    ))?;
    let ink = text_on(fill);
    let cx = left + cell_w / 2;
    let value_text = crate::i18n::num(v, 2, lang);
    let value_style = theme.bold(1.0).color(&ink);
    if cell_h < lh(1.0) + lh(0.75) + theme.px(0.4) {
        plot.draw_text(
            &value_text,
            &value_style.pos(Pos::new(HPos::Center, VPos::Center)),
            (cx, top + cell_h / 2),
        )?;
        return Ok(());
    }
    let unit = ctx
        .input
        .scenario
        .criterion(&matrix.criteria[j])
        .map_or("", |c| c.unit.get(lang));
    let raw = crate::i18n::value(matrix.value(i, j), 2, lang);
    // A rating scale ("0-10") says nothing next to the value.
    let raw_text = if unit.is_empty() || unit.starts_with(|c: char| c.is_ascii_digit()) {
        raw
    } else {
        format!("{raw} {unit}")
    };
    let y = top + (cell_h - lh(1.0) - lh(0.75)) / 2;
    plot.draw_text(
        &value_text,
        &value_style.pos(Pos::new(HPos::Center, VPos::Top)),
        (cx, y),
    )?;
    plot.draw_text(
        &raw_text,
        &theme
            .text(0.75)
            .color(&ink)
            .pos(Pos::new(HPos::Center, VPos::Top)),
        (cx, y + lh(1.0)),
    )?;
    Ok(())
}
