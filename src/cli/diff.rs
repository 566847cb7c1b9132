//! `tradeoff diff A B`: what changed between two scenarios and why the ranking moved.

use super::rank::{load_valid, ranking_json};
use crate::analysis::compare::{
    Changes, CompareError, Comparison, Explanation, ItemChanges, Outcome, SettingChange,
    compare_keys,
    describe::{change_lines, criterion_name, option_name, signed, signed_pair, summary},
};
use crate::analysis::{Evaluation, Method};
use crate::i18n::{num, problem_message, reason_message};
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::tr;
use clap::Args;
use serde_json::{Map, Value, json};
use std::path::PathBuf;

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The "before" scenario (.ron) or decision matrix (.csv).
    pub a: PathBuf,
    /// The "after" scenario (.ron) or decision matrix (.csv).
    pub b: PathBuf,
    /// Ranking method, the same for both files: wsm applies the criteria's
    /// value functions; topsis and promethee2 use the raw values.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Weight profile (id or name) compared in both files (a CSV file uses
    /// its only profile); default: A's active profile and its namesake in B.
    #[arg(long)]
    pub profile: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `tradeoff diff`.
pub fn diff(args: &DiffArgs, lang: Lang) -> Result<(), String> {
    let a = load_valid(&args.a, lang)?;
    let b = load_valid(&args.b, lang)?;
    let file_of = |side: crate::analysis::compare::Side| match side {
        crate::analysis::compare::Side::A => args.a.display().to_string(),
        crate::analysis::compare::Side::B => args.b.display().to_string(),
    };
    // A CSV's weights are its only profile: it takes no profile name.
    let key = |path: &std::path::Path| {
        if crate::io::is_csv(path) {
            None
        } else {
            args.profile.as_deref()
        }
    };
    let comparison =
        compare_keys(&a, &b, args.method, key(&args.a), key(&args.b)).map_err(|e| match e {
            CompareError::UnknownProfile { side, name } => tr!(
                lang,
                "compare.cli.unknown_profile",
                profile = name,
                file = file_of(side)
            ),
            CompareError::Invalid { side, problems } => {
                let mut lines = vec![tr!(lang, "compare.cli.invalid", file = file_of(side))];
                let scenario = if side == crate::analysis::compare::Side::A {
                    &a
                } else {
                    &b
                };
                lines.extend(problems.iter().map(|p| problem_message(scenario, p, lang)));
                lines.join("\n")
            }
        })?;
    if args.json {
        println!("{}", diff_json(&a, &b, &comparison, lang));
    } else {
        let labels = (args.a.display().to_string(), args.b.display().to_string());
        print!("{}", diff_text(&a, &b, &comparison, &labels, lang));
    }
    Ok(())
}

/// The `ranking` (or `excluded`) list of the `rank --json` document.
fn ranking_list(scenario: &Scenario, evaluation: &Evaluation, key: &str, lang: Lang) -> Value {
    ranking_json(scenario, evaluation, lang)
        .get(key)
        .cloned()
        .unwrap_or_else(|| json!([]))
}

fn items_json(items: &ItemChanges, name: impl Fn(&str) -> String) -> Value {
    let mut out = Map::new();
    let ids = |list: &[String]| -> Value {
        list.iter()
            .map(|id| json!({"id": id, "name": name(id)}))
            .collect()
    };
    if !items.added.is_empty() {
        out.insert("added".into(), ids(&items.added));
    }
    if !items.removed.is_empty() {
        out.insert("removed".into(), ids(&items.removed));
    }
    if !items.renamed.is_empty() {
        out.insert(
            "renamed".into(),
            items
                .renamed
                .iter()
                .map(|r| json!({"id": r.id, "from": r.from.en, "to": r.to.en}))
                .collect(),
        );
    }
    Value::Object(out)
}

/// The `changes` object: only the kinds of change that occur (`{}` when none).
fn changes_json(a: &Scenario, b: &Scenario, changes: &Changes) -> Value {
    let opt = |id: &str| option_name(a, b, id, Lang::En);
    let crit = |id: &str| criterion_name(a, b, id, Lang::En);
    let mut out = Map::new();
    let mut put = |key: &str, value: Value, empty: bool| {
        if !empty {
            out.insert(key.into(), value);
        }
    };
    put(
        "alternatives",
        items_json(&changes.alternatives, opt),
        changes.alternatives.is_empty(),
    );
    put(
        "criteria",
        items_json(&changes.criteria, crit),
        changes.criteria.is_empty(),
    );
    put(
        "scores",
        changes
            .scores
            .iter()
            .map(|s| {
                json!({
                    "alternative": opt(&s.alternative),
                    "alternative_id": s.alternative,
                    "criterion": crit(&s.criterion),
                    "criterion_id": s.criterion,
                    "from": s.from,
                    "to": s.to,
                    "range_from": [s.range_from.0, s.range_from.1],
                    "range_to": [s.range_to.0, s.range_to.1],
                    "rationale_from": s.rationale_from.en,
                    "rationale_to": s.rationale_to.en,
                })
            })
            .collect(),
        changes.scores.is_empty(),
    );
    put(
        "weights",
        changes
            .weights
            .iter()
            .map(|w| json!({"criterion": crit(&w.criterion), "id": w.criterion, "from": w.from, "to": w.to}))
            .collect(),
        changes.weights.is_empty(),
    );
    put(
        "settings",
        changes
            .settings
            .iter()
            .map(|s| setting_json(s, &crit))
            .collect(),
        changes.settings.is_empty(),
    );
    let resource_name = |id: &str| {
        b.resources
            .iter()
            .chain(&a.resources)
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.en.clone())
    };
    put(
        "resources",
        changes
            .resources
            .iter()
            .map(|r| json!({"resource": resource_name(&r.resource), "id": r.resource, "from": r.from, "to": r.to}))
            .collect(),
        changes.resources.is_empty(),
    );
    put(
        "needs",
        changes
            .needs
            .iter()
            .map(|n| {
                json!({
                    "alternative": opt(&n.alternative),
                    "alternative_id": n.alternative,
                    "resource": resource_name(&n.resource),
                    "resource_id": n.resource,
                    "from": n.from,
                    "to": n.to,
                })
            })
            .collect(),
        changes.needs.is_empty(),
    );
    Value::Object(out)
}

fn setting_json(s: &SettingChange, crit: &impl Fn(&str) -> String) -> Value {
    let (field, criterion, from, to) = match s {
        SettingChange::Direction {
            criterion,
            from,
            to,
        } => (
            "direction",
            criterion,
            json!(from.short()),
            json!(to.short()),
        ),
        SettingChange::Scale {
            criterion,
            from,
            to,
        } => (
            "scale",
            criterion,
            json!(from.map(|s| json!({"worst": s.worst, "best": s.best}))),
            json!(to.map(|s| json!({"worst": s.worst, "best": s.best}))),
        ),
        SettingChange::Veto {
            criterion,
            from,
            to,
        } => ("veto", criterion, json!(from), json!(to)),
        SettingChange::RedLine {
            criterion,
            from,
            to,
        } => ("red_line", criterion, json!(from), json!(to)),
        SettingChange::Preference {
            criterion,
            from,
            to,
        } => (
            "preference",
            criterion,
            serde_json::to_value(from).unwrap_or(Value::Null),
            serde_json::to_value(to).unwrap_or(Value::Null),
        ),
        // Points as [x, value] pairs; null for linear scaling.
        SettingChange::ValueFunction {
            criterion,
            from,
            to,
        } => ("value_function", criterion, json!(from), json!(to)),
    };
    json!({"criterion": crit(criterion), "id": criterion, "field": field, "from": from, "to": to})
}

fn pair_json(a: &Scenario, b: &Scenario, e: &Explanation) -> [Value; 5] {
    let opt = |id: &str| option_name(a, b, id, Lang::En);
    [
        json!(opt(&e.first)),
        json!(opt(&e.second)),
        json!(e.gap_a),
        json!(e.gap_b),
        e.terms
            .iter()
            .map(|t| {
                json!({
                    "criterion": criterion_name(a, b, &t.criterion, Lang::En),
                    "id": t.criterion,
                    "weight_effect": t.weight_effect,
                    "value_effect": t.value_effect,
                })
            })
            .collect(),
    ]
}

/// The `explanation` object: pair, gaps, per-criterion terms (wsm) and
/// summary. When a member of the pair is new, dropped or excluded, the pair
/// shown is the one among the options ranked in both files, and
/// `unexplained` names the option that could not be split.
fn explanation_json(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Value {
    let opt = |id: &str| option_name(a, b, id, Lang::En);
    let null = || {
        [
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            json!([]),
        ]
    };
    let mut unexplained = Value::Null;
    let [first, second, gap_a, gap_b, terms] = match &c.outcome {
        Outcome::Explained(e) => pair_json(a, b, e),
        Outcome::WsmOnly {
            first,
            second,
            gap_a,
            gap_b,
        } => [
            json!(opt(first)),
            json!(opt(second)),
            json!(gap_a),
            json!(gap_b),
            json!([]),
        ],
        Outcome::Missing { alternative, side } | Outcome::Excluded { alternative, side } => {
            unexplained =
                json!({"alternative": opt(alternative), "id": alternative, "side": side.label()});
            c.shared.as_ref().map_or_else(null, |e| pair_json(a, b, e))
        }
        Outcome::NoFeasible(_) | Outcome::TooFewOptions => null(),
    };
    let mut out = json!({
        "status": c.outcome.status(),
        "first": first,
        "second": second,
        "gap_a": gap_a,
        "gap_b": gap_b,
        "terms": terms,
        "summary": summary(a, b, c, lang),
    });
    if !unexplained.is_null() {
        out["unexplained"] = unexplained;
    }
    out
}

/// The `diff --json` document of design.md §5.
pub fn diff_json(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Value {
    json!({
        "method": c.method.as_str(),
        "profile_a": c.a.profile,
        "profile_b": c.b.profile,
        "ranking_a": ranking_list(a, &c.a, "ranking", lang),
        "ranking_b": ranking_list(b, &c.b, "ranking", lang),
        "excluded_a": ranking_list(a, &c.a, "excluded", lang),
        "excluded_b": ranking_list(b, &c.b, "excluded", lang),
        "moves": c.moves.iter().map(|m| json!({
            "alternative": option_name(a, b, &m.alternative, Lang::En),
            "id": m.alternative,
            "rank_a": m.rank_a,
            "rank_b": m.rank_b,
        })).collect::<Vec<_>>(),
        "changes": changes_json(a, b, &c.changes),
        "explanation": explanation_json(a, b, c, lang),
    })
}

/// Pads `s` with spaces to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// The readable report: files, changes, rankings side by side with moves,
/// the per-criterion terms (wsm) and the summary.
pub fn diff_text(
    a: &Scenario,
    b: &Scenario,
    c: &Comparison,
    labels: &(String, String),
    lang: Lang,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "compare.cli.files",
            a = format!("{} — {}", labels.0, a.title.get(lang)),
            b = format!("{} — {}", labels.1, b.title.get(lang))
        )
    );
    let _ = writeln!(
        out,
        "{}\n",
        tr!(
            lang,
            "compare.cli.method",
            method = c.method.as_str(),
            profile_a = c.a.profile.clone(),
            profile_b = c.b.profile.clone()
        )
    );

    let _ = writeln!(out, "{}", tr!(lang, "compare.cli.changes"));
    let lines = change_lines(a, b, c, lang);
    if lines.is_empty() {
        let _ = writeln!(out, "  {}", tr!(lang, "compare.cli.no_changes"));
    }
    for line in lines {
        let _ = writeln!(out, "  • {line}");
    }

    let _ = writeln!(out, "\n{}", tr!(lang, "compare.cli.ranking"));
    let (index_a, index_b) = (ScenarioIndex::new(a), ScenarioIndex::new(b));
    let name_width = |s: &ScenarioIndex<'_>, e: &Evaluation| {
        e.ranking
            .iter()
            .map(|r| s.alternative_name(&r.alternative, lang).chars().count())
            .max()
            .unwrap_or(0)
    };
    let (width_a, width_b) = (name_width(&index_a, &c.a), name_width(&index_b, &c.b));
    let row = |s: &ScenarioIndex<'_>, e: &Evaluation, k: usize, width: usize| {
        e.ranking.get(k).map_or_else(String::new, |r| {
            format!(
                "{:>3}  {}  {:>7}",
                r.rank,
                pad(&s.alternative_name(&r.alternative, lang), width),
                num(r.score, 4, lang)
            )
        })
    };
    let left_width = 3 + 2 + width_a + 2 + 7;
    let mut moves = std::collections::HashMap::new();
    for m in &c.moves {
        moves.entry(m.alternative.as_str()).or_insert(m);
    }
    for k in 0..c.a.ranking.len().max(c.b.ranking.len()) {
        let mark = c.b.ranking.get(k).map_or_else(String::new, |r| {
            let mv = moves.get(r.alternative.as_str());
            match mv.and_then(|m| m.places_up()) {
                Some(0) => "=".to_string(),
                Some(up) if up > 0 => format!("↑{up}"),
                Some(down) => format!("↓{}", -down),
                None => tr!(lang, "compare.cli.new"),
            }
        });
        let _ = writeln!(
            out,
            "  {} │ {}  {mark}",
            pad(&row(&index_a, &c.a, k, width_a), left_width),
            row(&index_b, &c.b, k, width_b)
        );
    }
    for (side, s, e) in [("A", &index_a, &c.a), ("B", &index_b, &c.b)] {
        for x in &e.excluded {
            let reasons: Vec<String> = x
                .reasons
                .iter()
                .map(|r| reason_message(s.scenario(), r, lang))
                .collect();
            let _ = writeln!(
                out,
                "  {}",
                tr!(
                    lang,
                    "compare.cli.excluded",
                    side = side,
                    option = s.alternative_name(&x.alternative, lang),
                    reasons = reasons.join("; ")
                )
            );
        }
    }

    if let Some(e) = c.explanation() {
        let (gap_a, gap_b) = signed_pair(e.gap_a, e.gap_b, lang);
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                lang,
                "compare.cli.terms",
                second = option_name(a, b, &e.second, lang),
                first = option_name(a, b, &e.first, lang),
                from = gap_a,
                to = gap_b
            )
        );
        let header = tr!(lang, "compare.cli.terms_header");
        let heads: Vec<&str> = header.split('|').collect();
        let names: Vec<String> = e
            .terms
            .iter()
            .map(|t| criterion_name(a, b, &t.criterion, lang))
            .collect();
        let width = names
            .iter()
            .map(|n| n.chars().count())
            .chain(heads.first().map(|h| h.chars().count()))
            .max()
            .unwrap_or(0);
        let col = heads
            .iter()
            .skip(1)
            .map(|h| h.chars().count())
            .max()
            .unwrap_or(0)
            .max(8);
        let _ = writeln!(
            out,
            "  {}  {:>col$}  {:>col$}",
            pad(heads.first().copied().unwrap_or(""), width),
            heads.get(1).copied().unwrap_or(""),
            heads.get(2).copied().unwrap_or("")
        );
        for (t, name) in e.terms.iter().zip(&names) {
            let _ = writeln!(
                out,
                "  {}  {:>col$}  {:>col$}",
                pad(name, width),
                signed(t.weight_effect, lang),
                signed(t.value_effect, lang)
            );
        }
    }

    let _ = writeln!(
        out,
        "\n{}\n  {}",
        tr!(lang, "compare.cli.summary"),
        summary(a, b, c, lang)
    );
    out
}
