//! The criteria list as a value tree: groups (collapsible) with their
//! criteria, added, renamed, moved (drag and drop, the right-click "Move
//! to" menu, ▲ ▼, or the editor's group box) and deleted, each change one
//! undoable [`Edit`].

use super::criterion_editor::{criterion_editor, direction_label, problems_at};
use super::state::{AppState, Banner, Command, ViewCommand};
use super::widgets::{PROBLEM, display_text, heading, text_field};
use super::widgets::{focus_later, row_buttons, take_pending_focus};
use crate::model::{Criterion, Group, Lang, Location, Node, Scenario, Text, ValueTree};
use crate::session::edit::Edit;
use crate::tr;
use egui::{Id, RichText, Sense, Ui};

/// What a drag carries: the id of the criterion or group moved.
#[derive(Debug, Clone)]
struct Dragged(String);

/// Points of indentation per level of the tree.
const INDENT: f32 = 14.0;

/// Where the selected group is kept (a group is not a criterion: the app's
/// selection of criteria does not hold it).
fn selected_group_id() -> Id {
    Id::unique("tree-selected-group")
}

/// The id of the group whose editor is open, if any.
pub fn selected_group(ui: &Ui) -> Option<String> {
    ui.data(|d| d.get_temp::<Option<String>>(selected_group_id()))
        .flatten()
}

fn set_selected_group(ui: &Ui, id: Option<String>) {
    ui.data_mut(|d| d.insert_temp(selected_group_id(), id));
}

/// Everything the rows of one frame share.
struct Rows<'a> {
    state: &'a AppState,
    s: &'a Scenario,
    tree: ValueTree,
    lang: Lang,
    unscored: Vec<&'a str>,
    selected_group: Option<String>,
}

/// Draws the criteria tree with its add buttons.
pub fn criteria_tree(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.view.lang;
    let s = state.scenario();
    let rows = Rows {
        state,
        s,
        tree: ValueTree::new(s),
        lang,
        unscored: s.unscored_criteria(),
        selected_group: selected_group(ui).filter(|g| s.group(g).is_some()),
    };
    // The heading takes a drop: there a criterion or group goes to the top level.
    let head = ui.scope(|ui| heading(ui, tr!(lang, "gui.criteria")));
    drop_target(ui, &rows, head.response.rect, None, None, out);
    let help = if rows.tree.is_flat() {
        tr!(lang, "gui.criteria_help")
    } else {
        tr!(lang, "tree.help")
    };
    ui.label(RichText::new(help).weak().small());
    for &node in rows.tree.children(Node::Root) {
        node_rows(ui, &rows, node, 0, out);
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(tr!(lang, "gui.add_criterion"))
            .on_hover_text(tr!(lang, "gui.add_criterion_tip"))
            .clicked()
        {
            out.push(Command::Edit(Edit::AddCriterion {
                name: new_criterion_name(s),
            }));
        }
        if ui
            .button(tr!(lang, "tree.add_group"))
            .on_hover_text(tr!(lang, "tree.add_group_tip"))
            .clicked()
        {
            out.push(Command::Edit(Edit::AddGroup {
                name: new_group_name(s),
                parent: None,
            }));
        }
    });
    dragged_label(ui, &rows);
}

/// "Criterion N" in both languages, N one more than the criteria there are.
fn new_criterion_name(s: &Scenario) -> Text {
    let k = s.criteria.len() + 1;
    Text::bilingual(
        tr!(Lang::En, "gui.new_criterion_name", n = k),
        tr!(Lang::Fr, "gui.new_criterion_name", n = k),
    )
}

/// "Group N" in both languages.
fn new_group_name(s: &Scenario) -> Text {
    let k = s.groups.len() + 1;
    Text::bilingual(
        tr!(Lang::En, "tree.new_group_name", n = k),
        tr!(Lang::Fr, "tree.new_group_name", n = k),
    )
}

/// The node's row, its editor when selected, and (for an open group) its children.
fn node_rows(ui: &mut Ui, rows: &Rows<'_>, node: Node, depth: usize, out: &mut Vec<Command>) {
    match node {
        Node::Criterion(j) => criterion_row(ui, rows, j, depth, out),
        Node::Group(g) => {
            let Some(group) = rows.s.groups.get(g) else {
                return;
            };
            let open_id = Id::unique(("tree-open", &group.id));
            let open = ui.data(|d| d.get_temp::<bool>(open_id)).unwrap_or(true);
            group_row(ui, rows, g, depth, open, out);
            if open {
                for &child in rows.tree.children(node) {
                    node_rows(ui, rows, child, depth + 1, out);
                }
            }
        }
        Node::Root => {}
    }
}

/// The ids of the node's siblings it may trade places with (at the top
/// level criteria stay before groups), and its place among them.
fn movable_siblings(rows: &Rows<'_>, node: Node) -> (Vec<String>, usize) {
    let parent = rows.tree.parent(node).unwrap_or(Node::Root);
    let same_kind = |n: &Node| {
        parent != Node::Root
            || matches!(
                (n, node),
                (Node::Criterion(_), Node::Criterion(_)) | (Node::Group(_), Node::Group(_))
            )
    };
    let siblings: Vec<Node> = rows
        .tree
        .children(parent)
        .iter()
        .copied()
        .filter(same_kind)
        .collect();
    let at = siblings.iter().position(|&n| n == node).unwrap_or(0);
    let ids = siblings
        .iter()
        .map(|&n| rows.tree.id(rows.s, n).to_string())
        .collect();
    (ids, at)
}

/// The edit moving `node` one place up (`up`) or down among its siblings.
fn step_edit(rows: &Rows<'_>, node: Node, up: bool) -> Option<Edit> {
    let (siblings, at) = movable_siblings(rows, node);
    let before = if up {
        siblings.get(at.checked_sub(1)?).cloned()
    } else {
        siblings.get(at + 1)?;
        siblings.get(at + 2).cloned()
    };
    Some(Edit::MoveNode {
        id: rows.tree.id(rows.s, node).to_string(),
        parent: parent_id(rows, node),
        before,
    })
}

/// The id of the node's parent group (None at the top level).
fn parent_id(rows: &Rows<'_>, node: Node) -> Option<String> {
    match rows.tree.parent(node) {
        Some(p @ Node::Group(_)) => Some(rows.tree.id(rows.s, p).to_string()),
        _ => None,
    }
}

fn criterion_row(ui: &mut Ui, rows: &Rows<'_>, j: usize, depth: usize, out: &mut Vec<Command>) {
    let (state, s, lang) = (rows.state, rows.s, rows.lang);
    let Some(c) = s.criteria.get(j) else {
        return;
    };
    let node = Node::Criterion(j);
    let problems = problems_at(state, &Location::Criterion(j));
    let (siblings, at) = movable_siblings(rows, node);
    let selected = state.view.selected_criterion.as_deref() == Some(c.id.as_str());
    let row = ui.horizontal(|ui| {
        let toggle = if rows.tree.is_flat() {
            0.0
        } else {
            toggle_width(ui)
        };
        ui.add_space(depth as f32 * INDENT + toggle);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // In a tree the names need the room: ▲ ▼ show on the selected
            // row only (drag and drop and the menus move the others).
            let (up, down, delete) = if rows.tree.is_flat() || selected {
                row_buttons(ui, lang, at == 0, at + 1 >= siblings.len())
            } else {
                let delete = ui
                    .small_button("✕")
                    .on_hover_text(tr!(lang, "gui.delete_tip"))
                    .clicked();
                (false, false, delete)
            };
            if delete {
                out.push(Command::Edit(Edit::DeleteCriterion { id: c.id.clone() }));
            } else if let Some(edit) = (up || down).then(|| step_edit(rows, node, up)).flatten() {
                out.push(Command::Edit(edit));
            }
            ui.label(RichText::new(direction_label(c.direction, lang)).weak())
                .on_hover_text(tr!(lang, "gui.direction_tip"));
            if c.value_function.is_some() {
                ui.label(RichText::new("ƒ").weak())
                    .on_hover_text(tr!(lang, "tree.vf.marker_tip"));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                criterion_name(ui, rows, (c, node), &problems, out);
            });
        });
    });
    let parent = parent_id(rows, node);
    drop_target(
        ui,
        rows,
        row.response.rect,
        parent.as_deref(),
        Some(&c.id),
        out,
    );
    if state.view.selected_criterion.as_deref() == Some(c.id.as_str()) {
        criterion_details(ui, rows, j, depth, out);
    }
}

/// The criterion's name as a selectable, draggable button (greyed when
/// nobody scored it yet, red with its problems), with its context menu.
fn criterion_name(
    ui: &mut Ui,
    rows: &Rows<'_>,
    (c, node): (&Criterion, Node),
    problems: &[String],
    out: &mut Vec<Command>,
) {
    let (state, lang) = (rows.state, rows.lang);
    let selected = state.view.selected_criterion.as_deref() == Some(c.id.as_str());
    let mut label = display_text(&c.name, lang);
    let left_out = rows.unscored.contains(&c.id.as_str());
    if left_out {
        label = label.weak().italics();
    }
    if !problems.is_empty() {
        label = label.color(PROBLEM);
    }
    let mut r = ui.add(
        egui::Button::selectable(selected, label)
            .truncate()
            .sense(Sense::click_and_drag()),
    );
    r.dnd_set_drag_payload(Dragged(c.id.clone()));
    if left_out {
        r = r.on_hover_text(tr!(
            lang,
            "gui.criteria_not_yet_scored",
            criteria = c.name.get(lang)
        ));
    }
    if !problems.is_empty() {
        r = r.on_hover_text(problems.join("\n"));
    }
    if r.clicked() {
        out.push(Command::View(ViewCommand::SelectCriterion(
            (!selected).then(|| c.id.clone()),
        )));
    }
    r.context_menu(|ui| criterion_menu(ui, rows, (c, node), out));
}

/// Rename, move to a group, delete.
fn criterion_menu(
    ui: &mut Ui,
    rows: &Rows<'_>,
    (c, node): (&Criterion, Node),
    out: &mut Vec<Command>,
) {
    let lang = rows.lang;
    if ui.button(tr!(lang, "tree.rename")).clicked() {
        out.push(Command::View(ViewCommand::SelectCriterion(Some(
            c.id.clone(),
        ))));
        focus_later(ui, Id::unique(("crit-name", &c.id)));
        ui.close();
    }
    move_menu(ui, rows, node, out);
    if ui.button(tr!(lang, "tree.delete_criterion")).clicked() {
        out.push(Command::Edit(Edit::DeleteCriterion { id: c.id.clone() }));
        ui.close();
    }
}

/// Under the selected criterion: its editor, its group, its value function.
fn criterion_details(ui: &mut Ui, rows: &Rows<'_>, j: usize, depth: usize, out: &mut Vec<Command>) {
    let (state, lang) = (rows.state, rows.lang);
    let Some(c) = rows.s.criteria.get(j) else {
        return;
    };
    let node = Node::Criterion(j);
    ui.horizontal(|ui| {
        ui.add_space(depth as f32 * INDENT);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.vertical(|ui| {
                criterion_editor(ui, state, j, out);
                ui.horizontal(|ui| {
                    let label = ui.label(tr!(lang, "tree.group"));
                    move_combo(ui, rows, node, out).labelled_by(label.id);
                });
                super::value_fn_editor::open_button(ui, state, &c.id);
            });
        });
    });
}

fn group_row(
    ui: &mut Ui,
    rows: &Rows<'_>,
    g: usize,
    depth: usize,
    open: bool,
    out: &mut Vec<Command>,
) {
    let (s, lang) = (rows.s, rows.lang);
    let Some(group) = s.groups.get(g) else {
        return;
    };
    let node = Node::Group(g);
    let (siblings, at) = movable_siblings(rows, node);
    let selected = rows.selected_group.as_deref() == Some(group.id.as_str());
    let row = ui.horizontal(|ui| {
        ui.add_space(depth as f32 * INDENT);
        let toggle = ui
            .add(egui::Button::new(if open { "▾" } else { "▸" }).frame(false))
            .on_hover_text(tr!(
                lang,
                if open { "tree.collapse" } else { "tree.expand" }
            ));
        if toggle.clicked() {
            let open_id = Id::unique(("tree-open", &group.id));
            ui.data_mut(|d| d.insert_temp(open_id, !open));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (up, down, delete) = if selected {
                row_buttons(ui, lang, at == 0, at + 1 >= siblings.len())
            } else {
                let delete = ui
                    .small_button("✕")
                    .on_hover_text(delete_note(rows, g))
                    .clicked();
                (false, false, delete)
            };
            if delete {
                out.extend(delete_group(rows, g));
            } else if let Some(edit) = (up || down).then(|| step_edit(rows, node, up)).flatten() {
                out.push(Command::Edit(edit));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                group_name(ui, rows, (group, g), selected, out);
            });
        });
    });
    drop_target(ui, rows, row.response.rect, Some(&group.id), None, out);
    if selected {
        ui.horizontal(|ui| {
            ui.add_space(depth as f32 * INDENT);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.vertical(|ui| group_editor(ui, rows, g, out));
            });
        });
    }
}

/// The group's name as a selectable, draggable button with its context menu.
fn group_name(
    ui: &mut Ui,
    rows: &Rows<'_>,
    (group, g): (&Group, usize),
    selected: bool,
    out: &mut Vec<Command>,
) {
    let lang = rows.lang;
    let label = display_text(&group.name, lang).strong();
    let r = ui
        .add(
            egui::Button::selectable(selected, label)
                .truncate()
                .sense(Sense::click_and_drag()),
        )
        .on_hover_text(tr!(lang, "tree.group_tip"));
    r.dnd_set_drag_payload(Dragged(group.id.clone()));
    if r.clicked() {
        set_selected_group(ui, (!selected).then(|| group.id.clone()));
    }
    r.context_menu(|ui| group_menu(ui, rows, (group, g), out));
}

/// Add a criterion or a group inside, rename, move, delete.
fn group_menu(ui: &mut Ui, rows: &Rows<'_>, (group, g): (&Group, usize), out: &mut Vec<Command>) {
    let (s, lang) = (rows.s, rows.lang);
    let node = Node::Group(g);
    if ui.button(tr!(lang, "tree.add_criterion_here")).clicked() {
        out.push(add_criterion_in(s, &group.id));
        ui.close();
    }
    if ui.button(tr!(lang, "tree.add_group_inside")).clicked() {
        out.push(Command::Edit(Edit::AddGroup {
            name: new_group_name(s),
            parent: Some(group.id.clone()),
        }));
        ui.close();
    }
    if ui.button(tr!(lang, "tree.rename")).clicked() {
        set_selected_group(ui, Some(group.id.clone()));
        focus_later(ui, Id::unique(("group-name", &group.id)));
        ui.close();
    }
    move_menu(ui, rows, node, out);
    if ui
        .button(tr!(lang, "tree.delete_group"))
        .on_hover_text(delete_note(rows, g))
        .clicked()
    {
        out.extend(delete_group(rows, g));
        ui.close();
    }
}

fn add_criterion_in(s: &Scenario, group: &str) -> Command {
    Command::Edit(Edit::AddCriterionIn {
        name: new_criterion_name(s),
        group: group.to_string(),
    })
}

/// Deleting group `g`, and saying where its children went.
fn delete_group(rows: &Rows<'_>, g: usize) -> [Command; 2] {
    let id = rows
        .s
        .groups
        .get(g)
        .map(|x| x.id.clone())
        .unwrap_or_default();
    [
        Command::Edit(Edit::DeleteGroup { id }),
        Command::ShowBanner(Banner::info(delete_note(rows, g))),
    ]
}

/// "Its 3 items move to Security." (or "to the top level").
fn delete_note(rows: &Rows<'_>, g: usize) -> String {
    let lang = rows.lang;
    let node = Node::Group(g);
    let name = rows.tree.name(rows.s, node, lang);
    let count = rows.tree.children(node).len();
    match rows.tree.parent(node) {
        Some(p @ Node::Group(_)) => tr!(
            lang,
            "tree.deleted_into_group",
            group = name,
            count = count,
            parent = rows.tree.name(rows.s, p, lang)
        ),
        _ => tr!(lang, "tree.deleted_to_top", group = name, count = count),
    }
}

/// The selected group's editor: its name, what to add to it, where it sits, delete.
fn group_editor(ui: &mut Ui, rows: &Rows<'_>, g: usize, out: &mut Vec<Command>) {
    let (s, lang) = (rows.s, rows.lang);
    let Some(group) = s.groups.get(g) else {
        return;
    };
    let node = Node::Group(g);
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "gui.name"));
        let (response, changed) = text_field(
            ui,
            Id::unique(("group-name", &group.id)),
            &group.name,
            lang,
            160.0,
            false,
            &tr!(lang, "tree.group_name"),
        );
        take_pending_focus(ui, Id::unique(("group-name", &group.id)));
        if let Some(name) = changed {
            out.push(Command::Edit(Edit::RenameGroup {
                id: group.id.clone(),
                lang,
                name,
            }));
        }
        if response.lost_focus() {
            out.push(Command::EndGroup);
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!(lang, "tree.add_criterion_here")).clicked() {
            out.push(add_criterion_in(s, &group.id));
        }
        if ui.button(tr!(lang, "tree.add_group_inside")).clicked() {
            out.push(Command::Edit(Edit::AddGroup {
                name: new_group_name(s),
                parent: Some(group.id.clone()),
            }));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr!(lang, "tree.group_parent"));
        move_combo(ui, rows, node, out).labelled_by(label.id);
    });
    if ui
        .button(tr!(lang, "tree.delete_group"))
        .on_hover_text(delete_note(rows, g))
        .clicked()
    {
        out.extend(delete_group(rows, g));
    }
}

/// The groups `node` may move into (not itself, nor a group inside it), in
/// tree order, with their depth.
fn destinations(rows: &Rows<'_>, node: Node) -> Vec<(Node, usize)> {
    rows.tree
        .nodes()
        .into_iter()
        .filter(|&n| matches!(n, Node::Group(_)) && !rows.tree.path(n).contains(&node))
        .map(|n| (n, rows.tree.depth(n)))
        .collect()
}

/// The move edit of `node` into `target` (None: top level), last there.
fn move_into(rows: &Rows<'_>, node: Node, target: Option<Node>) -> Command {
    Command::Edit(Edit::MoveNode {
        id: rows.tree.id(rows.s, node).to_string(),
        parent: target.map(|t| rows.tree.id(rows.s, t).to_string()),
        before: None,
    })
}

/// Its name indented to show the group's depth.
fn indented_name(rows: &Rows<'_>, n: Node, depth: usize) -> String {
    format!(
        "{}{}",
        "   ".repeat(depth.saturating_sub(1)),
        rows.tree.name(rows.s, n, rows.lang)
    )
}

/// The right-click "Move to ▸" submenu.
fn move_menu(ui: &mut Ui, rows: &Rows<'_>, node: Node, out: &mut Vec<Command>) {
    let lang = rows.lang;
    let current = rows.tree.parent(node).unwrap_or(Node::Root);
    ui.menu_button(tr!(lang, "tree.move_to"), |ui| {
        if ui
            .add_enabled(
                current != Node::Root,
                egui::Button::new(tr!(lang, "tree.top_level")),
            )
            .clicked()
        {
            out.push(move_into(rows, node, None));
            ui.close();
        }
        for (n, depth) in destinations(rows, node) {
            if ui
                .add_enabled(
                    current != n,
                    egui::Button::new(indented_name(rows, n, depth)),
                )
                .clicked()
            {
                out.push(move_into(rows, node, Some(n)));
                ui.close();
            }
        }
    });
}

/// The group box of an editor: the parent it sits in, keyboard reachable.
fn move_combo(ui: &mut Ui, rows: &Rows<'_>, node: Node, out: &mut Vec<Command>) -> egui::Response {
    let lang = rows.lang;
    let current = rows.tree.parent(node).unwrap_or(Node::Root);
    let shown = match current {
        Node::Root => tr!(lang, "tree.top_level"),
        n => rows.tree.name(rows.s, n, lang),
    };
    egui::ComboBox::from_id_salt(("tree-parent", rows.tree.id(rows.s, node)))
        .selected_text(shown)
        .width(160.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current == Node::Root, tr!(lang, "tree.top_level"))
                .clicked()
                && current != Node::Root
            {
                out.push(move_into(rows, node, None));
            }
            for (n, depth) in destinations(rows, node) {
                if ui
                    .selectable_label(current == n, indented_name(rows, n, depth))
                    .clicked()
                    && current != n
                {
                    out.push(move_into(rows, node, Some(n)));
                }
            }
        })
        .response
}

/// Makes `rect` take a dragged criterion or group: into `parent` (None:
/// the top level), before `before` (None: last). Marks where it would go.
fn drop_target(
    ui: &mut Ui,
    rows: &Rows<'_>,
    rect: egui::Rect,
    parent: Option<&str>,
    before: Option<&str>,
    out: &mut Vec<Command>,
) {
    let salt = (parent.unwrap_or(""), before.unwrap_or(""));
    let response = ui.interact(rect, Id::unique(("tree-drop", salt)), Sense::hover());
    let Some(dragged) = response.dnd_hover_payload::<Dragged>() else {
        return;
    };
    if !fits(rows, &dragged.0, parent, before) {
        return;
    }
    let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
    if before.is_some() {
        ui.painter().hline(rect.x_range(), rect.top() - 1.0, stroke);
    } else {
        ui.painter()
            .rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
    }
    if response.dnd_release_payload::<Dragged>().is_some() {
        out.push(Command::Edit(Edit::MoveNode {
            id: dragged.0.clone(),
            parent: parent.map(str::to_string),
            before: before.map(str::to_string),
        }));
    }
}

/// True when `id` may be dropped into `parent` before `before`: not onto
/// itself, and a group not into itself or one of its own groups.
fn fits(rows: &Rows<'_>, id: &str, parent: Option<&str>, before: Option<&str>) -> bool {
    if before == Some(id) || parent == Some(id) {
        return false;
    }
    let Some(node) = rows.tree.node_by_id(rows.s, id) else {
        return false;
    };
    match parent.and_then(|p| rows.tree.node_by_id(rows.s, p)) {
        Some(target) => !rows.tree.path(target).contains(&node),
        None => true,
    }
}

/// While something is dragged, its name follows the pointer.
fn dragged_label(ui: &Ui, rows: &Rows<'_>) {
    let Some(dragged) = egui::DragAndDrop::payload::<Dragged>(ui.ctx()) else {
        return;
    };
    let Some(pos) = ui.ctx().pointer_interact_pos() else {
        return;
    };
    let Some(node) = rows.tree.node_by_id(rows.s, &dragged.0) else {
        return;
    };
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        Id::unique("tree-dragged"),
    ));
    let text = rows.tree.name(rows.s, node, rows.lang);
    let galley = painter.layout_no_wrap(
        text,
        egui::FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
    );
    let rect = egui::Rect::from_min_size(pos + egui::vec2(12.0, 4.0), galley.size()).expand(4.0);
    painter.rect_filled(rect, 3.0, ui.visuals().window_fill);
    painter.rect_stroke(
        rect,
        3.0,
        ui.visuals().window_stroke,
        egui::StrokeKind::Outside,
    );
    painter.galley(
        rect.min + egui::vec2(4.0, 4.0),
        galley,
        egui::Color32::BLACK,
    );
}

/// Width of a group's ▾ toggle, so criteria line up with group names.
fn toggle_width(ui: &Ui) -> f32 {
    ui.spacing().interact_size.y * 0.6 + ui.spacing().item_spacing.x
}
