//! Reading back what the extension stored, whatever happened to it since: written by an older
//! version, a newer one, another program, or damaged. What can be read is kept; what cannot is
//! set aside untouched with the reason (never thrown away, never misread), so that nothing is
//! lost and nothing crashes. And when storage is full, the orders that matter least make room.

use crate::rules::dispute_window::{dispute_window, DisputeState};
use crate::rules::settings::Settings;
use crate::toolbar::deadlines::needs_action;
use crate::toolbar::order_memory::{Memory, Tracked, SCHEMA};
use crate::wire::order::is_order_id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Something stored that could not be read, kept as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    /// An order id, or "orders" for the whole stored memory.
    pub what: String,
    pub reason: String,
    pub raw: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded {
    pub memory: Memory,
    pub set_aside: Vec<SetAside>,
    /// The memory as read differs from what is stored (entries set aside or brought up to date):
    /// the caller should write it back.
    pub changed: bool,
}

fn whole(reason: &str, raw: Value) -> Loaded {
    Loaded { memory: Memory::default(), set_aside: vec![SetAside { what: "orders".into(), reason: reason.into(), raw }], changed: true }
}

/// Brings a stored memory of an older schema up to `SCHEMA`. Schema 1 is the first; a new schema
/// adds its step here, with a test reading a memory as the older version wrote it.
fn migrate(schema: u64, memory: Value) -> Result<Value, String> {
    match schema {
        1 => Ok(memory),
        s if s > SCHEMA as u64 => Err(format!("written by a newer version of Dispute Guard (schema {s})")),
        s => Err(format!("schema {s} is unknown")),
    }
}

/// An order's record from its JSON value, through JSON text (one deserializer instantiated for the
/// order types, which keeps the wasm smaller); errors say what is wrong as the value's own would,
/// without a position in a text the shopper never saw.
fn tracked(entry: &Value) -> Result<Tracked, String> {
    serde_json::from_str::<Tracked>(&entry.to_string()).map_err(|e| {
        let s = e.to_string();
        let at = format!(" at line {} column {}", e.line(), e.column());
        s.strip_suffix(&at).map(str::to_string).unwrap_or(s)
    })
}

/// Reads the stored memory of orders (the JSON of `chrome.storage.local`'s `orders`).
pub fn load(json: &str) -> Loaded {
    let t = json.trim();
    if t.is_empty() || t == "null" {
        return Loaded { memory: Memory::default(), set_aside: vec![], changed: false };
    }
    let Ok(value) = serde_json::from_str::<Value>(t) else {
        return whole("not readable as JSON", Value::String(t.chars().take(100_000).collect()));
    };
    let schema = value.get("schema").and_then(Value::as_u64);
    let Some(schema) = schema.filter(|_| value.get("orders").is_some_and(Value::is_object)) else {
        return whole("not a memory of orders (no schema and orders)", value);
    };
    let value = match migrate(schema, value.clone()) {
        Ok(v) => v,
        Err(reason) => return whole(&reason, value),
    };
    let mut loaded = Loaded { memory: Memory::default(), set_aside: vec![], changed: schema != SCHEMA as u64 };
    if let Some(orders) = value.get("orders").and_then(Value::as_object) {
        for (id, entry) in orders {
            match tracked(entry) {
                Ok(t) if t.order.id == *id && is_order_id(id) => {
                    loaded.memory.orders.insert(id.clone(), t);
                }
                Ok(_) => loaded.set_aside.push(SetAside { what: id.clone(), reason: "stored under another order's id".into(), raw: entry.clone() }),
                Err(e) => loaded.set_aside.push(SetAside { what: id.clone(), reason: format!("unreadable: {e}"), raw: entry.clone() }),
            }
        }
    }
    loaded.changed |= !loaded.set_aside.is_empty();
    loaded
}

/// How much an order's record still matters, lowest first: what the shopper settled, then
/// orders with nothing left to do, then the rest; orders needing action now come last.
fn keep_rank(t: &Tracked, settings: &Settings, today: NaiveDate) -> u8 {
    if t.resolved || t.hidden {
        return 0;
    }
    if needs_action(t, settings, today) {
        return 3;
    }
    match dispute_window(&t.order, today, settings).state {
        DisputeState::NotApplicable | DisputeState::Closed => 1,
        _ => 2,
    }
}

/// The size of a value as storage counts it: the UTF-8 bytes of its JSON (Chromium's quota
/// counts each value's JSON plus its key), not characters: a store named in Chinese takes three
/// bytes a character.
pub fn stored_bytes<T: Serialize>(v: &T) -> usize {
    serde_json::to_string(v).map(|s| s.len()).unwrap_or(usize::MAX)
}

/// Makes room when storage is full: removes orders, the least important and longest unseen
/// first, until the memory's JSON takes at most `max_bytes` (UTF-8). Returns the ids removed.
pub fn trim(memory: &mut Memory, settings: &Settings, today: NaiveDate, max_bytes: usize) -> Vec<String> {
    let mut order: Vec<(u8, NaiveDate, String)> = memory.orders.values().map(|t| (keep_rank(t, settings, today), t.last_seen, t.order.id.clone())).collect();
    // (Rank, then the day last seen, then the id: through the toolbar's one sort.)
    crate::wire::bounds::sort_by_key(&mut order, |(rank, seen, id)| (i64::from(*rank) * 10_000_000 + crate::wire::bounds::day_number(*seen), id.clone()));
    let mut removed = vec![];
    let mut current = stored_bytes(memory);
    for (_, _, id) in order {
        if current <= max_bytes {
            break;
        }
        if let Some(t) = memory.orders.remove(&id) {
            // `"id":{…},` leaves the JSON; measured again exactly before stopping.
            current = current.saturating_sub(stored_bytes(&t).saturating_add(id.len() + 4));
            if current <= max_bytes {
                current = stored_bytes(memory);
            }
            removed.push(id);
        }
    }
    removed
}

/// At most this many items stay set aside, and at most this many bytes of them (UTF-8 JSON,
/// a fifth of Chromium's 10 MB quota); the newest item is kept whatever its size (it took the
/// place of what it was read from).
pub const SET_ASIDE_MAX_ITEMS: usize = 50;
pub const SET_ASIDE_MAX_BYTES: usize = 2 * 1024 * 1024;

/// What stays set aside: the items stored before (`stored`: the JSON of the `setAside` key,
/// whatever it holds) and those just set aside, stamped `at`. An item already kept is not kept
/// twice (the same damaged entry read again after a failed write); past the limits the oldest
/// go first, so that what is set aside cannot grow without bound.
pub fn keep_set_aside(stored: &str, added: &[SetAside], at: &str) -> Vec<Value> {
    let mut items: Vec<Value> = match serde_json::from_str::<Value>(stored.trim()) {
        Ok(Value::Array(a)) => a,
        Ok(Value::Null) | Err(_) if stored.trim().is_empty() || stored.trim() == "null" => vec![],
        Ok(v) => vec![v],
        Err(_) => vec![Value::String(stored.chars().take(100_000).collect())],
    };
    let same = |a: &Value, b: &SetAside| {
        a.get("what").and_then(Value::as_str) == Some(b.what.as_str())
            && a.get("reason").and_then(Value::as_str) == Some(b.reason.as_str())
            && a.get("raw") == Some(&b.raw)
    };
    for s in added {
        if !items.iter().any(|i| same(i, s)) {
            items.push(serde_json::json!({ "what": s.what, "reason": s.reason, "raw": s.raw, "at": at }));
        }
    }
    // Newest last: keep from the end while within the limits.
    let mut kept = 0;
    let mut bytes: usize = 2; // []
    for item in items.iter().rev() {
        let size = stored_bytes(item).saturating_add(1);
        if kept > 0 && (kept >= SET_ASIDE_MAX_ITEMS || bytes.saturating_add(size) > SET_ASIDE_MAX_BYTES) {
            break;
        }
        kept += 1;
        bytes = bytes.saturating_add(size);
    }
    items.split_off(items.len() - kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const GOOD: &str = r#"{"order":{"id":"8100000000000001","status":"shipped"},"first_seen":"2026-11-01","last_seen":"2026-11-02"}"#;

    #[test]
    fn nothing_stored_is_an_empty_memory() {
        for s in ["", "  ", "null"] {
            let l = load(s);
            assert_eq!((l.memory, l.set_aside.len(), l.changed), (Memory::default(), 0, false));
        }
    }

    #[test]
    fn damaged_or_foreign_data_is_set_aside_whole() {
        for (raw, reason) in [
            ("{not json", "not readable as JSON"),
            (r#"[1,2,3]"#, "not a memory of orders"),
            (r#"{"orders":{}}"#, "not a memory of orders"),
            (r#"{"schema":"1","orders":{}}"#, "not a memory of orders"),
            (r#"{"schema":7,"orders":{}}"#, "newer version"),
            (r#"{"schema":0,"orders":{}}"#, "unknown"),
        ] {
            let l = load(raw);
            assert_eq!(l.memory, Memory::default(), "{raw}");
            assert_eq!(l.set_aside.len(), 1, "{raw}");
            assert!(l.set_aside[0].reason.contains(reason), "{raw}: {}", l.set_aside[0].reason);
            assert!(l.changed);
        }
    }

    #[test]
    fn one_bad_order_is_set_aside_and_the_others_kept() {
        let raw = format!(
            r#"{{"schema":1,"orders":{{"8100000000000001":{GOOD},"8100000000000002":{{"order":{{"id":"8100000000000002","status":42}}}},"8100000000000003":{GOOD}}}}}"#
        );
        let l = load(&raw);
        assert_eq!(l.memory.orders.keys().collect::<Vec<_>>(), vec!["8100000000000001"]);
        let what: Vec<&str> = l.set_aside.iter().map(|s| s.what.as_str()).collect();
        assert_eq!(what, vec!["8100000000000002", "8100000000000003"]);
        assert!(l.set_aside[1].reason.contains("another order"));
        // The entry set aside is kept exactly as it was.
        assert_eq!(l.set_aside[0].raw["order"]["status"], 42);
        // A number no order holds is unreadable too: set aside, never computed with.
        let huge = r#"{"order":{"id":"8100000000000005","status":"completed","completed":"2026-11-01","stated_windows":[{"days":4294967295,"from":"confirm-receipt","purpose":"return-refund"},{"days":90,"from":"order-placed","purpose":"dispute"}]},"first_seen":"2026-11-01","last_seen":"2026-11-02"}"#;
        let l = load(&format!(r#"{{"schema":1,"orders":{{"8100000000000001":{GOOD},"8100000000000005":{huge}}}}}"#));
        assert_eq!((l.memory.orders.len(), l.set_aside[0].what.as_str()), (1, "8100000000000005"));
        assert!(l.set_aside[0].reason.contains("out of range"), "{}", l.set_aside[0].reason);
    }

    #[test]
    fn a_memory_as_the_first_version_wrote_it_reads_whole() {
        // Schema 1 as the foundation release wrote it: no `reminded`, no flags.
        let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/storage/memory-schema-1-first-release.json")).unwrap();
        let l = load(&raw);
        assert!(l.set_aside.is_empty(), "{:?}", l.set_aside);
        assert!(!l.changed);
        assert_eq!(l.memory.orders.len(), 3);
        let t = &l.memory.orders["8000100000015838"];
        assert_eq!((t.order.completed, t.resolved, t.reminded.len()), (Some(d("2026-10-20")), false, 0));
    }

    #[test]
    fn a_full_storage_loses_settled_and_finished_orders_first() {
        let mut m = Memory::default();
        let today = d("2026-11-21");
        let mk = |id: &str, status: &str, extra: &str, last_seen: &str| -> Tracked {
            serde_json::from_str(&format!(r#"{{"order":{{"id":"{id}","status":"{status}"{extra}}},"first_seen":"2026-10-01","last_seen":"{last_seen}"}}"#))
                .unwrap()
        };
        let mut resolved = mk("8100000000000001", "shipped", "", "2026-11-20");
        resolved.resolved = true;
        m.orders.insert("8100000000000001".into(), resolved);
        m.orders.insert("8100000000000002".into(), mk("8100000000000002", "closed", "", "2026-11-20"));
        // Closes in two days: needs action, kept to the last.
        m.orders.insert("8100000000000003".into(), mk("8100000000000003", "completed", r#","shipped":"2026-10-01","completed":"2026-11-08""#, "2026-11-01"));
        m.orders.insert("8100000000000004".into(), mk("8100000000000004", "shipped", "", "2026-11-01"));
        // Room for exactly the two orders that matter most.
        let mut two = m.clone();
        two.orders.retain(|id, _| id.ends_with('3') || id.ends_with('4'));
        let removed = trim(&mut m, &Settings::default(), today, serde_json::to_string(&two).unwrap().len());
        assert_eq!(removed, vec!["8100000000000001", "8100000000000002"]);
        assert!(m.orders.contains_key("8100000000000003"));
    }

    #[test]
    fn trimming_counts_utf8_bytes_as_storage_does() {
        // Stores named in Chinese: three bytes a character, so bytes and characters differ by far.
        let mut m = Memory::default();
        for i in 0..40 {
            let id = format!("81000000000001{i:02}");
            let t: Tracked = serde_json::from_value(serde_json::json!({
                "order": { "id": id, "status": "closed", "store": "深圳市优品电子科技有限公司旗舰店".repeat(10) },
                "first_seen": "2026-10-01", "last_seen": format!("2026-10-{:02}", i % 28 + 1),
            }))
            .unwrap();
            m.orders.insert(id, t);
        }
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.len() * 2 > json.chars().count() * 3, "bytes well above characters");
        let max = json.len() / 2;
        let mut trimmed = m.clone();
        let removed = trim(&mut trimmed, &Settings::default(), d("2026-11-21"), max);
        let size = stored_bytes(&trimmed);
        assert!(size <= max, "{size} bytes left, at most {max} wanted");
        // No more than needed: putting back the last one removed would not fit.
        let last = removed.last().unwrap();
        trimmed.orders.insert(last.clone(), m.orders[last].clone());
        assert!(stored_bytes(&trimmed) > max);
    }

    fn aside(what: &str, raw: Value) -> SetAside {
        SetAside { what: what.into(), reason: "unreadable".into(), raw }
    }

    #[test]
    fn what_is_set_aside_is_kept_once_and_cannot_grow_without_bound() {
        let first = keep_set_aside("", &[aside("8100000000000001", serde_json::json!({"x": 1}))], "2026-11-01T00:00:00Z");
        assert_eq!((first.len(), first[0]["at"].as_str()), (1, Some("2026-11-01T00:00:00Z")));
        // The same damaged entry read again (a write that failed, a second start) is not added twice.
        let again = keep_set_aside(&Value::from(first.clone()).to_string(), &[aside("8100000000000001", serde_json::json!({"x": 1}))], "2026-11-02T00:00:00Z");
        assert_eq!(again, first);
        // Past the count, the oldest go first.
        let mut stored: Vec<Value> =
            (0..SET_ASIDE_MAX_ITEMS + 10).map(|i| serde_json::json!({"what": format!("old-{i}"), "reason": "r", "raw": i, "at": "then"})).collect();
        let kept = keep_set_aside(&Value::from(stored.clone()).to_string(), &[aside("new", Value::Null)], "now");
        assert_eq!(kept.len(), SET_ASIDE_MAX_ITEMS);
        assert_eq!((kept[0]["what"].as_str(), kept.last().unwrap()["what"].as_str()), (Some("old-11"), Some("new")));
        // Past the bytes (UTF-8), too; the newest stays whatever its size.
        let big = "数".repeat(SET_ASIDE_MAX_BYTES / 6);
        stored.truncate(3);
        let kept = keep_set_aside(
            &Value::from(stored).to_string(),
            &[aside("a", big.clone().into()), aside("b", big.clone().into()), aside("c", big.repeat(3).into())],
            "now",
        );
        assert_eq!(kept.iter().map(|k| k["what"].as_str().unwrap()).collect::<Vec<_>>(), vec!["c"]);
        let kept = keep_set_aside("", &[aside("a", big.clone().into()), aside("b", big.into())], "now");
        assert_eq!(kept.iter().map(|k| k["what"].as_str().unwrap()).collect::<Vec<_>>(), vec!["b"], "two halves in bytes do not fit");
        // Whatever else was stored under the key is kept as an item.
        assert_eq!(keep_set_aside(r#"{"what":"orders"}"#, &[], "now").len(), 1);
        assert_eq!(keep_set_aside("not json", &[], "now"), vec![Value::String("not json".into())]);
    }
}
