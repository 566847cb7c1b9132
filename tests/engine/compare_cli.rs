//! `tradeoff diff` on the command line: the JSON contract of design.md §5,
//! the readable report, and exit statuses.

use assert_cmd::Command;
use serde_json::Value;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// `tradeoff --lang en diff ARGS`, ready for more arguments.
fn english_diff(args: &[&str]) -> Command {
    let mut command = Command::cargo_bin("tradeoff").expect("binary built");
    command.args(["--lang", "en", "diff"]).args(args);
    command
}

fn diff_json(args: &[&str]) -> Value {
    let out = english_diff(args).arg("--json").output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn json_has_the_documented_shape() {
    let v = diff_json(&[&fixture("hand-a.ron"), &fixture("hand-b.ron")]);
    assert_eq!(v["method"], "wsm");
    for key in ["ranking_a", "ranking_b"] {
        let ranking = v[key].as_array().expect("ranking array");
        assert_eq!(ranking.len(), 3);
        for r in ranking {
            assert!(r["alternative"].is_string() && r["score"].is_f64() && r["rank"].is_u64());
        }
    }
    assert_eq!(v["ranking_a"][0]["alternative"], "CAR");
    assert_eq!(v["ranking_b"][0]["alternative"], "Mali");
    assert!(v["changes"].is_object());
    assert_eq!(v["changes"]["scores"][0]["alternative"], "Mali");
    assert_eq!(v["changes"]["scores"][0]["criterion"], "Cost");
    assert_eq!(v["changes"]["scores"][0]["from"], 450.0);
    assert_eq!(v["changes"]["scores"][0]["to"], 250.0);
    let e = &v["explanation"];
    assert_eq!(e["first"], "CAR");
    assert_eq!(e["second"], "Mali");
    let gap_a = e["gap_a"].as_f64().expect("gap_a");
    let gap_b = e["gap_b"].as_f64().expect("gap_b");
    assert!((gap_a + 0.58).abs() < 1e-12 && (gap_b - 0.20).abs() < 1e-12);
    let terms = e["terms"].as_array().expect("terms");
    assert_eq!(terms[0]["criterion"], "Risk");
    let sum: f64 = terms
        .iter()
        .map(|t| {
            t["weight_effect"].as_f64().expect("number")
                + t["value_effect"].as_f64().expect("number")
        })
        .sum();
    assert!((sum - (gap_b - gap_a)).abs() < 1e-9);
    assert!(
        e["summary"]
            .as_str()
            .expect("summary")
            .starts_with("Mali overtook CAR mainly because")
    );
}

#[test]
fn self_diff_json_has_empty_changes_and_zero_terms() {
    for file in [
        format!("{}/scenarios/canada-2016.ron", env!("CARGO_MANIFEST_DIR")),
        fixture("matrix-a.csv"),
    ] {
        let v = diff_json(&[&file, &file]);
        assert_eq!(v["changes"], serde_json::json!({}), "{file}");
        assert_eq!(v["ranking_a"], v["ranking_b"]);
        for t in v["explanation"]["terms"].as_array().expect("terms") {
            assert_eq!(t["weight_effect"], 0.0);
            assert_eq!(t["value_effect"], 0.0);
        }
        assert!(
            v["explanation"]["summary"]
                .as_str()
                .expect("summary")
                .starts_with("Nothing changed")
        );
    }
}

#[test]
fn topsis_shows_rankings_without_the_split() {
    let v = diff_json(&[
        &fixture("hand-a.ron"),
        &fixture("hand-b.ron"),
        "--method",
        "topsis",
    ]);
    assert_eq!(v["method"], "topsis");
    assert_eq!(v["explanation"]["status"], "wsm_only");
    assert_eq!(v["explanation"]["terms"], serde_json::json!([]));
    assert!(
        v["explanation"]["summary"]
            .as_str()
            .expect("summary")
            .contains("wsm only")
    );
}

#[test]
fn csv_files_compare_and_list_what_they_do_not_share() {
    let v = diff_json(&[&fixture("matrix-a.csv"), &fixture("matrix-b.csv")]);
    assert_eq!(v["changes"]["alternatives"]["added"][0]["name"], "Chad");
    assert_eq!(v["changes"]["alternatives"]["removed"][0]["name"], "DRC");
    assert_eq!(v["changes"]["criteria"]["added"][0]["name"], "Speed");
}

#[test]
fn human_report_shows_moves_and_summary() {
    let out = english_diff(&[&fixture("hand-a.ron"), &fixture("hand-b.ron")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("Score of CAR on Risk: 3 → 7"), "{text}");
    assert!(text.contains("↑2"), "{text}");
    assert!(text.contains("↓1"), "{text}");
    assert!(text.contains("Mali overtook CAR"), "{text}");
}

#[test]
fn unknown_profile_is_bad_input() {
    english_diff(&[&fixture("hand-a.ron"), &fixture("hand-b.ron")])
        .args(["--profile", "nobody"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("nobody"));
}

#[test]
fn missing_second_file_is_a_usage_error() {
    Command::cargo_bin("tradeoff")
        .expect("binary built")
        .args(["diff", &fixture("hand-a.ron")])
        .assert()
        .code(2);
}

#[test]
fn a_csv_takes_its_only_profile_whatever_the_name() {
    let canada = format!("{}/scenarios/canada-2016.ron", env!("CARGO_MANIFEST_DIR"));
    let v = diff_json(&[
        &canada,
        &fixture("matrix-a.csv"),
        "--profile",
        "whole_of_government",
    ]);
    assert_eq!(v["profile_a"], "whole_of_government");
    assert_eq!(v["profile_b"], "default");
}
