//! What the extension read of the page, in the shape of a fixture's `.expected.json`
//! (crates/guard-core/tests/fixture_pages.rs): a reported page becomes a test whose expected
//! reading is what the extension read when the shopper reported it.
//!
//! The reading of the real page carries the shopper's data (ids, store, items, total), so the
//! report takes those from a second reading, of the anonymised page, and everything else
//! (status, dates, dispute state) from the first. Where the two disagree beyond the shopper's
//! data, anonymising changed what the page says: the report lists where.

use crate::wire::page_plan::Plan;
use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::Snapshot;
use serde_json::{json, Map, Value};

/// The fields of an order that carry the shopper's data.
const PERSONAL_FIELDS: &[&str] = &["id", "store", "items", "total", "detail_url", "status_text"];

/// The outcome of reading a page, as fixture_pages.rs compares it with `.expected.json`.
/// (Built from the plan's JSON, as the extension receives it: the wasm then needs no second
/// way of turning plans into JSON values, which cost 40 KB.)
pub fn outcome(snap: &Snapshot, plan: &Plan) -> Value {
    let plan: Value = serde_json::to_string(plan).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
    let tree = PageTree::new(snap);
    let node = |op: &Value, key: &str| op[key].as_u64().map(|n| n as usize).filter(|&n| n < tree.len());
    let text = |n: Option<usize>| n.map_or(String::new(), |n| tree.text(n));
    let name_of = |n: Option<usize>| n.map(|n| tree.attr(n, "name").or_else(|| tree.attr(n, "id")).unwrap_or("").to_string());
    let ops = plan["ops"].as_array().cloned().unwrap_or_default();
    let drop_for: Vec<Option<usize>> = ops.iter().filter(|op| op["op"] == "evidence-drop").map(|op| node(op, "input")).collect();
    let (mut dg, mut guarded, mut highlighted, mut evidence) = (Map::new(), vec![], vec![], vec![]);
    let (mut assistant, mut busy) = (Value::Null, 0);
    for op in &ops {
        match op["op"].as_str().unwrap_or("") {
            "evidence" => {
                // The input's place is a hash of the upload area's texts, an internal hand-off
                // key (evidence::plan_ops), not part of what was read.
                let mut rules = op["rules"].clone();
                if let Some(r) = rules.as_object_mut() {
                    r.remove("place");
                }
                evidence.push(json!({ "input": name_of(node(op, "node")), "drop_zone": drop_for.contains(&node(op, "node")), "rules": rules }))
            }
            "dispute-form" => {
                let form = &op["form"];
                assistant = json!({
                    "order_id": form["facts"]["order_id"],
                    "description": name_of(node(form, "description")),
                    "amount": name_of(node(form, "amount")),
                    "paid": form["facts"]["paid"],
                    "choices": form["choices"].as_array().map(|c| c.iter().map(|c| c["problem"].clone()).collect::<Vec<_>>()).unwrap_or_default(),
                    "problem": form["problem"],
                })
            }
            "dispute-busy" => busy += 1,
            "mark" => {
                if let Some(id) = op["attrs"]["data-dg-order"].as_str() {
                    dg.insert(id.to_string(), op["attrs"].clone());
                } else if let Some(h) = op["attrs"]["data-dg-highlight"].as_str() {
                    highlighted.push(json!([text(node(op, "node")), h]));
                }
            }
            "guard" if op["guard"]["kind"] == "confirm-receipt" => guarded.push(json!(text(node(op, "node")))),
            _ => {}
        }
    }
    json!({
        "kind": plan["ctx"]["kind"],
        "layout": plan["ctx"]["layout"],
        "lang": plan["ctx"].get("lang").cloned().unwrap_or(Value::Null),
        "orders": plan["orders"],
        "dg": dg,
        "guarded": guarded,
        "highlighted": highlighted,
        "evidence": evidence,
        "assistant": assistant,
        "busy": busy,
    })
}

fn without(v: &Value, keys: &[&str]) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().filter(|(k, _)| !keys.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect()),
        other => other.clone(),
    }
}

/// The reading for the report: `real`'s facts with `anon`'s stand-ins for the shopper's data,
/// and where else the two differ (empty when anonymising left the reading as it was).
pub fn merge(real: &Value, anon: &Value) -> (Value, Vec<String>) {
    let mut changed = vec![];
    let mut out = anon.clone();
    for key in ["kind", "layout", "lang", "busy"] {
        out[key] = real[key].clone();
        if real[key] != anon[key] {
            changed.push(format!("{key}: {} → {}", real[key], anon[key]));
        }
    }
    let (ro, ao) = (real["orders"].as_array().cloned().unwrap_or_default(), anon["orders"].as_array().cloned().unwrap_or_default());
    if ro.len() == ao.len() {
        let mut orders = vec![];
        let mut dg = Map::new();
        for (i, (r, a)) in ro.iter().zip(&ao).enumerate() {
            let mut o = without(r, PERSONAL_FIELDS);
            for f in PERSONAL_FIELDS {
                if let Some(v) = a.get(*f) {
                    o[*f] = v.clone();
                }
            }
            let (rf, af) = (without(r, PERSONAL_FIELDS), without(a, PERSONAL_FIELDS));
            if rf != af {
                for (k, v) in rf.as_object().into_iter().flatten() {
                    if af.get(k) != Some(v) {
                        changed.push(format!("orders[{i}].{k}: {v} → {}", af.get(k).unwrap_or(&Value::Null)));
                    }
                }
                for k in af.as_object().into_iter().flatten().map(|(k, _)| k).filter(|k| rf.get(k.as_str()).is_none()) {
                    changed.push(format!("orders[{i}].{k}: absent → {}", af[k]));
                }
            }
            orders.push(o);
            // The marks: the real page's, under the stand-in id.
            let (rid, aid) = (r["id"].as_str().unwrap_or(""), a["id"].as_str().unwrap_or(""));
            if let Some(marks) = real["dg"].get(rid) {
                let mut m = marks.clone();
                m["data-dg-order"] = json!(aid);
                let anon_marks = anon["dg"].get(aid).cloned().unwrap_or(Value::Null);
                if m != anon_marks {
                    changed.push(format!("dg of orders[{i}]: {} → {}", without(marks, &["data-dg-order"]), without(&anon_marks, &["data-dg-order"])));
                }
                dg.insert(aid.to_string(), m);
            }
        }
        out["orders"] = Value::Array(orders);
        out["dg"] = Value::Object(dg);
    } else {
        changed.push(format!("orders: {} read, {} after anonymising", ro.len(), ao.len()));
    }
    // Control labels are the site's words; when their count differs, say so (not their texts,
    // which may be what was replaced).
    for key in ["guarded", "highlighted", "evidence"] {
        let (r, a) = (real[key].as_array().map_or(0, Vec::len), anon[key].as_array().map_or(0, Vec::len));
        if r != a {
            changed.push(format!("{key}: {r} → {a}"));
        } else if real[key] != anon[key] {
            changed.push(format!("{key}: texts differ"));
        }
    }
    for key in ["problem", "choices", "description", "amount"] {
        if real["assistant"].get(key) != anon["assistant"].get(key) {
            changed.push(format!(
                "assistant.{key}: {} → {}",
                real["assistant"].get(key).unwrap_or(&Value::Null),
                anon["assistant"].get(key).unwrap_or(&Value::Null)
            ));
        }
    }
    (out, changed)
}
