//! The look shared by every chart: bundled fonts, the Okabe–Ito palette and
//! type sizes that follow the drawing's size, so a chart reads the same on a
//! projector (1920×1080) and in a document (800×600).

use plotters::style::{FontStyle, RGBColor, TextStyle};
use std::sync::OnceLock;

/// Font family name under which the bundled DejaVu Sans is registered.
///
/// The name doubles as the SVG `font-family` attribute, so it is a CSS list
/// with fallbacks for viewers that lack DejaVu Sans.
pub const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Registers the bundled fonts with plotters once per process.
/// Returns false if the font data could not be read (never expected: the
/// bytes are compiled in).
pub fn ensure_fonts() -> bool {
    static DONE: OnceLock<bool> = OnceLock::new();
    *DONE.get_or_init(|| {
        let regular = plotters::style::register_font(FONT, FontStyle::Normal, REGULAR).is_ok();
        let bold = plotters::style::register_font(FONT, FontStyle::Bold, BOLD).is_ok();
        regular && bold
    })
}

/// Okabe & Ito (2008) colour-blind-safe qualitative palette, black last.
pub const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xF0, 0xE4, 0x42), // yellow
    RGBColor(0x00, 0x00, 0x00), // black
];

/// The palette colour for series number `i` (cycles after eight).
pub fn series_colour(i: usize) -> RGBColor {
    OKABE_ITO[i % OKABE_ITO.len()]
}

/// Main text colour (near-black, softer than pure black on a projector).
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Secondary text colour (subtitles, notes).
pub const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
/// Grid lines and excluded options.
pub const GREY: RGBColor = RGBColor(0xBB, 0xBB, 0xBB);
/// Light grid lines.
pub const LIGHT: RGBColor = RGBColor(0xE4, 0xE4, 0xE4);
/// Cell borders drawn over colour.
pub const WHITE_LINE: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Positive change in a waterfall.
pub const GAIN: RGBColor = OKABE_ITO[0];
/// Negative change in a waterfall.
pub const LOSS: RGBColor = OKABE_ITO[3];

/// `colour` blended towards white by `amount` (0 = unchanged, 1 = white).
pub fn tint(colour: RGBColor, amount: f64) -> RGBColor {
    let amount = amount.clamp(0.0, 1.0);
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * amount).round() as u8;
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}

/// Sizes of one drawing: `unit` is the body text height in pixels; line
/// widths and gaps follow `scale` (pixels per point).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Body text height, pixels.
    pub unit: f64,
    /// Pixels per point of the target display.
    pub scale: f64,
}

impl Theme {
    /// The theme for a drawing of `width_px` × `height_px` pixels at `scale`
    /// pixels per point. Type grows with the drawing (in points) between a
    /// document-sized floor and a projector-sized ceiling.
    pub fn new(width_px: u32, height_px: u32, scale: f64) -> Theme {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let width_pt = f64::from(width_px) / scale;
        let height_pt = f64::from(height_px) / scale;
        let unit_pt = (height_pt / 44.0).min(width_pt / 68.0).clamp(13.0, 28.0);
        Theme {
            unit: unit_pt * scale,
            scale,
        }
    }

    /// Text style at `relative` × body size, regular weight.
    pub fn text(&self, relative: f64) -> TextStyle<'static> {
        TextStyle::from((FONT, self.unit * relative)).color(&INK)
    }

    /// Text style at `relative` × body size, bold.
    pub fn bold(&self, relative: f64) -> TextStyle<'static> {
        TextStyle::from((FONT, self.unit * relative, FontStyle::Bold)).color(&INK)
    }

    /// Text style in the muted colour.
    pub fn muted(&self, relative: f64) -> TextStyle<'static> {
        TextStyle::from((FONT, self.unit * relative)).color(&MUTED)
    }

    /// A length given in body-text units, in whole pixels.
    pub fn px(&self, units: f64) -> i32 {
        (self.unit * units).round() as i32
    }

    /// A line width given in points, in whole pixels (at least 1).
    pub fn line(&self, points: f64) -> u32 {
        (points * self.scale).round().max(1.0) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_grows_with_the_drawing_and_the_scale() {
        let doc = Theme::new(800, 600, 1.0);
        let projector = Theme::new(1920, 1080, 1.0);
        assert!(projector.unit > doc.unit);
        assert!(doc.unit >= 13.0);
        let retina = Theme::new(1600, 1200, 2.0);
        assert!((retina.unit - 2.0 * doc.unit).abs() < 1e-9);
    }

    #[test]
    fn fonts_register() {
        assert!(ensure_fonts());
    }
}
