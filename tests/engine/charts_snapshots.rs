//! SVG snapshots of every chart on the bundled scenario (insta). After an
//! intended change, refresh with `INSTA_UPDATE=always cargo test --test
//! charts_snapshots` and review the diff of tests/snapshots/ before committing.

use crate::charts_support;

use charts_support::{Results, bundled};
use tradeoff::charts::{ChartKind, render_svg};
use tradeoff::model::Lang;

fn snapshot(kind: ChartKind, lang: Lang) -> String {
    let scenario = bundled();
    let results = Results::fixed();
    let input = results.input(&scenario, lang);
    render_svg(kind, &input, 800, 600).expect("renders")
}

#[test]
fn ranking() {
    insta::assert_snapshot!("ranking", snapshot(ChartKind::Ranking, Lang::En));
}

#[test]
fn contributions() {
    insta::assert_snapshot!(
        "contributions",
        snapshot(ChartKind::Contributions, Lang::En)
    );
}

#[test]
fn radar() {
    insta::assert_snapshot!("radar", snapshot(ChartKind::Radar, Lang::En));
}

#[test]
fn sensitivity() {
    insta::assert_snapshot!("sensitivity", snapshot(ChartKind::Sensitivity, Lang::En));
}

#[test]
fn acceptability() {
    insta::assert_snapshot!(
        "acceptability",
        snapshot(ChartKind::Acceptability, Lang::En)
    );
}

#[test]
fn stakeholders() {
    insta::assert_snapshot!("stakeholders", snapshot(ChartKind::Stakeholders, Lang::En));
}

#[test]
fn heatmap() {
    insta::assert_snapshot!("heatmap", snapshot(ChartKind::Heatmap, Lang::En));
}

#[test]
fn waterfall() {
    insta::assert_snapshot!("waterfall", snapshot(ChartKind::Waterfall, Lang::En));
}

#[test]
fn ranking_in_french() {
    insta::assert_snapshot!("ranking_fr", snapshot(ChartKind::Ranking, Lang::Fr));
}
