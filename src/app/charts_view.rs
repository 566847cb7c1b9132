//! Charts in the window: the engine's plotters drawing rendered into an RGB
//! buffer at the screen's pixels per point and shown as an egui texture,
//! re-rendered only when what it shows changes. Charts that need a new
//! render are drawn in parallel (rayon), since each is a pure function.
//! While something is being dragged (a weight slider) on a high-DPI screen,
//! charts are drawn at one pixel per point so each frame stays within
//! budget; the crisp full-resolution render follows when the drag ends.

use super::chart_image::key_of;
use super::chart_tex::{ReadableHeights, fit_texture};
use super::state::AppState;
use crate::analysis::Method;
use crate::charts::{ChartInput, ChartKind, READABLE_WIDTH_PT, render_rgb};
use crate::model::Lang;
use egui::{ColorImage, RichText, TextureHandle, TextureOptions, Ui, Vec2};
use rayon::prelude::*;
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
    entries: Vec<Option<Entry>>,
    /// Time of the last (re-)render of the charts, in milliseconds.
    pub last_render_ms: Option<f64>,
    /// How many chart renders happened (cached frames do not count).
    pub renders: u64,
    /// Readable sizes of the result charts.
    readable: ReadableHeights,
    /// The last readable size and the width it was asked for.
    last_readable: Option<(f32, Vec2)>,
}

/// The charts shown side by side (or stacked) in the results area.
pub const RESULT_CHARTS: [ChartKind; 2] = [ChartKind::Ranking, ChartKind::Contributions];

impl ChartCache {
    /// Shows the result charts side by side, at least `height` points tall
    /// and never smaller than readable: when the width cannot hold both at
    /// their readable width they stack, and the enclosing view scrolls.
    pub fn show(&mut self, ui: &mut Ui, state: &AppState, height: f32) {
        let screen_ppp = ui.ctx().pixels_per_point();
        let dragging = ui.ctx().dragged_id().is_some();
        let ppp = if dragging {
            screen_ppp.min(1.0)
        } else {
            screen_ppp
        };
        let spacing = ui.spacing().item_spacing.x;
        let n = RESULT_CHARTS.len() as f32;
        let room = ui.available_width();
        let side_by_side = room >= n * READABLE_WIDTH_PT + spacing * (n - 1.0);
        let width = if side_by_side {
            (room - spacing * (n - 1.0)) / n
        } else {
            room
        };
        let size = self.readable_size(state, Vec2::new(width, height), screen_ppp, dragging);
        let keys: Vec<Key> = RESULT_CHARTS
            .iter()
            .map(|&kind| Key {
                kind,
                revision: state.chart_key(),
                method: state.view.method,
                lang: state.view.lang,
                width_px: (size.x * ppp).round().max(1.0) as u32,
                height_px: (size.y * ppp).round().max(1.0) as u32,
                pixels_per_point: ppp,
            })
            .collect();
        self.refresh(ui.ctx(), state, &keys);
        let layout = if side_by_side {
            egui::Layout::left_to_right(egui::Align::Min)
        } else {
            egui::Layout::top_down(egui::Align::Min)
        };
        ui.with_layout(layout, |ui| {
            for entry in self.entries.iter().flatten() {
                match (&entry.texture, &entry.error) {
                    (_, Some(e)) => {
                        ui.allocate_ui(size, |ui| {
                            ui.label(RichText::new(e).color(super::widgets::PROBLEM));
                        });
                    }
                    (Some(t), None) => {
                        let title = entry.key.kind.title(entry.key.lang);
                        ui.add(egui::Image::new((t.id(), size)).alt_text(title));
                    }
                    (None, None) => {}
                }
            }
        });
    }

    /// `want` grown to what both result charts need to stay readable. While
    /// a weight is dragged the last answer at this width stands, so a drag
    /// never waits for a layout pass and the charts do not jump in size.
    fn readable_size(&mut self, state: &AppState, want: Vec2, ppp: f32, dragging: bool) -> Vec2 {
        if dragging
            && let Some((width, size)) = self.last_readable
            && width == want.x
        {
            return Vec2::new(want.x.max(size.x), want.y.max(size.y));
        }
        let input = ChartInput {
            method: state.view.method,
            expanded: &state.view.expanded_groups,
            evaluation: state.evaluation(state.view.method),
            ..ChartInput::new(state.scenario(), state.view.lang)
        };
        let content = key_of((state.chart_key(), state.view.method, state.view.lang));
        let size = RESULT_CHARTS.iter().fold(want, |size, &kind| {
            size.max(self.readable.fit(kind, &input, content, want, ppp))
        });
        self.last_readable = Some((want.x, size));
        size
    }

    /// Re-renders the charts whose key changed.
    fn refresh(&mut self, ctx: &egui::Context, state: &AppState, keys: &[Key]) {
        self.entries.resize_with(keys.len(), || None);
        let stale: Vec<usize> = (0..keys.len())
            .filter(|&i| self.entries[i].as_ref().is_none_or(|e| e.key != keys[i]))
            .collect();
        if stale.is_empty() {
            return;
        }
        let started = Instant::now();
        let input = ChartInput {
            method: state.view.method,
            expanded: &state.view.expanded_groups,
            evaluation: state.evaluation(state.view.method),
            ..ChartInput::new(state.scenario(), state.view.lang)
        };
        let rendered: Vec<_> = stale
            .par_iter()
            .map(|&i| {
                let k = keys[i];
                let (width_px, height_px, scale) =
                    fit_texture(ctx, k.width_px, k.height_px, k.pixels_per_point);
                let rgb = render_rgb(k.kind, &input, width_px, height_px, scale);
                (i, rgb.map(|rgb| (width_px, height_px, rgb)))
            })
            .collect();
        for (i, result) in rendered {
            let key = keys[i];
            self.renders += 1;
            let previous = self.entries[i].take().and_then(|e| e.texture);
            let (texture, error) = match result {
                Ok((width_px, height_px, rgb)) => {
                    let image = ColorImage::from_rgb([width_px as usize, height_px as usize], &rgb);
                    let texture = match previous {
                        Some(mut t) => {
                            t.set(image, TextureOptions::LINEAR);
                            t
                        }
                        None => ctx.load_texture(
                            format!("chart-{}", key.kind.as_str()),
                            image,
                            TextureOptions::LINEAR,
                        ),
                    };
                    (Some(texture), None)
                }
                Err(e) => (previous, Some(e.message(state.view.lang))),
            };
            self.entries[i] = Some(Entry {
                key,
                texture,
                error,
            });
        }
        self.last_render_ms = Some(started.elapsed().as_secs_f64() * 1000.0);
    }
}
