//! Value for money (issue 22, design.md §4): each feasible option's cost
//! and value, the efficient frontier, and for options that may be combined
//! the best package at every budget level up to the cap.
//!
//! Definitions.
//! - The cost is a criterion the profile minimises (its raw value) or a
//!   resource (the option's need; a missing need counts as 0).
//! - The value is [`value_scores`]: the wsm score over the criteria other
//!   than the cost, their weights renormalised to sum 1, scaled as wsm scales
//!   (design.md §4, on the feasible options). For a resource every criterion
//!   counts, as in `package`. Value functions, when they come, replace that
//!   one function.
//! - Option i is efficient when no option has cost ≤ i's and value ≥ i's
//!   with one of them strict (exact comparisons: two options with the same
//!   cost and value are both efficient).
//! - For an inefficient option, the *cheaper* alternative is the cheapest
//!   efficient option with at least its value, and the *better* alternative
//!   the efficient option with the most value for at most its cost. Both
//!   exist (an inefficient option has an efficient option that beats it) and
//!   may be the same option.
//! - Packages (resource cost, `combinable: true`): a package's cost and value
//!   are the sums over its options; it must fit every other cap. The package
//!   frontier lists, in increasing cost up to the cost resource's cap, every
//!   package that gives strictly more value than any cheaper one: the best
//!   package at every budget level is the last step at or below it. Exact by
//!   branch and bound for up to [`MAX_OPTIONS`] options with positive value.

use super::evaluate::evaluate_profile;
use super::matrix::DecisionMatrix;
use super::methods::{Method, scores_with_weights};
pub use super::package::MAX_OPTIONS;
use crate::model::{Direction, Scenario, WeightProfile};
use serde::Serialize;
use std::cmp::Ordering;

/// Slack allowed on caps for rounding in sums of needs (as in `package`).
const CAP_EPS: f64 = 1e-9;

/// What the options' cost is read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CostSource {
    /// A criterion the profile minimises.
    Criterion,
    /// A capped resource (the options' needs).
    Resource,
}

/// The cost axis: a criterion or a resource, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    /// Criterion or resource id.
    pub id: String,
    /// Which of the two it is.
    pub source: CostSource,
}

/// Why no value-for-money analysis was run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FrontierError {
    /// No criterion or resource with that id.
    #[error("no criterion or resource with id '{0}'")]
    Unknown(String),
    /// The criterion is maximised, so it is not a cost.
    #[error("criterion '{0}' is maximised: it is not a cost")]
    NotACost(String),
    /// The scenario has neither a minimised criterion nor a resource.
    #[error("nothing to use as a cost")]
    NoCost,
}

/// One feasible option on the value-for-money chart.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionPoint {
    /// Alternative id.
    pub alternative: String,
    /// Its cost.
    pub cost: f64,
    /// Its value ([`value_scores`]).
    pub value: f64,
    /// True when no option beats it (see the module documentation).
    pub efficient: bool,
    /// Inefficient only: the cheapest efficient option with at least its value.
    pub cheaper: Option<String>,
    /// Inefficient only: the efficient option with the most value for at most its cost.
    pub better: Option<String>,
}

/// One step of the package frontier.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageStep {
    /// Alternative ids, in scenario order (empty: nothing chosen).
    pub options: Vec<String>,
    /// Sum of the options' costs.
    pub cost: f64,
    /// Sum of the options' values.
    pub value: f64,
}

/// The package frontier of a cost resource.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageFrontier {
    /// The cost resource's cap.
    pub cap: f64,
    /// Steps in increasing cost and value; the last is what the cap buys.
    pub steps: Vec<PackageStep>,
}

/// Why the package frontier is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPackages {
    /// The scenario does not allow combining options.
    NotCombinable,
    /// The cost is a criterion, which has no cap to spend.
    CostIsCriterion,
    /// More candidate options than the exact search handles.
    TooManyOptions(usize),
}

/// The value-for-money analysis of a scenario under a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueForMoney {
    /// Id of the profile used.
    pub profile: String,
    /// The cost axis.
    pub cost: Cost,
    /// Every feasible option, in scenario order.
    pub options: Vec<OptionPoint>,
    /// Indices into `options` of the efficient ones, in increasing cost
    /// (then decreasing value, then scenario order).
    pub frontier: Vec<usize>,
    /// The package frontier, or why there is none.
    pub packages: Result<PackageFrontier, NoPackages>,
}

/// The cost the GUI and the briefing use when none is named: for a
/// combinable scenario, the first resource in the unit of a minimised
/// criterion (a budget beside a cost criterion), else its first resource;
/// otherwise the first minimised criterion, else the first resource.
pub fn default_cost(scenario: &Scenario) -> Option<Cost> {
    let first_min = scenario
        .criteria
        .iter()
        .find(|c| c.direction == Direction::Minimize);
    let resource = |id: &str| Cost {
        id: id.to_string(),
        source: CostSource::Resource,
    };
    if scenario.combinable && !scenario.resources.is_empty() {
        let same_unit = scenario.resources.iter().find(|r| {
            !r.unit.is_empty()
                && scenario
                    .criteria
                    .iter()
                    .any(|c| c.direction == Direction::Minimize && c.unit == r.unit)
        });
        let r = same_unit.unwrap_or(&scenario.resources[0]);
        return Some(resource(&r.id));
    }
    first_min
        .map(|c| Cost {
            id: c.id.clone(),
            source: CostSource::Criterion,
        })
        .or_else(|| scenario.resources.first().map(|r| resource(&r.id)))
}

/// Resolves a cost id: a criterion (which must be minimised) or a resource.
pub fn resolve_cost(scenario: &Scenario, id: &str) -> Result<Cost, FrontierError> {
    if let Some(c) = scenario.criterion(id) {
        if c.direction == Direction::Maximize {
            return Err(FrontierError::NotACost(id.to_string()));
        }
        return Ok(Cost {
            id: id.to_string(),
            source: CostSource::Criterion,
        });
    }
    if scenario.resources.iter().any(|r| r.id == id) {
        return Ok(Cost {
            id: id.to_string(),
            source: CostSource::Resource,
        });
    }
    Err(FrontierError::Unknown(id.to_string()))
}

/// Every cost a user may pick: minimised criteria, then resources.
pub fn cost_choices(scenario: &Scenario) -> Vec<Cost> {
    let criteria = scenario
        .criteria
        .iter()
        .filter(|c| c.direction == Direction::Minimize)
        .map(|c| Cost {
            id: c.id.clone(),
            source: CostSource::Criterion,
        });
    let resources = scenario.resources.iter().map(|r| Cost {
        id: r.id.clone(),
        source: CostSource::Resource,
    });
    criteria.chain(resources).collect()
}

/// The value of each row of `matrix`: its wsm score over every criterion
/// but `cost_column`, their weights renormalised to sum 1 (all zero when
/// the other criteria weigh nothing). The one place value is defined, so
/// value functions can replace it.
pub fn value_scores(matrix: &DecisionMatrix, cost_column: Option<usize>) -> Vec<f64> {
    let mut weights = matrix.weights.clone();
    if let Some(c) = cost_column
        && c < weights.len()
    {
        weights[c] = 0.0;
    }
    let total: f64 = weights.iter().sum();
    if total > 0.0 {
        weights.iter_mut().for_each(|w| *w /= total);
    }
    scores_with_weights(Method::Wsm, matrix, &weights)
}

/// Indices of the efficient points among `(cost, value)` pairs, in
/// increasing cost, then decreasing value, then index.
pub fn efficient_points(points: &[(f64, f64)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| {
        points[a]
            .0
            .total_cmp(&points[b].0)
            .then(points[b].1.total_cmp(&points[a].1))
            .then(a.cmp(&b))
    });
    let mut efficient = Vec::new();
    // Best value among strictly cheaper points.
    let mut best_cheaper = f64::NEG_INFINITY;
    let mut start = 0;
    while start < order.len() {
        let cost = points[order[start]].0;
        let mut end = start;
        while end < order.len() && points[order[end]].0.total_cmp(&cost) == Ordering::Equal {
            end += 1;
        }
        // The group's best value comes first (sorted by decreasing value).
        let group_best = points[order[start]].1;
        for &i in &order[start..end] {
            let v = points[i].1;
            if v > best_cheaper && v >= group_best {
                efficient.push(i);
            }
        }
        best_cheaper = best_cheaper.max(group_best);
        start = end;
    }
    efficient
}

/// The value-for-money analysis of a validated `scenario` under `profile`.
pub fn value_for_money(scenario: &Scenario, profile: &WeightProfile, cost: &Cost) -> ValueForMoney {
    let evaluation = evaluate_profile(scenario, profile, Method::Wsm);
    let matrix = &evaluation.matrix;
    let cost_column = match cost.source {
        CostSource::Criterion => matrix.criteria.iter().position(|c| *c == cost.id),
        CostSource::Resource => None,
    };
    let values = value_scores(matrix, cost_column);
    let costs: Vec<f64> = (0..matrix.n())
        .map(|i| match cost_column {
            Some(c) => matrix.value(i, c),
            None => need(scenario, &matrix.alternatives[i], &cost.id),
        })
        .collect();
    let points: Vec<(f64, f64)> = costs.iter().copied().zip(values.iter().copied()).collect();
    let frontier = efficient_points(&points);
    let mut options: Vec<OptionPoint> = matrix
        .alternatives
        .iter()
        .zip(&points)
        .map(|(id, &(cost, value))| OptionPoint {
            alternative: id.clone(),
            cost,
            value,
            efficient: false,
            cheaper: None,
            better: None,
        })
        .collect();
    for &k in &frontier {
        options[k].efficient = true;
    }
    for i in 0..options.len() {
        if options[i].efficient {
            continue;
        }
        let (c, v) = points[i];
        // Along the frontier costs increase and values do not decrease.
        let cheaper = frontier[frontier.partition_point(|&k| points[k].1 < v)..]
            .first()
            .copied();
        let last_affordable = frontier.partition_point(|&k| points[k].0 <= c);
        let better = last_affordable.checked_sub(1).map(|mut at| {
            // Among identical points, the first in scenario order.
            while at > 0 && points[frontier[at - 1]] == points[frontier[at]] {
                at -= 1;
            }
            frontier[at]
        });
        options[i].cheaper = cheaper.map(|k| matrix.alternatives[k].clone());
        options[i].better = better.map(|k| matrix.alternatives[k].clone());
    }
    let packages = match cost.source {
        _ if !scenario.combinable => Err(NoPackages::NotCombinable),
        CostSource::Criterion => Err(NoPackages::CostIsCriterion),
        CostSource::Resource => package_frontier_of(scenario, matrix, &values, &cost.id),
    };
    ValueForMoney {
        profile: profile.id.clone(),
        cost: cost.clone(),
        options,
        frontier,
        packages,
    }
}

/// An option's need of a resource (0 when it names none).
fn need(scenario: &Scenario, alternative: &str, resource: &str) -> f64 {
    scenario
        .alternative(alternative)
        .and_then(|a| a.needs.get(resource).copied())
        .unwrap_or(0.0)
}

fn package_frontier_of(
    scenario: &Scenario,
    matrix: &DecisionMatrix,
    values: &[f64],
    cost_id: &str,
) -> Result<PackageFrontier, NoPackages> {
    let candidates: Vec<usize> = (0..matrix.n()).filter(|&i| values[i] > 0.0).collect();
    if candidates.len() > MAX_OPTIONS {
        return Err(NoPackages::TooManyOptions(candidates.len()));
    }
    // Column 0 is the cost resource, then the others.
    let mut resources: Vec<&crate::model::Resource> = Vec::new();
    resources.extend(scenario.resources.iter().filter(|r| r.id == cost_id));
    resources.extend(scenario.resources.iter().filter(|r| r.id != cost_id));
    let caps: Vec<f64> = resources.iter().map(|r| r.cap).collect();
    let needs: Vec<Vec<f64>> = candidates
        .iter()
        .map(|&i| {
            resources
                .iter()
                .map(|r| need(scenario, &matrix.alternatives[i], &r.id))
                .collect()
        })
        .collect();
    let item_values: Vec<f64> = candidates.iter().map(|&i| values[i]).collect();
    let steps = package_frontier(&item_values, &needs, &caps)
        .into_iter()
        .map(|(members, cost, value)| PackageStep {
            options: members
                .iter()
                .map(|&k| matrix.alternatives[candidates[k]].clone())
                .collect(),
            cost,
            value,
        })
        .collect();
    Ok(PackageFrontier {
        cap: caps.first().copied().unwrap_or(0.0),
        steps,
    })
}

/// The package frontier of items with `values`, `needs[item][resource]`
/// and `caps[resource]`, where resource 0 is the cost: every feasible set
/// (all caps) worth strictly more than any set of lower or equal cost, as
/// (members increasing, cost, value) in increasing cost. Starts with the
/// best set of cost 0 (the empty set when nothing is free). At most 64
/// items; `caps` must hold at least the cost resource.
pub fn package_frontier(
    values: &[f64],
    needs: &[Vec<f64>],
    caps: &[f64],
) -> Vec<(Vec<usize>, f64, f64)> {
    let n = values.len().min(64);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    let by_ratio = (0..caps.len())
        .map(|r| {
            let ratio = |p: usize| {
                let k = order[p];
                if needs[k][r] <= 0.0 {
                    f64::INFINITY
                } else {
                    values[k] / needs[k][r]
                }
            };
            let mut positions: Vec<usize> = (0..n).collect();
            positions.sort_by(|&a, &b| ratio(b).total_cmp(&ratio(a)).then(a.cmp(&b)));
            positions
        })
        .collect();
    let mut search = FrontierSearch {
        by_ratio,
        order,
        values,
        needs,
        steps: Vec::new(),
    };
    let mut left = caps.to_vec();
    search.dfs(0, 0, 0.0, 0.0, &mut left);
    search
        .steps
        .into_iter()
        .map(|(cost, value, mask)| {
            let members = (0..n).filter(|k| mask & (1 << k) != 0).collect();
            (members, cost, value)
        })
        .collect()
}

/// The value of the concave piecewise-linear `curve` (breakpoints from
/// (0, 0), increasing) at `x`, held at its end beyond the last breakpoint.
fn at(curve: &[(f64, f64)], x: f64) -> f64 {
    let k = curve.partition_point(|p| p.0 <= x);
    match (k.checked_sub(1).map(|i| curve[i]), curve.get(k)) {
        (Some(a), Some(b)) if b.0 > a.0 => a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0),
        (Some(a), _) => a.1,
        (None, _) => 0.0,
    }
}

struct FrontierSearch<'a> {
    /// Item indices in decreasing value.
    order: Vec<usize>,
    /// Per resource: positions in `order` by decreasing value per unit need
    /// (items needing none first).
    by_ratio: Vec<Vec<usize>>,
    values: &'a [f64],
    needs: &'a [Vec<f64>],
    /// (cost, value, mask) with cost and value strictly increasing.
    steps: Vec<(f64, f64, u64)>,
}

impl FrontierSearch<'_> {
    fn fits(&self, k: usize, left: &[f64]) -> bool {
        self.needs[k]
            .iter()
            .zip(left)
            .all(|(need, room)| *need <= room + CAP_EPS)
    }

    /// Best value of a recorded set costing at most `cost`.
    fn best_within(&self, cost: f64) -> f64 {
        let at = self.steps.partition_point(|s| s.0 <= cost);
        at.checked_sub(1)
            .map_or(f64::NEG_INFINITY, |k| self.steps[k].1)
    }

    fn record(&mut self, cost: f64, value: f64, mask: u64) {
        if self.best_within(cost) >= value {
            return;
        }
        // Drop the steps this set beats: no cheaper, no more valuable.
        self.steps.retain(|s| !(s.0 >= cost && s.1 <= value));
        let at = self.steps.partition_point(|s| s.0 < cost);
        self.steps.insert(at, (cost, value, mask));
    }

    /// The fractional-knapsack bound on resource `r` over the items at
    /// positions `depth..` that still fit one by one: as breakpoints
    /// (extra need, extra value) of a concave, increasing curve from (0, 0).
    fn fractional_curve(&self, r: usize, depth: usize, left: &[f64]) -> Vec<(f64, f64)> {
        let mut curve = vec![(0.0, 0.0)];
        let (mut need, mut value) = (0.0, 0.0);
        for &p in &self.by_ratio[r] {
            let k = self.order[p];
            if p < depth || !self.fits(k, left) {
                continue;
            }
            need += self.needs[k][r];
            value += self.values[k];
            curve.push((need, value));
        }
        curve
    }

    /// True when some completion of a set of `cost` and `value`, with the
    /// items at positions `depth..`, could still beat the recorded steps.
    fn promising(&self, depth: usize, cost: f64, value: f64, left: &[f64]) -> bool {
        let curve = self.fractional_curve(0, depth, left);
        if curve.len() == 1 {
            return false;
        }
        // Every other resource bounds the value its room can take.
        let others = (1..left.len())
            .map(|r| at(&self.fractional_curve(r, depth, left), left[r].max(0.0)))
            .fold(f64::INFINITY, f64::min);
        let gain = |extra: f64| at(&curve, extra).min(others);
        let slack = 1e-9 * value.abs().max(1.0);
        let budget = left.first().copied().unwrap_or(f64::INFINITY).max(0.0);
        // A completion of cost `cost + extra` is new only if it beats the
        // step in force there; on each stretch between steps the best it
        // can reach is the bound at the stretch's end.
        let first = self.steps.partition_point(|s| s.0 <= cost);
        let mut in_force = first
            .checked_sub(1)
            .map_or(f64::NEG_INFINITY, |k| self.steps[k].1);
        for s in &self.steps[first..] {
            let end = (s.0 - cost).min(budget);
            // Strictly before the next step's cost; the bound is monotone,
            // so its value at the step's cost is an upper bound.
            if value + gain(end) + slack > in_force {
                return true;
            }
            if s.0 - cost >= budget {
                return false;
            }
            in_force = s.1;
        }
        value + gain(budget) + slack > in_force
    }

    fn dfs(&mut self, depth: usize, mask: u64, cost: f64, value: f64, left: &mut [f64]) {
        self.record(cost, value, mask);
        if depth == self.order.len() || !self.promising(depth, cost, value, left) {
            return;
        }
        let k = self.order[depth];
        if self.fits(k, left) {
            for (room, need) in left.iter_mut().zip(&self.needs[k]) {
                *room -= need;
            }
            let added = self.needs[k].first().copied().unwrap_or(0.0);
            self.dfs(
                depth + 1,
                mask | (1 << k),
                cost + added,
                value + self.values[k],
                left,
            );
            for (room, need) in left.iter_mut().zip(&self.needs[k]) {
                *room += need;
            }
        }
        self.dfs(depth + 1, mask, cost, value, left);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tie_in_cost_keeps_only_the_better_value() {
        let points = [(1.0, 0.5), (1.0, 0.7), (2.0, 0.7), (3.0, 0.9), (3.0, 0.9)];
        assert_eq!(efficient_points(&points), vec![1, 3, 4]);
    }

    #[test]
    fn the_frontier_of_one_cap_is_the_knapsack_at_each_budget() {
        // Cost cap 10: {0} costs 9 for 0.9, {1,2} costs 10 for 1.1, {2} 5 for 0.6.
        let steps = package_frontier(
            &[0.9, 0.5, 0.6],
            &[vec![9.0], vec![5.0], vec![5.0]],
            &[10.0],
        );
        let points: Vec<(Vec<usize>, f64)> = steps.iter().map(|s| (s.0.clone(), s.1)).collect();
        assert_eq!(
            points,
            vec![
                (vec![], 0.0),
                (vec![2], 5.0),
                (vec![0], 9.0),
                (vec![1, 2], 10.0)
            ]
        );
    }
}
