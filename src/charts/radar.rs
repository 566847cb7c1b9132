//! Radar: one axis per criterion, each feasible option's scaled values
//! (0 = worst, 1 = best on that criterion) joined into a polygon.

use super::frame::{Chrome, frame, message, ranked_option_lines, wrap};
use super::style::{GREY, LIGHT, MUTED};
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::{Ranked, scaled_values};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::f64::consts::PI;

/// Unit vector of axis `j` of `m`: the first points up, then clockwise.
fn direction(j: usize, m: usize) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * j as f64 / m.max(1) as f64;
    (angle.cos(), angle.sin())
}

/// Where the radar sits: its centre and radius in pixels, with `m` axes.
struct Geometry {
    cx: f64,
    cy: f64,
    radius: f64,
    m: usize,
}

impl Geometry {
    /// The pixel at value `v` (0 = centre, 1 = rim) on axis `j`.
    fn at(&self, j: usize, v: f64) -> (i32, i32) {
        let (dx, dy) = direction(j, self.m);
        (
            (self.cx + dx * self.radius * v).round() as i32,
            (self.cy + dy * self.radius * v).round() as i32,
        )
    }
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let (listed, more) = ctx.listed_ranking();
    let mut notes = vec![tr!(lang, "chart.radar.note")];
    notes.extend(more);
    let legend = ranked_option_lines(ctx);
    let chrome = Chrome::with_scenario_notes(ctx, ChartKind::Radar.title(lang), legend, notes);
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() || ctx.eval.matrix.m() == 0 {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let max_label_w = (f64::from(plot.dim_in_pixel().0) * 0.22).max(ctx.theme.unit * 6.0) as i32;
    let labels: Vec<Vec<String>> = ctx
        .eval
        .matrix
        .criteria
        .iter()
        .map(|c| {
            wrap(
                &plot,
                &ctx.criterion_name(c),
                &label_style(ctx),
                max_label_w,
            )
        })
        .collect::<Result<_, _>>()?;
    let geometry = geometry(ctx, &plot, &labels, max_label_w);
    draw_rings(ctx, &plot, &geometry)?;
    draw_spokes(ctx, &plot, &geometry, &labels)?;
    draw_options(ctx, &plot, &geometry, listed)?;
    plot.draw(&Circle::new(
        (geometry.cx.round() as i32, geometry.cy.round() as i32),
        ctx.theme.line(2.0) as i32,
        MUTED.filled(),
    ))?;
    Ok(())
}

fn label_style(ctx: &Ctx<'_>) -> TextStyle<'static> {
    ctx.theme.text(0.95)
}

/// Line height of the axis labels.
fn label_line_height(ctx: &Ctx<'_>) -> f64 {
    ctx.theme.unit * 0.95 * 1.25
}

/// Fits the polygon's bounding box (not a circle) between the labels.
fn geometry<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    labels: &[Vec<String>],
    max_label_w: i32,
) -> Geometry {
    let theme = &ctx.theme;
    let m = ctx.eval.matrix.m();
    let (w, h) = plot.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let tallest = labels.iter().map(Vec::len).max().unwrap_or(1) as f64 * label_line_height(ctx);
    let dirs: Vec<(f64, f64)> = (0..m).map(|j| direction(j, m)).collect();
    let span = |f: fn(&(f64, f64)) -> f64| {
        let lo = dirs.iter().map(f).fold(0.0_f64, f64::min);
        let hi = dirs.iter().map(f).fold(0.0_f64, f64::max);
        (lo, hi)
    };
    let (min_dx, max_dx) = span(|d| d.0);
    let (min_dy, max_dy) = span(|d| d.1);
    let pad = theme.unit * 0.6;
    let radius = ((h - 2.0 * tallest - 2.0 * pad) / (max_dy - min_dy).max(0.5))
        .min((w - 2.0 * f64::from(max_label_w) - 2.0 * pad) / (max_dx - min_dx).max(0.5))
        .max(theme.unit * 3.0);
    Geometry {
        cx: w / 2.0 - (max_dx + min_dx) / 2.0 * radius,
        cy: h / 2.0 - (max_dy + min_dy) / 2.0 * radius,
        radius,
        m,
    }
}

/// Rings at a quarter, half, three quarters and the rim, each numbered.
fn draw_rings<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    g: &Geometry,
) -> Result<(), ChartError> {
    let theme = &ctx.theme;
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let mut points: Vec<(i32, i32)> = (0..g.m).map(|j| g.at(j, ring)).collect();
        points.push(g.at(0, ring));
        let colour = if ring == 1.0 { GREY } else { LIGHT };
        plot.draw(&PathElement::new(
            points,
            colour.stroke_width(theme.line(1.0)),
        ))?;
        let (x, y) = g.at(0, ring);
        plot.draw_text(
            &crate::i18n::value(ring, 2, ctx.lang()),
            &theme.muted(0.75).pos(Pos::new(HPos::Left, VPos::Center)),
            (x + theme.px(0.3), y),
        )?;
    }
    Ok(())
}

/// One spoke per criterion, its name beyond the rim, aligned away from the centre.
fn draw_spokes<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    g: &Geometry,
    labels: &[Vec<String>],
) -> Result<(), ChartError> {
    let theme = &ctx.theme;
    let label_lh = label_line_height(ctx);
    for (j, lines) in labels.iter().enumerate() {
        plot.draw(&PathElement::new(
            vec![g.at(j, 0.0), g.at(j, 1.0)],
            GREY.stroke_width(theme.line(1.0)),
        ))?;
        let (dx, dy) = direction(j, g.m);
        let hpos = if dx > 0.25 {
            HPos::Left
        } else if dx < -0.25 {
            HPos::Right
        } else {
            HPos::Center
        };
        let block = lines.len() as f64 * label_lh;
        let (ax, ay) = g.at(j, 1.0);
        let ax = f64::from(ax) + dx * theme.unit * 0.6;
        let ay = f64::from(ay) + dy * theme.unit * 0.6;
        let top = if dy < -0.25 {
            ay - block
        } else if dy > 0.25 {
            ay
        } else {
            ay - block / 2.0
        };
        for (k, line) in lines.iter().enumerate() {
            plot.draw_text(
                line,
                &label_style(ctx).pos(Pos::new(hpos, VPos::Top)),
                (
                    ax.round() as i32,
                    (top + k as f64 * label_lh).round() as i32,
                ),
            )?;
        }
    }
    Ok(())
}

/// Each listed option's polygon, the winner drawn last so it sits on top.
fn draw_options<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: &DrawingArea<DB, Shift>,
    g: &Geometry,
    listed: &[Ranked],
) -> Result<(), ChartError> {
    let (theme, matrix, m) = (&ctx.theme, &ctx.eval.matrix, g.m);
    let scaled = scaled_values(matrix);
    for ranked in listed.iter().rev() {
        let Some(i) = matrix
            .alternatives
            .iter()
            .position(|a| *a == ranked.alternative)
        else {
            continue;
        };
        let colour = ctx.option_colour(&ranked.alternative);
        let points: Vec<(i32, i32)> = (0..m)
            .map(|j| g.at(j, scaled[i * m + j].clamp(0.0, 1.0)))
            .collect();
        plot.draw(&Polygon::new(points.clone(), colour.mix(0.10).filled()))?;
        let mut closed = points.clone();
        closed.push(points[0]);
        let style = colour.stroke_width(theme.line(2.5));
        if ctx.option_hatched(&ranked.alternative) {
            // A colour used twice: this outline is dashed (as in the legend).
            plot.draw(&plotters::element::DashedPathElement::new(
                closed,
                theme.px(0.8).max(4) as u32,
                theme.px(0.5).max(3) as u32,
                style,
            ))?;
        } else {
            plot.draw(&PathElement::new(closed, style))?;
        }
        for p in points {
            plot.draw(&Circle::new(p, theme.px(0.25), colour.filled()))?;
        }
    }
    Ok(())
}
