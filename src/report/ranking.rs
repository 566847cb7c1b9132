//! The ranking in words: what to say when nothing can be ranked.

use crate::analysis::Evaluation;
use crate::model::Lang;
use crate::tr;

/// The plain sentence shown instead of a ranking when no option can be
/// ranked: every option excluded, or none at all.
pub fn nothing_ranked(evaluation: &Evaluation, lang: Lang) -> String {
    if evaluation.ranking.is_empty() && !evaluation.excluded.is_empty() {
        tr!(lang, "chart.all_excluded")
    } else {
        tr!(lang, "chart.no_options")
    }
}
