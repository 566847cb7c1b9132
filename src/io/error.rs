//! Load and save errors with file, line and column.

use crate::model::Lang;
use std::fmt;

/// What went wrong while loading.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadErrorKind {
    /// The file could not be read.
    Io(String),
    /// The bytes are not UTF-8.
    NotUtf8,
    /// RON or CSV syntax or type error (parser message).
    Syntax(String),
    /// The file was written by a newer version of Tradeoff.
    NewerFormat {
        /// The file's format_version.
        found: u32,
        /// The newest this program knows.
        supported: u32,
    },
    /// The content parsed but does not make a valid scenario.
    Invalid(String),
}

/// A load failure, located in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// File name as given by the user.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

impl LoadError {
    /// An error at a position.
    pub fn at(file: &str, line: usize, column: usize, kind: LoadErrorKind) -> Self {
        LoadError {
            file: file.to_string(),
            line,
            column,
            kind,
        }
    }

    /// The file could not be read.
    pub fn io(file: &str, e: &std::io::Error) -> Self {
        Self::at(file, 0, 0, LoadErrorKind::Io(e.to_string()))
    }

    /// The file is not UTF-8; points at the first bad byte.
    pub fn not_utf8(file: &str, e: &std::string::FromUtf8Error) -> Self {
        let bytes = e.as_bytes();
        let upto = &bytes[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let column = upto.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        Self::at(file, line, column, LoadErrorKind::NotUtf8)
    }

    /// The message in `lang`, starting with `file:line:column:`.
    pub fn message(&self, lang: Lang) -> String {
        let detail = match &self.kind {
            LoadErrorKind::Io(e) => crate::tr!(lang, "load.io", error = e),
            LoadErrorKind::NotUtf8 => crate::tr!(lang, "load.not_utf8"),
            LoadErrorKind::Syntax(e) => crate::tr!(lang, "load.syntax", error = e),
            LoadErrorKind::NewerFormat { found, supported } => crate::tr!(
                lang,
                "load.newer_format",
                found = found,
                supported = supported
            ),
            LoadErrorKind::Invalid(e) => e.clone(),
        };
        if self.line == 0 {
            format!("{}: {detail}", self.file)
        } else {
            format!("{}:{}:{}: {detail}", self.file, self.line, self.column)
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// A save failure. The file on disk is left as it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SaveError {
    /// Writing failed (read-only folder, full disk, vanished folder...).
    #[error("{file}: could not save: {message}")]
    Io {
        /// Target file.
        file: String,
        /// What the system said.
        message: String,
    },
    /// The scenario could not be serialised.
    #[error("could not serialise the scenario: {0}")]
    Serialise(String),
}
