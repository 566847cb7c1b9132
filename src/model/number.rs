//! Numbers typed by people, read in the interface language.
//!
//! The rule (the same for every GUI field, the CLI and tests):
//!
//! - English: the decimal mark is a point. A comma only separates thousands:
//!   "1,250" is 1250 and "1,250.5" is 1250.5, but "1,25" and "0,5" are
//!   refused, because they read as decimals to half the world.
//! - French: the decimal mark is a comma ("1 250,5" is 1250.5). A point is
//!   accepted as the decimal mark only where it cannot be a thousands
//!   separator: "1.5" is 1.5, but "1.250" (1.25 or 1250?) is refused, and so
//!   is a point together with a comma.
//! - In both languages a space, a no-break space (U+00A0) or a narrow
//!   no-break space (U+202F) separates thousands.
//! - Thousands separators sit only in the integer part, between a first
//!   group of one to three digits and groups of exactly three digits; one
//!   kind of separator per number.
//! - A sign (+, - or the minus sign U+2212) may lead; an exponent (1e-3) may
//!   follow. Empty text, NaN and infinities are refused.
//!
//! Anything else is an error; a typed number is never stored as another one.

use super::Lang;

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all (letters, empty, infinite, misplaced marks).
    NotANumber,
    /// Could be read as two different numbers (e.g. "1,25" in English).
    Ambiguous,
}

/// Parses `text` as a number written in `lang` (rule in the module docs).
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, NumberError> {
    let text = text.trim();
    let (negative, body) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(k) => (&body[..k], Some(&body[k + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = split_decimal(mantissa, lang)?;
    let digits = group_digits(int_part)?;
    if !frac_part.is_empty() && !frac_part.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    if digits.is_empty() && frac_part.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let mut plain = String::with_capacity(text.len());
    if negative {
        plain.push('-');
    }
    plain.push_str(if digits.is_empty() { "0" } else { &digits });
    if !frac_part.is_empty() {
        plain.push('.');
        plain.push_str(frac_part);
    }
    if let Some(exp) = exponent {
        let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NumberError::NotANumber);
        }
        plain.push('e');
        plain.push_str(exp);
    }
    match plain.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(NumberError::NotANumber),
    }
}

/// Splits the mantissa at its decimal mark: (integer part with any
/// separators, fraction digits).
fn split_decimal(mantissa: &str, lang: Lang) -> Result<(&str, &str), NumberError> {
    let commas = mantissa.matches(',').count();
    let points = mantissa.matches('.').count();
    match lang {
        Lang::En => match mantissa.split_once('.') {
            _ if points > 1 => Err(NumberError::NotANumber),
            // A comma after the point is not a thousands separator.
            Some((_, frac)) if frac.contains(',') => Err(NumberError::NotANumber),
            Some((int, frac)) => Ok((int, frac)),
            None => Ok((mantissa, "")),
        },
        Lang::Fr => {
            if commas > 1 {
                return Err(NumberError::NotANumber);
            }
            if points > 0 {
                if commas > 0 || points > 1 {
                    return Err(NumberError::Ambiguous);
                }
                let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
                // "1.250" may be 1.25 or 1250: a point followed by exactly
                // three digits reads as a thousands separator elsewhere.
                if frac.len() == 3 && !int.is_empty() {
                    return Err(NumberError::Ambiguous);
                }
                return Ok((int, frac));
            }
            Ok(mantissa.split_once(',').unwrap_or((mantissa, "")))
        }
    }
}

/// The digits of an integer part, checking its thousands separators.
fn group_digits(int: &str) -> Result<String, NumberError> {
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let is_sep = |c: char| is_space(c) || c == ',';
    if !int.chars().any(is_sep) {
        return if int.chars().all(|c| c.is_ascii_digit()) {
            Ok(int.to_string())
        } else {
            Err(NumberError::NotANumber)
        };
    }
    // One kind of separator: spaces (of any width) or commas.
    let commas = int.contains(',');
    if commas && int.chars().any(is_space) {
        return Err(NumberError::NotANumber);
    }
    let groups: Vec<&str> = int.split(is_sep).collect();
    let bad_group = |g: &&str| g.is_empty() || !g.chars().all(|c| c.is_ascii_digit());
    if groups.iter().any(bad_group) {
        return Err(NumberError::NotANumber);
    }
    let (first, rest) = groups.split_first().ok_or(NumberError::NotANumber)?;
    if first.len() > 3 || rest.iter().any(|g| g.len() != 3) {
        // "1,25" or "12,5": a comma that cannot be a thousands separator.
        return Err(if commas {
            NumberError::Ambiguous
        } else {
            NumberError::NotANumber
        });
    }
    Ok(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Fr};

    #[test]
    fn english_reads_commas_as_thousands_only() {
        assert_eq!(parse_number("1,250", En), Ok(1250.0));
        assert_eq!(parse_number("1.5", En), Ok(1.5));
        assert_eq!(parse_number("1,250.5", En), Ok(1250.5));
        assert_eq!(parse_number("12,345,678", En), Ok(12_345_678.0));
        assert_eq!(parse_number("1 200.5", En), Ok(1200.5));
        assert_eq!(parse_number("1,25", En), Err(NumberError::Ambiguous));
        assert_eq!(parse_number("0,5", En), Err(NumberError::Ambiguous));
        assert_eq!(parse_number("1,2345", En), Err(NumberError::Ambiguous));
        assert_eq!(parse_number("1.250,5", En), Err(NumberError::NotANumber));
        assert_eq!(parse_number(",250", En), Err(NumberError::NotANumber));
    }

    #[test]
    fn french_reads_commas_as_decimals_and_spaces_as_thousands() {
        assert_eq!(parse_number("1 250,5", Fr), Ok(1250.5));
        assert_eq!(parse_number("1\u{202f}250,5", Fr), Ok(1250.5));
        assert_eq!(parse_number("1\u{a0}250", Fr), Ok(1250.0));
        assert_eq!(parse_number(" 0,5 ", Fr), Ok(0.5));
        assert_eq!(parse_number("−3,25", Fr), Ok(-3.25));
        assert_eq!(parse_number("1.5", Fr), Ok(1.5));
        assert_eq!(parse_number("1.250", Fr), Err(NumberError::Ambiguous));
        assert_eq!(parse_number("1.250,5", Fr), Err(NumberError::Ambiguous));
        assert_eq!(parse_number("1 25,5", Fr), Err(NumberError::NotANumber));
        assert_eq!(parse_number("1,2,3", Fr), Err(NumberError::NotANumber));
    }

    #[test]
    fn non_numbers_are_refused_in_both_languages() {
        for lang in [En, Fr] {
            for text in [
                "", "abc", "inf", "NaN", "-", "1e", "1e999", "1..2", "1 ,5", "٣",
            ] {
                assert!(parse_number(text, lang).is_err(), "{text:?} in {lang:?}");
            }
            assert_eq!(parse_number("2e-3", lang), Ok(0.002));
            assert_eq!(parse_number("+7", lang), Ok(7.0));
            assert_eq!(parse_number("-0", lang), Ok(-0.0));
        }
    }
}
