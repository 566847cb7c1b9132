//! `tradeoff smaa` on the command line: JSON shape, determinism, text in
//! both languages, exclusions and bounds from the profile.

use std::process::Command;

fn tradeoff(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

const CSV: &str = "alternative,Risk,Cost,Local impact\n#direction,min,min,max\n#weight,0.4,0.3,0.3\nMali,8,450,7\nCAR,6,300,6\nDRC,7,380,5\nSouth Sudan,7,350,6\n";

#[test]
fn json_has_acceptability_central_weights_and_confidence_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(&dir, "d.csv", CSV);
    let out = tradeoff(&["smaa", &file, "--samples", "2000", "--seed", "3", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["samples"], 2000);
    let row = v["acceptability"]["South Sudan"].as_array().expect("row");
    assert_eq!(row.len(), 4);
    let total: f64 = row.iter().map(|x| x.as_f64().expect("number")).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert!(v["central_weights"]["CAR"]["Risk"].is_number());
    assert!(v["confidence"]["Mali"].is_number());
    let again = tradeoff(&["smaa", &file, "--samples", "2000", "--seed", "3", "--json"]);
    assert_eq!(out.stdout, again.stdout, "same seed, same output");
}

#[test]
fn text_output_is_translated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(&dir, "d.csv", CSV);
    let en = tradeoff(&["smaa", &file, "--samples", "500", "--lang", "en"]);
    let fr = tradeoff(&["smaa", &file, "--samples", "500", "--lang", "fr"]);
    let en = String::from_utf8_lossy(&en.stdout).to_string();
    let fr = String::from_utf8_lossy(&fr.stdout).to_string();
    assert!(
        en.contains("rank 1") && en.contains("Central weights"),
        "{en}"
    );
    assert!(
        fr.contains("rang 1") && fr.contains("Poids centraux"),
        "{fr}"
    );
    assert!(fr.contains("\u{a0}%"), "French percentages: {fr}");
}

const RON: &str = r#"(
    format_version: 2,
    title: (en: "T", fr: "T"),
    criteria: [
        (id: "risk", name: (en: "Risk"), direction: Minimize, veto: Some(5)),
        (id: "gain", name: (en: "Gain"), direction: Maximize),
    ],
    alternatives: [(id: "a", name: (en: "Alpha")), (id: "b", name: (en: "Bravo"))],
    scores: [
        (alternative: "a", criterion: "risk", value: 3),
        (alternative: "a", criterion: "gain", value: 3),
        (alternative: "b", criterion: "risk", value: 4),
        (alternative: "b", criterion: "gain", value: 9),
    ],
    profiles: [
        (id: "p", name: (en: "P"), weights: {"risk": 1, "gain": 1},
         bounds: {"risk": (min: 0.8, max: 0.9)}),
        (id: "strict", name: (en: "Strict"), weights: {"risk": 1}, vetoes: {"risk": 2}),
    ],
    active_profile: "p",
)"#;

#[test]
fn profile_bounds_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(&dir, "s.ron", RON);
    let out = tradeoff(&["smaa", &file, "--samples", "3000", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // Risk weight >= 0.8: Alpha (lower risk) is first in every sample.
    assert_eq!(v["acceptability"]["Alpha"][0], 1.0);
    let w = v["central_weights"]["Alpha"]["Risk"]
        .as_f64()
        .expect("number");
    assert!((0.8..=0.9).contains(&w), "{w}");
}

#[test]
fn every_option_excluded_is_said_plainly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(&dir, "s.ron", RON);
    let out = tradeoff(&["smaa", &file, "--profile", "strict", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Every option is excluded"), "{text}");
    let out = tradeoff(&["smaa", &file, "--profile", "strict", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["acceptability"], serde_json::json!({}));
    assert_eq!(v["excluded"].as_array().map(Vec::len), Some(2));
}

#[test]
fn impossible_bounds_are_bad_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = RON.replace(
        "weights: {\"risk\": 1}, vetoes",
        "weights: {\"risk\": 1}, bounds: {\"risk\": (min: 0.8, max: 0.9), \"gain\": (min: 0.5, max: 1)}, vetoes",
    );
    assert_ne!(broken, RON);
    let file = write(&dir, "s.ron", &broken);
    let out = tradeoff(&["smaa", &file, "--profile", "strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stderr.is_empty());
}
