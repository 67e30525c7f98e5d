//! When can the shopper open a dispute, until when, and why.
//!
//! The rules (policy numbers in `policy`, page statements win):
//! - opens: shipment + 10 days;
//! - closes: completion + 15 days; for a shipped order not yet received, the end of buyer
//!   protection;
//! - protection ends: the date the page gives, else shipment + 60 days (75 economy), an estimate;
//! - a window the page states in words overrides the defaults.

use crate::order::{DisputeProgress, Order, Status, WindowPurpose, WindowStart};
use crate::settings::Settings;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DisputeState {
    NotApplicable,
    TooEarly,
    Open,
    ClosingSoon,
    Closed,
    InProgress,
    Unknown,
}

impl DisputeState {
    pub fn as_str(self) -> &'static str {
        match self {
            DisputeState::NotApplicable => "not-applicable",
            DisputeState::TooEarly => "too-early",
            DisputeState::Open => "open",
            DisputeState::ClosingSoon => "closing-soon",
            DisputeState::Closed => "closed",
            DisputeState::InProgress => "in-progress",
            DisputeState::Unknown => "unknown",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, DisputeState::Open | DisputeState::ClosingSoon)
    }
}

/// Why the window is in its state, in terms the shopper can act on. Each maps to a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Not paid yet: nothing to dispute.
    AwaitingPayment,
    /// Not shipped yet: a dispute opens only after shipment.
    NotShippedYet,
    /// Shipped less than 10 days ago.
    TooSoonAfterShipment,
    /// In transit: open until buyer protection ends.
    InTransitProtectionLeft,
    /// In transit and protection has ended: the order is (or will be) confirmed automatically.
    ProtectionEnded,
    /// Receipt confirmed: open until 15 days after (or the window the page states).
    WithinWindowAfterReceipt,
    /// Receipt confirmed and the window has passed.
    WindowPassedAfterReceipt,
    /// Cancelled, expired, refunded or closed.
    OrderClosed,
    /// A dispute is under way.
    DisputeUnderWay,
    /// A dispute was decided: it cannot be reopened.
    DisputeDecided,
    /// A dispute the shopper cancelled can be reopened while protection lasts.
    DisputeCancelledReopenable,
    /// A cancelled dispute whose protection is over.
    DisputeCancelledProtectionOver,
    /// The page does not show the dates needed.
    MissingDates,
    /// The page contradicts itself (e.g. shipped after completed).
    Contradictory,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputeWindow {
    pub state: DisputeState,
    pub reason: Reason,
    /// First day a dispute can be opened, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens: Option<NaiveDate>,
    /// Last day a dispute can be opened, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes: Option<NaiveDate>,
    /// `closes` rests on a default policy number rather than on what the page states.
    pub closes_estimated: bool,
    /// Last day of buyer protection: stated by the page, or estimated (`protection_estimated`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection_ends: Option<NaiveDate>,
    pub protection_estimated: bool,
    /// Days from today to `closes` (0 = closes today), when open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// Protection ends within the extension lead time on an order not received yet.
    pub extension_worthy: bool,
}

fn add_days(d: NaiveDate, days: u32) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(days as i64))
}

/// End of buyer protection: the page's date, else shipment + the policy's days (an estimate).
pub fn protection_ends(order: &Order, settings: &Settings) -> (Option<NaiveDate>, bool) {
    if let Some(d) = order.protection_ends {
        return (Some(d), false);
    }
    let days = if order.economy_shipping == Some(true) {
        settings.policy.protection_days_economy
    } else {
        settings.policy.protection_days
    };
    (order.shipped.and_then(|s| add_days(s, days)), true)
}

/// Last day to open a dispute after receipt: a window the page states, else the policy's days.
fn closes_after_receipt(order: &Order, completed: NaiveDate, settings: &Settings) -> (Option<NaiveDate>, bool) {
    let stated = |purpose: WindowPurpose| order.stated_windows.iter().find(|w| w.purpose == purpose);
    if let Some(w) = stated(WindowPurpose::Dispute) {
        let start = match w.from {
            WindowStart::OrderPlaced => order.placed,
            WindowStart::ConfirmReceipt => Some(completed),
            WindowStart::Shipment => order.shipped,
        };
        if let Some(s) = start {
            return (add_days(s, w.days), false);
        }
    }
    if let Some(w) = stated(WindowPurpose::ReturnRefund).filter(|w| w.from == WindowStart::ConfirmReceipt) {
        return (add_days(completed, w.days), false);
    }
    (add_days(completed, settings.policy.dispute_closes_after_receipt_days), true)
}

/// The dates a page gives must come in order; if they do not, nothing can be trusted.
fn contradictory(order: &Order, today: NaiveDate) -> bool {
    let seq = [order.placed, order.paid, order.shipped, order.completed];
    let known: Vec<NaiveDate> = seq.iter().flatten().copied().collect();
    known.windows(2).any(|w| w[0] > w[1]) || known.iter().any(|d| *d > today)
}

pub fn dispute_window(order: &Order, today: NaiveDate, settings: &Settings) -> DisputeWindow {
    let (protection, protection_estimated) = protection_ends(order, settings);
    let opens = order.shipped.and_then(|s| add_days(s, settings.policy.dispute_opens_after_shipment_days));
    let mut w = DisputeWindow {
        state: DisputeState::Unknown,
        reason: Reason::MissingDates,
        opens,
        closes: None,
        closes_estimated: false,
        protection_ends: protection,
        protection_estimated,
        days_left: None,
        extension_worthy: false,
    };
    if contradictory(order, today) {
        w.reason = Reason::Contradictory;
        w.opens = None;
        return w;
    }
    let set = |w: &mut DisputeWindow, state, reason| {
        w.state = state;
        w.reason = reason;
    };
    match (order.status, order.dispute) {
        (Status::AwaitingPayment, _) => set(&mut w, DisputeState::NotApplicable, Reason::AwaitingPayment),
        (Status::Closed, _) => set(&mut w, DisputeState::NotApplicable, Reason::OrderClosed),
        (Status::AwaitingShipment, _) => set(&mut w, DisputeState::TooEarly, Reason::NotShippedYet),
        (_, Some(DisputeProgress::Decided)) => set(&mut w, DisputeState::Closed, Reason::DisputeDecided),
        (_, Some(DisputeProgress::Cancelled)) => {
            w.closes = protection;
            w.closes_estimated = protection_estimated;
            let reopenable = protection.is_some_and(|p| today <= p);
            if reopenable {
                open_or_soon(&mut w, today, settings, Reason::DisputeCancelledReopenable);
            } else if protection.is_some() {
                set(&mut w, DisputeState::Closed, Reason::DisputeCancelledProtectionOver);
            }
        }
        (Status::Dispute, _) | (_, Some(DisputeProgress::InProgress)) => {
            set(&mut w, DisputeState::InProgress, Reason::DisputeUnderWay)
        }
        (Status::Shipped, None) => {
            w.closes = protection;
            w.closes_estimated = protection_estimated;
            w.extension_worthy = protection
                .is_some_and(|p| p >= today && (p - today).num_days() <= settings.extension_lead_days as i64);
            shipped_or_completed(&mut w, order, today, settings, Reason::InTransitProtectionLeft, Reason::ProtectionEnded);
        }
        (Status::Completed, None) => {
            if let Some(c) = order.completed {
                let (closes, estimated) = closes_after_receipt(order, c, settings);
                w.closes = closes;
                w.closes_estimated = estimated;
            }
            shipped_or_completed(
                &mut w,
                order,
                today,
                settings,
                Reason::WithinWindowAfterReceipt,
                Reason::WindowPassedAfterReceipt,
            );
        }
        (Status::Unknown, None) => {}
    }
    w
}

fn shipped_or_completed(w: &mut DisputeWindow, order: &Order, today: NaiveDate, settings: &Settings, open: Reason, passed: Reason) {
    let earliest_opening = w.opens.or_else(|| {
        // Shipment never precedes the order: a dispute cannot open before order date + 10 days.
        order.placed.and_then(|p| add_days(p, settings.policy.dispute_opens_after_shipment_days))
    });
    match (earliest_opening, w.closes) {
        (Some(o), _) if today < o && (w.opens.is_some() || order.status == Status::Shipped) => {
            w.state = DisputeState::TooEarly;
            w.reason = Reason::TooSoonAfterShipment;
        }
        (_, Some(c)) if today > c => {
            w.state = DisputeState::Closed;
            w.reason = passed;
        }
        (Some(_), Some(_)) if w.opens.is_some() => open_or_soon(w, today, settings, open),
        // Completed with a known last day: the shipment date matters only for the start, and
        // a completed order was necessarily shipped more than a day ago.
        (_, Some(_)) if order.status == Status::Completed => open_or_soon(w, today, settings, open),
        _ => {}
    }
}

fn open_or_soon(w: &mut DisputeWindow, today: NaiveDate, settings: &Settings, reason: Reason) {
    let Some(c) = w.closes else { return };
    let left = (c - today).num_days();
    w.days_left = Some(left);
    w.reason = reason;
    w.state = if left <= settings.closing_soon_days as i64 { DisputeState::ClosingSoon } else { DisputeState::Open };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn order(status: Status) -> Order {
        Order { id: "8000000000000001".into(), status, ..Default::default() }
    }

    #[test]
    fn shipped_order_opens_ten_days_after_shipment() {
        let mut o = order(Status::Shipped);
        o.placed = Some(d("2026-01-01"));
        o.shipped = Some(d("2026-01-03"));
        let s = Settings::default();
        // The day before, the day of, the day after.
        assert_eq!(dispute_window(&o, d("2026-01-12"), &s).state, DisputeState::TooEarly);
        let w = dispute_window(&o, d("2026-01-13"), &s);
        assert_eq!((w.state, w.opens, w.closes), (DisputeState::Open, Some(d("2026-01-13")), Some(d("2026-03-04"))));
        assert!(w.closes_estimated);
        assert_eq!(dispute_window(&o, d("2026-01-14"), &s).state, DisputeState::Open);
    }

    #[test]
    fn completed_order_closes_fifteen_days_after_receipt() {
        let mut o = order(Status::Completed);
        o.shipped = Some(d("2026-01-03"));
        o.completed = Some(d("2026-02-01"));
        let s = Settings::default();
        assert_eq!(dispute_window(&o, d("2026-02-12"), &s).state, DisputeState::Open);
        let w = dispute_window(&o, d("2026-02-13"), &s);
        assert_eq!((w.state, w.days_left), (DisputeState::ClosingSoon, Some(3)));
        assert_eq!(dispute_window(&o, d("2026-02-16"), &s).state, DisputeState::ClosingSoon);
        let w = dispute_window(&o, d("2026-02-17"), &s);
        assert_eq!((w.state, w.reason), (DisputeState::Closed, Reason::WindowPassedAfterReceipt));
    }

    #[test]
    fn missing_dates_are_unknown_not_open() {
        let o = order(Status::Completed);
        assert_eq!(dispute_window(&o, d("2026-02-12"), &Settings::default()).state, DisputeState::Unknown);
        let o = order(Status::Shipped);
        assert_eq!(dispute_window(&o, d("2026-02-12"), &Settings::default()).state, DisputeState::Unknown);
    }

    #[test]
    fn dates_out_of_order_are_contradictory() {
        let mut o = order(Status::Completed);
        o.shipped = Some(d("2026-02-03"));
        o.completed = Some(d("2026-02-01"));
        let w = dispute_window(&o, d("2026-02-05"), &Settings::default());
        assert_eq!((w.state, w.reason), (DisputeState::Unknown, Reason::Contradictory));
    }
}
