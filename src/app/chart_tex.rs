//! The one texture cache for every chart the window shows (results, chart
//! tabs, slides, the Robustness, stakeholder, compare and value-for-money
//! views): the engine's chart rendered at the screen's pixels per point into
//! a named slot, re-rendered only when its key (chart, content, method,
//! language, criterion, SMAA run, size, scale) changes; several stale slots
//! render in parallel (rayon), since each is a pure function.
//! [`ReadableHeights`] says how much room a chart needs so views give it that
//! much (scrolling) instead of squashing it.

use super::chart_key::key_of;
use crate::analysis::Method;
use crate::charts::{ChartInput, ChartKind, READABLE_WIDTH_PT, readable_height, render_rgb};
use crate::model::Lang;
use egui::{Color32, ColorImage, RichText, TextureHandle, TextureOptions, Ui, Vec2};
use rayon::prelude::*;
use std::collections::HashMap;
use std::time::Instant;

/// Everything a rendered chart depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct TexKey {
    /// Which chart.
    pub kind: ChartKind,
    /// Document revision.
    pub revision: u64,
    /// Ranking method.
    pub method: Method,
    /// Label language.
    pub lang: Lang,
    /// Criterion of a sensitivity chart.
    pub criterion: Option<String>,
    /// Generation of the SMAA result drawn (0: none).
    pub smaa_generation: u64,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// Text and line scale (pixels per point, times a size factor).
    pub scale: f32,
}

impl TexKey {
    /// The key for `kind` drawn at `size` points on a display of `ppp`
    /// pixels per point, with type `type_factor` times the usual size.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        kind: ChartKind,
        revision: u64,
        method: Method,
        lang: Lang,
        criterion: Option<String>,
        smaa_generation: u64,
        size: Vec2,
        ppp: f32,
        type_factor: f32,
    ) -> Self {
        TexKey {
            kind,
            revision,
            method,
            lang,
            criterion,
            smaa_generation,
            width_px: (size.x * ppp).round().clamp(16.0, 16_384.0) as u32,
            height_px: (size.y * ppp).round().clamp(16.0, 16_384.0) as u32,
            scale: ppp * type_factor,
        }
    }
}

/// The pixel size and type scale to render a `width_px` × `height_px` chart
/// at so its texture fits the graphics driver's largest side: a very tall
/// chart is drawn at a lower resolution (same layout, shown at the same size)
/// rather than refused by the driver.
pub fn fit_texture(
    ctx: &egui::Context,
    width_px: u32,
    height_px: u32,
    scale: f32,
) -> (u32, u32, f32) {
    let max_side = ctx.input(|i| i.max_texture_side).max(16) as f32;
    let factor = (max_side / width_px.max(height_px) as f32).min(1.0);
    if factor >= 1.0 {
        return (width_px, height_px, scale);
    }
    let shrink = |px: u32| ((px as f32 * factor).floor() as u32).clamp(1, max_side as u32);
    (shrink(width_px), shrink(height_px), scale * factor)
}

/// The readable size of charts already measured, by what they show and
/// their width, so a view asks the chart engine only when something changed.
#[derive(Default)]
pub struct ReadableHeights {
    known: HashMap<(ChartKind, u64, u32, u32), f32>,
    /// The last size [`ReadableHeights::fit_all`] gave and the width asked.
    last_fit: Option<(f32, Vec2)>,
}

impl ReadableHeights {
    /// The size to draw chart `kind` at: `want`, widened to the readable
    /// width and heightened to the height its rows and labels need at that
    /// width. `key` must change whenever `input` does.
    pub fn fit(
        &mut self,
        kind: ChartKind,
        input: &ChartInput<'_>,
        key: u64,
        want: Vec2,
        ppp: f32,
    ) -> Vec2 {
        let width = want.x.max(READABLE_WIDTH_PT);
        let width_px = (width * ppp).round().clamp(16.0, 16_384.0) as u32;
        if self.known.len() > 512 {
            // Resizing the window walks through many widths; forget them.
            self.known.clear();
        }
        let height = *self
            .known
            .entry((kind, key, width_px, ppp.to_bits()))
            .or_insert_with(|| {
                readable_height(kind, input, width_px, ppp).map_or(0.0, |h| h as f32 / ppp)
            });
        Vec2::new(width, want.y.max(height))
    }

    /// `want` grown to what every chart of `kinds` needs to stay readable.
    /// While something is dragged (`steady`) the last answer at this width
    /// stands, so a drag never waits for a layout pass and the charts do not
    /// jump in size.
    pub fn fit_all(
        &mut self,
        kinds: &[ChartKind],
        input: &ChartInput<'_>,
        key: u64,
        (want, ppp): (Vec2, f32),
        steady: bool,
    ) -> Vec2 {
        if steady
            && let Some((width, size)) = self.last_fit
            && width == want.x
        {
            return Vec2::new(want.x.max(size.x), want.y.max(size.y));
        }
        let size = kinds.iter().fold(want, |size, &kind| {
            size.max(self.fit(kind, input, key, want, ppp))
        });
        self.last_fit = Some((want.x, size));
        size
    }
}

/// A hash of what a [`TexKey`] says about the chart, leaving out its size.
pub fn content_of(key: &TexKey) -> u64 {
    key_of((
        key.kind,
        key.revision,
        key.method,
        key.lang,
        &key.criterion,
        key.smaa_generation,
        key.scale.to_bits(),
    ))
}

struct Entry {
    key: TexKey,
    texture: Option<TextureHandle>,
    error: Option<String>,
}

/// Rendered charts by slot name.
#[derive(Default)]
pub struct TexCache {
    entries: HashMap<&'static str, Entry>,
    /// Milliseconds of the last render, by slot.
    pub last_render_ms: HashMap<&'static str, f64>,
    /// Number of renders (cached frames do not count).
    pub renders: u64,
    /// Readable sizes of the charts shown.
    pub readable: ReadableHeights,
}

impl TexCache {
    /// Shows the chart of `key` in `slot` at `size` points, rendering it
    /// first when the key changed; `tint` dims a stale chart.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        slot: &'static str,
        key: TexKey,
        input: &ChartInput<'_>,
        size: Vec2,
        tint: Color32,
    ) {
        self.ensure_all(ui.ctx(), &[(slot, key)], input);
        self.draw(ui, slot, size, tint);
    }

    /// Shows `kind` for `input` in `slot` at `want` points, grown to its
    /// readable size; `content` must change whenever the input does
    /// (revision, method, language, comparison...).
    pub fn show_fitted(
        &mut self,
        ui: &mut Ui,
        slot: &'static str,
        (kind, input): (ChartKind, &ChartInput<'_>),
        content: u64,
        want: Vec2,
    ) {
        let ppp = ui.ctx().pixels_per_point();
        // Taller than asked when its rows need it (the views scroll).
        let size = self.readable.fit(kind, input, content, want, ppp);
        let key = TexKey::new(
            kind,
            content,
            input.method,
            input.lang,
            None,
            0,
            size,
            ppp,
            1.0,
        );
        self.show(ui, slot, key, input, size, Color32::WHITE);
    }

    /// Draws what `slot` holds at `size` points: the chart, or why it
    /// could not be drawn.
    pub fn draw(&self, ui: &mut Ui, slot: &'static str, size: Vec2, tint: Color32) {
        let Some(entry) = self.entries.get(slot) else {
            return;
        };
        match (&entry.texture, &entry.error) {
            (_, Some(e)) => {
                ui.allocate_ui(size, |ui| {
                    ui.label(RichText::new(e).color(super::widgets::PROBLEM));
                });
            }
            (Some(t), None) => {
                let title = entry.key.kind.title(entry.key.lang);
                ui.add(egui::Image::new((t.id(), size)).tint(tint).alt_text(title));
            }
            (None, None) => {}
        }
    }

    /// Renders the slots whose key changed, in parallel, all from `input`.
    pub fn ensure_all(
        &mut self,
        ctx: &egui::Context,
        slots: &[(&'static str, TexKey)],
        input: &ChartInput<'_>,
    ) {
        let stale: Vec<&(&'static str, TexKey)> = slots
            .iter()
            .filter(|(slot, key)| self.entries.get(slot).is_none_or(|e| e.key != *key))
            .collect();
        if stale.is_empty() {
            return;
        }
        let started = Instant::now();
        let rendered: Vec<_> = stale
            .par_iter()
            .map(|(_, key)| {
                let (width_px, height_px, scale) =
                    fit_texture(ctx, key.width_px, key.height_px, key.scale);
                let rgb = render_rgb(key.kind, input, width_px, height_px, scale);
                rgb.map(|rgb| ColorImage::from_rgb([width_px as usize, height_px as usize], &rgb))
            })
            .collect();
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        for ((slot, key), image) in stale.into_iter().zip(rendered) {
            self.renders += 1;
            let previous = self.entries.remove(slot).and_then(|e| e.texture);
            let (texture, error) = match image {
                Ok(image) => (Some(upload(ctx, slot, previous, image)), None),
                Err(e) => (previous, Some(e.message(key.lang))),
            };
            self.last_render_ms.insert(slot, ms);
            let key = key.clone();
            self.entries.insert(
                slot,
                Entry {
                    key,
                    texture,
                    error,
                },
            );
        }
    }
}

/// `image` in the texture `previous` (or a new one named after `slot`).
fn upload(
    ctx: &egui::Context,
    slot: &'static str,
    previous: Option<TextureHandle>,
    image: ColorImage,
) -> TextureHandle {
    match previous {
        Some(mut t) => {
            t.set(image, TextureOptions::LINEAR);
            t
        }
        None => ctx.load_texture(format!("chart-{slot}"), image, TextureOptions::LINEAR),
    }
}
