//! Stakeholder comparison: each weight profile's scores for every option,
//! one group of bars per profile, with that profile's winner named.

use super::bars::{RowLabel, row_span};
use super::frame::{Chrome, LegendItem, Swatch, frame, hatch, message};
use super::listing::{MAX_EXCLUSION_NOTES, MAX_LISTED, more_note, top};
use super::ranking::score_chart;
use super::style::{INK, MUTED};
use super::{ChartError, ChartKind, Ctx, method_name, stakeholder_groups};
use crate::analysis::{Evaluation, evaluate_indexed};
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Every profile's evaluation under the chart's method, in scenario order.
pub fn per_profile(ctx: &Ctx<'_>) -> Vec<Evaluation> {
    let scenario = ctx.input.scenario;
    scenario
        .profiles
        .iter()
        .map(|p| evaluate_indexed(&ctx.index, p, ctx.input.method))
        .collect()
}

/// Positions of the options the chart shows, in scenario order: those with
/// the best rank under any profile, at most [`MAX_LISTED`]; and how many
/// are left out.
fn shown_options(ctx: &Ctx<'_>, evaluations: &[Evaluation]) -> (Vec<usize>, usize) {
    let n = ctx.input.scenario.alternatives.len();
    let mut best = vec![usize::MAX; n];
    for e in evaluations {
        for r in &e.ranking {
            if let Some(i) = ctx.index.alternative_index(&r.alternative) {
                best[i] = best[i].min(r.rank);
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (best[i], i));
    let (shown, _) = top(&order, MAX_LISTED, ctx.lang());
    let mut shown = shown.to_vec();
    shown.sort_unstable();
    let hidden = n - shown.len();
    (shown, hidden)
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let theme = &ctx.theme;
    let scenario = ctx.input.scenario;
    let evaluations = per_profile(ctx);
    let (shown, hidden) = shown_options(ctx, &evaluations);
    let legend = shown
        .iter()
        .map(|&i| &scenario.alternatives[i])
        .map(|a| {
            LegendItem::new(a.name.get(lang), ctx.option_colour(&a.id), Swatch::Block)
                .hatched(ctx.option_hatched(&a.id))
        })
        .collect();
    let mut notes: Vec<String> = more_note(hidden, lang).into_iter().collect();
    notes.extend(
        evaluations
            .iter()
            .zip(&scenario.profiles)
            .filter_map(|(e, p)| {
                let (named, _) = top(&e.excluded, MAX_EXCLUSION_NOTES, lang);
                let mut names: Vec<String> = named
                    .iter()
                    .map(|x| ctx.option_name(&x.alternative))
                    .collect();
                if e.excluded.len() > named.len() {
                    names.push(tr!(
                        lang,
                        "chart.note.more_excluded",
                        count = e.excluded.len() - named.len()
                    ));
                }
                (!names.is_empty()).then(|| {
                    crate::report::stakeholders::excluded_under(p.name.get(lang), &names, lang)
                })
            }),
    );
    if scenario.scores.iter().any(|s| s.illustrative) {
        notes.push(tr!(lang, "chart.note.illustrative"));
    }
    let chrome = Chrome {
        title: ChartKind::Stakeholders.title(lang),
        subtitle: Some(tr!(
            lang,
            "chart.subtitle_all_profiles",
            scenario = scenario.title.get(lang),
            method = method_name(ctx.input.method, lang)
        )),
        legend,
        notes,
    };
    let plot = frame(ctx, area, &chrome)?;
    if scenario.alternatives.is_empty() || evaluations.is_empty() {
        return message(theme, &plot, &ctx.nothing_to_show());
    }
    // With a value tree, each profile's weights by group sit above the scores.
    let (plot, table_px) = if super::groups::has_tree(scenario) {
        let table_px = stakeholder_groups::height(ctx);
        let (table, rest) = plot.split_vertically(table_px);
        stakeholder_groups::draw(ctx, &table)?;
        (rest, table_px)
    } else {
        (plot, 0)
    };
    let labels: Vec<RowLabel> = scenario
        .profiles
        .iter()
        .zip(&evaluations)
        .map(|(p, e)| RowLabel {
            text: p.name.get(lang).to_string(),
            colour: if e.ranking.is_empty() { MUTED } else { INK },
        })
        .collect();
    let groups = labels.len();
    let (mut chart, range) = score_chart(ctx, &plot, &labels)?;
    let zero = 0.0_f64.clamp(range.start, range.end);
    let options = shown.len();
    let slot = 0.8 / options as f64;
    // Every option's bar in every group tall enough for its value label.
    ctx.need_plot(table_px + theme.px(3.7) + (groups * options) as i32 * theme.px(1.3));
    let value_style = theme.text(0.8);
    for (g, e) in evaluations.iter().enumerate() {
        let (_, top) = row_span(groups, g);
        if e.ranking.is_empty() {
            chart.draw_series(std::iter::once(Text::new(
                tr!(lang, "chart.stakeholders.all_excluded"),
                (zero, top - 0.5),
                theme.muted(0.9).pos(Pos::new(HPos::Left, VPos::Center)),
            )))?;
            continue;
        }
        let winner = e.winner().map(|w| w.alternative.clone());
        let scores = e.ranked_by_id();
        for (k, a) in shown.iter().map(|&i| &scenario.alternatives[i]).enumerate() {
            let y_top = top - 0.1 - k as f64 * slot;
            let y_bottom = y_top - slot * 0.85;
            let y_mid = (y_top + y_bottom) / 2.0;
            let Some(score) = scores.get(a.id.as_str()).map(|r| r.score) else {
                chart.draw_series(std::iter::once(Text::new(
                    tr!(lang, "chart.ranking.excluded_row"),
                    (zero, y_mid),
                    theme.muted(0.75).pos(Pos::new(HPos::Left, VPos::Center)),
                )))?;
                continue;
            };
            chart.draw_series(std::iter::once(Rectangle::new(
                [(zero, y_top), (score, y_bottom)],
                ctx.option_colour(&a.id).filled(),
            )))?;
            if ctx.option_hatched(&a.id) {
                let base = plot.get_base_pixel();
                let (l, t) = chart.backend_coord(&(zero, y_top));
                let (r, b) = chart.backend_coord(&(score, y_bottom));
                hatch(
                    &plot,
                    theme,
                    (l - base.0, t - base.1),
                    (r - base.0, b - base.1),
                )?;
            }
            let is_winner = winner.as_deref() == Some(a.id.as_str());
            let (text, style) = if is_winner {
                (
                    tr!(
                        lang,
                        "chart.stakeholders.winner",
                        score = crate::i18n::num(score, 2, lang)
                    ),
                    theme.bold(0.8),
                )
            } else {
                (crate::i18n::num(score, 2, lang), value_style.clone())
            };
            let (hpos, dx) = if score < 0.0 {
                (HPos::Right, -theme.px(0.3))
            } else {
                (HPos::Left, theme.px(0.3))
            };
            chart.draw_series(std::iter::once(
                EmptyElement::at((score, y_mid))
                    + Text::new(text, (dx, 0), style.pos(Pos::new(hpos, VPos::Center))),
            ))?;
        }
    }
    Ok(())
}
