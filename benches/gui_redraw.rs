//! What one frame of a weight-slider drag costs in the GUI: recompute the
//! analysis as the window does after an edit (validate, index, evaluate all
//! three methods, dominance), then re-render the ranking and contributions
//! charts from that analysis (the window hands its evaluation to the charts,
//! so they neither validate nor evaluate again) into RGB buffers of the size
//! the window shows them (about 620 × 400 points each) and expand them to
//! RGBA as a texture upload does. The app renders the two charts in parallel
//! (rayon); the sequential variant shows the cost on one core. Runs without
//! the `gui` feature so a release build stays small.
//!
//! The same frame on a synthetic 1,000 options × 20 criteria scenario
//! (issue 17: a weight drag recomputes and redraws within 16 ms); charts list
//! the best 20 options, so their cost stays flat while recompute is linear.
//! `charts evaluating again` is the frame as it was before the charts took
//! the window's evaluation, for comparison. The `cpu` variants time the
//! sequential frame in the thread's CPU time, which a busy shared machine
//! does not inflate (see `support/cpu_time.rs`).

use crate::cpu_time;

use criterion::{Criterion, criterion_group};
use rayon::prelude::*;
use std::hint::black_box;
use tradeoff::analysis::{Evaluation, Method, dominance, evaluate_methods, select_profile};
use tradeoff::charts::{ChartInput, ChartKind, render_rgb};
use tradeoff::model::{Lang, Scenario, ScenarioIndex, has_errors, validate};

const CHARTS: [ChartKind; 2] = [ChartKind::Ranking, ChartKind::Contributions];

fn texture(rgb: &[u8]) -> Vec<[u8; 4]> {
    // What egui::ColorImage::from_rgb does before the upload.
    rgb.chunks_exact(3)
        .map(|p| [p[0], p[1], p[2], 255])
        .collect()
}

/// What the window's analysis does after an edit (`app::state::analyse`).
fn analyse(scenario: &Scenario) -> Vec<Evaluation> {
    let problems = validate(scenario);
    assert!(!has_errors(&problems));
    let index = ScenarioIndex::new(scenario);
    let profile = select_profile(scenario, None).expect("profile");
    let evaluations = evaluate_methods(&index, profile, &Method::ALL);
    black_box(dominance::dominated_by(&evaluations[0].matrix));
    black_box(index.to_cells());
    evaluations
}

/// One drag frame; `reuse`: the charts take the analysis' evaluation (as
/// the window does), else each validates and evaluates on its own.
fn frame(scenario: &Scenario, w: u32, h: u32, ppp: f32, parallel: bool, reuse: bool) {
    let evaluations = analyse(scenario);
    let input = ChartInput {
        evaluation: reuse.then(|| &evaluations[0]),
        ..ChartInput::new(scenario, Lang::En)
    };
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
                    frame(&scenario, w, h, ppp, parallel, true);
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
    for reuse in [true, false] {
        let mut step = 0_u32;
        let name = format!(
            "weight drag frame, 1000x20, recompute + 2 charts 620x400 pt @ 1x, parallel{}",
            if reuse {
                ""
            } else {
                ", charts evaluating again"
            }
        );
        group.bench_function(&name, |b| {
            b.iter(|| {
                step = (step + 1) % 100;
                if let Some(p) = scenario.profiles.iter_mut().find(|p| p.id == active) {
                    p.weights.insert(criterion.clone(), f64::from(step) / 100.0);
                }
                frame(&scenario, w, h, 1.0, true, reuse);
            })
        });
    }
    group.bench_function("recompute only, 1000x20, three methods", |b| {
        b.iter(|| black_box(analyse(&scenario)))
    });
    group.finish();
}

/// The 1,000 × 20 frame, charts drawn one after the other, in CPU time.
fn weight_drag_frame_cpu(c: &mut Criterion<cpu_time::ThreadCpuTime>) {
    let mut scenario = tradeoff::io::synthetic::scenario(1_000, 20, 1, true);
    let active = scenario.active_profile.clone();
    let criterion = scenario.criteria[0].id.clone();
    for reuse in [true, false] {
        let mut step = 0_u32;
        let name = format!(
            "gui_redraw/cpu: weight drag frame, 1000x20, recompute + 2 charts 620x400 pt @ 1x, sequential{}",
            if reuse {
                ""
            } else {
                ", charts evaluating again"
            }
        );
        c.bench_function(&name, |b| {
            b.iter(|| {
                step = (step + 1) % 100;
                if let Some(p) = scenario.profiles.iter_mut().find(|p| p.id == active) {
                    p.weights.insert(criterion.clone(), f64::from(step) / 100.0);
                }
                frame(&scenario, 620, 400, 1.0, false, reuse);
            })
        });
    }
    c.bench_function(
        "gui_redraw/cpu: recompute only, 1000x20, three methods",
        |b| b.iter(|| black_box(analyse(&scenario))),
    );
}

criterion_group!(benches, weight_drag_frame, weight_drag_frame_large);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(cpu_time::ThreadCpuTime);
    targets = weight_drag_frame_cpu
}
