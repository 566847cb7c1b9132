//! The file workflow's state machine on its own (no I/O): each question
//! leads where the user's answer says, and — over random sequences of
//! answers — a document with unsaved changes is never replaced or closed
//! unless the user chose Discard or a save succeeded.

use proptest::prelude::*;
use std::path::PathBuf;
use tradeoff::session::workflow::{Effect, Event, Facts};
use tradeoff::session::{DialogPurpose, Pending, SaveConflictChoice, UnsavedChoice, Workflow};

fn facts(dirty: bool, path: Option<&str>, conflict: bool) -> Facts {
    Facts {
        dirty,
        path: path.map(PathBuf::from),
        conflict,
    }
}

#[test]
fn session_workflow_clean_requests_run_at_once_and_dirty_ones_ask() {
    let clean = facts(false, None, false);
    let dirty = facts(true, None, false);
    let open = Pending::Open(Some("a.ron".into()));
    assert_eq!(
        Workflow::Idle.step(Event::Request(open.clone()), &clean),
        (Workflow::Idle, Effect::Run(open.clone()))
    );
    assert_eq!(
        Workflow::Idle.step(Event::Request(open.clone()), &dirty),
        (Workflow::ConfirmingUnsaved(open.clone()), Effect::None)
    );
    assert_eq!(
        Workflow::Idle.step(Event::Request(Pending::Quit), &clean),
        (Workflow::Quitting, Effect::None)
    );
    assert_eq!(
        Workflow::Idle.step(Event::Request(Pending::Open(None)), &clean),
        (
            Workflow::AskingPath {
                purpose: DialogPurpose::Open,
                then: None
            },
            Effect::None
        )
    );
}

#[test]
fn session_workflow_save_first_without_a_name_asks_one_then_goes_on() {
    let dirty = facts(true, None, false);
    let asking = Workflow::ConfirmingUnsaved(Pending::Quit)
        .step(Event::Unsaved(UnsavedChoice::Save), &dirty)
        .0;
    assert_eq!(
        asking,
        Workflow::AskingPath {
            purpose: DialogPurpose::SaveAs,
            then: Some(Pending::Quit)
        }
    );
    let (saving, effect) = asking.step(Event::SaveAs(Some("mine.ron".into())), &dirty);
    assert_eq!(
        effect,
        Effect::Write {
            path: "mine.ron".into(),
            adopt: true
        }
    );
    assert_eq!(
        saving
            .clone()
            .step(Event::Saved(true), &facts(false, Some("mine.ron"), false)),
        (Workflow::Quitting, Effect::None)
    );
    assert_eq!(
        saving.step(Event::Saved(false), &dirty),
        (Workflow::Idle, Effect::None),
        "a failed save does not go on to quit"
    );
}

#[test]
fn session_workflow_a_changed_file_asks_before_overwriting_and_keeps_what_waits() {
    let changed = facts(true, Some("s.ron"), true);
    let asking = Workflow::ConfirmingUnsaved(Pending::New)
        .step(Event::Unsaved(UnsavedChoice::Save), &changed)
        .0;
    assert_eq!(
        asking,
        Workflow::ConfirmingOverwrite {
            path: "s.ron".into(),
            then: Some(Pending::New)
        }
    );
    assert_eq!(
        asking
            .clone()
            .step(Event::Conflict(SaveConflictChoice::Overwrite), &changed),
        (
            Workflow::Saving {
                then: Some(Pending::New)
            },
            Effect::Write {
                path: "s.ron".into(),
                adopt: false
            }
        )
    );
    assert_eq!(
        asking
            .clone()
            .step(Event::Conflict(SaveConflictChoice::SaveAs), &changed)
            .0,
        Workflow::AskingPath {
            purpose: DialogPurpose::SaveAs,
            then: Some(Pending::New)
        }
    );
    assert_eq!(
        asking.step(Event::Conflict(SaveConflictChoice::Cancel), &changed),
        (Workflow::Idle, Effect::None)
    );
}

#[test]
fn session_workflow_a_path_chosen_after_discard_asks_again_if_still_unsaved() {
    // The native dialog does not block the window: the user may have
    // edited again while it was open, so the chosen file is guarded too.
    let dirty = facts(true, Some("s.ron"), false);
    let asking = Workflow::ConfirmingUnsaved(Pending::Open(None))
        .step(Event::Unsaved(UnsavedChoice::Discard), &dirty)
        .0;
    let chosen = Pending::Open(Some("b.ron".into()));
    assert_eq!(
        asking.step(Event::Request(chosen.clone()), &dirty),
        (Workflow::ConfirmingUnsaved(chosen), Effect::None)
    );
}

#[test]
fn session_workflow_answers_to_questions_not_open_change_nothing() {
    let f = facts(true, Some("s.ron"), false);
    for event in [
        Event::Unsaved(UnsavedChoice::Discard),
        Event::Conflict(SaveConflictChoice::Overwrite),
        Event::Saved(true),
        Event::Answered,
    ] {
        assert_eq!(
            Workflow::Idle.step(event.clone(), &f),
            (Workflow::Idle, Effect::None),
            "{event:?}"
        );
    }
    assert_eq!(
        Workflow::Quitting.step(Event::Request(Pending::New), &f),
        (Workflow::Quitting, Effect::None)
    );
}

/// One thing the user (or a finished write) may report, plus edits.
#[derive(Debug, Clone)]
enum Step {
    Edit,
    Event(Event),
}

fn step() -> impl Strategy<Value = Step> {
    let pending = prop_oneof![
        Just(Pending::New),
        Just(Pending::Quit),
        Just(Pending::Open(None)),
        Just(Pending::Open(Some("b.ron".into()))),
        Just(Pending::ImportCsv(Some("m.csv".into()))),
    ];
    prop_oneof![
        Just(Step::Edit),
        pending.prop_map(|p| Step::Event(Event::Request(p))),
        Just(Step::Event(Event::Save)),
        Just(Step::Event(Event::SaveAs(None))),
        Just(Step::Event(Event::SaveAs(Some("c.ron".into())))),
        Just(Step::Event(Event::DialogCancelled)),
        prop_oneof![
            Just(UnsavedChoice::Save),
            Just(UnsavedChoice::Discard),
            Just(UnsavedChoice::Cancel)
        ]
        .prop_map(|c| Step::Event(Event::Unsaved(c))),
        prop_oneof![
            Just(SaveConflictChoice::Overwrite),
            Just(SaveConflictChoice::SaveAs),
            Just(SaveConflictChoice::Cancel)
        ]
        .prop_map(|c| Step::Event(Event::Conflict(c))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Unsaved work is replaced (Run) or closed (Quitting) only when it
    /// was just discarded, or is clean (never edited, or saved).
    #[test]
    fn session_workflow_unsaved_work_is_never_lost_without_discard(
        steps in prop::collection::vec(step(), 1..40),
        conflict in any::<bool>(),
        writes_succeed in any::<bool>(),
    ) {
        let mut state = Workflow::Idle;
        let mut dirty = false;
        let mut path: Option<PathBuf> = Some("s.ron".into());
        for s in steps {
            let event = match s {
                Step::Edit => {
                    if state != Workflow::Quitting {
                        dirty = true;
                    }
                    continue;
                }
                Step::Event(e) => e,
            };
            let discarding = event == Event::Unsaved(UnsavedChoice::Discard);
            let mut next_event = Some(event);
            while let Some(event) = next_event.take() {
                let was_quitting = state == Workflow::Quitting;
                let f = Facts { dirty, path: path.clone(), conflict: conflict && path.is_some() };
                let (next, effect) = state.step(event, &f);
                state = next;
                let lost = matches!(effect, Effect::Run(_))
                    || (!was_quitting && state == Workflow::Quitting);
                prop_assert!(!lost || !dirty || discarding, "lost unsaved work: {:?}", state);
                match effect {
                    Effect::Write { path: p, adopt } => {
                        if writes_succeed {
                            dirty = false;
                            if adopt { path = Some(p); }
                        }
                        next_event = Some(Event::Saved(writes_succeed));
                    }
                    Effect::Run(_) => dirty = false,
                    Effect::None => {}
                }
            }
        }
    }
}
