//! `tradeoff brief`: the briefing pack (charts, HTML page, Markdown copy).

use super::rank::load_valid;
use crate::analysis::Method;
use crate::export::brief::{BriefOptions, write_brief};
use crate::model::Lang;
use crate::tr;
use clap::Args;
use std::path::PathBuf;

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
    /// Method of the charts.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Chart width in pixels.
    #[arg(long, default_value_t = 1200)]
    pub width: u32,
    /// Chart height in pixels.
    #[arg(long, default_value_t = 750)]
    pub height: u32,
}

/// Runs `brief`.
pub fn brief(args: &BriefArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let options = BriefOptions {
        profile: args.profile.as_deref(),
        method: args.method,
        width_px: args.width,
        height_px: args.height,
        source_file: file_name.as_deref(),
        ..BriefOptions::new(lang)
    };
    let files = write_brief(&scenario, &args.out, &options).map_err(|e| e.message(lang))?;
    eprintln!(
        "{}",
        tr!(
            lang,
            "export.wrote",
            file = files.html.display().to_string()
        )
    );
    Ok(())
}
