//! Seeded synthetic scenarios of any size, written as real RON or CSV
//! files, for benchmarks and scaling checks (not part of the user-facing API).

use crate::model::{
    Alternative, Criterion, Direction, FORMAT_VERSION, Preference, Scenario, Score, Text,
    WeightProfile,
};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::Path;

/// An `n` options × `m` criteria scenario drawn from `seed`: values in
/// 0..100 with two decimals, criteria maximised when even and minimised
/// when odd, random weights in two profiles, a veto on every fifth
/// criterion that rules out about 1 % of the options, and (when
/// `uncertain`) a ±5 range on every third score.
#[doc(hidden)]
pub fn scenario(n: usize, m: usize, seed: u64, uncertain: bool) -> Scenario {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut s = Scenario::empty(Text::new(format!("Synthetic {n} × {m}")));
    s.format_version = FORMAT_VERSION;
    s.criteria = (0..m)
        .map(|j| {
            let direction = if j % 2 == 0 {
                Direction::Maximize
            } else {
                Direction::Minimize
            };
            let veto = (j % 5 == 4).then_some(match direction {
                Direction::Maximize => 0.2,
                Direction::Minimize => 99.8,
            });
            Criterion {
                id: format!("c{j}"),
                name: Text::new(format!("Criterion {j}")),
                description: Text::default(),
                direction,
                unit: Text::default(),
                scale: None,
                veto,
                preference: Preference::Usual,
                value_function: None,
            }
        })
        .collect();
    s.alternatives = (0..n)
        .map(|i| Alternative {
            id: format!("o{i}"),
            name: Text::new(format!("Option {i}")),
            description: Text::default(),
            needs: Default::default(),
        })
        .collect();
    s.scores.reserve(n * m);
    for i in 0..n {
        for j in 0..m {
            let value = (rng.random_range(0.0..100.0_f64) * 100.0).round() / 100.0;
            let ranged = uncertain && (i * m + j).is_multiple_of(3);
            s.scores.push(Score {
                alternative: format!("o{i}"),
                criterion: format!("c{j}"),
                value,
                low: ranged.then_some(value - 5.0),
                high: ranged.then_some(value + 5.0),
                rationale: Text::default(),
                sources: Vec::new(),
                illustrative: true,
            });
        }
    }
    let mut profile = |id: &str, name: &str| {
        let mut p = WeightProfile::new(id, Text::new(name));
        p.weights = (0..m)
            .map(|j| {
                let w = (rng.random_range(0.1..1.0_f64) * 100.0).round() / 100.0;
                (format!("c{j}"), w)
            })
            .collect();
        p
    };
    s.profiles = vec![profile("default", "Default"), profile("other", "Other")];
    s.active_profile = "default".into();
    s
}

/// Writes [`scenario`] to `path`: a decision-matrix CSV when the extension
/// is `.csv` (its uncertainty ranges and second profile are then dropped),
/// a RON scenario file otherwise.
#[doc(hidden)]
pub fn write(path: &Path, n: usize, m: usize, seed: u64) -> std::io::Result<()> {
    let csv = super::is_csv(path);
    let s = scenario(n, m, seed, !csv);
    let text = if csv {
        super::csv::to_csv(&s, None).map_err(|e| std::io::Error::other(e.to_string()))?
    } else {
        super::ron_file::to_string(&s).map_err(|e| std::io::Error::other(e.to_string()))?
    };
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_files_load_and_validate() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["m.csv", "m.ron"] {
            let path = dir.path().join(name);
            write(&path, 30, 6, 5).expect("written");
            let s = crate::io::load(&path).expect("loads");
            assert_eq!((s.alternatives.len(), s.criteria.len()), (30, 6));
            assert!(crate::model::validate(&s).is_empty(), "{name}");
        }
    }
}
