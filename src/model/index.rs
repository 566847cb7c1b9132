//! A lookup index over a scenario, built once in time linear in its size:
//! ids to positions and a dense options × criteria table of its scores, so
//! callers never scan the score list once per cell.

use super::scenario::{Alternative, Criterion, Scenario, Score};
use super::text::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Positions of a scenario's options, criteria and scores, borrowed from it.
///
/// Lookups agree with the scanning accessors of [`Scenario`] (`alternative`,
/// `criterion`, `score`): when an id or an (option, criterion) pair is
/// repeated, the first one in file order is the one found, and a repeated
/// option or criterion reads the scores of its first occurrence. One
/// difference: a score naming an option or criterion that the scenario does
/// not have is not indexed (validation reports it).
#[derive(Debug, Clone)]
pub struct ScenarioIndex<'a> {
    scenario: &'a Scenario,
    alternatives: HashMap<&'a str, usize>,
    criteria: HashMap<&'a str, usize>,
    /// `cells[i * m + j]`: position in `scenario.scores` of the score of
    /// option i on criterion j (`NO_SCORE` when there is none). Built on the
    /// first score lookup, so an index used for names only costs O(n + m).
    cells: OnceLock<Vec<u32>>,
    /// `scored[j]`: some score names criterion j (one not yet scored by
    /// anyone is left out of the analysis). Built with `cells`' first use.
    scored: OnceLock<Vec<bool>>,
}

/// Marks a cell without a score.
const NO_SCORE: u32 = u32::MAX;

/// The first position of each id (later repeats are ignored, as `find` would).
fn first_positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

impl<'a> ScenarioIndex<'a> {
    /// Indexes the ids of `scenario`'s options and criteria; its scores are
    /// indexed, in one pass, on the first score lookup.
    pub fn new(scenario: &'a Scenario) -> Self {
        ScenarioIndex {
            scenario,
            alternatives: first_positions(scenario.alternatives.iter().map(|a| a.id.as_str())),
            criteria: first_positions(scenario.criteria.iter().map(|c| c.id.as_str())),
            cells: OnceLock::new(),
            scored: OnceLock::new(),
        }
    }

    /// The (option, criterion) positions of each score, in score order
    /// (None for an id the scenario does not have).
    ///
    /// Files list scores option by option and criterion by criterion, so
    /// each score first tries the previous score's option and the criterion
    /// after the previous one, and hashes an id only when that guess is
    /// wrong. A guess is only taken when ids are not repeated, so the
    /// answer is always the first position, as a hash lookup gives.
    pub fn score_positions(&self) -> impl Iterator<Item = (Option<usize>, Option<usize>)> + '_ {
        let s = self.scenario;
        let unique_options = self.alternatives.len() == s.alternatives.len();
        let unique_criteria = self.criteria.len() == s.criteria.len();
        let mut previous: (Option<usize>, Option<usize>) = (None, None);
        s.scores.iter().map(move |score| {
            let guess_i = previous
                .0
                .filter(|&i| unique_options && s.alternatives[i].id == score.alternative);
            let i = guess_i.or_else(|| self.alternative_index(&score.alternative));
            let next_j = previous.1.map_or(0, |j| (j + 1) % s.criteria.len().max(1));
            let guess_j = Some(next_j).filter(|&j| {
                unique_criteria && s.criteria.get(j).is_some_and(|c| c.id == score.criterion)
            });
            let j = guess_j.or_else(|| self.criterion_index(&score.criterion));
            previous = (i.or(previous.0), j.or(previous.1));
            (i, j)
        })
    }

    fn cells(&self) -> &[u32] {
        self.cells.get_or_init(|| {
            let m = self.scenario.criteria.len();
            let mut cells = vec![NO_SCORE; self.scenario.alternatives.len() * m];
            for (k, (i, j)) in self.score_positions().enumerate() {
                let (Some(i), Some(j)) = (i, j) else {
                    continue;
                };
                let cell = &mut cells[i * m + j];
                // The first score of a pair wins; positions past u32 cannot
                // occur under the loader's limits, and would read as missing.
                if *cell == NO_SCORE {
                    *cell = u32::try_from(k).unwrap_or(NO_SCORE);
                }
            }
            self.copy_to_repeats(&mut cells);
            cells
        })
    }

    /// Gives every repeated option or criterion the cells of its first
    /// occurrence, as a lookup by id would read them.
    fn copy_to_repeats(&self, cells: &mut [u32]) {
        let s = self.scenario;
        let m = s.criteria.len();
        let first_row: Vec<usize> = s
            .alternatives
            .iter()
            .map(|a| self.alternatives[a.id.as_str()])
            .collect();
        let first_col: Vec<usize> = s
            .criteria
            .iter()
            .map(|c| self.criteria[c.id.as_str()])
            .collect();
        let repeats = first_row.iter().enumerate().any(|(i, &f)| f != i)
            || first_col.iter().enumerate().any(|(j, &f)| f != j);
        if !repeats {
            return;
        }
        // A first occurrence comes earlier, so it is final when it is copied.
        for (i, &fi) in first_row.iter().enumerate() {
            for (j, &fj) in first_col.iter().enumerate() {
                if (fi, fj) != (i, j) {
                    cells[i * m + j] = cells[fi * m + fj];
                }
            }
        }
    }

    /// True when some score names the criterion at position `j`, whichever
    /// option it is for ([`Scenario::unscored_criteria`] lists the others).
    pub fn criterion_is_scored(&self, j: usize) -> bool {
        self.scored
            .get_or_init(|| {
                let mut scored = vec![false; self.scenario.criteria.len()];
                for (_, j) in self.score_positions() {
                    if let Some(j) = j {
                        scored[j] = true;
                    }
                }
                // A repeated criterion reads its first occurrence's scores.
                for (j, c) in self.scenario.criteria.iter().enumerate() {
                    scored[j] = scored[self.criteria[c.id.as_str()]];
                }
                scored
            })
            .get(j)
            .copied()
            .unwrap_or(false)
    }

    /// The scenario indexed.
    pub fn scenario(&self) -> &'a Scenario {
        self.scenario
    }

    /// Position of the option with this id.
    pub fn alternative_index(&self, id: &str) -> Option<usize> {
        self.alternatives.get(id).copied()
    }

    /// Position of the criterion with this id.
    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.get(id).copied()
    }

    /// The option with this id.
    pub fn alternative(&self, id: &str) -> Option<&'a Alternative> {
        self.alternative_index(id)
            .map(|i| &self.scenario.alternatives[i])
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&'a Criterion> {
        self.criterion_index(id).map(|j| &self.scenario.criteria[j])
    }

    /// The score of option `i` on criterion `j` (positions in the scenario).
    pub fn score_at(&self, i: usize, j: usize) -> Option<&'a Score> {
        let m = self.scenario.criteria.len();
        if j >= m {
            return None;
        }
        let k = *self.cells().get(i * m + j)?;
        self.scenario.scores.get(k as usize)
    }

    /// The score of `alternative` on `criterion` (ids).
    pub fn score(&self, alternative: &str, criterion: &str) -> Option<&'a Score> {
        self.score_at(
            self.alternative_index(alternative)?,
            self.criterion_index(criterion)?,
        )
    }

    /// Display name of an option id in `lang` (the id itself if unknown).
    pub fn alternative_name(&self, id: &str, lang: Lang) -> String {
        self.alternative(id)
            .map_or_else(|| id.to_string(), |a| a.name.get(lang).to_string())
    }

    /// Display name of a criterion id in `lang` (the id itself if unknown).
    pub fn criterion_name(&self, id: &str, lang: Lang) -> String {
        self.criterion(id)
            .map_or_else(|| id.to_string(), |c| c.name.get(lang).to_string())
    }
}

/// An owned copy of an index's lookups, to keep beside a scenario between
/// edits (the GUI keeps one per revision). Lookups check the score found
/// against the ids asked for, so a stale copy answers None, never a wrong
/// score.
#[derive(Debug, Clone, Default)]
pub struct ScoreCells {
    alternatives: HashMap<String, usize>,
    criteria: HashMap<String, usize>,
    m: usize,
    cells: Vec<u32>,
}

impl ScoreCells {
    /// The score of `alternative` on `criterion` in `scenario`, the
    /// scenario these cells were taken from.
    pub fn score<'s>(
        &self,
        scenario: &'s Scenario,
        alternative: &str,
        criterion: &str,
    ) -> Option<&'s Score> {
        let (i, j) = (
            self.alternatives.get(alternative)?,
            self.criteria.get(criterion)?,
        );
        let k = *self.cells.get(i * self.m + j)?;
        scenario
            .scores
            .get(k as usize)
            .filter(|s| s.alternative == alternative && s.criterion == criterion)
    }
}

impl ScenarioIndex<'_> {
    /// The lookups as an owned [`ScoreCells`].
    pub fn to_cells(&self) -> ScoreCells {
        ScoreCells {
            alternatives: self
                .alternatives
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            criteria: self
                .criteria
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            m: self.scenario.criteria.len(),
            cells: self.cells().to_vec(),
        }
    }
}
