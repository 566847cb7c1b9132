//! Load and save errors with file, line and column, and their plain-language
//! messages in both languages (catalogue keys `load.*` and `save.*`).

use crate::model::Lang;
use crate::tr;
use std::fmt;

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoProblem {
    /// No file at that path.
    NotFound,
    /// The system refused access.
    PermissionDenied,
    /// The path names a folder, not a file.
    IsFolder,
    /// Anything else, with the system's own words.
    Other(String),
}

impl IoProblem {
    /// Classifies a system error.
    pub fn from_io(e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => IoProblem::NotFound,
            K::PermissionDenied => IoProblem::PermissionDenied,
            K::IsADirectory => IoProblem::IsFolder,
            _ => IoProblem::Other(e.to_string()),
        }
    }
}

/// What a count limit is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Alternatives (options).
    Options,
    /// Criteria.
    Criteria,
    /// Scores (options × criteria).
    Scores,
}

/// What kind of value the file should hold at the error position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// Any number.
    Number,
    /// A whole number (no decimals, not negative).
    WholeNumber,
    /// Text in quotes, or `(en: "...", fr: "...")`.
    Text,
    /// `true` or `false`.
    Bool,
    /// A list `[ ... ]`.
    List,
    /// A map `{ "key": value }`.
    Map,
    /// A group of named fields `( ... )`.
    Group,
    /// Something else, in the parser's words.
    Other(String),
}

/// What the file holds at the error position, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A number, as written.
    Number(String),
    /// A quoted text.
    Text(String),
    /// `true` or `false`.
    Bool(String),
    /// A list.
    List,
    /// A map.
    Map,
    /// Something else, in the parser's words.
    Other(String),
}

/// A RON syntax or type error, in plain terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RonProblem {
    /// The text stops before the scenario is complete.
    EndsTooEarly,
    /// A quoted text is never closed.
    UnclosedString,
    /// A `/* ... */` comment is never closed.
    UnclosedComment,
    /// A value of the wrong kind.
    WrongType {
        /// What belongs here.
        expected: Expected,
        /// What is here, when known.
        found: Option<Found>,
    },
    /// A separator is missing.
    MissingComma,
    /// A map key is not followed by `:`.
    MissingColon,
    /// A bracket should close here.
    ExpectedClose(char),
    /// A field name should come here.
    ExpectedFieldName,
    /// A field the format does not have.
    UnknownField {
        /// The name in the file.
        found: String,
        /// The names allowed here.
        expected: Vec<String>,
    },
    /// A required field is absent.
    MissingField(String),
    /// A field given twice.
    DuplicateField(String),
    /// A keyword the format does not have (e.g. `Minimise`).
    UnknownVariant {
        /// The word in the file.
        found: String,
        /// The words allowed here.
        expected: Vec<String>,
    },
    /// A number too large or negative where a whole number is needed.
    NumberOutOfRange,
    /// Text after the end of the scenario.
    TrailingText,
    /// A character that cannot start anything here.
    UnexpectedChar(char),
    /// A backslash escape that RON does not know.
    BadEscape,
}

/// A CSV decision-matrix error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// The first header cell is not `alternative`.
    FirstHeader(String),
    /// A row with a different number of cells than the header.
    CellCount {
        /// Cells in the header.
        expected: usize,
        /// Cells in this row.
        found: usize,
    },
    /// A cell that should hold a number.
    BadNumber(String),
    /// NaN or infinity.
    NotFinite(String),
    /// An empty score cell.
    MissingValue,
    /// An empty weight cell.
    MissingWeight,
    /// A direction other than min or max.
    BadDirection(String),
    /// A required `#` row is absent.
    MissingRow(&'static str),
    /// A `#` row given twice.
    DuplicateRow(String),
    /// A `#` row the format does not have.
    UnknownRow(String),
    /// The CSV reader itself failed (in its words).
    Reader(String),
    /// A semicolon or tab file whose numbers use a decimal comma in one cell
    /// and a decimal point in another (this cell disagrees with `other`).
    MixedDecimal {
        /// This cell as written.
        cell: String,
        /// The first cell that set the other decimal mark, as written.
        other: String,
        /// Where that cell is (line, column).
        other_at: (usize, usize),
    },
    /// A semicolon or tab file where every number with a mark could be read
    /// with a decimal comma or a decimal point (e.g. only "1.250").
    AmbiguousDecimal(String),
}

/// What went wrong while loading.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadErrorKind {
    /// The file could not be read.
    Io(IoProblem),
    /// The bytes are not UTF-8.
    NotUtf8,
    /// The file holds nothing (or only blanks and comments).
    Empty,
    /// The file is larger than [`super::limits::MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// Too many options or criteria.
    TooMany {
        /// What was counted.
        what: Counted,
        /// How many the file has (at least).
        found: usize,
        /// The most accepted.
        limit: usize,
    },
    /// Brackets nested deeper than any scenario needs.
    TooDeep,
    /// The file was written by a newer version of Tradeoff.
    NewerFormat {
        /// The file's format_version.
        found: u64,
        /// The newest this program knows.
        supported: u32,
    },
    /// A format_version that no Tradeoff ever wrote (0).
    UnknownFormat(u64),
    /// The file does not say its format_version.
    MissingVersion,
    /// A field (`groups`, `value_function`) that an older format_version
    /// does not have: the file must say `format_version: 3`.
    NeedsNewerFormat {
        /// The field as written.
        field: &'static str,
        /// The file's format_version.
        found: u64,
        /// The version that introduced the field.
        needed: u32,
    },
    /// A RON syntax or type error.
    Ron(RonProblem),
    /// A CSV error.
    Csv(CsvProblem),
    /// A parser error with no plain translation (parser's own words).
    Syntax(String),
}

/// A load failure, located in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// File name as given by the user.
    pub file: String,
    /// 1-based line (0 when the file could not be read at all).
    pub line: usize,
    /// 1-based column in characters (0 when unknown).
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
        Self::at(file, 0, 0, LoadErrorKind::Io(IoProblem::from_io(e)))
    }

    /// The bytes are not UTF-8; points at the first bad byte.
    pub fn not_utf8(file: &str, bytes: &[u8], e: &std::str::Utf8Error) -> Self {
        let upto = &bytes[..e.valid_up_to()];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let last_line = upto.rsplit(|b| *b == b'\n').next().unwrap_or(upto);
        let column = String::from_utf8_lossy(last_line).chars().count() + 1;
        Self::at(file, line, column, LoadErrorKind::NotUtf8)
    }

    /// The explanation alone, in `lang`, without the file position.
    pub fn detail(&self, lang: Lang) -> String {
        kind_message(&self.kind, lang)
    }

    /// The message in `lang`, starting with `file:line:column:`.
    pub fn message(&self, lang: Lang) -> String {
        let detail = self.detail(lang);
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

/// "`a`, `b` or `c`" in `lang`.
fn one_of(names: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => tr!(lang, "load.list_or", items = init.join(", "), last = last),
    }
}

fn expected_message(e: &Expected, lang: Lang) -> String {
    match e {
        Expected::Number => tr!(lang, "load.expect.number"),
        Expected::WholeNumber => tr!(lang, "load.expect.whole_number"),
        Expected::Text => tr!(lang, "load.expect.text"),
        Expected::Bool => tr!(lang, "load.expect.bool"),
        Expected::List => tr!(lang, "load.expect.list"),
        Expected::Map => tr!(lang, "load.expect.map"),
        Expected::Group => tr!(lang, "load.expect.group"),
        Expected::Other(s) => s.clone(),
    }
}

fn found_message(f: &Found, lang: Lang) -> String {
    match f {
        Found::Number(n) => tr!(lang, "load.found.number", value = n),
        Found::Text(t) => tr!(lang, "load.found.text", value = t),
        Found::Bool(b) => tr!(lang, "load.found.bool", value = b),
        Found::List => tr!(lang, "load.found.list"),
        Found::Map => tr!(lang, "load.found.map"),
        Found::Other(s) => s.clone(),
    }
}

fn ron_message(p: &RonProblem, lang: Lang) -> String {
    use RonProblem as R;
    match p {
        R::EndsTooEarly => tr!(lang, "load.ron.ends_too_early"),
        R::UnclosedString => tr!(lang, "load.ron.unclosed_string"),
        R::UnclosedComment => tr!(lang, "load.ron.unclosed_comment"),
        R::WrongType {
            expected,
            found: None,
        } => tr!(
            lang,
            "load.ron.expected",
            expected = expected_message(expected, lang)
        ),
        R::WrongType {
            expected,
            found: Some(found),
        } => tr!(
            lang,
            "load.ron.expected_found",
            expected = expected_message(expected, lang),
            found = found_message(found, lang)
        ),
        R::MissingComma => tr!(lang, "load.ron.missing_comma"),
        R::MissingColon => tr!(lang, "load.ron.missing_colon"),
        R::ExpectedClose(c) => tr!(lang, "load.ron.expected_close", bracket = c),
        R::ExpectedFieldName => tr!(lang, "load.ron.expected_field_name"),
        R::UnknownField { found, expected } => tr!(
            lang,
            "load.ron.unknown_field",
            found = found,
            expected = one_of(expected, lang)
        ),
        R::MissingField(field) => tr!(lang, "load.ron.missing_field", field = field),
        R::DuplicateField(field) => tr!(lang, "load.ron.duplicate_field", field = field),
        R::UnknownVariant { found, expected } => tr!(
            lang,
            "load.ron.unknown_variant",
            found = found,
            expected = one_of(expected, lang)
        ),
        R::NumberOutOfRange => tr!(lang, "load.ron.number_out_of_range"),
        R::TrailingText => tr!(lang, "load.ron.trailing_text"),
        R::UnexpectedChar(c) => tr!(lang, "load.ron.unexpected_char", char = c),
        R::BadEscape => tr!(lang, "load.ron.bad_escape"),
    }
}

fn csv_message(p: &CsvProblem, lang: Lang) -> String {
    use CsvProblem as C;
    match p {
        C::FirstHeader(found) => tr!(lang, "load.csv.first_header", found = found),
        C::CellCount { expected, found } => tr!(
            lang,
            "load.csv.cell_count",
            expected = expected,
            found = found
        ),
        C::BadNumber(cell) => tr!(lang, "load.csv.bad_number", cell = cell),
        C::NotFinite(cell) => tr!(lang, "load.csv.not_finite", cell = cell),
        C::MissingValue => tr!(lang, "load.csv.missing_value"),
        C::MissingWeight => tr!(lang, "load.csv.missing_weight"),
        C::BadDirection(cell) => tr!(lang, "load.csv.bad_direction", cell = cell),
        C::MissingRow(row) => tr!(lang, "load.csv.missing_row", row = row),
        C::DuplicateRow(row) => tr!(lang, "load.csv.duplicate_row", row = row),
        C::UnknownRow(row) => tr!(lang, "load.csv.unknown_row", row = row),
        C::Reader(e) => tr!(lang, "load.csv.reader", error = e),
        C::MixedDecimal {
            cell,
            other,
            other_at: (line, column),
        } => tr!(
            lang,
            "load.csv.mixed_decimal",
            cell = cell,
            other = other,
            line = line,
            column = column
        ),
        C::AmbiguousDecimal(cell) => tr!(lang, "load.csv.ambiguous_decimal", cell = cell),
    }
}

fn kind_message(kind: &LoadErrorKind, lang: Lang) -> String {
    use LoadErrorKind as K;
    match kind {
        K::Io(IoProblem::NotFound) => tr!(lang, "load.io.not_found"),
        K::Io(IoProblem::PermissionDenied) => tr!(lang, "load.io.permission"),
        K::Io(IoProblem::IsFolder) => tr!(lang, "load.io.is_folder"),
        K::Io(IoProblem::Other(e)) => tr!(lang, "load.io", error = e),
        K::NotUtf8 => tr!(lang, "load.not_utf8"),
        K::NeedsNewerFormat {
            field,
            found,
            needed,
        } => tr!(
            lang,
            "load.needs_newer_format",
            field = field,
            found = found,
            needed = needed
        ),
        K::Empty => tr!(lang, "load.empty"),
        K::TooLarge { bytes, limit } => tr!(
            lang,
            "load.too_large",
            size = crate::i18n::num(*bytes as f64 / 1_048_576.0, 1, lang),
            limit = crate::i18n::num(*limit as f64 / 1_048_576.0, 0, lang)
        ),
        K::TooMany {
            what: Counted::Options,
            found,
            limit,
        } => tr!(lang, "load.too_many_options", found = found, limit = limit),
        K::TooMany {
            what: Counted::Criteria,
            found,
            limit,
        } => tr!(lang, "load.too_many_criteria", found = found, limit = limit),
        K::TooMany {
            what: Counted::Scores,
            found,
            limit,
        } => tr!(lang, "load.too_many_scores", found = found, limit = limit),
        K::TooDeep => tr!(lang, "load.too_deep"),
        K::NewerFormat { found, supported } => tr!(
            lang,
            "load.newer_format",
            found = found,
            supported = supported
        ),
        K::UnknownFormat(found) => tr!(
            lang,
            "load.unknown_format",
            found = found,
            supported = crate::model::FORMAT_VERSION
        ),
        K::MissingVersion => tr!(
            lang,
            "load.missing_version",
            supported = crate::model::FORMAT_VERSION
        ),
        K::Ron(p) => ron_message(p, lang),
        K::Csv(p) => csv_message(p, lang),
        K::Syntax(e) => tr!(lang, "load.syntax", error = e),
    }
}

/// Why a save failed. In every case the file on disk is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveErrorKind {
    /// The folder to save into no longer exists.
    FolderMissing,
    /// Something in the folder path is a file, not a folder.
    ParentNotFolder,
    /// The target path is itself a folder.
    TargetIsFolder,
    /// The folder or file is read-only (or access is denied).
    ReadOnly,
    /// No space left on the disk.
    DiskFull,
    /// Anything else, with the system's own words.
    Other(String),
    /// The scenario could not be written as text (parser's words).
    Serialise(String),
    /// A CSV decision matrix cannot hold the value tree (`groups`).
    CsvCannotHoldGroups,
    /// A CSV decision matrix cannot hold this criterion's value function
    /// (its English name).
    CsvCannotHoldValueFunction(String),
}

impl SaveErrorKind {
    /// Classifies a system error.
    pub fn from_io(e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => SaveErrorKind::FolderMissing,
            K::NotADirectory => SaveErrorKind::ParentNotFolder,
            K::IsADirectory => SaveErrorKind::TargetIsFolder,
            K::PermissionDenied | K::ReadOnlyFilesystem => SaveErrorKind::ReadOnly,
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => SaveErrorKind::DiskFull,
            _ => SaveErrorKind::Other(e.to_string()),
        }
    }
}

/// A save failure. The file on disk is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    /// Target file as given.
    pub file: String,
    /// What went wrong.
    pub kind: SaveErrorKind,
}

impl SaveError {
    /// A save error for `file`.
    pub fn new(file: &str, kind: SaveErrorKind) -> Self {
        SaveError {
            file: file.to_string(),
            kind,
        }
    }

    /// The message in `lang`, starting with the file name.
    pub fn message(&self, lang: Lang) -> String {
        use SaveErrorKind as K;
        let detail = match &self.kind {
            K::FolderMissing => tr!(lang, "save.folder_missing"),
            K::ParentNotFolder => tr!(lang, "save.parent_not_folder"),
            K::TargetIsFolder => tr!(lang, "save.target_is_folder"),
            K::ReadOnly => tr!(lang, "save.read_only"),
            K::DiskFull => tr!(lang, "save.disk_full"),
            K::Other(e) => tr!(lang, "save.other", error = e),
            K::Serialise(e) => tr!(lang, "save.serialise", error = e),
            K::CsvCannotHoldGroups => tr!(lang, "save.csv_groups"),
            K::CsvCannotHoldValueFunction(c) => {
                tr!(lang, "save.csv_value_function", criterion = c)
            }
        };
        format!("{}: {detail}", self.file)
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SaveError {}
