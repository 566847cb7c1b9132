//! The findings of a briefing, each sentence composed once from the same
//! computations as the GUI and CLI (evaluation, SMAA, one-way sensitivity):
//! the top option, how robust it is, who favours what, each option's
//! strengths and weaknesses with their evidence, and the recommendation.
//!
//! Every writer (the HTML/Markdown page, the Word and PDF note, the slide
//! deck) renders these values; none composes its own sentences.

use crate::analysis::methods::scaled_values;
use crate::analysis::sensitivity::sensitivity;
use crate::analysis::smaa::SmaaResult;
use crate::analysis::{Evaluation, Method, evaluate_profile, select_profile};
use crate::i18n::{num, pct, value};
use crate::model::{Lang, Scenario};
use crate::report::ranking::method_name;
use crate::tr;

/// First-rank acceptability below which no option counts as robustly ahead.
pub const ROBUST_SHARE: f64 = 0.5;

/// Most strengths (or weaknesses) listed per option in the note's front pages.
const MAX_POINTS: usize = 3;

/// The nearest weight at which the top option loses first place.
#[derive(Debug, Clone, PartialEq)]
pub struct Switch {
    /// Criterion id whose weight moves.
    pub criterion: String,
    /// Normalised weight at the switch.
    pub weight: f64,
    /// True when the switch is above the current weight.
    pub above: bool,
    /// Option id that takes first place.
    pub next: String,
}

/// One strength or weakness of an option, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The sentence ("best on cost (12 M$)").
    pub text: String,
    /// Ids of the sources behind the score (listed in the sources annex).
    pub sources: Vec<String>,
}

/// What the note says about one option.
#[derive(Debug, Clone, PartialEq)]
pub struct Consideration {
    /// Option id.
    pub option: String,
    /// Option name in the note's language.
    pub name: String,
    /// Rank under the note's profile and method (None: excluded).
    pub rank: Option<usize>,
    /// Where it does best, most heavily weighted criteria first.
    pub strengths: Vec<Point>,
    /// Where it does worst, most heavily weighted criteria first.
    pub weaknesses: Vec<Point>,
    /// Why it is excluded, when it is.
    pub excluded: Option<String>,
}

impl Consideration {
    /// What follows the option's name: " (excluded: …)" for an excluded
    /// option, " (ranked 2). " for a ranked one; empty otherwise.
    pub fn status_text(&self, lang: Lang) -> String {
        if let Some(reasons) = &self.excluded {
            return format!(" ({})", tr!(lang, "note.excluded", reasons = reasons));
        }
        self.rank.map_or_else(String::new, |rank| {
            format!(" ({}). ", tr!(lang, "note.rank", rank = rank))
        })
    }

    /// "Strengths: … Weaknesses: …" with the ids of the sources cited, or
    /// that it is middling; None for an excluded option.
    pub fn points_text(&self, lang: Lang) -> Option<String> {
        if self.excluded.is_some() {
            return None;
        }
        let mut parts = Vec::new();
        if !self.strengths.is_empty() {
            parts.push(tr!(lang, "note.strengths", list = cited(&self.strengths)));
        }
        if !self.weaknesses.is_empty() {
            parts.push(tr!(lang, "note.weaknesses", list = cited(&self.weaknesses)));
        }
        if parts.is_empty() {
            parts.push(tr!(lang, "note.middling"));
        }
        Some(parts.join(" "))
    }

    /// The whole consideration as plain text: name, status, points.
    pub fn text(&self, lang: Lang) -> String {
        format!(
            "{}{}{}",
            self.name,
            self.status_text(lang),
            self.points_text(lang).unwrap_or_default()
        )
    }

    /// "Mali — Strengths: best on risk; best on cost": the headline of the
    /// slide on the top option (sources left to the notes).
    pub fn strengths_headline(&self, lang: Lang) -> String {
        let points: Vec<String> = self.strengths.iter().map(|p| p.text.clone()).collect();
        format!(
            "{} — {}",
            self.name,
            tr!(lang, "note.strengths", list = points.join("; "))
        )
    }
}

/// Points joined by "; ", each followed by its sources' ids in brackets.
fn cited(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| {
            if p.sources.is_empty() {
                p.text.clone()
            } else {
                format!("{} [{}]", p.text, p.sources.join("; "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Findings {
    /// The findings when no option can be ranked (every option excluded).
    fn no_winner(
        (profiles_headline, profiles): (Option<String>, Vec<String>),
        considerations: Vec<Consideration>,
        lang: Lang,
    ) -> Self {
        Findings {
            top: None,
            headline: tr!(lang, "chart.all_excluded"),
            first_share: None,
            switch: None,
            robustness: String::new(),
            robust: false,
            recommendation: tr!(lang, "note.recommend_none"),
            profiles_headline,
            profiles,
            considerations,
        }
    }
}

/// The recommendation: the top option, said to be robust, not robust, or
/// not tested by sampling (`share`: how often it came first under SMAA).
fn recommendation(name: &str, share: Option<f64>, lang: Lang) -> String {
    match share {
        Some(s) if s >= ROBUST_SHARE => tr!(
            lang,
            "note.recommend_top",
            option = name,
            share = pct(s, 0, lang)
        ),
        Some(s) => tr!(
            lang,
            "note.recommend_not_robust",
            option = name,
            share = pct(s, 0, lang)
        ),
        None => tr!(lang, "note.recommend_unsampled", option = name),
    }
}

/// Every finding of a briefing, as sentences in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    /// The top option's id, when any option is feasible.
    pub top: Option<String>,
    /// "DR Congo ranks first under whole-of-government weights (score 0.58)."
    pub headline: String,
    /// Share of SMAA weight draws in which the top option is first.
    pub first_share: Option<f64>,
    /// The nearest weight switch of the top option.
    pub switch: Option<Switch>,
    /// "DR Congo stays first in 64 % of weight draws and loses first place…"
    pub robustness: String,
    /// True when the top option's first-rank acceptability is at least [`ROBUST_SHARE`].
    pub robust: bool,
    /// The recommendation sentence.
    pub recommendation: String,
    /// One sentence on whether the weight profiles agree.
    pub profiles_headline: Option<String>,
    /// One line per profile: its top option.
    pub profiles: Vec<String>,
    /// Per option, in rank order then excluded options.
    pub considerations: Vec<Consideration>,
}

/// The evaluation under the briefing's profile and method.
fn evaluation(scenario: &Scenario, profile: Option<&str>, method: Method) -> Option<Evaluation> {
    let profile = select_profile(scenario, profile).ok()?;
    Some(evaluate_profile(scenario, profile, method))
}

/// The switch nearest to the current weights, over every criterion.
fn nearest_switch(evaluation: &Evaluation, method: Method, top: &str) -> Option<Switch> {
    let matrix = &evaluation.matrix;
    let mut best: Option<(f64, Switch)> = None;
    for j in 0..matrix.m() {
        let curve = sensitivity(matrix, method, j, 201);
        let now = curve.current_weight;
        for t in &curve.thresholds {
            let leaves = (t.weight > now && t.top_before == top && t.top_after != top)
                || (t.weight <= now && t.top_after == top && t.top_before != top);
            if !leaves {
                continue;
            }
            let distance = (t.weight - now).abs();
            let above = t.weight > now;
            let next = if above {
                t.top_after.clone()
            } else {
                t.top_before.clone()
            };
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((
                    distance,
                    Switch {
                        criterion: curve.criterion.clone(),
                        weight: t.weight,
                        above,
                        next,
                    },
                ));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Share of draws in which `option` is first.
fn first_share(smaa: &SmaaResult, option: &str) -> Option<f64> {
    let i = smaa.alternatives.iter().position(|a| a == option)?;
    smaa.acceptability.get(i)?.first().copied()
}

/// The robustness sentence.
fn robustness(
    scenario: &Scenario,
    option: &str,
    share: Option<f64>,
    switch: Option<&Switch>,
    lang: Lang,
) -> String {
    let name = scenario.alternative_name(option, lang);
    let share_text = share.map(|s| pct(s, 0, lang));
    let switch_text = switch.map(|s| {
        let key = if s.above {
            "note.switch_above"
        } else {
            "note.switch_below"
        };
        tr!(
            lang,
            key,
            criterion = scenario.criterion_name(&s.criterion, lang).to_lowercase(),
            weight = pct(s.weight, 0, lang),
            next = scenario.alternative_name(&s.next, lang)
        )
    });
    match (share_text, switch_text) {
        (Some(share), Some(switch)) => tr!(
            lang,
            "note.robust_share_switch",
            option = name,
            share = share,
            switch = switch
        ),
        (Some(share), None) => tr!(lang, "note.robust_share", option = name, share = share),
        (None, Some(switch)) => tr!(lang, "note.robust_switch", option = name, switch = switch),
        (None, None) => tr!(lang, "note.robust_none", option = name),
    }
}

/// Strengths and weaknesses of every ranked option: the criteria on which
/// it is the best (or worst) of the ranked options, heaviest weight first,
/// each with its value and sources.
fn considerations(scenario: &Scenario, evaluation: &Evaluation, lang: Lang) -> Vec<Consideration> {
    let matrix = &evaluation.matrix;
    let m = matrix.m();
    let scaled = scaled_values(matrix);
    let mut by_weight: Vec<usize> = (0..m).collect();
    by_weight.sort_by(|&a, &b| matrix.weights[b].total_cmp(&matrix.weights[a]));
    let points = PointMaker {
        scenario,
        matrix,
        lang,
    };
    let mut out: Vec<Consideration> = evaluation
        .ranking
        .iter()
        .filter_map(|r| {
            let i = matrix
                .alternatives
                .iter()
                .position(|a| a == &r.alternative)?;
            let (strengths, weaknesses) = strengths_and_weaknesses(&points, &scaled, &by_weight, i);
            Some(Consideration {
                option: r.alternative.clone(),
                name: scenario.alternative_name(&r.alternative, lang),
                rank: Some(r.rank),
                strengths,
                weaknesses,
                excluded: None,
            })
        })
        .collect();
    out.extend(evaluation.excluded.iter().map(|x| Consideration {
        option: x.alternative.clone(),
        name: scenario.alternative_name(&x.alternative, lang),
        rank: None,
        strengths: Vec::new(),
        weaknesses: Vec::new(),
        excluded: Some(crate::report::exclusions::reasons_text(scenario, x, lang)),
    }));
    out
}

/// Words one value of the matrix as a strength or a weakness.
struct PointMaker<'a> {
    scenario: &'a Scenario,
    matrix: &'a crate::analysis::DecisionMatrix,
    lang: Lang,
}

impl PointMaker<'_> {
    /// "best on risk (3, 0–10)" for option `i` on criterion `j`, with the
    /// score's sources.
    fn point(&self, i: usize, j: usize, key: &str) -> Point {
        let (scenario, matrix, lang) = (self.scenario, self.matrix, self.lang);
        let option = &matrix.alternatives[i];
        let criterion = &matrix.criteria[j];
        let unit = scenario
            .criteria
            .iter()
            .find(|c| &c.id == criterion)
            .map_or("", |c| c.unit.get(lang));
        let mut shown = value(matrix.values[i * matrix.m() + j], 4, lang);
        // A unit that is a scale ("0–10") reads better after a comma.
        if unit.chars().any(|c| c.is_ascii_digit()) {
            shown = format!("{shown}, {unit}");
        } else if !unit.is_empty() {
            shown = format!("{shown} {unit}");
        }
        let sources = scenario
            .score(option, criterion)
            .map(|s| s.sources.clone())
            .unwrap_or_default();
        Point {
            text: tr!(
                lang,
                key,
                criterion = scenario.criterion_name(criterion, lang).to_lowercase(),
                value = shown
            ),
            sources,
        }
    }
}

/// Option `i`'s strengths (criteria it is best on) and weaknesses (worst
/// on), heaviest criteria first, at most [`MAX_POINTS`] each; none when it
/// is the only option.
fn strengths_and_weaknesses(
    points: &PointMaker<'_>,
    scaled: &[f64],
    by_weight: &[usize],
    i: usize,
) -> (Vec<Point>, Vec<Point>) {
    let (n, m) = (points.matrix.n(), points.matrix.m());
    let mut strengths = Vec::new();
    let mut weaknesses = Vec::new();
    if n < 2 {
        return (strengths, weaknesses);
    }
    for &j in by_weight {
        let column: Vec<f64> = (0..n).map(|k| scaled[k * m + j]).collect();
        let mine = column[i];
        let best = column.iter().copied().fold(f64::MIN, f64::max);
        let worst = column.iter().copied().fold(f64::MAX, f64::min);
        if best - worst < 1e-12 {
            continue;
        }
        if mine >= best - 1e-12 && strengths.len() < MAX_POINTS {
            strengths.push(points.point(i, j, "note.best_on"));
        } else if mine <= worst + 1e-12 && weaknesses.len() < MAX_POINTS {
            weaknesses.push(points.point(i, j, "note.worst_on"));
        }
    }
    (strengths, weaknesses)
}

/// Who favours what: one line per profile, and whether they agree.
fn profiles(scenario: &Scenario, method: Method, lang: Lang) -> (Option<String>, Vec<String>) {
    let mut lines = Vec::new();
    let mut winners = Vec::new();
    for p in &scenario.profiles {
        let e = evaluate_profile(scenario, p, method);
        match e.winner() {
            Some(w) => {
                winners.push(w.alternative.clone());
                lines.push(tr!(
                    lang,
                    "brief.profile_winner",
                    profile = p.name.get(lang),
                    option = scenario.alternative_name(&w.alternative, lang),
                    score = num(w.score, 2, lang)
                ));
            }
            None => lines.push(tr!(lang, "brief.profile_none", profile = p.name.get(lang))),
        }
    }
    if scenario.profiles.len() < 2 {
        return (None, lines);
    }
    let headline = match winners.first() {
        Some(first)
            if winners.len() == scenario.profiles.len() && winners.iter().all(|w| w == first) =>
        {
            tr!(
                lang,
                "note.profiles_agree",
                count = scenario.profiles.len(),
                option = scenario.alternative_name(first, lang)
            )
        }
        _ => {
            let mut distinct: Vec<&String> = Vec::new();
            for w in &winners {
                if !distinct.contains(&w) {
                    distinct.push(w);
                }
            }
            tr!(
                lang,
                "note.profiles_differ",
                count = distinct.len(),
                options = distinct
                    .iter()
                    .map(|w| scenario.alternative_name(w, lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    };
    (Some(headline), lines)
}

/// Computes every finding for `scenario` under `profile` (None: the active
/// one) and `method`, with the SMAA run when there is one.
pub fn findings(
    scenario: &Scenario,
    profile: Option<&str>,
    method: Method,
    smaa: Option<&SmaaResult>,
    lang: Lang,
) -> Findings {
    let (profiles_headline, profile_lines) = profiles(scenario, method, lang);
    // Every option excluded: the same findings with or without an evaluation.
    let no_winner = |profiles_headline, profiles, considerations| {
        Findings::no_winner((profiles_headline, profiles), considerations, lang)
    };
    let Some(evaluation) = evaluation(scenario, profile, method) else {
        return no_winner(profiles_headline, profile_lines, Vec::new());
    };
    let considerations = considerations(scenario, &evaluation, lang);
    let Some(winner) = evaluation.winner() else {
        return no_winner(profiles_headline, profile_lines, considerations);
    };
    let top = winner.alternative.clone();
    let name = scenario.alternative_name(&top, lang);
    let profile_name = scenario.profile(&evaluation.profile).map_or_else(
        || evaluation.profile.clone(),
        |p| p.name.get(lang).to_string(),
    );
    let headline = tr!(
        lang,
        "note.ranks_first",
        option = name.clone(),
        profile = profile_name.to_lowercase(),
        method = method_name(method, lang),
        score = num(winner.score, 2, lang)
    );
    let share = smaa.and_then(|s| first_share(s, &top));
    let switch = nearest_switch(&evaluation, method, &top);
    let robustness = robustness(scenario, &top, share, switch.as_ref(), lang);
    let robust = share.is_some_and(|s| s >= ROBUST_SHARE);
    let recommendation = recommendation(&name, share, lang);
    Findings {
        top: Some(top),
        headline,
        first_share: share,
        switch,
        robustness,
        robust,
        recommendation,
        profiles_headline,
        profiles: profile_lines,
        considerations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_rank_share_below_half_is_not_robust() {
        let s = crate::io::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/canada-2016.ron"
        )))
        .expect("bundled scenario loads");
        let mut smaa = crate::export::smaa_for(&s, None, Method::Wsm).expect("smaa runs");
        let f = findings(&s, None, Method::Wsm, Some(&smaa), Lang::En);
        let top = f.top.clone().expect("a top option");
        let i = smaa
            .alternatives
            .iter()
            .position(|a| a == &top)
            .expect("top sampled");
        assert_eq!(f.robust, smaa.acceptability[i][0] >= ROBUST_SHARE);
        smaa.acceptability[i][0] = 0.49;
        let weak = findings(&s, None, Method::Wsm, Some(&smaa), Lang::En);
        assert!(!weak.robust);
        assert!(
            weak.recommendation.contains("49%"),
            "{}",
            weak.recommendation
        );
        assert!(
            weak.recommendation.contains("No option"),
            "{}",
            weak.recommendation
        );
        smaa.acceptability[i][0] = 0.5;
        assert!(findings(&s, None, Method::Wsm, Some(&smaa), Lang::En).robust);
    }
}
