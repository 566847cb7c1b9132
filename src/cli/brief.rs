//! `tradeoff brief`: the briefing pack (charts, HTML page, Markdown copy,
//! Word and PDF note, PowerPoint deck).

use super::rank::load_valid;
use crate::analysis::Method;
use crate::analysis::compare::{CompareError, Comparison, compare_keys};
use crate::export::brief::{BriefOptions, write_brief};
use crate::model::{Lang, Scenario};
use crate::tr;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `brief`.
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// Scenario (.ron) or decision matrix (.csv).
    pub file: PathBuf,
    /// Folder to write the pack into (created if needed).
    #[arg(long)]
    pub out: PathBuf,
    /// Weight profile of the charts (id or name); default: the active profile.
    #[arg(long)]
    pub profile: Option<String>,
    /// Method of the charts: wsm applies the criteria's value functions; topsis
    /// and promethee2 use the raw values.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1200)]
    pub width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 750)]
    pub height: u32,
    /// A second scenario to compare with: adds the comparison page and the
    /// "what moved the answer" waterfall.
    #[arg(long)]
    pub compare: Option<PathBuf>,
}

/// Loads `compare` (when given) and compares `scenario` (from `file`) with
/// it under `method` and `profile`: the second scenario and the comparison.
/// Shared by `brief --compare` and `render --compare`.
pub(super) fn comparison_with(
    scenario: &Scenario,
    file: &Path,
    compare: Option<&Path>,
    method: Method,
    profile: Option<&str>,
    lang: Lang,
) -> Result<Option<(Scenario, Comparison)>, String> {
    let Some(path) = compare else {
        return Ok(None);
    };
    let b = load_valid(path, lang)?;
    // A CSV's weights are its only profile: it takes no profile name.
    let key = |p: &Path| {
        if crate::io::is_csv(p) { None } else { profile }
    };
    let comparison =
        compare_keys(scenario, &b, method, key(file), key(path)).map_err(|e| match e {
            CompareError::UnknownProfile { name, .. } => {
                tr!(lang, "cli.unknown_profile", profile = name)
            }
            other => other.to_string(),
        })?;
    Ok(Some((b, comparison)))
}

/// Runs `brief`.
pub fn brief(args: &BriefArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let compared = comparison_with(
        &scenario,
        &args.file,
        args.compare.as_deref(),
        args.method,
        args.profile.as_deref(),
        lang,
    )?;
    let (other, comparison) = match compared {
        Some((b, c)) => (Some(b), Some(c)),
        None => (None, None),
    };
    let smaa = crate::export::smaa_for(&scenario, args.profile.as_deref(), args.method);
    let compare_name = args
        .compare
        .as_deref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let options = BriefOptions {
        profile: args.profile.as_deref(),
        method: args.method,
        width_px: args.width,
        height_px: args.height,
        source_file: file_name.as_deref(),
        smaa: smaa.as_ref(),
        comparison: comparison.as_ref(),
        explanation: comparison.as_ref().and_then(|c| c.explanation()),
        other: other.as_ref(),
        other_file: compare_name.as_deref(),
        ..BriefOptions::new(lang)
    };
    let files = write_brief(&scenario, &args.out, &options).map_err(|e| e.message(lang))?;
    for file in [&files.html, &files.docx, &files.pdf, &files.pptx] {
        eprintln!(
            "{}",
            tr!(lang, "export.wrote", file = file.display().to_string())
        );
    }
    Ok(())
}
