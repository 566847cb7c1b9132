//! Reading and writing scenarios: RON scenario files (versioned, migrated,
//! saved atomically) and CSV decision matrices. Every load error and every
//! validation problem is placed at a file, line and column.

pub mod autosave;
pub mod csv;
pub mod error;
pub mod fingerprint;
pub mod limits;
mod locate;
pub mod migrate;
pub mod outline;
pub mod rewrite;
pub mod ron_file;
pub mod save;
#[doc(hidden)]
pub mod synthetic;

pub use error::{LoadError, LoadErrorKind, SaveError, SaveErrorKind};
pub use fingerprint::{DiskChange, Fingerprint, disk_change, fingerprint};
pub use save::{backup_path, write_atomic, write_atomic_keeping_backup};

use crate::model::{Problem, Scenario};
use std::io::Read;
use std::path::Path;

/// True when `path` names a CSV decision matrix (by extension).
pub fn is_csv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Reads a file's bytes, refusing it before reading when it is over
/// [`limits::MAX_FILE_BYTES`] (and never reading more than that).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let label = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| LoadError::io(&label, &e))?;
    let meta = file.metadata().map_err(|e| LoadError::io(&label, &e))?;
    if meta.is_dir() {
        return Err(LoadError::at(
            &label,
            0,
            0,
            LoadErrorKind::Io(error::IoProblem::IsFolder),
        ));
    }
    let too_large = |bytes| {
        LoadError::at(
            &label,
            1,
            1,
            LoadErrorKind::TooLarge {
                bytes,
                limit: limits::MAX_FILE_BYTES,
            },
        )
    };
    if meta.len() > limits::MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while read (or be a device): never read past the limit.
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::io(&label, &e))?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Parses file content: CSV when `csv`, else a RON scenario. `label` names
/// the file in errors.
pub fn parse_bytes(bytes: &[u8], label: &str, csv: bool) -> Result<Scenario, LoadError> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(LoadError::at(
            label,
            1,
            1,
            LoadErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                limit: limits::MAX_FILE_BYTES,
            },
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::not_utf8(label, bytes, &e))?;
    if csv {
        csv::parse(text, label)
    } else {
        ron_file::parse(text, label)
    }
}

/// Like [`load`], but a CSV matrix reports every bad cell, not only the
/// first (a RON file stops at its first syntax error).
pub fn load_all(path: &Path) -> Result<Scenario, Vec<LoadError>> {
    let bytes = read_limited(path).map_err(|e| vec![e])?;
    let label = path.display().to_string();
    if is_csv(path) {
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| vec![LoadError::not_utf8(&label, &bytes, &e)])?;
        if bytes.len() as u64 <= limits::MAX_FILE_BYTES {
            return csv::parse_all(text, &label);
        }
    }
    parse_bytes(&bytes, &label, is_csv(path)).map_err(|e| vec![e])
}

/// Loads a scenario from a `.ron` scenario file or a `.csv` decision matrix.
pub fn load(path: &Path) -> Result<Scenario, LoadError> {
    load_with_text(path).map(|(scenario, _)| scenario)
}

/// Like [`load`], also returning the text of a RON file (None for CSV), to
/// save into later so its comments survive ([`save_keeping`]).
pub fn load_with_text(path: &Path) -> Result<(Scenario, Option<String>), LoadError> {
    let bytes = read_limited(path)?;
    let csv = is_csv(path);
    let scenario = parse_bytes(&bytes, &path.display().to_string(), csv)?;
    let text = (!csv).then(|| String::from_utf8(bytes).ok()).flatten();
    Ok((scenario, text))
}

/// Saves `scenario` to `path` as RON (or CSV for a `.csv` path), atomically,
/// keeping the previous version as `NAME.bak`.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), SaveError> {
    save_keeping(path, scenario, None).map(|_| ())
}

/// What a save wrote, and the comments of the original it could not keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The content written.
    pub text: String,
    /// Comments of `original` the new file lacks (their items were deleted).
    pub dropped: Vec<rewrite::DroppedComment>,
}

/// [`save`], writing a RON scenario into `original` (the text it was loaded
/// from or last saved as) so the user's comments and layout survive.
pub fn save_keeping(
    path: &Path,
    scenario: &Scenario,
    original: Option<&str>,
) -> Result<Saved, SaveError> {
    let at_path = |mut e: SaveError| {
        e.file = path.display().to_string();
        e
    };
    let saved = if is_csv(path) {
        Saved {
            text: csv::to_csv(scenario, None).map_err(at_path)?,
            dropped: Vec::new(),
        }
    } else if let Some(original) = original {
        let r = rewrite::rewrite(original, scenario).map_err(at_path)?;
        Saved {
            text: r.text,
            dropped: r.dropped,
        }
    } else {
        Saved {
            text: ron_file::to_string(scenario).map_err(at_path)?,
            dropped: Vec::new(),
        }
    };
    save::write_atomic_keeping_backup(path, saved.text.as_bytes())?;
    Ok(saved)
}

/// Places each problem at a line and column of `text`, the content that
/// `scenario` was loaded from (`csv`: a decision matrix).
pub fn locate_in_text<'a>(
    text: &str,
    csv: bool,
    scenario: &Scenario,
    problems: &'a [Problem],
) -> Vec<(&'a Problem, usize, usize)> {
    if problems.is_empty() {
        // Nothing to place: skip outlining the whole file.
        return Vec::new();
    }
    let positions = if csv {
        locate::in_csv(text, scenario, problems)
    } else {
        locate::in_ron(text, problems)
    };
    problems
        .iter()
        .zip(positions)
        .map(|(p, pos)| (p, pos.line, pos.column))
        .collect()
}

/// Places each problem at a line and column of the file at `path` it was
/// loaded from (1:1 when the file cannot be read again).
pub fn locate_problems<'a>(
    scenario: &Scenario,
    problems: &'a [Problem],
    path: &Path,
) -> Vec<(&'a Problem, usize, usize)> {
    if problems.is_empty() {
        return Vec::new();
    }
    let text = read_limited(path)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default();
    locate_in_text(&text, is_csv(path), scenario, problems)
}
