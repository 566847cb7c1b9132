//! Bilingual text fields (English with an optional French version).

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A language of the interface and of scenario text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The ISO 639-1 code used by the translation catalogue ("en", "fr").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Parses "en"/"fr" (also "en_CA.UTF-8"-style locale strings).
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A piece of scenario text with an English version and an optional French one.
///
/// In a RON file it is written either as a plain string (English only) or as
/// `(en: "Risk", fr: "Risque")`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Text {
    /// English text (the reference language of a scenario).
    pub en: String,
    /// French text, when the author provided one.
    pub fr: Option<String>,
}

impl Text {
    /// English-only text.
    pub fn new(en: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            fr: None,
        }
    }

    /// Text in both languages.
    pub fn bilingual(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            fr: Some(fr.into()),
        }
    }

    /// The text in `lang`, falling back to the other language when missing.
    pub fn get(&self, lang: Lang) -> &str {
        self.get_with_fallback(lang).0
    }

    /// The text in `lang`, and whether it fell back to the other language.
    pub fn get_with_fallback(&self, lang: Lang) -> (&str, bool) {
        match lang {
            Lang::En if !self.en.is_empty() => (&self.en, false),
            Lang::En => match &self.fr {
                Some(fr) if !fr.is_empty() => (fr, true),
                _ => (&self.en, false),
            },
            Lang::Fr => match &self.fr {
                Some(fr) if !fr.is_empty() => (fr, false),
                _ => (&self.en, !self.en.is_empty()),
            },
        }
    }

    /// Replaces the text in one language, keeping the other.
    pub fn set(&mut self, lang: Lang, value: String) {
        match lang {
            Lang::En => self.en = value,
            Lang::Fr => self.fr = Some(value),
        }
    }

    /// True when neither language has any text.
    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.fr.as_deref().is_none_or(str::is_empty)
    }
}

impl From<&str> for Text {
    fn from(value: &str) -> Self {
        Text::new(value)
    }
}

impl From<String> for Text {
    fn from(value: String) -> Self {
        Text::new(value)
    }
}

#[derive(Serialize)]
struct BilingualRepr<'a> {
    en: &'a str,
    fr: &'a str,
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.fr {
            None => serializer.serialize_str(&self.en),
            Some(fr) => BilingualRepr { en: &self.en, fr }.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or (en: \"...\", fr: \"...\")")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::new(v))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::new(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut en: Option<String> = None;
                let mut fr: Option<String> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "en" => en = Some(map.next_value()?),
                        "fr" => fr = Some(map.next_value()?),
                        other => return Err(de::Error::unknown_field(other, &["en", "fr"])),
                    }
                }
                Ok(Text {
                    en: en.unwrap_or_default(),
                    fr,
                })
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}
