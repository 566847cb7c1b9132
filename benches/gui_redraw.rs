//! What one frame of a weight-slider drag costs in the GUI: re-evaluate the
//! default scenario under all three methods, then re-render the ranking and
//! contributions charts into RGB buffers of the size the window shows them
//! (about 620 × 400 points each) and expand them to RGBA as a texture
//! upload does. The app renders the two charts in parallel (rayon); the
//! sequential variant shows the cost on one core. Runs without the `gui`
//! feature so a release build stays small.
//!
//! The same frame on a synthetic 1,000 options × 20 criteria scenario
//! (issue 17: a weight drag recomputes and redraws within 16 ms); charts list
//! the best 20 options, so their cost stays flat while recompute is linear.

use criterion::{Criterion, criterion_group};
use rayon::prelude::*;
use std::hint::black_box;
use tradeoff::analysis::evaluate_all_methods;
use tradeoff::charts::{ChartInput, ChartKind, render_rgb};
use tradeoff::model::{Lang, Scenario};

const CHARTS: [ChartKind; 2] = [ChartKind::Ranking, ChartKind::Contributions];

fn texture(rgb: &[u8]) -> Vec<[u8; 4]> {
    // What egui::ColorImage::from_rgb does before the upload.
    rgb.chunks_exact(3)
        .map(|p| [p[0], p[1], p[2], 255])
        .collect()
}

fn frame(scenario: &Scenario, w: u32, h: u32, ppp: f32, parallel: bool) {
    let evaluations = evaluate_all_methods(scenario, None).expect("valid");
    black_box(&evaluations);
    let input = ChartInput::new(scenario, Lang::En);
    let draw = |kind: &ChartKind| texture(&render_rgb(*kind, &input, w, h, ppp).expect("renders"));
    let images: Vec<_> = if parallel {
        CHARTS.par_iter().map(draw).collect()
    } else {
        CHARTS.iter().map(draw).collect()
    };
    black_box(images);
}

fn weight_drag_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("gui_redraw");
    let mut scenario =
        tradeoff::io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "default").expect("bundled");
    let active = scenario.active_profile.clone();
    let criterion = scenario.criteria[0].id.clone();
    for ppp in [1.0_f32, 2.0] {
        let (w, h) = ((620.0 * ppp) as u32, (400.0 * ppp) as u32);
        for parallel in [true, false] {
            let mut step = 0_u32;
            let name = format!(
                "weight drag frame, 2 charts 620x400 pt @ {ppp}x, {}",
                if parallel { "parallel" } else { "sequential" }
            );
            group.bench_function(&name, |b| {
                b.iter(|| {
                    step = (step + 1) % 100;
                    if let Some(p) = scenario.profiles.iter_mut().find(|p| p.id == active) {
                        p.weights.insert(criterion.clone(), f64::from(step) / 100.0);
                    }
                    frame(&scenario, w, h, ppp, parallel);
                })
            });
        }
    }
}

fn weight_drag_frame_large(c: &mut Criterion) {
    let mut group = c.benchmark_group("gui_redraw");
    let mut scenario = tradeoff::io::synthetic::scenario(1_000, 20, 1, true);
    let active = scenario.active_profile.clone();
    let criterion = scenario.criteria[0].id.clone();
    let (w, h) = (620, 400);
    let mut step = 0_u32;
    group.bench_function(
        "weight drag frame, 1000x20, recompute + 2 charts 620x400 pt @ 1x, parallel",
        |b| {
            b.iter(|| {
                step = (step + 1) % 100;
                if let Some(p) = scenario.profiles.iter_mut().find(|p| p.id == active) {
                    p.weights.insert(criterion.clone(), f64::from(step) / 100.0);
                }
                frame(&scenario, w, h, 1.0, true);
            })
        },
    );
    group.bench_function("recompute only, 1000x20, three methods", |b| {
        b.iter(|| black_box(evaluate_all_methods(&scenario, None).expect("valid")))
    });
}

criterion_group!(benches, weight_drag_frame, weight_drag_frame_large);
