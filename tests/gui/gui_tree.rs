//! The value tree and value functions driven through the window: a group
//! added, a criterion moved into it with the right-click menu and by drag
//! and drop, undone; a group's weight slider dragged; a value-function point
//! typed (and an ambiguous number refused), dragged with the mouse, a
//! preset applied, the function removed. After each change the weighted
//! sums shown are checked against a brute-force computation of design.md §4
//! (effective weights down the tree, value / 100 under a value function).

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tradeoff::analysis::Method;
use tradeoff::app::{AppState, Command, Edit, TradeoffApp, setup_style};
use tradeoff::model::{
    Direction, Lang, Node, Scenario, Text, ValueFunction, ValuePreset, ValueTree,
};

fn harness_with(state: AppState, size: [f32; 2]) -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(state, false);
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(1_000)
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run();
    h
}

fn harness() -> Harness<'static, TradeoffApp> {
    harness_with(AppState::with_default_scenario(Lang::En), [1366.0, 900.0])
}

fn scenario(h: &Harness<'_, TradeoffApp>) -> Scenario {
    h.state().state.scenario().clone()
}

/// Weighted sums by design.md §4, computed here from the scenario alone:
/// effective weights down the tree (criteria nobody scored left out),
/// value / 100 under a value function, else linear scaling on the fixed
/// scale or the options' range. Only for scenarios where every option is
/// scored and none is excluded.
fn brute_force_wsm(s: &Scenario) -> Vec<(String, f64)> {
    let tree = ValueTree::new(s);
    let profile = s.active().expect("a profile");
    let unscored = s.unscored_criteria();
    let included: Vec<bool> = s
        .criteria
        .iter()
        .map(|c| !unscored.contains(&c.id.as_str()))
        .collect();
    let weights = tree.effective_weights(profile, &included);
    let total: f64 = weights.iter().sum();
    s.alternatives
        .iter()
        .map(|a| {
            let score = s
                .criteria
                .iter()
                .zip(&weights)
                .filter(|(c, _)| !unscored.contains(&c.id.as_str()))
                .map(|(c, w)| {
                    let x = s.score(&a.id, &c.id).expect("scored").value;
                    let v = match &c.value_function {
                        Some(f) => f.value(x) / 100.0,
                        None => {
                            let column = s
                                .alternatives
                                .iter()
                                .map(|b| s.score(&b.id, &c.id).expect("scored").value);
                            let (lo, hi) = match c.scale {
                                Some(sc) => (sc.worst.min(sc.best), sc.worst.max(sc.best)),
                                None => column
                                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), x| {
                                        (l.min(x), h.max(x))
                                    }),
                            };
                            if hi == lo {
                                1.0
                            } else if c.direction == Direction::Maximize {
                                (x - lo) / (hi - lo)
                            } else {
                                (hi - x) / (hi - lo)
                            }
                        }
                    };
                    w / total * v
                })
                .sum();
            (a.id.clone(), score)
        })
        .collect()
}

/// The weighted sums the app shows agree with the brute force, option by option.
fn assert_results_follow(h: &Harness<'_, TradeoffApp>) {
    let s = scenario(h);
    let shown = h
        .state()
        .state
        .evaluation(Method::Wsm)
        .expect("results are shown")
        .ranking
        .clone();
    assert_eq!(shown.len(), s.alternatives.len(), "no option excluded");
    for (id, expected) in brute_force_wsm(&s) {
        let got = shown
            .iter()
            .find(|r| r.alternative == id)
            .map(|r| r.score)
            .expect("ranked");
        assert!(
            (got - expected).abs() < 1e-9,
            "{id}: shown {got}, expected {expected}"
        );
    }
    let winner = &shown[0].alternative;
    let top = tradeoff::app::results::top_line(&h.state().state);
    assert!(top.contains(&s.alternative_name(winner, Lang::En)), "{top}");
}

/// The active profile with every criterion (and group) at weight 1 except
/// `decisive` at 8: the winner then follows `decisive`, so moving it between
/// groups or weighting its group changes the ranking visibly.
fn with_even_weights(decisive: &str) -> AppState {
    let mut s = tradeoff::app::state::default_scenario();
    for g in std::mem::take(&mut s.groups) {
        for p in &mut s.profiles {
            p.weights.remove(&g.id);
            p.bounds.remove(&g.id);
        }
    }
    let active = s.active_profile.clone();
    for c in s.criteria.clone() {
        for p in &mut s.profiles {
            p.weights
                .insert(c.id.clone(), if c.id == decisive { 8.0 } else { 1.0 });
        }
        if let Some(p) = s.profiles.iter_mut().find(|p| p.id == active) {
            p.vetoes.clear();
        }
    }
    let mut state = AppState::new(s, None, Lang::En);
    state.session.mark_saved();
    state
}

/// The first criterion in tree order other than the cost (the
/// value-function tests use it), and its display name.
fn top_level_criterion(s: &Scenario) -> (String, String) {
    let tree = ValueTree::new(s);
    tree.nodes()
        .into_iter()
        .find_map(|n| match n {
            Node::Criterion(j) if s.criteria[j].id != "cost" => {
                Some((s.criteria[j].id.clone(), s.criteria[j].name.en.clone()))
            }
            _ => None,
        })
        .expect("a criterion besides the cost")
}

/// The button of the criteria list that selects `name` (the leftmost one).
fn list_button(h: &Harness<'_, TradeoffApp>, name: &str) -> egui::Rect {
    h.query_all_by_role_and_label(Role::Button, name)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("in the list")
}

fn click_list_button(h: &mut Harness<'_, TradeoffApp>, name: &str) {
    let node_rect = list_button(h, name);
    h.query_all_by_role_and_label(Role::Button, name)
        .find(|n| n.rect() == node_rect)
        .expect("in the list")
        .click();
    h.run();
}

#[test]
fn a_group_is_added_a_criterion_moved_in_with_the_menu_and_undo_takes_each_back() {
    let mut h = harness();
    let original = scenario(&h);
    let (criterion, name) = top_level_criterion(&original);
    let group_name = format!("Group {}", original.groups.len() + 1);
    h.get_by_label("+ Add group").click();
    h.run();
    let added = scenario(&h);
    let group = added
        .groups
        .iter()
        .find(|g| g.name.en == group_name)
        .expect("the group is added")
        .clone();
    assert!(group.children.is_empty());
    assert!(
        added
            .profiles
            .iter()
            .all(|p| p.weights.get(&group.id) == Some(&0.0))
    );

    // Right-click the criterion, Move to ▸ the new group.
    let rect = list_button(&h, &name);
    h.query_all_by_role_and_label(Role::Button, &name)
        .find(|n| n.rect() == rect)
        .expect("in the list")
        .click_secondary();
    h.run();
    h.get_by_label("Move to").click();
    h.run();
    let item = h
        .query_all_by_role_and_label(Role::Button, &group_name)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the group in the submenu");
    item.click();
    h.run();
    let moved = scenario(&h);
    let tree = ValueTree::new(&moved);
    let node = tree.node_by_id(&moved, &criterion).expect("still there");
    let parent = tree.parent(node).expect("has a parent");
    assert_eq!(
        tree.id(&moved, parent),
        group.id,
        "the criterion is in the group"
    );
    // Moving changes no effective weight, hence no result.
    assert_results_follow(&h);
    let all = vec![true; moved.criteria.len()];
    let eff = |s: &Scenario| {
        let t = ValueTree::new(s);
        let w = t.effective_weights(s.active().expect("profile"), &all);
        tradeoff::model::normalise(&w)
    };
    for (a, b) in eff(&added).iter().zip(eff(&moved)) {
        assert!((a - b).abs() < 1e-9);
    }
    // The weights panel now has a slider for the group.
    h.get_by_role_and_label(Role::Slider, &group_name);

    // One undo takes the move back, the next the group.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(scenario(&h) == added, "undo takes the move back");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(scenario(&h) == original, "undo takes the group back");
    assert!(!h.state().state.session.doc().is_dirty());
}

#[test]
fn a_criterion_dragged_onto_a_group_moves_into_it_and_deleting_the_group_says_where_it_went() {
    let mut h = harness();
    let (criterion, name) = top_level_criterion(&scenario(&h));
    h.state_mut().state.apply(Command::Edit(Edit::AddGroup {
        name: Text::bilingual("Trial", "Essai"),
        parent: None,
    }));
    h.run();
    let from = list_button(&h, &name).center();
    let to = list_button(&h, "Trial").center();
    h.drag_at(from);
    h.run();
    for k in 1..=6 {
        h.hover_at(from + (to - from) * (k as f32 / 6.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let s = scenario(&h);
    assert_eq!(
        s.group("trial").map(|g| g.children.clone()),
        Some(vec![criterion.clone()])
    );
    assert_results_follow(&h);
    // Deleting the group (its editor's button) puts the criterion at the top level.
    click_list_button(&mut h, "Trial");
    h.get_by_label("Delete group").click();
    h.run();
    let s = scenario(&h);
    assert!(s.group("trial").is_none());
    let banner = h.state().state.view.banner.clone().expect("says so");
    assert_eq!(
        banner.text,
        "Group “Trial” deleted: its 1 item(s) moved to the top level, keeping their effective weights (Undo restores the group)."
    );
    assert_results_follow(&h);
}

#[test]
fn dragging_a_group_weight_slider_reranks_in_one_undo_step() {
    // Every weight 1 but one criterion at 8, alone in a group: the group's
    // slider then carries that criterion's weight.
    let s = tradeoff::app::state::default_scenario();
    let first = s.criteria[0].id.clone();
    let mut state = with_even_weights(&first);
    state.apply(Command::Edit(Edit::AddGroup {
        name: Text::new("Focus"),
        parent: None,
    }));
    state.apply(Command::Edit(Edit::MoveNode {
        id: first.clone(),
        parent: Some("focus".into()),
        before: None,
    }));
    state.session.mark_saved();
    let mut h = harness_with(state, [1366.0, 900.0]);
    let before = scenario(&h);
    assert_eq!(before.active().map(|p| p.weight("focus")), Some(8.0));
    assert_results_follow(&h);
    let winner_before = h
        .state()
        .state
        .evaluation(Method::Wsm)
        .and_then(|e| e.winner())
        .cloned();
    let steps = h.state().state.session.doc().undo_len();
    // Drag the group's slider to its left end: the criterion stops counting.
    let rect = h.get_by_role_and_label(Role::Slider, "Focus").rect();
    let start = rect.center();
    h.drag_at(start);
    h.run();
    for k in 1..=8 {
        h.hover_at(start - egui::vec2(12.0 * k as f32, 0.0));
        h.run();
    }
    h.drop_at(rect.left_center() - egui::vec2(4.0, 0.0));
    h.run();
    let after = scenario(&h);
    assert_eq!(after.active().map(|p| p.weight("focus")), Some(0.0));
    assert_eq!(
        h.state().state.session.doc().undo_len(),
        steps + 1,
        "one drag, one step"
    );
    assert_results_follow(&h);
    // Without it the other criteria, weighted alike, decide.
    let flat_even = {
        let mut t = after.clone();
        for p in &mut t.profiles {
            p.weights.insert(first.clone(), 0.0);
            p.weights.remove("focus");
        }
        t.groups.clear();
        tradeoff::analysis::evaluate(&t, None, Method::Wsm).expect("ranks")
    };
    let winner_after = h
        .state()
        .state
        .evaluation(Method::Wsm)
        .and_then(|e| e.winner())
        .cloned();
    assert_ne!(
        winner_after.as_ref().map(|w| &w.alternative),
        winner_before.as_ref().map(|w| &w.alternative),
        "the weight at 8 decided the winner"
    );
    assert_eq!(
        winner_after.map(|w| w.alternative),
        flat_even.winner().map(|w| w.alternative.clone())
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(scenario(&h) == before, "undo restores the weight");
    assert_eq!(
        h.state()
            .state
            .evaluation(Method::Wsm)
            .and_then(|e| e.winner())
            .cloned(),
        winner_before
    );
}

/// Selects the cost criterion and opens its value-function window.
fn open_cost_editor(h: &mut Harness<'_, TradeoffApp>) {
    let name = scenario(h).criterion_name("cost", Lang::En);
    click_list_button(h, &name);
    h.get_by_label("Edit…").click();
    h.run();
    h.get_by_label("Value function — Cost");
    h.get_by_label_contains("applies to the weighted sum only");
}

fn cost_function(h: &Harness<'_, TradeoffApp>) -> Option<ValueFunction> {
    scenario(h)
        .criterion("cost")
        .and_then(|c| c.value_function.clone())
}

fn type_into(h: &mut Harness<'_, TradeoffApp>, field: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, field).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn a_value_function_from_a_preset_then_typed_dragged_and_removed_rescores_each_time() {
    let mut state = AppState::with_default_scenario(Lang::En);
    // Start without a function, whatever the bundled file has.
    state.apply(Command::Edit(Edit::SetValueFunction {
        criterion: "cost".into(),
        function: None,
    }));
    state.session.mark_saved();
    let mut h = harness_with(state, [1366.0, 900.0]);
    let plain = scenario(&h);
    open_cost_editor(&mut h);
    h.get_by_label_contains("No value function");

    // Preset: concave over the scores' range, worst (most expensive) at 0.
    h.get_by_label("Concave").click();
    h.run();
    let costs: Vec<f64> = plain
        .scores
        .iter()
        .filter(|x| x.criterion == "cost")
        .flat_map(|x| [Some(x.value), x.low, x.high])
        .flatten()
        .collect();
    let (lo, hi) = costs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &x| {
            (l.min(x), h.max(x))
        });
    let f = cost_function(&h).expect("a function");
    assert_eq!(
        f,
        ValueFunction::preset(ValuePreset::Concave, hi, lo, Direction::Minimize)
    );
    assert_eq!(f.value(hi), 0.0);
    assert_eq!(f.value(lo), 100.0);
    assert_results_follow(&h);
    let steps = h.state().state.session.doc().undo_len();

    // Typed: point 2's value, in English.
    type_into(&mut h, "Point 2: value", "99.5");
    let typed = cost_function(&h).expect("a function");
    assert_eq!(typed.points()[1].1, 99.5);
    assert_eq!(typed.points()[0], f.points()[0]);
    assert_eq!(h.state().state.session.doc().undo_len(), steps + 1);
    assert_results_follow(&h);
    // "1,25" in English could be 1.25 or 125: refused, nothing changes.
    type_into(&mut h, "Point 2: level", "1,25");
    assert_eq!(cost_function(&h), Some(typed.clone()));
    let banner = h.state().state.view.banner.clone().expect("a message");
    assert!(
        banner.error && banner.text.contains("1,25"),
        "{}",
        banner.text
    );
    // A value breaking the order (cost: value must not rise) is refused with the reason.
    type_into(&mut h, "Point 3: value", "100");
    assert_eq!(cost_function(&h), Some(typed.clone()));
    let banner = h.state().state.view.banner.clone().expect("a message");
    assert!(banner.text.contains("less is better"), "{}", banner.text);

    // Dragged: point 4 pulled up, in one undo step.
    let steps = h.state().state.session.doc().undo_len();
    let rect = h.get_by_label("Drag point 4").rect();
    let start = rect.center();
    h.drag_at(start);
    h.run();
    for k in 1..=5 {
        h.hover_at(start - egui::vec2(0.0, 6.0 * k as f32));
        h.run();
    }
    h.drop_at(start - egui::vec2(0.0, 30.0));
    h.run();
    let dragged = cost_function(&h).expect("a function");
    let (old, new) = (typed.points()[3], dragged.points()[3]);
    assert!(new.1 > old.1, "moved up: {old:?} → {new:?}");
    assert!(
        new.1 <= typed.points()[2].1,
        "not above the point before it"
    );
    assert!(new.0 > typed.points()[2].0 && new.0 < typed.points()[4].0);
    assert!(dragged.agrees_with(Direction::Minimize));
    assert_eq!(
        h.state().state.session.doc().undo_len(),
        steps + 1,
        "one drag, one step"
    );
    assert_results_follow(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(cost_function(&h), Some(typed));

    // Removed: back to linear scaling, the scenario as it started.
    h.get_by_label("Remove function").click();
    h.run();
    assert!(scenario(&h) == plain);
    assert_results_follow(&h);
}

#[test]
fn the_tree_and_the_editor_speak_french() {
    let mut state = AppState::with_default_scenario(Lang::Fr);
    state.apply(Command::Edit(Edit::AddGroup {
        name: Text::bilingual("Trial", "Essai"),
        parent: None,
    }));
    let mut h = harness_with(state, [1280.0, 720.0]);
    h.get_by_label("+ Ajouter un groupe");
    h.get_by_role_and_label(Role::Slider, "Essai");
    h.get_by_label("Part");
    h.get_by_label("Effectif");
    let name = scenario(&h).criterion_name("cost", Lang::Fr);
    click_list_button(&mut h, &name);
    h.get_by_label("Modifier…").click();
    h.run();
    h.get_by_label_contains("ne s'applique qu'à la somme pondérée");
    h.get_by_label("Concave");
}

#[test]
fn rename_in_a_group_menu_focuses_its_name_field() {
    let mut state = AppState::with_default_scenario(Lang::En);
    state.apply(Command::Edit(Edit::AddGroup {
        name: Text::bilingual("Trial", "Essai"),
        parent: None,
    }));
    let mut h = harness_with(state, [1366.0, 900.0]);
    let rect = list_button(&h, "Trial");
    h.query_all_by_role_and_label(Role::Button, "Trial")
        .find(|n| n.rect() == rect)
        .expect("in the list")
        .click_secondary();
    h.run();
    h.get_by_label("Rename…").click();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Group name")
            .is_focused()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Group name")
        .type_text("Security of staff");
    h.key_press(Key::Enter);
    h.run();
    let s = scenario(&h);
    assert_eq!(
        s.group("trial").map(|g| g.name.en.clone()).as_deref(),
        Some("Security of staff")
    );
    // One rename, one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        scenario(&h)
            .group("trial")
            .map(|g| g.name.en.clone())
            .as_deref(),
        Some("Trial")
    );
}
