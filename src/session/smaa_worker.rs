//! SMAA runs for the Robustness view, off the UI thread: one worker thread
//! takes the newest job (older queued jobs are skipped), a run made obsolete
//! by a newer request stops at its next chunk of samples (so dragging a
//! weight on a large file never queues minutes of work), and every result
//! carries the generation of the job that made it, so the view can tell a
//! fresh result from a stale one and draw the stale one dimmed.
//!
//! The runs use their own thread pool, not rayon's global one: the window
//! renders its charts on the global pool, and would otherwise wait for SMAA
//! chunks (each a few hundred milliseconds at 1,000+ options) to finish.
//! Results do not depend on the number of threads.

use crate::analysis::smaa::{SmaaOptions, SmaaResult, TreeSampler, smaa_with_cancellable};
use crate::analysis::{Method, evaluate_profile, select_profile};
use crate::model::{Scenario, WeightBounds};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

/// How the weights are drawn in each sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WeightSpread {
    /// Anywhere within the profile's bounds (the whole simplex when it has
    /// none), as `tradeoff smaa` does.
    Profile,
    /// Around the current normalised weights: each sample keeps `1 - share`
    /// of every current weight and spreads `share` (0..=1) uniformly at
    /// random over the criteria.
    AroundCurrent(f64),
}

/// Everything a run depends on; a change means a new job.
#[derive(Debug, Clone, PartialEq)]
pub struct JobKey {
    /// Document revision.
    pub revision: u64,
    /// Ranking method applied to each sample.
    pub method: Method,
    /// How weights are sampled.
    pub spread: WeightSpread,
    /// Number of samples.
    pub samples: usize,
    /// Seed of the random generator.
    pub seed: u64,
}

/// What a finished job produced.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The run's result.
    Done(SmaaResult),
    /// Every option is excluded: nothing to sample.
    AllExcluded,
    /// The scenario cannot be analysed, or the bounds cannot be met.
    Failed(String),
}

/// A finished job.
#[derive(Debug, Clone)]
pub struct Finished {
    /// Generation of the job.
    pub generation: u64,
    /// What it was computed for.
    pub key: JobKey,
    /// The result.
    pub outcome: Outcome,
    /// Time the run took on the worker, in milliseconds.
    pub elapsed_ms: f64,
}

struct Job {
    generation: u64,
    key: JobKey,
    scenario: Scenario,
    /// Set when a newer job is requested.
    cancel: Arc<AtomicBool>,
}

/// What the worker thread reports about its runs, for the view and tests.
#[derive(Default)]
struct Progress {
    /// Generation of the run under way (or last started).
    started: AtomicU64,
    /// Jobs given up: skipped in the queue or stopped under way.
    abandoned: AtomicU64,
}

/// The worker and the latest result.
pub struct SmaaWorker {
    jobs: Sender<Job>,
    results: Receiver<Finished>,
    /// Generation of the newest job sent.
    pub generation: u64,
    /// Key of the newest job sent.
    pub requested: Option<JobKey>,
    /// The newest result received (possibly stale).
    pub latest: Option<Finished>,
    /// The cancel flag of the newest job sent.
    cancel: Option<Arc<AtomicBool>>,
    progress: Arc<Progress>,
}

impl SmaaWorker {
    /// Starts the worker thread; `on_done` runs after each result (e.g. to
    /// ask the window for a repaint).
    pub fn start(on_done: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_rx) = channel::<Job>();
        let (result_tx, results) = channel();
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        std::thread::Builder::new()
            .name("smaa-worker".into())
            .spawn(move || worker_loop(&job_rx, &result_tx, &shared, &on_done))
            .map_err(|e| eprintln!("tradeoff: SMAA worker not started: {e}"))
            .ok();
        SmaaWorker {
            jobs,
            results,
            generation: 0,
            requested: None,
            latest: None,
            cancel: None,
            progress,
        }
    }

    /// Sends a job when `key` differs from the last one requested.
    pub fn request(&mut self, key: JobKey, scenario: &Scenario) {
        if self.requested.as_ref() == Some(&key) {
            return;
        }
        self.generation += 1;
        self.requested = Some(key.clone());
        let cancel = Arc::new(AtomicBool::new(false));
        if let Some(obsolete) = self.cancel.replace(Arc::clone(&cancel)) {
            obsolete.store(true, Ordering::Relaxed);
        }
        let job = Job {
            generation: self.generation,
            key,
            scenario: scenario.clone(),
            cancel,
        };
        if self.jobs.send(job).is_err() {
            self.latest = Some(Finished {
                generation: self.generation,
                key: self.requested.clone().unwrap_or_else(unreachable_key),
                outcome: Outcome::Failed("SMAA worker stopped".into()),
                elapsed_ms: 0.0,
            });
        }
    }

    /// Takes finished results; keeps the newest.
    pub fn poll(&mut self) {
        while let Ok(done) = self.results.try_recv() {
            if self
                .latest
                .as_ref()
                .is_none_or(|l| l.generation <= done.generation)
            {
                self.latest = Some(done);
            }
        }
    }

    /// Generation of the run the worker started last.
    pub fn started(&self) -> u64 {
        self.progress.started.load(Ordering::Relaxed)
    }

    /// How many jobs were given up because a newer one was requested.
    pub fn abandoned(&self) -> u64 {
        self.progress.abandoned.load(Ordering::Relaxed)
    }

    /// True when the latest result answers the newest request.
    pub fn is_fresh(&self) -> bool {
        self.latest
            .as_ref()
            .is_some_and(|l| l.generation == self.generation)
    }

    /// The newest successful SMAA result (fresh or not).
    pub fn result(&self) -> Option<&SmaaResult> {
        match &self.latest.as_ref()?.outcome {
            Outcome::Done(r) => Some(r),
            _ => None,
        }
    }
}

fn unreachable_key() -> JobKey {
    JobKey {
        revision: 0,
        method: Method::Wsm,
        spread: WeightSpread::Profile,
        samples: 0,
        seed: 0,
    }
}

/// A pool for SMAA runs, leaving a core to the window where there are several.
fn smaa_pool() -> Option<rayon::ThreadPool> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    rayon::ThreadPoolBuilder::new()
        .num_threads(cores.saturating_sub(1).max(1))
        .thread_name(|i| format!("smaa-{i}"))
        .build()
        .map_err(|e| eprintln!("tradeoff: SMAA thread pool not started: {e}"))
        .ok()
}

fn worker_loop(
    jobs: &Receiver<Job>,
    results: &Sender<Finished>,
    progress: &Progress,
    on_done: &dyn Fn(),
) {
    let pool = smaa_pool();
    let give_up = || progress.abandoned.fetch_add(1, Ordering::Relaxed);
    while let Ok(mut job) = jobs.recv() {
        // Only the newest job matters: a slider drag queues many.
        while let Ok(newer) = jobs.try_recv() {
            give_up();
            job = newer;
        }
        if job.cancel.load(Ordering::Relaxed) {
            give_up();
            continue;
        }
        progress.started.store(job.generation, Ordering::Relaxed);
        let started = Instant::now();
        let run = || run_cancellable(&job.scenario, &job.key, &job.cancel);
        let outcome = match &pool {
            Some(pool) => pool.install(run),
            None => run(),
        };
        let Some(outcome) = outcome else {
            give_up();
            continue;
        };
        let done = Finished {
            generation: job.generation,
            key: job.key,
            outcome,
            elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
        };
        if results.send(done).is_err() {
            return;
        }
        on_done();
    }
}

/// Runs SMAA for `key` on `scenario` (the active profile's vetoes apply).
pub fn run(scenario: &Scenario, key: &JobKey) -> Outcome {
    match run_cancellable(scenario, key, &AtomicBool::new(false)) {
        Some(outcome) => outcome,
        None => unreachable!("a run nobody can cancel finished"),
    }
}

/// [`run`] that gives up (None) once `cancel` is set.
fn run_cancellable(scenario: &Scenario, key: &JobKey, cancel: &AtomicBool) -> Option<Outcome> {
    let profile = match select_profile(scenario, None) {
        Ok(p) => p,
        Err(e) => return Some(Outcome::Failed(e.to_string())),
    };
    if crate::model::has_errors(&crate::model::validate(scenario)) {
        return Some(Outcome::Failed(String::new()));
    }
    let evaluation = evaluate_profile(scenario, profile, key.method);
    if evaluation.ranking.is_empty() {
        return Some(Outcome::AllExcluded);
    }
    // Around the current weights: spread over the effective weights (the
    // tree's product), so a value tree needs nothing more.
    let sampler = match key.spread {
        WeightSpread::Profile => TreeSampler::for_profile(scenario, profile, &evaluation.matrix),
        WeightSpread::AroundCurrent(d) => TreeSampler::flat(
            evaluation.matrix.m(),
            Some(&around(&evaluation.matrix.weights, d)),
        ),
    };
    let options = SmaaOptions {
        samples: key.samples,
        seed: key.seed,
        ..SmaaOptions::default()
    };
    match sampler {
        Ok(sampler) => {
            smaa_with_cancellable(&evaluation.matrix, key.method, &sampler, &options, cancel)
                .map(Outcome::Done)
        }
        Err(e) => Some(Outcome::Failed(e.to_string())),
    }
}

/// Bounds for weights around the current ones with `share` of the total
/// redistributed at random: each weight at least `(1 - share) * w` and no
/// upper cap. Uniform sampling within them is exactly
/// `(1 - share) * w + share * (uniform point of the simplex)`, and no cap
/// ever binds, so the sampler's fast exact path applies (binding caps cost
/// about 50× more per sample).
pub fn around(weights: &[f64], share: f64) -> Vec<WeightBounds> {
    let total: f64 = weights.iter().sum();
    let keep = 1.0 - share.clamp(0.0, 1.0);
    weights
        .iter()
        .map(|w| {
            let w = if total > 0.0 { w / total } else { 0.0 };
            WeightBounds {
                min: (keep * w).clamp(0.0, 1.0),
                max: 1.0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// The bundled default scenario.
    fn bundled() -> Scenario {
        crate::io::ron_file::parse(crate::DEFAULT_SCENARIO, "canada-2016.ron").expect("bundled")
    }

    fn key(revision: u64, spread: WeightSpread) -> JobKey {
        JobKey {
            revision,
            method: Method::Wsm,
            spread,
            samples: 2_000,
            seed: 7,
        }
    }

    fn wait_fresh(w: &mut SmaaWorker) {
        for _ in 0..2_000 {
            w.poll();
            if w.is_fresh() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("the worker never answered");
    }

    #[test]
    fn bounds_around_the_weights_contain_them_and_leave_the_share_free() {
        let b = around(&[2.0, 1.0, 1.0], 0.2);
        assert!((b[0].min - 0.4).abs() < 1e-12);
        assert!((b[1].min - 0.2).abs() < 1e-12);
        let free = 1.0 - b.iter().map(|x| x.min).sum::<f64>();
        assert!((free - 0.2).abs() < 1e-12);
        assert!(b.iter().all(|x| x.max == 1.0));
        let b = around(&[1.0, 0.0], 1.0);
        assert_eq!((b[0].min, b[1].min), (0.0, 0.0));
    }

    #[test]
    fn the_newest_job_wins_and_results_are_reproducible() {
        let scenario = bundled();
        let mut w = SmaaWorker::start(|| {});
        w.request(key(1, WeightSpread::Profile), &scenario);
        w.request(key(2, WeightSpread::AroundCurrent(0.25)), &scenario);
        assert!(!w.is_fresh());
        wait_fresh(&mut w);
        let latest = w.latest.clone().expect("a result");
        assert_eq!(latest.key.revision, 2);
        let Outcome::Done(r) = latest.outcome else {
            panic!("expected a result");
        };
        for row in &r.acceptability {
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
        let Outcome::Done(again) = run(&scenario, &key(2, WeightSpread::AroundCurrent(0.25)))
        else {
            panic!("expected a result");
        };
        assert_eq!(r, again);
        // The same key again sends nothing new.
        let g = w.generation;
        w.request(key(2, WeightSpread::AroundCurrent(0.25)), &scenario);
        assert_eq!(w.generation, g);
    }

    #[test]
    fn a_run_made_obsolete_by_a_newer_request_is_stopped() {
        let scenario = bundled();
        let mut w = SmaaWorker::start(|| {});
        // Billions of samples: hours of work unless cancelled.
        let endless = JobKey {
            samples: crate::analysis::smaa::MAX_SAMPLES,
            ..key(1, WeightSpread::Profile)
        };
        w.request(endless, &scenario);
        let first = w.generation;
        while w.started() != first {
            std::thread::yield_now();
        }
        w.request(key(2, WeightSpread::Profile), &scenario);
        wait_fresh(&mut w);
        assert_eq!(w.latest.as_ref().map(|l| l.key.revision), Some(2));
        assert_eq!(
            w.abandoned(),
            1,
            "the endless run was stopped, not finished"
        );
    }

    #[test]
    fn every_option_excluded_is_reported_not_ranked() {
        let mut scenario = bundled();
        // A veto no option can meet.
        let c = &mut scenario.criteria[0];
        c.veto = Some(match c.direction {
            crate::model::Direction::Maximize => 1e12,
            crate::model::Direction::Minimize => -1e12,
        });
        assert!(matches!(
            run(&scenario, &key(1, WeightSpread::Profile)),
            Outcome::AllExcluded
        ));
    }
}
