//! A small CPU renderer for egui_kittest, so the window's image snapshots
//! need neither a GPU nor wgpu (which the app dropped to keep builds short):
//! it keeps the textures egui sends (font atlas, chart images) and fills
//! egui's tessellated triangles with their interpolated colour times the
//! bilinearly sampled texture, blended with premultiplied alpha in gamma
//! space as egui's own renderers do.
//!
//! [`check_snapshot`] compares a render with a PNG checked in under
//! `tests/gui/snapshots/`; `UPDATE_SNAPSHOTS=1` rewrites them (review the
//! images by eye before committing).

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, TextureId, TexturesDelta};
use egui_kittest::{Harness, TestRenderer};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// One texture: premultiplied RGBA pixels, row by row.
pub struct Texture {
    size: [usize; 2],
    pixels: Vec<Color32>,
}

/// The textures egui asked for, shared between the harness (which feeds
/// them) and the test (which renders).
pub type Textures = Arc<Mutex<HashMap<TextureId, Texture>>>;

/// Keeps every texture update the harness hands over.
pub struct SoftRenderer {
    textures: Textures,
}

impl SoftRenderer {
    /// A renderer and a handle on its textures.
    pub fn new() -> (Self, Textures) {
        let textures = Textures::default();
        (
            SoftRenderer {
                textures: textures.clone(),
            },
            textures,
        )
    }
}

impl TestRenderer for SoftRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        let Ok(mut textures) = self.textures.lock() else {
            delta.clear();
            return;
        };
        for (id, updates) in &delta.set {
            for update in updates {
                let egui::ImageData::Color(image) = &update.image;
                match update.pos {
                    None => {
                        textures.insert(
                            *id,
                            Texture {
                                size: image.size,
                                pixels: image.pixels.clone(),
                            },
                        );
                    }
                    Some([x0, y0]) => {
                        let Some(t) = textures.get_mut(id) else {
                            continue;
                        };
                        for y in 0..image.size[1] {
                            for x in 0..image.size[0] {
                                let (tx, ty) = (x0 + x, y0 + y);
                                if tx < t.size[0] && ty < t.size[1] {
                                    t.pixels[ty * t.size[0] + tx] =
                                        image.pixels[y * image.size[0] + x];
                                }
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            textures.remove(id);
        }
        // Applied: egui checks that no update is dropped unhandled.
        delta.clear();
    }
}

/// Bilinear sample of `t` at normalised `(u, v)`, premultiplied RGBA in 0..=1.
fn sample(t: &Texture, u: f32, v: f32) -> [f32; 4] {
    let (w, h) = (t.size[0], t.size[1]);
    if w == 0 || h == 0 {
        return [1.0; 4];
    }
    let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
    let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let px = |x: usize, y: usize| t.pixels[y * w + x].to_array();
    let (a, b, c, d) = (px(x0, y0), px(x1, y0), px(x0, y1), px(x1, y1));
    let mut out = [0.0; 4];
    for k in 0..4 {
        let top = f32::from(a[k]) * (1.0 - fx) + f32::from(b[k]) * fx;
        let bottom = f32::from(c[k]) * (1.0 - fx) + f32::from(d[k]) * fx;
        out[k] = (top * (1.0 - fy) + bottom * fy) / 255.0;
    }
    out
}

fn edge(a: [f32; 2], b: [f32; 2], p: [f32; 2]) -> f32 {
    (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
}

/// Fills one triangle into `canvas` (premultiplied RGBA, 0..=1).
#[allow(clippy::too_many_arguments)]
fn triangle(
    canvas: &mut [[f32; 4]],
    (w, h): (usize, usize),
    clip: [f32; 4],
    ppp: f32,
    v: [&Vertex; 3],
    texture: Option<&Texture>,
) {
    let p: Vec<[f32; 2]> = v.iter().map(|v| [v.pos.x * ppp, v.pos.y * ppp]).collect();
    let area = edge(p[0], p[1], p[2]);
    if area.abs() < 1e-9 {
        return;
    }
    let min_x = p
        .iter()
        .map(|q| q[0])
        .fold(f32::INFINITY, f32::min)
        .max(clip[0])
        .max(0.0);
    let max_x = p
        .iter()
        .map(|q| q[0])
        .fold(f32::NEG_INFINITY, f32::max)
        .min(clip[2])
        .min(w as f32);
    let min_y = p
        .iter()
        .map(|q| q[1])
        .fold(f32::INFINITY, f32::min)
        .max(clip[1])
        .max(0.0);
    let max_y = p
        .iter()
        .map(|q| q[1])
        .fold(f32::NEG_INFINITY, f32::max)
        .min(clip[3])
        .min(h as f32);
    if min_x >= max_x || min_y >= max_y {
        return;
    }
    let colours: Vec<[f32; 4]> = v
        .iter()
        .map(|v| v.color.to_array().map(|c| f32::from(c) / 255.0))
        .collect();
    for y in (min_y.floor() as usize)..(max_y.ceil() as usize).min(h) {
        for x in (min_x.floor() as usize)..(max_x.ceil() as usize).min(w) {
            let c = [x as f32 + 0.5, y as f32 + 0.5];
            if c[0] < clip[0] || c[0] >= clip[2] || c[1] < clip[1] || c[1] >= clip[3] {
                continue;
            }
            let w0 = edge(p[1], p[2], c) / area;
            let w1 = edge(p[2], p[0], c) / area;
            let w2 = 1.0 - w0 - w1;
            // Half-open edges: a pixel on an edge shared by two triangles
            // is filled once.
            if w0 < 0.0 || w1 < 0.0 || w2 <= 0.0 {
                continue;
            }
            let mut src = [0.0; 4];
            for k in 0..4 {
                src[k] = colours[0][k] * w0 + colours[1][k] * w1 + colours[2][k] * w2;
            }
            if let Some(t) = texture {
                let u = v[0].uv.x * w0 + v[1].uv.x * w1 + v[2].uv.x * w2;
                let vv = v[0].uv.y * w0 + v[1].uv.y * w1 + v[2].uv.y * w2;
                let texel = sample(t, u, vv);
                for k in 0..4 {
                    src[k] *= texel[k];
                }
            }
            let dst = &mut canvas[y * w + x];
            for k in 0..4 {
                dst[k] = src[k] + dst[k] * (1.0 - src[3]);
            }
        }
    }
}

/// Renders the harness's last frame to an RGB image, `ppp` pixels per point.
pub fn render(harness: &Harness<'_, impl Sized>, textures: &Textures) -> image::RgbImage {
    let output = harness.output();
    let ppp = output.pixels_per_point;
    let screen = harness.ctx.content_rect();
    let (w, h) = (
        (screen.width() * ppp).round() as usize,
        (screen.height() * ppp).round() as usize,
    );
    let primitives: Vec<ClippedPrimitive> = harness.ctx.tessellate(output.shapes.clone(), ppp);
    let mut canvas = vec![[1.0_f32, 1.0, 1.0, 1.0]; w * h];
    let textures = textures.lock().expect("texture lock");
    for p in &primitives {
        let Primitive::Mesh(mesh) = &p.primitive else {
            continue;
        };
        let clip = [
            p.clip_rect.min.x * ppp,
            p.clip_rect.min.y * ppp,
            p.clip_rect.max.x * ppp,
            p.clip_rect.max.y * ppp,
        ];
        let texture = textures.get(&mesh.texture_id);
        for tri in mesh.indices.chunks_exact(3) {
            let v = [
                &mesh.vertices[tri[0] as usize],
                &mesh.vertices[tri[1] as usize],
                &mesh.vertices[tri[2] as usize],
            ];
            triangle(&mut canvas, (w, h), clip, ppp, v, texture);
        }
    }
    let mut img = image::RgbImage::new(w as u32, h as u32);
    for (i, px) in img.pixels_mut().enumerate() {
        let c = canvas[i];
        // Opaque background: the premultiplied colour is the colour.
        *px = image::Rgb([0, 1, 2].map(|k| (c[k].clamp(0.0, 1.0) * 255.0).round() as u8));
    }
    img
}

/// Where snapshot `name` lives.
fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/gui/snapshots")
        .join(format!("{name}.png"))
}

/// Share of pixels allowed to differ (anti-aliasing of a glyph edge may
/// round differently on another machine); a moved or changed widget
/// changes far more.
const TOLERATED_SHARE: f64 = 0.002;

/// A pixel differs when a channel is off by more than this.
const CHANNEL_TOLERANCE: i16 = 24;

/// Compares `image` with the checked-in snapshot `name`. A missing
/// snapshot, or any with `UPDATE_SNAPSHOTS` set, is written; a mismatch
/// writes `name.new.png` beside it. Err says what to look at.
pub fn check_snapshot(name: &str, image: &image::RgbImage) -> Result<(), String> {
    let path = snapshot_path(name);
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let old = image::open(&path).ok().map(|i| i.to_rgb8());
    let Some(old) = old.filter(|_| !update) else {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        image.save(&path).map_err(|e| e.to_string())?;
        return if update {
            Ok(())
        } else {
            Err(format!(
                "new snapshot {} written: review it by eye and commit it",
                path.display()
            ))
        };
    };
    let new_path = path.with_extension("new.png");
    let fail = |why: String| -> Result<(), String> {
        image.save(&new_path).map_err(|e| e.to_string())?;
        Err(format!(
            "{why}; see {} (UPDATE_SNAPSHOTS=1 accepts it)",
            new_path.display()
        ))
    };
    if old.dimensions() != image.dimensions() {
        return fail(format!(
            "{name}: size {:?}, snapshot {:?}",
            image.dimensions(),
            old.dimensions()
        ));
    }
    let differing = old
        .pixels()
        .zip(image.pixels())
        .filter(|(a, b)| {
            (0..3).any(|k| (i16::from(a.0[k]) - i16::from(b.0[k])).abs() > CHANNEL_TOLERANCE)
        })
        .count();
    let share = differing as f64 / f64::from(image.width() * image.height()).max(1.0);
    if share > TOLERATED_SHARE {
        return fail(format!("{name}: {:.2}% of pixels differ", share * 100.0));
    }
    let _ = std::fs::remove_file(&new_path);
    Ok(())
}
