//! Dominance, the efficient frontier and the package frontier (issue 22)
//! against their textbook definitions: hand cases with ties, and brute
//! force on random instances.

use proptest::prelude::*;
use tradeoff::analysis::DecisionMatrix;
use tradeoff::analysis::dominance::dominators;
use tradeoff::analysis::frontier::{
    CostSource, NoPackages, efficient_points, package_frontier, resolve_cost, value_for_money,
};
use tradeoff::model::{Direction, Preference};

/// The definition, pair by pair: j at least as good everywhere, better once.
fn brute_dominators(rows: &[Vec<f64>], directions: &[Direction]) -> Vec<Vec<usize>> {
    let better_or_equal = |a: f64, b: f64, d: Direction| match d {
        Direction::Maximize => a >= b,
        Direction::Minimize => a <= b,
    };
    (0..rows.len())
        .map(|i| {
            (0..rows.len())
                .filter(|&j| {
                    j != i
                        && (0..directions.len())
                            .all(|c| better_or_equal(rows[j][c], rows[i][c], directions[c]))
                        && (0..directions.len()).any(|c| rows[j][c] != rows[i][c])
                })
                .collect()
        })
        .collect()
}

fn matrix(rows: &[Vec<f64>], directions: &[Direction]) -> DecisionMatrix {
    let m = directions.len();
    let mut x = DecisionMatrix::synthetic(
        rows.len(),
        m,
        rows.iter().flatten().copied().collect(),
        vec![1.0 / m as f64; m],
        vec![Preference::Usual; m],
    );
    x.directions = directions.to_vec();
    x
}

#[test]
fn dominance_by_hand_with_ties() {
    use Direction::*;
    let rows = vec![
        vec![300.0, 5.0, 7.0], // a: dominated by c (cheaper, same risk, more impact)
        vec![300.0, 5.0, 7.0], // b: a twin of a: neither dominates the other
        vec![160.0, 5.0, 8.0], // c
        vec![160.0, 4.0, 8.0], // d: dominates c (less risk, ties elsewhere) and a, b
        vec![100.0, 9.0, 9.0], // e: cheaper and better impact, but riskier: a trade-off
    ];
    let directions = [Minimize, Minimize, Maximize];
    let got = dominators(&matrix(&rows, &directions));
    assert_eq!(got, vec![vec![2, 3], vec![2, 3], vec![3], vec![], vec![]]);
}

#[test]
fn efficient_points_by_hand_with_ties() {
    // Twins on the frontier both stay; a tie in cost keeps the better value;
    // a tie in value keeps the cheaper.
    let points = [
        (100.0, 0.3),
        (100.0, 0.3),
        (150.0, 0.3),
        (150.0, 0.5),
        (200.0, 0.4),
        (250.0, 0.6),
    ];
    assert_eq!(efficient_points(&points), vec![0, 1, 3, 5]);
}

/// Small integer grids make ties frequent.
fn rows_strategy() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<Direction>)> {
    (1usize..=12, 1usize..=4).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec(prop::collection::vec(0u8..4, m), n),
            prop::collection::vec(prop::bool::ANY, m),
        )
            .prop_map(|(rows, dirs)| {
                (
                    rows.into_iter()
                        .map(|r| r.into_iter().map(f64::from).collect())
                        .collect(),
                    dirs.into_iter()
                        .map(|max| {
                            if max {
                                Direction::Maximize
                            } else {
                                Direction::Minimize
                            }
                        })
                        .collect(),
                )
            })
    })
}

/// Brute force: i is efficient unless some j has cost <= and value >= with one strict.
fn brute_efficient(points: &[(f64, f64)]) -> Vec<usize> {
    (0..points.len())
        .filter(|&i| {
            !points.iter().any(|&(c, v)| {
                c <= points[i].0 && v >= points[i].1 && (c < points[i].0 || v > points[i].1)
            })
        })
        .collect()
}

/// The best value of any feasible subset costing at most `budget`.
fn brute_best_within(values: &[f64], needs: &[Vec<f64>], caps: &[f64], budget: f64) -> f64 {
    let n = values.len();
    let mut best = f64::NEG_INFINITY;
    for mask in 0u32..(1 << n) {
        let members: Vec<usize> = (0..n).filter(|k| mask & (1 << k) != 0).collect();
        let fits = (0..caps.len()).all(|r| {
            let used: f64 = members.iter().map(|&k| needs[k][r]).sum();
            used <= caps[r] + 1e-9 && (r != 0 || used <= budget + 1e-9)
        });
        if fits {
            best = best.max(members.iter().map(|&k| values[k]).sum());
        }
    }
    best
}

fn package_instance() -> impl Strategy<Value = (Vec<f64>, Vec<Vec<f64>>, Vec<f64>)> {
    (1usize..=11, 1usize..=3).prop_flat_map(|(n, r)| {
        (
            prop::collection::vec(1u8..20, n),
            prop::collection::vec(prop::collection::vec(0u8..10, r), n),
            prop::collection::vec(5u8..25, r),
        )
            .prop_map(|(values, needs, caps)| {
                (
                    values.into_iter().map(|v| f64::from(v) / 20.0).collect(),
                    needs
                        .into_iter()
                        .map(|row| row.into_iter().map(f64::from).collect())
                        .collect(),
                    caps.into_iter().map(f64::from).collect(),
                )
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn dominance_equals_brute_force((rows, directions) in rows_strategy()) {
        let got = dominators(&matrix(&rows, &directions));
        prop_assert_eq!(got, brute_dominators(&rows, &directions));
    }

    #[test]
    fn efficient_set_equals_brute_force(
        points in prop::collection::vec((0u8..6, 0u8..6), 1..15)
    ) {
        let points: Vec<(f64, f64)> = points
            .into_iter()
            .map(|(c, v)| (f64::from(c) * 10.0, f64::from(v) / 5.0))
            .collect();
        let mut got = efficient_points(&points);
        // Returned in increasing cost.
        for pair in got.windows(2) {
            prop_assert!(points[pair[0]].0 <= points[pair[1]].0);
        }
        got.sort_unstable();
        prop_assert_eq!(got, brute_efficient(&points));
    }

    #[test]
    fn package_frontier_equals_brute_force((values, needs, caps) in package_instance()) {
        let steps = package_frontier(&values, &needs, &caps);
        prop_assert!(!steps.is_empty(), "the empty package is always feasible");
        // Strictly increasing cost and value; each step feasible and summed right.
        for pair in steps.windows(2) {
            prop_assert!(pair[0].1 < pair[1].1 && pair[0].2 < pair[1].2);
        }
        for (members, cost, value) in &steps {
            for (r, cap) in caps.iter().enumerate() {
                let used: f64 = members.iter().map(|&k| needs[k][r]).sum();
                prop_assert!(used <= cap + 1e-9);
                if r == 0 {
                    prop_assert!((used - cost).abs() < 1e-9);
                }
            }
            let sum: f64 = members.iter().map(|&k| values[k]).sum();
            prop_assert!((sum - value).abs() < 1e-9);
        }
        // At every budget level from 0 to the cap (costs are integers, so
        // every integer level covers every step), the step in force is the
        // best any feasible package can do.
        for budget in 0..=(caps[0] as u32) {
            let budget = f64::from(budget);
            let in_force = steps
                .iter()
                .rev()
                .find(|s| s.1 <= budget + 1e-9)
                .map_or(f64::NEG_INFINITY, |s| s.2);
            let want = brute_best_within(&values, &needs, &caps, budget);
            prop_assert!((in_force - want).abs() < 1e-9, "budget {budget}: {in_force} vs {want}");
        }
        // Every step is worth its place: nothing at or below its cost does better.
        for (_, cost, value) in &steps {
            let want = brute_best_within(&values, &needs, &caps, *cost);
            prop_assert!((value - want).abs() < 1e-9);
        }
    }
}

const SCENARIO: &str = r#"(
    format_version: 2,
    title: (en: "Value for money"),
    criteria: [
        (id: "cost", name: (en: "Cost"), direction: Minimize, unit: "M"),
        (id: "impact", name: (en: "Impact"), direction: Maximize),
        (id: "risk", name: (en: "Risk"), direction: Minimize),
    ],
    alternatives: [
        (id: "a", name: (en: "A"), needs: {"budget": 100}),
        (id: "b", name: (en: "B"), needs: {"budget": 200}),
        (id: "c", name: (en: "C"), needs: {"budget": 300}),
        (id: "d", name: (en: "D"), needs: {"budget": 250}),
    ],
    scores: [
        (alternative: "a", criterion: "cost", value: 100), (alternative: "a", criterion: "impact", value: 2), (alternative: "a", criterion: "risk", value: 5),
        (alternative: "b", criterion: "cost", value: 200), (alternative: "b", criterion: "impact", value: 6), (alternative: "b", criterion: "risk", value: 5),
        (alternative: "c", criterion: "cost", value: 300), (alternative: "c", criterion: "impact", value: 8), (alternative: "c", criterion: "risk", value: 5),
        (alternative: "d", criterion: "cost", value: 250), (alternative: "d", criterion: "impact", value: 4), (alternative: "d", criterion: "risk", value: 5),
    ],
    profiles: [(id: "p", name: (en: "P"), weights: {"cost": 2, "impact": 1, "risk": 1})],
    active_profile: "p",
    resources: [(id: "budget", name: (en: "Budget"), unit: "M", cap: 450)],
    combinable: true,
)"#;

#[test]
fn value_renormalises_the_other_weights_and_finds_better_alternatives() {
    let scenario = tradeoff::io::ron_file::parse(SCENARIO, "vfm.ron").expect("parses");
    let profile = scenario.active().expect("profile");
    let cost = resolve_cost(&scenario, "cost").expect("a cost");
    assert_eq!(cost.source, CostSource::Criterion);
    let vfm = value_for_money(&scenario, profile, &cost);
    // Impact weight 1 and risk weight 1 of the others: value = impact scaled / 2
    // + 1/2 (risk is constant, which scales to 1).
    let value = |id: &str| {
        vfm.options
            .iter()
            .find(|o| o.alternative == id)
            .map(|o| o.value)
            .expect("option")
    };
    assert!((value("a") - 0.5).abs() < 1e-12);
    assert!((value("b") - (0.5 + 0.5 * 4.0 / 6.0)).abs() < 1e-12);
    assert!((value("c") - 1.0).abs() < 1e-12);
    // D (250, impact 4) is beaten by B (200, impact 6): B is both the cheapest
    // with at least D's value and the best for at most D's cost.
    let d = vfm
        .options
        .iter()
        .find(|o| o.alternative == "d")
        .expect("d");
    assert!(!d.efficient);
    assert_eq!(d.cheaper.as_deref(), Some("b"));
    assert_eq!(d.better.as_deref(), Some("b"));
    let frontier: Vec<&str> = vfm
        .frontier
        .iter()
        .map(|&k| vfm.options[k].alternative.as_str())
        .collect();
    assert_eq!(frontier, vec!["a", "b", "c"]);
    assert_eq!(vfm.packages, Err(NoPackages::CostIsCriterion));
}

#[test]
fn a_resource_cost_gives_the_package_frontier_up_to_the_cap() {
    let scenario = tradeoff::io::ron_file::parse(SCENARIO, "vfm.ron").expect("parses");
    let profile = scenario.active().expect("profile");
    let cost = resolve_cost(&scenario, "budget").expect("a resource");
    let vfm = value_for_money(&scenario, profile, &cost);
    let packages = vfm.packages.expect("combinable");
    assert_eq!(packages.cap, 450.0);
    let last = packages.steps.last().expect("steps");
    assert!(last.cost <= 450.0);
    // What the cap buys is the best package `package` finds.
    let best = tradeoff::analysis::package::best_packages(&scenario, profile, 1).expect("packages");
    assert!((best.packages[0].value - last.value).abs() < 1e-9);
    assert_eq!(packages.steps[0].options, Vec::<String>::new());
}

#[test]
fn a_maximised_criterion_is_not_a_cost() {
    let scenario = tradeoff::io::ron_file::parse(SCENARIO, "vfm.ron").expect("parses");
    assert!(resolve_cost(&scenario, "impact").is_err());
    assert!(resolve_cost(&scenario, "nowhere").is_err());
}

#[test]
fn the_default_cost_is_the_resource_in_a_cost_criterion_unit() {
    let path = format!("{}/scenarios/canada-2016.ron", env!("CARGO_MANIFEST_DIR"));
    let scenario = tradeoff::io::load(std::path::Path::new(&path)).expect("loads");
    // Troops come first, but the budget shares its unit with the cost criterion.
    let cost = tradeoff::analysis::frontier::default_cost(&scenario).expect("a cost");
    assert_eq!(cost.id, "budget");
    assert_eq!(cost.source, CostSource::Resource);
    let mut single = scenario.clone();
    single.combinable = false;
    let cost = tradeoff::analysis::frontier::default_cost(&single).expect("a cost");
    assert_eq!(cost.source, CostSource::Criterion);
}

/// The bundled scenario with Mali made DR Congo's copy with one point more
/// risk (minimised) and no uncertainty: DR Congo dominates it.
fn canada_with_mali_dominated() -> tradeoff::model::Scenario {
    let path = format!("{}/scenarios/canada-2016.ron", env!("CARGO_MANIFEST_DIR"));
    let mut s = tradeoff::io::load(std::path::Path::new(&path)).expect("loads");
    for c in s.criteria.clone() {
        let drc = s.score("drc", &c.id).map(|x| x.value).expect("score");
        if let Some(x) = s.score_mut("mali", &c.id) {
            x.value = if c.id == "risk" { drc + 1.0 } else { drc };
            x.low = None;
            x.high = None;
        }
    }
    s
}

#[test]
fn the_ranking_chart_and_the_briefing_name_the_dominating_option() {
    use tradeoff::charts::{ChartInput, ChartKind, render_svg};
    use tradeoff::model::Lang;
    let s = canada_with_mali_dominated();
    let svg = render_svg(
        ChartKind::Ranking,
        &ChartInput::new(&s, Lang::En),
        1200,
        700,
    )
    .expect("renders");
    assert!(
        svg.contains("dominated by DR Congo (MONUSCO)"),
        "ranking chart"
    );
    let page = tradeoff::export::brief::build_page(
        &s,
        &tradeoff::export::brief::BriefOptions::new(Lang::Fr),
        Vec::new(),
    )
    .expect("page");
    let markdown = tradeoff::export::document::to_markdown(&page);
    assert!(
        markdown.contains("Mali (MINUSMA) est dominée par RD Congo (MONUSCO)"),
        "{markdown}"
    );
    let plain = tradeoff::export::document::to_markdown(
        &tradeoff::export::brief::build_page(
            &canada(),
            &tradeoff::export::brief::BriefOptions::new(Lang::En),
            Vec::new(),
        )
        .expect("page"),
    );
    assert!(plain.contains("No option is dominated"));
}

fn canada() -> tradeoff::model::Scenario {
    let path = format!("{}/scenarios/canada-2016.ron", env!("CARGO_MANIFEST_DIR"));
    tradeoff::io::load(std::path::Path::new(&path)).expect("loads")
}
