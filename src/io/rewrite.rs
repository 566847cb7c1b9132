//! Format-preserving saving: the new scenario is written into the text it was
//! loaded from, so the user's comments, blank lines and layout survive.
//!
//! Both texts are read into trees with byte ranges: the original, and the
//! fresh serialisation of the scenario. Walking them together, a value that
//! did not change keeps its original text; a changed one is replaced by its
//! fresh text, re-indented; list items follow the new order, each carrying
//! the comments around it (items are paired by their `id` field, else by
//! equal content, else by most fields in common). Fields and map entries keep
//! the user's order, new ones going after their predecessor. Nothing here
//! knows the scenario's fields: it works on any RON the serialiser writes.
//!
//! The result is accepted only when it loads back to exactly the scenario
//! saved; otherwise the fresh serialisation is used and every comment is
//! reported as dropped. Comments of deleted items are reported too, so the
//! caller can tell the user (the previous file is kept as `NAME.bak`).

mod splice;
mod tree;

use super::error::SaveError;
use super::outline::{self, Tok};
use crate::model::Lang;
use crate::model::Scenario;
use crate::tr;
use splice::{Splice, Style};
use std::collections::HashSet;
use tree::Doc;

/// A comment of the original text that the rewritten text does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedComment {
    /// 1-based line in the original text.
    pub line: usize,
    /// The comment as written (`// ...` or `/* ... */`).
    pub text: String,
}

/// Text to save, and the original's comments it could not keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Rewritten {
    /// The new file content; it loads back to the scenario given.
    pub text: String,
    /// Comments whose item was deleted or whose value was replaced whole,
    /// in the order of the original text.
    pub dropped: Vec<DroppedComment>,
}

/// Most fields that disappeared from the new text tried one by one for
/// being kept (a default value the serialiser omits, like `combinable: false`).
const MAX_KEEP_TRIALS: usize = 16;
/// Most item pairs compared by content when matching a list's edited items.
const MAX_SIMILARITY_PAIRS: usize = 200_000;

/// `scenario` written into `original` (the text it was loaded from),
/// keeping every comment whose place still exists.
pub fn rewrite(original: &str, scenario: &Scenario) -> Result<Rewritten, SaveError> {
    let fresh = super::ron_file::to_string(scenario)?;
    let (bom, body) = match original.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", original),
    };
    if let Some(mut kept) = splice_verified(body, &fresh, scenario) {
        kept.text.insert_str(0, bom);
        return Ok(kept);
    }
    let dropped = outline::tokens_with_comments(body)
        .into_iter()
        .filter(|(t, ..)| *t == Tok::Comment)
        .map(|(_, r, pos)| DroppedComment {
            line: pos.line,
            text: body[r].to_string(),
        })
        .collect();
    Ok(Rewritten {
        text: fresh,
        dropped,
    })
}

/// The comments of `original` that saving `scenario` into it would drop,
/// so the user can be told when the file is opened, before any save
/// (a text without comments is answered at once).
pub fn comments_at_risk(original: &str, scenario: &Scenario) -> Vec<DroppedComment> {
    let has_comments = outline::tokens_with_comments(original)
        .iter()
        .any(|(t, ..)| *t == Tok::Comment);
    if !has_comments {
        return Vec::new();
    }
    rewrite(original, scenario)
        .map(|r| r.dropped)
        .unwrap_or_default()
}

/// Most comments quoted by [`describe_dropped`]; the rest are counted.
const MAX_QUOTED: usize = 3;
/// Most characters of a comment quoted.
const MAX_QUOTED_CHARS: usize = 60;

/// A short list of dropped comments for a message: where each was and its
/// start, the first few quoted and the rest counted.
pub fn describe_dropped(dropped: &[DroppedComment], lang: Lang) -> String {
    let mut parts: Vec<String> = dropped
        .iter()
        .take(MAX_QUOTED)
        .map(|d| {
            let first_line = d.text.lines().next().unwrap_or_default().trim();
            let mut quote: String = first_line.chars().take(MAX_QUOTED_CHARS).collect();
            if quote.len() < first_line.len() || d.text.lines().nth(1).is_some() {
                quote.push('…');
            }
            tr!(lang, "io.comment_at_line", line = d.line, text = quote)
        })
        .collect();
    if dropped.len() > MAX_QUOTED {
        parts.push(tr!(
            lang,
            "io.comments_more",
            count = dropped.len() - MAX_QUOTED
        ));
    }
    parts.join("; ")
}

/// The splice of `fresh` into `original` that loads back to `scenario`, if any.
fn splice_verified(original: &str, fresh: &str, scenario: &Scenario) -> Option<Rewritten> {
    let o = Doc::parse(original)?;
    let n = Doc::parse(fresh)?;
    let loads_back = |text: &str| super::ron_file::parse(text, "").is_ok_and(|s| &s == scenario);
    // Maps are first taken as unordered (the user's key order stays) and
    // whole numbers written plainly; if that changes what loads, the new
    // text's map order and number style are taken.
    let styles = [
        Style {
            ordered_maps: false,
            tidy_numbers: true,
        },
        Style {
            ordered_maps: false,
            tidy_numbers: false,
        },
        Style {
            ordered_maps: true,
            tidy_numbers: false,
        },
    ];
    for style in styles {
        let plain = Splice::run(&o, &n, style, &HashSet::new());
        if !loads_back(&plain.text) {
            continue;
        }
        // Fields the new text lacks may hold a default the serialiser omits:
        // keep those whose presence does not change what loads.
        let candidates = &plain.removed_fields;
        if candidates.is_empty() {
            return Some(plain.finish(&o));
        }
        let all: HashSet<usize> = candidates.iter().copied().collect();
        let with_all = Splice::run(&o, &n, style, &all);
        if loads_back(&with_all.text) {
            return Some(with_all.finish(&o));
        }
        let keepable: HashSet<usize> = candidates
            .iter()
            .take(MAX_KEEP_TRIALS)
            .copied()
            .filter(|c| {
                let one = HashSet::from([*c]);
                loads_back(&Splice::run(&o, &n, style, &one).text)
            })
            .collect();
        if !keepable.is_empty() {
            let some = Splice::run(&o, &n, style, &keepable);
            if loads_back(&some.text) {
                return Some(some.finish(&o));
            }
        }
        return Some(plain.finish(&o));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ron_file::parse;

    const MINI: &str = "\u{feff}#![enable(implicit_some)]
// header
(
    format_version: 3, // the format
    title: \"t\",
    criteria: [
        (id: \"cost\", name: \"Cost\", direction: Minimize, unit: \"CAD M\" /* money */),
        // risk is judged
        (id: \"risk\", name: \"Risk\", direction: Minimize, unit: \"0-10\", veto: Some(8)),
    ],
    alternatives: [(id: \"a\", name: \"A\"), /* b next */ (id: \"b\", name: \"B\")],
    scores: [
        (alternative: \"a\", criterion: \"cost\", value: 8, illustrative: true), // a cost
        (alternative: \"b\", criterion: \"cost\", value: 1_0, illustrative: true),
        (alternative: \"a\", criterion: \"risk\", value: 1, illustrative: true),
        (alternative: \"b\", criterion: \"risk\", value: 2, illustrative: true)
    ],
    profiles: [(id: \"p\", name: \"P\", weights: {\"risk\": 1, /* cost too */ \"cost\": 2})],
    active_profile: \"p\",
    /* block
       comment */
)
// footer
";

    fn edited(edit: impl FnOnce(&mut Scenario)) -> (Scenario, Rewritten) {
        let mut s = parse(MINI, "mini").expect("mini loads");
        edit(&mut s);
        let r = rewrite(MINI, &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s, "{}", r.text);
        (s, r)
    }

    #[test]
    fn unchanged_text_is_written_back_as_it_was() {
        let (_, r) = edited(|_| {});
        assert_eq!(r.text, MINI);
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn a_changed_value_replaces_only_itself() {
        let (_, r) = edited(|s| s.scores[1].value = 12.5);
        assert_eq!(r.text, MINI.replace("value: 1_0,", "value: 12.5,"));
        let (_, r) = edited(|s| s.scores[0].value = 9.0);
        assert_eq!(r.text, MINI.replace("value: 8,", "value: 9,"));
    }

    #[test]
    fn inline_items_reorder_with_their_comments() {
        let (_, r) = edited(|s| s.alternatives.reverse());
        let expected =
            "alternatives: [/* b next */ (id: \"b\", name: \"B\"), (id: \"a\", name: \"A\")],";
        assert!(r.text.contains(expected), "{}", r.text);
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn a_new_map_entry_and_field_fit_the_line_they_join() {
        let (_, r) = edited(|s| {
            s.profiles[0].weights.insert("new".into(), 3.0);
            s.criteria[0].veto = Some(40.0);
        });
        assert!(
            r.text
                .contains("weights: {\"risk\": 1, /* cost too */ \"cost\": 2, \"new\": 3}"),
            "{}",
            r.text
        );
        assert!(
            r.text.contains("unit: \"CAD M\" /* money */, veto: 40),"),
            "{}",
            r.text
        );
    }

    #[test]
    fn deleting_an_item_reports_its_comments_and_keeps_the_others() {
        let (_, r) = edited(|s| {
            s.criteria.retain(|c| c.id != "risk");
            s.scores.retain(|x| x.criterion != "risk");
            s.profiles[0].weights.remove("risk");
        });
        let dropped: Vec<&str> = r.dropped.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dropped, ["// risk is judged"]);
        assert_eq!(r.dropped[0].line, 8);
        for kept in [
            "// header",
            "// the format",
            "/* money */",
            "// a cost",
            "// footer",
        ] {
            assert!(r.text.contains(kept), "{kept}: {}", r.text);
        }
        assert!(r.text.contains("/* block\n       comment */\n)"));
        assert!(
            r.text
                .starts_with("\u{feff}#![enable(implicit_some)]\n// header\n(")
        );
        // The `/* cost too */` comment sat before the `cost` entry, which stays.
        assert!(
            r.text.contains("weights: {/* cost too */ \"cost\": 2}"),
            "{}",
            r.text
        );
    }

    #[test]
    fn an_edited_item_without_id_keeps_its_trailing_comment() {
        let (_, r) = edited(|s| {
            s.scores[0].value = 7.0;
            s.scores.swap(0, 3);
        });
        assert!(
            r.text.contains("(alternative: \"a\", criterion: \"cost\", value: 7, illustrative: true) // a cost\n"),
            "{}",
            r.text
        );
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn text_it_cannot_read_is_written_fresh_with_every_comment_reported() {
        // A byte string is valid RON that the splicer does not read.
        let odd = MINI.replace("title: \"t\"", "title: \"t\", // odd\n    date: \"x\"");
        let s = parse(&odd, "odd").expect("loads");
        let r = rewrite(&odd, &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s);
        assert!(r.text.contains("// odd"), "{}", r.text);
        assert!(r.dropped.is_empty());
        let unreadable = "(format_version: 2 title: \"t\")";
        assert!(Doc::parse(unreadable).is_none());
        let r = rewrite("// c\n(format_version: 2 title: \"t\")", &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s);
        assert_eq!(r.dropped.len(), 1);
        assert_eq!(r.dropped[0].text, "// c");
    }

    #[test]
    fn windows_line_ends_are_kept() {
        let crlf = MINI.replace('\n', "\r\n");
        let mut s = parse(&crlf, "crlf").expect("loads");
        let same = rewrite(&crlf, &s).expect("rewrites");
        assert_eq!(same.text, crlf);
        s.scores[0].value = 3.0;
        s.criteria.reverse();
        let r = rewrite(&crlf, &s).expect("rewrites");
        assert_eq!(parse(&r.text, "out").expect("reloads"), s);
        assert!(r.dropped.is_empty());
        assert!(
            r.text
                .contains("value: 3, illustrative: true), // a cost\r\n")
        );
        assert!(
            r.text
                .contains("        // risk is judged\r\n        (id: \"risk\"")
        );
    }

    #[test]
    fn the_list_of_dropped_comments_is_short_and_translated() {
        let dropped: Vec<DroppedComment> = (1..=5)
            .map(|line| DroppedComment {
                line,
                text: format!("// comment {line}"),
            })
            .collect();
        let en = describe_dropped(&dropped, Lang::En);
        assert!(en.starts_with("line 1: “// comment 1”; line 2"), "{en}");
        assert!(en.ends_with("and 2 more"), "{en}");
        let fr = describe_dropped(&dropped[..1], Lang::Fr);
        assert_eq!(fr, "ligne 1 : « // comment 1 »");
    }
}
