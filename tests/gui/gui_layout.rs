//! Readability at the window sizes of an analyst's laptop and a projector
//! (1280 × 720, 1366 × 768, 1920 × 1080), in English and French, at 1× and
//! 2× scaling: charts keep their readable size instead of squashing, the
//! weighting dialogs fit the window, Esc closes them and only one is open at
//! a time, presentation starts on slide 1, and a banner floats over the
//! layout without moving it. Facts are read from the accessibility tree
//! (widget rectangles), as a screen reader would see the window.

use egui::accesskit::Role;
use egui::{Key, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use tradeoff::app::{AppState, Banner, Command, Edit, TradeoffApp, View, ViewCommand, setup_style};
use tradeoff::charts::{ChartKind, READABLE_WIDTH_PT};
use tradeoff::model::{Lang, Text};

/// A label of the interface in `lang` (as the catalogue has it).
fn label(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

const SIZES: [[f32; 2]; 3] = [[1280.0, 720.0], [1366.0, 768.0], [1920.0, 1080.0]];

/// Body text is never smaller than 13 points in a chart (charts::style), and
/// a row label needs at least that much height: the smallest readable row.
const SMALLEST_ROW_PT: f32 = 13.0;

fn harness(size: [f32; 2], lang: Lang, ppp: f32) -> Harness<'static, TradeoffApp> {
    let app = TradeoffApp::new(AppState::with_default_scenario(lang), false);
    let mut h = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(ppp)
        .with_max_steps(200)
        .with_context_setup(setup_style)
        .build_ui_state(|ui, app: &mut TradeoffApp| app.ui(ui), app);
    h.run_steps(3);
    h
}

fn command(h: &mut Harness<'_, TradeoffApp>, c: Command) {
    h.state_mut().state.apply(c);
    h.run_steps(3);
}

/// The rectangles of the chart images titled like `kind`.
fn chart_rects(h: &Harness<'_, TradeoffApp>, kind: ChartKind, lang: Lang) -> Vec<Rect> {
    h.query_all_by_role_and_label(Role::Image, &kind.title(lang))
        .map(|n| n.rect())
        .collect()
}

/// Adds criteria until the scenario has `n`, as a user pressing "+ Add criterion" would.
fn grow_criteria(h: &mut Harness<'_, TradeoffApp>, n: usize) {
    let mut k = h.state().state.scenario().criteria.len();
    while k < n {
        k += 1;
        command(
            h,
            Command::Edit(Edit::AddCriterion {
                name: Text::bilingual(
                    format!("Extra criterion {k}"),
                    format!("Critère en plus {k}"),
                ),
            }),
        );
    }
}

/// Asserts every chart of `kinds` is on screen at least at its readable
/// size, and that its rows (one per option) are not thinner than a label.
fn assert_readable(h: &Harness<'_, TradeoffApp>, kinds: &[ChartKind], lang: Lang, what: &str) {
    let options = h.state().state.scenario().alternatives.len() as f32;
    for &kind in kinds {
        let rects = chart_rects(h, kind, lang);
        assert!(!rects.is_empty(), "{what}: the {kind} chart is shown");
        for r in rects {
            assert!(
                r.width() >= READABLE_WIDTH_PT - 0.5,
                "{what}: {kind} chart squashed to {:.0} points wide",
                r.width()
            );
            // Title, subtitle, legend and axis take room too: the rows
            // alone need one smallest row per option.
            assert!(
                r.height() >= options * SMALLEST_ROW_PT,
                "{what}: {kind} chart squashed to {:.0} points tall for {options} options",
                r.height()
            );
        }
    }
}

#[test]
fn analysis_charts_keep_a_readable_size_at_every_window_size() {
    for size in SIZES {
        for lang in Lang::ALL {
            for ppp in [1.0, 2.0] {
                let mut h = harness(size, lang, ppp);
                let what = format!("{size:?} {lang:?} ×{ppp}");
                assert_readable(
                    &h,
                    &[ChartKind::Ranking, ChartKind::Contributions],
                    lang,
                    &what,
                );
                // A ninth criterion and a banner used to squash them to a sliver.
                grow_criteria(&mut h, 9);
                command(
                    &mut h,
                    Command::ShowBanner(Banner::error("A message in the banner".into())),
                );
                assert_readable(
                    &h,
                    &[ChartKind::Ranking, ChartKind::Contributions],
                    lang,
                    &format!("{what}, nine criteria and a banner"),
                );
            }
        }
    }
}

#[test]
fn side_by_side_charts_stack_when_the_width_cannot_hold_both() {
    let h = harness([1280.0, 720.0], Lang::En, 1.0);
    let ranking = chart_rects(&h, ChartKind::Ranking, Lang::En);
    let contributions = chart_rects(&h, ChartKind::Contributions, Lang::En);
    let (Some(a), Some(b)) = (ranking.first(), contributions.first()) else {
        panic!("both result charts are shown");
    };
    // Side by side they would overlap in height; stacked, one is below the other.
    let side_by_side = (a.top() - b.top()).abs() < 1.0;
    if side_by_side {
        assert!(a.right() <= b.left() + 0.5 || b.right() <= a.left() + 0.5);
    } else {
        assert!(a.bottom() <= b.top() + 0.5, "{a:?} above {b:?}");
    }
    assert!(!a.intersects(b.shrink(1.0)), "charts never overlap");
}

#[test]
fn robustness_and_charts_views_keep_a_readable_size() {
    for size in SIZES {
        for lang in Lang::ALL {
            let mut h = harness(size, lang, 1.0);
            grow_criteria(&mut h, 9);
            command(
                &mut h,
                Command::ShowBanner(Banner::error("Une bannière".into())),
            );
            command(&mut h, Command::View(ViewCommand::Show(View::Robustness)));
            assert_readable(
                &h,
                &[ChartKind::Sensitivity],
                lang,
                &format!("{size:?} {lang:?} robustness"),
            );
            command(&mut h, Command::View(ViewCommand::Show(View::Charts)));
            for kind in [
                ChartKind::Ranking,
                ChartKind::Contributions,
                ChartKind::Heatmap,
            ] {
                h.state_mut().charts_tabs.kind = kind;
                h.run_steps(3);
                assert_readable(&h, &[kind], lang, &format!("{size:?} {lang:?} charts view"));
            }
        }
    }
}

/// The Apply and Cancel buttons of the open dialog, which must be inside the window.
fn assert_buttons_inside(h: &mut Harness<'_, TradeoffApp>, size: [f32; 2], lang: Lang, what: &str) {
    let window = Rect::from_min_size(egui::Pos2::ZERO, Vec2::from(size));
    // The dialog has settled: it does not creep across frames (a moving
    // button cannot be clicked).
    let apply = label(lang, "Apply", "Appliquer");
    let first = h.get_by_role_and_label(Role::Button, apply).rect();
    h.run_steps(3);
    assert_eq!(
        first,
        h.get_by_role_and_label(Role::Button, apply).rect(),
        "{what}: dialog still moving"
    );
    for label in [
        label(lang, "Apply", "Appliquer"),
        label(lang, "Cancel", "Annuler"),
    ] {
        let button = h.get_by_role_and_label(Role::Button, label);
        let r = button.rect();
        assert!(
            window.contains_rect(r),
            "{what}: '{label}' at {r:?} is outside the {size:?} window"
        );
    }
}

#[test]
fn weighting_dialogs_fit_the_window_close_on_escape_and_open_one_at_a_time() {
    for size in SIZES {
        for lang in Lang::ALL {
            let mut h = harness(size, lang, 1.0);
            // More criteria than the bundled scenario: 45 pairwise judgements.
            grow_criteria(&mut h, 10);
            let weights_before = h
                .state()
                .state
                .scenario()
                .active()
                .map(|p| p.weights.clone());
            let what = format!("{size:?} {lang:?}");
            h.get_by_label(label(lang, "Swing…", "Écarts…")).click();
            h.run_steps(3);
            assert!(h.state().analyse.swing.is_some(), "{what}: swing opens");
            assert_buttons_inside(&mut h, size, lang, &format!("{what} swing"));

            h.get_by_label(label(lang, "Pairwise…", "Par paires…"))
                .click();
            h.run_steps(3);
            let a = &h.state().analyse;
            assert!(a.ahp.is_some(), "{what}: pairwise opens");
            assert!(a.swing.is_none(), "{what}: opening pairwise closed swing");
            assert_buttons_inside(&mut h, size, lang, &format!("{what} pairwise"));

            h.key_press(Key::Escape);
            h.run_steps(2);
            assert!(
                !h.state().analyse.dialog_open(),
                "{what}: Esc closes pairwise"
            );

            h.get_by_label(label(lang, "Rank order…", "Rang…")).click();
            h.run_steps(3);
            assert!(h.state().analyse.rank.is_some(), "{what}: rank order opens");
            assert_buttons_inside(&mut h, size, lang, &format!("{what} rank order"));
            h.key_press(Key::Escape);
            h.run_steps(2);
            assert!(
                !h.state().analyse.dialog_open(),
                "{what}: Esc closes rank order"
            );
            let weights_after = h
                .state()
                .state
                .scenario()
                .active()
                .map(|p| p.weights.clone());
            assert_eq!(
                weights_before, weights_after,
                "{what}: closing applied nothing"
            );
        }
    }
}

#[test]
fn escape_cancels_the_swing_dialog_without_changing_weights() {
    let mut h = harness([1366.0, 768.0], Lang::En, 1.0);
    let before = h.state().state.scenario().clone();
    h.get_by_label("Swing…").click();
    h.run_steps(3);
    assert!(h.state().analyse.swing.is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().analyse.swing.is_none());
    assert_eq!(h.state().state.scenario(), &before);
}

#[test]
fn presentation_starts_on_slide_one_or_on_the_chart_asked_for() {
    let mut h = harness([1366.0, 768.0], Lang::En, 1.0);
    command(&mut h, Command::View(ViewCommand::Show(View::Charts)));
    h.get_by_label(&ChartKind::Radar.title(Lang::En)).click();
    h.run_steps(2);
    assert_eq!(h.state().charts_tabs.kind, ChartKind::Radar);
    // F5 (and View › Present) start at the beginning…
    h.key_press(Key::F5);
    h.run_steps(2);
    assert!(h.state().present.active);
    assert_eq!(h.state().present.slide, 0);
    assert_eq!(h.state().present.kind(), ChartKind::Ranking);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().present.active);
    // …the Charts view's Present button starts at the chart on screen.
    command(&mut h, Command::View(ViewCommand::Show(View::Charts)));
    h.state_mut().charts_tabs.kind = ChartKind::Radar;
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Present").click();
    h.run_steps(2);
    assert!(h.state().present.active);
    assert_eq!(h.state().present.kind(), ChartKind::Radar);
}

#[test]
fn a_banner_floats_over_the_layout_without_moving_it() {
    for lang in Lang::ALL {
        let mut h = harness([1366.0, 768.0], lang, 1.0);
        let title = h.state().state.scenario().title.get(lang).to_string();
        let tab = label(lang, "Analysis", "Analyse");
        let before = (h.get_by_label(&title).rect(), h.get_by_label(tab).rect());
        let ranking = chart_rects(&h, ChartKind::Ranking, lang);
        let text = "Saved to /tmp/somewhere/with/a/long/path/scenario.ron";
        command(&mut h, Command::ShowBanner(Banner::error(text.into())));
        h.get_by_label(text);
        let after = (h.get_by_label(&title).rect(), h.get_by_label(tab).rect());
        assert_eq!(before, after, "{lang:?}: the banner moved the layout");
        assert_eq!(ranking, chart_rects(&h, ChartKind::Ranking, lang));
        // Inside the window, and gone when dismissed.
        let banner = h.get_by_label(text).rect();
        assert!(
            Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(1366.0, 768.0)).contains_rect(banner)
        );
        command(&mut h, Command::DismissBanner);
        assert!(h.query_by_label(text).is_none());
    }
}

#[test]
fn table_headers_wrap_between_words_in_both_languages() {
    for lang in Lang::ALL {
        let h = harness([1280.0, 720.0], lang, 1.0);
        let ctx = h.ctx.clone();
        let font = egui::TextStyle::Body.resolve(&ctx.global_style());
        for c in &h.state().state.scenario().criteria {
            let name = c.name.get(lang);
            // Every label showing the name (table header, lists, sliders)
            // is at least as wide as each of its words.
            let labels: Vec<Rect> = h
                .query_all_by_label(name)
                .filter(|n| n.accesskit_node().role() == Role::Label)
                .map(|n| n.rect())
                .collect();
            assert!(!labels.is_empty(), "{lang:?}: '{name}' shown");
            let width = labels.iter().map(Rect::width).fold(f32::INFINITY, f32::min);
            for word in name.split_whitespace() {
                let word_width = ctx.fonts_mut(|f| {
                    f.layout_no_wrap(word.to_string(), font.clone(), egui::Color32::BLACK)
                        .size()
                        .x
                });
                assert!(
                    word_width <= width + 0.5,
                    "{lang:?}: '{word}' ({word_width:.0} pt) is cut in a {width:.0} pt header '{name}'"
                );
            }
        }
    }
}
