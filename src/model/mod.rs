//! The decision problem as data: criteria, options, evidenced scores, weight
//! profiles and resource caps. No I/O and no GUI live here.

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
