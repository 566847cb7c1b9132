//! Rank acceptability (SMAA-2): for each option, the share of samples that
//! put it first, second, … as one 100 % bar, most often first on top.

use super::bars::{HBarCoord, RowLabel, hbar_chart, stacked_segment};
use super::frame::{Chrome, LegendItem, Swatch, frame, message};
use super::listing::{MAX_LISTED, more_note, top};
use super::style::{INK, OKABE_ITO, tint};
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::smaa::SmaaResult;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Colour of rank `r` (0 = first) of `n`: one hue, lighter for worse ranks,
/// so the order reads without telling colours apart.
fn rank_colour(r: usize, n: usize) -> RGBColor {
    if n <= 1 {
        return OKABE_ITO[0];
    }
    tint(OKABE_ITO[0], 0.85 * r as f64 / (n - 1) as f64)
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let smaa = ctx.input.smaa;
    let ranks = smaa.map_or(0, |s| s.alternatives.len());
    // Ranks past the listed ones share one lightest segment.
    let listed_ranks = ranks.min(MAX_LISTED);
    let mut notes: Vec<String> = more_note(ranks.saturating_sub(MAX_LISTED), lang)
        .into_iter()
        .collect();
    if let Some(s) = smaa {
        notes.push(tr!(lang, "chart.acceptability.note", samples = s.samples));
    }
    let legend = legend(ctx, ranks, listed_ranks);
    let chrome =
        Chrome::with_scenario_notes(ctx, ChartKind::Acceptability.title(lang), legend, notes);
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let Some(smaa) = smaa.filter(|s| !s.alternatives.is_empty()) else {
        return message(&ctx.theme, &plot, &tr!(lang, "chart.acceptability.none"));
    };
    let order = row_order(smaa);
    let (order, _) = top(&order, MAX_LISTED, lang);
    let labels: Vec<RowLabel> = order
        .iter()
        .map(|i| RowLabel {
            text: ctx.option_name(&smaa.alternatives[*i]),
            colour: INK,
        })
        .collect();
    let mut chart = hbar_chart(
        ctx,
        &plot,
        &labels,
        0.0..1.0,
        &tr!(lang, "chart.axis.share_of_samples"),
        &|v| crate::i18n::pct(v, 0, lang),
    )?;
    for (r, i) in order.iter().enumerate() {
        let row = &smaa.acceptability[*i];
        let ranks = (smaa.alternatives.len(), listed_ranks);
        draw_row(ctx, &mut chart, &plot, (labels.len(), r), row, ranks)?;
    }
    Ok(())
}

/// One colour per listed rank, and one for the later ranks together.
fn legend(ctx: &Ctx<'_>, ranks: usize, listed_ranks: usize) -> Vec<LegendItem> {
    let lang = ctx.lang();
    let mut legend: Vec<LegendItem> = (0..listed_ranks)
        .map(|r| {
            LegendItem::new(
                tr!(lang, "chart.acceptability.rank", rank = r + 1),
                rank_colour(r, ranks),
                Swatch::Block,
            )
        })
        .collect();
    if ranks > listed_ranks {
        legend.push(LegendItem::new(
            tr!(lang, "chart.acceptability.later", rank = listed_ranks + 1),
            rank_colour(ranks - 1, ranks),
            Swatch::Block,
        ));
    }
    legend
}

/// Most often first on top, then by second rank, and so on.
fn row_order(smaa: &SmaaResult) -> Vec<usize> {
    let mut order: Vec<usize> = (0..smaa.alternatives.len()).collect();
    order.sort_by(|a, b| {
        let (ra, rb) = (&smaa.acceptability[*a], &smaa.acceptability[*b]);
        rb.iter()
            .zip(ra.iter())
            .map(|(x, y)| x.total_cmp(y))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    order
}

/// Row `r` of `n`: one segment per listed rank the option takes, then the
/// later ranks as one (coloured as the last of all `ranks`).
fn draw_row<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    plot: &DrawingArea<DB, Shift>,
    (n, r): (usize, usize),
    row: &[f64],
    (ranks, listed_ranks): (usize, usize),
) -> Result<(), ChartError> {
    let later: f64 = row.iter().skip(listed_ranks).sum();
    let segments = row
        .iter()
        .copied()
        .take(listed_ranks)
        .enumerate()
        .chain((later > 0.0).then_some((ranks - 1, later)));
    let mut start = 0.0;
    for (rank, share) in segments {
        if share <= 0.0 {
            continue;
        }
        stacked_segment(
            chart,
            plot,
            &ctx.theme,
            (n, r),
            (start, start + share),
            rank_colour(rank, ranks),
            false,
            crate::i18n::pct(share, 0, ctx.lang()),
        )?;
        start += share;
    }
    Ok(())
}
