//! Every fixture page in tests/fixtures/pages is read by the core exactly as the extension
//! would read it, and the result is compared with the page's `.expected.json`:
//!
//! ```json
//! { "kind": "order-list", "layout": "current", "lang": "en",
//!   "orders": [ { …every field the core must read, nothing more… } ],
//!   "dg": { "<order id>": { "data-dg-status": "shipped", … the root's complete dg attributes } },
//!   "guarded": ["Confirm received", …],            // texts of controls given a guard, in page order
//!   "highlighted": [["Returns/refunds", "open-dispute"], …],
//!   // dispute pages (optional keys, compared when present):
//!   "evidence": [ { "input": "<name or id>", "drop_zone": true, "rules": { …UploadRules } } ],
//!   "assistant": { "order_id", "description", "amount", "paid", "choices", "problem" },
//!   "busy": 0 }                                     // "system busy" notices shown
//! ```
//!
//! Snapshots are written to target/dg-fixtures/ so the end-to-end suite can check that the
//! content script, on the live page, produces the same snapshot.

use chrono::{Local, NaiveDate};
use guard_core::page_guard::plan_page;
use guard_core::rules::settings::Settings;
use guard_core::wire::page_plan::{Op, Plan};
use guard_core::wire::snapshot::{Payload, Snapshot};
use serde_json::{json, Value};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn text_of(snap: &Snapshot, node: usize) -> String {
    let tree = guard_core::wire::page_tree::PageTree::new(snap);
    tree.text(node)
}

/// The outcome of reading a fixture, in the shape of its expected JSON.
fn outcome(snap: &Snapshot, plan: &Plan) -> Value {
    let mut dg = serde_json::Map::new();
    let mut guarded = vec![];
    let mut highlighted = vec![];
    let tree = guard_core::wire::page_tree::PageTree::new(snap);
    let name_of = |n: usize| tree.attr(n, "name").or_else(|| tree.attr(n, "id")).unwrap_or("").to_string();
    let drop_for: Vec<usize> = plan.ops.iter().filter_map(|op| if let Op::EvidenceDrop { input, .. } = op { Some(*input) } else { None }).collect();
    let mut evidence = vec![];
    let mut assistant = Value::Null;
    let mut busy = 0;
    for op in &plan.ops {
        match op {
            Op::Evidence { node, rules } => {
                // The place is an opaque key (a hash of the upload area's text), tested in
                // reading/file_inputs.rs: not written out here.
                let mut rules = serde_json::to_value(rules).unwrap();
                rules.as_object_mut().unwrap().remove("place");
                evidence.push(json!({ "input": name_of(*node), "drop_zone": drop_for.contains(node), "rules": rules }))
            }
            Op::DisputeForm { form, .. } => {
                assistant = json!({
                    "order_id": form.facts.order_id,
                    "description": form.description.map(name_of),
                    "amount": form.amount.map(name_of),
                    "paid": form.facts.paid,
                    "choices": form.choices.iter().map(|c| c.problem).collect::<Vec<_>>(),
                    "problem": form.problem,
                })
            }
            Op::DisputeBusy { .. } => busy += 1,
            Op::Mark { node, attrs } if attrs.contains_key("data-dg-order") => {
                dg.insert(attrs["data-dg-order"].clone(), json!(attrs));
            }
            Op::Mark { node, attrs } => {
                if let Some(h) = attrs.get("data-dg-highlight") {
                    highlighted.push(json!([text_of(snap, *node), h]));
                }
            }
            Op::Guard { node, guard } if guard.kind == "confirm-receipt" => guarded.push(json!(text_of(snap, *node))),
            _ => {}
        }
    }
    json!({
        "kind": plan.ctx.kind,
        "layout": plan.ctx.layout,
        "lang": plan.ctx.lang,
        "orders": plan.orders,
        "dg": dg,
        "guarded": guarded,
        "highlighted": highlighted,
        "evidence": evidence,
        "assistant": assistant,
        "busy": busy,
    })
}

#[test]
fn every_fixture_page_reads_as_expected() {
    let out_dir = fixture_kit::repo_root().join("target/dg-fixtures");
    std::fs::create_dir_all(&out_dir).unwrap();
    let fixtures = fixture_kit::all_fixtures();
    assert!(!fixtures.is_empty(), "no fixture pages found");
    let mut failures = vec![];
    for f in &fixtures {
        let html = fixture_kit::render(&f.template, today()).unwrap_or_else(|e| panic!("{}: {e}", f.name));
        let snap_json = fixture_kit::snapshot_html(&html, f.url());
        std::fs::write(out_dir.join(format!("{}.snapshot.json", f.name)), snap_json.to_string()).unwrap();
        let snap: Snapshot = serde_json::from_value(snap_json).unwrap();
        snap.validate().unwrap();
        let now = today().and_hms_opt(12, 0, 0).unwrap();
        let plan = plan_page(&snap, &Settings::default(), now);
        let Some(expected) = &f.expected_template else {
            failures.push(format!("{}: no .expected.json", f.name));
            continue;
        };
        let expected: Value =
            serde_json::from_str(&fixture_kit::render(expected, today()).unwrap()).unwrap_or_else(|e| panic!("{}.expected.json: {e}", f.name));
        let got = outcome(&snap, &plan);
        for key in expected.as_object().unwrap().keys() {
            if expected[key] != got[key] {
                failures.push(format!(
                    "{} — {key}:\n  expected {}\n  got      {}",
                    f.name,
                    serde_json::to_string(&expected[key]).unwrap(),
                    serde_json::to_string(&got[key]).unwrap()
                ));
            }
        }
        for key in ["orders", "dg", "guarded", "highlighted", "kind"] {
            if expected.get(key).is_none() {
                failures.push(format!("{}: expected JSON lacks \"{key}\"", f.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures differ:\n{}", failures.len(), fixtures.len(), failures.join("\n"));
}

#[test]
fn snapshot_text_nodes_never_carry_markup_meaning() {
    // A store name made of markup stays text: the reader sees characters, not elements.
    let html = r#"<html><body><div class="x">&lt;img src=x onerror=alert(1)&gt;</div></body></html>"#;
    let snap: Snapshot = serde_json::from_value(fixture_kit::snapshot_html(html, "https://www.aliexpress.com/")).unwrap();
    assert!(matches!(&snap.nodes[2].2, Payload::Text(t) if t == "<img src=x onerror=alert(1)>"));
    assert_eq!(snap.nodes.len(), 3);
}
