//! Stakeholders in words: who favours what across the weight profiles, and
//! who wins along the path from one profile to another.

use crate::analysis::weighting::ProfilePath;
use crate::analysis::{Method, evaluate_indexed};
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::tr;

/// Display name of a profile id (the id when unknown).
pub fn profile_name(s: &Scenario, id: &str, lang: Lang) -> String {
    s.profiles
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_string(), |p| p.name.get(lang).to_string())
}

/// The winner's id under each profile (None: no feasible option), in profile order.
pub fn winners(s: &Scenario, method: Method) -> Vec<(String, Option<String>)> {
    let index = ScenarioIndex::new(s);
    s.profiles
        .iter()
        .map(|p| {
            let e = evaluate_indexed(&index, p, method);
            (p.id.clone(), e.winner().map(|w| w.alternative.clone()))
        })
        .collect()
}

/// One line per profile for the briefing: "Defence: Mali (score 0.61)", or
/// that the profile has no feasible option.
pub fn winner_lines(s: &Scenario, method: Method, lang: Lang) -> Vec<String> {
    let index = ScenarioIndex::new(s);
    s.profiles
        .iter()
        .map(|p| {
            let e = evaluate_indexed(&index, p, method);
            match e.winner() {
                Some(w) => tr!(
                    lang,
                    "brief.profile_winner",
                    profile = p.name.get(lang),
                    option = index.alternative_name(&w.alternative, lang),
                    score = crate::i18n::num(w.score, 2, lang)
                ),
                None => tr!(lang, "brief.profile_none", profile = p.name.get(lang)),
            }
        })
        .collect()
}

/// "A, B and C" in `lang`.
pub fn join_names(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!(
            "{}{}{last}",
            init.join(", "),
            tr!(lang, "analyse.stake.and")
        ),
    }
}

/// The "who favours what" sentence, e.g. "Defence and Public Safety favour
/// DRC; Foreign Affairs favours Mali."
pub fn who_favours(s: &Scenario, winners: &[(String, Option<String>)], lang: Lang) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (profile, winner) in winners {
        let Some(w) = winner else { continue };
        let name = profile_name(s, profile, lang);
        match groups.iter_mut().find(|(x, _)| x == w) {
            Some((_, names)) => names.push(name),
            None => groups.push((w.clone(), vec![name])),
        }
    }
    if groups.is_empty() {
        return tr!(lang, "analyse.stake.no_winner");
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(option, names)| {
            let option = s.alternative_name(option, lang);
            let who = join_names(names, lang);
            if names.len() == 1 {
                tr!(
                    lang,
                    "analyse.stake.favours_one",
                    who = who,
                    option = option
                )
            } else {
                tr!(
                    lang,
                    "analyse.stake.favours_many",
                    who = who,
                    option = option
                )
            }
        })
        .collect();
    format!("{}.", parts.join("; "))
}

/// The path in words: who wins at each end and where it switches.
pub fn path_sentence(s: &Scenario, path: &ProfilePath, from: &str, to: &str, lang: Lang) -> String {
    let name = |id: &Option<String>| {
        id.as_deref()
            .map_or_else(|| "—".to_string(), |x| s.alternative_name(x, lang))
    };
    let pf = profile_name(s, from, lang);
    let pt = profile_name(s, to, lang);
    if path.switches.is_empty() {
        return tr!(
            lang,
            "analyse.path.no_switch",
            option = name(&path.start),
            from = pf,
            to = pt
        );
    }
    let steps: Vec<String> = path
        .switches
        .iter()
        .map(|sw| {
            tr!(
                lang,
                "analyse.path.switch",
                before = s.alternative_name(&sw.before, lang),
                after = s.alternative_name(&sw.after, lang),
                at = crate::i18n::pct(sw.t, 0, lang)
            )
        })
        .collect();
    tr!(
        lang,
        "analyse.path.switches",
        from = pf,
        to = pt,
        steps = steps.join("; ")
    )
}
