//! The core's layers, checked on its sources: `wire` (what crosses between page and core) below
//! `read` (reading pages) below `rules` (the dispute's rules) below `toolbar` (the toolbar's
//! world), with the page path (`page_guard`), the misread-page report (`page_report`) and the
//! calls the extension makes (`api`, which the wasm exports) on top. A `crate::` path may point
//! to its own layer or lower, never higher; within a layer the modules use each other without a
//! circle; and `api` only exposes: no code of the core calls it. Code under `#[cfg(test)]` may
//! reach anywhere (a test plans a whole page).
//! docs/ARCHITECTURE.md draws the layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: [&str; 4] = ["wire", "read", "rules", "toolbar"];
const TOP: usize = LAYERS.len();

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The layer rank of a path's first segment under the crate: a layer, or the top.
fn rank(first: &str) -> usize {
    LAYERS.iter().position(|l| *l == first).unwrap_or(TOP)
}

fn layer_name(rank: usize) -> &'static str {
    LAYERS.get(rank).copied().unwrap_or("the top (api, page_guard, page_report, lib.rs)")
}

/// One `crate::` path in the code (not in tests): where it is and its first two segments.
struct Use {
    file: String,
    line: usize,
    first: String,
    second: Vec<String>,
}

/// A line without its `//` comment; `://` (an address in a string) is not one.
fn without_comment(line: &str) -> &str {
    let mut from = 0;
    while let Some(at) = line[from..].find("//").map(|i| i + from) {
        if !line[..at].ends_with(':') {
            return &line[..at];
        }
        from = at + 2;
    }
    line
}

/// The code lines of a file with the `#[cfg(test)]` items blanked out (`tests.rs` files are
/// test modules by the project's convention: `#[cfg(test)] mod tests;`).
fn code_lines(path: &Path, text: &str) -> Vec<String> {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut skipping = false;
    let mut depth = 0i32;
    let mut opened = false;
    for line in text.lines() {
        let code = without_comment(line);
        if !skipping && code.trim() == "#[cfg(test)]" {
            skipping = true;
            depth = 0;
            opened = false;
            out.push(String::new());
            continue;
        }
        if skipping {
            for c in code.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            // The item ends when its braces close, or at `;` for `mod tests;`.
            if (opened && depth <= 0) || (!opened && code.trim_end().ends_with(';')) {
                skipping = false;
            }
            out.push(String::new());
            continue;
        }
        out.push(code.to_string());
    }
    out
}

fn uses() -> Vec<Use> {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let rel = f.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        for (i, line) in code_lines(&f, &text).iter().enumerate() {
            let mut rest = line.as_str();
            while let Some(at) = rest.find("crate::") {
                let after = &rest[at + "crate::".len()..];
                let first: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                let tail = &after[first.len()..];
                let mut second = Vec::new();
                if let Some(t) = tail.strip_prefix("::") {
                    if let Some(group) = t.strip_prefix('{') {
                        let inner = group.split('}').next().unwrap_or("");
                        second.extend(inner.split(',').map(|s| s.trim().split("::").next().unwrap_or("").to_string()));
                    } else {
                        second.push(t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
                    }
                }
                second.retain(|s| !s.is_empty() && s != "self");
                out.push(Use { file: rel.clone(), line: i + 1, first, second });
                rest = after;
            }
        }
    }
    out
}

/// The file's layer and its module within the layer ("rules/evidence/limits.rs" → rules, evidence).
fn place(file: &str) -> (usize, String) {
    let mut parts = file.split('/');
    let first = parts.next().unwrap().trim_end_matches(".rs");
    let module = parts.next().unwrap_or("mod.rs").trim_end_matches(".rs").to_string();
    (rank(first), module)
}

#[test]
fn every_crate_path_points_to_its_own_layer_or_lower() {
    let mut wrong = Vec::new();
    for u in uses() {
        let (from, _) = place(&u.file);
        let to = rank(&u.first);
        if to > from {
            wrong.push(format!(
                "src/{}:{}: crate::{} is in {}, above {}: {} may use only {}",
                u.file,
                u.line,
                u.first,
                layer_name(to),
                layer_name(from),
                layer_name(from),
                (0..=from).map(layer_name).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    assert!(wrong.is_empty(), "imports pointing up a layer (move the thing down, or the code up):\n{}", wrong.join("\n"));
}

#[test]
fn the_api_only_exposes() {
    let callers: Vec<String> = uses().into_iter().filter(|u| u.first == "api" && u.file != "api.rs").map(|u| format!("src/{}:{}", u.file, u.line)).collect();
    assert!(callers.is_empty(), "code of the core calling crate::api (call the module that does the work; api is for the wasm):\n{}", callers.join("\n"));
}

#[test]
fn modules_within_a_layer_use_each_other_without_a_circle() {
    let mut graph: BTreeMap<(usize, String), BTreeSet<String>> = BTreeMap::new();
    for u in uses() {
        let (from, module) = place(&u.file);
        if from == TOP || rank(&u.first) != from {
            continue;
        }
        for target in &u.second {
            if *target != module {
                graph.entry((from, module.clone())).or_default().insert(target.clone());
            }
        }
    }
    let mut circles = Vec::new();
    for (layer, start) in graph.keys() {
        // Depth-first from each module: a path back to it is a circle.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in graph.get(&(*layer, at.clone())).into_iter().flatten() {
                if next == start {
                    circles.push(format!("{}: {} → {}", LAYERS[*layer], path.join(" → "), start));
                } else if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    assert!(circles.is_empty(), "modules of a layer in a circle (move what both need into a module below both):\n{}", circles.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_path_and_skips_tests() {
    let text = "use crate::rules::settings::Settings;\n#[cfg(test)]\nmod tests {\n    use crate::page_guard::plan_page;\n}\nfn f() { crate::toolbar::x(); }\n";
    let lines = code_lines(Path::new("read/x.rs"), text);
    assert!(lines[0].contains("crate::rules"));
    assert!(lines[3].is_empty(), "a test module's paths are not checked");
    assert!(lines[5].contains("crate::toolbar"), "code after the test module is checked again");
    assert!(rank("rules") > place("read/x.rs").0);
    assert_eq!(place("wire/page_plan.rs"), (0, "page_plan".to_string()));
    assert_eq!(place("page_guard.rs").0, TOP);
    let text = "#[cfg(test)]\nmod tests {\n    for url in [\"https://a.example/\"] {\n    }\n    use crate::api::x;\n}\nfn g() {}\n";
    let lines = code_lines(Path::new("read/x.rs"), text);
    assert!(lines[4].is_empty(), "an address in a test's string does not end the test module");
    assert_eq!(without_comment("let a = 1; // crate::toolbar"), "let a = 1; ");
}
