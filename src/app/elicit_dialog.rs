//! The frame every weight-elicitation dialog shares: a window centred near
//! the top and kept inside the app's window, a title naming the profile, a
//! scrolling body, and the Apply / Cancel row. Each dialog (swing, pairwise,
//! rank order) provides only its body and the profile Apply writes, through
//! [`ElicitBody`]; Apply is one [`Edit::PutProfile`], so one undo step.

use super::state::{AppState, Command};
use crate::model::{Lang, Scenario, WeightProfile};
use crate::session::edit::Edit;
use crate::tr;
use egui::{RichText, Ui};

/// What a weight-elicitation dialog provides to the shared frame.
pub trait ElicitBody {
    /// Salt of the dialog's window id.
    const WINDOW_ID: &'static str;

    /// The window title for the profile named `profile`.
    fn title(&self, profile: String, lang: Lang) -> String;

    /// The profile the weights go to.
    fn profile_id(&self) -> &str;

    /// False once the scenario changed under the dialog so that its inputs
    /// no longer apply (the dialog then closes).
    fn fits(&self, s: &Scenario) -> bool;

    /// The window's size options.
    fn size(window: egui::Window<'_>) -> egui::Window<'_>;

    /// Draws the inputs and the weights they give, inside the scrolling body.
    fn body(&mut self, ui: &mut Ui, s: &Scenario, lang: Lang);

    /// Why Apply is disabled, or None when it is enabled.
    fn apply_blocked(&self, _lang: Lang) -> Option<String> {
        None
    }

    /// The profile with the elicited weights and inputs, for Apply.
    fn weighted_profile(&self, s: &Scenario) -> Option<WeightProfile>;
}

/// Draws `dialog` in the shared frame; false once it is closed (applied or
/// cancelled, or its profile or criteria are gone).
pub fn show<D: ElicitBody>(
    dialog: &mut D,
    ui: &mut Ui,
    state: &AppState,
    out: &mut Vec<Command>,
) -> bool {
    let lang = state.view.lang;
    let s = state.scenario();
    if s.profiles.iter().all(|p| p.id != dialog.profile_id()) || !dialog.fits(s) {
        return false;
    }
    let mut open = true;
    let mut done = false;
    let profile = crate::report::stakeholders::profile_name(s, dialog.profile_id(), lang);
    let title = dialog.title(profile, lang);
    D::size(dialog_window(ui.ctx(), title, D::WINDOW_ID, &mut open)).show(ui.ctx(), |ui| {
        egui::ScrollArea::vertical()
            .max_height(dialog_body_height(ui.ctx()))
            .min_scrolled_height(dialog_body_height(ui.ctx()))
            .show(ui, |ui| dialog.body(ui, s, lang));
        ui.add_space(6.0);
        done = apply_cancel_row(ui, dialog, s, lang, out);
    });
    open && !done
}

/// The Apply and Cancel buttons; true when either was clicked.
fn apply_cancel_row<D: ElicitBody>(
    ui: &mut Ui,
    dialog: &D,
    s: &Scenario,
    lang: Lang,
    out: &mut Vec<Command>,
) -> bool {
    let mut done = false;
    ui.horizontal(|ui| {
        let blocked = dialog.apply_blocked(lang);
        let apply = ui.add_enabled(
            blocked.is_none(),
            egui::Button::new(tr!(lang, "analyse.apply")),
        );
        let apply = match &blocked {
            Some(why) => apply.on_disabled_hover_text(why),
            None => apply,
        };
        if apply.clicked() {
            if let Some(profile) = dialog.weighted_profile(s) {
                out.push(Command::Edit(Edit::PutProfile {
                    profile: Box::new(profile),
                }));
            }
            done = true;
        }
        if ui.button(tr!(lang, "gui.cancel")).clicked() {
            done = true;
        }
    });
    done
}

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
                ui.label(RichText::new(crate::i18n::pct(*w, 1, lang)).monospace());
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
fn dialog_window<'open>(
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
fn dialog_body_height(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().height() - DIALOG_TOP - 12.0 - DIALOG_CHROME).max(80.0)
}
