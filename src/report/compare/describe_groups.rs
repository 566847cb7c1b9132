//! The comparison by group in words: which top-level group of the value tree
//! moved the gap most.

use super::signed;
use crate::analysis::compare::by_group::{group_terms, has_groups, node_name};
use crate::analysis::compare::{Explanation, NEGLIGIBLE_EFFECT};
use crate::model::{Lang, Scenario};
use crate::tr;

/// "By group, Security moved the gap most (+0.27 of a change of +0.26)."
/// None for flat files or when nothing moved.
pub fn group_sentence(a: &Scenario, b: &Scenario, e: &Explanation, lang: Lang) -> Option<String> {
    if !has_groups(a, b) {
        return None;
    }
    let groups = group_terms(e, a, b);
    let top = groups
        .iter()
        .filter(|g| g.total().abs() > NEGLIGIBLE_EFFECT)
        .max_by(|x, y| x.total().abs().total_cmp(&y.total().abs()))?;
    Some(tr!(
        lang,
        "compare.groups.sentence",
        group = node_name(a, b, &top.id, lang),
        amount = signed(top.total(), lang),
        total = signed(e.gap_b - e.gap_a, lang)
    ))
}
