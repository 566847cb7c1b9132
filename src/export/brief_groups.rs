//! The briefing's weights by group (a scenario with a value tree): every
//! node of the tree, top-level groups first with their criteria indented
//! beneath, and each weight profile's share of the node within its parent
//! (with its share of the whole for a node inside a group).

use super::document::{Block, Inline, Span, text};
use crate::i18n::pct;
use crate::model::{Lang, Scenario, ValueTree};
use crate::tr;

/// The "Weights by group" heading, sentence and table; nothing for a flat scenario.
pub fn group_weights_section(scenario: &Scenario, lang: Lang) -> Vec<Block> {
    if scenario.groups.is_empty() {
        return Vec::new();
    }
    let tree = ValueTree::new(scenario);
    let included = vec![true; scenario.criteria.len()];
    let shares: Vec<_> = scenario
        .profiles
        .iter()
        .map(|p| tree.local_shares(p, &included))
        .collect();
    let mut header = vec![tr!(lang, "brief.col.node")];
    header.extend(
        scenario
            .profiles
            .iter()
            .map(|p| tr!(lang, "brief.col.weight_of", profile = p.name.get(lang))),
    );
    let mut rows: Vec<Vec<Inline>> = Vec::new();
    for node in tree.nodes() {
        let depth = tree.depth(node).saturating_sub(1);
        let name = tree.name(scenario, node, lang);
        let label = if depth == 0 {
            vec![Span::Strong(name)]
        } else {
            text(format!("{}{name}", "— ".repeat(depth)))
        };
        let mut row = vec![label];
        for s in &shares {
            let cell = if depth == 0 {
                pct(s.share(node), 0, lang)
            } else {
                tr!(
                    lang,
                    "brief.share_within",
                    share = pct(s.share(node), 0, lang),
                    whole = pct(s.effective(node), 1, lang)
                )
            };
            row.push(text(cell));
        }
        rows.push(row);
    }
    vec![
        Block::Heading(2, tr!(lang, "brief.group_weights")),
        Block::Paragraph(text(tr!(lang, "brief.group_weights_intro"))),
        Block::Table { header, rows },
    ]
}
