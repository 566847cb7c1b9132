//! Decision analysis: value scaling, ranking methods, feasibility,
//! sensitivity, SMAA, weighting and comparison. Pure functions of their inputs.

pub mod compare;
pub mod dominance;
pub mod evaluate;
pub mod feasibility;
pub mod frontier;
pub mod frontier_text;
pub mod matrix;
pub mod methods;
pub mod node_contributions;
pub mod package;
pub mod ranking;
pub mod sensitivity;
pub mod smaa;
pub mod weighting;

pub use evaluate::{
    AnalysisError, Evaluation, Ranked, evaluate, evaluate_all_methods, evaluate_indexed,
    evaluate_methods, evaluate_profile, select_profile,
};
pub use feasibility::{Exclusion, Reason, exclusions};
pub use matrix::DecisionMatrix;
pub use methods::{Method, scaled_values, scores, scores_with_weights};
pub use ranking::{competition_ranks, is_tie};
