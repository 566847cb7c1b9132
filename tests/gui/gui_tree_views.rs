//! The by-group views of a scenario with a value tree, driven headless: the
//! results area offers a toggle per group, opening one redraws the
//! contributions chart with its criteria, and the stakeholder table shows
//! each ministry's weights per group with the group's criteria on demand.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tradeoff::app::{AppState, Command, TradeoffApp, View, ViewCommand, setup_style};
use tradeoff::model::Lang;

fn harness(lang: Lang) -> Harness<'static, TradeoffApp> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/charts_data/tree.ron");
    let scenario = tradeoff::io::load(std::path::Path::new(path)).expect("fixture parses");
    let app = TradeoffApp::new(AppState::new(scenario, None, lang), false);
    let mut h = Harness::builder()
        .with_size([1280.0, 720.0])
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn a_group_toggle_opens_the_contributions_chart_into_criteria() {
    let mut h = harness(Lang::En);
    h.get_by_label("Show every criterion");
    let renders = h.state().charts.renders;
    assert!(renders >= 2, "both result charts drew");
    h.get_by_label("▸ Security").click();
    h.run();
    assert_eq!(
        h.state().state.view.expanded_groups,
        vec!["security".to_string()]
    );
    assert!(
        h.state().charts.renders > renders,
        "the charts redrew with Security opened"
    );
    // The toggle now shows the group open; clicking again closes it.
    h.get_by_label("▾ Security").click();
    h.run();
    assert!(h.state().state.view.expanded_groups.is_empty());
    h.get_by_label("Show every criterion").click();
    h.run();
    let mut open = h.state().state.view.expanded_groups.clone();
    open.sort();
    assert_eq!(open, vec!["diplomacy".to_string(), "security".to_string()]);
    h.get_by_label("Show groups only");
}

#[test]
fn the_stakeholder_table_lists_groups_and_opens_one_into_its_criteria() {
    let mut h = harness(Lang::Fr);
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::Stakeholders)));
    h.run();
    let count =
        |h: &Harness<'_, TradeoffApp>, name: &str| h.query_all_by_label_contains(name).count();
    // The criteria list elsewhere in the window may name them too: count.
    let (risk, mandate) = (
        count(&h, "Risque pour le personnel"),
        count(&h, "Solidité du mandat"),
    );
    h.get_by_label("▸ Sécurité").click();
    h.run();
    h.get_by_label("▾ Sécurité");
    assert_eq!(count(&h, "Risque pour le personnel"), risk + 1);
    assert_eq!(count(&h, "Solidité du mandat"), mandate + 1);
}

#[test]
fn the_compare_view_sums_the_change_per_group_and_opens_a_group() {
    let mut h = harness(Lang::En);
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::Compare)));
    h.run();
    let other = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/charts_data/tree-b.ron");
    h.state_mut()
        .analyse
        .compare
        .load_other(other.into(), Lang::En);
    h.run();
    h.get_by_label("What moved the gap, by group");
    let count = |h: &Harness<'_, TradeoffApp>, name: &str| h.query_all_by_label(name).count();
    // The toggles above the waterfall and the table's row both offer Security.
    assert_eq!(count(&h, "▸ Security"), 2);
    let before = h.query_all_by_label_contains("Risk to personnel").count();
    h.query_all_by_label("▸ Security")
        .last()
        .expect("the table's row")
        .scroll_to_me();
    h.run();
    h.query_all_by_label("▸ Security")
        .last()
        .expect("the table's row")
        .click();
    h.run();
    assert_eq!(
        h.state().state.view.expanded_groups,
        vec!["security".to_string()]
    );
    assert_eq!(count(&h, "▾ Security"), 2, "one choice for every view");
    assert!(h.query_all_by_label_contains("Risk to personnel").count() > before);
}
