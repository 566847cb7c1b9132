//! Property: on random pairs of scenarios the wsm terms sum to gap_b − gap_a
//! (design.md §4), and a comparison never panics whatever differs.

use proptest::prelude::*;
use std::collections::BTreeMap;
use tradeoff::analysis::Method;
use tradeoff::analysis::compare::{Outcome, compare, describe::summary};
use tradeoff::model::{
    Alternative, Criterion, Direction, Lang, Preference, Scale, Scenario, Score, Text,
    WeightProfile,
};

/// Builds a scenario from option ids, criterion ids with directions,
/// weights and a value per (option, criterion).
fn build(
    options: &[String],
    criteria: &[(String, Direction)],
    weights: &[f64],
    value: impl Fn(usize, usize) -> f64,
) -> Scenario {
    let mut s = Scenario::empty(Text::new("random"));
    s.criteria = criteria
        .iter()
        .map(|(id, direction)| Criterion {
            id: id.clone(),
            name: Text::new(id.to_uppercase()),
            description: Text::default(),
            direction: *direction,
            unit: Default::default(),
            scale: None,
            veto: None,
            preference: Preference::Usual,
            value_function: None,
        })
        .collect();
    for (i, id) in options.iter().enumerate() {
        s.alternatives.push(Alternative {
            id: id.clone(),
            name: Text::new(id.to_uppercase()),
            description: Text::default(),
            needs: BTreeMap::new(),
        });
        for (j, (c, _)) in criteria.iter().enumerate() {
            s.scores.push(Score {
                alternative: id.clone(),
                criterion: c.clone(),
                value: value(i, j),
                low: None,
                high: None,
                rationale: Text::default(),
                sources: Vec::new(),
                illustrative: false,
            });
        }
    }
    let mut p = WeightProfile::new("p", Text::new("P"));
    p.weights = criteria
        .iter()
        .map(|(c, _)| c.clone())
        .zip(weights.iter().copied())
        .collect();
    s.profiles = vec![p];
    s.active_profile = "p".into();
    s
}

#[derive(Debug, Clone)]
struct Pair {
    n: usize,
    m: usize,
    values_a: Vec<u8>,
    values_b: Vec<u8>,
    weights_a: Vec<u8>,
    weights_b: Vec<u8>,
    maximize: Vec<bool>,
    extra: Vec<u8>,
    flags: u8,
}

fn pairs() -> impl Strategy<Value = Pair> {
    (2usize..6, 1usize..5).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec(0u8..=10, n * m),
            prop::collection::vec(0u8..=10, n * m),
            prop::collection::vec(1u8..=10, m),
            prop::collection::vec(1u8..=10, m),
            prop::collection::vec(any::<bool>(), m),
            prop::collection::vec(0u8..=10, n + m + 1),
            any::<u8>(),
        )
            .prop_map(
                move |(values_a, values_b, weights_a, weights_b, maximize, extra, flags)| Pair {
                    n,
                    m,
                    values_a,
                    values_b,
                    weights_a,
                    weights_b,
                    maximize,
                    extra,
                    flags,
                },
            )
    })
}

/// Scenario A and a B that differs in weights and values, and by the flags:
/// 1 drops A's last criterion, 2 adds a criterion, 4 drops A's first option,
/// 8 adds an option, 16 fixes a scale, 32 adds a veto in A, 64 keeps B's
/// values equal to A's.
fn scenarios(p: &Pair) -> (Scenario, Scenario) {
    let options: Vec<String> = (0..p.n).map(|i| format!("o{i}")).collect();
    let criteria: Vec<(String, Direction)> = (0..p.m)
        .map(|j| {
            let d = if p.maximize[j] {
                Direction::Maximize
            } else {
                Direction::Minimize
            };
            (format!("c{j}"), d)
        })
        .collect();
    let wa: Vec<f64> = p.weights_a.iter().map(|&w| f64::from(w)).collect();
    let wb: Vec<f64> = p.weights_b.iter().map(|&w| f64::from(w)).collect();
    let m = p.m;
    let mut a = build(&options, &criteria, &wa, |i, j| {
        f64::from(p.values_a[i * m + j])
    });
    if p.flags & 32 != 0 {
        a.criteria[0].veto = Some(match a.criteria[0].direction {
            Direction::Maximize => 2.0,
            Direction::Minimize => 8.0,
        });
    }
    let same = p.flags & 64 != 0;
    let (mut b_options, mut b_criteria, mut b_weights) = (options.clone(), criteria.clone(), wb);
    if p.flags & 1 != 0 && p.m > 1 {
        b_criteria.pop();
        b_weights.pop();
    }
    if p.flags & 2 != 0 {
        b_criteria.push(("new".into(), Direction::Maximize));
        b_weights.push(f64::from(p.extra[p.n + p.m] % 10 + 1));
    }
    if p.flags & 4 != 0 && p.n > 2 {
        b_options.remove(0);
    }
    if p.flags & 8 != 0 {
        b_options.push("added".into());
    }
    let values = |id: &str, c: &str| -> f64 {
        let i = options.iter().position(|o| o == id);
        let j = criteria.iter().position(|(x, _)| x == c);
        match (i, j) {
            (Some(i), Some(j)) if same => f64::from(p.values_a[i * m + j]),
            (Some(i), Some(j)) => f64::from(p.values_b[i * m + j]),
            (Some(i), None) => f64::from(p.extra[i]),
            (None, Some(j)) => f64::from(p.extra[p.n + j]),
            (None, None) => 5.0,
        }
    };
    let mut b = build(&b_options, &b_criteria, &b_weights, |i, j| {
        values(&b_options[i], &b_criteria[j].0)
    });
    if p.flags & 16 != 0 {
        // A fixed 0..10 scale, written worst to best in the criterion's direction.
        let scale = Scale {
            worst: 0.0,
            best: 10.0,
        };
        b.criteria[0].scale = Some(match b.criteria[0].direction {
            Direction::Maximize => scale,
            Direction::Minimize => scale.flipped(),
        });
    }
    (a, b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn terms_sum_to_the_change_in_the_gap(p in pairs()) {
        let (a, b) = scenarios(&p);
        let c = compare(&a, &b, Method::Wsm, None).expect("generated scenarios are valid");
        // Without removed or added options and vetoes, every pair is ranked in both files.
        if p.flags & (4 | 8 | 32) == 0 {
            prop_assert!(matches!(c.outcome, Outcome::Explained(_)), "{:?}", c.outcome);
        }
        if let Outcome::Explained(e) = &c.outcome {
            let sum: f64 = e.terms.iter().map(|t| t.weight_effect + t.value_effect).sum();
            prop_assert!(
                (sum - (e.gap_b - e.gap_a)).abs() <= 1e-9,
                "sum {sum} vs gap change {}", e.gap_b - e.gap_a
            );
            let score = |ev: &tradeoff::analysis::Evaluation, id: &str| ev.score_of(id).expect("ranked");
            prop_assert_eq!(e.gap_a, score(&c.a, &e.second) - score(&c.a, &e.first));
            prop_assert_eq!(e.gap_b, score(&c.b, &e.second) - score(&c.b, &e.first));
            let waterfall = e.waterfall();
            if let Some(last) = waterfall.steps.last() {
                prop_assert!((last.end - e.gap_b).abs() <= 1e-9);
            }
        }
        for lang in [Lang::En, Lang::Fr] {
            prop_assert!(!summary(&a, &b, &c, lang).is_empty());
        }
    }

    #[test]
    fn any_method_compares_without_panicking(p in pairs(), k in 0usize..3) {
        let (a, b) = scenarios(&p);
        let c = compare(&a, &b, Method::ALL[k], None).expect("generated scenarios are valid");
        prop_assert_eq!(c.a.ranking.len() + c.a.excluded.len(), a.alternatives.len());
        prop_assert!(!summary(&a, &b, &c, Lang::En).is_empty());
    }
}
