//! Every message key the core puts in a plan (and the guard script asks for) exists in all eight
//! languages of its feature, with the same placeholders as the English text: a shopper never
//! sees a bare key or a sentence missing its date.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const LANGS: [&str; 8] = ["en", "fr", "ru", "es", "pt_BR", "de", "pl", "zh_CN"];
/// The features whose messages this test owns, and the key prefixes that belong to them.
const FEATURES: [(&str, &[&str]); 2] = [("guard", &["guard"]), ("dispute_path", &["reason", "path"])];

fn root() -> std::path::PathBuf {
    fixture_kit::repo_root()
}

fn messages(feature: &str, lang: &str) -> serde_json::Map<String, Value> {
    let p = root().join("extension/i18n").join(feature).join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    match serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display())) {
        Value::Object(m) => m,
        _ => panic!("{} is not an object", p.display()),
    }
}

/// String literals that look like one of our message keys: `"guardX…"`, `"reasonX…"`, `"pathX…"`
/// (or in single quotes, in JavaScript). Quotes are not paired up: comments have apostrophes.
fn keys_in(text: &str, prefixes: &[&str], quote: char) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices(quote) {
        let rest = &text[i + 1..];
        let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let closed = rest[word.len()..].starts_with(quote);
        let is_key = prefixes.iter().any(|p| word.len() > p.len() && word.starts_with(p) && word[p.len()..].starts_with(|c: char| c.is_ascii_uppercase()));
        if closed && is_key {
            out.insert(word);
        }
    }
    out
}

fn rust_sources(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(std::fs::read_to_string(&p).unwrap());
        }
    }
}

fn placeholders(m: &Value) -> BTreeSet<String> {
    let text = m["message"].as_str().unwrap_or("");
    text.split('$').skip(1).step_by(2).map(|s| s.to_ascii_lowercase()).collect()
}

#[test]
fn every_key_the_core_emits_is_translated() {
    let mut sources = vec![];
    rust_sources(&root().join("crates/guard-core/src"), &mut sources);
    let js = ["extension/content/guard.js", "extension/content/ui.js"].iter().map(|f| std::fs::read_to_string(root().join(f)).unwrap()).collect::<Vec<_>>();
    let mut failures = vec![];
    for (feature, prefixes) in FEATURES {
        let mut used = BTreeSet::new();
        for s in &sources {
            used.extend(keys_in(s, prefixes, '"'));
        }
        for s in &js {
            used.extend(keys_in(s, prefixes, '\''));
        }
        assert!(used.len() > 10, "{feature}: found only {used:?}");
        let en = messages(feature, "en");
        for lang in LANGS {
            let m = messages(feature, lang);
            for k in &used {
                match (m.get(k), en.get(k)) {
                    (None, _) => failures.push(format!("{feature}/{lang}.json lacks {k}")),
                    (Some(v), Some(e)) if placeholders(v) != placeholders(e) => {
                        failures.push(format!("{feature}/{lang}.json {k}: placeholders {:?}, English has {:?}", placeholders(v), placeholders(e)))
                    }
                    (Some(v), _) => {
                        let declared: BTreeSet<String> =
                            v.get("placeholders").and_then(Value::as_object).map(|p| p.keys().cloned().collect()).unwrap_or_default();
                        if declared != placeholders(v) {
                            failures.push(format!("{feature}/{lang}.json {k}: uses {:?}, declares {declared:?}", placeholders(v)));
                        }
                    }
                }
            }
            // No stale keys either: every key in the file is one the code uses.
            for k in m.keys() {
                if !used.contains(k) {
                    failures.push(format!("{feature}/{lang}.json has {k}, which nothing uses"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
