//! The `tradeoff` binary: command line, or the GUI when run without a subcommand.

use std::process::ExitCode;
use tradeoff::cli::{Launch, run};

fn main() -> ExitCode {
    match run() {
        Launch::Done(code) => code,
        Launch::Gui(file, lang) => tradeoff::launch_gui(file, lang),
    }
}
