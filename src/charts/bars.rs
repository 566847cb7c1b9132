//! Horizontal bar layout shared by the bar charts: one row per option (or
//! profile), top to bottom, labels in their own colours on the left.

use super::frame::{
    axis_title_lines, draw_axis_title, fit, line_height, text_width, wrap, x_label_area,
};
use super::style::{GREY, LIGHT, Theme};
use super::{ChartError, Ctx};
use plotters::chart::LabelAreaPosition;
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

/// The coordinate system of a horizontal bar chart: value × row position
/// (row `r` of `n`, counted from the top, spans `n-r-1 ..= n-r`).
pub(crate) type HBarCoord = Cartesian2d<RangedCoordf64, RangedCoordf64>;

/// A row label and its colour.
pub(crate) struct RowLabel {
    /// Text shown left of the row.
    pub text: String,
    /// Its colour (grey for excluded options).
    pub colour: RGBColor,
}

/// The y coordinates of row `r` (0 = top) among `n`: (bottom, top).
pub(crate) fn row_span(n: usize, r: usize) -> (f64, f64) {
    let k = n.saturating_sub(1 + r) as f64;
    (k, k + 1.0)
}

/// The y coordinate of the centre of row `r` (0 = top) among `n`.
pub(crate) fn row_centre(n: usize, r: usize) -> f64 {
    row_span(n, r).0 + 0.5
}

/// Builds the chart, draws the value axis and grid and the row labels.
pub(crate) fn hbar_chart<'a, DB: DrawingBackend + 'a>(
    ctx: &Ctx<'_>,
    plot: &'a DrawingArea<DB, Shift>,
    labels: &[RowLabel],
    x_range: Range<f64>,
    x_desc: &str,
    x_format: &dyn Fn(f64) -> String,
) -> Result<ChartContext<'a, DB, HBarCoord>, ChartError> {
    let theme: &Theme = &ctx.theme;
    let n = labels.len().max(1);
    let max_label = (plot.dim_in_pixel().0 as i32 * 2 / 5).max(theme.px(4.0));
    let (wrapped, widest) = wrap_row_labels(ctx, plot, labels, max_label)?;
    let label_area = widest + theme.px(0.8);
    let mut chart = value_axis(ctx, plot, &wrapped, label_area, x_range, x_desc, x_format)?;
    draw_zero_line(theme, &mut chart, n)?;
    draw_row_labels(ctx, plot, &chart, labels, &wrapped, max_label)?;
    Ok(chart)
}

/// Labels wrap onto a second line at word boundaries before anything
/// is cut; only a name longer than two lines ends in "…". Returns the
/// lines of each label and the widest line's width.
fn wrap_row_labels<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    labels: &[RowLabel],
    max_label: i32,
) -> Result<(Vec<Vec<String>>, i32), ChartError> {
    let label_style = ctx.theme.text(0.95);
    let mut widest = 0;
    let mut wrapped = Vec::with_capacity(labels.len());
    for l in labels {
        let mut lines = wrap(plot, &l.text, &label_style, max_label)?;
        let cut = lines.len() > 2;
        lines.truncate(2);
        let last = lines.len().saturating_sub(1);
        for (k, line) in lines.iter_mut().enumerate() {
            let text = if cut && k == last {
                format!("{line} …")
            } else {
                line.clone()
            };
            // A single word wider than the room is still shortened.
            *line = fit(plot, &text, &label_style, max_label)?;
            widest = widest.max(text_width(plot, line, &label_style)?);
        }
        wrapped.push(lines);
    }
    Ok((wrapped, widest))
}

/// The value axis along the bottom with its grid and centred title; each
/// row at least as tall as its label with a gap, so labels never touch.
fn value_axis<'a, DB: DrawingBackend + 'a>(
    ctx: &Ctx<'_>,
    plot: &'a DrawingArea<DB, Shift>,
    wrapped: &[Vec<String>],
    label_area: i32,
    x_range: Range<f64>,
    x_desc: &str,
    x_format: &dyn Fn(f64) -> String,
) -> Result<ChartContext<'a, DB, HBarCoord>, ChartError> {
    let theme = &ctx.theme;
    let n = wrapped.len().max(1);
    let w = plot.dim_in_pixel().0 as i32;
    let desc_lines = axis_title_lines(plot, theme, x_desc, w - label_area - theme.px(3.2))?;
    let x_area = x_label_area(theme, desc_lines.len());
    let tallest = wrapped.iter().map(Vec::len).max().unwrap_or(1) as i32;
    let row_need = (tallest * line_height(theme, 0.95) + theme.px(0.3)).max(theme.px(1.35));
    ctx.need_plot(theme.px(0.3) + x_area + n as i32 * row_need);
    let mut chart = ChartBuilder::on(plot)
        .margin_right(theme.px(3.2))
        .margin_top(theme.px(0.3))
        .x_label_area_size(x_area)
        .set_label_area_size(LabelAreaPosition::Left, label_area)
        .build_cartesian_2d(x_range, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .set_tick_mark_size(LabelAreaPosition::Left, 0)
        .y_labels(2)
        .y_label_formatter(&|_| String::new())
        .x_labels(6)
        .x_label_formatter(&|v| x_format(*v))
        .label_style(theme.text(0.85))
        .bold_line_style(LIGHT.stroke_width(theme.line(1.0)))
        .light_line_style(WHITE.mix(0.0))
        .axis_style(GREY.stroke_width(theme.line(1.0)))
        .draw()?;
    // The axis title, centred under the bars.
    let base = plot.get_base_pixel();
    let (x_lo, x_hi) = (chart.x_range().start, chart.x_range().end);
    let (left, bottom) = chart.backend_coord(&(x_lo, 0.0));
    let (right, _) = chart.backend_coord(&(x_hi, 0.0));
    draw_axis_title(
        plot,
        theme,
        &desc_lines,
        ((left + right) / 2 - base.0, bottom - base.1 + theme.px(2.0)),
    )?;
    Ok(chart)
}

/// A zero line when values can be negative (PROMETHEE II, waterfall gaps).
fn draw_zero_line<DB: DrawingBackend>(
    theme: &Theme,
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    n: usize,
) -> Result<(), ChartError> {
    let (x_lo, x_hi) = (chart.x_range().start, chart.x_range().end);
    if x_lo < 0.0 && x_hi > 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n as f64)],
            GREY.stroke_width(theme.line(1.5)),
        )))?;
    }
    Ok(())
}

/// Row labels, right-aligned against the axis, each in its own colour;
/// a second line only when the row has room for it.
fn draw_row_labels<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    chart: &ChartContext<'_, DB, HBarCoord>,
    labels: &[RowLabel],
    wrapped: &[Vec<String>],
    max_label: i32,
) -> Result<(), ChartError> {
    let theme = &ctx.theme;
    let n = labels.len().max(1);
    let label_style = theme.text(0.95);
    let label_lh = line_height(theme, 0.95);
    let base = plot.get_base_pixel();
    let x0 = chart.x_range().start;
    let row_px = row_height(chart, n);
    for (r, lines) in wrapped.iter().enumerate() {
        let (ax, ay) = chart.backend_coord(&(x0, row_centre(n, r)));
        let style = label_style
            .clone()
            .color(&labels[r].colour)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let lines: Vec<String> = if lines.len() > 1 && row_px < lines.len() as i32 * label_lh {
            vec![fit(plot, &labels[r].text, &label_style, max_label)?]
        } else {
            lines.clone()
        };
        let first = ay - base.1 - (lines.len() as i32 - 1) * label_lh / 2;
        for (k, line) in lines.iter().enumerate() {
            plot.draw_text(
                line,
                &style,
                (ax - base.0 - theme.px(0.5), first + k as i32 * label_lh),
            )?;
        }
    }
    Ok(())
}

/// A bar from `from` to `to` on row `r` of `n`, filling about 65% of the row.
pub(crate) fn bar(
    theme: &Theme,
    n: usize,
    r: usize,
    from: f64,
    to: f64,
    colour: RGBColor,
    row_px: i32,
) -> Rectangle<(f64, f64)> {
    bar_styled(theme, (n, r), from, to, colour.filled(), row_px)
}

/// A white outline of the same bar: separates stacked segments.
pub(crate) fn bar_edge(
    theme: &Theme,
    n: usize,
    r: usize,
    from: f64,
    to: f64,
    row_px: i32,
) -> Rectangle<(f64, f64)> {
    bar_styled(
        theme,
        (n, r),
        from,
        to,
        WHITE.stroke_width(theme.line(1.0)),
        row_px,
    )
}

fn bar_styled(
    theme: &Theme,
    (n, r): (usize, usize),
    from: f64,
    to: f64,
    style: ShapeStyle,
    row_px: i32,
) -> Rectangle<(f64, f64)> {
    let (lo, hi) = row_span(n, r);
    let mut rect = Rectangle::new([(from, hi), (to, lo)], style);
    let gap = ((row_px as f64 * 0.175) as i32).max(theme.line(1.0) as i32);
    rect.set_margin(gap as u32, gap as u32, 0, 0);
    rect
}

/// One segment of a stacked bar, `from` to `to` on row `r` of `n`: filled
/// in `colour`, outlined in white, with `label` centred inside it only when
/// the label fits.
#[allow(clippy::too_many_arguments)]
pub(crate) fn stacked_segment<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    plot: &DrawingArea<DB, Shift>,
    theme: &Theme,
    (n, r): (usize, usize),
    (from, to): (f64, f64),
    colour: RGBColor,
    hatched: bool,
    label: String,
) -> Result<(), ChartError> {
    let row_px = row_height(chart, n);
    chart.draw_series(std::iter::once(bar(theme, n, r, from, to, colour, row_px)))?;
    let (lo, hi) = row_span(n, r);
    if hatched {
        // Same inset as the bar itself (see bar_styled).
        let gap = ((row_px as f64 * 0.175) as i32).max(theme.line(1.0) as i32);
        let base = plot.get_base_pixel();
        let (l, t) = chart.backend_coord(&(from, hi));
        let (rt, b) = chart.backend_coord(&(to, lo));
        super::frame::hatch(
            plot,
            theme,
            (l - base.0, t + gap - base.1),
            (rt - base.0, b - gap - base.1),
        )?;
    }
    chart.draw_series(std::iter::once(bar_edge(theme, n, r, from, to, row_px)))?;
    let value_style = theme.text(0.85);
    let left = chart.backend_coord(&(from, lo)).0;
    let right = chart.backend_coord(&(to, lo)).0;
    if hatched {
        // Numbers are not written over hatching.
        return Ok(());
    }
    if right - left > text_width(plot, &label, &value_style)? + theme.px(0.4) {
        let ink = text_on(colour);
        let style = value_style
            .color(&ink)
            .pos(Pos::new(HPos::Center, VPos::Center));
        chart.draw_series(std::iter::once(Text::new(
            label,
            ((from + to) / 2.0, row_centre(n, r)),
            style,
        )))?;
    }
    Ok(())
}

/// Height of one row in pixels.
pub(crate) fn row_height<DB: DrawingBackend>(
    chart: &ChartContext<'_, DB, HBarCoord>,
    n: usize,
) -> i32 {
    let x0 = chart.x_range().start;
    let top = chart.backend_coord(&(x0, n as f64)).1;
    let bottom = chart.backend_coord(&(x0, 0.0)).1;
    ((bottom - top).abs() / n.max(1) as i32).max(1)
}

/// A text label just past the end of a bar (right of positive, left of negative).
pub(crate) fn end_label<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    theme: &Theme,
    n: usize,
    r: usize,
    at: f64,
    text: String,
    style: TextStyle<'static>,
) -> Result<(), ChartError> {
    side_label(chart, theme, (n, r), at, at >= 0.0, text, style)
}

/// A text label beside x = `at` on row `r` of `n`, to the right or the left.
pub(crate) fn side_label<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    theme: &Theme,
    (n, r): (usize, usize),
    at: f64,
    right: bool,
    text: String,
    style: TextStyle<'static>,
) -> Result<(), ChartError> {
    let (h, dx) = if right {
        (HPos::Left, theme.px(0.3))
    } else {
        (HPos::Right, -theme.px(0.3))
    };
    let style = style.pos(Pos::new(h, VPos::Center));
    chart.draw_series(std::iter::once(
        EmptyElement::at((at, row_centre(n, r))) + Text::new(text, (dx, 0), style),
    ))?;
    Ok(())
}

/// Ink or white, whichever reads better on `fill`.
pub(crate) fn text_on(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance > 150.0 {
        super::style::INK
    } else {
        WHITE
    }
}
