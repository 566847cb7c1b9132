//! A SMAA run that is no longer wanted stops: `smaa_cancellable` checks its
//! flag before each chunk of samples and then returns None; left alone it
//! returns exactly what `smaa` does.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::atomic::{AtomicBool, Ordering};
use tradeoff::analysis::smaa::{MAX_SAMPLES, SmaaOptions, smaa, smaa_cancellable};
use tradeoff::analysis::{DecisionMatrix, Method};
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

fn opts(samples: usize) -> SmaaOptions {
    SmaaOptions {
        samples,
        seed: 3,
        ..SmaaOptions::default()
    }
}

#[test]
fn a_run_left_alone_is_the_plain_run() {
    let matrix = random_matrix(30, 4, 1);
    for method in Method::ALL {
        let plain = smaa(&matrix, method, None, &opts(3_000)).expect("runs");
        let flag = AtomicBool::new(false);
        let left_alone = smaa_cancellable(&matrix, method, None, &opts(3_000), &flag);
        assert_eq!(left_alone, Ok(Some(plain)), "{method}");
    }
}

#[test]
fn a_run_cancelled_before_it_starts_draws_nothing() {
    let matrix = random_matrix(30, 4, 2);
    let flag = AtomicBool::new(true);
    // The largest run there is: it only returns because no chunk runs.
    let run = smaa_cancellable(&matrix, Method::Wsm, None, &opts(MAX_SAMPLES), &flag);
    assert_eq!(run, Ok(None));
}

#[test]
fn a_run_cancelled_while_under_way_stops() {
    let matrix = random_matrix(200, 6, 3);
    let flag = AtomicBool::new(false);
    let run = std::thread::scope(|s| {
        let run = s.spawn(|| {
            // Billions of samples: hours of work unless the flag stops it.
            smaa_cancellable(&matrix, Method::Wsm, None, &opts(MAX_SAMPLES), &flag)
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        flag.store(true, Ordering::Relaxed);
        run.join().expect("no panic")
    });
    assert_eq!(run, Ok(None));
}
