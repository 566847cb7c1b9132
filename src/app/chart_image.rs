//! Chart textures for the stakeholder and compare views: the engine's chart
//! rendered at the screen's pixels per point and kept until what it shows
//! (a caller-computed key) or its size changes; never smaller than readable.

use crate::charts::{ChartInput, ChartKind, render_rgb};
use egui::{ColorImage, RichText, TextureHandle, TextureOptions, Ui, Vec2};
use std::collections::HashMap;

struct Entry {
    key: (u64, u32, u32),
    texture: Option<TextureHandle>,
    error: Option<String>,
}

/// Rendered chart textures by slot name.
#[derive(Default)]
pub struct ChartImages {
    entries: HashMap<&'static str, Entry>,
    /// How many renders happened (cached frames do not count).
    pub renders: u64,
    /// Readable sizes of the charts shown.
    readable: super::chart_tex::ReadableHeights,
}

impl ChartImages {
    /// Shows `kind` for `input` in `size` points; `key` must change whenever
    /// the input does (revision, method, language, comparison...).
    pub fn show(
        &mut self,
        ui: &mut Ui,
        slot: &'static str,
        kind: ChartKind,
        input: &ChartInput<'_>,
        key: u64,
        size: Vec2,
    ) {
        let ppp = ui.ctx().pixels_per_point();
        // Taller than asked when its rows need it (the views scroll).
        let size = self.readable.fit(kind, input, key, size, ppp);
        let w = (size.x * ppp).round().max(1.0) as u32;
        let h = (size.y * ppp).round().max(1.0) as u32;
        let full_key = (key, w, h);
        let fresh = self.entries.get(slot).is_some_and(|e| e.key == full_key);
        if !fresh {
            self.renders += 1;
            let previous = self.entries.remove(slot).and_then(|e| e.texture);
            let (w, h, scale) = super::chart_tex::fit_texture(ui.ctx(), w, h, ppp);
            let entry = match render_rgb(kind, input, w, h, scale) {
                Ok(rgb) => {
                    let image = ColorImage::from_rgb([w as usize, h as usize], &rgb);
                    let texture = match previous {
                        Some(mut t) => {
                            t.set(image, TextureOptions::LINEAR);
                            t
                        }
                        None => ui.ctx().load_texture(
                            format!("analyse-{slot}"),
                            image,
                            TextureOptions::LINEAR,
                        ),
                    };
                    Entry {
                        key: full_key,
                        texture: Some(texture),
                        error: None,
                    }
                }
                Err(e) => Entry {
                    key: full_key,
                    texture: None,
                    error: Some(e.message(input.lang)),
                },
            };
            self.entries.insert(slot, entry);
        }
        if let Some(entry) = self.entries.get(slot) {
            match (&entry.texture, &entry.error) {
                (_, Some(e)) => {
                    ui.label(RichText::new(e).color(super::widgets::PROBLEM));
                }
                (Some(t), None) => {
                    ui.add(egui::Image::new((t.id(), size)).alt_text(kind.title(input.lang)));
                }
                (None, None) => {}
            }
        }
    }
}

/// A hash of anything hashable, for chart keys.
pub fn key_of(parts: impl std::hash::Hash) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}
