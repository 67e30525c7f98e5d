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
/// replaces the old one; a value it does not show keeps what an earlier page said.
pub fn merge_order(old: &Order, new: &Order) -> Order {
    fn pick<T: Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
        new.clone().or_else(|| old.clone())
    }
    Order {
        id: new.id.clone(),
        status: if new.status == Status::Unknown { old.status } else { new.status },
        status_text: pick(&new.status_text, &old.status_text),
        placed: pick(&new.placed, &old.placed),
        paid: pick(&new.paid, &old.paid),
        shipped: pick(&new.shipped, &old.shipped),
        completed: pick(&new.completed, &old.completed),
        protection_ends: pick(&new.protection_ends, &old.protection_ends),
        protection_source: if new.protection_ends.is_some() { new.protection_source } else { old.protection_source },
        economy_shipping: pick(&new.economy_shipping, &old.economy_shipping),
        stated_windows: if new.stated_windows.is_empty() { old.stated_windows.clone() } else { new.stated_windows.clone() },
        dispute: pick(&new.dispute, &old.dispute),
        dispute_opened: pick(&new.dispute_opened, &old.dispute_opened),
        store: pick(&new.store, &old.store),
        items: if new.items.is_empty() { old.items.clone() } else { new.items.clone() },
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
}
