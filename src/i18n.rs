//! Language-aware text: the translation catalogue lookup (rust-i18n, files in
//! `assets/locales/`), number and percentage formatting, the system
//! language (from the platform's locale), and the messages for input
//! problems (validation problems, their locations, refused numbers).
//! Sentences about results (exclusion reasons included) live in `report`.
//!
//! Every call passes its language explicitly, so a French export and an
//! English GUI can run side by side and tests never race on a global locale.

use crate::model::{Direction, Lang, Location, Problem, ProblemKind, Scenario};

/// Looks up `key` in the catalogue for `lang`, with `%{name}` arguments.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:expr) => {
        rust_i18n::t!($key, locale = $lang.code()).into_owned()
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        rust_i18n::t!($key, locale = $lang.code(), $($name = $value),+).into_owned()
    };
}

/// Formats `x` with `decimals` decimals, in the number style of `lang`
/// ("0.61" in English, "0,61" in French; a minus sign for negatives).
pub fn num(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{x:.decimals$}");
    // "-0.00" reads as a bug to a minister.
    let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    };
    match lang {
        Lang::En => s,
        Lang::Fr => s.replace('.', ","),
    }
}

/// Formats a share (0.61) as a percentage ("61%", "61 %" in French, with a
/// no-break space).
pub fn pct(share: f64, decimals: usize, lang: Lang) -> String {
    let n = num(share * 100.0, decimals, lang);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Fr => format!("{n}\u{a0}%"),
    }
}

/// A value with up to `max_decimals` decimals, trailing zeros dropped ("600", "0.4").
pub fn value(x: f64, max_decimals: usize, lang: Lang) -> String {
    let mut s = format!("{x:.max_decimals$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    match lang {
        Lang::En => s,
        Lang::Fr => s.replace('.', ","),
    }
}

/// Why typed `text` was refused as a number, in `lang`.
pub fn number_error(error: crate::model::number::NumberError, text: &str, lang: Lang) -> String {
    use crate::model::number::NumberError;
    match error {
        NumberError::NotANumber => tr!(lang, "gui.not_a_number", text = text),
        NumberError::Ambiguous => tr!(lang, "gui.ambiguous_number", text = text),
    }
}

/// The language of the platform's locale, English if none is English or French.
///
/// sys-locale reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG on Linux and the
/// user's preferred languages on Windows and macOS; the first of them that
/// Tradeoff speaks wins, so `LANGUAGE=de:fr` gives French.
pub fn system_lang() -> Lang {
    lang_of_locales(sys_locale::get_locales())
}

/// The first of `locales` (BCP 47 "fr-CA" or POSIX "fr_FR.UTF-8", in order
/// of preference) that Tradeoff speaks; English when none is.
fn lang_of_locales(locales: impl IntoIterator<Item = impl AsRef<str>>) -> Lang {
    locales
        .into_iter()
        .find_map(|locale| Lang::from_code(locale.as_ref()))
        .unwrap_or_default()
}

/// A plain-language message for one validation problem, naming options and
/// criteria by their display names in `scenario` (ids it does not define
/// are quoted as written).
pub fn problem_message(scenario: &Scenario, problem: &Problem, lang: Lang) -> String {
    use ProblemKind as K;
    let v = |x: &f64| self::value(*x, 6, lang);
    match &problem.kind {
        K::NoCriteria => tr!(lang, "problem.no_criteria"),
        K::NoAlternatives => tr!(lang, "problem.no_alternatives"),
        K::EmptyId => tr!(lang, "problem.empty_id"),
        K::DuplicateCriterion(id) => tr!(lang, "problem.duplicate_criterion", id = id),
        K::DuplicateAlternative(id) => tr!(lang, "problem.duplicate_alternative", id = id),
        K::DuplicateProfile(id) => tr!(lang, "problem.duplicate_profile", id = id),
        K::DuplicateResource(id) => tr!(lang, "problem.duplicate_resource", id = id),
        K::DuplicateSource(id) => tr!(lang, "problem.duplicate_source", id = id),
        K::ScoreUnknownAlternative(id) => tr!(lang, "problem.score_unknown_alternative", id = id),
        K::ScoreUnknownCriterion(id) => tr!(lang, "problem.score_unknown_criterion", id = id),
        K::DuplicateScore {
            alternative,
            criterion,
        } => pair_message(scenario, Pair::Duplicate, (alternative, criterion), lang),
        K::MissingScore {
            alternative,
            criterion,
        } => pair_message(scenario, Pair::Missing, (alternative, criterion), lang),
        K::NotFinite { field } => tr!(lang, "problem.not_finite", field = field),
        K::BadUncertainty { low, value, high } => {
            uncertainty_message([low, value, high].map(v), lang)
        }
        K::UnknownSource(id) => tr!(lang, "problem.unknown_source", id = id),
        K::MissingWeight(id) => missing_weight_message(scenario, id, lang),
        K::DegenerateScale => tr!(lang, "problem.degenerate_scale"),
        K::ScaleAgainstDirection {
            direction,
            worst,
            best,
        } => scale_message(*direction, (v(worst), v(best)), lang),
        K::BadPreference => tr!(lang, "problem.bad_preference"),
        K::NoProfiles => tr!(lang, "problem.no_profiles"),
        K::UnknownActiveProfile(id) => tr!(lang, "problem.unknown_active_profile", id = id),
        K::NegativeWeight { criterion, weight } => {
            negative_weight_message(scenario.criterion_name(criterion, lang), v(weight), lang)
        }
        K::AllZeroWeights => tr!(lang, "problem.all_zero_weights"),
        K::WeightUnknownCriterion(id) => unknown_weight_message(scenario, problem, id, lang),
        K::BadBounds(id) if id.is_empty() => tr!(lang, "problem.bounds_unsatisfiable"),
        K::BadBounds(id) => {
            let id = node_name(scenario, id, lang);
            tr!(lang, "problem.bad_bounds", id = id)
        }
        K::BoundsUnknownNode(id) => tr!(lang, "problem.bounds_unknown_node", id = id),
        K::ValueFunctionTooFewPoints => tr!(lang, "problem.vf_too_few_points"),
        K::ValueFunctionNotFinite { point } => {
            tr!(lang, "problem.vf_not_finite", point = point + 1)
        }
        K::ValueFunctionNotIncreasing { point } => {
            tr!(lang, "problem.vf_not_increasing", point = point + 1)
        }
        K::ValueFunctionOutOfRange { point, value } => {
            value_out_of_range_message(*point, v(value), lang)
        }
        K::ValueFunctionAgainstDirection { direction, point } => {
            value_function_direction_message(*direction, *point, lang)
        }
        K::DuplicateGroup(id) => tr!(lang, "problem.duplicate_group", id = id),
        K::GroupIdIsCriterion(id) => tr!(lang, "problem.group_id_is_criterion", id = id),
        K::GroupUnknownChild { id, .. } => tr!(lang, "problem.group_unknown_child", id = id),
        K::NodeInTwoGroups { id, first, .. } => {
            let first = node_name(scenario, first, lang);
            tr!(lang, "problem.node_in_two_groups", id = id, first = first)
        }
        K::GroupCycle { id, .. } => tr!(lang, "problem.group_cycle", id = id),
        K::EmptyGroup => tr!(lang, "problem.empty_group"),
        K::UnknownResource(id) => tr!(lang, "problem.unknown_resource", id = id),
        K::NegativeResource(id) => {
            let id = resource_name(scenario, id, lang);
            tr!(lang, "problem.negative_resource", id = id)
        }
    }
}

/// Low, value and high (already formatted) that are not in order.
fn uncertainty_message([low, value, high]: [String; 3], lang: Lang) -> String {
    tr!(
        lang,
        "problem.bad_uncertainty",
        low = low,
        value = value,
        high = high
    )
}

/// A negative weight on `criterion` (its name), the weight formatted.
fn negative_weight_message(criterion: String, weight: String, lang: Lang) -> String {
    tr!(
        lang,
        "problem.negative_weight",
        criterion = criterion,
        weight = weight
    )
}

/// A value-function point (numbered from 0) whose value is outside 0..=100.
fn value_out_of_range_message(point: usize, value: String, lang: Lang) -> String {
    tr!(
        lang,
        "problem.vf_out_of_range",
        point = point + 1,
        value = value
    )
}

/// Which message about an (option, criterion) pair.
enum Pair {
    Duplicate,
    Missing,
}

/// A pair scored twice, or not scored yet, named by display names.
fn pair_message(scenario: &Scenario, pair: Pair, (a, c): (&str, &str), lang: Lang) -> String {
    let alternative = scenario.alternative_name(a, lang);
    let criterion = scenario.criterion_name(c, lang);
    match pair {
        Pair::Duplicate => tr!(
            lang,
            "problem.duplicate_score",
            alternative = alternative,
            criterion = criterion
        ),
        Pair::Missing => tr!(
            lang,
            "problem.missing_score",
            alternative = alternative,
            criterion = criterion
        ),
    }
}

/// A criterion, or a group by its name, that a profile gives no weight.
fn missing_weight_message(scenario: &Scenario, id: &str, lang: Lang) -> String {
    if scenario.criterion(id).is_none() && scenario.group(id).is_some() {
        tr!(
            lang,
            "problem.missing_group_weight",
            group = node_name(scenario, id, lang)
        )
    } else {
        tr!(lang, "problem.missing_weight", criterion = id)
    }
}

/// A weight on an unknown id: with a value tree (and outside vetoes) the id
/// may have meant a group too.
fn unknown_weight_message(scenario: &Scenario, problem: &Problem, id: &str, lang: Lang) -> String {
    if !scenario.groups.is_empty() && problem.field != Some("vetoes") {
        tr!(lang, "problem.weight_unknown_node", id = id)
    } else {
        tr!(lang, "problem.weight_unknown_criterion", id = id)
    }
}

/// A fixed scale whose best is not better than its worst in `direction`.
fn scale_message(direction: Direction, (worst, best): (String, String), lang: Lang) -> String {
    match direction {
        Direction::Maximize => tr!(
            lang,
            "problem.scale_against_max",
            worst = worst,
            best = best
        ),
        Direction::Minimize => tr!(
            lang,
            "problem.scale_against_min",
            worst = worst,
            best = best
        ),
    }
}

/// A value function that moves against its criterion's direction from
/// point `point` (numbered from 0), or never changes (None).
fn value_function_direction_message(
    direction: Direction,
    point: Option<usize>,
    lang: Lang,
) -> String {
    match (direction, point) {
        (_, None) => tr!(lang, "problem.vf_constant"),
        (Direction::Maximize, Some(point)) => {
            tr!(lang, "problem.vf_against_max", point = point + 1)
        }
        (Direction::Minimize, Some(point)) => {
            tr!(lang, "problem.vf_against_min", point = point + 1)
        }
    }
}

/// A resource's display name (its id if unknown).
fn resource_name<'a>(scenario: &'a Scenario, id: &'a str, lang: Lang) -> &'a str {
    scenario
        .resources
        .iter()
        .find(|r| r.id == id)
        .map_or(id, |r| r.name.get(lang))
}

/// Display name of a criterion or group id in `lang` (the id itself if unknown).
fn node_name(scenario: &Scenario, id: &str, lang: Lang) -> String {
    match (scenario.criterion(id), scenario.group(id)) {
        (None, Some(g)) => g.name.get(lang).to_string(),
        _ => scenario.criterion_name(id, lang),
    }
}

/// Names the item a problem concerns by its display name ("criterion
/// 'Risk to personnel'", "Mali × Risk to personnel").
pub fn location_label(scenario: &Scenario, location: &Location, lang: Lang) -> String {
    match location {
        Location::Scenario => tr!(lang, "location.scenario"),
        Location::Criterion(i) => tr!(
            lang,
            "location.criterion",
            id = scenario.criteria.get(*i).map_or("?", |c| c.name.get(lang))
        ),
        Location::Alternative(i) => tr!(
            lang,
            "location.alternative",
            id = scenario
                .alternatives
                .get(*i)
                .map_or("?", |a| a.name.get(lang))
        ),
        Location::Score(i) => match scenario.scores.get(*i) {
            Some(x) => format!(
                "{} × {}",
                scenario.alternative_name(&x.alternative, lang),
                scenario.criterion_name(&x.criterion, lang)
            ),
            None => tr!(lang, "location.score", n = i + 1),
        },
        Location::Profile(i) => tr!(
            lang,
            "location.profile",
            id = scenario.profiles.get(*i).map_or("?", |p| p.name.get(lang))
        ),
        Location::Resource(i) => tr!(
            lang,
            "location.resource",
            id = scenario.resources.get(*i).map_or("?", |r| r.name.get(lang))
        ),
        Location::Group(i) => tr!(
            lang,
            "location.group",
            id = scenario.groups.get(*i).map_or("?", |g| g.name.get(lang))
        ),
        Location::Source(i) => tr!(
            lang,
            "location.source",
            id = scenario.sources.get(*i).map_or("?", |s| s.id.as_str())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(num(0.614, 2, Lang::En), "0.61");
        assert_eq!(num(0.614, 2, Lang::Fr), "0,61");
        assert_eq!(pct(0.61, 0, Lang::En), "61%");
        assert_eq!(pct(0.61, 0, Lang::Fr), "61\u{a0}%");
        assert_eq!(num(-0.0001, 2, Lang::En), "0.00");
        assert_eq!(value(600.0, 2, Lang::En), "600");
        assert_eq!(value(0.40, 2, Lang::Fr), "0,4");
    }

    #[test]
    fn system_locale_strings_map_to_a_language() {
        for (locales, lang) in [
            (vec!["fr-CA"], Lang::Fr),
            (vec!["fr_FR.UTF-8"], Lang::Fr),
            (vec!["FR"], Lang::Fr),
            (vec!["en-US"], Lang::En),
            (vec!["en_GB.UTF-8"], Lang::En),
            (vec!["de-DE"], Lang::En),
            (vec!["C"], Lang::En),
            (vec![""], Lang::En),
            (vec![], Lang::En),
            // The first language Tradeoff speaks wins (LANGUAGE=de:fr:en).
            (vec!["de-DE", "fr-FR", "en-US"], Lang::Fr),
            (vec!["en-US", "fr-FR"], Lang::En),
        ] {
            assert_eq!(lang_of_locales(&locales), lang, "{locales:?}");
        }
    }

    #[test]
    fn catalogue_answers_in_both_languages() {
        let en = tr!(Lang::En, "problem.no_criteria");
        let fr = tr!(Lang::Fr, "problem.no_criteria");
        assert_ne!(en, fr);
        assert!(!en.starts_with("problem."), "missing key: {en}");
    }
}
