//! `tradeoff render`: one chart to a PNG or SVG file, the same drawing the GUI shows.

use super::rank::load_valid;
use crate::analysis::Method;
use crate::charts::{ChartInput, ChartKind};
use crate::model::Lang;
use crate::tr;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Scenario (.ron) or decision matrix (.csv).
    pub file: PathBuf,
    /// Chart: ranking, contributions, radar, sensitivity, acceptability,
    /// stakeholders, heatmap or waterfall.
    #[arg(long)]
    pub chart: ChartKind,
    /// Output file; .png or .svg.
    #[arg(long)]
    pub out: PathBuf,
    /// Width in pixels.
    #[arg(long, default_value_t = 1600)]
    pub width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = 900)]
    pub height: u32,
    /// Weight profile (id or name); default: the active profile.
    #[arg(long)]
    pub profile: Option<String>,
    /// Ranking method.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Criterion id for the sensitivity chart; default: the most heavily weighted.
    #[arg(long)]
    pub criterion: Option<String>,
}

/// Runs `render`.
pub fn render(args: &RenderArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    let input = ChartInput {
        profile: args.profile.as_deref(),
        method: args.method,
        criterion: args.criterion.as_deref(),
        ..ChartInput::new(&scenario, lang)
    };
    crate::export::write_chart(&args.out, args.chart, &input, args.width, args.height)
        .map_err(|e| e.message(lang))?;
    eprintln!(
        "{}",
        tr!(lang, "export.wrote", file = args.out.display().to_string())
    );
    Ok(())
}
