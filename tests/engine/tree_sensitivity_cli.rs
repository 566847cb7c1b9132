//! `tradeoff sensitivity` on a value tree with a value function (issue 20):
//! the JSON gains `groups` and `value_points` beside the unchanged
//! `criteria`, the sentences gain their sections, and `--group` picks one.

use std::path::{Path, PathBuf};
use tradeoff::model::{Group, ValueFunction};

/// The deployments case with Risk and Local impact in a group
/// "Operations" (4:3 inside, 7:3 against Cost: the same effective weights
/// as the flat file) and a value function on Cost, saved in `dir`.
fn tree_file(dir: &tempfile::TempDir) -> PathBuf {
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/deployments.csv");
    let mut s = tradeoff::io::load(&csv).expect("reference CSV loads");
    s.groups = vec![Group {
        id: "operations".into(),
        name: "Operations".into(),
        description: Default::default(),
        children: vec!["Risk".into(), "Local impact".into()],
    }];
    let profile = &mut s.profiles[0];
    profile.weights.insert("operations".into(), 0.7);
    profile.weights.insert("Cost".into(), 0.3);
    profile.weights.insert("Risk".into(), 4.0);
    profile.weights.insert("Local impact".into(), 3.0);
    let cost = s
        .criteria
        .iter_mut()
        .find(|c| c.id == "Cost")
        .expect("Cost");
    cost.value_function = Some(ValueFunction(vec![
        (300.0, 100.0),
        (350.0, 90.0),
        (450.0, 0.0),
    ]));
    let path = dir.path().join("tree.ron");
    tradeoff::io::save(&path, &s).expect("saves");
    path
}

fn run(args: &[&str], file: &Path) -> std::process::Output {
    assert_cmd::Command::cargo_bin("tradeoff")
        .expect("binary is built")
        .args(["--lang", "en"])
        .args(args)
        .arg(file)
        .output()
        .expect("runs")
}

fn json(output: &std::process::Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn json_adds_groups_and_value_points_and_keeps_criteria() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = tree_file(&dir);
    let all = json(&run(&["sensitivity", "--json"], &file));
    assert_eq!(all["method"], "wsm");
    let names: Vec<&str> = all["criteria"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|c| c["criterion"].as_str())
        .collect();
    assert_eq!(names, ["Risk", "Cost", "Local impact"]);
    let groups = all["groups"].as_array().expect("list");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["group"], "Operations");
    assert_eq!(groups[0]["parent"], serde_json::Value::Null);
    assert!((groups[0]["share"].as_f64().expect("number") - 0.7).abs() < 1e-12);
    assert!(groups[0]["thresholds"].is_array());
    let points = all["value_points"].as_array().expect("list");
    assert_eq!(points.len(), 3, "one per point of Cost's function");
    for (p, point) in points.iter().enumerate() {
        assert_eq!(point["criterion"], "Cost");
        assert_eq!(point["point"], p);
        let range = point["range"].as_array().expect("pair");
        let stable = point["stable"].as_array().expect("pair");
        let value = point["value"].as_f64().expect("number");
        let (lo, hi) = (
            range[0].as_f64().unwrap_or(f64::NAN),
            range[1].as_f64().unwrap_or(f64::NAN),
        );
        let (a, b) = (
            stable[0].as_f64().unwrap_or(f64::NAN),
            stable[1].as_f64().unwrap_or(f64::NAN),
        );
        assert!(lo <= a && a <= value && value <= b && b <= hi, "{point}");
    }
    // The middle point may move from 0 (its right neighbour) to 100 (its left).
    assert_eq!(points[1]["range"], serde_json::json!([0.0, 100.0]));

    let one = json(&run(
        &["sensitivity", "--json", "--group", "Operations"],
        &file,
    ));
    assert_eq!(one["criteria"], serde_json::json!([]));
    assert_eq!(one["groups"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["value_points"], serde_json::json!([]));

    let cost = json(&run(
        &["sensitivity", "--json", "--criterion", "Cost"],
        &file,
    ));
    assert_eq!(cost["criteria"].as_array().map(Vec::len), Some(1));
    assert_eq!(cost["groups"], serde_json::json!([]));
    assert_eq!(cost["value_points"].as_array().map(Vec::len), Some(3));

    let topsis = json(&run(
        &["sensitivity", "--json", "--method", "topsis"],
        &file,
    ));
    assert_eq!(topsis["value_points"], serde_json::json!([]));
    assert_eq!(topsis["groups"].as_array().map(Vec::len), Some(1));
}

#[test]
fn sentences_cover_groups_and_value_points() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = tree_file(&dir);
    let output = run(&["sensitivity"], &file);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains("Groups (each one's share of its parent):"),
        "{text}"
    );
    // Risk and Local impact move together: CAR leads whatever their group weighs.
    assert!(
        text.contains("CAR stays first whatever the weight on the group Operations."),
        "{text}"
    );
    assert!(text.contains("Value-function points"), "{text}");
    assert!(
        text.contains("whatever the value of Cost at 350 (now 90), from 0 to 100."),
        "{text}"
    );

    let output = run(&["sensitivity", "--method", "promethee2"], &file);
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        text.contains("Value functions apply to the weighted sum only"),
        "{text}"
    );

    let output = run(&["sensitivity", "--group", "Nope"], &file);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no group named 'Nope'"));
}
