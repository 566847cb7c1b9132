//! Presentation mode (F5 to enter, Esc to leave): full screen, one chart per
//! slide in large type rendered at the screen's pixels per point, arrow keys
//! and Page Up/Down to move, and a slim strip of weight sliders that still
//! changes the charts live.

use super::TradeoffApp;
use super::chart_inputs::{STALE_TINT, SmaaView, input_for};
use super::chart_tex::{TexCache, TexKey};
use super::charts_tabs::available_kinds;
use super::state::{AppState, Command, WindowCommand};
use super::widgets::display_text;
use crate::analysis::matrix::normalise;
use crate::charts::ChartKind;
use crate::session::edit::Edit;
use crate::tr;
use egui::{Color32, Key, RichText, Slider, Ui, Vec2};

/// Type on slides, relative to the charts in the window.
pub const TYPE_FACTOR: f32 = 1.7;

/// Presentation mode state.
#[derive(Default)]
pub struct Presentation {
    /// True while presenting.
    pub active: bool,
    /// Index of the slide shown in [`slides`].
    pub slide: usize,
    /// Slide textures.
    pub cache: TexCache,
    /// True when a comparison exists, so the waterfall is a slide.
    pub with_waterfall: bool,
}

/// The slides: every chart that can be shown (the waterfall only with a comparison).
pub fn slides(with_waterfall: bool) -> Vec<ChartKind> {
    available_kinds(with_waterfall)
}

/// Where a key press moves the slide index (None: not a navigation key).
pub fn navigate(slide: usize, count: usize, key: Key) -> Option<usize> {
    let last = count.saturating_sub(1);
    match key {
        Key::ArrowRight | Key::ArrowDown | Key::PageDown | Key::Space => {
            Some((slide + 1).min(last))
        }
        Key::ArrowLeft | Key::ArrowUp | Key::PageUp => Some(slide.saturating_sub(1)),
        Key::Home => Some(0),
        Key::End => Some(last),
        _ => None,
    }
}

impl Presentation {
    /// Starts presenting at chart `kind`.
    pub fn enter(&mut self, ctx: &egui::Context, kind: ChartKind) {
        self.active = true;
        self.slide = slides(self.with_waterfall)
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Leaves presentation mode.
    pub fn leave(&mut self, ctx: &egui::Context) {
        self.active = false;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// The chart on the current slide.
    pub fn kind(&self) -> ChartKind {
        slides(self.with_waterfall)
            .get(self.slide)
            .copied()
            .unwrap_or(ChartKind::Ranking)
    }
}

impl TradeoffApp {
    /// Draws one frame of presentation mode and applies what it asked for.
    pub(super) fn presentation_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut out = Vec::new();
        self.charts_tabs
            .refresh_waterfall(&self.state, &self.analyse.compare);
        self.present.with_waterfall = self.charts_tabs.waterfall().is_some();
        let count = slides(self.present.with_waterfall).len();
        let (escape, moves) = slide_keys(&ctx, &mut out);
        if escape {
            self.present.leave(&ctx);
            self.charts_tabs.kind = self.present.kind();
            return;
        }
        for key in moves {
            if let Some(s) = navigate(self.present.slide, count, key) {
                self.present.slide = s;
            }
        }
        self.handle_input(&ctx, &mut out);
        let kind = self.present.kind();
        if kind == ChartKind::Acceptability {
            self.robust.keep_fresh(&ctx, &self.state);
        }
        let state = &self.state;
        egui::Panel::top("present-top")
            .frame(egui::Frame::new().fill(Color32::WHITE).inner_margin(12.0))
            .show(ui, |ui| top_bar(ui, state, &mut self.present.slide, count));
        egui::Panel::bottom("present-weights")
            .frame(
                egui::Frame::new()
                    .fill(Color32::from_gray(245))
                    .inner_margin(10.0),
            )
            .show(ui, |ui| weights_strip(ui, state, &mut out));
        let slide = Slide {
            kind,
            criterion: self.charts_tabs.criterion_for(kind),
            smaa: self.robust.smaa_view(),
            waterfall: self
                .charts_tabs
                .waterfall()
                .filter(|_| kind == ChartKind::Waterfall),
        };
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(Color32::WHITE).inner_margin(8.0))
            .show(ui, |ui| slide.show(ui, state, &mut self.present.cache));
        self.finish_frame(ui, out);
    }
}

/// Takes the presentation's keys from this frame's input: Esc (true when
/// pressed) and the slide moves; Ctrl+C asks for a copy of the chart.
fn slide_keys(ctx: &egui::Context, out: &mut Vec<Command>) -> (bool, Vec<Key>) {
    ctx.input_mut(|i| {
        let escape = i.consume_key(egui::Modifiers::NONE, Key::Escape);
        // egui turns Ctrl+C into a Copy event, not a key press.
        if i.events.iter().any(|e| matches!(e, egui::Event::Copy)) {
            out.push(Command::Window(WindowCommand::CopyChart));
        }
        let moves: Vec<Key> = [
            Key::ArrowRight,
            Key::ArrowDown,
            Key::PageDown,
            Key::Space,
            Key::ArrowLeft,
            Key::ArrowUp,
            Key::PageUp,
            Key::Home,
            Key::End,
        ]
        .into_iter()
        .filter(|k| i.consume_key(egui::Modifiers::NONE, *k))
        .collect();
        (escape, moves)
    })
}

/// The title, the slide counter between ◀ and ▶, the way out, and the
/// banner (copy results and save messages still show while presenting).
fn top_bar(ui: &mut Ui, state: &AppState, slide: &mut usize, count: usize) {
    let lang = state.view.lang;
    ui.horizontal(|ui| {
        // The controls first, from the right; the title then takes
        // what is left and wraps there instead of running under them.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new(tr!(lang, "present.leave_hint"))
                    .size(15.0)
                    .weak(),
            );
            ui.add_space(16.0);
            slide_buttons(ui, lang, slide, count);
            ui.add_space(16.0);
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(display_text(&state.scenario().title, lang).text())
                            .size(30.0)
                            .strong(),
                    )
                    .wrap(),
                );
            });
        });
    });
    if let Some(banner) = &state.view.banner {
        let colour = if banner.error {
            super::widgets::PROBLEM
        } else {
            Color32::from_rgb(20, 90, 40)
        };
        ui.label(RichText::new(&banner.text).color(colour));
    }
}

/// ▶, "n / total", ◀ (laid out right to left).
fn slide_buttons(ui: &mut Ui, lang: crate::model::Lang, slide: &mut usize, count: usize) {
    if ui
        .add_enabled(
            *slide + 1 < count,
            egui::Button::new(RichText::new("▶").size(22.0)),
        )
        .on_hover_text(tr!(lang, "present.next"))
        .on_disabled_hover_text(tr!(lang, "gui.why.last_slide"))
        .clicked()
    {
        *slide += 1;
    }
    ui.label(
        RichText::new(tr!(
            lang,
            "present.slide_counter",
            n = *slide + 1,
            total = count
        ))
        .size(22.0)
        .monospace(),
    );
    if ui
        .add_enabled(*slide > 0, egui::Button::new(RichText::new("◀").size(22.0)))
        .on_hover_text(tr!(lang, "present.previous"))
        .on_disabled_hover_text(tr!(lang, "gui.why.first_slide"))
        .clicked()
    {
        *slide = slide.saturating_sub(1);
    }
}

/// What the slide shown draws.
struct Slide<'a> {
    kind: ChartKind,
    criterion: Option<String>,
    smaa: Option<SmaaView<'a>>,
    waterfall: Option<std::sync::Arc<super::charts_tabs::Waterfall>>,
}

impl Slide<'_> {
    /// The chart filling the room left, in large type.
    fn show(&self, ui: &mut Ui, state: &AppState, cache: &mut TexCache) {
        let (kind, smaa, lang) = (self.kind, self.smaa, state.view.lang);
        let size = Vec2::new(
            ui.available_width().max(200.0),
            ui.available_height().max(160.0),
        );
        // The acceptability slide is keyed by its SMAA run, not the revision.
        let revision = if kind == ChartKind::Acceptability && smaa.is_some() {
            0
        } else {
            state.chart_key()
        };
        let generation = self
            .waterfall
            .as_ref()
            .map_or(smaa.map_or(0, |s| s.generation), |w| w.generation);
        let ppp = ui.ctx().pixels_per_point();
        let key = TexKey::new(
            kind,
            revision,
            state.view.method,
            lang,
            self.criterion.clone(),
            generation,
            size,
            ppp,
            TYPE_FACTOR,
        );
        let input = match &self.waterfall {
            Some(w) => w.input(lang, &state.view.expanded_groups),
            None => input_for(state, self.criterion.as_deref(), smaa),
        };
        let tint = if kind == ChartKind::Acceptability && smaa.is_some_and(|s| !s.fresh) {
            STALE_TINT
        } else {
            Color32::WHITE
        };
        ui.centered_and_justified(|ui| {
            cache.show(ui, "slide", key, &input, size, tint);
        });
    }
}

impl TradeoffApp {
    /// Runs the commands only the window can: presentation, clipboard, exports.
    pub(super) fn window_commands(&mut self, ctx: &egui::Context, commands: Vec<WindowCommand>) {
        let kind = if self.present.active {
            self.present.kind()
        } else {
            self.charts_tabs.kind
        };
        let criterion = self.charts_tabs.criterion_for(kind);
        let smaa = self.robust.smaa_view().map(|v| v.result.clone());
        for command in commands {
            match command {
                WindowCommand::StartPresentation(asked) if !self.present.active => {
                    self.charts_tabs
                        .refresh_waterfall(&self.state, &self.analyse.compare);
                    self.present.with_waterfall = self.charts_tabs.waterfall().is_some();
                    // Slide 1 unless a chart was asked for (the Charts view's button).
                    self.present.enter(ctx, asked.unwrap_or(ChartKind::Ranking));
                }
                WindowCommand::CopyChart => {
                    let view = self.robust.smaa_view();
                    let banner =
                        self.charts_tabs
                            .copy(&self.state, kind, criterion.as_deref(), view);
                    self.state.apply(Command::ShowBanner(banner));
                }
                WindowCommand::ExportChart(Some(path)) => self.charts_tabs.start_export_chart(
                    &self.state,
                    kind,
                    criterion.clone(),
                    smaa.clone(),
                    path,
                ),
                WindowCommand::ExportBrief(Some(dir)) => {
                    self.charts_tabs
                        .start_export_brief(&self.state, smaa.clone(), dir);
                }
                _ => {}
            }
        }
    }
}

/// One slider per criterion in a row, with the normalised share in large type.
fn weights_strip(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    let Some(profile) = s.active() else {
        return;
    };
    let raw: Vec<f64> = s.criteria.iter().map(|c| profile.weight(&c.id)).collect();
    let shares = normalise(&raw);
    let max = raw.iter().copied().fold(1.0_f64, f64::max);
    ui.label(
        RichText::new(tr!(
            lang,
            "present.weights_of",
            profile = profile.name.get(lang)
        ))
        .size(15.0)
        .strong(),
    );
    if s.criteria.is_empty() {
        return;
    }
    ui.columns(s.criteria.len(), |cols| {
        for (j, (c, ui)) in s.criteria.iter().zip(cols.iter_mut()).enumerate() {
            let share = shares.get(j).copied().unwrap_or(0.0);
            let label = ui
                .add(
                    egui::Label::new(
                        // The share first, so truncating a long name never hides it.
                        RichText::new(format!(
                            "{}  {}",
                            crate::i18n::pct(share, 0, lang),
                            c.name.get(lang)
                        ))
                        .size(15.0),
                    )
                    .truncate(),
                )
                .on_hover_text(c.name.get(lang));
            ui.spacing_mut().slider_width = (ui.available_width() - 6.0).max(40.0);
            let mut w = raw[j];
            let r = ui
                .add(Slider::new(&mut w, 0.0..=max).show_value(false))
                .labelled_by(label.id);
            if r.changed() && w != raw[j] {
                out.push(Command::Edit(Edit::SetWeight {
                    profile: profile.id.clone(),
                    criterion: c.id.clone(),
                    weight: w,
                }));
            }
            if r.drag_stopped() {
                out.push(Command::EndGroup);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_between_slides_and_stop_at_the_ends() {
        let n = 7;
        assert_eq!(navigate(0, n, Key::ArrowRight), Some(1));
        assert_eq!(navigate(6, n, Key::PageDown), Some(6));
        assert_eq!(navigate(0, n, Key::PageUp), Some(0));
        assert_eq!(navigate(3, n, Key::ArrowLeft), Some(2));
        assert_eq!(navigate(3, n, Key::End), Some(6));
        assert_eq!(navigate(3, n, Key::Home), Some(0));
        assert_eq!(navigate(3, n, Key::A), None);
    }

    #[test]
    fn slides_hold_every_chart_but_the_waterfall() {
        let s = slides(false);
        assert!(s.contains(&ChartKind::Sensitivity));
        assert!(s.contains(&ChartKind::Acceptability));
        assert!(!s.contains(&ChartKind::Waterfall));
        assert!(slides(true).contains(&ChartKind::Waterfall));
    }
}
