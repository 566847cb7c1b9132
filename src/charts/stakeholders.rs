//! Stakeholder comparison: each weight profile's scores for every option,
//! one group of bars per profile, with that profile's winner named.

use super::bars::{HBarCoord, RowLabel, row_span};
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
    let scenario = ctx.input.scenario;
    let evaluations = per_profile(ctx);
    let (shown, hidden) = shown_options(ctx, &evaluations);
    let plot = frame(ctx, area, &chrome(ctx, &evaluations, &shown, hidden))?;
    if scenario.alternatives.is_empty() || evaluations.is_empty() {
        return message(&ctx.theme, &plot, &ctx.nothing_to_show());
    }
    let (plot, table_px) = group_weights_table(ctx, plot)?;
    let labels = profile_labels(ctx, &evaluations);
    let (mut chart, range) = score_chart(ctx, &plot, &labels)?;
    let zero = 0.0_f64.clamp(range.start, range.end);
    // Every option's bar in every group tall enough for its value label.
    let bars = (labels.len() * shown.len()) as i32;
    ctx.need_plot(table_px + ctx.theme.px(3.7) + bars * ctx.theme.px(1.3));
    let mut group = ProfileGroup {
        ctx,
        plot: &plot,
        chart: &mut chart,
        zero,
        groups: labels.len(),
        shown: &shown,
    };
    for (g, e) in evaluations.iter().enumerate() {
        group.draw(g, e)?;
    }
    Ok(())
}

/// The options shown (the legend), the exclusions per profile, the
/// subtitle naming every profile.
fn chrome(ctx: &Ctx<'_>, evaluations: &[Evaluation], shown: &[usize], hidden: usize) -> Chrome {
    let lang = ctx.lang();
    let scenario = ctx.input.scenario;
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
            .filter_map(|(e, p)| exclusion_note(ctx, e, p.name.get(lang))),
    );
    if scenario.scores.iter().any(|s| s.illustrative) {
        notes.push(tr!(lang, "chart.note.illustrative"));
    }
    Chrome {
        title: ChartKind::Stakeholders.title(lang),
        subtitle: Some(tr!(
            lang,
            "chart.subtitle_all_profiles",
            scenario = scenario.title.get(lang),
            method = method_name(ctx.input.method, lang)
        )),
        legend,
        notes,
    }
}

/// "Under <profile>, excluded: …" (the first few named), if any are.
fn exclusion_note(ctx: &Ctx<'_>, e: &Evaluation, profile: &str) -> Option<String> {
    let lang = ctx.lang();
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
    (!names.is_empty()).then(|| crate::report::stakeholders::excluded_under(profile, &names, lang))
}

/// With a value tree, each profile's weights by group sit above the
/// scores: the table is drawn and the area below it returned, with the
/// table's height.
fn group_weights_table<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    plot: DrawingArea<DB, Shift>,
) -> Result<(DrawingArea<DB, Shift>, i32), ChartError> {
    if !super::groups::has_tree(ctx.input.scenario) {
        return Ok((plot, 0));
    }
    let table_px = stakeholder_groups::height(ctx);
    let (table, rest) = plot.split_vertically(table_px);
    stakeholder_groups::draw(ctx, &table)?;
    Ok((rest, table_px))
}

/// One row label per profile, grey when it excludes every option.
fn profile_labels(ctx: &Ctx<'_>, evaluations: &[Evaluation]) -> Vec<RowLabel> {
    ctx.input
        .scenario
        .profiles
        .iter()
        .zip(evaluations)
        .map(|(p, e)| RowLabel {
            text: p.name.get(ctx.lang()).to_string(),
            colour: if e.ranking.is_empty() { MUTED } else { INK },
        })
        .collect()
}

/// Draws one profile's group of bars.
struct ProfileGroup<'c, 'a, 'p, DB: DrawingBackend> {
    ctx: &'c Ctx<'c>,
    plot: &'p DrawingArea<DB, Shift>,
    chart: &'c mut ChartContext<'a, DB, HBarCoord>,
    zero: f64,
    groups: usize,
    shown: &'c [usize],
}

impl<DB: DrawingBackend> ProfileGroup<'_, '_, '_, DB> {
    /// Profile `g`'s bars, one per shown option, or a line saying every
    /// option is excluded.
    fn draw(&mut self, g: usize, e: &Evaluation) -> Result<(), ChartError> {
        let (ctx, theme, lang) = (self.ctx, &self.ctx.theme, self.ctx.lang());
        let (_, top) = row_span(self.groups, g);
        if e.ranking.is_empty() {
            self.chart.draw_series(std::iter::once(Text::new(
                tr!(lang, "chart.stakeholders.all_excluded"),
                (self.zero, top - 0.5),
                theme.muted(0.9).pos(Pos::new(HPos::Left, VPos::Center)),
            )))?;
            return Ok(());
        }
        let winner = e.winner().map(|w| w.alternative.as_str());
        let scores = e.ranked_by_id();
        let slot = 0.8 / self.shown.len() as f64;
        for (k, &i) in self.shown.iter().enumerate() {
            let a = &ctx.input.scenario.alternatives[i];
            let y_top = top - 0.1 - k as f64 * slot;
            let y_bottom = y_top - slot * 0.85;
            match scores.get(a.id.as_str()).map(|r| r.score) {
                Some(score) => {
                    let is_winner = winner == Some(a.id.as_str());
                    self.bar(&a.id, score, (y_top, y_bottom), is_winner)?;
                }
                None => {
                    self.chart.draw_series(std::iter::once(Text::new(
                        tr!(lang, "chart.ranking.excluded_row"),
                        (self.zero, (y_top + y_bottom) / 2.0),
                        theme.muted(0.75).pos(Pos::new(HPos::Left, VPos::Center)),
                    )))?;
                }
            }
        }
        Ok(())
    }

    /// One option's bar (hatched when its colour is used twice) with its
    /// score, the winner's marked as such.
    fn bar(
        &mut self,
        id: &str,
        score: f64,
        (y_top, y_bottom): (f64, f64),
        is_winner: bool,
    ) -> Result<(), ChartError> {
        let (ctx, theme, lang) = (self.ctx, &self.ctx.theme, self.ctx.lang());
        let zero = self.zero;
        self.chart.draw_series(std::iter::once(Rectangle::new(
            [(zero, y_top), (score, y_bottom)],
            ctx.option_colour(id).filled(),
        )))?;
        if ctx.option_hatched(id) {
            let base = self.plot.get_base_pixel();
            let (l, t) = self.chart.backend_coord(&(zero, y_top));
            let (r, b) = self.chart.backend_coord(&(score, y_bottom));
            hatch(
                self.plot,
                theme,
                (l - base.0, t - base.1),
                (r - base.0, b - base.1),
            )?;
        }
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
            (crate::i18n::num(score, 2, lang), theme.text(0.8))
        };
        let (hpos, dx) = if score < 0.0 {
            (HPos::Right, -theme.px(0.3))
        } else {
            (HPos::Left, theme.px(0.3))
        };
        self.chart.draw_series(std::iter::once(
            EmptyElement::at((score, (y_top + y_bottom) / 2.0))
                + Text::new(text, (dx, 0), style.pos(Pos::new(hpos, VPos::Center))),
        ))?;
        Ok(())
    }
}
