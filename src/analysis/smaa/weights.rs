//! Uniform sampling of weight vectors on the simplex, optionally within
//! per-criterion bounds, with no rejection loop.
//!
//! Method. Lower bounds are removed by a shift: with `L = sum(min)` and
//! `free = 1 - L`, `w = min + free * y` where `y` lies on the unit simplex
//! with caps `y_j <= c_j = (max_j - min_j) / free`. The shift is affine, so
//! `w` is uniform when `y` is. A cap of 1 or more can never bind.
//!
//! Two equivalent forms. The slack `z_j = c_j - y_j` is uniform on the
//! simplex of total `t = sum(c) - 1` with the same caps `z_j <= c_j`. When
//! caps are tight, `t` is small and few or no z-caps bind (12 caps of 0.0875:
//! `t = 0.05`, no z-cap binds, so `z` is a scaled Dirichlet draw). The
//! sampler works on whichever form, scaled to total 1, needs fewer
//! inclusion–exclusion terms.
//!
//! - No binding cap: Dirichlet(1, ..., 1) (normalised standard exponentials).
//! - A few binding caps (at most [`EXACT_MAX_TERMS`] volume terms in all):
//!   exact sequential conditional sampling. The (m-1)-volume of
//!   `{u >= 0, sum u = s, u_j <= e_j}` is the piecewise polynomial
//!   `sum_S (-1)^|S| (s - e_S)_+^(m-1) / (m-1)!` over subsets S of the binding
//!   caps (inclusion–exclusion). Each capped coordinate is drawn in turn from
//!   its exact conditional law given the remaining sum, by inverting its CDF
//!   (an antiderivative of the same form) with safeguarded Newton steps; the
//!   uncapped rest is then a scaled Dirichlet(1, ..., 1). The terms cancel,
//!   so every draw bounds its own rounding error (subset sums in
//!   double-double, compensated sums) and, when that bound is not below
//!   [`CDF_PRECISION`] of the CDF's range, solves again with double-double
//!   values ([`double`], about 106 bits), and in exact integer arithmetic
//!   ([`exact`]) if even that is not enough. So no draw's conditional CDF is
//!   ever off by more than 1e-9, far below the Monte Carlo error of any run.
//! - More terms: a Gibbs sampler on pairs of coordinates (uniform is its
//!   invariant law; burn-in per chunk, then `2m` pair moves per sample). This
//!   is approximate (successive samples are correlated) and is reported
//!   through [`WeightSampler::is_exact`].

mod double;
mod exact;

use double::{Double, two_sum};

use crate::model::WeightBounds;
use rand::{Rng, RngExt};
use rand_distr::{Distribution, Exp1};

/// Most inclusion–exclusion terms (summed over the sequential steps) the
/// exact scheme accepts; 12 binding caps with every subset below the total
/// need about 8,190. Beyond it the Gibbs fallback is used.
pub const EXACT_MAX_TERMS: usize = 8_192;

/// Largest error allowed on a conditional CDF before a draw switches to
/// exact arithmetic.
pub const CDF_PRECISION: f64 = 1e-9;

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
    /// A node's bounds (criterion or group, by id) are outside 0..=1 or min > max.
    #[error("weight bounds of '{0}' are not within 0..=1 with min <= max")]
    InvalidNode(String),
    /// The number of bounds differs from the number of criteria.
    #[error("{given} weight bounds for {criteria} criteria")]
    Count {
        /// Bounds given.
        given: usize,
        /// Criteria in the matrix.
        criteria: usize,
    },
}

/// Inclusion–exclusion terms with one subset sum: `sign * (x - e_S)_+^r`,
/// where `sign` adds up the ±1 of every subset with that same sum (equal
/// caps give many: twelve equal caps, 13 sums for 4,096 subsets). The subset sum
/// `e_S = hi + lo` kept in double-double so that `x - e_S` is accurate.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Term {
    sign: f64,
    hi: f64,
    lo: f64,
}

/// One capped coordinate in the exact sequential scheme.
#[derive(Debug, Clone)]
struct Step {
    /// Coordinate index.
    coord: usize,
    /// Its cap.
    cap: f64,
    /// How many coordinates remain after it (power of the volume terms).
    rest: i32,
    /// Largest total the remaining coordinates can take (infinite if any is uncapped).
    rest_capacity: f64,
    /// Caps of the remaining binding coordinates (for the exact redraw).
    rest_caps: Vec<f64>,
    /// One term per subset S of the remaining binding caps with e_S < 1.
    terms: Vec<Term>,
}

/// How the sampled unit-simplex point maps back to `y`.
#[derive(Debug, Clone)]
enum Form {
    /// `y = u`.
    Direct,
    /// `y_j = caps_j - total * u_j` (the slack form).
    Slack { caps: Vec<f64>, total: f64 },
}

#[derive(Debug, Clone)]
enum Kind {
    /// Every weight fixed at its lower bound (they sum to 1).
    Fixed,
    /// Exact sampling of `u` on the unit simplex with caps, then `form`.
    Exact {
        form: Form,
        /// Capped coordinates in drawing order (empty: plain Dirichlet).
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

/// Terms over subsets of `caps` whose sum stays below 1 and the number of
/// such subsets, or None when there would be more than `budget` subsets.
fn subset_terms(caps: &[f64], budget: usize) -> Option<(Vec<Term>, usize)> {
    let mut terms = vec![Term {
        sign: 1.0,
        hi: 0.0,
        lo: 0.0,
    }];
    for &c in caps {
        let mut extra = Vec::new();
        for t in &terms {
            let (hi, err) = two_sum(t.hi, c);
            let (hi, lo) = two_sum(hi, t.lo + err);
            // hi + lo < 1, decided on the double-double (exact enough to
            // keep every term that can be nonzero for x <= 1).
            if hi < 1.0 || (hi == 1.0 && lo < 0.0) {
                extra.push(Term {
                    sign: -t.sign,
                    hi,
                    lo,
                });
            }
        }
        terms.extend(extra);
        if terms.len() > budget {
            return None;
        }
    }
    let subsets = terms.len();
    // Smallest subset sums first, so that evaluation stops at the first
    // term that vanishes; subsets with the very same sum share one term.
    terms.sort_by(|a, b| a.hi.total_cmp(&b.hi).then(a.lo.total_cmp(&b.lo)));
    let mut merged: Vec<Term> = Vec::with_capacity(terms.len());
    for t in terms {
        match merged.last_mut() {
            Some(last) if last.hi == t.hi && last.lo == t.lo => last.sign += t.sign,
            _ => merged.push(t),
        }
    }
    merged.retain(|t| t.sign != 0.0);
    Some((merged, subsets))
}

/// `H(x) = sum sign * (x - e_S)_+^r` (the CDF antiderivative, without 1/r!),
/// its derivative, and a bound on the rounding error of `H`.
fn antiderivative(terms: &[Term], r: i32, x: f64) -> (f64, f64, f64) {
    let (mut sum, mut comp, mut slope, mut abs) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let mut active = 0.0;
    for t in terms {
        if t.hi > x {
            // hi + lo > x for this term and every later one (sorted sums).
            break;
        }
        let d = (x - t.hi) - t.lo;
        if d > 0.0 {
            let p = d.powi(r - 1);
            let v = t.sign * p * d;
            // Neumaier's compensated sum: the terms cancel heavily.
            let s = sum + v;
            comp += if sum.abs() >= v.abs() {
                (sum - s) + v
            } else {
                (v - s) + sum
            };
            sum = s;
            slope += t.sign * p;
            abs += v.abs();
            active += 1.0;
        }
    }
    let h = sum + comp;
    let r = f64::from(r);
    let eps = f64::EPSILON;
    // Each term: x - e_S to 2 eps relative, its power to r eps more; the
    // compensated sum adds 2 eps |H| and second-order terms.
    let bound = eps * ((5.0 * r + 6.0) * abs + 2.0 * h.abs())
        + 4.0 * r * active * eps * eps * x.abs().max(1.0).powf(r);
    (h, r * slope, bound)
}

/// `H(x)` of [`antiderivative`] in double-double, with a bound on its
/// rounding error (every operation within a few units of 2^-104; the subset
/// sums are exact to about `k` such units).
fn antiderivative_double(terms: &[Term], r: i32, x: f64, k: usize) -> (Double, f64, f64) {
    let mut sum = Double::ZERO;
    let (mut slope, mut abs, mut active) = (0.0f64, 0.0f64, 0.0f64);
    for t in terms {
        if t.hi > x {
            break;
        }
        let d = Double::from(x)
            .sub(Double::from(t.hi))
            .sub(Double::from(t.lo));
        if d.hi > 0.0 {
            let p = d.powi(r);
            // sign is a small integer, so the product is exact to dd precision.
            sum = sum.add(p.mul(Double::from(t.sign)));
            slope += t.sign * d.hi.powi(r - 1);
            abs += (t.sign * p.hi).abs();
            active += 1.0;
        }
    }
    let (r, k) = (f64::from(r), k as f64);
    let eps2 = f64::EPSILON * f64::EPSILON;
    let bound = eps2 * (8.0 * (2.0 * r + active) * abs)
        + 2.0 * r * (k + 2.0) * active * eps2 * x.abs().max(1.0).powf(r);
    (sum, r * slope, bound)
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
                kind: Self::plain(m),
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
        Ok(WeightSampler {
            m,
            lower,
            free,
            kind: Self::plan(&caps),
        })
    }

    /// Dirichlet(1, ..., 1) on the whole simplex.
    fn plain(m: usize) -> Kind {
        Kind::Exact {
            form: Form::Direct,
            steps: Vec::new(),
            uncapped: (0..m).collect(),
            last: None,
        }
    }

    /// The cheaper of the direct and slack forms, or Gibbs when both would
    /// need more than [`EXACT_MAX_TERMS`] terms.
    fn plan(caps: &[f64]) -> Kind {
        // t = sum(c) - 1, summed with compensation: it is small when caps are tight.
        let (mut sum, mut comp) = (0.0, 0.0);
        for &c in caps {
            let (s, e) = two_sum(sum, c);
            sum = s;
            comp += e;
        }
        let total = ((sum - 1.0) + comp).max(0.0);
        let direct = Self::exact_plan(caps, Form::Direct);
        let slack_caps: Vec<f64> = caps
            .iter()
            .map(|&c| if c >= total { 1.0 } else { c / total })
            .collect();
        let slack = Self::exact_plan(
            &slack_caps,
            Form::Slack {
                caps: caps.to_vec(),
                total,
            },
        );
        let cost = |k: &Option<(Kind, usize)>| k.as_ref().map_or(usize::MAX, |(_, c)| *c);
        let best = if cost(&slack) < cost(&direct) {
            slack
        } else {
            direct
        };
        best.map_or(
            Kind::Gibbs {
                caps: caps.to_vec(),
            },
            |(kind, _)| kind,
        )
    }

    /// The sequential plan for unit caps `e` (1 = unbound), with its number
    /// of terms, or None beyond [`EXACT_MAX_TERMS`].
    fn exact_plan(e: &[f64], form: Form) -> Option<(Kind, usize)> {
        let m = e.len();
        let capped: Vec<usize> = (0..m).filter(|&j| e[j] < 1.0).collect();
        let uncapped: Vec<usize> = (0..m).filter(|&j| e[j] >= 1.0).collect();
        let mut steps = Vec::with_capacity(capped.len());
        let mut cost = 0;
        for (i, &coord) in capped.iter().enumerate() {
            let rest = (m - 1 - i) as i32;
            if rest == 0 {
                // The last coordinate takes what is left; no step needed.
                break;
            }
            let rest_caps: Vec<f64> = capped[i + 1..].iter().map(|&j| e[j]).collect();
            let rest_capacity = if uncapped.is_empty() {
                rest_caps.iter().sum()
            } else {
                f64::INFINITY
            };
            // The budget counts subsets: the exact redraw enumerates them.
            let (terms, subsets) = subset_terms(&rest_caps, EXACT_MAX_TERMS - cost)?;
            cost += subsets;
            steps.push(Step {
                coord,
                cap: e[coord],
                rest,
                rest_capacity,
                rest_caps,
                terms,
            });
        }
        let last = uncapped
            .is_empty()
            .then(|| capped.last().copied())
            .flatten();
        Some((
            Kind::Exact {
                form,
                steps,
                uncapped,
                last,
            },
            cost,
        ))
    }

    /// True when samples are exactly uniform and independent (false for the
    /// Gibbs fallback used beyond [`EXACT_MAX_TERMS`]).
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
            Kind::Exact {
                form,
                steps,
                uncapped,
                last,
            } => {
                let mut left = 1.0;
                for step in steps {
                    let u = conditional_draw(step, left, rng.random::<f64>());
                    out[step.coord] = u;
                    left = (left - u).max(0.0);
                }
                if let Some(last) = *last {
                    out[last] = left;
                } else {
                    dirichlet_into(rng, uncapped, left, out);
                }
                if let Form::Slack { caps, total } = form {
                    for (o, c) in out.iter_mut().zip(caps) {
                        *o = (c - total * *o).max(0.0);
                    }
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
    // With x = left - t the rest's total, CDF(t) ∝ H(left - lo) - H(x); H
    // increases, so solve H(x) = target for x in [left - hi, left - lo].
    let (xa, xb) = (left - hi, left - lo);
    let h = |x: f64| antiderivative(&step.terms, step.rest, x);
    let (h_a, _, _) = h(xa);
    let (h_b, _, err_b) = h(xb);
    let span = h_b - h_a;
    // Errors shrink with x (every term does), so err_b bounds them all.
    if !(span > 0.0 && span.is_finite() && 2.0 * err_b <= CDF_PRECISION * span) {
        return conditional_draw_double(step, left, (lo, hi), u);
    }
    let target = h_b - u * span;
    let x = newton(xa, xb, xa + (1.0 - u) * (xb - xa), |x| {
        let (hx, slope, _) = h(x);
        (hx - target, slope)
    });
    (left - x).clamp(lo, hi)
}

/// [`conditional_draw`] when f64 cancels too much: the same equation with
/// double-double values (starting from the f64 root, so a few steps), and
/// in exact integers when even that is not accurate enough.
fn conditional_draw_double(step: &Step, left: f64, (lo, hi): (f64, f64), u: f64) -> f64 {
    let (xa, xb) = (left - hi, left - lo);
    let k = step.rest_caps.len();
    let h = |x: f64| antiderivative_double(&step.terms, step.rest, x, k);
    let (h_a, _, _) = h(xa);
    let (h_b, _, err_b) = h(xb);
    let span = h_b.sub(h_a);
    if !(span.hi > 0.0 && span.hi.is_finite() && 2.0 * err_b <= CDF_PRECISION * span.hi) {
        let x = exact::invert(&step.rest_caps, step.rest, xa, xb, u);
        return (left - x).clamp(lo, hi);
    }
    let target = h_b.sub(span.mul(Double::from(u)));
    let rough = newton(xa, xb, xa + (1.0 - u) * (xb - xa), |x| {
        let (hx, slope, _) = antiderivative(&step.terms, step.rest, x);
        (hx - target.to_f64(), slope)
    });
    let x = newton(xa, xb, rough, |x| {
        let (hx, slope, _) = h(x);
        (hx.sub(target).to_f64(), slope)
    });
    (left - x).clamp(lo, hi)
}

/// Solves `residual(x) = 0` for x in [a, b], where the residual increases
/// and returns (value, derivative): Newton steps inside the bracket, else
/// bisection, until the step is below a few ulps.
fn newton(mut a: f64, mut b: f64, mut x: f64, residual: impl Fn(f64) -> (f64, f64)) -> f64 {
    for _ in 0..100 {
        let (value, slope) = residual(x);
        if value == 0.0 {
            break;
        }
        if value < 0.0 {
            a = x;
        } else {
            b = x;
        }
        let step = x - value / slope;
        let next = if slope > 0.0 && step > a && step < b {
            step
        } else {
            0.5 * (a + b)
        };
        let settled = (next - x).abs() <= 4.0 * f64::EPSILON * x.abs();
        x = next;
        if settled || b - a <= 4.0 * f64::EPSILON * b.abs() {
            break;
        }
    }
    x
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
        let (t, subsets) = subset_terms(&[0.5, 0.6], 100).expect("within budget");
        assert_eq!(subsets, 3);
        let sums: Vec<(f64, f64)> = t.iter().map(|t| (t.sign, t.hi + t.lo)).collect();
        assert_eq!(sums, vec![(1.0, 0.0), (-1.0, 0.5), (-1.0, 0.6)]);
        assert_eq!(subset_terms(&[0.1; 12], 100), None);
    }

    #[test]
    fn tight_caps_use_the_slack_form_with_no_binding_cap() {
        // 12 caps of 0.0875: the slack total is 0.05, below every cap.
        let s = WeightSampler::new(12, Some(&[b(0.0, 0.0875); 12])).expect("feasible");
        let Kind::Exact { form, steps, .. } = &s.kind else {
            panic!("expected the exact scheme, got {:?}", s.kind);
        };
        assert!(matches!(form, Form::Slack { .. }));
        assert!(steps.is_empty());
    }

    #[test]
    fn newton_and_exact_inversion_agree() {
        // The float path and the exact redraw solve the same equation.
        let caps = [0.3, 0.25, 0.2];
        let step = Step {
            coord: 0,
            cap: 0.35,
            rest: 4,
            rest_capacity: f64::INFINITY,
            rest_caps: caps.to_vec(),
            terms: subset_terms(&caps, 100).expect("within budget").0,
        };
        for u in [0.0, 0.1, 0.5, 0.9, 0.999] {
            let float = conditional_draw(&step, 1.0, u);
            let (xa, xb) = (1.0 - 0.35, 1.0);
            let exact = 1.0 - exact::invert(&caps, 4, xa, xb, u);
            assert!((float - exact).abs() < 1e-12, "u = {u}: {float} vs {exact}");
        }
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
    fn too_many_terms_use_the_reported_fallback() {
        // 40 caps of 0.05: the slack total is 1, so both forms have 40 caps
        // of 0.05 and millions of subsets below the total.
        let bounds = vec![b(0.0, 0.05); 40];
        let s = WeightSampler::new(bounds.len(), Some(&bounds)).expect("feasible");
        assert!(!s.is_exact());
        let m = means(&s, 2_000);
        for x in m {
            assert!((x - 1.0 / 40.0).abs() < 0.005);
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
