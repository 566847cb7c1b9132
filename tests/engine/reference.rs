//! Reproduces every reference case (design.md §4, ../shared/reference):
//! wsm, topsis and promethee2 scores within 1e-9 and ranks exactly, through
//! the library and once through the `rank --json` command line.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tradeoff::analysis::{Method, evaluate};

/// The shared reference folder (`../shared/reference` from the project, or
/// further up from a worktree); else the copy vendored in `tests/reference`
/// so that a fresh clone still runs these checks.
fn reference_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared").join("reference"))
        .find(|d| d.join("README.md").is_file())
        .unwrap_or_else(|| manifest.join("tests").join("reference"))
}

fn cases() -> Vec<(String, PathBuf, Value)> {
    let dir = reference_dir();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("reference folder is readable") {
        let path = entry.expect("directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("csv") {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name")
            .to_string();
        let expected_path = dir.join(format!("{name}.expected.json"));
        let text = std::fs::read_to_string(&expected_path).expect("expected JSON exists");
        let expected: Value = serde_json::from_str(&text).expect("expected JSON parses");
        out.push((name, path, expected));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// alternative -> (score, rank) from a `rank --json` style ranking.
fn by_alternative(ranking: &Value) -> BTreeMap<String, (f64, u64)> {
    ranking
        .as_array()
        .expect("ranking is a list")
        .iter()
        .map(|r| {
            (
                r["alternative"].as_str().expect("name").to_string(),
                (
                    r["score"].as_f64().expect("score"),
                    r["rank"].as_u64().expect("rank"),
                ),
            )
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * 1f64.max(b.abs())
}

#[test]
fn every_reference_case_is_reproduced_by_every_method() {
    let cases = cases();
    assert!(
        cases.len() >= 3,
        "found only {} reference cases",
        cases.len()
    );
    let mut checked = 0;
    for (name, path, expected) in &cases {
        let scenario = tradeoff::io::load(path).expect("reference CSV loads");
        for method in Method::ALL {
            let want = by_alternative(&expected[method.as_str()]["ranking"]);
            let eval = evaluate(&scenario, None, method).expect("reference case evaluates");
            let got: BTreeMap<String, (f64, u64)> = eval
                .ranking
                .iter()
                .map(|r| {
                    (
                        scenario.alternative_name(&r.alternative, tradeoff::model::Lang::En),
                        (r.score, r.rank as u64),
                    )
                })
                .collect();
            assert_eq!(
                got.keys().collect::<Vec<_>>(),
                want.keys().collect::<Vec<_>>(),
                "{name} {method}: every alternative exactly once"
            );
            for (alt, (score, rank)) in &want {
                let (got_score, got_rank) = got[alt];
                assert!(
                    close(got_score, *score),
                    "{name} {method} {alt}: score {got_score} vs {score}"
                );
                assert_eq!(got_rank, *rank, "{name} {method} {alt}: rank");
            }
            // Sorted by rank, as the JSON contract requires.
            assert!(eval.ranking.windows(2).all(|w| w[0].rank <= w[1].rank));
            checked += 1;
        }
    }
    assert_eq!(checked, cases.len() * 3);
}

#[test]
fn rank_json_has_the_documented_shape_and_values() {
    let dir = reference_dir();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("deployments.expected.json")).expect("expected JSON"),
    )
    .expect("parses");
    for method in Method::ALL {
        let output = Command::cargo_bin("tradeoff")
            .expect("binary is built")
            .args(["rank", "--method", method.as_str(), "--json"])
            .arg(dir.join("deployments.csv"))
            .output()
            .expect("runs");
        assert!(output.status.success(), "exit status {:?}", output.status);
        let json: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
        assert_eq!(json["method"], method.as_str());
        let ranking = json["ranking"].as_array().expect("ranking list");
        for r in ranking {
            assert!(r["alternative"].is_string() && r["score"].is_f64() && r["rank"].is_u64());
        }
        let ranks: Vec<u64> = ranking.iter().filter_map(|r| r["rank"].as_u64()).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "sorted by rank");
        assert_eq!(json["excluded"], Value::Array(vec![]));
        let got = by_alternative(&json["ranking"]);
        let want = by_alternative(&expected[method.as_str()]["ranking"]);
        assert_eq!(got.len(), want.len());
        for (alt, (score, rank)) in &want {
            let (got_score, got_rank) = got[alt];
            assert!(
                close(got_score, *score),
                "{method} {alt}: {got_score} vs {score}"
            );
            assert_eq!(got_rank, *rank, "{method} {alt}");
        }
    }
}
