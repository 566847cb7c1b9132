//! The briefing pack: files written, every option, criterion and source in
//! the HTML, offline and printable, French without English interface text;
//! and the `render` / `brief` command lines.

use crate::charts_support;

use assert_cmd::Command;
use charts_support::{english_fragments, rich};
use std::path::Path;
use tradeoff::export::brief::{BriefOptions, write_brief};
use tradeoff::model::Lang;

/// Runs `tradeoff ARGS --out OUT` and hands back the outcome to check.
fn tradeoff_with_out(args: &[&str], out: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("tradeoff")
        .expect("binary")
        .args(args)
        .arg("--out")
        .arg(out)
        .assert()
}

#[test]
fn html_brief_holds_every_option_criterion_and_source() {
    let scenario = rich();
    let dir = tempfile::tempdir().expect("temp dir");
    let files = write_brief(&scenario, dir.path(), &BriefOptions::new(Lang::En)).expect("writes");
    let html = std::fs::read_to_string(&files.html).expect("html");
    let html = html.replace("&#39;", "'");
    for a in &scenario.alternatives {
        assert!(html.contains(&a.name.en), "option {}", a.name.en);
    }
    for c in &scenario.criteria {
        assert!(html.contains(&c.name.en), "criterion {}", c.name.en);
    }
    for s in &scenario.sources {
        assert!(html.contains(&s.title), "source {}", s.title);
        assert!(html.contains(&s.date), "source date {}", s.date);
    }
    assert!(html.contains("https://peacekeeping.un.org/en/peacekeeper-fatalities"));
    assert!(html.contains("illustrative judgement"));
    assert!(
        html.contains("Most dangerous UN mission by fatalities."),
        "rationale"
    );
    // Results per method and the exclusion with its reason.
    for method in ["weighted sum", "TOPSIS", "PROMETHEE II"] {
        assert!(html.contains(method), "{method}");
    }
    assert!(html.contains("needs 750 troops; the cap is 600"));
    // Sensitivity findings in plain words.
    assert!(html.contains("stays first"), "sensitivity sentence");
    // Opens offline and prints: inline CSS and SVG, no external resources.
    assert!(html.contains("@media print"));
    assert!(html.contains("<svg"));
    assert!(!html.contains("src=\"http"));
    assert!(!html.contains("<link"));
    assert!(!html.contains("<script"));
    // Markdown copy and chart files beside it.
    let md = std::fs::read_to_string(&files.markdown).expect("markdown");
    assert!(md.contains("![Ranking of the options](ranking.png)"));
    for image in &files.images {
        assert!(image.exists(), "{}", image.display());
    }
    for stem in [
        "ranking",
        "contributions",
        "radar",
        "stakeholders",
        "heatmap",
        "sensitivity-risk",
    ] {
        assert!(
            dir.path().join(format!("{stem}.png")).exists(),
            "{stem}.png"
        );
        assert!(
            dir.path().join(format!("{stem}.svg")).exists(),
            "{stem}.svg"
        );
    }
}

#[test]
fn french_brief_has_no_english_interface_text() {
    let scenario = rich();
    let dir = tempfile::tempdir().expect("temp dir");
    let files = write_brief(&scenario, dir.path(), &BriefOptions::new(Lang::Fr)).expect("writes");
    let html = std::fs::read_to_string(&files.html)
        .expect("html")
        .replace("&#39;", "'")
        .replace("&apos;", "'");
    let md = std::fs::read_to_string(&files.markdown).expect("markdown");
    let english = english_fragments(
        &["assets/locales/brief.yml", "assets/locales/charts.yml"],
        5,
    );
    for fragment in &english {
        assert!(
            !html.contains(fragment.as_str()),
            "HTML: English '{fragment}'"
        );
        assert!(
            !md.contains(fragment.as_str()),
            "Markdown: English '{fragment}'"
        );
    }
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("jugement illustratif"));
    assert!(html.contains("0,717"), "French decimals");
}

#[test]
fn render_command_writes_png_and_svg() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("ranking.png");
    tradeoff_with_out(
        &[
            "render",
            "scenarios/canada-2016.ron",
            "--chart",
            "ranking",
            "--width",
            "640",
            "--height",
            "480",
        ],
        &png,
    )
    .success();
    let img = image::open(&png).expect("png");
    assert_eq!((img.width(), img.height()), (640, 480));
    let svg = dir.path().join("radar.svg");
    tradeoff_with_out(
        &[
            "render",
            "scenarios/canada-2016.ron",
            "--chart",
            "radar",
            "--lang",
            "fr",
        ],
        &svg,
    )
    .success();
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(text.contains("Profil de chaque option"));
}

#[test]
fn render_command_refuses_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    tradeoff_with_out(
        &["render", "scenarios/canada-2016.ron", "--chart", "pie"],
        &dir.path().join("x.png"),
    )
    .code(2);
    tradeoff_with_out(
        &[
            "render",
            "scenarios/canada-2016.ron",
            "--chart",
            "ranking",
            "--lang",
            "en",
        ],
        &dir.path().join("x.pdf"),
    )
    .code(1)
    .stderr(predicates::str::contains("unknown image format"));
    tradeoff_with_out(
        &[
            "render",
            "scenarios/canada-2016.ron",
            "--chart",
            "sensitivity",
            "--criterion",
            "nope",
            "--lang",
            "en",
        ],
        &dir.path().join("x.png"),
    )
    .code(1)
    .stderr(predicates::str::contains("no criterion with id 'nope'"));
}

#[test]
fn brief_command_writes_the_pack() {
    let dir = tempfile::tempdir().expect("temp dir");
    tradeoff_with_out(
        &["brief", "tests/charts_data/rich.ron", "--lang", "en"],
        dir.path(),
    )
    .success();
    let html = std::fs::read_to_string(dir.path().join("briefing.html")).expect("html");
    assert!(html.contains("Prepared with Tradeoff from rich.ron"));
    assert!(dir.path().join("briefing.md").exists());
    assert!(dir.path().join("heatmap.png").exists());
}

#[test]
fn brief_with_compare_adds_the_comparison_page_and_waterfall() {
    let dir = tempfile::tempdir().expect("temp dir");
    tradeoff_with_out(
        &[
            "brief",
            "scenarios/canada-2016.ron",
            "--compare",
            "scenarios/canada-2018.ron",
            "--lang",
            "en",
        ],
        dir.path(),
    )
    .success();
    let html = std::fs::read_to_string(dir.path().join("briefing.html")).expect("html");
    assert!(html.contains("Compared with canada-2018.ron"));
    assert!(html.contains("Rank in B"));
    assert!(dir.path().join("waterfall.svg").exists());
    // SMAA runs for the pack, so the acceptability chart is there too.
    assert!(dir.path().join("acceptability.png").exists());
}

#[test]
fn render_command_runs_smaa_for_the_acceptability_chart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("acceptability.svg");
    tradeoff_with_out(
        &[
            "render",
            "scenarios/canada-2016.ron",
            "--chart",
            "acceptability",
            "--lang",
            "en",
        ],
        &svg,
    )
    .success();
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(text.contains("Rank 1"));
    assert!(!text.contains("No uncertainty analysis"));
}

#[test]
fn french_comparison_pack_has_no_english_interface_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    tradeoff_with_out(
        &[
            "brief",
            "scenarios/canada-2016.ron",
            "--compare",
            "scenarios/canada-2018.ron",
            "--lang",
            "fr",
        ],
        dir.path(),
    )
    .success();
    let html = std::fs::read_to_string(dir.path().join("note-breffage.html"))
        .expect("html")
        .replace("&#39;", "'")
        .replace("&apos;", "'");
    assert!(html.contains("Comparaison avec canada-2018.ron"));
    let english = english_fragments(
        &["assets/locales/brief.yml", "assets/locales/charts.yml"],
        5,
    );
    for fragment in &english {
        assert!(!html.contains(fragment.as_str()), "English '{fragment}'");
    }
}
