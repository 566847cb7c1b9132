//! SMAA-2 timings (issue 6 item 4): the default scenario at 10,000 samples
//! (< 5 ms), a random 50×8 matrix at 10,000 samples (< 20 ms) and a random
//! 500×30 matrix at 100,000 samples (< 1 s on 2 cores).

use criterion::{Criterion, criterion_group};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;
use std::time::Duration;
use tradeoff::analysis::smaa::{SmaaOptions, smaa};
use tradeoff::analysis::{DecisionMatrix, Method, evaluate_profile};
use tradeoff::model::Preference;

fn random_matrix(n: usize, m: usize, seed: u64) -> DecisionMatrix {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let values: Vec<f64> = (0..n * m).map(|_| rng.random::<f64>() * 100.0).collect();
    DecisionMatrix::synthetic(
        n,
        m,
        values,
        vec![1.0 / m as f64; m],
        vec![Preference::Usual; m],
    )
}

fn options(samples: usize) -> SmaaOptions {
    SmaaOptions {
        samples,
        seed: 1,
        ..SmaaOptions::default()
    }
}

fn bench_smaa(c: &mut Criterion) {
    let scenario = tradeoff::io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "canada-2016.ron")
        .expect("bundled scenario parses");
    let profile = scenario.active().expect("profile");
    let default = evaluate_profile(&scenario, profile, Method::Wsm).matrix;
    let mut group = c.benchmark_group("smaa");
    group.bench_function("smaa wsm default scenario 10k", |b| {
        b.iter(|| smaa(black_box(&default), Method::Wsm, None, &options(10_000)))
    });

    let mid = random_matrix(50, 8, 1);
    group.bench_function("smaa wsm 50x8 10k", |b| {
        b.iter(|| smaa(black_box(&mid), Method::Wsm, None, &options(10_000)))
    });

    let mut uncertain = random_matrix(50, 8, 2);
    for k in 0..uncertain.values.len() {
        uncertain.lows[k] -= 5.0;
        uncertain.highs[k] += 5.0;
    }
    group.bench_function("smaa wsm 50x8 10k, every value uncertain", |b| {
        b.iter(|| smaa(black_box(&uncertain), Method::Wsm, None, &options(10_000)))
    });

    group.finish();
    let mut group = c.benchmark_group("smaa/large");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    let big = random_matrix(500, 30, 3);
    group.bench_function("smaa wsm 500x30 100k", |b| {
        b.iter(|| smaa(black_box(&big), Method::Wsm, None, &options(100_000)))
    });
    group.finish();
}

criterion_group!(benches, bench_smaa);
