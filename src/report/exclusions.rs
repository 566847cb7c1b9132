//! Why an option was excluded, in words: one reason per veto, red line,
//! resource cap or missing score, the "excluded: …" line every face prints,
//! and [`ExcludedRow`], an excluded option as the typed reports hold it.

use crate::analysis::{Exclusion, Reason};
use crate::i18n;
use crate::model::{Direction, Lang, Scenario};
use crate::tr;

/// A plain-language reason for an exclusion, using display names
/// ("Risk 9 is above the veto 8", "needs 750 troops; the cap is 600").
pub fn reason_message(scenario: &Scenario, reason: &Reason, lang: Lang) -> String {
    match reason {
        Reason::Veto {
            criterion,
            value,
            limit,
            direction,
            profile,
        } => veto_message(
            scenario,
            (criterion, *direction, profile.as_deref()),
            (*value, *limit),
            lang,
        ),
        Reason::Resource {
            resource,
            need,
            cap,
        } => {
            let name = scenario
                .resources
                .iter()
                .find(|r| &r.id == resource)
                .map_or_else(|| resource.clone(), |r| r.name.get(lang).to_lowercase());
            tr!(
                lang,
                "reason.resource",
                need = i18n::value(*need, 2, lang),
                cap = i18n::value(*cap, 2, lang),
                resource = name
            )
        }
        // Every criterion in use (those nobody scored are left out) is missing.
        Reason::NotYetScored { criteria }
            if scenario.criteria.iter().all(|c| {
                criteria.contains(&c.id) || !scenario.scores.iter().any(|s| s.criterion == c.id)
            }) =>
        {
            tr!(lang, "reason.not_yet_scored_at_all")
        }
        Reason::NotYetScored { criteria } => {
            let names: Vec<String> = criteria
                .iter()
                .map(|c| scenario.criterion_name(c, lang))
                .collect();
            tr!(lang, "reason.not_yet_scored", criteria = names.join(", "))
        }
    }
}

/// "Risk 9 is above the veto 8", or the red line of a profile: a value
/// beyond a criterion's limit.
fn veto_message(
    scenario: &Scenario,
    (criterion, direction, profile): (&str, Direction, Option<&str>),
    (value, limit): (f64, f64),
    lang: Lang,
) -> String {
    let key = match (direction, profile.is_some()) {
        (Direction::Minimize, false) => "reason.veto_above",
        (Direction::Maximize, false) => "reason.veto_below",
        (Direction::Minimize, true) => "reason.red_line_above",
        (Direction::Maximize, true) => "reason.red_line_below",
    };
    let profile_name = profile
        .and_then(|p| scenario.profile(p))
        .map_or_else(String::new, |p| p.name.get(lang).to_string());
    tr!(
        lang,
        key,
        criterion = scenario.criterion_name(criterion, lang),
        value = i18n::value(value, 4, lang),
        limit = i18n::value(limit, 4, lang),
        profile = profile_name
    )
}

/// Every reason of an exclusion, in `lang`.
pub fn reasons(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> Vec<String> {
    exclusion
        .reasons
        .iter()
        .map(|r| reason_message(scenario, r, lang))
        .collect()
}

/// Every reason of an exclusion on one line, "; " between them.
pub fn reasons_text(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> String {
    reasons(scenario, exclusion, lang).join("; ")
}

/// "excluded: <every reason>" for an excluded option, as every command prints it.
pub fn excluded_because(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> String {
    tr!(
        lang,
        "cli.excluded_because",
        reasons = reasons_text(scenario, exclusion, lang)
    )
}

/// "Excluded: <every reason>", the sentence the window shows beside an
/// excluded option or in its tooltip.
pub fn excluded_sentence(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> String {
    tr!(
        lang,
        "gui.excluded_because",
        reasons = reasons_text(scenario, exclusion, lang)
    )
}

/// "Excluded: Mali — <every reason>.", a chart's footnote on an excluded
/// option (`option`: its name as the chart shows it).
pub fn chart_note(scenario: &Scenario, exclusion: &Exclusion, option: &str, lang: Lang) -> String {
    tr!(
        lang,
        "chart.note.excluded",
        option = option,
        reasons = reasons_text(scenario, exclusion, lang)
    )
}

/// "<option> — <every reason>", one line of a list of excluded options.
pub fn option_and_reasons(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> String {
    format!(
        "{} — {}",
        scenario.alternative_name(&exclusion.alternative, lang),
        reasons_text(scenario, exclusion, lang)
    )
}

/// One option excluded before the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct ExcludedRow {
    /// Alternative id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// Every reason, one sentence each.
    pub reasons: Vec<String>,
}

impl ExcludedRow {
    /// Every reason on one line, "; " between them.
    pub fn reasons_text(&self) -> String {
        self.reasons.join("; ")
    }

    /// "excluded: <every reason>", as every command prints it.
    pub fn because(&self, lang: Lang) -> String {
        tr!(lang, "cli.excluded_because", reasons = self.reasons_text())
    }

    /// ": <every reason>", what follows the option's name in the briefing's list.
    pub fn after_name(&self, lang: Lang) -> String {
        tr!(
            lang,
            "brief.excluded_reasons",
            reasons = self.reasons_text()
        )
    }

    /// "Excluded: <every reason>", as the window shows it beside the option.
    pub fn sentence(&self, lang: Lang) -> String {
        tr!(lang, "gui.excluded_because", reasons = self.reasons_text())
    }
}

/// The excluded options of an evaluation, each with every reason.
pub fn excluded_rows(scenario: &Scenario, excluded: &[Exclusion], lang: Lang) -> Vec<ExcludedRow> {
    excluded
        .iter()
        .map(|x| ExcludedRow {
            id: x.alternative.clone(),
            name: scenario.alternative_name(&x.alternative, lang),
            reasons: reasons(scenario, x, lang),
        })
        .collect()
}
