//! Uniform sampling of weight vectors on the simplex, optionally within
//! per-criterion bounds, with no rejection loop.
//!
//! Method. Lower bounds are removed by a shift: with `L = sum(min)` and
//! `free = 1 - L`, `w = min + free * y` where `y` lies on the unit simplex
//! with caps `y_j <= c_j = (max_j - min_j) / free`. The shift is affine, so
//! `w` is uniform when `y` is. A cap of 1 or more can never bind.
//!
//! - No binding cap: `y` is Dirichlet(1, ..., 1) (normalised standard
//!   exponentials). Exact.
//! - Up to [`EXACT_MAX_BINDING`] binding caps: exact sequential conditional
//!   sampling. The (m-1)-volume of `{y >= 0, sum y = s, y_j <= c_j}` is the
//!   piecewise polynomial `sum_S (-1)^|S| (s - c_S)_+^(m-1) / (m-1)!` over
//!   subsets S of the binding caps (inclusion–exclusion). Each capped
//!   coordinate is drawn in turn from its exact conditional law given the
//!   remaining sum, by inverting its CDF (an antiderivative of the same form)
//!   with bisection to machine precision; the uncapped rest is then a scaled
//!   Dirichlet(1, ..., 1). Cost per sample: k * 64 * (number of subsets with
//!   `c_S < 1`), so it never hangs however tight the bounds.
//! - More binding caps: a Gibbs sampler on pairs of coordinates (uniform is
//!   its invariant law; burn-in per chunk, then `2m` pair moves per sample).
//!   This is approximate (successive samples are correlated) and is reported
//!   through [`WeightSampler::is_exact`].

use crate::model::WeightBounds;
use rand::{Rng, RngExt};
use rand_distr::{Distribution, Exp1};

/// Most binding upper bounds handled by exact inclusion–exclusion
/// (at most 2^12 = 4,096 volume terms per step).
pub const EXACT_MAX_BINDING: usize = 12;

/// Tolerance on bound sums (bounds are typed by people, in decimals).
const BOUND_EPS: f64 = 1e-9;

/// Why weight bounds cannot be sampled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BoundsError {
    /// A criterion's bounds are outside 0..=1 or min > max (index in matrix order).
    #[error("weight bounds of criterion {0} are not within 0..=1 with min <= max")]
    Invalid(usize),
    /// No weight vector summing to 1 meets every bound.
    #[error(
        "the weight bounds cannot be met together (minimums sum to {min_sum}, maximums to {max_sum})"
    )]
    Infeasible {
        /// Sum of the lower bounds.
        min_sum: f64,
        /// Sum of the upper bounds.
        max_sum: f64,
    },
    /// The number of bounds differs from the number of criteria.
    #[error("{given} weight bounds for {criteria} criteria")]
    Count {
        /// Bounds given.
        given: usize,
        /// Criteria in the matrix.
        criteria: usize,
    },
}

/// One capped coordinate in the exact sequential scheme.
#[derive(Debug, Clone)]
struct Step {
    /// Coordinate index.
    coord: usize,
    /// Its cap on `y`.
    cap: f64,
    /// How many coordinates remain after it (power of the volume terms).
    rest: i32,
    /// Largest total the remaining coordinates can take (infinite if any is uncapped).
    rest_capacity: f64,
    /// (sign, c_S) for each subset S of the remaining capped coordinates with c_S < 1.
    terms: Vec<(f64, f64)>,
}

#[derive(Debug, Clone)]
enum Kind {
    /// Every weight fixed at its lower bound (they sum to 1).
    Fixed,
    /// Dirichlet(1..1) on the free part.
    Simplex,
    /// Exact sequential conditional sampling of the capped coordinates.
    Exact {
        steps: Vec<Step>,
        /// Uncapped coordinates, filled last with a scaled Dirichlet.
        uncapped: Vec<usize>,
        /// When every coordinate is capped: the one that takes the remainder.
        last: Option<usize>,
    },
    /// Pair Gibbs sampler (approximate).
    Gibbs { caps: Vec<f64> },
}

/// Draws weight vectors uniformly from the simplex within bounds.
#[derive(Debug, Clone)]
pub struct WeightSampler {
    m: usize,
    lower: Vec<f64>,
    free: f64,
    kind: Kind,
}

fn pos_pow(x: f64, r: i32) -> f64 {
    if x > 0.0 { x.powi(r) } else { 0.0 }
}

/// `H(x) = sum sign * (x - c_S)_+^r` (the CDF antiderivative, without 1/r!).
fn antiderivative(terms: &[(f64, f64)], r: i32, x: f64) -> f64 {
    terms
        .iter()
        .map(|&(sign, c)| sign * pos_pow(x - c, r))
        .sum()
}

/// (sign, sum) over subsets of `caps` whose sum stays below 1.
fn subset_terms(caps: &[f64]) -> Vec<(f64, f64)> {
    let mut terms = vec![(1.0, 0.0)];
    for &c in caps {
        let extra: Vec<(f64, f64)> = terms
            .iter()
            .filter(|&&(_, sum)| sum + c < 1.0)
            .map(|&(sign, sum)| (-sign, sum + c))
            .collect();
        terms.extend(extra);
    }
    terms
}

impl WeightSampler {
    /// A sampler for `m` criteria; `bounds` (normalised, one per criterion)
    /// restricts each weight. None: the whole simplex.
    pub fn new(m: usize, bounds: Option<&[WeightBounds]>) -> Result<Self, BoundsError> {
        let Some(bounds) = bounds else {
            return Ok(WeightSampler {
                m,
                lower: vec![0.0; m],
                free: 1.0,
                kind: Kind::Simplex,
            });
        };
        if bounds.len() != m {
            return Err(BoundsError::Count {
                given: bounds.len(),
                criteria: m,
            });
        }
        for (j, b) in bounds.iter().enumerate() {
            let ok = b.min.is_finite()
                && b.max.is_finite()
                && b.min >= -BOUND_EPS
                && b.max <= 1.0 + BOUND_EPS
                && b.min <= b.max + BOUND_EPS;
            if !ok {
                return Err(BoundsError::Invalid(j));
            }
        }
        let lower: Vec<f64> = bounds.iter().map(|b| b.min.clamp(0.0, 1.0)).collect();
        let upper: Vec<f64> = bounds
            .iter()
            .zip(&lower)
            .map(|(b, &l)| b.max.clamp(l, 1.0))
            .collect();
        let min_sum: f64 = lower.iter().sum();
        let max_sum: f64 = upper.iter().sum();
        if m == 0 || min_sum > 1.0 + BOUND_EPS || max_sum < 1.0 - BOUND_EPS {
            return Err(BoundsError::Infeasible { min_sum, max_sum });
        }
        let free = 1.0 - min_sum;
        if free <= BOUND_EPS || max_sum - min_sum <= BOUND_EPS {
            // A single point (up to rounding): every sample is the same.
            let lower = if free <= BOUND_EPS {
                lower.iter().map(|l| l / min_sum).collect()
            } else {
                upper
            };
            return Ok(WeightSampler {
                m,
                lower,
                free: 0.0,
                kind: Kind::Fixed,
            });
        }
        let caps: Vec<f64> = upper
            .iter()
            .zip(&lower)
            .map(|(u, l)| ((u - l) / free).min(1.0))
            .collect();
        let capped: Vec<usize> = (0..m).filter(|&j| caps[j] < 1.0).collect();
        let kind = if capped.is_empty() {
            Kind::Simplex
        } else if capped.len() <= EXACT_MAX_BINDING {
            Self::exact_plan(m, &caps, &capped)
        } else {
            Kind::Gibbs { caps }
        };
        Ok(WeightSampler {
            m,
            lower,
            free,
            kind,
        })
    }

    fn exact_plan(m: usize, caps: &[f64], capped: &[usize]) -> Kind {
        let uncapped: Vec<usize> = (0..m).filter(|j| !capped.contains(j)).collect();
        let mut steps = Vec::with_capacity(capped.len());
        for (i, &coord) in capped.iter().enumerate() {
            let rest_caps: Vec<f64> = capped[i + 1..].iter().map(|&j| caps[j]).collect();
            let rest = (m - 1 - i) as i32;
            if rest == 0 {
                // The last coordinate takes what is left; no step needed.
                break;
            }
            let rest_capacity = if uncapped.is_empty() {
                rest_caps.iter().sum()
            } else {
                f64::INFINITY
            };
            steps.push(Step {
                coord,
                cap: caps[coord],
                rest,
                rest_capacity,
                terms: subset_terms(&rest_caps),
            });
        }
        let last = uncapped
            .is_empty()
            .then(|| capped.last().copied())
            .flatten();
        Kind::Exact {
            steps,
            uncapped,
            last,
        }
    }

    /// True when samples are exactly uniform and independent (false for the
    /// Gibbs fallback used with more than [`EXACT_MAX_BINDING`] binding caps).
    pub fn is_exact(&self) -> bool {
        !matches!(self.kind, Kind::Gibbs { .. })
    }

    /// Number of criteria.
    pub fn m(&self) -> usize {
        self.m
    }

    /// A stream of samples; keep one per chunk (the Gibbs chain lives in it).
    pub fn stream(&self) -> WeightStream<'_> {
        WeightStream {
            sampler: self,
            chain: Vec::new(),
        }
    }
}

/// Successive weight samples from one [`WeightSampler`].
#[derive(Debug)]
pub struct WeightStream<'a> {
    sampler: &'a WeightSampler,
    /// Gibbs chain state (empty until first use).
    chain: Vec<f64>,
}

fn dirichlet_into<R: Rng + ?Sized>(rng: &mut R, coords: &[usize], total: f64, out: &mut [f64]) {
    let mut sum = 0.0;
    for &j in coords {
        let e: f64 = Exp1.sample(rng);
        out[j] = e;
        sum += e;
    }
    if sum > 0.0 {
        for &j in coords {
            out[j] *= total / sum;
        }
    }
}

impl WeightStream<'_> {
    /// Writes the next weight vector (sums to 1) into `out` (length m).
    pub fn next_into<R: Rng + ?Sized>(&mut self, rng: &mut R, out: &mut [f64]) {
        let s = self.sampler;
        match &s.kind {
            Kind::Fixed => out.copy_from_slice(&s.lower),
            Kind::Simplex => {
                let mut sum = 0.0;
                for o in out.iter_mut() {
                    let e: f64 = Exp1.sample(rng);
                    *o = e;
                    sum += e;
                }
                let scale = s.free / sum;
                for (o, l) in out.iter_mut().zip(&s.lower) {
                    *o = l + *o * scale;
                }
            }
            Kind::Exact {
                steps,
                uncapped,
                last,
            } => {
                let mut left = 1.0;
                for step in steps {
                    let y = conditional_draw(step, left, rng.random::<f64>());
                    out[step.coord] = y;
                    left = (left - y).max(0.0);
                }
                if let Some(last) = *last {
                    out[last] = left;
                } else {
                    dirichlet_into(rng, uncapped, left, out);
                }
                for (o, l) in out.iter_mut().zip(&s.lower) {
                    *o = l + s.free * *o;
                }
            }
            Kind::Gibbs { caps } => {
                let m = s.m;
                if self.chain.is_empty() {
                    let total: f64 = caps.iter().sum();
                    self.chain = caps.iter().map(|c| c / total).collect();
                    for _ in 0..(200 * m) {
                        gibbs_move(&mut self.chain, caps, rng);
                    }
                }
                for _ in 0..(2 * m) {
                    gibbs_move(&mut self.chain, caps, rng);
                }
                for ((o, y), l) in out.iter_mut().zip(&self.chain).zip(&s.lower) {
                    *o = l + s.free * y;
                }
            }
        }
    }
}

/// Draws one capped coordinate given that the coordinates left (this one
/// included) sum to `left`, by inverting its exact conditional CDF at `u`.
fn conditional_draw(step: &Step, left: f64, u: f64) -> f64 {
    let lo = (left - step.rest_capacity).max(0.0);
    let hi = step.cap.min(left);
    if hi <= lo {
        return lo;
    }
    // CDF(t) ∝ H(left) - H(left - t); H is increasing, so it is enough to
    // solve H(left - t) = target for t.
    let h = |x: f64| antiderivative(&step.terms, step.rest, x);
    let h_lo = h(left - lo);
    let h_hi = h(left - hi);
    let span = h_lo - h_hi;
    if !(span > 0.0 && span.is_finite()) {
        // Rounding has eaten the volume (extremely tight caps): the range is
        // tiny anyway, so a uniform draw within it is within rounding of exact.
        return lo + u * (hi - lo);
    }
    let target = h_lo - u * span;
    let (mut a, mut b) = (lo, hi);
    for _ in 0..64 {
        let mid = 0.5 * (a + b);
        if mid <= a || mid >= b {
            break;
        }
        if h(left - mid) > target {
            a = mid;
        } else {
            b = mid;
        }
    }
    0.5 * (a + b)
}

fn gibbs_move<R: Rng + ?Sized>(y: &mut [f64], caps: &[f64], rng: &mut R) {
    let m = y.len();
    if m < 2 {
        return;
    }
    let i = rng.random_range(0..m);
    let mut j = rng.random_range(0..m - 1);
    if j >= i {
        j += 1;
    }
    let total = y[i] + y[j];
    let lo = (total - caps[j]).max(0.0);
    let hi = caps[i].min(total);
    if hi > lo {
        let yi = lo + rng.random::<f64>() * (hi - lo);
        y[i] = yi;
        y[j] = total - yi;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn b(min: f64, max: f64) -> WeightBounds {
        WeightBounds { min, max }
    }

    fn means(sampler: &WeightSampler, n: usize) -> Vec<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut stream = sampler.stream();
        let mut w = vec![0.0; sampler.m()];
        let mut acc = vec![0.0; sampler.m()];
        for _ in 0..n {
            stream.next_into(&mut rng, &mut w);
            for (a, x) in acc.iter_mut().zip(&w) {
                *a += x;
            }
        }
        acc.iter().map(|a| a / n as f64).collect()
    }

    #[test]
    fn subset_terms_skip_sums_of_one_or_more() {
        let t = subset_terms(&[0.5, 0.6]);
        assert_eq!(t, vec![(1.0, 0.0), (-1.0, 0.5), (-1.0, 0.6)]);
    }

    #[test]
    fn one_capped_coordinate_has_the_exact_truncated_mean() {
        // m = 2 with y_0 <= 0.3: y_0 is uniform on [0, 0.3], mean 0.15.
        let s = WeightSampler::new(2, Some(&[b(0.0, 0.3), b(0.0, 1.0)])).expect("feasible");
        assert!(s.is_exact());
        let m = means(&s, 40_000);
        assert!((m[0] - 0.15).abs() < 0.003, "{m:?}");
    }

    #[test]
    fn three_criteria_cap_matches_the_marginal_theory() {
        // m = 3, y_0 <= 0.5: marginal density of y_0 is ∝ (1 - t) on [0, 0.5],
        // mean = ∫ t(1-t) / ∫ (1-t) = (1/8 - 1/24) / (3/8) = 2/9.
        let s = WeightSampler::new(3, Some(&[b(0.0, 0.5), b(0.0, 1.0), b(0.0, 1.0)]))
            .expect("feasible");
        let m = means(&s, 60_000);
        assert!((m[0] - 2.0 / 9.0).abs() < 0.003, "{m:?}");
        assert!((m[1] - m[2]).abs() < 0.006, "{m:?}");
    }

    #[test]
    fn too_many_caps_use_the_reported_fallback() {
        let bounds = vec![b(0.0, 0.1); EXACT_MAX_BINDING + 1];
        let s = WeightSampler::new(bounds.len(), Some(&bounds)).expect("feasible");
        assert!(!s.is_exact());
        let m = means(&s, 5_000);
        for x in m {
            assert!((x - 1.0 / 13.0).abs() < 0.01);
        }
    }

    #[test]
    fn infeasible_and_invalid_bounds_are_refused() {
        assert!(matches!(
            WeightSampler::new(2, Some(&[b(0.6, 1.0), b(0.6, 1.0)])),
            Err(BoundsError::Infeasible { .. })
        ));
        assert!(matches!(
            WeightSampler::new(2, Some(&[b(0.2, 0.4), b(0.0, 0.4)])),
            Err(BoundsError::Infeasible { .. })
        ));
        assert_eq!(
            WeightSampler::new(2, Some(&[b(0.5, 0.2), b(0.0, 1.0)])).err(),
            Some(BoundsError::Invalid(0))
        );
    }

    #[test]
    fn a_single_feasible_point_is_returned_every_time() {
        let s = WeightSampler::new(2, Some(&[b(0.3, 0.3), b(0.7, 0.7)])).expect("feasible");
        let m = means(&s, 10);
        assert!((m[0] - 0.3).abs() < 1e-12 && (m[1] - 0.7).abs() < 1e-12);
    }
}
