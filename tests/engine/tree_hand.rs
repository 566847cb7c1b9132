//! A value tree with a value function, worked out by hand, through the
//! engine and through `rank --json` (design.md §4, issue #20).

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::{Path, PathBuf};
use tradeoff::analysis::{Method, evaluate};
use tradeoff::io;
use tradeoff::model::{Node, ValueTree, validate};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/tree_value_functions.ron")
}

// By hand. Tree: root = {cost 20, security 50, diplomacy 30} (sum 100);
// security = {risk 60, mandate 40}; diplomacy = {partner 7} (alone: share 1).
// Effective weights: cost 0.2, risk 0.5 × 0.6 = 0.3, mandate 0.5 × 0.4 = 0.2,
// partner 0.3 × 1 = 0.3.
//
// Values (wsm):
//   cost, value function (100,100) (200,80) (300,40) (450,0), value / 100:
//     A 150: halfway from 100 to 80 = 90 → 0.9
//     B 250: halfway from 80 to 40 = 60 → 0.6
//     C 400: two thirds from 40 to 0 = 40 − 80/3 = 40/3 → 2/15
//   risk, fixed scale 10 (worst) .. 0 (best): (10 − x) / 10 → A 0.6, B 0.8, C 0.3
//   mandate, fixed scale 0 .. 10: x / 10 → A 0.6, B 0.8, C 0.3
//   partner, local scale 2 .. 8: (x − 2) / 6 → A 0, B 0.5, C 1
// Scores:
//   A = 0.2 × 0.9 + 0.3 × 0.6 + 0.2 × 0.6 + 0.3 × 0 = 0.18 + 0.18 + 0.12 = 0.48
//   B = 0.2 × 0.6 + 0.3 × 0.8 + 0.2 × 0.8 + 0.3 × 0.5 = 0.12 + 0.24 + 0.16 + 0.15 = 0.67
//   C = 0.2 × 2/15 + 0.3 × 0.3 + 0.2 × 0.3 + 0.3 × 1 = 2/75 + 0.09 + 0.06 + 0.3 = 0.47666…
// Ranking B, A, C. Group parts: security A 0.30, B 0.40, C 0.15;
// diplomacy A 0, B 0.15, C 0.30.
// Without the value function (cost on the local scale 150 .. 400: A 1, B 0.6,
// C 0) A would score 0.50 and C 0.45: the function is what narrows A's lead.
const A: f64 = 0.48;
const B: f64 = 0.67;
const C: f64 = 2.0 / 75.0 + 0.45;

#[test]
fn the_hand_computed_tree_scores_as_worked_out() {
    let s = io::load(&fixture()).expect("loads");
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    let tree = ValueTree::new(&s);
    let w = tree.effective_weights(&s.profiles[0], &[]);
    for (got, want) in w.iter().zip([0.2, 0.3, 0.2, 0.3]) {
        assert!((got - want).abs() < 1e-12, "{w:?}");
    }
    let e = evaluate(&s, None, Method::Wsm).expect("ranks");
    let got: Vec<(&str, f64, usize)> = e
        .ranking
        .iter()
        .map(|r| (r.alternative.as_str(), r.score, r.rank))
        .collect();
    assert_eq!(got.len(), 3);
    for ((id, score, rank), (want_id, want, want_rank)) in
        got.iter().zip([("b", B, 1), ("a", A, 2), ("c", C, 3)])
    {
        assert_eq!((*id, *rank), (want_id, want_rank), "{got:?}");
        assert!((score - want).abs() < 1e-12, "{id}: {score} vs {want}");
    }
}

#[test]
fn topsis_and_promethee_use_the_raw_values() {
    // The same scenario without the value function ranks identically under
    // the two methods that do not use it, score for score.
    let s = io::load(&fixture()).expect("loads");
    let mut raw = s.clone();
    raw.criteria[0].value_function = None;
    for method in [Method::Topsis, Method::Promethee2] {
        let a = evaluate(&s, None, method).expect("ranks");
        let b = evaluate(&raw, None, method).expect("ranks");
        assert_eq!(a.ranking, b.ranking, "{method}");
    }
    let linear = evaluate(&raw, None, Method::Wsm).expect("ranks");
    assert!((linear.score_of("a").expect("a") - 0.50).abs() < 1e-12);
    assert!((linear.score_of("c").expect("c") - 0.45).abs() < 1e-12);
}

#[test]
fn rank_json_gives_each_group_its_share_weight_and_parts() {
    let out = cargo_bin_cmd!("tradeoff")
        .env("LANG", "en_CA.UTF-8")
        .args(["rank", "--json"])
        .arg(fixture())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // design.md §5 unchanged: the ranking rows as before.
    assert_eq!(doc["method"], "wsm");
    assert_eq!(doc["ranking"][0]["id"], "b");
    assert!((doc["ranking"][0]["score"].as_f64().expect("score") - B).abs() < 1e-12);
    let groups = doc["groups"].as_array().expect("groups for a tree");
    assert_eq!(groups.len(), 2);
    let expect = [
        ("security", "Security", 0.5, [0.30, 0.40, 0.15]),
        ("diplomacy", "Diplomacy", 0.3, [0.0, 0.15, 0.30]),
    ];
    for (g, (id, name, share, parts)) in groups.iter().zip(expect) {
        assert_eq!(g["id"], id);
        assert_eq!(g["name"], name);
        assert!(g["parent"].is_null());
        assert!((g["share"].as_f64().expect("share") - share).abs() < 1e-12);
        assert!((g["weight"].as_f64().expect("weight") - share).abs() < 1e-12);
        for (option, want) in ["a", "b", "c"].iter().zip(parts) {
            let got = g["contributions"][option].as_f64().expect("part");
            assert!((got - want).abs() < 1e-12, "{id}/{option}: {got}");
        }
    }
    // Under TOPSIS the score is not a sum over criteria: no parts.
    let out = cargo_bin_cmd!("tradeoff")
        .args(["rank", "--json", "--method", "topsis"])
        .arg(fixture())
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(doc["groups"][0]["contributions"].is_null());
}

#[test]
fn a_flat_file_has_no_groups_in_its_json() {
    let flat = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2/canada-2016.ron");
    let out = cargo_bin_cmd!("tradeoff")
        .args(["rank", "--json"])
        .arg(flat)
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(doc.get("groups").is_none());
}

#[test]
fn group_parts_add_up_to_the_score_under_promethee_too() {
    use tradeoff::analysis::node_contributions::{criterion_parts, node_parts};
    let s = io::load(&fixture()).expect("loads");
    let tree = ValueTree::new(&s);
    for method in [Method::Wsm, Method::Promethee2] {
        let e = evaluate(&s, None, method).expect("ranks");
        let parts = criterion_parts(&e.matrix, method).expect("a sum");
        let root = node_parts(&s, &tree, &e.matrix, &parts, Node::Root);
        let top: Vec<Vec<f64>> = tree
            .children(Node::Root)
            .iter()
            .map(|&n| node_parts(&s, &tree, &e.matrix, &parts, n))
            .collect();
        for (i, id) in e.matrix.alternatives.iter().enumerate() {
            let score = e.score_of(id).expect("ranked");
            let by_top: f64 = top.iter().map(|p| p[i]).sum();
            assert!((root[i] - score).abs() < 1e-12, "{method} {id}");
            assert!((by_top - score).abs() < 1e-12, "{method} {id}");
        }
    }
}

#[test]
fn diff_names_a_changed_value_function_as_the_cause() {
    // B's cost function reaches 0 at 500 instead of 450, so it is kinder to
    // C's 400; nothing else changed, so the value function is the one
    // setting that changed.
    let text = std::fs::read_to_string(fixture()).expect("readable");
    let changed = text.replace("(300, 40), (450, 0)", "(300, 40), (500, 0)");
    assert_ne!(changed, text);
    let dir = tempfile::tempdir().expect("tempdir");
    let b = dir.path().join("b.ron");
    std::fs::write(&b, changed).expect("writes");
    let out = cargo_bin_cmd!("tradeoff")
        .args(["diff", "--json"])
        .arg(fixture())
        .arg(&b)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let settings = doc["changes"]["settings"].as_array().expect("settings");
    assert_eq!(settings.len(), 1, "{settings:?}");
    assert_eq!(settings[0]["field"], "value_function");
    assert_eq!(settings[0]["id"], "cost");
    assert_eq!(settings[0]["to"][3], serde_json::json!([500.0, 0.0]));
    let c_in_b = doc["ranking_b"]
        .as_array()
        .expect("ranking")
        .iter()
        .find(|r| r["id"] == "c")
        .expect("c");
    // 400 on (300, 40)–(500, 0): 40 − 100/200 × 40 = 20 → 0.2 × 0.2 = 0.04;
    // C = 0.04 + 0.45 = 0.49, above A's 0.48.
    assert!((c_in_b["score"].as_f64().expect("score") - 0.49).abs() < 1e-12);
    assert_eq!(c_in_b["rank"], 2);
}
