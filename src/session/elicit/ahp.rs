//! Pairwise comparison (AHP): one Saaty 1–9 judgement per pair of criteria,
//! as a selector step; principal-eigenvector weights and the consistency
//! ratio; recorded as `Elicitation::Pairwise`.

use crate::analysis::weighting::{Ahp, ahp, pairwise_matrix};
use crate::model::{Elicitation, Scenario, WeightProfile};
use crate::session::profiles::with_elicited_weights;

/// Steps either side of "equal" on the selector (Saaty's 2..=9).
pub const STEPS: i32 = 8;

/// The judgements being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct AhpModel {
    /// The profile the weights go to.
    pub profile: String,
    /// Criterion ids in scenario order.
    pub criteria: Vec<String>,
    /// One judgement per pair (i < j, row by row): 0 equal, k > 0 the first
    /// of the pair is k + 1 times as important, k < 0 the second is 1 − k times.
    pub judgements: Vec<i32>,
}

/// The Saaty ratio "a is r times as important as b" of a selector step.
pub fn ratio(step: i32) -> f64 {
    if step >= 0 {
        f64::from(step + 1)
    } else {
        1.0 / f64::from(1 - step)
    }
}

/// The selector step nearest to the ratio `r` (clamped to Saaty's 1/9..9).
pub fn step_of(r: f64) -> i32 {
    if !r.is_finite() || r <= 0.0 {
        return 0;
    }
    if r >= 1.0 {
        (r.round().clamp(1.0, 9.0) as i32) - 1
    } else {
        1 - ((1.0 / r).round().clamp(1.0, 9.0) as i32)
    }
}

impl AhpModel {
    /// The judgements for profile `id`: its recorded judgements when it has
    /// them, else judgements read from the ratios of its current weights.
    pub fn open(s: &Scenario, id: &str) -> Option<Self> {
        let profile = s.profiles.iter().find(|p| p.id == id)?;
        let criteria: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
        let n = criteria.len();
        let mut model = AhpModel {
            profile: id.to_string(),
            criteria,
            judgements: vec![0; n * n.saturating_sub(1) / 2],
        };
        let recorded = match &profile.elicitation {
            Some(Elicitation::Pairwise { judgements }) => Some(judgements),
            _ => None,
        };
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (&model.criteria[i], &model.criteria[j]);
                let r = match recorded {
                    Some(list) => recorded_ratio(list, a, b),
                    None => {
                        let (wa, wb) = (profile.weight(a), profile.weight(b));
                        (wa > 0.0 && wb > 0.0).then(|| wa / wb)
                    }
                };
                let k = model.pair_index(i, j);
                model.judgements[k] = r.map_or(0, step_of);
            }
        }
        Some(model)
    }

    /// True while the scenario's criteria are the ones judged, in order.
    pub fn fits(&self, s: &Scenario) -> bool {
        self.criteria.len() == s.criteria.len()
            && self
                .criteria
                .iter()
                .zip(&s.criteria)
                .all(|(a, c)| *a == c.id)
    }

    /// Index in `judgements` of the pair (i, j), i < j.
    pub fn pair_index(&self, i: usize, j: usize) -> usize {
        let n = self.criteria.len();
        i * n - i * (i + 1) / 2 + (j - i - 1)
    }

    /// The judgements as stored in the file: (a, b, r), a is r times as important as b.
    pub fn triples(&self) -> Vec<(String, String, f64)> {
        let n = self.criteria.len();
        let mut out = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                let r = ratio(self.judgements[self.pair_index(i, j)]);
                out.push((self.criteria[i].clone(), self.criteria[j].clone(), r));
            }
        }
        out
    }

    /// The AHP result of the current judgements.
    pub fn result(&self) -> Option<Ahp> {
        let matrix = pairwise_matrix(&self.criteria, &self.triples()).ok()?;
        ahp(&matrix).ok()
    }

    /// The profile with the eigenvector weights and the judgements
    /// recorded; None when the profile is gone or the criteria changed.
    pub fn weighted_profile(&self, s: &Scenario) -> Option<WeightProfile> {
        if !self.fits(s) {
            return None;
        }
        let result = self.result()?;
        let elicitation = Elicitation::Pairwise {
            judgements: self.triples(),
        };
        with_elicited_weights(s, &self.profile, &result.weights, elicitation)
    }
}

/// The recorded ratio of `a` to `b`, whichever way round it was written.
fn recorded_ratio(list: &[(String, String, f64)], a: &str, b: &str) -> Option<f64> {
    list.iter().find_map(|(x, y, r)| {
        if x == a && y == b {
            Some(*r)
        } else if x == b && y == a && *r > 0.0 {
            Some(1.0 / r)
        } else {
            None
        }
    })
}
