//! The analysis tools beyond the scores table: the three weighting dialogs
//! (swing, pairwise, rank order), the stakeholder, compare and package
//! views. [`AnalyseUi`] holds what they remember between frames; everything
//! they change in the scenario goes through one [`Edit::PutProfile`].

use super::compare_view::CompareState;
use super::edit::Edit;
use super::elicit_ahp::AhpDialog;
use super::elicit_rank::RankDialog;
use super::elicit_swing::SwingDialog;
use super::stakeholders::StakeholderState;
use super::state::{AppState, Command};
use crate::analysis::matrix::normalise;
use crate::model::{Direction, Elicitation, Lang, Scenario};
use crate::tr;
use egui::Ui;

/// What the weighting dialogs and analysis views remember between frames.
#[derive(Default)]
pub struct AnalyseUi {
    /// The open swing-weighting dialog.
    pub swing: Option<SwingDialog>,
    /// The open pairwise-comparison dialog.
    pub ahp: Option<AhpDialog>,
    /// The open rank-order dialog.
    pub rank: Option<RankDialog>,
    /// Stakeholder view choices.
    pub stakeholders: StakeholderState,
    /// Compare view choices and the loaded other scenario.
    pub compare: CompareState,
    /// Textures of the charts these views show.
    pub charts: super::chart_image::ChartImages,
}

impl AnalyseUi {
    /// The buttons opening the weighting dialogs on the active profile.
    pub fn elicit_buttons(&mut self, ui: &mut Ui, state: &AppState) {
        let lang = state.view.lang;
        let s = state.scenario();
        let Some(profile) = s.active() else {
            return;
        };
        let enabled = !s.criteria.is_empty();
        ui.label(egui::RichText::new(tr!(lang, "analyse.elicit.label")).weak());
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(tr!(lang, "analyse.elicit.swing_button")),
                )
                .on_hover_text(tr!(lang, "analyse.elicit.swing_tip"))
                .on_disabled_hover_text(tr!(lang, "gui.why.no_criteria"))
                .clicked()
            {
                self.close_dialogs();
                self.swing = SwingDialog::open(s, &profile.id);
            }
            if ui
                .add_enabled(
                    s.criteria.len() >= 2,
                    egui::Button::new(tr!(lang, "analyse.elicit.ahp_button")),
                )
                .on_hover_text(tr!(lang, "analyse.elicit.ahp_tip"))
                .on_disabled_hover_text(tr!(lang, "gui.why.two_criteria"))
                .clicked()
            {
                self.close_dialogs();
                self.ahp = AhpDialog::open(s, &profile.id);
            }
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(tr!(lang, "analyse.elicit.rank_button")),
                )
                .on_hover_text(tr!(lang, "analyse.elicit.rank_tip"))
                .on_disabled_hover_text(tr!(lang, "gui.why.no_criteria"))
                .clicked()
            {
                self.close_dialogs();
                self.rank = RankDialog::open(s, &profile.id);
            }
        });
    }

    /// True when a weighting dialog is open.
    pub fn dialog_open(&self) -> bool {
        self.swing.is_some() || self.ahp.is_some() || self.rank.is_some()
    }

    /// Closes the weighting dialog (one is open at a time), applying nothing.
    pub fn close_dialogs(&mut self) {
        self.swing = None;
        self.ahp = None;
        self.rank = None;
    }

    /// Draws the open weighting dialog; Esc closes it like Cancel.
    pub fn dialogs(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        if self.dialog_open()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.close_dialogs();
            return;
        }
        if let Some(d) = &mut self.swing
            && !d.ui(ui, state, out)
        {
            self.swing = None;
        }
        if let Some(d) = &mut self.ahp
            && !d.ui(ui, state, out)
        {
            self.ahp = None;
        }
        if let Some(d) = &mut self.rank
            && !d.ui(ui, state, out)
        {
            self.rank = None;
        }
    }
}

/// The edit giving profile `id` the weights `shares` (criterion order,
/// normalised here) and recording how they were elicited. None when the
/// profile is gone or the lengths disagree.
pub fn put_weights(
    s: &Scenario,
    id: &str,
    shares: &[f64],
    elicitation: Elicitation,
) -> Option<Edit> {
    let mut profile = s.profiles.iter().find(|p| p.id == id)?.clone();
    if shares.len() != s.criteria.len() {
        return None;
    }
    let shares = normalise(shares);
    // In a value tree, groups get the sum of their criteria's weights, so
    // the effective weights are the elicited ones.
    profile.weights = crate::model::ValueTree::new(s).node_weights(&shares);
    profile.elicitation = Some(elicitation);
    Some(Edit::PutProfile {
        profile: Box::new(profile),
    })
}

/// The worst and best value of a criterion: its fixed scale's range, else
/// the data's range, oriented by the direction (so the labels read worst →
/// best even while a scale written against the direction awaits its fix).
/// None without any score.
pub fn swing_range(s: &Scenario, criterion: &str) -> Option<(f64, f64)> {
    let c = s.criterion(criterion)?;
    if let Some(scale) = c.scale {
        let (lo, hi) = (scale.worst.min(scale.best), scale.worst.max(scale.best));
        return Some(match c.direction {
            Direction::Maximize => (lo, hi),
            Direction::Minimize => (hi, lo),
        });
    }
    let values = s
        .scores
        .iter()
        .filter(|x| x.criterion == criterion)
        .map(|x| x.value);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return None;
    }
    Some(match c.direction {
        Direction::Maximize => (lo, hi),
        Direction::Minimize => (hi, lo),
    })
}

/// "worst → best unit" for a criterion, or a dash without data.
pub fn swing_text(s: &Scenario, criterion: &str, lang: Lang) -> String {
    let unit = s
        .criterion(criterion)
        .map(|c| c.unit.get(lang).to_string())
        .unwrap_or_default();
    match swing_range(s, criterion) {
        Some((worst, best)) => {
            let v = |x| crate::i18n::value(x, 2, lang);
            if unit.is_empty() {
                format!("{} → {}", v(worst), v(best))
            } else {
                format!("{} → {} ({unit})", v(worst), v(best))
            }
        }
        None => "—".to_string(),
    }
}

pub use crate::report::stakeholders::profile_name;

/// A row of the weights preview: criterion name and share, as a grid.
pub fn weights_preview(ui: &mut Ui, s: &Scenario, shares: &[f64], lang: Lang, salt: &str) {
    egui::Grid::new(("weights-preview", salt))
        .num_columns(3)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for (c, w) in s.criteria.iter().zip(shares) {
                ui.label(c.name.get(lang));
                let bar = egui::ProgressBar::new(*w as f32)
                    .desired_width(120.0)
                    .desired_height(10.0);
                ui.add(bar);
                ui.label(egui::RichText::new(crate::i18n::pct(*w, 1, lang)).monospace());
                ui.end_row();
            }
        });
}

/// Gap between a dialog and the top of the window, points.
const DIALOG_TOP: f32 = 40.0;

/// Height of a dialog's title bar, margins and Apply/Cancel row, points.
const DIALOG_CHROME: f32 = 110.0;

/// The window each weight-elicitation dialog opens in: not collapsible,
/// centred near the top, never taller or wider than the app's window
/// (its body scrolls, see [`dialog_body_height`]) and kept inside it.
pub(super) fn dialog_window<'open>(
    ctx: &egui::Context,
    title: String,
    id: &'static str,
    open: &'open mut bool,
) -> egui::Window<'open> {
    let screen = ctx.content_rect();
    egui::Window::new(title)
        .id(egui::Id::unique(id))
        .open(open)
        .collapsible(false)
        .constrain(true)
        .max_width(screen.width() - 24.0)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(screen.center_top() + egui::vec2(0.0, DIALOG_TOP))
}

/// Room for a dialog's scrolling body, so its Apply and Cancel buttons stay
/// inside the app's window at any size.
pub(super) fn dialog_body_height(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().height() - DIALOG_TOP - 12.0 - DIALOG_CHROME).max(80.0)
}
