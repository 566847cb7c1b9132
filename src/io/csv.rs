//! CSV decision matrices (design.md §3): import and export.

use super::error::{LoadError, LoadErrorKind};
use crate::model::{
    Alternative, Criterion, Direction, FORMAT_VERSION, Preference, Scenario, Score, Text,
    WeightProfile,
};

/// Parses a decision-matrix CSV into a scenario (ids are the names as written).
pub fn parse(text: &str, label: &str) -> Result<Scenario, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let err = |line: usize, col: usize, msg: String| {
        LoadError::at(label, line, col, LoadErrorKind::Syntax(msg))
    };
    let lines: Vec<(usize, Vec<String>)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split(',').map(|c| c.trim().to_string()).collect()))
        .collect();
    let Some((_, header)) = lines.first() else {
        return Err(err(1, 1, "the file is empty".into()));
    };
    if header.first().map(String::as_str) != Some("alternative") {
        return Err(err(
            1,
            1,
            "the first column header must be 'alternative'".into(),
        ));
    }
    let names: Vec<String> = header[1..].to_vec();
    let mut directions = vec![Direction::Maximize; names.len()];
    let mut weights = vec![1.0; names.len()];
    let mut vetoes = vec![None; names.len()];
    let mut rows = Vec::new();
    for (line, cells) in &lines[1..] {
        let number = |k: usize| -> Result<f64, LoadError> {
            let cell = cells.get(k).map(String::as_str).unwrap_or("");
            cell.parse::<f64>()
                .map_err(|_| err(*line, k + 1, format!("'{cell}' is not a number")))
        };
        match cells[0].as_str() {
            "#direction" => {
                for (j, d) in directions.iter_mut().enumerate() {
                    *d = match cells.get(j + 1).map(String::as_str) {
                        Some("min") => Direction::Minimize,
                        Some("max") => Direction::Maximize,
                        other => {
                            return Err(err(
                                *line,
                                j + 2,
                                format!("direction must be min or max, not {other:?}"),
                            ));
                        }
                    }
                }
            }
            "#weight" => {
                for (j, w) in weights.iter_mut().enumerate() {
                    *w = number(j + 1)?;
                }
            }
            "#veto" => {
                for (j, v) in vetoes.iter_mut().enumerate() {
                    let empty = cells.get(j + 1).is_none_or(|c| c.is_empty());
                    *v = if empty { None } else { Some(number(j + 1)?) };
                }
            }
            _ => {
                let mut values = Vec::new();
                for j in 0..names.len() {
                    values.push(number(j + 1)?);
                }
                rows.push((cells[0].clone(), values));
            }
        }
    }
    let mut scenario = Scenario::empty(Text::new(label));
    scenario.format_version = FORMAT_VERSION;
    scenario.criteria = names
        .iter()
        .enumerate()
        .map(|(j, n)| Criterion {
            id: n.clone(),
            name: Text::new(n.clone()),
            description: Text::default(),
            direction: directions[j],
            unit: String::new(),
            scale: None,
            veto: vetoes[j],
            preference: Preference::Usual,
        })
        .collect();
    for (name, values) in rows {
        for (j, v) in values.into_iter().enumerate() {
            scenario.scores.push(Score {
                alternative: name.clone(),
                criterion: names[j].clone(),
                value: v,
                low: None,
                high: None,
                rationale: Text::default(),
                sources: Vec::new(),
                illustrative: false,
            });
        }
        scenario.alternatives.push(Alternative {
            id: name.clone(),
            name: Text::new(name),
            description: Text::default(),
            needs: Default::default(),
        });
    }
    let mut profile = WeightProfile::new("default", Text::bilingual("Default", "Par défaut"));
    profile.weights = names.iter().cloned().zip(weights).collect();
    scenario.profiles = vec![profile];
    Ok(scenario)
}

/// Writes `scenario` as a decision-matrix CSV with the weights of `profile`
/// (None: the active profile).
pub fn to_csv(scenario: &Scenario, profile: Option<&str>) -> String {
    let mut out = String::from("alternative");
    for c in &scenario.criteria {
        out.push(',');
        out.push_str(&c.name.en);
    }
    out.push_str("\n#direction");
    for c in &scenario.criteria {
        out.push(',');
        out.push_str(c.direction.short());
    }
    let profile = profile
        .and_then(|p| scenario.profile(p))
        .or(scenario.active());
    out.push_str("\n#weight");
    for c in &scenario.criteria {
        out.push_str(&format!(",{}", profile.map_or(0.0, |p| p.weight(&c.id))));
    }
    if scenario.criteria.iter().any(|c| c.veto.is_some()) {
        out.push_str("\n#veto");
        for c in &scenario.criteria {
            out.push(',');
            if let Some(v) = c.veto {
                out.push_str(&v.to_string());
            }
        }
    }
    for a in &scenario.alternatives {
        out.push('\n');
        out.push_str(&a.name.en);
        for c in &scenario.criteria {
            let v = scenario.score(&a.id, &c.id).map_or(f64::NAN, |s| s.value);
            out.push_str(&format!(",{v}"));
        }
    }
    out.push('\n');
    out
}
