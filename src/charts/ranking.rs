//! Ranking bars: each feasible option's score under the chosen method and
//! weights, best on top; excluded options follow in grey.

use super::bars::{HBarCoord, RowLabel, bar, end_label, hbar_chart, row_height};
use super::frame::{Chrome, LegendItem, Swatch, frame, message};
use super::listing::{MAX_LISTED, more_note, top};
use super::style::{GREY, MUTED, OKABE_ITO};
use super::{ChartError, ChartKind, Ctx, method_name};
use crate::analysis::{Exclusion, Method, Ranked};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

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

/// The value axis range of a method's scores: fixed, so bars do not jump
/// while weights are dragged.
pub(crate) fn score_range(method: Method) -> std::ops::Range<f64> {
    match method {
        Method::Wsm | Method::Topsis => 0.0..1.0,
        Method::Promethee2 => -1.0..1.0,
    }
}

/// Colour of the score bars (the winner's; the others a tint of it).
const BAR: RGBColor = OKABE_ITO[0];

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    // The best options, then excluded ones while there is room.
    let (ranked, _) = ctx.listed_ranking();
    let (excluded, _) = top(&ctx.eval.excluded, MAX_LISTED - ranked.len(), lang);
    let hidden = ctx.eval.ranking.len() + ctx.eval.excluded.len() - ranked.len() - excluded.len();
    let mut notes: Vec<String> = more_note(hidden, lang).into_iter().collect();
    notes.extend(ctx.notes());
    let chrome = Chrome::new(ChartKind::Ranking.title(lang), legend(ctx), notes);
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let labels = row_labels(ctx, ranked, excluded);
    let (mut chart, range) = score_chart(ctx, &plot, &labels)?;
    let zero = 0.0_f64.clamp(range.start, range.end);
    draw_score_bars(ctx, &mut chart, ranked, labels.len(), zero)?;
    for r in ranked.len()..labels.len() {
        end_label(
            &mut chart,
            &ctx.theme,
            labels.len(),
            r,
            zero,
            tr!(lang, "chart.ranking.excluded_row"),
            ctx.theme.muted(0.9),
        )?;
    }
    Ok(())
}

/// The score bars and, when any option is excluded, the grey rows.
fn legend(ctx: &Ctx<'_>) -> Vec<LegendItem> {
    let lang = ctx.lang();
    let mut legend = vec![LegendItem::new(
        tr!(
            lang,
            "chart.legend.score",
            method = method_name(ctx.input.method, lang)
        ),
        BAR,
        Swatch::Block,
    )];
    if !ctx.eval.excluded.is_empty() {
        legend.push(LegendItem::new(
            tr!(lang, "chart.legend.excluded"),
            GREY,
            Swatch::Block,
        ));
    }
    legend
}

/// "1. Name" for each ranked option, then the excluded ones' names in grey.
fn row_labels(ctx: &Ctx<'_>, ranked: &[Ranked], excluded: &[Exclusion]) -> Vec<RowLabel> {
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
    labels
}

/// One bar per ranked option (the winner's in full colour, bold score);
/// a dominated option's score says by which option (analysis::dominance).
fn draw_score_bars<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    ranked: &[Ranked],
    n: usize,
    zero: f64,
) -> Result<(), ChartError> {
    let (lang, theme) = (ctx.lang(), &ctx.theme);
    let row_px = row_height(chart, n);
    let dominated: std::collections::HashMap<&str, Vec<String>> = ctx
        .eval
        .matrix
        .alternatives
        .iter()
        .map(String::as_str)
        .zip(crate::analysis::dominance::dominated_by(&ctx.eval.matrix))
        .collect();
    for (r, ranked) in ranked.iter().enumerate() {
        let (colour, style) = if r == 0 {
            (BAR, theme.bold(0.95))
        } else {
            (super::style::tint(BAR, 0.35), theme.text(0.95))
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
        let score = crate::i18n::num(ranked.score, 2, lang);
        let label = match dominated.get(ranked.alternative.as_str()) {
            Some(by) if !by.is_empty() => {
                crate::report::frontier::dominated_label(ctx.input.scenario, &score, by, lang)
            }
            _ => score,
        };
        end_label(chart, theme, n, r, ranked.score, label, style)?;
    }
    Ok(())
}
