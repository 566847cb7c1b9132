//! The report layer: the results of an analysis as typed values and as
//! sentences, composed once per kind and per language, between `analysis`
//! and every face (the command line's text and JSON, the GUI's panels, the
//! briefing). `analysis` computes and never words; the faces lay out and
//! never compose a sentence about a result themselves.

pub mod compare;
pub mod exclusions;
pub mod findings;
pub mod frontier;
pub mod json;
pub mod messages;
pub mod package;
pub mod ranking;
pub mod sensitivity;
pub mod smaa;
pub mod stakeholders;
