//! Renders every chart of a scenario to PNG files, for eyeballing the layout.

use std::path::PathBuf;
use tradeoff::charts::{ChartInput, ChartKind, render_png};
use tradeoff::model::Lang;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let file = args
        .get(1)
        .map_or("scenarios/canada-2016.ron", |s| s.as_str());
    let out = PathBuf::from(args.get(2).map_or("/tmp/charts", |s| s.as_str()));
    let lang = Lang::from_code(args.get(3).map_or("en", |s| s.as_str())).unwrap_or_default();
    std::fs::create_dir_all(&out)?;
    let scenario = tradeoff::io::load(std::path::Path::new(file))
        .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    // Stand-ins for results computed elsewhere, so every chart can be previewed.
    let smaa = tradeoff::analysis::smaa::SmaaResult {
        alternatives: vec!["car".into(), "drc".into(), "mali".into()],
        criteria: vec!["risk".into(), "cost".into(), "impact".into()],
        samples: 10_000,
        acceptability: vec![
            vec![0.55, 0.35, 0.10],
            vec![0.40, 0.50, 0.10],
            vec![0.05, 0.15, 0.80],
        ],
        central_weights: vec![vec![0.3; 3]; 3],
        confidence: vec![0.6, 0.4, 0.1],
        exact_weights: true,
    };
    let explanation = tradeoff::analysis::compare::Explanation {
        first: "car".into(),
        second: "mali".into(),
        gap_a: -0.42,
        gap_b: 0.05,
        terms: vec![
            tradeoff::analysis::compare::Term {
                criterion: "risk".into(),
                weight_effect: 0.08,
                value_effect: 0.21,
            },
            tradeoff::analysis::compare::Term {
                criterion: "cost".into(),
                weight_effect: -0.04,
                value_effect: 0.0,
            },
            tradeoff::analysis::compare::Term {
                criterion: "impact".into(),
                weight_effect: 0.10,
                value_effect: 0.12,
            },
        ],
    };
    let mut input = ChartInput::new(&scenario, lang);
    input.smaa = Some(&smaa);
    input.explanation = Some(&explanation);
    for kind in ChartKind::ALL {
        for (w, h) in [(1920, 1080), (800, 600)] {
            let png = render_png(kind, &input, w, h, 1.0)
                .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
            std::fs::write(out.join(format!("{kind}-{w}x{h}-{}.png", lang.code())), png)?;
        }
    }
    Ok(())
}
