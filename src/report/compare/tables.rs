//! The comparison as typed tables in one language: each option's rank and
//! score in A and in B with how it moved, and B's scores beside A's. The
//! window's comparison view and the briefing's comparison page lay them out.

use super::option_name;
use crate::analysis::compare::{Comparison, RankMove};
use crate::i18n::value;
use crate::model::{Lang, Scenario};
use crate::report::ranking::Placed;
use crate::tr;
use std::collections::HashMap;

/// How an option's rank moved from A to B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// Same rank in both.
    Same,
    /// Gained this many places.
    Up(u64),
    /// Lost this many places.
    Down(u64),
    /// Ranked in B only.
    New,
    /// Not ranked in B.
    Out,
}

impl Movement {
    /// The movement of one option.
    pub fn of(m: &RankMove) -> Self {
        match (m.rank_a, m.rank_b, m.places_up()) {
            (_, _, Some(0)) => Movement::Same,
            (_, _, Some(up)) if up > 0 => Movement::Up(up.unsigned_abs()),
            (_, _, Some(down)) => Movement::Down(down.unsigned_abs()),
            (None, Some(_), None) => Movement::New,
            _ => Movement::Out,
        }
    }

    /// "↑ 2", "↓ 1", "=", "new" or "not ranked".
    pub fn text(self, lang: Lang) -> String {
        match self {
            Movement::Same => "=".to_string(),
            Movement::Up(n) => format!("↑ {n}"),
            Movement::Down(n) => format!("↓ {n}"),
            Movement::New => tr!(lang, "analyse.compare.new"),
            Movement::Out => tr!(lang, "analyse.compare.out"),
        }
    }
}

/// One option in the two rankings.
#[derive(Debug, Clone, PartialEq)]
pub struct MoveRow {
    /// Alternative id.
    pub id: String,
    /// Display name (from B when it is there, else from A).
    pub name: String,
    /// Its place in A (None: absent or excluded there).
    pub a: Option<Placed>,
    /// Its place in B.
    pub b: Option<Placed>,
    /// How it moved.
    pub movement: Movement,
}

/// Both rankings side by side, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingsReport {
    /// The language of every name in it.
    pub lang: Lang,
    /// Every option of A then those only in B, in scenario order.
    pub rows: Vec<MoveRow>,
}

impl RankingsReport {
    /// The rankings of a comparison.
    pub fn new(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Self {
        let (placed_a, placed_b) = (c.a.ranked_by_id(), c.b.ranked_by_id());
        let placed = |map: &HashMap<&str, &crate::analysis::Ranked>, id: &str| {
            map.get(id).map(|r| Placed::from(*r))
        };
        let rows = c
            .moves
            .iter()
            .map(|m| MoveRow {
                id: m.alternative.clone(),
                name: option_name(a, b, &m.alternative, lang),
                a: placed(&placed_a, &m.alternative),
                b: placed(&placed_b, &m.alternative),
                movement: Movement::of(m),
            })
            .collect();
        RankingsReport { lang, rows }
    }

    /// The rows by rank in B, then by rank in A (unranked last): the
    /// window's order.
    pub fn by_rank(&self) -> Vec<&MoveRow> {
        let mut rows: Vec<&MoveRow> = self.rows.iter().collect();
        rows.sort_by_key(|r| {
            (
                r.b.map_or(usize::MAX, |p| p.rank),
                r.a.map_or(usize::MAX, |p| p.rank),
            )
        });
        rows
    }

    /// The options ranked in B in B's order, then those ranked in A only in
    /// A's order: the briefing's order.
    pub fn ranked(&self, c: &Comparison) -> Vec<&MoveRow> {
        let by_id: HashMap<&str, &MoveRow> = self.rows.iter().map(|r| (r.id.as_str(), r)).collect();
        let in_b = c.b.ranked_by_id();
        let ids = c.b.ranking.iter().map(|r| r.alternative.as_str()).chain(
            c.a.ranking
                .iter()
                .map(|r| r.alternative.as_str())
                .filter(|id| !in_b.contains_key(id)),
        );
        ids.filter_map(|id| by_id.get(id).copied()).collect()
    }
}

/// One score of B, with A's value when it changed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreCell {
    /// B's value (None: not scored).
    pub value: Option<f64>,
    /// A's value and B's, when the value changed.
    pub changed: Option<(f64, f64)>,
}

/// A criterion as a column of the score table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreColumn {
    /// Criterion id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// Whether B added it (A has no such criterion).
    pub added: bool,
}

/// One option's scores in B.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    /// Alternative id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// One cell per column.
    pub cells: Vec<ScoreCell>,
}

/// B's scores, the cells that changed from A marked with A's value.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoresReport {
    /// The language of every name and text in it.
    pub lang: Lang,
    /// B's criteria.
    pub columns: Vec<ScoreColumn>,
    /// B's options.
    pub rows: Vec<ScoreRow>,
}

impl ScoresReport {
    /// B's scores of a comparison.
    pub fn new(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Self {
        let columns = b
            .criteria
            .iter()
            .map(|cr| ScoreColumn {
                id: cr.id.clone(),
                name: cr.name.get(lang).to_string(),
                added: a.criterion(&cr.id).is_none(),
            })
            .collect();
        let rows = b
            .alternatives
            .iter()
            .map(|alt| ScoreRow {
                id: alt.id.clone(),
                name: alt.name.get(lang).to_string(),
                cells: b
                    .criteria
                    .iter()
                    .map(|cr| cell(b, c, &alt.id, &cr.id))
                    .collect(),
            })
            .collect();
        ScoresReport {
            lang,
            columns,
            rows,
        }
    }

    /// A score as shown in the table ("0.5"), "—" when not scored.
    pub fn value_text(&self, cell: &ScoreCell) -> String {
        cell.value
            .map_or_else(|| "—".to_string(), |x| value(x, 2, self.lang))
    }

    /// "0.4 → 0.5" for a changed cell.
    pub fn change_text(&self, (from, to): (f64, f64)) -> String {
        format!(
            "{} → {}",
            value(from, 2, self.lang),
            value(to, 2, self.lang)
        )
    }

    /// "Was 0.4 in A" for a changed cell.
    pub fn was_text(&self, (from, _): (f64, f64)) -> String {
        tr!(
            self.lang,
            "analyse.compare.was",
            from = value(from, 2, self.lang)
        )
    }
}

/// One cell of B's score table.
fn cell(b: &Scenario, c: &Comparison, alternative: &str, criterion: &str) -> ScoreCell {
    ScoreCell {
        value: b
            .scores
            .iter()
            .find(|s| s.alternative == alternative && s.criterion == criterion)
            .map(|s| s.value),
        changed: c
            .changes
            .scores
            .iter()
            .find(|x| x.alternative == alternative && x.criterion == criterion && x.value_changed())
            .map(|x| (x.from, x.to)),
    }
}
