// SCRATCH (not committed): prints a fixture's reading in template form, for drafting.
use chrono::{Local, NaiveDate};
use guard_core::plan::Op;
use guard_core::planner::plan_page;
use guard_core::settings::Settings;
use guard_core::snapshot::Snapshot;
use serde_json::{json, Value};

fn templ(v: &Value, today: NaiveDate, ids: &std::collections::HashMap<String, u32>) -> Value {
    match v {
        Value::String(s) => {
            let mut out = s.clone();
            for (id, n) in ids { out = out.replace(id, &format!("{{{{orderid {n}}}}}")); }
            if let Ok(d) = NaiveDate::parse_from_str(&out, "%Y-%m-%d") {
                return Value::String(format!("{{{{date {} iso}}}}", (d - today).num_days()));
            }
            Value::String(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| templ(x, today, ids)).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, x)| {
            let mut k2 = k.clone();
            for (id, n) in ids { k2 = k2.replace(id, &format!("{{{{orderid {n}}}}}")); }
            (k2, templ(x, today, ids))
        }).collect()),
        x => x.clone(),
    }
}

#[test]
fn dump() {
    let Ok(filter) = std::env::var("DG_DUMP") else { return };
    let today = Local::now().date_naive();
    let ids: std::collections::HashMap<String, u32> = (1..=300).map(|n| (fixture_kit::order_id(n), n)).collect();
    for f in fixture_kit::all_fixtures() {
        if !f.name.contains(&filter) { continue; }
        let html = fixture_kit::render(&f.template, today).unwrap();
        let snap: Snapshot = serde_json::from_value(fixture_kit::snapshot_html(&html, f.url())).unwrap();
        let plan = plan_page(&snap, &Settings::default(), today.and_hms_opt(12, 0, 0).unwrap());
        let tree = guard_core::page_tree::PageTree::new(&snap);
        let mut dg = serde_json::Map::new();
        let (mut guarded, mut highlighted) = (vec![], vec![]);
        for op in &plan.ops {
            match op {
                Op::Mark { attrs, .. } if attrs.contains_key("data-dg-order") => { dg.insert(attrs["data-dg-order"].clone(), json!(attrs)); }
                Op::Mark { node, attrs } => if let Some(h) = attrs.get("data-dg-highlight") { highlighted.push(json!([tree.text(*node), h])); },
                Op::Guard { node, guard } if guard.kind == "confirm-receipt" => guarded.push(json!(tree.text(*node))),
                Op::Reread { node } => eprintln!("REREAD {node}"),
                _ => {}
            }
        }
        let out = json!({"kind": plan.ctx.kind, "layout": plan.ctx.layout, "lang": plan.ctx.lang, "orders": plan.orders, "dg": dg, "guarded": guarded, "highlighted": highlighted});
        let out = templ(&out, today, &ids);
        println!("=== {}\nnotes: {:?}\n{}", f.name, plan.notes, pretty(&out));
    }
}

fn pretty(v: &Value) -> String {
    // one order per line
    let mut s = String::from("{\n");
    let o = v.as_object().unwrap();
    let keys = ["kind", "layout", "lang", "orders", "dg", "guarded", "highlighted"];
    for (i, k) in keys.iter().enumerate() {
        let x = &o[*k];
        let body = match x {
            Value::Array(a) if *k == "orders" => format!("[\n{}\n  ]", a.iter().map(|e| format!("    {}", serde_json::to_string(e).unwrap())).collect::<Vec<_>>().join(",\n")),
            Value::Object(m) => format!("{{\n{}\n  }}", m.iter().map(|(kk, e)| format!("    {}: {}", serde_json::to_string(kk).unwrap(), serde_json::to_string(e).unwrap())).collect::<Vec<_>>().join(",\n")),
            _ => serde_json::to_string(x).unwrap(),
        };
        s += &format!("  \"{}\": {}{}\n", k, body, if i + 1 < keys.len() { "," } else { "" });
    }
    s + "}"
}
