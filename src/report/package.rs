//! Packages in words: the best sets of options within every cap, worded
//! once for the `package` command and the GUI's package view alike (which
//! caps bind, what is left out, why there is no package).

use crate::analysis::exclusions;
use crate::analysis::package::{MAX_OPTIONS, Package, PackageError, PackageResult};
use crate::i18n::{num, value};
use crate::model::{Lang, Scenario, ScenarioIndex, WeightProfile};
use crate::report::exclusions::{ExcludedRow, excluded_rows};
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

/// A resource as a column of the package table: name, unit and cap.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceColumn {
    /// Display name in the report's language.
    pub name: String,
    /// Unit in the report's language.
    pub unit: String,
    /// The cap.
    pub cap: f64,
}

/// What one package uses of one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceUse {
    /// Amount used.
    pub used: f64,
    /// The cap.
    pub cap: f64,
    /// Whether this cap binds (adding any other option would exceed it).
    pub binds: bool,
}

/// One package, worded.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageRow {
    /// 1 for the best package.
    pub rank: usize,
    /// The options' ids, in scenario order.
    pub ids: Vec<String>,
    /// "Mali + DR Congo".
    pub options: String,
    /// Total weighted value.
    pub value: f64,
    /// What it uses of each resource, in scenario resource order.
    pub uses: Vec<ResourceUse>,
    /// Which caps bind, or that none does.
    pub binding: String,
    /// "Left out: CAR (would exceed Troops)", one per option left out.
    pub left_out: Vec<String>,
}

/// The best packages of a profile, in one language: what the `package`
/// command prints and the package view lays out.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageReport {
    /// The language of every name and sentence in it.
    pub lang: Lang,
    /// Display name of the profile.
    pub profile: String,
    /// Why there is no package (every option excluded, none adds value).
    pub empty: Option<String>,
    /// The best package in one sentence with its binding caps.
    pub best: Option<String>,
    /// The scenario's resources, in order.
    pub resources: Vec<ResourceColumn>,
    /// Best first.
    pub packages: Vec<PackageRow>,
    /// Options excluded under the profile, with their reasons.
    pub excluded: Vec<ExcludedRow>,
}

impl PackageReport {
    /// The report of a package search.
    pub fn new(
        scenario: &Scenario,
        profile: &WeightProfile,
        result: &PackageResult,
        lang: Lang,
    ) -> Self {
        PackageReport {
            lang,
            profile: profile.name.get(lang).to_string(),
            empty: empty_message(result, lang),
            best: result
                .packages
                .first()
                .map(|best| best_sentence(scenario, best, lang)),
            resources: scenario
                .resources
                .iter()
                .map(|r| ResourceColumn {
                    name: r.name.get(lang).to_string(),
                    unit: r.unit.get(lang).to_string(),
                    cap: r.cap,
                })
                .collect(),
            packages: result
                .packages
                .iter()
                .enumerate()
                .map(|(k, p)| package_row(scenario, k + 1, p, lang))
                .collect(),
            excluded: excluded_rows(scenario, &exclusions(scenario, Some(profile)), lang),
        }
    }

    /// "Troops (≤ 600 personnel)": a resource as a column heading.
    pub fn column_heading(&self, resource: &ResourceColumn) -> String {
        let cap = value(resource.cap, 2, self.lang);
        format!("{} (≤ {cap} {})", resource.name, resource.unit)
    }

    /// "450 / 600": what a package uses of a resource, as a table cell.
    pub fn use_cell(&self, used: &ResourceUse) -> String {
        format!(
            "{} / {}",
            value(used.used, 2, self.lang),
            value(used.cap, 2, self.lang)
        )
    }

    /// A package's value as every face shows it.
    pub fn value_text(&self, row: &PackageRow) -> String {
        value_text(row.value, self.lang)
    }
}

/// One package of a search, worded.
fn package_row(scenario: &Scenario, rank: usize, package: &Package, lang: Lang) -> PackageRow {
    let index = ScenarioIndex::new(scenario);
    PackageRow {
        rank,
        ids: package.options.clone(),
        options: options_text(scenario, package, lang),
        value: package.value,
        uses: scenario
            .resources
            .iter()
            .zip(&package.used)
            .map(|(r, used)| ResourceUse {
                used: *used,
                cap: r.cap,
                binds: package.binding.contains(&r.id),
            })
            .collect(),
        binding: binding_sentence(scenario, package, lang),
        left_out: package
            .left_out
            .iter()
            .map(|(id, caps)| {
                let caps: Vec<String> = caps.iter().map(|c| cap_name(scenario, c, lang)).collect();
                tr!(
                    lang,
                    "package.left_out",
                    option = index.alternative_name(id, lang),
                    caps = caps.join(", ")
                )
            })
            .collect(),
    }
}

/// The readable list printed by `package`.
pub fn package_text(
    scenario: &Scenario,
    profile: &WeightProfile,
    result: &PackageResult,
    lang: Lang,
) -> String {
    let report = PackageReport::new(scenario, profile, result, lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        tr!(lang, "package.heading", profile = report.profile)
    );
    if let Some(empty) = &report.empty {
        let _ = writeln!(out, "{empty}");
    }
    for p in &report.packages {
        out.push_str(&package_lines(&report, p));
    }
    for x in &report.excluded {
        let _ = writeln!(out, "{} — {}", x.name, x.because(lang));
    }
    out
}

/// One package of `package`'s text: its line, its use of each resource,
/// the binding caps and the options left out.
fn package_lines(report: &PackageReport, p: &PackageRow) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let line = tr!(
        lang,
        "package.line",
        rank = p.rank,
        options = p.options.clone(),
        value = report.value_text(p)
    );
    let _ = writeln!(out, "{line}");
    for (r, used) in report.resources.iter().zip(&p.uses) {
        let line = tr!(
            lang,
            "package.use",
            resource = r.name.clone(),
            used = value(used.used, 2, lang),
            cap = value(r.cap, 2, lang),
            unit = r.unit.clone()
        );
        let _ = writeln!(out, "      {line}");
    }
    let _ = writeln!(out, "      {}", p.binding);
    for left_out in &p.left_out {
        let _ = writeln!(out, "      {left_out}");
    }
    out
}
