//! The Robustness view's plain sentences, off the UI thread: one per
//! criterion from its weight-sensitivity curve, computed on a background
//! thread for the newest (revision, method) (an obsolete computation stops
//! between criteria, so a large file stays responsive while a weight is
//! dragged), then the value tree's groups and decisive value-function
//! points; written once per result and language.

use crate::analysis::sensitivity::SensitivityCurve;
use crate::analysis::{DecisionMatrix, Evaluation, Method};
use crate::charts::curve_for;
use crate::model::{Lang, Scenario};
use crate::report::sensitivity::{describe, tree_findings};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// Grid points of the sensitivity curves behind the sentences.
pub const GRID_POINTS: usize = 200;

/// What the sentences' curves depend on: document content and method.
pub type CurvesKey = (u64, Method);

/// The per-criterion sentences: their curves computed on a background
/// thread for the newest (revision, method), an obsolete computation
/// stopped between criteria, and the sentences written once per result and
/// language.
pub struct FindingsWorker {
    /// The newest (revision, method) asked for.
    requested: Option<CurvesKey>,
    /// Stop flag of the computation under way.
    cancel: Option<Arc<AtomicBool>>,
    sender: Sender<(CurvesKey, Vec<SensitivityCurve>)>,
    receiver: Receiver<(CurvesKey, Vec<SensitivityCurve>)>,
    /// The newest curves received (possibly for an older revision).
    curves: Option<(CurvesKey, Vec<SensitivityCurve>)>,
    /// The sentences of `curves` and the language they are in.
    sentences: Option<(CurvesKey, Lang, Vec<String>)>,
}

impl Default for FindingsWorker {
    fn default() -> Self {
        let (sender, receiver) = channel();
        FindingsWorker {
            requested: None,
            cancel: None,
            sender,
            receiver,
            curves: None,
            sentences: None,
        }
    }
}

impl FindingsWorker {
    /// Starts computing the curves for `key` unless already asked; the
    /// previous computation is told to stop. `on_done` runs when they are
    /// ready (to ask for a repaint).
    pub fn request(
        &mut self,
        key: CurvesKey,
        matrix: Option<&DecisionMatrix>,
        on_done: impl Fn() + Send + 'static,
    ) {
        if self.requested == Some(key) {
            return;
        }
        self.requested = Some(key);
        let cancel = Arc::new(AtomicBool::new(false));
        if let Some(obsolete) = self.cancel.replace(Arc::clone(&cancel)) {
            obsolete.store(true, Ordering::Relaxed);
        }
        let Some(matrix) = matrix else {
            // Nothing to rank: no sentences, nothing to compute.
            self.curves = Some((key, Vec::new()));
            return;
        };
        let matrix = matrix.clone();
        let sender = self.sender.clone();
        let spawned = std::thread::Builder::new()
            .name("sensitivity-findings".into())
            .spawn(move || {
                let mut curves = Vec::with_capacity(matrix.m());
                for j in 0..matrix.m() {
                    if cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    curves.push(curve_for(&matrix, key.1, j, GRID_POINTS));
                }
                if sender.send((key, curves)).is_ok() {
                    on_done();
                }
            });
        if let Err(e) = spawned {
            eprintln!("tradeoff: sensitivity sentences not computed: {e}");
        }
    }

    /// Takes the curves computed since the last call; keeps the newest asked for.
    pub fn poll(&mut self) {
        while let Ok((key, curves)) = self.receiver.try_recv() {
            // A finished computation for an older key still beats nothing.
            if self.requested == Some(key) || self.curves.is_none() {
                self.curves = Some((key, curves));
            }
        }
    }

    /// True when the sentences answer the newest request.
    pub fn is_fresh(&self) -> bool {
        self.curves.as_ref().map(|(k, _)| *k) == self.requested
    }

    /// The stop flag of the newest computation started (set once a newer
    /// one replaces it).
    pub fn stop_flag(&self) -> Option<Arc<AtomicBool>> {
        self.cancel.clone()
    }

    /// The sentences of the newest curves in `lang` (written once per
    /// result and language) on `scenario`; `evaluation` gives the
    /// scenario's evaluation under a method (for the value tree's findings).
    pub fn sentences<'e>(
        &mut self,
        scenario: &Scenario,
        evaluation: impl Fn(Method) -> Option<&'e Evaluation>,
        lang: Lang,
    ) -> &[String] {
        if let Some((key, curves)) = &self.curves
            && self
                .sentences
                .as_ref()
                .is_none_or(|(k, l, _)| k != key || *l != lang)
        {
            let mut lines: Vec<String> = curves
                .iter()
                .map(|curve| describe(scenario, curve, lang))
                .collect();
            // Then the value tree's groups and decisive value-function
            // points: exact switch points, cheap enough to write here.
            if let Some(eval) = evaluation(key.1)
                && !eval.ranking.is_empty()
                && !curves.is_empty()
            {
                lines.extend(tree_findings(scenario, eval, key.1, lang));
            }
            self.sentences = Some((*key, lang, lines));
        }
        self.sentences
            .as_ref()
            .map_or(&[], |(_, _, l)| l.as_slice())
    }
}
