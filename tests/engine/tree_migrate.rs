//! Version-2 files (every fixture, and the bundled scenarios as they were)
//! load as version 3 and evaluate exactly as before: a flat file is a tree
//! whose root holds every criterion, and its effective weights are its
//! normalised weights bit for bit.

use std::path::{Path, PathBuf};
use tradeoff::analysis::matrix::normalise;
use tradeoff::analysis::{DecisionMatrix, Method, evaluate_profile, scores};
use tradeoff::io;
use tradeoff::model::{FORMAT_VERSION, Scenario, ScenarioIndex, has_errors, validate};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every RON file under tests/fixtures that says `format_version: 2`.
fn version_2_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![root().join("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "ron")
                && std::fs::read(&path)
                    .map(|b| String::from_utf8_lossy(&b).contains("format_version: 2,"))
                    .unwrap_or(false)
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_version_2_fixture_loads_as_version_3_unchanged() {
    let files = version_2_files();
    assert!(files.len() >= 20, "{files:?}");
    let mut loaded = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let Ok(s) = io::load(path) else { continue };
        loaded += 1;
        assert_eq!(s.format_version, FORMAT_VERSION, "{}", path.display());
        assert!(s.groups.is_empty());
        assert!(s.criteria.iter().all(|c| c.value_function.is_none()));
        // The same text declared as version 3 reads to the same scenario.
        let as_3 = text.replacen("format_version: 2,", "format_version: 3,", 1);
        let again = io::ron_file::parse(&as_3, "v3").expect("reads as version 3");
        // (Compared as text: a NaN score is not equal to itself.)
        assert_eq!(format!("{again:?}"), format!("{s:?}"), "{}", path.display());
    }
    assert!(loaded >= 8, "{loaded} version-2 fixtures load");
}

/// Scores by the pre-tree definition: the matrix's columns with the
/// profile's raw weights normalised over the scored criteria.
fn flat_scores(s: &Scenario, profile: usize, method: Method, rows: &[String]) -> Vec<f64> {
    let p = &s.profiles[profile];
    let index = ScenarioIndex::new(s);
    let mut matrix = DecisionMatrix::build_indexed(&index, p, rows);
    let raw: Vec<f64> = matrix.criteria.iter().map(|c| p.weight(c)).collect();
    matrix.weights = normalise(&raw);
    scores(method, &matrix)
}

#[test]
fn every_version_2_fixture_evaluates_exactly_as_before() {
    let mut evaluated = 0;
    for path in version_2_files() {
        let Ok(s) = io::load(&path) else { continue };
        if has_errors(&validate(&s)) {
            continue;
        }
        for (k, p) in s.profiles.iter().enumerate() {
            for method in Method::ALL {
                let e = evaluate_profile(&s, p, method);
                let rows = e.matrix.alternatives.clone();
                let want = flat_scores(&s, k, method, &rows);
                let got: Vec<f64> = rows
                    .iter()
                    .map(|id| e.score_of(id).expect("ranked"))
                    .collect();
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(
                    bits(&got),
                    bits(&want),
                    "{} {} {method}",
                    path.display(),
                    p.id
                );
                evaluated += 1;
            }
        }
    }
    assert!(evaluated >= 30, "{evaluated}");
}

#[test]
fn the_bundled_trees_restate_the_version_2_weights() {
    // Each ministry's weights were moved into the tree keeping every
    // criterion's share of the whole; only the cost value function is new.
    // Without it, the version-3 files rank as the version-2 ones did.
    for name in ["canada-2016.ron", "canada-2018.ron"] {
        let old = io::load(&root().join("tests/fixtures/v2").join(name)).expect("v2 loads");
        let mut new = io::load(&root().join("scenarios").join(name)).expect("v3 loads");
        assert!(!new.groups.is_empty(), "{name} has a tree");
        assert!(new.criteria.iter().any(|c| c.value_function.is_some()));
        for c in &mut new.criteria {
            c.value_function = None;
        }
        for (po, pn) in old.profiles.iter().zip(&new.profiles) {
            assert_eq!(po.id, pn.id);
            for method in Method::ALL {
                let a = evaluate_profile(&old, po, method);
                let b = evaluate_profile(&new, pn, method);
                let ids = |e: &tradeoff::analysis::Evaluation| {
                    e.ranking
                        .iter()
                        .map(|r| (r.alternative.clone(), r.rank))
                        .collect::<Vec<_>>()
                };
                assert_eq!(ids(&a), ids(&b), "{name} {} {method}", po.id);
                for (x, y) in a.ranking.iter().zip(&b.ranking) {
                    assert!(
                        (x.score - y.score).abs() < 1e-12,
                        "{name} {} {method}",
                        po.id
                    );
                }
            }
        }
    }
}
