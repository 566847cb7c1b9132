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
    let input = ChartInput::new(&scenario, lang);
    for kind in ChartKind::ALL {
        for (w, h) in [(1920, 1080), (800, 600)] {
            let png = render_png(kind, &input, w, h, 1.0)
                .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
            std::fs::write(out.join(format!("{kind}-{w}x{h}-{}.png", lang.code())), png)?;
        }
    }
    Ok(())
}
