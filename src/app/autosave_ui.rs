//! Never lose work, the window's side: unsaved changes are autosaved every
//! few seconds (on a worker thread) to the platform's data folder; the
//! autosave goes once the work is saved or discarded; at start an autosave
//! left by a crash is offered for restore, as a command the app applies.
//! Also the question asked before overwriting a file that changed on disk.

use super::state::{AppState, Banner, Command, FileCommand, SaveConflictChoice};
use crate::io::autosave::{self, Recoverable};
use crate::model::Lang;
use crate::session::Workflow;
use crate::tr;
use egui::{Id, Modal, RichText, Ui};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant, SystemTime};

/// Time between autosaves of a document with unsaved changes.
pub const INTERVAL: Duration = Duration::from_secs(5);

/// What a finished autosave write reports: its key and revision, or an error.
type WriteAnswer = Result<(String, u64), String>;

/// Autosave of the open document and recovery of earlier ones.
pub struct Autosaver {
    data_dir: PathBuf,
    session: String,
    interval: Duration,
    last_write: Option<Instant>,
    /// Key and content key of the autosave on disk for this session.
    written: Option<(String, u64)>,
    running: Option<Receiver<WriteAnswer>>,
    /// Autosaves found at start, newest first, not yet restored or discarded.
    pub offers: Vec<Recoverable>,
    /// The last autosave error (shown once in the banner).
    pub error: Option<String>,
}

impl Autosaver {
    /// Autosaves into `data_dir`; lists what earlier sessions left there.
    pub fn new(data_dir: PathBuf, interval: Duration) -> Self {
        let offers = autosave::list(&data_dir);
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        Autosaver {
            data_dir,
            session: format!("{}-{now}", std::process::id()),
            interval,
            last_write: None,
            written: None,
            running: None,
            offers,
            error: None,
        }
    }

    /// Where autosaves go.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// True while a write runs.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Call every frame: collects the last write, removes the autosave once
    /// the work is saved, discarded or the window closes, and starts a new
    /// write when there are unsaved changes not yet autosaved.
    pub fn tick(&mut self, state: &AppState, now: Instant) {
        if !self.collect_write() {
            return;
        }
        if state.session.quit_confirmed() || !state.session.doc().is_dirty() {
            if let Some((key, _)) = self.written.take() {
                let _ = autosave::remove(&self.data_dir, &key);
            }
            return;
        }
        let key = autosave::key_for(state.session.path(), &self.session);
        let content = state.content_key();
        if self
            .written
            .as_ref()
            .is_some_and(|(k, c)| *k == key && *c == content)
        {
            return;
        }
        if self
            .last_write
            .is_some_and(|t| now.duration_since(t) < self.interval)
        {
            return;
        }
        self.last_write = Some(now);
        let scenario = state.scenario().clone();
        let original = state.session.path().map(std::path::Path::to_path_buf);
        let dir = self.data_dir.clone();
        let lang = state.view.lang;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let answer = autosave::write(
                &dir,
                &key,
                original.as_deref(),
                &scenario,
                SystemTime::now(),
            )
            .map(|_| (key, content))
            .map_err(|e| tr!(lang, "present.autosave_failed", reason = e.message(lang)));
            let _ = tx.send(answer);
        });
        self.running = Some(rx);
    }

    /// Collects a finished write (removing the autosave it replaced);
    /// false while one is still running.
    fn collect_write(&mut self) -> bool {
        let Some(rx) = &self.running else {
            return true;
        };
        match rx.try_recv() {
            Ok(Ok((key, content))) => {
                if let Some((old, _)) = &self.written
                    && *old != key
                {
                    let _ = autosave::remove(&self.data_dir, old);
                }
                self.written = Some((key, content));
            }
            Ok(Err(e)) => self.error = Some(e),
            Err(TryRecvError::Disconnected) => {}
            Err(TryRecvError::Empty) => return false,
        }
        self.running = None;
        true
    }

    /// Reads the newest offer: the command that restores it as unsaved
    /// work, or the error to show (None: nothing offered).
    pub fn restore(&mut self, lang: Lang) -> Option<Command> {
        if self.offers.is_empty() {
            return None;
        }
        let offer = self.offers.remove(0);
        match autosave::recover(&self.data_dir, &offer.key) {
            Ok((scenario, info)) => {
                // Replaced by this session's own autosave, or removed at save.
                self.written = Some((offer.key, u64::MAX));
                self.last_write = None;
                Some(Command::File(FileCommand::RestoreAutosave {
                    scenario: Box::new(scenario),
                    original: info.original,
                }))
            }
            Err(e) => Some(Command::ShowBanner(Banner::error(e.message(lang)))),
        }
    }

    /// Acts on the answer to the recovery question: the command that
    /// restores the newest offer (or shows why it cannot), else None.
    pub fn answer(&mut self, choice: RecoveryChoice, lang: Lang) -> Option<Command> {
        match choice {
            RecoveryChoice::Restore => return self.restore(lang),
            RecoveryChoice::Discard => self.discard(),
            RecoveryChoice::Later => self.later(),
        }
        None
    }

    /// Deletes the newest offer.
    pub fn discard(&mut self) {
        if self.offers.is_empty() {
            return;
        }
        let offer = self.offers.remove(0);
        let _ = autosave::remove(&self.data_dir, &offer.key);
    }

    /// Keeps the newest offer on disk for the next start, without asking again now.
    pub fn later(&mut self) {
        self.offers.clear();
    }
}

/// The answer to the recovery question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the autosave as unsaved work.
    Restore,
    /// Delete it.
    Discard,
    /// Ask again at the next start.
    Later,
}

/// The recovery question for the newest autosave, if any.
pub fn recovery_modal(
    ui: &mut Ui,
    state: &AppState,
    offer: &Recoverable,
) -> Option<RecoveryChoice> {
    let lang = state.view.lang;
    let minutes = SystemTime::now()
        .duration_since(offer.saved)
        .map_or(0, |d| d.as_secs() / 60);
    let file = offer
        .original
        .as_ref()
        .map_or_else(|| tr!(lang, "gui.untitled"), |p| p.display().to_string());
    let mut choice = None;
    Modal::new(Id::unique("recover-autosave")).show(ui.ctx(), |ui| {
        ui.set_width(480.0);
        ui.heading(tr!(lang, "present.recover_title"));
        ui.label(if minutes == 0 {
            tr!(lang, "present.recover_text_recent", file = file)
        } else {
            tr!(lang, "present.recover_text", file = file, minutes = minutes)
        });
        ui.label(RichText::new(tr!(lang, "present.recover_safe")).weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr!(lang, "present.restore")).clicked() {
                choice = Some(RecoveryChoice::Restore);
            }
            if ui.button(tr!(lang, "gui.discard")).clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
            if ui.button(tr!(lang, "present.later")).clicked() {
                choice = Some(RecoveryChoice::Later);
            }
        });
    });
    choice
}

/// The Overwrite / Save As / Cancel question before writing over a file
/// that changed on disk (or that a restored autosave belongs to).
pub fn save_conflict_modal(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let Workflow::ConfirmingOverwrite { path, .. } = state.session.workflow() else {
        return;
    };
    let lang = state.view.lang;
    let file = path.display().to_string();
    let text = if state.session.restored_autosave() {
        tr!(lang, "present.conflict_restored", file = file)
    } else {
        tr!(lang, "present.conflict_changed", file = file)
    };
    let r = Modal::new(Id::unique("save-conflict")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading(tr!(lang, "present.conflict_title"));
        ui.label(text);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (choice, key) in [
                (SaveConflictChoice::Overwrite, "present.overwrite"),
                (SaveConflictChoice::SaveAs, "gui.menu.save_as"),
                (SaveConflictChoice::Cancel, "gui.cancel"),
            ] {
                if ui.button(tr!(lang, key)).clicked() {
                    out.push(Command::File(FileCommand::Overwrite(choice)));
                }
            }
        });
    });
    if r.should_close() {
        out.push(Command::File(FileCommand::Overwrite(
            SaveConflictChoice::Cancel,
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::session::edit::Edit;

    fn settle(a: &mut Autosaver, s: &AppState) {
        for _ in 0..2_000 {
            a.tick(s, Instant::now());
            if !a.busy() {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        panic!("autosave never finished");
    }

    fn dirty(s: &mut AppState, w: f64) {
        let profile = s.scenario().active_profile.clone();
        let criterion = s.scenario().criteria[0].id.clone();
        s.apply(Command::Edit(Edit::SetWeight {
            profile,
            criterion,
            weight: w,
        }));
    }

    #[test]
    fn unsaved_work_is_autosaved_restored_and_removed_after_saving() {
        let data = tempfile::tempdir().expect("tempdir");
        let files = tempfile::tempdir().expect("tempdir");
        let mine = files.path().join("mine.ron");
        let mut s = AppState::with_default_scenario(Lang::En);
        s.apply(Command::File(FileCommand::SaveAs(Some(mine.clone()))));
        let on_disk = std::fs::read(&mine).expect("saved");
        let mut a = Autosaver::new(data.path().to_path_buf(), Duration::ZERO);
        settle(&mut a, &s);
        assert!(
            autosave::list(data.path()).is_empty(),
            "clean work is not autosaved"
        );
        dirty(&mut s, 0.9);
        a.tick(&s, Instant::now());
        settle(&mut a, &s);
        let found = autosave::list(data.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].original.as_deref(), Some(mine.as_path()));

        // A crash: the next start offers it; restoring never touches the file.
        let mut next = AppState::with_default_scenario(Lang::En);
        let mut b = Autosaver::new(data.path().to_path_buf(), Duration::ZERO);
        assert_eq!(b.offers.len(), 1);
        next.apply_all(b.restore(Lang::En).into_iter().collect());
        assert!(next.session.doc().is_dirty());
        assert_eq!(next.scenario(), s.scenario());
        assert_eq!(std::fs::read(&mine).expect("still there"), on_disk);
        // Saving over the original asks first.
        next.apply(Command::File(FileCommand::Save));
        assert_eq!(next.session.overwrite_question(), Some(mine.as_path()));
        next.apply(Command::File(FileCommand::Overwrite(
            SaveConflictChoice::Overwrite,
        )));
        assert!(!next.session.doc().is_dirty());
        settle(&mut b, &next);
        assert!(autosave::list(data.path()).is_empty(), "removed after save");
    }

    #[test]
    fn discarding_an_offer_deletes_it() {
        let data = tempfile::tempdir().expect("tempdir");
        let mut s = AppState::with_default_scenario(Lang::En);
        dirty(&mut s, 0.3);
        let mut a = Autosaver::new(data.path().to_path_buf(), Duration::ZERO);
        a.tick(&s, Instant::now());
        settle(&mut a, &s);
        let mut b = Autosaver::new(data.path().to_path_buf(), Duration::ZERO);
        assert_eq!(b.offers.len(), 1);
        assert_eq!(b.offers[0].original, None);
        b.discard();
        assert!(autosave::list(data.path()).is_empty());
    }

    #[test]
    fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
        let files = tempfile::tempdir().expect("tempdir");
        let path = files.path().join("s.ron");
        let mut s = AppState::with_default_scenario(Lang::En);
        s.apply(Command::File(FileCommand::SaveAs(Some(path.clone()))));
        dirty(&mut s, 0.7);
        std::fs::write(&path, "// edited elsewhere\n").expect("other writer");
        s.apply(Command::File(FileCommand::Save));
        assert_eq!(s.session.overwrite_question(), Some(path.as_path()));
        s.apply(Command::File(FileCommand::Overwrite(
            SaveConflictChoice::Cancel,
        )));
        assert!(s.session.doc().is_dirty());
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "// edited elsewhere\n"
        );
        s.apply(Command::File(FileCommand::Save));
        s.apply(Command::File(FileCommand::Overwrite(
            SaveConflictChoice::Overwrite,
        )));
        assert!(!s.session.doc().is_dirty());
        assert!(crate::io::load(&path).is_ok());
    }

    #[test]
    fn a_save_into_a_vanished_folder_says_why_and_stays_unsaved() {
        let files = tempfile::tempdir().expect("tempdir");
        let mut s = AppState::with_default_scenario(Lang::Fr);
        dirty(&mut s, 0.4);
        s.apply(Command::File(FileCommand::SaveAs(Some(
            files.path().join("gone").join("s.ron"),
        ))));
        assert!(s.session.doc().is_dirty());
        let banner = s.view.banner.clone().expect("an error");
        assert!(banner.error);
        assert!(banner.text.contains("s.ron"), "{}", banner.text);
    }
}
