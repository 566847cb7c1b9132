//! The analysis tools beyond the scores table: the three weighting dialogs
//! (swing, pairwise, rank order) and what the stakeholder and compare views
//! remember. [`AnalyseUi`] holds it between frames; everything the dialogs
//! change in the scenario goes through one `Edit::PutProfile`.

use super::compare_view::CompareState;
use super::elicit_dialog;
use super::stakeholders::StakeholderState;
use super::state::{AppState, Command};
use crate::session::elicit::{ahp::AhpModel, rank::RankModel, swing::SwingModel};
use crate::tr;
use egui::Ui;

/// What the weighting dialogs and analysis views remember between frames.
#[derive(Default)]
pub struct AnalyseUi {
    /// The open swing-weighting dialog.
    pub swing: Option<SwingModel>,
    /// The open pairwise-comparison dialog.
    pub ahp: Option<AhpModel>,
    /// The open rank-order dialog.
    pub rank: Option<RankModel>,
    /// Stakeholder view choices.
    pub stakeholders: StakeholderState,
    /// Compare view choices and the loaded other scenario.
    pub compare: CompareState,
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
                self.swing = SwingModel::open(s, &profile.id);
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
                self.ahp = AhpModel::open(s, &profile.id);
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
                self.rank = RankModel::open(s, &profile.id);
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
            && !elicit_dialog::show(d, ui, state, out)
        {
            self.swing = None;
        }
        if let Some(d) = &mut self.ahp
            && !elicit_dialog::show(d, ui, state, out)
        {
            self.ahp = None;
        }
        if let Some(d) = &mut self.rank
            && !elicit_dialog::show(d, ui, state, out)
        {
            self.rank = None;
        }
    }
}

/// "worst → best (unit)" of a criterion; lives in [`crate::session::profiles`]
/// (named here for callers written before it moved).
pub use crate::session::profiles::swing_text;
