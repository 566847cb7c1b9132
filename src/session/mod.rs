//! What the app does with a scenario that needs no window (no egui, built
//! and tested without the `gui` feature): the weighting dialogs' models,
//! combined profiles and profile paths, the background workers behind the
//! Robustness view (SMAA, sensitivity sentences) and the export jobs.

pub mod elicit;
pub mod export_jobs;
pub mod findings_worker;
pub mod profiles;
pub mod smaa_worker;
