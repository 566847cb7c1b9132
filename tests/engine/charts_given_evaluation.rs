//! Charts drawn from the caller's evaluation (the window's analysis, the
//! `render` command's own run) are the charts drawn from the scenario alone,
//! and they really draw from it rather than evaluating again.

use crate::charts_support::{Results, bundled, rich};
use tradeoff::analysis::{Method, evaluate};
use tradeoff::charts::{ChartInput, ChartKind, render_svg};
use tradeoff::model::Lang;

#[test]
fn every_chart_is_the_same_with_the_callers_evaluation() {
    let results = Results::fixed();
    for scenario in [bundled(), rich()] {
        for method in Method::ALL {
            let evaluation = evaluate(&scenario, None, method).expect("valid");
            let alone = ChartInput {
                method,
                ..results.input(&scenario, Lang::En)
            };
            let given = ChartInput {
                evaluation: Some(&evaluation),
                ..alone
            };
            for kind in ChartKind::ALL {
                assert_eq!(
                    render_svg(kind, &given, 800, 600),
                    render_svg(kind, &alone, 800, 600),
                    "{kind} under {method}"
                );
            }
        }
    }
}

#[test]
fn the_chart_draws_the_evaluation_it_is_given() {
    let scenario = bundled();
    let mut evaluation = evaluate(&scenario, None, Method::Wsm).expect("valid");
    // An evaluation in which nobody is ranked: a chart that evaluated the
    // scenario again would still rank its four options.
    evaluation.ranking.clear();
    evaluation.excluded.clear();
    let input = ChartInput {
        evaluation: Some(&evaluation),
        ..ChartInput::new(&scenario, Lang::En)
    };
    let svg = render_svg(ChartKind::Ranking, &input, 800, 600).expect("renders");
    // chart.no_options in English.
    let nothing = "has no options to show";
    assert!(svg.contains(nothing), "{svg}");
    let alone = render_svg(
        ChartKind::Ranking,
        &ChartInput::new(&scenario, Lang::En),
        800,
        600,
    );
    assert!(!alone.expect("renders").contains(nothing));
}

#[test]
fn an_evaluation_under_another_method_or_profile_is_not_used() {
    let scenario = rich();
    let other_profile = scenario
        .profiles
        .iter()
        .find(|p| p.id != scenario.active_profile)
        .expect("the fixture has several profiles");
    let wrong_method = evaluate(&scenario, None, Method::Topsis).expect("valid");
    let wrong_profile = evaluate(&scenario, Some(&other_profile.id), Method::Wsm).expect("valid");
    let alone = ChartInput::new(&scenario, Lang::En);
    for wrong in [&wrong_method, &wrong_profile] {
        let given = ChartInput {
            evaluation: Some(wrong),
            ..alone
        };
        for kind in [ChartKind::Ranking, ChartKind::Contributions] {
            assert_eq!(
                render_svg(kind, &given, 800, 600),
                render_svg(kind, &alone, 800, 600),
                "{kind} drew {} under {}",
                wrong.method,
                wrong.profile
            );
        }
    }
}
