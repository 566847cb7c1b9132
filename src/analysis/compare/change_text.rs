//! One line per structural change from A to B, in English or French.

use super::describe::{criterion_name, option_name, range_text};
use super::{Comparison, SettingChange};
use crate::i18n::{pct, value};
use crate::model::{Lang, Scale, Scenario, Text};
use crate::tr;

fn opt_value(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| tr!(lang, "compare.change.none"), |v| value(v, 4, lang))
}

fn opt_pct(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| tr!(lang, "compare.change.none"), |v| pct(v, 1, lang))
}

fn scale_text(s: Option<Scale>, lang: Lang) -> String {
    s.map_or_else(
        || tr!(lang, "compare.change.data_range"),
        |s| range_text(s.worst, s.best, lang),
    )
}

fn rationale(t: &Text, lang: Lang) -> String {
    if t.is_empty() {
        "—".to_string()
    } else {
        t.get(lang).to_string()
    }
}

/// One line per change from A to B, in a fixed order: options, criteria,
/// scores, weights, criterion settings, resources, needs.
pub fn change_lines(a: &Scenario, b: &Scenario, c: &Comparison, lang: Lang) -> Vec<String> {
    let opt = |id: &str| option_name(a, b, id, lang);
    let crit = |id: &str| criterion_name(a, b, id, lang);
    let ch = &c.changes;
    let mut out = Vec::new();
    for id in &ch.alternatives.added {
        out.push(tr!(lang, "compare.change.option_added", name = opt(id)));
    }
    for id in &ch.alternatives.removed {
        out.push(tr!(lang, "compare.change.option_removed", name = opt(id)));
    }
    for r in &ch.alternatives.renamed {
        out.push(tr!(
            lang,
            "compare.change.option_renamed",
            from = r.from.get(lang),
            to = r.to.get(lang)
        ));
    }
    for id in &ch.criteria.added {
        out.push(tr!(lang, "compare.change.criterion_added", name = crit(id)));
    }
    for id in &ch.criteria.removed {
        out.push(tr!(
            lang,
            "compare.change.criterion_removed",
            name = crit(id)
        ));
    }
    for r in &ch.criteria.renamed {
        out.push(tr!(
            lang,
            "compare.change.criterion_renamed",
            from = r.from.get(lang),
            to = r.to.get(lang)
        ));
    }
    for s in &ch.scores {
        let (o, k) = (opt(&s.alternative), crit(&s.criterion));
        if s.value_changed() {
            out.push(tr!(
                lang,
                "compare.change.score",
                option = o.clone(),
                criterion = k.clone(),
                from = value(s.from, 4, lang),
                to = value(s.to, 4, lang)
            ));
        }
        if s.range_changed() {
            let range = |(lo, hi): (Option<f64>, Option<f64>)| match (lo, hi) {
                (None, None) => tr!(lang, "compare.change.none"),
                (lo, hi) => format!("{}–{}", opt_value(lo, lang), opt_value(hi, lang)),
            };
            out.push(tr!(
                lang,
                "compare.change.range",
                option = o.clone(),
                criterion = k.clone(),
                from = range(s.range_from),
                to = range(s.range_to)
            ));
        }
        if s.rationale_changed() {
            out.push(tr!(
                lang,
                "compare.change.rationale",
                option = o,
                criterion = k,
                from = rationale(&s.rationale_from, lang),
                to = rationale(&s.rationale_to, lang)
            ));
        }
    }
    for w in &ch.weights {
        out.push(tr!(
            lang,
            "compare.change.weight",
            criterion = crit(&w.criterion),
            from = opt_pct(w.from, lang),
            to = opt_pct(w.to, lang)
        ));
    }
    for s in &ch.settings {
        out.push(match s {
            SettingChange::Direction {
                criterion,
                from,
                to,
            } => tr!(
                lang,
                "compare.change.direction",
                criterion = crit(criterion),
                from = from.short(),
                to = to.short()
            ),
            SettingChange::Scale {
                criterion,
                from,
                to,
            } => tr!(
                lang,
                "compare.change.scale",
                criterion = crit(criterion),
                from = scale_text(*from, lang),
                to = scale_text(*to, lang)
            ),
            SettingChange::Veto {
                criterion,
                from,
                to,
            } => tr!(
                lang,
                "compare.change.veto",
                criterion = crit(criterion),
                from = opt_value(*from, lang),
                to = opt_value(*to, lang)
            ),
            SettingChange::RedLine {
                criterion,
                from,
                to,
            } => tr!(
                lang,
                "compare.change.red_line",
                criterion = crit(criterion),
                from = opt_value(*from, lang),
                to = opt_value(*to, lang)
            ),
            SettingChange::Preference { criterion, .. } => tr!(
                lang,
                "compare.change.preference",
                criterion = crit(criterion)
            ),
            SettingChange::ValueFunction { criterion, .. } => tr!(
                lang,
                "compare.change.value_function",
                criterion = crit(criterion)
            ),
        });
    }
    let resource_name = |id: &str| {
        b.resources
            .iter()
            .chain(&a.resources)
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.get(lang).to_string())
    };
    for r in &ch.resources {
        out.push(tr!(
            lang,
            "compare.change.resource",
            resource = resource_name(&r.resource),
            from = opt_value(r.from, lang),
            to = opt_value(r.to, lang)
        ));
    }
    for n in &ch.needs {
        out.push(tr!(
            lang,
            "compare.change.need",
            option = opt(&n.alternative),
            resource = resource_name(&n.resource),
            from = opt_value(n.from, lang),
            to = opt_value(n.to, lang)
        ));
    }
    out
}
