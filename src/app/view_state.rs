//! What the window shows and has selected, apart from the scenario: the
//! central view, the method the charts show, the language, the selection,
//! the banner and the note next to a score cell.

use crate::analysis::Method;
use crate::model::Lang;
use crate::session::Banner;
use crate::tr;

/// The central views. A new view adds a variant here and a file in `src/app/`.
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

/// Selection and display choices that change no scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewCommand {
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
    Show(View),
}

/// The window's view of the session.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Central view.
    pub current: View,
    /// Method shown by the charts.
    pub method: Method,
    /// Interface language.
    pub lang: Lang,
    /// Selected score cell.
    pub cell: Option<Cell>,
    /// Option whose editor is open in the list.
    pub selected_alternative: Option<String>,
    /// Criterion whose editor is open in the list.
    pub selected_criterion: Option<String>,
    /// Message over the bottom of the window.
    pub banner: Option<Banner>,
    /// Message next to a score cell (refused edit, widened range).
    pub cell_note: Option<CellNote>,
    /// Ids of the groups the by-group charts (contributions, waterfall,
    /// stakeholders) show opened into their children.
    pub expanded_groups: Vec<String>,
}

impl ViewState {
    /// The Analysis view under WSM, nothing selected, in `lang`.
    pub fn new(lang: Lang) -> Self {
        ViewState {
            current: View::Analysis,
            method: Method::Wsm,
            lang,
            cell: None,
            selected_alternative: None,
            selected_criterion: None,
            banner: None,
            cell_note: None,
            expanded_groups: Vec::new(),
        }
    }

    /// Applies a view command (the language is also remembered, by the caller).
    pub fn apply(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::SelectCell(cell) => self.cell = Some(cell),
            ViewCommand::SelectAlternative(id) => self.selected_alternative = id,
            ViewCommand::SelectCriterion(id) => self.selected_criterion = id,
            ViewCommand::SetMethod(m) => self.method = m,
            ViewCommand::SetExpandedGroups(ids) => self.expanded_groups = ids,
            ViewCommand::SetLang(l) => self.lang = l,
            ViewCommand::Show(v) => self.current = v,
        }
    }

    /// Forgets the selection and cell note (another document is open).
    pub fn clear_selection(&mut self) {
        self.cell = None;
        self.cell_note = None;
        self.selected_alternative = None;
        self.selected_criterion = None;
    }

    /// Drops selections that point at items no longer in `s` (after an edit or undo).
    pub fn forget_missing(&mut self, s: &crate::model::Scenario) {
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
}
