//! The contract pages read natively, for measuring quickly what the end-to-end contract test
//! (tests/e2e/contract.test.js, the real check) will say:
//! `cargo run -q -p guard-core --example contract_pages -- [DIR] [-v]` reads every `<name>.html`
//! in the folders of DIR (default tests/fixtures/contract: a folder per page kind) the way the
//! content script would on load, and compares the orders' `data-dg-*` marks, guards and
//! highlights with `<name>.json`. Pages that
//! build themselves with scripts cannot be read without a browser: they are counted apart.
//! Prints each page that differs and the share of orders read right.
use guard_core::wire::page_plan::Op;
use serde_json::Value;
use std::collections::BTreeMap;

const KEYS: &[&str] = &["status", "placed", "shipped", "completed", "protection-ends", "dispute", "dispute-opens", "dispute-closes"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir =
        args.iter().find(|a| !a.starts_with('-')).map(std::path::PathBuf::from).unwrap_or_else(|| fixture_kit::repo_root().join("tests/fixtures/contract"));
    let today = chrono::Local::now().date_naive();
    let (mut pages_ok, mut pages, mut scripted, mut orders_ok, mut orders) = (0, 0, 0, 0, 0);
    for page in fixture_kit::contract_pages_in(&dir) {
        let name = page.id();
        let template = std::fs::read_to_string(&page.html).unwrap();
        let Ok(spec_text) = std::fs::read_to_string(&page.json) else { continue };
        let spec: Value =
            match fixture_kit::render(&spec_text, today).map_err(|e| e.to_string()).and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string())) {
                Ok(v) => v,
                Err(e) => {
                    println!("BAD  {name}: {e}");
                    continue;
                }
            };
        if spec.get("picks").is_some() && spec.get("orders").is_none() {
            continue; // evidence picks need a browser
        }
        let html = match fixture_kit::render(&template, today) {
            Ok(h) => h,
            Err(e) => {
                println!("BAD  {name}: {e}");
                continue;
            }
        };
        let url = spec["url"].as_str().unwrap_or("https://www.aliexpress.com/p/order/index.html");
        // Pages with scripts are read as served (their scripts may only log clicks); one that
        // differs is reported apart, since its script may build what the browser would read.
        let script = html.contains("<script") || spec.get("click").is_some();
        pages += 1;
        let snap = guard_core::wire::snapshot::Snapshot::from_json(&fixture_kit::snapshot_html(&html, url).to_string()).expect("snapshot");
        let plan = guard_core::page_guard::plan_page(&snap, &guard_core::rules::settings::Settings::default(), today.and_hms_opt(12, 0, 0).unwrap());
        let mut got: Vec<BTreeMap<String, String>> = vec![];
        let mut guards = 0;
        let mut highlights: BTreeMap<String, u64> = BTreeMap::new();
        for op in &plan.ops {
            match op {
                Op::Mark { attrs, .. } if attrs.contains_key("data-dg-order") => {
                    got.push(attrs.iter().map(|(k, v)| (k.trim_start_matches("data-dg-").to_string(), v.clone())).collect())
                }
                Op::Mark { attrs, .. } => {
                    if let Some(h) = attrs.get("data-dg-highlight") {
                        *highlights.entry(h.clone()).or_default() += 1;
                    }
                }
                Op::Guard { guard, .. } if guard.kind == "confirm-receipt" => guards += 1,
                _ => {}
            }
        }
        let mut problems = vec![];
        let want_orders = spec["orders"].as_array().cloned().unwrap_or_default();
        let ids: Vec<&str> = got.iter().filter_map(|o| o.get("order").map(String::as_str)).collect();
        let want_ids: Vec<&str> = want_orders.iter().filter_map(|o| o["order"].as_str()).collect();
        if spec.get("orders").is_some() && ids != want_ids {
            problems.push(format!("orders marked {ids:?}, expected {want_ids:?}"));
        }
        let mut page_orders_ok = 0;
        for want in &want_orders {
            orders += 1;
            let id = want["order"].as_str().unwrap_or("");
            let o = got.iter().find(|o| o.get("order").map(String::as_str) == Some(id));
            let mut right = o.is_some();
            for k in KEYS {
                let Some(w) = want.get(*k) else { continue };
                let g = o.and_then(|o| o.get(*k)).map(|s| Value::String(s.clone())).unwrap_or(Value::Null);
                if *w != g {
                    right = false;
                    problems.push(format!("{id} {k}: expected {w}, got {g}"));
                }
            }
            if right {
                page_orders_ok += 1;
            }
        }
        if let Some(g) = spec.get("guards").and_then(Value::as_u64) {
            if g != guards {
                problems.push(format!("guards: expected {g}, got {guards}"));
            }
        }
        if let Some(h) = spec.get("highlights").and_then(Value::as_object) {
            for (k, v) in h {
                let n = highlights.get(k).copied().unwrap_or(0);
                if v.as_u64() != Some(n) {
                    problems.push(format!("highlight {k}: expected {v}, got {n}"));
                }
            }
        }
        if !script || problems.is_empty() {
            orders_ok += page_orders_ok;
        }
        if problems.is_empty() {
            pages_ok += 1;
            if verbose {
                println!("ok   {name}");
            }
        } else if script {
            scripted += 1;
            pages -= 1;
            orders -= want_orders.len();
            if verbose {
                println!("SCRIPTED {name}: {}", problems.join("; "));
            }
        } else {
            println!("DIFF {name}\n       {}", problems.join("\n       "));
            if verbose {
                println!("       notes: {:?}", plan.notes);
            }
        }
    }
    println!("{pages_ok} of {pages} pages right ({scripted} built by scripts: browser only); {orders_ok} of {orders} orders read right");
}
