//! Which [`CentralView`] the central panel shows for each [`View`]: the
//! views' state lives in the window between frames and is lent here for
//! one frame.

use super::analyse::AnalyseUi;
use super::charts_tabs::{ChartsTabs, ChartsView};
use super::package_view::PackageView;
use super::results::AnalysisView;
use super::robustness::Robustness;
use super::state::View;
use super::vfm_view::VfmView;
use super::view::CentralView;

/// The views' state kept between frames, lent for one frame.
pub struct ViewStates<'a> {
    /// Weighting dialogs, stakeholder and compare choices.
    pub analyse: &'a mut AnalyseUi,
    /// The Charts view (and the cost the value-for-money view shares).
    pub charts_tabs: &'a mut ChartsTabs,
    /// The Robustness view and its SMAA worker.
    pub robust: &'a mut Robustness,
}

/// The view to draw for `view`.
pub fn view_for<'a>(view: View, states: ViewStates<'a>) -> Box<dyn CentralView + 'a> {
    let ViewStates {
        analyse,
        charts_tabs,
        robust,
    } = states;
    match view {
        View::Analysis => Box::new(AnalysisView),
        View::Charts => Box::new(ChartsView {
            tabs: charts_tabs,
            compare: &analyse.compare,
            smaa: robust.smaa_view(),
        }),
        View::Robustness => Box::new(robust),
        View::Stakeholders => Box::new(&mut analyse.stakeholders),
        View::Compare => Box::new(&mut analyse.compare),
        View::Package => Box::new(PackageView),
        View::ValueForMoney => Box::new(VfmView {
            chosen: &mut charts_tabs.cost,
            cache: &mut charts_tabs.vfm_cache,
        }),
    }
}
