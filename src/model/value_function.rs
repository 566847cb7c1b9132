//! Piecewise-linear value functions: how a criterion's natural units turn into value 0–100.

use super::scenario::Direction;
use serde::{Deserialize, Serialize};

/// Piecewise-linear value function: points (x in the criterion's unit,
/// value 0..=100), x strictly increasing. Validation checks the shape; the
/// evaluation below never panics whatever the points are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ValueFunction(pub Vec<(f64, f64)>);

/// The shapes the GUI offers as starting points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValuePreset {
    /// Value proportional to the distance from the worst level.
    Linear,
    /// Diminishing returns: the first steps away from the worst level count most.
    Concave,
    /// Increasing returns: the last steps towards the best level count most.
    Convex,
    /// Nothing until halfway, then (after a steep ramp) everything.
    Threshold,
}

impl ValuePreset {
    /// Every preset, in the order the GUI lists them.
    pub const ALL: [ValuePreset; 4] = [
        ValuePreset::Linear,
        ValuePreset::Concave,
        ValuePreset::Convex,
        ValuePreset::Threshold,
    ];

    /// (fraction of the way from worst to best, value 0..=100) of this shape.
    fn shape(self) -> &'static [(f64, f64)] {
        match self {
            ValuePreset::Linear => &[(0.0, 0.0), (1.0, 100.0)],
            // 100 (1 - (1 - t)^2) sampled at quarters.
            ValuePreset::Concave => &[
                (0.0, 0.0),
                (0.25, 43.75),
                (0.5, 75.0),
                (0.75, 93.75),
                (1.0, 100.0),
            ],
            // 100 t^2 sampled at quarters.
            ValuePreset::Convex => &[
                (0.0, 0.0),
                (0.25, 6.25),
                (0.5, 25.0),
                (0.75, 56.25),
                (1.0, 100.0),
            ],
            ValuePreset::Threshold => &[(0.0, 0.0), (0.45, 0.0), (0.55, 100.0), (1.0, 100.0)],
        }
    }
}

impl ValueFunction {
    /// The points, x increasing.
    pub fn points(&self) -> &[(f64, f64)] {
        &self.0
    }

    /// Value 0..=100 at `x`: linear between points, held at the end values
    /// outside them; NaN for NaN (and for a function without points).
    pub fn value(&self, x: f64) -> f64 {
        let points = self.points();
        let (Some(&(x0, v0)), Some(&(xn, vn))) = (points.first(), points.last()) else {
            return f64::NAN;
        };
        if x.is_nan() {
            return f64::NAN;
        }
        if x <= x0 {
            return v0;
        }
        if x >= xn {
            return vn;
        }
        for pair in points.windows(2) {
            let ((xa, va), (xb, vb)) = (pair[0], pair[1]);
            if x <= xb {
                if x == xb {
                    return vb;
                }
                if xb <= xa {
                    // Not strictly increasing (a validation error): hold the later value.
                    return vb;
                }
                return va + (vb - va) * (x - xa) / (xb - xa);
            }
        }
        vn
    }

    /// True when values never fall as x rises (Maximize) / never rise
    /// (Minimize), and are not constant.
    pub fn agrees_with(&self, direction: Direction) -> bool {
        let points = self.points();
        let mut moved = false;
        for pair in points.windows(2) {
            let (va, vb) = (pair[0].1, pair[1].1);
            if vb != va {
                moved = true;
            }
            let falls = match direction {
                Direction::Maximize => vb < va,
                Direction::Minimize => vb > va,
            };
            if falls || va.is_nan() || vb.is_nan() {
                return false;
            }
        }
        moved
    }

    /// The presets the GUI offers, spanning worst..best of the criterion
    /// (either order: the end that is better in `direction` gets 100).
    /// A zero-width span is widened to one unit towards the better side so
    /// that x stays strictly increasing.
    pub fn preset(
        preset: ValuePreset,
        worst: f64,
        best: f64,
        direction: Direction,
    ) -> ValueFunction {
        let (lo, hi) = (worst.min(best), worst.max(best));
        let hi = if hi > lo { hi } else { lo + 1.0 };
        let (worst_x, best_x) = match direction {
            Direction::Maximize => (lo, hi),
            Direction::Minimize => (hi, lo),
        };
        let mut points: Vec<(f64, f64)> = preset
            .shape()
            .iter()
            .map(|&(t, v)| (worst_x + t * (best_x - worst_x), v))
            .collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        ValueFunction(points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost() -> ValueFunction {
        ValueFunction(vec![
            (100.0, 100.0),
            (200.0, 80.0),
            (300.0, 40.0),
            (450.0, 0.0),
        ])
    }

    #[test]
    fn value_interpolates_between_points_and_holds_outside() {
        let f = cost();
        assert_eq!(f.value(100.0), 100.0);
        assert_eq!(f.value(150.0), 90.0);
        assert_eq!(f.value(250.0), 60.0);
        assert_eq!(f.value(375.0), 20.0);
        assert_eq!(f.value(50.0), 100.0);
        assert_eq!(f.value(1e9), 0.0);
        assert_eq!(f.value(f64::NEG_INFINITY), 100.0);
        assert!(f.value(f64::NAN).is_nan());
        assert!(ValueFunction(vec![]).value(3.0).is_nan());
        assert_eq!(ValueFunction(vec![(1.0, 40.0)]).value(7.0), 40.0);
    }

    #[test]
    fn agreement_with_direction() {
        assert!(cost().agrees_with(Direction::Minimize));
        assert!(!cost().agrees_with(Direction::Maximize));
        let flat_then_up = ValueFunction(vec![(0.0, 0.0), (1.0, 0.0), (2.0, 100.0)]);
        assert!(flat_then_up.agrees_with(Direction::Maximize));
        let constant = ValueFunction(vec![(0.0, 50.0), (1.0, 50.0)]);
        assert!(!constant.agrees_with(Direction::Maximize));
        assert!(!constant.agrees_with(Direction::Minimize));
        let bump = ValueFunction(vec![(0.0, 0.0), (1.0, 100.0), (2.0, 50.0)]);
        assert!(!bump.agrees_with(Direction::Maximize));
        assert!(!bump.agrees_with(Direction::Minimize));
    }

    #[test]
    fn presets_span_the_range_and_agree_with_the_direction() {
        for preset in ValuePreset::ALL {
            for (worst, best, direction) in [
                (0.0, 10.0, Direction::Maximize),
                (10.0, 0.0, Direction::Maximize),
                (450.0, 100.0, Direction::Minimize),
                (100.0, 450.0, Direction::Minimize),
                (5.0, 5.0, Direction::Minimize),
            ] {
                let f = ValueFunction::preset(preset, worst, best, direction);
                assert!(f.agrees_with(direction), "{preset:?} {f:?}");
                assert!(f.points().windows(2).all(|p| p[0].0 < p[1].0), "{f:?}");
                let (lo, hi) = (worst.min(best), worst.max(best));
                let better = if direction == Direction::Maximize {
                    hi
                } else {
                    lo
                };
                if lo < hi {
                    assert_eq!(f.value(better), 100.0);
                    assert_eq!(f.value(lo + hi - better), 0.0);
                }
            }
        }
        let concave = ValueFunction::preset(ValuePreset::Concave, 0.0, 100.0, Direction::Maximize);
        assert!(concave.value(50.0) > 50.0);
        let convex = ValueFunction::preset(ValuePreset::Convex, 0.0, 100.0, Direction::Maximize);
        assert!(convex.value(50.0) < 50.0);
    }
}
