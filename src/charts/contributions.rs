//! Stacked contributions: each option's weighted-sum score split into
//! weight × scaled value per criterion, so the reader sees why it ranks where it does.

use super::bars::{HBarCoord, RowLabel, end_label, hbar_chart, stacked_segment};
use super::frame::{Chrome, LegendItem, Swatch, frame, message};
use super::groups::{Series, has_tree, series};
use super::listing::{MAX_LISTED, top};
use super::style::INK;
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::Method;
use crate::analysis::by_group::wsm_parts;
use crate::model::ValueTree;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Contribution of each criterion to each option's weighted-sum score:
/// `(option id, per-criterion contributions)`, best total first.
pub fn contributions(ctx: &Ctx<'_>) -> Vec<(String, Vec<f64>)> {
    let matrix = &ctx.eval.matrix;
    let m = matrix.m();
    let parts = wsm_parts(matrix);
    let mut rows: Vec<(String, Vec<f64>)> = matrix
        .alternatives
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), parts[i * m..(i + 1) * m].to_vec()))
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
    // One series per criterion, or with a value tree per top-level group
    // (opened groups show their children).
    let tree = ValueTree::new(ctx.input.scenario);
    let series = series(ctx, &tree, &ctx.eval.matrix.criteria);
    let mut notes: Vec<String> = ctx.listed_ranking().1.into_iter().collect();
    if ctx.input.method != Method::Wsm {
        notes.push(tr!(lang, "chart.contributions.wsm_note"));
    }
    let chrome = Chrome::with_scenario_notes(ctx, title(ctx), legend(ctx, &series), notes);
    let plot = frame(ctx, area, &chrome)?;
    if ctx.eval.ranking.is_empty() {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let rows = contributions(ctx);
    let (rows, _) = top(&rows, MAX_LISTED, lang);
    let labels: Vec<RowLabel> = rows
        .iter()
        .map(|(id, _)| RowLabel {
            text: ctx.option_name(id),
            colour: INK,
        })
        .collect();
    let mut chart = hbar_chart(
        ctx,
        &plot,
        &labels,
        0.0..1.0,
        &tr!(lang, "chart.axis.weighted_value"),
        &|v| crate::i18n::num(v, 1, lang),
    )?;
    for (r, (_, parts)) in rows.iter().enumerate() {
        draw_row(ctx, &mut chart, &plot, (rows.len(), r), &series, parts)?;
    }
    Ok(())
}

/// By criterion, or with a value tree by group (by criterion when every
/// group is opened).
fn title(ctx: &Ctx<'_>) -> String {
    let (lang, scenario) = (ctx.lang(), ctx.input.scenario);
    let every_group_open = scenario
        .groups
        .iter()
        .all(|g| ctx.input.expanded.contains(&g.id));
    if !has_tree(scenario) {
        ChartKind::Contributions.title(lang)
    } else if every_group_open {
        tr!(lang, "chart.contributions.title_criteria")
    } else {
        tr!(lang, "chart.contributions.title_groups")
    }
}

/// Each series with its total weight.
fn legend(ctx: &Ctx<'_>, series: &[Series]) -> Vec<LegendItem> {
    let (lang, matrix) = (ctx.lang(), &ctx.eval.matrix);
    series
        .iter()
        .map(|s| {
            let weight: f64 = s.columns.iter().map(|&j| matrix.weights[j]).sum();
            LegendItem::new(
                tr!(
                    lang,
                    "chart.contributions.legend",
                    criterion = s.name.clone(),
                    weight = crate::i18n::pct(weight, 0, lang)
                ),
                s.colour,
                Swatch::Block,
            )
            .hatched(s.hatched)
        })
        .collect()
}

/// Row `r` of `n`: one segment per series that adds something, then the total.
fn draw_row<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    chart: &mut ChartContext<'_, DB, HBarCoord>,
    plot: &DrawingArea<DB, Shift>,
    (n, r): (usize, usize),
    series: &[Series],
    parts: &[f64],
) -> Result<(), ChartError> {
    let (lang, theme) = (ctx.lang(), &ctx.theme);
    let mut start = 0.0;
    for s in series {
        let part: f64 = s.columns.iter().map(|&j| parts[j]).sum();
        if part <= 0.0 {
            continue;
        }
        stacked_segment(
            chart,
            plot,
            theme,
            (n, r),
            (start, start + part),
            s.colour,
            s.hatched,
            crate::i18n::num(part, 2, lang),
        )?;
        start += part;
    }
    end_label(
        chart,
        theme,
        n,
        r,
        start,
        crate::i18n::num(start, 2, lang),
        theme.bold(0.95),
    )?;
    Ok(())
}
