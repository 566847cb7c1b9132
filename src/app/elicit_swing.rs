//! The swing-weighting dialog's body: the swings in order of importance
//! (drag or ▲▼ to reorder), each rated 0–100 against the top swing, with
//! the weight each gets. The model is [`SwingModel`]; the frame (title,
//! Apply, Cancel) is [`super::elicit_dialog`].

use super::elicit_dialog::ElicitBody;
use crate::model::{Lang, Scenario, WeightProfile};
use crate::session::elicit::swing::{SwingModel, TOP};
use crate::session::profiles::swing_text;
use crate::tr;
use egui::{Id, RichText, Slider, Ui};

impl ElicitBody for SwingModel {
    const WINDOW_ID: &'static str = "swing-dialog";

    fn title(&self, profile: String, lang: Lang) -> String {
        tr!(lang, "analyse.swing.title", profile = profile)
    }

    fn profile_id(&self) -> &str {
        &self.profile
    }

    fn fits(&self, _s: &Scenario) -> bool {
        true
    }

    fn size(window: egui::Window<'_>) -> egui::Window<'_> {
        window.resizable(false).default_width(620.0)
    }

    fn body(&mut self, ui: &mut Ui, s: &Scenario, lang: Lang) {
        ui.label(RichText::new(tr!(lang, "analyse.swing.help")).weak());
        ui.add_space(4.0);
        swing_rows(self, ui, s, lang);
    }

    fn weighted_profile(&self, s: &Scenario) -> Option<WeightProfile> {
        SwingModel::weighted_profile(self, s)
    }
}

/// What the user did to the swing rows this frame, applied after the grid.
#[derive(Default)]
struct RowChanges {
    /// A criterion moved from one position to another.
    moved: Option<(usize, usize)>,
    /// A new rating at a position.
    rating: Option<(usize, f64)>,
}

/// One row per swing, most important first: handle, ▲▼, criterion and its
/// swing, rating, weight.
fn swing_rows(model: &mut SwingModel, ui: &mut Ui, s: &Scenario, lang: Lang) {
    let shares = model.shares(s);
    let mut changes = RowChanges::default();
    egui::Grid::new("swing-rows")
        .num_columns(6)
        .spacing([8.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for k in 0..model.order.len() {
                swing_row(ui, model, k, (s, lang), &shares, &mut changes);
                ui.end_row();
            }
        });
    if let Some((k, r)) = changes.rating {
        model.set_rating(k, r);
    }
    if let Some((from, to)) = changes.moved {
        model.move_item(from, to);
    }
}

fn swing_row(
    ui: &mut Ui,
    model: &SwingModel,
    k: usize,
    (s, lang): (&Scenario, Lang),
    shares: &[f64],
    changes: &mut RowChanges,
) {
    let id = &model.order[k];
    let name = s.criterion_name(id, lang);
    let handle = ui
        .dnd_drag_source(Id::unique(("swing-drag", id)), k, |ui| {
            ui.label(RichText::new(format!("☰ {}", k + 1)).monospace())
        })
        .response
        .on_hover_text(tr!(lang, "analyse.swing.drag_tip"));
    if let Some(from) = handle.dnd_release_payload::<usize>() {
        changes.moved = Some((*from, k));
    }
    move_buttons(ui, k, model.order.len(), lang, changes);
    let row = ui.vertical(|ui| {
        ui.set_min_width(250.0);
        ui.add(
            egui::Label::new(RichText::new(&name).strong()).wrap_mode(egui::TextWrapMode::Extend),
        );
        ui.label(RichText::new(swing_text(s, id, lang)).small().weak());
    });
    if let Some(from) = row.response.dnd_release_payload::<usize>() {
        changes.moved = Some((*from, k));
    }
    rating_cell(ui, model, k, &name, lang, changes);
    let share = SwingModel::share_of(s, shares, id);
    ui.label(RichText::new(crate::i18n::pct(share, 1, lang)).monospace())
        .on_hover_text(tr!(lang, "analyse.preview"));
}

/// The ▲ and ▼ buttons of the row at position `k` of `n`.
fn move_buttons(ui: &mut Ui, k: usize, n: usize, lang: Lang, changes: &mut RowChanges) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(k > 0, egui::Button::new("▲").small())
            .on_hover_text(tr!(lang, "analyse.move_up"))
            .on_disabled_hover_text(tr!(lang, "gui.why.already_first"))
            .clicked()
        {
            changes.moved = Some((k, k - 1));
        }
        if ui
            .add_enabled(k + 1 < n, egui::Button::new("▼").small())
            .on_hover_text(tr!(lang, "analyse.move_down"))
            .on_disabled_hover_text(tr!(lang, "gui.why.already_last"))
            .clicked()
        {
            changes.moved = Some((k, k + 1));
        }
    });
}

/// The rating of the swing at position `k`: the top swing's fixed 100, else
/// a slider bounded by the swing above.
fn rating_cell(
    ui: &mut Ui,
    model: &SwingModel,
    k: usize,
    name: &str,
    lang: Lang,
    changes: &mut RowChanges,
) {
    if k == 0 {
        ui.label(RichText::new("100").monospace())
            .on_hover_text(tr!(lang, "analyse.swing.top_tip"));
        return;
    }
    let mut r = model.ratings[k];
    let upper = model.ratings[k - 1];
    let resp = ui
        .add(
            Slider::new(&mut r, 0.0..=TOP)
                .custom_formatter(|v, _| crate::i18n::value(v, 1, lang))
                .custom_parser(|t| super::state::parse_number(t, lang).ok()),
        )
        .accessible_name(tr!(lang, "analyse.swing.rating_name", criterion = name))
        .on_hover_text(tr!(
            lang,
            "analyse.swing.rating_tip",
            upper = crate::i18n::value(upper, 1, lang)
        ));
    if resp.changed() {
        changes.rating = Some((k, r));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::{AppState, Command};
    use crate::model::Elicitation;
    use crate::session::edit::Edit;
    use crate::session::fixture::fixture;

    /// The edit Apply pushes for `profile`.
    fn put(profile: Option<WeightProfile>) -> Option<Edit> {
        profile.map(|p| Edit::PutProfile {
            profile: Box::new(p),
        })
    }

    fn state() -> AppState {
        let mut s = AppState::new(fixture(), None, Lang::En);
        s.session.mark_saved();
        s
    }

    #[test]
    fn opens_from_weights_ordered_by_importance() {
        let s = fixture();
        let d = SwingModel::open(&s, "whole_of_government").expect("profile");
        assert_eq!(d.order, ["risk", "cost", "impact"]);
        assert_eq!(d.ratings, [100.0, 75.0, 75.0]);
        let shares = d.shares(&s);
        assert!((shares[0] - 0.4).abs() < 1e-12, "{shares:?}");
    }

    #[test]
    fn ratings_never_exceed_the_swing_above_and_moves_keep_positions() {
        let s = fixture();
        let mut d = SwingModel::open(&s, "whole_of_government").expect("profile");
        d.set_rating(1, 120.0);
        assert_eq!(d.ratings[1], 100.0);
        d.set_rating(2, 50.0);
        assert_eq!(d.ratings, [100.0, 100.0, 50.0]);
        d.set_rating(1, 10.0);
        assert_eq!(d.ratings, [100.0, 10.0, 10.0], "lower swings follow down");
        d.move_item(2, 0);
        assert_eq!(d.order, ["impact", "risk", "cost"]);
        assert_eq!(d.ratings, [100.0, 10.0, 10.0]);
    }

    #[test]
    fn apply_is_one_undo_step_recording_the_inputs() {
        let mut st = state();
        let before = st.scenario().clone();
        let mut d = SwingModel::open(st.scenario(), "whole_of_government").expect("profile");
        d.set_rating(1, 50.0);
        d.set_rating(2, 25.0);
        let edit = put(d.weighted_profile(st.scenario())).expect("edit");
        st.apply(Command::Edit(edit));
        assert_eq!(st.session.doc().undo_len(), 1);
        let p = &st.scenario().profiles[0];
        assert!((p.weight("risk") - 100.0 / 175.0).abs() < 1e-12);
        assert!((p.weight("impact") - 25.0 / 175.0).abs() < 1e-12);
        match &p.elicitation {
            Some(Elicitation::Swing { order, ratings }) => {
                assert_eq!(order, &["risk", "cost", "impact"]);
                assert_eq!(ratings.get("cost"), Some(&50.0));
            }
            other => panic!("expected a swing record, got {other:?}"),
        }
        // Reopening starts from the recorded inputs.
        let again = SwingModel::open(st.scenario(), "whole_of_government").expect("profile");
        assert_eq!(again.ratings, [100.0, 50.0, 25.0]);
        st.apply(Command::Undo);
        assert_eq!(st.scenario(), &before);
        assert!(st.scenario().profiles[0].elicitation.is_none());
    }

    #[test]
    fn moving_a_slider_afterwards_marks_the_weights_as_set_directly() {
        let mut st = state();
        let d = SwingModel::open(st.scenario(), "whole_of_government").expect("profile");
        st.apply(Command::Edit(
            put(d.weighted_profile(st.scenario())).expect("edit"),
        ));
        st.apply(Command::Edit(Edit::SetWeight {
            profile: "whole_of_government".into(),
            criterion: "cost".into(),
            weight: 0.9,
        }));
        assert_eq!(
            st.scenario().profiles[0].elicitation,
            Some(Elicitation::Direct)
        );
        st.apply(Command::Undo);
        assert!(matches!(
            st.scenario().profiles[0].elicitation,
            Some(Elicitation::Swing { .. })
        ));
    }
}
