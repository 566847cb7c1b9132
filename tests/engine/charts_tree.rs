//! The by-group charts of a scenario with a value tree: contributions by
//! group (and opened into criteria), the stakeholders' weights by group, the
//! waterfall summed per group, and the `diff --json` groups field.

use tradeoff::analysis::Method;
use tradeoff::analysis::compare::compare;
use tradeoff::charts::{ChartInput, ChartKind, render_png, render_svg};
use tradeoff::model::{Lang, Scenario};

/// The tree fixture: Security (risk, mandate), cost, Diplomacy (partner, language).
fn tree() -> Scenario {
    tradeoff::io::load(std::path::Path::new("tests/charts_data/tree.ron")).expect("fixture parses")
}

/// SVG text with the XML entities plotters writes turned back into characters.
fn svg(kind: ChartKind, input: &ChartInput<'_>) -> String {
    render_svg(kind, input, 1280, 720)
        .expect("renders")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn contributions_show_one_series_per_group_and_open_into_criteria() {
    let s = tree();
    let input = ChartInput::new(&s, Lang::En);
    let closed = svg(ChartKind::Contributions, &input);
    assert!(closed.contains("by group"), "title says by group");
    for group in ["Security (weight", "Diplomacy (weight", "Cost (weight"] {
        assert!(closed.contains(group), "legend names {group}");
    }
    // Defence: Security 60%, cost 20%, Diplomacy 20%.
    assert!(closed.contains("Security (weight 60%)"), "{closed}");
    assert!(
        !closed.contains("Risk to personnel"),
        "criteria stay inside their group"
    );
    let expanded = vec!["security".to_string()];
    let open = ChartInput {
        expanded: &expanded,
        ..input
    };
    let opened = svg(ChartKind::Contributions, &open);
    // Risk gets 70% of Security's 60%: 42% of the whole.
    assert!(
        opened.contains("Security › Risk to personnel (weight 42%)"),
        "{opened}"
    );
    assert!(opened.contains("Security › Mandate strength (weight 18%)"));
    assert!(opened.contains("Diplomacy (weight 20%)"));
    assert!(
        !opened.contains("Security (weight"),
        "an opened group is replaced by its children"
    );
    let french = svg(ChartKind::Contributions, &ChartInput::new(&s, Lang::Fr));
    assert!(french.contains("Sécurité (poids 60"), "{french}");
}

#[test]
fn a_flat_scenario_draws_the_same_contributions_whatever_is_expanded() {
    let s = tradeoff::io::load(std::path::Path::new("tests/charts_data/rich.ron"))
        .expect("fixture parses");
    assert!(s.groups.is_empty(), "the rich fixture is flat");
    let plain = svg(ChartKind::Contributions, &ChartInput::new(&s, Lang::En));
    let ids = vec!["nothing".to_string()];
    let expanded = svg(
        ChartKind::Contributions,
        &ChartInput {
            expanded: &ids,
            ..ChartInput::new(&s, Lang::En)
        },
    );
    assert_eq!(plain, expanded);
    assert!(!plain.contains("by group"));
}

#[test]
fn the_stakeholder_chart_shows_each_profile_weights_by_group() {
    let s = tree();
    let text = svg(ChartKind::Stakeholders, &ChartInput::new(&s, Lang::En));
    assert!(text.contains("Weights by group"), "{text}");
    for name in [
        "Security",
        "Diplomacy",
        "Cost",
        "Defence",
        "Global Affairs",
        "Finance",
    ] {
        assert!(text.contains(name), "{name}");
    }
    // Finance puts 60% on cost, Global Affairs 60% on Diplomacy.
    assert!(text.matches("60%").count() >= 3, "{text}");
}

#[test]
fn the_waterfall_sums_effects_per_group() {
    let a = tree();
    let mut b = a.clone();
    for score in &mut b.scores {
        if score.alternative == "car" && score.criterion == "risk" {
            score.value = 1.0;
        }
    }
    if let Some(p) = b.profiles.first_mut() {
        p.weights.insert("security".into(), 80.0);
    }
    let c = compare(&a, &b, Method::Wsm, None).expect("comparable");
    let e = c.explanation().expect("explained");
    let input = ChartInput {
        explanation: Some(e),
        other: Some(&a),
        ..ChartInput::new(&b, Lang::En)
    };
    let text = svg(ChartKind::Waterfall, &input);
    assert!(text.contains("Security: weight"), "{text}");
    assert!(text.contains("Security: values"), "{text}");
    assert!(!text.contains("Risk to personnel: values"), "{text}");
    let expanded = vec!["security".to_string()];
    let opened = svg(
        ChartKind::Waterfall,
        &ChartInput {
            expanded: &expanded,
            ..input
        },
    );
    assert!(opened.contains("Risk to personnel: values"), "{opened}");

    // diff --json: a groups list whose totals add up to the change.
    let json = serde_json::to_value(tradeoff::report::json::DiffJson::new(&a, &b, &c, Lang::En))
        .expect("serialises");
    let groups = json["explanation"]["groups"]
        .as_array()
        .expect("groups listed for a tree");
    let sum: f64 = groups
        .iter()
        .map(|g| {
            g["weight_effect"].as_f64().expect("number")
                + g["value_effect"].as_f64().expect("number")
        })
        .sum();
    assert!((sum - (e.gap_b - e.gap_a)).abs() < 1e-9);
    let security = groups
        .iter()
        .find(|g| g["id"] == "security")
        .expect("security listed");
    assert_eq!(security["name"], "Security");
    assert_eq!(security["group"], true);
    assert_eq!(security["criteria"].as_array().map(Vec::len), Some(2));
    // Every field the flat document had is still there.
    for key in [
        "status", "first", "second", "gap_a", "gap_b", "terms", "summary",
    ] {
        assert!(!json["explanation"][key].is_null(), "{key}");
    }
    let report =
        tradeoff::report::compare::diff_text(&a, &b, &c, &("a".into(), "b".into()), Lang::En);
    assert!(report.contains("The same, by group:"), "{report}");
    // CAR's risk fell and Defence weighs Security more: Security moved it most.
    assert!(
        report.contains("By group, Security moved the gap most"),
        "{report}"
    );
    assert!(report.contains("Security"));
}

#[test]
fn flat_comparisons_have_no_groups_field() {
    let b = tradeoff::io::load(std::path::Path::new("tests/charts_data/rich.ron"))
        .expect("fixture parses");
    assert!(b.groups.is_empty(), "the rich fixture is flat");
    let mut a = b.clone();
    if let Some(p) = a.profiles.first_mut() {
        for w in p.weights.values_mut() {
            *w += 1.0;
        }
    }
    let c = compare(&a, &b, Method::Wsm, None).expect("comparable");
    let json = serde_json::to_value(tradeoff::report::json::DiffJson::new(&a, &b, &c, Lang::En))
        .expect("serialises");
    assert!(json["explanation"].get("groups").is_none());
}

#[test]
fn by_group_charts_render_at_laptop_size_with_colour() {
    let s = tree();
    let input = ChartInput::new(&s, Lang::Fr);
    for kind in [ChartKind::Contributions, ChartKind::Stakeholders] {
        let png = render_png(kind, &input, 1280, 720, 1.0).expect("renders");
        let img = image::load_from_memory(&png).expect("valid PNG").to_rgb8();
        assert_eq!(img.dimensions(), (1280, 720));
        let coloured = img.pixels().any(|p| {
            let [r, g, b] = p.0;
            r.max(g).max(b) - r.min(g).min(b) > 100
        });
        assert!(coloured, "{kind} has colour");
    }
}

#[test]
fn the_briefing_lists_each_profile_weights_by_group() {
    use tradeoff::export::brief::{BriefOptions, build_page};
    let s = tree();
    let page = build_page(&s, &BriefOptions::new(Lang::En), Vec::new()).expect("page");
    let md = tradeoff::export::document::to_markdown(&page);
    assert!(md.contains("Weights by group"), "{md}");
    // Defence: Security 60% of the whole; risk 70% of Security, 42% of the whole.
    let security = md
        .lines()
        .find(|l| l.contains("**Security**"))
        .expect("a Security row");
    assert!(security.contains("60%"), "{security}");
    let risk = md
        .lines()
        .find(|l| l.contains("— Risk to personnel"))
        .expect("a risk row");
    assert!(risk.contains("70% (42.0%)"), "{risk}");
    let flat = tradeoff::io::load(std::path::Path::new("tests/charts_data/rich.ron"))
        .expect("fixture parses");
    let flat_md = tradeoff::export::document::to_markdown(
        &build_page(&flat, &BriefOptions::new(Lang::En), Vec::new()).expect("page"),
    );
    assert!(!flat_md.contains("Weights by group"));
    // The pack draws the contributions by group, then opened into criteria.
    let planned = tradeoff::export::brief::planned_charts(&s, &BriefOptions::new(Lang::En));
    let stems: Vec<&str> = planned.iter().map(|c| c.stem.as_str()).collect();
    assert!(stems.contains(&"contributions") && stems.contains(&"contributions-criteria"));
    let opened = planned
        .iter()
        .find(|c| c.stem == "contributions-criteria")
        .map(|c| c.expanded.clone());
    assert_eq!(
        opened,
        Some(vec!["security".to_string(), "diplomacy".to_string()])
    );
    let flat_planned = tradeoff::export::brief::planned_charts(&flat, &BriefOptions::new(Lang::En));
    assert!(
        flat_planned
            .iter()
            .all(|c| c.stem != "contributions-criteria")
    );
}

#[test]
fn render_refuses_an_unknown_group_to_expand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("c.png");
    let run = |expand: &str| {
        assert_cmd::Command::cargo_bin("tradeoff")
            .expect("binary built")
            .args(["--lang", "en", "render", "tests/charts_data/tree.ron"])
            .args(["--chart", "contributions", "--expand", expand, "--out"])
            .arg(&out)
            .output()
            .expect("runs")
    };
    let bad = run("secrity");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("'secrity'"));
    assert!(run("security,diplomacy").status.success());
    assert!(out.exists());
}
