//! CSV decision matrices (design.md §3): import and export.
//!
//! Accepts what spreadsheets write: a UTF-8 byte-order mark, CRLF line
//! ends, and semicolon- or tab-separated files (the separator is detected
//! from the header line).
//!
//! Decimal mark. A comma-separated file uses the decimal point. In a
//! semicolon or tab file the mark is decided from every number cell of the
//! file (see [`decimal_mark`]): a cell with a comma votes for the decimal
//! comma, one with a point for the decimal point; spaces (also no-break and
//! narrow no-break) group thousands. "1.250" or "1,250" alone (one to three
//! digits, the mark, three digits) could be a thousands group, so it only
//! counts when another cell settles the mark. Cells that disagree, or a file
//! whose only evidence is such a cell, are refused with the cell named: a
//! number is never read as another.

use super::error::{Counted, CsvProblem, LoadError, LoadErrorKind, SaveError, SaveErrorKind};
use super::limits::{MAX_CRITERIA, MAX_OPTIONS, MAX_SCORES};
use super::outline::Pos;
use crate::model::{
    Alternative, Criterion, Direction, FORMAT_VERSION, Preference, Scenario, Score, Text,
    WeightProfile,
};
use std::collections::HashMap;

/// Where a record starts in the text.
#[derive(Debug, Clone, Copy)]
struct RecordRef {
    byte: usize,
    line: usize,
}

/// Where the rows of a parsed matrix are, for pointing problems at cells.
#[derive(Debug, Clone)]
pub struct Layout<'a> {
    text: &'a str,
    delimiter: u8,
    header: RecordRef,
    specials: Vec<(String, RecordRef)>,
    options: Vec<RecordRef>,
}

impl Layout<'_> {
    fn cell(&self, record: RecordRef, j: usize) -> Option<Pos> {
        let cells = raw_cells(self.text, record, self.delimiter);
        cells.get(j).or(cells.last()).map(|c| c.pos)
    }

    /// Cell `j` of the header row.
    pub fn header(&self, j: usize) -> Option<Pos> {
        self.cell(self.header, j)
    }

    /// Cell `j` of a `#` row such as `#weight`.
    pub fn special(&self, name: &str, j: usize) -> Option<Pos> {
        let (_, record) = self.specials.iter().find(|(n, _)| n == name)?;
        self.cell(*record, j)
    }

    /// Cell `j` of the i-th option row.
    pub fn option(&self, i: usize, j: usize) -> Option<Pos> {
        self.cell(*self.options.get(i)?, j)
    }
}

/// One cell as written: where it starts and whether it is in quotes.
#[derive(Debug, Clone, Copy)]
struct RawCell {
    pos: Pos,
    quoted: bool,
}

/// Where a record really starts: after CRLF line ends the reader may place
/// it on the line end before it.
fn record_start(text: &str, byte: usize, line: usize) -> RecordRef {
    let mut at = RecordRef { byte, line };
    while let Some(c) = text.get(at.byte..).and_then(|t| t.chars().next()) {
        match c {
            '\n' => at.line += 1,
            '\r' => {}
            _ => break,
        }
        at.byte += 1;
    }
    at
}

/// Scans one record of the raw text for its cells' positions.
fn raw_cells(text: &str, record: RecordRef, delimiter: u8) -> Vec<RawCell> {
    let Some(rest) = text.get(record.byte..) else {
        return Vec::new();
    };
    let line_start = text[..record.byte].rfind('\n').map_or(0, |i| i + 1);
    let mut pos = Pos {
        line: record.line,
        column: text[line_start..record.byte].chars().count() + 1,
    };
    let delimiter = char::from(delimiter);
    let mut cells = Vec::new();
    let mut at_cell_start = true;
    let mut in_quotes = false;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if at_cell_start {
            if c == ' ' || c == '\t' && delimiter != '\t' {
                pos.column += 1;
                continue;
            }
            cells.push(RawCell {
                pos,
                quoted: c == '"',
            });
            at_cell_start = false;
            in_quotes = c == '"';
            if c == '"' {
                pos.column += 1;
                continue;
            }
        }
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    pos.column += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if c == delimiter {
            at_cell_start = true;
        } else if c == '\n' || c == '\r' {
            break;
        }
        if c == '\n' {
            pos.line += 1;
            pos.column = 1;
        } else {
            pos.column += 1;
        }
    }
    if at_cell_start {
        cells.push(RawCell { pos, quoted: false });
    }
    cells
}

/// The separator of the header line: `;` or tab when they outnumber commas.
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for c in header.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    if counts[2] > counts[0] && counts[2] > counts[1] {
        b'\t'
    } else if counts[1] > counts[0] {
        b';'
    } else {
        b','
    }
}

/// The decimal mark of a file's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decimal {
    /// Comma-separated file: decimal point, no grouping.
    Point,
    /// Semicolon or tab file read with a decimal point; spaces group digits.
    GroupedPoint,
    /// Semicolon or tab file read with a decimal comma; spaces group digits.
    Comma,
}

/// Reads a number as spreadsheets write it, with the file's decimal mark.
fn number(cell: &str, decimal: Decimal) -> Result<f64, CsvProblem> {
    let s = cell.trim();
    let is_space = |c: &char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let cleaned: String = match decimal {
        Decimal::Point => s.to_string(),
        Decimal::GroupedPoint if s.contains(',') => return Err(CsvProblem::BadNumber(s.into())),
        Decimal::GroupedPoint => s.chars().filter(|c| !is_space(c)).collect(),
        Decimal::Comma if s.contains('.') => return Err(CsvProblem::BadNumber(s.into())),
        Decimal::Comma => s
            .chars()
            .filter(|c| !is_space(c))
            .map(|c| if c == ',' { '.' } else { c })
            .collect(),
    };
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(CsvProblem::NotFinite(s.to_string())),
        Err(_) => Err(CsvProblem::BadNumber(s.to_string())),
    }
}

/// What one number cell says about the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vote {
    /// A single mark that can only be decimal (b',' or b'.').
    Decimal(u8),
    /// A single mark between a group of 1–3 digits (not starting with 0) and
    /// exactly three digits: a decimal or a thousands separator.
    Either(u8),
}

/// The vote of a cell, or None when it has no mark (or is not a number at
/// all: that error is reported when the cell is read).
fn vote(cell: &str) -> Option<Vote> {
    let s = cell
        .trim()
        .trim_start_matches(['-', '+'])
        .replace([' ', '\u{a0}', '\u{202f}'], "");
    let mark = match (s.matches(',').count(), s.matches('.').count()) {
        (1, 0) => b',',
        (0, 1) => b'.',
        _ => return None,
    };
    let (int, frac) = s.split_once(char::from(mark))?;
    let grouped = (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.len() == 3
        && frac.chars().all(|c| c.is_ascii_digit());
    Some(if grouped {
        Vote::Either(mark)
    } else {
        Vote::Decimal(mark)
    })
}

/// A number cell as written and where it is.
type Seen = (String, Pos);

/// Decides the decimal mark of a semicolon or tab file from all its number
/// cells (every row after the header but `#direction`, every column after
/// the first). The error names the cell that cannot be read safely.
fn decimal_mark(text: &str, delimiter: u8, label: &str) -> Result<Decimal, LoadError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut seen_header = false;
    // First cell of each kind, for the comma [0] and the point [1].
    let mut decimal: [Option<Seen>; 2] = [None, None];
    let mut either: [Option<Seen>; 2] = [None, None];
    let mut record = ::csv::StringRecord::new();
    // Reader errors are reported by the main pass.
    while let Ok(true) = reader.read_record(&mut record) {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if !seen_header {
            seen_header = true;
            continue;
        }
        if record
            .get(0)
            .is_some_and(|c| c.trim().eq_ignore_ascii_case("#direction"))
        {
            continue;
        }
        let Some(position) = record.position() else {
            continue;
        };
        let at = record_start(text, position.byte() as usize, position.line() as usize);
        let mut raw: Option<Vec<RawCell>> = None;
        for (j, cell) in record.iter().enumerate().skip(1) {
            let Some(v) = vote(cell) else { continue };
            let (mark, slot) = match v {
                Vote::Decimal(mark) => (mark, &mut decimal),
                Vote::Either(mark) => (mark, &mut either),
            };
            let slot = &mut slot[usize::from(mark == b'.')];
            if slot.is_none() {
                let pos = raw
                    .get_or_insert_with(|| raw_cells(text, at, delimiter))
                    .get(j)
                    .map_or(
                        Pos {
                            line: at.line,
                            column: 1,
                        },
                        |c| c.pos,
                    );
                *slot = Some((cell.trim().to_string(), pos));
            }
        }
    }
    let csv_error = |(_, pos): &Seen, problem| {
        LoadError::at(label, pos.line, pos.column, LoadErrorKind::Csv(problem))
    };
    let mixed = |a: &Seen, b: &Seen| {
        // Point at the later cell; name the earlier one.
        let (first, later) = if (a.1.line, a.1.column) <= (b.1.line, b.1.column) {
            (a, b)
        } else {
            (b, a)
        };
        csv_error(
            later,
            CsvProblem::MixedDecimal {
                cell: later.0.clone(),
                other: first.0.clone(),
                other_at: (first.1.line, first.1.column),
            },
        )
    };
    let [comma, point] = &decimal;
    let [comma_either, point_either] = &either;
    match (comma, point) {
        (Some(c), Some(p)) => Err(mixed(c, p)),
        (Some(c), None) => match point_either {
            Some(p) => Err(mixed(c, p)),
            None => Ok(Decimal::Comma),
        },
        (None, Some(p)) => match comma_either {
            Some(c) => Err(mixed(p, c)),
            None => Ok(Decimal::GroupedPoint),
        },
        (None, None) => match (comma_either, point_either) {
            (Some(c), Some(p)) => Err(mixed(c, p)),
            (Some(cell), None) | (None, Some(cell)) => Err(csv_error(
                cell,
                CsvProblem::AmbiguousDecimal(cell.0.clone()),
            )),
            // No mark anywhere: both readings give the same numbers.
            (None, None) => Ok(Decimal::Comma),
        },
    }
}

fn direction(cell: &str) -> Option<Direction> {
    match cell.trim().to_lowercase().as_str() {
        "min" | "minimize" | "minimise" | "minimum" => Some(Direction::Minimize),
        "max" | "maximize" | "maximise" | "maximum" => Some(Direction::Maximize),
        _ => None,
    }
}

/// The special rows a matrix may have.
const SPECIAL_ROWS: [&str; 3] = ["#direction", "#weight", "#veto"];

/// Parses a decision-matrix CSV into a scenario (ids are the names as written).
pub fn parse(text: &str, label: &str) -> Result<Scenario, LoadError> {
    parse_all(text, label).map_err(first)
}

/// Like [`parse`], but reports every cell error found (up to
/// [`MAX_REPORTED`]), in file order, instead of only the first.
pub fn parse_all(text: &str, label: &str) -> Result<Scenario, Vec<LoadError>> {
    parse_with_layout(text, label).map(|(s, _)| s)
}

/// Most errors collected from one matrix before reading stops.
pub const MAX_REPORTED: usize = 50;

fn first(errors: Vec<LoadError>) -> LoadError {
    // parse_with_layout never fails with an empty list; stay safe anyway.
    errors
        .into_iter()
        .next()
        .unwrap_or_else(|| LoadError::at("", 1, 1, LoadErrorKind::Empty))
}

/// Adds a final error to those collected.
fn and(mut errors: Vec<LoadError>, e: LoadError) -> Vec<LoadError> {
    errors.push(e);
    errors
}

/// Where the rows and cells of a matrix are (for locating problems).
pub fn layout(text: &str) -> Result<Layout<'_>, LoadError> {
    parse_with_layout(text, "").map(|(_, l)| l).map_err(first)
}

fn parse_with_layout<'a>(
    text: &'a str,
    label: &str,
) -> Result<(Scenario, Layout<'a>), Vec<LoadError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fail = |pos: Pos, kind: LoadErrorKind| LoadError::at(label, pos.line, pos.column, kind);
    let csv_fail = |pos: Pos, p: CsvProblem| fail(pos, LoadErrorKind::Csv(p));
    if text.trim().is_empty() {
        return Err(vec![fail(Pos::START, LoadErrorKind::Empty)]);
    }
    let mut errors: Vec<LoadError> = Vec::new();
    let delimiter = detect_delimiter(text);
    let decimal = if delimiter == b',' {
        Decimal::Point
    } else {
        decimal_mark(text, delimiter, label).map_err(|e| vec![e])?
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());

    let mut names: Vec<String> = Vec::new();
    let mut header: Option<RecordRef> = None;
    let mut directions: Option<Vec<Direction>> = None;
    let mut weights: Option<Vec<f64>> = None;
    let mut vetoes: Option<Vec<Option<f64>>> = None;
    let mut specials: Vec<(String, RecordRef)> = Vec::new();
    let mut option_rows: Vec<RecordRef> = Vec::new();
    let mut rows: Vec<(String, Vec<f64>)> = Vec::new();
    let mut record = ::csv::StringRecord::new();
    while errors.len() < MAX_REPORTED {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let pos = e.position().map_or(Pos::START, |p| Pos {
                    line: p.line() as usize,
                    column: 1,
                });
                return Err(and(
                    errors,
                    csv_fail(pos, CsvProblem::Reader(e.to_string())),
                ));
            }
        }
        let Some(position) = record.position() else {
            continue;
        };
        let at = record_start(text, position.byte() as usize, position.line() as usize);
        let raw = raw_cells(text, at, delimiter);
        let cell_pos = |j: usize| {
            raw.get(j).or(raw.last()).map_or(
                Pos {
                    line: at.line,
                    column: 1,
                },
                |c| c.pos,
            )
        };
        let cells: Vec<&str> = record
            .iter()
            .enumerate()
            .map(|(j, c)| {
                if raw.get(j).is_some_and(|r| r.quoted) {
                    c
                } else {
                    c.trim()
                }
            })
            .collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let Some(_) = header else {
            if !cells[0].eq_ignore_ascii_case("alternative") {
                return Err(and(
                    errors,
                    csv_fail(cell_pos(0), CsvProblem::FirstHeader(cells[0].into())),
                ));
            }
            if cells.len() - 1 > MAX_CRITERIA {
                return Err(and(
                    errors,
                    fail(
                        cell_pos(MAX_CRITERIA + 1),
                        LoadErrorKind::TooMany {
                            what: Counted::Criteria,
                            found: cells.len() - 1,
                            limit: MAX_CRITERIA,
                        },
                    ),
                ));
            }
            names = cells[1..].iter().map(|c| c.to_string()).collect();
            header = Some(at);
            continue;
        };
        let n = names.len() + 1;
        let count_error = |j| {
            csv_fail(
                cell_pos(j),
                CsvProblem::CellCount {
                    expected: n,
                    found: cells.len(),
                },
            )
        };
        if cells.len() < n {
            errors.push(count_error(cells.len()));
            continue;
        }
        if let Some(extra) = (n..cells.len()).find(|&j| !cells[j].is_empty()) {
            errors.push(count_error(extra));
            continue;
        }
        let first_quoted = raw.first().is_some_and(|r| r.quoted);
        let values = &cells[1..n];
        // Reads a number cell, noting the error and going on with 0.
        let read = |j: usize, cell: &str, errors: &mut Vec<LoadError>| {
            number(cell, decimal).unwrap_or_else(|p| {
                errors.push(csv_fail(cell_pos(j), p));
                0.0
            })
        };
        if !first_quoted && cells[0].starts_with('#') {
            let name = cells[0].to_lowercase();
            if !SPECIAL_ROWS.contains(&name.as_str()) {
                errors.push(csv_fail(
                    cell_pos(0),
                    CsvProblem::UnknownRow(cells[0].into()),
                ));
                continue;
            }
            if specials.iter().any(|(s, _)| *s == name) {
                errors.push(csv_fail(cell_pos(0), CsvProblem::DuplicateRow(name)));
                continue;
            }
            match name.as_str() {
                "#direction" => {
                    let mut out = Vec::with_capacity(values.len());
                    for (j, cell) in values.iter().enumerate() {
                        out.push(direction(cell).unwrap_or_else(|| {
                            errors.push(csv_fail(
                                cell_pos(j + 1),
                                CsvProblem::BadDirection(cell.to_string()),
                            ));
                            Direction::Maximize
                        }));
                    }
                    directions = Some(out);
                }
                "#weight" => {
                    let mut out = Vec::with_capacity(values.len());
                    for (j, cell) in values.iter().enumerate() {
                        if cell.is_empty() {
                            errors.push(csv_fail(cell_pos(j + 1), CsvProblem::MissingWeight));
                            out.push(0.0);
                        } else {
                            out.push(read(j + 1, cell, &mut errors));
                        }
                    }
                    weights = Some(out);
                }
                _ => {
                    let mut out = Vec::with_capacity(values.len());
                    for (j, cell) in values.iter().enumerate() {
                        out.push((!cell.is_empty()).then(|| read(j + 1, cell, &mut errors)));
                    }
                    vetoes = Some(out);
                }
            }
            specials.push((name, at));
            continue;
        }
        let too_many = if rows.len() >= MAX_OPTIONS {
            Some((Counted::Options, rows.len() + 1, MAX_OPTIONS))
        } else if (rows.len() + 1) * names.len() > MAX_SCORES {
            Some((Counted::Scores, (rows.len() + 1) * names.len(), MAX_SCORES))
        } else {
            None
        };
        if let Some((what, found, limit)) = too_many {
            return Err(and(
                errors,
                fail(cell_pos(0), LoadErrorKind::TooMany { what, found, limit }),
            ));
        }
        let mut out = Vec::with_capacity(values.len());
        for (j, cell) in values.iter().enumerate() {
            if cell.is_empty() {
                errors.push(csv_fail(cell_pos(j + 1), CsvProblem::MissingValue));
                out.push(0.0);
            } else {
                out.push(read(j + 1, cell, &mut errors));
            }
        }
        rows.push((cells[0].to_string(), out));
        option_rows.push(at);
    }
    let Some(header) = header else {
        return Err(and(errors, fail(Pos::START, LoadErrorKind::Empty)));
    };
    let below_header = Pos {
        line: header.line + 1,
        column: 1,
    };
    for (row, present) in [
        ("#direction", directions.is_some()),
        ("#weight", weights.is_some()),
    ] {
        // A missing row is often a misspelt one, already reported as unknown.
        if !present && errors.is_empty() {
            errors.push(csv_fail(below_header, CsvProblem::MissingRow(row)));
        }
    }
    errors.sort_by_key(|e| (e.line, e.column));
    let (Some(directions), Some(weights), true) = (directions, weights, errors.is_empty()) else {
        return Err(errors);
    };
    let vetoes = vetoes.unwrap_or_else(|| vec![None; names.len()]);

    let stem = std::path::Path::new(label)
        .file_stem()
        .map_or_else(|| label.to_string(), |s| s.to_string_lossy().into_owned());
    let mut scenario = Scenario::empty(Text::new(stem));
    scenario.format_version = FORMAT_VERSION;
    scenario.criteria = names
        .iter()
        .enumerate()
        .map(|(j, n)| Criterion {
            id: n.clone(),
            name: Text::new(n.clone()),
            description: Text::default(),
            direction: directions[j],
            unit: Text::default(),
            scale: None,
            veto: vetoes[j],
            preference: Preference::Usual,
            value_function: None,
        })
        .collect();
    scenario.scores.reserve(rows.len() * names.len());
    for (name, values) in rows {
        for (j, v) in values.into_iter().enumerate() {
            scenario.scores.push(Score {
                alternative: name.clone(),
                criterion: names[j].clone(),
                value: v,
                low: None,
                high: None,
                rationale: Text::default(),
                sources: Vec::new(),
                illustrative: false,
            });
        }
        scenario.alternatives.push(Alternative {
            id: name.clone(),
            name: Text::new(name),
            description: Text::default(),
            needs: Default::default(),
        });
    }
    let mut profile = WeightProfile::new("default", Text::bilingual("Default", "Par défaut"));
    profile.weights = names.iter().cloned().zip(weights).collect();
    scenario.profiles = vec![profile];
    let layout = Layout {
        text,
        delimiter,
        header,
        specials,
        options: option_rows,
    };
    Ok((scenario, layout))
}

/// Quotes a cell when a reader would otherwise misread it.
fn cell(s: &str, first_column: bool) -> String {
    let risky = s.is_empty() && first_column
        || s.contains([',', '"', '\n', '\r', ';', '\t'])
        || s.trim() != s
        || first_column && s.starts_with('#');
    if risky {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number written so that it reads back exactly.
fn write_number(x: f64) -> String {
    let a = x.abs();
    if a != 0.0 && !(1e-6..1e16).contains(&a) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// Writes `scenario` as a decision-matrix CSV with the weights of `profile`
/// (None: the active profile). Names are written in English; a missing
/// score leaves its cell empty. A scenario with a value tree or value
/// functions is refused (the error has no file name yet): a matrix cannot
/// hold them, and writing it without them would change the results.
pub fn to_csv(scenario: &Scenario, profile: Option<&str>) -> Result<String, SaveError> {
    if !scenario.groups.is_empty() {
        return Err(SaveError::new("", SaveErrorKind::CsvCannotHoldGroups));
    }
    if let Some(c) = scenario
        .criteria
        .iter()
        .find(|c| c.value_function.is_some())
    {
        return Err(SaveError::new(
            "",
            SaveErrorKind::CsvCannotHoldValueFunction(c.name.en.clone()),
        ));
    }
    let mut out = String::from("alternative");
    for c in &scenario.criteria {
        out.push(',');
        out.push_str(&cell(&c.name.en, false));
    }
    out.push_str("\n#direction");
    for c in &scenario.criteria {
        out.push(',');
        out.push_str(c.direction.short());
    }
    let profile = profile
        .and_then(|p| scenario.profile(p))
        .or(scenario.active());
    out.push_str("\n#weight");
    for c in &scenario.criteria {
        out.push(',');
        out.push_str(&write_number(profile.map_or(0.0, |p| p.weight(&c.id))));
    }
    if scenario.criteria.iter().any(|c| c.veto.is_some()) {
        out.push_str("\n#veto");
        for c in &scenario.criteria {
            out.push(',');
            if let Some(v) = c.veto {
                out.push_str(&write_number(v));
            }
        }
    }
    let mut values: HashMap<(&str, &str), f64> = HashMap::with_capacity(scenario.scores.len());
    for s in &scenario.scores {
        values
            .entry((s.alternative.as_str(), s.criterion.as_str()))
            .or_insert(s.value);
    }
    for a in &scenario.alternatives {
        out.push('\n');
        out.push_str(&cell(&a.name.en, true));
        for c in &scenario.criteria {
            out.push(',');
            if let Some(v) = values.get(&(a.id.as_str(), c.id.as_str()))
                && v.is_finite()
            {
                out.push_str(&write_number(*v));
            }
        }
    }
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    const DEPLOYMENTS: &str = "alternative,Risk,Cost,Local impact\n#direction,min,min,max\n#weight,0.4,0.3,0.3\nMali,8,450,7\nCAR,6,300,6\n";

    #[test]
    fn reads_the_design_example() {
        let s = parse(DEPLOYMENTS, "deployments.csv").expect("parses");
        assert_eq!(s.criteria.len(), 3);
        assert_eq!(s.criteria[0].direction, Direction::Minimize);
        assert_eq!(s.score("CAR", "Cost").map(|x| x.value), Some(300.0));
        assert_eq!(s.profiles[0].weight("Local impact"), 0.3);
        assert_eq!(s.title.en, "deployments");
    }

    #[test]
    fn french_export_with_bom_crlf_semicolons_and_decimal_commas() {
        let text = "\u{feff}alternative;Risque;Coût\r\n#direction;min;min\r\n#weight;0,4;0,6\r\n\"Mali; nord\";8,5;1 250,75\r\n";
        let s = parse(text, "fr.csv").expect("parses");
        assert_eq!(s.alternatives[0].id, "Mali; nord");
        assert_eq!(s.score("Mali; nord", "Risque").map(|x| x.value), Some(8.5));
        assert_eq!(
            s.score("Mali; nord", "Coût").map(|x| x.value),
            Some(1250.75)
        );
        assert_eq!(s.profiles[0].weight("Risque"), 0.4);
    }

    #[test]
    fn bad_number_is_located_at_its_cell() {
        let text = DEPLOYMENTS.replace("CAR,6,300", "CAR,6,lots");
        let e = parse(&text, "d.csv").expect_err("bad number");
        assert_eq!((e.line, e.column), (5, 7));
        assert_eq!(e.message(Lang::En), "d.csv:5:7: `lots` is not a number");
        assert_eq!(
            e.message(Lang::Fr),
            "d.csv:5:7: « lots » n'est pas un nombre"
        );
    }

    #[test]
    fn every_bad_cell_is_reported_at_once() {
        let text = "alternative,A,B\n#direction,min,sideways\n#weight,1,x\nP,1,NaN\nQ,,2\nR,1\n";
        let errors = parse_all(text, "m.csv").expect_err("bad cells");
        let at: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(at, [(2, 16), (3, 11), (4, 5), (5, 3), (6, 3)]);
        assert!(errors[0].message(Lang::En).contains("not `sideways`"));
        assert!(errors[4].message(Lang::En).contains("this row has 2 cells"));
        let one = parse(text, "m.csv").expect_err("first");
        assert_eq!(one, errors[0]);
    }

    #[test]
    fn export_round_trips() {
        let s = parse(DEPLOYMENTS, "d.csv").expect("parses");
        let again = parse(&to_csv(&s, None).expect("flat"), "d.csv").expect("reparses");
        assert_eq!(s, again);
    }
}
