//! The window driven headless with egui_kittest, one binary for every GUI test.
#![cfg(feature = "gui")]

mod gui_analyse;
mod gui_app;
mod gui_layout;
mod gui_present;
mod gui_semantics;
mod gui_snapshots;
mod gui_tree;
mod gui_tree_views;
mod gui_vfm;
mod soft_render;
