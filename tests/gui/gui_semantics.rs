//! What the window does with the user's data: what-if values outside their
//! range or scale, new options and criteria "not yet scored", resources
//! edited with undo, names across languages, buttons that say why they
//! cannot act, the stakeholder path's left-out options, undo under a drag
//! interleaved with Ctrl+Z, and a scores table that draws only its visible
//! rows. Expectations are computed from the bundled scenario.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use tradeoff::analysis::{Method, Reason, evaluate};
use tradeoff::app::{AppState, Command, Edit, TradeoffApp, View, ViewCommand, setup_style};
use tradeoff::model::{Lang, Scenario};

fn harness_with(state: AppState) -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(state, false);
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run();
    h
}

fn harness(lang: Lang) -> Harness<'static, TradeoffApp> {
    harness_with(AppState::with_default_scenario(lang))
}

fn scenario(h: &Harness<'_, TradeoffApp>) -> Scenario {
    h.state().state.scenario().clone()
}

fn type_into_cell(h: &mut Harness<'_, TradeoffApp>, cell: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, cell).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, cell)
        .type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

fn cell(s: &Scenario, option: &str, criterion: &str, lang: Lang) -> String {
    format!(
        "{} — {}",
        s.alternative_name(option, lang),
        s.criterion_name(criterion, lang)
    )
}

fn top_label(h: &Harness<'_, TradeoffApp>) -> String {
    tradeoff::app::results::top_line(&h.state().state)
}

#[test]
fn a_what_if_below_the_range_widens_it_keeps_results_and_names_the_cell() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    let before = s.score("mali", "risk").expect("scored").clone();
    assert!(
        before.low.is_some_and(|l| l > 3.0),
        "the bundled range starts above 3"
    );
    type_into_cell(&mut h, &cell(&s, "mali", "risk", Lang::En), "3");
    let after = scenario(&h);
    let x = after.score("mali", "risk").expect("scored");
    assert_eq!((x.low, x.value, x.high), (Some(3.0), 3.0, before.high));
    // Results stay on screen, and the note names the option and criterion.
    assert!(h.state().state.evaluation(Method::Wsm).is_some());
    h.get_by_label(&top_label(&h));
    let prefix = format!(
        "ℹ {} × {}: 3 was outside",
        s.alternative_name("mali", Lang::En),
        s.criterion_name("risk", Lang::En)
    );
    assert!(h.query_by_label_contains(&prefix).is_some(), "note shown");
    assert!(h.query_by_label_contains("score 1").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(scenario(&h) == s, "one undo restores value and range");
    assert!(h.query_by_label_contains(&prefix).is_none());
}

#[test]
fn fifteen_on_a_fixed_zero_to_ten_scale_is_refused_in_the_cell() {
    let mut h = harness(Lang::Fr);
    let s = scenario(&h);
    let scale = s
        .criterion("risk")
        .and_then(|c| c.scale)
        .expect("risk has a fixed scale");
    assert!(scale.worst.max(scale.best) < 15.0);
    type_into_cell(&mut h, &cell(&s, "mali", "risk", Lang::Fr), "15");
    assert!(scenario(&h) == s, "nothing stored");
    assert!(!h.state().state.session.doc().is_dirty());
    let note = format!(
        "✕ {} × {} : 15 est hors de l'échelle fixe",
        s.alternative_name("mali", Lang::Fr),
        s.criterion_name("risk", Lang::Fr)
    );
    assert!(h.query_by_label_contains(&note).is_some(), "refusal shown");
    h.get_by_label(&top_label(&h));
}

#[test]
fn a_new_option_is_not_yet_scored_and_out_of_the_results_with_that_reason() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    let before = evaluate(&s, None, Method::Wsm).expect("ranks");
    h.get_by_label("+ Add option").click();
    h.run();
    let edited = scenario(&h);
    let new = edited.alternatives.last().expect("added").id.clone();
    assert!(
        edited.scores.iter().all(|x| x.alternative != new),
        "no copied scores"
    );
    let e = evaluate(&edited, None, Method::Wsm).expect("still ranks");
    assert_eq!(e.ranking, before.ranking, "the ranking is untouched");
    let reason = e
        .excluded
        .iter()
        .find(|x| x.alternative == new)
        .map(|x| x.reasons.clone())
        .expect("excluded");
    assert!(
        matches!(&reason[..], [Reason::NotYetScored { criteria }] if criteria.len() == s.criteria.len())
    );
    let text = tradeoff::report::exclusions::reason_message(&edited, &reason[0], Lang::En);
    assert_eq!(text, "not yet scored on any criterion");
    h.get_by_label(&format!("Excluded: {text}"));
    // The new row's cells are empty, not a copy of another row.
    for c in &edited.criteria {
        let label = cell(&edited, &new, &c.id, Lang::En);
        let field = h.get_by_role_and_label(Role::TextInput, &label);
        assert_eq!(field.value().as_deref(), Some(""), "{label}");
    }
    // Scoring every criterion brings it into the ranking.
    for c in &edited.criteria {
        let value = edited
            .criterion(&c.id)
            .and_then(|c| c.scale)
            .map_or(1.0, |sc| (sc.worst + sc.best) / 2.0);
        h.state_mut().state.apply(Command::Edit(Edit::SetScore {
            alternative: new.clone(),
            criterion: c.id.clone(),
            value,
        }));
    }
    h.run();
    let e = h.state().state.evaluation(Method::Wsm).expect("ranks");
    assert!(e.ranking.iter().any(|r| r.alternative == new));
}

#[test]
fn a_new_criterion_is_left_out_and_said_so() {
    let mut h = harness(Lang::En);
    let before = h
        .state()
        .state
        .evaluation(Method::Wsm)
        .expect("ranks")
        .ranking
        .clone();
    h.get_by_label("+ Add criterion").click();
    h.run();
    let s = scenario(&h);
    let name = s.criteria.last().expect("added").name.en.clone();
    let e = h
        .state()
        .state
        .evaluation(Method::Wsm)
        .expect("still ranks");
    assert_eq!(e.ranking, before);
    assert!(
        h.query_by_label_contains(&format!("no option has a score on it yet): {name}"))
            .is_some()
    );
}

#[test]
fn resources_caps_and_needs_are_edited_in_the_window_with_undo() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    let resource = s.resources[0].clone();
    // Open Mali's editor and give it more than the cap.
    // The options list comes first (the table repeats the name).
    h.query_all_by_label(s.alternative_name("mali", Lang::En).as_str())
        .next()
        .expect("listed")
        .click();
    h.run();
    let need = format!("Need of {}", resource.name.en);
    let field = h.get_by_role_and_label(Role::TextInput, &need);
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, &need)
        .type_text(&format!("{}", resource.cap + 1.0));
    h.key_press(Key::Enter);
    h.run();
    let edited = scenario(&h);
    assert_eq!(
        edited
            .alternative("mali")
            .and_then(|a| a.needs.get(&resource.id).copied()),
        Some(resource.cap + 1.0)
    );
    let e = h.state().state.evaluation(Method::Wsm).expect("ranks");
    assert!(e.excluded.iter().any(|x| {
        x.alternative == "mali"
            && x.reasons
                .iter()
                .any(|r| matches!(r, Reason::Resource { .. }))
    }));
    // The combinable flag and a new resource, each one undo step.
    h.get_by_label("Options may be combined (packages)")
        .scroll_to_me();
    h.run();
    h.get_by_label("Options may be combined (packages)").click();
    h.run();
    assert_ne!(scenario(&h).combinable, s.combinable);
    h.get_by_label("+ Add resource").scroll_to_me();
    h.run();
    h.get_by_label("+ Add resource").click();
    h.run();
    assert_eq!(scenario(&h).resources.len(), s.resources.len() + 1);
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!(scenario(&h) == s, "three undos restore the scenario");
}

#[test]
fn a_name_edited_in_english_shows_in_french_with_the_fallback_mark() {
    let mut h = harness(Lang::En);
    h.get_by_label("+ Add option").click();
    h.run();
    let s = scenario(&h);
    let new = s.alternatives.last().expect("added");
    h.query_all_by_label(new.name.en.as_str())
        .next()
        .expect("listed")
        .click();
    h.run();
    // The option's name field (the profile's is also called "Name").
    let at = h
        .query_all_by_role_and_label(Role::TextInput, "Name")
        .find(|n| n.value().as_deref() == Some(new.name.en.as_str()))
        .map(|n| n.rect().center())
        .expect("the option's name field");
    h.drag_at(at);
    h.drop_at(at);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.query_all_by_role_and_label(Role::TextInput, "Name")
        .find(|n| n.is_focused())
        .expect("focused")
        .type_text("Air task force");
    h.run();
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::SetLang(Lang::Fr)));
    h.run();
    let after = scenario(&h);
    let name = &after.alternatives.last().expect("there").name;
    assert_eq!(name.get_with_fallback(Lang::Fr), ("Air task force", true));
    assert!(h.query_all_by_label("Air task force ⁽EN⁾").next().is_some());
}

#[test]
fn buttons_that_cannot_act_are_disabled_and_say_why() {
    let mut h = harness(Lang::En);
    h.get_by_label("Edit").click();
    h.run();
    let undo = h.get_by_label_contains("Undo");
    assert!(undo.accesskit_node().is_disabled());
    undo.hover();
    h.run();
    h.get_by_label_contains("Nothing to undo");
    h.key_press(Key::Escape);
    h.run();
    // Compare › Load with an empty path.
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::Compare)));
    h.run();
    let load = h.get_by_label("Load");
    assert!(load.accesskit_node().is_disabled());
    load.hover();
    h.run();
    assert!(
        h.query_by_label_contains("Type the path of a scenario file")
            .is_some()
    );
}

#[test]
fn the_stakeholder_path_names_the_options_it_leaves_out() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    // A pair of profiles where one excludes an option the other keeps.
    let excluded_under = |p: &str| {
        evaluate(&s, Some(p), Method::Wsm)
            .map(|e| e.excluded.len())
            .unwrap_or(0)
    };
    let strict = s
        .profiles
        .iter()
        .find(|p| excluded_under(&p.id) > excluded_under(&s.profiles[0].id))
        .expect("a profile with its own red line")
        .id
        .clone();
    let view =
        tradeoff::session::profiles::profile_path(&s, &s.profiles[0].id, &strict, Method::Wsm)
            .expect("a path");
    assert!(!view.left_out.is_empty());
    // Same feasible options at the start as the profile's own ranking when
    // nothing is left out beyond that profile's exclusions.
    let own = evaluate(&s, Some(&strict), Method::Wsm).expect("ranks");
    let back = tradeoff::session::profiles::profile_path(&s, &strict, &strict, Method::Wsm)
        .expect("a path");
    assert_eq!(back.path.start, own.winner().map(|w| w.alternative.clone()));
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::Stakeholders)));
    h.run();
    let st = &mut h.state_mut().analyse.stakeholders;
    st.path_from = Some(s.profiles[0].id.clone());
    st.path_to = Some(strict.clone());
    h.run();
    assert!(
        h.query_by_label_contains("Left out of the path, as excluded under")
            .is_some()
    );
    for x in &view.left_out {
        let name = s.alternative_name(&x.alternative, Lang::En);
        assert!(h.query_by_label_contains(&format!("• {name} — ")).is_some());
    }
}

#[test]
fn undo_and_the_unsaved_mark_agree_after_a_drag_with_ctrl_z_in_the_middle() {
    let mut h = harness(Lang::En);
    let s = scenario(&h);
    let name = s.criterion_name(&s.criteria[0].id, Lang::En);
    let rect = h.get_by_role_and_label(Role::Slider, &name).rect();
    let start = rect.center();
    h.drag_at(start);
    h.run();
    for k in 1..=3 {
        h.hover_at(start + egui::vec2(20.0 * k as f32, 0.0));
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.hover_at(start + egui::vec2(70.0, 0.0));
    h.run();
    h.drop_at(start + egui::vec2(80.0, 0.0));
    h.run();
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        let st = &h.state().state;
        let changed = st.scenario() != &s;
        assert_eq!(
            st.session.doc().is_dirty(),
            changed,
            "unsaved mark ⇔ changed"
        );
        assert!(
            st.session.doc().can_undo() || !changed,
            "a change can always be undone"
        );
        assert_eq!(st.window_title().starts_with('●'), changed);
    }
}

/// A scenario with `n` options and `m` criteria, every cell scored.
fn big(n: usize, m: usize) -> Scenario {
    let mut csv = String::from("alternative");
    for j in 0..m {
        csv.push_str(&format!(",C{j}"));
    }
    csv.push_str("\n#direction");
    for j in 0..m {
        csv.push_str(if j % 2 == 0 { ",max" } else { ",min" });
    }
    csv.push_str("\n#weight");
    for _ in 0..m {
        csv.push_str(",1");
    }
    for i in 0..n {
        csv.push_str(&format!("\nOption {i}"));
        for j in 0..m {
            csv.push_str(&format!(",{}", (i * 7 + j * 3) % 11));
        }
    }
    csv.push('\n');
    tradeoff::io::csv::parse(&csv, "big.csv").expect("parses")
}

#[test]
fn the_scores_table_and_options_list_draw_only_their_visible_rows() {
    let (n, m) = (1000, 20);
    let h = harness_with(AppState::new(big(n, m), None, Lang::En));
    let cells = h
        .query_all_by_role(Role::TextInput)
        .filter(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("Option ") && l.contains(" — C"))
        })
        .count();
    assert!(cells >= m, "the first row is drawn ({cells} cells)");
    assert!(cells < 30 * m, "{cells} cells drawn for {n} rows");
    // The options list on the left and the results table below are drawn
    // the same way: the first option shows, the last is nowhere.
    let listed = |label: &str| {
        h.query_all_by_label(label)
            .filter(|node| node.accesskit_node().role() != Role::Label)
            .count()
    };
    assert_eq!(listed("Option 0"), 1);
    assert_eq!(h.query_all_by_label("Option 999").count(), 0);
}
