//! What the app remembers between runs (language, recent files, window
//! size), kept in a small RON file in the platform's config folder.

use crate::model::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many files Open Recent lists.
pub const RECENT_MAX: usize = 8;

/// Remembered preferences.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language chosen in the View menu (None: the system's).
    pub lang: Option<Lang>,
    /// Recently opened files, most recent first; the first is reopened at start.
    pub recent: Vec<PathBuf>,
    /// The window's inner size when it last closed, in points.
    pub window: Option<(f32, f32)>,
}

impl Settings {
    /// Where the settings live (None when the platform has no config folder).
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("ca", "Tradeoff", "tradeoff")
            .map(|d| d.config_dir().join("settings.ron"))
    }

    /// Reads settings; a missing or unreadable file gives the defaults.
    pub fn load(path: &Path) -> Settings {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|t| ron::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Writes settings, creating the folder. Failure only loses preferences.
    pub fn store(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        crate::io::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    /// The last file opened, if any.
    pub fn last_file(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_recent_list_is_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub").join("settings.ron");
        let mut s = Settings {
            lang: Some(Lang::Fr),
            window: Some((1100.0, 640.0)),
            ..Settings::default()
        };
        for k in 0..12 {
            s.remember(Path::new(&format!("/tmp/f{k}.ron")));
        }
        s.remember(Path::new("/tmp/f5.ron"));
        assert_eq!(s.recent.len(), RECENT_MAX);
        assert_eq!(s.last_file(), Some(Path::new("/tmp/f5.ron")));
        s.store(&path).expect("stores");
        assert_eq!(Settings::load(&path), s);
        assert_eq!(
            Settings::load(&dir.path().join("none")),
            Settings::default()
        );
    }
}
