//! One-way sensitivity of every criterion: the 4 × 3 reference case (what
//! the GUI recomputes while a slider moves) and a 200 × 8 matrix.

use criterion::{Criterion, criterion_group, criterion_main};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;
use std::time::Duration;
use tradeoff::analysis::sensitivity::all_criteria;
use tradeoff::analysis::{DecisionMatrix, Method};
use tradeoff::model::{Direction, Preference};

fn random_matrix(n: usize, m: usize, seed: u64) -> DecisionMatrix {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let values: Vec<f64> = (0..n * m).map(|_| rng.random_range(0.0..10.0)).collect();
    let weights = vec![1.0 / m as f64; m];
    let mut matrix = DecisionMatrix::synthetic(n, m, values, weights, vec![Preference::Usual; m]);
    // Every criterion is maximised here.
    matrix.directions = vec![Direction::Maximize; m];
    matrix
}

fn deployments() -> DecisionMatrix {
    let values = vec![
        8.0, 450.0, 7.0, 6.0, 300.0, 6.0, 7.0, 380.0, 5.0, 7.0, 350.0, 6.0,
    ];
    DecisionMatrix {
        alternatives: ["Mali", "CAR", "DRC", "South Sudan"]
            .map(String::from)
            .to_vec(),
        criteria: ["Risk", "Cost", "Local impact"].map(String::from).to_vec(),
        directions: vec![
            Direction::Minimize,
            Direction::Minimize,
            Direction::Maximize,
        ],
        scales: vec![None; 3],
        preferences: vec![Preference::Usual; 3],
        weights: vec![0.4, 0.3, 0.3],
        value_functions: vec![None; 3],
        lows: values.clone(),
        highs: values.clone(),
        values,
    }
}

fn sensitivity(c: &mut Criterion) {
    let mut group = c.benchmark_group("sensitivity");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    let small = deployments();
    let medium = random_matrix(200, 8, 7);
    for method in Method::ALL {
        group.bench_function(format!("4x3_{method}"), |b| {
            b.iter(|| all_criteria(black_box(&small), method, 101))
        });
        group.bench_function(format!("200x8_{method}"), |b| {
            b.iter(|| all_criteria(black_box(&medium), method, 101))
        });
    }
    group.finish();
}

criterion_group!(benches, sensitivity);
criterion_main!(benches);
