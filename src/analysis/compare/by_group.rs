//! The decomposition of a change summed over the value tree: a group's
//! weight and value effects are the sums of its criteria's terms, so the
//! groups' parts add up to the change in the gap exactly as the criteria's do.
//!
//! A criterion is placed by B's tree when B has it, else by A's (a criterion
//! dropped from B keeps the group it had in A).

use super::{Explanation, Term};
use crate::analysis::by_group::shown_nodes;
use crate::model::{Node, Scenario, ValueTree};

/// One node's share of the change in the gap, with the criteria under it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GroupTerm {
    /// Node id: a group's, or a criterion's when it is shown on its own.
    pub id: String,
    /// True for a group.
    pub group: bool,
    /// Sum of its criteria's weight effects.
    pub weight_effect: f64,
    /// Sum of its criteria's value effects.
    pub value_effect: f64,
    /// The terms of the criteria under it, in the explanation's order.
    pub criteria: Vec<Term>,
}

impl GroupTerm {
    /// The whole part: weight effect plus value effect.
    pub fn total(&self) -> f64 {
        self.weight_effect + self.value_effect
    }
}

/// True when either file has groups (a by-group view says something).
pub fn has_groups(a: &Scenario, b: &Scenario) -> bool {
    !a.groups.is_empty() || !b.groups.is_empty()
}

/// One file's tree and the nodes shown for it.
struct Cut<'s> {
    scenario: &'s Scenario,
    tree: ValueTree,
    shown: Vec<Node>,
}

impl<'s> Cut<'s> {
    fn new(scenario: &'s Scenario, expanded: &[String]) -> Self {
        let tree = ValueTree::new(scenario);
        let shown = shown_nodes(&tree, scenario, expanded);
        Cut {
            scenario,
            tree,
            shown,
        }
    }

    /// The shown node a criterion lies under: (its id, true for a group).
    fn place(&self, criterion: &str) -> Option<(String, bool)> {
        let j = self
            .scenario
            .criteria
            .iter()
            .position(|c| c.id == criterion)?;
        let path = self.tree.path(Node::Criterion(j));
        let node = path.into_iter().find(|n| self.shown.contains(n))?;
        Some((
            self.tree.id(self.scenario, node).to_string(),
            matches!(node, Node::Group(_)),
        ))
    }

    /// Ids of the shown nodes in tree order.
    fn order(&self) -> impl Iterator<Item = &str> {
        self.shown.iter().map(|&n| self.tree.id(self.scenario, n))
    }
}

/// The explanation's terms summed per top-level node of the tree (a
/// root-level criterion is its own part), in B's tree order then A's.
pub fn group_terms(e: &Explanation, a: &Scenario, b: &Scenario) -> Vec<GroupTerm> {
    group_terms_at(e, a, b, &[])
}

/// [`group_terms`] with the groups whose ids are in `expanded` opened into
/// their children (see [`shown_nodes`]).
pub fn group_terms_at(
    e: &Explanation,
    a: &Scenario,
    b: &Scenario,
    expanded: &[String],
) -> Vec<GroupTerm> {
    let (cut_a, cut_b) = (Cut::new(a, expanded), Cut::new(b, expanded));
    let mut out: Vec<GroupTerm> = Vec::new();
    for id in cut_b.order().chain(cut_a.order()) {
        if !out.iter().any(|g| g.id == id) {
            out.push(GroupTerm {
                id: id.to_string(),
                group: false,
                weight_effect: 0.0,
                value_effect: 0.0,
                criteria: Vec::new(),
            });
        }
    }
    for t in &e.terms {
        let (id, group) = cut_b
            .place(&t.criterion)
            .or_else(|| cut_a.place(&t.criterion))
            .unwrap_or_else(|| (t.criterion.clone(), false));
        let k = match out.iter().position(|g| g.id == id) {
            Some(k) => k,
            None => {
                out.push(GroupTerm {
                    id: id.clone(),
                    group,
                    weight_effect: 0.0,
                    value_effect: 0.0,
                    criteria: Vec::new(),
                });
                out.len() - 1
            }
        };
        let g = &mut out[k];
        g.group = group;
        g.weight_effect += t.weight_effect;
        g.value_effect += t.value_effect;
        g.criteria.push(t.clone());
    }
    // Nodes with no term (an empty group, a criterion nobody scored) say nothing.
    out.retain(|g| !g.criteria.is_empty());
    out
}

/// The explanation re-cut per shown node: the same pair and gaps, one term
/// per node, keyed by the node's id (a group's or a criterion's), so the
/// waterfall can draw groups as it draws criteria.
pub fn grouped_explanation(
    e: &Explanation,
    a: &Scenario,
    b: &Scenario,
    expanded: &[String],
) -> Explanation {
    Explanation {
        first: e.first.clone(),
        second: e.second.clone(),
        gap_a: e.gap_a,
        gap_b: e.gap_b,
        terms: group_terms_at(e, a, b, expanded)
            .into_iter()
            .map(|g| Term {
                criterion: g.id,
                weight_effect: g.weight_effect,
                value_effect: g.value_effect,
            })
            .collect(),
    }
}

/// Display name of a node id (a criterion's or a group's), from B when it is
/// there, else from A, else the id itself.
pub fn node_name(a: &Scenario, b: &Scenario, id: &str, lang: crate::model::Lang) -> String {
    let find = |s: &Scenario| {
        s.criteria
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.get(lang).to_string())
            .or_else(|| {
                s.groups
                    .iter()
                    .find(|g| g.id == id)
                    .map(|g| g.name.get(lang).to_string())
            })
    };
    find(b)
        .or_else(|| find(a))
        .unwrap_or_else(|| id.to_string())
}
