//! The series of the by-group charts: which nodes of the value tree a chart
//! shows (top-level groups, and the children of groups the reader opened),
//! their names and their colours. One colour per top-level node; the children
//! of an opened group share its hue in lighter tints, so they still read as
//! that group. A flat scenario's series are its criteria, coloured as in
//! every other chart.

use super::Ctx;
use super::style::{series_colour, series_hatched, tint};
use crate::analysis::by_group::{columns_under, shown_nodes, top_level};
use crate::model::{Node, Scenario, ValueTree};
use crate::tr;
use plotters::style::RGBColor;

/// How much lighter the k-th child of an opened group is drawn, in turn:
/// neighbours alternate dark and light so their edges stay visible.
const CHILD_TINTS: [f64; 6] = [0.0, 0.5, 0.25, 0.65, 0.12, 0.38];

/// One node a chart draws as a series.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    /// The node.
    pub node: Node,
    /// Its id (a group's or a criterion's).
    pub id: String,
    /// Its name; a node under an opened group is prefixed with the group's
    /// ("Security › Risk").
    pub name: String,
    /// Its own name, and the top-level group's when it lies under an opened one.
    pub parts: (String, Option<String>),
    /// Its colour.
    pub colour: RGBColor,
    /// True when the colour repeats an earlier top-level node's.
    pub hatched: bool,
    /// The matrix columns of the criteria under it.
    pub columns: Vec<usize>,
}

/// The series a by-group chart of `scenario` draws for a matrix with
/// `criteria` columns: one per shown node that has a column.
pub(crate) fn series(ctx: &Ctx<'_>, tree: &ValueTree, criteria: &[String]) -> Vec<Series> {
    let scenario = ctx.input.scenario;
    let lang = ctx.lang();
    let nodes = shown_nodes(tree, scenario, ctx.input.expanded);
    let columns = columns_under(tree, scenario, &nodes, criteria);
    let tops = tree.children(Node::Root);
    let mut seen_under: Vec<usize> = vec![0; tops.len()];
    let mut out = Vec::new();
    for (node, columns) in nodes.into_iter().zip(columns) {
        let top = top_level(tree, node).unwrap_or(node);
        let k = tops.iter().position(|&t| t == top).unwrap_or(0);
        let base = series_colour(k);
        let own = tree.name(scenario, node, lang);
        let group = (top != node).then(|| tree.name(scenario, top, lang));
        let (colour, name) = if top == node {
            (base, own.clone())
        } else {
            let r = seen_under[k];
            seen_under[k] += 1;
            (
                tint(base, CHILD_TINTS[r % CHILD_TINTS.len()]),
                tr!(
                    lang,
                    "chart.groups.child",
                    group = tree.name(scenario, top, lang),
                    node = tree.name(scenario, node, lang)
                ),
            )
        };
        if columns.is_empty() {
            continue;
        }
        let id = tree.id(scenario, node).to_string();
        // A flat scenario's criteria keep the colours every chart gives them.
        let (colour, hatched) = if tree.is_flat() {
            (ctx.criterion_colour(&id), ctx.criterion_hatched(&id))
        } else {
            (colour, series_hatched(k))
        };
        out.push(Series {
            node,
            id,
            name,
            parts: (own, group),
            colour,
            hatched,
            columns,
        });
    }
    out
}

/// True when the scenario has a value tree (at least one group).
pub(crate) fn has_tree(scenario: &Scenario) -> bool {
    !scenario.groups.is_empty()
}

/// Display name of a node id: a criterion's or a group's, looked up in the
/// chart's scenario and then in the other scenario of a comparison.
pub(crate) fn node_name(ctx: &Ctx<'_>, id: &str) -> String {
    let lang = ctx.lang();
    let group = |s: &Scenario| {
        s.groups
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.name.get(lang).to_string())
    };
    if ctx.index.criterion(id).is_some() {
        return ctx.criterion_name(id);
    }
    group(ctx.input.scenario)
        .or_else(|| ctx.input.other.and_then(group))
        .unwrap_or_else(|| ctx.criterion_name(id))
}
