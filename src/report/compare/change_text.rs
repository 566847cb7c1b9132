//! One line per structural change from A to B, in English or French.

use super::{criterion_name, option_name, range_text};
use crate::analysis::compare::{
    Comparison, ItemChanges, NeedChange, ResourceChange, ScoreChange, SettingChange,
};
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
    let names = Names { a, b, lang };
    let ch = &c.changes;
    let mut out = item_lines(&names, &ch.alternatives, ItemKind::Option);
    out.extend(item_lines(&names, &ch.criteria, ItemKind::Criterion));
    for s in &ch.scores {
        out.extend(score_lines(&names, s));
    }
    for w in &ch.weights {
        out.push(tr!(
            lang,
            "compare.change.weight",
            criterion = names.criterion(&w.criterion),
            from = opt_pct(w.from, lang),
            to = opt_pct(w.to, lang)
        ));
    }
    out.extend(ch.settings.iter().map(|s| setting_line(&names, s)));
    out.extend(resource_lines(&names, &ch.resources, &ch.needs));
    out
}

/// Display names of options, criteria and resources, from B when they are
/// there, else from A.
struct Names<'a> {
    a: &'a Scenario,
    b: &'a Scenario,
    lang: Lang,
}

impl Names<'_> {
    fn option(&self, id: &str) -> String {
        option_name(self.a, self.b, id, self.lang)
    }

    fn criterion(&self, id: &str) -> String {
        criterion_name(self.a, self.b, id, self.lang)
    }

    fn resource(&self, id: &str) -> String {
        self.b
            .resources
            .iter()
            .chain(&self.a.resources)
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.get(self.lang).to_string())
    }
}

/// Options or criteria: which list an [`ItemChanges`] is of.
#[derive(Clone, Copy)]
enum ItemKind {
    Option,
    Criterion,
}

/// One line per option (or criterion) added, removed or renamed.
fn item_lines(names: &Names<'_>, items: &ItemChanges, kind: ItemKind) -> Vec<String> {
    let lang = names.lang;
    let (added, removed, renamed) = match kind {
        ItemKind::Option => (
            "compare.change.option_added",
            "compare.change.option_removed",
            "compare.change.option_renamed",
        ),
        ItemKind::Criterion => (
            "compare.change.criterion_added",
            "compare.change.criterion_removed",
            "compare.change.criterion_renamed",
        ),
    };
    let name = |id: &str| match kind {
        ItemKind::Option => names.option(id),
        ItemKind::Criterion => names.criterion(id),
    };
    let mut out: Vec<String> = items
        .added
        .iter()
        .map(|id| tr!(lang, added, name = name(id)))
        .collect();
    out.extend(
        items
            .removed
            .iter()
            .map(|id| tr!(lang, removed, name = name(id))),
    );
    out.extend(
        items
            .renamed
            .iter()
            .map(|r| tr!(lang, renamed, from = r.from.get(lang), to = r.to.get(lang))),
    );
    out
}

/// The lines of one changed score: its value, its range, its rationale.
fn score_lines(names: &Names<'_>, s: &ScoreChange) -> Vec<String> {
    let lang = names.lang;
    let (o, k) = (names.option(&s.alternative), names.criterion(&s.criterion));
    let mut out = Vec::new();
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
    out
}

/// The line of one changed criterion setting.
fn setting_line(names: &Names<'_>, s: &SettingChange) -> String {
    let lang = names.lang;
    match s {
        SettingChange::Direction {
            criterion,
            from,
            to,
        } => tr!(
            lang,
            "compare.change.direction",
            criterion = names.criterion(criterion),
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
            criterion = names.criterion(criterion),
            from = scale_text(*from, lang),
            to = scale_text(*to, lang)
        ),
        SettingChange::Veto {
            criterion,
            from,
            to,
        } => limit_line(names, "compare.change.veto", criterion, (*from, *to)),
        SettingChange::RedLine {
            criterion,
            from,
            to,
        } => limit_line(names, "compare.change.red_line", criterion, (*from, *to)),
        SettingChange::Preference { criterion, .. } => tr!(
            lang,
            "compare.change.preference",
            criterion = names.criterion(criterion)
        ),
        SettingChange::ValueFunction { criterion, .. } => tr!(
            lang,
            "compare.change.value_function",
            criterion = names.criterion(criterion)
        ),
    }
}

/// A changed veto or red line: `key` with the criterion and both limits.
fn limit_line(
    names: &Names<'_>,
    key: &'static str,
    criterion: &str,
    (from, to): (Option<f64>, Option<f64>),
) -> String {
    let lang = names.lang;
    tr!(
        lang,
        key,
        criterion = names.criterion(criterion),
        from = opt_value(from, lang),
        to = opt_value(to, lang)
    )
}

/// One line per changed resource cap, then per changed need.
fn resource_lines(
    names: &Names<'_>,
    resources: &[ResourceChange],
    needs: &[NeedChange],
) -> Vec<String> {
    let lang = names.lang;
    let mut out: Vec<String> = resources
        .iter()
        .map(|r| {
            tr!(
                lang,
                "compare.change.resource",
                resource = names.resource(&r.resource),
                from = opt_value(r.from, lang),
                to = opt_value(r.to, lang)
            )
        })
        .collect();
    out.extend(needs.iter().map(|n| {
        tr!(
            lang,
            "compare.change.need",
            option = names.option(&n.alternative),
            resource = names.resource(&n.resource),
            from = opt_value(n.from, lang),
            to = opt_value(n.to, lang)
        )
    }));
    out
}
