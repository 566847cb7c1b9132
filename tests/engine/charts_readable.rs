//! The readable size of a chart (`charts::readable_height`): drawn at that
//! height, every option's bar is a separate band at least one label tall,
//! in both languages and at 1× and 2×; squashed below it, bands merge or
//! shrink under a label's height (which is what the GUI now prevents).

use crate::charts_support::bundled;
use tradeoff::charts::{ChartInput, ChartKind, READABLE_WIDTH_PT, readable_height, render_rgb};
use tradeoff::model::{Lang, Scenario, Text};

/// Chart body text is never smaller than 13 points (charts::style); a row
/// label is 0.95 of it, so a row thinner than this cannot hold its label.
const LABEL_PT: f64 = 13.0 * 0.95;

/// The bundled scenario grown to `options` options (copies of the existing
/// ones with their scores nudged so every option ranks differently).
fn grown(options: usize) -> Scenario {
    let mut s = bundled();
    let base = s.alternatives.clone();
    let mut k = 0;
    while s.alternatives.len() < options {
        let from = &base[k % base.len()];
        k += 1;
        let id = format!("{}_{k}", from.id);
        let mut alt = from.clone();
        alt.id = id.clone();
        alt.name = Text::bilingual(
            format!("{} (variant {k})", from.name.get(Lang::En)),
            format!("{} (variante {k})", from.name.get(Lang::Fr)),
        );
        let scores: Vec<_> = s
            .scores
            .iter()
            .filter(|x| x.alternative == from.id)
            .cloned()
            .map(|mut x| {
                x.alternative = id.clone();
                x.value *= 1.0 - 0.01 * k as f64;
                x.low = None;
                x.high = None;
                x
            })
            .collect();
        s.alternatives.push(alt);
        s.scores.extend(scores);
    }
    s
}

/// The vertical runs of bar-coloured pixels (blue hues of the ranking
/// bars) down the pixel column `x`: (first row, last row) of each.
fn bar_runs(rgb: &[u8], w: u32, h: u32, x: u32) -> Vec<(u32, u32)> {
    let mut runs = Vec::new();
    let mut start = None;
    for y in 0..h {
        let i = ((y * w + x) * 3) as usize;
        let (r, g, b) = (
            i32::from(rgb[i]),
            i32::from(rgb[i + 1]),
            i32::from(rgb[i + 2]),
        );
        let bar = b > 150 && b - r > 60 && g > 80;
        match (bar, start) {
            (true, None) => start = Some(y),
            (false, Some(s)) => {
                runs.push((s, y - 1));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, h - 1));
    }
    runs
}

/// The column crossing the most bars (just right of the value axis).
fn bands(rgb: &[u8], w: u32, h: u32) -> Vec<(u32, u32)> {
    (0..w)
        .map(|x| bar_runs(rgb, w, h, x))
        .max_by_key(Vec::len)
        .unwrap_or_default()
}

/// Asserts the ranking drawn `w` × `h` pixels shows `n` separate bands,
/// each row at least a label tall.
fn rows_are_readable(rgb: &[u8], w: u32, h: u32, n: usize, scale: f64) -> Result<(), String> {
    let runs = bands(rgb, w, h);
    if runs.len() != n {
        return Err(format!("{} separate bars for {n} options", runs.len()));
    }
    for pair in runs.windows(2) {
        let pitch = f64::from(pair[1].0 - pair[0].0);
        if pitch < LABEL_PT * scale {
            return Err(format!(
                "rows {pitch} px apart, a label needs {:.0}",
                LABEL_PT * scale
            ));
        }
    }
    Ok(())
}

#[test]
fn at_its_readable_height_every_ranking_row_holds_a_label() {
    for options in [4, 9, 14] {
        let s = grown(options);
        for lang in Lang::ALL {
            for scale in [1.0_f32, 2.0] {
                let input = ChartInput::new(&s, lang);
                let w = (READABLE_WIDTH_PT * scale) as u32;
                let h = readable_height(ChartKind::Ranking, &input, w, scale).expect("measures");
                let rgb = render_rgb(ChartKind::Ranking, &input, w, h, scale).expect("renders");
                let ranked = tradeoff::analysis::evaluate(&s, None, input.method)
                    .expect("evaluates")
                    .ranking
                    .len();
                rows_are_readable(&rgb, w, h, ranked, f64::from(scale)).unwrap_or_else(|e| {
                    panic!("{options} options, {lang:?}, ×{scale}, {w}×{h}: {e}")
                });
            }
        }
    }
}

#[test]
fn squashed_below_its_readable_height_a_ranking_loses_rows() {
    // The check above can fail: at the 160-point height the window used to
    // give, fourteen options do not fit.
    let s = grown(14);
    let input = ChartInput::new(&s, Lang::En);
    let (w, h) = (READABLE_WIDTH_PT as u32, 160);
    assert!(readable_height(ChartKind::Ranking, &input, w, 1.0).expect("measures") > h);
    let rgb = render_rgb(ChartKind::Ranking, &input, w, h, 1.0).expect("renders");
    assert!(rows_are_readable(&rgb, w, h, 14, 1.0).is_err());
}

#[test]
fn more_options_or_criteria_never_need_less_room() {
    for kind in [
        ChartKind::Ranking,
        ChartKind::Contributions,
        ChartKind::Heatmap,
        ChartKind::Stakeholders,
        ChartKind::Sensitivity,
    ] {
        let mut last = 0;
        for options in [2, 4, 8, 12, 16] {
            let s = grown(options);
            let input = ChartInput::new(&s, Lang::Fr);
            let h = readable_height(kind, &input, 600, 1.0).expect("measures");
            assert!(
                h >= last,
                "{kind}: {options} options need {h} px, fewer needed {last}"
            );
            last = h;
        }
    }
}
