//! The command line on files: `check` reports every problem with
//! file:line:column and exits 1 (never 101, a panic), `convert` goes from CSV
//! to RON and back without loss.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::{Path, PathBuf};
use tradeoff::io;

fn fixture(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name)
}

fn tradeoff() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("tradeoff");
    cmd.env("LANG", "en_CA.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

#[test]
fn check_on_every_malformed_file_exits_1_with_a_located_message() {
    let dir = fixture("malformed", "");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    assert!(names.len() >= 30, "corpus present");
    for path in names {
        let out = tradeoff().arg("check").arg(&path).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        let prefix = format!("{}:", path.display());
        let located = stderr.lines().any(|l| {
            l.strip_prefix(&prefix).is_some_and(|rest| {
                let mut parts = rest.splitn(3, ':');
                let line = parts.next().and_then(|p| p.parse::<usize>().ok());
                let col = parts.next().and_then(|p| p.parse::<usize>().ok());
                line.is_some_and(|l| l >= 1) && col.is_some_and(|c| c >= 1)
            })
        });
        assert!(located, "{}: no file:line:col in {stderr}", path.display());
    }
}

#[test]
fn check_prints_every_validation_problem_at_once() {
    let path = fixture("malformed", "unknown_score_id.ron");
    let out = tradeoff().arg("check").arg(&path).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(":30:23: error: This score is for an option 'south-sudan'"),
        "{stderr}"
    );
    assert!(
        stderr.contains(":16:9: warning: South Sudan (UNMISS) is not yet scored on Local impact"),
        "{stderr}"
    );
    assert!(stderr.contains("2 problem(s) found"), "{stderr}");
}

#[test]
fn check_speaks_french_when_asked() {
    let path = fixture("malformed", "wrong_type.ron");
    let out = tradeoff()
        .args(["--lang", "fr", "check"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(":19:57: erreur: on attend ici un nombre"),
        "{stderr}"
    );
}

#[test]
fn check_accepts_good_files() {
    for name in [
        "excel_bom_crlf.csv",
        "french_semicolon.csv",
        "v1_scenario.ron",
    ] {
        let out = tradeoff()
            .arg("check")
            .arg(fixture("good", name))
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("OK"));
    }
}

#[test]
fn a_score_not_yet_given_is_a_warning_in_check_and_an_exclusion_in_rank() {
    let file = fixture("good", "not_yet_scored.ron");
    let out = tradeoff().arg("check").arg(&file).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // Located at the option, named by its display names.
    let expected = format!(
        "{}:15:9: warning: DR Congo (MONUSCO) is not yet scored on Cost",
        file.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    let out = tradeoff().arg("rank").arg(&file).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    let line = stdout
        .lines()
        .find(|l| l.contains("DR Congo (MONUSCO)"))
        .expect("listed");
    assert!(
        line.contains("excluded: not yet scored on Cost"),
        "{stdout}"
    );
    let out = tradeoff()
        .args(["rank", "--json"])
        .arg(&file)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["ranking"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["excluded"][0]["id"], "drc");
    assert_eq!(json["excluded"][0]["reasons"][0], "not yet scored on Cost");
}

#[test]
fn rank_says_which_criteria_nobody_has_scored_yet() {
    let text = std::fs::read_to_string(fixture("good", "not_yet_scored.ron")).expect("reads");
    let text = text.replacen(
        "    ],\n    alternatives",
        "        (id: \"language\", name: (en: \"Language fit\", fr: \"Adéquation linguistique\"), direction: Maximize),\n    ],\n    alternatives",
        1,
    );
    assert!(text.contains("Language fit"));
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("new_criterion.ron");
    std::fs::write(&file, text).expect("writes");
    let out = tradeoff()
        .args(["--lang", "fr", "rank"])
        .arg(&file)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("aucune option n'y a encore de note) : Adéquation linguistique"),
        "{stdout}"
    );
    // Left out, so only DR Congo (missing its cost) is excluded.
    assert_eq!(stdout.matches("exclue").count(), 1, "{stdout}");
}

#[test]
fn check_on_a_missing_file_says_so() {
    let out = tradeoff()
        .args(["check", "no/such/file.ron"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("no/such/file.ron: error: there is no file here")
    );
}

#[test]
fn convert_csv_to_ron_and_back_is_lossless() {
    let dir = tempfile::tempdir().expect("dir");
    let original = fixture("seeds", "deployments.csv");
    let ron = dir.path().join("deployments.ron");
    let back_dir = dir.path().join("back");
    std::fs::create_dir(&back_dir).expect("mkdir");
    let back = back_dir.join("deployments.csv");
    tradeoff()
        .arg("convert")
        .arg(&original)
        .arg(&ron)
        .assert()
        .success();
    tradeoff()
        .arg("convert")
        .arg(&ron)
        .arg(&back)
        .assert()
        .success();
    let a = io::load(&original).expect("original");
    assert_eq!(io::load(&ron).expect("ron"), a);
    assert_eq!(io::load(&back).expect("csv again"), a);
}

#[test]
fn convert_into_a_missing_folder_exits_1_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("dir");
    let out = tradeoff()
        .arg("convert")
        .arg(fixture("seeds", "deployments.csv"))
        .arg(dir.path().join("gone").join("x.ron"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the folder no longer exists"));
}

#[test]
fn usage_errors_exit_2() {
    tradeoff().args(["check"]).assert().code(2);
    tradeoff().args(["convert", "a.csv"]).assert().code(2);
}

#[test]
fn check_reports_every_bad_cell_of_a_matrix() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("m.csv");
    std::fs::write(
        &path,
        "alternative;A;B\r\n#direction;min;max\r\n#weight;0,5;x\r\nP;1;NaN\r\nQ;;2\r\n",
    )
    .expect("write");
    let out = tradeoff().arg("check").arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let p = path.display();
    for expected in [
        format!("{p}:3:13: error: `x` is not a number"),
        format!("{p}:4:5: error: `NaN` is not allowed"),
        format!("{p}:5:3: error: this cell is empty"),
        "3 problem(s) found".to_string(),
    ] {
        assert!(stderr.contains(&expected), "{expected} not in {stderr}");
    }
}
