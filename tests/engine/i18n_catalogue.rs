//! The translation catalogue is complete: every key has English and French,
//! every key is used in the code, and every key the code asks for exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// key -> (language -> text), read from assets/locales/*.yml (`_version: 2`).
fn catalogue() -> BTreeMap<String, BTreeMap<String, String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
    let mut keys: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("assets/locales exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no catalogue files in {}", dir.display());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("catalogue is UTF-8");
        let mut current: Option<String> = None;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if !line.starts_with(' ') {
                let key = line.trim_end().trim_end_matches(':').to_string();
                if key.starts_with("_version") {
                    current = None;
                    continue;
                }
                assert!(
                    !keys.contains_key(&key),
                    "{}:{}: key {key} defined twice",
                    file.display(),
                    n + 1
                );
                keys.insert(key.clone(), BTreeMap::new());
                current = Some(key);
            } else if let Some(key) = &current {
                let (lang, value) = line.trim().split_once(':').unwrap_or_else(|| {
                    panic!("{}:{}: expected `lang: text`", file.display(), n + 1)
                });
                let value = value.trim().trim_matches('"').to_string();
                keys.get_mut(key)
                    .expect("current key inserted")
                    .insert(lang.trim().to_string(), value);
            }
        }
    }
    keys
}

fn source_text() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("src readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).expect("source is UTF-8"));
                out.push('\n');
            }
        }
    }
    let mut out = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_key_has_english_and_french() {
    let missing: Vec<String> = catalogue()
        .into_iter()
        .filter(|(_, langs)| {
            ["en", "fr"]
                .iter()
                .any(|l| langs.get(*l).is_none_or(|t| t.trim().is_empty()))
        })
        .map(|(k, langs)| format!("{k} (has {:?})", langs.keys().collect::<Vec<_>>()))
        .collect();
    assert!(missing.is_empty(), "keys missing a language: {missing:#?}");
}

#[test]
fn every_key_is_used_in_the_code() {
    let src = source_text();
    let unused: Vec<String> = catalogue()
        .into_keys()
        .filter(|k| !src.contains(&format!("\"{k}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "catalogue keys never used in src/: {unused:#?}"
    );
}

#[test]
fn every_key_the_code_asks_for_exists() {
    let keys: BTreeSet<String> = catalogue().into_keys().collect();
    let src = source_text();
    let mut asked = BTreeSet::new();
    // Direct lookups: tr!(lang, "key" ...).
    for chunk in src.split("tr!(").skip(1) {
        if let Some(start) = chunk.find('"') {
            let head = &chunk[..start];
            if head.contains(')') || head.contains(';') || !head.contains(',') {
                continue;
            }
            let rest = &chunk[start + 1..];
            if let Some(end) = rest.find('"') {
                asked.insert(rest[..end].to_string());
            }
        }
    }
    assert!(!asked.is_empty(), "found no tr! lookups at all");
    let missing: Vec<&String> = asked.iter().filter(|k| !keys.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "tr! keys missing from the catalogue: {missing:#?}"
    );
}

#[test]
fn french_differs_from_english_for_sentences() {
    // A French "translation" that repeats the English is a missed translation.
    // Short labels (names, codes, units) may legitimately coincide.
    let same: Vec<String> = catalogue()
        .into_iter()
        .filter(|(_, l)| {
            let (en, fr) = (l.get("en"), l.get("fr"));
            matches!((en, fr), (Some(en), Some(fr)) if en == fr && en.split_whitespace().count() >= 4)
        })
        .map(|(k, _)| k)
        .collect();
    assert!(same.is_empty(), "untranslated French: {same:#?}");
}
