//! Heatmap: scaled values of every feasible option (rows, best first) on
//! every criterion (columns), each cell coloured and numbered, with the raw
//! value and unit beneath.

use super::bars::text_on;
use super::frame::{Chrome, LegendItem, Swatch, fit, frame, message, text_width, wrap};
use super::style::{OKABE_ITO, WHITE_LINE, tint};
use super::{ChartError, ChartKind, Ctx};
use crate::analysis::scaled_values;
use crate::model::Direction;
use crate::tr;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Cell colour of scaled value `v`: one hue, darker is better.
fn ramp(v: f64) -> RGBColor {
    tint(OKABE_ITO[0], 0.92 * (1.0 - v.clamp(0.0, 1.0)))
}

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let lang = ctx.lang();
    let theme = &ctx.theme;
    let matrix = &ctx.eval.matrix;
    let scenario = ctx.input.scenario;
    let legend = vec![
        LegendItem::new(tr!(lang, "chart.heatmap.worst"), ramp(0.0), Swatch::Block),
        LegendItem::new(crate::i18n::value(0.5, 1, lang), ramp(0.5), Swatch::Block),
        LegendItem::new(tr!(lang, "chart.heatmap.best"), ramp(1.0), Swatch::Block),
    ];
    let (listed, more) = ctx.listed_ranking();
    let mut notes: Vec<String> = more.into_iter().collect();
    notes.extend(ctx.notes());
    let chrome = Chrome::new(ChartKind::Heatmap.title(lang), legend, notes);
    let plot = frame(ctx, area, &chrome)?;
    let (n, m) = (listed.len(), matrix.m());
    if n == 0 || m == 0 {
        return message(theme, &plot, &ctx.nothing_to_show());
    }
    let (w, h) = plot.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let label_style = theme.text(0.95);
    let mut labels = Vec::with_capacity(n);
    let mut label_w = 0;
    for r in listed {
        let t = fit(
            &plot,
            &ctx.option_name(&r.alternative),
            &label_style,
            w * 35 / 100,
        )?;
        label_w = label_w.max(text_width(&plot, &t, &label_style)?);
        labels.push(t);
    }
    let label_w = label_w + theme.px(0.8);
    let cell_w = ((w - label_w) / m as i32).max(1);

    // Column headers: name (up to two lines), unit and direction, weight.
    // Headers wrap between words; when a single word is wider than its
    // column the header type shrinks (down to a floor) instead of cutting it.
    let mut widest_word = 1;
    for id in &matrix.criteria {
        for word in ctx.criterion_name(id).split_whitespace() {
            widest_word = widest_word.max(text_width(&plot, word, &theme.bold(0.9))?);
        }
    }
    let head_rel =
        0.9 * (f64::from(cell_w - theme.px(0.6)) / f64::from(widest_word)).clamp(0.75, 1.0);
    let head_style = theme.bold(head_rel);
    let small = theme.muted(0.8);
    let lh = |rel: f64| (theme.unit * rel * 1.3).round() as i32;
    let mut headers = Vec::with_capacity(m);
    for (j, id) in matrix.criteria.iter().enumerate() {
        let mut name = wrap(
            &plot,
            &ctx.criterion_name(id),
            &head_style,
            cell_w - theme.px(0.6),
        )?;
        // A single long word may still be wider than the column.
        for line in name.iter_mut() {
            *line = fit(&plot, line, &head_style, cell_w - theme.px(0.3))?;
        }
        if name.len() > 4 {
            name.truncate(4);
            if let Some(last) = name.last_mut() {
                *last = fit(
                    &plot,
                    &format!("{last}…"),
                    &head_style,
                    cell_w - theme.px(0.6),
                )?;
            }
        }
        let direction = match matrix.directions[j] {
            Direction::Minimize => tr!(lang, "chart.heatmap.lower_better"),
            Direction::Maximize => tr!(lang, "chart.heatmap.higher_better"),
        };
        let unit = scenario.criterion(id).map_or("", |c| c.unit.get(lang));
        let detail = format!("{direction} · {unit}");
        let detail =
            if unit.is_empty() || text_width(&plot, &detail, &small)? > cell_w - theme.px(0.4) {
                direction
            } else {
                detail
            };
        let weight = tr!(
            lang,
            "chart.heatmap.weight",
            weight = crate::i18n::pct(matrix.weights[j], 0, lang)
        );
        headers.push((
            name,
            fit(&plot, &detail, &small, cell_w - theme.px(0.4))?,
            weight,
        ));
    }
    let name_lines = headers.iter().map(|h| h.0.len()).max().unwrap_or(1) as i32;
    let header_h = name_lines * lh(head_rel) + 2 * lh(0.8) + theme.px(0.5);
    ctx.need_plot(header_h + n as i32 * (lh(1.0) + theme.px(0.4)));
    let cell_h = ((h - header_h) / n as i32).clamp(1, theme.px(6.0));
    for (j, (name, detail, weight)) in headers.iter().enumerate() {
        let cx = label_w + j as i32 * cell_w + cell_w / 2;
        let centred = |s: &TextStyle<'static>| s.clone().pos(Pos::new(HPos::Center, VPos::Top));
        let mut y = header_h - theme.px(0.5) - 2 * lh(0.8) - name.len() as i32 * lh(head_rel);
        for line in name {
            plot.draw_text(line, &centred(&head_style), (cx, y))?;
            y += lh(head_rel);
        }
        plot.draw_text(detail, &centred(&small), (cx, y))?;
        plot.draw_text(weight, &centred(&small), (cx, y + lh(0.8)))?;
    }

    let scaled = scaled_values(matrix);
    let value_style = theme.bold(1.0);
    let raw_style = theme.text(0.75);
    let two_lines = cell_h >= lh(1.0) + lh(0.75) + theme.px(0.4);
    for (r, ranked) in listed.iter().enumerate() {
        let Some(i) = matrix
            .alternatives
            .iter()
            .position(|a| *a == ranked.alternative)
        else {
            continue;
        };
        let top = header_h + r as i32 * cell_h;
        plot.draw_text(
            &labels[r],
            &label_style.clone().pos(Pos::new(HPos::Right, VPos::Center)),
            (label_w - theme.px(0.5), top + cell_h / 2),
        )?;
        for j in 0..m {
            let v = scaled[i * m + j];
            let fill = ramp(v);
            let left = label_w + j as i32 * cell_w;
            plot.draw(&Rectangle::new(
                [(left, top), (left + cell_w, top + cell_h)],
                fill.filled(),
            ))?;
            plot.draw(&Rectangle::new(
                [(left, top), (left + cell_w, top + cell_h)],
                WHITE_LINE.stroke_width(theme.line(2.0)),
            ))?;
            let ink = text_on(fill);
            let cx = left + cell_w / 2;
            let value_text = crate::i18n::num(v, 2, lang);
            let unit = scenario
                .criterion(&matrix.criteria[j])
                .map_or("", |c| c.unit.get(lang));
            let raw = crate::i18n::value(matrix.value(i, j), 2, lang);
            // A rating scale ("0-10") says nothing next to the value.
            let raw_text = if unit.is_empty() || unit.starts_with(|c: char| c.is_ascii_digit()) {
                raw
            } else {
                format!("{raw} {unit}")
            };
            if two_lines {
                let block = lh(1.0) + lh(0.75);
                let y = top + (cell_h - block) / 2;
                plot.draw_text(
                    &value_text,
                    &value_style
                        .clone()
                        .color(&ink)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                    (cx, y),
                )?;
                plot.draw_text(
                    &raw_text,
                    &raw_style
                        .clone()
                        .color(&ink)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                    (cx, y + lh(1.0)),
                )?;
            } else {
                plot.draw_text(
                    &value_text,
                    &value_style
                        .clone()
                        .color(&ink)
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                    (cx, top + cell_h / 2),
                )?;
            }
        }
    }
    Ok(())
}
