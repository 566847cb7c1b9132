//! `session::export_jobs` without the GUI: a chart or briefing pack is
//! written or says why not (no panic on a bad extension or a vanished
//! folder), and the job list answers each job once, tells a failure from a
//! crashed worker, and reports a briefing pack's steps and folder.

use std::path::Path;
use std::time::Duration;
use tradeoff::analysis::Method;
use tradeoff::charts::ChartKind;
use tradeoff::model::{Lang, Scenario};
use tradeoff::session::export_jobs::{ExportJobs, JobEnd, export_brief, export_chart};

fn bundled() -> Scenario {
    tradeoff::io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "canada-2016.ron").expect("bundled")
}

/// Polls until every job has answered.
fn wait_all(jobs: &mut ExportJobs) -> Vec<JobEnd> {
    let mut ended = Vec::new();
    for _ in 0..6_000 {
        ended.extend(jobs.finished());
        if !jobs.busy() {
            return ended;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("a job never answered");
}

#[test]
fn session_chart_and_brief_exports_write_files_or_say_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = bundled();
    let png = dir.path().join("ranking.png");
    let chart = |kind, path: &Path| {
        export_chart((&s, &[]), Lang::En, Method::Wsm, (kind, None), None, path)
    };
    assert_eq!(
        chart(ChartKind::Ranking, &png),
        Ok(png.display().to_string())
    );
    let bytes = std::fs::read(&png).expect("written");
    assert!(bytes.starts_with(b"\x89PNG"));
    assert!(chart(ChartKind::Ranking, &dir.path().join("x.pdf")).is_err());
    let gone = dir.path().join("gone").join("deeper").join("r.svg");
    assert!(
        chart(ChartKind::Radar, &gone).is_err(),
        "an error, not a panic"
    );
    let brief = export_brief(
        &s,
        (Lang::Fr, Method::Wsm),
        None,
        "a.ron",
        &dir.path().join("pack"),
        &|_| {},
    )
    .expect("pack written");
    assert!(Path::new(&brief).exists(), "{brief}");
}

#[test]
fn session_export_jobs_answer_once_and_tell_failure_from_crash() {
    let mut jobs = ExportJobs::default();
    assert!(!jobs.busy());
    jobs.spawn(|| Ok("a.png".into()));
    jobs.spawn(|| Err("no room".into()));
    jobs.spawn(|| panic!("the worker dies"));
    assert!(jobs.busy());
    let mut ended = wait_all(&mut jobs);
    ended.sort_by_key(|e| format!("{e:?}"));
    assert_eq!(ended.len(), 3, "each job answers once: {ended:?}");
    assert!(ended.contains(&JobEnd::Crashed));
    assert!(ended.contains(&JobEnd::Failed("no room".into())));
    assert!(ended.iter().any(|e| matches!(
        e,
        JobEnd::Written { what, folder: None, .. } if what == "a.png"
    )));
    assert!(jobs.finished().is_empty(), "nothing answers twice");
}

#[test]
fn session_a_briefing_job_reports_its_steps_and_folder() {
    let pack = std::path::PathBuf::from("pack");
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let mut jobs = ExportJobs::default();
    jobs.spawn_brief(pack.clone(), move |progress| {
        progress(tradeoff::export::brief::Progress { done: 1, total: 4 });
        // Hold until the test has read the progress.
        wait.recv().map_err(|e| e.to_string())?;
        progress(tradeoff::export::brief::Progress { done: 4, total: 4 });
        Ok("pack/index.html".into())
    });
    let mut seen = None;
    for _ in 0..2_000 {
        seen = jobs.progress();
        if seen.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(seen, Some((1, 4)));
    go.send(()).expect("job waiting");
    let ended = wait_all(&mut jobs);
    assert!(
        matches!(&ended[..], [JobEnd::Written { what, folder: Some(f), .. }]
            if *f == pack && what == "pack/index.html"),
        "{ended:?}"
    );
}
