//! Decision analysis: value scaling, the ranking methods, feasibility
//! (vetoes and caps), dominance, sensitivity, SMAA, weighting, packages,
//! value for money and the comparison of two scenarios. Pure functions of
//! their inputs (SMAA draws from a seeded generator); results are typed and
//! worded elsewhere (`report`), so this module depends on `model` alone.

pub mod by_group;
pub mod compare;
pub mod dominance;
pub mod evaluate;
pub mod feasibility;
pub mod frontier;
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
