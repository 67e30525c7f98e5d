//! The extension's local memory of orders (kept in `chrome.storage.local`, never sent anywhere):
//! every order read on any page, merging what list and detail pages each know.

use crate::wire::order::{Order, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the stored shape; `migrate` brings older shapes up to it.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    pub schema: u32,
    pub orders: BTreeMap<String, Tracked>,
}

impl Default for Memory {
    fn default() -> Self {
        Memory { schema: SCHEMA, orders: BTreeMap::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tracked {
    pub order: Order,
    #[serde(deserialize_with = "crate::wire::bounds::date")]
    pub first_seen: NaiveDate,
    #[serde(deserialize_with = "crate::wire::bounds::date")]
    pub last_seen: NaiveDate,
    /// The shopper marked it resolved: no reminders, not counted on the badge.
    #[serde(default)]
    pub resolved: bool,
    /// The shopper hid it from the list.
    #[serde(default)]
    pub hidden: bool,
    /// Reminders already shown for this order (`notifications::Reminder::key`), so that
    /// none is shown twice, across browser and service-worker restarts. A handful at most.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminded: Vec<String>,
}

/// Combines what is known of an order with a new reading of it: a value the new page shows
/// replaces the old one; a value it does not show keeps what an earlier page said. List and
/// detail pages each know part of an order (a list card shows no shipment date; a detail page
/// shows every item), so neither erases the other:
/// - a status the new page could not read keeps the old status together with its label;
/// - a dispute the new page does not mention is kept while the status stays the same, and
///   dropped once the order has moved on to another status;
/// - the longer list of items wins (a card may show only the first item).
pub fn merge_order(old: &Order, new: &Order) -> Order {
    fn pick<T: Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
        new.clone().or_else(|| old.clone())
    }
    let status_known = new.status != Status::Unknown;
    let dispute = match (new.dispute, status_known && new.status != old.status) {
        (Some(d), _) => Some(d),
        (None, true) => None,
        (None, false) => old.dispute,
    };
    Order {
        id: new.id.clone(),
        status: if status_known { new.status } else { old.status },
        status_text: if status_known || old.status_text.is_none() { pick(&new.status_text, &old.status_text) } else { old.status_text.clone() },
        placed: pick(&new.placed, &old.placed),
        paid: pick(&new.paid, &old.paid),
        shipped: pick(&new.shipped, &old.shipped),
        // A day known (one package, or the site's own shipment date) settles it.
        shipped_between: if new.shipped.or(old.shipped).is_some() { None } else { pick(&new.shipped_between, &old.shipped_between) },
        completed: pick(&new.completed, &old.completed),
        protection_ends: pick(&new.protection_ends, &old.protection_ends),
        protection_source: if new.protection_ends.is_some() { new.protection_source } else { old.protection_source },
        economy_shipping: pick(&new.economy_shipping, &old.economy_shipping),
        stated_windows: if new.stated_windows.is_empty() { old.stated_windows.clone() } else { new.stated_windows.clone() },
        dispute,
        dispute_opened: pick(&new.dispute_opened, &old.dispute_opened),
        dispute_opens: pick(&new.dispute_opens, &old.dispute_opens),
        // (Once offered, the window had opened: it never goes back to too early.)
        dispute_offered: new.dispute_offered || old.dispute_offered,
        store: pick(&new.store, &old.store),
        items: if new.items.len() >= old.items.len() { new.items.clone() } else { old.items.clone() },
        total: pick(&new.total, &old.total),
        detail_url: pick(&new.detail_url, &old.detail_url),
    }
}

impl Memory {
    /// Records the orders a page showed today.
    pub fn remember(&mut self, orders: &[Order], today: NaiveDate) {
        for o in orders {
            match self.orders.get_mut(&o.id) {
                Some(t) => {
                    t.order = merge_order(&t.order, o);
                    t.last_seen = today;
                }
                None => {
                    self.orders.insert(
                        o.id.clone(),
                        Tracked { order: o.clone(), first_seen: today, last_seen: today, resolved: false, hidden: false, reminded: vec![] },
                    );
                }
            }
        }
    }
}

/// What the shopper can do to the tracked orders: from the popup (resolve, hide, forget one)
/// or from the options page (forget everything).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Resolved orders get no reminders and are not counted on the badge; `value: false` undoes.
    Resolve {
        id: String,
        value: bool,
    },
    /// Hidden orders leave the popup's list (and get no reminders); `value: false` shows them again.
    Hide {
        id: String,
        value: bool,
    },
    Forget {
        id: String,
    },
    ForgetAll,
}

impl Change {
    /// A change as the popup names it: `resolve`, `hide`, `forget`, `forget-all`.
    pub fn parse(op: &str, id: &str, value: bool) -> Option<Change> {
        let id = id.to_string();
        Some(match op {
            "resolve" => Change::Resolve { id, value },
            "hide" => Change::Hide { id, value },
            "forget" => Change::Forget { id },
            "forget-all" => Change::ForgetAll,
            _ => return None,
        })
    }
}

impl Memory {
    /// The stored memory (JSON); nothing stored yet is an empty memory. A memory written by a
    /// newer version is refused rather than misread (and then overwritten).
    pub fn from_json(json: &str) -> Result<Memory, String> {
        let t = json.trim();
        if t.is_empty() || t == "null" {
            return Ok(Memory::default());
        }
        let m: Memory = serde_json::from_str(t).map_err(|e| format!("stored orders unreadable: {e}"))?;
        if m.schema > SCHEMA {
            return Err(format!("stored orders are from a newer version (schema {})", m.schema));
        }
        Ok(m)
    }

    /// Applies a change; false when there was nothing to change (an unknown order).
    pub fn change(&mut self, c: &Change) -> bool {
        match c {
            Change::Resolve { id, value } => self.orders.get_mut(id).map(|t| t.resolved = *value).is_some(),
            Change::Hide { id, value } => self.orders.get_mut(id).map(|t| t.hidden = *value).is_some(),
            Change::Forget { id } => self.orders.remove(id).is_some(),
            Change::ForgetAll => {
                let any = !self.orders.is_empty();
                self.orders.clear();
                any
            }
        }
    }
}

/// The name every export carries, so that a file from anything else is recognised as foreign.
pub const EXPORT_FORMAT: &str = "dispute-guard-export";
/// Version of the export's shape.
pub const EXPORT_VERSION: u32 = 1;
/// An export bigger than this is not ours (thousands of orders fit in a few megabytes).
const EXPORT_MAX_BYTES: usize = 20 * 1024 * 1024;

/// Everything the extension keeps, as one JSON document the shopper can save and import back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    /// Local time of the export, for the shopper's eyes only.
    pub exported: String,
    pub settings: crate::rules::settings::Settings,
    pub memory: Memory,
}

/// An export as written: the same shape as `Export`, borrowing what it writes.
#[derive(Debug, Serialize)]
pub struct ExportOut<'a> {
    pub format: &'static str,
    pub version: u32,
    pub exported: &'a str,
    pub settings: &'a crate::rules::settings::Settings,
    pub memory: &'a Memory,
}

pub fn export<'a>(memory: &'a Memory, settings: &'a crate::rules::settings::Settings, now_local: &'a str) -> ExportOut<'a> {
    ExportOut { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: now_local, settings, memory }
}

/// Reads an export back. Anything that is not a complete, valid export of ours is refused as a
/// whole with a message saying why, so an import never leaves half the data replaced.
pub fn import(json: &str) -> Result<(Memory, crate::rules::settings::Settings), crate::wire::page_plan::Message> {
    use crate::wire::page_plan::{Arg, Message};
    if json.len() > EXPORT_MAX_BYTES {
        return Err(Message::new("importNotOurs"));
    }
    // First only the envelope (the rest is skipped unread), to tell foreign data from ours.
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<String>,
        version: Option<u64>,
        memory: Option<SchemaOnly>,
    }
    #[derive(Deserialize)]
    struct SchemaOnly {
        schema: Option<u64>,
    }
    let envelope: Envelope = match serde_json::from_str(json) {
        Ok(e) => e,
        // Our export cut short (a download or a copy that stopped): say so, not "not JSON".
        Err(e) if e.is_eof() && json.trim_start().starts_with('{') => return Err(Message::new("importTruncated")),
        Err(e) if e.is_syntax() || e.is_eof() => return Err(Message::new("importNotJson")),
        Err(_) => return Err(Message::new("importNotOurs")),
    };
    if envelope.format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(Message::new("importNotOurs"));
    }
    let schema = envelope.memory.and_then(|m| m.schema).unwrap_or(0);
    if envelope.version.unwrap_or(0) > EXPORT_VERSION as u64 || schema > SCHEMA as u64 {
        return Err(Message::new("importTooNew"));
    }
    let e: Export = serde_json::from_str(json).map_err(|e| Message::with("importDamaged", vec![Arg::Text(e.to_string())]))?;
    if e.version == 0 || e.memory.schema == 0 {
        return Err(Message::with("importDamaged", vec![Arg::Text("version 0".into())]));
    }
    for (key, t) in &e.memory.orders {
        // Name the value that is wrong: the entry's key, or the id inside it.
        let bad = if !crate::wire::order::is_order_id(key) { Some(key) } else { (key != &t.order.id).then_some(&t.order.id) };
        if let Some(bad) = bad {
            return Err(Message::with("importBadOrder", vec![Arg::Text(bad.chars().take(40).collect())]));
        }
    }
    if let Some(p) = crate::toolbar::settings_form::problems(&e.settings).first() {
        return Err(Message::with("importBadSetting", vec![Arg::Text(p.field.clone())]));
    }
    Ok((e.memory, e.settings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn list_and_detail_readings_combine() {
        let list =
            Order { id: "8100000000000001".into(), status: Status::Shipped, placed: Some(d("2026-10-01")), store: Some("Shop".into()), ..Default::default() };
        let detail = Order { id: list.id.clone(), status: Status::Unknown, shipped: Some(d("2026-10-03")), ..Default::default() };
        let mut m = Memory::default();
        m.remember(&[list], d("2026-11-01"));
        m.remember(&[detail], d("2026-11-02"));
        let t = &m.orders["8100000000000001"];
        assert_eq!((t.order.status, t.order.placed, t.order.shipped), (Status::Shipped, Some(d("2026-10-01")), Some(d("2026-10-03"))));
        assert_eq!((t.first_seen, t.last_seen), (d("2026-11-01"), d("2026-11-02")));
        assert_eq!(t.order.store.as_deref(), Some("Shop"));
    }

    #[test]
    fn packages_shipped_on_different_days_are_kept_until_one_day_is_known() {
        let id = "8100000000000001".to_string();
        let two = Order { id: id.clone(), status: Status::Shipped, shipped_between: Some((d("2026-10-03"), d("2026-10-09"))), ..Default::default() };
        let list = Order { id: id.clone(), status: Status::Shipped, ..Default::default() };
        let one = Order { id: id.clone(), status: Status::Shipped, shipped: Some(d("2026-10-09")), ..Default::default() };
        let mut m = Memory::default();
        m.remember(std::slice::from_ref(&two), d("2026-11-01"));
        m.remember(&[list], d("2026-11-02"));
        assert_eq!(m.orders[&id].order.shipped_between, two.shipped_between, "a page without dates keeps them");
        m.remember(&[one], d("2026-11-03"));
        assert_eq!((m.orders[&id].order.shipped, m.orders[&id].order.shipped_between), (Some(d("2026-10-09")), None), "one day read settles it");
        m.remember(&[two], d("2026-11-04"));
        assert_eq!(m.orders[&id].order.shipped, Some(d("2026-10-09")), "the day known stays");
    }

    fn sample() -> Memory {
        let mut m = Memory::default();
        let o = Order {
            id: "8100000000000001".into(),
            status: Status::Completed,
            completed: Some(d("2026-02-01")),
            store: Some("A, b; \"c\"".into()),
            ..Default::default()
        };
        m.remember(&[o, Order { id: "8100000000000002".into(), status: Status::Shipped, ..Default::default() }], d("2026-02-02"));
        m.orders.get_mut("8100000000000001").unwrap().reminded.push("dispute-closes:2026-02-16:3".into());
        m
    }

    #[test]
    fn resolve_hide_and_forget_from_the_popup() {
        let mut m = sample();
        assert!(m.change(&Change::Resolve { id: "8100000000000001".into(), value: true }));
        assert!(m.orders["8100000000000001"].resolved);
        assert!(m.change(&Change::Hide { id: "8100000000000002".into(), value: true }));
        assert!(m.change(&Change::Hide { id: "8100000000000002".into(), value: false }));
        assert!(!m.orders["8100000000000002"].hidden);
        assert!(!m.change(&Change::Resolve { id: "8199999999999999".into(), value: true }), "unknown order");
        assert!(m.change(&Change::Forget { id: "8100000000000002".into() }));
        assert_eq!(m.orders.len(), 1);
        assert!(m.change(&Change::ForgetAll));
        assert_eq!(m, Memory::default());
        // A later reading of a resolved order keeps the shopper's choice.
        let mut m = sample();
        m.change(&Change::Resolve { id: "8100000000000001".into(), value: true });
        m.remember(&[Order { id: "8100000000000001".into(), status: Status::Completed, ..Default::default() }], d("2026-02-05"));
        assert!(m.orders["8100000000000001"].resolved);
        assert_eq!(Change::parse("hide", "8100000000000001", true), Some(Change::Hide { id: "8100000000000001".into(), value: true }));
        assert_eq!(Change::parse("forget-all", "", false), Some(Change::ForgetAll));
        assert_eq!(Change::parse("explode", "8100000000000001", true), None);
    }

    #[test]
    fn export_imports_back_to_the_same_state() {
        let m = sample();
        let s = crate::rules::settings::Settings { reminder_days: vec![10, 2], language: Some("fr".into()), ..Default::default() };
        let json = serde_json::to_string(&export(&m, &s, "2026-02-03T10:00:00")).unwrap();
        assert_eq!(import(&json), Ok((m, s)));
    }

    #[test]
    fn foreign_or_damaged_imports_are_refused_with_a_reason() {
        use crate::wire::page_plan::Message;
        let good = serde_json::to_value(export(&sample(), &Default::default(), "2026-02-03T10:00:00")).unwrap();
        let key = |r: Result<(Memory, crate::rules::settings::Settings), Message>| r.unwrap_err().key;
        assert_eq!(key(import("not json at all")), "importNotJson");
        let whole = good.to_string();
        for cut in [1, whole.len() / 3, whole.len() - 1] {
            assert_eq!(key(import(&whole[..cut])), "importTruncated", "cut at {cut}");
        }
        assert_eq!(key(import(r#"{"schema":1,"orders":{}}"#)), "importNotOurs", "a bare memory is not an export");
        assert_eq!(key(import(r#"{"format":"something-else","version":1}"#)), "importNotOurs");
        assert_eq!(key(import("[1,2,3]")), "importNotOurs");
        let with = |ptr: &str, v: serde_json::Value| {
            let mut x = good.clone();
            let (parent, field) = ptr.rsplit_once('/').unwrap();
            x.pointer_mut(parent).unwrap()[field] = v;
            x.to_string()
        };
        assert_eq!(key(import(&with("/version", 2.into()))), "importTooNew");
        assert_eq!(key(import(&with("/memory/schema", 9.into()))), "importTooNew");
        assert_eq!(key(import(&with("/memory/orders/8100000000000001/first_seen", "2026-02-30".into()))), "importDamaged");
        let r = import(&with("/memory/orders/8100000000000001/order/id", "42".into())).unwrap_err();
        assert_eq!((r.key.as_str(), r.args), ("importBadOrder", vec![crate::wire::page_plan::Arg::Text("42".into())]), "names the wrong id");
        assert_eq!(key(import(&with("/memory/orders/8100000000000001/order/id", "8100000000000009".into()))), "importBadOrder");
        assert_eq!(key(import(&with("/settings/closing_soon_days", 999.into()))), "importBadSetting");
        assert_eq!(key(import(&with("/settings/closing_soon_days", "soon".into()))), "importDamaged");
        // Numbers and dates past what any order holds: refused, naming the value.
        let window = serde_json::json!([{ "days": 4_294_967_295u32, "from": "confirm-receipt", "purpose": "return-refund" }]);
        let r = import(&with("/memory/orders/8100000000000001/order/stated_windows", window)).unwrap_err();
        assert_eq!(r.key, "importDamaged");
        assert!(matches!(&r.args[0], crate::wire::page_plan::Arg::Text(t) if t.contains("4294967295 days is out of range")), "{:?}", r.args);
        assert_eq!(key(import(&with("/memory/orders/8100000000000001/order/completed", "+262142-12-31".into()))), "importDamaged");
        assert_eq!(key(import(&with("/memory/orders/8100000000000001/last_seen", "1969-12-31".into()))), "importDamaged");
        assert_eq!(key(import(&with("/settings/policy/seller_response_days", 4_294_967_295u32.into()))), "importDamaged");
    }

    #[test]
    fn a_memory_from_a_newer_version_is_not_misread() {
        assert!(Memory::from_json(r#"{"schema":2,"orders":{}}"#).is_err());
        assert_eq!(Memory::from_json("").unwrap(), Memory::default());
        assert_eq!(Memory::from_json(&serde_json::to_string(&sample()).unwrap()).unwrap(), sample());
    }

    #[test]
    fn an_unreadable_status_keeps_the_old_one_with_its_label() {
        let known = Order { id: "8100000000000001".into(), status: Status::Shipped, status_text: Some("Awaiting delivery".into()), ..Default::default() };
        let garbled = Order { id: known.id.clone(), status: Status::Unknown, status_text: Some("Aw@iting".into()), ..Default::default() };
        let merged = merge_order(&known, &garbled);
        assert_eq!((merged.status, merged.status_text.as_deref()), (Status::Shipped, Some("Awaiting delivery")));
    }

    #[test]
    fn a_dispute_is_kept_until_the_order_moves_on() {
        use crate::wire::order::{DisputeProgress, Item};
        let item = |t: &str| Item { title: t.into(), quantity: Some(1) };
        let detail = Order {
            id: "8100000000000001".into(),
            status: Status::Shipped,
            dispute: Some(DisputeProgress::InProgress),
            items: vec![item("a"), item("b")],
            ..Default::default()
        };
        // The list card says nothing of the dispute and shows only the first item.
        let list = Order { id: detail.id.clone(), status: Status::Shipped, items: vec![item("a")], ..Default::default() };
        let merged = merge_order(&detail, &list);
        assert_eq!((merged.dispute, merged.items.len()), (Some(DisputeProgress::InProgress), 2));
        // Later the order is completed and no dispute is shown any more.
        let done = Order { id: detail.id.clone(), status: Status::Completed, ..Default::default() };
        assert_eq!(merge_order(&merged, &done).dispute, None);
    }
}
