//! The value tree built from a scenario's `groups`, and the weights it gives:
//! each node's share among its siblings and each criterion's effective weight.

use super::scenario::{Scenario, WeightProfile};
use super::text::Lang;
use std::collections::HashMap;

/// A node of the value tree: indices into `scenario.groups` / `scenario.criteria`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// The top of the tree (no id, no weight; its share is 1).
    Root,
    /// The i-th group of the scenario.
    Group(usize),
    /// The j-th criterion of the scenario.
    Criterion(usize),
}

/// Divides `weights` by their sum; all-zero (or empty) input, or input
/// whose sum is not finite, is returned unchanged.
pub fn normalise(weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    if total > 0.0 && total.is_finite() {
        weights.iter().map(|w| w / total).collect()
    } else {
        weights.to_vec()
    }
}

/// Why the tolerant build left out one entry of a group's `children`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The id names no criterion and no group.
    Unknown,
    /// The node was already placed under this earlier group.
    Repeated(usize),
    /// The child is the group itself or one of its ancestors.
    Cycle,
}

/// One entry of a group's `children` that the tree does not use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkippedChild {
    /// Index of the group in `scenario.groups`.
    pub group: usize,
    /// Position of the entry in that group's `children`.
    pub position: usize,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// The tree of a scenario's criteria and groups. It keeps the ids (the
/// keys of profiles' weights); names are read from the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueTree {
    skipped: Vec<SkippedChild>,
    group_ids: Vec<String>,
    criterion_ids: Vec<String>,
    root_children: Vec<Node>,
    group_children: Vec<Vec<Node>>,
    group_parent: Vec<Node>,
    criterion_parent: Vec<Node>,
}

/// Each node's share among its siblings and its effective weight (product
/// of shares from the root down), as given by one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeShares {
    group_share: Vec<f64>,
    group_effective: Vec<f64>,
    criterion_share: Vec<f64>,
    criterion_effective: Vec<f64>,
}

impl NodeShares {
    /// The node's weight normalised among its siblings (1 for Root, 0 for a
    /// node left out or out of range).
    pub fn share(&self, node: Node) -> f64 {
        match node {
            Node::Root => 1.0,
            Node::Group(g) => self.group_share.get(g).copied().unwrap_or(0.0),
            Node::Criterion(j) => self.criterion_share.get(j).copied().unwrap_or(0.0),
        }
    }

    /// The product of shares from the root down to the node (1 for Root).
    pub fn effective(&self, node: Node) -> f64 {
        match node {
            Node::Root => 1.0,
            Node::Group(g) => self.group_effective.get(g).copied().unwrap_or(0.0),
            Node::Criterion(j) => self.criterion_effective.get(j).copied().unwrap_or(0.0),
        }
    }
}

impl ValueTree {
    /// Tolerant build: never fails. Unknown child ids are skipped, a
    /// criterion or group listed twice stays under its first parent (groups
    /// read in file order), a cycle is broken by skipping the child that
    /// would close it (validation reports all of these with positions).
    /// A child id naming both a criterion and a group means the criterion.
    pub fn new(scenario: &Scenario) -> ValueTree {
        let (n_groups, n_criteria) = (scenario.groups.len(), scenario.criteria.len());
        let mut ids: HashMap<&str, Node> = HashMap::new();
        for (g, group) in scenario.groups.iter().enumerate().rev() {
            ids.insert(group.id.as_str(), Node::Group(g));
        }
        for (j, criterion) in scenario.criteria.iter().enumerate().rev() {
            ids.insert(criterion.id.as_str(), Node::Criterion(j));
        }
        let mut tree = ValueTree {
            skipped: Vec::new(),
            group_ids: scenario.groups.iter().map(|g| g.id.clone()).collect(),
            criterion_ids: scenario.criteria.iter().map(|c| c.id.clone()).collect(),
            root_children: Vec::new(),
            group_children: vec![Vec::new(); n_groups],
            group_parent: vec![Node::Root; n_groups],
            criterion_parent: vec![Node::Root; n_criteria],
        };
        let mut placed_groups = vec![false; n_groups];
        let mut placed_criteria = vec![false; n_criteria];
        for (g, group) in scenario.groups.iter().enumerate() {
            for (position, child_id) in group.children.iter().enumerate() {
                let skip = |reason| SkippedChild {
                    group: g,
                    position,
                    reason,
                };
                let Some(&child) = ids.get(child_id.as_str()) else {
                    tree.skipped.push(skip(SkipReason::Unknown));
                    continue;
                };
                let earlier = |parent: Node| match parent {
                    Node::Group(p) => SkipReason::Repeated(p),
                    _ => SkipReason::Cycle,
                };
                match child {
                    Node::Criterion(j) if placed_criteria[j] => {
                        tree.skipped.push(skip(earlier(tree.criterion_parent[j])));
                        continue;
                    }
                    Node::Criterion(j) => {
                        placed_criteria[j] = true;
                        tree.criterion_parent[j] = Node::Group(g);
                    }
                    Node::Group(c) if tree.is_at_or_above(c, g) => {
                        tree.skipped.push(skip(SkipReason::Cycle));
                        continue;
                    }
                    Node::Group(c) if placed_groups[c] => {
                        tree.skipped.push(skip(earlier(tree.group_parent[c])));
                        continue;
                    }
                    Node::Group(c) => {
                        placed_groups[c] = true;
                        tree.group_parent[c] = Node::Group(g);
                    }
                    Node::Root => continue,
                }
                tree.group_children[g].push(child);
            }
        }
        tree.root_children = (0..n_criteria)
            .filter(|&j| !placed_criteria[j])
            .map(Node::Criterion)
            .chain(
                (0..n_groups)
                    .filter(|&g| !placed_groups[g])
                    .map(Node::Group),
            )
            .collect();
        tree
    }

    /// The entries of groups' `children` the build left out, in file order.
    pub fn skipped(&self) -> &[SkippedChild] {
        &self.skipped
    }

    /// True when group `above` is `g` or one of its ancestors so far.
    fn is_at_or_above(&self, above: usize, g: usize) -> bool {
        let mut node = Node::Group(g);
        // Parents are assigned without cycles, so this walk ends; the bound
        // is a second guarantee.
        for _ in 0..=self.group_parent.len() {
            match node {
                Node::Group(x) if x == above => return true,
                Node::Group(x) => node = self.group_parent[x],
                _ => return false,
            }
        }
        false
    }

    /// True when the scenario has no groups (every criterion under the root).
    pub fn is_flat(&self) -> bool {
        self.group_children.is_empty()
    }

    /// A group's children in its `children` list order; Root's: criteria no
    /// group lists, in criteria order, then groups no group lists, in groups
    /// order. A criterion (or an index out of range) has none.
    pub fn children(&self, node: Node) -> &[Node] {
        match node {
            Node::Root => &self.root_children,
            Node::Group(g) => self.group_children.get(g).map_or(&[], Vec::as_slice),
            Node::Criterion(_) => &[],
        }
    }

    /// The node's parent (None for Root).
    pub fn parent(&self, node: Node) -> Option<Node> {
        match node {
            Node::Root => None,
            Node::Group(g) => self.group_parent.get(g).copied(),
            Node::Criterion(j) => self.criterion_parent.get(j).copied(),
        }
    }

    /// Number of steps from the root (0 for Root).
    pub fn depth(&self, node: Node) -> usize {
        self.path(node).len() - 1
    }

    /// The nodes from Root down to `node`, both included.
    pub fn path(&self, node: Node) -> Vec<Node> {
        let mut path = vec![node];
        let mut at = node;
        while let Some(parent) = self.parent(at) {
            path.push(parent);
            at = parent;
        }
        path.reverse();
        path
    }

    /// Indices of the criteria at or below `node`, in tree order (depth first,
    /// children in order).
    pub fn criteria_under(&self, node: Node) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![node];
        while let Some(at) = stack.pop() {
            match at {
                Node::Criterion(j) => out.push(j),
                _ => stack.extend(self.children(at).iter().rev()),
            }
        }
        out
    }

    /// Every node except Root, depth first in display order.
    pub fn nodes(&self) -> Vec<Node> {
        let mut out = Vec::new();
        let mut stack: Vec<Node> = self.children(Node::Root).iter().rev().copied().collect();
        while let Some(at) = stack.pop() {
            out.push(at);
            stack.extend(self.children(at).iter().rev());
        }
        out
    }

    /// The node's id ("" for Root or an index out of range).
    pub fn id<'s>(&self, scenario: &'s Scenario, node: Node) -> &'s str {
        match node {
            Node::Root => "",
            Node::Group(g) => scenario.groups.get(g).map_or("", |x| x.id.as_str()),
            Node::Criterion(j) => scenario.criteria.get(j).map_or("", |c| c.id.as_str()),
        }
    }

    /// The node's display name in `lang` ("" for Root: callers label it).
    pub fn name(&self, scenario: &Scenario, node: Node, lang: Lang) -> String {
        match node {
            Node::Root => String::new(),
            Node::Group(g) => scenario
                .groups
                .get(g)
                .map_or_else(String::new, |x| x.name.get(lang).to_string()),
            Node::Criterion(j) => scenario
                .criteria
                .get(j)
                .map_or_else(String::new, |c| c.name.get(lang).to_string()),
        }
    }

    /// The criterion or group with this id (the criterion when both have it).
    pub fn node_by_id(&self, scenario: &Scenario, id: &str) -> Option<Node> {
        scenario
            .criteria
            .iter()
            .position(|c| c.id == id)
            .map(Node::Criterion)
            .or_else(|| {
                scenario
                    .groups
                    .iter()
                    .position(|g| g.id == id)
                    .map(Node::Group)
            })
    }

    /// The node's id as stored at construction ("" for Root).
    fn key(&self, node: Node) -> &str {
        match node {
            Node::Root => "",
            Node::Group(g) => self.group_ids.get(g).map_or("", String::as_str),
            Node::Criterion(j) => self.criterion_ids.get(j).map_or("", String::as_str),
        }
    }

    /// True when the node takes part in the weighting: a criterion that is
    /// included, or a group with a child that takes part and has a positive
    /// weight. A group whose every criterion is left out, or whose children
    /// all weigh 0, is treated as absent, so its siblings share its weight
    /// and the effective weights still sum to 1.
    fn takes_part(&self, node: Node, profile: &WeightProfile, included: &[bool]) -> bool {
        match node {
            Node::Root => true,
            Node::Criterion(j) => included.get(j).copied().unwrap_or(true),
            Node::Group(_) => self.children(node).iter().any(|&c| {
                profile.weight(self.key(c)) > 0.0 && self.takes_part(c, profile, included)
            }),
        }
    }

    /// Each node's weight normalised among its siblings (0 when all
    /// siblings are 0), indexed by `Node`; Root's share is 1. `included[j]`
    /// false (e.g. a criterion nobody scored yet) removes criterion j, and a
    /// group left with nothing included, as if absent (share 0); so does a
    /// group whose children all weigh 0 (it could pass no weight down).
    /// Criteria beyond `included`'s length count as included.
    pub fn local_shares(&self, profile: &WeightProfile, included: &[bool]) -> NodeShares {
        let scenario_sizes = (self.group_children.len(), self.criterion_parent.len());
        let mut shares = NodeShares {
            group_share: vec![0.0; scenario_sizes.0],
            group_effective: vec![0.0; scenario_sizes.0],
            criterion_share: vec![0.0; scenario_sizes.1],
            criterion_effective: vec![0.0; scenario_sizes.1],
        };
        self.fill_shares(Node::Root, 1.0, profile, included, &mut shares);
        shares
    }

    fn fill_shares(
        &self,
        node: Node,
        effective: f64,
        profile: &WeightProfile,
        included: &[bool],
        shares: &mut NodeShares,
    ) {
        let present: Vec<Node> = self
            .children(node)
            .iter()
            .copied()
            .filter(|&c| self.takes_part(c, profile, included))
            .collect();
        let raw: Vec<f64> = present
            .iter()
            .map(|&c| profile.weight(self.key(c)))
            .collect();
        for (&child, share) in present.iter().zip(normalise(&raw)) {
            let child_effective = effective * share;
            match child {
                Node::Group(g) => {
                    shares.group_share[g] = share;
                    shares.group_effective[g] = child_effective;
                    self.fill_shares(child, child_effective, profile, included, shares);
                }
                Node::Criterion(j) => {
                    shares.criterion_share[j] = share;
                    shares.criterion_effective[j] = child_effective;
                }
                Node::Root => {}
            }
        }
    }

    /// Node weights (criteria and groups, by id) that give these effective
    /// weights (one per criterion, scenario order): each node weighs the sum
    /// of the effective weights of the criteria below it, so its share among
    /// its siblings is their part of the parent's. For a flat scenario: each
    /// criterion's effective weight as it is. Used to store weights computed
    /// per criterion (elicitation, a combined profile) in a tree.
    pub fn node_weights(&self, effective: &[f64]) -> std::collections::BTreeMap<String, f64> {
        let mut out = std::collections::BTreeMap::new();
        for node in self.nodes() {
            let weight: f64 = self
                .criteria_under(node)
                .iter()
                .map(|&j| effective.get(j).copied().unwrap_or(0.0))
                .sum();
            out.insert(self.key(node).to_string(), weight);
        }
        out
    }

    /// A criterion's effective weight: the product of local shares from the
    /// root down (one per criterion, scenario order; excluded criteria get
    /// 0). Sums to 1 unless every weight is 0. For a flat scenario this is
    /// `normalise` of the included criteria's raw weights, bit for bit.
    pub fn effective_weights(&self, profile: &WeightProfile, included: &[bool]) -> Vec<f64> {
        self.local_shares(profile, included).criterion_effective
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, Direction, Group, Preference, Text};

    fn scenario(criteria: &[&str], groups: &[(&str, &[&str])]) -> Scenario {
        let mut s = Scenario::empty(Text::new("tree"));
        s.criteria = criteria
            .iter()
            .map(|id| Criterion {
                id: id.to_string(),
                name: Text::bilingual(id.to_uppercase(), format!("{id} fr")),
                description: Text::default(),
                direction: Direction::Maximize,
                unit: Text::default(),
                scale: None,
                veto: None,
                preference: Preference::Usual,
                value_function: None,
            })
            .collect();
        s.groups = groups
            .iter()
            .map(|(id, children)| Group {
                id: id.to_string(),
                name: Text::new(id.to_uppercase()),
                description: Text::default(),
                children: children.iter().map(|c| c.to_string()).collect(),
            })
            .collect();
        s
    }

    fn profile(weights: &[(&str, f64)]) -> WeightProfile {
        let mut p = WeightProfile::new("p", Text::new("P"));
        p.weights = weights.iter().map(|(k, w)| (k.to_string(), *w)).collect();
        p
    }

    #[test]
    fn flat_effective_weights_are_the_normalised_raw_weights_bit_for_bit() {
        let s = scenario(&["a", "b", "c", "d"], &[]);
        let tree = ValueTree::new(&s);
        assert!(tree.is_flat());
        let p = profile(&[("a", 0.1), ("b", 0.7), ("c", 1.0 / 3.0), ("d", 2.9)]);
        for included in [vec![true; 4], vec![true, false, true, true], vec![]] {
            let raw: Vec<f64> = (0..4)
                .filter(|&j| included.get(j).copied().unwrap_or(true))
                .map(|j| p.weight(&s.criteria[j].id))
                .collect();
            let expected = normalise(&raw);
            let got: Vec<f64> = tree
                .effective_weights(&p, &included)
                .into_iter()
                .enumerate()
                .filter(|&(j, _)| included.get(j).copied().unwrap_or(true))
                .map(|(_, w)| w)
                .collect();
            let bits = |v: &[f64]| v.iter().map(|w| w.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&expected));
        }
        assert_eq!(tree.effective_weights(&profile(&[]), &[]), vec![0.0; 4]);
    }

    #[test]
    fn effective_weight_is_the_product_of_shares_down_the_tree() {
        // root: cost (20), security (50), diplomacy (30)
        // security: risk 70, mandate 30; diplomacy: partner 1, leverage 3
        let s = scenario(
            &["cost", "risk", "mandate", "partner", "leverage"],
            &[
                ("security", &["risk", "mandate"]),
                ("diplomacy", &["partner", "leverage"]),
            ],
        );
        let tree = ValueTree::new(&s);
        let p = profile(&[
            ("cost", 20.0),
            ("security", 50.0),
            ("diplomacy", 30.0),
            ("risk", 70.0),
            ("mandate", 30.0),
            ("partner", 1.0),
            ("leverage", 3.0),
        ]);
        // By hand: cost 0.2; risk 0.5*0.7 = 0.35; mandate 0.5*0.3 = 0.15;
        // partner 0.3*0.25 = 0.075; leverage 0.3*0.75 = 0.225.
        let w = tree.effective_weights(&p, &[true; 5]);
        let expected = [0.2, 0.35, 0.15, 0.075, 0.225];
        for (got, want) in w.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{w:?}");
        }
        let shares = tree.local_shares(&p, &[true; 5]);
        assert_eq!(shares.share(Node::Root), 1.0);
        assert!((shares.share(Node::Group(0)) - 0.5).abs() < 1e-12);
        assert!((shares.share(Node::Criterion(1)) - 0.7).abs() < 1e-12);
        assert!((shares.effective(Node::Group(1)) - 0.3).abs() < 1e-12);

        // Leaving out partner and leverage removes diplomacy: cost 20/70, security 50/70.
        let w = tree.effective_weights(&p, &[true, true, true, false, false]);
        assert!((w[0] - 20.0 / 70.0).abs() < 1e-12);
        assert!((w[1] - 50.0 / 70.0 * 0.7).abs() < 1e-12);
        assert_eq!((w[3], w[4]), (0.0, 0.0));
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn structure_queries() {
        let s = scenario(
            &["a", "b", "c", "d"],
            &[("g", &["h", "b"]), ("h", &["c", "a"])],
        );
        let tree = ValueTree::new(&s);
        assert!(!tree.is_flat());
        assert_eq!(
            tree.children(Node::Root),
            &[Node::Criterion(3), Node::Group(0)]
        );
        assert_eq!(
            tree.children(Node::Group(0)),
            &[Node::Group(1), Node::Criterion(1)]
        );
        assert_eq!(tree.parent(Node::Criterion(0)), Some(Node::Group(1)));
        assert_eq!(tree.parent(Node::Root), None);
        assert_eq!(tree.depth(Node::Criterion(0)), 3);
        assert_eq!(tree.depth(Node::Root), 0);
        assert_eq!(
            tree.path(Node::Criterion(2)),
            vec![
                Node::Root,
                Node::Group(0),
                Node::Group(1),
                Node::Criterion(2)
            ]
        );
        assert_eq!(tree.criteria_under(Node::Root), vec![3, 2, 0, 1]);
        assert_eq!(tree.criteria_under(Node::Group(1)), vec![2, 0]);
        assert_eq!(tree.criteria_under(Node::Criterion(1)), vec![1]);
        assert_eq!(
            tree.nodes(),
            vec![
                Node::Criterion(3),
                Node::Group(0),
                Node::Group(1),
                Node::Criterion(2),
                Node::Criterion(0),
                Node::Criterion(1)
            ]
        );
        assert_eq!(tree.id(&s, Node::Group(1)), "h");
        assert_eq!(tree.id(&s, Node::Root), "");
        assert_eq!(tree.name(&s, Node::Criterion(1), Lang::Fr), "b fr");
        assert_eq!(tree.name(&s, Node::Group(0), Lang::Fr), "G");
        assert_eq!(tree.node_by_id(&s, "h"), Some(Node::Group(1)));
        assert_eq!(tree.node_by_id(&s, "c"), Some(Node::Criterion(2)));
        assert_eq!(tree.node_by_id(&s, "zz"), None);
    }

    #[test]
    fn tolerant_build_skips_unknown_ids_repeats_and_cycles() {
        // "x" is unknown; "a" is listed twice (stays in g); g and h contain
        // each other (h under g, the link back skipped); k contains itself.
        let s = scenario(
            &["a", "b"],
            &[
                ("g", &["a", "x", "h"]),
                ("h", &["g", "a", "b"]),
                ("k", &["k"]),
            ],
        );
        let tree = ValueTree::new(&s);
        assert_eq!(tree.children(Node::Root), &[Node::Group(0), Node::Group(2)]);
        assert_eq!(
            tree.children(Node::Group(0)),
            &[Node::Criterion(0), Node::Group(1)]
        );
        assert_eq!(tree.children(Node::Group(1)), &[Node::Criterion(1)]);
        assert_eq!(tree.children(Node::Group(2)), &[] as &[Node]);
        let skip = |group, position, reason| SkippedChild {
            group,
            position,
            reason,
        };
        assert_eq!(
            tree.skipped(),
            &[
                skip(0, 1, SkipReason::Unknown),
                skip(1, 0, SkipReason::Cycle),
                skip(1, 1, SkipReason::Repeated(0)),
                skip(2, 0, SkipReason::Cycle),
            ]
        );
        // The empty group k takes no weight.
        let p = profile(&[("g", 1.0), ("k", 1.0), ("a", 1.0), ("h", 1.0), ("b", 1.0)]);
        let w = tree.effective_weights(&p, &[true, true]);
        assert_eq!(w, vec![0.5, 0.5]);
    }

    #[test]
    fn a_group_whose_children_all_weigh_zero_passes_its_weight_to_its_siblings() {
        let s = scenario(&["a", "b", "c"], &[("g", &["b", "c"])]);
        let tree = ValueTree::new(&s);
        let p = profile(&[("a", 1.0), ("g", 1.0)]);
        assert_eq!(tree.effective_weights(&p, &[true; 3]), vec![1.0, 0.0, 0.0]);
        assert_eq!(tree.local_shares(&p, &[true; 3]).share(Node::Group(0)), 0.0);
        // Every weight 0: every share 0.
        let p = profile(&[("a", 0.0), ("g", 1.0)]);
        assert_eq!(tree.effective_weights(&p, &[true; 3]), vec![0.0, 0.0, 0.0]);
    }

    #[test]
    fn node_weights_reproduce_the_effective_weights() {
        let s = scenario(
            &["a", "b", "c", "d"],
            &[("g", &["b", "h"]), ("h", &["c", "d"])],
        );
        let tree = ValueTree::new(&s);
        let effective = [0.1, 0.2, 0.3, 0.4];
        let weights = tree.node_weights(&effective);
        // g holds b, c, d: 0.9; h holds c, d: 0.7.
        assert!((weights["g"] - 0.9).abs() < 1e-12);
        assert!((weights["h"] - 0.7).abs() < 1e-12);
        assert_eq!(weights["a"], 0.1);
        let mut p = profile(&[]);
        p.weights = weights;
        let back = tree.effective_weights(&p, &[]);
        for (x, y) in back.iter().zip(effective) {
            assert!((x - y).abs() < 1e-12, "{back:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn effective_weights_sum_to_one_when_any_path_is_weighted(
            weights in proptest::collection::vec(0.0..10.0f64, 8),
            included in proptest::collection::vec(proptest::bool::ANY, 5),
        ) {
            let s = scenario(
                &["a", "b", "c", "d", "e"],
                &[("g", &["b", "h"]), ("h", &["c", "d"])],
            );
            let tree = ValueTree::new(&s);
            let ids = ["a", "b", "c", "d", "e", "g", "h", "unused"];
            let p = profile(&ids.iter().copied().zip(weights.iter().copied()).collect::<Vec<_>>());
            let w = tree.effective_weights(&p, &included);
            let total: f64 = w.iter().sum();
            proptest::prop_assert!(w.iter().all(|x| (0.0..=1.0).contains(x)));
            for j in 0..5 {
                if !included[j] {
                    proptest::prop_assert_eq!(w[j], 0.0);
                }
                // Brute force: the product of normalised weights along the path.
                let path = tree.path(Node::Criterion(j));
                let mut product = 1.0;
                for &node in &path[1..] {
                    let parent = tree.parent(node).unwrap_or(Node::Root);
                    // A sibling counts when some criterion below it is included
                    // along a path of positive weights.
                    let counts = |c: Node| {
                        tree.criteria_under(c).iter().any(|&k| {
                            included[k]
                                && tree.path(Node::Criterion(k))
                                    .iter()
                                    .skip_while(|&&x| x != c)
                                    .skip(1)
                                    .all(|&x| p.weight(tree.id(&s, x)) > 0.0)
                        })
                    };
                    let siblings: Vec<Node> = tree
                        .children(parent)
                        .iter()
                        .copied()
                        .filter(|&c| counts(c))
                        .collect();
                    let sum: f64 = siblings.iter().map(|&c| p.weight(tree.id(&s, c))).sum();
                    product *= if sum > 0.0 { p.weight(tree.id(&s, node)) / sum } else { 0.0 };
                }
                let want = if included[j] { product } else { 0.0 };
                proptest::prop_assert!((w[j] - want).abs() < 1e-12, "{} {} {}", j, w[j], want);
            }
            proptest::prop_assert!(total == 0.0 || (total - 1.0).abs() < 1e-9, "{}", total);
        }
    }
}
