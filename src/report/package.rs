//! Packages in words: the best sets of options within every cap, worded
//! once for the `package` command and the GUI's package view alike (which
//! caps bind, what is left out, why there is no package).

use crate::analysis::exclusions;
use crate::analysis::package::{MAX_OPTIONS, Package, PackageError, PackageResult};
use crate::i18n::{num, value};
use crate::model::{Lang, Scenario, ScenarioIndex, WeightProfile};
use crate::report::exclusions::excluded_because;
use crate::tr;
use std::fmt::Write;

/// Decimals of package values.
const VALUE_DECIMALS: usize = 3;

/// Why no package can be searched for.
pub fn error_message(error: &PackageError, lang: Lang) -> String {
    match error {
        PackageError::NotCombinable => tr!(lang, "package.not_combinable"),
        PackageError::TooManyOptions { options, .. } => tr!(
            lang,
            "package.too_many",
            options = options,
            max = MAX_OPTIONS
        ),
    }
}

/// Why a search found no package: every option excluded, or none adds
/// value. None when there are packages.
pub fn empty_message(result: &PackageResult, lang: Lang) -> Option<String> {
    if result.values.is_empty() {
        Some(tr!(lang, "package.all_excluded"))
    } else if result.packages.is_empty() {
        Some(tr!(lang, "package.none"))
    } else {
        None
    }
}

/// The options of a package, "Mali + DR Congo".
pub fn options_text(scenario: &Scenario, package: &Package, lang: Lang) -> String {
    let names: Vec<String> = package
        .options
        .iter()
        .map(|id| scenario.alternative_name(id, lang))
        .collect();
    names.join(" + ")
}

/// A package's total value, as every face shows it.
pub fn value_text(x: f64, lang: Lang) -> String {
    num(x, VALUE_DECIMALS, lang)
}

/// Display name of a resource id (the id when unknown).
fn cap_name(scenario: &Scenario, id: &str, lang: Lang) -> String {
    scenario
        .resources
        .iter()
        .find(|r| r.id == id)
        .map_or_else(|| id.to_string(), |r| r.name.get(lang).to_string())
}

/// Which caps bind ("Binding caps: Troops (adding any other option would
/// exceed them)"), or that none does.
pub fn binding_sentence(scenario: &Scenario, package: &Package, lang: Lang) -> String {
    let binding: Vec<String> = package
        .binding
        .iter()
        .map(|id| cap_name(scenario, id, lang))
        .collect();
    if binding.is_empty() {
        tr!(lang, "package.nothing_binds")
    } else {
        tr!(lang, "package.binds", caps = binding.join(", "))
    }
}

/// The best package in one sentence, then which caps bind: the headline of
/// the package view.
pub fn best_sentence(scenario: &Scenario, package: &Package, lang: Lang) -> String {
    format!(
        "{} {}",
        tr!(
            lang,
            "package.best",
            options = options_text(scenario, package, lang),
            value = value_text(package.value, lang)
        ),
        binding_sentence(scenario, package, lang)
    )
}

/// The readable list printed by `package`.
pub fn package_text(
    scenario: &Scenario,
    profile: &WeightProfile,
    result: &PackageResult,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let index = ScenarioIndex::new(scenario);
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        tr!(lang, "package.heading", profile = profile.name.get(lang))
    );
    if let Some(empty) = empty_message(result, lang) {
        let _ = writeln!(out, "{empty}");
    }
    for (k, p) in result.packages.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "package.line",
                rank = k + 1,
                options = options_text(scenario, p, lang),
                value = value_text(p.value, lang)
            )
        );
        for (r, used) in scenario.resources.iter().zip(&p.used) {
            let _ = writeln!(
                out,
                "      {}",
                tr!(
                    lang,
                    "package.use",
                    resource = r.name.get(lang),
                    used = value(*used, 2, lang),
                    cap = value(r.cap, 2, lang),
                    unit = r.unit.get(lang)
                )
            );
        }
        let _ = writeln!(out, "      {}", binding_sentence(scenario, p, lang));
        for (id, caps) in &p.left_out {
            let caps: Vec<String> = caps.iter().map(|c| cap_name(scenario, c, lang)).collect();
            let _ = writeln!(
                out,
                "      {}",
                tr!(
                    lang,
                    "package.left_out",
                    option = index.alternative_name(id, lang),
                    caps = caps.join(", ")
                )
            );
        }
    }
    for x in exclusions(scenario, Some(profile)) {
        let _ = writeln!(
            out,
            "{} — {}",
            index.alternative_name(&x.alternative, lang),
            excluded_because(scenario, &x, lang)
        );
    }
    out
}
