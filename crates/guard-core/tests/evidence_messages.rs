//! Every message key the evidence checks and the dispute assistant use (in the core and in
//! their content scripts) exists in all eight languages with the same placeholders, and every
//! message of extension/i18n/evidence is used. A missing key would show the shopper a raw key.

use std::collections::{BTreeMap, BTreeSet};

const LANGS: [&str; 8] = ["en", "fr", "ru", "es", "pt_BR", "de", "pl", "zh_CN"];
const PREFIXES: [&str; 4] = ["evidence", "dispute", "problem", "checklist"];
const SOURCES: [&str; 11] = [
    "crates/guard-core/src/wire/forms.rs",
    "crates/guard-core/src/rules/evidence/verdict.rs",
    "crates/guard-core/src/rules/evidence/mod.rs",
    "crates/guard-core/src/rules/evidence/checklist.rs",
    "crates/guard-core/src/rules/dispute_form.rs",
    "extension/content/evidence.js",
    "extension/content/dispute_form.js",
    "crates/guard-core/src/rules/evidence/limits.rs",
    "crates/guard-core/src/rules/evidence/format.rs",
    "crates/guard-core/src/rules/evidence/location.rs",
    "crates/guard-core/src/read/reading/file_inputs.rs",
];

/// Quoted words that look like message keys: a known prefix, then an upper-case letter.
fn keys_in(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, q) in text.char_indices().filter(|(_, c)| *c == '"' || *c == '\'') {
        let rest = &text[i + 1..];
        let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let closed = rest[word.len()..].starts_with(q);
        let keyish = PREFIXES.iter().any(|p| word.strip_prefix(p).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase())));
        if closed && keyish {
            out.insert(word);
        }
    }
    out
}

fn placeholders(message: &serde_json::Value) -> BTreeSet<String> {
    message.get("placeholders").and_then(|p| p.as_object()).map(|p| p.keys().cloned().collect()).unwrap_or_default()
}

#[test]
fn every_key_in_every_language() {
    let root = fixture_kit::repo_root();
    let mut used = BTreeSet::new();
    for s in SOURCES {
        used.extend(keys_in(&std::fs::read_to_string(root.join(s)).unwrap()));
    }
    assert!(used.len() > 50, "found only {} keys", used.len());
    let tables: BTreeMap<&str, serde_json::Map<String, serde_json::Value>> = LANGS
        .iter()
        .map(|l| {
            let text = std::fs::read_to_string(root.join(format!("extension/i18n/evidence/{l}.json"))).unwrap();
            (*l, serde_json::from_str(&text).unwrap())
        })
        .collect();
    let mut problems = vec![];
    for key in &used {
        for (lang, t) in &tables {
            match t.get(key) {
                None => problems.push(format!("{lang}: {key} missing")),
                Some(m) if placeholders(m) != placeholders(&tables["en"][key]) => problems.push(format!("{lang}: {key} placeholders differ")),
                Some(m) if m["message"].as_str().is_none_or(|s| s.trim().is_empty()) => problems.push(format!("{lang}: {key} empty")),
                _ => {}
            }
        }
    }
    for (lang, t) in &tables {
        for key in t.keys().filter(|k| !used.contains(*k)) {
            problems.push(format!("{lang}: {key} is never used"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
