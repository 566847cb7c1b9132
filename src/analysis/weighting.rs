//! Weight elicitation (design.md §4, issue 8): swing weighting, pairwise
//! comparison (AHP), rank-order centroid, combining stakeholder profiles,
//! and the winner along a path between two profiles. Pure functions; every
//! result is a weight vector normalised to sum 1, in criterion order.

use super::matrix::{DecisionMatrix, normalise};
use super::methods::Method;
use super::sensitivity::{scan_switches, top_with_weights};
use crate::model::{Elicitation, WeightProfile};

/// Largest acceptable consistency ratio (Saaty's 10% rule).
pub const CR_LIMIT: f64 = 0.10;

/// Largest judgement on Saaty's scale (its reciprocal is the smallest).
pub const SAATY_MAX: f64 = 9.0;

/// Saaty's random consistency index for n = 1..=15 (Saaty 1980, Table 1.3
/// extended): the mean CI of random reciprocal matrices.
const RANDOM_INDEX: [f64; 15] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/// Power iteration stops when no weight moves by more than this.
const POWER_TOLERANCE: f64 = 1e-12;

/// Power iteration gives up after this many steps (a positive matrix
/// converges long before).
const POWER_MAX_STEPS: usize = 100_000;

/// Relative tolerance when checking that `a_ji = 1 / a_ij`.
const RECIPROCAL_TOLERANCE: f64 = 1e-9;

/// Why weights could not be elicited.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WeightingError {
    /// Nothing to weigh.
    #[error("there are no criteria to weigh")]
    NoCriteria,
    /// A swing rating outside 0..=100 (or not a number).
    #[error("swing rating {rating} of criterion {criterion} is outside 0-100")]
    RatingOutOfRange {
        /// Criterion index.
        criterion: usize,
        /// The rating given.
        rating: f64,
    },
    /// Every swing is rated 0, or every profile weight is 0.
    #[error("every weight is zero")]
    AllZero,
    /// The pairwise matrix is not square with one row per criterion.
    #[error("the pairwise matrix must be square")]
    NotSquare,
    /// A judgement outside Saaty's 1/9..9 (or not positive and finite).
    #[error("judgement {value} for ({row}, {col}) is outside 1/9 to 9")]
    JudgementOutOfRange {
        /// Row criterion index.
        row: usize,
        /// Column criterion index.
        col: usize,
        /// The judgement given.
        value: f64,
    },
    /// `a_ji` is not `1 / a_ij`, or a diagonal entry is not 1.
    #[error("judgements ({row}, {col}) and ({col}, {row}) are not reciprocal")]
    NotReciprocal {
        /// Row criterion index.
        row: usize,
        /// Column criterion index.
        col: usize,
    },
    /// A pair of criteria was never compared.
    #[error("criteria '{0}' and '{1}' have not been compared")]
    MissingJudgement(String, String),
    /// A judgement or ranking names a criterion that does not exist.
    #[error("unknown criterion '{0}'")]
    UnknownCriterion(String),
    /// A criterion appears twice in a ranking or is compared with itself.
    #[error("criterion '{0}' is listed twice")]
    Duplicate(String),
    /// Profiles or endpoints of different lengths.
    #[error("the weight vectors have different lengths")]
    LengthMismatch,
    /// A combined profile names a profile that does not exist.
    #[error("unknown weight profile '{0}'")]
    UnknownProfile(String),
}

/// Swing weights: `ratings[j]` rates the swing from worst to best on
/// criterion j against the most important swing, rated 100. Ratings must
/// lie in 0..=100; the weights are the ratings divided by their sum (so a
/// top swing rated below 100 only rescales them).
pub fn swing_weights(ratings: &[f64]) -> Result<Vec<f64>, WeightingError> {
    if ratings.is_empty() {
        return Err(WeightingError::NoCriteria);
    }
    for (criterion, &rating) in ratings.iter().enumerate() {
        if !(0.0..=100.0).contains(&rating) {
            return Err(WeightingError::RatingOutOfRange { criterion, rating });
        }
    }
    if ratings.iter().all(|&r| r == 0.0) {
        return Err(WeightingError::AllZero);
    }
    Ok(normalise(ratings))
}

/// The judgement that disagrees most with the derived weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Inconsistency {
    /// Row criterion index i (the judgement says i is `given` times as important as j).
    pub row: usize,
    /// Column criterion index j.
    pub col: usize,
    /// The judgement a_ij.
    pub given: f64,
    /// The ratio w_i / w_j implied by the derived weights.
    pub implied: f64,
    /// |ln(a_ij · w_j / w_i)|: 0 for a judgement in full agreement.
    pub log_error: f64,
}

/// The outcome of a pairwise comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Ahp {
    /// Principal eigenvector, normalised to sum 1.
    pub weights: Vec<f64>,
    /// Principal eigenvalue (n for perfectly consistent judgements).
    pub lambda_max: f64,
    /// Consistency index (λmax − n)/(n − 1).
    pub consistency_index: f64,
    /// Saaty's random index for this n.
    pub random_index: f64,
    /// Consistency ratio CI / RI (0 when n ≤ 2, where RI is 0).
    pub consistency_ratio: f64,
    /// The judgement furthest from the weights (upper triangle), if n ≥ 2.
    pub most_inconsistent: Option<Inconsistency>,
}

impl Ahp {
    /// True when the consistency ratio is above [`CR_LIMIT`].
    pub fn is_inconsistent(&self) -> bool {
        self.consistency_ratio > CR_LIMIT
    }
}

/// Saaty's random index for `n` criteria (1.59, the value for 15, beyond 15).
pub fn random_index(n: usize) -> f64 {
    match n {
        0 => 0.0,
        n => RANDOM_INDEX[(n - 1).min(RANDOM_INDEX.len() - 1)],
    }
}

fn on_saaty_scale(x: f64) -> bool {
    let slack = 1.0 + RECIPROCAL_TOLERANCE;
    x.is_finite() && x * slack >= 1.0 / SAATY_MAX && x <= SAATY_MAX * slack
}

/// AHP weights from a full pairwise matrix: `matrix[i][j]` says how many
/// times as important criterion i is as j (Saaty 1–9 and reciprocals; the
/// diagonal is 1 and `matrix[j][i] = 1 / matrix[i][j]`). The weights are the
/// principal eigenvector found by power iteration to 1e-12.
pub fn ahp(matrix: &[Vec<f64>]) -> Result<Ahp, WeightingError> {
    check_pairwise(matrix)?;
    let n = matrix.len();
    let w = principal_eigenvector(matrix);
    let aw = times(matrix, &w);
    let lambda_max = aw.iter().zip(&w).map(|(a, x)| a / x).sum::<f64>() / n as f64;
    let consistency_index = if n > 1 {
        ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0)
    } else {
        0.0
    };
    let ri = random_index(n);
    let consistency_ratio = if ri > 0.0 {
        consistency_index / ri
    } else {
        0.0
    };
    let most_inconsistent = most_inconsistent(matrix, &w);
    Ok(Ahp {
        weights: w,
        lambda_max,
        consistency_index,
        random_index: ri,
        consistency_ratio,
        most_inconsistent,
    })
}

/// A square matrix, not empty, every judgement on the Saaty scale, and
/// reciprocal (with 1 on the diagonal).
fn check_pairwise(matrix: &[Vec<f64>]) -> Result<(), WeightingError> {
    let n = matrix.len();
    if n == 0 {
        return Err(WeightingError::NoCriteria);
    }
    if matrix.iter().any(|row| row.len() != n) {
        return Err(WeightingError::NotSquare);
    }
    for (row, values) in matrix.iter().enumerate() {
        for (col, &value) in values.iter().enumerate() {
            if !on_saaty_scale(value) {
                return Err(WeightingError::JudgementOutOfRange { row, col, value });
            }
            let product = value * matrix[col][row];
            if (product - 1.0).abs() > RECIPROCAL_TOLERANCE || (row == col && value != 1.0) {
                return Err(WeightingError::NotReciprocal { row, col });
            }
        }
    }
    Ok(())
}

/// `matrix` times `w`.
fn times(matrix: &[Vec<f64>], w: &[f64]) -> Vec<f64> {
    matrix
        .iter()
        .map(|row| row.iter().zip(w).map(|(a, x)| a * x).sum())
        .collect()
}

/// The principal eigenvector, normalised: start from the row geometric
/// means (exact when the judgements are consistent), then iterate
/// w <- A w / sum(A w) to [`POWER_TOLERANCE`].
fn principal_eigenvector(matrix: &[Vec<f64>]) -> Vec<f64> {
    let n = matrix.len();
    let mut w = normalise(
        &matrix
            .iter()
            .map(|row| row.iter().map(|a| a.ln()).sum::<f64>() / n as f64)
            .map(f64::exp)
            .collect::<Vec<_>>(),
    );
    for _ in 0..POWER_MAX_STEPS {
        let next = normalise(&times(matrix, &w));
        let moved = next
            .iter()
            .zip(&w)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        w = next;
        if moved < POWER_TOLERANCE {
            break;
        }
    }
    w
}

/// The judgement farthest (in log ratio) from what the weights imply.
fn most_inconsistent(matrix: &[Vec<f64>], w: &[f64]) -> Option<Inconsistency> {
    let n = matrix.len();
    let mut most_inconsistent: Option<Inconsistency> = None;
    for i in 0..n {
        for j in (i + 1)..n {
            let implied = w[i] / w[j];
            let log_error = (matrix[i][j] / implied).ln().abs();
            if most_inconsistent
                .as_ref()
                .is_none_or(|m| log_error > m.log_error)
            {
                most_inconsistent = Some(Inconsistency {
                    row: i,
                    col: j,
                    given: matrix[i][j],
                    implied,
                    log_error,
                });
            }
        }
    }
    most_inconsistent
}

/// The pairwise matrix of `criteria` (ids) from judgements (a, b, r): "a is
/// r times as important as b", as stored in a profile's elicitation. Each
/// pair must be judged once (either way round).
pub fn pairwise_matrix(
    criteria: &[String],
    judgements: &[(String, String, f64)],
) -> Result<Vec<Vec<f64>>, WeightingError> {
    let n = criteria.len();
    let index = |id: &str| {
        criteria
            .iter()
            .position(|c| c == id)
            .ok_or_else(|| WeightingError::UnknownCriterion(id.to_string()))
    };
    let mut matrix = vec![vec![f64::NAN; n]; n];
    for (i, row) in matrix.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for (a, b, r) in judgements {
        let (i, j) = (index(a)?, index(b)?);
        if i == j || !matrix[i][j].is_nan() {
            return Err(WeightingError::Duplicate(a.clone()));
        }
        if !(*r > 0.0 && on_saaty_scale(*r)) {
            return Err(WeightingError::JudgementOutOfRange {
                row: i,
                col: j,
                value: *r,
            });
        }
        matrix[i][j] = *r;
        matrix[j][i] = 1.0 / r;
    }
    for i in 0..n {
        for j in (i + 1)..n {
            if matrix[i][j].is_nan() {
                return Err(WeightingError::MissingJudgement(
                    criteria[i].clone(),
                    criteria[j].clone(),
                ));
            }
        }
    }
    Ok(matrix)
}

/// Rank-order centroid weights for ranked groups of criterion indices, most
/// important first; criteria in one group are tied and share the mean of
/// the ROC weights of the positions they occupy. With n ranked criteria,
/// position k (1-based) has weight (1/n) Σ_{i=k..n} 1/i. Criteria of
/// `0..m` that appear in no group get weight 0.
pub fn rank_order_centroid(groups: &[Vec<usize>], m: usize) -> Result<Vec<f64>, WeightingError> {
    let n: usize = groups.iter().map(Vec::len).sum();
    if n == 0 {
        return Err(WeightingError::NoCriteria);
    }
    let position_weight = |k: usize| (k..=n).map(|i| 1.0 / i as f64).sum::<f64>() / n as f64;
    let mut out = vec![0.0; m];
    let mut seen = vec![false; m];
    let mut next = 1;
    for group in groups {
        let shared = (next..next + group.len()).map(position_weight).sum::<f64>()
            / group.len().max(1) as f64;
        for &j in group {
            if j >= m {
                return Err(WeightingError::UnknownCriterion(j.to_string()));
            }
            if seen[j] {
                return Err(WeightingError::Duplicate(j.to_string()));
            }
            seen[j] = true;
            out[j] = shared;
        }
        next += group.len();
    }
    Ok(out)
}

/// [`rank_order_centroid`] from ranked groups of criterion ids, as stored in
/// a profile's elicitation; the result is in the order of `criteria`.
pub fn rank_order_centroid_ids(
    criteria: &[String],
    ranking: &[Vec<String>],
) -> Result<Vec<f64>, WeightingError> {
    let groups = ranking
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|id| {
                    criteria
                        .iter()
                        .position(|c| c == id)
                        .ok_or_else(|| WeightingError::UnknownCriterion(id.clone()))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    rank_order_centroid(&groups, criteria.len()).map_err(|e| match e {
        WeightingError::Duplicate(j) => {
            let id = j
                .parse::<usize>()
                .ok()
                .and_then(|j| criteria.get(j))
                .cloned()
                .unwrap_or(j);
            WeightingError::Duplicate(id)
        }
        e => e,
    })
}

/// A profile's raw weights as a vector in the order of `criteria` (ids).
pub fn profile_weights(criteria: &[String], profile: &WeightProfile) -> Vec<f64> {
    criteria.iter().map(|c| profile.weight(c)).collect()
}

/// A profile's weights for `criteria` (ids) as the analysis uses them: in a
/// value tree, each criterion's effective weight (the product of shares
/// from the root down); in a flat scenario, the raw weights as
/// [`profile_weights`] gives them. Callers normalise as before.
pub fn effective_profile_weights(
    scenario: &crate::model::Scenario,
    criteria: &[String],
    profile: &WeightProfile,
) -> Vec<f64> {
    let tree = crate::model::ValueTree::new(scenario);
    if tree.is_flat() {
        return profile_weights(criteria, profile);
    }
    let effective = tree.effective_weights(profile, &[]);
    criteria
        .iter()
        .map(|id| {
            scenario
                .criteria
                .iter()
                .position(|c| &c.id == id)
                .map_or(0.0, |j| effective[j])
        })
        .collect()
}

/// Combines stakeholder weight vectors into one: each is normalised, then
/// averaged per criterion (arithmetic mean, or geometric mean when
/// `geometric`) and the result normalised. Under the geometric mean a
/// criterion that any profile weights 0 gets 0.
pub fn combine(profiles: &[Vec<f64>], geometric: bool) -> Result<Vec<f64>, WeightingError> {
    let Some(first) = profiles.first() else {
        return Err(WeightingError::NoCriteria);
    };
    let m = first.len();
    if profiles.iter().any(|p| p.len() != m) {
        return Err(WeightingError::LengthMismatch);
    }
    let normalised: Vec<Vec<f64>> = profiles.iter().map(|p| normalise(p)).collect();
    if normalised.iter().any(|p| p.iter().sum::<f64>() <= 0.0) {
        return Err(WeightingError::AllZero);
    }
    let k = profiles.len() as f64;
    let mean: Vec<f64> = (0..m)
        .map(|j| {
            if geometric {
                if normalised.iter().any(|p| p[j] <= 0.0) {
                    0.0
                } else {
                    (normalised.iter().map(|p| p[j].ln()).sum::<f64>() / k).exp()
                }
            } else {
                normalised.iter().map(|p| p[j]).sum::<f64>() / k
            }
        })
        .collect();
    if mean.iter().all(|&w| w == 0.0) {
        return Err(WeightingError::AllZero);
    }
    Ok(normalise(&mean))
}

/// Where the winner changes on the way from one profile to another.
#[derive(Debug, Clone, PartialEq)]
pub struct PathSwitch {
    /// Position on the path, 0 = the first profile, 1 = the second.
    pub t: f64,
    /// Alternative id winning just before `t`.
    pub before: String,
    /// Alternative id winning just after `t`.
    pub after: String,
}

/// The winner along the straight path between two weight vectors.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfilePath {
    /// Alternative id winning under the first profile (None: no options).
    pub start: Option<String>,
    /// Alternative id winning under the second profile.
    pub end: Option<String>,
    /// Every change of winner, in increasing t (within 1e-7).
    pub switches: Vec<PathSwitch>,
}

/// The winner as the weights move from `from` to `to` (each normalised):
/// w(t) = (1 − t)·from + t·to for t in [0, 1]. Switch points come from a
/// scan of `steps` intervals (at least 200) refined by bisection.
pub fn path_winners(
    matrix: &DecisionMatrix,
    method: Method,
    from: &[f64],
    to: &[f64],
    steps: usize,
) -> Result<ProfilePath, WeightingError> {
    let m = matrix.m();
    if from.len() != m || to.len() != m {
        return Err(WeightingError::LengthMismatch);
    }
    let (a, b) = (normalise(from), normalise(to));
    let at = |t: f64| -> Vec<f64> {
        a.iter()
            .zip(&b)
            .map(|(x, y)| (1.0 - t) * x + t * y)
            .collect()
    };
    let name = |i: Option<usize>| i.map(|i| matrix.alternatives[i].clone());
    if matrix.n() == 0 {
        return Ok(ProfilePath {
            start: None,
            end: None,
            switches: Vec::new(),
        });
    }
    let switches = scan_switches(matrix, method, at, (0.0, 1.0), steps.max(200))
        .into_iter()
        .map(|(t, before, after)| PathSwitch {
            t,
            before: matrix.alternatives[before].clone(),
            after: matrix.alternatives[after].clone(),
        })
        .collect();
    Ok(ProfilePath {
        start: name(top_with_weights(matrix, method, &a)),
        end: name(top_with_weights(matrix, method, &b)),
        switches,
    })
}

/// Recomputes the weights (normalised, in the order of `criteria`) that a
/// stored elicitation record produces, so that it can be revisited or
/// checked against the profile's weights. `profiles` resolves the ids of a
/// combined profile. None for [`Elicitation::Direct`], which has no inputs.
pub fn weights_from_elicitation(
    criteria: &[String],
    elicitation: &Elicitation,
    profiles: &[WeightProfile],
) -> Option<Result<Vec<f64>, WeightingError>> {
    Some(match elicitation {
        Elicitation::Direct => return None,
        Elicitation::Swing { ratings, .. } => {
            if let Some(id) = ratings.keys().find(|id| !criteria.contains(id)) {
                return Some(Err(WeightingError::UnknownCriterion(id.clone())));
            }
            let ratings: Vec<f64> = criteria
                .iter()
                .map(|c| ratings.get(c).copied().unwrap_or(0.0))
                .collect();
            swing_weights(&ratings)
        }
        Elicitation::Pairwise { judgements } => {
            pairwise_matrix(criteria, judgements).and_then(|m| ahp(&m).map(|a| a.weights))
        }
        Elicitation::RankOrder { ranking } => rank_order_centroid_ids(criteria, ranking),
        Elicitation::Combined {
            profiles: ids,
            geometric,
        } => ids
            .iter()
            .map(|id| {
                profiles
                    .iter()
                    .find(|p| &p.id == id)
                    .map(|p| profile_weights(criteria, p))
                    .ok_or_else(|| WeightingError::UnknownProfile(id.clone()))
            })
            .collect::<Result<Vec<_>, _>>()
            .and_then(|vectors| combine(&vectors, *geometric)),
    })
}
