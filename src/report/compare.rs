//! The comparison in words, in English or French: the summary sentence
//! ("Mali overtook CAR mainly because …"), number formats, and (from
//! `change_text`) one line per change.

mod change_text;
mod describe_groups;
mod diff_groups;
mod diff_text;
mod tables;

pub use change_text::change_lines;
pub use describe_groups::group_sentence;
pub use diff_groups::groups_text;
pub use diff_text::diff_text;
pub use tables::*;

use crate::analysis::compare::{Comparison, EffectKind, Explanation, Outcome, Side};
use crate::i18n::{num, pct, value};
use crate::model::{Lang, Scenario};
use crate::report::exclusions::reason_message;
use crate::tr;

/// A share of the largest effect below which a second cause is not named.
const SECOND_CAUSE_SHARE: f64 = 0.2;

/// A signed effect on the gap: "+0.05", "−0.12" (true minus sign), three
/// decimals when it would otherwise read as zero, and "0" for no effect.
pub fn signed(x: f64, lang: Lang) -> String {
    signed_with(x, if x.abs() < 0.005 { 3 } else { 2 }, lang)
}

fn signed_with(x: f64, decimals: usize, lang: Lang) -> String {
    if x.abs() <= crate::analysis::compare::NEGLIGIBLE_EFFECT {
        return "0".to_string();
    }
    let body = num(x.abs(), decimals, lang);
    if body.chars().all(|c| c == '0' || c == '.' || c == ',') {
        return body;
    }
    let sign = if x < 0.0 { '\u{2212}' } else { '+' };
    format!("{sign}{body}")
}

/// Two signed numbers with enough decimals (2 to 4) to show that they differ.
pub fn signed_pair(from: f64, to: f64, lang: Lang) -> (String, String) {
    let mut pair = (signed(from, lang), signed(to, lang));
    for decimals in 3..=4 {
        if pair.0 != pair.1 {
            break;
        }
        pair = (
            signed_with(from, decimals, lang),
            signed_with(to, decimals, lang),
        );
    }
    pair
}

/// The first sentence of a summary, which states the finding (the slide's
/// headline; the whole summary goes to the notes).
pub fn summary_headline(summary: &str) -> String {
    match summary.split_once(". ") {
        Some((first, _)) => format!("{first}."),
        None => summary.to_string(),
    }
}

/// Display name of an option, from B when it is there, else from A.
pub fn option_name(a: &Scenario, b: &Scenario, id: &str, lang: Lang) -> String {
    match b.alternative(id) {
        Some(x) => x.name.get(lang).to_string(),
        None => a.alternative_name(id, lang),
    }
}

/// Display name of a criterion, from B when it is there, else from A.
pub fn criterion_name(a: &Scenario, b: &Scenario, id: &str, lang: Lang) -> String {
    match b.criterion(id) {
        Some(x) => x.name.get(lang).to_string(),
        None => a.criterion_name(id, lang),
    }
}

/// A criterion name inside an English sentence starts in lower case
/// ("the weight on local impact"), unless it is an acronym ("GDP").
fn in_sentence(name: &str, lang: Lang) -> String {
    let mut chars = name.chars();
    match (lang, chars.next(), chars.next()) {
        (Lang::En, Some(c0), c1) if !c1.is_some_and(char::is_uppercase) => {
            c0.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

/// Two weights as percentages, with a decimal when whole percents would hide the change.
fn two_pcts(from: f64, to: f64, lang: Lang) -> (String, String) {
    let (f, t) = (pct(from, 0, lang), pct(to, 0, lang));
    if f == t {
        (pct(from, 1, lang), pct(to, 1, lang))
    } else {
        (f, t)
    }
}

/// Two numbers with enough decimals (2 to 4) to show that they differ.
fn two_nums(from: f64, to: f64, lang: Lang) -> (String, String) {
    let mut pair = (num(from, 2, lang), num(to, 2, lang));
    for decimals in 3..=4 {
        if pair.0 != pair.1 {
            break;
        }
        pair = (num(from, decimals, lang), num(to, decimals, lang));
    }
    pair
}

pub(super) fn range_text(lo: f64, hi: f64, lang: Lang) -> String {
    format!("{}–{}", value(lo, 4, lang), value(hi, 4, lang))
}

/// Why one effect happened, in words, with its size: "CAR's risk score rose
/// from 3 to 7 (+0.12)".
fn cause(
    (a, b, c, lang): (&Scenario, &Scenario, &Comparison, Lang),
    e: &Explanation,
    criterion: &str,
    kind: EffectKind,
    amount: f64,
) -> String {
    let crit = in_sentence(&criterion_name(a, b, criterion, lang), lang);
    let column =
        |m: &crate::analysis::DecisionMatrix| m.criteria.iter().position(|x| x == criterion);
    let (ja, jb) = (column(&c.a.matrix), column(&c.b.matrix));
    let text = match (kind, ja, jb) {
        (EffectKind::Weight, Some(ja), Some(jb)) => {
            let (wa, wb) = (c.a.matrix.weights[ja], c.b.matrix.weights[jb]);
            let (from, to) = two_pcts(wa, wb, lang);
            let key = if wb > wa {
                "compare.cause.weight_rose"
            } else {
                "compare.cause.weight_fell"
            };
            tr!(lang, key, criterion = crit, from = from, to = to)
        }
        (_, None, _) => tr!(lang, "compare.cause.criterion_added", criterion = crit),
        (_, _, None) => tr!(lang, "compare.cause.criterion_removed", criterion = crit),
        (_, Some(ja), Some(jb)) => value_cause((a, b, c, lang), e, criterion, &crit, (ja, jb)),
    };
    format!("{text} ({})", signed(amount, lang))
}

/// The one or two largest effects pushing the gap the way it moved, joined
/// with "and", then the largest effect against it when it is of the same
/// order ("…, though …"). Amounts are shown times `sign`: +1 to read them as
/// gains of the second option, −1 as gains of the first (its lead).
fn main_causes(
    (a, b, c, lang): (&Scenario, &Scenario, &Comparison, Lang),
    e: &Explanation,
    sign: f64,
) -> String {
    let total = e.gap_b - e.gap_a;
    let (along, against): (Vec<_>, Vec<_>) = e
        .effects()
        .into_iter()
        .partition(|(_, _, x)| x.signum() == total.signum());
    let Some(largest) = along.first().map(|(_, _, x)| x.abs()) else {
        return String::new();
    };
    let say = |(criterion, kind, x): &(String, EffectKind, f64)| {
        cause((a, b, c, lang), e, criterion, *kind, sign * *x)
    };
    let mut text = along
        .iter()
        .take(2)
        .filter(|(_, _, x)| x.abs() >= SECOND_CAUSE_SHARE * largest)
        .map(say)
        .collect::<Vec<_>>()
        .join(&tr!(lang, "compare.cause.and"));
    if let Some(offset) = against
        .first()
        .filter(|(_, _, x)| x.abs() >= SECOND_CAUSE_SHARE * largest)
    {
        text.push_str(&tr!(lang, "compare.cause.though", cause = say(offset)));
    }
    text
}

/// The first sentence when the outcome carries no per-criterion split.
fn headline(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Option<String> {
    let (top_a, top_b) = (c.a.winner()?, c.b.winner()?);
    let name = |id: &str| option_name(a, b, id, lang);
    Some(if c.is_unchanged() {
        tr!(
            lang,
            "compare.summary.nothing_changed",
            top = name(&top_b.alternative)
        )
    } else if c.winner_changed() {
        tr!(
            lang,
            "compare.summary.new_top",
            new = name(&top_b.alternative),
            old = name(&top_a.alternative)
        )
    } else {
        tr!(
            lang,
            "compare.summary.same_top",
            top = name(&top_b.alternative)
        )
    })
}

/// Why a criterion's values moved the gap: the two options' scores that
/// changed, else its direction, its value function, or its rescaled range
/// (`crit`: its name as the sentence reads it; `ja`, `jb`: its columns).
fn value_cause(
    (a, b, c, lang): (&Scenario, &Scenario, &Comparison, Lang),
    e: &Explanation,
    criterion: &str,
    crit: &str,
    (ja, jb): (usize, usize),
) -> String {
    let moved: Vec<String> = [&e.first, &e.second]
        .into_iter()
        .filter_map(|id| {
            let old = a.score(id, criterion)?.value;
            let new = b.score(id, criterion)?.value;
            (old != new).then(|| {
                let key = if new > old {
                    "compare.cause.score_rose"
                } else {
                    "compare.cause.score_fell"
                };
                tr!(
                    lang,
                    key,
                    option = option_name(a, b, id, lang),
                    criterion = crit,
                    from = value(old, 4, lang),
                    to = value(new, 4, lang)
                )
            })
        })
        .collect();
    let direction_changed =
        a.criterion(criterion).map(|x| x.direction) != b.criterion(criterion).map(|x| x.direction);
    if !moved.is_empty() {
        moved.join(&tr!(lang, "compare.cause.and"))
    } else if direction_changed {
        tr!(lang, "compare.cause.direction_changed", criterion = crit)
    } else if a.criterion(criterion).map(|x| &x.value_function)
        != b.criterion(criterion).map(|x| &x.value_function)
    {
        tr!(lang, "compare.cause.value_function", criterion = crit)
    } else {
        let (lo_a, hi_a) = c.a.matrix.scaling_range(ja);
        let (lo_b, hi_b) = c.b.matrix.scaling_range(jb);
        tr!(
            lang,
            "compare.cause.rescaled",
            criterion = crit,
            from = range_text(lo_a, hi_a, lang),
            to = range_text(lo_b, hi_b, lang)
        )
    }
}

/// The summary sentence(s) for a minister: who overtook whom (or who stays
/// ahead) and the one or two largest causes, each with its effect on the gap.
pub fn summary(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> String {
    let mut parts = outcome_parts(a, b, c, lang);
    if let Some(e) = &c.shared {
        parts.push(among_shared(&explained(a, b, c, e, lang), lang));
    }
    if !matches!(c.outcome, Outcome::Explained(_) | Outcome::WsmOnly { .. })
        && c.method != crate::analysis::Method::Wsm
    {
        parts.push(tr!(
            lang,
            "compare.summary.wsm_only",
            method = c.method.as_str()
        ));
    }
    parts.join(" ")
}

/// The sentences on the comparison's outcome: why the ranking moved, or
/// why it cannot be explained.
fn outcome_parts(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Vec<String> {
    let name = |id: &str| option_name(a, b, id, lang);
    let mut parts: Vec<String> = Vec::new();
    match &c.outcome {
        Outcome::Explained(e) => parts.push(explained(a, b, c, e, lang)),
        Outcome::WsmOnly { first, second, .. } => {
            if c.winner_changed() {
                parts.push(tr!(
                    lang,
                    "compare.summary.overtook_plain",
                    second = name(second),
                    first = name(first)
                ));
            } else {
                parts.extend(headline(a, b, c, lang));
            }
            parts.push(tr!(
                lang,
                "compare.summary.wsm_only",
                method = c.method.as_str()
            ));
        }
        Outcome::NoFeasible(side) => {
            parts.push(tr!(
                lang,
                "compare.summary.no_feasible",
                side = side.label()
            ));
        }
        Outcome::TooFewOptions => {
            parts.extend(headline(a, b, c, lang));
            parts.push(tr!(lang, "compare.summary.too_few"));
        }
        Outcome::Missing { alternative, side } => {
            parts.extend(headline(a, b, c, lang));
            parts.push(tr!(
                lang,
                "compare.summary.missing",
                option = name(alternative),
                side = side.label()
            ));
        }
        Outcome::Excluded { alternative, side } => {
            parts.extend(headline(a, b, c, lang));
            parts.push(excluded_part((a, b, c, lang), alternative, *side));
        }
    }
    parts
}

/// "X is excluded in B: <every reason>", when the option to explain is.
fn excluded_part(
    (a, b, c, lang): (&Scenario, &Scenario, &Comparison, Lang),
    alternative: &str,
    side: Side,
) -> String {
    let (scenario, evaluation) = match side {
        Side::A => (a, &c.a),
        Side::B => (b, &c.b),
    };
    let reasons: Vec<String> = evaluation
        .excluded
        .iter()
        .filter(|x| x.alternative == alternative)
        .flat_map(|x| x.reasons.iter().map(|r| reason_message(scenario, r, lang)))
        .collect();
    tr!(
        lang,
        "compare.summary.excluded",
        option = option_name(a, b, alternative, lang),
        side = side.label(),
        reasons = reasons.join("; ")
    )
}

/// "Among the options ranked in both files, …" around a sentence that starts
/// with an option name (English) or « L'option » (French, lower-cased here).
fn among_shared(sentence: &str, lang: Lang) -> String {
    let sentence = match lang {
        Lang::Fr => {
            let mut chars = sentence.chars();
            chars.next().map_or_else(String::new, |c0| {
                c0.to_lowercase().chain(chars).collect::<String>()
            })
        }
        Lang::En => sentence.to_string(),
    };
    tr!(lang, "compare.summary.among_shared", sentence = sentence)
}

fn explained(a: &Scenario, b: &Scenario, c: &Comparison, e: &Explanation, lang: Lang) -> String {
    let first = option_name(a, b, &e.first, lang);
    let second = option_name(a, b, &e.second, lang);
    if c.is_unchanged() {
        return tr!(lang, "compare.summary.nothing_changed", top = first);
    }
    let (lead_a, lead_b) = (-e.gap_a, -e.gap_b);
    let moved = (e.gap_b - e.gap_a).abs() > crate::analysis::compare::NEGLIGIBLE_EFFECT;
    if c.overtaken(e) {
        let causes = main_causes((a, b, c, lang), e, 1.0);
        return if causes.is_empty() {
            tr!(
                lang,
                "compare.summary.overtook_plain",
                second = second,
                first = first
            )
        } else {
            tr!(
                lang,
                "compare.summary.overtook",
                second = second,
                first = first,
                causes = causes
            )
        };
    }
    // The first still leads: effects read as gains (+) or losses (−) of its lead.
    let causes = main_causes((a, b, c, lang), e, -1.0);
    if !moved || causes.is_empty() {
        return tr!(
            lang,
            "compare.summary.lead_same",
            first = first,
            second = second,
            lead = num(lead_b, 2, lang)
        );
    }
    let key = if lead_b < lead_a {
        "compare.summary.lead_narrowed"
    } else {
        "compare.summary.lead_widened"
    };
    let (from, to) = two_nums(lead_a, lead_b, lang);
    tr!(
        lang,
        key,
        first = first,
        second = second,
        from = from,
        to = to,
        causes = causes
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_effects_use_a_true_minus_and_the_language_decimal_mark() {
        assert_eq!(signed(0.05, Lang::En), "+0.05");
        assert_eq!(signed(-0.12, Lang::En), "\u{2212}0.12");
        assert_eq!(signed(-0.12, Lang::Fr), "\u{2212}0,12");
        assert_eq!(signed(0.0012, Lang::En), "+0.001");
        assert_eq!(signed(0.0, Lang::En), "0");
        assert_eq!(signed(-0.0, Lang::En), "0");
    }

    #[test]
    fn close_numbers_get_the_decimals_that_tell_them_apart() {
        assert_eq!(
            signed_pair(-0.0353, -0.0378, Lang::En),
            ("\u{2212}0.035".to_string(), "\u{2212}0.038".to_string())
        );
        assert_eq!(
            two_nums(0.0353, 0.0378, Lang::Fr),
            ("0,035".to_string(), "0,038".to_string())
        );
        assert_eq!(
            two_nums(0.3, 0.1, Lang::En),
            ("0.30".to_string(), "0.10".to_string())
        );
    }

    #[test]
    fn criterion_names_start_lower_case_in_english_sentences_except_acronyms() {
        assert_eq!(in_sentence("Local impact", Lang::En), "local impact");
        assert_eq!(in_sentence("GDP growth", Lang::En), "GDP growth");
        assert_eq!(in_sentence("Impact local", Lang::Fr), "Impact local");
        assert_eq!(in_sentence("", Lang::En), "");
    }

    #[test]
    fn weights_that_round_alike_show_a_decimal() {
        assert_eq!(
            two_pcts(0.301, 0.304, Lang::En),
            ("30.1%".to_string(), "30.4%".to_string())
        );
        assert_eq!(
            two_pcts(0.2, 0.3, Lang::En),
            ("20%".to_string(), "30%".to_string())
        );
    }
}
