//! The decision problem as data: criteria, options, evidenced scores, weight
//! profiles, resource caps and the value tree of groups, with the value
//! functions, bilingual text, the reading of typed numbers, a lookup index
//! and validation. No I/O, no GUI and no message catalogue live here
//! (problems are typed; `i18n` words them).

mod index;
pub mod number;
mod scenario;
mod text;
mod tree;
mod validate;
mod value_function;

pub use index::{ScenarioIndex, ScoreCells};
pub use scenario::*;
pub use text::{Lang, Text};
pub use tree::{Node, NodeShares, SkipReason, SkippedChild, ValueTree, normalise};
pub use validate::{Location, Problem, ProblemKind, Severity, has_errors, repeated_ids, validate};
pub use value_function::{ValueFunction, ValuePreset};
