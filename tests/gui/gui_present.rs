//! The presentation side of the window driven headless with egui_kittest:
//! chart tabs, exports, presentation mode (F5, arrows, Esc, live weights),
//! the Robustness view's SMAA off the UI thread, and the save conflict.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::time::Duration;
use tradeoff::app::state::{FileCommand, SaveConflictChoice, ViewCommand};
use tradeoff::app::{AppState, Command, TradeoffApp, View, setup_style};
use tradeoff::charts::ChartKind;
use tradeoff::model::Lang;

fn harness(lang: Lang) -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(AppState::with_default_scenario(lang), false);
    let mut h = Harness::builder()
        .with_size([1500.0, 940.0])
        .with_max_steps(1_000)
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run_steps(2);
    h
}

fn command(h: &mut Harness<'_, TradeoffApp>, c: Command) {
    h.state_mut().state.apply(c);
    h.run_steps(2);
}

/// Steps frames until `done` holds (the worker threads answer in real time).
fn wait(h: &mut Harness<'_, TradeoffApp>, done: impl Fn(&TradeoffApp) -> bool) {
    for _ in 0..3_000 {
        h.step();
        if done(h.state()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("timed out; banner: {:?}", h.state().state.view.banner);
}

#[test]
fn every_chart_tab_renders_and_the_waterfall_needs_a_comparison() {
    let mut h = harness(Lang::En);
    command(&mut h, Command::View(ViewCommand::Show(View::Charts)));
    assert!(
        h.query_by_label(&ChartKind::Waterfall.title(Lang::En))
            .is_none()
    );
    for kind in tradeoff::app::charts_tabs::available_kinds(false) {
        let before = h.state().charts_tabs.cache.renders;
        // The tab, not the chart image of the same name.
        h.get_by_role_and_label(Role::Button, &kind.title(Lang::En))
            .click();
        h.run_steps(2);
        assert_eq!(h.state().charts_tabs.kind, kind);
        let shown_first = kind == ChartKind::Ranking && before > 0;
        assert!(
            shown_first || h.state().charts_tabs.cache.renders > before,
            "{kind} drawn"
        );
    }
}

#[test]
fn export_chart_and_briefing_pack_write_files_off_the_ui_thread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(Lang::En);
    command(&mut h, Command::View(ViewCommand::Show(View::Charts)));
    h.get_by_label("Copy chart").click();
    h.run_steps(2);
    // Copied, or a plain message saying there is no clipboard here.
    assert!(h.state().state.view.banner.is_some());
    h.get_by_label("Export chart…").click();
    h.run_steps(4);
    // No native dialogs in tests: the typed-path dialog asks.
    h.get_by_role_and_label(Role::TextInput, "File path")
        .type_text(&dir.path().join("ranking").display().to_string());
    h.run_steps(2);
    h.get_by_label("OK").click();
    h.run_steps(2);
    wait(&mut h, |app| {
        app.state
            .view
            .banner
            .as_ref()
            .is_some_and(|b| b.text.starts_with("Exported"))
    });
    let png = std::fs::read(dir.path().join("ranking.png")).expect("written");
    assert!(png.starts_with(b"\x89PNG"));
    command(&mut h, Command::DismissBanner);
    let pack = dir.path().join("pack");
    h.get_by_label("Export briefing pack…").click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::TextInput, "File path")
        .type_text(&pack.display().to_string());
    h.run_steps(2);
    h.get_by_label("OK").click();
    h.run_steps(2);
    wait(&mut h, |app| app.state.view.banner.is_some());
    let banner = h.state().state.view.banner.clone().expect("banner");
    assert!(!banner.error, "{}", banner.text);
    assert!(std::fs::read_dir(&pack).expect("pack").count() > 4);
}

#[test]
fn f5_presents_arrows_move_weights_stay_live_and_escape_leaves() {
    let mut h = harness(Lang::En);
    h.key_press(Key::F5);
    h.run_steps(2);
    assert!(h.state().present.active);
    assert_eq!(h.state().present.slide, 0);
    let n = tradeoff::app::present::slides(false).len();
    h.get_by_label(&format!("1 / {n}"));
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    h.key_press(Key::PageDown);
    h.run_steps(2);
    assert_eq!(h.state().present.slide, 2);
    h.key_press(Key::PageUp);
    h.run_steps(2);
    assert_eq!(h.state().present.slide, 1);
    h.get_by_label(&format!("2 / {n}"));
    // The weights strip still edits the scenario, and the slide re-renders.
    let s = h.state().state.scenario().clone();
    let c = &s.criteria[0];
    let renders = h.state().present.cache.renders;
    h.query_all_by_role(Role::Slider)
        .next()
        .expect("a weight slider")
        .set_value_accesskit(1.0);
    h.run_steps(3);
    let after = h.state().state.scenario().clone();
    assert_eq!(after.active().map(|p| p.weight(&c.id)), Some(1.0));
    assert!(h.state().present.cache.renders > renders);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().present.active);
}

#[test]
fn robustness_recomputes_smaa_off_the_ui_thread_when_weights_change() {
    let mut h = harness(Lang::En);
    command(&mut h, Command::View(ViewCommand::Show(View::Robustness)));
    wait(&mut h, |app| {
        app.robust.worker.as_ref().is_some_and(|w| w.is_fresh())
    });
    let first = h
        .state()
        .robust
        .worker
        .as_ref()
        .and_then(|w| w.latest.clone());
    let first = first.expect("a result");
    h.get_by_label(&format!(
        "SMAA: 10,000 samples, seed 1, {} ms",
        tradeoff::i18n::num(first.elapsed_ms, 0, Lang::En)
    ));
    let s = h.state().state.scenario().clone();
    let profile = s.active_profile.clone();
    command(
        &mut h,
        Command::Edit(tradeoff::session::Edit::SetWeight {
            profile,
            criterion: s.criteria[0].id.clone(),
            weight: 0.9,
        }),
    );
    wait(&mut h, |app| {
        app.robust.worker.as_ref().is_some_and(|w| w.is_fresh())
    });
    let second = h
        .state()
        .robust
        .worker
        .as_ref()
        .and_then(|w| w.latest.clone());
    let second = second.expect("a result");
    assert!(second.generation > first.generation);
    assert_ne!(first.key.revision, second.key.revision);
}

#[test]
fn saving_over_a_file_changed_elsewhere_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let mut h = harness(Lang::En);
    command(
        &mut h,
        Command::File(FileCommand::SaveAs(Some(path.clone()))),
    );
    let s = h.state().state.scenario().clone();
    command(
        &mut h,
        Command::Edit(tradeoff::session::Edit::SetWeight {
            profile: s.active_profile.clone(),
            criterion: s.criteria[0].id.clone(),
            weight: 0.5,
        }),
    );
    std::fs::write(&path, "// changed by another program\n").expect("write");
    command(&mut h, Command::File(FileCommand::Save));
    h.get_by_label("Overwrite the file?");
    h.get_by_label("Overwrite").click();
    h.run_steps(2);
    assert_eq!(h.state().state.session.overwrite_question(), None);
    assert!(!h.state().state.session.doc().is_dirty());
    assert!(tradeoff::io::load(&path).is_ok());
    // Cancel keeps the other program's version and the unsaved changes.
    let s = h.state().state.scenario().clone();
    command(
        &mut h,
        Command::Edit(tradeoff::session::Edit::SetWeight {
            profile: s.active_profile.clone(),
            criterion: s.criteria[0].id.clone(),
            weight: 0.25,
        }),
    );
    std::fs::write(&path, "// changed again\n").expect("write");
    command(&mut h, Command::File(FileCommand::Save));
    command(
        &mut h,
        Command::File(FileCommand::Overwrite(SaveConflictChoice::Cancel)),
    );
    assert!(h.state().state.session.doc().is_dirty());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "// changed again\n"
    );
}

#[test]
fn robustness_says_plainly_when_every_option_is_excluded() {
    let mut h = harness(Lang::En);
    let s = h.state().state.scenario().clone();
    let c = &s.criteria[0];
    let impossible = match c.direction {
        tradeoff::model::Direction::Maximize => 1e12,
        tradeoff::model::Direction::Minimize => -1e12,
    };
    command(
        &mut h,
        Command::Edit(tradeoff::session::Edit::SetVeto {
            id: c.id.clone(),
            veto: Some(impossible),
        }),
    );
    command(&mut h, Command::View(ViewCommand::Show(View::Robustness)));
    h.get_by_label("Every option is excluded, so there is nothing to rank. Reasons:");
    assert!(
        h.query_all_by_label_contains(&s.alternatives[0].name.en)
            .next()
            .is_some(),
        "each excluded option is listed with its reasons"
    );
}

#[test]
fn the_waterfall_tab_appears_once_a_comparison_is_set_up() {
    use tradeoff::app::compare_view::Source;
    let mut h = harness(Lang::En);
    command(&mut h, Command::View(ViewCommand::Show(View::Charts)));
    let title = ChartKind::Waterfall.title(Lang::En);
    assert!(h.query_by_label(&title).is_none());
    let profiles: Vec<String> = h
        .state()
        .state
        .scenario()
        .profiles
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let explained = profiles.iter().find(|id| {
        let app = h.state_mut();
        app.analyse.compare.source = Source::Profile;
        app.analyse.compare.profile = Some((*id).clone());
        app.analyse
            .compare
            .comparison(&app.state)
            .is_ok_and(|(_, _, c)| c.explanation().is_some())
    });
    let id = explained
        .expect("some profile comparison has an explanation")
        .clone();
    h.state_mut().analyse.compare.profile = Some(id);
    h.run_steps(2);
    let before = h.state().charts_tabs.cache.renders;
    h.get_by_label(&title).click();
    h.run_steps(2);
    assert_eq!(h.state().charts_tabs.kind, ChartKind::Waterfall);
    assert!(h.state().charts_tabs.cache.renders > before);
}

#[test]
fn opening_another_file_redraws_the_charts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(Lang::En);
    let mut other = h.state().state.scenario().clone();
    // Same shape (so the layout and chart sizes stay), other numbers.
    for score in &mut other.scores {
        score.value *= 0.9;
        score.low = None;
        score.high = None;
    }
    let path = dir.path().join("two.ron");
    tradeoff::io::save(&path, &other).expect("saved");
    let before = h.state().charts.renders;
    command(&mut h, Command::File(FileCommand::Open(Some(path))));
    h.run_steps(2);
    assert_eq!(
        h.state().state.session.doc().revision(),
        0,
        "a fresh document"
    );
    assert!(
        h.state()
            .state
            .evaluation(tradeoff::analysis::Method::Wsm)
            .is_some()
    );
    assert!(
        h.state().charts.renders > before,
        "same revision number, different document: the charts are redrawn"
    );
}
