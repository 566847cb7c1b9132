//! Numbers typed in the interface language (model::number): what the app
//! displays reads back as the same number in both languages, thousands
//! separators are understood, and ambiguous text is refused.

use proptest::prelude::*;
use tradeoff::model::Lang;
use tradeoff::model::number::{NumberError, parse_number};

/// Digits of a whole number grouped by threes with `sep`.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6..1e6f64,
        -10.0..10.0f64,
        (0u64..10_000_000).prop_map(|n| n as f64),
        (0i64..1_000_000).prop_map(|n| n as f64 / 1000.0),
    ]
}

proptest! {
    #[test]
    fn displayed_numbers_read_back_as_shown(x in number(), decimals in 0usize..7) {
        for lang in [Lang::En, Lang::Fr] {
            let shown = tradeoff::i18n::value(x, 6, lang);
            let want: f64 = format!("{x:.6}").parse().expect("Rust float text");
            prop_assert_eq!(parse_number(&shown, lang), Ok(want), "{}", shown);
            let fixed = tradeoff::i18n::num(x, decimals, lang);
            let want: f64 = format!("{x:.decimals$}").parse().expect("Rust float text");
            prop_assert_eq!(parse_number(&fixed, lang), Ok(want), "{}", fixed);
        }
    }

    #[test]
    fn thousands_separators_are_understood(n in 0u64..10_000_000_000, frac in 0u32..1000) {
        let whole = n as f64;
        let with_frac: f64 = format!("{n}.{frac:03}").parse().expect("float");
        prop_assert_eq!(parse_number(&grouped(n, ","), Lang::En), Ok(whole));
        prop_assert_eq!(
            parse_number(&format!("{}.{frac:03}", grouped(n, ",")), Lang::En),
            Ok(with_frac)
        );
        for sep in [" ", "\u{a0}", "\u{202f}"] {
            prop_assert_eq!(parse_number(&grouped(n, sep), Lang::Fr), Ok(whole));
            prop_assert_eq!(
                parse_number(&format!("{},{frac:03}", grouped(n, sep)), Lang::Fr),
                Ok(with_frac)
            );
            prop_assert_eq!(
                parse_number(&format!("{}.{frac:03}", grouped(n, sep)), Lang::En),
                Ok(with_frac)
            );
        }
    }

    #[test]
    fn ambiguous_text_is_refused(int in 1u32..1000, frac in 0u32..100_000, len in 1usize..6) {
        let frac = format!("{frac:05}")[..len].to_string();
        // English: a comma that is not followed by exactly three digits.
        if len != 3 {
            prop_assert_eq!(
                parse_number(&format!("{int},{frac}"), Lang::En),
                Err(NumberError::Ambiguous)
            );
        } else {
            // French: a point followed by exactly three digits.
            prop_assert_eq!(
                parse_number(&format!("{int}.{frac}"), Lang::Fr),
                Err(NumberError::Ambiguous)
            );
        }
    }
}

#[test]
fn the_issue_examples() {
    assert_eq!(parse_number("1,250", Lang::En), Ok(1250.0));
    assert_eq!(parse_number("1.5", Lang::En), Ok(1.5));
    assert_eq!(parse_number("1 250,5", Lang::Fr), Ok(1250.5));
    assert_eq!(parse_number("1\u{202f}250,5", Lang::Fr), Ok(1250.5));
    assert_eq!(parse_number("1\u{a0}250,5", Lang::Fr), Ok(1250.5));
    assert_eq!(parse_number("1,25", Lang::En), Err(NumberError::Ambiguous));
    assert_eq!(parse_number("1.250", Lang::Fr), Err(NumberError::Ambiguous));
}
