//! Autosave and recovery of unsaved work. Pure functions of a data folder
//! (the GUI passes the platform's one, see [`default_data_dir`]): write an
//! autosave for a document, list what can be recovered after a crash, and
//! remove an autosave once the work is saved or discarded.
//!
//! An autosave is an ordinary scenario file whose first line is a comment
//! carrying the original path and the time, so recovery goes through the
//! same loader (version check, migration) as any file.

use super::error::{LoadError, SaveError};
use super::fingerprint::content_hash;
use crate::model::Scenario;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Sub-folder of the data folder holding autosaves.
pub const FOLDER: &str = "autosave";
/// First-line marker of an autosave file.
const MARKER: &str = "// tradeoff-autosave ";
/// Longest header line read when listing (guards against odd files).
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// The platform's data folder for Tradeoff (e.g. `~/.local/share/tradeoff`),
/// for the GUI to pass to the functions here.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "tradeoff").map(|d| d.data_dir().to_path_buf())
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    original: Option<String>,
    saved_unix_s: u64,
}

/// An autosave that can be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recoverable {
    /// The document key it was written under.
    pub key: String,
    /// The autosave file itself.
    pub file: PathBuf,
    /// The user's file it belongs to (None: a document never saved).
    pub original: Option<PathBuf>,
    /// When it was written (to the second).
    pub saved: SystemTime,
}

/// A file-name-safe key for a document: the original file's stem plus a
/// hash of its full path, or `untitled-SESSION` for a document never saved.
pub fn key_for(original: Option<&Path>, session: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(40)
            .collect()
    };
    match original {
        Some(path) => {
            let stem = path
                .file_stem()
                .map(|s| clean(&s.to_string_lossy()))
                .unwrap_or_default();
            let hash = content_hash(path.to_string_lossy().as_bytes());
            format!("{stem}-{hash:016x}")
        }
        None => format!("untitled-{}", clean(session)),
    }
}

fn file_for(data_dir: &Path, key: &str) -> PathBuf {
    data_dir.join(FOLDER).join(format!("{key}.ron"))
}

/// Writes (atomically) the autosave of `scenario` under `key`, recording
/// the original path and `now`. Creates the folder if needed.
pub fn write(
    data_dir: &Path,
    key: &str,
    original: Option<&Path>,
    scenario: &Scenario,
    now: SystemTime,
) -> Result<PathBuf, SaveError> {
    let file = file_for(data_dir, key);
    let label = file.display().to_string();
    let folder = data_dir.join(FOLDER);
    std::fs::create_dir_all(&folder)
        .map_err(|e| SaveError::new(&label, super::error::SaveErrorKind::from_io(&e)))?;
    let header = Header {
        original: original.map(|p| p.to_string_lossy().into_owned()),
        saved_unix_s: now
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let header = serde_json::to_string(&header).map_err(|e| {
        SaveError::new(
            &label,
            super::error::SaveErrorKind::Serialise(e.to_string()),
        )
    })?;
    let body = super::ron_file::to_string(scenario).map_err(|mut e| {
        e.file = label.clone();
        e
    })?;
    let text = format!("{MARKER}{header}\n{body}");
    super::save::write_atomic(&file, text.as_bytes())?;
    Ok(file)
}

fn read_header(file: &Path) -> Option<Header> {
    let f = std::fs::File::open(file).ok()?;
    let mut line = String::new();
    std::io::BufReader::new(std::io::Read::take(f, MAX_HEADER_BYTES))
        .read_line(&mut line)
        .ok()?;
    serde_json::from_str(line.trim_end().strip_prefix(MARKER)?).ok()
}

/// Every autosave in `data_dir`, newest first. Files that are not
/// autosaves are ignored.
pub fn list(data_dir: &Path) -> Vec<Recoverable> {
    let Ok(entries) = std::fs::read_dir(data_dir.join(FOLDER)) else {
        return Vec::new();
    };
    let mut out: Vec<Recoverable> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|file| {
            let header = read_header(&file)?;
            let key = file.file_stem()?.to_string_lossy().into_owned();
            Some(Recoverable {
                key,
                original: header.original.map(PathBuf::from),
                saved: SystemTime::UNIX_EPOCH + Duration::from_secs(header.saved_unix_s),
                file,
            })
        })
        .collect();
    out.sort_by(|a, b| b.saved.cmp(&a.saved).then(a.key.cmp(&b.key)));
    out
}

/// Loads the autosave written under `key`. It never touches the original.
pub fn recover(data_dir: &Path, key: &str) -> Result<(Scenario, Recoverable), LoadError> {
    let file = file_for(data_dir, key);
    let scenario = super::load(&file)?;
    let header = read_header(&file);
    let info = Recoverable {
        key: key.to_string(),
        original: header
            .as_ref()
            .and_then(|h| h.original.clone())
            .map(PathBuf::from),
        saved: SystemTime::UNIX_EPOCH + Duration::from_secs(header.map_or(0, |h| h.saved_unix_s)),
        file,
    };
    Ok((scenario, info))
}

/// Deletes the autosave under `key` (no error when there is none).
pub fn remove(data_dir: &Path, key: &str) -> std::io::Result<()> {
    match std::fs::remove_file(file_for(data_dir, key)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn write_list_recover_remove() {
        let d = tempfile::tempdir().expect("dir");
        let original = Path::new("/home/analyst/canada 2016.ron");
        let key = key_for(Some(original), "s1");
        assert!(key.starts_with("canada2016-"), "{key}");
        let untitled = key_for(None, "s1");
        let mut scenario = Scenario::empty(Text::new("Draft"));
        let t1 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000);
        let t2 = SystemTime::UNIX_EPOCH + Duration::from_secs(2_000);
        write(d.path(), &key, Some(original), &scenario, t1).expect("autosave");
        scenario.title = Text::new("Draft 2");
        write(d.path(), &untitled, None, &scenario, t2).expect("autosave 2");
        let found = list(d.path());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].key, untitled, "newest first");
        assert_eq!(found[0].original, None);
        assert_eq!(found[1].original.as_deref(), Some(original));
        assert_eq!(found[1].saved, t1);
        let (back, info) = recover(d.path(), &untitled).expect("recover");
        assert_eq!(back.title, Text::new("Draft 2"));
        assert_eq!(info.saved, t2);
        remove(d.path(), &key).expect("remove");
        remove(d.path(), &key).expect("removing twice is fine");
        assert_eq!(list(d.path()).len(), 1);
    }

    #[test]
    fn listing_a_missing_folder_is_empty() {
        let d = tempfile::tempdir().expect("dir");
        assert!(list(&d.path().join("nothing")).is_empty());
    }
}
