//! The look shared by every chart: bundled fonts, a twelve-colour palette
//! (Okabe–Ito first) and type sizes that follow the drawing's size, so a
//! chart reads the same on a projector (1920×1080) and in a document (800×600).

use plotters::style::{FontStyle, RGBColor, TextStyle};
use std::sync::OnceLock;

/// Font family name under which the bundled DejaVu Sans is registered.
///
/// The name doubles as the SVG `font-family` attribute, so it is a CSS list
/// with fallbacks for viewers that lack DejaVu Sans.
pub const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

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

/// Twelve series colours that stay apart for colour-blind readers too:
/// Okabe & Ito's eight, then four darker hues (wine, indigo, olive from
/// Paul Tol's muted scheme, and brown), each far from the others in CIELAB.
pub const PALETTE: [RGBColor; 12] = [
    OKABE_ITO[0],
    OKABE_ITO[1],
    OKABE_ITO[2],
    OKABE_ITO[3],
    OKABE_ITO[4],
    OKABE_ITO[5],
    OKABE_ITO[6],
    OKABE_ITO[7],
    RGBColor(0x88, 0x22, 0x55), // wine
    RGBColor(0x33, 0x22, 0x88), // indigo
    RGBColor(0x99, 0x99, 0x33), // olive
    RGBColor(0x8C, 0x56, 0x4B), // brown
];

/// The colour of series number `i`. Past twelve a colour comes back, so
/// such a series is also drawn hatched (see [`series_hatched`]).
pub fn series_colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// True for a series whose colour repeats an earlier one's: filled shapes
/// of it are hatched (and its legend swatch too) so it is never mistaken
/// for the series with the same colour.
pub fn series_hatched(i: usize) -> bool {
    i >= PALETTE.len()
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

    /// CIELAB coordinates of an sRGB colour (D65), to measure how far apart
    /// two colours look.
    fn lab(c: RGBColor) -> [f64; 3] {
        let lin = |u: u8| {
            let u = f64::from(u) / 255.0;
            if u <= 0.04045 {
                u / 12.92
            } else {
                ((u + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    #[test]
    fn twelve_series_get_clearly_different_colours_and_later_ones_are_hatched() {
        for i in 0..12 {
            assert!(!series_hatched(i));
            for j in 0..i {
                let (a, b) = (lab(series_colour(i)), lab(series_colour(j)));
                let distance =
                    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
                // ΔE*ab 25 is far beyond "just noticeable" (about 2.3).
                assert!(distance > 25.0, "series {i} and {j}: ΔE {distance:.1}");
            }
        }
        for i in 12..24 {
            assert!(
                series_hatched(i),
                "series {i} repeats a colour, so it is hatched"
            );
        }
    }

    #[test]
    fn fonts_register() {
        assert!(ensure_fonts());
    }
}
