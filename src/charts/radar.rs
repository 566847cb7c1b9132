//! Placeholder for the radar chart (being written).

use super::frame::{Chrome, frame, message};
use super::{ChartError, ChartKind, Ctx};
use plotters::coord::Shift;
use plotters::prelude::*;

pub(super) fn draw<DB: DrawingBackend>(
    ctx: &Ctx<'_>,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), ChartError> {
    let chrome = Chrome {
        title: ChartKind::Ranking.title(ctx.lang()),
        legend: Vec::new(),
        notes: ctx.notes(),
    };
    let plot = frame(ctx, area, &chrome)?;
    message(&ctx.theme, &plot, &ctx.nothing_to_show())
}
