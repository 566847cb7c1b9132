//! The pair to explain and, for wsm, the exact per-criterion split of the
//! change in its gap (design.md §4).

use super::{Explanation, Outcome, Side, Term};
use crate::analysis::{Evaluation, Method, scaled_values};
use crate::model::Scenario;
use std::collections::HashSet;

/// Picks the pair (top of A, top of B when the winner changed, else top of
/// B and second of B) and explains the change in its gap, or says plainly
/// why it cannot.
pub fn outcome(a: &Scenario, eval_a: &Evaluation, b: &Scenario, eval_b: &Evaluation) -> Outcome {
    let Some(top_a) = eval_a.winner() else {
        return Outcome::NoFeasible(Side::A);
    };
    let Some(top_b) = eval_b.winner() else {
        return Outcome::NoFeasible(Side::B);
    };
    let (first, second) = if top_a.alternative != top_b.alternative {
        (&top_a.alternative, &top_b.alternative)
    } else {
        match eval_b.ranking.get(1) {
            Some(runner_up) => (&top_b.alternative, &runner_up.alternative),
            None => return Outcome::TooFewOptions,
        }
    };
    // Each member must be ranked in both files for its gap to exist.
    for id in [first, second] {
        for (side, scenario, evaluation) in [(Side::A, a, eval_a), (Side::B, b, eval_b)] {
            if scenario.alternative(id).is_none() {
                return Outcome::Missing {
                    alternative: id.clone(),
                    side,
                };
            }
            if evaluation.score_of(id).is_none() {
                return Outcome::Excluded {
                    alternative: id.clone(),
                    side,
                };
            }
        }
    }
    if eval_a.method != Method::Wsm || eval_b.method != Method::Wsm {
        let gap =
            |e: &Evaluation| e.score_of(second).unwrap_or(0.0) - e.score_of(first).unwrap_or(0.0);
        return Outcome::WsmOnly {
            first: first.clone(),
            second: second.clone(),
            gap_a: gap(eval_a),
            gap_b: gap(eval_b),
        };
    }
    match explain_pair(eval_a, eval_b, first, second) {
        Some(explanation) => Outcome::Explained(explanation),
        // Unreachable after the checks above; kept as a plain answer rather than a panic.
        None => Outcome::Missing {
            alternative: first.clone(),
            side: Side::A,
        },
    }
}

/// The rule of design.md §4 applied to the options ranked in both files
/// (wsm only): when the pair itself cannot be explained because a member is
/// new, dropped or excluded, this still says what moved among the others.
pub fn shared_explanation(eval_a: &Evaluation, eval_b: &Evaluation) -> Option<Explanation> {
    if eval_a.method != Method::Wsm || eval_b.method != Method::Wsm {
        return None;
    }
    let in_both = |from: &Evaluation, other: &Evaluation| -> Vec<String> {
        let ranked: HashSet<&str> = other
            .ranking
            .iter()
            .map(|r| r.alternative.as_str())
            .collect();
        from.ranking
            .iter()
            .filter(|r| ranked.contains(r.alternative.as_str()))
            .map(|r| r.alternative.clone())
            .collect()
    };
    let (shared_a, shared_b) = (in_both(eval_a, eval_b), in_both(eval_b, eval_a));
    let (top_a, top_b) = (shared_a.first()?, shared_b.first()?);
    let (first, second) = if top_a != top_b {
        (top_a, top_b)
    } else {
        (top_b, shared_b.get(1)?)
    };
    explain_pair(eval_a, eval_b, first, second)
}

/// (normalised weight, v(second) - v(first)) per criterion of one wsm evaluation.
fn weight_and_difference(
    evaluation: &Evaluation,
    first: &str,
    second: &str,
) -> Option<Vec<(String, f64, f64)>> {
    let matrix = &evaluation.matrix;
    let row = |id: &str| matrix.alternatives.iter().position(|a| a == id);
    let (i_first, i_second) = (row(first)?, row(second)?);
    let values = scaled_values(matrix);
    let m = matrix.m();
    Some(
        (0..m)
            .map(|j| {
                let d = values[i_second * m + j] - values[i_first * m + j];
                (matrix.criteria[j].clone(), matrix.weights[j], d)
            })
            .collect(),
    )
}

/// The wsm split of the change in the gap score(second) - score(first)
/// from `eval_a` to `eval_b`, one term per criterion of either file (A's
/// order, then criteria new in B). None when either option is not ranked
/// in both evaluations.
pub fn explain_pair(
    eval_a: &Evaluation,
    eval_b: &Evaluation,
    first: &str,
    second: &str,
) -> Option<Explanation> {
    let in_a = weight_and_difference(eval_a, first, second)?;
    let in_b = weight_and_difference(eval_b, first, second)?;
    let gap = |e: &Evaluation| Some(e.score_of(second)? - e.score_of(first)?);
    let (gap_a, gap_b) = (gap(eval_a)?, gap(eval_b)?);
    let find = |list: &[(String, f64, f64)], id: &str| {
        list.iter()
            .find(|(c, _, _)| c == id)
            .map(|&(_, w, d)| (w, d))
    };
    let ids = in_a.iter().map(|(c, _, _)| c).chain(
        in_b.iter()
            .map(|(c, _, _)| c)
            .filter(|c| find(&in_a, c).is_none()),
    );
    let terms = ids
        .map(|id| {
            let (weight_effect, value_effect) = match (find(&in_a, id), find(&in_b, id)) {
                (Some((w, d)), Some((w2, d2))) => {
                    ((w2 - w) * (d + d2) / 2.0, (d2 - d) * (w + w2) / 2.0)
                }
                // A criterion in one file only contributes its whole term as a value effect.
                (Some((w, d)), None) => (0.0, -w * d),
                (None, Some((w2, d2))) => (0.0, w2 * d2),
                (None, None) => (0.0, 0.0),
            };
            // Adding 0.0 turns -0.0 into 0.0, so an unchanged term prints as 0.
            Term {
                criterion: id.clone(),
                weight_effect: weight_effect + 0.0,
                value_effect: value_effect + 0.0,
            }
        })
        .collect();
    Some(Explanation {
        first: first.to_string(),
        second: second.to_string(),
        gap_a,
        gap_b,
        terms,
    })
}
