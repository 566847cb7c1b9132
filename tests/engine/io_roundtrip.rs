//! Lossless round trips: any scenario written as RON reads back equal, and a
//! CSV export reads back to the same matrix.

use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use tradeoff::io;
use tradeoff::model::*;

/// Any text, including quotes, backslashes, newlines and non-ASCII.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{0,8}",
        "\\PC{0,12}",
        ".{0,6}[\"\\\\\n\r\t\u{0}\u{7f}]{1,3}.{0,6}",
        Just("r#\"raw\"#".to_string()),
    ]
}

/// Numbers of every sort a file may carry: negative, tiny, huge, subnormal,
/// infinite (NaN is left out only because NaN != NaN).
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e3..1e3f64,
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(0.1 + 0.2),
    ]
}

/// English with and without a (non-empty) French version.
fn text() -> impl Strategy<Value = Text> {
    (
        string(),
        option::of(string().prop_filter("non-empty", |s| !s.is_empty())),
    )
        .prop_map(|(en, fr)| Text { en, fr })
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::Minimize), Just(Direction::Maximize)]
}

fn preference() -> impl Strategy<Value = Preference> {
    prop_oneof![
        Just(Preference::Usual),
        (number(), number()).prop_map(|(q, p)| Preference::Linear { q, p }),
        number().prop_map(|p| Preference::VShape { p }),
    ]
}

fn criterion() -> impl Strategy<Value = Criterion> {
    (
        string(),
        text(),
        text(),
        direction(),
        text(),
        option::of((number(), number()).prop_map(|(worst, best)| Scale { worst, best })),
        option::of(number()),
        preference(),
        option::of(vec((number(), number()), 0..4).prop_map(ValueFunction)),
    )
        .prop_map(
            |(id, name, description, direction, unit, scale, veto, preference, value_function)| {
                Criterion {
                    id,
                    name,
                    description,
                    direction,
                    unit,
                    scale,
                    veto,
                    preference,
                    value_function,
                }
            },
        )
}

/// A group of the value tree; children may name anything (validation's job).
fn group() -> impl Strategy<Value = Group> {
    (string(), text(), text(), vec(string(), 0..4)).prop_map(|(id, name, description, children)| {
        Group {
            id,
            name,
            description,
            children,
        }
    })
}

fn alternative() -> impl Strategy<Value = Alternative> {
    (
        string(),
        text(),
        text(),
        btree_map(string(), number(), 0..3),
    )
        .prop_map(|(id, name, description, needs)| Alternative {
            id,
            name,
            description,
            needs,
        })
}

fn score() -> impl Strategy<Value = Score> {
    (
        string(),
        string(),
        number(),
        option::of(number()),
        option::of(number()),
        text(),
        vec(string(), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(alternative, criterion, value, low, high, rationale, sources, illustrative)| Score {
                alternative,
                criterion,
                value,
                low,
                high,
                rationale,
                sources,
                illustrative,
            },
        )
}

fn elicitation() -> impl Strategy<Value = Elicitation> {
    prop_oneof![
        Just(Elicitation::Direct),
        (vec(string(), 0..3), btree_map(string(), number(), 0..3))
            .prop_map(|(order, ratings)| Elicitation::Swing { order, ratings }),
        vec((string(), string(), number()), 0..3)
            .prop_map(|judgements| Elicitation::Pairwise { judgements }),
        vec(vec(string(), 0..3), 0..3).prop_map(|ranking| Elicitation::RankOrder { ranking }),
        (vec(string(), 0..3), any::<bool>()).prop_map(|(profiles, geometric)| {
            Elicitation::Combined {
                profiles,
                geometric,
            }
        }),
    ]
}

fn profile() -> impl Strategy<Value = WeightProfile> {
    (
        string(),
        text(),
        btree_map(string(), number(), 0..4),
        btree_map(
            string(),
            (number(), number()).prop_map(|(min, max)| WeightBounds { min, max }),
            0..3,
        ),
        btree_map(string(), number(), 0..3),
        option::of(elicitation()),
    )
        .prop_map(
            |(id, name, weights, bounds, vetoes, elicitation)| WeightProfile {
                id,
                name,
                weights,
                bounds,
                vetoes,
                elicitation,
            },
        )
}

fn resource() -> impl Strategy<Value = Resource> {
    (string(), text(), text(), number()).prop_map(|(id, name, unit, cap)| Resource {
        id,
        name,
        unit,
        cap,
    })
}

fn source() -> impl Strategy<Value = Source> {
    (string(), string(), string(), string(), string()).prop_map(
        |(id, title, publisher, date, url)| Source {
            id,
            title,
            publisher,
            date,
            url,
        },
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (text(), text(), option::of(string()), option::of(string())),
        (
            vec(criterion(), 0..4),
            vec(group(), 0..3),
            vec(alternative(), 0..4),
            vec(score(), 0..6),
        ),
        (vec(profile(), 0..3), string()),
        (vec(resource(), 0..3), any::<bool>(), vec(source(), 0..3)),
    )
        .prop_map(
            |(
                (title, description, author, date),
                (criteria, groups, alternatives, scores),
                (profiles, active_profile),
                (resources, combinable, sources),
            )| Scenario {
                format_version: FORMAT_VERSION,
                title,
                description,
                author,
                date,
                criteria,
                groups,
                alternatives,
                scores,
                profiles,
                active_profile,
                resources,
                combinable,
                sources,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn ron_round_trip_is_lossless(s in scenario()) {
        let text = io::ron_file::to_string(&s).expect("serialises");
        let back = io::ron_file::parse(&text, "prop.ron");
        prop_assert_eq!(back.as_ref().ok(), Some(&s), "text:\n{}\nerror: {:?}", text, back.as_ref().err());
    }

    #[test]
    fn csv_export_round_trips(
        // Unique names: duplicates are invalid (validation reports them).
        names in btree_set("[A-Za-z#\" ,;][A-Za-z0-9 ,;\"'#é]{0,10}", 1..5),
        options in btree_set("[A-Za-z#\" ,;][A-Za-z0-9 ,;\"'#é]{0,10}", 1..5),
        cells in vec(number().prop_filter("finite", |x| x.is_finite()), 25),
        weights in vec(0.0..10.0f64, 5),
        vetoes in vec(option::of(-1e6..1e6f64), 5),
        dirs in vec(direction(), 5),
    ) {
        let (names, options): (Vec<String>, Vec<String>) =
            (names.into_iter().collect(), options.into_iter().collect());
        // Build the matrix through the CSV reader itself, so ids are names.
        let mut csv = String::from("alternative");
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        for n in &names { csv.push(','); csv.push_str(&quote(n)); }
        csv.push_str("\n#direction");
        for d in dirs.iter().take(names.len()) { csv.push(','); csv.push_str(d.short()); }
        csv.push_str("\n#weight");
        for w in weights.iter().take(names.len()) { csv.push_str(&format!(",{w:e}")); }
        csv.push_str("\n#veto");
        for v in vetoes.iter().take(names.len()) {
            csv.push(',');
            if let Some(v) = v { csv.push_str(&format!("{v:e}")); }
        }
        for (i, o) in options.iter().enumerate() {
            csv.push('\n');
            csv.push_str(&quote(o));
            for j in 0..names.len() { csv.push_str(&format!(",{:e}", cells[i * 5 + j])); }
        }
        let first = io::csv::parse(&csv, "m.csv").expect("generated matrix parses");
        let exported = io::csv::to_csv(&first, None).expect("a CSV holds no tree");
        let again = io::csv::parse(&exported, "m.csv");
        prop_assert_eq!(again.as_ref().ok(), Some(&first), "exported:\n{}\nerror: {:?}", exported, again.as_ref().err());
    }
}
