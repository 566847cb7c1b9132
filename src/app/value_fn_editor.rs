//! The value-function editor of one criterion, in a window: a plot of the
//! function with the options' scores marked, points dragged with the mouse
//! or typed in a table, presets, and removing the function. Every change is
//! an [`Edit::SetValueFunction`] (a whole drag is one undo step), so the
//! results follow at once.

use super::state::{AppState, Banner, Command};
use super::widgets::{NumberInput, number_field};
use crate::model::{Criterion, Direction, Lang, Scenario, ValueFunction, ValuePreset};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Color32, Id, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};

/// Where the criterion whose editor is open is kept.
fn open_id() -> Id {
    Id::unique("value-fn-editor")
}

/// The row of the criterion editor that opens the value-function window.
pub fn open_button(ui: &mut Ui, state: &AppState, criterion: &str) {
    let lang = state.view.lang;
    let Some(c) = state.scenario().criterion(criterion) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(lang, "tree.vf.label"));
        if ui
            .button(tr!(lang, "tree.vf.edit"))
            .on_hover_text(tr!(lang, "tree.vf.edit_tip"))
            .clicked()
        {
            ui.data_mut(|d| d.insert_temp(open_id(), Some(criterion.to_string())));
        }
        ui.label(RichText::new(summary(c, lang)).weak());
    });
}

/// "Linear scaling" or "4 points".
fn summary(c: &Criterion, lang: Lang) -> String {
    match &c.value_function {
        None => tr!(lang, "tree.vf.none"),
        Some(f) => tr!(lang, "tree.vf.points", n = f.points().len()),
    }
}

/// The window, when open. It follows the criterion selected in the list.
pub fn window(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    let Some(mut id) = ui
        .data(|d| d.get_temp::<Option<String>>(open_id()))
        .flatten()
    else {
        return;
    };
    if let Some(selected) = &state.view.selected_criterion
        && *selected != id
    {
        id = selected.clone();
        ui.data_mut(|d| d.insert_temp(open_id(), Some(id.clone())));
    }
    let Some(c) = s.criterion(&id) else {
        ui.data_mut(|d| d.remove::<Option<String>>(open_id()));
        return;
    };
    let mut open = true;
    let screen = ui.ctx().content_rect();
    egui::Window::new(tr!(lang, "tree.vf.title", criterion = c.name.get(lang)))
        .id(Id::unique("value-fn-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .constrain(true)
        .default_width(460.0_f32.min(screen.width() - 40.0))
        .default_pos(screen.right_top() + vec2(-520.0, 60.0))
        .show(ui.ctx(), |ui| body(ui, state, c, out));
    if !open {
        ui.data_mut(|d| d.remove::<Option<String>>(open_id()));
    }
}

fn body(ui: &mut Ui, state: &AppState, c: &Criterion, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    ui.set_width(440.0_f32.min(ui.available_width()));
    ui.add(egui::Label::new(RichText::new(tr!(lang, "tree.vf.wsm_only")).weak()).wrap());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(lang, "tree.vf.presets"));
        let (worst, best) = span(s, c);
        for preset in ValuePreset::ALL {
            if ui
                .button(preset_label(preset, lang))
                .on_hover_text(tr!(lang, "tree.vf.preset_tip"))
                .clicked()
            {
                set(
                    out,
                    c,
                    Some(ValueFunction::preset(preset, worst, best, c.direction)),
                );
            }
        }
    });
    plot(ui, state, c, out);
    match &c.value_function {
        None => {
            ui.add(egui::Label::new(RichText::new(tr!(lang, "tree.vf.none_help")).weak()).wrap());
        }
        Some(f) => {
            egui::ScrollArea::vertical()
                .id_salt(("vf-table", &c.id))
                .max_height(130.0)
                .show(ui, |ui| points_table(ui, state, c, f, out));
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(tr!(lang, "tree.vf.add_point"))
                    .on_hover_text(tr!(lang, "tree.vf.add_point_tip"))
                    .clicked()
                {
                    set(out, c, Some(with_point_added(f)));
                }
                if ui
                    .button(tr!(lang, "tree.vf.remove"))
                    .on_hover_text(tr!(lang, "tree.vf.remove_tip"))
                    .clicked()
                {
                    set(out, c, None);
                }
            });
        }
    }
}

/// One undo step: the edit, then the end of its run.
fn set(out: &mut Vec<Command>, c: &Criterion, function: Option<ValueFunction>) {
    out.push(Command::EndGroup);
    out.push(Command::Edit(Edit::SetValueFunction {
        criterion: c.id.clone(),
        function,
    }));
    out.push(Command::EndGroup);
}

fn preset_label(preset: ValuePreset, lang: Lang) -> String {
    match preset {
        ValuePreset::Linear => tr!(lang, "tree.vf.preset.linear"),
        ValuePreset::Concave => tr!(lang, "tree.vf.preset.concave"),
        ValuePreset::Convex => tr!(lang, "tree.vf.preset.convex"),
        ValuePreset::Threshold => tr!(lang, "tree.vf.preset.threshold"),
    }
}

/// Worst and best level a preset spans: the fixed scale, else the range of
/// the scores (uncertainty ranges included).
fn span(s: &Scenario, c: &Criterion) -> (f64, f64) {
    if let Some(scale) = c.scale {
        return (scale.worst, scale.best);
    }
    let (lo, hi) = data_range(s, c).unwrap_or((0.0, 10.0));
    match c.direction {
        Direction::Maximize => (lo, hi),
        Direction::Minimize => (hi, lo),
    }
}

/// Smallest and largest value scored on `c`, ranges included.
fn data_range(s: &Scenario, c: &Criterion) -> Option<(f64, f64)> {
    let values = s
        .scores
        .iter()
        .filter(|x| x.criterion == c.id)
        .flat_map(|x| [Some(x.value), x.low, x.high])
        .flatten()
        .filter(|v| v.is_finite());
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// A point in the middle of the widest gap, on the function (the shape is kept).
fn with_point_added(f: &ValueFunction) -> ValueFunction {
    let points = f.points();
    let widest = points
        .windows(2)
        .enumerate()
        .max_by(|a, b| (a.1[1].0 - a.1[0].0).total_cmp(&(b.1[1].0 - b.1[0].0)))
        .map(|(k, _)| k);
    let mut next = points.to_vec();
    if let Some(k) = widest {
        let x = (points[k].0 + points[k + 1].0) / 2.0;
        next.insert(k + 1, (x, f.value(x)));
    }
    ValueFunction(next)
}

/// The typed table: x and value of every point, and a remove button.
fn points_table(
    ui: &mut Ui,
    state: &AppState,
    c: &Criterion,
    f: &ValueFunction,
    out: &mut Vec<Command>,
) {
    let lang = state.view.lang;
    let points = f.points();
    let unit = c.unit.get(lang);
    egui::Grid::new(("vf-points", &c.id))
        .num_columns(4)
        .spacing([8.0, 3.0])
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new(if unit.is_empty() {
                tr!(lang, "tree.vf.x")
            } else {
                format!("{} ({unit})", tr!(lang, "tree.vf.x"))
            }));
            ui.label(tr!(lang, "tree.vf.value"));
            ui.end_row();
            for (k, &(x, v)) in points.iter().enumerate() {
                let n = k + 1;
                ui.label(RichText::new(n.to_string()).weak());
                for (axis, current) in [(0, x), (1, v)] {
                    let name = if axis == 0 {
                        tr!(lang, "tree.vf.point_x", n = n)
                    } else {
                        tr!(lang, "tree.vf.point_value", n = n)
                    };
                    let (_, typed) = number_field(
                        ui,
                        Id::unique(("vf-cell", &c.id, k, axis)),
                        Some(current),
                        lang,
                        80.0,
                        false,
                        &name,
                    );
                    match typed {
                        NumberInput::Value(new) => {
                            let mut next = points.to_vec();
                            if axis == 0 {
                                next[k].0 = new;
                            } else {
                                next[k].1 = new;
                            }
                            set(out, c, Some(ValueFunction(next)));
                        }
                        NumberInput::Invalid(e) => out.push(Command::ShowBanner(Banner::error(e))),
                        NumberInput::None | NumberInput::Cleared => {}
                    }
                }
                let removable = points.len() > 2;
                if ui
                    .add_enabled(removable, egui::Button::new("✕").small())
                    .on_hover_text(tr!(lang, "tree.vf.remove_point", n = n))
                    .on_disabled_hover_text(tr!(lang, "tree.vf.two_points"))
                    .clicked()
                {
                    let mut next = points.to_vec();
                    next.remove(k);
                    set(out, c, Some(ValueFunction(next)));
                }
                ui.end_row();
            }
        });
}

/// Maps between the criterion's units and value 0..=100 and the plot's rect.
#[derive(Clone, Copy)]
struct Frame {
    rect: Rect,
    x0: f64,
    x1: f64,
}

impl Frame {
    fn pos(&self, x: f64, v: f64) -> Pos2 {
        let t = ((x - self.x0) / (self.x1 - self.x0)) as f32;
        let u = (v / 100.0) as f32;
        Pos2::new(
            self.rect.left() + t * self.rect.width(),
            self.rect.bottom() - u * self.rect.height(),
        )
    }

    fn value_at(&self, p: Pos2) -> (f64, f64) {
        let t = f64::from((p.x - self.rect.left()) / self.rect.width());
        let u = f64::from((self.rect.bottom() - p.y) / self.rect.height());
        (self.x0 + t * (self.x1 - self.x0), 100.0 * u)
    }
}

/// The x range the plot shows: the points and the scores, a little wider.
fn x_range(s: &Scenario, c: &Criterion) -> (f64, f64) {
    let mut range = data_range(s, c);
    for &(x, _) in c.value_function.as_ref().map_or(&[][..], |f| f.points()) {
        range = Some(match range {
            None => (x, x),
            Some((lo, hi)) => (lo.min(x), hi.max(x)),
        });
    }
    let (lo, hi) = range.unwrap_or((0.0, 10.0));
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, hi + 1.0)
    };
    // Ends on round numbers a little outside the data.
    let step = nice_step(hi - lo) * 10.0;
    let pad = (hi - lo) * 0.04;
    (
        ((lo - pad) / step).floor() * step,
        ((hi + pad) / step).ceil() * step,
    )
}

/// The plot: axes, the function (or the linear scaling it would replace,
/// dashed), the options' scores on the x axis, and draggable points.
fn plot(ui: &mut Ui, state: &AppState, c: &Criterion, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    let size = vec2(ui.available_width().max(300.0), 210.0);
    let (outer, _) = ui.allocate_exact_size(size, Sense::hover());
    let rect = Rect::from_min_max(outer.min + vec2(36.0, 8.0), outer.max - vec2(12.0, 40.0));
    // The range stays put while a point is dragged, so the point stays under the pointer.
    let range_id = Id::unique(("vf-range", &c.id));
    let (x0, x1) = ui
        .data(|d| d.get_temp::<(f64, f64)>(range_id))
        .unwrap_or_else(|| x_range(s, c));
    let frame = Frame { rect, x0, x1 };
    let painter = ui.painter_at(outer);
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let weak = visuals.weak_text_color();
    let small = egui::FontId::proportional(11.0);
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = frame.pos(x0, v).y;
        painter.hline(rect.x_range(), y, Stroke::new(0.5, visuals.faint_bg_color));
        painter.text(
            Pos2::new(rect.left() - 4.0, y),
            egui::Align2::RIGHT_CENTER,
            crate::i18n::value(v, 3, lang),
            small.clone(),
            weak,
        );
    }
    painter.rect_stroke(rect, 2.0, Stroke::new(1.0, weak), egui::StrokeKind::Inside);
    for x in [x0, (x0 + x1) / 2.0, x1] {
        let p = frame.pos(x, 0.0);
        painter.text(
            Pos2::new(p.x, rect.bottom() + 12.0),
            egui::Align2::CENTER_TOP,
            crate::i18n::value(x, 4, lang),
            small.clone(),
            weak,
        );
    }
    painter.text(
        Pos2::new(rect.right(), outer.bottom()),
        egui::Align2::RIGHT_BOTTOM,
        c.unit.get(lang),
        small.clone(),
        weak,
    );
    let blue = Color32::from_rgb(31, 119, 180);
    let curve: Vec<(f64, f64)> = match &c.value_function {
        Some(f) => {
            let mut curve = vec![(x0, f.value(x0))];
            curve.extend(f.points().iter().filter(|p| p.0 > x0 && p.0 < x1));
            curve.push((x1, f.value(x1)));
            curve
        }
        None => linear_scaling(s, c)
            .map(|(w, b)| vec![(w, 0.0), (b, 100.0)])
            .unwrap_or_default(),
    };
    let line: Vec<Pos2> = curve.iter().map(|&(x, v)| frame.pos(x, v)).collect();
    if c.value_function.is_some() {
        painter.line(line, Stroke::new(2.0, blue));
    } else {
        painter.extend(egui::Shape::dashed_line(
            &line,
            Stroke::new(1.5, weak),
            6.0,
            4.0,
        ));
    }
    option_marks(ui, state, c, &frame);
    if let Some(f) = &c.value_function {
        drag_points(ui, lang, c, f, &frame, range_id, out);
    }
    let _ = text_color;
}

/// Worst and best of the linear scaling used without a function (the fixed
/// scale, else the scores' range), for the dashed reference line.
fn linear_scaling(s: &Scenario, c: &Criterion) -> Option<(f64, f64)> {
    if let Some(scale) = c.scale {
        return Some((scale.worst, scale.best));
    }
    let (lo, hi) = s
        .scores
        .iter()
        .filter(|x| x.criterion == c.id)
        .map(|x| x.value)
        .fold(None, |acc: Option<(f64, f64)>, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })?;
    (hi > lo).then_some(match c.direction {
        Direction::Maximize => (lo, hi),
        Direction::Minimize => (hi, lo),
    })
}

/// A tick on the x axis per option, with its value (and value 0–100 under
/// the function) on hover.
fn option_marks(ui: &mut Ui, state: &AppState, c: &Criterion, frame: &Frame) {
    let lang = state.view.lang;
    let s = state.scenario();
    let orange = Color32::from_rgb(230, 120, 20);
    for a in &s.alternatives {
        let Some(score) = state.score(&a.id, &c.id) else {
            continue;
        };
        let p = frame.pos(score.value, 0.0);
        let base = Pos2::new(p.x, frame.rect.bottom());
        ui.painter().add(egui::Shape::convex_polygon(
            vec![base, base + vec2(-5.0, 8.0), base + vec2(5.0, 8.0)],
            orange,
            Stroke::NONE,
        ));
        let on_curve = c.value_function.as_ref().map(|f| f.value(score.value));
        if let Some(v) = on_curve {
            let q = frame.pos(score.value, v);
            ui.painter()
                .line_segment([base, q], Stroke::new(0.5, orange));
            ui.painter().circle_filled(q, 3.0, orange);
        }
        let tip = match on_curve {
            Some(v) => tr!(
                lang,
                "tree.vf.option_tip",
                option = a.name.get(lang),
                x = crate::i18n::value(score.value, 6, lang),
                value = crate::i18n::value(v, 3, lang)
            ),
            None => format!(
                "{}: {}",
                a.name.get(lang),
                crate::i18n::value(score.value, 6, lang)
            ),
        };
        ui.interact(
            Rect::from_center_size(base + vec2(0.0, 4.0), vec2(12.0, 12.0)),
            Id::unique(("vf-option", &c.id, &a.id)),
            Sense::hover(),
        )
        .on_hover_text(tip);
    }
}

/// The function's points as handles; a drag keeps x between the
/// neighbours, the value within 0..=100 and the direction's order.
fn drag_points(
    ui: &mut Ui,
    lang: Lang,
    c: &Criterion,
    f: &ValueFunction,
    frame: &Frame,
    range_id: Id,
    out: &mut Vec<Command>,
) {
    let points = f.points();
    let blue = Color32::from_rgb(31, 119, 180);
    for (k, &(x, v)) in points.iter().enumerate() {
        let at = frame.pos(x, v);
        let r = ui
            .interact(
                Rect::from_center_size(at, vec2(16.0, 16.0)),
                Id::unique(("vf-point", &c.id, k)),
                Sense::drag(),
            )
            .on_hover_cursor(egui::CursorIcon::Grab);
        let label = tr!(lang, "tree.vf.drag_point", n = k + 1);
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, &label));
        let strong = r.dragged() || r.hovered();
        ui.painter()
            .circle_filled(at, if strong { 7.0 } else { 5.0 }, blue);
        ui.painter().circle_stroke(
            at,
            if strong { 7.0 } else { 5.0 },
            Stroke::new(1.5, Color32::WHITE),
        );
        if r.drag_started() {
            ui.data_mut(|d| d.insert_temp(range_id, (frame.x0, frame.x1)));
        }
        if r.dragged()
            && let Some(pointer) = ui.ctx().pointer_interact_pos()
        {
            let (px, pv) = frame.value_at(pointer);
            if let Some(next) = dragged_to(points, k, px, pv, c.direction, frame) {
                out.push(Command::Edit(Edit::SetValueFunction {
                    criterion: c.id.clone(),
                    function: Some(next),
                }));
            }
        }
        if r.drag_stopped() {
            ui.data_mut(|d| d.remove::<(f64, f64)>(range_id));
            out.push(Command::EndGroup);
        }
    }
}

/// The function with point `k` moved towards (x, v) within its limits:
/// x strictly between its neighbours (and inside the plot), the value in
/// 0..=100 and between its neighbours' in the direction's order. None when
/// that changes nothing or would leave a flat function.
fn dragged_to(
    points: &[(f64, f64)],
    k: usize,
    x: f64,
    v: f64,
    direction: Direction,
    frame: &Frame,
) -> Option<ValueFunction> {
    let step = nice_step(frame.x1 - frame.x0);
    let gap = step;
    let lo = if k > 0 {
        points[k - 1].0 + gap
    } else {
        frame.x0
    };
    let hi = points.get(k + 1).map_or(frame.x1, |p| p.0 - gap);
    let x = if lo <= hi {
        ((x / step).round() * step).clamp(lo, hi)
    } else {
        points[k].0
    };
    let (mut vlo, mut vhi) = (0.0_f64, 100.0_f64);
    let prev = k.checked_sub(1).map(|i| points[i].1);
    let next = points.get(k + 1).map(|p| p.1);
    match direction {
        Direction::Maximize => {
            vlo = prev.map_or(vlo, |p| vlo.max(p));
            vhi = next.map_or(vhi, |n| vhi.min(n));
        }
        Direction::Minimize => {
            vhi = prev.map_or(vhi, |p| vhi.min(p));
            vlo = next.map_or(vlo, |n| vlo.max(n));
        }
    }
    let v = (v * 2.0).round() / 2.0;
    let v = if vlo <= vhi {
        v.clamp(vlo, vhi)
    } else {
        points[k].1
    };
    let mut next_points = points.to_vec();
    next_points[k] = (x, v);
    let f = ValueFunction(next_points);
    (f.points() != points && f.agrees_with(direction)).then_some(f)
}

/// A round step about a hundredth of `span` (1, 2 or 5 times a power of ten).
fn nice_step(span: f64) -> f64 {
    let raw = (span / 100.0).abs().max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    let m = raw / power;
    let m = if m < 1.5 {
        1.0
    } else if m < 3.5 {
        2.0
    } else if m < 7.5 {
        5.0
    } else {
        10.0
    };
    m * power
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame {
            rect: Rect::from_min_size(Pos2::ZERO, vec2(400.0, 200.0)),
            x0: 0.0,
            x1: 500.0,
        }
    }

    #[test]
    fn a_dragged_point_stays_between_its_neighbours_and_in_order() {
        let cost = [(100.0, 100.0), (200.0, 80.0), (300.0, 40.0), (450.0, 0.0)];
        // Pulled past the next point and above the previous value.
        let f = dragged_to(&cost, 1, 380.0, 120.0, Direction::Minimize, &frame()).expect("moves");
        assert_eq!(f.points()[1], (295.0, 100.0));
        assert!(f.agrees_with(Direction::Minimize));
        // Pulled below the next value: held at it.
        let f = dragged_to(&cost, 1, 150.0, 10.0, Direction::Minimize, &frame()).expect("moves");
        assert_eq!(f.points()[1], (150.0, 40.0));
        // The first point stays inside the plot.
        let f = dragged_to(&cost, 0, -40.0, 100.0, Direction::Minimize, &frame()).expect("moves");
        assert_eq!(f.points()[0], (0.0, 100.0));
    }

    #[test]
    fn a_drag_that_would_flatten_the_function_is_ignored() {
        let two = [(0.0, 0.0), (10.0, 100.0)];
        let frame = Frame {
            x1: 10.0,
            ..frame()
        };
        assert!(dragged_to(&two, 1, 10.0, 0.0, Direction::Maximize, &frame).is_none());
        assert!(dragged_to(&two, 1, 10.0, 100.0, Direction::Maximize, &frame).is_none());
    }

    #[test]
    fn an_added_point_sits_in_the_widest_gap_on_the_function() {
        let f = ValueFunction(vec![(0.0, 0.0), (10.0, 50.0), (40.0, 100.0)]);
        let g = with_point_added(&f);
        assert_eq!(
            g.points(),
            &[(0.0, 0.0), (10.0, 50.0), (25.0, 75.0), (40.0, 100.0)]
        );
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(500.0), 5.0);
        assert_eq!(nice_step(10.0), 0.1);
        assert_eq!(nice_step(350.0), 5.0);
        assert_eq!(nice_step(2.0), 0.02);
    }
}
