//! The file side of a [`Session`]: each [`FileCommand`] becomes a
//! [`workflow`](super::workflow) event, and the effects the workflow asks
//! for (open, import, new, write) happen here. A failed read or write
//! leaves the document and the file as they were and says why.

use super::workflow::{Effect, Event, Facts};
use super::{DialogPurpose, Document, FileCommand, Pending, Session};
use crate::model::{Lang, Scenario, Text};
use crate::tr;
use std::path::{Path, PathBuf};

impl Session {
    /// Runs one file command: the only way the document is replaced or saved.
    pub fn apply_file(&mut self, command: FileCommand, lang: Lang) {
        let event = match command {
            FileCommand::New => Event::Request(Pending::New),
            FileCommand::Open(path) => Event::Request(Pending::Open(path)),
            FileCommand::ImportCsv(path) => Event::Request(Pending::ImportCsv(path)),
            FileCommand::Quit => Event::Request(Pending::Quit),
            FileCommand::Save => Event::Save,
            FileCommand::SaveAs(path) => Event::SaveAs(path.map(|p| with_extension(p, "ron"))),
            FileCommand::ExportCsv(None) => Event::Ask(DialogPurpose::ExportCsv),
            FileCommand::ExportCsv(Some(path)) => {
                self.export_csv(&with_extension(path, "csv"), lang);
                Event::Answered
            }
            FileCommand::AskPath(purpose) => Event::Ask(purpose),
            FileCommand::PathAnswered => Event::Answered,
            FileCommand::DialogCancelled => Event::DialogCancelled,
            FileCommand::Unsaved(choice) => Event::Unsaved(choice),
            FileCommand::Overwrite(choice) => Event::Conflict(choice),
            FileCommand::RestoreAutosave { scenario, original } => {
                return self.restore_autosave(*scenario, original, lang);
            }
        };
        self.drive(event, lang);
    }

    /// Steps the workflow and does what it asks, feeding a write's outcome back.
    fn drive(&mut self, event: Event, lang: Lang) {
        let facts = self.facts();
        let (next, effect) = std::mem::take(&mut self.workflow).step(event, &facts);
        self.workflow = next;
        match effect {
            Effect::None => {}
            Effect::Write { path, adopt } => {
                let written = self.write(&path, lang);
                if written && adopt {
                    self.path = Some(path);
                }
                self.drive(Event::Saved(written), lang);
            }
            Effect::Run(action) => self.run(action, lang),
        }
    }

    fn facts(&self) -> Facts {
        Facts {
            dirty: self.doc.is_dirty(),
            path: self.path.clone(),
            conflict: self
                .path
                .as_deref()
                .is_some_and(|p| self.must_ask_before_saving(p)),
        }
    }

    /// True when saving to `path` must first ask Overwrite / Save As /
    /// Cancel: another program changed the file since it was opened, or the
    /// scenario is a restored autosave of it.
    pub fn must_ask_before_saving(&self, path: &Path) -> bool {
        use crate::io::fingerprint::{DiskChange, disk_change};
        self.path.as_deref() == Some(path)
            && (self.ask_before_overwrite
                || self
                    .disk
                    .as_ref()
                    .is_some_and(|fp| disk_change(path, fp) == DiskChange::Modified))
    }

    fn run(&mut self, action: Pending, lang: Lang) {
        match action {
            Pending::New => {
                let title = Text::bilingual("New scenario", "Nouveau scénario");
                self.replace(Scenario::empty(title), None);
            }
            Pending::Open(Some(path)) => self.open_path(&path, true, lang),
            Pending::ImportCsv(Some(path)) => self.import(&path, lang),
            // The workflow asks for a path or quits instead.
            Pending::Open(None) | Pending::ImportCsv(None) | Pending::Quit => {}
        }
    }

    /// Opens `path`; on failure the current scenario stays and the error is shown.
    pub(super) fn open_path(&mut self, path: &Path, announce: bool, lang: Lang) {
        let (scenario, text) = match crate::io::load_with_text(path) {
            Ok(loaded) => loaded,
            Err(e) => return self.error(e.message(lang)),
        };
        // A CSV matrix is imported: saving it as CSV would drop everything
        // but the numbers, so it gets no file name until Save As.
        let keep = (!crate::io::is_csv(path)).then(|| path.to_path_buf());
        self.replace(scenario, keep);
        self.loaded_text = text;
        self.disk = self
            .path
            .as_deref()
            .and_then(|p| crate::io::fingerprint::fingerprint(p).ok());
        if self.path.is_none() {
            self.origin_name = file_name(path);
        }
        self.settings.remember(path);
        self.store_settings(lang);
        if announce {
            self.banners.push(None);
        }
        self.tell_comments_at_risk(path, lang);
    }

    fn import(&mut self, path: &Path, lang: Lang) {
        match crate::io::load(path) {
            Ok(scenario) => {
                self.replace(scenario, None);
                self.origin_name = file_name(path);
                self.info(tr!(lang, "gui.imported", file = path.display()));
            }
            Err(e) => self.error(e.message(lang)),
        }
    }

    fn restore_autosave(&mut self, scenario: Scenario, original: Option<PathBuf>, lang: Lang) {
        self.replace(scenario, original);
        self.loaded_text = self
            .path
            .as_deref()
            .filter(|p| !crate::io::is_csv(p))
            .and_then(|p| crate::io::read_limited(p).ok())
            .and_then(|b| String::from_utf8(b).ok());
        // Unsaved work: the window shows the dot and autosave keeps it.
        self.doc = Document::new(self.doc.scenario().clone(), false);
        self.ask_before_overwrite = self.path.is_some();
        self.info(tr!(lang, "present.restored"));
    }

    /// A fresh, opened, imported or restored document in place of this one.
    fn replace(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        // A freshly opened, imported or new scenario has nothing to lose yet.
        self.doc = Document::new(scenario, true);
        self.path = path;
        self.opened += 1;
        self.disk = None;
        self.ask_before_overwrite = false;
        self.origin_name = None;
        self.loaded_text = None;
        if matches!(self.workflow, super::Workflow::ConfirmingOverwrite { .. }) {
            self.workflow = super::Workflow::Idle;
        }
    }

    /// Writes the scenario to `path` keeping the loaded file's comments;
    /// true when written. On failure nothing changes but the banner.
    fn write(&mut self, path: &Path, lang: Lang) -> bool {
        let saved = crate::io::save_keeping(path, self.doc.scenario(), self.loaded_text.as_deref());
        let saved = match saved {
            Ok(saved) => saved,
            Err(e) => {
                self.error(tr!(lang, "gui.save_failed", reason = e.message(lang)));
                return false;
            }
        };
        self.doc.mark_saved();
        self.disk = crate::io::fingerprint::fingerprint(path).ok();
        self.ask_before_overwrite = false;
        self.settings.remember(path);
        self.store_settings(lang);
        self.info(saved_message(path, &saved.dropped, lang));
        if !crate::io::is_csv(path) {
            self.loaded_text = Some(saved.text);
        }
        true
    }

    fn export_csv(&mut self, path: &Path, lang: Lang) {
        let written = crate::io::csv::to_csv(self.scenario(), None)
            .map_err(|mut e| {
                e.file = path.display().to_string();
                e
            })
            .and_then(|csv| crate::io::write_atomic(path, csv.as_bytes()));
        match written {
            Ok(()) => self.info(tr!(lang, "gui.exported", file = path.display())),
            Err(e) => self.error(e.message(lang)),
        }
    }

    /// Says, before any save, which comments of the file just opened a save
    /// could not keep (and that the original will stay as `NAME.bak`).
    fn tell_comments_at_risk(&mut self, path: &Path, lang: Lang) {
        let Some(text) = &self.loaded_text else {
            return;
        };
        let at_risk = crate::io::rewrite::comments_at_risk(text, self.doc.scenario());
        if !at_risk.is_empty() {
            self.info(tr!(
                lang,
                "gui.comments_at_risk",
                file = path.display(),
                count = at_risk.len(),
                list = crate::io::rewrite::describe_dropped(&at_risk, lang),
                backup = crate::io::backup_path(path).display()
            ));
        }
    }
}

/// "Saved to FILE", and which comments could not be kept, if any.
fn saved_message(
    path: &Path,
    dropped: &[crate::io::rewrite::DroppedComment],
    lang: Lang,
) -> String {
    if dropped.is_empty() {
        return tr!(lang, "gui.saved", file = path.display());
    }
    tr!(
        lang,
        "gui.saved_without_comments",
        file = path.display(),
        count = dropped.len(),
        list = crate::io::rewrite::describe_dropped(dropped, lang),
        backup = crate::io::backup_path(path).display()
    )
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

fn with_extension(p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_none() {
        p.with_extension(ext)
    } else {
        p
    }
}
