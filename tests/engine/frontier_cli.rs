//! `tradeoff frontier` and `rank --json`'s `dominated_by` on the command
//! line: the JSON shape, consistency with the definitions, French output,
//! and refused costs.

use assert_cmd::Command;
use serde_json::Value;

fn canada() -> String {
    format!("{}/scenarios/canada-2016.ron", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("tradeoff")
        .expect("binary built")
        .args(args)
        .output()
        .expect("runs")
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn frontier_json_has_the_documented_shape() {
    let file = canada();
    let v = json(&[
        "--lang", "en", "frontier", &file, "--cost", "budget", "--json",
    ]);
    assert_eq!(v["method"], "wsm");
    assert_eq!(v["cost"]["id"], "budget");
    assert_eq!(v["cost"]["kind"], "resource");
    assert_eq!(v["cost"]["cap"], 450.0);
    let options = v["options"].as_array().expect("options");
    assert!(!options.is_empty());
    for o in options {
        assert!(o["id"].is_string() && o["alternative"].is_string());
        assert!(o["cost"].is_number() && o["value"].is_number());
        let efficient = o["efficient"].as_bool().expect("efficient flag");
        // Efficient options name no alternative; inefficient ones name both,
        // and each is on the frontier, no dearer, and at least as valuable.
        for key in ["cheaper", "better"] {
            if efficient {
                assert!(o[key].is_null());
            } else {
                let id = o[key]["id"].as_str().expect("an alternative");
                let alt = options.iter().find(|x| x["id"] == id).expect("listed");
                assert_eq!(alt["efficient"], true);
                assert!(alt["cost"].as_f64() <= o["cost"].as_f64());
                assert!(alt["value"].as_f64() >= o["value"].as_f64());
            }
        }
    }
    // The frontier: efficient ids in increasing cost.
    let frontier: Vec<&str> = v["frontier"]
        .as_array()
        .expect("frontier")
        .iter()
        .map(|x| x.as_str().expect("id"))
        .collect();
    let costs: Vec<f64> = frontier
        .iter()
        .map(|id| {
            options
                .iter()
                .find(|o| o["id"] == *id)
                .and_then(|o| o["cost"].as_f64())
                .expect("cost")
        })
        .collect();
    assert!(costs.windows(2).all(|w| w[0] <= w[1]));
    let efficient = options.iter().filter(|o| o["efficient"] == true).count();
    assert_eq!(frontier.len(), efficient);
    // Packages: steps rising in cost and value up to the cap, the last marked.
    let steps = v["packages"]["steps"].as_array().expect("steps");
    assert!(steps.windows(2).all(|w| {
        w[0]["cost"].as_f64() < w[1]["cost"].as_f64()
            && w[0]["value"].as_f64() < w[1]["value"].as_f64()
    }));
    let marked: Vec<bool> = steps
        .iter()
        .map(|s| s["at_cap"].as_bool().expect("flag"))
        .collect();
    assert_eq!(marked.iter().filter(|m| **m).count(), 1);
    assert_eq!(marked.last(), Some(&true));
    assert!(steps.last().and_then(|s| s["cost"].as_f64()) <= Some(450.0));
    // What the cap buys is what `package` finds best.
    let best = json(&["--lang", "en", "package", &file, "--json"]);
    let best_value = best["packages"][0]["value"].as_f64().expect("value");
    let at_cap = steps
        .last()
        .and_then(|s| s["value"].as_f64())
        .expect("value");
    assert!((best_value - at_cap).abs() < 1e-9);
    assert!(v["summary"].as_array().is_some_and(|s| !s.is_empty()));
}

#[test]
fn a_criterion_cost_has_no_packages_and_says_why() {
    let v = json(&["frontier", &canada(), "--cost", "cost", "--json"]);
    assert_eq!(v["cost"]["kind"], "criterion");
    assert!(v["cost"].get("cap").is_none());
    assert!(v["packages"].is_null());
    assert_eq!(v["packages_unavailable"], "cost_is_criterion");
}

#[test]
fn french_output_uses_french_numbers_and_words() {
    let out = run(&["--lang", "fr", "frontier", &canada(), "--cost", "budget"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Rapport qualité-coût"), "{text}");
    assert!(text.contains("pour une valeur de 0,"), "{text}");
    assert!(!text.contains("value"), "{text}");
}

#[test]
fn a_cost_that_is_not_one_is_refused() {
    let out = run(&["--lang", "en", "frontier", &canada(), "--cost", "impact"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("maximised"));
    let out = run(&["--lang", "en", "frontier", &canada(), "--cost", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&[
        "frontier",
        &canada(),
        "--cost",
        "budget",
        "--method",
        "topsis",
    ]);
    assert_eq!(out.status.code(), Some(2), "value for money is wsm only");
}

#[test]
fn rank_json_lists_dominators_by_the_definition() {
    let dir = std::env::temp_dir().join(format!("tradeoff-dominance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("m.csv");
    // B ties A on cost and is better on impact; C trades off; D is A's twin.
    std::fs::write(
        &csv,
        "alternative,Cost,Impact\n#direction,min,max\n#weight,0.5,0.5\nA,10,3\nB,10,5\nC,5,1\nD,10,3\n",
    )
    .expect("write");
    let v = json(&["rank", csv.to_str().expect("utf-8 path"), "--json"]);
    let by = |name: &str| -> Vec<String> {
        v["ranking"]
            .as_array()
            .expect("ranking")
            .iter()
            .find(|r| r["alternative"] == name)
            .map(|r| {
                r["dominated_by"]
                    .as_array()
                    .expect("dominated_by is a list")
                    .iter()
                    .map(|x| x.as_str().expect("id").to_string())
                    .collect()
            })
            .expect("row")
    };
    assert_eq!(by("A"), vec!["B".to_string()]);
    assert_eq!(by("D"), vec!["B".to_string()]);
    assert!(by("B").is_empty());
    assert!(by("C").is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
