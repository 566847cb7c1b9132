//! Package search: branch and bound matches brute force on random instances,
//! and the scenario-level search uses feasible options and every cap.

use proptest::prelude::*;
use tradeoff::analysis::package::{PackageError, best_packages, fits_caps, is_maximal, solve};

/// Every nonempty feasible maximal subset, best first.
fn brute_force(values: &[f64], needs: &[Vec<f64>], caps: &[f64]) -> Vec<(f64, Vec<usize>)> {
    let n = values.len();
    let mut all = Vec::new();
    for mask in 1u32..(1 << n) {
        let members: Vec<usize> = (0..n).filter(|k| mask & (1 << k) != 0).collect();
        if fits_caps(&members, needs, caps) && is_maximal(&members, needs, caps) {
            all.push((members.iter().map(|&k| values[k]).sum::<f64>(), members));
        }
    }
    all.sort_by(|a, b| b.0.total_cmp(&a.0));
    all
}

fn instance() -> impl Strategy<Value = (Vec<f64>, Vec<Vec<f64>>, Vec<f64>, usize)> {
    (1usize..=12, 0usize..=3, 1usize..=6).prop_flat_map(|(n, r, top)| {
        (
            prop::collection::vec(0.01f64..1.0, n),
            prop::collection::vec(prop::collection::vec(0.0f64..1.0, r), n),
            prop::collection::vec(1.0f64..30.0, r),
            Just(top),
        )
            .prop_map(|(values, fractions, caps, top)| {
                // Needs are fractions of the cap so every option fits alone,
                // as feasibility guarantees; some needs are 0.
                let needs = fractions
                    .iter()
                    .map(|f| {
                        f.iter()
                            .zip(&caps)
                            .map(|(x, c)| if *x < 0.1 { 0.0 } else { (x * c * 0.7).round() })
                            .collect()
                    })
                    .collect();
                (values, needs, caps.iter().map(|c| c.round()).collect(), top)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn branch_and_bound_matches_brute_force((values, needs, caps, top) in instance()) {
        let got = solve(&values, &needs, &caps, top);
        let want = brute_force(&values, &needs, &caps);
        prop_assert_eq!(got.len(), want.len().min(top));
        for (g, w) in got.iter().zip(&want) {
            prop_assert!((g.value - w.0).abs() < 1e-9, "{} vs {}", g.value, w.0);
            prop_assert!(fits_caps(&g.members, &needs, &caps));
            prop_assert!(is_maximal(&g.members, &needs, &caps));
            let sum: f64 = g.members.iter().map(|&k| values[k]).sum();
            prop_assert!((sum - g.value).abs() < 1e-9);
        }
        // Best first, no set twice.
        for pair in got.windows(2) {
            prop_assert!(pair[0].value >= pair[1].value);
            prop_assert!(pair[0].members != pair[1].members);
        }
    }
}

const SCENARIO: &str = r#"(
    format_version: 2,
    title: (en: "Packages"),
    criteria: [
        (id: "risk", name: (en: "Risk"), direction: Minimize, veto: Some(9)),
        (id: "gain", name: (en: "Gain"), direction: Maximize),
    ],
    alternatives: [
        (id: "heli", name: (en: "Helicopters"), needs: {"troops": 250, "budget": 200}),
        (id: "police", name: (en: "Police"), needs: {"police": 150, "budget": 100}),
        (id: "qrf", name: (en: "Quick reaction force"), needs: {"troops": 500, "budget": 300}),
        (id: "train", name: (en: "Training"), needs: {"troops": 100, "budget": 50}),
        (id: "bad", name: (en: "Vetoed"), needs: {"troops": 10}),
    ],
    scores: [
        (alternative: "heli", criterion: "risk", value: 6),
        (alternative: "heli", criterion: "gain", value: 8),
        (alternative: "police", criterion: "risk", value: 4),
        (alternative: "police", criterion: "gain", value: 5),
        (alternative: "qrf", criterion: "risk", value: 8),
        (alternative: "qrf", criterion: "gain", value: 9),
        (alternative: "train", criterion: "risk", value: 2),
        (alternative: "train", criterion: "gain", value: 3),
        (alternative: "bad", criterion: "risk", value: 10),
        (alternative: "bad", criterion: "gain", value: 10),
    ],
    profiles: [(id: "p", name: (en: "P"), weights: {"risk": 0.5, "gain": 0.5})],
    active_profile: "p",
    resources: [
        (id: "troops", name: (en: "Troops"), cap: 600),
        (id: "police", name: (en: "Police"), cap: 150),
        (id: "budget", name: (en: "Budget"), cap: 450),
    ],
    combinable: true,
)"#;

#[test]
fn scenario_packages_respect_every_cap_and_skip_excluded_options() {
    let scenario = tradeoff::io::ron_file::parse(SCENARIO, "p.ron").expect("parses");
    let profile = scenario.active().expect("profile");
    let result = best_packages(&scenario, profile, 3).expect("combinable");
    assert!(!result.packages.is_empty());
    for p in &result.packages {
        assert!(!p.options.contains(&"bad".to_string()));
        for (used, r) in p.used.iter().zip(&scenario.resources) {
            assert!(*used <= r.cap);
        }
    }
    let best = &result.packages[0];
    // Budget 450 allows heli + police + train (350) but not qrf with heli.
    assert_eq!(best.options, vec!["heli", "police", "train"]);
    assert_eq!(
        best.binding,
        vec!["troops".to_string(), "budget".to_string()]
    );
    let values: Vec<f64> = result.packages.iter().map(|p| p.value).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn alternatives_that_cannot_be_combined_are_refused() {
    let text = SCENARIO.replace("combinable: true,", "");
    let scenario = tradeoff::io::ron_file::parse(&text, "p.ron").expect("parses");
    let profile = scenario.active().expect("profile");
    assert_eq!(
        best_packages(&scenario, profile, 3),
        Err(PackageError::NotCombinable)
    );
}
