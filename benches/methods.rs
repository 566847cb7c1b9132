//! Ranking methods on a seeded random 2000 options × 20 criteria matrix
//! (issue 3 item 9: wsm and topsis under 0.5 ms, promethee2 under 50 ms).
//! `promethee2_pairwise` is the direct O(n²m) formula, for comparison.
//! The `2000x20 cpu` group times wsm and topsis in the thread's CPU time,
//! which a busy shared machine does not inflate (see `support/cpu_time.rs`).

use crate::cpu_time;

use criterion::{Criterion, criterion_group};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;
use std::time::Duration;
use tradeoff::analysis::methods::promethee2_pairwise;
use tradeoff::analysis::{DecisionMatrix, Method, scores};
use tradeoff::model::Preference;

/// A reproducible n × m matrix: values uniform in 0..100, directions
/// alternating, random normalised weights.
fn random_matrix(n: usize, m: usize, seed: u64, preference: Preference) -> DecisionMatrix {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let values: Vec<f64> = (0..n * m).map(|_| rng.random_range(0.0..100.0)).collect();
    let raw: Vec<f64> = (0..m).map(|_| rng.random_range(0.1..1.0)).collect();
    let total: f64 = raw.iter().sum();
    let weights = raw.iter().map(|w| w / total).collect();
    DecisionMatrix::synthetic(n, m, values, weights, vec![preference; m])
}

fn methods(c: &mut Criterion) {
    let usual = random_matrix(2000, 20, 42, Preference::Usual);
    let mut group = c.benchmark_group("methods/2000x20");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for method in Method::ALL {
        group.bench_function(method.as_str(), |b| {
            b.iter(|| scores(method, black_box(&usual)))
        });
    }
    // Linear criteria with a band of 5 on a 0..100 range: the sweep only
    // evaluates pairs inside the band one by one.
    let linear = random_matrix(2000, 20, 42, Preference::Linear { q: 1.0, p: 6.0 });
    group.bench_function("promethee2_linear", |b| {
        b.iter(|| scores(Method::Promethee2, black_box(&linear)))
    });
    group.sample_size(10);
    group.bench_function("promethee2_pairwise", |b| {
        b.iter(|| promethee2_pairwise(black_box(&usual), &usual.weights))
    });
    group.finish();
}

fn methods_cpu(c: &mut Criterion<cpu_time::ThreadCpuTime>) {
    let usual = random_matrix(2000, 20, 42, Preference::Usual);
    let mut group = c.benchmark_group("methods/2000x20 cpu");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for method in [Method::Wsm, Method::Topsis] {
        group.bench_function(method.as_str(), |b| {
            b.iter(|| scores(method, black_box(&usual)))
        });
    }
    group.finish();
}

criterion_group!(benches, methods);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(cpu_time::ThreadCpuTime);
    targets = methods_cpu
}
