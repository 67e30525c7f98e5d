//! What the toolbar says: which tracked orders need action now.

use crate::dispute_window::{dispute_window, DisputeState};
use crate::order_memory::{Memory, Tracked};
use crate::settings::Settings;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badge {
    /// The badge text: the count, or empty when nothing needs action.
    pub text: String,
    pub count: usize,
}

/// An order needs action now when its dispute window is closing soon, or when its protection
/// ends soon and it has not arrived (time to ask the seller for an extension).
pub fn needs_action(t: &Tracked, settings: &Settings, today: NaiveDate) -> bool {
    if t.resolved || t.hidden {
        return false;
    }
    let w = dispute_window(&t.order, today, settings);
    w.state == DisputeState::ClosingSoon || w.extension_worthy
}

pub fn badge(memory: &Memory, settings: &Settings, today: NaiveDate) -> Badge {
    let count = memory.orders.values().filter(|t| needs_action(t, settings, today)).count();
    Badge { text: if count == 0 { String::new() } else { count.to_string() }, count }
}

/// One line of the popup's list of orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub status: crate::order::Status,
    pub window: crate::dispute_window::DisputeWindow,
    pub needs_action: bool,
    pub resolved: bool,
    pub hidden: bool,
}

/// The next date that matters for an order, for sorting: its window's last day, else its
/// opening day; orders without either come last.
fn next_deadline(l: &OrderLine) -> Option<NaiveDate> {
    l.window.closes.or(l.window.opens)
}

/// Every tracked order, soonest deadline first.
pub fn order_lines(memory: &Memory, settings: &Settings, today: NaiveDate) -> Vec<OrderLine> {
    let mut lines: Vec<OrderLine> = memory
        .orders
        .values()
        .map(|t| OrderLine {
            id: t.order.id.clone(),
            store: t.order.store.clone(),
            item: t.order.items.first().map(|i| i.title.clone()),
            status: t.order.status,
            window: dispute_window(&t.order, today, settings),
            needs_action: needs_action(t, settings, today),
            resolved: t.resolved,
            hidden: t.hidden,
        })
        .collect();
    lines.sort_by(|a, b| match (next_deadline(a), next_deadline(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.id.cmp(&b.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    });
    lines
}
