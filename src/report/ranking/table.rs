//! The ranking as a typed value in one language: every option's rank and
//! score under each method, whom it is dominated by, and the excluded
//! options with their reasons. The window's results table, `rank`'s text
//! and the briefing's results table all lay out this one value.

use crate::analysis::{Evaluation, Method, Ranked};
use crate::i18n::num;
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::report::exclusions::{ExcludedRow, excluded_rows};
use crate::report::frontier::dominators_text;
use crate::tr;
use std::collections::HashMap;

/// An option's place under one method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Competition rank, 1 = best.
    pub rank: usize,
    /// Score under the method.
    pub score: f64,
}

impl From<&Ranked> for Placed {
    fn from(r: &Ranked) -> Self {
        Placed {
            rank: r.rank,
            score: r.score,
        }
    }
}

/// One ranked option.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// Alternative id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// Its place under the main method.
    pub main: Placed,
    /// Its place under each method of [`RankingReport::methods`] (None:
    /// not ranked under that method).
    pub by_method: Vec<Option<Placed>>,
    /// "Dominated by DR Congo, Mali" when feasible options dominate it.
    pub dominated_by: Option<String>,
}

/// The ranking of one profile under a main method, with the other methods
/// beside it, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingReport {
    /// The language of every name and sentence in it.
    pub lang: Lang,
    /// The method whose order the rows follow.
    pub method: Method,
    /// The methods of the columns, in [`Method::ALL`] order (those evaluated).
    pub methods: Vec<Method>,
    /// Ranked options in the main method's order.
    pub rows: Vec<RankRow>,
    /// Options excluded before ranking, in scenario order.
    pub excluded: Vec<ExcludedRow>,
}

/// Each option id's dominators, as `analysis::dominance` pairs them.
pub type Dominance = [(String, Vec<String>)];

impl RankingReport {
    /// The report of `main` with the places under `others` beside it (an
    /// evaluation of each method, `main`'s included or not), using the
    /// dominance already computed for `main`'s matrix.
    pub fn new(
        scenario: &Scenario,
        main: &Evaluation,
        others: &[&Evaluation],
        dominated: &Dominance,
        lang: Lang,
    ) -> Self {
        let index = ScenarioIndex::new(scenario);
        let methods: Vec<Method> = Method::ALL
            .into_iter()
            .filter(|m| *m == main.method || others.iter().any(|e| e.method == *m))
            .collect();
        let by_method: Vec<HashMap<&str, &Ranked>> = methods
            .iter()
            .map(|m| {
                if *m == main.method {
                    main.ranked_by_id()
                } else {
                    others
                        .iter()
                        .find(|e| e.method == *m)
                        .map_or_else(HashMap::new, |e| e.ranked_by_id())
                }
            })
            .collect();
        let dominators: HashMap<&str, &Vec<String>> = dominated
            .iter()
            .filter(|(_, by)| !by.is_empty())
            .map(|(id, by)| (id.as_str(), by))
            .collect();
        let rows = main
            .ranking
            .iter()
            .map(|r| RankRow {
                id: r.alternative.clone(),
                name: index.alternative_name(&r.alternative, lang),
                main: Placed::from(r),
                by_method: by_method
                    .iter()
                    .map(|placed| placed.get(r.alternative.as_str()).map(|x| Placed::from(*x)))
                    .collect(),
                dominated_by: dominators
                    .get(r.alternative.as_str())
                    .map(|by| dominators_text(scenario, by, lang)),
            })
            .collect();
        RankingReport {
            lang,
            method: main.method,
            methods,
            rows,
            excluded: excluded_rows(scenario, &main.excluded, lang),
        }
    }

    /// The report of `main` alone, its dominance computed here.
    pub fn of(scenario: &Scenario, main: &Evaluation, lang: Lang) -> Self {
        Self::new(scenario, main, &[], &dominance(main), lang)
    }

    /// "2 (0.512)": a rank and score as a cell of the window's table.
    pub fn rank_score_text(&self, placed: &Placed) -> String {
        tr!(
            self.lang,
            "gui.rank_score",
            rank = placed.rank,
            score = num(placed.score, 3, self.lang)
        )
    }

    /// "Dominated by …" for a row, when it is dominated.
    pub fn dominated_sentence(&self, row: &RankRow) -> Option<String> {
        row.dominated_by
            .as_ref()
            .map(|by| tr!(self.lang, "vfm.gui.dominated_by", by = by))
    }
}

impl RankingReport {
    /// "Scores (Weighted sum, Defence): 1. Mali 0.612; 2. CAR 0.581.", the
    /// speaker notes of the ranking slide.
    pub fn scores_note(&self, profile: &str) -> String {
        let lang = self.lang;
        let list: Vec<String> = self
            .rows
            .iter()
            .map(|r| format!("{}. {} {}", r.main.rank, r.name, num(r.main.score, 3, lang)))
            .collect();
        tr!(
            lang,
            "deck.notes_scores",
            method = crate::report::ranking::method_name(self.method, lang),
            profile = profile,
            list = list.join("; ")
        )
    }
}

/// Each option of an evaluation's matrix with the options dominating it.
pub fn dominance(evaluation: &Evaluation) -> Vec<(String, Vec<String>)> {
    evaluation
        .matrix
        .alternatives
        .iter()
        .cloned()
        .zip(crate::analysis::dominance::dominated_by(&evaluation.matrix))
        .collect()
}
