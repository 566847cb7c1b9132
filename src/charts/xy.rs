//! The plotting area of the charts with two numeric axes (weight and value
//! sensitivity, value for money): the same margins, light grid, grey axes
//! and label sizes, so these charts read as one family.

use super::ChartError;
use super::style::{GREY, LIGHT, Theme};
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use std::ops::Range;

/// Coordinates of a chart with two numeric axes.
pub(crate) type XyChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// What differs between the charts: ranges, label counts and formats, and
/// the axis titles (`x_desc` None: the chart writes its own, wrapped).
pub(crate) struct XyAxes<'f> {
    pub x_range: Range<f64>,
    pub y_range: Range<f64>,
    pub x_label_area: i32,
    pub x_labels: usize,
    pub x_format: &'f dyn Fn(&f64) -> String,
    pub y_format: &'f dyn Fn(&f64) -> String,
    pub x_desc: Option<String>,
    pub y_desc: String,
}

/// Builds the plotting area on `plot` and draws its grid, ticks and axis titles.
pub(crate) fn xy_chart<'a, DB: DrawingBackend>(
    theme: &Theme,
    plot: &'a DrawingArea<DB, Shift>,
    axes: XyAxes<'_>,
) -> Result<XyChart<'a, DB>, ChartError> {
    let mut chart = ChartBuilder::on(plot)
        .margin_right(theme.px(1.5))
        .margin_top(theme.px(0.5))
        .x_label_area_size(axes.x_label_area)
        .y_label_area_size(theme.px(4.4))
        .build_cartesian_2d(axes.x_range, axes.y_range)?;
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(axes.x_labels)
        .y_labels(6)
        .x_label_formatter(axes.x_format)
        .y_label_formatter(axes.y_format);
    if let Some(x_desc) = axes.x_desc {
        mesh.x_desc(x_desc);
    }
    mesh.y_desc(axes.y_desc)
        .label_style(theme.text(0.85))
        .axis_desc_style(theme.text(0.95))
        .bold_line_style(LIGHT.stroke_width(theme.line(1.0)))
        .light_line_style(WHITE.mix(0.0))
        .axis_style(GREY.stroke_width(theme.line(1.0)))
        .draw()?;
    Ok(chart)
}
