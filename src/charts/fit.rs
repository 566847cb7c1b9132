//! The smallest size at which a chart stays readable: the GUI gives a chart
//! at least this much room (and scrolls or stacks views) instead of
//! squashing it until its rows and labels print over each other.
//!
//! While drawing, the frame and the plots record how many pixels their text
//! needs ([`Need`]); [`readable_height`] draws the chart once on a backend
//! that only measures text and turns that record into a height.

use super::{ChartError, ChartInput, ChartKind, Ctx, draw_in, style};
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, DrawingBackend, DrawingErrorKind,
};

/// Narrowest chart, in points, whose labels, bars and legend stay legible.
pub const READABLE_WIDTH_PT: f32 = 380.0;

/// Body text size at which type stops shrinking (see [`style::Theme::new`]), points.
const FLOOR_UNIT_PT: f64 = 13.0;

/// Height a drawing needs, in pixels at the drawing's own type size.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Need {
    /// Title, subtitle, legend, footnotes and margins.
    pub chrome_px: i32,
    /// Of those, the footnotes alone (at most a quarter of the height is given to them).
    pub notes_px: i32,
    /// The plot: every row tall enough for its label, plus the axis.
    pub plot_px: i32,
}

impl<'a> Ctx<'a> {
    /// Records what the chrome needs.
    pub(crate) fn need_chrome(&self, chrome_px: i32, notes_px: i32) {
        let mut need = self.need.get();
        need.chrome_px = chrome_px;
        need.notes_px = notes_px;
        self.need.set(need);
    }

    /// Records what the plot needs (the largest request wins).
    pub(crate) fn need_plot(&self, plot_px: i32) {
        let mut need = self.need.get();
        need.plot_px = need.plot_px.max(plot_px);
        self.need.set(need);
    }
}

/// A backend that draws nothing: text is measured with the same fonts as
/// every other backend, so the layout is the one a real drawing gets.
struct MeasureOnly {
    size: (u32, u32),
}

#[derive(Debug)]
struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("measure-only backend")
    }
}

impl std::error::Error for NoError {}

impl DrawingBackend for MeasureOnly {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: u32,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn draw_text<TStyle: plotters_backend::BackendTextStyle>(
        &mut self,
        _: &str,
        _: &TStyle,
        _: BackendCoord,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }

    fn blit_bitmap(
        &mut self,
        _: BackendCoord,
        _: (u32, u32),
        _: &[u8],
    ) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }
}

/// The height in pixels the chart needs when drawn `width_px` wide and
/// `height_px` tall, and the body text size it was drawn at.
fn need_at(
    kind: ChartKind,
    input: &ChartInput<'_>,
    width_px: u32,
    height_px: u32,
) -> Result<(f64, f64), ChartError> {
    let area = MeasureOnly {
        size: (width_px, height_px),
    }
    .into_drawing_area();
    let ctx = Ctx::new(input, width_px, height_px)?;
    draw_in(kind, &ctx, &area)?;
    let need = ctx.need.get();
    let total = f64::from(need.chrome_px + need.plot_px).max(f64::from(4 * need.notes_px));
    Ok((total, ctx.theme.unit))
}

/// The smallest height, in pixels, at which chart `kind` drawn `width_px`
/// wide at `scale` pixels per point keeps every row, label, legend line and
/// footnote apart. Type grows with the drawing's height up to a width-bound
/// ceiling, so the answer is searched at the floor size first, then at the
/// size the width allows.
pub fn readable_height(
    kind: ChartKind,
    input: &ChartInput<'_>,
    width_px: u32,
    scale: f32,
) -> Result<u32, ChartError> {
    super::check_size(width_px, 16)?;
    style::ensure_fonts();
    let input = ChartInput { scale, ..*input };
    let scale = f64::from(scale.max(0.1));
    // At or below this height the type is at its floor size.
    let floor_h = (44.0 * FLOOR_UNIT_PT * scale).round() as u32;
    let (need, unit) = need_at(kind, &input, width_px, floor_h)?;
    if need <= f64::from(floor_h) {
        return Ok(need.ceil().max(16.0) as u32);
    }
    // Taller than that, type grows with the height until the width stops
    // it: draw at a height where it is as large as the width allows.
    let ratio = need / unit;
    let mut h = (ratio * unit).ceil();
    for _ in 0..3 {
        let probe = (h as u32).clamp(16, super::MAX_SIDE_PX);
        let (need, _) = need_at(kind, &input, width_px, probe)?;
        if need <= f64::from(probe) {
            return Ok(probe);
        }
        h = need.ceil();
    }
    Ok((h as u32).clamp(16, super::MAX_SIDE_PX))
}
