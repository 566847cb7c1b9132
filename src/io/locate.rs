//! Places validation problems at a line and column of the file they came
//! from: the item's field value in a RON file, the row and cell in a CSV.

use super::outline::{self, Node, Pos};
use crate::model::{Location, Problem, ProblemKind, Scenario};

/// Where each problem sits in RON `text` (1:1 when it cannot be found).
pub fn in_ron(text: &str, problems: &[Problem]) -> Vec<Pos> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = outline::outline(text);
    problems
        .iter()
        .map(|p| {
            root.as_ref()
                .and_then(|r| ron_pos(r, p))
                .unwrap_or(Pos::START)
        })
        .collect()
}

fn non_finite(n: &Node) -> bool {
    n.text().is_some_and(|t| {
        let t = t.trim_start_matches(['-', '+']);
        t.eq_ignore_ascii_case("nan") || t.eq_ignore_ascii_case("inf")
    })
}

/// The map key a problem is about, and whether to point at the value.
fn map_key(kind: &ProblemKind) -> Option<(&str, bool)> {
    use ProblemKind as K;
    match kind {
        K::NegativeWeight { criterion, .. } => Some((criterion, true)),
        K::WeightUnknownCriterion(id) | K::UnknownResource(id) => Some((id, false)),
        K::BadBounds(id) if !id.is_empty() => Some((id, false)),
        K::BoundsUnknownNode(id) => Some((id, false)),
        K::NegativeResource(id) => Some((id, true)),
        _ => None,
    }
}

fn ron_pos(root: &Node, p: &Problem) -> Option<Pos> {
    let list_item = |field: &str, i: usize| root.field(field).and_then(|f| f.value.item(i));
    let item = match p.location {
        Location::Scenario => {
            return Some(
                p.field
                    .and_then(|f| root.field(f))
                    .map_or(root.start(), |f| f.key),
            );
        }
        Location::Criterion(i) => list_item("criteria", i),
        Location::Alternative(i) => list_item("alternatives", i),
        Location::Score(i) => list_item("scores", i),
        // A version-1 file keeps its one profile's weights at the top level.
        Location::Profile(i) => list_item("profiles", i).or_else(|| {
            (i == 0 && root.field("profiles").is_none() && root.field("weights").is_some())
                .then_some(root)
        }),
        Location::Resource(i) => list_item("resources", i),
        Location::Source(i) => list_item("sources", i),
        Location::Group(i) => list_item("groups", i),
    }?;
    let Some(field) = p.field.and_then(|f| item.field(f)) else {
        return Some(item.start());
    };
    let value = &field.value;
    if let Some(pos) = item_pos(value, &p.kind) {
        return Some(pos);
    }
    if let Some((key, at_value)) = map_key(&p.kind)
        && let Some((k, v)) = value.entry(key)
    {
        return Some(if at_value { v.start() } else { k.start() });
    }
    if matches!(p.kind, ProblemKind::NotFinite { .. })
        && let Some((_, v)) = value.entries().iter().find(|(_, v)| non_finite(v))
    {
        return Some(v.start());
    }
    if let ProblemKind::UnknownSource(id) = &p.kind
        && let Some(n) = value.items().iter().find(|n| n.text() == Some(id))
    {
        return Some(n.start());
    }
    Some(value.start())
}

/// `x` for `Some(x)`, else the node itself (optional values may be written either way).
fn unwrap_some(node: &Node) -> &Node {
    match node {
        Node::Group { fields, items, .. } if fields.is_empty() && items.len() == 1 => &items[0],
        _ => node,
    }
}

/// The list item (a value-function point, a group's child) a problem is
/// about: the point's x for an order problem, its value for a range or
/// direction problem, the child's id for a tree problem.
fn item_pos(value: &Node, kind: &ProblemKind) -> Option<Pos> {
    use ProblemKind as K;
    let list = unwrap_some(value);
    let point_part = |point: usize, part: usize| {
        list.item(point).map(|n| match n {
            Node::Group { items, .. } => items.get(part).map_or(n.start(), Node::start),
            _ => n.start(),
        })
    };
    match kind {
        K::ValueFunctionNotFinite { point } | K::ValueFunctionNotIncreasing { point } => {
            point_part(*point, 0)
        }
        K::ValueFunctionOutOfRange { point, .. }
        | K::ValueFunctionAgainstDirection {
            point: Some(point), ..
        } => point_part(*point, 1),
        K::GroupUnknownChild { position, .. }
        | K::NodeInTwoGroups { position, .. }
        | K::GroupCycle { position, .. } => list.item(*position).map(Node::start),
        _ => None,
    }
}

/// Where each problem sits in a CSV matrix (`text`) loaded as `scenario`.
pub fn in_csv(text: &str, scenario: &Scenario, problems: &[Problem]) -> Vec<Pos> {
    let Ok(layout) = super::csv::layout(text) else {
        return vec![Pos::START; problems.len()];
    };
    let n_criteria = scenario.criteria.len().max(1);
    let criterion_index = |id: &str| scenario.criteria.iter().position(|c| c.id == id);
    problems
        .iter()
        .map(|p| {
            let cell = match (&p.location, p.field) {
                (Location::Criterion(i), Some("veto")) => layout.special("#veto", i + 1),
                (Location::Criterion(i), _) => layout.header(i + 1),
                (Location::Alternative(i), _) => layout.option(*i, 0),
                (Location::Score(k), _) => layout.option(k / n_criteria, k % n_criteria + 1),
                (Location::Profile(_), _) => {
                    let column = map_key(&p.kind)
                        .and_then(|(key, _)| criterion_index(key))
                        .map_or(0, |j| j + 1);
                    layout.special("#weight", column)
                }
                _ => None,
            };
            cell.unwrap_or(Pos::START)
        })
        .collect()
}
