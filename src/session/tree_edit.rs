//! The value-tree and value-function edits behind [`Edit`](super::Edit):
//! adding, moving, renaming and deleting groups, and setting a criterion's
//! value function. Restructuring keeps every criterion's effective weight in
//! every profile, so moving things around never changes a result by itself.

use super::edit::{EditError, ValueFunctionFault};
use crate::model::{Direction, Group, Node, Scenario, Text, ValueFunction, ValueTree};
use std::collections::HashMap;

/// Every id in the shared namespace of criteria and groups.
pub fn node_ids(s: &Scenario) -> impl Iterator<Item = &str> {
    s.criteria
        .iter()
        .map(|c| c.id.as_str())
        .chain(s.groups.iter().map(|g| g.id.as_str()))
}

/// Adds an empty group (weight 0 in every profile: it carries nothing
/// until something is put in it) under `parent` (None: the top level).
pub fn add_group(s: &mut Scenario, name: &Text, parent: Option<&str>) -> Result<(), EditError> {
    if let Some(p) = parent {
        group_index(s, p)?;
    }
    let id = super::edit::fresh_id(&super::edit::slug(&name.en, "group"), node_ids(s));
    for p in &mut s.profiles {
        p.weights.insert(id.clone(), 0.0);
    }
    if let Some(p) = parent {
        let g = group_index(s, p)?;
        s.groups[g].children.push(id.clone());
    }
    s.groups.push(Group {
        id,
        name: name.clone(),
        description: Text::default(),
        children: Vec::new(),
    });
    Ok(())
}

/// Puts criterion `id` (just added at the top level) into `group`.
pub fn place_new_criterion(s: &mut Scenario, id: &str, group: &str) -> Result<(), EditError> {
    let g = group_index(s, group)?;
    s.groups[g].children.push(id.to_string());
    Ok(())
}

/// Moves criterion or group `id` under `parent` (None: the top level),
/// before its sibling `before` (None: last). At the top level, criteria
/// come before groups and follow the scenario's order, so the move reorders
/// `criteria` (or `groups`) there. Refuses a group moved into itself or one
/// of its own groups.
pub fn move_node(
    s: &mut Scenario,
    id: &str,
    parent: Option<&str>,
    before: Option<&str>,
) -> Result<(), EditError> {
    let before_move = s.clone();
    let tree = ValueTree::new(s);
    let node = tree
        .node_by_id(s, id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))?;
    if let Some(p) = parent {
        let target = tree
            .node_by_id(s, p)
            .filter(|n| matches!(n, Node::Group(_)))
            .ok_or_else(|| EditError::NotFound(p.to_string()))?;
        if tree.path(target).contains(&node) {
            return Err(EditError::IntoItself { id: id.to_string() });
        }
    }
    let before = before.filter(|b| *b != id);
    detach(s, id);
    match parent {
        Some(p) => {
            let g = group_index(s, p)?;
            let children = &mut s.groups[g].children;
            let at = before
                .and_then(|b| children.iter().position(|c| c == b))
                .unwrap_or(children.len());
            children.insert(at, id.to_string());
        }
        None => place_at_top(s, &tree, node, id, before),
    }
    rebalance(&before_move, s);
    Ok(())
}

/// Reorders `criteria` (or `groups`) so that `id`, now a child of the root,
/// sits before the root child `before` (None: after the last one of its kind).
fn place_at_top(s: &mut Scenario, tree: &ValueTree, node: Node, id: &str, before: Option<&str>) {
    let at_top = |other: &str| {
        tree.node_by_id(s, other)
            .is_some_and(|n| tree.parent(n) == Some(Node::Root))
    };
    match node {
        Node::Criterion(_) => {
            let ids: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
            let anchor = before
                .filter(|b| s.criterion(b).is_some() && at_top(b))
                .map(str::to_string);
            let last_top = ids
                .iter()
                .rev()
                .find(|c| c.as_str() != id && at_top(c))
                .cloned();
            reorder(&mut s.criteria, |c| c.id.as_str(), id, anchor, last_top);
        }
        Node::Group(_) => {
            let ids: Vec<String> = s.groups.iter().map(|g| g.id.clone()).collect();
            let anchor = before
                .filter(|b| s.group(b).is_some() && at_top(b))
                .map(str::to_string);
            let last_top = ids
                .iter()
                .rev()
                .find(|g| g.as_str() != id && at_top(g))
                .cloned();
            reorder(&mut s.groups, |g| g.id.as_str(), id, anchor, last_top);
        }
        Node::Root => {}
    }
}

/// Moves the item `id` of `items` just before `anchor`, or else just after
/// `after` (when neither is given it stays where it is).
fn reorder<T>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> &str,
    id: &str,
    anchor: Option<String>,
    after: Option<String>,
) {
    let Some(from) = items.iter().position(|x| key(x) == id) else {
        return;
    };
    let item = items.remove(from);
    let at = match (anchor, after) {
        (Some(a), _) => items.iter().position(|x| key(x) == a),
        (None, Some(a)) => items.iter().position(|x| key(x) == a).map(|k| k + 1),
        (None, None) => None,
    }
    .unwrap_or(from.min(items.len()));
    items.insert(at, item);
}

/// Removes `id` from every group's children.
fn detach(s: &mut Scenario, id: &str) {
    for g in &mut s.groups {
        g.children.retain(|c| c != id);
    }
}

/// Deletes group `id`: its children take its place in its parent (in their
/// order), and its weight and bounds leave every profile.
pub fn delete_group(s: &mut Scenario, id: &str) -> Result<(), EditError> {
    let before = s.clone();
    let g = group_index(s, id)?;
    let removed = s.groups.remove(g);
    let mut placed = false;
    for parent in &mut s.groups {
        if let Some(at) = parent.children.iter().position(|c| c == id) {
            parent
                .children
                .splice(at..=at, removed.children.iter().cloned());
            placed = true;
            break;
        }
    }
    if !placed {
        // At the top level: its children become unlisted, hence children of
        // the root (criteria in scenario order, then groups).
        detach(s, id);
    }
    for p in &mut s.profiles {
        p.weights.remove(id);
        p.bounds.remove(id);
    }
    rebalance(&before, s);
    Ok(())
}

/// Sets (or with None removes) criterion `id`'s value function, refusing a
/// shape the engine would not accept.
pub fn set_value_function(
    s: &mut Scenario,
    id: &str,
    function: Option<&ValueFunction>,
) -> Result<(), EditError> {
    let c = s
        .criteria
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))?;
    if let Some(fault) = function.and_then(|f| value_function_fault(f, c.direction)) {
        return Err(EditError::ValueFunction {
            criterion: id.to_string(),
            fault,
        });
    }
    c.value_function = function.cloned();
    Ok(())
}

/// What is wrong with `f` for a criterion going in `direction`, if anything.
pub fn value_function_fault(f: &ValueFunction, direction: Direction) -> Option<ValueFunctionFault> {
    let points = f.points();
    if points.len() < 2 {
        return Some(ValueFunctionFault::TooFewPoints);
    }
    if points
        .iter()
        .any(|&(x, v)| !x.is_finite() || !v.is_finite())
    {
        return Some(ValueFunctionFault::NotFinite);
    }
    if points.iter().any(|&(_, v)| !(0.0..=100.0).contains(&v)) {
        return Some(ValueFunctionFault::ValueOutOfRange);
    }
    if points.windows(2).any(|p| p[0].0 >= p[1].0) {
        return Some(ValueFunctionFault::NotIncreasing);
    }
    if !f.agrees_with(direction) {
        return Some(ValueFunctionFault::AgainstDirection);
    }
    None
}

/// The function mirrored in value (v becomes 100 − v): what it means for a
/// criterion whose direction was turned round.
pub fn mirrored(f: &ValueFunction) -> ValueFunction {
    ValueFunction(f.points().iter().map(|&(x, v)| (x, 100.0 - v)).collect())
}

/// A parent's id with, for each of its children, the child's id and the
/// ids of the criteria at or below it.
type Family = (String, Vec<(String, Vec<String>)>);

/// After the tree changed from `before` to `s`, rewrites the raw weights of
/// the siblings whose shares no longer give every criterion its old
/// effective weight (in every profile). Where siblings kept their mass, their
/// raw numbers are kept and the others are put on the same scale.
pub fn rebalance(before: &Scenario, s: &mut Scenario) {
    let old_tree = ValueTree::new(before);
    let new_tree = ValueTree::new(s);
    let old_parent = parents_by_id(before, &old_tree);
    let families = families(s, &new_tree);
    let new_node: HashMap<String, Node> = new_tree
        .nodes()
        .into_iter()
        .map(|n| (new_tree.id(s, n).to_string(), n))
        .collect();
    let all_new = vec![true; s.criteria.len()];
    for (k, profile) in s.profiles.iter_mut().enumerate() {
        let Some(old_profile) = before.profiles.get(k).filter(|p| p.id == profile.id) else {
            continue;
        };
        let shares = new_tree.local_shares(profile, &all_new);
        let share_of = |id: &str| new_node.get(id).map_or(0.0, |&n| shares.share(n));
        let old = OldTree {
            mass: masses(before, &old_tree, old_profile),
            parent: &old_parent,
        };
        for (parent_id, children) in &families {
            let share: Vec<f64> = children.iter().map(|(c, _)| share_of(c)).collect();
            rebalance_family(profile, parent_id, children, &share, &old);
        }
    }
}

/// Each node's parent in the tree before the change, by id.
fn parents_by_id<'a>(before: &'a Scenario, tree: &ValueTree) -> HashMap<&'a str, &'a str> {
    tree.nodes()
        .iter()
        .map(|&n| {
            let parent = tree.parent(n).unwrap_or(Node::Root);
            (tree.id(before, n), tree.id(before, parent))
        })
        .collect()
}

/// Each parent of the tree (root first, then groups) with its children, by
/// id, each child with the criteria under it.
fn families(s: &Scenario, tree: &ValueTree) -> Vec<Family> {
    std::iter::once(Node::Root)
        .chain(
            tree.nodes()
                .into_iter()
                .filter(|n| matches!(n, Node::Group(_))),
        )
        .map(|parent| {
            let children = tree
                .children(parent)
                .iter()
                .map(|&c| {
                    let criteria = tree
                        .criteria_under(c)
                        .iter()
                        .map(|&j| tree.id(s, Node::Criterion(j)).to_string())
                        .collect();
                    (tree.id(s, c).to_string(), criteria)
                })
                .collect();
            (tree.id(s, parent).to_string(), children)
        })
        .collect()
}

/// Mass of each node before the change: the summed effective weight of its criteria.
fn masses<'a>(
    before: &'a Scenario,
    tree: &ValueTree,
    profile: &crate::model::WeightProfile,
) -> HashMap<&'a str, f64> {
    let effective = tree.effective_weights(profile, &vec![true; before.criteria.len()]);
    tree.nodes()
        .iter()
        .map(|&n| {
            let m = tree
                .criteria_under(n)
                .iter()
                .map(|&j| effective.get(j).copied().unwrap_or(0.0))
                .sum();
            (tree.id(before, n), m)
        })
        .collect()
}

/// The tree before the change, as the rebalancing of one family reads it.
struct OldTree<'a> {
    /// Each node's mass (summed effective weight of its criteria).
    mass: HashMap<&'a str, f64>,
    /// Each node's parent.
    parent: &'a HashMap<&'a str, &'a str>,
}

/// Rewrites the raw weights of one parent's `children` so their shares give
/// each its old mass; nothing changes where the current `share`s already do.
fn rebalance_family(
    profile: &mut crate::model::WeightProfile,
    parent_id: &str,
    children: &[(String, Vec<String>)],
    share: &[f64],
    old: &OldTree,
) {
    let mass: Vec<f64> = children
        .iter()
        .map(|(_, criteria)| {
            criteria
                .iter()
                .map(|c| old.mass.get(c.as_str()).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let total: f64 = mass.iter().sum();
    if total <= 0.0 {
        return;
    }
    // Nothing to do where the engine's shares (absent nodes at 0)
    // already give every child its mass.
    if share
        .iter()
        .zip(&mass)
        .all(|(share, m)| (share - m / total).abs() <= 1e-12)
    {
        return;
    }
    let raw: Vec<f64> = children.iter().map(|(c, _)| profile.weight(c)).collect();
    let scale = raw_per_mass(parent_id, children, &raw, &mass, old);
    for ((c, _), m) in children.iter().zip(&mass) {
        profile
            .weights
            .insert(c.clone(), round_significant(scale * m));
    }
}

/// Raw weight per unit of mass: siblings that were already here with the
/// same mass keep their raw weight, and everyone is put on their scale.
fn raw_per_mass(
    parent_id: &str,
    children: &[(String, Vec<String>)],
    raw: &[f64],
    mass: &[f64],
    old: &OldTree,
) -> f64 {
    let (kept_raw, kept_mass) = children.iter().zip(raw.iter().zip(mass)).fold(
        (0.0, 0.0),
        |(r, m), ((c, _), (&w, &mc))| {
            let stayed = old.parent.get(c.as_str()) == Some(&parent_id);
            let same = old
                .mass
                .get(c.as_str())
                .is_some_and(|&before| (before - mc).abs() <= 1e-12);
            if stayed && same && w > 0.0 && mc > 0.0 {
                (r + w, m + mc)
            } else {
                (r, m)
            }
        },
    );
    let total: f64 = mass.iter().sum();
    let raw_total: f64 = raw.iter().sum();
    if kept_mass > 0.0 {
        kept_raw / kept_mass
    } else if raw_total > 0.0 {
        raw_total / total
    } else {
        1.0 / total
    }
}

/// `x` to 12 significant digits, so that rewritten weights read as the
/// numbers they stand for (40, not 40.000000000000007).
fn round_significant(x: f64) -> f64 {
    format!("{x:.11e}").parse().unwrap_or(x)
}

fn group_index(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.groups
        .iter()
        .position(|g| g.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, WeightProfile, validate};
    use crate::session::edit::Edit;
    use crate::session::history::Document;
    use proptest::prelude::*;

    /// The fixture with a second profile, and its criteria's effective weights per profile.
    fn scenario() -> Scenario {
        let mut s = crate::session::fixture::fixture();
        let mut p = WeightProfile::new("defence", Text::new("Defence"));
        for (c, w) in [("risk", 70.0), ("cost", 10.0), ("impact", 20.0)] {
            p.weights.insert(c.into(), w);
        }
        s.profiles.push(p);
        s
    }

    /// Per profile, the criteria's effective weights in the order of their ids.
    fn effective(s: &Scenario) -> Vec<Vec<f64>> {
        let tree = ValueTree::new(s);
        let all = vec![true; s.criteria.len()];
        s.profiles
            .iter()
            .map(|p| {
                let w = tree.effective_weights(p, &all);
                let mut by_id: Vec<(&str, f64)> =
                    s.criteria.iter().map(|c| c.id.as_str()).zip(w).collect();
                by_id.sort_by(|a, b| a.0.cmp(b.0));
                by_id.into_iter().map(|(_, w)| w).collect()
            })
            .collect()
    }

    /// The criteria's effective weights agree in every profile (up to a
    /// common factor: the results normalise them).
    fn assert_same_effective(a: &Scenario, b: &Scenario) {
        for (x, y) in effective(a).iter().zip(effective(b)) {
            if x.iter().all(|w| *w == 0.0) {
                // Every weight 0: nothing to keep.
                continue;
            }
            let (x, y) = (crate::model::normalise(x), crate::model::normalise(&y));
            for (u, v) in x.iter().zip(&y) {
                assert!((u - v).abs() <= 1e-9, "{x:?} vs {y:?}");
            }
        }
    }

    /// Applies `edit` through the document, then checks that undo gives
    /// back exactly the scenario before and redo exactly the one after.
    fn apply_and_undo(s: &Scenario, edit: &Edit) -> Scenario {
        let mut d = Document::new(s.clone(), true);
        d.apply(edit).expect("applies");
        let after = d.scenario().clone();
        assert_ne!(&after, s, "{edit:?} changed nothing");
        assert!(d.undo());
        assert_eq!(d.scenario(), s, "undo of {edit:?}");
        assert!(d.redo());
        assert_eq!(d.scenario(), &after, "redo of {edit:?}");
        after
    }

    fn add_group(s: &mut Scenario, name: &str, parent: Option<&str>) {
        Edit::AddGroup {
            name: Text::new(name),
            parent: parent.map(str::to_string),
        }
        .apply(s)
        .expect("adds");
    }

    fn move_to(id: &str, parent: Option<&str>, before: Option<&str>) -> Edit {
        Edit::MoveNode {
            id: id.into(),
            parent: parent.map(str::to_string),
            before: before.map(str::to_string),
        }
    }

    #[test]
    fn a_new_group_is_empty_weighted_zero_everywhere_and_changes_no_result() {
        let s = scenario();
        let after = apply_and_undo(
            &s,
            &Edit::AddGroup {
                name: Text::bilingual("Security", "Sécurité"),
                parent: None,
            },
        );
        let g = after.group("security").expect("added");
        assert!(g.children.is_empty());
        assert!(
            after
                .profiles
                .iter()
                .all(|p| p.weights.get("security") == Some(&0.0))
        );
        assert_same_effective(&s, &after);
        assert!(!crate::model::has_errors(&validate(&after)));
        // Its id never takes a criterion's: criteria and groups share one namespace.
        let mut t = after.clone();
        add_group(&mut t, "Cost", None);
        assert_eq!(t.groups[1].id, "cost_2");
    }

    #[test]
    fn moving_a_criterion_into_a_new_group_keeps_every_effective_weight() {
        let mut s = scenario();
        add_group(&mut s, "Security", None);
        let after = apply_and_undo(&s, &move_to("risk", Some("security"), None));
        assert_eq!(
            after.group("security").map(|g| g.children.clone()),
            Some(vec!["risk".to_string()])
        );
        assert_same_effective(&s, &after);
        // The siblings that stayed keep their numbers; the group takes the
        // weight the criterion had.
        let wog = &after.profiles[0];
        assert_eq!(wog.weight("cost"), 0.3);
        assert_eq!(wog.weight("impact"), 0.3);
        assert_eq!(wog.weight("security"), 0.4);
        let defence = &after.profiles[1];
        assert_eq!(defence.weight("cost"), 10.0);
        assert_eq!(defence.weight("security"), 70.0);
        assert!(
            !crate::model::has_errors(&validate(&after)),
            "{:?}",
            validate(&after)
        );
        // A second criterion joins: the group's weight grows by its weight.
        let both = apply_and_undo(&after, &move_to("cost", Some("security"), Some("risk")));
        assert_eq!(
            both.group("security").map(|g| g.children.clone()),
            Some(vec!["cost".to_string(), "risk".to_string()])
        );
        assert_same_effective(&s, &both);
        assert_eq!(both.profiles[1].weight("impact"), 20.0);
        assert_eq!(both.profiles[1].weight("security"), 80.0);
        // And back out to the top level, before impact.
        let out = apply_and_undo(&both, &move_to("risk", None, Some("impact")));
        assert_same_effective(&s, &out);
        let order: Vec<&str> = out.criteria.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(order, ["cost", "risk", "impact"]);
    }

    #[test]
    fn a_group_cannot_go_inside_itself() {
        let mut s = scenario();
        add_group(&mut s, "Outer", None);
        add_group(&mut s, "Inner", Some("outer"));
        let before = s.clone();
        for target in ["outer", "inner"] {
            let e = move_to("outer", Some(target), None).apply(&mut s);
            assert_eq!(e, Err(EditError::IntoItself { id: "outer".into() }));
            assert_eq!(s, before);
        }
        let message = EditError::IntoItself { id: "outer".into() }.message(&s, Lang::Fr);
        assert!(message.contains("« Outer »"), "{message}");
        // The inner group may leave for the top level.
        apply_and_undo(&s, &move_to("inner", None, None));
    }

    #[test]
    fn deleting_a_group_hands_its_children_to_its_parent_with_their_weights() {
        let mut s = scenario();
        add_group(&mut s, "Outer", None);
        add_group(&mut s, "Inner", Some("outer"));
        for (id, parent) in [("risk", "inner"), ("cost", "inner"), ("impact", "outer")] {
            move_to(id, Some(parent), None)
                .apply(&mut s)
                .expect("moves");
        }
        let flat = scenario();
        assert_same_effective(&flat, &s);
        let after = apply_and_undo(&s, &Edit::DeleteGroup { id: "inner".into() });
        assert!(after.group("inner").is_none());
        assert_eq!(
            after.group("outer").map(|g| g.children.clone()),
            Some(vec![
                "risk".to_string(),
                "cost".to_string(),
                "impact".to_string()
            ])
        );
        assert!(
            after
                .profiles
                .iter()
                .all(|p| !p.weights.contains_key("inner"))
        );
        assert_same_effective(&flat, &after);
        // The top-level group goes too: everything is at the top again.
        let top = apply_and_undo(&after, &Edit::DeleteGroup { id: "outer".into() });
        assert!(top.groups.is_empty());
        assert_same_effective(&flat, &top);
        assert!(validate(&top).is_empty(), "{:?}", validate(&top));
    }

    #[test]
    fn renaming_a_group_and_adding_a_criterion_into_it_are_single_steps() {
        let mut s = scenario();
        add_group(&mut s, "Security", None);
        let named = apply_and_undo(
            &s,
            &Edit::RenameGroup {
                id: "security".into(),
                lang: Lang::Fr,
                name: "Sécurité".into(),
            },
        );
        assert_eq!(named.groups[0].name.get(Lang::Fr), "Sécurité");
        assert_eq!(named.groups[0].name.get(Lang::En), "Security");
        let added = apply_and_undo(
            &s,
            &Edit::AddCriterionIn {
                name: Text::new("Mandate"),
                group: "security".into(),
            },
        );
        assert_eq!(added.groups[0].children, vec!["mandate".to_string()]);
        assert!(
            added
                .profiles
                .iter()
                .all(|p| p.weights.get("mandate") == Some(&0.0))
        );
        assert_eq!(
            Edit::AddCriterionIn {
                name: Text::new("X"),
                group: "nowhere".into()
            }
            .apply(&mut s),
            Err(EditError::NotFound("nowhere".into()))
        );
    }

    #[test]
    fn a_value_function_is_set_checked_and_removed_in_single_steps() {
        let s = scenario();
        let f = ValueFunction(vec![(300.0, 100.0), (350.0, 80.0), (450.0, 0.0)]);
        let set = |f: Option<ValueFunction>| Edit::SetValueFunction {
            criterion: "cost".into(),
            function: f,
        };
        let with = apply_and_undo(&s, &set(Some(f.clone())));
        assert_eq!(
            with.criterion("cost")
                .and_then(|c| c.value_function.clone()),
            Some(f)
        );
        let without = apply_and_undo(&with, &set(None));
        assert_eq!(without, s);
        for (bad, fault) in [
            (vec![(300.0, 100.0)], ValueFunctionFault::TooFewPoints),
            (
                vec![(300.0, 100.0), (300.0, 0.0)],
                ValueFunctionFault::NotIncreasing,
            ),
            (
                vec![(300.0, 100.0), (400.0, -1.0)],
                ValueFunctionFault::ValueOutOfRange,
            ),
            (
                vec![(300.0, 0.0), (400.0, 100.0)],
                ValueFunctionFault::AgainstDirection,
            ),
            (
                vec![(300.0, 50.0), (400.0, 50.0)],
                ValueFunctionFault::AgainstDirection,
            ),
            (
                vec![(f64::NAN, 50.0), (400.0, 0.0)],
                ValueFunctionFault::NotFinite,
            ),
        ] {
            let mut t = s.clone();
            let e = set(Some(ValueFunction(bad))).apply(&mut t);
            assert_eq!(
                e,
                Err(EditError::ValueFunction {
                    criterion: "cost".into(),
                    fault
                })
            );
            assert_eq!(t, s);
        }
        let message = EditError::ValueFunction {
            criterion: "cost".into(),
            fault: ValueFunctionFault::AgainstDirection,
        }
        .message(&s, Lang::En);
        assert!(
            message.contains("Cost") && message.contains("less is better"),
            "{message}"
        );
    }

    /// A random tree over the fixture's three criteria and up to three
    /// groups: each node's parent is drawn among the groups before it.
    fn random_tree(parents: &[usize], weights: &[u8]) -> Scenario {
        let mut s = scenario();
        let groups = ["g1", "g2", "g3"];
        for (k, g) in groups.iter().enumerate() {
            let parent = parents.get(k).copied().unwrap_or(0) % (k + 1);
            add_group(&mut s, g, (parent > 0).then(|| groups[parent - 1]));
        }
        for (k, c) in ["risk", "cost", "impact"].iter().enumerate() {
            let parent = parents.get(3 + k).copied().unwrap_or(0) % 4;
            if parent > 0 {
                move_to(c, Some(groups[parent - 1]), None)
                    .apply(&mut s)
                    .expect("moves");
            }
        }
        let ids = ["risk", "cost", "impact", "g1", "g2", "g3"];
        for (p, chunk) in s.profiles.iter_mut().zip(weights.chunks(6)) {
            for (id, w) in ids.iter().zip(chunk) {
                p.weights.insert(id.to_string(), f64::from(*w));
            }
        }
        s
    }

    proptest! {
        #[test]
        fn any_move_or_delete_keeps_effective_weights_and_undoes_exactly(
            parents in proptest::collection::vec(0usize..4, 6),
            weights in proptest::collection::vec(0u8..10, 12),
            node in 0usize..6,
            target in 0usize..4,
            delete in any::<bool>(),
        ) {
            let s = random_tree(&parents, &weights);
            let ids = ["risk", "cost", "impact", "g1", "g2", "g3"];
            let groups = ["g1", "g2", "g3"];
            let edit = if delete {
                Edit::DeleteGroup { id: groups[node % 3].into() }
            } else {
                move_to(ids[node], (target > 0).then(|| groups[target - 1]), None)
            };
            let mut d = Document::new(s.clone(), true);
            match d.apply(&edit) {
                Ok(()) => {
                    assert_same_effective(&s, d.scenario());
                    prop_assert!(d.scenario().profiles.iter().all(|p| p.weights.values().all(|w| w.is_finite() && *w >= 0.0)));
                    if d.undo() {
                        prop_assert_eq!(d.scenario(), &s);
                    }
                }
                Err(EditError::IntoItself { .. }) => prop_assert_eq!(d.scenario(), &s),
                Err(e) => prop_assert!(false, "{e:?}"),
            }
        }
    }
}
