//! Rank-order weighting: the criteria ranked (ties allowed: equal ranks),
//! rank-order-centroid weights, recorded as `Elicitation::RankOrder`.

use crate::analysis::weighting::rank_order_centroid;
use crate::model::{Elicitation, Scenario, WeightProfile};
use crate::session::profiles::with_elicited_weights;

/// A ranking of the criteria being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct RankModel {
    /// The profile the weights go to.
    pub profile: String,
    /// Criterion ids in scenario order.
    pub criteria: Vec<String>,
    /// Rank of each criterion (1 = most important; equal ranks are ties).
    pub ranks: Vec<usize>,
}

impl RankModel {
    /// The ranking for profile `id`: its recorded ranking when it has one,
    /// else the ranking of its current weights (equal weights tie).
    pub fn open(s: &Scenario, id: &str) -> Option<Self> {
        let profile = s.profiles.iter().find(|p| p.id == id)?;
        let criteria: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
        let ranks = match &profile.elicitation {
            Some(Elicitation::RankOrder { ranking }) => {
                let last = ranking.len() + 1;
                criteria
                    .iter()
                    .map(|c| {
                        ranking
                            .iter()
                            .position(|g| g.contains(c))
                            .map_or(last, |k| k + 1)
                    })
                    .collect()
            }
            _ => {
                let w: Vec<f64> = criteria.iter().map(|c| profile.weight(c)).collect();
                crate::analysis::competition_ranks(&w)
            }
        };
        Some(RankModel {
            profile: id.to_string(),
            criteria,
            ranks,
        })
    }

    /// True while the scenario still has this ranking's criteria count.
    pub fn fits(&self, s: &Scenario) -> bool {
        self.criteria.len() == s.criteria.len()
    }

    /// Ranked groups of criterion indices, most important first.
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let mut distinct: Vec<usize> = self.ranks.clone();
        distinct.sort_unstable();
        distinct.dedup();
        distinct
            .into_iter()
            .map(|r| {
                (0..self.ranks.len())
                    .filter(|&j| self.ranks[j] == r)
                    .collect()
            })
            .collect()
    }

    /// The ROC weights, in criterion order.
    pub fn shares(&self) -> Vec<f64> {
        rank_order_centroid(&self.groups(), self.criteria.len()).unwrap_or_default()
    }

    /// The ranking as the file records it: groups of criterion ids.
    pub fn elicitation(&self) -> Elicitation {
        let ranking = self
            .groups()
            .into_iter()
            .map(|g| g.into_iter().map(|j| self.criteria[j].clone()).collect())
            .collect();
        Elicitation::RankOrder { ranking }
    }

    /// The profile with the ROC weights and the ranking recorded; None when
    /// the profile is gone or the criteria changed.
    pub fn weighted_profile(&self, s: &Scenario) -> Option<WeightProfile> {
        if !self.fits(s) {
            return None;
        }
        with_elicited_weights(s, &self.profile, &self.shares(), self.elicitation())
    }
}
