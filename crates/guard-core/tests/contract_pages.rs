//! The contract pages (tests/fixtures/contract) are named by what they show, in a folder per page
//! kind: `<kind>/<kind>-<layout>-<lang>-<what it shows>.html` with `<name>.json` beside it
//! (`contradictory-` before the kind when the page's own signals disagree; aliexpress.ru's
//! layout may leave its language out). The folder and the layout in the name agree with what the
//! core makes of the page's address, and the language with the page's `<html lang>`, so a page
//! filed under the wrong kind, or named by anything else (the round it was written in), fails.
use guard_core::read::page_kind::classify;
use guard_core::wire::page_context::{Layout, PageKind};
use serde_json::Value;

const KINDS: &[&str] = &["list", "detail", "dispute", "tracking", "other"];
const LANGS: &[&str] = &["en", "de", "es", "fr", "pl", "pt", "ru", "zh"];

fn kind_of(kind: PageKind) -> &'static str {
    match kind {
        PageKind::OrderList => "list",
        PageKind::OrderDetail => "detail",
        PageKind::DisputeStart | PageKind::DisputeDetail => "dispute",
        PageKind::Tracking => "tracking",
        PageKind::Other => "other",
    }
}

fn layout_of(layout: Layout) -> &'static str {
    match layout {
        Layout::Current => "current",
        Layout::Mobile => "mobile",
        Layout::Legacy => "legacy",
        Layout::Ru => "ru",
    }
}

#[test]
fn every_contract_page_sits_in_its_kinds_folder_named_for_what_it_shows() {
    let dir = fixture_kit::fixtures_dir().join("contract");
    let mut problems = vec![];
    // At the top: the two documents only.
    for e in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().to_string();
        if e.path().is_file() && !["README.md", "UNSEEN-WORDINGS.md"].contains(&name.as_str()) {
            problems.push(format!("{name}: a page goes in its kind's folder ({})", KINDS.join(", ")));
        }
    }
    let pages = fixture_kit::contract_pages();
    let mut seen = std::collections::BTreeSet::new();
    for p in &pages {
        let id = p.id();
        if !seen.insert(p.name.clone()) {
            problems.push(format!("{id}: another folder has a page of this name"));
        }
        if p.kind.is_empty() {
            continue; // said above
        }
        if !KINDS.contains(&p.kind.as_str()) {
            problems.push(format!("{id}: {} is not a page kind ({})", p.kind, KINDS.join(", ")));
            continue;
        }
        let Ok(spec) = std::fs::read_to_string(&p.json) else {
            problems.push(format!("{id}: no {}.json beside it", p.name));
            continue;
        };
        let spec: Value = serde_json::from_str(&spec).unwrap_or_else(|e| panic!("{id}.json: {e}"));
        let url = spec["url"].as_str().unwrap_or_default();
        let (kind, layout) = classify(url);
        if kind_of(kind) != p.kind {
            problems.push(format!("{id}: its address {url} is a {} page", kind_of(kind)));
        }
        let rest = p.name.strip_prefix("contradictory-").unwrap_or(&p.name);
        let Some(rest) = rest.strip_prefix(&format!("{}-", p.kind)) else {
            problems.push(format!("{id}: the name starts with its kind ({}-…)", p.kind));
            continue;
        };
        if p.kind == "other" {
            continue;
        }
        let mut parts = rest.split('-');
        let (named_layout, lang) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
        if named_layout != layout_of(layout) {
            problems.push(format!("{id}: the name says layout {named_layout}, its address {url} is {}", layout_of(layout)));
        }
        if layout == Layout::Ru {
            continue;
        }
        if !LANGS.contains(&lang) {
            problems.push(format!("{id}: the name says no language after the layout ({})", LANGS.join(", ")));
        }
        let html = std::fs::read_to_string(&p.html).unwrap();
        let page_lang = html.split_once("<html").and_then(|(_, t)| t.split_once('>')).map(|(tag, _)| tag).and_then(|tag| {
            let at = tag.find("lang=\"")? + 6;
            tag[at..].split(['"', '-', '_']).next().map(str::to_lowercase)
        });
        if let Some(page_lang) = page_lang.filter(|l| !l.is_empty()) {
            if page_lang != lang {
                problems.push(format!("{id}: the name says {lang}, the page's <html lang> {page_lang}"));
            }
        }
    }
    assert!(pages.len() > 100, "{} contract pages found in {}", pages.len(), dir.display());
    assert!(problems.is_empty(), "{} of {} contract pages:\n{}", problems.len(), pages.len(), problems.join("\n"));
}
