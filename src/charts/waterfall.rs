//! "What moved the answer": the gap between two options in scenario A,
//! each criterion's weight and value effects, and the gap in B (design.md §4).

use super::bars::{HBarCoord, RowLabel, bar, hbar_chart, row_height, side_label};
use super::frame::{Chrome, LegendItem, Swatch, frame, message};
use super::groups::node_name;
use super::style::{GAIN, INK, LOSS, MUTED};
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::compare::by_group::{grouped_explanation, has_groups};
use crate::analysis::compare::{EffectKind, Explanation};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One row of the waterfall: label, start, end, and whether it is a total.
/// Effects come largest first, as `Explanation::waterfall` orders them.
/// With a value tree in either file the effects are summed per top-level
/// group (opened groups per child), exactly as the criteria's add up.
pub(crate) fn steps(ctx: &Ctx<'_>, e: &Explanation) -> Vec<(String, f64, f64, bool)> {
    let lang = ctx.lang();
    let b = ctx.input.scenario;
    let a = ctx.input.other.unwrap_or(b);
    let waterfall = if has_groups(a, b) {
        grouped_explanation(e, a, b, ctx.input.expanded).waterfall()
    } else {
        e.waterfall()
    };
    let mut rows = vec![(
        tr!(lang, "chart.waterfall.gap_a"),
        0.0,
        waterfall.gap_a,
        true,
    )];
    for step in &waterfall.steps {
        let criterion = node_name(ctx, &step.criterion);
        let label = match step.kind {
            EffectKind::Weight => tr!(lang, "chart.waterfall.weight_effect", criterion = criterion),
            EffectKind::Value => tr!(lang, "chart.waterfall.value_effect", criterion = criterion),
        };
        rows.push((label, step.start, step.end, false));
    }
    rows.push((
        tr!(lang, "chart.waterfall.gap_b"),
        0.0,
        waterfall.gap_b,
        true,
    ));
    rows
}

/// A signed number ("+0.05", "−0.12").
fn signed(x: f64, decimals: usize, lang: crate::model::Lang) -> String {
    let s = crate::i18n::num(x.abs(), decimals, lang);
    if x > 0.0 && s.chars().any(|c| c != '0' && c != '.' && c != ',') {
        format!("+{s}")
    } else if x < 0.0 && s.chars().any(|c| c != '0' && c != '.' && c != ',') {
        format!("−{s}")
    } else {
        s
    }
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let e = ctx.input.explanation;
    let (legend, notes) = e.map(|e| legend_and_note(ctx, e)).unwrap_or_default();
    let chrome = Chrome::new(ChartKind::Waterfall.title(lang), legend, notes);
    let plot = frame(ctx, area, &chrome)?;
    let Some(e) = e else {
        return message(&ctx.theme, &plot, &tr!(lang, "chart.waterfall.none"));
    };
    let rows = steps(ctx, e);
    let lo = rows.iter().flat_map(|r| [r.1, r.2]).fold(0.0_f64, f64::min);
    let hi = rows.iter().flat_map(|r| [r.1, r.2]).fold(0.0_f64, f64::max);
    let pad = ((hi - lo) * 0.08).max(0.01);
    // Small gaps need a third decimal, or "−0.04" and "−0.04" hide a change.
    let decimals = if hi - lo < 0.2 { 3 } else { 2 };
    let labels: Vec<RowLabel> = rows
        .iter()
        .map(|r| RowLabel {
            text: r.0.clone(),
            colour: INK,
        })
        .collect();
    let axis = tr!(
        lang,
        "chart.axis.gap",
        first = ctx.option_name(&e.first),
        second = ctx.option_name(&e.second)
    );
    let mut chart = hbar_chart(ctx, &plot, &labels, (lo - pad)..(hi + pad), &axis, &|v| {
        crate::i18n::num(v, 2, lang)
    })?;
    let row_px = row_height(&chart, rows.len());
    for (r, row) in rows.iter().enumerate() {
        draw_step(ctx, &mut chart, (rows.len(), r), row, decimals, row_px)?;
    }
    Ok(())
}

/// Which colour favours which option, the gaps' colour, and the note
/// saying how to read the chart.
fn legend_and_note(ctx: &Ctx<'_>, e: &Explanation) -> (Vec<LegendItem>, Vec<String>) {
    let lang = ctx.lang();
    let first = ctx.option_name(&e.first);
    let second = ctx.option_name(&e.second);
    let legend = vec![
        LegendItem::new(
            tr!(lang, "chart.waterfall.favours", option = second.clone()),
            GAIN,
            Swatch::Block,
        ),
        LegendItem::new(
            tr!(lang, "chart.waterfall.favours", option = first.clone()),
            LOSS,
            Swatch::Block,
        ),
        LegendItem::new(tr!(lang, "chart.waterfall.gap"), MUTED, Swatch::Block),
    ];
    let note = tr!(lang, "chart.waterfall.note", first = first, second = second);
    (legend, vec![note])
}

/// Row `r` of `n`: a grey total or a rising (gain) or falling (loss) step,
/// labelled past its far end: right of a rise, left of a fall.
fn draw_step<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    (n, r): (usize, usize),
    (_, from, to, total): &(String, f64, f64, bool),
    decimals: usize,
    row_px: i32,
) -> Result<(), ChartError> {
    let (lang, theme) = (ctx.lang(), &ctx.theme);
    let colour = if *total {
        MUTED
    } else if to >= from {
        GAIN
    } else {
        LOSS
    };
    let (a, b) = if from <= to {
        (*from, *to)
    } else {
        (*to, *from)
    };
    chart.draw_series(std::iter::once(bar(theme, n, r, a, b, colour, row_px)))?;
    let rises = if *total { *to >= 0.0 } else { to >= from };
    let (text, style) = if *total {
        (signed(*to, decimals, lang), theme.bold(0.9))
    } else {
        (signed(to - from, decimals, lang), theme.text(0.9))
    };
    side_label(
        chart,
        theme,
        (n, r),
        if rises { b } else { a },
        rises,
        text,
        style,
    )?;
    Ok(())
}
