//! Chart rendering speed: a 1920×1080 PNG (draw + encode) must take well
//! under 100 ms (issue 5), so `render` and live GUI redraws stay instant.

use criterion::{Criterion, criterion_group};
use std::hint::black_box;
use tradeoff::charts::{ChartInput, ChartKind, render_png, render_rgb, render_svg};
use tradeoff::model::Lang;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    let scenario = tradeoff::io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "canada-2016.ron")
        .expect("bundled scenario parses");
    let input = ChartInput::new(&scenario, Lang::En);
    for kind in [
        ChartKind::Ranking,
        ChartKind::Sensitivity,
        ChartKind::Heatmap,
    ] {
        group.bench_function(format!("png_1920x1080_{kind}"), |b| {
            b.iter(|| render_png(kind, black_box(&input), 1920, 1080, 1.0).expect("renders"))
        });
    }
    group.bench_function("rgb_1920x1080_ranking", |b| {
        b.iter(|| {
            render_rgb(ChartKind::Ranking, black_box(&input), 1920, 1080, 1.0).expect("renders")
        })
    });
    group.bench_function("svg_1920x1080_ranking", |b| {
        b.iter(|| render_svg(ChartKind::Ranking, black_box(&input), 1920, 1080).expect("renders"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
