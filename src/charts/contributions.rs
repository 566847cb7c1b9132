//! Stacked contributions: each option's weighted-sum score split into
//! weight × scaled value per criterion, so the reader sees why it ranks where it does.

use super::bars::{RowLabel, bar, end_label, hbar_chart, row_height, row_span, text_on};
use super::frame::{Chrome, LegendItem, Swatch, frame, message, text_width};
use super::style::INK;
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::{Method, scaled_values};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Contribution of each criterion to each option's weighted-sum score:
/// `(option id, per-criterion contributions)`, best total first.
pub fn contributions(ctx: &Ctx<'_>) -> Vec<(String, Vec<f64>)> {
    let matrix = &ctx.eval.matrix;
    let scaled = scaled_values(matrix);
    let m = matrix.m();
    let mut rows: Vec<(String, Vec<f64>)> = matrix
        .alternatives
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let parts = (0..m)
                .map(|j| matrix.weights[j] * scaled[i * m + j])
                .collect();
            (id.clone(), parts)
        })
        .collect();
    let total = |parts: &[f64]| parts.iter().sum::<f64>();
    rows.sort_by(|a, b| total(&b.1).total_cmp(&total(&a.1)));
    rows
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let theme = &ctx.theme;
    let matrix = &ctx.eval.matrix;
    let legend = matrix
        .criteria
        .iter()
        .zip(&matrix.weights)
        .map(|(c, w)| {
            LegendItem::new(
                tr!(
                    lang,
                    "chart.contributions.legend",
                    criterion = ctx.criterion_name(c),
                    weight = crate::i18n::pct(*w, 0, lang)
                ),
                ctx.criterion_colour(c),
                Swatch::Block,
            )
        })
        .collect();
    let mut notes = Vec::new();
    if ctx.input.method != Method::Wsm {
        notes.push(tr!(lang, "chart.contributions.wsm_note"));
    }
    notes.extend(ctx.notes());
    let chrome = Chrome {
        title: ChartKind::Contributions.title(lang),
        subtitle: None,
        legend,
        notes,
    };
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() {
        return message(theme, &plot, &ctx.nothing_to_show());
    }
    let rows = contributions(ctx);
    let labels: Vec<RowLabel> = rows
        .iter()
        .map(|(id, _)| RowLabel {
            text: ctx.option_name(id),
            colour: INK,
        })
        .collect();
    let n = rows.len();
    let mut chart = hbar_chart(
        ctx,
        &plot,
        &labels,
        0.0..1.0,
        &tr!(lang, "chart.axis.weighted_value"),
        &|v| crate::i18n::num(v, 1, lang),
    )?;
    let row_px = row_height(&chart, n);
    let value_style = theme.text(0.85);
    for (r, (_, parts)) in rows.iter().enumerate() {
        let mut start = 0.0;
        for (j, part) in parts.iter().enumerate() {
            if *part <= 0.0 {
                continue;
            }
            let colour = ctx.criterion_colour(&matrix.criteria[j]);
            chart.draw_series(std::iter::once(bar(
                theme,
                n,
                r,
                start,
                start + part,
                colour,
                row_px,
            )))?;
            // Label the segment only when the number fits inside it.
            let text = crate::i18n::num(*part, 2, lang);
            let left = chart.backend_coord(&(start, row_span(n, r).0)).0;
            let right = chart.backend_coord(&(start + part, row_span(n, r).0)).0;
            if right - left > text_width(&plot, &text, &value_style)? + theme.px(0.4) {
                let ink = text_on(colour);
                let style = value_style
                    .clone()
                    .color(&ink)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                chart.draw_series(std::iter::once(Text::new(
                    text,
                    (start + part / 2.0, super::bars::row_centre(n, r)),
                    style,
                )))?;
            }
            start += part;
        }
        end_label(
            &mut chart,
            theme,
            n,
            r,
            start,
            crate::i18n::num(start, 2, lang),
            theme.bold(0.95),
        )?;
    }
    Ok(())
}
