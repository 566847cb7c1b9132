//! The bounded weight sampler: bounds are respected, tight bounds never
//! hang, and the samples are uniform (means and variances against numeric
//! integration and against plain rejection sampling).

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1};
use tradeoff::analysis::smaa::WeightSampler;
use tradeoff::model::WeightBounds;

fn b(min: f64, max: f64) -> WeightBounds {
    WeightBounds { min, max }
}

fn draw(sampler: &WeightSampler, n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut stream = sampler.stream();
    (0..n)
        .map(|_| {
            let mut w = vec![0.0; sampler.m()];
            stream.next_into(&mut rng, &mut w);
            w
        })
        .collect()
}

fn moments(samples: &[Vec<f64>]) -> (Vec<f64>, Vec<f64>) {
    let m = samples[0].len();
    let n = samples.len() as f64;
    let mean: Vec<f64> = (0..m)
        .map(|j| samples.iter().map(|w| w[j]).sum::<f64>() / n)
        .collect();
    let var: Vec<f64> = (0..m)
        .map(|j| {
            samples
                .iter()
                .map(|w| (w[j] - mean[j]).powi(2))
                .sum::<f64>()
                / n
        })
        .collect();
    (mean, var)
}

/// Uniform draws on the bounded simplex by rejection (reference only).
fn rejection(bounds: &[WeightBounds], n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let e: Vec<f64> = bounds.iter().map(|_| Exp1.sample(&mut rng)).collect();
        let total: f64 = e.iter().sum();
        let w: Vec<f64> = e.iter().map(|x| x / total).collect();
        if w.iter()
            .zip(bounds)
            .all(|(x, b)| *x >= b.min && *x <= b.max)
        {
            out.push(w);
        }
    }
    out
}

#[test]
fn unbounded_marginals_have_the_dirichlet_moments() {
    let m = 4;
    let s = WeightSampler::new(m, None).expect("no bounds");
    let (mean, var) = moments(&draw(&s, 50_000, 1));
    // Dirichlet(1,1,1,1): mean 1/4, variance (1 * 3) / (16 * 5) = 0.0375.
    for j in 0..m {
        assert!((mean[j] - 0.25).abs() < 0.004, "{mean:?}");
        assert!((var[j] - 0.0375).abs() < 0.002, "{var:?}");
    }
}

#[test]
fn samples_respect_bounds_and_sum_to_one() {
    let bounds = [
        b(0.1, 0.3),
        b(0.0, 0.25),
        b(0.2, 0.9),
        b(0.05, 0.5),
        b(0.0, 1.0),
    ];
    let s = WeightSampler::new(5, Some(&bounds)).expect("feasible");
    assert!(s.is_exact());
    for w in draw(&s, 20_000, 2) {
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        for (x, bd) in w.iter().zip(&bounds) {
            assert!(*x >= bd.min - 1e-12 && *x <= bd.max + 1e-12, "{w:?}");
        }
    }
}

#[test]
fn very_tight_bounds_do_not_hang_and_stay_inside() {
    // Feasible region is a sliver: rejection would need ~1e12 tries per sample.
    let bounds = [
        b(0.199, 0.2005),
        b(0.1995, 0.2),
        b(0.2, 0.2001),
        b(0.0, 0.2002),
        b(0.0, 0.2003),
        b(0.0, 0.2),
    ];
    let s = WeightSampler::new(6, Some(&bounds)).expect("feasible");
    for w in draw(&s, 5_000, 3) {
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        for (x, bd) in w.iter().zip(&bounds) {
            assert!(*x >= bd.min - 1e-12 && *x <= bd.max + 1e-12, "{w:?}");
        }
    }
}

#[test]
fn twenty_tight_caps_are_sampled_exactly_and_respect_bounds() {
    // Caps summing to 1.2: in the slack form each cap binds at 0.3 of the
    // slack total, so only subsets of up to three caps enter the volumes.
    let bounds = vec![b(0.0, 0.06); 20];
    let s = WeightSampler::new(20, Some(&bounds)).expect("feasible");
    assert!(s.is_exact());
    let samples = draw(&s, 2_000, 4);
    for w in &samples {
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(w.iter().all(|x| *x >= -1e-12 && *x <= 0.06 + 1e-12));
    }
    let (mean, _) = moments(&samples);
    assert!(mean.iter().all(|m| (m - 0.05).abs() < 0.002), "{mean:?}");
}

#[test]
fn many_tight_caps_in_both_forms_use_the_fallback_and_still_respect_bounds() {
    let bounds = vec![b(0.0, 0.05); 40];
    let s = WeightSampler::new(40, Some(&bounds)).expect("feasible");
    assert!(!s.is_exact());
    for w in draw(&s, 1_000, 4) {
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(w.iter().all(|x| *x >= -1e-12 && *x <= 0.05 + 1e-12));
    }
}

#[test]
fn three_criteria_moments_match_numeric_integration() {
    let bounds = [b(0.05, 0.4), b(0.1, 0.55), b(0.0, 0.7)];
    // Integrate x and x^2 over the feasible triangle slice on a fine grid.
    let steps = 2000;
    let h = 1.0 / steps as f64;
    let (mut area, mut sx, mut sy, mut sxx) = (0.0, 0.0, 0.0, 0.0);
    for a in 0..steps {
        let x = (a as f64 + 0.5) * h;
        for c in 0..steps {
            let y = (c as f64 + 0.5) * h;
            let z = 1.0 - x - y;
            let inside = [x, y, z]
                .iter()
                .zip(&bounds)
                .all(|(v, bd)| *v >= bd.min && *v <= bd.max);
            if inside {
                area += 1.0;
                sx += x;
                sy += y;
                sxx += x * x;
            }
        }
    }
    let (ex, ey, vx) = (sx / area, sy / area, sxx / area - (sx / area).powi(2));
    let s = WeightSampler::new(3, Some(&bounds)).expect("feasible");
    let (mean, var) = moments(&draw(&s, 80_000, 5));
    assert!((mean[0] - ex).abs() < 0.002, "{mean:?} vs {ex}");
    assert!((mean[1] - ey).abs() < 0.002, "{mean:?} vs {ey}");
    assert!((var[0] - vx).abs() < 0.0006, "{var:?} vs {vx}");
}

#[test]
fn five_criteria_moments_match_rejection_sampling() {
    let bounds = [
        b(0.05, 0.3),
        b(0.0, 0.25),
        b(0.0, 0.4),
        b(0.0, 1.0),
        b(0.1, 1.0),
    ];
    let s = WeightSampler::new(5, Some(&bounds)).expect("feasible");
    let (mean, var) = moments(&draw(&s, 60_000, 6));
    let (rmean, rvar) = moments(&rejection(&bounds, 60_000, 7));
    for j in 0..5 {
        assert!(
            (mean[j] - rmean[j]).abs() < 0.003,
            "{j}: {mean:?} vs {rmean:?}"
        );
        assert!(
            (var[j] - rvar[j]).abs() < 0.0008,
            "{j}: {var:?} vs {rvar:?}"
        );
    }
}

#[test]
fn a_quantile_matches_rejection_sampling() {
    // Share of samples with w_0 below 0.15 (a CDF point, not just a moment).
    let bounds = [b(0.0, 0.35), b(0.0, 0.5), b(0.0, 0.45), b(0.0, 1.0)];
    let s = WeightSampler::new(4, Some(&bounds)).expect("feasible");
    let share = |v: &[Vec<f64>]| v.iter().filter(|w| w[0] < 0.15).count() as f64 / v.len() as f64;
    let exact = share(&draw(&s, 60_000, 8));
    let reference = share(&rejection(&bounds, 60_000, 9));
    assert!((exact - reference).abs() < 0.01, "{exact} vs {reference}");
}
