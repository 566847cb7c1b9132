//! SMAA first-rank acceptability under tight weight caps against the exact
//! marginal tail of the capped simplex, computed here in integer arithmetic.
//!
//! Two options, every criterion maximised on the fixed scale 0..1: A scores 1
//! on c0 and 0 elsewhere, B scores α elsewhere, so A is first exactly when
//! w0 > x = α / (1 + α). With caps c (weights of minimum 0), the acceptability
//! is P(w0 > x) = V(1 − x; c0 − x, c1, …) / V(1; c0, c1, …), where
//! V(T; c) = Σ_S (−1)^|S| (T − c_S)_+^(m−1) is (m−1)! times the volume of
//! {w ≥ 0, Σw = T, w ≤ c}. Caps and x are whole multiples of 1/N, so V is an
//! exact integer in units of N^-(m-1).

use tradeoff::analysis::smaa::{SmaaOptions, smaa};
use tradeoff::analysis::{DecisionMatrix, Method};
use tradeoff::model::{Direction, Preference, Scale, WeightBounds};

/// (m−1)! V(total; caps) · N^(m−1) with every quantity in units of 1/N.
fn capped_volume(total: i128, caps: &[i128]) -> i128 {
    let r = caps.len() as u32 - 1;
    let mut sum: i128 = 0;
    for subset in 0u32..(1 << caps.len()) {
        let c: i128 = (0..caps.len())
            .filter(|k| subset >> k & 1 == 1)
            .map(|k| caps[k])
            .sum();
        if c < total {
            let term = (total - c).checked_pow(r).expect("fits in i128");
            sum = if subset.count_ones() % 2 == 0 {
                sum.checked_add(term)
            } else {
                sum.checked_sub(term)
            }
            .expect("fits in i128");
        }
    }
    sum
}

/// P(w0 > x) on the capped simplex, exactly (then rounded to f64).
fn exact_tail(n: i128, caps: &[i128], x: i128) -> f64 {
    let whole = capped_volume(n, caps);
    let mut shifted = caps.to_vec();
    shifted[0] -= x;
    let tail = capped_volume(n - x, &shifted);
    assert!(whole > 0 && tail >= 0);
    tail as f64 / whole as f64
}

/// A's first-rank acceptability from the engine, and whether it says exact.
fn acceptability(n: i128, caps: &[i128], x: i128, samples: usize) -> (f64, bool) {
    let m = caps.len();
    let xf = x as f64 / n as f64;
    let alpha = xf / (1.0 - xf);
    let mut values = vec![0.0; 2 * m];
    values[0] = 1.0;
    for v in &mut values[m + 1..] {
        *v = alpha;
    }
    let mut mx = DecisionMatrix::synthetic(
        2,
        m,
        values,
        vec![1.0 / m as f64; m],
        vec![Preference::Usual; m],
    );
    mx.directions = vec![Direction::Maximize; m];
    mx.scales = vec![
        Some(Scale {
            worst: 0.0,
            best: 1.0
        });
        m
    ];
    let bounds: Vec<WeightBounds> = caps
        .iter()
        .map(|&c| WeightBounds {
            min: 0.0,
            max: c as f64 / n as f64,
        })
        .collect();
    let options = SmaaOptions {
        samples,
        seed: 17,
        ..SmaaOptions::default()
    };
    let r = smaa(&mx, Method::Wsm, Some(&bounds), &options).expect("feasible bounds");
    (r.acceptability[0][0], r.exact_weights)
}

fn check(n: i128, caps: &[i128], x: i128) {
    let samples = 20_000;
    let want = exact_tail(n, caps, x);
    let (got, exact) = acceptability(n, caps, x, samples);
    assert!(exact, "the sampler should be exact for caps {caps:?}/{n}");
    let se = (want * (1.0 - want) / samples as f64).sqrt();
    assert!(
        (got - want).abs() <= 4.0 * se,
        "caps {caps:?}/{n}, x = {x}/{n}: acceptability {got}, exact {want} (se {se})"
    );
}

#[test]
fn twelve_caps_of_0_0875_match_the_exact_tail() {
    // The case: 12 caps of 7/80, A first when w0 > 0.085. The slack
    // z0 = 0.0875 - w0 is 0.05 times a Beta(1, 11) variable, so the tail is
    // 1 - 0.95^11 = 0.431..., which the integer computation must agree with.
    let caps = [35; 12];
    let want = exact_tail(400, &caps, 34);
    assert!((want - (1.0 - 0.95f64.powi(11))).abs() < 1e-12, "{want}");
    check(400, &caps, 34);
    check(400, &caps, 32);
}

#[test]
fn caps_barely_above_one_over_m_match_the_exact_tail() {
    // Ten caps of 0.1025: the feasible set is a small neighbourhood of 1/10.
    check(400, &[41; 10], 40);
    // Eight caps of 0.126, two options split near the centre.
    check(1000, &[126; 8], 125);
}

#[test]
fn mixed_tight_and_loose_caps_match_the_exact_tail() {
    // Four binding caps and four free criteria (the direct form).
    check(100, &[30, 12, 12, 12, 100, 100, 100, 100], 20);
    // Ten tight caps and two loose ones: the slack form, with caps that bind.
    check(100, &[9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 30, 30], 6);
    // One very tight cap among loose ones.
    check(1000, &[30, 400, 400, 400, 1000], 20);
}

#[test]
fn caps_binding_in_both_forms_with_heavy_cancellation_match_the_exact_tail() {
    // Ten equal caps of 0.095 and a free criterion: ten caps bind in both
    // forms and the volume terms cancel by a factor of about a million, so
    // the sampler must fall back to double-double values.
    let mut caps = vec![19; 10];
    caps.push(200);
    check(200, &caps, 15);
}
