//! The app's window driven headless with egui_kittest: the default scenario
//! opens, a weight slider changes the ranking, a score edit undoes, an
//! option is added, and a save reloads to the edited scenario.
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use tradeoff::analysis::Method;
use tradeoff::app::{AppState, Command, TradeoffApp, setup_style};
use tradeoff::model::Lang;

fn harness(lang: Lang) -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(AppState::with_default_scenario(lang), false);
    let mut h = Harness::builder()
        .with_size([1500.0, 940.0])
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run();
    h
}

fn winner(h: &Harness<'_, TradeoffApp>) -> String {
    h.state()
        .state
        .evaluation(Method::Wsm)
        .and_then(|e| e.winner())
        .map(|w| w.alternative.clone())
        .unwrap_or_default()
}

#[test]
fn opens_the_default_scenario_with_results_and_charts() {
    let h = harness(Lang::En);
    h.get_by_label("Where should Canada's peace-support contribution go?");
    h.get_by_label("Top option: Central African Republic (MINUSCA) (Weighted sum)");
    assert_eq!(winner(&h), "car");
    assert!(h.state().charts.renders >= 2, "both charts rendered");
    assert!(!h.state().state.doc.is_dirty());
}

#[test]
fn setting_a_weight_slider_changes_the_ranking() {
    let mut h = harness(Lang::En);
    h.get_by_role_and_label(Role::Slider, "Risk to personnel")
        .set_value_accesskit(1.0);
    h.run();
    let risk = h.state().state.scenario().profiles[0].weight("risk");
    assert_eq!(risk, 1.0, "the slider set the raw weight");
    assert_eq!(winner(&h), "drc");
    h.get_by_label("Top option: DR Congo (MONUSCO) (Weighted sum)");
    // The normalised share is shown beside the slider: 1 / (1 + 0.3 + 0.3).
    h.get_by_label(&tradeoff::i18n::pct(1.0 / 1.6, 0, Lang::En));
    assert!(h.state().state.window_title().starts_with('●'));
}

#[test]
fn dragging_a_weight_slider_is_one_undo_step() {
    let mut h = harness(Lang::En);
    let rect = h
        .get_by_role_and_label(Role::Slider, "Risk to personnel")
        .rect();
    let start = rect.center();
    h.drag_at(start);
    h.run();
    for k in 1..=6 {
        h.hover_at(start + egui::vec2(10.0 * k as f32, 0.0));
        h.run();
    }
    h.drop_at(rect.right_center() + egui::vec2(4.0, 0.0));
    h.run();
    let doc = &h.state().state.doc;
    assert!(
        h.state().state.scenario().profiles[0].weight("risk") > 0.9,
        "dragged to the right end"
    );
    assert_eq!(doc.undo_len(), 1, "the whole drag is one undo step");
    assert_eq!(winner(&h), "drc");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.scenario().profiles[0].weight("risk"), 0.4);
    assert_eq!(winner(&h), "car");
}

/// Types `text` into the scores-table cell named "option — criterion".
fn type_into_cell(h: &mut Harness<'_, TradeoffApp>, cell: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, cell).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, cell)
        .type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn editing_a_score_then_undo_restores_it() {
    let mut h = harness(Lang::En);
    type_into_cell(&mut h, "Mali (MINUSMA) — Cost", "200");
    let value = |h: &Harness<'_, TradeoffApp>| {
        h.state()
            .state
            .scenario()
            .score("mali", "cost")
            .map(|s| s.value)
    };
    assert_eq!(value(&h), Some(200.0));
    // The edited cell is selected and its details are shown.
    h.get_by_label("Mali (MINUSMA) × Cost");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(value(&h), Some(450.0));
    assert!(!h.state().state.doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(value(&h), Some(200.0));
}

#[test]
fn a_bad_number_is_refused_with_a_message_and_the_old_value_kept() {
    let mut h = harness(Lang::En);
    type_into_cell(&mut h, "DR Congo (MONUSCO) — Cost", "lots");
    assert_eq!(
        h.state()
            .state
            .scenario()
            .score("drc", "cost")
            .map(|s| s.value),
        Some(350.0)
    );
    h.get_by_label("“lots” is not a number; the previous value is kept.");
    assert!(!h.state().state.doc.is_dirty());
}

#[test]
fn adding_an_option_adds_a_row() {
    let mut h = harness(Lang::En);
    h.get_by_label("+ Add option").click();
    h.run();
    let s = h.state().state.scenario();
    assert_eq!(s.alternatives.len(), 5);
    assert_eq!(s.alternatives[4].name.en, "Option 5");
    assert_eq!(s.alternatives[4].name.fr.as_deref(), Some("Option 5"));
    assert!(
        h.query_all_by_label("Option 5").count() >= 2,
        "list and table"
    );
    h.get_by_label("+ Add option");
}

#[test]
fn save_as_then_reload_gives_the_edited_scenario_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("edited.ron");
    let mut h = harness(Lang::En);
    h.get_by_label("+ Add option").click();
    h.run();
    type_into_cell(&mut h, "Option 5 — Local impact", "9");
    let edited = h.state().state.scenario().clone();
    assert!(h.state().state.doc.is_dirty());

    // File > Save As… with the typed-path dialog (no native dialog in tests).
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save As…").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "File path");
    field.type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(!h.state().state.doc.is_dirty());
    assert_eq!(h.state().state.path.as_deref(), Some(path.as_path()));
    assert!(h.state().state.window_title().starts_with("edited.ron"));

    let reloaded = tradeoff::io::load(&path).expect("saved file loads");
    assert_eq!(reloaded, edited);
    let mut again = harness(Lang::En);
    again.state_mut().state.apply(Command::Open(Some(path)));
    again.run();
    assert_eq!(again.state().state.scenario(), &edited);
}

#[test]
fn switching_to_french_relabels_at_once() {
    let mut h = harness(Lang::En);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Français").click();
    h.run();
    assert_eq!(h.state().state.lang, Lang::Fr);
    h.get_by_label("Option en tête : République centrafricaine (MINUSCA) (Somme pondérée)");
    h.get_by_label("Pondérations");
}
