//! The JSON documents of the command line (design.md §5) as typed structs,
//! one per command, built here and nowhere else; the CLI serialises them and
//! tests deserialise them back.
//!
//! Options and criteria are named by their English display names (with the
//! id beside them); the sentences (exclusion reasons, summaries) are in the
//! output language. Field order is the key order of the output: sorted, as
//! the contract has always printed it (the `frontier` document excepted,
//! which has kept its own order since it was first written).

mod diff;
mod frontier;
mod package;
mod rank;
mod sensitivity;
mod smaa;

pub use diff::*;
pub use frontier::*;
pub use package::*;
pub use rank::*;
pub use sensitivity::*;
pub use smaa::*;

use crate::analysis::Exclusion;
use crate::model::{Lang, Scenario};
use crate::report::exclusions::reasons;
use serde::{Deserialize, Serialize};

/// Display name (English) of a resource id, the id itself when unknown.
fn resource_name<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>, id: &str) -> String {
    scenarios
        .into_iter()
        .flat_map(|s| &s.resources)
        .find(|r| r.id == id)
        .map_or_else(|| id.to_string(), |r| r.name.en.clone())
}

/// An option excluded before the analysis, with every reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExcludedJson {
    /// Display name (English).
    pub alternative: String,
    /// Alternative id.
    pub id: String,
    /// Every reason, in the output language.
    pub reasons: Vec<String>,
}

impl ExcludedJson {
    /// One excluded option.
    pub fn new(scenario: &Scenario, exclusion: &Exclusion, lang: Lang) -> Self {
        ExcludedJson {
            alternative: scenario.alternative_name(&exclusion.alternative, Lang::En),
            id: exclusion.alternative.clone(),
            reasons: reasons(scenario, exclusion, lang),
        }
    }

    /// Every excluded option, in the order given.
    pub fn list(scenario: &Scenario, excluded: &[Exclusion], lang: Lang) -> Vec<Self> {
        excluded
            .iter()
            .map(|x| Self::new(scenario, x, lang))
            .collect()
    }
}
