//! Value for money: each feasible option's value against its cost, the
//! efficient frontier joining the options nothing beats, each option off it
//! joined to its better alternatives, and, when options may be combined,
//! the best package at every budget up to the cap as a step line.

use super::frame::{Chrome, LegendItem, Swatch, frame, message};
use super::style::{INK, MUTED, OKABE_ITO, Theme};
use super::xy::{XyAxes, XyChart as Chart, xy_chart};
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::frontier::{
    Cost, PackageFrontier, ValueForMoney, default_cost, resolve_cost, value_for_money,
};
use crate::report::frontier::{cost_name, cost_unit, summary};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Colour of the option frontier.
const FRONTIER: RGBColor = OKABE_ITO[0];
/// Colour of the package step line.
const PACKAGES: RGBColor = OKABE_ITO[1];

/// The cost the chart uses: `ctx.input.criterion` when it names a cost (a
/// minimised criterion or a resource), else [`default_cost`]. A criterion
/// that is maximised is not a cost, so it also falls back (the window
/// passes the sensitivity chart's criterion to every chart).
pub(crate) fn chosen_cost(ctx: &Ctx<'_>) -> Result<Option<Cost>, ChartError> {
    let scenario = ctx.input.scenario;
    match ctx.input.criterion {
        Some(id) => match resolve_cost(scenario, id) {
            Ok(cost) => Ok(Some(cost)),
            Err(crate::analysis::frontier::FrontierError::Unknown(id)) => {
                Err(ChartError::UnknownCriterion(id))
            }
            Err(_) => Ok(default_cost(scenario)),
        },
        None => Ok(default_cost(scenario)),
    }
}

/// A label's box in backend pixels: left, top, right, bottom.
type Rect = (i32, i32, i32, i32);

fn overlap(a: Rect, b: Rect) -> i64 {
    let w = (a.2.min(b.2) - a.0.max(b.0)).max(0);
    let h = (a.3.min(b.3) - a.1.max(b.1)).max(0);
    i64::from(w) * i64::from(h)
}

/// Places labels of sizes `sizes` beside points `at` (backend pixels) so
/// that no two labels overlap, nor a label and a point, within `bounds`,
/// and labels cover the pixels of `lines` as little as they can: each label
/// tries eight places around its point at growing distances and takes the
/// first free one (else the one overlapping least; lines weigh less than
/// labels and points). Returns the top-left offset of each label from its point.
pub(crate) fn place_labels(
    at: &[(i32, i32)],
    sizes: &[(i32, i32)],
    radius: i32,
    bounds: Rect,
    lines: &[(i32, i32)],
) -> Vec<(i32, i32)> {
    let mut taken: Vec<Rect> = at
        .iter()
        .map(|&(x, y)| (x - radius, y - radius, x + radius, y + radius))
        .collect();
    let line_rects: Vec<Rect> = lines
        .iter()
        .map(|&(x, y)| (x - 1, y - 1, x + 1, y + 1))
        .collect();
    let mut offsets = Vec::with_capacity(at.len());
    for (&(x, y), &(w, h)) in at.iter().zip(sizes) {
        let mut best: Option<(i64, (i32, i32))> = None;
        'search: for step in 1..=4 {
            let g = radius + step * radius;
            let candidates = [
                (g, -h / 2),
                (-g - w, -h / 2),
                (-w / 2, -g - h),
                (-w / 2, g),
                (g, -g - h),
                (g, g),
                (-g - w, -g - h),
                (-g - w, g),
            ];
            for (dx, dy) in candidates {
                let rect = (x + dx, y + dy, x + dx + w, y + dy + h);
                let outside = i64::from((bounds.0 - rect.0).max(0) + (rect.2 - bounds.2).max(0))
                    * i64::from(h)
                    + i64::from((bounds.1 - rect.1).max(0) + (rect.3 - bounds.3).max(0))
                        * i64::from(w);
                let crossed: i64 = line_rects.iter().map(|t| overlap(*t, rect)).sum();
                let cost: i64 = taken.iter().map(|t| overlap(*t, rect)).sum::<i64>() * 8
                    + outside * 32
                    + crossed;
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, (dx, dy)));
                }
                if cost == 0 {
                    break 'search;
                }
            }
        }
        let (dx, dy) = best.map_or((radius, -h / 2), |b| b.1);
        taken.push((x + dx, y + dy, x + dx + w, y + dy + h));
        offsets.push((dx, dy));
    }
    offsets
}

/// The chart's title for a cost.
fn title(ctx: &Ctx<'_>, cost: &Cost) -> String {
    tr!(
        ctx.lang(),
        "vfm.chart.title_for",
        cost = cost_name(ctx.input.scenario, cost, ctx.lang())
    )
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let theme = &ctx.theme;
    let Some(cost) = chosen_cost(ctx)? else {
        let chrome = Chrome::with_scenario_notes(
            ctx,
            ChartKind::Frontier.title(lang),
            Vec::new(),
            Vec::new(),
        );
        let plot = frame(ctx, area, &chrome)?;
        return message(theme, &plot, &tr!(lang, "vfm.error.no_cost"));
    };
    let scenario = ctx.input.scenario;
    let vfm = value_for_money(scenario, ctx.profile, &cost);
    let packages = vfm.packages.as_ref().ok();
    let mut legend = vec![
        LegendItem::new(tr!(lang, "vfm.chart.efficient"), FRONTIER, Swatch::Line),
        LegendItem::new(tr!(lang, "vfm.chart.inefficient"), MUTED, Swatch::Marker),
    ];
    if vfm.options.iter().any(|o| !o.efficient) {
        legend.push(LegendItem::new(
            tr!(lang, "vfm.chart.alternative"),
            MUTED,
            Swatch::Dashed,
        ));
    }
    if packages.is_some() {
        legend.push(LegendItem::new(
            tr!(lang, "vfm.chart.packages"),
            PACKAGES,
            Swatch::Line,
        ));
    }
    // The chart's own notes: the first sentence of the summary (the first
    // option off the frontier, if any) and the frontier, so the plot keeps
    // its room; the dashed lines show the other alternatives.
    let mut notes = summary(scenario, &vfm, lang);
    if notes.len() > 2 {
        notes.drain(1..notes.len() - 1);
    }
    let chrome = Chrome::with_scenario_notes(ctx, title(ctx, &cost), legend, notes);
    let plot = frame(ctx, area, &chrome)?;
    if vfm.options.is_empty() {
        return message(theme, &plot, &ctx.nothing_to_show());
    }
    plot_points(ctx, &plot, &vfm, packages)
}

/// Everything inside the axes: the package steps, the links from each
/// option off the frontier to its better alternatives, the frontier, the
/// points, and their labels placed off every line.
fn plot_points<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    vfm: &ValueForMoney,
    packages: Option<&PackageFrontier>,
) -> Result<(), ChartError> {
    let mut chart = axes(ctx, plot, vfm, packages)?;
    // Every line drawn, so labels can keep off them.
    let mut polylines: Vec<Vec<(f64, f64)>> = Vec::new();
    if let Some(p) = packages {
        draw_package_steps(ctx, &mut chart, p, &mut polylines)?;
    }
    draw_alternative_links(ctx, &mut chart, vfm, &mut polylines)?;
    draw_frontier_line(ctx, &mut chart, vfm, &mut polylines)?;
    let radius = draw_points(ctx, &mut chart, vfm)?;
    let labels = point_labels(ctx, vfm, packages);
    draw_labels(ctx, plot, &mut chart, labels, radius, &polylines)
}

/// Cost across (from the cheapest, or 0, to a little past the dearest or
/// the cap), value up (0 to 1, or a little above the largest value).
fn axes<'a, DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &'a DrawingArea<DB, Shift>,
    vfm: &ValueForMoney,
    packages: Option<&PackageFrontier>,
) -> Result<Chart<'a, DB>, ChartError> {
    let (lang, theme, scenario) = (ctx.lang(), &ctx.theme, ctx.input.scenario);
    let max_cost = vfm
        .options
        .iter()
        .map(|o| o.cost)
        .chain(packages.map(|p| p.cap))
        .fold(0.0_f64, f64::max);
    let min_cost = vfm.options.iter().map(|o| o.cost).fold(0.0_f64, f64::min);
    let max_value = vfm
        .options
        .iter()
        .map(|o| o.value)
        .chain(
            packages
                .into_iter()
                .flat_map(|p| p.steps.iter().map(|s| s.value)),
        )
        .fold(1.0_f64, f64::max);
    let x_span = (max_cost - min_cost).max(1e-9);
    let unit = cost_unit(scenario, &vfm.cost, lang);
    let x_desc = if unit.is_empty() {
        cost_name(scenario, &vfm.cost, lang)
    } else {
        format!("{} ({unit})", cost_name(scenario, &vfm.cost, lang))
    };
    xy_chart(
        theme,
        plot,
        XyAxes {
            x_range: min_cost..max_cost + 0.08 * x_span,
            y_range: 0.0..if max_value > 1.0 {
                max_value * 1.1
            } else {
                1.0
            },
            x_label_area: theme.px(3.4),
            x_labels: 8,
            x_format: &|v| crate::i18n::value(*v, 1, lang),
            y_format: &|v| crate::i18n::num(*v, 1, lang),
            x_desc: Some(x_desc),
            y_desc: tr!(lang, "vfm.chart.value_axis"),
        },
    )
}

/// Packages: a step line, the best package at every budget, and the cap.
fn draw_package_steps<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut Chart<'_, DB>,
    p: &PackageFrontier,
    polylines: &mut Vec<Vec<(f64, f64)>>,
) -> Result<(), ChartError> {
    let y_range = chart.y_range();
    let mut path = Vec::new();
    for (k, s) in p.steps.iter().enumerate() {
        if k > 0 {
            path.push((s.cost, p.steps[k - 1].value));
        }
        path.push((s.cost, s.value));
    }
    if let Some(last) = p.steps.last() {
        path.push((p.cap.max(last.cost), last.value));
    }
    polylines.push(path.clone());
    polylines.push(vec![(p.cap, y_range.start), (p.cap, y_range.end)]);
    chart.draw_series(std::iter::once(PathElement::new(
        path,
        PACKAGES.stroke_width(ctx.theme.line(2.5)),
    )))?;
    dashed_vertical(chart, &ctx.theme, p.cap, &y_range)
}

/// Options off the frontier, joined (dashed) to their better alternatives.
fn draw_alternative_links<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut Chart<'_, DB>,
    vfm: &ValueForMoney,
    polylines: &mut Vec<Vec<(f64, f64)>>,
) -> Result<(), ChartError> {
    let position = |id: &str| {
        vfm.options
            .iter()
            .find(|o| o.alternative == id)
            .map(|o| (o.cost, o.value))
    };
    for o in vfm.options.iter().filter(|o| !o.efficient) {
        for alt in [&o.cheaper, &o.better].into_iter().flatten() {
            if let Some(to) = position(alt) {
                polylines.push(vec![(o.cost, o.value), to]);
                dashed_segment(chart, &ctx.theme, (o.cost, o.value), to)?;
            }
        }
    }
    Ok(())
}

/// The option frontier as one thick line.
fn draw_frontier_line<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut Chart<'_, DB>,
    vfm: &ValueForMoney,
    polylines: &mut Vec<Vec<(f64, f64)>>,
) -> Result<(), ChartError> {
    let line: Vec<(f64, f64)> = vfm
        .frontier
        .iter()
        .map(|&k| (vfm.options[k].cost, vfm.options[k].value))
        .collect();
    polylines.push(line.clone());
    chart.draw_series(std::iter::once(PathElement::new(
        line,
        FRONTIER.stroke_width(ctx.theme.line(3.0)),
    )))?;
    Ok(())
}

/// Points: filled in the frontier's colour on it, grey rings off it (the
/// labels name the options; series colours would clash with the lines).
/// Returns the points' radius.
fn draw_points<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut Chart<'_, DB>,
    vfm: &ValueForMoney,
) -> Result<i32, ChartError> {
    let theme = &ctx.theme;
    let radius = theme.px(0.45).max(3);
    for o in &vfm.options {
        let style = if o.efficient {
            FRONTIER.filled()
        } else {
            MUTED.stroke_width(theme.line(2.5))
        };
        chart.draw_series(std::iter::once(Circle::new(
            (o.cost, o.value),
            radius,
            style,
        )))?;
    }
    Ok(radius)
}

/// A label to place near a point: where, what, and in which style.
type PointLabel = ((f64, f64), String, TextStyle<'static>);

/// Option names with their numbers, and what the cap buys.
fn point_labels(
    ctx: &Ctx<'_>,
    vfm: &ValueForMoney,
    packages: Option<&PackageFrontier>,
) -> Vec<PointLabel> {
    let (lang, theme, scenario) = (ctx.lang(), &ctx.theme, ctx.input.scenario);
    let label_style = theme.text(0.85);
    let mut labels: Vec<PointLabel> = vfm
        .options
        .iter()
        .map(|o| {
            let text = format!(
                "{} ({})",
                ctx.option_name(&o.alternative),
                crate::report::frontier::value_text(o.value, lang)
            );
            let style = if o.efficient {
                theme.bold(0.85)
            } else {
                label_style.clone()
            };
            ((o.cost, o.value), text, style)
        })
        .collect();
    if let Some((p, last)) = packages.and_then(|p| p.steps.last().map(|s| (p, s))) {
        labels.push((
            (last.cost, last.value),
            crate::report::frontier::cap_buys(scenario, &vfm.cost, p.cap, last, lang),
            theme.text(0.85).color(&PACKAGES),
        ));
    }
    labels
}

/// Each label on a white backing, placed where it overlaps no other label
/// and no line.
fn draw_labels<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    chart: &mut Chart<'_, DB>,
    labels: Vec<PointLabel>,
    radius: i32,
    polylines: &[Vec<(f64, f64)>],
) -> Result<(), ChartError> {
    let at: Vec<(i32, i32)> = labels
        .iter()
        .map(|(p, _, _)| chart.backend_coord(p))
        .collect();
    let mut sizes = Vec::with_capacity(labels.len());
    for (_, text, style) in &labels {
        let (w, h) = plot.estimate_text_size(text, style)?;
        sizes.push((w as i32, h as i32));
    }
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let offsets = place_labels(
        &at,
        &sizes,
        radius,
        (xs.start, ys.start, xs.end, ys.end),
        &pixels_along(chart, polylines),
    );
    for (((point, text, style), (dx, dy)), (w, h)) in labels.into_iter().zip(offsets).zip(sizes) {
        let pad = ctx.theme.px(0.15);
        chart.draw_series(std::iter::once(
            EmptyElement::at(point)
                + Rectangle::new(
                    [(dx - pad, dy - pad), (dx + w + pad, dy + h + pad)],
                    WHITE.mix(0.85).filled(),
                )
                + Text::new(text, (dx, dy), style.pos(Pos::new(HPos::Left, VPos::Top))),
        ))?;
    }
    Ok(())
}

/// Backend pixels every few pixels along `polylines` (data coordinates).
fn pixels_along<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    polylines: &[Vec<(f64, f64)>],
) -> Vec<(i32, i32)> {
    let mut out = Vec::new();
    for line in polylines {
        for pair in line.windows(2) {
            let (a, b) = (chart.backend_coord(&pair[0]), chart.backend_coord(&pair[1]));
            let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) / 3).max(1);
            for k in 0..=steps {
                out.push((a.0 + (b.0 - a.0) * k / steps, a.1 + (b.1 - a.1) * k / steps));
            }
        }
    }
    out
}

/// A thin dashed grey segment from `from` to `to` (data coordinates).
fn dashed_segment<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    theme: &Theme,
    from: (f64, f64),
    to: (f64, f64),
) -> Result<(), ChartError> {
    let (a, b) = (chart.backend_coord(&from), chart.backend_coord(&to));
    let length = f64::from((b.0 - a.0).pow(2) + (b.1 - a.1).pow(2)).sqrt();
    let dash = f64::from(theme.px(0.4).max(2));
    let pieces = (length / dash).floor().max(1.0) as usize;
    for k in (0..pieces).step_by(2) {
        let t0 = k as f64 / pieces as f64;
        let t1 = ((k + 1) as f64 / pieces as f64).min(1.0);
        let at = |t: f64| (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![at(t0), at(t1)],
            MUTED.stroke_width(theme.line(1.5)),
        )))?;
    }
    Ok(())
}

/// A dashed vertical line at `x` over the whole value axis (the cap).
fn dashed_vertical<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    theme: &Theme,
    x: f64,
    y_range: &std::ops::Range<f64>,
) -> Result<(), ChartError> {
    let dash = 0.015 * (y_range.end - y_range.start);
    let mut y = y_range.start;
    while y < y_range.end {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, y), (x, (y + dash).min(y_range.end))],
            INK.mix(0.6).stroke_width(theme.line(1.5)),
        )))?;
        y += 2.0 * dash;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_close_points_do_not_overlap() {
        let at = [(100, 100), (104, 102), (98, 99), (300, 300)];
        let sizes = [(80, 14); 4];
        let offsets = place_labels(&at, &sizes, 5, (0, 0, 600, 600), &[]);
        let rects: Vec<Rect> = at
            .iter()
            .zip(&offsets)
            .map(|(&(x, y), &(dx, dy))| (x + dx, y + dy, x + dx + 80, y + dy + 14))
            .collect();
        for a in 0..rects.len() {
            for b in a + 1..rects.len() {
                assert_eq!(overlap(rects[a], rects[b]), 0, "{a} and {b} overlap");
            }
        }
    }
}
