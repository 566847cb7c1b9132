//! From the file as a user has it to the result (issue 17): read, parse,
//! validate, index and evaluate seeded synthetic files (CSV and RON, see
//! `io::synthetic`) of 4 × 8, 200 × 20, 2,000 × 20 and 10,000 × 20. Each
//! measurement is what a command does minus process start and printing:
//! `rank` (every method on CSV, wsm on RON), `check`, `sensitivity` and
//! `smaa` (10,000 samples; 1,000 at 10,000 options).
//!
//! Run one group with e.g. `cargo bench --bench benches -- scale/rank_csv`.

use criterion::{BenchmarkId, Criterion, criterion_group};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tradeoff::analysis::sensitivity::all_criteria;
use tradeoff::analysis::smaa::{SmaaOptions, profile_bounds, smaa};
use tradeoff::analysis::{Method, evaluate, select_profile};
use tradeoff::cli::load_valid;
use tradeoff::i18n::problem_message;
use tradeoff::model::{Lang, has_errors, validate};
use tradeoff::report::ranking::ranking_text;

const SIZES: [(usize, usize); 4] = [(4, 8), (200, 20), (2_000, 20), (10_000, 20)];

/// Writes every size as CSV and RON into a fresh temporary folder.
fn write_files() -> (tempfile::TempDir, Vec<(String, PathBuf, PathBuf)>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = SIZES
        .iter()
        .map(|&(n, m)| {
            let csv = dir.path().join(format!("m{n}x{m}.csv"));
            let ron = dir.path().join(format!("m{n}x{m}.ron"));
            tradeoff::io::synthetic::write(&csv, n, m, 1).expect("csv written");
            tradeoff::io::synthetic::write(&ron, n, m, 1).expect("ron written");
            (format!("{n}x{m}"), csv, ron)
        })
        .collect();
    (dir, files)
}

/// `tradeoff rank FILE --method M` without the printing.
fn rank(path: &Path, method: Method) -> String {
    let scenario = load_valid(path, Lang::En).expect("valid");
    let evaluation = evaluate(&scenario, None, method).expect("ranks");
    ranking_text(&scenario, &evaluation, Lang::En)
}

/// `tradeoff check FILE` without the printing.
fn check(path: &Path) -> Vec<String> {
    let scenario = tradeoff::io::load_all(path).expect("loads");
    let problems = validate(&scenario);
    let located = tradeoff::io::locate_problems(&scenario, &problems, path);
    assert!(!has_errors(&problems));
    located
        .iter()
        .map(|(p, line, col)| format!("{line}:{col}: {}", problem_message(&scenario, p, Lang::En)))
        .collect()
}

/// `tradeoff sensitivity FILE` (every criterion, 101-point curves).
fn sensitivity(path: &Path) -> usize {
    let scenario = load_valid(path, Lang::En).expect("valid");
    let evaluation = evaluate(&scenario, None, Method::Wsm).expect("ranks");
    all_criteria(&evaluation.matrix, Method::Wsm, 101)
        .iter()
        .map(|c| c.thresholds.len())
        .sum()
}

/// `tradeoff smaa FILE --samples N` (wsm).
fn smaa_run(path: &Path, samples: usize) -> f64 {
    let scenario = load_valid(path, Lang::En).expect("valid");
    let profile = select_profile(&scenario, None).expect("profile");
    let evaluation = evaluate(&scenario, None, Method::Wsm).expect("ranks");
    let bounds = profile_bounds(&evaluation.matrix, profile);
    let options = SmaaOptions {
        samples,
        seed: 1,
        ..SmaaOptions::default()
    };
    let r = smaa(&evaluation.matrix, Method::Wsm, bounds.as_deref(), &options).expect("runs");
    r.confidence.iter().sum()
}

fn large(label: &str) -> bool {
    label.starts_with("10000") || label.starts_with("2000x")
}

fn bench_scale(c: &mut Criterion) {
    let (_dir, files) = write_files();
    let mut group = c.benchmark_group("scale/rank_csv");
    group.warm_up_time(Duration::from_millis(500));
    for (label, csv, _) in &files {
        group.sample_size(if large(label) { 10 } else { 30 });
        for method in Method::ALL {
            group.bench_with_input(BenchmarkId::new(method.as_str(), label), csv, |b, p| {
                b.iter(|| black_box(rank(p, method)))
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("scale/rank_ron");
    group.warm_up_time(Duration::from_millis(500));
    for (label, _, ron) in &files {
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::new("wsm", label), ron, |b, p| {
            b.iter(|| black_box(rank(p, Method::Wsm)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("scale/check");
    group.warm_up_time(Duration::from_millis(500));
    for (label, csv, ron) in &files {
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::new("csv", label), csv, |b, p| {
            b.iter(|| black_box(check(p)))
        });
        group.bench_with_input(BenchmarkId::new("ron", label), ron, |b, p| {
            b.iter(|| black_box(check(p)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("scale/sensitivity");
    group.warm_up_time(Duration::from_millis(500));
    for (label, csv, _) in &files {
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::new("wsm", label), csv, |b, p| {
            b.iter(|| black_box(sensitivity(p)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("scale/smaa");
    group.warm_up_time(Duration::from_millis(500));
    for (label, csv, _) in &files {
        let samples = if label.starts_with("10000") {
            1_000
        } else {
            10_000
        };
        group.sample_size(10);
        group.bench_with_input(
            BenchmarkId::new(format!("wsm {samples} samples"), label),
            csv,
            |b, p| b.iter(|| black_box(smaa_run(p, samples))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_scale);
