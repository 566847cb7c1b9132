//! Image snapshots of the main views (Analysis, Charts, Robustness) at
//! 1280 × 720 and 1920 × 1080 in English and French, drawn by the CPU
//! renderer in `soft_render` and compared with the PNGs checked in under
//! `tests/gui/snapshots/` (reviewed by eye). `UPDATE_SNAPSHOTS=1` rewrites them.

use crate::soft_render::{SoftRenderer, Textures, check_snapshot, render};
use egui_kittest::Harness;
use std::time::Duration;
use tradeoff::app::{AppState, Command, TradeoffApp, View, ViewCommand, setup_style};
use tradeoff::model::Lang;

fn harness(size: [f32; 2], lang: Lang) -> (Harness<'static, TradeoffApp>, Textures) {
    let app = TradeoffApp::new(AppState::with_default_scenario(lang), false);
    let (renderer, textures) = SoftRenderer::new();
    let mut h = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .with_max_steps(1_000)
        .with_context_setup(setup_style)
        .renderer(renderer)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run_steps(3);
    (h, textures)
}

/// Shows `view` and lets it settle (the Robustness view's SMAA runs on a
/// worker thread: wait until its result is in, so no spinner is drawn).
fn settle(h: &mut Harness<'_, TradeoffApp>, view: View) {
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(view)));
    for _ in 0..2_000 {
        h.step();
        let worker_busy = h
            .state()
            .robust
            .worker
            .as_ref()
            .is_some_and(|w| !w.is_fresh());
        if !worker_busy {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(4);
}

fn snapshot_views(size: [f32; 2], lang: Lang) {
    let (mut h, textures) = harness(size, lang);
    // The smallest SMAA run the view offers keeps the test quick.
    h.state_mut().robust.samples = tradeoff::app::robustness::SAMPLE_CHOICES[0];
    let mut failures = Vec::new();
    for view in [View::Analysis, View::Charts, View::Robustness] {
        settle(&mut h, view);
        let name = format!(
            "{}-{}x{}-{}",
            format!("{view:?}").to_lowercase(),
            size[0],
            size[1],
            lang.code()
        );
        if let Err(e) = check_snapshot(&name, &render(&h, &textures)) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn main_views_at_1280x720_in_english() {
    snapshot_views([1280.0, 720.0], Lang::En);
}

#[test]
fn main_views_at_1280x720_in_french() {
    snapshot_views([1280.0, 720.0], Lang::Fr);
}

#[test]
fn main_views_at_1920x1080_in_english() {
    snapshot_views([1920.0, 1080.0], Lang::En);
}

#[test]
fn main_views_at_1920x1080_in_french() {
    snapshot_views([1920.0, 1080.0], Lang::Fr);
}
