//! Ranking bars: each feasible option's score under the chosen method and
//! weights, best on top; excluded options follow in grey.

use super::bars::{HBarCoord, RowLabel, bar, end_label, hbar_chart, row_height};
use super::frame::{Chrome, LegendItem, Swatch, frame, message};
use super::listing::{MAX_LISTED, more_note, top};
use super::style::{GREY, MUTED, OKABE_ITO};
use super::{ChartError, ChartKind, Ctx, method_name};
use crate::analysis::Method;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// The value axis range of a method's scores: fixed, so bars do not jump
/// while weights are dragged.
/// A bar chart with `labels` as rows on the method's score axis; also
/// returns that axis's range.
pub(crate) fn score_chart<'a, DB: DrawingBackend + 'a>(
    ctx: &Ctx<'_>,
    plot: &'a DrawingArea<DB, Shift>,
    labels: &[RowLabel],
) -> Result<(ChartContext<'a, DB, HBarCoord>, Range<f64>), ChartError> {
    let lang = ctx.lang();
    let range = score_range(ctx.input.method);
    let axis = tr!(
        lang,
        "chart.axis.score",
        method = method_name(ctx.input.method, lang)
    );
    let chart = hbar_chart(ctx, plot, labels, range.clone(), &axis, &|v| {
        crate::i18n::num(v, 1, lang)
    })?;
    Ok((chart, range))
}

pub(crate) fn score_range(method: Method) -> std::ops::Range<f64> {
    match method {
        Method::Wsm | Method::Topsis => 0.0..1.0,
        Method::Promethee2 => -1.0..1.0,
    }
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let theme = &ctx.theme;
    let bar_colour = OKABE_ITO[0];
    let mut legend = vec![LegendItem::new(
        tr!(
            lang,
            "chart.legend.score",
            method = method_name(ctx.input.method, lang)
        ),
        bar_colour,
        Swatch::Block,
    )];
    if !ctx.eval.excluded.is_empty() {
        legend.push(LegendItem::new(
            tr!(lang, "chart.legend.excluded"),
            GREY,
            Swatch::Block,
        ));
    }
    // The best options, then excluded ones while there is room.
    let (ranked, _) = ctx.listed_ranking();
    let (excluded, _) = top(&ctx.eval.excluded, MAX_LISTED - ranked.len(), lang);
    let hidden = ctx.eval.ranking.len() + ctx.eval.excluded.len() - ranked.len() - excluded.len();
    let mut notes: Vec<String> = more_note(hidden, lang).into_iter().collect();
    notes.extend(ctx.notes());
    let chrome = Chrome::new(ChartKind::Ranking.title(lang), legend, notes);
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() {
        return message(theme, &plot, &ctx.nothing_to_show());
    }

    let mut labels: Vec<RowLabel> = ranked
        .iter()
        .map(|r| RowLabel {
            text: format!("{}. {}", r.rank, ctx.option_name(&r.alternative)),
            colour: super::style::INK,
        })
        .collect();
    labels.extend(excluded.iter().map(|x| RowLabel {
        text: ctx.option_name(&x.alternative),
        colour: MUTED,
    }));
    let n = labels.len();
    let (mut chart, range) = score_chart(ctx, &plot, &labels)?;
    let row_px = row_height(&chart, n);
    let zero = 0.0_f64.clamp(range.start, range.end);
    // Dominated options say by which option (analysis::dominance).
    let dominated: std::collections::HashMap<&str, Vec<String>> = ctx
        .eval
        .matrix
        .alternatives
        .iter()
        .map(String::as_str)
        .zip(crate::analysis::dominance::dominated_by(&ctx.eval.matrix))
        .collect();
    for (r, ranked) in ranked.iter().enumerate() {
        let colour = if r == 0 {
            bar_colour
        } else {
            super::style::tint(bar_colour, 0.35)
        };
        chart.draw_series(std::iter::once(bar(
            theme,
            n,
            r,
            zero,
            ranked.score,
            colour,
            row_px,
        )))?;
        let style = if r == 0 {
            theme.bold(0.95)
        } else {
            theme.text(0.95)
        };
        let score = crate::i18n::num(ranked.score, 2, lang);
        let label = match dominated.get(ranked.alternative.as_str()) {
            Some(by) if !by.is_empty() => {
                crate::report::frontier::dominated_label(ctx.input.scenario, &score, by, lang)
            }
            _ => score,
        };
        end_label(&mut chart, theme, n, r, ranked.score, label, style)?;
    }
    let first_excluded = ranked.len();
    for r in first_excluded..n {
        end_label(
            &mut chart,
            theme,
            n,
            r,
            zero,
            tr!(lang, "chart.ranking.excluded_row"),
            theme.muted(0.9),
        )?;
    }
    Ok(())
}
