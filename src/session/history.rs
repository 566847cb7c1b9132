//! Undo/redo for one open scenario: every applied [`Edit`] pushes a snapshot
//! of the scenario before it; runs of edits with the same coalescing key (a
//! slider drag) share one step, and a run that ends where it started leaves
//! no step. The unsaved flag compares the scenario with the saved one, so it
//! holds exactly when they differ, whatever the order of edits and undos.

use super::edit::{Edit, EditError};
use crate::model::Scenario;

#[derive(Debug, Clone)]
struct Step {
    before: Scenario,
    revision: u64,
}

/// The open scenario with its undo and redo stacks.
#[derive(Debug, Clone)]
pub struct Document {
    scenario: Scenario,
    revision: u64,
    next_revision: u64,
    /// The scenario as last saved or opened (None: never saved).
    saved: Option<Scenario>,
    /// Cached `saved != Some(scenario)`, updated on every change.
    dirty: bool,
    undo: Vec<Step>,
    redo: Vec<Step>,
    open_group: Option<String>,
}

impl Document {
    /// A document for a scenario as it is on disk (`saved`) or new.
    pub fn new(scenario: Scenario, saved: bool) -> Self {
        Document {
            saved: saved.then(|| scenario.clone()),
            dirty: !saved,
            scenario,
            revision: 0,
            next_revision: 1,
            undo: Vec::new(),
            redo: Vec::new(),
            open_group: None,
        }
    }

    /// The scenario as it is now.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// A number that changes whenever the scenario does (and comes back with undo).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the scenario differs from what was last saved or opened.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Records that the current scenario is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.scenario.clone());
        self.dirty = false;
        self.seal();
    }

    fn update_dirty(&mut self) {
        self.dirty = self.saved.as_ref() != Some(&self.scenario);
    }

    /// Applies `edit`; an edit that fails leaves everything as it was.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        let mut next = self.scenario.clone();
        edit.apply(&mut next)?;
        if next == self.scenario {
            return Ok(());
        }
        let key = edit.coalesce_key();
        let joins = key.is_some() && key == self.open_group && !self.undo.is_empty();
        self.redo.clear();
        self.open_group = key;
        if joins && self.undo.last().is_some_and(|step| step.before == next) {
            // The run came back to where it started (a drag returned to its
            // first value): nothing is left to undo from it.
            if let Some(step) = self.undo.pop() {
                self.scenario = step.before;
                self.revision = step.revision;
            }
            self.open_group = None;
            self.update_dirty();
            return Ok(());
        }
        if !joins {
            self.undo.push(Step {
                before: std::mem::replace(&mut self.scenario, next),
                revision: self.revision,
            });
        } else {
            self.scenario = next;
        }
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.update_dirty();
        Ok(())
    }

    /// Ends the current run of coalescing edits (drag released, field left).
    pub fn seal(&mut self) {
        self.open_group = None;
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Steps back one edit (or one coalesced run). False when there is none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Re-applies the last undone step. False when there is none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        // Whatever happens, a run of coalescing edits ends here.
        self.open_group = None;
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        to.push(Step {
            before: std::mem::replace(&mut self.scenario, step.before),
            revision: self.revision,
        });
        self.revision = step.revision;
        self.open_group = None;
        self.update_dirty();
        true
    }

    /// Number of undo steps available.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        Document::new(crate::session::fixture::fixture(), true)
    }

    fn weight(w: f64) -> Edit {
        Edit::SetWeight {
            profile: "whole_of_government".into(),
            criterion: "risk".into(),
            weight: w,
        }
    }

    #[test]
    fn undo_and_redo_restore_scenario_and_saved_flag() {
        let mut d = doc();
        let original = d.scenario().clone();
        assert!(!d.is_dirty());
        d.apply(&Edit::SetScore {
            alternative: "mali".into(),
            criterion: "risk".into(),
            value: 3.0,
        })
        .expect("applies");
        assert!(d.is_dirty());
        let edited = d.scenario().clone();
        assert!(d.undo());
        assert_eq!(d.scenario(), &original);
        assert!(!d.is_dirty());
        assert!(d.redo());
        assert_eq!(d.scenario(), &edited);
        assert!(d.is_dirty());
        assert!(!d.redo());
    }

    #[test]
    fn a_drag_is_one_undo_step_until_sealed() {
        let mut d = doc();
        for w in [0.5, 0.6, 0.7, 0.8] {
            d.apply(&weight(w)).expect("applies");
        }
        assert_eq!(d.undo_len(), 1);
        d.seal();
        d.apply(&weight(0.9)).expect("applies");
        assert_eq!(d.undo_len(), 2);
        d.undo();
        assert_eq!(d.scenario().profiles[0].weight("risk"), 0.8);
        d.undo();
        assert_eq!(d.scenario().profiles[0].weight("risk"), 0.4);
        assert!(!d.is_dirty());
    }

    #[test]
    fn an_edit_after_undo_clears_redo_and_unlimited_undo_works() {
        let mut d = doc();
        for k in 0..200 {
            d.apply(&Edit::SetScore {
                alternative: "car".into(),
                criterion: "cost".into(),
                value: f64::from(k),
            })
            .expect("applies");
        }
        assert_eq!(d.undo_len(), 200);
        while d.undo() {}
        assert_eq!(
            d.scenario().score("car", "cost").map(|s| s.value),
            Some(300.0)
        );
        d.redo();
        d.apply(&weight(0.1)).expect("applies");
        assert!(!d.can_redo());
    }

    #[test]
    fn failed_and_no_op_edits_leave_no_step() {
        let mut d = doc();
        assert!(d.apply(&weight(f64::INFINITY)).is_err());
        d.apply(&weight(0.4)).expect("same value");
        assert_eq!(d.undo_len(), 0);
        assert!(!d.is_dirty());
    }
}
