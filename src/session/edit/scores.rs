//! Edits of one score cell: its value, uncertainty range and evidence.

use super::*;

/// Applies an edit of this family (`Edit::apply` sends only these here).
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<(), EditError> {
    match edit {
        Edit::SetScore {
            alternative,
            criterion,
            value,
        } => set_value(s, alternative, criterion, *value)?,
        Edit::SetRange {
            alternative,
            criterion,
            low,
            high,
        } => set_range(s, alternative, criterion, *low, *high)?,
        Edit::SetRationale {
            alternative,
            criterion,
            lang,
            text,
        } => score_entry(s, alternative, criterion, false)?
            .rationale
            .set(*lang, text.clone()),
        Edit::SetIllustrative {
            alternative,
            criterion,
            illustrative,
        } => score_entry(s, alternative, criterion, false)?.illustrative = *illustrative,
        Edit::SetScoreSources {
            alternative,
            criterion,
            sources,
        } => score_entry(s, alternative, criterion, false)?.sources = sources.clone(),
        // Other families never reach here: see `Edit::apply`.
        _ => {}
    }
    Ok(())
}

/// Sets a cell's value; a fixed scale refuses one off it, a stated range widens to hold it.
fn set_value(
    s: &mut Scenario,
    alternative: &str,
    criterion: &str,
    value: f64,
) -> Result<(), EditError> {
    finite(value)?;
    if let Some(scale) = s.criterion(criterion).and_then(|c| c.scale) {
        let (lo, hi) = (scale.worst.min(scale.best), scale.worst.max(scale.best));
        if value < lo || value > hi {
            return Err(EditError::OutsideScale {
                alternative: alternative.to_string(),
                criterion: criterion.to_string(),
                value,
                worst: scale.worst,
                best: scale.best,
            });
        }
    }
    let score = score_entry(s, alternative, criterion, true)?;
    score.value = value;
    // A what-if value outside the stated uncertainty widens the
    // range to hold it (the state tells the user), so the
    // scenario stays valid and the results stay on screen.
    if let Some(low) = score.low
        && value < low
    {
        score.low = Some(value);
    }
    if let Some(high) = score.high
        && value > high
    {
        score.high = Some(value);
    }
    Ok(())
}

/// Sets a cell's uncertainty range, which must hold its value.
fn set_range(
    s: &mut Scenario,
    alternative: &str,
    criterion: &str,
    low: Option<f64>,
    high: Option<f64>,
) -> Result<(), EditError> {
    for v in [low, high].into_iter().flatten() {
        finite(v)?;
    }
    let score = score_entry(s, alternative, criterion, false)?;
    let value = score.value;
    if low.is_some_and(|l| l > value) || high.is_some_and(|h| h < value) {
        return Err(EditError::RangeExcludesValue {
            alternative: alternative.to_string(),
            criterion: criterion.to_string(),
            low,
            high,
            value,
        });
    }
    score.low = low;
    score.high = high;
    Ok(())
}
