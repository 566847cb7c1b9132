//! SMAA-2 (stochastic multicriteria acceptability analysis): rank
//! acceptability, central weights and confidence factors under uncertain
//! weights and values. Seeded, so runs are reproducible.
//!
//! Definitions (Lahdelma & Salminen 2001, SMAA-2):
//! - rank acceptability `b[i][r]`: share of samples (weights and values drawn
//!   together) in which option i has rank r+1 (competition ranks: ties share
//!   the smallest rank, so a column may sum to more or less than 1 when ties
//!   occur, while each row sums to 1);
//! - central weights `wc[i]`: mean weight vector of the samples in which i is
//!   ranked first (zero when it never is);
//! - confidence factor `p[i]`: share of value samples in which i is ranked
//!   first when the weights are its central weights (0 when it is never first).
//!
//! Sampling. Weights are uniform on the simplex, or on the simplex within
//! per-criterion bounds (see [`weights`]); with a value tree, per node (see
//! [`tree`]). A score with an uncertainty range
//! (`low`, `high`) is drawn uniformly within it by default, or from a
//! triangular law with its best estimate as mode; a score without a range
//! is fixed. For wsm, a criterion without a fixed scale is rescaled on each
//! sample's own values (min and max of the drawn column), which is exactly
//! the deterministic method applied to the drawn matrix; columns without any
//! range are scaled once, so the common case costs one matrix–vector
//! product and one sort per sample. The confidence pass draws values only;
//! with fixed values it is one evaluation per option, with uncertain values
//! it scores every option that is ever first on each value sample (cost
//! grows with the number of such options).
//!
//! Reproducibility. Samples are processed in chunks of [`CHUNK_SAMPLES`];
//! chunk c uses ChaCha8 seeded with the seed on stream c, whatever thread runs
//! it. Tallies are integers (weight sums in 2^-60 fixed point), so their sum
//! does not depend on the order in which chunks finish: the output is
//! identical for any number of threads. Memory does not grow with the number
//! of samples.
//!
//! Memory. Rank counts are counted for the first [`MAX_COUNTED_RANKS`] ranks
//! only (every rank up to that many options), in one 32-bit table shared by
//! all threads: at the 10,000-option limit that is 80 MB of counts and
//! 160 MB of shares, whatever the number of threads, where a full n × n
//! table per thread would take 800 MB each.

pub mod tree;
pub mod weights;

pub use tree::TreeSampler;
pub use weights::{BoundsError, EXACT_MAX_TERMS, WeightSampler};

use super::matrix::DecisionMatrix;
use super::methods::{Method, scaled_values, scores_with_weights};
use super::ranking::{competition_ranks, is_tie, ranks_from_order};
use crate::model::{Direction, WeightBounds, WeightProfile};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Samples per chunk; each chunk has its own random stream.
pub const CHUNK_SAMPLES: usize = 1024;

/// Ranks whose acceptability is counted: all of them up to this many
/// options; beyond, ranks past this one are not counted (each row of
/// [`SmaaResult::acceptability`] then sums to the share of samples giving
/// the option one of these ranks).
pub const MAX_COUNTED_RANKS: usize = 2_000;

/// Most samples one run draws: rank counts are 32-bit.
pub const MAX_SAMPLES: usize = u32::MAX as usize;

/// Fixed-point scale of the weight sums (exact integer addition).
const FIXED_ONE: f64 = (1u64 << 60) as f64;

/// Stream offset for the confidence-factor pass (keeps it independent of
/// the acceptability pass).
const CONFIDENCE_STREAM: u64 = 1 << 40;

/// How a score's uncertainty range is sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueDistribution {
    /// Uniform between low and high.
    #[default]
    Uniform,
    /// Triangular between low and high, with the best estimate as mode.
    Triangular,
}

/// Settings of a SMAA run.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaOptions {
    /// Number of Monte-Carlo samples.
    pub samples: usize,
    /// Seed of the random generator.
    pub seed: u64,
    /// Law of the values within their uncertainty ranges.
    pub values: ValueDistribution,
}

impl Default for SmaaOptions {
    fn default() -> Self {
        SmaaOptions {
            samples: 10_000,
            seed: 1,
            values: ValueDistribution::Uniform,
        }
    }
}

/// The outcome of a SMAA run.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaResult {
    /// Alternative ids, in matrix row order.
    pub alternatives: Vec<String>,
    /// Criterion ids, in matrix column order.
    pub criteria: Vec<String>,
    /// Samples drawn.
    pub samples: usize,
    /// `acceptability[i][r]`: share of samples giving alternative i rank
    /// r+1, for the first `min(n, MAX_COUNTED_RANKS)` ranks.
    pub acceptability: Vec<Vec<f64>>,
    /// `central_weights[i][j]`: mean weight vector of the samples where i is first
    /// (all zero when i is never first).
    pub central_weights: Vec<Vec<f64>>,
    /// Share of value samples in which i is first under its central weights.
    pub confidence: Vec<f64>,
    /// False when the weight bounds needed more inclusion–exclusion terms
    /// than exact sampling allows and the (approximate) Gibbs fallback was
    /// used; true means every sample is exactly uniform on the bounded simplex.
    pub exact_weights: bool,
}

/// The profile's weight bounds in `matrix` column order ([0, 1] for a
/// criterion without bounds); None when the profile has no bounds.
pub fn profile_bounds(
    matrix: &DecisionMatrix,
    profile: &WeightProfile,
) -> Option<Vec<WeightBounds>> {
    if profile.bounds.is_empty() {
        return None;
    }
    Some(
        matrix
            .criteria
            .iter()
            .map(|c| {
                profile
                    .bounds
                    .get(c)
                    .copied()
                    .unwrap_or(WeightBounds { min: 0.0, max: 1.0 })
            })
            .collect(),
    )
}

/// Runs SMAA-2 on `matrix` (feasible options only) with `method`.
///
/// `bounds`: per-criterion bounds on the normalised weights, in matrix
/// column order (None: the whole simplex). The matrix's own weights are not
/// used. Errors only when the bounds are invalid or cannot be met together.
/// At most [`MAX_SAMPLES`] samples are drawn (`options.samples` is capped).
pub fn smaa(
    matrix: &DecisionMatrix,
    method: Method,
    bounds: Option<&[WeightBounds]>,
    options: &SmaaOptions,
) -> Result<SmaaResult, BoundsError> {
    let sampler = TreeSampler::flat(matrix.m(), bounds)?;
    Ok(smaa_with(matrix, method, &sampler, options))
}

/// [`smaa`] that gives up once `cancel` is set (a newer run made this one
/// obsolete): every chunk checks it before drawing its samples, so a run
/// stops within one chunk per thread. Ok(None) when it gave up.
pub fn smaa_cancellable(
    matrix: &DecisionMatrix,
    method: Method,
    bounds: Option<&[WeightBounds]>,
    options: &SmaaOptions,
    cancel: &AtomicBool,
) -> Result<Option<SmaaResult>, BoundsError> {
    let sampler = TreeSampler::flat(matrix.m(), bounds)?;
    Ok(smaa_with_cancellable(
        matrix, method, &sampler, options, cancel,
    ))
}

/// Runs SMAA-2 on `matrix` with weights drawn by `sampler` (for a value
/// tree: per node, see [`tree`]); as [`smaa`] otherwise.
pub fn smaa_with(
    matrix: &DecisionMatrix,
    method: Method,
    sampler: &TreeSampler,
    options: &SmaaOptions,
) -> SmaaResult {
    match smaa_with_cancellable(matrix, method, sampler, options, &AtomicBool::new(false)) {
        Some(result) => result,
        None => unreachable!("a run nobody can cancel finished"),
    }
}

/// [`smaa_with`] that gives up once `cancel` is set (a newer run made this
/// one obsolete): every chunk checks it before drawing its samples, so a
/// run stops within one chunk per thread. None when it gave up.
pub fn smaa_with_cancellable(
    matrix: &DecisionMatrix,
    method: Method,
    sampler: &TreeSampler,
    options: &SmaaOptions,
    cancel: &AtomicBool,
) -> Option<SmaaResult> {
    let engine = Engine::new(matrix, method, sampler, options, cancel);
    let tally = engine.acceptability_pass();
    if engine.cancelled() {
        return None;
    }
    let (n, m) = (matrix.n(), matrix.m());
    let total = engine.samples().max(1) as f64;
    let ranks = tally.ranks;
    let acceptability: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            tally.counts[i * ranks..(i + 1) * ranks]
                .iter()
                .map(|c| f64::from(c.load(Ordering::Relaxed)) / total)
                .collect()
        })
        .collect();
    let central_weights: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            let firsts = tally.firsts(i);
            (0..m)
                .map(|j| {
                    if firsts == 0 {
                        0.0
                    } else {
                        tally.weight_sums[i * m + j] as f64 / FIXED_ONE / f64::from(firsts)
                    }
                })
                .collect()
        })
        .collect();
    let confidence = engine.confidence_pass(&central_weights, &tally);
    if engine.cancelled() {
        return None;
    }
    Some(SmaaResult {
        alternatives: matrix.alternatives.clone(),
        criteria: matrix.criteria.clone(),
        samples: engine.samples(),
        acceptability,
        central_weights,
        confidence,
        exact_weights: sampler.is_exact(),
    })
}

/// A criterion whose column has at least one uncertain value.
struct UncertainColumn {
    j: usize,
    /// Best estimates of the whole column.
    base: Vec<f64>,
    /// (row, low, mode, high) of each uncertain cell.
    cells: Vec<(usize, f64, f64, f64)>,
    /// Fixed scale range, if any.
    fixed: Option<(f64, f64)>,
    /// (min, max) of the cells without uncertainty ((inf, -inf) if none).
    certain_range: (f64, f64),
    direction: Direction,
    /// The criterion's value function: wsm then scores value / 100 of each draw.
    value_function: Option<crate::model::ValueFunction>,
}

/// Integer tallies of a run (order-independent sums).
struct Tally {
    /// Ranks counted per option: `min(n, MAX_COUNTED_RANKS)`.
    ranks: usize,
    /// `counts[i * ranks + r]`: samples giving i rank r+1; one table that
    /// every thread adds to, so memory does not grow with the threads.
    counts: Vec<AtomicU32>,
    /// `weight_sums[i * m + j]`: sum of w_j over samples where i is first, fixed point.
    weight_sums: Vec<u128>,
}

impl Tally {
    /// Samples that gave option i rank 1.
    fn firsts(&self, i: usize) -> u32 {
        self.counts
            .get(i * self.ranks)
            .map_or(0, |c| c.load(Ordering::Relaxed))
    }
}

/// One thread's share of the weight sums, merged at the end.
struct WeightSums(Vec<u128>);

impl WeightSums {
    fn merge(mut self, other: WeightSums) -> WeightSums {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
        self
    }
}

/// Per-chunk scratch space, so no sample allocates (for wsm).
struct Work {
    weights: Vec<f64>,
    /// Scaled values, column-major (`scaled[j * n + i]`), for wsm.
    scaled: Vec<f64>,
    /// The drawn matrix, for topsis and promethee2.
    drawn: DecisionMatrix,
    column: Vec<f64>,
    scores: Vec<f64>,
    keys: Vec<u64>,
    ranks: Vec<usize>,
}

struct Engine<'a> {
    matrix: &'a DecisionMatrix,
    method: Method,
    sampler: &'a TreeSampler,
    options: &'a SmaaOptions,
    /// Column-major scaled best estimates.
    base_scaled: Vec<f64>,
    uncertain: Vec<UncertainColumn>,
    /// Bits of a sort key that hold the row index.
    index_bits: u32,
    /// Set when the run is no longer wanted; chunks then draw nothing.
    cancel: &'a AtomicBool,
}

impl<'a> Engine<'a> {
    fn new(
        matrix: &'a DecisionMatrix,
        method: Method,
        sampler: &'a TreeSampler,
        options: &'a SmaaOptions,
        cancel: &'a AtomicBool,
    ) -> Self {
        let (n, m) = (matrix.n(), matrix.m());
        let row_major = scaled_values(matrix);
        let mut base_scaled = vec![0.0; n * m];
        for i in 0..n {
            for j in 0..m {
                base_scaled[j * n + i] = row_major[i * m + j];
            }
        }
        let uncertain = (0..m)
            .filter_map(|j| {
                let cells: Vec<(usize, f64, f64, f64)> = (0..n)
                    .filter_map(|i| {
                        let k = i * m + j;
                        let (lo, hi) = (matrix.lows[k], matrix.highs[k]);
                        (hi > lo).then(|| (i, lo, matrix.values[k].clamp(lo, hi), hi))
                    })
                    .collect();
                let base = matrix.column(j);
                let certain_range = base
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !cells.iter().any(|c| c.0 == *i))
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (_, &x)| {
                        (a.min(x), b.max(x))
                    });
                (!cells.is_empty()).then(|| UncertainColumn {
                    j,
                    base,
                    certain_range,
                    cells,
                    fixed: matrix.scales[j].map(|s| (s.worst.min(s.best), s.worst.max(s.best))),
                    direction: matrix.directions[j],
                    value_function: matrix.value_functions[j].clone(),
                })
            })
            .collect();
        let index_bits = usize::BITS - n.saturating_sub(1).leading_zeros();
        Engine {
            matrix,
            method,
            sampler,
            options,
            base_scaled,
            uncertain,
            index_bits,
            cancel,
        }
    }

    /// True once the run is no longer wanted.
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn work(&self) -> Work {
        let n = self.matrix.n();
        Work {
            weights: vec![0.0; self.matrix.m()],
            scaled: self.base_scaled.clone(),
            drawn: self.matrix.clone(),
            column: vec![0.0; n],
            scores: vec![0.0; n],
            keys: vec![0; n],
            ranks: vec![0; n],
        }
    }

    /// Samples drawn: as asked, up to [`MAX_SAMPLES`].
    fn samples(&self) -> usize {
        self.options.samples.min(MAX_SAMPLES)
    }

    fn chunks(&self) -> usize {
        self.samples().div_ceil(CHUNK_SAMPLES)
    }

    fn chunk_len(&self, c: usize) -> usize {
        CHUNK_SAMPLES.min(self.samples() - c * CHUNK_SAMPLES)
    }

    fn rng(&self, stream: u64) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.options.seed);
        rng.set_stream(stream);
        rng
    }

    /// Draws the uncertain values of one sample into `work` (and rescales them for wsm).
    fn draw_values(&self, rng: &mut ChaCha8Rng, work: &mut Work) {
        let (n, m) = (self.matrix.n(), self.matrix.m());
        let triangular_law = self.options.values == ValueDistribution::Triangular;
        for col in &self.uncertain {
            work.column.copy_from_slice(&col.base);
            // The range starts from the cells without uncertainty, so only
            // the drawn cells need looking at.
            let (mut lo, mut hi) = col.certain_range;
            for &(i, low, mode, high) in &col.cells {
                let u: f64 = rng.random();
                let x = if triangular_law {
                    triangular(low, mode, high, u)
                } else {
                    low + u * (high - low)
                };
                work.column[i] = x;
                if x < lo {
                    lo = x;
                }
                if x > hi {
                    hi = x;
                }
            }
            if self.method == Method::Wsm {
                let (lo, hi) = col.fixed.unwrap_or((lo, hi));
                let out = &mut work.scaled[col.j * n..(col.j + 1) * n];
                let span = hi - lo;
                if let Some(vf) = &col.value_function {
                    // The draw is in the criterion's unit: its value, as
                    // `DecisionMatrix::wsm_view` gives the best estimates.
                    for (o, &x) in out.iter_mut().zip(&work.column) {
                        *o = vf.value(x) / 100.0;
                    }
                } else if span == 0.0 {
                    out.fill(1.0);
                } else if col.direction == Direction::Maximize {
                    for (o, &x) in out.iter_mut().zip(&work.column) {
                        *o = (x - lo) / span;
                    }
                } else {
                    for (o, &x) in out.iter_mut().zip(&work.column) {
                        *o = (hi - x) / span;
                    }
                }
            } else {
                for (i, &x) in work.column.iter().enumerate() {
                    work.drawn.values[i * m + col.j] = x;
                }
            }
        }
    }

    /// Scores of the current draw under `weights` into `work.scores`.
    fn score(&self, work: &mut Work, weights: &[f64]) {
        let n = self.matrix.n();
        if self.method == Method::Wsm {
            // Four columns per pass: a quarter of the loads and stores of
            // the score vector, and the loop still vectorises.
            work.scores.fill(0.0);
            let blocks = weights.len() / 4;
            for b in 0..blocks {
                let j = 4 * b;
                let (w0, w1, w2, w3) = (weights[j], weights[j + 1], weights[j + 2], weights[j + 3]);
                let cols = &work.scaled[j * n..(j + 4) * n];
                let (c0, rest) = cols.split_at(n);
                let (c1, rest) = rest.split_at(n);
                let (c2, c3) = rest.split_at(n);
                for ((((s, a), b), c), d) in work.scores.iter_mut().zip(c0).zip(c1).zip(c2).zip(c3)
                {
                    *s += w0 * a + w1 * b + w2 * c + w3 * d;
                }
            }
            for (j, &w) in weights.iter().enumerate().skip(4 * blocks) {
                let col = &work.scaled[j * n..(j + 1) * n];
                for (s, v) in work.scores.iter_mut().zip(col) {
                    *s += w * v;
                }
            }
        } else {
            let scores = scores_with_weights(self.method, &work.drawn, weights);
            work.scores.copy_from_slice(&scores);
        }
    }

    fn acceptability_pass(&self) -> Tally {
        let (n, m) = (self.matrix.n(), self.matrix.m());
        let ranks = n.min(MAX_COUNTED_RANKS);
        let counts: Vec<AtomicU32> = (0..n * ranks).map(|_| AtomicU32::new(0)).collect();
        let sums = (0..self.chunks())
            .into_par_iter()
            .fold(
                || WeightSums(vec![0; n * m]),
                |mut sums, c| {
                    if self.cancelled() {
                        return sums;
                    }
                    let mut rng = self.rng(c as u64);
                    let mut work = self.work();
                    let mut stream = self.sampler.stream();
                    for _ in 0..self.chunk_len(c) {
                        stream.next_into(&mut rng, &mut work.weights);
                        self.draw_values(&mut rng, &mut work);
                        let weights = std::mem::take(&mut work.weights);
                        self.score(&mut work, &weights);
                        rank_into(
                            &work.scores,
                            &mut work.keys,
                            &mut work.ranks,
                            self.index_bits,
                        );
                        for (i, &r) in work.ranks.iter().enumerate() {
                            if r <= ranks {
                                counts[i * ranks + r - 1].fetch_add(1, Ordering::Relaxed);
                            }
                            if r == 1 {
                                for (s, &w) in sums.0[i * m..(i + 1) * m].iter_mut().zip(&weights) {
                                    *s += u128::from((w * FIXED_ONE).round() as u64);
                                }
                            }
                        }
                        work.weights = weights;
                    }
                    sums
                },
            )
            .reduce(|| WeightSums(vec![0; n * m]), WeightSums::merge);
        Tally {
            ranks,
            counts,
            weight_sums: sums.0,
        }
    }

    /// Confidence factors: share of value samples where each option with a
    /// nonzero first-rank acceptability is first under its central weights.
    fn confidence_pass(&self, central: &[Vec<f64>], tally: &Tally) -> Vec<f64> {
        let n = self.matrix.n();
        let candidates: Vec<usize> = (0..n).filter(|&i| tally.firsts(i) > 0).collect();
        let mut confidence = vec![0.0; n];
        if candidates.is_empty() || self.samples() == 0 {
            return confidence;
        }
        if self.uncertain.is_empty() {
            // Fixed values: one evaluation decides.
            let mut work = self.work();
            for &i in &candidates {
                self.score(&mut work, &central[i]);
                confidence[i] = f64::from(u8::from(self.is_first(&mut work, i)));
            }
            return confidence;
        }
        let firsts = (0..self.chunks())
            .into_par_iter()
            .fold(
                || vec![0u64; n],
                |mut firsts, c| {
                    if self.cancelled() {
                        return firsts;
                    }
                    let mut rng = self.rng(CONFIDENCE_STREAM + c as u64);
                    let mut work = self.work();
                    for _ in 0..self.chunk_len(c) {
                        self.draw_values(&mut rng, &mut work);
                        for &i in &candidates {
                            self.score(&mut work, &central[i]);
                            if self.is_first(&mut work, i) {
                                firsts[i] += 1;
                            }
                        }
                    }
                    firsts
                },
            )
            .reduce(
                || vec![0u64; n],
                |mut a, b| {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x += y;
                    }
                    a
                },
            );
        for (c, f) in confidence.iter_mut().zip(firsts) {
            *c = f as f64 / self.samples() as f64;
        }
        confidence
    }

    /// Whether option `i` has rank 1 for `work.scores` (same rule as ranking).
    fn is_first(&self, work: &mut Work, i: usize) -> bool {
        let top = work
            .scores
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        // Rank 1 is the tie group headed by the top score (ties do not chain).
        is_tie(top, work.scores[i])
    }
}

/// Inverse CDF of the triangular law on [lo, hi] with mode `mode`.
fn triangular(lo: f64, mode: f64, hi: f64, u: f64) -> f64 {
    let width = hi - lo;
    let split = (mode - lo) / width;
    if u < split {
        lo + (u * width * (mode - lo)).sqrt()
    } else {
        hi - ((1.0 - u) * width * (hi - mode)).sqrt()
    }
}

/// Maps a float to a u64 whose unsigned order is the float's order.
fn order_bits(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

/// Competition ranks of `scores` into `ranks` without allocating.
///
/// Sorts u64 keys (score order bits, best first, with the row index in the
/// lowest `index_bits` bits) instead of indices by comparator: several times
/// faster. Truncating the score's last `index_bits` bits can only misorder
/// scores whose keys share every other bit, which sit next to each other; an
/// insertion pass on the exact scores puts those back in order (linear when
/// nothing is misordered), so the tie groups, which are measured from their
/// highest score, equal [`competition_ranks`]. Beyond 2^20 rows it falls
/// back to [`competition_ranks`].
fn rank_into(scores: &[f64], keys: &mut [u64], ranks: &mut [usize], index_bits: u32) {
    if index_bits > 20 {
        ranks.copy_from_slice(&competition_ranks(scores));
        return;
    }
    let mask = (1u64 << index_bits) - 1;
    for (i, (k, &s)) in keys.iter_mut().zip(scores).enumerate() {
        *k = (!order_bits(s) & !mask) | i as u64;
    }
    keys.sort_unstable();
    let score = |k: u64| scores[(k & mask) as usize];
    for pos in 1..keys.len() {
        let mut j = pos;
        while j > 0 && score(keys[j - 1]) < score(keys[j]) {
            keys.swap(j - 1, j);
            j -= 1;
        }
    }
    ranks_from_order(scores, keys.iter().map(|&k| (k & mask) as usize), ranks);
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    fn packed(scores: &[f64], index_bits: u32) -> Vec<usize> {
        let mut keys = vec![0; scores.len()];
        let mut ranks = vec![0; scores.len()];
        rank_into(scores, &mut keys, &mut ranks, index_bits);
        ranks
    }

    #[test]
    fn packed_ranks_equal_competition_ranks() {
        let scores = [0.5, 0.9, 0.5, 0.1, -0.3, -0.39999999999999986, -0.4, 0.9];
        assert_eq!(packed(&scores, 3), competition_ranks(&scores));
    }

    #[test]
    fn packed_ranks_measure_ties_from_the_true_head() {
        // 0.9 + 2e-10 and 0.9 share their key once 20 low bits are dropped,
        // and the lower one has the smaller index; the third score is tied
        // with 0.9 but not with the true head.
        let top = 0.9 + 2e-10;
        let scores = [0.9, top, top - 1.05e-9];
        assert_eq!(packed(&scores, 20), competition_ranks(&scores));
        assert_eq!(competition_ranks(&scores), vec![1, 1, 3]);
    }

    proptest! {
        #[test]
        fn packed_ranks_equal_competition_ranks_on_chains(
            start in -2.0..2.0f64,
            steps in prop::collection::vec(0usize..5, 1..40),
            bits in 6u32..21,
        ) {
            // Steps of a fraction of the tolerance make long chains of near-ties.
            let mut x = start;
            let scores: Vec<f64> = steps
                .iter()
                .map(|&k| {
                    x -= k as f64 * 0.3e-9;
                    x
                })
                .rev()
                .collect();
            prop_assert_eq!(packed(&scores, bits), competition_ranks(&scores));
        }
    }

    #[test]
    fn triangular_inverse_hits_the_ends_and_the_mode() {
        assert_eq!(triangular(0.0, 0.25, 1.0, 0.0), 0.0);
        assert!((triangular(0.0, 0.25, 1.0, 0.25) - 0.25).abs() < 1e-12);
        assert!((triangular(0.0, 0.25, 1.0, 1.0) - 1.0).abs() < 1e-12);
    }
}
