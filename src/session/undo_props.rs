//! Property test of undo/redo and the unsaved mark: random interleavings of
//! drags (coalescing weight edits), typed edits, refused edits, group ends,
//! saves, undos and redos, run through a [`Session`] and checked against a
//! plain timeline model after every step.

use super::{Edit, Session};
use crate::model::{Lang, Scenario, Text};
use proptest::prelude::*;

/// One thing a user may do.
#[derive(Debug, Clone)]
enum Op {
    /// One frame of a drag of a weight slider (coalesces with the last one).
    Drag { criterion: usize, weight: u8 },
    /// The drag ends (slider released).
    Release,
    /// A value typed in a score cell (may fall outside its range).
    Type {
        option: usize,
        criterion: usize,
        value: i16,
    },
    /// A rename typed in one language (coalesces while typing).
    Rename { option: usize, fr: bool, name: u8 },
    /// A new option (not yet scored).
    AddOption,
    /// A refused edit: a range that does not hold the value.
    BadRange { option: usize },
    /// A cell clicked (ends any run of edits).
    Select,
    /// Saved to disk.
    Save,
    /// Ctrl+Z.
    Undo,
    /// Ctrl+Shift+Z.
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 0..5u8).prop_map(|(criterion, weight)| Op::Drag { criterion, weight }),
        2 => Just(Op::Release),
        2 => (0..4usize, 0..3usize, -2..12i16)
            .prop_map(|(option, criterion, value)| Op::Type { option, criterion, value }),
        1 => (0..4usize, any::<bool>(), 0..3u8).prop_map(|(option, fr, name)| Op::Rename { option, fr, name }),
        1 => Just(Op::AddOption),
        1 => (0..4usize).prop_map(|option| Op::BadRange { option }),
        1 => Just(Op::Select),
        1 => Just(Op::Save),
        3 => Just(Op::Undo),
        2 => Just(Op::Redo),
    ]
}

/// The reference: a timeline of distinct scenarios with a cursor. An edit
/// that changes the scenario drops the future and appends; one that
/// continues the open run replaces the newest entry (and a run back to the
/// entry before it removes the step).
struct Model {
    timeline: Vec<Scenario>,
    at: usize,
    run: Option<String>,
    saved: Scenario,
}

impl Model {
    fn edit(&mut self, edit: &Edit) {
        let mut next = self.timeline[self.at].clone();
        if edit.apply(&mut next).is_err() || next == self.timeline[self.at] {
            return;
        }
        let key = edit.coalesce_key();
        self.timeline.truncate(self.at + 1);
        if key.is_some() && key == self.run && self.at > 0 {
            if next == self.timeline[self.at - 1] {
                self.timeline.pop();
                self.at -= 1;
                self.run = None;
                return;
            }
            self.timeline[self.at] = next;
        } else {
            self.timeline.push(next);
            self.at += 1;
        }
        self.run = key;
    }
}

const CRITERIA: [&str; 3] = ["risk", "cost", "impact"];

/// What the session is asked: an edit, or the end of a run of edits (a
/// slider released, a cell clicked).
#[derive(Debug, Clone)]
enum Step {
    Edit(Edit),
    EndGroup,
}

fn commands(op: &Op, s: &Scenario) -> Vec<Step> {
    let option = |i: usize| s.alternatives[i % s.alternatives.len()].id.clone();
    match op {
        Op::Drag { criterion, weight } => vec![Step::Edit(Edit::SetWeight {
            profile: "whole_of_government".into(),
            criterion: CRITERIA[*criterion].into(),
            weight: f64::from(*weight) / 4.0,
        })],
        Op::Release => vec![Step::EndGroup],
        Op::Type {
            option: i,
            criterion,
            value,
        } => vec![Step::Edit(Edit::SetScore {
            alternative: option(*i),
            criterion: CRITERIA[*criterion].into(),
            value: f64::from(*value),
        })],
        Op::Rename {
            option: i,
            fr,
            name,
        } => vec![Step::Edit(Edit::RenameAlternative {
            id: option(*i),
            lang: if *fr { Lang::Fr } else { Lang::En },
            name: format!("Name {name}"),
        })],
        Op::AddOption => vec![Step::Edit(Edit::AddAlternative {
            name: Text::new("Option"),
        })],
        Op::BadRange { option: i } => vec![Step::Edit(Edit::SetRange {
            alternative: option(*i),
            criterion: "risk".into(),
            low: Some(1000.0),
            high: Some(2000.0),
        })],
        Op::Select => vec![Step::EndGroup],
        Op::Save | Op::Undo | Op::Redo => Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn undo_redo_and_the_unsaved_mark_follow_the_timeline(ops in prop::collection::vec(op(), 1..60)) {
        let original = super::fixture::fixture();
        let mut state = Session::new(original.clone(), None);
        state.mark_saved();
        let mut model = Model {
            timeline: vec![original.clone()],
            at: 0,
            run: None,
            saved: original.clone(),
        };
        for op in &ops {
            match op {
                Op::Save => {
                    state.mark_saved();
                    model.saved = model.timeline[model.at].clone();
                    model.run = None;
                }
                Op::Undo => {
                    state.undo();
                    model.at = model.at.saturating_sub(1);
                    model.run = None;
                }
                Op::Redo => {
                    state.redo();
                    if model.at + 1 < model.timeline.len() {
                        model.at += 1;
                    }
                    model.run = None;
                }
                _ => {
                    for c in commands(op, &model.timeline[model.at]) {
                        match &c {
                            Step::Edit(e) => {
                                model.edit(e);
                                // A refused edit leaves the scenario alone (checked below).
                                let _ = state.apply_edit(e);
                            }
                            Step::EndGroup => {
                                model.run = None;
                                state.end_group();
                            }
                        }
                    }
                }
            }
            let now = &model.timeline[model.at];
            prop_assert_eq!(state.scenario(), now, "after {:?}", op);
            prop_assert_eq!(state.doc().can_undo(), model.at > 0, "undo after {:?}", op);
            prop_assert_eq!(
                state.doc().can_redo(),
                model.at + 1 < model.timeline.len(),
                "redo after {:?}",
                op
            );
            prop_assert_eq!(state.doc().is_dirty(), *now != model.saved, "unsaved after {:?}", op);
        }
        while state.doc().can_undo() {
            state.undo();
        }
        prop_assert_eq!(state.scenario(), &original);
        while state.doc().can_redo() {
            state.redo();
        }
        prop_assert_eq!(state.scenario(), model.timeline.last().expect("never empty"));
    }
}
