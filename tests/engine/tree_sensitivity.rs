//! Sensitivity on a value tree (issue 20): a group's share of its parent
//! against brute force (the profile rewritten so the group has share t and
//! its siblings keep their proportions, weighed through the tree), and a
//! value-function point against brute force (the point moved, the matrix
//! scored again).

use proptest::prelude::*;
use tradeoff::analysis::sensitivity::{
    SensitivityCurve, all_value_points, group_sensitivity, sensitivity, value_point::valid_range,
};
use tradeoff::analysis::{DecisionMatrix, Method, competition_ranks, scores_with_weights};
use tradeoff::model::{
    Direction, Group, Node, Preference, Scenario, ValueFunction, ValueTree, WeightProfile,
};

/// Probe distance either side of a switch point.
const OFFSET: f64 = 1e-4;

/// A scenario of `n` options and `m` criteria (`c0`…, options `a0`…) from
/// CSV, with `parents[g]` the parent of group `g` (None: the root; only
/// earlier groups, so no cycle) and `homes[j]` the group holding criterion
/// j (None: the root), and raw weights `weights` on criteria then groups.
fn scenario(
    n: usize,
    values: &[f64],
    maximise: &[bool],
    homes: &[Option<usize>],
    parents: &[Option<usize>],
    weights: &[f64],
) -> Scenario {
    let m = maximise.len();
    let mut csv = String::from("alternative");
    for j in 0..m {
        csv.push_str(&format!(",c{j}"));
    }
    csv.push_str("\n#direction");
    for &b in maximise {
        csv.push_str(if b { ",max" } else { ",min" });
    }
    csv.push_str("\n#weight");
    for _ in 0..m {
        csv.push_str(",1");
    }
    for i in 0..n {
        csv.push_str(&format!("\na{i}"));
        for j in 0..m {
            csv.push_str(&format!(",{}", values[i * m + j]));
        }
    }
    csv.push('\n');
    let mut s = tradeoff::io::csv::parse(&csv, "test.csv").expect("CSV parses");
    s.groups = (0..parents.len())
        .map(|g| Group {
            id: format!("g{g}"),
            name: format!("Group {g}").as_str().into(),
            description: Default::default(),
            children: Vec::new(),
        })
        .collect();
    for (g, p) in parents.iter().enumerate() {
        if let Some(p) = *p {
            let id = format!("g{g}");
            s.groups[p].children.push(id);
        }
    }
    for (j, h) in homes.iter().enumerate() {
        if let Some(h) = *h {
            s.groups[h].children.push(format!("c{j}"));
        }
    }
    let profile = &mut s.profiles[0];
    profile.weights.clear();
    for (k, &w) in weights.iter().enumerate().take(m + parents.len()) {
        let id = if k < m {
            format!("c{k}")
        } else {
            format!("g{}", k - m)
        };
        profile.weights.insert(id, w);
    }
    s
}

/// The matrix weights when group `g` has share t by brute force: the
/// profile's raw weights rewritten (g: t; each present sibling: its share
/// of the others times 1 - t, or an equal part if they are all 0) and the
/// tree's effective weights read in matrix column order.
fn brute_weights(s: &Scenario, matrix: &DecisionMatrix, g: usize, t: f64) -> Vec<f64> {
    let tree = ValueTree::new(s);
    let included: Vec<bool> = s
        .criteria
        .iter()
        .map(|c| matrix.criteria.contains(&c.id))
        .collect();
    let node = Node::Group(g);
    let parent = tree.parent(node).expect("a group has a parent");
    let present = |n: Node| takes_part(s, &tree, &s.profiles[0], &included, n);
    let siblings: Vec<Node> = tree
        .children(parent)
        .iter()
        .copied()
        .filter(|&c| c != node && present(c))
        .collect();
    let mut profile: WeightProfile = s.profiles[0].clone();
    // A group with nothing scored below it has no weight to move.
    if !siblings.is_empty() && present(node) {
        let raw = |n: Node| profile.weight(tree.id(s, n));
        let others: f64 = siblings.iter().map(|&c| raw(c)).sum();
        let new: Vec<(String, f64)> = siblings
            .iter()
            .map(|&c| {
                let share = if others > 0.0 {
                    raw(c) / others
                } else {
                    1.0 / siblings.len() as f64
                };
                (tree.id(s, c).to_string(), share * (1.0 - t))
            })
            .collect();
        for (id, w) in new {
            profile.weights.insert(id, w);
        }
        profile.weights.insert(format!("g{g}"), t);
    }
    let effective = tree.effective_weights(&profile, &included);
    matrix
        .criteria
        .iter()
        .map(|id| {
            let j = s
                .criteria
                .iter()
                .position(|c| c.id == *id)
                .expect("criterion");
            effective[j]
        })
        .collect()
}

/// The matrix of every option under the scenario's profile (the random
/// scenarios have no vetoes, so every option is feasible).
fn matrix_of(s: &Scenario) -> DecisionMatrix {
    let ids: Vec<String> = s.alternatives.iter().map(|a| a.id.clone()).collect();
    DecisionMatrix::build(s, &s.profiles[0], &ids)
}

/// Whether a node takes part in the weighting (the tree's rule): an
/// included criterion, or a group with a child of positive weight that takes part.
fn takes_part(
    s: &Scenario,
    tree: &ValueTree,
    profile: &WeightProfile,
    included: &[bool],
    node: Node,
) -> bool {
    match node {
        Node::Root => true,
        Node::Criterion(j) => included[j],
        Node::Group(_) => tree.children(node).iter().any(|&c| {
            profile.weight(tree.id(s, c)) > 0.0 && takes_part(s, tree, profile, included, c)
        }),
    }
}

fn top(scores: &[f64]) -> usize {
    competition_ranks(scores)
        .iter()
        .position(|&r| r == 1)
        .expect("some option is first")
}

fn brute_top(s: &Scenario, matrix: &DecisionMatrix, method: Method, g: usize, t: f64) -> usize {
    top(&scores_with_weights(
        method,
        matrix,
        &brute_weights(s, matrix, g, t),
    ))
}

/// Checks a group curve against brute force: ordered switch points inside
/// (0, 1), the right tops either side of each, equal scores at each (exact
/// methods), and no switch missed on a dense scan.
fn check_group_curve(
    s: &Scenario,
    matrix: &DecisionMatrix,
    method: Method,
    g: usize,
    curve: &SensitivityCurve,
) -> Result<(), TestCaseError> {
    let ts: Vec<f64> = curve.thresholds.iter().map(|t| t.weight).collect();
    prop_assert!(ts.windows(2).all(|w| w[0] < w[1]), "increasing: {ts:?}");
    prop_assert!(ts.iter().all(|&t| t > 0.0 && t < 1.0));
    let crowded = ts.windows(2).any(|w| w[1] - w[0] < 3.0 * OFFSET)
        || ts
            .iter()
            .any(|&t| !(3.0 * OFFSET..=1.0 - 3.0 * OFFSET).contains(&t));
    prop_assume!(!crowded);
    for th in &curve.thresholds {
        let before = brute_top(s, matrix, method, g, th.weight - OFFSET);
        let after = brute_top(s, matrix, method, g, th.weight + OFFSET);
        prop_assert_eq!(&matrix.alternatives[before], &th.top_before);
        prop_assert_eq!(&matrix.alternatives[after], &th.top_after);
        if method != Method::Topsis {
            let w = brute_weights(s, matrix, g, th.weight);
            let scores = scores_with_weights(method, matrix, &w);
            prop_assert!((scores[before] - scores[after]).abs() < 1e-9);
        }
    }
    for k in 0..=1000 {
        let t = OFFSET + (1.0 - 2.0 * OFFSET) * k as f64 / 1000.0;
        if ts.iter().any(|&x| (x - t).abs() < OFFSET) {
            continue;
        }
        let top = brute_top(s, matrix, method, g, t);
        prop_assert_eq!(
            Some(matrix.alternatives[top].as_str()),
            curve.top_at(t),
            "t = {}",
            t
        );
    }
    Ok(())
}

/// Random trees: criteria in groups or at the root, groups nested under
/// earlier groups, small integer values (many exact ties) or spread ones,
/// and some zero weights.
fn random_tree() -> impl Strategy<Value = Scenario> {
    (2usize..6, 2usize..6, 1usize..4, any::<bool>()).prop_flat_map(|(n, m, k, integers)| {
        let value = if integers { 0.0..4.0f64 } else { 0.0..10.0f64 };
        (
            prop::collection::vec(value, n * m),
            prop::collection::vec(any::<bool>(), m),
            prop::collection::vec(prop::option::weighted(0.7, 0..k), m),
            prop::collection::vec(0usize..k + 1, k),
            prop::collection::vec(prop_oneof![1 => Just(0.0), 6 => 0.05..1.0f64], m + k),
        )
            .prop_map(move |(values, max, homes, parent_picks, weights)| {
                let values: Vec<f64> = if integers {
                    values.iter().map(|v| v.floor()).collect()
                } else {
                    values
                };
                // Group g's parent: an earlier group, or the root.
                let parents: Vec<Option<usize>> = parent_picks
                    .iter()
                    .enumerate()
                    .map(|(g, &p)| (p < g).then_some(p))
                    .collect();
                scenario(n, &values, &max, &homes, &parents, &weights)
            })
    })
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Wsm),
        Just(Method::Topsis),
        Just(Method::Promethee2)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn group_switch_points_match_brute_force(s in random_tree(), method in method()) {
        let matrix = &matrix_of(&s);
        let profile = &s.profiles[0];
        for g in 0..s.groups.len() {
            let curve = group_sensitivity(&s, profile, matrix, method, g, 21);
            // The sweep passes through today's weights at the current share
            // (unless the group and its siblings all weigh 0: then the
            // siblings share 1 - t equally, as criteria do).
            let tree = ValueTree::new(&s);
            let parent = tree.parent(Node::Group(g)).expect("a parent");
            let included = vec![true; s.criteria.len()];
            let weighed = tree.children(parent).iter().any(|&c| {
                takes_part(&s, &tree, profile, &included, c) && profile.weight(tree.id(&s, c)) > 0.0
            });
            let now = brute_weights(&s, matrix, g, curve.current_weight);
            for (a, b) in now.iter().zip(&matrix.weights) {
                prop_assert!(!weighed || (a - b).abs() < 1e-9, "{now:?} vs {:?}", matrix.weights);
            }
            check_group_curve(&s, matrix, method, g, &curve)?;
        }
    }
}

#[test]
fn a_group_holding_one_criterion_moves_like_that_criterion() {
    // Root: c0, c1 and group g0 = {c2}; g0's share is c2's weight.
    let values = [3.0, 1.0, 0.0, 1.0, 3.0, 1.0, 2.0, 2.0, 4.0];
    let s = scenario(
        3,
        &values,
        &[true, true, true],
        &[None, None, Some(0)],
        &[None],
        &[0.5, 0.3, 1.0, 0.2],
    );
    for method in [Method::Wsm, Method::Promethee2, Method::Topsis] {
        let matrix = matrix_of(&s);
        let group = group_sensitivity(&s, &s.profiles[0], &matrix, method, 0, 51);
        let criterion = sensitivity(&matrix, method, 2, 51);
        assert!((group.current_weight - 0.2).abs() < 1e-12);
        assert_eq!(group.thresholds.len(), criterion.thresholds.len());
        assert!(!group.thresholds.is_empty(), "c2 can overturn the winner");
        for (a, b) in group.thresholds.iter().zip(&criterion.thresholds) {
            assert!((a.weight - b.weight).abs() < 1e-7, "{a:?} vs {b:?}");
            assert_eq!((&a.top_before, &a.top_after), (&b.top_before, &b.top_after));
        }
    }
}

#[test]
fn a_lone_child_group_cannot_move() {
    // g0 is the only child of the root: its share is always 1.
    let values = [3.0, 1.0, 1.0, 3.0];
    let s = scenario(
        2,
        &values,
        &[true, true],
        &[Some(0), Some(0)],
        &[None],
        &[0.5, 0.5, 1.0],
    );
    let curve = group_sensitivity(&s, &s.profiles[0], &matrix_of(&s), Method::Wsm, 0, 11);
    assert!(curve.thresholds.is_empty());
    assert_eq!(curve.current_weight, 1.0);
    for row in &curve.scores {
        assert!(row.iter().all(|&x| (x - row[0]).abs() < 1e-12));
    }
}

#[test]
fn tied_options_switch_once_where_a_third_overtakes_both() {
    // a0 and a1 are identical (tied first); a2 is best on c1 in group g0.
    // Score of a0/a1: 1 - t; a2: t (one criterion each side): switch at 1/2,
    // from a0 (first in row order among the tied) to a2.
    let values = [1.0, 0.0, 1.0, 0.0, 0.0, 1.0];
    let s = scenario(
        3,
        &values,
        &[true, true],
        &[None, Some(0)],
        &[None],
        &[1.0, 1.0, 1.0],
    );
    let curve = group_sensitivity(&s, &s.profiles[0], &matrix_of(&s), Method::Wsm, 0, 11);
    assert_eq!(curve.thresholds.len(), 1, "{:?}", curve.thresholds);
    let th = &curve.thresholds[0];
    assert!((th.weight - 0.5).abs() < 1e-12);
    assert_eq!(
        (th.top_before.as_str(), th.top_after.as_str()),
        ("a0", "a2")
    );
}

/// A matrix whose column 0 carries a value function with `points`.
fn with_function(mut matrix: DecisionMatrix, points: Vec<(f64, f64)>) -> DecisionMatrix {
    let m = matrix.m();
    matrix.value_functions = vec![None; m];
    matrix.value_functions[0] = Some(ValueFunction(points));
    matrix
}

/// Random matrices with a monotone value function on column 0.
fn random_value_case() -> impl Strategy<Value = DecisionMatrix> {
    (2usize..6, 2usize..4, 2usize..5, any::<bool>()).prop_flat_map(|(n, m, k, rising)| {
        (
            prop::collection::vec(0.0..10.0f64, n * m),
            prop::collection::vec(0.05..1.0f64, m),
            prop::collection::vec(0.5..3.0f64, k),
            prop::collection::vec(0.0..100.0f64, k),
        )
            .prop_map(move |(values, weights, gaps, mut levels)| {
                let total: f64 = weights.iter().sum();
                let weights = weights.iter().map(|w| w / total).collect();
                let mut matrix =
                    DecisionMatrix::synthetic(n, m, values, weights, vec![Preference::Usual; m]);
                matrix.directions[0] = if rising {
                    Direction::Maximize
                } else {
                    Direction::Minimize
                };
                levels.sort_by(f64::total_cmp);
                if !rising {
                    levels.reverse();
                }
                let mut x = -1.0;
                let points = gaps
                    .iter()
                    .zip(levels)
                    .map(|(g, v)| {
                        x += g * 3.0;
                        (x, v)
                    })
                    .collect();
                with_function(matrix, points)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn value_point_switches_match_brute_force(matrix in random_value_case()) {
        let function = matrix.value_functions[0].clone().expect("a function");
        for vp in all_value_points(&matrix, 11) {
            let p = vp.point;
            let levels: Vec<f64> = function.points().iter().map(|q| q.1).collect();
            prop_assert_eq!(vp.range, valid_range(&levels, p, matrix.directions[0]));
            // Every value in the range keeps the function monotone in its direction.
            let brute = |v: f64| {
                let mut moved = matrix.clone();
                if let Some(Some(f)) = moved.value_functions.get_mut(0) {
                    f.0[p].1 = v;
                }
                top(&scores_with_weights(Method::Wsm, &moved, &matrix.weights))
            };
            let vs: Vec<f64> = vp.switches.iter().map(|s| s.value).collect();
            prop_assert!(vs.windows(2).all(|w| w[0] < w[1]), "increasing: {vs:?}");
            let (lo, hi) = vp.range;
            let probe = OFFSET * 100.0;
            let crowded = vs.windows(2).any(|w| w[1] - w[0] < 3.0 * probe)
                || vs.iter().any(|&v| v < lo + 3.0 * probe || v > hi - 3.0 * probe);
            prop_assume!(!crowded);
            for s in &vp.switches {
                prop_assert_eq!(&matrix.alternatives[brute(s.value - probe)], &s.top_before);
                prop_assert_eq!(&matrix.alternatives[brute(s.value + probe)], &s.top_after);
            }
            // The top as read from the switches, at any value of the range.
            let top_at = |v: f64| match vp.switches.iter().rposition(|s| s.value <= v) {
                Some(k) => vp.switches[k].top_after.clone(),
                None => vp.switches.first().map_or_else(
                    || vp.top.clone().expect("a top"),
                    |s| s.top_before.clone(),
                ),
            };
            for k in 0..=400 {
                let v = lo + (hi - lo) * k as f64 / 400.0;
                if vs.iter().any(|&x| (x - v).abs() < probe) {
                    continue;
                }
                prop_assert_eq!(&matrix.alternatives[brute(v)], &top_at(v), "v = {}", v);
            }
            // The stable stretch holds the current value and the current top.
            let (a, b) = vp.stable();
            prop_assert!(a <= vp.current && vp.current <= b);
            prop_assert_eq!(
                vp.top.as_deref(),
                Some(matrix.alternatives[brute(vp.current)].as_str())
            );
        }
    }
}

#[test]
fn value_point_range_stays_between_neighbours_in_the_direction() {
    let rising = [0.0, 40.0, 90.0];
    assert_eq!(valid_range(&rising, 0, Direction::Maximize), (0.0, 40.0));
    assert_eq!(valid_range(&rising, 1, Direction::Maximize), (0.0, 90.0));
    assert_eq!(valid_range(&rising, 2, Direction::Maximize), (40.0, 100.0));
    let falling = [100.0, 80.0, 0.0];
    assert_eq!(valid_range(&falling, 0, Direction::Minimize), (80.0, 100.0));
    assert_eq!(valid_range(&falling, 1, Direction::Minimize), (0.0, 100.0));
    assert_eq!(valid_range(&falling, 2, Direction::Minimize), (0.0, 80.0));
}

#[test]
fn value_point_switch_is_where_two_scores_meet_by_hand() {
    // Column 0 (weight 3/4) has the function (0, 0), (10, v), (20, 100):
    // a0 at x = 5 is worth v/2, a1 at x = 10 is worth v. Column 1 (weight
    // 1/4) scales a0 to 1 and a1 to 0. Scores: a0 = 3v/800 + 1/4 and
    // a1 = 3v/400; they meet at v = 200/3, a0 ahead below, a1 above.
    let values = vec![5.0, 1.0, 10.0, 0.0];
    let mut matrix =
        DecisionMatrix::synthetic(2, 2, values, vec![0.75, 0.25], vec![Preference::Usual; 2]);
    matrix.directions = vec![Direction::Maximize, Direction::Maximize];
    let matrix = with_function(matrix, vec![(0.0, 0.0), (10.0, 50.0), (20.0, 100.0)]);
    let points = all_value_points(&matrix, 11);
    let mid = points.iter().find(|p| p.point == 1).expect("point 1");
    assert_eq!(mid.range, (0.0, 100.0));
    assert_eq!(mid.switches.len(), 1, "{:?}", mid.switches);
    assert!((mid.switches[0].value - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        (
            mid.switches[0].top_before.as_str(),
            mid.switches[0].top_after.as_str()
        ),
        ("a0", "a1")
    );
    assert_eq!(mid.top.as_deref(), Some("a0"));
    assert_eq!(mid.stable(), (0.0, mid.switches[0].value));
}
