//! Weight sensitivity: every option's score as one criterion's weight
//! sweeps from 0 to 100 % (the others rescaled in proportion), with the
//! current weight and each change of the top option marked.

use super::frame::{Chrome, LegendItem, Swatch, frame, message};
use super::ranking::score_range;
use super::style::{GREY, INK, LIGHT, MUTED};
use super::{ChartError, Ctx, method_name};
use crate::analysis::sensitivity::{SensitivityCurve, Threshold};
use crate::analysis::{DecisionMatrix, Method, scores_with_weights};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Weights of every criterion when criterion `j` has weight `t` and the
/// others keep their proportions (equal shares when they were all zero).
fn weights_at(base: &[f64], j: usize, t: f64) -> Vec<f64> {
    let rest = 1.0 - base[j];
    let others = base.len().saturating_sub(1).max(1) as f64;
    base.iter()
        .enumerate()
        .map(|(k, w)| {
            if k == j {
                t
            } else if rest > 1e-12 {
                w * (1.0 - t) / rest
            } else {
                (1.0 - t) / others
            }
        })
        .collect()
}

/// Index of the best score (the first one on ties).
fn top(scores: &[f64]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, s) in scores.iter().enumerate() {
        if best.is_none_or(|b| *s > scores[b] && !crate::analysis::is_tie(*s, scores[b])) {
            best = Some(i);
        }
    }
    best
}

/// The sensitivity curve of criterion `j`: scores on a grid of
/// `grid_points + 1` weights from 0 to 1, and the weights where the top
/// option changes (located by bisection to 1e-9).
pub fn curve_for(
    matrix: &DecisionMatrix,
    method: Method,
    j: usize,
    grid_points: usize,
) -> SensitivityCurve {
    let grid_points = grid_points.max(2);
    let n = matrix.n();
    let weights: Vec<f64> = (0..=grid_points)
        .map(|k| k as f64 / grid_points as f64)
        .collect();
    let at = |t: f64| scores_with_weights(method, matrix, &weights_at(&matrix.weights, j, t));
    let mut scores = vec![Vec::with_capacity(weights.len()); n];
    let mut tops = Vec::with_capacity(weights.len());
    for &t in &weights {
        let s = at(t);
        tops.push(top(&s));
        for (i, v) in s.into_iter().enumerate() {
            scores[i].push(v);
        }
    }
    let mut thresholds = Vec::new();
    for k in 1..weights.len() {
        if tops[k] == tops[k - 1] {
            continue;
        }
        let (mut lo, mut hi) = (weights[k - 1], weights[k]);
        let before = tops[k - 1];
        for _ in 0..60 {
            let mid = 0.5 * (lo + hi);
            if top(&at(mid)) == before {
                lo = mid;
            } else {
                hi = mid;
            }
            if hi - lo < 1e-10 {
                break;
            }
        }
        if let (Some(b), Some(a)) = (before, tops[k]) {
            thresholds.push(Threshold {
                weight: 0.5 * (lo + hi),
                top_before: matrix.alternatives[b].clone(),
                top_after: matrix.alternatives[a].clone(),
            });
        }
    }
    SensitivityCurve {
        criterion: matrix.criteria.get(j).cloned().unwrap_or_default(),
        current_weight: matrix.weights.get(j).copied().unwrap_or(0.0),
        alternatives: matrix.alternatives.clone(),
        weights,
        scores,
        thresholds,
    }
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
    let lang = ctx.lang();
    let theme = &ctx.theme;
    let matrix = &ctx.eval.matrix;
    let j = if matrix.m() == 0 {
        0
    } else {
        chosen_criterion(ctx)?
    };
    let computed;
    let curve = match ctx.input.sensitivity {
        Some(c) if matrix.criteria.get(j) == Some(&c.criterion) => c,
        _ => {
            computed = curve_for(matrix, ctx.input.method, j, 200);
            &computed
        }
    };
    let criterion = ctx.criterion_name(&curve.criterion);
    let mut legend: Vec<LegendItem> = ctx
        .eval
        .ranking
        .iter()
        .map(|r| {
            LegendItem::new(
                ctx.option_name(&r.alternative),
                ctx.option_colour(&r.alternative),
                Swatch::Line,
            )
        })
        .collect();
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
    let mut notes = vec![sentence(ctx, curve)];
    notes.extend(ctx.notes());
    let chrome = Chrome {
        title: tr!(
            lang,
            "chart.sensitivity.title_for",
            criterion = criterion.clone()
        ),
        subtitle: None,
        legend,
        notes,
    };
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() || matrix.m() == 0 {
        return message(theme, &plot, &ctx.nothing_to_show());
    }
    let y_range = score_range(ctx.input.method);
    let mut chart = ChartBuilder::on(&plot)
        .margin_right(theme.px(1.5))
        .margin_top(theme.px(0.5))
        .x_label_area_size(theme.px(3.4))
        .y_label_area_size(theme.px(4.4))
        .build_cartesian_2d(0.0..1.0, y_range.clone())?;
    chart
        .configure_mesh()
        .x_labels(11)
        .y_labels(6)
        .x_label_formatter(&|v| crate::i18n::pct(*v, 0, lang))
        .y_label_formatter(&|v| crate::i18n::num(*v, 1, lang))
        .x_desc(tr!(
            lang,
            "chart.axis.weight_of",
            criterion = criterion.clone()
        ))
        .y_desc(tr!(
            lang,
            "chart.axis.score",
            method = method_name(ctx.input.method, lang)
        ))
        .label_style(theme.text(0.85))
        .axis_desc_style(theme.text(0.95))
        .bold_line_style(LIGHT.stroke_width(theme.line(1.0)))
        .light_line_style(WHITE.mix(0.0))
        .axis_style(GREY.stroke_width(theme.line(1.0)))
        .draw()?;

    // Current weight.
    let dash = 0.012;
    let mut y = y_range.start;
    while y < y_range.end {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![
                (curve.current_weight, y),
                (curve.current_weight, (y + dash).min(y_range.end)),
            ],
            MUTED.stroke_width(theme.line(1.5)),
        )))?;
        y += 2.0 * dash * (y_range.end - y_range.start);
    }
    // Lines, the current winner last so it is on top.
    for ranked in ctx.eval.ranking.iter().rev() {
        let Some(i) = curve
            .alternatives
            .iter()
            .position(|a| *a == ranked.alternative)
        else {
            continue;
        };
        let colour = ctx.option_colour(&ranked.alternative);
        chart.draw_series(LineSeries::new(
            curve
                .weights
                .iter()
                .copied()
                .zip(curve.scores[i].iter().copied()),
            colour.stroke_width(theme.line(3.0)),
        ))?;
    }
    // Rank reversals: a ring at the crossing, labelled with the new leader.
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
        chart.draw_series(std::iter::once(
            EmptyElement::at((t.weight, score))
                + Text::new(
                    label,
                    (dx, dy),
                    theme.bold(0.85).pos(Pos::new(hpos, VPos::Center)),
                ),
        ))?;
    }
    Ok(())
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
/// weight on risk is between 12% and 61%").
pub(crate) fn sentence(ctx: &Ctx<'_>, curve: &SensitivityCurve) -> String {
    let lang = ctx.lang();
    let criterion = ctx.criterion_name(&curve.criterion);
    let current = curve.current_weight;
    let Some(winner) = ctx.eval.winner() else {
        return ctx.nothing_to_show();
    };
    let lower = curve
        .thresholds
        .iter()
        .filter(|t| t.weight <= current)
        .map(|t| t.weight)
        .fold(None, |_, w| Some(w));
    let upper = curve
        .thresholds
        .iter()
        .find(|t| t.weight > current)
        .map(|t| t.weight);
    let option = ctx.option_name(&winner.alternative);
    let pct = |w: f64| crate::i18n::pct(w, 0, lang);
    match (lower, upper) {
        (None, None) => tr!(
            lang,
            "chart.sensitivity.always",
            option = option,
            criterion = criterion
        ),
        (None, Some(hi)) => tr!(
            lang,
            "chart.sensitivity.below",
            option = option,
            criterion = criterion,
            weight = pct(hi)
        ),
        (Some(lo), None) => tr!(
            lang,
            "chart.sensitivity.above",
            option = option,
            criterion = criterion,
            weight = pct(lo)
        ),
        (Some(lo), Some(hi)) => tr!(
            lang,
            "chart.sensitivity.between",
            option = option,
            criterion = criterion,
            low = pct(lo),
            high = pct(hi)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rescaled_weights_sum_to_one() {
        let w = weights_at(&[0.4, 0.3, 0.3], 0, 0.7);
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((w[1] - 0.15).abs() < 1e-12);
        let w = weights_at(&[1.0, 0.0, 0.0], 0, 0.5);
        assert!((w[1] - 0.25).abs() < 1e-12);
    }

    #[test]
    fn interpolation_is_linear_between_grid_points() {
        assert!((interpolate(&[0.0, 0.5, 1.0], &[0.0, 1.0, 3.0], 0.75) - 2.0).abs() < 1e-12);
    }
}
