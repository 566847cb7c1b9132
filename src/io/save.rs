//! Atomic saving: the new content goes to a temporary file in the same
//! folder, is flushed to disk, and only then replaces the file by a rename,
//! so a crash or a full disk never leaves a half-written scenario. Saving a
//! scenario also keeps the previous version beside it as `NAME.bak`
//! (exports and settings do not need one).

use super::error::{SaveError, SaveErrorKind};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files of concurrent saves within one process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The backup kept of the previous version of `path` (`NAME.bak`).
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically (no backup: for exports and settings).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, false, |file, bytes| file.write_all(bytes))
}

/// Writes `bytes` to `path` atomically, keeping the old file as `NAME.bak`.
pub fn write_atomic_keeping_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, true, |file, bytes| file.write_all(bytes))
}

/// [`write_atomic`] with the backup choice and the writing step supplied,
/// so tests can simulate a disk that fills up halfway.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    write: impl FnOnce(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let label = path.display().to_string();
    let fail = |kind| SaveError::new(&label, kind);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match fs::metadata(dir) {
        Ok(m) if !m.is_dir() => return Err(fail(SaveErrorKind::ParentNotFolder)),
        Ok(_) => {}
        Err(e) => return Err(fail(SaveErrorKind::from_io(&e))),
    }
    let existing = fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(fail(SaveErrorKind::TargetIsFolder));
    }
    let name = path.file_name().map_or_else(
        || "scenario".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let tmp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if let Some(m) = &existing {
            // Keep the user's permissions on the new version (best effort).
            let _ = file.set_permissions(m.permissions());
        }
        write(&mut file, bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(fail(SaveErrorKind::from_io(&e)));
    }
    if backup && existing.is_some() {
        keep_backup(path, dir, &name);
    }
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(fail(SaveErrorKind::from_io(&e)));
    }
    // Make the rename itself durable (best effort; not possible everywhere).
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Copies the current file to `NAME.bak` through a temporary file, so the
/// backup is always whole. Best effort: a failed backup never blocks a save.
fn keep_backup(path: &Path, dir: &Path, name: &str) {
    let tmp = dir.join(format!(
        ".{name}.bak.{}-{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let copied = fs::copy(path, &tmp).and_then(|_| fs::rename(&tmp, backup_path(path)));
    if copied.is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().expect("temp dir")
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn replaces_the_file_and_keeps_a_backup() {
        let d = dir();
        let path = d.path().join("s.ron");
        write_atomic_keeping_backup(&path, b"first").expect("first save");
        assert!(!backup_path(&path).exists(), "no backup of nothing");
        write_atomic_keeping_backup(&path, b"second").expect("second save");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert_eq!(fs::read(backup_path(&path)).expect("bak"), b"first");
        assert!(leftovers(d.path()).is_empty());
        let export = d.path().join("chart.svg");
        write_atomic(&export, b"one").expect("export");
        write_atomic(&export, b"two").expect("export again");
        assert!(!backup_path(&export).exists(), "exports keep no backup");
    }

    #[test]
    fn full_disk_leaves_the_original_intact() {
        let d = dir();
        let path = d.path().join("s.ron");
        write_atomic(&path, b"original").expect("save");
        let err = write_atomic_with(&path, b"new content", true, |f, b| {
            f.write_all(&b[..3])?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        })
        .expect_err("disk full");
        assert_eq!(err.kind, SaveErrorKind::DiskFull);
        assert!(err.message(Lang::En).contains("the disk is full"));
        assert!(err.message(Lang::Fr).contains("le disque est plein"));
        assert_eq!(fs::read(&path).expect("read"), b"original");
        assert!(leftovers(d.path()).is_empty(), "temporary file removed");
    }

    #[test]
    fn vanished_folder_is_explained() {
        let d = dir();
        let path = d.path().join("gone").join("s.ron");
        let err = write_atomic(&path, b"x").expect_err("no folder");
        assert_eq!(err.kind, SaveErrorKind::FolderMissing);
        assert!(
            err.message(Lang::En)
                .contains("the folder no longer exists")
        );
    }

    #[test]
    fn parent_that_is_a_file_is_explained() {
        let d = dir();
        let file = d.path().join("plain");
        fs::write(&file, b"x").expect("write");
        let err = write_atomic(&file.join("s.ron"), b"x").expect_err("parent is a file");
        assert_eq!(err.kind, SaveErrorKind::ParentNotFolder);
        assert!(err.message(Lang::Fr).contains("pas un dossier"));
    }

    #[test]
    fn folder_as_target_is_refused() {
        let d = dir();
        let err = write_atomic(d.path(), b"x").expect_err("folder");
        assert_eq!(err.kind, SaveErrorKind::TargetIsFolder);
    }
}
