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
    /// Chart: ranking, contributions, radar, sensitivity, value-sensitivity,
    /// acceptability, stakeholders, heatmap, waterfall or frontier.
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
    /// Ranking method: wsm applies the criteria's value functions; topsis and
    /// promethee2 use the raw values.
    #[arg(long, default_value = "wsm")]
    pub method: Method,
    /// Criterion id for the sensitivity chart (a group id: the group's share
    /// of its parent) and for the value-sensitivity chart; default: the most
    /// heavily weighted.
    #[arg(long)]
    pub criterion: Option<String>,
    /// Cost of the frontier chart: a minimised criterion's or a resource's
    /// id; default: a budget-like resource when options combine, else the
    /// first minimised criterion.
    #[arg(long)]
    pub cost: Option<String>,
    /// A second scenario to compare with (for the waterfall chart).
    #[arg(long)]
    pub compare: Option<PathBuf>,
    /// Group ids (comma-separated) that the contributions, waterfall and
    /// stakeholders charts open into their children; default: groups only.
    #[arg(long, value_delimiter = ',')]
    pub expand: Vec<String>,
}

/// Runs `render`.
pub fn render(args: &RenderArgs, lang: Lang) -> Result<(), String> {
    let scenario = load_valid(&args.file, lang)?;
    // SMAA only for the chart that shows it (it is the costly part).
    let smaa = if args.chart == ChartKind::Acceptability {
        let run = super::smaa::run_smaa(
            &scenario,
            args.profile.as_deref(),
            args.method,
            &crate::analysis::smaa::SmaaOptions::default(),
            lang,
        )?;
        Some(run.result)
    } else {
        None
    };
    let compared = super::brief::comparison_with(
        &scenario,
        &args.file,
        args.compare.as_deref(),
        args.method,
        args.profile.as_deref(),
        lang,
    )?;
    let explanation = compared.as_ref().and_then(|(_, c)| c.explanation());
    // The frontier chart reads its cost from the criterion slot; a cost
    // that is not one is refused here rather than replaced by the default.
    if let Some(cost) = &args.cost {
        crate::analysis::frontier::resolve_cost(&scenario, cost)
            .map_err(|e| super::frontier::cost_error(&e, lang))?;
    }
    if let Some(id) = args
        .expand
        .iter()
        .find(|id| !scenario.groups.iter().any(|g| g.id == **id))
    {
        return Err(tr!(lang, "cli.render.unknown_group", group = id));
    }
    let criterion = match args.chart {
        ChartKind::Frontier => args.cost.as_deref().or(args.criterion.as_deref()),
        _ => args.criterion.as_deref(),
    };
    // The command's own ranking, handed to the chart as the window hands
    // it its analysis (the file was validated on load). An unknown profile
    // is left for the chart to report.
    let evaluation = crate::analysis::select_profile(&scenario, args.profile.as_deref())
        .ok()
        .map(|profile| crate::analysis::evaluate_profile(&scenario, profile, args.method));
    let input = ChartInput {
        evaluation: evaluation.as_ref(),
        explanation,
        other: compared.as_ref().map(|(b, _)| b),
        profile: args.profile.as_deref(),
        method: args.method,
        criterion,
        smaa: smaa.as_ref(),
        expanded: &args.expand,
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
