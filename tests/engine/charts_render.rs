//! Rendering every chart: PNG size and content, SVG text, the all-excluded
//! message, and French output free of English interface strings.

use crate::charts_support;

use charts_support::{Results, bundled, english_fragments, rich};
use tradeoff::charts::{ChartError, ChartInput, ChartKind, render_png, render_rgb, render_svg};
use tradeoff::model::Lang;

/// SVG text with the XML entities plotters writes turned back into characters.
fn svg_text(svg: String) -> String {
    svg.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn decode(png: &[u8]) -> image::RgbImage {
    image::load_from_memory(png).expect("valid PNG").to_rgb8()
}

#[test]
fn every_chart_renders_a_png_of_the_asked_size_with_content() {
    let scenario = rich();
    let results = Results::fixed();
    let input = results.input(&scenario, Lang::En);
    for kind in ChartKind::ALL {
        for (w, h) in [(800, 600), (1920, 1080)] {
            let img = decode(&render_png(kind, &input, w, h, 1.0).expect("renders"));
            assert_eq!(img.dimensions(), (w, h), "{kind}");
            let non_white = img.pixels().filter(|p| p.0 != [255, 255, 255]).count();
            let share = non_white as f64 / f64::from(w * h);
            assert!(share > 0.03, "{kind} {w}x{h} nearly blank: {share}");
            // Colour, not just black text: some pixel is strongly saturated.
            let coloured = img.pixels().any(|p| {
                let [r, g, b] = p.0;
                r.max(g).max(b) - r.min(g).min(b) > 100
            });
            assert!(coloured, "{kind} has no colour");
        }
    }
}

#[test]
fn rgb_buffer_matches_size_and_scale_enlarges_text() {
    let scenario = bundled();
    let input = ChartInput::new(&scenario, Lang::En);
    let one = render_rgb(ChartKind::Ranking, &input, 800, 600, 1.0).expect("renders");
    assert_eq!(one.len(), 800 * 600 * 3);
    let two = render_rgb(ChartKind::Ranking, &input, 800, 600, 2.0).expect("renders");
    let ink = |buf: &[u8]| {
        buf.chunks(3)
            .filter(|p| p[0] < 80 && p[1] < 80 && p[2] < 80)
            .count()
    };
    assert!(
        ink(&two) > ink(&one),
        "scale 2 should draw larger (more) dark text"
    );
}

#[test]
fn bad_sizes_and_unknown_names_are_errors_not_panics() {
    let scenario = bundled();
    let input = ChartInput::new(&scenario, Lang::En);
    assert_eq!(
        render_png(ChartKind::Ranking, &input, 0, 600, 1.0),
        Err(ChartError::BadSize(0, 600))
    );
    let profile = ChartInput {
        profile: Some("nobody"),
        ..input
    };
    assert!(matches!(
        render_svg(ChartKind::Ranking, &profile, 800, 600),
        Err(ChartError::UnknownProfile(_))
    ));
    let criterion = ChartInput {
        criterion: Some("nothing"),
        ..input
    };
    assert!(matches!(
        render_svg(ChartKind::Sensitivity, &criterion, 800, 600),
        Err(ChartError::UnknownCriterion(_))
    ));
}

#[test]
fn every_chart_has_title_subtitle_and_names() {
    let scenario = rich();
    let results = Results::fixed();
    let input = results.input(&scenario, Lang::En);
    for kind in ChartKind::ALL {
        let svg = svg_text(render_svg(kind, &input, 1200, 750).expect("renders"));
        assert!(
            svg.contains(&kind.title(Lang::En)) || kind == ChartKind::Sensitivity,
            "{kind}"
        );
        assert!(
            svg.contains("Whole of government") || kind == ChartKind::Stakeholders,
            "{kind}"
        );
        let named = if kind == ChartKind::Waterfall {
            "Mali (MINUSMA)"
        } else {
            "DR Congo (MONUSCO)"
        };
        assert!(svg.contains(named), "{kind}: option names");
    }
    // The excluded option and its reason are in the ranking's footnote.
    let svg = render_svg(ChartKind::Ranking, &input, 1200, 750).expect("renders");
    assert!(svg.contains("South Sudan (UNMISS)"));
    assert!(svg.contains("needs 750 troops"), "reason missing");
}

#[test]
fn every_option_excluded_says_so_plainly() {
    let mut scenario = bundled();
    scenario.criteria[0].veto = Some(1.0); // every option's risk is above 1
    let input = ChartInput::new(&scenario, Lang::En);
    for kind in [
        ChartKind::Ranking,
        ChartKind::Contributions,
        ChartKind::Radar,
        ChartKind::Sensitivity,
        ChartKind::Heatmap,
    ] {
        let svg = svg_text(render_svg(kind, &input, 800, 600).expect("renders"));
        assert!(svg.contains("Every option is excluded"), "{kind}");
    }
    let fr = ChartInput::new(&scenario, Lang::Fr);
    let svg = render_svg(ChartKind::Ranking, &fr, 800, 600).expect("renders");
    assert!(svg.contains("Toutes les options sont exclues"));
}

#[test]
fn french_charts_use_french_numbers_and_no_english_interface_text() {
    let scenario = rich();
    let results = Results::fixed();
    let input = results.input(&scenario, Lang::Fr);
    let english = english_fragments(&["assets/locales/charts.yml"], 5);
    assert!(english.len() > 20, "fragment extraction broke");
    for kind in ChartKind::ALL {
        let svg = svg_text(render_svg(kind, &input, 1200, 750).expect("renders"));
        for fragment in &english {
            assert!(
                !svg.contains(fragment.as_str()),
                "{kind}: English '{fragment}'"
            );
        }
    }
    let ranking = render_svg(ChartKind::Ranking, &input, 1200, 750).expect("renders");
    assert!(ranking.contains("0,72"), "decimal comma");
    assert!(!ranking.contains("0.72"));
}

#[test]
fn sensitivity_marks_the_rank_reversal() {
    let scenario = rich();
    let input = ChartInput {
        criterion: Some("risk"),
        ..ChartInput::new(&scenario, Lang::En)
    };
    let svg = svg_text(render_svg(ChartKind::Sensitivity, &input, 1200, 750).expect("renders"));
    // Fixture, wsm, whole of government (South Sudan over the troop cap):
    // CAR leads at 40% risk weight; DRC takes over at 56% (scores are linear
    // in the weight, so the crossing is exact).
    assert!(
        svg.contains("56%: DR Congo (MONUSCO) first"),
        "threshold label"
    );
    assert!(
        svg.contains("Central African Republic (MINUSCA) stays first"),
        "sentence"
    );
    assert!(
        svg.contains("Current weight (40%)"),
        "current weight marked"
    );
}
