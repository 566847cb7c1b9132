//! Charts in the window: the engine's plotters drawing rendered into an RGB
//! buffer at the screen's pixels per point and shown as an egui texture,
//! re-rendered only when what it shows changes.

use super::state::AppState;
use crate::analysis::Method;
use crate::charts::{ChartInput, ChartKind, render_rgb};
use crate::model::Lang;
use egui::{ColorImage, RichText, TextureHandle, TextureOptions, Ui, Vec2};
use std::time::Instant;

/// Everything a rendered chart depends on; a change means a new render.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    kind: ChartKind,
    revision: u64,
    method: Method,
    lang: Lang,
    width_px: u32,
    height_px: u32,
    pixels_per_point: f32,
}

struct Entry {
    key: Key,
    texture: Option<TextureHandle>,
    error: Option<String>,
}

/// The textures of the charts shown in the results area.
#[derive(Default)]
pub struct ChartCache {
    entries: Vec<Entry>,
    /// Time of the last (re-)render of all charts, in milliseconds.
    pub last_render_ms: Option<f64>,
    /// How many renders happened (a test hook: cached frames do not count).
    pub renders: u64,
}

/// The charts shown side by side in the results area.
pub const RESULT_CHARTS: [ChartKind; 2] = [ChartKind::Ranking, ChartKind::Contributions];

impl ChartCache {
    /// Shows the result charts side by side, `height` points tall.
    pub fn show(&mut self, ui: &mut Ui, state: &AppState, height: f32) {
        let ppp = ui.ctx().pixels_per_point();
        let spacing = ui.spacing().item_spacing.x;
        let n = RESULT_CHARTS.len() as f32;
        let width = ((ui.available_width() - spacing * (n - 1.0)) / n).max(120.0);
        let size = Vec2::new(width, height.max(120.0));
        let started = Instant::now();
        let mut rendered = false;
        ui.horizontal(|ui| {
            for (slot, kind) in RESULT_CHARTS.into_iter().enumerate() {
                rendered |= self.ensure(ui.ctx(), state, slot, kind, size, ppp);
                let entry = &self.entries[slot];
                match (&entry.texture, &entry.error) {
                    (_, Some(e)) => {
                        ui.allocate_ui(size, |ui| {
                            ui.label(RichText::new(e).color(super::widgets::PROBLEM));
                        });
                    }
                    (Some(t), None) => {
                        ui.add(egui::Image::new((t.id(), size)));
                    }
                    (None, None) => {}
                }
            }
        });
        if rendered {
            self.last_render_ms = Some(started.elapsed().as_secs_f64() * 1000.0);
        }
    }

    /// Renders the chart in `slot` when its key changed. True when it rendered.
    fn ensure(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        slot: usize,
        kind: ChartKind,
        size: Vec2,
        ppp: f32,
    ) -> bool {
        let key = Key {
            kind,
            revision: state.doc.revision(),
            method: state.method,
            lang: state.lang,
            width_px: (size.x * ppp).round().max(1.0) as u32,
            height_px: (size.y * ppp).round().max(1.0) as u32,
            pixels_per_point: ppp,
        };
        if self.entries.get(slot).is_some_and(|e| e.key == key) {
            return false;
        }
        let input = ChartInput {
            method: state.method,
            ..ChartInput::new(state.scenario(), state.lang)
        };
        let result = render_rgb(kind, &input, key.width_px, key.height_px, ppp);
        self.renders += 1;
        let previous = if slot < self.entries.len() {
            self.entries[slot].texture.take()
        } else {
            None
        };
        let (texture, error) = match result {
            Ok(rgb) => {
                let image =
                    ColorImage::from_rgb([key.width_px as usize, key.height_px as usize], &rgb);
                let texture = match previous {
                    Some(mut t) => {
                        t.set(image, TextureOptions::LINEAR);
                        t
                    }
                    None => {
                        ctx.load_texture(format!("chart-{slot}"), image, TextureOptions::LINEAR)
                    }
                };
                (Some(texture), None)
            }
            Err(e) => (previous, Some(e.message(state.lang))),
        };
        let entry = Entry {
            key,
            texture,
            error,
        };
        if slot < self.entries.len() {
            self.entries[slot] = entry;
        } else {
            self.entries.push(entry);
        }
        true
    }
}
