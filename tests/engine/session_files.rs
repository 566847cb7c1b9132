//! A [`Session`] driven as the window drives it, without a window: new,
//! open, save, save as, the unsaved-changes and overwrite questions, quit,
//! undo/redo and a restored autosave, against real files in a temporary
//! folder. A failed save leaves the file and the document as they were.

use std::path::Path;
use tradeoff::model::{Lang, Scenario};
use tradeoff::session::{
    Banner, DialogPurpose, Edit, FileCommand, Pending, SaveConflictChoice, Session, UnsavedChoice,
};

const EN: Lang = Lang::En;

fn set_first_weight(s: &mut Session, weight: f64) {
    let profile = s.scenario().active_profile.clone();
    let criterion = s.scenario().criteria[0].id.clone();
    s.apply_edit(&Edit::SetWeight {
        profile,
        criterion,
        weight,
    })
    .expect("a valid edit");
    s.end_group();
}

fn first_weight(s: &Scenario) -> f64 {
    s.active().expect("a profile").weight(&s.criteria[0].id)
}

fn last_banner(s: &mut Session) -> Option<Banner> {
    s.take_banners().into_iter().last().flatten()
}

/// A session with the bundled scenario saved as `name` in `dir`.
fn saved_session(dir: &Path, name: &str) -> Session {
    let mut s = Session::with_default_scenario();
    s.apply_file(FileCommand::SaveAs(Some(dir.join(name))), EN);
    assert!(!s.doc().is_dirty());
    s
}

#[test]
fn session_files_save_as_then_save_writes_what_reopens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = saved_session(dir.path(), "a");
    assert_eq!(
        s.path(),
        Some(dir.path().join("a.ron").as_path()),
        "extension added"
    );
    set_first_weight(&mut s, 0.25);
    assert!(s.doc().is_dirty());
    s.apply_file(FileCommand::Save, EN);
    assert!(!s.doc().is_dirty());
    let path = dir.path().join("a.ron");
    let back = tradeoff::io::load(&path).expect("reloads");
    assert_eq!(&back, s.scenario());
    let banner = last_banner(&mut s).expect("a saved message");
    assert!(
        !banner.error && banner.text.contains("a.ron"),
        "{}",
        banner.text
    );
    assert_eq!(s.settings().last_file(), Some(path.as_path()));

    let mut other = Session::with_default_scenario();
    let opened_before = other.opened();
    other.apply_file(FileCommand::Open(Some(path.clone())), EN);
    assert_eq!(other.scenario(), s.scenario());
    assert_eq!(other.opened(), opened_before + 1);
    assert!(!other.doc().is_dirty());
}

#[test]
fn session_files_new_with_unsaved_changes_asks_and_cancel_keeps_them() {
    let mut s = Session::with_default_scenario();
    set_first_weight(&mut s, 0.9);
    s.apply_file(FileCommand::New, EN);
    assert_eq!(s.unsaved_question(), Some(&Pending::New));
    s.apply_file(FileCommand::Unsaved(UnsavedChoice::Cancel), EN);
    assert_eq!(s.unsaved_question(), None);
    assert_eq!(first_weight(s.scenario()), 0.9);
    s.apply_file(FileCommand::New, EN);
    s.apply_file(FileCommand::Unsaved(UnsavedChoice::Discard), EN);
    assert!(s.scenario().criteria.is_empty());
    assert!(!s.doc().is_dirty());
    assert_eq!(s.path(), None);
}

#[test]
fn session_files_quit_is_immediate_when_clean_and_saves_first_when_asked() {
    let mut clean = Session::with_default_scenario();
    clean.apply_file(FileCommand::Quit, EN);
    assert!(clean.quit_confirmed());

    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::with_default_scenario();
    set_first_weight(&mut s, 0.2);
    s.apply_file(FileCommand::Quit, EN);
    assert!(!s.quit_confirmed());
    assert_eq!(s.unsaved_question(), Some(&Pending::Quit));
    s.apply_file(FileCommand::Unsaved(UnsavedChoice::Save), EN);
    assert_eq!(s.workflow().asking_path(), Some(DialogPurpose::SaveAs));
    s.apply_file(FileCommand::SaveAs(Some(dir.path().join("mine.ron"))), EN);
    assert!(s.quit_confirmed());
    let back = tradeoff::io::load(&dir.path().join("mine.ron")).expect("saved");
    assert_eq!(first_weight(&back), 0.2);
}

#[test]
fn session_files_cancelling_the_save_dialog_does_not_quit() {
    let mut s = Session::with_default_scenario();
    set_first_weight(&mut s, 0.2);
    s.apply_file(FileCommand::Quit, EN);
    s.apply_file(FileCommand::Unsaved(UnsavedChoice::Save), EN);
    s.apply_file(FileCommand::DialogCancelled, EN);
    assert!(!s.quit_confirmed());
    assert!(s.doc().is_dirty());
    assert_eq!(s.workflow().asking_path(), None);
}

#[test]
fn session_files_a_file_changed_on_disk_is_overwritten_only_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = saved_session(dir.path(), "s.ron");
    let path = dir.path().join("s.ron");
    set_first_weight(&mut s, 0.7);
    std::fs::write(&path, "// edited elsewhere\n").expect("other writer");
    s.apply_file(FileCommand::Save, EN);
    assert_eq!(s.overwrite_question(), Some(path.as_path()));
    s.apply_file(FileCommand::Overwrite(SaveConflictChoice::Cancel), EN);
    assert_eq!(s.overwrite_question(), None);
    assert!(s.doc().is_dirty());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "// edited elsewhere\n"
    );
    s.apply_file(FileCommand::Save, EN);
    s.apply_file(FileCommand::Overwrite(SaveConflictChoice::Overwrite), EN);
    assert!(!s.doc().is_dirty());
    assert_eq!(&tradeoff::io::load(&path).expect("reloads"), s.scenario());
}

#[test]
fn session_files_a_failed_save_leaves_the_file_and_the_document_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = saved_session(dir.path(), "s.ron");
    let path = dir.path().join("s.ron");
    let on_disk = std::fs::read(&path).expect("saved");
    set_first_weight(&mut s, 0.4);
    let edited = s.scenario().clone();
    let (revision, undo_steps) = (s.doc().revision(), s.doc().undo_len());
    // Save As under a name that cannot be written: a folder is in the way.
    let blocked = dir.path().join("taken.ron");
    std::fs::create_dir(&blocked).expect("a folder in the way");
    s.apply_file(FileCommand::SaveAs(Some(blocked.clone())), EN);
    let banner = last_banner(&mut s).expect("the failure is said");
    assert!(banner.error, "{}", banner.text);
    assert!(banner.text.contains("taken.ron"), "{}", banner.text);
    assert!(s.doc().is_dirty());
    assert_eq!(s.scenario(), &edited);
    assert_eq!(
        (s.doc().revision(), s.doc().undo_len()),
        (revision, undo_steps)
    );
    assert_eq!(s.path(), Some(path.as_path()), "keeps its own name");
    assert!(blocked.is_dir());
    assert_eq!(std::fs::read(&path).expect("untouched"), on_disk);
    assert_eq!(s.workflow(), &tradeoff::session::Workflow::Idle);
}

#[test]
fn session_files_a_failed_save_before_quitting_does_not_quit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::with_default_scenario();
    set_first_weight(&mut s, 0.4);
    s.apply_file(FileCommand::Quit, EN);
    s.apply_file(FileCommand::Unsaved(UnsavedChoice::Save), EN);
    let gone = dir.path().join("gone").join("s.ron");
    s.apply_file(FileCommand::SaveAs(Some(gone.clone())), EN);
    assert!(!s.quit_confirmed());
    assert!(s.doc().is_dirty());
    assert_eq!(s.path(), None);
    assert!(!gone.exists());
}

#[test]
fn session_files_a_broken_file_says_where_and_keeps_the_scenario() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n  format_version: 2,\n  title: oops\n)").expect("write");
    let mut s = Session::with_default_scenario();
    let before = s.scenario().clone();
    let opened = s.opened();
    s.apply_file(FileCommand::Open(Some(bad)), EN);
    assert_eq!(s.scenario(), &before);
    assert_eq!(s.opened(), opened);
    let banner = last_banner(&mut s).expect("an error");
    assert!(banner.error);
    assert!(banner.text.contains("bad.ron:"), "{}", banner.text);
}

#[test]
fn session_files_undo_and_redo_follow_the_saved_mark() {
    let mut s = Session::with_default_scenario();
    let original = s.scenario().clone();
    set_first_weight(&mut s, 0.1);
    set_first_weight(&mut s, 0.3);
    s.undo();
    assert_eq!(first_weight(s.scenario()), 0.1);
    s.undo();
    assert_eq!(s.scenario(), &original);
    assert!(!s.doc().is_dirty());
    s.redo();
    assert_eq!(first_weight(s.scenario()), 0.1);
    assert!(s.doc().is_dirty());
}

#[test]
fn session_files_a_restored_autosave_is_unsaved_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = saved_session(dir.path(), "s.ron");
    let path = dir.path().join("s.ron");
    let on_disk = std::fs::read(&path).expect("saved");
    let mut recovered = s.scenario().clone();
    let criterion = recovered.criteria[0].id.clone();
    if let Some(p) = recovered.profiles.first_mut() {
        p.weights.insert(criterion, 0.05);
    }
    s.apply_file(
        FileCommand::RestoreAutosave {
            scenario: Box::new(recovered.clone()),
            original: Some(path.clone()),
        },
        EN,
    );
    assert_eq!(s.scenario(), &recovered);
    assert!(s.doc().is_dirty(), "restored work is unsaved");
    assert!(s.restored_autosave());
    assert_eq!(s.path(), Some(path.as_path()));
    assert_eq!(std::fs::read(&path).expect("untouched"), on_disk);
    s.apply_file(FileCommand::Save, EN);
    assert_eq!(s.overwrite_question(), Some(path.as_path()));
    s.apply_file(FileCommand::Overwrite(SaveConflictChoice::Overwrite), EN);
    assert!(!s.doc().is_dirty());
    assert!(!s.restored_autosave());
    assert_eq!(&tradeoff::io::load(&path).expect("reloads"), &recovered);
}

#[test]
fn session_files_export_csv_writes_the_matrix_and_leaves_the_document_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let flat = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/compare/hand-a.ron"
    );
    let mut s = Session::with_default_scenario();
    s.apply_file(FileCommand::Open(Some(flat.into())), EN);
    s.apply_file(FileCommand::ExportCsv(None), EN);
    assert_eq!(s.workflow().asking_path(), Some(DialogPurpose::ExportCsv));
    s.apply_file(FileCommand::ExportCsv(Some(dir.path().join("m"))), EN);
    assert_eq!(s.workflow().asking_path(), None);
    let banner = last_banner(&mut s).expect("an exported message");
    assert!(!banner.error, "{}", banner.text);
    let back = tradeoff::io::load(&dir.path().join("m.csv")).expect("the CSV reads back");
    assert_eq!(back.alternatives.len(), s.scenario().alternatives.len());
    assert!(!s.doc().is_dirty());
    assert_eq!(s.path(), Some(Path::new(flat)));
}

#[test]
fn session_files_a_value_tree_is_not_exported_as_csv_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::with_default_scenario();
    assert!(
        !s.scenario().groups.is_empty(),
        "the bundled scenario is a tree"
    );
    s.apply_file(FileCommand::ExportCsv(Some(dir.path().join("m.csv"))), EN);
    let banner = last_banner(&mut s).expect("a refusal");
    assert!(
        banner.error && banner.text.contains("m.csv"),
        "{}",
        banner.text
    );
    assert!(!dir.path().join("m.csv").exists());
}
