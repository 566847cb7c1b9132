//! Fixtures shared by the chart and brief tests.
#![allow(dead_code)]

use tradeoff::analysis::compare::{Explanation, Term};
use tradeoff::analysis::smaa::SmaaResult;
use tradeoff::charts::ChartInput;
use tradeoff::model::{Lang, Scenario};

/// The bundled default scenario.
pub fn bundled() -> Scenario {
    tradeoff::io::ron_file::parse(tradeoff::DEFAULT_SCENARIO, "canada-2016.ron")
        .expect("bundled scenario parses")
}

/// The richer fixture: several profiles, a red line, a cap, sources.
pub fn rich() -> Scenario {
    tradeoff::io::load(std::path::Path::new("tests/charts_data/rich.ron")).expect("fixture parses")
}

/// A fixed SMAA result over the bundled scenario's options.
pub fn smaa() -> SmaaResult {
    SmaaResult {
        alternatives: vec![
            "mali".into(),
            "car".into(),
            "drc".into(),
            "south_sudan".into(),
        ],
        criteria: vec!["risk".into(), "cost".into(), "impact".into()],
        samples: 10_000,
        acceptability: vec![
            vec![0.10, 0.15, 0.25, 0.50],
            vec![0.55, 0.30, 0.10, 0.05],
            vec![0.35, 0.45, 0.15, 0.05],
            vec![0.00, 0.10, 0.50, 0.40],
        ],
        central_weights: vec![vec![1.0 / 3.0; 3]; 4],
        confidence: vec![0.2, 0.7, 0.5, 0.0],
        exact_weights: true,
    }
}

/// A fixed comparison explanation (terms sum to gap_b - gap_a).
pub fn explanation() -> Explanation {
    Explanation {
        first: "car".into(),
        second: "mali".into(),
        gap_a: -0.47,
        gap_b: 0.05,
        terms: vec![
            Term {
                criterion: "risk".into(),
                weight_effect: 0.08,
                value_effect: 0.21,
            },
            Term {
                criterion: "cost".into(),
                weight_effect: -0.04,
                value_effect: 0.0,
            },
            Term {
                criterion: "impact".into(),
                weight_effect: 0.10,
                value_effect: 0.17,
            },
        ],
    }
}

/// English catalogue strings (placeholder-free fragments of at least
/// `min_len` characters) of the given locale files whose French differs.
pub fn english_fragments(files: &[&str], min_len: usize) -> Vec<String> {
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("locale file");
        let mut key: Option<String> = None;
        let mut en: Option<String> = None;
        for line in text.lines() {
            if !line.starts_with(' ') && line.ends_with(':') {
                key = Some(line.trim_end_matches(':').to_string());
                en = None;
            } else if let Some(v) = line.trim().strip_prefix("en: ") {
                en = Some(v.trim_matches('"').to_string());
            } else if let Some(v) = line.trim().strip_prefix("fr: ") {
                let fr = v.trim_matches('"');
                if let (Some(_), Some(en)) = (&key, &en)
                    && en != fr
                {
                    for part in en.split("%{") {
                        let part = match part.find('}') {
                            Some(i) if part.starts_with(|c: char| c.is_ascii_lowercase()) => {
                                &part[i + 1..]
                            }
                            _ => part,
                        };
                        let part = part.trim();
                        if part.chars().count() >= min_len && !fr.contains(part) {
                            out.push(part.to_string());
                        }
                    }
                }
            }
        }
    }
    out
}

/// Both languages.
pub const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];

/// The fixed SMAA result and comparison explanation, owned here so that a
/// chart input can borrow them.
pub struct Results {
    /// See [`smaa`].
    pub smaa: SmaaResult,
    /// See [`explanation`].
    pub explanation: Explanation,
}

impl Results {
    /// The fixed results of [`smaa`] and [`explanation`].
    pub fn fixed() -> Self {
        Results {
            smaa: smaa(),
            explanation: explanation(),
        }
    }

    /// A chart input over `scenario` in `lang` with both results attached,
    /// so that every chart kind has something to draw.
    pub fn input<'a>(&'a self, scenario: &'a Scenario, lang: Lang) -> ChartInput<'a> {
        ChartInput {
            smaa: Some(&self.smaa),
            explanation: Some(&self.explanation),
            ..ChartInput::new(scenario, lang)
        }
    }
}
