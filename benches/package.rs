//! Package search timing: 30 options, 3 resource caps, top 5.

use criterion::{Criterion, criterion_group};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;
use tradeoff::analysis::package::solve;

fn bench_package(c: &mut Criterion) {
    let mut group = c.benchmark_group("package");
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let n = 30;
    let caps = [600.0, 150.0, 450.0];
    let values: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
    // Each option needs 5–25% of each cap, so packages hold about 6–10 options.
    let needs: Vec<Vec<f64>> = (0..n)
        .map(|_| {
            caps.iter()
                .map(|cap| (cap * (0.05 + 0.2 * rng.random::<f64>())).round())
                .collect()
        })
        .collect();
    group.bench_function("package 30 options 3 caps top 5", |b| {
        b.iter(|| solve(black_box(&values), &needs, &caps, 5))
    });
}

criterion_group!(benches, bench_package);
