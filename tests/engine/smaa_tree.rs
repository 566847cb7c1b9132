//! SMAA weights drawn per node of the value tree (issue 20): a flat
//! scenario samples exactly as before, a tree whose groups each hold one
//! criterion samples the flat distribution, and node bounds hold in every
//! sample.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::path::Path;
use tradeoff::analysis::smaa::{SmaaOptions, TreeSampler, profile_bounds, smaa, smaa_with};
use tradeoff::analysis::{DecisionMatrix, Method};
use tradeoff::model::{Group, Scenario, WeightBounds};

fn bundled(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    tradeoff::io::load(&path).expect("bundled scenario loads")
}

fn matrix_of(s: &Scenario) -> DecisionMatrix {
    let ids: Vec<String> = s.alternatives.iter().map(|a| a.id.clone()).collect();
    DecisionMatrix::build(s, s.active().expect("a profile"), &ids)
}

fn draw(sampler: &TreeSampler, m: usize, n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut stream = sampler.stream();
    (0..n)
        .map(|_| {
            let mut w = vec![0.0; m];
            stream.next_into(&mut rng, &mut w);
            w
        })
        .collect()
}

/// A flat scenario's per-node sampler is the flat sampler: same seed, same
/// result, bit for bit, with and without bounds.
#[test]
fn a_flat_scenario_samples_exactly_as_before() {
    for name in ["canada-2016.ron", "template.ron"] {
        let mut s = bundled(name);
        s.groups.clear();
        for bounded in [false, true] {
            if bounded {
                let first = s.criteria[0].id.clone();
                let profile = &mut s.profiles[0];
                profile
                    .bounds
                    .insert(first, WeightBounds { min: 0.1, max: 0.5 });
                s.active_profile = s.profiles[0].id.clone();
            }
            let profile = s.active().expect("a profile").clone();
            let matrix = matrix_of(&s);
            let options = SmaaOptions {
                samples: 3_000,
                seed: 7,
                ..SmaaOptions::default()
            };
            let bounds = profile_bounds(&matrix, &profile);
            let before =
                smaa(&matrix, Method::Wsm, bounds.as_deref(), &options).expect("bounds fit");
            let sampler = TreeSampler::for_profile(&s, &profile, &matrix).expect("bounds fit");
            let after = smaa_with(&matrix, Method::Wsm, &sampler, &options);
            assert_eq!(before, after, "{name}, bounded: {bounded}");
        }
    }
}

/// A scenario of `m` criteria, each alone in its own group at the root.
fn one_per_group(m: usize) -> Scenario {
    let mut csv = String::from("alternative");
    for j in 0..m {
        csv.push_str(&format!(",c{j}"));
    }
    csv.push_str("\n#direction");
    for _ in 0..m {
        csv.push_str(",max");
    }
    csv.push_str("\n#weight");
    for _ in 0..m {
        csv.push_str(",1");
    }
    for i in 0..3 {
        csv.push_str(&format!("\na{i}"));
        for j in 0..m {
            csv.push_str(&format!(",{}", (i * 7 + j * 3) % 5));
        }
    }
    csv.push('\n');
    let mut s = tradeoff::io::csv::parse(&csv, "test.csv").expect("CSV parses");
    s.groups = (0..m)
        .map(|j| Group {
            id: format!("g{j}"),
            name: format!("Group {j}").as_str().into(),
            description: Default::default(),
            children: vec![format!("c{j}")],
        })
        .collect();
    for j in 0..m {
        s.profiles[0].weights.insert(format!("g{j}"), 1.0);
    }
    s
}

/// Mean and mean square of each coordinate.
fn moments(samples: &[Vec<f64>]) -> Vec<(f64, f64)> {
    let n = samples.len() as f64;
    (0..samples[0].len())
        .map(|j| {
            let mean = samples.iter().map(|w| w[j]).sum::<f64>() / n;
            let square = samples.iter().map(|w| w[j] * w[j]).sum::<f64>() / n;
            (mean, square)
        })
        .collect()
}

#[test]
fn groups_of_one_criterion_sample_the_flat_distribution() {
    let m = 4;
    let s = one_per_group(m);
    let matrix = matrix_of(&s);
    let tree = TreeSampler::for_profile(&s, &s.profiles[0], &matrix).expect("no bounds");
    let flat = TreeSampler::flat(m, None).expect("no bounds");
    let n = 40_000;
    let a = draw(&tree, m, n, 11);
    let b = draw(&flat, m, n, 12);
    for w in &a {
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
    // Dirichlet(1, 1, 1, 1): each weight has mean 1/4, E[w^2] = 1/10,
    // variance 3/80 and E[w^4] = 4!·3!/7! = 1/35 (so Var[w^2] = 1/35 - 1/100).
    let (var_w, var_w2) = (3.0 / 80.0, 1.0 / 35.0 - 0.01);
    let se = |var: f64| (2.0 * var / n as f64).sqrt();
    for ((ma, sa), (mb, sb)) in moments(&a).into_iter().zip(moments(&b)) {
        assert!((ma - mb).abs() < 4.0 * se(var_w), "means {ma} vs {mb}");
        assert!((sa - sb).abs() < 4.0 * se(var_w2), "squares {sa} vs {sb}");
        assert!((ma - 0.25).abs() < 4.0 * se(var_w) / 2f64.sqrt());
    }
    // And the acceptabilities agree within their standard errors.
    let options = |seed| SmaaOptions {
        samples: 20_000,
        seed,
        ..SmaaOptions::default()
    };
    let ta = smaa_with(&matrix, Method::Wsm, &tree, &options(3));
    let fb = smaa_with(&matrix, Method::Wsm, &flat, &options(4));
    let samples = 20_000.0;
    for (ra, rb) in ta.acceptability.iter().zip(&fb.acceptability) {
        for (&p, &q) in ra.iter().zip(rb) {
            let pooled = (p + q) / 2.0;
            let se = (2.0 * pooled * (1.0 - pooled) / samples).sqrt();
            assert!((p - q).abs() <= 4.0 * se + 1e-12, "{p} vs {q}");
        }
    }
    assert!(ta.exact_weights);
}

#[test]
fn node_bounds_hold_in_every_sample() {
    // Root: g0 = {c0, c1}, g1 = {c2, g2}, g2 = {c3, c4}; bounds on groups
    // and on criteria within their groups.
    let mut s = one_per_group(5);
    let group = |id: &str, children: &[&str]| Group {
        id: id.to_string(),
        name: id.into(),
        description: Default::default(),
        children: children.iter().map(|c| c.to_string()).collect(),
    };
    s.groups = vec![
        group("g0", &["c0", "c1"]),
        group("g1", &["c2", "g2"]),
        group("g2", &["c3", "c4"]),
    ];
    let profile = &mut s.profiles[0];
    profile.weights.retain(|k, _| k.starts_with('c'));
    for g in ["g0", "g1", "g2"] {
        profile.weights.insert(g.into(), 1.0);
    }
    let bounds = [
        ("g0", 0.6, 0.8),
        ("c0", 0.0, 0.3),
        ("g2", 0.5, 1.0),
        ("c3", 0.25, 0.35),
    ];
    for (id, min, max) in bounds {
        profile.bounds.insert(id.into(), WeightBounds { min, max });
    }
    let matrix = matrix_of(&s);
    let sampler = TreeSampler::for_profile(&s, &s.profiles[0], &matrix).expect("bounds fit");
    assert!(sampler.is_exact());
    let eps = 1e-12;
    for w in draw(&sampler, 5, 20_000, 5) {
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        let g0 = w[0] + w[1];
        let g1 = w[2] + w[3] + w[4];
        let g2 = w[3] + w[4];
        assert!((0.6 - eps..=0.8 + eps).contains(&g0), "g0 share {g0}");
        assert!((g0 + g1 - 1.0).abs() < 1e-12);
        let c0 = w[0] / g0;
        assert!(c0 <= 0.3 + eps, "c0 share of g0 {c0}");
        let g2_share = g2 / g1;
        assert!(g2_share >= 0.5 - eps, "g2 share of g1 {g2_share}");
        let c3 = w[3] / g2;
        assert!(
            (0.25 - eps..=0.35 + eps).contains(&c3),
            "c3 share of g2 {c3}"
        );
    }
    // Bounds that cannot be met within one parent are refused, and bad
    // bounds on a group name it.
    let mut bad = s.clone();
    bad.profiles[0]
        .bounds
        .insert("g1".into(), WeightBounds { min: 0.5, max: 1.0 });
    assert!(TreeSampler::for_profile(&bad, &bad.profiles[0], &matrix).is_err());
    bad.profiles[0]
        .bounds
        .insert("g1".into(), WeightBounds { min: 0.5, max: 0.2 });
    assert_eq!(
        TreeSampler::for_profile(&bad, &bad.profiles[0], &matrix).err(),
        Some(tradeoff::analysis::smaa::BoundsError::InvalidNode(
            "g1".into()
        ))
    );
}
