//! `tradeoff smaa`: rank acceptability, central weights and confidence
//! factors of the feasible options.
//!
//! When every option is excluded there is nothing to sample: the command
//! says so (text) or prints empty maps with the `excluded` list (JSON) and
//! exits 0, since the input itself is valid.

use super::rank::load_valid;
use crate::analysis::smaa::{
    BoundsError, MAX_SAMPLES, SmaaOptions, SmaaResult, TreeSampler, smaa_with,
};
use crate::analysis::{Evaluation, Method, evaluate_profile, select_profile};
use crate::i18n::{pct, reason_message};
use crate::model::{Lang, Scenario, ScenarioIndex};
use crate::tr;
use clap::Args;
use serde_json::{Map, Value, json};
use std::fmt::Write;
use std::path::PathBuf;

/// Arguments of `smaa`.
#[derive(Debug, Args)]
pub struct SmaaArgs {
    /// Scenario (.ron) or decision matrix (.csv).
    pub file: PathBuf,
    /// Number of Monte-Carlo samples.
    #[arg(long, default_value_t = 10_000, value_parser = parse_samples)]
    pub samples: usize,
    /// Seed of the random generator (same seed, same output).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Ranking method applied to each sample: wsm applies the criteria's value
    /// functions; topsis and promethee2 use the raw values.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Weight profile (id or name) whose vetoes and weight bounds apply; default: the active one.
    #[arg(long)]
    pub profile: Option<String>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// A sample count, refused above what one run can count.
fn parse_samples(s: &str) -> Result<usize, String> {
    let lang = crate::i18n::system_lang();
    let n: usize = s.trim().parse().map_err(|e| format!("{e}"))?;
    if n > MAX_SAMPLES {
        return Err(tr!(
            lang,
            "smaa.too_many_samples",
            max = MAX_SAMPLES,
            found = n
        ));
    }
    Ok(n)
}

/// A SMAA run on a scenario, with what was excluded before it.
pub struct SmaaRun {
    /// The deterministic evaluation (feasible matrix and exclusions).
    pub evaluation: Evaluation,
    /// The SMAA result on the feasible options.
    pub result: SmaaResult,
}

/// Runs SMAA on a valid scenario under `profile` (None: the active one).
pub fn run_smaa(
    scenario: &Scenario,
    profile: Option<&str>,
    method: Method,
    options: &SmaaOptions,
    lang: Lang,
) -> Result<SmaaRun, String> {
    let profile = select_profile(scenario, profile).map_err(|_| {
        tr!(
            lang,
            "cli.unknown_profile",
            profile = profile.unwrap_or_default()
        )
    })?;
    let evaluation = evaluate_profile(scenario, profile, method);
    let result = TreeSampler::for_profile(scenario, profile, &evaluation.matrix)
        .map(|sampler| smaa_with(&evaluation.matrix, method, &sampler, options))
        .map_err(|e| match e {
            BoundsError::Infeasible { min_sum, max_sum } => tr!(
                lang,
                "smaa.bounds_infeasible",
                profile = profile.name.get(lang),
                min_sum = crate::i18n::num(min_sum, 3, lang),
                max_sum = crate::i18n::num(max_sum, 3, lang)
            ),
            BoundsError::Invalid(j) => tr!(
                lang,
                "smaa.bounds_invalid",
                profile = profile.name.get(lang),
                criterion = scenario.criterion_name(&evaluation.matrix.criteria[j], lang)
            ),
            BoundsError::InvalidNode(id) => tr!(
                lang,
                "smaa.bounds_invalid",
                profile = profile.name.get(lang),
                criterion = crate::analysis::sensitivity::node_name(scenario, &id, lang)
            ),
            BoundsError::Count { .. } => e.to_string(),
        })?;
    Ok(SmaaRun { evaluation, result })
}

/// The `smaa --json` document (design.md §5), keyed by English display names.
pub fn smaa_json(scenario: &Scenario, run: &SmaaRun, seed: u64, lang: Lang) -> Value {
    let r = &run.result;
    let index = ScenarioIndex::new(scenario);
    let name = |id: &str| index.alternative_name(id, Lang::En);
    let mut acceptability = Map::new();
    let mut central = Map::new();
    let mut confidence = Map::new();
    for (i, id) in r.alternatives.iter().enumerate() {
        acceptability.insert(name(id), json!(r.acceptability[i]));
        let weights: Map<String, Value> = r
            .criteria
            .iter()
            .zip(&r.central_weights[i])
            .map(|(c, w)| (scenario.criterion_name(c, Lang::En), json!(w)))
            .collect();
        central.insert(name(id), Value::Object(weights));
        confidence.insert(name(id), json!(r.confidence[i]));
    }
    json!({
        "samples": r.samples,
        "seed": seed,
        "method": run.evaluation.method.as_str(),
        "profile": run.evaluation.profile,
        "acceptability": acceptability,
        "central_weights": central,
        "confidence": confidence,
        "exact_weights": r.exact_weights,
        "ranks_counted": r.acceptability.first().map_or(0, Vec::len),
        "excluded": run.evaluation.excluded.iter().map(|x| json!({
            "alternative": name(&x.alternative),
            "id": x.alternative,
            "reasons": x.reasons.iter().map(|reason| reason_message(scenario, reason, lang)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Prints [`smaa_json`], writing the acceptability rows one by one rather
/// than as one JSON value: at 10,000 options they are 20 million numbers,
/// gigabytes as a value tree. The text is the same as `smaa_json` prints.
fn print_smaa_json(scenario: &Scenario, mut run: SmaaRun, seed: u64, lang: Lang) {
    use std::io::Write;
    let rows = std::mem::take(&mut run.result.acceptability);
    run.result.acceptability = vec![Vec::new(); rows.len()];
    let mut rest = smaa_json(scenario, &run, seed, lang);
    if let Some(counted) = rest.get_mut("ranks_counted") {
        *counted = json!(rows.first().map_or(0, Vec::len));
    }
    if let Some(map) = rest.as_object_mut() {
        map.remove("acceptability");
    }
    // Keys in the order a JSON map writes them (sorted; a repeated name keeps its last row).
    let index = ScenarioIndex::new(scenario);
    let by_name: std::collections::BTreeMap<String, usize> = run
        .result
        .alternatives
        .iter()
        .enumerate()
        .map(|(i, id)| (index.alternative_name(id, Lang::En), i))
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut write = || -> std::io::Result<()> {
        out.write_all(b"{\"acceptability\":{")?;
        for (k, (name, &i)) in by_name.iter().enumerate() {
            if k > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut out, name)?;
            out.write_all(b":")?;
            serde_json::to_writer(&mut out, &rows[i])?;
        }
        out.write_all(b"}")?;
        // The other keys all sort after "acceptability".
        let tail = serde_json::to_string(&rest)?;
        let tail = tail.strip_prefix('{').unwrap_or(&tail);
        if tail != "}" {
            out.write_all(b",")?;
        }
        out.write_all(tail.as_bytes())?;
        out.write_all(b"\n")?;
        out.flush()
    };
    if let Err(e) = write() {
        eprintln!("{e}");
    }
}

/// The readable tables printed by `smaa`.
pub fn smaa_text(scenario: &Scenario, run: &SmaaRun, seed: u64, lang: Lang) -> String {
    let r = &run.result;
    let index = ScenarioIndex::new(scenario);
    let mut out = String::new();
    let _ = writeln!(out, "{}", scenario.title.get(lang));
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "smaa.heading",
            method = run.evaluation.method.as_str(),
            profile = run.evaluation.profile,
            samples = r.samples,
            seed = seed
        )
    );
    if r.alternatives.is_empty() {
        let _ = writeln!(out, "{}", tr!(lang, "smaa.all_excluded"));
    } else {
        let names: Vec<String> = r
            .alternatives
            .iter()
            .map(|a| index.alternative_name(a, lang))
            .collect();
        let width = names
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            .max(6);
        let _ = write!(out, "{:<width$}", tr!(lang, "smaa.option"));
        for k in 1..=r.acceptability.first().map_or(0, Vec::len) {
            let _ = write!(out, " {:>7}", tr!(lang, "smaa.rank_column", rank = k));
        }
        let _ = writeln!(out, " {:>11}", tr!(lang, "smaa.confidence"));
        for (i, n) in names.iter().enumerate() {
            let _ = write!(out, "{n:<width$}");
            for share in &r.acceptability[i] {
                let _ = write!(out, " {:>7}", pct(*share, 1, lang));
            }
            let _ = writeln!(out, " {:>11}", pct(r.confidence[i], 1, lang));
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", tr!(lang, "smaa.central_heading"));
        let criteria: Vec<String> = r
            .criteria
            .iter()
            .map(|c| scenario.criterion_name(c, lang))
            .collect();
        let widths: Vec<usize> = criteria.iter().map(|c| c.chars().count().max(7)).collect();
        let header: Vec<String> = criteria
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c:>w$}"))
            .collect();
        let _ = writeln!(out, "{:<width$} {}", "", header.join(" | "));
        for (i, n) in names.iter().enumerate() {
            if r.acceptability[i].first().copied().unwrap_or(0.0) == 0.0 {
                let _ = writeln!(out, "{n:<width$} {}", tr!(lang, "smaa.never_first"));
                continue;
            }
            let cells: Vec<String> = r.central_weights[i]
                .iter()
                .zip(&widths)
                .map(|(w, &cw)| format!("{:>cw$}", pct(*w, 1, lang)))
                .collect();
            let _ = writeln!(out, "{n:<width$} {}", cells.join(" | "));
        }
        if !r.exact_weights {
            let _ = writeln!(out, "{}", tr!(lang, "smaa.approximate_weights"));
        }
        let counted = r.acceptability.first().map_or(0, Vec::len);
        if counted < r.alternatives.len() {
            let _ = writeln!(out, "{}", tr!(lang, "smaa.ranks_counted", ranks = counted));
        }
    }
    for x in &run.evaluation.excluded {
        let _ = writeln!(
            out,
            "{} — {}",
            index.alternative_name(&x.alternative, lang),
            super::rank::excluded_because(scenario, x, lang)
        );
    }
    out
}

/// `tradeoff smaa`.
pub fn run(args: &SmaaArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let options = SmaaOptions {
        samples: args.samples,
        seed: args.seed,
        ..SmaaOptions::default()
    };
    let result = run_smaa(
        &scenario,
        args.profile.as_deref(),
        args.method,
        &options,
        lang,
    )?;
    if args.json {
        print_smaa_json(&scenario, result, args.seed, lang);
    } else {
        print!("{}", smaa_text(&scenario, &result, args.seed, lang));
    }
    Ok(())
}
