//! Size limits that keep hostile or mistaken files from hanging the program
//! or exhausting memory. Each has a clear error (`LoadErrorKind::TooLarge`,
//! `TooMany`, `TooDeep`).

/// Largest file read, checked before reading (50 MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Most options (alternatives) in one scenario.
pub const MAX_OPTIONS: usize = 10_000;
/// Most criteria in one scenario.
pub const MAX_CRITERIA: usize = 1_000;
/// Deepest bracket nesting the RON parser follows. A scenario needs about
/// six levels; the limit keeps recursion far from the stack's end.
pub const MAX_NESTING: usize = 64;
/// Most scores (options × criteria) in one matrix: bounds memory for files
/// that stay within the other limits.
pub const MAX_SCORES: usize = 1_000_000;
