//! The weighting dialogs and analysis views driven headless with
//! egui_kittest on the bundled scenario: the swing dialog opens, a rating
//! changes, Apply writes the weights as one undo step recording the inputs,
//! and undo restores the profile. The other views open and show their text.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tradeoff::app::{AppState, Command, TradeoffApp, View, ViewCommand, setup_style};
use tradeoff::model::{Elicitation, Lang, Scenario};
use tradeoff::session::elicit::swing::SwingModel;

fn harness() -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(AppState::with_default_scenario(Lang::En), false);
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

#[test]
fn swing_dialog_applies_one_undoable_edit_and_records_the_inputs() {
    let mut h = harness();
    let before = scenario(&h);
    let active = before.active_profile.clone();
    h.get_by_label("Swing…").click();
    h.run();
    assert!(h.state().analyse.swing.is_some(), "the dialog opened");

    // The second swing, rated 40 against the top one.
    let mut expected = SwingModel::open(&before, &active).expect("active profile");
    let second = expected.order[1].clone();
    expected.set_rating(1, 40.0);
    let name = before.criterion_name(&second, Lang::En);
    h.get_by_role_and_label(Role::Slider, &format!("Swing rating: {name}"))
        .set_value_accesskit(40.0);
    h.run();
    assert_eq!(
        h.state().analyse.swing.as_ref().map(|d| d.ratings[1]),
        Some(40.0)
    );
    assert_eq!(
        h.state().state.session.doc().undo_len(),
        0,
        "nothing applied yet"
    );

    h.get_by_label("Apply").click();
    h.run();
    let after = scenario(&h);
    assert!(h.state().analyse.swing.is_none(), "Apply closes the dialog");
    assert_eq!(h.state().state.session.doc().undo_len(), 1, "one undo step");
    let profile = after.active().expect("active profile");
    let shares = expected.shares(&before);
    for (c, w) in before.criteria.iter().zip(&shares) {
        assert!((profile.weight(&c.id) - w).abs() < 1e-12, "{}", c.id);
    }
    match &profile.elicitation {
        Some(Elicitation::Swing { order, ratings }) => {
            assert_eq!(order, &expected.order);
            assert_eq!(ratings.get(&second), Some(&40.0));
        }
        other => panic!("expected a swing record, got {other:?}"),
    }

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        scenario(&h) == before,
        "undo restores weights and elicitation"
    );
}

#[test]
fn stakeholder_compare_and_package_views_show_their_content() {
    let mut h = harness();
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::Stakeholders)));
    h.run();
    h.get_by_label_contains(" favour");
    h.get_by_label_contains("Update “Whole of government”");
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::Package)));
    h.run();
    h.get_by_label_contains("Best package: ");
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::Compare)));
    h.run();
    h.get_by_label_contains("Type or choose the file");
    let other = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/canada-2018.ron");
    h.state_mut()
        .analyse
        .compare
        .load_other(other.into(), Lang::En);
    h.run();
    h.get_by_label("Rankings");
    assert!(
        h.state().charts.last_render_ms.contains_key("waterfall"),
        "the waterfall rendered"
    );
}

#[test]
fn dragging_a_swing_handle_reorders_the_swings() {
    let mut h = harness();
    h.get_by_label("Swing…").click();
    h.run();
    let order = |h: &Harness<'_, TradeoffApp>| {
        h.state()
            .analyse
            .swing
            .as_ref()
            .map(|d| d.order.clone())
            .unwrap_or_default()
    };
    let before = order(&h);
    let from = h.get_by_label("☰ 3").rect().center();
    let to = h.get_by_label("☰ 1").rect().center();
    h.drag_at(from);
    h.run();
    for k in 1..=6 {
        h.hover_at(from + (to - from) * (k as f32 / 6.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let after = order(&h);
    assert_eq!(after[0], before[2], "the third swing is now first");
    assert_eq!(after[1], before[0]);
    assert_eq!(
        h.state().state.session.doc().undo_len(),
        0,
        "reordering alone edits nothing"
    );
}

#[test]
fn pairwise_dialog_records_a_clicked_judgement() {
    let mut h = harness();
    let before = scenario(&h);
    h.get_by_label("Pairwise…").click();
    h.run();
    let a = before.criteria[0].name.en.clone();
    let b = before.criteria[1].name.en.clone();
    let chip = format!("{a} / {b}: {a} is extremely more important than {b} (9)");
    h.get_by_label(&chip).click();
    h.run();
    assert_eq!(
        h.state().analyse.ahp.as_ref().map(|d| d.judgements[0]),
        Some(8)
    );
    h.get_by_label("Apply").click();
    h.run();
    assert!(h.state().analyse.ahp.is_none(), "Apply closes the dialog");
    assert_eq!(h.state().state.session.doc().undo_len(), 1);
    let after = scenario(&h);
    let Some(Elicitation::Pairwise { judgements }) = &after.active().expect("active").elicitation
    else {
        panic!("pairwise judgements recorded");
    };
    assert_eq!(
        judgements[0],
        (
            before.criteria[0].id.clone(),
            before.criteria[1].id.clone(),
            9.0
        )
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(scenario(&h) == before);
}

/// The three dialogs share one frame: Cancel closes each without an edit,
/// and a dialog whose profile is deleted under it closes by itself.
#[test]
fn every_weighting_dialog_cancels_and_closes_with_its_profile() {
    let mut h = harness();
    for button in ["Swing…", "Pairwise…", "Rank order…"] {
        h.get_by_label(button).click();
        h.run();
        assert!(h.state().analyse.dialog_open(), "{button} opens");
        h.get_by_label("Cancel").click();
        h.run();
        assert!(!h.state().analyse.dialog_open(), "{button}: Cancel closes");
    }
    assert_eq!(
        h.state().state.session.doc().undo_len(),
        0,
        "Cancel edits nothing"
    );
    h.get_by_label("Rank order…").click();
    h.run();
    let id = h.state().state.scenario().active_profile.clone();
    h.state_mut()
        .state
        .apply(Command::Edit(tradeoff::session::Edit::DeleteProfile { id }));
    h.run();
    h.run();
    assert!(
        h.state().analyse.rank.is_none(),
        "the dialog of a deleted profile closes"
    );
}
