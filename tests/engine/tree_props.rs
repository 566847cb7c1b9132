//! Properties of the value tree and value functions against their
//! definitions: a tree ranks exactly as the flat list with the same
//! effective weights, under every method; a value function that is the
//! straight line of the linear scaling changes nothing; SMAA draws go
//! through the value function.

use proptest::prelude::*;
use tradeoff::analysis::smaa::{SmaaOptions, smaa};
use tradeoff::analysis::{Method, evaluate_profile};
use tradeoff::model::*;

fn criterion(id: String, direction: Direction) -> Criterion {
    Criterion {
        id: id.clone(),
        name: Text::new(id),
        description: Text::default(),
        direction,
        unit: Text::default(),
        scale: None,
        veto: None,
        preference: Preference::Usual,
        value_function: None,
    }
}

/// A random scenario with a random tree: `parents[k]` places criterion k
/// (then group k - m) under group `parents[k] - 1` (0: the root); a group
/// only goes under an earlier group, so there are no cycles.
#[derive(Debug, Clone)]
struct Case {
    scenario: Scenario,
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..7, 2usize..6, 0usize..4).prop_flat_map(|(n, m, g)| {
        (
            prop::collection::vec(
                prop_oneof![(0i32..5).prop_map(f64::from), 0.0..10.0f64],
                n * m,
            ),
            prop::collection::vec(any::<bool>(), m),
            prop::collection::vec(0usize..=g, m),
            prop::collection::vec(0usize..=g, g),
            prop::collection::vec(prop_oneof![Just(0.0), 0.0..10.0f64], m + g),
        )
            .prop_map(move |(values, max, crit_parent, group_parent, weights)| {
                let mut s = Scenario::empty(Text::new("tree"));
                s.criteria = (0..m)
                    .map(|j| {
                        let d = if max[j] {
                            Direction::Maximize
                        } else {
                            Direction::Minimize
                        };
                        criterion(format!("c{j}"), d)
                    })
                    .collect();
                s.groups = (0..g)
                    .map(|k| Group {
                        id: format!("g{k}"),
                        name: Text::new(format!("G{k}")),
                        description: Text::default(),
                        children: Vec::new(),
                    })
                    .collect();
                for (j, &p) in crit_parent.iter().enumerate() {
                    if p > 0 {
                        s.groups[p - 1].children.push(format!("c{j}"));
                    }
                }
                for (k, &p) in group_parent.iter().enumerate() {
                    // Only under an earlier group: no cycles.
                    if p > 0 && p - 1 < k {
                        s.groups[p - 1].children.push(format!("g{k}"));
                    }
                }
                for i in 0..n {
                    s.alternatives.push(Alternative {
                        id: format!("a{i}"),
                        name: Text::new(format!("A{i}")),
                        description: Text::default(),
                        needs: Default::default(),
                    });
                    for j in 0..m {
                        s.scores.push(Score {
                            alternative: format!("a{i}"),
                            criterion: format!("c{j}"),
                            value: values[i * m + j],
                            low: None,
                            high: None,
                            rationale: Text::default(),
                            sources: Vec::new(),
                            illustrative: true,
                        });
                    }
                }
                let ids = (0..m)
                    .map(|j| format!("c{j}"))
                    .chain((0..g).map(|k| format!("g{k}")));
                s.profiles[0].weights = ids.zip(weights).collect();
                Case { scenario: s }
            })
    })
}

fn ranks(e: &tradeoff::analysis::Evaluation) -> Vec<(String, usize)> {
    e.ranking
        .iter()
        .map(|r| (r.alternative.clone(), r.rank))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(128)
    ))]

    /// The flat list whose weights are the tree's effective weights gives the
    /// same ranking and scores under wsm, topsis and promethee2.
    #[test]
    fn a_tree_ranks_as_the_flat_list_with_its_effective_weights(c in case()) {
        let tree_scenario = c.scenario;
        let tree = ValueTree::new(&tree_scenario);
        let effective = tree.effective_weights(&tree_scenario.profiles[0], &[]);
        let mut flat = tree_scenario.clone();
        flat.groups.clear();
        flat.profiles[0].weights = flat
            .criteria
            .iter()
            .map(|c| c.id.clone())
            .zip(effective.iter().copied())
            .collect();
        for method in Method::ALL {
            let a = evaluate_profile(&tree_scenario, &tree_scenario.profiles[0], method);
            let b = evaluate_profile(&flat, &flat.profiles[0], method);
            for (x, y) in a.matrix.weights.iter().zip(&b.matrix.weights) {
                prop_assert!((x - y).abs() < 1e-12);
            }
            let (sa, sb): (Vec<f64>, Vec<f64>) = (
                a.ranking.iter().map(|r| r.score).collect(),
                b.ranking.iter().map(|r| r.score).collect(),
            );
            // Scores agree to rounding; ranks agree unless two scores sit at
            // the tie tolerance, which rounding could tip either way.
            for (x, y) in sa.iter().zip(&sb) {
                prop_assert!((x - y).abs() < 1e-9, "{method}: {x} vs {y}");
            }
            let near_tie = sa.windows(2).any(|w| {
                let gap = (w[0] - w[1]).abs();
                gap > 1e-9 * 0.5 && gap < 1e-9 * 2.0
            });
            if !near_tie {
                prop_assert_eq!(ranks(&a), ranks(&b), "{}", method);
            }
        }
    }

    /// A value function drawn as the straight line of the linear scaling
    /// (worst of the data → 0, best → 100) scores as no value function.
    #[test]
    fn the_straight_line_value_function_is_the_linear_scaling(c in case(), j in 0usize..2) {
        let plain = c.scenario;
        let column: Vec<f64> = plain
            .scores
            .iter()
            .filter(|s| s.criterion == format!("c{j}"))
            .map(|s| s.value)
            .collect();
        let lo = column.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = column.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        prop_assume!(hi > lo);
        let mut with_vf = plain.clone();
        let points = match plain.criteria[j].direction {
            Direction::Maximize => vec![(lo, 0.0), (hi, 100.0)],
            Direction::Minimize => vec![(lo, 100.0), (hi, 0.0)],
        };
        with_vf.criteria[j].value_function = Some(ValueFunction(points));
        let shape_ok = validate(&with_vf).iter().all(|p| {
            !matches!(
                p.kind,
                ProblemKind::ValueFunctionAgainstDirection { .. }
                    | ProblemKind::ValueFunctionNotIncreasing { .. }
            )
        });
        prop_assert!(shape_ok);
        let a = evaluate_profile(&plain, &plain.profiles[0], Method::Wsm);
        let b = evaluate_profile(&with_vf, &with_vf.profiles[0], Method::Wsm);
        for (x, y) in a.ranking.iter().zip(&b.ranking) {
            prop_assert!((x.score - y.score).abs() < 1e-12);
        }
    }
}

/// Value functions are evaluated on every draw of SMAA, not on the best
/// estimate only.
#[test]
fn smaa_draws_pass_through_the_value_function() {
    // Two options, one criterion (so the weights play no part). A is 5 for
    // sure; B is drawn uniformly in [0, 10]. The value function is a step:
    // 0 up to 6.9, 100 from 7.1 (a ramp between). A's 5 is worth 0, so A is
    // first (alone or tied at 0 with B) exactly when B's draw is at most 6.9:
    // probability 0.69. With linear scaling instead, A is first when B's
    // draw is at most 5: probability 0.5. 20,000 seeded draws: binomial
    // standard deviation about 0.0035.
    let mut s = Scenario::empty(Text::new("step"));
    let mut c = criterion("x".into(), Direction::Maximize);
    c.value_function = Some(ValueFunction(vec![
        (0.0, 0.0),
        (6.9, 0.0),
        (7.1, 100.0),
        (10.0, 100.0),
    ]));
    s.criteria.push(c);
    for (id, low, high) in [("a", None, None), ("b", Some(0.0), Some(10.0))] {
        s.alternatives.push(Alternative {
            id: id.into(),
            name: Text::new(id),
            description: Text::default(),
            needs: Default::default(),
        });
        s.scores.push(Score {
            alternative: id.into(),
            criterion: "x".into(),
            value: 5.0,
            low,
            high,
            rationale: Text::default(),
            sources: Vec::new(),
            illustrative: true,
        });
    }
    s.profiles[0].weights.insert("x".into(), 1.0);
    let options = SmaaOptions {
        samples: 20_000,
        seed: 7,
        ..SmaaOptions::default()
    };
    let first_of_a = |s: &Scenario| {
        let e = evaluate_profile(s, &s.profiles[0], Method::Wsm);
        let r = smaa(&e.matrix, Method::Wsm, None, &options).expect("runs");
        let a = r.alternatives.iter().position(|x| x == "a").expect("a");
        r.acceptability[a][0]
    };
    let stepped = first_of_a(&s);
    assert!((stepped - 0.69).abs() < 0.02, "{stepped}");
    let mut linear = s.clone();
    linear.criteria[0].value_function = None;
    let plain = first_of_a(&linear);
    assert!((plain - 0.5).abs() < 0.02, "{plain}");
}
