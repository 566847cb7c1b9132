//! Writes a seeded synthetic scenario for timing runs:
//! `cargo run --release --example synthetic -- OUT.(csv|ron) OPTIONS CRITERIA [SEED]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [out, n, m, rest @ ..] if rest.len() <= 1 => (|| {
            Some((
                PathBuf::from(out),
                n.parse().ok()?,
                m.parse().ok()?,
                rest.first().map_or(Some(1), |s| s.parse().ok())?,
            ))
        })(),
        _ => None,
    };
    let Some((out, n, m, seed)) = parsed else {
        eprintln!("usage: synthetic OUT.(csv|ron) OPTIONS CRITERIA [SEED]");
        return ExitCode::from(2);
    };
    match tradeoff::io::synthetic::write(&out, n, m, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
