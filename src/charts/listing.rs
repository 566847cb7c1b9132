//! How many options a chart lists: at most [`MAX_LISTED`], the best first,
//! with a note saying how many more there are, so a chart of a 2,000-option
//! file stays readable (and quick to draw).

use crate::model::Lang;
use crate::tr;

/// Most options one chart lists (rows, lines, polygons or legend entries).
pub const MAX_LISTED: usize = 20;

/// Most excluded options named one by one in a chart's footnotes.
pub const MAX_EXCLUSION_NOTES: usize = 5;

/// The first `limit` of `items` (already in the order they are listed) and,
/// when some are left out, the note "… and K more options (not shown)".
pub fn top<T>(items: &[T], limit: usize, lang: Lang) -> (&[T], Option<String>) {
    let shown = items.len().min(limit);
    (&items[..shown], more_note(items.len() - shown, lang))
}

/// The note for `hidden` options not listed (None when there are none).
pub fn more_note(hidden: usize, lang: Lang) -> Option<String> {
    (hidden > 0).then(|| tr!(lang, "chart.note.more_options", count = hidden))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_keep_their_head_and_say_how_many_are_left() {
        let items: Vec<usize> = (0..45).collect();
        let (shown, note) = top(&items, MAX_LISTED, Lang::En);
        assert_eq!(shown, &items[..MAX_LISTED]);
        let note = note.expect("a note");
        assert!(note.contains("25"), "{note}");
        let (shown, note) = top(&items[..3], MAX_LISTED, Lang::Fr);
        assert_eq!(shown.len(), 3);
        assert!(note.is_none());
    }
}
