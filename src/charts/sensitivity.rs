//! Weight sensitivity: every option's score as one criterion's weight
//! sweeps from 0 to 100 % (the others rescaled in proportion), with the
//! current weight and each change of the top option marked. Given a group
//! id instead, the group's share of its parent sweeps (its siblings
//! rescaled in proportion), with its exact switch points.

use super::frame::{
    Chrome, LegendItem, Swatch, axis_title_lines, draw_axis_title, frame, message,
    ranked_option_lines, text_width, x_label_area,
};
use super::ranking::score_range;
use super::style::{INK, MUTED};
use super::xy::{XyAxes, XyChart, xy_chart};
use super::{ChartError, Ctx, method_name};
use crate::analysis::sensitivity::{SensitivityCurve, group_sensitivity};
use crate::analysis::{DecisionMatrix, Method, Ranked};
use crate::model::{Node, ValueTree};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::borrow::Cow;

/// The sensitivity curve of criterion index `j` (analysis::sensitivity):
/// scores on `grid_points` weights from 0 to 1 and the exact weights where
/// the top option changes.
pub fn curve_for(
    matrix: &DecisionMatrix,
    method: Method,
    j: usize,
    grid_points: usize,
) -> SensitivityCurve {
    crate::analysis::sensitivity::sensitivity(matrix, method, j, grid_points)
}

/// The group the chart varies, when the id asked for names a group of the
/// value tree rather than a criterion.
pub(crate) fn chosen_group(ctx: &Ctx<'_>) -> Option<usize> {
    let id = ctx.input.criterion?;
    if ctx.eval.matrix.criteria.iter().any(|c| c == id) {
        return None;
    }
    ctx.input.scenario.groups.iter().position(|g| g.id == id)
}

/// The criterion the chart varies: the one asked for, else the heaviest.
pub(crate) fn chosen_criterion(ctx: &Ctx<'_>) -> Result<usize, ChartError> {
    let matrix = &ctx.eval.matrix;
    match ctx.input.criterion {
        Some(id) => matrix
            .criteria
            .iter()
            .position(|c| c == id)
            .ok_or_else(|| ChartError::UnknownCriterion(id.to_string())),
        None => Ok(matrix
            .weights
            .iter()
            .enumerate()
            .fold((0, f64::NEG_INFINITY), |best, (j, w)| {
                if *w > best.1 { (j, *w) } else { best }
            })
            .0),
    }
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let group = chosen_group(ctx);
    let curve = chosen_curve(ctx, group)?;
    let curve = curve.as_ref();
    let name = match group {
        Some(g) => ctx.input.scenario.groups[g]
            .name
            .get(ctx.lang())
            .to_string(),
        None => ctx.criterion_name(&curve.criterion),
    };
    let (listed, more) = ctx.listed_ranking();
    let mut notes = vec![sentence(ctx, curve)];
    notes.extend(more);
    let chrome =
        Chrome::with_scenario_notes(ctx, title(ctx, group, &name), legend(ctx, curve), notes);
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() || ctx.eval.matrix.m() == 0 {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let mut chart = axes(ctx, &plot, group, &name)?;
    draw_current_weight(ctx, &mut chart, curve)?;
    draw_score_lines(ctx, &mut chart, curve, listed)?;
    draw_switches(ctx, &plot, &mut chart, curve)
}

/// The curve given with the input when it is the one asked for, else
/// computed: for a group, or for the chosen criterion.
fn chosen_curve<'c>(
    ctx: &'c Ctx<'_>,
    group: Option<usize>,
) -> Result<Cow<'c, SensitivityCurve>, ChartError> {
    let matrix = &ctx.eval.matrix;
    let j = if matrix.m() == 0 || group.is_some() {
        0
    } else {
        chosen_criterion(ctx)?
    };
    Ok(match (ctx.input.sensitivity, group) {
        (Some(c), None) if matrix.criteria.get(j) == Some(&c.criterion) => Cow::Borrowed(c),
        (Some(c), Some(g)) if ctx.input.scenario.groups[g].id == c.criterion => Cow::Borrowed(c),
        (_, Some(g)) => Cow::Owned(group_sensitivity(
            ctx.input.scenario,
            ctx.profile,
            matrix,
            ctx.input.method,
            g,
            201,
        )),
        _ => Cow::Owned(curve_for(matrix, ctx.input.method, j, 201)),
    })
}

fn title(ctx: &Ctx<'_>, group: Option<usize>, name: &str) -> String {
    let lang = ctx.lang();
    match group {
        Some(_) => tr!(lang, "chart.sensitivity.title_group", group = name),
        None => tr!(lang, "chart.sensitivity.title_for", criterion = name),
    }
}

/// The options, the current weight and, when there are any, the switches.
fn legend(ctx: &Ctx<'_>, curve: &SensitivityCurve) -> Vec<LegendItem> {
    let lang = ctx.lang();
    let mut legend = ranked_option_lines(ctx);
    legend.push(LegendItem::new(
        tr!(
            lang,
            "chart.sensitivity.current",
            weight = crate::i18n::pct(curve.current_weight, 0, lang)
        ),
        MUTED,
        Swatch::Dashed,
    ));
    if !curve.thresholds.is_empty() {
        legend.push(LegendItem::new(
            tr!(lang, "chart.sensitivity.switch"),
            INK,
            Swatch::Marker,
        ));
    }
    legend
}

/// Weight (or share) 0–100 % across, the method's score up; the horizontal
/// title is wrapped to the plot and centred under it.
fn axes<'a, DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &'a DrawingArea<DB, Shift>,
    group: Option<usize>,
    name: &str,
) -> Result<XyChart<'a, DB>, ChartError> {
    let (lang, theme) = (ctx.lang(), &ctx.theme);
    let y_range = score_range(ctx.input.method);
    let y_desc = tr!(
        lang,
        "chart.axis.score",
        method = method_name(ctx.input.method, lang)
    );
    let (plot_w, _) = plot.dim_in_pixel();
    let x_desc = axis_title_lines(
        plot,
        theme,
        &match group {
            Some(g) => share_axis_title(ctx, g, name),
            None => tr!(lang, "chart.axis.weight_of", criterion = name),
        },
        plot_w as i32 - theme.px(6.0),
    )?;
    let x_area = x_label_area(theme, x_desc.len());
    // The vertical axis title is written along the plot: it needs the
    // plot at least that tall.
    ctx.need_plot(text_width(plot, &y_desc, &theme.text(0.95))? + x_area + theme.px(1.5));
    let chart = xy_chart(
        theme,
        plot,
        XyAxes {
            x_range: 0.0..1.0,
            y_range: y_range.clone(),
            x_label_area: x_area,
            x_labels: 11,
            x_format: &|v| crate::i18n::pct(*v, 0, lang),
            y_format: &|v| crate::i18n::num(*v, 1, lang),
            x_desc: None,
            y_desc,
        },
    )?;
    let base = plot.get_base_pixel();
    let (left, bottom) = chart.backend_coord(&(0.0, y_range.start));
    let (right, _) = chart.backend_coord(&(1.0, y_range.start));
    draw_axis_title(
        plot,
        theme,
        &x_desc,
        ((left + right) / 2 - base.0, bottom - base.1 + theme.px(2.0)),
    )?;
    Ok(chart)
}

/// The current weight as a dashed vertical line.
fn draw_current_weight<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut XyChart<'_, DB>,
    curve: &SensitivityCurve,
) -> Result<(), ChartError> {
    let y_range = score_range(ctx.input.method);
    let dash = 0.012;
    let mut y = y_range.start;
    while y < y_range.end {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![
                (curve.current_weight, y),
                (curve.current_weight, (y + dash).min(y_range.end)),
            ],
            MUTED.stroke_width(ctx.theme.line(1.5)),
        )))?;
        y += 2.0 * dash * (y_range.end - y_range.start);
    }
    Ok(())
}

/// One line per listed option, the current winner last so it is on top.
fn draw_score_lines<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut XyChart<'_, DB>,
    curve: &SensitivityCurve,
    listed: &[Ranked],
) -> Result<(), ChartError> {
    let theme = &ctx.theme;
    for ranked in listed.iter().rev() {
        let Some(i) = curve
            .alternatives
            .iter()
            .position(|a| *a == ranked.alternative)
        else {
            continue;
        };
        let colour = ctx.option_colour(&ranked.alternative);
        let points = simplify(
            curve
                .weights
                .iter()
                .copied()
                .zip(curve.scores[i].iter().copied())
                .collect(),
        );
        let style = colour.stroke_width(theme.line(3.0));
        if ctx.option_hatched(&ranked.alternative) {
            // A colour used twice: this line is dashed (as in the legend).
            chart.draw_series(DashedLineSeries::new(
                points,
                theme.px(0.8).max(4) as u32,
                theme.px(0.5).max(3) as u32,
                style,
            ))?;
        } else {
            chart.draw_series(LineSeries::new(points, style))?;
        }
    }
    Ok(())
}

/// Rank reversals: a ring at the crossing, labelled with the new leader.
fn draw_switches<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    chart: &mut XyChart<'_, DB>,
    curve: &SensitivityCurve,
) -> Result<(), ChartError> {
    let (lang, theme) = (ctx.lang(), &ctx.theme);
    for (k, t) in curve.thresholds.iter().enumerate() {
        let Some(i) = curve.alternatives.iter().position(|a| *a == t.top_after) else {
            continue;
        };
        let score = interpolate(&curve.weights, &curve.scores[i], t.weight);
        chart.draw_series(std::iter::once(Circle::new(
            (t.weight, score),
            theme.px(0.45),
            INK.stroke_width(theme.line(2.5)),
        )))?;
        let label = tr!(
            lang,
            "chart.sensitivity.switch_label",
            weight = crate::i18n::pct(t.weight, 0, lang),
            option = ctx.option_name(&t.top_after)
        );
        let (hpos, dx) = if t.weight > 0.6 {
            (HPos::Right, -theme.px(0.7))
        } else {
            (HPos::Left, theme.px(0.7))
        };
        let dy = -theme.px(1.0) - k as i32 * theme.px(1.3);
        // A white backing keeps the label legible over the lines.
        let style = theme.bold(0.85);
        let (tw, th) = plot.estimate_text_size(&label, &style)?;
        let (tw, th) = (tw as i32, th as i32);
        let left = if t.weight > 0.6 { dx - tw } else { dx };
        let pad = theme.px(0.2);
        chart.draw_series(std::iter::once(
            EmptyElement::at((t.weight, score))
                + Rectangle::new(
                    [
                        (left - pad, dy - th / 2 - pad),
                        (left + tw + pad, dy + th / 2 + pad),
                    ],
                    WHITE.mix(0.85).filled(),
                )
                + Text::new(label, (dx, dy), style.pos(Pos::new(hpos, VPos::Center))),
        ))?;
    }
    Ok(())
}

/// The horizontal axis of a group's curve: its share of its parent.
fn share_axis_title(ctx: &Ctx<'_>, g: usize, name: &str) -> String {
    let lang = ctx.lang();
    let scenario = ctx.input.scenario;
    let tree = ValueTree::new(scenario);
    match tree.parent(Node::Group(g)) {
        Some(parent @ Node::Group(_)) => tr!(
            lang,
            "chart.axis.share_of",
            group = name,
            parent = tree.name(scenario, parent, lang)
        ),
        _ => tr!(lang, "chart.axis.share_of_all", group = name),
    }
}

/// Drops interior points that lie on the line through their neighbours, so
/// thick lines are drawn as few long segments (no beading at every joint).
fn simplify(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points;
    }
    let mut out = vec![points[0]];
    for k in 1..points.len() - 1 {
        let (a, b, c) = (out[out.len() - 1], points[k], points[k + 1]);
        let cross = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
        if cross.abs() > 1e-9 {
            out.push(b);
        }
    }
    out.push(points[points.len() - 1]);
    out
}

/// Linear interpolation of `ys` over the grid `xs` at `x`.
fn interpolate(xs: &[f64], ys: &[f64], x: f64) -> f64 {
    let k = xs
        .partition_point(|v| *v < x)
        .clamp(1, xs.len().saturating_sub(1).max(1));
    let (x0, x1) = (xs[k - 1], xs[k]);
    let (y0, y1) = (ys[k - 1], ys[k]);
    if (x1 - x0).abs() < 1e-15 {
        y0
    } else {
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    }
}

/// One plain sentence on what the curve shows ("CAR stays first while the
/// weight on risk is between 12% and 61%…"), worded by `report::sensitivity`.
pub(crate) fn sentence(ctx: &Ctx<'_>, curve: &SensitivityCurve) -> String {
    if ctx.eval.ranking.is_empty() {
        return ctx.nothing_to_show();
    }
    crate::report::sensitivity::describe(ctx.input.scenario, curve, ctx.lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_lines_keep_only_their_ends() {
        let line: Vec<(f64, f64)> = (0..=10)
            .map(|k| (k as f64 / 10.0, 0.5 * k as f64))
            .collect();
        assert_eq!(simplify(line).len(), 2);
        let bent = vec![(0.0, 0.0), (0.5, 1.0), (1.0, 0.0)];
        assert_eq!(simplify(bent).len(), 3);
    }

    #[test]
    fn interpolation_is_linear_between_grid_points() {
        assert!((interpolate(&[0.0, 0.5, 1.0], &[0.0, 1.0, 3.0], 0.75) - 2.0).abs() < 1e-12);
    }
}
