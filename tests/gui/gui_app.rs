//! The app's window driven headless with egui_kittest: the default scenario
//! opens, a weight slider changes the ranking, a score edit undoes, an
//! option is added, and a save reloads to the edited scenario. Expectations
//! are computed from the bundled scenario, so they follow its data.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tradeoff::analysis::{Method, evaluate};
use tradeoff::app::{AppState, Command, FileCommand, TradeoffApp, setup_style};
use tradeoff::model::{Lang, Node, Scenario, ValueTree};

fn harness(lang: Lang) -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(AppState::with_default_scenario(lang), false);
    let mut h = Harness::builder()
        .with_size([1500.0, 940.0])
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run();
    h
}

fn scenario(h: &Harness<'_, TradeoffApp>) -> Scenario {
    h.state().state.scenario().clone()
}

fn winner_of(s: &Scenario) -> String {
    evaluate(s, None, Method::Wsm)
        .ok()
        .and_then(|e| e.winner().map(|w| w.alternative.clone()))
        .unwrap_or_default()
}

fn top_label(s: &Scenario, lang: Lang) -> String {
    let name = s.alternative_name(&winner_of(s), lang);
    match lang {
        Lang::En => format!("Top option: {name} (Weighted sum)"),
        Lang::Fr => format!("Option en tête : {name} (Somme pondérée)"),
    }
}

fn active_weight(s: &Scenario, criterion: &str) -> f64 {
    s.active().map_or(0.0, |p| p.weight(criterion))
}

/// The right end of a node's weight slider: the largest raw weight among
/// its siblings in the value tree (at least 1).
fn slider_end(s: &Scenario, id: &str) -> f64 {
    let tree = ValueTree::new(s);
    let profile = s.active().expect("a profile");
    let node = tree.node_by_id(s, id).expect("in the tree");
    let parent = tree.parent(node).unwrap_or(Node::Root);
    tree.children(parent)
        .iter()
        .map(|&n| profile.weight(tree.id(s, n)))
        .fold(1.0, f64::max)
}

/// A criterion whose slider, pushed to its right end, changes the winner of
/// the default scenario, with that end and the new winner.
fn decisive_criterion(s: &Scenario) -> (String, f64, String) {
    let before = winner_of(s);
    let active = s.active_profile.clone();
    s.criteria
        .iter()
        .find_map(|c| {
            let end = slider_end(s, &c.id);
            let mut t = s.clone();
            let p = t.profiles.iter_mut().find(|p| p.id == active)?;
            p.weights.insert(c.id.clone(), end);
            let after = winner_of(&t);
            (after != before).then(|| (c.id.clone(), end, after))
        })
        .expect("some criterion's weight decides the winner")
}

#[test]
fn opens_the_default_scenario_with_results_and_charts() {
    let h = harness(Lang::En);
    let s = scenario(&h);
    h.get_by_label(&s.title.en);
    h.get_by_label(&top_label(&s, Lang::En));
    assert!(h.state().charts.renders >= 2, "both charts rendered");
    assert!(!h.state().state.session.doc().is_dirty());
}

#[test]
fn setting_a_weight_slider_changes_the_ranking() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    let (criterion, end, new_winner) = decisive_criterion(&s);
    let name = s.criterion_name(&criterion, Lang::En);
    h.get_by_role_and_label(Role::Slider, &name)
        .set_value_accesskit(end);
    h.run();
    let edited = scenario(&h);
    assert_eq!(active_weight(&edited, &criterion), end);
    assert_eq!(winner_of(&edited), new_winner);
    h.get_by_label(&top_label(&edited, Lang::En));
    // The share among its siblings is shown beside the slider.
    let tree = ValueTree::new(&edited);
    let node = tree.node_by_id(&edited, &criterion).expect("in the tree");
    let parent = tree.parent(node).unwrap_or(Node::Root);
    let total: f64 = tree
        .children(parent)
        .iter()
        .map(|&n| active_weight(&edited, tree.id(&edited, n)))
        .sum();
    assert!(
        h.query_all_by_label(&tradeoff::i18n::pct(end / total, 0, Lang::En))
            .next()
            .is_some()
    );
    assert!(h.state().state.window_title().starts_with('●'));
}

#[test]
fn dragging_a_weight_slider_is_one_undo_step() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    let (criterion, end, new_winner) = decisive_criterion(&s);
    let name = s.criterion_name(&criterion, Lang::En);
    let rect = h.get_by_role_and_label(Role::Slider, &name).rect();
    let start = rect.center();
    h.drag_at(start);
    h.run();
    for k in 1..=8 {
        h.hover_at(start + egui::vec2(12.0 * k as f32, 0.0));
        h.run();
    }
    h.drop_at(rect.right_center() + egui::vec2(4.0, 0.0));
    h.run();
    let edited = scenario(&h);
    assert_eq!(
        active_weight(&edited, &criterion),
        end,
        "dragged to the end"
    );
    assert_eq!(
        h.state().state.session.doc().undo_len(),
        1,
        "one drag, one undo step"
    );
    assert_eq!(winner_of(&edited), new_winner);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(scenario(&h) == s, "undo restores the scenario");
    assert!(!h.state().state.session.doc().is_dirty());
}

fn cell_name(s: &Scenario, option: usize, criterion: usize) -> String {
    format!(
        "{} — {}",
        s.alternatives[option].name.en, s.criteria[criterion].name.en
    )
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
    let s = scenario(&h);
    let (a, c) = (s.alternatives[0].id.clone(), s.criteria[1].id.clone());
    let old = s.score(&a, &c).map(|x| x.value);
    type_into_cell(&mut h, &cell_name(&s, 0, 1), "123.5");
    let value =
        |h: &Harness<'_, TradeoffApp>| h.state().state.scenario().score(&a, &c).map(|x| x.value);
    assert_eq!(value(&h), Some(123.5));
    // The edited cell is selected and its details are shown.
    h.get_by_label(&format!(
        "{} × {}",
        s.alternatives[0].name.en, s.criteria[1].name.en
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(value(&h), old);
    assert!(!h.state().state.session.doc().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(value(&h), Some(123.5));
}

#[test]
fn a_bad_number_is_refused_with_a_message_and_the_old_value_kept() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    type_into_cell(&mut h, &cell_name(&s, 2, 0), "lots");
    assert!(scenario(&h) == s, "the scenario is unchanged");
    h.get_by_label("“lots” is not a number; the previous value is kept.");
    assert!(!h.state().state.session.doc().is_dirty());
}

#[test]
fn adding_an_option_adds_a_row() {
    let mut h = harness(Lang::En);
    let n = scenario(&h).alternatives.len();
    h.get_by_label("+ Add option").click();
    h.run();
    let s = scenario(&h);
    let name = format!("Option {}", n + 1);
    assert_eq!(s.alternatives.len(), n + 1);
    assert_eq!(s.alternatives[n].name.en, name);
    assert_eq!(s.alternatives[n].name.fr.as_deref(), Some(name.as_str()));
    assert!(h.query_all_by_label(&name).count() >= 2, "list and table");
}

#[test]
fn save_as_then_reload_gives_the_edited_scenario_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("edited.ron");
    let mut h = harness(Lang::En);
    h.get_by_label("+ Add option").click();
    h.run();
    let s = scenario(&h);
    let last = s.alternatives.len() - 1;
    type_into_cell(&mut h, &cell_name(&s, last, 0), "4.5");
    let edited = scenario(&h);
    let id = &s.alternatives[last].id;
    assert_eq!(
        edited.score(id, &s.criteria[0].id).map(|x| x.value),
        Some(4.5)
    );
    assert!(h.state().state.session.doc().is_dirty());

    // File > Save As… with the typed-path dialog (no native dialog in tests).
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save As…").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "File path")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.state().state.session.doc().is_dirty());
    assert_eq!(h.state().state.session.path(), Some(path.as_path()));
    assert!(h.state().state.window_title().starts_with("edited.ron"));

    let reloaded = tradeoff::io::load(&path).expect("saved file loads");
    assert!(
        reloaded == edited,
        "the saved file reloads as the edited scenario"
    );
    let mut again = harness(Lang::En);
    again
        .state_mut()
        .state
        .apply(Command::File(FileCommand::Open(Some(path))));
    again.run();
    assert!(again.state().state.scenario() == &edited);
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
    assert_eq!(h.state().state.view.lang, Lang::Fr);
    h.get_by_label(&top_label(&scenario(&h), Lang::Fr));
    h.get_by_label("Pondérations");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = harness(Lang::En);
    let cell = cell_name(&scenario(&h), 1, 1);
    type_into_cell(&mut h, &cell, "1");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let commands = &h.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(commands.contains(&egui::ViewportCommand::CancelClose));
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().state.session.unsaved_question().is_none());
    assert!(!h.state().state.session.quit_confirmed());
    assert!(h.query_by_label("Unsaved changes").is_none());
}

#[test]
fn an_excluded_option_is_shown_with_its_reason() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    // The first profile under which some option breaks a red line or veto.
    let (profile, excluded) = s
        .profiles
        .iter()
        .find_map(|p| {
            let e = tradeoff::analysis::evaluate(&s, Some(&p.id), Method::Wsm).ok()?;
            e.excluded.first().map(|x| (p.id.clone(), x.clone()))
        })
        .expect("the bundled scenario has a profile with an exclusion");
    h.state_mut()
        .state
        .apply(Command::Edit(tradeoff::session::Edit::SetActiveProfile {
            id: profile,
        }));
    h.run();
    let reasons: Vec<String> = excluded
        .reasons
        .iter()
        .map(|r| tradeoff::report::exclusions::reason_message(&s, r, Lang::En))
        .collect();
    h.get_by_label(&format!("Excluded: {}", reasons.join("; ")));
}

#[test]
fn validation_problems_show_instead_of_results() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    let id = s.criteria[0].id.clone();
    h.state_mut()
        .state
        .apply(Command::Edit(tradeoff::session::Edit::SetScale {
            id,
            scale: Some(tradeoff::model::Scale {
                worst: 5.0,
                best: 5.0,
            }),
        }));
    h.run();
    h.get_by_label("Results will appear once these problems are fixed:");
    assert!(h.state().state.evaluation(Method::Wsm).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().state.evaluation(Method::Wsm).is_some());
}

#[test]
fn a_missing_french_name_falls_back_to_english_with_a_marker() {
    let mut s = tradeoff::app::state::default_scenario();
    s.alternatives[0].name.fr = None;
    let english = s.alternatives[0].name.en.clone();
    let app = TradeoffApp::new(AppState::new(s, None, Lang::Fr), false);
    let mut h = Harness::builder()
        .with_size([1500.0, 940.0])
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run();
    assert!(
        h.query_all_by_label(&format!("{english} ⁽EN⁾"))
            .next()
            .is_some(),
        "the English fallback is marked"
    );
}
