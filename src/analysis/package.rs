//! Packages: the sets of options that, taken together, give the largest
//! total weighted value within every resource cap (issue 12, item 4).
//!
//! Definitions.
//! - The value of an option is its wsm score under the profile (design.md
//!   §4, scaled on the feasible options); a package's value is the sum of its
//!   options' values. This treats the options' contributions as additive,
//!   which is what the weighted sum already assumes across criteria.
//! - A package is feasible when, for every resource, the options' needs add
//!   up to no more than the cap (a missing need counts as 0).
//! - Only feasible options with a positive value are considered (one scoring
//!   0 adds nothing), and only maximal packages are listed: a package that
//!   could still take one more option within every cap is beaten by the
//!   package with it, so it is not a meaningful runner-up.
//! - A cap binds a package when some option left out would not fit within
//!   what the package leaves of it: it is (one of) what keeps the option
//!   out. A package that holds every candidate has no binding cap.
//!
//! Method: depth-first branch and bound over the options in decreasing value,
//! keeping the best `top` packages; a branch is cut when its bound (the
//! smaller of: the value of the remaining options that still fit one by one,
//! and for each resource the fractional-knapsack bound) cannot beat the
//! `top`-th package found so far. Exact; up to [`MAX_OPTIONS`] options.

use super::evaluate::evaluate_indexed;
use super::methods::Method;
use crate::model::{Scenario, ScenarioIndex, WeightProfile};
use std::collections::HashMap;

/// Most options the exact search accepts.
pub const MAX_OPTIONS: usize = 30;

/// Slack allowed on caps for rounding in sums of needs.
const CAP_EPS: f64 = 1e-9;

/// Why no package search was run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PackageError {
    /// The scenario does not allow options to be combined.
    #[error("the options of this scenario cannot be combined")]
    NotCombinable,
    /// Too many candidate options for the exact search.
    #[error("{options} options to combine; the exact search handles at most {max}")]
    TooManyOptions {
        /// Candidate options.
        options: usize,
        /// The limit.
        max: usize,
    },
}

/// One set of options chosen by index (indices into the solver's input).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Chosen items, increasing.
    pub members: Vec<usize>,
    /// Sum of their values.
    pub value: f64,
}

/// A package of options, as reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    /// Alternative ids, in scenario order.
    pub options: Vec<String>,
    /// Total weighted value (sum of the options' wsm scores).
    pub value: f64,
    /// What the package uses of each resource, in scenario resource order.
    pub used: Vec<f64>,
    /// Ids of the caps that bind (see the module documentation).
    pub binding: Vec<String>,
    /// Each candidate option left out, with the ids of the caps it would exceed.
    pub left_out: Vec<(String, Vec<String>)>,
}

/// The best packages of a scenario under a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageResult {
    /// Id of the profile used.
    pub profile: String,
    /// Each candidate option's value (feasible options, scenario order).
    pub values: Vec<(String, f64)>,
    /// Best first; at most `top`.
    pub packages: Vec<Package>,
}

/// The best `top` packages of `scenario` under `profile` (validated scenario).
pub fn best_packages(
    scenario: &Scenario,
    profile: &WeightProfile,
    top: usize,
) -> Result<PackageResult, PackageError> {
    if !scenario.combinable {
        return Err(PackageError::NotCombinable);
    }
    let index = ScenarioIndex::new(scenario);
    let values = option_values(&index, profile);
    let candidates: Vec<&(String, f64)> = values.iter().filter(|(_, v)| *v > 0.0).collect();
    if candidates.len() > MAX_OPTIONS {
        return Err(PackageError::TooManyOptions {
            options: candidates.len(),
            max: MAX_OPTIONS,
        });
    }
    let caps: Vec<f64> = scenario.resources.iter().map(|r| r.cap).collect();
    let needs = candidate_needs(scenario, &index, &candidates);
    let item_values: Vec<f64> = candidates.iter().map(|(_, v)| *v).collect();
    let packages = solve(&item_values, &needs, &caps, top)
        .into_iter()
        .map(|choice| package(scenario, &choice, &candidates, &needs, &caps))
        .collect();
    Ok(PackageResult {
        profile: profile.id.clone(),
        values,
        packages,
    })
}

/// Each feasible option's wsm score under `profile` (0 for one left unranked).
fn option_values(index: &ScenarioIndex<'_>, profile: &WeightProfile) -> Vec<(String, f64)> {
    let evaluation = evaluate_indexed(index, profile, Method::Wsm);
    let scores: HashMap<&str, f64> = evaluation
        .ranking
        .iter()
        .map(|r| (r.alternative.as_str(), r.score))
        .collect();
    evaluation
        .matrix
        .alternatives
        .iter()
        .map(|id| (id.clone(), scores.get(id.as_str()).copied().unwrap_or(0.0)))
        .collect()
}

/// What each candidate needs of each resource (0 when it names none).
fn candidate_needs(
    scenario: &Scenario,
    index: &ScenarioIndex<'_>,
    candidates: &[&(String, f64)],
) -> Vec<Vec<f64>> {
    candidates
        .iter()
        .map(|(id, _)| {
            let alternative = index.alternative(id);
            scenario
                .resources
                .iter()
                .map(|r| {
                    alternative
                        .and_then(|a| a.needs.get(&r.id).copied())
                        .unwrap_or(0.0)
                })
                .collect()
        })
        .collect()
}

/// A chosen set as the result states it: its options, value, resource use,
/// the caps it reaches, and each option left out with the caps it would break.
fn package(
    scenario: &Scenario,
    choice: &Choice,
    candidates: &[&(String, f64)],
    needs: &[Vec<f64>],
    caps: &[f64],
) -> Package {
    let used = usage(&choice.members, needs, caps.len());
    let binding = binding_caps(&choice.members, needs, caps)
        .into_iter()
        .map(|r| scenario.resources[r].id.clone())
        .collect();
    let left_out = (0..candidates.len())
        .filter(|k| !choice.members.contains(k))
        .map(|k| {
            let over = (0..caps.len())
                .filter(|&r| used[r] + needs[k][r] > caps[r] + CAP_EPS)
                .map(|r| scenario.resources[r].id.clone())
                .collect();
            (candidates[k].0.clone(), over)
        })
        .collect();
    Package {
        left_out,
        options: choice
            .members
            .iter()
            .map(|&k| candidates[k].0.clone())
            .collect(),
        value: choice.value,
        used,
        binding,
    }
}

/// Resource use of a set of items.
pub fn usage(members: &[usize], needs: &[Vec<f64>], resources: usize) -> Vec<f64> {
    (0..resources)
        .map(|r| members.iter().map(|&k| needs[k][r]).sum())
        .collect()
}

/// Indices of the caps that some left-out item would exceed if added to `members`.
pub fn binding_caps(members: &[usize], needs: &[Vec<f64>], caps: &[f64]) -> Vec<usize> {
    let used = usage(members, needs, caps.len());
    (0..caps.len())
        .filter(|&r| {
            (0..needs.len())
                .any(|k| !members.contains(&k) && used[r] + needs[k][r] > caps[r] + CAP_EPS)
        })
        .collect()
}

/// True when `members` fits every cap.
pub fn fits_caps(members: &[usize], needs: &[Vec<f64>], caps: &[f64]) -> bool {
    usage(members, needs, caps.len())
        .iter()
        .zip(caps)
        .all(|(u, c)| *u <= c + CAP_EPS)
}

/// True when no left-out item fits in what `members` leaves of the caps.
pub fn is_maximal(members: &[usize], needs: &[Vec<f64>], caps: &[f64]) -> bool {
    let used = usage(members, needs, caps.len());
    (0..needs.len()).all(|k| {
        members.contains(&k) || (0..caps.len()).any(|r| used[r] + needs[k][r] > caps[r] + CAP_EPS)
    })
}

struct Search<'a> {
    /// Item indices in decreasing value.
    order: Vec<usize>,
    values: &'a [f64],
    needs: &'a [Vec<f64>],
    /// Per resource: positions in `order`, by decreasing value per unit need.
    by_ratio: Vec<Vec<usize>>,
    top: usize,
    /// Best packages so far: (value, bitmask over items), best first.
    best: Vec<(f64, u64)>,
}

/// The best `top` maximal packages of items with `values` (all positive),
/// `needs[item][resource]` and `caps[resource]`; best first, ties in
/// increasing order of their member lists. Items must each fit alone.
/// At most 64 items.
pub fn solve(values: &[f64], needs: &[Vec<f64>], caps: &[f64], top: usize) -> Vec<Choice> {
    let n = values.len().min(64);
    if n == 0 || top == 0 {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    let by_ratio = (0..caps.len())
        .map(|r| {
            let mut pos: Vec<usize> = (0..n).collect();
            let ratio = |p: usize| {
                let k = order[p];
                if needs[k][r] <= 0.0 {
                    f64::INFINITY
                } else {
                    values[k] / needs[k][r]
                }
            };
            pos.sort_by(|&a, &b| ratio(b).total_cmp(&ratio(a)));
            pos
        })
        .collect();
    let mut search = Search {
        order,
        values,
        needs,
        by_ratio,
        top,
        best: Vec::new(),
    };
    let mut left: Vec<f64> = caps.to_vec();
    search.dfs(0, 0, 0.0, &mut left);
    let mut choices: Vec<Choice> = search
        .best
        .iter()
        .map(|&(value, mask)| Choice {
            members: (0..n).filter(|k| mask & (1 << k) != 0).collect(),
            value,
        })
        .collect();
    choices.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.members.cmp(&b.members)));
    choices
}

impl Search<'_> {
    fn fits(&self, k: usize, left: &[f64]) -> bool {
        self.needs[k]
            .iter()
            .zip(left)
            .all(|(need, room)| *need <= room + CAP_EPS)
    }

    fn threshold(&self) -> f64 {
        if self.best.len() < self.top {
            f64::NEG_INFINITY
        } else {
            self.best.last().map_or(f64::NEG_INFINITY, |b| b.0)
        }
    }

    /// Upper bound on what items at positions `depth..` can add.
    fn bound(&self, depth: usize, left: &[f64]) -> f64 {
        let fitting: f64 = self.order[depth..]
            .iter()
            .filter(|&&k| self.fits(k, left))
            .map(|&k| self.values[k])
            .sum();
        let mut bound = fitting;
        for (r, positions) in self.by_ratio.iter().enumerate() {
            let mut room = left[r].max(0.0);
            let mut total = 0.0;
            for &p in positions {
                if p < depth {
                    continue;
                }
                let k = self.order[p];
                let need = self.needs[k][r];
                if need <= room + CAP_EPS {
                    total += self.values[k];
                    room -= need.min(room);
                } else {
                    total += self.values[k] * room / need;
                    break;
                }
            }
            bound = bound.min(total);
        }
        bound
    }

    fn dfs(&mut self, depth: usize, mask: u64, value: f64, left: &mut [f64]) {
        if depth == self.order.len() {
            self.record(mask, value, left);
            return;
        }
        // Keep ties with the current threshold: equal-valued packages are
        // all candidates, and the final sort orders them.
        let slack = 1e-9 * value.abs().max(1.0);
        if value + self.bound(depth, left) + slack < self.threshold() {
            return;
        }
        let k = self.order[depth];
        if self.fits(k, left) {
            for (room, need) in left.iter_mut().zip(&self.needs[k]) {
                *room -= need;
            }
            self.dfs(depth + 1, mask | (1 << k), value + self.values[k], left);
            for (room, need) in left.iter_mut().zip(&self.needs[k]) {
                *room += need;
            }
        }
        self.dfs(depth + 1, mask, value, left);
    }

    fn record(&mut self, mask: u64, value: f64, left: &[f64]) {
        // Only maximal packages: no left-out item fits any more.
        if (0..self.order.len()).any(|k| mask & (1 << k) == 0 && self.fits(k, left)) {
            return;
        }
        if self.best.len() == self.top && value < self.threshold() {
            return;
        }
        let at = self.best.partition_point(|b| b.0 >= value);
        self.best.insert(at, (value, mask));
        self.best.truncate(self.top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_cap_picks_the_best_pair() {
        // Cap 10: {0} alone (needs 9) or {1, 2} (5 + 5).
        let values = [0.9, 0.5, 0.6];
        let needs = vec![vec![9.0], vec![5.0], vec![5.0]];
        let best = solve(&values, &needs, &[10.0], 3);
        assert_eq!(best[0].members, vec![1, 2]);
        assert!((best[0].value - 1.1).abs() < 1e-12);
        assert_eq!(best[1].members, vec![0]);
        assert_eq!(best.len(), 2, "non-maximal sets are not listed");
    }

    #[test]
    fn the_cap_that_keeps_an_option_out_binds() {
        let needs = vec![vec![5.0, 1.0], vec![6.0, 1.0]];
        assert_eq!(binding_caps(&[0], &needs, &[10.0, 10.0]), vec![0]);
        assert_eq!(binding_caps(&[0], &needs, &[10.0, 1.5]), vec![0, 1]);
        assert!(binding_caps(&[0, 1], &needs, &[11.0, 10.0]).is_empty());
    }

    #[test]
    fn no_caps_take_everything() {
        let best = solve(&[0.2, 0.3], &[vec![], vec![]], &[], 5);
        assert_eq!(best.len(), 1);
        assert_eq!(best[0].members, vec![0, 1]);
    }
}
