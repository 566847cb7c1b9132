//! Swing weighting: the swings from worst to best on each criterion put in
//! order (most important first), each rated 0–100 against the top swing;
//! the weights are the ratings normalised, recorded as `Elicitation::Swing`.

use crate::analysis::weighting::swing_weights;
use crate::model::{Elicitation, Scenario, WeightProfile};
use crate::session::profiles::with_elicited_weights;

/// The top swing's rating: every other swing is rated against it.
pub const TOP: f64 = 100.0;

/// The inputs of a swing elicitation being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct SwingModel {
    /// The profile the weights go to.
    pub profile: String,
    /// Criterion ids, most important swing first.
    pub order: Vec<String>,
    /// Rating of the swing at each position of `order` (non-increasing; the
    /// first is 100). Ratings belong to positions, so reordering keeps the
    /// ratings in decreasing order.
    pub ratings: Vec<f64>,
}

impl SwingModel {
    /// The inputs for profile `id`: its recorded swing inputs when it has
    /// them, else an order and ratings read from its current weights.
    pub fn open(s: &Scenario, id: &str) -> Option<Self> {
        let profile = s.profiles.iter().find(|p| p.id == id)?;
        let mut rated = match &profile.elicitation {
            Some(Elicitation::Swing { order, ratings }) => order
                .iter()
                .filter(|c| s.criterion(c).is_some())
                .map(|c| (c.clone(), ratings.get(c).copied().unwrap_or(0.0)))
                .collect(),
            _ => ratings_from_weights(s, profile),
        };
        // Criteria added since the recording go last, rated 0.
        for c in &s.criteria {
            if !rated.iter().any(|(id, _)| *id == c.id) {
                rated.push((c.id.clone(), 0.0));
            }
        }
        // Stable: equal ratings keep the scenario's (or recorded) order.
        rated.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut model = SwingModel {
            profile: id.to_string(),
            order: rated.iter().map(|(c, _)| c.clone()).collect(),
            ratings: rated.iter().map(|(_, r)| *r).collect(),
        };
        model.tidy();
        Some(model)
    }

    /// Keeps the ratings valid: the top one 100, each within 0..=100 and no
    /// higher than the one before.
    fn tidy(&mut self) {
        let mut previous = TOP;
        for (k, r) in self.ratings.iter_mut().enumerate() {
            *r = if k == 0 { TOP } else { r.clamp(0.0, previous) };
            previous = *r;
        }
    }

    /// Moves the criterion at position `from` to position `to`; ratings stay
    /// with positions.
    pub fn move_item(&mut self, from: usize, to: usize) {
        if from >= self.order.len() || to >= self.order.len() || from == to {
            return;
        }
        let id = self.order.remove(from);
        self.order.insert(to, id);
    }

    /// Sets the rating at `position`: at most the swing above it; swings
    /// below that were rated higher come down with it.
    pub fn set_rating(&mut self, position: usize, rating: f64) {
        if position == 0 || position >= self.ratings.len() {
            return;
        }
        let r = rating.clamp(0.0, self.ratings[position - 1]);
        self.ratings[position] = r;
        for lower in &mut self.ratings[position + 1..] {
            *lower = lower.min(r);
        }
    }

    /// Rating of each criterion, in the scenario's criterion order.
    fn ratings_by_criterion(&self, s: &Scenario) -> Vec<f64> {
        s.criteria
            .iter()
            .map(|c| {
                self.order
                    .iter()
                    .position(|id| *id == c.id)
                    .map_or(0.0, |k| self.ratings[k])
            })
            .collect()
    }

    /// The weights (scenario criterion order, summing to 1).
    pub fn shares(&self, s: &Scenario) -> Vec<f64> {
        swing_weights(&self.ratings_by_criterion(s)).unwrap_or_default()
    }

    /// The weight of criterion `id` among `shares` (as [`Self::shares`] gives
    /// them); 0 for a criterion not in the scenario.
    pub fn share_of(s: &Scenario, shares: &[f64], id: &str) -> f64 {
        s.criteria
            .iter()
            .position(|c| c.id == id)
            .and_then(|j| shares.get(j))
            .copied()
            .unwrap_or(0.0)
    }

    /// The inputs as the file records them.
    pub fn elicitation(&self) -> Elicitation {
        Elicitation::Swing {
            order: self.order.clone(),
            ratings: self
                .order
                .iter()
                .cloned()
                .zip(self.ratings.iter().copied())
                .collect(),
        }
    }

    /// The profile with these weights and the inputs recorded; None when the
    /// profile is gone.
    pub fn weighted_profile(&self, s: &Scenario) -> Option<WeightProfile> {
        with_elicited_weights(s, &self.profile, &self.shares(s), self.elicitation())
    }
}

/// Ratings read from a profile's weights: the heaviest criterion 100, the
/// others in proportion (rounded), in scenario order.
fn ratings_from_weights(s: &Scenario, profile: &WeightProfile) -> Vec<(String, f64)> {
    let top = s
        .criteria
        .iter()
        .map(|c| profile.weight(&c.id))
        .fold(0.0_f64, f64::max);
    s.criteria
        .iter()
        .map(|c| {
            let w = profile.weight(&c.id);
            let r = if top > 0.0 { TOP * w / top } else { TOP };
            (c.id.clone(), r.round())
        })
        .collect()
}
