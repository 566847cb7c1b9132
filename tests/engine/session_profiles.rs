//! `session::profiles` against its definitions, without the GUI: a combined
//! profile is the normalised arithmetic or geometric mean of the chosen
//! profiles' effective weights (worked out here from the tree's local
//! shares); elicited weights become the profile's effective weights; a
//! swing runs from the worst to the best score present (or the fixed
//! scale), oriented by the criterion's direction; the path between two
//! profiles starts and ends with their winners.

use proptest::prelude::*;
use std::collections::BTreeMap;
use tradeoff::analysis::{Method, evaluate_profile};
use tradeoff::model::*;
use tradeoff::session::profiles::*;

fn bundled() -> Scenario {
    tradeoff::io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "canada-2016.ron").expect("bundled")
}

/// A flat scenario: criterion `c{j}` with `directions[j]`, option `a{i}`
/// scoring `scores[i][j]`, profile `p{k}` weighting criterion j `weights[k][j]`.
pub fn flat_scenario(
    directions: &[Direction],
    scores: &[Vec<f64>],
    weights: &[Vec<f64>],
) -> Scenario {
    let mut s = Scenario::empty(Text::new("test"));
    for (j, d) in directions.iter().enumerate() {
        s.criteria.push(Criterion {
            id: format!("c{j}"),
            name: Text::new(format!("C{j}")),
            description: Text::default(),
            direction: *d,
            unit: Text::new("u"),
            scale: None,
            veto: None,
            preference: Preference::Usual,
            value_function: None,
        });
    }
    for (i, row) in scores.iter().enumerate() {
        s.alternatives.push(Alternative {
            id: format!("a{i}"),
            name: Text::new(format!("A{i}")),
            description: Text::default(),
            needs: Default::default(),
        });
        for (j, v) in row.iter().enumerate() {
            s.scores.push(Score {
                alternative: format!("a{i}"),
                criterion: format!("c{j}"),
                value: *v,
                low: None,
                high: None,
                rationale: Text::default(),
                sources: Vec::new(),
                illustrative: true,
            });
        }
    }
    for (k, w) in weights.iter().enumerate() {
        let mut p = WeightProfile::new(format!("p{k}"), Text::new(format!("P{k}")));
        for (j, x) in w.iter().enumerate() {
            p.weights.insert(format!("c{j}"), *x);
        }
        s.profiles.push(p);
    }
    s.active_profile = "p0".into();
    s
}

/// Each criterion's share of the whole under `p`, from the definition: the
/// product, down the tree, of each node's weight over its siblings' sum.
fn effective_by_definition(s: &Scenario, p: &WeightProfile) -> Vec<f64> {
    let parent: BTreeMap<&str, &str> = s
        .groups
        .iter()
        .flat_map(|g| g.children.iter().map(move |c| (c.as_str(), g.id.as_str())))
        .collect();
    let top: Vec<&str> = s
        .groups
        .iter()
        .map(|g| g.id.as_str())
        .chain(s.criteria.iter().map(|c| c.id.as_str()))
        .filter(|id| !parent.contains_key(id))
        .collect();
    let siblings = |id: &str| -> Vec<String> {
        match parent.get(id) {
            Some(g) => s
                .groups
                .iter()
                .find(|x| x.id == *g)
                .map_or(Vec::new(), |x| x.children.clone()),
            None => top.iter().map(|t| t.to_string()).collect(),
        }
    };
    s.criteria
        .iter()
        .map(|c| {
            let mut share = 1.0;
            let mut node = c.id.as_str();
            loop {
                let total: f64 = siblings(node).iter().map(|x| p.weight(x)).sum();
                share *= if total > 0.0 {
                    p.weight(node) / total
                } else {
                    0.0
                };
                match parent.get(node) {
                    Some(g) => node = g,
                    None => break,
                }
            }
            share
        })
        .collect()
}

/// The combination from the definition: each vector normalised, the mean
/// per criterion (geometric: 0 when any is 0), the result normalised.
fn mean_by_definition(vectors: &[Vec<f64>], geometric: bool) -> Vec<f64> {
    let k = vectors.len() as f64;
    let unit: Vec<Vec<f64>> = vectors
        .iter()
        .map(|v| {
            let t: f64 = v.iter().sum();
            v.iter().map(|x| x / t).collect()
        })
        .collect();
    let mean: Vec<f64> = (0..unit[0].len())
        .map(|j| {
            if geometric {
                unit.iter().map(|v| v[j]).product::<f64>().powf(1.0 / k)
            } else {
                unit.iter().map(|v| v[j]).sum::<f64>() / k
            }
        })
        .collect();
    let t: f64 = mean.iter().sum();
    mean.iter().map(|x| x / t).collect()
}

fn assert_close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tol, "{got:?} vs {want:?}");
    }
}

#[test]
fn session_combining_the_ministries_of_the_value_tree_is_the_mean_of_their_shares() {
    let s = bundled();
    let ids: Vec<String> = ["defence", "foreign_affairs", "development", "public_safety"]
        .map(String::from)
        .to_vec();
    let target = combined_profile_id(&s)
        .expect("the bundled file has a combined profile")
        .to_string();
    for geometric in [false, true] {
        let p = combined_profile(&s, &ids, geometric, "unused").expect("combined");
        assert_eq!(p.id, target, "the existing combined profile is updated");
        let vectors: Vec<Vec<f64>> = ids
            .iter()
            .map(|id| {
                effective_by_definition(
                    &s,
                    s.profiles.iter().find(|p| p.id == *id).expect("profile"),
                )
            })
            .collect();
        let got = effective_by_definition(&s, &p);
        assert_close(&got, &mean_by_definition(&vectors, geometric), 1e-12);
        assert_eq!(
            p.elicitation,
            Some(Elicitation::Combined {
                profiles: ids.clone(),
                geometric
            })
        );
    }
    let mut s2 = s.clone();
    let with = s2
        .profiles
        .iter()
        .position(|p| p.id == target)
        .expect("target");
    s2.profiles[with].elicitation = None;
    let fresh = combined_profile(&s2, &ids, false, "combined_2").expect("new");
    assert_eq!(
        fresh.id, "combined_2",
        "without a combined profile, a new one"
    );
    assert!(combined_profile(&s, &["nobody".to_string()], false, "x").is_none());
}

#[test]
fn session_recorded_combination_reads_back_what_was_combined() {
    let s = bundled();
    let target = combined_profile_id(&s).expect("combined").to_string();
    let ids = vec!["defence".to_string(), "development".to_string()];
    let mut s2 = s.clone();
    let p = combined_profile(&s, &ids, true, "unused").expect("combined");
    let k = s2
        .profiles
        .iter()
        .position(|x| x.id == target)
        .expect("target");
    s2.profiles[k] = p;
    let (geometric, left_out) = recorded_combination(&s2, &target).expect("recorded");
    assert!(geometric);
    assert_eq!(left_out, ["foreign_affairs", "public_safety"]);
    assert_eq!(profiles_to_combine(&s2, &target, &left_out), ids);
    assert!(
        recorded_combination(&s2, "defence").is_none(),
        "not a combined profile"
    );
}

fn weights_strategy() -> impl Strategy<Value = (usize, Vec<Vec<f64>>)> {
    (2usize..6, 1usize..5).prop_flat_map(|(m, k)| {
        (
            Just(m),
            prop::collection::vec(prop::collection::vec(0.01..10.0f64, m), k),
        )
    })
}

proptest! {
    #[test]
    fn session_combined_profile_is_the_normalised_mean_of_flat_profiles(
        (m, weights) in weights_strategy(),
        geometric in any::<bool>(),
    ) {
        let s = flat_scenario(&vec![Direction::Maximize; m], &[vec![1.0; m]], &weights);
        let ids: Vec<String> = (0..weights.len()).map(|k| format!("p{k}")).collect();
        let p = combined_profile(&s, &ids, geometric, "combined").expect("combined");
        prop_assert_eq!(&p.id, "combined");
        let got: Vec<f64> = (0..m).map(|j| p.weight(&format!("c{j}"))).collect();
        let want = mean_by_definition(&weights, geometric);
        for (g, w) in got.iter().zip(&want) {
            prop_assert!((g - w).abs() < 1e-12, "{:?} vs {:?}", got, want);
        }
    }

    #[test]
    fn session_elicited_weights_become_the_effective_weights(
        (m, weights) in weights_strategy(),
        shares in prop::collection::vec(0.01..5.0f64, 11),
    ) {
        // Flat: the shares, normalised, are the weights.
        let s = flat_scenario(&vec![Direction::Maximize; m], &[vec![1.0; m]], &weights);
        let p = with_elicited_weights(&s, "p0", &shares[..m], Elicitation::Direct).expect("profile");
        let total: f64 = shares[..m].iter().sum();
        for (j, share) in shares[..m].iter().enumerate() {
            let id = format!("c{j}");
            prop_assert!((p.weight(&id) - share / total).abs() < 1e-12);
        }
        prop_assert_eq!(p.elicitation, Some(Elicitation::Direct));
        prop_assert!(with_elicited_weights(&s, "p0", &shares[..m - 1], Elicitation::Direct).is_none());
        prop_assert!(with_elicited_weights(&s, "gone", &shares[..m], Elicitation::Direct).is_none());
        // In the value tree: each criterion's share of the whole is its elicited share.
        let tree = bundled();
        let n = tree.criteria.len();
        let mut wide = shares.clone();
        wide.resize(n, 0.5);
        let p = with_elicited_weights(&tree, "defence", &wide, Elicitation::Direct).expect("profile");
        let total: f64 = wide.iter().sum();
        let want: Vec<f64> = wide.iter().map(|x| x / total).collect();
        let got = effective_by_definition(&tree, &p);
        for (g, w) in got.iter().zip(&want) {
            prop_assert!((g - w).abs() < 1e-12, "{:?} vs {:?}", got, want);
        }
    }

    #[test]
    fn session_swing_range_is_worst_to_best_of_the_scores_present(
        scores in prop::collection::vec(prop::collection::vec(-50.0..50.0f64, 2), 1..6),
        minimise in any::<bool>(),
    ) {
        let direction = if minimise { Direction::Minimize } else { Direction::Maximize };
        let mut s = flat_scenario(&[direction, Direction::Maximize], &scores, &[vec![1.0, 1.0]]);
        let column: Vec<f64> = scores.iter().map(|r| r[0]).collect();
        let lo = column.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = column.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let want = if minimise { (hi, lo) } else { (lo, hi) };
        prop_assert_eq!(swing_range(&s, "c0"), Some(want));
        // A fixed scale wins over the data, whichever way it is written.
        s.criteria[0].scale = Some(Scale { worst: 100.0, best: -100.0 });
        let want = if minimise { (100.0, -100.0) } else { (-100.0, 100.0) };
        prop_assert_eq!(swing_range(&s, "c0"), Some(want));
        // No score, no swing.
        s.scores.retain(|x| x.criterion != "c1");
        prop_assert_eq!(swing_range(&s, "c1"), None);
        prop_assert_eq!(swing_text(&s, "c1", Lang::En), "—");
        prop_assert_eq!(swing_range(&s, "nobody"), None);
    }
}

#[test]
fn session_swing_text_reads_worst_to_best_with_the_unit() {
    let s = flat_scenario(
        &[Direction::Minimize],
        &[vec![1.5], vec![3.25]],
        &[vec![1.0]],
    );
    assert_eq!(swing_text(&s, "c0", Lang::En), "3.25 → 1.5 (u)");
    assert_eq!(swing_text(&s, "c0", Lang::Fr), "3,25 → 1,5 (u)");
}

#[test]
fn session_the_path_runs_from_the_first_profiles_winner_to_the_seconds() {
    let s = bundled();
    let (from, to) = default_path_ends(&s, Method::Wsm).expect("two profiles");
    let winner = |id: &str, ids: &[String]| {
        let p = s.profiles.iter().find(|p| p.id == id).expect("profile");
        let mut s = s.clone();
        s.alternatives.retain(|a| ids.contains(&a.id));
        evaluate_profile(&s, p, Method::Wsm)
            .ranking
            .first()
            .map(|r| r.alternative.clone())
    };
    let view = profile_path(&s, &from, &to, Method::Wsm).expect("path");
    let left_out: Vec<&str> = view
        .left_out
        .iter()
        .map(|x| x.alternative.as_str())
        .collect();
    let kept: Vec<String> = s
        .alternatives
        .iter()
        .filter(|a| !left_out.contains(&a.id.as_str()))
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(view.path.start, winner(&from, &kept));
    assert_eq!(view.path.end, winner(&to, &kept));
    assert_ne!(view.path.start, view.path.end, "the default ends disagree");
    let mut one = s.clone();
    one.profiles.truncate(1);
    assert_eq!(default_path_ends(&one, Method::Wsm), None);
}
