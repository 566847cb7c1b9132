//! Results by group (issue #20 point 3): on random value trees each option's
//! group parts add up to its weighted-sum score, a tree of one-criterion
//! groups splits exactly as the flat criteria do, and the comparison's group
//! parts add up to the change in the gap.

use proptest::prelude::*;
use std::collections::BTreeMap;
use tradeoff::analysis::Method;
use tradeoff::analysis::by_group::{node_contributions, node_weights, shown_nodes, wsm_parts};
use tradeoff::analysis::compare::by_group::{group_terms, group_terms_at, grouped_explanation};
use tradeoff::analysis::compare::compare;
use tradeoff::analysis::evaluate_profile;
use tradeoff::model::{
    Alternative, Criterion, Direction, Group, Node, Preference, Scenario, Score, Text, ValueTree,
    WeightProfile,
};

/// A random model: option and criterion counts, values, directions, which
/// group each criterion goes in (0 = the root), a weight per criterion and
/// per group, and whether group 2 sits inside group 1.
#[derive(Debug, Clone)]
struct Model {
    n: usize,
    m: usize,
    values: Vec<u8>,
    maximize: Vec<bool>,
    group_of: Vec<usize>,
    criterion_weights: Vec<u8>,
    group_weights: Vec<u8>,
    nested: bool,
}

/// How many groups a random model may have.
const GROUPS: usize = 3;

fn models() -> impl Strategy<Value = Model> {
    (2usize..6, 1usize..7).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec(0u8..=10, n * m),
            prop::collection::vec(any::<bool>(), m),
            prop::collection::vec(0usize..=GROUPS, m),
            prop::collection::vec(0u8..=10, m),
            prop::collection::vec(0u8..=10, GROUPS),
            any::<bool>(),
        )
            .prop_map(
                move |(values, maximize, group_of, criterion_weights, group_weights, nested)| {
                    Model {
                        n,
                        m,
                        values,
                        maximize,
                        group_of,
                        criterion_weights,
                        group_weights,
                        nested,
                    }
                },
            )
    })
}

/// The scenario of a model; `shift` is added to every value (a second,
/// different scenario for comparisons).
fn scenario(model: &Model, shift: &dyn Fn(usize, usize) -> f64) -> Scenario {
    let mut s = Scenario::empty(Text::new("random tree"));
    s.criteria = (0..model.m)
        .map(|j| Criterion {
            id: format!("c{j}"),
            name: Text::new(format!("C{j}")),
            description: Text::default(),
            direction: if model.maximize[j] {
                Direction::Maximize
            } else {
                Direction::Minimize
            },
            unit: Default::default(),
            scale: None,
            veto: None,
            preference: Preference::Usual,
            value_function: None,
        })
        .collect();
    for g in 1..=GROUPS {
        let mut children: Vec<String> = (0..model.m)
            .filter(|&j| model.group_of[j] == g)
            .map(|j| format!("c{j}"))
            .collect();
        // Group 2 sits inside group 1 only when it exists (holds a criterion).
        if model.nested && g == 1 && model.group_of.contains(&2) {
            children.push("g2".into());
        }
        if !children.is_empty() {
            s.groups.push(Group {
                id: format!("g{g}"),
                name: Text::new(format!("G{g}")),
                description: Text::default(),
                children,
            });
        }
    }
    for i in 0..model.n {
        s.alternatives.push(Alternative {
            id: format!("o{i}"),
            name: Text::new(format!("O{i}")),
            description: Text::default(),
            needs: BTreeMap::new(),
        });
        for j in 0..model.m {
            s.scores.push(Score {
                alternative: format!("o{i}"),
                criterion: format!("c{j}"),
                value: f64::from(model.values[i * model.m + j]) + shift(i, j),
                low: None,
                high: None,
                rationale: Text::default(),
                sources: Vec::new(),
                illustrative: false,
            });
        }
    }
    let mut p = WeightProfile::new("p", Text::new("P"));
    for j in 0..model.m {
        p.weights
            .insert(format!("c{j}"), f64::from(model.criterion_weights[j]));
    }
    for g in &s.groups {
        let k: usize = g.id[1..].parse().expect("group number");
        p.weights
            .insert(g.id.clone(), f64::from(model.group_weights[k - 1]));
    }
    s.profiles = vec![p];
    s.active_profile = "p".into();
    s
}

/// Every group id of the scenario, or none, or every other one.
fn expansions(s: &Scenario) -> Vec<Vec<String>> {
    let all: Vec<String> = s.groups.iter().map(|g| g.id.clone()).collect();
    let some: Vec<String> = all.iter().step_by(2).cloned().collect();
    vec![Vec::new(), some, all]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the tree and whichever groups are opened, the parts of an
    /// option add up to its weighted-sum score, and the nodes' weights to
    /// the criteria's.
    #[test]
    fn group_parts_sum_to_the_weighted_sum_score(model in models()) {
        let s = scenario(&model, &|_, _| 0.0);
        let e = evaluate_profile(&s, &s.profiles[0], Method::Wsm);
        let tree = ValueTree::new(&s);
        for expanded in expansions(&s) {
            let nodes = shown_nodes(&tree, &s, &expanded);
            // The shown nodes cover every criterion exactly once.
            let mut covered: Vec<usize> = nodes.iter().flat_map(|&n| tree.criteria_under(n)).collect();
            covered.sort_unstable();
            prop_assert_eq!(covered, (0..model.m).collect::<Vec<_>>());
            for (id, parts) in node_contributions(&e.matrix, &s, &tree, &nodes) {
                let score = e.score_of(&id).expect("ranked");
                let sum: f64 = parts.iter().sum();
                prop_assert!((sum - score).abs() < 1e-9, "{id}: parts {parts:?} sum {sum}, score {score}");
            }
            // The nodes' weights share out exactly the criteria's.
            let total: f64 = node_weights(&e.matrix, &s, &tree, &nodes).iter().sum();
            let criteria: f64 = e.matrix.weights.iter().sum();
            prop_assert!((total - criteria).abs() < 1e-9, "node weights {total}, criteria {criteria}");
        }
    }

    /// From A to B (different values and weights), the group parts of the
    /// change add up to gap_b − gap_a, and each group's part is the sum of
    /// its criteria's terms.
    #[test]
    fn comparison_group_parts_sum_to_the_change(model in models(), bump in prop::collection::vec(0u8..=6, 36), reweigh in 1u8..=10) {
        // No zero weight, so neither file's profile is all zero (invalid).
        let model = Model {
            criterion_weights: model.criterion_weights.iter().map(|w| w + 1).collect(),
            group_weights: model.group_weights.iter().map(|w| w + 1).collect(),
            ..model
        };
        let a = scenario(&model, &|_, _| 0.0);
        let mut b = scenario(&model, &|i, j| f64::from(bump[(i * 6 + j) % bump.len()]));
        if let Some(p) = b.profiles.first_mut() {
            if p.weights.contains_key("g1") {
                p.weights.insert("g1".into(), f64::from(reweigh));
            }
            p.weights.insert("c0".into(), f64::from(reweigh) + 1.0);
        }
        let c = compare(&a, &b, Method::Wsm, None).expect("comparable");
        let Some(e) = c.explanation() else { return Ok(()); };
        for expanded in expansions(&b) {
            let groups = group_terms_at(e, &a, &b, &expanded);
            let total: f64 = groups.iter().map(|g| g.total()).sum();
            prop_assert!((total - (e.gap_b - e.gap_a)).abs() < 1e-9, "{total} vs {}", e.gap_b - e.gap_a);
            for g in &groups {
                let w: f64 = g.criteria.iter().map(|t| t.weight_effect).sum();
                let v: f64 = g.criteria.iter().map(|t| t.value_effect).sum();
                prop_assert!((w - g.weight_effect).abs() < 1e-12 && (v - g.value_effect).abs() < 1e-12);
            }
            // Every criterion's term is in exactly one group.
            let placed: usize = groups.iter().map(|g| g.criteria.len()).sum();
            prop_assert_eq!(placed, e.terms.len());
            // The re-cut explanation draws the same gaps and sums the same way.
            let cut = grouped_explanation(e, &a, &b, &expanded);
            prop_assert!((cut.total() - e.total()).abs() < 1e-9);
        }
    }
}

/// Each criterion alone in its own group, weighted as the flat criterion
/// was: every option's group parts equal its flat criterion contributions.
#[test]
fn singleton_groups_split_as_the_criteria_do() {
    let model = Model {
        n: 4,
        m: 3,
        values: vec![3, 7, 1, 9, 2, 5, 4, 4, 8, 0, 10, 6],
        maximize: vec![true, false, true],
        group_of: vec![0, 0, 0],
        criterion_weights: vec![5, 3, 2],
        group_weights: vec![0, 0, 0],
        nested: false,
    };
    let flat = scenario(&model, &|_, _| 0.0);
    let mut grouped = flat.clone();
    grouped.groups = (0..3)
        .map(|j| Group {
            id: format!("g{j}"),
            name: Text::new(format!("G{j}")),
            description: Text::default(),
            children: vec![format!("c{j}")],
        })
        .collect();
    let p = &mut grouped.profiles[0];
    for (j, w) in [5.0, 3.0, 2.0].into_iter().enumerate() {
        p.weights.insert(format!("g{j}"), w);
        // Alone in its group, the criterion's own weight does not matter.
        p.weights.insert(format!("c{j}"), 1.0 + j as f64);
    }
    let flat_eval = evaluate_profile(&flat, &flat.profiles[0], Method::Wsm);
    let grouped_eval = evaluate_profile(&grouped, &grouped.profiles[0], Method::Wsm);
    let tree = ValueTree::new(&grouped);
    let nodes = shown_nodes(&tree, &grouped, &[]);
    assert_eq!(nodes, vec![Node::Group(0), Node::Group(1), Node::Group(2)]);
    let by_group = node_contributions(&grouped_eval.matrix, &grouped, &tree, &nodes);
    let by_criterion = wsm_parts(&flat_eval.matrix);
    let m = 3;
    for (i, (id, parts)) in by_group.iter().enumerate() {
        assert_eq!(flat_eval.matrix.alternatives[i], *id);
        for j in 0..m {
            assert!(
                (parts[j] - by_criterion[i * m + j]).abs() < 1e-12,
                "{id} part {j}: {} vs {}",
                parts[j],
                by_criterion[i * m + j]
            );
        }
    }
}

/// A hand-made comparison: Security (risk, mandate) and cost at the root.
/// The weight on Security rises from 50% to 75% and CAR's risk improves.
#[test]
fn a_hand_computed_comparison_sums_per_group() {
    let text = |security: u32, car_risk: u32| {
        format!(
            r#"(
    format_version: 3,
    title: "t",
    criteria: [
        (id: "risk", name: "Risk", direction: Minimize),
        (id: "mandate", name: "Mandate", direction: Maximize),
        (id: "cost", name: "Cost", direction: Minimize),
    ],
    groups: [ (id: "security", name: (en: "Security", fr: "Sécurité"), children: ["risk", "mandate"]) ],
    alternatives: [ (id: "car", name: "CAR"), (id: "mali", name: "Mali") ],
    scores: [
        (alternative: "car", criterion: "risk", value: {car_risk}),
        (alternative: "car", criterion: "mandate", value: 0),
        (alternative: "car", criterion: "cost", value: 0),
        (alternative: "mali", criterion: "risk", value: 4),
        (alternative: "mali", criterion: "mandate", value: 10),
        (alternative: "mali", criterion: "cost", value: 10),
    ],
    profiles: [ (id: "p", name: "P", weights: {{"security": {security}, "cost": {cost}, "risk": 1, "mandate": 1}}) ],
    active_profile: "p",
)"#,
            cost = 100 - security
        )
    };
    let a = tradeoff::io::ron_file::parse(&text(50, 8), "a.ron").expect("a parses");
    let b = tradeoff::io::ron_file::parse(&text(75, 2), "b.ron").expect("b parses");
    let c = compare(&a, &b, Method::Wsm, None).expect("comparable");
    let e = c.explanation().expect("explained");
    let groups = group_terms(e, &a, &b);
    let ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    // B's root holds cost (a criterion) first, then the Security group.
    assert_eq!(ids, vec!["cost", "security"]);
    let security = &groups[1];
    assert!(security.group);
    assert_eq!(security.criteria.len(), 2);
    // The gap is score(second) − score(first); rebuild it per criterion.
    let gap_change = e.gap_b - e.gap_a;
    let sum: f64 = groups.iter().map(|g| g.total()).sum();
    assert!((sum - gap_change).abs() < 1e-12);
    // Security's weight effect: its criteria's weight effects, by hand.
    // Scaled values (min/max over the two options): risk, mandate, cost.
    let (first, second) = (e.first.as_str(), e.second.as_str());
    let scaled = |s: &tradeoff::model::Scenario, alt: &str, crit: &str| -> f64 {
        let v = |o: &str| {
            s.scores
                .iter()
                .find(|x| x.alternative == o && x.criterion == crit)
                .expect("score")
                .value
        };
        let (x, lo, hi) = (v(alt), v("car").min(v("mali")), v("car").max(v("mali")));
        if hi == lo {
            return 1.0;
        }
        if crit == "mandate" {
            (x - lo) / (hi - lo)
        } else {
            (hi - x) / (hi - lo)
        }
    };
    let d = |s: &tradeoff::model::Scenario, crit: &str| {
        scaled(s, second, crit) - scaled(s, first, crit)
    };
    // Risk and mandate each get half of Security's share.
    let (wa, wb) = (0.5 * 0.5, 0.75 * 0.5);
    let weight_effect: f64 = ["risk", "mandate"]
        .iter()
        .map(|cr| (wb - wa) * (d(&a, cr) + d(&b, cr)) / 2.0)
        .sum();
    let value_effect: f64 = ["risk", "mandate"]
        .iter()
        .map(|cr| (d(&b, cr) - d(&a, cr)) * (wa + wb) / 2.0)
        .sum();
    assert!(
        (security.weight_effect - weight_effect).abs() < 1e-12,
        "{} vs {weight_effect}",
        security.weight_effect
    );
    assert!(
        (security.value_effect - value_effect).abs() < 1e-12,
        "{} vs {value_effect}",
        security.value_effect
    );
}
