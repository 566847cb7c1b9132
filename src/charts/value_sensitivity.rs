//! Value-function point sensitivity: a criterion's value function with, at
//! each point, the values that point may take (grey) and the stretch of
//! them over which the weighted-sum winner stays first (the winner's
//! colour), each switch value marked with who takes over; the options sit
//! on the function at their own scores. Without any value function, the
//! heaviest criterion's linear scaling is drawn (dashed) with a note.

use super::frame::{Chrome, LegendItem, Swatch, frame, message, ranked_option_lines};
use super::style::{GREY, INK};
use super::xy::{XyAxes, XyChart, xy_chart};
use super::{ChartError, Ctx};
use crate::analysis::sensitivity::value_point::{ValuePointSensitivity, value_point_sensitivity};
use crate::model::{Direction, ValueFunction};
use crate::report::sensitivity::describe_value_point;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Grid points per value-point analysis (the chart reads only the switches).
const GRID_POINTS: usize = 2;

/// The column whose function the chart shows: the criterion asked for when
/// it has a value function, else the most heavily weighted one that has.
pub(crate) fn chosen_function(ctx: &Ctx<'_>) -> Option<usize> {
    let matrix = &ctx.eval.matrix;
    let has = |j: usize| matrix.value_functions.get(j).is_some_and(Option::is_some);
    if let Some(id) = ctx.input.criterion
        && let Some(j) = matrix.criteria.iter().position(|c| c == id)
        && has(j)
    {
        return Some(j);
    }
    (0..matrix.m())
        .filter(|&j| has(j))
        .fold(None, |best: Option<usize>, j| match best {
            Some(b) if matrix.weights[b] >= matrix.weights[j] => Some(b),
            _ => Some(j),
        })
}

/// The most heavily weighted column (the first of equals), if any.
fn heaviest(matrix: &crate::analysis::DecisionMatrix) -> Option<usize> {
    (0..matrix.m()).fold(None, |best: Option<usize>, j| match best {
        Some(b) if matrix.weights[b] >= matrix.weights[j] => Some(b),
        _ => Some(j),
    })
}

/// The function a chart shows: a criterion's own, or without any (`implicit`)
/// the heaviest criterion's linear scaling.
struct Shown {
    column: usize,
    function: ValueFunction,
    implicit: bool,
    criterion: String,
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let column = chosen_function(ctx);
    let points = point_sensitivities(ctx, column);
    let shown = shown_function(ctx, column);
    let winner = points.first().and_then(|p| p.top.clone());
    let winner_colour = winner.as_deref().map_or(INK, |w| ctx.option_colour(w));
    let implicit = column.is_none();
    let chrome = Chrome::with_scenario_notes(
        ctx,
        title(ctx, shown.as_ref()),
        legend(ctx, implicit, winner.as_deref(), winner_colour, &points),
        notes(ctx, implicit, &points),
    );
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let Some(shown) = shown else {
        return message(
            &ctx.theme,
            &plot,
            &tr!(lang, "chart.value_sensitivity.no_function"),
        );
    };
    let mut chart = axes(ctx, &plot, &shown)?;
    draw_point_ranges(ctx, &mut chart, &points, winner_colour)?;
    draw_function(ctx, &mut chart, &shown)?;
    draw_switches(ctx, &plot, &mut chart, &points)?;
    draw_options(ctx, &mut chart, &shown)
}

/// Each point's sensitivity on the chosen function (none without one).
fn point_sensitivities(ctx: &Ctx<'_>, column: Option<usize>) -> Vec<ValuePointSensitivity> {
    let matrix = &ctx.eval.matrix;
    column
        .and_then(|j| {
            let count = matrix.value_functions[j].as_ref()?.points().len();
            Some(
                (0..count)
                    .filter_map(|p| value_point_sensitivity(matrix, j, p, GRID_POINTS))
                    .collect(),
            )
        })
        .unwrap_or_default()
}

/// The chosen function; without any value function, the heaviest
/// criterion's linear scaling (worst = 0, best = 100: what the weighted sum
/// uses), so the reader sees what a function would replace.
fn shown_function(ctx: &Ctx<'_>, column: Option<usize>) -> Option<Shown> {
    let matrix = &ctx.eval.matrix;
    let implicit = column.is_none();
    let (column, function) = match column {
        Some(j) => matrix.value_functions[j].clone().map(|f| (j, f)),
        None => heaviest(matrix).and_then(|j| {
            let (lo, hi) = matrix.scaling_range(j);
            (lo.is_finite() && hi.is_finite() && lo < hi).then(|| {
                let points = match matrix.directions[j] {
                    Direction::Maximize => vec![(lo, 0.0), (hi, 100.0)],
                    Direction::Minimize => vec![(lo, 100.0), (hi, 0.0)],
                };
                (j, ValueFunction(points))
            })
        }),
    }?;
    Some(Shown {
        column,
        function,
        implicit,
        criterion: ctx.criterion_name(&matrix.criteria[column]),
    })
}

fn title(ctx: &Ctx<'_>, shown: Option<&Shown>) -> String {
    let lang = ctx.lang();
    match shown {
        Some(s) if !s.implicit => tr!(
            lang,
            "chart.value_sensitivity.title_for",
            criterion = s.criterion.clone()
        ),
        Some(s) => tr!(
            lang,
            "chart.value_sensitivity.title_linear",
            criterion = s.criterion.clone()
        ),
        None => tr!(lang, "chart.value_sensitivity.title"),
    }
}

/// The options, then what the function, the bars and the rings mean.
fn legend(
    ctx: &Ctx<'_>,
    implicit: bool,
    winner: Option<&str>,
    winner_colour: RGBColor,
    points: &[ValuePointSensitivity],
) -> Vec<LegendItem> {
    let lang = ctx.lang();
    let mut legend = ranked_option_lines(ctx);
    if implicit {
        legend.push(LegendItem::new(
            tr!(lang, "chart.value_sensitivity.linear"),
            INK,
            Swatch::Dashed,
        ));
    } else {
        legend.push(LegendItem::new(
            tr!(lang, "chart.value_sensitivity.function"),
            INK,
            Swatch::Line,
        ));
        legend.push(LegendItem::new(
            tr!(lang, "chart.value_sensitivity.valid"),
            GREY,
            Swatch::Block,
        ));
    }
    if let Some(w) = winner {
        legend.push(LegendItem::new(
            tr!(
                lang,
                "chart.value_sensitivity.stays",
                option = ctx.option_name(w)
            ),
            winner_colour,
            Swatch::Block,
        ));
    }
    if points.iter().any(|p| !p.switches.is_empty()) {
        legend.push(LegendItem::new(
            tr!(lang, "chart.sensitivity.switch"),
            INK,
            Swatch::Marker,
        ));
    }
    legend
}

/// The sentences of the points where the winner can change; when none
/// can, the first point's (which says so).
fn notes(ctx: &Ctx<'_>, implicit: bool, points: &[ValuePointSensitivity]) -> Vec<String> {
    let (lang, scenario) = (ctx.lang(), ctx.input.scenario);
    let mut notes: Vec<String> = points
        .iter()
        .filter(|p| !p.switches.is_empty())
        .map(|p| describe_value_point(scenario, p, lang))
        .collect();
    if notes.is_empty()
        && let Some(p) = points.first()
    {
        notes.push(describe_value_point(scenario, p, lang));
    }
    if implicit {
        notes.push(tr!(lang, "chart.value_sensitivity.no_function"));
    }
    notes
}

/// Horizontal: the function's points and every option's value; vertical:
/// the value 0–100.
fn axes<'a, DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &'a DrawingArea<DB, Shift>,
    shown: &Shown,
) -> Result<XyChart<'a, DB>, ChartError> {
    let (lang, theme, matrix) = (ctx.lang(), &ctx.theme, &ctx.eval.matrix);
    let xs = shown
        .function
        .points()
        .iter()
        .map(|p| p.0)
        .chain(matrix.column(shown.column))
        .filter(|x| x.is_finite());
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    let pad = ((hi - lo) * 0.06).max(1e-9);
    let unit = ctx
        .input
        .scenario
        .criterion(&matrix.criteria[shown.column])
        .map_or("", |c| c.unit.get(lang));
    let x_desc = if unit.is_empty() {
        shown.criterion.clone()
    } else {
        format!("{} ({unit})", shown.criterion)
    };
    xy_chart(
        theme,
        plot,
        XyAxes {
            x_range: (lo - pad)..(hi + pad),
            y_range: -4.0..104.0,
            x_label_area: theme.px(3.6),
            x_labels: 8,
            x_format: &|v| crate::i18n::value(*v, 2, lang),
            y_format: &|v| crate::i18n::num(*v, 0, lang),
            x_desc: Some(x_desc),
            y_desc: tr!(lang, "chart.value_sensitivity.value_axis"),
        },
    )
}

/// Each point's valid values (grey), then the stretch that keeps the winner.
fn draw_point_ranges<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut XyChart<'_, DB>,
    points: &[ValuePointSensitivity],
    winner_colour: RGBColor,
) -> Result<(), ChartError> {
    let bar = ctx.theme.line(9.0);
    for p in points {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(p.x, p.range.0), (p.x, p.range.1)],
            GREY.mix(0.6).stroke_width(bar),
        )))?;
        let (a, b) = p.stable();
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(p.x, a), (p.x, b)],
            winner_colour.mix(0.55).stroke_width(bar),
        )))?;
    }
    Ok(())
}

/// The function as a line (dashed when it is the implicit linear scaling).
fn draw_function<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut XyChart<'_, DB>,
    shown: &Shown,
) -> Result<(), ChartError> {
    let theme = &ctx.theme;
    let line = INK.stroke_width(theme.line(2.5));
    if shown.implicit {
        chart.draw_series(DashedLineSeries::new(
            shown.function.points().to_vec(),
            theme.px(0.8).max(4) as u32,
            theme.px(0.5).max(3) as u32,
            line,
        ))?;
    } else {
        chart.draw_series(std::iter::once(PathElement::new(
            shown.function.points().to_vec(),
            line,
        )))?;
    }
    Ok(())
}

/// Each point at its current value, and a labelled ring at each switch.
fn draw_switches<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    chart: &mut XyChart<'_, DB>,
    points: &[ValuePointSensitivity],
) -> Result<(), ChartError> {
    let (lang, theme) = (ctx.lang(), &ctx.theme);
    for p in points {
        chart.draw_series(std::iter::once(Circle::new(
            (p.x, p.current),
            theme.px(0.35),
            INK.filled(),
        )))?;
        for s in &p.switches {
            let label = tr!(
                lang,
                "chart.sensitivity.switch_label",
                weight = crate::i18n::value(s.value, 1, lang),
                option = ctx.option_name(if s.value > p.current {
                    &s.top_after
                } else {
                    &s.top_before
                })
            );
            // A ring at the switch, as on the weight-sensitivity chart, and
            // the new leader on a white backing that keeps it legible.
            let style = theme.bold(0.8);
            let (tw, th) = plot.estimate_text_size(&label, &style)?;
            let (tw, th) = (tw as i32, th as i32);
            let (dx, pad) = (theme.px(0.9), theme.px(0.2));
            chart.draw_series(std::iter::once(
                EmptyElement::at((p.x, s.value))
                    + Circle::new((0, 0), theme.px(0.45), INK.stroke_width(theme.line(2.5)))
                    + Rectangle::new(
                        [(dx - pad, -th / 2 - pad), (dx + tw + pad, th / 2 + pad)],
                        WHITE.mix(0.85).filled(),
                    )
                    + Text::new(
                        label,
                        (dx, 0),
                        style.pos(Pos::new(HPos::Left, VPos::Center)),
                    ),
            ))?;
        }
    }
    Ok(())
}

/// The options on the function, at their own values.
fn draw_options<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut XyChart<'_, DB>,
    shown: &Shown,
) -> Result<(), ChartError> {
    let matrix = &ctx.eval.matrix;
    for ranked in &ctx.eval.ranking {
        let Some(i) = matrix
            .alternatives
            .iter()
            .position(|a| *a == ranked.alternative)
        else {
            continue;
        };
        let x = matrix.values[i * matrix.m() + shown.column];
        chart.draw_series(std::iter::once(Circle::new(
            (x, shown.function.value(x)),
            ctx.theme.px(0.45),
            ctx.option_colour(&ranked.alternative)
                .stroke_width(ctx.theme.line(2.5)),
        )))?;
    }
    Ok(())
}
