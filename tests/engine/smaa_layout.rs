//! SMAA rank counts: the one shared 32-bit table, counted up to
//! `MAX_COUNTED_RANKS`, gives exactly the acceptability of a plain count of
//! every rank of every sample (the same weight draws, replayed here).

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use tradeoff::analysis::smaa::{
    CHUNK_SAMPLES, MAX_COUNTED_RANKS, SmaaOptions, WeightSampler, smaa,
};
use tradeoff::analysis::{DecisionMatrix, Method, competition_ranks, scores_with_weights};
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

/// Share of samples giving each option each rank, by a dense n × n count:
/// chunk c draws its weights from the seed on stream c, as the engine does
/// (values without uncertainty draw nothing).
fn brute_acceptability(
    matrix: &DecisionMatrix,
    method: Method,
    samples: usize,
    seed: u64,
) -> Vec<Vec<f64>> {
    let (n, m) = (matrix.n(), matrix.m());
    let sampler = WeightSampler::new(m, None).expect("simplex");
    let mut counts = vec![vec![0u64; n]; n];
    let mut weights = vec![0.0; m];
    for c in 0..samples.div_ceil(CHUNK_SAMPLES) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(c as u64);
        let mut stream = sampler.stream();
        for _ in 0..CHUNK_SAMPLES.min(samples - c * CHUNK_SAMPLES) {
            stream.next_into(&mut rng, &mut weights);
            let ranks = competition_ranks(&scores_with_weights(method, matrix, &weights));
            for (i, r) in ranks.into_iter().enumerate() {
                counts[i][r - 1] += 1;
            }
        }
    }
    counts
        .iter()
        .map(|row| row.iter().map(|&c| c as f64 / samples as f64).collect())
        .collect()
}

fn options(samples: usize, seed: u64) -> SmaaOptions {
    SmaaOptions {
        samples,
        seed,
        ..SmaaOptions::default()
    }
}

#[test]
fn shared_counts_equal_a_dense_count_for_every_method() {
    let matrix = random_matrix(9, 4, 11);
    for method in Method::ALL {
        // Three chunks, the last one partial.
        let r = smaa(&matrix, method, None, &options(2_500, 3)).expect("runs");
        assert_eq!(
            r.acceptability,
            brute_acceptability(&matrix, method, 2_500, 3),
            "{method}"
        );
    }
}

#[test]
fn past_the_counted_ranks_rows_are_the_dense_count_cut_short() {
    let n = MAX_COUNTED_RANKS + 25;
    let matrix = random_matrix(n, 3, 4);
    let r = smaa(&matrix, Method::Wsm, None, &options(700, 9)).expect("runs");
    let brute = brute_acceptability(&matrix, Method::Wsm, 700, 9);
    assert_eq!(r.acceptability.len(), n);
    for (i, (row, full)) in r.acceptability.iter().zip(&brute).enumerate() {
        assert_eq!(row.len(), MAX_COUNTED_RANKS);
        assert_eq!(row.as_slice(), &full[..MAX_COUNTED_RANKS], "option {i}");
    }
    // Some option does reach the uncounted ranks, so the cut is exercised.
    assert!(
        brute
            .iter()
            .any(|full| full[MAX_COUNTED_RANKS..].iter().any(|&p| p > 0.0))
    );
    // Central weights need only first ranks: every option first somewhere has them.
    for (i, row) in r.acceptability.iter().enumerate() {
        let total: f64 = r.central_weights[i].iter().sum();
        if row[0] > 0.0 {
            assert!((total - 1.0).abs() < 1e-9, "option {i}: {total}");
        } else {
            assert_eq!(total, 0.0);
        }
    }
}
