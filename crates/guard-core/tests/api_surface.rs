//! One API surface: `guard_core::api` lists every call the extension makes; the wasm
//! (crates/guard-web) exports exactly those under the same names, reaches the core through
//! `api` only, and exports nothing the extension does not call. Checked on the sources: the
//! wasm's exports are its `#[wasm_bindgen] pub fn`s, the calls are `core.<name>(` in the
//! extension's JavaScript (`core` is what extension/sw/core.js hands out).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The name of a `pub fn` a line declares.
fn pub_fn(line: &str) -> Option<String> {
    let rest = line.strip_prefix("pub fn ")?;
    Some(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect())
}

/// The calls `api` lists: its top-level `pub fn`s.
fn api_calls() -> BTreeSet<String> {
    read(&repo().join("crates/guard-core/src/api.rs")).lines().filter_map(pub_fn).collect()
}

/// The wasm's exports: (shipped, test build only), from the attributes above each `pub fn`.
fn wasm_exports() -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut shipped, mut test_only) = (BTreeSet::new(), BTreeSet::new());
    let (mut bound, mut test) = (false, false);
    for line in read(&repo().join("crates/guard-web/src/lib.rs")).lines() {
        let l = line.trim();
        if l == "#[wasm_bindgen]" {
            bound = true;
        } else if l == r#"#[cfg(feature = "test-hooks")]"# {
            test = true;
        } else if let Some(name) = pub_fn(l).or_else(|| l.strip_prefix("fn ").map(|_| String::new())) {
            if bound && !name.is_empty() {
                let list = if test { &mut test_only } else { &mut shipped };
                list.insert(name);
            }
            (bound, test) = (false, false);
        } else if !l.starts_with("#[") && !l.starts_with("///") {
            (bound, test) = (false, false);
        }
    }
    (shipped, test_only)
}

fn js_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "node_modules") {
                js_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "js" || x == "mjs") {
            out.push(p);
        }
    }
}

/// The core's calls the JavaScript under `dir` makes: `core.<name>(`, `getCore()).<name>(`.
fn calls_in(dir: &str) -> BTreeSet<String> {
    let mut files = Vec::new();
    js_files(&repo().join(dir), &mut files);
    let mut out = BTreeSet::new();
    for f in files {
        let text = read(&f);
        for via in ["core.", "getCore())."] {
            for (at, _) in text.match_indices(via) {
                if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + via.len()..];
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if rest[name.len()..].starts_with('(') {
                    out.insert(name);
                }
            }
        }
    }
    out
}

/// The wasm's own exports, not calls of the core: who hears of a panic (extension/sw/core.js).
const WASM_OWN: [&str; 1] = ["set_panic_listener"];

#[test]
fn the_wasm_exports_the_api_and_nothing_else() {
    let (shipped, _) = wasm_exports();
    let own: BTreeSet<String> = WASM_OWN.iter().map(|s| s.to_string()).collect();
    let api = api_calls();
    let exported: BTreeSet<String> = shipped.difference(&own).cloned().collect();
    assert_eq!(exported, api, "the shipped wasm's exports (crates/guard-web) and guard_core::api's calls differ");
}

#[test]
fn the_wasm_reaches_the_core_through_the_api_only() {
    let web = read(&repo().join("crates/guard-web/src/lib.rs"));
    let other: Vec<&str> = web.lines().filter(|l| l.contains("guard_core::") && !l.contains("guard_core::api")).collect();
    assert!(other.is_empty(), "crates/guard-web uses the core outside guard_core::api:\n{}", other.join("\n"));
}

#[test]
fn the_extension_calls_every_export_and_only_exports() {
    let (shipped, test_only) = wasm_exports();
    let extension = calls_in("extension");
    let tests = calls_in("tests");
    let core_js = read(&repo().join("extension/sw/core.js"));
    let used = |n: &String| extension.contains(n) || (WASM_OWN.contains(&n.as_str()) && core_js.contains(&format!("wasm.{n}(")));
    let unused: Vec<&String> = shipped.iter().filter(|n| !used(n)).collect();
    assert!(unused.is_empty(), "exported but never called by the extension (remove them, or move them behind test-hooks): {unused:?}");
    let unused_tests: Vec<&String> = test_only.iter().filter(|n| !tests.contains(*n)).collect();
    assert!(unused_tests.is_empty(), "test-hooks exports no test calls: {unused_tests:?}");
    let missing: Vec<&String> = extension.iter().filter(|n| !shipped.contains(*n)).collect();
    assert!(missing.is_empty(), "the extension calls what the wasm does not export: {missing:?}");
    let missing: Vec<&String> = tests.iter().filter(|n| !shipped.contains(*n) && !test_only.contains(*n)).collect();
    assert!(missing.is_empty(), "the tests call what the test build's wasm does not export: {missing:?}");
}

#[test]
fn the_checker_reads_exports_and_calls() {
    assert_eq!(pub_fn("pub fn popup(memory: &str) -> String {"), Some("popup".into()));
    let (shipped, test_only) = wasm_exports();
    assert!(shipped.contains("popup") && shipped.contains("set_panic_listener") && !shipped.contains("panic_for_tests"));
    assert!(test_only.contains("panic_for_tests"));
    assert!(calls_in("extension").contains("toolbar_tick"));
}
