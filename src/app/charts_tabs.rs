//! The Charts view: one tab per chart, the criterion of the sensitivity
//! chart, and the chart actions (copy to the clipboard, export as PNG or
//! SVG, export the briefing pack). Exports run on worker threads
//! ([`ExportJobs`]) and report in the banner when done.

use super::chart_inputs::{STALE_TINT, SmaaView, criterion_picker, group_picker, input_for};
use super::chart_tex::{TexCache, TexKey, content_of};
use super::compare_view::{CompareState, Source};
use super::state::{AppState, Banner, Command, WindowCommand};
use super::view::{CentralView, ViewContext};
use crate::analysis::Method;
use crate::analysis::compare::Explanation;
use crate::analysis::smaa::SmaaResult;
use crate::charts::{ChartInput, ChartKind};
use crate::model::{Lang, Scenario};
use crate::session::export_jobs::{ExportJobs, JobEnd, export_brief, export_chart};
use crate::tr;
use egui::{Color32, RichText, Ui};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::session::export_jobs::EXPORT_SIZE_PX;

/// The charts a user can pick: every kind, the waterfall only when a
/// comparison exists.
pub fn available_kinds(has_comparison: bool) -> Vec<ChartKind> {
    ChartKind::ALL
        .into_iter()
        .filter(|k| *k != ChartKind::Waterfall || has_comparison)
        .collect()
}

/// A comparison ready for the waterfall chart (set up in the Compare view).
#[derive(Debug, Clone)]
pub struct Waterfall {
    /// Scenario A (before).
    pub a: Scenario,
    /// Scenario B (after; the one the chart is drawn on).
    pub b: Scenario,
    /// Why the gap between the two options moved.
    pub explanation: Explanation,
    /// Method of the comparison.
    pub method: Method,
    /// Changes whenever the comparison does (texture key).
    pub generation: u64,
}

impl Waterfall {
    /// The chart input drawing this comparison, with the groups `expanded`
    /// opened into their children.
    pub fn input<'s>(&'s self, lang: Lang, expanded: &'s [String]) -> ChartInput<'s> {
        ChartInput {
            method: self.method,
            explanation: Some(&self.explanation),
            other: Some(&self.a),
            expanded,
            ..ChartInput::new(&self.b, lang)
        }
    }
}

/// What the cached waterfall was computed from.
type WaterfallKey = (u64, u64, Method, Source, Option<String>);

/// The Charts view's state.
pub struct ChartsTabs {
    /// The chart shown.
    pub kind: ChartKind,
    /// Criterion of the sensitivity chart (None: the most heavily weighted).
    pub criterion: Option<String>,
    /// Cost of the value-for-money chart and view (None: the default cost).
    pub cost: Option<String>,
    /// The value-for-money view's last analysis.
    pub vfm_cache: super::vfm_view::VfmCache,
    /// Rendered textures.
    pub cache: TexCache,
    jobs: ExportJobs,
    clipboard: Option<arboard::Clipboard>,
    waterfall: Option<(WaterfallKey, Option<Arc<Waterfall>>)>,
    /// The folder of the last briefing pack written, offered to open.
    written_folder: Option<PathBuf>,
}

impl Default for ChartsTabs {
    fn default() -> Self {
        ChartsTabs {
            kind: ChartKind::Ranking,
            criterion: None,
            cost: None,
            vfm_cache: super::vfm_view::VfmCache::default(),
            cache: TexCache::default(),
            jobs: ExportJobs::default(),
            clipboard: None,
            waterfall: None,
            written_folder: None,
        }
    }
}

impl ChartsTabs {
    /// What goes in the chart input's criterion slot for `kind`: the
    /// frontier chart's cost, else the sensitivity criterion.
    pub fn criterion_for(&self, kind: ChartKind) -> Option<String> {
        match kind {
            ChartKind::Frontier => self.cost.clone(),
            _ => self.criterion.clone(),
        }
    }

    /// Recomputes the comparison behind the waterfall when the scenario or
    /// the Compare view's choice changed. Cheap when nothing changed.
    pub fn refresh_waterfall(&mut self, state: &AppState, compare: &CompareState) {
        let key: WaterfallKey = (
            state.content_key(),
            compare.generation,
            state.view.method,
            compare.source,
            compare.profile.clone(),
        );
        if self.waterfall.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let data = compare.comparison(state).ok().and_then(|(a, b, c)| {
            let explanation = c.explanation()?.clone();
            Some(Arc::new(Waterfall {
                a: a.clone(),
                b: b.clone(),
                explanation,
                method: c.method,
                generation: state.content_key() ^ (compare.generation << 32),
            }))
        });
        if data.is_none() && self.kind == ChartKind::Waterfall {
            self.kind = ChartKind::Ranking;
        }
        self.waterfall = Some((key, data));
    }

    /// The comparison for the waterfall, when one is set up.
    pub fn waterfall(&self) -> Option<Arc<Waterfall>> {
        self.waterfall.as_ref().and_then(|(_, w)| w.clone())
    }

    /// Draws the view: tabs, actions, then the chart filling the rest.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        smaa: Option<SmaaView<'_>>,
        out: &mut Vec<Command>,
    ) {
        let waterfall = self.waterfall();
        self.tab_row(ui, state, waterfall.is_some());
        ui.horizontal(|ui| {
            self.actions(ui, state, out);
            self.chart_options(ui, state, smaa);
        });
        if matches!(
            self.kind,
            ChartKind::Contributions | ChartKind::Waterfall | ChartKind::Stakeholders
        ) {
            super::group_toggle::group_toggles(ui, state, out);
        }
        if self.kind == ChartKind::Frontier {
            // On its own row: the actions row has no room left at 1366 px.
            ui.horizontal_wrapped(|ui| {
                super::vfm_view::cost_picker(ui, "charts-cost", state, &mut self.cost);
            });
        }
        ui.separator();
        self.chart_area(ui, state, smaa, waterfall.as_deref());
    }

    /// One tab per chart the scenario can draw.
    fn tab_row(&mut self, ui: &mut Ui, state: &AppState, has_comparison: bool) {
        let lang = state.view.lang;
        // The value-function tab only once some criterion has a value function.
        let has_function = state
            .scenario()
            .criteria
            .iter()
            .any(|c| c.value_function.is_some());
        ui.horizontal_wrapped(|ui| {
            for kind in available_kinds(has_comparison)
                .into_iter()
                .filter(|k| *k != ChartKind::ValueSensitivity || has_function)
            {
                if ui
                    .selectable_label(self.kind == kind, kind.title(lang))
                    .clicked()
                {
                    self.kind = kind;
                }
            }
        });
    }

    /// Copy, export, briefing pack and presentation buttons, and the
    /// spinner while an export runs.
    fn actions(&self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let lang = state.view.lang;
        // With validation errors there is no chart to copy or export.
        let results = state.analysis().evaluations.is_some();
        let why = tr!(lang, "gui.why.no_results");
        if ui
            .add_enabled(results, egui::Button::new(tr!(lang, "present.copy_chart")))
            .on_hover_text(tr!(lang, "present.copy_chart_tip"))
            .on_disabled_hover_text(&why)
            .clicked()
        {
            out.push(Command::Window(WindowCommand::CopyChart));
        }
        if ui
            .add_enabled(
                results,
                egui::Button::new(tr!(lang, "present.export_chart")),
            )
            .on_disabled_hover_text(&why)
            .clicked()
        {
            out.push(Command::Window(WindowCommand::ExportChart(None)));
        }
        if ui
            .add_enabled(
                results,
                egui::Button::new(tr!(lang, "present.export_brief")),
            )
            .on_disabled_hover_text(&why)
            .clicked()
        {
            out.push(Command::Window(WindowCommand::ExportBrief(None)));
        }
        if ui
            .button(tr!(lang, "present.start"))
            .on_hover_text(tr!(lang, "present.start_tip"))
            .clicked()
        {
            out.push(Command::Window(WindowCommand::StartPresentation(Some(
                self.kind,
            ))));
        }
        if self.jobs.busy() {
            ui.spinner();
            ui.label(RichText::new(tr!(lang, "present.exporting")).weak());
        }
    }

    /// The chosen chart's own choices: criterion and group of the
    /// sensitivity charts, the spinner of a SMAA run under way.
    fn chart_options(&mut self, ui: &mut Ui, state: &AppState, smaa: Option<SmaaView<'_>>) {
        if matches!(
            self.kind,
            ChartKind::Sensitivity | ChartKind::ValueSensitivity
        ) {
            ui.separator();
            criterion_picker(ui, "charts-criterion", state, &mut self.criterion);
        }
        if self.kind == ChartKind::Sensitivity {
            group_picker(ui, "charts-group", state, &mut self.criterion);
        }
        if self.kind == ChartKind::Acceptability
            && let Some(s) = smaa
            && !s.fresh
        {
            ui.spinner();
        }
    }

    /// The chosen chart filling the rest of the view, never smaller than
    /// readable (a small window scrolls instead).
    fn chart_area(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        smaa: Option<SmaaView<'_>>,
        waterfall: Option<&Waterfall>,
    ) {
        let lang = state.view.lang;
        let room = ui.available_size();
        let ppp = ui.ctx().pixels_per_point();
        let waterfall = waterfall.filter(|_| self.kind == ChartKind::Waterfall);
        // The waterfall is keyed by its comparison, the others by the SMAA run drawn.
        let generation =
            waterfall.map_or_else(|| smaa.map_or(0, |s| s.generation), |w| w.generation);
        let criterion = self.criterion_for(self.kind);
        let key_at = |size| {
            let (revision, method) = (state.chart_key(), state.view.method);
            TexKey::new(
                self.kind,
                revision,
                method,
                lang,
                criterion.clone(),
                generation,
                size,
                ppp,
                1.0,
            )
        };
        let input = match waterfall {
            Some(w) => w.input(lang, &state.view.expanded_groups),
            None => input_for(state, criterion.as_deref(), smaa),
        };
        let tint = if self.kind == ChartKind::Acceptability && smaa.is_some_and(|s| !s.fresh) {
            STALE_TINT
        } else {
            Color32::WHITE
        };
        let size = self
            .cache
            .readable
            .fit(self.kind, &input, content_of(&key_at(room)), room, ppp);
        let key = key_at(size);
        egui::ScrollArea::both()
            .id_salt("charts-tab-scroll")
            .auto_shrink(false)
            .show(ui, |ui| {
                self.cache.show(ui, "charts-tab", key, &input, size, tint);
            });
    }

    /// Copies chart `kind` (at [`EXPORT_SIZE_PX`]) to the clipboard as an image.
    pub fn copy(
        &mut self,
        state: &AppState,
        kind: ChartKind,
        criterion: Option<&str>,
        smaa: Option<SmaaView<'_>>,
    ) -> Banner {
        let lang = state.view.lang;
        let (w, h) = EXPORT_SIZE_PX;
        let waterfall = self.waterfall().filter(|_| kind == ChartKind::Waterfall);
        let input = match &waterfall {
            Some(d) => d.input(lang, &state.view.expanded_groups),
            None => input_for(state, criterion, smaa),
        };
        let rgb = match crate::charts::render_rgb(kind, &input, w, h, 1.5) {
            Ok(rgb) => rgb,
            Err(e) => return error(e.message(lang)),
        };
        let rgba: Vec<u8> = rgb
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect();
        if self.clipboard.is_none() {
            match arboard::Clipboard::new() {
                Ok(c) => self.clipboard = Some(c),
                Err(e) => {
                    return error(tr!(lang, "present.no_clipboard", reason = e.to_string()));
                }
            }
        }
        let Some(clipboard) = self.clipboard.as_mut() else {
            return error(tr!(lang, "present.no_clipboard", reason = ""));
        };
        let image = arboard::ImageData {
            width: w as usize,
            height: h as usize,
            bytes: std::borrow::Cow::Owned(rgba),
        };
        match clipboard.set_image(image) {
            Ok(()) => Banner {
                error: false,
                text: tr!(lang, "present.copied", chart = kind.title(lang)),
            },
            Err(e) => {
                // A clipboard that failed once may be gone (display closed).
                self.clipboard = None;
                error(tr!(lang, "present.no_clipboard", reason = e.to_string()))
            }
        }
    }

    /// Starts writing chart `kind` to `path` (PNG or SVG by extension; PNG
    /// when it has none) on a worker thread.
    pub fn start_export_chart(
        &mut self,
        state: &AppState,
        kind: ChartKind,
        criterion: Option<String>,
        smaa: Option<SmaaResult>,
        path: PathBuf,
    ) {
        let path = if path.extension().is_none() {
            path.with_extension("png")
        } else {
            path
        };
        let scenario = state.scenario().clone();
        let (lang, method) = (state.view.lang, state.view.method);
        if kind == ChartKind::Waterfall
            && let Some(w) = self.waterfall()
        {
            let expanded = state.view.expanded_groups.clone();
            self.jobs.spawn(move || {
                let (width, height) = EXPORT_SIZE_PX;
                crate::export::write_chart(&path, kind, &w.input(lang, &expanded), width, height)
                    .map(|()| path.display().to_string())
                    .map_err(|e| e.message(lang))
            });
            return;
        }
        let expanded = state.view.expanded_groups.clone();
        self.jobs.spawn(move || {
            export_chart(
                (&scenario, &expanded),
                lang,
                method,
                (kind, criterion),
                smaa,
                &path,
            )
        });
    }

    /// Starts writing the briefing pack into folder `dir` on a worker thread.
    pub fn start_export_brief(&mut self, state: &AppState, smaa: Option<SmaaResult>, dir: PathBuf) {
        let scenario = state.scenario().clone();
        let (lang, method) = (state.view.lang, state.view.method);
        let source = state.display_name();
        let folder = dir.clone();
        self.jobs.spawn_brief(folder, move |progress| {
            export_brief(
                &scenario,
                (lang, method),
                smaa.as_ref(),
                &source,
                &dir,
                progress,
            )
        });
    }

    /// True while an export runs.
    pub fn busy(&self) -> bool {
        self.jobs.busy()
    }

    /// A small note in the window's corner, whichever view started the
    /// export: "Exporting… 3/12" while it runs, then, for a briefing pack,
    /// a button that opens its folder.
    pub fn busy_note(&mut self, ctx: &egui::Context, lang: Lang) {
        if !self.jobs.busy() && self.written_folder.is_none() {
            return;
        }
        let mut open = false;
        let mut dismiss = false;
        // Top right, under the menu bar: banners float at the bottom, so the
        // two never cover each other.
        egui::Area::new(egui::Id::unique("export-busy"))
            .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-12.0, 36.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    if self.jobs.busy() {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            match self.jobs.progress() {
                                Some((done, total)) => ui.label(tr!(
                                    lang,
                                    "note.gui_progress",
                                    done = done,
                                    total = total
                                )),
                                _ => ui.label(tr!(lang, "present.exporting")),
                            };
                        });
                    } else if let Some(folder) = &self.written_folder {
                        ui.horizontal(|ui| {
                            ui.label(tr!(
                                lang,
                                "note.gui_written",
                                folder = folder.display().to_string()
                            ));
                            open = ui.button(tr!(lang, "note.gui_open_folder")).clicked();
                            dismiss = ui.button("×").clicked();
                        });
                    }
                });
            });
        if open {
            if let Some(folder) = &self.written_folder
                && let Err(e) = open_folder(folder)
            {
                log_open_error(folder, &e);
            }
            self.written_folder = None;
        }
        if dismiss {
            self.written_folder = None;
        }
    }

    /// Collects finished exports as banners (newest last).
    pub fn poll(&mut self, lang: Lang) -> Vec<Banner> {
        let mut banners = Vec::new();
        for end in self.jobs.finished() {
            banners.push(match end {
                JobEnd::Written { what, ms, folder } => {
                    if folder.is_some() {
                        self.written_folder = folder;
                    }
                    Banner {
                        error: false,
                        text: tr!(
                            lang,
                            "present.export_done",
                            what = what,
                            ms = crate::i18n::num(ms, 0, lang)
                        ),
                    }
                }
                JobEnd::Failed(why) => error(why),
                JobEnd::Crashed => error(tr!(lang, "present.export_crashed")),
            });
        }
        banners
    }
}

/// The Charts view for one frame: its tabs, the comparison behind the
/// waterfall, and the Robustness view's newest SMAA result.
pub struct ChartsView<'a> {
    /// The view's state.
    pub tabs: &'a mut ChartsTabs,
    /// The Compare view's choice (for the waterfall).
    pub compare: &'a CompareState,
    /// The SMAA result the acceptability tab draws.
    pub smaa: Option<SmaaView<'a>>,
}

impl CentralView for ChartsView<'_> {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewContext<'_>) {
        self.tabs.refresh_waterfall(ctx.state, self.compare);
        self.tabs.ui(ui, ctx.state, self.smaa, ctx.out);
    }
}

/// Opens `folder` in the platform's file manager.
fn open_folder(folder: &Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(|_| ())
}

/// A file manager that cannot start is not worth an error banner: the
/// folder's path is on screen; say why on the terminal.
fn log_open_error(folder: &Path, e: &std::io::Error) {
    eprintln!("{}: {e}", folder.display());
}

fn error(text: String) -> Banner {
    Banner { error: true, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_waterfall_needs_a_comparison() {
        assert!(!available_kinds(false).contains(&ChartKind::Waterfall));
        assert!(available_kinds(true).contains(&ChartKind::Waterfall));
        assert_eq!(available_kinds(false).len(), ChartKind::ALL.len() - 1);
    }
}
