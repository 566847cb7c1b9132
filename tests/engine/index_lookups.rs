//! Property: on random scenarios, including repeated ids, scores for
//! unknown options or criteria, missing and repeated scores, the scenario
//! index answers exactly what the scanning lookups of `Scenario` answer, and
//! the matrix, exclusions and rankings built from it equal those built cell
//! by cell with the scanning lookups.

use proptest::prelude::*;
use std::collections::BTreeMap;
use tradeoff::analysis::feasibility::{Reason, exclusions, split_feasible};
use tradeoff::analysis::{DecisionMatrix, Method, competition_ranks, evaluate_methods, scores};
use tradeoff::model::{
    Alternative, Criterion, Direction, Lang, Preference, Resource, Scenario, ScenarioIndex, Score,
    Text, WeightProfile,
};

const OPTION_IDS: [&str; 5] = ["a", "b", "c", "d", "ghost"];
const CRITERION_IDS: [&str; 4] = ["x", "y", "z", "nowhere"];

/// A scenario whose ids are drawn from small alphabets, so repeats and
/// unknown ids are common; "ghost" and "nowhere" are only ever used by scores.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::collection::vec(0usize..4, 1..6),
        prop::collection::vec(
            (0usize..3, any::<bool>(), prop::option::of(0.0..10.0f64)),
            1..4,
        ),
        prop::collection::vec((0usize..5, 0usize..4, 0.0..10.0f64, any::<bool>()), 0..30),
        prop::collection::vec(0.0..2.0f64, 3),
        prop::option::of((0usize..3, 0.0..10.0f64)),
        prop::collection::vec((0.0..5.0f64, 0.0..5.0f64), 0..4),
    )
        .prop_map(|(options, criteria, scores, weights, red_line, needs)| {
            let mut s = Scenario::empty(Text::new("random"));
            s.criteria = criteria
                .iter()
                .map(|&(c, max, veto)| Criterion {
                    id: CRITERION_IDS[c].into(),
                    name: Text::new(format!("{} name", CRITERION_IDS[c])),
                    description: Text::default(),
                    direction: if max {
                        Direction::Maximize
                    } else {
                        Direction::Minimize
                    },
                    unit: Text::default(),
                    scale: None,
                    veto,
                    preference: Preference::Usual,
                    value_function: None,
                })
                .collect();
            s.resources = vec![Resource {
                id: "budget".into(),
                name: Text::new("Budget"),
                unit: Text::default(),
                cap: 3.0,
            }];
            s.alternatives = options
                .iter()
                .enumerate()
                .map(|(k, &o)| Alternative {
                    id: OPTION_IDS[o].into(),
                    name: Text::new(format!("{} number {k}", OPTION_IDS[o])),
                    description: Text::default(),
                    needs: needs
                        .get(k)
                        .map(|&(need, _)| BTreeMap::from([("budget".to_string(), need)]))
                        .unwrap_or_default(),
                })
                .collect();
            s.scores = scores
                .iter()
                .map(|&(o, c, value, ranged)| Score {
                    alternative: OPTION_IDS[o].into(),
                    criterion: CRITERION_IDS[c].into(),
                    value,
                    low: ranged.then_some(value - 1.0),
                    high: ranged.then_some(value + 0.5),
                    rationale: Text::default(),
                    sources: Vec::new(),
                    illustrative: false,
                })
                .collect();
            let p = &mut s.profiles[0];
            p.weights = CRITERION_IDS[..3]
                .iter()
                .map(|c| c.to_string())
                .zip(weights)
                .collect();
            if let Some((c, limit)) = red_line {
                p.vetoes.insert(CRITERION_IDS[c].into(), limit);
            }
            s
        })
}

/// The matrix built the way it was before the index: one score scan per cell.
/// A criterion no score names is left out (nobody has scored it yet).
fn matrix_by_scanning(s: &Scenario, profile: &WeightProfile, ids: &[String]) -> DecisionMatrix {
    let criteria: Vec<&Criterion> = s
        .criteria
        .iter()
        .filter(|c| s.scores.iter().any(|x| x.criterion == c.id))
        .collect();
    let mut values = Vec::new();
    let mut lows = Vec::new();
    let mut highs = Vec::new();
    for a in ids {
        for c in &criteria {
            let score = s.score(a, &c.id);
            let v = score.map_or(f64::NAN, |x| x.value);
            values.push(v);
            lows.push(score.and_then(|x| x.low).unwrap_or(v));
            highs.push(score.and_then(|x| x.high).unwrap_or(v));
        }
    }
    let raw: Vec<f64> = criteria.iter().map(|c| profile.weight(&c.id)).collect();
    DecisionMatrix {
        alternatives: ids.to_vec(),
        criteria: criteria.iter().map(|c| c.id.clone()).collect(),
        directions: criteria.iter().map(|c| c.direction).collect(),
        scales: criteria.iter().map(|c| c.scale).collect(),
        preferences: criteria.iter().map(|c| c.preference).collect(),
        weights: tradeoff::analysis::matrix::normalise(&raw),
        value_functions: criteria.iter().map(|c| c.value_function.clone()).collect(),
        values,
        lows,
        highs,
    }
}

/// Every rule an option breaks, found by scanning (the textbook reading of
/// vetoes, red lines and caps; at the limit itself an option passes; a
/// missing score on a criterion someone has scored means "not yet scored").
fn reasons_by_scanning(s: &Scenario, profile: &WeightProfile, id: &str) -> Vec<Reason> {
    let breaks = |d: Direction, v: f64, limit: f64| match d {
        Direction::Minimize => v > limit,
        Direction::Maximize => v < limit,
    };
    let mut out = Vec::new();
    let mut unscored = Vec::new();
    for c in &s.criteria {
        let Some(score) = s.score(id, &c.id) else {
            if s.scores.iter().any(|x| x.criterion == c.id) {
                unscored.push(c.id.clone());
            }
            continue;
        };
        let limits = c.veto.map(|l| (l, None)).into_iter().chain(
            profile
                .vetoes
                .get(&c.id)
                .map(|&l| (l, Some(profile.id.clone()))),
        );
        for (limit, by) in limits {
            if breaks(c.direction, score.value, limit) {
                out.push(Reason::Veto {
                    criterion: c.id.clone(),
                    value: score.value,
                    limit,
                    direction: c.direction,
                    profile: by,
                });
            }
        }
    }
    if !unscored.is_empty() {
        out.push(Reason::NotYetScored { criteria: unscored });
    }
    if let Some(a) = s.alternative(id) {
        for r in &s.resources {
            let need = a.needs.get(&r.id).copied().unwrap_or(0.0);
            if need > r.cap {
                out.push(Reason::Resource {
                    resource: r.id.clone(),
                    need,
                    cap: r.cap,
                });
            }
        }
    }
    out
}

/// Equal as values, NaN equal to NaN (a missing score reads as NaN).
fn same_numbers(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
}

proptest! {
    #[test]
    fn index_lookups_equal_the_scanning_ones(s in scenario()) {
        let index = ScenarioIndex::new(&s);
        for a in OPTION_IDS {
            let (fast, slow) = (index.alternative(a), s.alternative(a));
            prop_assert!(fast.map(std::ptr::from_ref) == slow.map(std::ptr::from_ref), "{a}");
            prop_assert_eq!(index.alternative_name(a, Lang::En), s.alternative_name(a, Lang::En));
            for c in CRITERION_IDS {
                let (fast, slow) = (index.score(a, c), s.score(a, c));
                if s.alternative(a).is_some() && s.criterion(c).is_some() {
                    prop_assert!(fast.map(std::ptr::from_ref) == slow.map(std::ptr::from_ref), "{a} {c}");
                } else {
                    // Scores of unknown options or criteria are not indexed.
                    prop_assert!(fast.is_none(), "{a} {c}");
                }
            }
        }
        for c in CRITERION_IDS {
            let (fast, slow) = (index.criterion(c), s.criterion(c));
            prop_assert!(fast.map(std::ptr::from_ref) == slow.map(std::ptr::from_ref), "{c}");
            prop_assert_eq!(index.criterion_name(c, Lang::Fr), s.criterion_name(c, Lang::Fr));
        }
    }

    #[test]
    fn matrix_exclusions_and_rankings_equal_the_scanning_build(s in scenario()) {
        let profile = &s.profiles[0];
        let index = ScenarioIndex::new(&s);
        let (feasible, excluded) = split_feasible(&index, Some(profile));
        let mut expected_feasible = Vec::new();
        let mut expected_excluded = Vec::new();
        for a in &s.alternatives {
            let reasons = reasons_by_scanning(&s, profile, &a.id);
            if reasons.is_empty() {
                expected_feasible.push(a.id.clone());
            } else {
                expected_excluded.push((a.id.clone(), reasons));
            }
        }
        prop_assert_eq!(&feasible, &expected_feasible);
        let got: Vec<(String, Vec<Reason>)> = excluded
            .into_iter()
            .map(|x| (x.alternative, x.reasons))
            .collect();
        prop_assert_eq!(&got, &expected_excluded);
        prop_assert_eq!(
            exclusions(&s, Some(profile)).len(),
            expected_excluded.len()
        );

        let built = DecisionMatrix::build(&s, profile, &feasible);
        let scanned = matrix_by_scanning(&s, profile, &feasible);
        prop_assert!(same_numbers(&built.values, &scanned.values));
        prop_assert!(same_numbers(&built.lows, &scanned.lows));
        prop_assert!(same_numbers(&built.highs, &scanned.highs));
        prop_assert_eq!(&built.weights, &scanned.weights);
        prop_assert_eq!(&built.alternatives, &scanned.alternatives);

        // Where every score is present, each method ranks the scanned matrix.
        if built.values.iter().all(|v| v.is_finite()) {
            for e in evaluate_methods(&index, profile, &Method::ALL) {
                let expected = scores(e.method, &scanned);
                let ranks = competition_ranks(&expected);
                prop_assert_eq!(e.ranking.len(), feasible.len());
                for r in &e.ranking {
                    let i = feasible.iter().position(|id| *id == r.alternative).unwrap_or(0);
                    prop_assert_eq!(r.score.to_bits(), expected[i].to_bits());
                    prop_assert_eq!(r.rank, ranks[i]);
                }
            }
        }
    }
}
