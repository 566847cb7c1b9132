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
use crate::model::{Lang, Scenario};
use crate::report::json::SmaaJson;
use crate::report::smaa::smaa_text;
use crate::tr;
use clap::Args;
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

/// Prints the document straight to standard output: at 10,000 options the
/// acceptability rows are 20 million numbers, too many to hold as text.
fn print_smaa_json(doc: &SmaaJson<'_>) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer(&mut out, doc).map_err(|e| e.to_string())?;
    out.write_all(b"\n")
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())
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
        let doc = SmaaJson::new(
            &scenario,
            &result.evaluation,
            &result.result,
            args.seed,
            lang,
        );
        print_smaa_json(&doc)?;
    } else {
        print!(
            "{}",
            smaa_text(
                &scenario,
                &result.evaluation,
                &result.result,
                args.seed,
                lang
            )
        );
    }
    Ok(())
}
