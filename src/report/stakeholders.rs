//! Stakeholders in words: who favours what across the weight profiles, and
//! who wins along the path from one profile to another.

use crate::analysis::matrix::normalise;
use crate::analysis::weighting::{ProfilePath, effective_profile_weights};
use crate::analysis::{Method, evaluate_indexed};
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::report::exclusions::{ExcludedRow, excluded_rows};
use crate::tr;

/// One weight profile as a column of the stakeholder table.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileColumn {
    /// Profile id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// Whether it is the scenario's active profile.
    pub active: bool,
    /// The top option's id under it (None: no feasible option).
    pub winner_id: Option<String>,
    /// The top option's display name.
    pub winner: Option<String>,
    /// Options it excludes, with their reasons.
    pub excluded: Vec<ExcludedRow>,
}

impl ProfileColumn {
    /// The winner's name, "—" when there is none.
    pub fn winner_text(&self) -> String {
        self.winner.clone().unwrap_or_else(|| "—".to_string())
    }

    /// The excluded options' names ("Mali, CAR"), "—" when none.
    pub fn excluded_text(&self) -> String {
        if self.excluded.is_empty() {
            return "—".to_string();
        }
        let names: Vec<&str> = self.excluded.iter().map(|x| x.name.as_str()).collect();
        names.join(", ")
    }

    /// One line per excluded option, "Mali: <every reason>" (empty when none).
    pub fn excluded_reasons(&self) -> Vec<String> {
        self.excluded
            .iter()
            .map(|x| format!("{}: {}", x.name, x.reasons_text()))
            .collect()
    }
}

/// A criterion's normalised weight under each profile.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionShares {
    /// Criterion id.
    pub id: String,
    /// Display name in the report's language.
    pub name: String,
    /// Its share of the weight under each profile, in profile order.
    pub shares: Vec<f64>,
}

/// Every weight profile side by side in one language: who wins under each,
/// what each excludes, each criterion's weight, and who favours what.
#[derive(Debug, Clone, PartialEq)]
pub struct StakeholdersReport {
    /// The language of every name and sentence in it.
    pub lang: Lang,
    /// One column per profile, in scenario order.
    pub profiles: Vec<ProfileColumn>,
    /// One row per criterion, in scenario order (effective weights in a tree).
    pub criteria: Vec<CriterionShares>,
    /// "Defence and Public Safety favour DRC; Foreign Affairs favours Mali."
    pub who_favours: String,
}

impl StakeholdersReport {
    /// The report of every profile of `s` under `method`.
    pub fn new(s: &Scenario, method: Method, lang: Lang) -> Self {
        let index = ScenarioIndex::new(s);
        let winners = winners(s, method);
        let profiles = s
            .profiles
            .iter()
            .zip(&winners)
            .map(|(p, (_, winner))| ProfileColumn {
                id: p.id.clone(),
                name: p.name.get(lang).to_string(),
                active: p.id == s.active_profile,
                winner_id: winner.clone(),
                winner: winner.as_deref().map(|w| index.alternative_name(w, lang)),
                excluded: excluded_rows(s, &crate::analysis::exclusions(s, Some(p)), lang),
            })
            .collect();
        StakeholdersReport {
            lang,
            profiles,
            criteria: criterion_shares(s, lang),
            who_favours: who_favours(s, &winners, lang),
        }
    }

    /// Each profile's id with its winner's id, as [`winners`] gives them.
    pub fn winner_ids(&self) -> Vec<(String, Option<String>)> {
        self.profiles
            .iter()
            .map(|p| (p.id.clone(), p.winner_id.clone()))
            .collect()
    }
}

/// Each criterion's normalised weight under every profile.
fn criterion_shares(s: &Scenario, lang: Lang) -> Vec<CriterionShares> {
    let criteria: Vec<String> = s.criteria.iter().map(|c| c.id.clone()).collect();
    let by_profile: Vec<Vec<f64>> = s
        .profiles
        .iter()
        .map(|p| normalise(&effective_profile_weights(s, &criteria, p)))
        .collect();
    s.criteria
        .iter()
        .enumerate()
        .map(|(j, c)| CriterionShares {
            id: c.id.clone(),
            name: c.name.get(lang).to_string(),
            shares: by_profile
                .iter()
                .map(|col| col.get(j).copied().unwrap_or(0.0))
                .collect(),
        })
        .collect()
}

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

/// "Under Defence, excluded: Mali, CAR.", a chart's footnote on what a
/// profile excludes (`options`: the names as the chart lists them).
pub fn excluded_under(profile: &str, options: &[String], lang: Lang) -> String {
    tr!(
        lang,
        "chart.stakeholders.excluded",
        profile = profile,
        options = options.join(", ")
    )
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
