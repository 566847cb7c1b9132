//! The app's state without any window: the open document, what is selected,
//! the chosen method and language, cached analysis, and the one place
//! ([`AppState::apply`]) where commands from the panels take effect.

use super::edit::Edit;
use super::history::Document;
use super::settings::Settings;
use crate::analysis::{self, Evaluation, Method};
use crate::model::{Lang, Problem, Scenario, Text, validate};
use crate::tr;
use std::path::{Path, PathBuf};

/// The central views. Other features (presentation, robustness, compare)
/// add a variant here and a file in `src/app/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Scores table, weights and live results.
    #[default]
    Analysis,
    /// One tab per chart, with copy and export.
    Charts,
    /// Sensitivity and SMAA rank acceptability.
    Robustness,
    /// Each stakeholder profile's weights and winner, combined profile, path.
    Stakeholders,
    /// Comparison with another file, profile or the last saved version.
    Compare,
    /// The best package of options within the caps.
    Package,
    /// Value against cost: the efficient frontier and better alternatives.
    ValueForMoney,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 7] = [
        View::Analysis,
        View::Charts,
        View::Robustness,
        View::Stakeholders,
        View::Compare,
        View::Package,
        View::ValueForMoney,
    ];

    /// The tab label.
    pub fn label(self, lang: Lang) -> String {
        match self {
            View::Analysis => tr!(lang, "gui.view.analysis"),
            View::Charts => tr!(lang, "present.view.charts"),
            View::Robustness => tr!(lang, "present.view.robustness"),
            View::Stakeholders => tr!(lang, "analyse.view.stakeholders"),
            View::Compare => tr!(lang, "analyse.view.compare"),
            View::Package => tr!(lang, "analyse.view.package"),
            View::ValueForMoney => tr!(lang, "vfm.gui.view"),
        }
    }
}

/// A selected score cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Alternative id.
    pub alternative: String,
    /// Criterion id.
    pub criterion: String,
}

/// What a native or typed file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open a scenario (RON or CSV).
    Open,
    /// Save the scenario under a new name.
    SaveAs,
    /// Import a CSV decision matrix.
    ImportCsv,
    /// Export the decision matrix as CSV.
    ExportCsv,
    /// Export the chart shown as PNG or SVG.
    ExportChart,
    /// Export the briefing pack into a folder.
    ExportBrief,
}

/// An action that would lose unsaved changes, waiting for Save / Discard / Cancel.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Start an empty scenario.
    New,
    /// Open a file (None: ask which).
    Open(Option<PathBuf>),
    /// Import a CSV (None: ask which).
    ImportCsv(Option<PathBuf>),
    /// Close the window.
    Quit,
}

/// A message shown in the banner under the menu.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    /// True for errors (red), false for information.
    pub error: bool,
    /// The text, already translated.
    pub text: String,
}

/// A message attached to one score cell, shown next to it: an edit refused
/// there, or a range widened to hold a what-if value.
#[derive(Debug, Clone, PartialEq)]
pub struct CellNote {
    /// The cell.
    pub cell: Cell,
    /// True when the edit was refused (red), false for information.
    pub refused: bool,
    /// The text, already translated, naming the option and criterion.
    pub text: String,
}

/// Everything a panel may ask for. Panels only emit these; [`AppState::apply`]
/// runs them after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Change the scenario (undoable).
    Edit(Edit),
    /// End a run of coalescing edits (slider released, field left).
    EndGroup,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Select a score cell (shown in the details panel).
    SelectCell(Cell),
    /// Select an option in the list (its editor opens).
    SelectAlternative(Option<String>),
    /// Select a criterion in the list (its editor opens).
    SelectCriterion(Option<String>),
    /// Choose the method the charts show.
    SetMethod(Method),
    /// Choose which groups the by-group charts open into their children.
    SetExpandedGroups(Vec<String>),
    /// Switch the interface language.
    SetLang(Lang),
    /// Switch the central view.
    SetView(View),
    /// File > New.
    New,
    /// File > Open (None: ask with a dialog).
    Open(Option<PathBuf>),
    /// File > Import CSV (None: ask with a dialog).
    ImportCsv(Option<PathBuf>),
    /// File > Save (asks for a name when the scenario has none).
    Save,
    /// File > Save As (None: ask with a dialog).
    SaveAs(Option<PathBuf>),
    /// File > Export CSV (None: ask with a dialog).
    ExportCsv(Option<PathBuf>),
    /// A file dialog was cancelled.
    DialogCancelled,
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Unsaved-changes dialog: save, then go on.
    ConfirmSave,
    /// Unsaved-changes dialog: drop the changes and go on.
    ConfirmDiscard,
    /// Unsaved-changes dialog: do nothing.
    ConfirmCancel,
    /// Hide the banner.
    DismissBanner,
    /// Show an error message in the banner (e.g. a number that does not parse).
    Notify(String),
    /// Show information in the banner (e.g. where a deleted group's criteria went).
    Inform(String),
    /// Enter presentation mode at slide 1, or at the chart named (handled by the window).
    StartPresentation(Option<crate::charts::ChartKind>),
    /// Copy the chart shown to the clipboard (handled by the window).
    CopyChart,
    /// Export the chart shown (None: ask; a path: handled by the window).
    ExportChart(Option<PathBuf>),
    /// Export the briefing pack (None: ask for a folder; a path: handled by the window).
    ExportBrief(Option<PathBuf>),
    /// Answer to "the file changed on disk / was restored: overwrite it?".
    ResolveSaveConflict(SaveConflictChoice),
}

/// Answers to the question asked before overwriting a file that changed on
/// disk since it was opened, or that a restored autosave belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveConflictChoice {
    /// Write over the file.
    Overwrite,
    /// Choose another file.
    SaveAs,
    /// Do not save.
    Cancel,
}

/// Results of the three methods for one revision, or why there are none.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document revision these results belong to.
    pub revision: u64,
    /// Validation problems (errors and warnings).
    pub problems: Vec<Problem>,
    /// One evaluation per method in [`Method::ALL`] order, when the scenario is valid.
    pub evaluations: Option<Vec<Evaluation>>,
    /// Where each score is, so drawing a cell does not scan every score.
    pub cells: crate::model::ScoreCells,
    /// Each feasible option with the ids of the options that dominate it
    /// (analysis::dominance; raw values, so the same under every method).
    pub dominated: Vec<(String, Vec<String>)>,
}

/// The whole app state, testable without a window.
pub struct AppState {
    /// The open scenario and its history.
    pub doc: Document,
    /// Where the scenario is saved (None: never saved, or imported).
    pub path: Option<PathBuf>,
    /// Interface language.
    pub lang: Lang,
    /// Method shown by the charts.
    pub method: Method,
    /// Central view.
    pub view: View,
    /// Selected score cell.
    pub cell: Option<Cell>,
    /// Option whose editor is open in the list.
    pub selected_alternative: Option<String>,
    /// Criterion whose editor is open in the list.
    pub selected_criterion: Option<String>,
    /// Message under the menu bar.
    pub banner: Option<Banner>,
    /// Message next to a score cell (refused edit, widened range).
    pub cell_note: Option<CellNote>,
    /// Action waiting for Save / Discard / Cancel.
    pub confirm: Option<Pending>,
    /// Action to run once a Save As started by the confirmation dialog ends.
    after_save: Option<Pending>,
    /// A file dialog the window should show.
    pub dialog: Option<DialogPurpose>,
    /// True once the window may close (changes saved or discarded).
    pub quit_confirmed: bool,
    /// Name shown in the title when the scenario has no file of its own
    /// (the bundled default, an imported CSV).
    pub origin_name: Option<String>,
    /// Remembered preferences.
    pub settings: Settings,
    /// Where preferences are stored (None: not stored, as in tests).
    pub settings_path: Option<PathBuf>,
    /// The file as it was when opened or last saved (to notice other writers).
    pub disk: Option<crate::io::fingerprint::Fingerprint>,
    /// True when saving to `path` must ask first (a restored autosave).
    pub ask_before_overwrite: bool,
    /// A save waiting for Overwrite / Save As / Cancel.
    pub save_conflict: Option<PathBuf>,
    /// Counts documents opened, so caches keyed by revision tell them apart.
    pub opened: u64,
    /// The RON text the scenario was opened from or last saved as: saving
    /// writes into it so the user's comments survive (None: none to keep).
    pub loaded_text: Option<String>,
    /// Ids of the groups the by-group charts (contributions, waterfall,
    /// stakeholders) show opened into their children.
    pub expanded_groups: Vec<String>,
    analysis: Analysis,
}

impl AppState {
    /// State showing `scenario`, opened from `path` (None: unsaved new document).
    pub fn new(scenario: Scenario, path: Option<PathBuf>, lang: Lang) -> Self {
        let doc = Document::new(scenario, path.is_some());
        let analysis = analyse(&doc);
        AppState {
            doc,
            path,
            lang,
            method: Method::Wsm,
            view: View::Analysis,
            cell: None,
            selected_alternative: None,
            selected_criterion: None,
            banner: None,
            cell_note: None,
            confirm: None,
            after_save: None,
            dialog: None,
            quit_confirmed: false,
            origin_name: None,
            settings: Settings::default(),
            settings_path: None,
            disk: None,
            ask_before_overwrite: false,
            save_conflict: None,
            opened: 0,
            loaded_text: None,
            expanded_groups: Vec::new(),
            analysis,
        }
    }

    /// The bundled default scenario, as "New from default" (not yet saved anywhere).
    pub fn with_default_scenario(lang: Lang) -> Self {
        let scenario = default_scenario();
        let mut state = AppState::new(scenario, None, lang);
        // The bundled file is a starting point, not unsaved work.
        state.doc.mark_saved();
        state.origin_name = Some("canada-2016.ron".into());
        state.loaded_text = Some(crate::DEFAULT_SCENARIO.to_string());
        state
    }

    /// The state a launch should start in: `file` if given, else the last
    /// file opened, else the bundled default; the language from the command
    /// line, the remembered choice, or the system.
    pub fn startup(
        file: Option<PathBuf>,
        lang: Option<Lang>,
        settings_path: Option<PathBuf>,
    ) -> Self {
        let settings = settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        let lang = lang
            .or(settings.lang)
            .unwrap_or_else(crate::i18n::system_lang);
        let mut state = AppState::with_default_scenario(lang);
        state.settings = settings;
        state.settings_path = settings_path;
        let explicit = file.is_some();
        let target = file.or_else(|| state.settings.last_file().map(Path::to_path_buf));
        if let Some(path) = target
            && (explicit || path.exists())
        {
            state.open_path(&path, false);
        }
        state
    }

    /// The current scenario.
    pub fn scenario(&self) -> &Scenario {
        self.doc.scenario()
    }

    /// A number that changes whenever the scenario shown does, across
    /// documents too (revisions restart at 0 for each opened file).
    pub fn content_key(&self) -> u64 {
        (self.opened << 40) ^ self.doc.revision()
    }

    /// A number that changes whenever a chart's drawing may: the content,
    /// or which groups the by-group charts show opened.
    pub fn chart_key(&self) -> u64 {
        if self.expanded_groups.is_empty() {
            return self.content_key();
        }
        self.content_key() ^ super::chart_key::key_of(&self.expanded_groups)
    }

    /// Analysis of the current revision.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The score of `alternative` on `criterion`, found through the
    /// revision's index (the scores table asks once per visible cell).
    pub fn score(&self, alternative: &str, criterion: &str) -> Option<&crate::model::Score> {
        self.analysis
            .cells
            .score(self.scenario(), alternative, criterion)
    }

    /// The evaluation under `method`, when the scenario is valid.
    pub fn evaluation(&self, method: Method) -> Option<&Evaluation> {
        let i = Method::ALL.iter().position(|m| *m == method)?;
        self.analysis.evaluations.as_ref()?.get(i)
    }

    /// The window title: file name, then a dot when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let name = self.display_name();
        if self.doc.is_dirty() {
            format!("● {name} — Tradeoff")
        } else {
            format!("{name} — Tradeoff")
        }
    }

    /// The file name, else where the scenario came from, else "Untitled".
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .or_else(|| self.origin_name.clone())
            .unwrap_or_else(|| tr!(self.lang, "gui.untitled"))
    }

    /// Runs a batch of commands in order.
    pub fn apply_all(&mut self, commands: Vec<Command>) {
        for c in commands {
            self.apply(c);
        }
    }

    /// Runs one command: the only place the scenario changes.
    pub fn apply(&mut self, command: Command) {
        let lang = self.lang;
        match command {
            Command::Edit(edit) => self.apply_edit(&edit),
            Command::EndGroup => self.doc.seal(),
            Command::Undo => {
                self.cell_note = None;
                self.doc.undo();
            }
            Command::Redo => {
                self.cell_note = None;
                self.doc.redo();
            }
            Command::SelectCell(cell) => {
                self.doc.seal();
                self.cell = Some(cell);
            }
            Command::SelectAlternative(id) => self.selected_alternative = id,
            Command::SelectCriterion(id) => self.selected_criterion = id,
            Command::SetMethod(m) => self.method = m,
            Command::SetExpandedGroups(ids) => self.expanded_groups = ids,
            Command::SetLang(l) => {
                self.lang = l;
                self.settings.lang = Some(l);
                self.store_settings();
            }
            Command::SetView(v) => self.view = v,
            Command::New => self.guard(Pending::New),
            Command::Open(p) => self.guard(Pending::Open(p)),
            Command::ImportCsv(p) => self.guard(Pending::ImportCsv(p)),
            Command::Quit => self.guard(Pending::Quit),
            Command::Save => match self.path.clone() {
                Some(p) if self.must_ask_before_saving(&p) => self.save_conflict = Some(p),
                Some(p) => {
                    self.save_to(&p);
                }
                None => self.dialog = Some(DialogPurpose::SaveAs),
            },
            Command::SaveAs(None) => self.dialog = Some(DialogPurpose::SaveAs),
            Command::SaveAs(Some(p)) => {
                let p = with_extension_if_missing(p, "ron");
                if self.save_to(&p) {
                    self.path = Some(p);
                    if let Some(next) = self.after_save.take() {
                        self.run(next);
                    }
                }
            }
            Command::ExportCsv(None) => self.dialog = Some(DialogPurpose::ExportCsv),
            Command::ExportCsv(Some(p)) => {
                let p = with_extension_if_missing(p, "csv");
                let written = crate::io::csv::to_csv(self.scenario(), None)
                    .map_err(|mut e| {
                        e.file = p.display().to_string();
                        e
                    })
                    .and_then(|csv| crate::io::write_atomic(&p, csv.as_bytes()));
                match written {
                    Ok(()) => self.info(tr!(lang, "gui.exported", file = p.display())),
                    Err(e) => self.error(e.message(lang)),
                }
            }
            Command::DialogCancelled => self.after_save = None,
            Command::ConfirmSave => {
                if let Some(next) = self.confirm.take() {
                    match self.path.clone() {
                        Some(p) if self.must_ask_before_saving(&p) => {
                            self.after_save = Some(next);
                            self.save_conflict = Some(p);
                        }
                        Some(p) => {
                            if self.save_to(&p) {
                                self.run(next);
                            }
                        }
                        None => {
                            self.after_save = Some(next);
                            self.dialog = Some(DialogPurpose::SaveAs);
                        }
                    }
                }
            }
            Command::ConfirmDiscard => {
                if let Some(next) = self.confirm.take() {
                    self.run(next);
                }
            }
            Command::ConfirmCancel => self.confirm = None,
            Command::DismissBanner => self.banner = None,
            Command::Notify(text) => self.error(text),
            Command::Inform(text) => self.info(text),
            Command::ExportChart(None) => self.dialog = Some(DialogPurpose::ExportChart),
            Command::ExportBrief(None) => self.dialog = Some(DialogPurpose::ExportBrief),
            // The window runs these: they need textures, threads or the clipboard.
            Command::StartPresentation(_)
            | Command::CopyChart
            | Command::ExportChart(Some(_))
            | Command::ExportBrief(Some(_)) => {}
            Command::ResolveSaveConflict(choice) => self.resolve_save_conflict(choice),
        }
        self.refresh();
    }

    /// Applies one edit; a refused edit is said next to its cell (or in the
    /// banner), and a what-if value that widened its uncertainty range says so.
    fn apply_edit(&mut self, edit: &Edit) {
        let lang = self.lang;
        let cell = edit_cell(edit);
        let range_before = cell.as_ref().and_then(|c| {
            self.scenario()
                .score(&c.alternative, &c.criterion)
                .map(|x| (x.low, x.high, x.value))
        });
        // A new edit replaces the note; a weight drag leaves it to be read.
        if cell.is_some() || !matches!(edit, Edit::SetWeight { .. }) {
            self.cell_note = None;
        }
        match self.doc.apply(edit) {
            Ok(()) => {
                let Some(cell) = cell else { return };
                let s = self.doc.scenario();
                let Some(score) = s.score(&cell.alternative, &cell.criterion) else {
                    return;
                };
                // Only a stated end moves (an end left out follows the value).
                if matches!(edit, Edit::SetScore { .. })
                    && let Some((low, high, old_value)) = range_before
                    && (low, high) != (score.low, score.high)
                {
                    let v = |x: f64| crate::i18n::value(x, 6, lang);
                    let (low, high) = (low.unwrap_or(old_value), high.unwrap_or(old_value));
                    let (new_low, new_high) = (
                        score.low.unwrap_or(score.value),
                        score.high.unwrap_or(score.value),
                    );
                    let text = tr!(
                        lang,
                        "gui.range_widened",
                        cell = format!(
                            "{} × {}",
                            s.alternative_name(&cell.alternative, lang),
                            s.criterion_name(&cell.criterion, lang)
                        ),
                        value = v(score.value),
                        old_low = v(low),
                        old_high = v(high),
                        low = v(new_low),
                        high = v(new_high)
                    );
                    self.cell_note = Some(CellNote {
                        cell,
                        refused: false,
                        text,
                    });
                }
            }
            Err(e) => {
                let text = e.message(self.doc.scenario(), lang);
                match cell {
                    Some(cell) => {
                        self.cell_note = Some(CellNote {
                            cell,
                            refused: true,
                            text,
                        })
                    }
                    None => self.error(tr!(lang, "gui.edit_refused", reason = text)),
                }
            }
        }
    }

    /// Recomputes the analysis when the scenario changed since last time.
    pub fn refresh(&mut self) {
        if self.analysis.revision != self.doc.revision() {
            self.analysis = analyse(&self.doc);
        }
        // Selections may point at deleted items after an edit or undo.
        let s = self.doc.scenario();
        if let Some(c) = &self.cell
            && (s.alternative(&c.alternative).is_none() || s.criterion(&c.criterion).is_none())
        {
            self.cell = None;
        }
        if let Some(a) = &self.selected_alternative
            && s.alternative(a).is_none()
        {
            self.selected_alternative = None;
        }
        if let Some(c) = &self.selected_criterion
            && s.criterion(c).is_none()
        {
            self.selected_criterion = None;
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

    fn resolve_save_conflict(&mut self, choice: SaveConflictChoice) {
        let Some(path) = self.save_conflict.take() else {
            return;
        };
        match choice {
            SaveConflictChoice::Overwrite => {
                if self.save_to(&path)
                    && let Some(next) = self.after_save.take()
                {
                    self.run(next);
                }
            }
            SaveConflictChoice::SaveAs => self.dialog = Some(DialogPurpose::SaveAs),
            SaveConflictChoice::Cancel => self.after_save = None,
        }
    }

    /// Opens a recovered autosave as an unsaved document. `original` keeps
    /// its name, but saving over it asks first.
    pub fn restore_autosave(&mut self, scenario: Scenario, original: Option<PathBuf>) {
        self.replace(scenario, original);
        self.loaded_text = self
            .path
            .as_deref()
            .filter(|p| !crate::io::is_csv(p))
            .and_then(|p| crate::io::read_limited(p).ok())
            .and_then(|b| String::from_utf8(b).ok());
        self.doc = Document::new(self.doc.scenario().clone(), false);
        self.ask_before_overwrite = self.path.is_some();
        self.analysis = analyse(&self.doc);
        self.info(tr!(self.lang, "present.restored"));
    }

    fn guard(&mut self, action: Pending) {
        if self.doc.is_dirty() {
            self.confirm = Some(action);
        } else {
            self.run(action);
        }
    }

    fn run(&mut self, action: Pending) {
        match action {
            Pending::New => {
                let title = Text::bilingual("New scenario", "Nouveau scénario");
                self.replace(Scenario::empty(title), None);
            }
            Pending::Open(None) => self.dialog = Some(DialogPurpose::Open),
            Pending::Open(Some(p)) => self.open_path(&p, true),
            Pending::ImportCsv(None) => self.dialog = Some(DialogPurpose::ImportCsv),
            Pending::ImportCsv(Some(p)) => match crate::io::load(&p) {
                Ok(s) => {
                    self.replace(s, None);
                    self.origin_name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                    self.info(tr!(self.lang, "gui.imported", file = p.display()));
                }
                Err(e) => self.error(e.message(self.lang)),
            },
            Pending::Quit => self.quit_confirmed = true,
        }
    }

    /// Opens `path`; on failure the current scenario stays and the error is shown.
    pub fn open_path(&mut self, path: &Path, announce: bool) {
        match crate::io::load_with_text(path) {
            Ok((s, text)) => {
                // A CSV matrix is imported: saving it as CSV would drop everything
                // but the numbers, so it gets no file name until Save As.
                let keep = (!crate::io::is_csv(path)).then(|| path.to_path_buf());
                self.replace(s, keep);
                self.loaded_text = text;
                self.disk = self
                    .path
                    .as_deref()
                    .and_then(|p| crate::io::fingerprint::fingerprint(p).ok());
                if self.path.is_none() {
                    self.origin_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                }
                self.settings.remember(path);
                self.store_settings();
                if announce {
                    self.banner = None;
                }
                self.tell_comments_at_risk(path);
            }
            Err(e) => self.error(e.message(self.lang)),
        }
    }

    fn replace(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        // A freshly opened, imported or new scenario has nothing to lose yet.
        self.doc = Document::new(scenario, true);
        self.path = path;
        self.opened += 1;
        self.disk = None;
        self.ask_before_overwrite = false;
        self.save_conflict = None;
        self.origin_name = None;
        self.loaded_text = None;
        self.cell = None;
        self.cell_note = None;
        self.selected_alternative = None;
        self.selected_criterion = None;
        self.analysis = analyse(&self.doc);
    }

    fn save_to(&mut self, path: &Path) -> bool {
        let saved = crate::io::save_keeping(path, self.doc.scenario(), self.loaded_text.as_deref());
        match saved {
            Ok(saved) => {
                self.doc.mark_saved();
                self.disk = crate::io::fingerprint::fingerprint(path).ok();
                self.ask_before_overwrite = false;
                self.settings.remember(path);
                self.store_settings();
                if saved.dropped.is_empty() {
                    self.info(tr!(self.lang, "gui.saved", file = path.display()));
                } else {
                    self.info(tr!(
                        self.lang,
                        "gui.saved_without_comments",
                        file = path.display(),
                        count = saved.dropped.len(),
                        list = crate::io::rewrite::describe_dropped(&saved.dropped, self.lang),
                        backup = crate::io::backup_path(path).display()
                    ));
                }
                if !crate::io::is_csv(path) {
                    self.loaded_text = Some(saved.text);
                }
                true
            }
            Err(e) => {
                self.error(tr!(
                    self.lang,
                    "gui.save_failed",
                    reason = e.message(self.lang)
                ));
                false
            }
        }
    }

    /// Says, before any save, which comments of the file just opened a save
    /// could not keep (and that the original will stay as `NAME.bak`).
    fn tell_comments_at_risk(&mut self, path: &Path) {
        let Some(text) = &self.loaded_text else {
            return;
        };
        let at_risk = crate::io::rewrite::comments_at_risk(text, self.doc.scenario());
        if !at_risk.is_empty() {
            self.info(tr!(
                self.lang,
                "gui.comments_at_risk",
                file = path.display(),
                count = at_risk.len(),
                list = crate::io::rewrite::describe_dropped(&at_risk, self.lang),
                backup = crate::io::backup_path(path).display()
            ));
        }
    }

    /// Remembers the window's inner size (points) for the next start.
    pub fn remember_window_size(&mut self, size: (f32, f32)) {
        if self.settings.window != Some(size) {
            self.settings.window = Some(size);
            self.store_settings();
        }
    }

    fn store_settings(&mut self) {
        if let Some(p) = &self.settings_path
            && let Err(e) = self.settings.store(p)
        {
            self.error(tr!(self.lang, "gui.settings_failed", reason = e));
        }
    }

    fn error(&mut self, text: String) {
        self.banner = Some(Banner { error: true, text });
    }

    fn info(&mut self, text: String) {
        self.banner = Some(Banner { error: false, text });
    }
}

/// The score cell an edit is about, if any.
fn edit_cell(edit: &Edit) -> Option<Cell> {
    match edit {
        Edit::SetScore {
            alternative,
            criterion,
            ..
        }
        | Edit::SetRange {
            alternative,
            criterion,
            ..
        }
        | Edit::SetRationale {
            alternative,
            criterion,
            ..
        }
        | Edit::SetIllustrative {
            alternative,
            criterion,
            ..
        }
        | Edit::SetScoreSources {
            alternative,
            criterion,
            ..
        } => Some(Cell {
            alternative: alternative.clone(),
            criterion: criterion.clone(),
        }),
        _ => None,
    }
}

fn with_extension_if_missing(p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_none() {
        p.with_extension(ext)
    } else {
        p
    }
}

/// The bundled default scenario.
pub fn default_scenario() -> Scenario {
    crate::io::ron_file::parse(crate::DEFAULT_SCENARIO, "canada-2016.ron")
        .unwrap_or_else(|_| Scenario::empty(Text::new("Tradeoff")))
}

fn analyse(doc: &Document) -> Analysis {
    let scenario = doc.scenario();
    let problems = validate(scenario);
    let index = crate::model::ScenarioIndex::new(scenario);
    // Validated once above; one index, feasibility pass and matrix for all three methods.
    let evaluations = (!crate::model::has_errors(&problems))
        .then(|| analysis::select_profile(scenario, None).ok())
        .flatten()
        .map(|profile| analysis::evaluate_methods(&index, profile, &Method::ALL));
    let dominated = evaluations
        .as_ref()
        .and_then(|e| e.first())
        .map(|e| {
            e.matrix
                .alternatives
                .iter()
                .cloned()
                .zip(analysis::dominance::dominated_by(&e.matrix))
                .collect()
        })
        .unwrap_or_default();
    Analysis {
        revision: doc.revision(),
        problems,
        evaluations,
        cells: index.to_cells(),
        dominated,
    }
}

/// Parses a number typed by the user in `lang`, with the rule of
/// [`crate::model::number`]; the error is the message to show.
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, String> {
    crate::model::number::parse_number(text, lang)
        .map_err(|e| crate::i18n::number_error(e, text.trim(), lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        let mut s = AppState::new(crate::app::fixture::fixture(), None, Lang::En);
        s.doc.mark_saved();
        s
    }

    fn set_risk_weight(s: &mut AppState, w: f64) {
        s.apply(Command::Edit(Edit::SetWeight {
            profile: "whole_of_government".into(),
            criterion: "risk".into(),
            weight: w,
        }));
    }

    #[test]
    fn default_scenario_opens_clean_with_results() {
        let s = AppState::with_default_scenario(Lang::En);
        assert!(!s.doc.is_dirty());
        assert!(s.evaluation(Method::Wsm).is_some());
        assert!(s.evaluation(Method::Promethee2).is_some());
        assert!(!s.window_title().starts_with('●'));
        assert!(s.window_title().starts_with("canada-2016.ron"));
    }

    #[test]
    fn weights_change_the_winner_and_undo_restores_it() {
        let mut s = state();
        let before = s.evaluation(Method::Wsm).and_then(|e| e.winner()).cloned();
        set_risk_weight(&mut s, 0.0);
        s.apply(Command::Edit(Edit::SetWeight {
            profile: "whole_of_government".into(),
            criterion: "impact".into(),
            weight: 1.0,
        }));
        let after = s.evaluation(Method::Wsm).and_then(|e| e.winner()).cloned();
        assert_ne!(
            before.map(|r| r.alternative),
            after.map(|r| r.alternative.clone())
        );
        assert!(s.window_title().starts_with('●'));
        s.apply(Command::Undo);
        s.apply(Command::Undo);
        assert!(!s.doc.is_dirty());
    }

    #[test]
    fn unsaved_changes_ask_before_opening_and_cancel_keeps_them() {
        let mut s = state();
        set_risk_weight(&mut s, 0.9);
        s.apply(Command::New);
        assert_eq!(s.confirm, Some(Pending::New));
        s.apply(Command::ConfirmCancel);
        assert!(s.confirm.is_none());
        assert_eq!(s.scenario().profiles[0].weight("risk"), 0.9);
        s.apply(Command::New);
        s.apply(Command::ConfirmDiscard);
        assert!(s.scenario().criteria.is_empty());
        assert!(!s.doc.is_dirty());
    }

    #[test]
    fn quitting_clean_is_immediate_and_dirty_asks() {
        let mut s = state();
        s.apply(Command::Quit);
        assert!(s.quit_confirmed);
        let mut s = state();
        set_risk_weight(&mut s, 0.1);
        s.apply(Command::Quit);
        assert!(!s.quit_confirmed);
        assert_eq!(s.confirm, Some(Pending::Quit));
    }

    #[test]
    fn save_without_a_name_asks_then_continues_the_pending_action() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut s = state();
        set_risk_weight(&mut s, 0.2);
        s.apply(Command::Quit);
        s.apply(Command::ConfirmSave);
        assert_eq!(s.dialog, Some(DialogPurpose::SaveAs));
        s.dialog = None;
        s.apply(Command::SaveAs(Some(dir.path().join("mine"))));
        assert!(s.quit_confirmed);
        assert_eq!(s.path, Some(dir.path().join("mine.ron")));
        let back = crate::io::load(&dir.path().join("mine.ron")).expect("reloads");
        assert_eq!(back.profiles[0].weight("risk"), 0.2);
    }

    #[test]
    fn a_broken_file_shows_its_error_and_keeps_the_scenario() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "(\n  format_version: 2,\n  title: oops\n)").expect("write");
        let mut s = state();
        let before = s.scenario().clone();
        s.apply(Command::Open(Some(bad)));
        assert_eq!(s.scenario(), &before);
        let banner = s.banner.clone().expect("an error is shown");
        assert!(banner.error);
        assert!(banner.text.contains("bad.ron:"), "{}", banner.text);
    }

    #[test]
    fn startup_reopens_the_last_file_and_remembers_language() {
        let dir = tempfile::tempdir().expect("tempdir");
        let settings = dir.path().join("settings.ron");
        let file = dir.path().join("a.ron");
        let mut s = AppState::startup(None, Some(Lang::En), Some(settings.clone()));
        assert_eq!(s.path, None);
        s.apply(Command::SetLang(Lang::Fr));
        s.apply(Command::SaveAs(Some(file.clone())));
        let again = AppState::startup(None, None, Some(settings));
        assert_eq!(again.lang, Lang::Fr);
        assert_eq!(
            again
                .path
                .as_deref()
                .map(std::fs::canonicalize)
                .and_then(Result::ok),
            std::fs::canonicalize(&file).ok()
        );
    }

    fn set_mali_risk(s: &mut AppState, value: f64) {
        s.apply(Command::Edit(Edit::SetScore {
            alternative: "mali".into(),
            criterion: "risk".into(),
            value,
        }));
    }

    #[test]
    fn a_what_if_outside_the_range_keeps_results_and_says_so_in_one_undo_step() {
        let mut s = state();
        s.apply(Command::Edit(Edit::SetRange {
            alternative: "mali".into(),
            criterion: "risk".into(),
            low: Some(8.0),
            high: Some(10.0),
        }));
        s.doc.mark_saved();
        let steps = s.doc.undo_len();
        set_mali_risk(&mut s, 3.0);
        assert!(s.evaluation(Method::Wsm).is_some(), "results stay");
        assert!(
            s.analysis().problems.is_empty(),
            "{:?}",
            s.analysis().problems
        );
        let note = s.cell_note.clone().expect("a note next to the cell");
        assert!(!note.refused);
        assert_eq!(note.cell.alternative, "mali");
        assert!(
            note.text
                .starts_with("Mali (MINUSMA) × Risk to personnel: 3 was outside"),
            "{}",
            note.text
        );
        assert!(
            note.text.contains("8 – 10") && note.text.contains("3 – 10"),
            "{}",
            note.text
        );
        assert_eq!(s.doc.undo_len(), steps + 1, "value and range are one step");
        s.apply(Command::Undo);
        let x = s.scenario().score("mali", "risk").expect("score");
        assert_eq!((x.low, x.value, x.high), (Some(8.0), 8.0, Some(10.0)));
        assert!(s.cell_note.is_none());
        assert!(!s.doc.is_dirty());
    }

    #[test]
    fn a_value_off_the_fixed_scale_is_refused_in_its_cell() {
        let mut s = state();
        s.apply(Command::Edit(Edit::SetScale {
            id: "risk".into(),
            scale: Some(crate::model::Scale {
                worst: 10.0,
                best: 0.0,
            }),
        }));
        let before = s.scenario().clone();
        set_mali_risk(&mut s, 15.0);
        assert_eq!(s.scenario(), &before);
        assert!(s.evaluation(Method::Wsm).is_some());
        let note = s.cell_note.clone().expect("a note next to the cell");
        assert!(note.refused);
        assert!(
            note.text.contains("Mali (MINUSMA) × Risk to personnel"),
            "{}",
            note.text
        );
        assert!(s.banner.is_none(), "said in the cell, not the banner");
        // The next good edit clears it.
        set_mali_risk(&mut s, 9.0);
        assert!(s.cell_note.is_none());
    }

    #[test]
    fn problems_name_the_option_and_criterion() {
        let mut sc = crate::app::fixture::fixture();
        sc.scores[0].low = Some(9.0);
        let s = AppState::new(sc, None, Lang::En);
        let p = s.analysis().problems.first().expect("a problem");
        let at = crate::i18n::location_label(s.scenario(), &p.location, Lang::En);
        assert_eq!(at, "Mali (MINUSMA) × Risk to personnel");
        let at = crate::i18n::location_label(s.scenario(), &p.location, Lang::Fr);
        assert_eq!(at, "Mali (MINUSMA) × Risque pour le personnel");
    }

    #[test]
    fn saving_keeps_the_comments_of_the_file_opened_and_says_what_it_drops() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("canada.ron");
        std::fs::write(&path, crate::DEFAULT_SCENARIO).expect("write");
        let comment_lines: Vec<&str> = crate::DEFAULT_SCENARIO
            .lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .collect();
        assert!(comment_lines.len() >= 30);
        let mut s = state();
        s.apply(Command::Open(Some(path.clone())));
        assert!(s.banner.is_none(), "nothing at risk: {:?}", s.banner);
        set_risk_weight(&mut s, 0.3);
        s.apply(Command::Save);
        let written = std::fs::read_to_string(&path).expect("saved");
        for line in &comment_lines {
            assert!(written.contains(line), "lost {line:?}");
        }
        assert_eq!(&crate::io::load(&path).expect("reloads"), s.scenario());
        let banner = s.banner.clone().expect("saved message");
        assert_eq!(
            banner.text,
            tr!(Lang::En, "gui.saved", file = path.display())
        );
        // Deleting Mali deletes its scores, the first of each criterion's
        // run, which the `// risk`, `// cost`... comments head: the save
        // says so and the backup still has them.
        s.apply(Command::Edit(Edit::DeleteAlternative { id: "mali".into() }));
        s.apply(Command::Save);
        let banner = s.banner.clone().expect("saved message");
        assert!(banner.text.contains("// risk"), "{}", banner.text);
        assert!(banner.text.contains("canada.ron.bak"), "{}", banner.text);
        let backup = std::fs::read_to_string(crate::io::backup_path(&path)).expect("bak");
        assert!(backup.contains("        // risk\n"));
        let written = std::fs::read_to_string(&path).expect("saved");
        assert!(!written.contains("// risk\n"));
        for line in comment_lines.iter().filter(|l| l.starts_with("    //")) {
            assert!(written.contains(line), "lost {line:?}");
        }
        assert_eq!(&crate::io::load(&path).expect("reloads"), s.scenario());
    }

    #[test]
    fn the_bundled_scenario_saved_as_keeps_its_guidance() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("copy.ron");
        let mut s = AppState::with_default_scenario(Lang::En);
        s.apply(Command::SaveAs(Some(path.clone())));
        let written = std::fs::read_to_string(&path).expect("saved");
        assert_eq!(written, crate::DEFAULT_SCENARIO);
    }

    #[test]
    fn opening_a_file_whose_comments_cannot_all_be_kept_says_so_first() {
        // A version-1 file's `weights` become profiles: a comment inside
        // that map has no place left in the new format.
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("old.ron");
        let v1 = "(\n    format_version: 1,\n    title: \"t\",\n    criteria: [(id: \"c\", name: \"C\", direction: Maximize, unit: \"u\")],\n    alternatives: [(id: \"a\", name: \"A\")],\n    scores: [(alternative: \"a\", criterion: \"c\", value: 1, illustrative: true)],\n    weights: {\n        // the only weight\n        \"c\": 1,\n    },\n)\n";
        std::fs::write(&path, v1).expect("write");
        let mut s = state();
        s.apply(Command::Open(Some(path.clone())));
        let banner = s.banner.clone().expect("told before saving");
        assert!(
            banner.text.contains("// the only weight"),
            "{}",
            banner.text
        );
        assert!(banner.text.contains("old.ron.bak"), "{}", banner.text);
        s.apply(Command::Save);
        let backup = std::fs::read_to_string(crate::io::backup_path(&path)).expect("bak");
        assert_eq!(backup, v1);
        assert_eq!(&crate::io::load(&path).expect("reloads"), s.scenario());
    }

    #[test]
    fn flipping_direction_keeps_the_fixed_scale_consistent_in_one_step() {
        use crate::model::{Direction, Scale};
        let mut s = state();
        let risk = |s: &AppState| s.scenario().criterion("risk").cloned().expect("risk");
        s.apply(Command::Edit(Edit::SetScale {
            id: "risk".into(),
            scale: Some(Scale {
                worst: 10.0,
                best: 0.0,
            }),
        }));
        assert_eq!(risk(&s).direction, Direction::Minimize);
        assert_eq!(
            super::super::analyse::swing_text(s.scenario(), "risk", Lang::En),
            "10 → 0 (0-10)"
        );
        let before = s.scenario().clone();
        s.apply(Command::Edit(Edit::SetDirection {
            id: "risk".into(),
            direction: Direction::Maximize,
        }));
        let c = risk(&s);
        assert_eq!(c.direction, Direction::Maximize);
        assert_eq!(
            c.scale,
            Some(Scale {
                worst: 0.0,
                best: 10.0
            })
        );
        assert_eq!(
            super::super::analyse::swing_text(s.scenario(), "risk", Lang::En),
            "0 → 10 (0-10)"
        );
        assert!(
            validate(s.scenario()).is_empty(),
            "{:?}",
            validate(s.scenario())
        );
        s.apply(Command::Undo);
        assert_eq!(
            s.scenario(),
            &before,
            "one undo restores direction and scale"
        );
    }

    #[test]
    fn a_scale_typed_against_the_direction_turns_the_direction() {
        use crate::model::{Direction, Scale};
        let mut s = state();
        // Risk is minimised; a scale whose best (10) is above its worst (0)
        // says more is better, so the direction follows in the same edit.
        s.apply(Command::Edit(Edit::SetScale {
            id: "risk".into(),
            scale: Some(Scale {
                worst: 0.0,
                best: 10.0,
            }),
        }));
        let c = s.scenario().criterion("risk").cloned().expect("risk");
        assert_eq!(c.direction, Direction::Maximize);
        assert!(validate(s.scenario()).is_empty());
    }

    #[test]
    fn numbers_parse_in_both_languages_and_garbage_is_refused() {
        assert_eq!(parse_number(" 0,5 ", Lang::Fr), Ok(0.5));
        assert_eq!(parse_number("1 200.5", Lang::En), Ok(1200.5));
        assert!(parse_number("abc", Lang::En).is_err());
        assert!(parse_number("", Lang::En).is_err());
        assert!(parse_number("inf", Lang::En).is_err());
        assert_eq!(parse_number("1,250", Lang::En), Ok(1250.0));
        let refused = parse_number("1,25", Lang::En).expect_err("ambiguous");
        assert!(refused.contains("1,25") && refused.contains("previous value is kept"));
    }
}
