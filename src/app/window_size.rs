//! The window's size: it opens at the size the user left it (else a safe
//! 1280 × 720), is fitted inside the screen once egui knows the monitor, so
//! no edge is ever off screen, and is remembered when the window closes.

use egui::Vec2;

/// Size used when nothing is remembered and before the monitor is known.
pub const DEFAULT_SIZE: Vec2 = Vec2::new(1280.0, 720.0);

/// Smallest window the layout is designed for.
pub const MIN_SIZE: Vec2 = Vec2::new(800.0, 560.0);

/// Room a desktop keeps for itself around a window (task bar, title bar,
/// borders), in points; the monitor size egui reports includes it.
const DESKTOP_MARGIN: Vec2 = Vec2::new(40.0, 100.0);

/// Share of the screen a first window takes when nothing is remembered.
const FIRST_SHARE: f32 = 0.9;

/// The inner size for a monitor of `monitor` points: the remembered size,
/// else most of the screen; never larger than the screen's work area.
pub fn fitted(saved: Option<Vec2>, monitor: Vec2) -> Vec2 {
    let work_area = (monitor - DESKTOP_MARGIN).max(MIN_SIZE.min(monitor));
    let wanted = saved.unwrap_or(monitor * FIRST_SHARE);
    wanted.min(work_area).max(MIN_SIZE.min(work_area))
}

/// Where a window of inner size `size` sits centred on `monitor`, leaving
/// room above it for its title bar.
pub fn top_left(size: Vec2, monitor: Vec2) -> egui::Pos2 {
    let free = (monitor - size - Vec2::new(0.0, TITLE_BAR)).max(Vec2::ZERO);
    egui::Pos2::new(free.x / 2.0, free.y / 2.0)
}

/// Height of a window manager's title bar, points (a typical one).
const TITLE_BAR: f32 = 30.0;

/// The size to open at, before the monitor is known.
pub fn initial(saved: Option<Vec2>) -> Vec2 {
    saved
        .filter(|s| s.x.is_finite() && s.y.is_finite())
        .unwrap_or(DEFAULT_SIZE)
        .max(MIN_SIZE)
}

/// Fits the window once the monitor is known and tracks its size.
#[derive(Debug, Default)]
pub struct WindowFit {
    /// The size remembered from the last run.
    pub saved: Option<Vec2>,
    /// True once the window was fitted to its monitor.
    pub done: bool,
    /// The window's inner size at the last frame, in points.
    pub current: Option<Vec2>,
}

impl WindowFit {
    /// Fits the window for `saved` (the remembered size).
    pub fn new(saved: Option<Vec2>) -> Self {
        WindowFit {
            saved,
            ..WindowFit::default()
        }
    }

    /// Called every frame: sends the fitted size (and centres a first
    /// window) as soon as the monitor size is known.
    pub fn frame(&mut self, ctx: &egui::Context) {
        let (monitor, inner) = ctx.input(|i| {
            (
                i.viewport().monitor_size,
                i.viewport().inner_rect.map(|r| r.size()),
            )
        });
        if let Some(inner) = inner {
            self.current = Some(inner);
        }
        if self.done {
            return;
        }
        let Some(monitor) = monitor.filter(|m| m.x > 0.0 && m.y > 0.0) else {
            return;
        };
        self.done = true;
        let target = fitted(self.saved, monitor);
        if inner.is_none_or(|i| (i - target).length() > 1.0) {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(target));
            self.current = Some(target);
        }
        // Centred for the new size (egui's own centring would use the old
        // one, and a grown window would run off the bottom right).
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(top_left(
            target, monitor,
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_never_exceeds_the_work_area() {
        for monitor in [
            Vec2::new(1280.0, 720.0),
            Vec2::new(1366.0, 768.0),
            Vec2::new(1920.0, 1080.0),
            Vec2::new(3840.0, 2160.0),
            Vec2::new(1920.0, 1080.0) / 2.0,
        ] {
            for saved in [
                None,
                Some(Vec2::new(5000.0, 5000.0)),
                Some(Vec2::new(900.0, 600.0)),
            ] {
                let size = fitted(saved, monitor);
                assert!(
                    size.x <= monitor.x - DESKTOP_MARGIN.x || size.x <= MIN_SIZE.x.min(monitor.x)
                );
                assert!(
                    size.y <= monitor.y - DESKTOP_MARGIN.y || size.y <= MIN_SIZE.y.min(monitor.y)
                );
                assert!(
                    size.x <= monitor.x && size.y <= monitor.y,
                    "{size:?} on {monitor:?}"
                );
            }
        }
    }

    #[test]
    fn a_fitted_window_is_placed_wholly_on_the_screen() {
        for monitor in [Vec2::new(1366.0, 768.0), Vec2::new(3840.0, 2160.0)] {
            let size = fitted(None, monitor);
            let at = top_left(size, monitor);
            assert!(at.x >= 0.0 && at.y >= 0.0);
            assert!(at.x + size.x <= monitor.x);
            assert!(at.y + size.y + TITLE_BAR <= monitor.y);
        }
    }

    #[test]
    fn a_remembered_size_that_fits_is_kept() {
        let saved = Vec2::new(1100.0, 640.0);
        assert_eq!(fitted(Some(saved), Vec2::new(1920.0, 1080.0)), saved);
        assert_eq!(initial(Some(saved)), saved);
        assert_eq!(initial(None), DEFAULT_SIZE);
    }
}
