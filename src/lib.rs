//! Tradeoff: compare policy options with multi-criteria decision analysis.
//!
//! The engine (`model`, `io`, `analysis`, `charts`, `export`) never touches
//! the GUI; `app` (feature `gui`) and `cli` are thin shells over it.

rust_i18n::i18n!("assets/locales", fallback = "en");

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod charts;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod io;
pub mod model;
pub mod report;
pub mod session;

/// The bundled default scenario (Canada 2016).
pub const DEFAULT_SCENARIO: &str = include_str!("../scenarios/canada-2016.ron");

/// Opens the desktop window on `file` (else the last file opened, else the
/// bundled default); without the `gui` feature, prints the ranking instead.
#[cfg(feature = "gui")]
pub fn launch_gui(
    file: Option<std::path::PathBuf>,
    lang: Option<model::Lang>,
) -> std::process::ExitCode {
    match app::run(file, lang) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let lang = lang.unwrap_or_else(i18n::system_lang);
            eprintln!("{}", tr!(lang, "gui.window_failed", error = e.to_string()));
            std::process::ExitCode::from(cli::EXIT_BAD_INPUT)
        }
    }
}

/// Opens the desktop window; without the `gui` feature, prints the ranking
/// of the file (or the bundled default) instead.
#[cfg(not(feature = "gui"))]
pub fn launch_gui(
    file: Option<std::path::PathBuf>,
    lang: Option<model::Lang>,
) -> std::process::ExitCode {
    let lang = lang.unwrap_or_else(i18n::system_lang);
    let scenario = match &file {
        Some(path) => io::load(path).map_err(|e| e.message(lang)),
        None => {
            io::ron_file::parse(DEFAULT_SCENARIO, "canada-2016.ron").map_err(|e| e.message(lang))
        }
    };
    match scenario.map(|s| analysis::evaluate(&s, None, analysis::Method::Wsm).map(|e| (s, e))) {
        Ok(Ok((s, e))) => {
            println!("{}", report::ranking::ranking_text(&s, &e, lang));
            std::process::ExitCode::SUCCESS
        }
        Ok(Err(e)) => {
            eprintln!("{e}");
            std::process::ExitCode::from(cli::EXIT_BAD_INPUT)
        }
        Err(message) => {
            eprintln!("{message}");
            std::process::ExitCode::from(cli::EXIT_BAD_INPUT)
        }
    }
}
