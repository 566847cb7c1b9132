//! Fingerprints of files on disk (length, modification time, content hash),
//! to notice that another program changed a file since it was opened.

use std::path::Path;
use std::time::SystemTime;

/// What a file looked like when it was opened or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Size in bytes.
    pub len: u64,
    /// Last modification time, when the system reports one.
    pub modified: Option<SystemTime>,
    /// FNV-1a 64-bit hash of the content (stable across runs).
    pub hash: u64,
}

/// How a file compares with its fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChange {
    /// Same content as when fingerprinted.
    Unchanged,
    /// Another program changed it (content differs).
    Modified,
    /// It is gone (deleted, moved or unreadable).
    Missing,
}

/// FNV-1a, 64 bits: small, stable across runs and platforms.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The fingerprint of content already read, with its modification time.
pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
    Fingerprint {
        len: bytes.len() as u64,
        modified,
        hash: content_hash(bytes),
    }
}

/// Reads `path` and fingerprints it.
pub fn fingerprint(path: &Path) -> std::io::Result<Fingerprint> {
    let modified = std::fs::metadata(path)?.modified().ok();
    let bytes = std::fs::read(path)?;
    Ok(of_bytes(&bytes, modified))
}

/// Whether `path` still holds what `since` describes. Only length and
/// content decide: a touched but identical file counts as unchanged.
pub fn disk_change(path: &Path, since: &Fingerprint) -> DiskChange {
    match std::fs::metadata(path) {
        Err(_) => DiskChange::Missing,
        Ok(m) if m.len() != since.len => DiskChange::Modified,
        Ok(_) => match std::fs::read(path) {
            Err(_) => DiskChange::Missing,
            Ok(bytes) if content_hash(&bytes) == since.hash => DiskChange::Unchanged,
            Ok(_) => DiskChange::Modified,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_changes_and_disappearance() {
        let d = tempfile::tempdir().expect("dir");
        let path = d.path().join("s.ron");
        std::fs::write(&path, b"abc").expect("write");
        let fp = fingerprint(&path).expect("fingerprint");
        assert_eq!(fp.len, 3);
        assert_eq!(disk_change(&path, &fp), DiskChange::Unchanged);
        std::fs::write(&path, b"abd").expect("same length, new content");
        assert_eq!(disk_change(&path, &fp), DiskChange::Modified);
        std::fs::write(&path, b"abcd").expect("longer");
        assert_eq!(disk_change(&path, &fp), DiskChange::Modified);
        std::fs::remove_file(&path).expect("remove");
        assert_eq!(disk_change(&path, &fp), DiskChange::Missing);
    }

    #[test]
    fn hash_is_fnv1a() {
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
