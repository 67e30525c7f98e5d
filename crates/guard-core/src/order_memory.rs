//! The extension's local memory of orders (kept in `chrome.storage.local`, never sent anywhere):
//! every order read on any page, merging what list and detail pages each know.

use crate::order::{Order, Status};
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
    pub first_seen: NaiveDate,
    pub last_seen: NaiveDate,
    /// The shopper marked it resolved: no reminders, not counted on the badge.
    #[serde(default)]
    pub resolved: bool,
    /// The shopper hid it from the list.
    #[serde(default)]
    pub hidden: bool,
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
        completed: pick(&new.completed, &old.completed),
        protection_ends: pick(&new.protection_ends, &old.protection_ends),
        protection_source: if new.protection_ends.is_some() { new.protection_source } else { old.protection_source },
        economy_shipping: pick(&new.economy_shipping, &old.economy_shipping),
        stated_windows: if new.stated_windows.is_empty() { old.stated_windows.clone() } else { new.stated_windows.clone() },
        dispute,
        dispute_opened: pick(&new.dispute_opened, &old.dispute_opened),
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
                        Tracked { order: o.clone(), first_seen: today, last_seen: today, resolved: false, hidden: false },
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn list_and_detail_readings_combine() {
        let list = Order { id: "8100000000000001".into(), status: Status::Shipped, placed: Some(d("2026-10-01")), store: Some("Shop".into()), ..Default::default() };
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
    fn an_unreadable_status_keeps_the_old_one_with_its_label() {
        let known = Order { id: "8100000000000001".into(), status: Status::Shipped, status_text: Some("Awaiting delivery".into()), ..Default::default() };
        let garbled = Order { id: known.id.clone(), status: Status::Unknown, status_text: Some("Aw@iting".into()), ..Default::default() };
        let merged = merge_order(&known, &garbled);
        assert_eq!((merged.status, merged.status_text.as_deref()), (Status::Shipped, Some("Awaiting delivery")));
    }

    #[test]
    fn a_dispute_is_kept_until_the_order_moves_on() {
        use crate::order::{DisputeProgress, Item};
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
