//! The numeric view of a scenario that the methods work on.

use crate::model::{
    Direction, Preference, Scale, Scenario, ScenarioIndex, ValueFunction, ValueTree, WeightProfile,
};
use std::borrow::Cow;

/// Options × criteria values with directions, scales and normalised weights.
/// Rows are the options that survived feasibility, in scenario order.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMatrix {
    /// Alternative ids, one per row.
    pub alternatives: Vec<String>,
    /// Criterion ids, one per column.
    pub criteria: Vec<String>,
    /// Direction per criterion.
    pub directions: Vec<Direction>,
    /// Fixed scale per criterion (None: the data's range).
    pub scales: Vec<Option<Scale>>,
    /// PROMETHEE preference function per criterion.
    pub preferences: Vec<Preference>,
    /// Effective weights from the value tree (the product of each node's
    /// share among its siblings, root down), summing to 1 over the columns
    /// (all zero only if the profile's are). For a flat scenario, the
    /// profile's weights normalised.
    pub weights: Vec<f64>,
    /// Value function per criterion, used by wsm only (see [`DecisionMatrix::wsm_view`]).
    pub value_functions: Vec<Option<ValueFunction>>,
    /// Best-estimate values, row-major (`values[i * m + j]`).
    pub values: Vec<f64>,
    /// Low end of each value's uncertainty range (equals the value when none).
    pub lows: Vec<f64>,
    /// High end of each value's uncertainty range (equals the value when none).
    pub highs: Vec<f64>,
}

pub use crate::model::normalise;

impl DecisionMatrix {
    /// A synthetic `n` × `m` matrix for tests and benches: options `a0…`,
    /// criteria `c0…` maximised when even and minimised when odd, no fixed
    /// scales, no uncertainty (lows = highs = values, row-major).
    #[doc(hidden)]
    pub fn synthetic(
        n: usize,
        m: usize,
        values: Vec<f64>,
        weights: Vec<f64>,
        preferences: Vec<Preference>,
    ) -> Self {
        DecisionMatrix {
            alternatives: (0..n).map(|i| format!("a{i}")).collect(),
            criteria: (0..m).map(|j| format!("c{j}")).collect(),
            directions: (0..m)
                .map(|j| {
                    if j % 2 == 0 {
                        Direction::Maximize
                    } else {
                        Direction::Minimize
                    }
                })
                .collect(),
            scales: vec![None; m],
            preferences,
            weights,
            value_functions: vec![None; m],
            lows: values.clone(),
            highs: values.clone(),
            values,
        }
    }

    /// Builds the matrix of `alternatives` (ids, in this order) under `profile`.
    /// Missing scores read as NaN; validate the scenario first.
    /// Criteria nobody has scored yet are left out (see
    /// [`Scenario::unscored_criteria`]).
    pub fn build(scenario: &Scenario, profile: &WeightProfile, alternatives: &[String]) -> Self {
        Self::build_indexed(&ScenarioIndex::new(scenario), profile, alternatives)
    }

    /// [`DecisionMatrix::build`] from an index already built, in time
    /// linear in the number of cells. A criterion nobody has scored yet is
    /// left out (its column would be all missing).
    pub fn build_indexed(
        index: &ScenarioIndex<'_>,
        profile: &WeightProfile,
        alternatives: &[String],
    ) -> Self {
        let scenario = index.scenario();
        let columns: Vec<usize> = (0..scenario.criteria.len())
            .filter(|&j| index.criterion_is_scored(j))
            .collect();
        let criteria: Vec<&crate::model::Criterion> =
            columns.iter().map(|&j| &scenario.criteria[j]).collect();
        let m = criteria.len();
        let mut values = Vec::with_capacity(alternatives.len() * m);
        let mut lows = Vec::with_capacity(alternatives.len() * m);
        let mut highs = Vec::with_capacity(alternatives.len() * m);
        for a in alternatives {
            let row = index.alternative_index(a);
            for &j in &columns {
                let s = row.and_then(|i| index.score_at(i, j));
                let v = s.map_or(f64::NAN, |s| s.value);
                values.push(v);
                lows.push(s.and_then(|s| s.low).unwrap_or(v));
                highs.push(s.and_then(|s| s.high).unwrap_or(v));
            }
        }
        let included: Vec<bool> = (0..scenario.criteria.len())
            .map(|j| index.criterion_is_scored(j))
            .collect();
        // Excluded columns get 0 and the rest already sum to 1: no second
        // normalisation (for a flat scenario these are the normalised raw
        // weights bit for bit).
        let effective = ValueTree::new(scenario).effective_weights(profile, &included);
        DecisionMatrix {
            alternatives: alternatives.to_vec(),
            criteria: criteria.iter().map(|c| c.id.clone()).collect(),
            directions: criteria.iter().map(|c| c.direction).collect(),
            scales: criteria.iter().map(|c| c.scale).collect(),
            preferences: criteria.iter().map(|c| c.preference).collect(),
            weights: columns.iter().map(|&j| effective[j]).collect(),
            value_functions: criteria.iter().map(|c| c.value_function.clone()).collect(),
            values,
            lows,
            highs,
        }
    }

    /// The matrix wsm scores: each column with a value function holds
    /// `value(x) / 100` (for its lows and highs too, kept in order), to be
    /// maximised on the fixed scale 0..1, so the linear scaling of the wsm
    /// kernel leaves it unchanged. Borrowed as is when no column has one.
    /// TOPSIS and PROMETHEE II use the raw values.
    pub fn wsm_view(&self) -> Cow<'_, DecisionMatrix> {
        if self.value_functions.iter().all(Option::is_none) {
            return Cow::Borrowed(self);
        }
        let mut view = self.clone();
        let m = self.m();
        for (j, vf) in self.value_functions.iter().enumerate() {
            let Some(vf) = vf else { continue };
            view.directions[j] = Direction::Maximize;
            view.scales[j] = Some(Scale {
                worst: 0.0,
                best: 1.0,
            });
            for k in (j..self.values.len()).step_by(m.max(1)) {
                let (a, b) = (
                    vf.value(self.lows[k]) / 100.0,
                    vf.value(self.highs[k]) / 100.0,
                );
                view.values[k] = vf.value(self.values[k]) / 100.0;
                view.lows[k] = a.min(b);
                view.highs[k] = a.max(b);
            }
        }
        view.value_functions = vec![None; m];
        Cow::Owned(view)
    }

    /// Number of options (rows).
    pub fn n(&self) -> usize {
        self.alternatives.len()
    }

    /// Number of criteria (columns).
    pub fn m(&self) -> usize {
        self.criteria.len()
    }

    /// Value of option `i` on criterion `j`.
    pub fn value(&self, i: usize, j: usize) -> f64 {
        self.values[i * self.m() + j]
    }

    /// Column `j` as a vector.
    pub fn column(&self, j: usize) -> Vec<f64> {
        (0..self.n()).map(|i| self.value(i, j)).collect()
    }

    /// The (lo, hi) used to scale criterion `j` for wsm: the fixed scale's
    /// range if set, else the column's min and max.
    pub fn scaling_range(&self, j: usize) -> (f64, f64) {
        match self.scales[j] {
            Some(s) => (s.worst.min(s.best), s.worst.max(s.best)),
            None => {
                let col = self.column(j);
                let lo = col.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                (lo, hi)
            }
        }
    }
}
