//! What the app does with a scenario that needs no window (no egui, built
//! and tested without the `gui` feature): the weighting dialogs' models,
//! combined profiles and profile paths, and the background SMAA worker.

pub mod elicit;
pub mod profiles;
pub mod smaa_worker;
