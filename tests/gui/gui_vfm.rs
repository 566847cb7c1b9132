//! The value-for-money view driven headless: the summary in plain words in
//! English and French, the default cost, and the chart drawn; the results
//! table marks a dominated option with what dominates it.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tradeoff::app::{AppState, Command, TradeoffApp, View, ViewCommand, setup_style};
use tradeoff::model::Lang;

fn harness(state: AppState) -> Harness<'static, TradeoffApp> {
    harness_sized(state, [1366.0, 768.0])
}

fn harness_sized(state: AppState, size: [f32; 2]) -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(state, false);
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(1_000)
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run_steps(2);
    h
}

/// True when some widget's label contains `text`.
fn has(h: &Harness<'_, TradeoffApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

fn open_view(h: &mut Harness<'_, TradeoffApp>) {
    h.state_mut()
        .state
        .apply(Command::View(ViewCommand::Show(View::ValueForMoney)));
    h.run_steps(3);
}

#[test]
fn the_view_says_what_gives_more_value_for_less_in_english() {
    let mut h = harness(AppState::with_default_scenario(Lang::En));
    open_view(&mut h);
    // The bundled scenario combines options under caps: the budget is the default cost.
    // 0.58 is Mali's whole weighted sum: the budget (a resource), not the
    // cost criterion, is the default cost.
    assert!(has(
        &h,
        "Mali (MINUSMA) costs 300\u{a0}CAD M for a value of 0.58"
    ));
    assert!(has(
        &h,
        "DR Congo (MONUSCO) gives more value (0.59) for 160\u{a0}CAD M"
    ));
    assert!(
        h.state()
            .charts
            .last_render_ms
            .contains_key("value-for-money"),
        "the chart is drawn"
    );
}

#[test]
fn the_view_speaks_french_with_french_numbers() {
    let mut h = harness(AppState::with_default_scenario(Lang::Fr));
    open_view(&mut h);
    assert!(has(
        &h,
        "Mali (MINUSMA) coûte 300\u{a0}M$ CA pour une valeur de 0,58"
    ));
    assert!(has(&h, "donne plus de valeur (0,59)"));
}

#[test]
fn the_results_table_names_the_dominating_option() {
    let mut s = tradeoff::app::state::default_scenario();
    // Mali: DR Congo's values everywhere, one point more risk (minimised),
    // no uncertainty ranges.
    for c in s.criteria.clone() {
        let drc = s.score("drc", &c.id).map(|x| x.value).expect("score");
        if let Some(x) = s.score_mut("mali", &c.id) {
            x.value = if c.id == "risk" { drc + 1.0 } else { drc };
            x.low = None;
            x.high = None;
        }
    }
    // Wide enough for the two charts side by side and tall enough for the
    // whole results table under them (rows outside the view are not drawn).
    let h = harness_sized(AppState::new(s, None, Lang::En), [1920.0, 2600.0]);
    assert!(has(&h, "dominated by DR Congo (MONUSCO)"));
    assert!(!has(&h, "dominated by Mali"));
}
