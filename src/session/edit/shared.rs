//! Lookups and checks the edit families share.

use super::*;

/// Turns a criterion's direction round, one step for everything that
/// follows it: a fixed scale swaps worst and best, and a value function is
/// mirrored (v becomes 100 − v) so that it still rises towards the better end.
pub(super) fn turn_round(c: &mut Criterion) {
    c.direction = match c.direction {
        Direction::Maximize => Direction::Minimize,
        Direction::Minimize => Direction::Maximize,
    };
    c.scale = c.scale.map(|sc| {
        if sc.agrees_with(c.direction) {
            sc
        } else {
            sc.flipped()
        }
    });
    c.value_function = c
        .value_function
        .as_ref()
        .map(crate::session::tree_edit::mirrored);
}

/// Display name of a criterion or group id in `lang` (the id if unknown).
pub(super) fn node_name(s: &Scenario, id: &str, lang: Lang) -> String {
    match s.group(id) {
        Some(g) => g.name.get(lang).to_string(),
        None => s.criterion_name(id, lang),
    }
}

pub(super) fn finite(x: f64) -> Result<(), EditError> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(EditError::NotFinite)
    }
}

pub(super) fn amount(x: f64) -> Result<(), EditError> {
    finite(x)?;
    if x < 0.0 {
        Err(EditError::Negative)
    } else {
        Ok(())
    }
}

/// Sets the `lang` version of a name. The other language follows (French
/// then falls back to English, with the fallback mark) unless it was
/// translated separately: present, and neither a copy of this language's
/// text nor the name Tradeoff generated for a new item (`generated_key` in
/// the catalogue). Typing where this language had no text of its own adds a
/// translation and leaves the other alone.
pub(super) fn rename(text: &mut Text, lang: Lang, name: &str, generated_key: Option<&str>) {
    let own = |t: &Text, l: Lang| -> Option<String> {
        match l {
            Lang::En => Some(t.en.clone()),
            Lang::Fr => t.fr.clone(),
        }
        .filter(|x| !x.is_empty())
    };
    let other = match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    };
    let follows = match (own(text, lang), own(text, other)) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(mine), Some(theirs)) => {
            theirs == mine
                || generated_key.is_some_and(|key| is_generated_name(&theirs, other, key))
        }
    };
    text.set(lang, name.to_string());
    if follows {
        match other {
            Lang::Fr => text.fr = None,
            // English is the reference text and must hold a name.
            Lang::En => text.en = name.to_string(),
        }
    }
}

/// True when `text` is what the catalogue entry `key` ("Option %{n}") gives
/// in `lang` for some number n.
pub(super) fn is_generated_name(text: &str, lang: Lang, key: &str) -> bool {
    const MARK: char = '\u{1}';
    let template = crate::tr!(lang, key, n = MARK);
    let Some((prefix, suffix)) = template.split_once(MARK) else {
        return false;
    };
    text.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

pub(super) fn blank_score(alternative: &str, criterion: &str, value: f64) -> Score {
    Score {
        alternative: alternative.to_string(),
        criterion: criterion.to_string(),
        value,
        low: None,
        high: None,
        rationale: Text::default(),
        sources: Vec::new(),
        illustrative: false,
    }
}

/// The score of a cell; `create` makes a not-yet-scored cell's score (only
/// typing a value does: evidence needs a value to be about).
pub(super) fn score_entry<'a>(
    s: &'a mut Scenario,
    alternative: &str,
    criterion: &str,
    create: bool,
) -> Result<&'a mut Score, EditError> {
    if s.alternative(alternative).is_none() {
        return Err(EditError::NotFound(alternative.to_string()));
    }
    if s.criterion(criterion).is_none() {
        return Err(EditError::NotFound(criterion.to_string()));
    }
    if s.score(alternative, criterion).is_none() {
        if !create {
            return Err(EditError::NotYetScored {
                alternative: alternative.to_string(),
                criterion: criterion.to_string(),
            });
        }
        s.scores.push(blank_score(alternative, criterion, 0.0));
    }
    s.score_mut(alternative, criterion)
        .ok_or_else(|| EditError::NotFound(criterion.to_string()))
}

pub(super) fn criterion_mut<'a>(
    s: &'a mut Scenario,
    id: &str,
) -> Result<&'a mut Criterion, EditError> {
    s.criteria
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

pub(super) fn resource_mut<'a>(
    s: &'a mut Scenario,
    id: &str,
) -> Result<&'a mut Resource, EditError> {
    s.resources
        .iter_mut()
        .find(|r| r.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

pub(super) fn profile_mut<'a>(
    s: &'a mut Scenario,
    id: &str,
) -> Result<&'a mut WeightProfile, EditError> {
    s.profiles
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

pub(super) fn index_of<'a>(
    mut ids: impl Iterator<Item = &'a String>,
    id: &str,
) -> Result<usize, EditError> {
    ids.position(|x| x == id)
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

pub(super) fn move_item<T>(items: &mut Vec<T>, from: usize, delta: isize) {
    let to = from
        .saturating_add_signed(delta)
        .min(items.len().saturating_sub(1));
    if to != from {
        let item = items.remove(from);
        items.insert(to, item);
    }
}
