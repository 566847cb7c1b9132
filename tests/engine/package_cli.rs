//! `tradeoff package` on the command line.

use std::process::Command;

fn tradeoff(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(args)
        .output()
        .expect("binary runs")
}

const RON: &str = r#"(
    format_version: 2,
    title: (en: "Packages", fr: "Combinaisons"),
    criteria: [(id: "gain", name: (en: "Gain", fr: "Gain"), direction: Maximize)],
    alternatives: [
        (id: "a", name: (en: "Alpha"), needs: {"troops": 400}),
        (id: "b", name: (en: "Bravo"), needs: {"troops": 300}),
        (id: "c", name: (en: "Charlie"), needs: {"troops": 250}),
        (id: "d", name: (en: "Delta"), needs: {"troops": 100}),
    ],
    scores: [
        (alternative: "a", criterion: "gain", value: 10),
        (alternative: "b", criterion: "gain", value: 7),
        (alternative: "c", criterion: "gain", value: 6),
        (alternative: "d", criterion: "gain", value: 1),
    ],
    profiles: [(id: "p", name: (en: "P"), weights: {"gain": 1})],
    active_profile: "p",
    resources: [(id: "troops", name: (en: "Troops", fr: "Militaires"), unit: "personnel", cap: 600)],
    combinable: true,
)"#;

#[test]
fn json_lists_the_best_sets_with_use_and_binding_caps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    std::fs::write(&path, RON).expect("write");
    let file = path.display().to_string();
    let out = tradeoff(&["package", &file, "--top", "2", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let packages = v["packages"].as_array().expect("packages");
    assert_eq!(packages.len(), 2);
    // Values: a 1, b 2/3, c 5/9, d 0 (left out). b + c = 550 <= 600 beats a alone.
    assert_eq!(
        packages[0]["options"],
        serde_json::json!(["Bravo", "Charlie"])
    );
    assert_eq!(packages[0]["use"]["Troops"], 550.0);
    assert_eq!(packages[0]["binding"], serde_json::json!(["Troops"]));
    assert_eq!(packages[0]["left_out"][0]["alternative"], "Alpha");
    assert_eq!(
        packages[0]["left_out"][0]["would_exceed"],
        serde_json::json!(["Troops"])
    );
    assert_eq!(packages[1]["options"], serde_json::json!(["Alpha"]));
    let fr = tradeoff(&["package", &file, "--lang", "fr"]);
    let text = String::from_utf8_lossy(&fr.stdout);
    assert!(
        text.contains("valeur totale") && text.contains("Militaires"),
        "{text}"
    );
}

#[test]
fn a_scenario_of_alternatives_is_refused_plainly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.ron");
    std::fs::write(&path, RON.replace("combinable: true,", "")).expect("write");
    let out = tradeoff(&["package", &path.display().to_string(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be combined"));
}
