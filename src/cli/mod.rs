//! The command-line face: clap definitions and dispatch. Each subcommand
//! runs the same engine as the GUI.

mod brief;
mod diff;
pub mod frontier;
pub mod package;
mod rank;
mod render;
mod sensitivity;
pub mod smaa;

pub use rank::load_valid;

use crate::model::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status for bad input (design.md §5).
pub const EXIT_BAD_INPUT: u8 = 1;
/// Exit status for a usage error.
pub const EXIT_USAGE: u8 = 2;

/// Compare policy options with multi-criteria decision analysis.
#[derive(Debug, Parser)]
#[command(name = "tradeoff", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages and exports (en or fr); default: the system locale.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// A scenario to open in the GUI.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language '{s}' (expected en or fr)"))
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rank the options of a scenario or CSV matrix.
    Rank(rank::RankArgs),
    /// Validate a scenario; prints every problem with line:column.
    Check(rank::CheckArgs),
    /// Convert between RON scenario files and CSV decision matrices.
    Convert(rank::ConvertArgs),
    /// Compare two scenarios: what changed and why the ranking moved.
    Diff(diff::DiffArgs),
    /// Show how far each weight can move before the top option changes.
    Sensitivity(sensitivity::SensitivityArgs),
    /// Rank acceptability, central weights and confidence under uncertain weights and values (SMAA-2).
    Smaa(smaa::SmaaArgs),
    /// The best sets of options to combine within every resource cap.
    Package(package::PackageArgs),
    /// Value for money: cost against value, the efficient frontier and the best package at each budget.
    Frontier(frontier::FrontierArgs),
    /// Draw one chart to a PNG or SVG file.
    Render(render::RenderArgs),
    /// Write a briefing pack: every chart, an HTML page and a Markdown copy.
    Brief(brief::BriefArgs),
}

/// What the binary should do after parsing its arguments.
pub enum Launch {
    /// Open the GUI, optionally on a file.
    Gui(Option<PathBuf>, Option<Lang>),
    /// A subcommand finished with this status.
    Done(ExitCode),
}

/// Prints a JSON document of `report::json` on one line.
fn print_json(doc: &impl serde::Serialize) -> Result<(), String> {
    let line = serde_json::to_string(doc).map_err(|e| e.to_string())?;
    println!("{line}");
    Ok(())
}

/// Parses the process arguments and runs a subcommand, or says to open the GUI.
pub fn run() -> Launch {
    run_from(std::env::args_os())
}

/// Like [`run`], with the arguments given (the first is the program name):
/// the entry point tests and the fuzz test drive.
pub fn run_from<I, T>(args: I) -> Launch
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Through the print macros rather than clap's own writer, so
            // tests (and the fuzz test) capture it.
            if e.use_stderr() {
                eprint!("{}", e.render());
            } else {
                print!("{}", e.render());
            }
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            return Launch::Done(ExitCode::from(code));
        }
    };
    let lang = cli.lang.unwrap_or_else(crate::i18n::system_lang);
    let Some(command) = cli.command else {
        return Launch::Gui(cli.file, cli.lang);
    };
    let result = match command {
        Command::Rank(args) => rank::rank(&args, lang),
        Command::Check(args) => rank::check(&args, lang),
        Command::Convert(args) => rank::convert(&args, lang),
        Command::Diff(args) => diff::diff(&args, lang),
        Command::Sensitivity(args) => sensitivity::run(&args, lang),
        Command::Smaa(args) => smaa::run(&args, lang),
        Command::Package(args) => package::run(&args, lang),
        Command::Frontier(args) => frontier::run(&args, lang),
        Command::Render(args) => render::render(&args, lang),
        Command::Brief(args) => brief::brief(&args, lang),
    };
    Launch::Done(match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    })
}
