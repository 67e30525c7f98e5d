//! Fuzzing every call the wasm exports (`guard_core::api`), with what a page, a damaged storage
//! or a broken caller could hand them: arbitrary text, arbitrary JSON, and valid
//! inputs (the fixture pages' snapshots, real memories and requests) mutated byte by byte and
//! value by value. None may panic; each answers or explains.
//!
//! The budget is `fixture_kit::fuzz_cases`: small in `./build.sh test`, as large as asked with
//! `./build.sh fuzz` (DG_FUZZ_CASES). A failure proptest finds is saved in
//! `fuzz_entry_points.proptest-regressions` and replayed first from then on: commit it.

use guard_core::api::*;
use guard_core::rules::settings;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

const NOW: &str = "2026-11-21T12:00:00";

struct Seeds {
    snapshots: Vec<String>,
    memories: Vec<String>,
    settings: Vec<String>,
    evidence: Vec<String>,
    events: Vec<String>,
    /// The order ids each snapshot shows (same order as `snapshots`).
    order_ids: Vec<Vec<String>>,
}

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut s = Seeds { snapshots: vec![], memories: vec![], settings: vec!["{}".into()], evidence: vec![], events: vec![], order_ids: vec![] };
        s.settings.push(serde_json::to_string(&settings::Settings::default()).unwrap());
        let first_release = std::fs::read_to_string(fixture_kit::fixtures_dir().join("storage/memory-schema-1-first-release.json")).unwrap();
        s.memories.push(first_release);
        let mut memory = String::new();
        for f in fixture_kit::all_fixtures() {
            let html = fixture_kit::render(&f.template, today).unwrap();
            let snap = fixture_kit::snapshot_html(&html, f.url()).to_string();
            let plan: Value = serde_json::from_str(&analyse_remembering(&snap, "{}", NOW, "").unwrap()).unwrap();
            memory = remember(&memory, &plan["orders"].to_string(), NOW).unwrap();
            s.order_ids.push(plan["orders"].as_array().unwrap().iter().filter_map(|o| o["id"].as_str().map(str::to_string)).collect());
            // Evidence requests as the content script builds them, from the plan's rules.
            for op in plan["ops"].as_array().unwrap() {
                if op["op"] == "evidence" {
                    s.evidence.push(
                        json!({ "rules": op["rules"], "files": [
                        { "name": "a.jpg", "size": 2048, "type": "image/jpeg", "head": [255, 216, 255, 224, 0, 16, 74, 70, 73, 70] },
                        { "name": "b.png", "size": 0, "type": "image/png", "head": [] },
                        { "name": "c.exe.jpg", "size": 9_000_000_000u64, "type": "", "head": [77, 90, 144, 0] }
                    ] })
                        .to_string(),
                    );
                }
            }
            s.snapshots.push(snap);
        }
        s.memories.push(memory.clone());
        if let Ok(events) = calendar_events(&memory, "{}", NOW) {
            let rendered: Vec<Value> = serde_json::from_str::<Vec<Value>>(&events)
                .unwrap_or_default()
                .into_iter()
                .map(|e| json!({ "uid": e["uid"], "kind": e["kind"], "date": e["date"], "url": e["url"], "summary": "Deadline", "description": "Order" }))
                .collect();
            s.events.push(Value::from(rendered).to_string());
        }
        assert!(s.snapshots.len() > 20 && !s.evidence.is_empty() && !s.events.is_empty(), "seeds missing");
        s
    })
}

/// A JSON value of any shape, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)),
        ".{0,40}".prop_map(Value::from),
        "[0-9]{1,22}".prop_map(Value::from),
        "(19|20|99)[0-9]{2}-[0-9]{2}-[0-9]{2}".prop_map(Value::from),
        day_count().prop_map(Value::from),
        stored_date().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A number of days as the types take them (0–10,000), at the edges of that range, and past
/// them up to what the JSON number can hold (a stated window of 4,294,967,295 days).
fn day_count() -> impl Strategy<Value = i64> + Clone {
    let edges = vec![0, 1, 9_999, 10_000, 10_001, 65_536, i32::MAX as i64, u32::MAX as i64 - 1, u32::MAX as i64];
    // Rarely what no u32 holds: such an entry is unreadable as a whole and tests little else.
    prop_oneof![6 => 0i64..=10_000, 4 => prop::sample::select(edges), 1 => prop::sample::select(vec![-1, u32::MAX as i64 + 1])]
}

/// A date as stored: years 1970–2200, their edges, just past them, and chrono's own limits
/// (serde reads any date chrono can hold).
fn stored_date() -> impl Strategy<Value = String> + Clone {
    let first = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let span = (chrono::NaiveDate::from_ymd_opt(2200, 12, 31).unwrap() - first).num_days();
    let edges = vec!["1970-01-01", "2200-12-31", "1969-12-31", "2201-01-01", "0001-01-01", "9999-12-31", "+262142-12-31", "-262143-01-01"];
    prop_oneof![
        3 => (0..=span).prop_map(move |d| (first + chrono::Duration::days(d)).to_string()),
        2 => prop::sample::select(edges).prop_map(str::to_string),
    ]
}

/// The shopper's local time as the extension sends it, across the same years and edges.
fn local_now() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(NOW.to_string()), 2 => stored_date().prop_map(|d| format!("{d}T12:00:00"))]
}

/// An order as a stored memory or an import may hold it: every field optional, numbers and
/// dates in and past their ranges.
fn stored_order(id: String) -> impl Strategy<Value = Value> {
    let status = prop::sample::select(vec!["awaiting-payment", "awaiting-shipment", "shipped", "completed", "closed", "dispute", "unknown"]);
    let date = prop::option::of(stored_date());
    let window =
        (day_count(), prop::sample::select(vec!["confirm-receipt", "order-placed", "shipment"]), prop::sample::select(vec!["return-refund", "dispute"]))
            .prop_map(|(days, from, purpose)| json!({ "days": days, "from": from, "purpose": purpose }));
    let progress = prop::option::of(prop::sample::select(vec!["in-progress", "cancelled", "decided"]));
    let source = prop::option::of(prop::sample::select(vec!["refund-if-no-delivery", "does-not-arrive", "countdown"]));
    (
        status,
        (date.clone(), date.clone(), date.clone(), date.clone(), date.clone(), date),
        prop::collection::vec(window, 0..4),
        (progress, source, prop::option::of(any::<bool>()), prop::option::of(day_count())),
    )
        .prop_map(move |(status, (placed, paid, shipped, completed, protection_ends, dispute_opened), windows, (dispute, source, economy, quantity))| {
            let mut o = json!({ "id": id, "status": status, "stated_windows": windows, "items": [{ "title": "Item", "quantity": quantity }] });
            for (k, v) in [
                ("placed", placed),
                ("paid", paid),
                ("shipped", shipped),
                ("completed", completed),
                ("protection_ends", protection_ends),
                ("dispute_opened", dispute_opened),
            ] {
                if let Some(v) = v {
                    o[k] = Value::from(v);
                }
            }
            for (k, v) in [("dispute", dispute), ("protection_source", source)] {
                if let Some(v) = v {
                    o[k] = Value::from(v);
                }
            }
            if let Some(e) = economy {
                o["economy_shipping"] = Value::from(e);
            }
            o
        })
}

/// A fixture page's snapshot (its index) and a memory of orders with ids that page shows (so
/// that the page path reads them back into list badges, confirm dialogs and the dispute path),
/// each order with stored values in and out of range.
fn page_and_memory() -> impl Strategy<Value = (usize, Value)> {
    (0..seeds().snapshots.len()).prop_flat_map(|i| (Just(i), stored_memory(&seeds().order_ids[i])))
}

fn stored_memory(shown: &[String]) -> impl Strategy<Value = Value> {
    let ids: Vec<String> = if shown.is_empty() { vec!["8100000000000001".into()] } else { shown.to_vec() };
    prop::sample::subsequence(ids.clone(), 1..=ids.len().min(4)).prop_flat_map(|ids| {
        let orders: Vec<_> = ids
            .into_iter()
            .map(|id| {
                (stored_order(id.clone()), stored_date(), stored_date(), any::<bool>(), any::<bool>()).prop_map(
                    move |(order, first_seen, last_seen, resolved, hidden)| {
                        (id.clone(), json!({ "order": order, "first_seen": first_seen, "last_seen": last_seen, "resolved": resolved, "hidden": hidden }))
                    },
                )
            })
            .collect();
        orders.prop_map(|list| json!({ "schema": 1, "orders": Value::Object(list.into_iter().collect()) }))
    })
}

/// Settings as stored or imported: every number of days in and past its range.
fn stored_settings() -> impl Strategy<Value = Value> {
    (prop::collection::vec(day_count(), 6), prop::collection::vec(day_count(), 0..4), any::<bool>()).prop_map(|(n, reminders, guard)| {
        json!({
            "policy": {
                "dispute_opens_after_shipment_days": n[0], "dispute_closes_after_receipt_days": n[1], "protection_days": n[2],
                "protection_days_economy": n[3], "seller_response_days": n[4], "escalation_days": n[5],
            },
            "closing_soon_days": n[1], "extension_lead_days": n[2], "reminder_days": reminders, "confirm_guard": guard,
        })
    })
}

/// One edit of a valid input: at byte level (cut, insert, repeat) or at value level (a node
/// replaced by another value, or removed).
#[derive(Debug, Clone)]
enum Edit {
    Cut(usize, usize),
    Insert(usize, String),
    Repeat(usize, usize),
    Replace(usize, Value),
    Remove(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<usize>(), 0usize..64).prop_map(|(a, n)| Edit::Cut(a, n)),
        (any::<usize>(), ".{0,8}").prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), 0usize..256).prop_map(|(a, n)| Edit::Repeat(a, n)),
        (any::<usize>(), any_json()).prop_map(|(a, v)| Edit::Replace(a, v)),
        any::<usize>().prop_map(Edit::Remove),
    ];
    prop::collection::vec(edit, 1..5)
}

fn boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every node of a JSON value, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
}

fn apply(seed: &str, edits: &[Edit]) -> String {
    let mut s = seed.to_string();
    for e in edits {
        match e {
            Edit::Cut(a, n) => {
                let a = boundary(&s, *a);
                let b = boundary(&s, a + n);
                if b >= a {
                    s.replace_range(a..b, "");
                }
            }
            Edit::Insert(a, t) => s.insert_str(boundary(&s, *a), t),
            Edit::Repeat(a, n) => {
                let a = boundary(&s, *a);
                let b = boundary(&s, a + n);
                if b >= a {
                    let piece = s[a..b].to_string();
                    s.insert_str(b, &piece);
                }
            }
            Edit::Replace(i, _) | Edit::Remove(i) => {
                let Ok(mut v) = serde_json::from_str::<Value>(&s) else { continue };
                let mut ps = vec![];
                pointers(&v, String::new(), &mut ps);
                let p = &ps[i % ps.len()];
                if let Edit::Replace(_, new) = e {
                    if let Some(slot) = v.pointer_mut(p) {
                        *slot = new.clone();
                    }
                } else if let Some((parent, key)) = p.rsplit_once('/') {
                    match v.pointer_mut(parent) {
                        Some(Value::Object(o)) => {
                            o.remove(&key.replace("~1", "/").replace("~0", "~"));
                        }
                        Some(Value::Array(a)) => {
                            if let Ok(k) = key.parse::<usize>() {
                                if k < a.len() {
                                    a.remove(k);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                s = v.to_string();
            }
        }
    }
    s
}

fn pick(list: &[String], i: usize) -> &str {
    &list[i % list.len()]
}

/// Calls every entry point once with the given inputs; an error is an answer, a panic a failure.
fn call_all(snapshot: &str, memory: &str, settings: &str, other: &str, now: &str) {
    let _ = analyse_remembering(snapshot, settings, now, memory);
    let _ = remember(memory, other, now);
    let _ = toolbar_tick(memory, settings, now);
    let _ = notification_target(memory, other);
    let _ = popup(memory, settings, now);
    let _ = change_memory(memory, other, other, other.len().is_multiple_of(2));
    let _ = calendar_events(memory, settings, now);
    let _ = calendar_ics(other, settings, now);
    let _ = load_memory(memory);
    let _ = keep_set_aside(other, memory, now);
    let _ = trim_memory(memory, settings, now, other.len());
    let _ = settings_form(settings);
    let _ = settings_apply(settings, other);
    let _ = export_data(memory, settings, now);
    let _ = import_data(other);
    let _ = check_evidence(other);
    let _ = strip_location(other.as_bytes(), other.len().is_multiple_of(2));
    let _ = dispute_assist(other, memory);
    let _ = check_orders_plan(memory, settings, now);
    let _ = check_orders_page(snapshot, other, other);
    let _ = check_orders_outcome(memory, settings, now, other);
    let _ = page_report(snapshot, settings, now, other);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fixture_kit::fuzz_cases(96), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_anywhere(a in ".{0,200}", b in ".{0,200}", c in ".{0,80}", now in ".{0,24}") {
        call_all(&a, &b, &c, &a, &now);
        call_all(&b, &a, "{}", &c, NOW);
    }

    #[test]
    fn arbitrary_json_anywhere(a in any_json(), b in any_json(), c in any_json()) {
        let (a, b, c) = (a.to_string(), b.to_string(), c.to_string());
        call_all(&a, &b, &c, &c, NOW);
    }

    #[test]
    fn valid_inputs_damaged(i in any::<usize>(), j in any::<usize>(), k in any::<usize>(), e1 in edits(), e2 in edits(), e3 in edits(), e4 in edits()) {
        let s = seeds();
        let snapshot = apply(pick(&s.snapshots, i), &e1);
        let memory = apply(pick(&s.memories, j), &e2);
        let settings = apply(pick(&s.settings, k), &e3);
        call_all(&snapshot, &memory, &settings, &apply(pick(&s.evidence, i), &e4), NOW);
        let _ = calendar_ics(&apply(pick(&s.events, j), &e4), &settings, "2026-11-21T08:30:00.123Z");
        let _ = remember(&memory, &apply("[]", &e4), NOW);
    }

    /// Stored and imported values in their ranges, at their edges and past them, through every
    /// entry point: the page path with the memory (list badges, confirm dialogs, the dispute
    /// path), the popup, reminders, the calendar, export and import.
    #[test]
    fn stored_numbers_and_dates_in_and_past_their_ranges(
        (i, memory) in page_and_memory(),
        settings in stored_settings(),
        now in local_now(),
        event_date in stored_date(),
    ) {
        let s = seeds();
        let (memory, settings) = (memory.to_string(), settings.to_string());
        let export = json!({ "format": "dispute-guard-export", "version": 1, "exported": NOW, "settings": serde_json::from_str::<Value>(&settings).unwrap(), "memory": serde_json::from_str::<Value>(&memory).unwrap() }).to_string();
        call_all(pick(&s.snapshots, i), &memory, &settings, &export, &now);
        call_all(pick(&s.snapshots, i), &memory, "{}", &export, &now);
        let event = json!([{ "uid": "8100000000000001-dispute-closes@dispute-guard.invalid", "kind": "dispute-closes", "date": event_date, "summary": "s", "description": "d" }]);
        let _ = calendar_ics(&event.to_string(), &settings, "2026-11-21T08:30:00.123Z");
    }
}
