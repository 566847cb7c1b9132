//! The weighting dialogs' models (`session::elicit`) against their
//! definitions, without the GUI: swing ratings stay a non-increasing
//! sequence from 100 whatever the user does, and the weights are the
//! ratings over their sum; rank-order weights are the rank-order centroid
//! (ties share their places' weights); pairwise judgements read from
//! weights whose ratios are Saaty steps give those weights back, with no
//! inconsistency; and each reopens from what it recorded.

use crate::session_profiles::flat_scenario;
use proptest::prelude::*;
use tradeoff::model::{Direction, Scenario};
use tradeoff::session::elicit::ahp::{AhpModel, STEPS, ratio, step_of};
use tradeoff::session::elicit::rank::RankModel;
use tradeoff::session::elicit::swing::{SwingModel, TOP};

fn scenario(weights: &[f64]) -> Scenario {
    let m = weights.len();
    flat_scenario(
        &vec![Direction::Maximize; m],
        &[vec![1.0; m], vec![2.0; m]],
        &[weights.to_vec()],
    )
}

/// The scenario with profile p0 replaced by `profile`.
fn with_profile(s: &Scenario, profile: tradeoff::model::WeightProfile) -> Scenario {
    let mut s = s.clone();
    s.profiles[0] = profile;
    s
}

/// What a user can do to the swing rows.
#[derive(Debug, Clone)]
enum SwingAction {
    Rate(usize, f64),
    Move(usize, usize),
}

fn swing_actions(m: usize) -> impl Strategy<Value = Vec<SwingAction>> {
    prop::collection::vec(
        prop_oneof![
            (0..m + 1, -20.0..140.0f64).prop_map(|(k, r)| SwingAction::Rate(k, r)),
            (0..m + 1, 0..m + 1).prop_map(|(a, b)| SwingAction::Move(a, b)),
        ],
        0..12,
    )
}

fn case() -> impl Strategy<Value = (Vec<f64>, Vec<SwingAction>)> {
    (2usize..7).prop_flat_map(|m| (prop::collection::vec(0.0..5.0f64, m), swing_actions(m)))
}

proptest! {
    #[test]
    fn session_swing_ratings_stay_ordered_and_weights_are_their_shares(
        (weights, actions) in case(),
    ) {
        let s = scenario(&weights);
        let mut model = SwingModel::open(&s, "p0").expect("profile");
        for action in actions {
            match action {
                SwingAction::Rate(k, r) => model.set_rating(k, r),
                SwingAction::Move(a, b) => model.move_item(a, b),
            }
            prop_assert_eq!(model.ratings[0], TOP);
            for pair in model.ratings.windows(2) {
                prop_assert!(pair[1] <= pair[0] && pair[1] >= 0.0, "{:?}", model.ratings);
            }
            let mut sorted = model.order.clone();
            sorted.sort();
            let mut ids: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
            ids.sort();
            prop_assert_eq!(sorted, ids, "every criterion once");
        }
        let total: f64 = model.ratings.iter().sum();
        let shares = model.shares(&s);
        for (k, id) in model.order.iter().enumerate() {
            let j = s.criteria.iter().position(|c| c.id == *id).expect("criterion");
            prop_assert!((shares[j] - model.ratings[k] / total).abs() < 1e-12);
            prop_assert_eq!(SwingModel::share_of(&s, &shares, id), shares[j]);
        }
        // Applying then reopening gives back the same inputs.
        let applied = with_profile(&s, model.weighted_profile(&s).expect("profile"));
        let again = SwingModel::open(&applied, "p0").expect("profile");
        prop_assert_eq!(&again.ratings, &model.ratings);
        // Equal ratings may come back in either recorded order; the ranks do not change.
        for (k, id) in again.order.iter().enumerate() {
            let was = model.order.iter().position(|x| x == id).expect("same criteria");
            prop_assert_eq!(model.ratings[was], again.ratings[k]);
        }
    }

    #[test]
    fn session_swing_opens_from_weights_heaviest_first_rated_in_proportion(
        weights in prop::collection::vec(0.01..5.0f64, 2..7),
    ) {
        let s = scenario(&weights);
        let model = SwingModel::open(&s, "p0").expect("profile");
        let top = weights.iter().copied().fold(0.0, f64::max);
        for (k, id) in model.order.iter().enumerate() {
            let j = s.criteria.iter().position(|c| c.id == *id).expect("criterion");
            let want = if k == 0 { TOP } else { (TOP * weights[j] / top).round() };
            prop_assert_eq!(model.ratings[k], want);
        }
    }

    #[test]
    fn session_rank_weights_are_the_rank_order_centroid_with_shared_ties(
        ranks in prop::collection::vec(1usize..5, 2..7),
    ) {
        let m = ranks.len();
        let s = scenario(&vec![1.0; m]);
        let mut model = RankModel::open(&s, "p0").expect("profile");
        prop_assert_eq!(&model.ranks, &vec![1; m], "equal weights tie");
        model.ranks = ranks.clone();
        // Places 1..=m in rank order; place p weighs (1/m) Σ_{i=p}^{m} 1/i;
        // a tie shares the mean weight of the places it takes.
        let place_weight = |p: usize| (p..=m).map(|i| 1.0 / i as f64).sum::<f64>() / m as f64;
        let shares = model.shares();
        for j in 0..m {
            let before = ranks.iter().filter(|&&r| r < ranks[j]).count();
            let tied = ranks.iter().filter(|&&r| r == ranks[j]).count();
            let want = (before + 1..=before + tied).map(place_weight).sum::<f64>() / tied as f64;
            prop_assert!((shares[j] - want).abs() < 1e-12, "{:?}: {:?}", ranks, shares);
        }
        let applied = with_profile(&s, model.weighted_profile(&s).expect("profile"));
        let again = RankModel::open(&applied, "p0").expect("profile");
        // Reopened ranks are the groups' positions: the same order and ties.
        for i in 0..m {
            for j in 0..m {
                prop_assert_eq!(ranks[i].cmp(&ranks[j]), again.ranks[i].cmp(&again.ranks[j]));
            }
        }
    }

    #[test]
    fn session_pairwise_judgements_from_saaty_ratios_give_the_weights_back(
        powers in prop::collection::vec(0u32..4, 2..7),
    ) {
        // Weights 1, 2, 4, 8: every ratio between two of them is a Saaty step.
        let weights: Vec<f64> = powers.iter().map(|&p| f64::from(2u32.pow(p))).collect();
        let s = scenario(&weights);
        let model = AhpModel::open(&s, "p0").expect("profile");
        let result = model.result().expect("a result");
        let total: f64 = weights.iter().sum();
        for (got, w) in result.weights.iter().zip(&weights) {
            prop_assert!((got - w / total).abs() < 1e-9, "{:?} vs {:?}", result.weights, weights);
        }
        prop_assert!(result.consistency_ratio.abs() < 1e-9);
        let applied = with_profile(&s, model.weighted_profile(&s).expect("profile"));
        let again = AhpModel::open(&applied, "p0").expect("profile");
        prop_assert_eq!(again.judgements, model.judgements, "reopens from the record");
    }
}

#[test]
fn session_saaty_steps_and_ratios_round_trip() {
    for step in -STEPS..=STEPS {
        assert_eq!(step_of(ratio(step)), step);
    }
    assert_eq!(ratio(0), 1.0);
    assert_eq!(ratio(8), 9.0);
    assert_eq!(ratio(-8), 1.0 / 9.0);
    assert_eq!(step_of(20.0), 8, "clamped to 9");
    assert_eq!(step_of(0.0), 0, "no ratio: equal");
    assert_eq!(step_of(f64::NAN), 0);
}

#[test]
fn session_models_refuse_a_changed_scenario_or_a_missing_profile() {
    let s = scenario(&[1.0, 2.0, 3.0]);
    assert!(SwingModel::open(&s, "gone").is_none());
    assert!(RankModel::open(&s, "gone").is_none());
    assert!(AhpModel::open(&s, "gone").is_none());
    let rank = RankModel::open(&s, "p0").expect("profile");
    let ahp = AhpModel::open(&s, "p0").expect("profile");
    let mut fewer = s.clone();
    fewer.criteria.pop();
    assert!(rank.weighted_profile(&fewer).is_none());
    assert!(ahp.weighted_profile(&fewer).is_none());
    let mut reordered = s.clone();
    reordered.criteria.swap(0, 1);
    assert!(!ahp.fits(&reordered), "judgements belong to their pairs");
}
