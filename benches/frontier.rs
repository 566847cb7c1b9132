//! Value-for-money timing: dominance among 2,000 and 10,000 options × 20
//! independent criteria, and the package frontier of 30 options under 3 caps.

use criterion::{Criterion, criterion_group};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;
use tradeoff::analysis::DecisionMatrix;
use tradeoff::analysis::dominance::dominators;
use tradeoff::analysis::frontier::package_frontier;
use tradeoff::model::Preference;

fn bench_dominance(c: &mut Criterion) {
    let mut group = c.benchmark_group("frontier");
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let m = 20;
    for n in [2_000, 10_000] {
        let values: Vec<f64> = (0..n * m).map(|_| rng.random::<f64>() * 100.0).collect();
        let matrix = DecisionMatrix::synthetic(
            n,
            m,
            values,
            vec![1.0 / m as f64; m],
            vec![Preference::Usual; m],
        );
        group.bench_function(format!("dominance {n} x {m}"), |b| {
            b.iter(|| dominators(black_box(&matrix)))
        });
    }
}

fn bench_package_frontier(c: &mut Criterion) {
    let mut group = c.benchmark_group("frontier");
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let n = 30;
    let caps = [450.0, 600.0, 150.0];
    let values: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
    // Each option needs 5–25% of each cap, so packages hold about 6–10 options.
    let needs: Vec<Vec<f64>> = (0..n)
        .map(|_| {
            caps.iter()
                .map(|cap| (cap * (0.05 + 0.2 * rng.random::<f64>())).round())
                .collect()
        })
        .collect();
    group.bench_function("package frontier 30 options 3 caps", |b| {
        b.iter(|| package_frontier(black_box(&values), &needs, &caps))
    });
}

criterion_group!(benches, bench_dominance, bench_package_frontier);
