//! Engine, file, command-line and chart tests, one binary so the suite links once.

mod brief_pack;
mod charts_render;
mod charts_snapshots;
mod charts_support;
mod compare_canada;
mod compare_cli;
mod compare_edge;
mod compare_hand;
mod compare_props;
mod compare_self;
mod i18n_catalogue;
mod io_cli;
mod io_limits;
mod io_roundtrip;
mod io_save;
mod malformed;
mod methods_edge;
mod methods_sensitivity;
mod methods_weighting;
mod package_cli;
mod package_search;
mod reference;
mod scenarios;
mod smaa_cli;
mod smaa_engine;
mod smaa_sampler;
