//! Chart and briefing-pack exports on worker threads, so the window never
//! waits for a file: each job answers once (the written path, or why not),
//! a briefing pack reports its steps as it goes, and a job whose thread
//! died is told apart from one that failed.

use crate::analysis::Method;
use crate::analysis::smaa::SmaaResult;
use crate::charts::{ChartInput, ChartKind};
use crate::export::brief::{BriefOptions, Progress, write_brief_with_progress};
use crate::model::{Lang, Scenario};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

/// Size of exported and copied charts, in pixels (a projector's 1080p).
pub const EXPORT_SIZE_PX: (u32, u32) = (1920, 1080);

/// Steps done and steps in all of a running briefing export.
type Steps = Arc<(AtomicUsize, AtomicUsize)>;

struct Running {
    started: Instant,
    answer: Receiver<Result<String, String>>,
    /// A briefing pack's progress (None for a single chart).
    steps: Option<Steps>,
    /// The folder a briefing pack is written into.
    folder: Option<PathBuf>,
}

/// How a job ended.
#[derive(Debug, Clone, PartialEq)]
pub enum JobEnd {
    /// Written: what (a path), in how many milliseconds, and the folder of a
    /// briefing pack.
    Written {
        /// The path written.
        what: String,
        /// Wall time of the job, milliseconds.
        ms: f64,
        /// The briefing pack's folder (None for a single chart).
        folder: Option<PathBuf>,
    },
    /// Not written, and why (in the job's language).
    Failed(String),
    /// The worker thread stopped without answering.
    Crashed,
}

/// The exports under way.
#[derive(Default)]
pub struct ExportJobs {
    running: Vec<Running>,
}

impl ExportJobs {
    /// Runs `job` on a new thread; its answer is the path written or why not.
    pub fn spawn(&mut self, job: impl FnOnce() -> Result<String, String> + Send + 'static) {
        self.start(job, None, None);
    }

    /// Runs a briefing-pack `job` into `folder` on a new thread; the job
    /// reports each step through the function it is given.
    pub fn spawn_brief(
        &mut self,
        folder: PathBuf,
        job: impl FnOnce(&dyn Fn(Progress)) -> Result<String, String> + Send + 'static,
    ) {
        let steps: Steps = Arc::new((AtomicUsize::new(0), AtomicUsize::new(0)));
        let shared = Arc::clone(&steps);
        let run = move || {
            job(&|p: Progress| {
                shared.1.store(p.total, Ordering::Relaxed);
                shared.0.store(p.done, Ordering::Relaxed);
            })
        };
        self.start(run, Some(steps), Some(folder));
    }

    fn start(
        &mut self,
        job: impl FnOnce() -> Result<String, String> + Send + 'static,
        steps: Option<Steps>,
        folder: Option<PathBuf>,
    ) {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(job());
        });
        self.running.push(Running {
            started: Instant::now(),
            answer: rx,
            steps,
            folder,
        });
    }

    /// True while a job runs.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Steps done and in all of the first briefing pack under way, once it
    /// knows how many there are.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let steps = self.running.iter().find_map(|r| r.steps.as_ref())?;
        let (done, total) = (
            steps.0.load(Ordering::Relaxed),
            steps.1.load(Ordering::Relaxed),
        );
        (total > 0).then_some((done, total))
    }

    /// The jobs that ended since the last call, in the order they started.
    pub fn finished(&mut self) -> Vec<JobEnd> {
        let mut ended = Vec::new();
        self.running.retain(|r| match r.answer.try_recv() {
            Ok(Ok(what)) => {
                ended.push(JobEnd::Written {
                    what,
                    ms: r.started.elapsed().as_secs_f64() * 1000.0,
                    folder: r.folder.clone(),
                });
                false
            }
            Ok(Err(why)) => {
                ended.push(JobEnd::Failed(why));
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                ended.push(JobEnd::Crashed);
                false
            }
        });
        ended
    }
}

/// Writes one chart to `path` (PNG or SVG by extension); the answer is the
/// path written or why not.
pub fn export_chart(
    (scenario, expanded): (&Scenario, &[String]),
    lang: Lang,
    method: Method,
    (kind, criterion): (ChartKind, Option<String>),
    smaa: Option<SmaaResult>,
    path: &Path,
) -> Result<String, String> {
    let input = ChartInput {
        method,
        criterion: criterion.as_deref(),
        smaa: smaa.as_ref(),
        expanded,
        ..ChartInput::new(scenario, lang)
    };
    let (w, h) = EXPORT_SIZE_PX;
    crate::export::write_chart(path, kind, &input, w, h)
        .map(|()| path.display().to_string())
        .map_err(|e| e.message(lang))
}

/// Writes the briefing pack into `dir`, reporting each step; the answer is
/// its HTML page's path or why not.
pub fn export_brief(
    scenario: &Scenario,
    (lang, method): (Lang, Method),
    smaa: Option<&SmaaResult>,
    source: &str,
    dir: &Path,
    progress: &dyn Fn(Progress),
) -> Result<String, String> {
    let options = BriefOptions {
        method,
        smaa,
        source_file: Some(source),
        ..BriefOptions::new(lang)
    };
    write_brief_with_progress(scenario, dir, &options, progress)
        .map(|files| files.html.display().to_string())
        .map_err(|e| e.message(lang))
}
