//! The app's state without any window: the [`Session`] (scenario, history,
//! file workflow, settings), the [`ViewState`] apart from it, the cached
//! analysis, and [`AppState::apply`], the one place commands from the
//! panels take effect.

pub use super::command::Command;
pub use super::view_state::{Cell, CellNote, View, ViewCommand, ViewState};
pub use super::window_command::WindowCommand;
pub use crate::session::{
    Banner, DialogPurpose, FileCommand, Pending, SaveConflictChoice, UnsavedChoice,
    default_scenario,
};

use crate::analysis::{self, Evaluation, Method};
use crate::model::{Lang, Problem, Scenario, validate};
use crate::session::{Edit, Session};
use crate::tr;
use std::path::PathBuf;

/// Results of the three methods for one revision, or why there are none.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document (counted by [`Session::opened`]) these results belong to.
    pub opened: u64,
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
    /// The scenario, its history, file and settings.
    pub session: Session,
    /// What is shown and selected.
    pub view: ViewState,
    analysis: Analysis,
    /// Window commands applied but not yet run by the window.
    window_queue: Vec<WindowCommand>,
}

impl AppState {
    /// State showing `scenario`, opened from `path` (None: unsaved new document).
    pub fn new(scenario: Scenario, path: Option<PathBuf>, lang: Lang) -> Self {
        AppState::from_session(Session::new(scenario, path), lang)
    }

    fn from_session(session: Session, lang: Lang) -> Self {
        let analysis = analyse(&session);
        let mut state = AppState {
            session,
            view: ViewState::new(lang),
            analysis,
            window_queue: Vec::new(),
        };
        state.show_session_banners();
        state
    }

    /// The bundled default scenario, as "New from default" (not yet saved anywhere).
    pub fn with_default_scenario(lang: Lang) -> Self {
        AppState::from_session(Session::with_default_scenario(), lang)
    }

    /// The state a launch should start in: `file` if given, else the last
    /// file opened, else the bundled default; the language from the command
    /// line, the remembered choice, or the system.
    pub fn startup(
        file: Option<PathBuf>,
        lang: Option<Lang>,
        settings_path: Option<PathBuf>,
    ) -> Self {
        let mut session = Session::with_default_scenario().with_settings(settings_path);
        let lang = lang
            .or(session.settings().lang)
            .unwrap_or_else(crate::i18n::system_lang);
        session.open_at_start(file, lang);
        AppState::from_session(session, lang)
    }

    /// The current scenario.
    pub fn scenario(&self) -> &Scenario {
        self.session.scenario()
    }

    /// A number that changes whenever the scenario shown does, across
    /// documents too (revisions restart at 0 for each opened file).
    pub fn content_key(&self) -> u64 {
        self.session.content_key()
    }

    /// A number that changes whenever a chart's drawing may: the content,
    /// or which groups the by-group charts show opened.
    pub fn chart_key(&self) -> u64 {
        if self.view.expanded_groups.is_empty() {
            return self.content_key();
        }
        self.content_key() ^ super::chart_key::key_of(&self.view.expanded_groups)
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
        if self.session.doc().is_dirty() {
            format!("● {name} — Tradeoff")
        } else {
            format!("{name} — Tradeoff")
        }
    }

    /// The file name, else where the scenario came from, else "Untitled".
    pub fn display_name(&self) -> String {
        self.session
            .file_name()
            .unwrap_or_else(|| tr!(self.view.lang, "gui.untitled"))
    }

    /// Runs a batch of commands in order.
    pub fn apply_all(&mut self, commands: Vec<Command>) {
        for c in commands {
            self.apply(c);
        }
    }

    /// Runs one command: the only place the scenario, the file workflow
    /// and the view change.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Edit(edit) => self.apply_edit(&edit),
            Command::EndGroup => self.session.end_group(),
            Command::Undo => self.step_history(Session::undo),
            Command::Redo => self.step_history(Session::redo),
            Command::File(file) => self.apply_file(file),
            Command::View(view) => self.apply_view(view),
            Command::ShowBanner(banner) => self.view.banner = Some(banner),
            Command::DismissBanner => self.view.banner = None,
            Command::Window(window) => self.apply_window(window),
        }
        self.refresh();
    }

    /// The window commands applied since the last call, for the window to run.
    pub fn take_window_commands(&mut self) -> Vec<WindowCommand> {
        std::mem::take(&mut self.window_queue)
    }

    fn step_history(&mut self, step: fn(&mut Session)) {
        self.view.cell_note = None;
        step(&mut self.session);
    }

    fn apply_file(&mut self, command: FileCommand) {
        let opened = self.session.opened();
        self.session.apply_file(command, self.view.lang);
        if self.session.opened() != opened {
            self.view.clear_selection();
        }
        self.show_session_banners();
    }

    fn apply_view(&mut self, command: ViewCommand) {
        match &command {
            // A click elsewhere ends a run of typing.
            ViewCommand::SelectCell(_) => self.session.end_group(),
            ViewCommand::SetLang(lang) => self.session.remember_lang(*lang),
            _ => {}
        }
        self.view.apply(command);
        self.show_session_banners();
    }

    /// A window command that still needs a path asks for it; the others
    /// wait for the window (and end the dialog that gave them their path).
    fn apply_window(&mut self, command: WindowCommand) {
        match command.missing_path() {
            Some(purpose) => self.apply_file(FileCommand::AskPath(purpose)),
            None => {
                if matches!(
                    command,
                    WindowCommand::ExportChart(Some(_)) | WindowCommand::ExportBrief(Some(_))
                ) {
                    self.apply_file(FileCommand::PathAnswered);
                }
                self.window_queue.push(command);
            }
        }
    }

    fn show_session_banners(&mut self) {
        for banner in self.session.take_banners() {
            self.view.banner = banner;
        }
    }

    /// Applies one edit; a refused edit is said next to its cell (or in the
    /// banner), and a what-if value that widened its uncertainty range says so.
    fn apply_edit(&mut self, edit: &Edit) {
        let lang = self.view.lang;
        let cell = edit_cell(edit);
        let range_before = cell.as_ref().and_then(|c| {
            self.scenario()
                .score(&c.alternative, &c.criterion)
                .map(|x| (x.low, x.high, x.value))
        });
        // A new edit replaces the note; a weight drag leaves it to be read.
        if cell.is_some() || !matches!(edit, Edit::SetWeight { .. }) {
            self.view.cell_note = None;
        }
        match (self.session.apply_edit(edit), cell) {
            (Ok(()), Some(cell)) if matches!(edit, Edit::SetScore { .. }) => {
                if let Some(before) = range_before {
                    self.view.cell_note = widened_range_note(self.scenario(), cell, before, lang);
                }
            }
            (Ok(()), _) => {}
            (Err(e), Some(cell)) => {
                let text = e.message(self.scenario(), lang);
                self.view.cell_note = Some(CellNote {
                    cell,
                    refused: true,
                    text,
                });
            }
            (Err(e), None) => {
                let reason = e.message(self.scenario(), lang);
                self.view.banner = Some(Banner::error(tr!(
                    lang,
                    "gui.edit_refused",
                    reason = reason
                )));
            }
        }
    }

    /// Recomputes the analysis when the scenario changed since last time.
    pub fn refresh(&mut self) {
        let doc = self.session.doc();
        if (self.analysis.opened, self.analysis.revision) != (self.session.opened(), doc.revision())
        {
            self.analysis = analyse(&self.session);
        }
        self.view.forget_missing(self.session.scenario());
    }

    /// Remembers the window's inner size (points) for the next start.
    pub fn remember_window_size(&mut self, size: (f32, f32)) {
        self.session.remember_window_size(size, self.view.lang);
        self.show_session_banners();
    }
}

/// The note for a what-if value that moved a stated end of its cell's
/// range (`before`: low, high and value before the edit); None when no end moved.
fn widened_range_note(
    s: &Scenario,
    cell: Cell,
    before: (Option<f64>, Option<f64>, f64),
    lang: Lang,
) -> Option<CellNote> {
    let score = s.score(&cell.alternative, &cell.criterion)?;
    let (low, high, old_value) = before;
    // Only a stated end moves (an end left out follows the value).
    if (low, high) == (score.low, score.high) {
        return None;
    }
    let v = |x: f64| crate::i18n::value(x, 6, lang);
    let text = tr!(
        lang,
        "gui.range_widened",
        cell = format!(
            "{} × {}",
            s.alternative_name(&cell.alternative, lang),
            s.criterion_name(&cell.criterion, lang)
        ),
        value = v(score.value),
        old_low = v(low.unwrap_or(old_value)),
        old_high = v(high.unwrap_or(old_value)),
        low = v(score.low.unwrap_or(score.value)),
        high = v(score.high.unwrap_or(score.value))
    );
    Some(CellNote {
        cell,
        refused: false,
        text,
    })
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

fn analyse(session: &Session) -> Analysis {
    let doc = session.doc();
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
        opened: session.opened(),
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
        let mut s = AppState::new(crate::session::fixture::fixture(), None, Lang::En);
        s.session.mark_saved();
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
        assert!(!s.session.doc().is_dirty());
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
        assert!(!s.session.doc().is_dirty());
    }

    #[test]
    fn unsaved_changes_ask_before_opening_and_cancel_keeps_them() {
        let mut s = state();
        set_risk_weight(&mut s, 0.9);
        s.apply(Command::File(FileCommand::New));
        assert_eq!(s.session.unsaved_question(), Some(&Pending::New));
        s.apply(Command::File(FileCommand::Unsaved(UnsavedChoice::Cancel)));
        assert!(s.session.unsaved_question().is_none());
        assert_eq!(s.scenario().profiles[0].weight("risk"), 0.9);
        s.apply(Command::File(FileCommand::New));
        s.apply(Command::File(FileCommand::Unsaved(UnsavedChoice::Discard)));
        assert!(s.scenario().criteria.is_empty());
        assert!(!s.session.doc().is_dirty());
    }

    #[test]
    fn quitting_clean_is_immediate_and_dirty_asks() {
        let mut s = state();
        s.apply(Command::File(FileCommand::Quit));
        assert!(s.session.quit_confirmed());
        let mut s = state();
        set_risk_weight(&mut s, 0.1);
        s.apply(Command::File(FileCommand::Quit));
        assert!(!s.session.quit_confirmed());
        assert_eq!(s.session.unsaved_question(), Some(&Pending::Quit));
    }

    #[test]
    fn save_without_a_name_asks_then_continues_the_pending_action() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut s = state();
        set_risk_weight(&mut s, 0.2);
        s.apply(Command::File(FileCommand::Quit));
        s.apply(Command::File(FileCommand::Unsaved(UnsavedChoice::Save)));
        assert_eq!(
            s.session.workflow().asking_path(),
            Some(DialogPurpose::SaveAs)
        );
        s.apply(Command::File(FileCommand::SaveAs(Some(
            dir.path().join("mine"),
        ))));
        assert!(s.session.quit_confirmed());
        assert_eq!(
            s.session.path(),
            Some(dir.path().join("mine.ron").as_path())
        );
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
        s.apply(Command::File(FileCommand::Open(Some(bad))));
        assert_eq!(s.scenario(), &before);
        let banner = s.view.banner.clone().expect("an error is shown");
        assert!(banner.error);
        assert!(banner.text.contains("bad.ron:"), "{}", banner.text);
    }

    #[test]
    fn startup_reopens_the_last_file_and_remembers_language() {
        let dir = tempfile::tempdir().expect("tempdir");
        let settings = dir.path().join("settings.ron");
        let file = dir.path().join("a.ron");
        let mut s = AppState::startup(None, Some(Lang::En), Some(settings.clone()));
        assert_eq!(s.session.path(), None);
        s.apply(Command::View(ViewCommand::SetLang(Lang::Fr)));
        s.apply(Command::File(FileCommand::SaveAs(Some(file.clone()))));
        let again = AppState::startup(None, None, Some(settings));
        assert_eq!(again.view.lang, Lang::Fr);
        assert_eq!(
            again
                .session
                .path()
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
        s.session.mark_saved();
        let steps = s.session.doc().undo_len();
        set_mali_risk(&mut s, 3.0);
        assert!(s.evaluation(Method::Wsm).is_some(), "results stay");
        assert!(
            s.analysis().problems.is_empty(),
            "{:?}",
            s.analysis().problems
        );
        let note = s.view.cell_note.clone().expect("a note next to the cell");
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
        assert_eq!(
            s.session.doc().undo_len(),
            steps + 1,
            "value and range are one step"
        );
        s.apply(Command::Undo);
        let x = s.scenario().score("mali", "risk").expect("score");
        assert_eq!((x.low, x.value, x.high), (Some(8.0), 8.0, Some(10.0)));
        assert!(s.view.cell_note.is_none());
        assert!(!s.session.doc().is_dirty());
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
        let note = s.view.cell_note.clone().expect("a note next to the cell");
        assert!(note.refused);
        assert!(
            note.text.contains("Mali (MINUSMA) × Risk to personnel"),
            "{}",
            note.text
        );
        assert!(s.view.banner.is_none(), "said in the cell, not the banner");
        // The next good edit clears it.
        set_mali_risk(&mut s, 9.0);
        assert!(s.view.cell_note.is_none());
    }

    #[test]
    fn problems_name_the_option_and_criterion() {
        let mut sc = crate::session::fixture::fixture();
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
        s.apply(Command::File(FileCommand::Open(Some(path.clone()))));
        assert!(
            s.view.banner.is_none(),
            "nothing at risk: {:?}",
            s.view.banner
        );
        set_risk_weight(&mut s, 0.3);
        s.apply(Command::File(FileCommand::Save));
        let written = std::fs::read_to_string(&path).expect("saved");
        for line in &comment_lines {
            assert!(written.contains(line), "lost {line:?}");
        }
        assert_eq!(&crate::io::load(&path).expect("reloads"), s.scenario());
        let banner = s.view.banner.clone().expect("saved message");
        assert_eq!(
            banner.text,
            tr!(Lang::En, "gui.saved", file = path.display())
        );
        // Deleting Mali deletes its scores, the first of each criterion's
        // run, which the `// risk`, `// cost`... comments head: the save
        // says so and the backup still has them.
        s.apply(Command::Edit(Edit::DeleteAlternative { id: "mali".into() }));
        s.apply(Command::File(FileCommand::Save));
        let banner = s.view.banner.clone().expect("saved message");
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
        s.apply(Command::File(FileCommand::SaveAs(Some(path.clone()))));
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
        s.apply(Command::File(FileCommand::Open(Some(path.clone()))));
        let banner = s.view.banner.clone().expect("told before saving");
        assert!(
            banner.text.contains("// the only weight"),
            "{}",
            banner.text
        );
        assert!(banner.text.contains("old.ron.bak"), "{}", banner.text);
        s.apply(Command::File(FileCommand::Save));
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
    fn window_commands_wait_for_the_window_and_exports_ask_a_path_first() {
        let mut s = state();
        s.apply(Command::Window(WindowCommand::ExportChart(None)));
        assert_eq!(
            s.session.workflow().asking_path(),
            Some(DialogPurpose::ExportChart)
        );
        assert!(s.take_window_commands().is_empty(), "nothing to run yet");
        let chart = PathBuf::from("chart.png");
        s.apply(Command::Window(WindowCommand::ExportChart(Some(
            chart.clone(),
        ))));
        s.apply(Command::Window(WindowCommand::StartPresentation(None)));
        assert_eq!(s.session.workflow().asking_path(), None, "answered");
        assert_eq!(
            s.take_window_commands(),
            vec![
                WindowCommand::ExportChart(Some(chart)),
                WindowCommand::StartPresentation(None)
            ]
        );
        assert!(s.take_window_commands().is_empty(), "each runs once");
    }

    #[test]
    fn every_window_command_in_the_table_is_listed_once() {
        use crate::app::window_command::{ENTRIES, Menu, in_menu};
        for (i, a) in ENTRIES.iter().enumerate() {
            assert!(
                ENTRIES[i + 1..].iter().all(|b| b.command != a.command),
                "{:?} listed twice",
                a.command
            );
        }
        let file: Vec<_> = in_menu(Menu::File).map(|e| e.command.clone()).collect();
        assert_eq!(
            file,
            vec![
                WindowCommand::ExportChart(None),
                WindowCommand::ExportBrief(None)
            ]
        );
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
