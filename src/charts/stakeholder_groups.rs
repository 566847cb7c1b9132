//! The stakeholder chart's weights by group (a scenario with a value tree):
//! a small table above the scores, one row per weight profile and one
//! column per top-level group (opened groups: per child), each cell the
//! profile's share of the whole score, shaded darker for a larger share.

use super::bars::text_on;
use super::frame::{fit, line_height, text_width};
use super::groups::series;
use super::style::{OKABE_ITO, WHITE_LINE, tint};
use super::{ChartError, Ctx};
use crate::model::ValueTree;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A column heading: the node's name, and its group's above it for a node
/// under an opened group.
type Heading = (String, Option<String>);

/// Each profile's share of the whole score per shown node: the columns'
/// headings and one row of shares per profile (scenario order).
pub(crate) fn shares(ctx: &Ctx<'_>) -> (Vec<Heading>, Vec<Vec<f64>>) {
    let scenario = ctx.input.scenario;
    let tree = ValueTree::new(scenario);
    let ids: Vec<String> = scenario.criteria.iter().map(|c| c.id.clone()).collect();
    let shown = series(ctx, &tree, &ids);
    let included = vec![true; scenario.criteria.len()];
    let rows = scenario
        .profiles
        .iter()
        .map(|p| {
            let weights = tree.effective_weights(p, &included);
            shown
                .iter()
                .map(|s| s.columns.iter().map(|&j| weights[j]).sum())
                .collect()
        })
        .collect();
    (shown.into_iter().map(|s| s.parts).collect(), rows)
}

/// True when some column names its group above it (an opened group).
fn two_line_headings(ctx: &Ctx<'_>) -> bool {
    let scenario = ctx.input.scenario;
    ctx.input
        .expanded
        .iter()
        .any(|id| scenario.groups.iter().any(|g| g.id == *id))
}

/// Height in pixels the table needs: a title line, one or two heading lines
/// and one row per profile.
pub(crate) fn height(ctx: &Ctx<'_>) -> i32 {
    let theme = &ctx.theme;
    let rows = ctx.input.scenario.profiles.len() as i32;
    let headings = if two_line_headings(ctx) { 2 } else { 1 };
    line_height(theme, 0.95) * (1 + headings)
        + rows * (line_height(theme, 0.9) + theme.px(0.35))
        + theme.px(0.8)
}

/// Draws the table on `area` (as tall as [`height`]).
pub(crate) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let theme = &ctx.theme;
    let scenario = ctx.input.scenario;
    let (names, rows) = shares(ctx);
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    if names.is_empty() {
        return Ok(());
    }
    let title_lh = line_height(theme, 0.95);
    area.draw_text(
        &tr!(lang, "chart.stakeholders.group_weights"),
        &theme.bold(0.95).pos(Pos::new(HPos::Left, VPos::Top)),
        (0, 0),
    )?;
    let label_style = theme.text(0.9);
    let mut label_w = 0;
    let mut labels = Vec::with_capacity(rows.len());
    for p in &scenario.profiles {
        let t = fit(area, p.name.get(lang), &label_style, w * 30 / 100)?;
        label_w = label_w.max(text_width(area, &t, &label_style)?);
        labels.push(t);
    }
    let label_w = label_w + theme.px(0.8);
    let cell_w = ((w - label_w) / names.len() as i32).max(1);
    let head_style = theme.bold(0.85);
    let group_style = theme.muted(0.8);
    let head_y = title_lh + theme.px(0.2);
    let two_lines = two_line_headings(ctx);
    let centred = |s: &TextStyle<'static>| s.clone().pos(Pos::new(HPos::Center, VPos::Top));
    for (k, (name, group)) in names.iter().enumerate() {
        let cx = label_w + k as i32 * cell_w + cell_w / 2;
        let name_y = if two_lines { head_y + title_lh } else { head_y };
        if let Some(group) = group {
            let g = fit(area, group, &group_style, cell_w - theme.px(0.4))?;
            area.draw_text(&g, &centred(&group_style), (cx, head_y))?;
        }
        let t = fit(area, name, &head_style, cell_w - theme.px(0.4))?;
        area.draw_text(&t, &centred(&head_style), (cx, name_y))?;
    }
    let row_h = line_height(theme, 0.9) + theme.px(0.35);
    let top0 = head_y + title_lh * if two_lines { 2 } else { 1 };
    let value_style = theme.text(0.85);
    for (r, shares) in rows.iter().enumerate() {
        let top = top0 + r as i32 * row_h;
        area.draw_text(
            &labels[r],
            &label_style.clone().pos(Pos::new(HPos::Right, VPos::Center)),
            (label_w - theme.px(0.5), top + row_h / 2),
        )?;
        for (k, share) in shares.iter().enumerate() {
            let left = label_w + k as i32 * cell_w;
            // One hue, darker for a larger share of the whole.
            let fill = tint(OKABE_ITO[0], 0.92 * (1.0 - share.clamp(0.0, 1.0).sqrt()));
            area.draw(&Rectangle::new(
                [(left, top), (left + cell_w, top + row_h)],
                fill.filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(left, top), (left + cell_w, top + row_h)],
                WHITE_LINE.stroke_width(theme.line(2.0)),
            ))?;
            area.draw_text(
                &crate::i18n::pct(*share, 0, lang),
                &value_style
                    .clone()
                    .color(&text_on(fill))
                    .pos(Pos::new(HPos::Center, VPos::Center)),
                (left + cell_w / 2, top + row_h / 2),
            )?;
        }
    }
    Ok(())
}
