//! When can the shopper open a dispute, until when, and why.
//!
//! The rules (numbers in `policy`, each with its source; what a page states wins):
//! - opens: shipment + 10 days;
//! - closes: receipt (confirmed by the shopper or automatically) + 15 days; for a shipped order
//!   not yet received, the end of buyer protection;
//! - protection ends: the date the page gives, else shipment + 60 days (75 economy), an estimate;
//! - a window the page states in words ("within 7 days of confirming receipt", "within 90 days
//!   after order was placed") overrides the defaults;
//! - a cancelled dispute can be reopened while protection lasts; a decided one cannot;
//! - dates that are missing or contradict each other give `unknown`, never a guess.
//!
//! Every state comes with a `Reason`, which `reason_message` turns into a sentence the shopper
//! can act on (message keys in extension/i18n/dispute_path).

use crate::rules::settings::Settings;
use crate::wire::order::{DisputeProgress, Order, ProtectionSource, Status, WindowPurpose, WindowStart};
use crate::wire::page_plan::{Arg, Message};
use chrono::NaiveDate;
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
/// The list follows the reasons the sources give for "I can't open a dispute" (SOURCES.md
/// section 6), plus the two ways the extension itself can be unsure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Not paid yet: nothing to dispute.
    AwaitingPayment,
    /// Not shipped yet: a dispute opens only after shipment.
    NotShippedYet,
    /// Shipped less than 10 days ago (or, shipment date unknown, ordered less than 10 days ago).
    TooSoonAfterShipment,
    /// In transit: open until buyer protection ends.
    InTransitProtectionLeft,
    /// In transit and protection has ended: the order is (or will be) confirmed automatically.
    ProtectionEnded,
    /// Receipt confirmed: open until 15 days after (or the window the page states).
    WithinWindowAfterReceipt,
    /// More than 15 days (the policy's number) since receipt was confirmed.
    WindowPassedAfterReceipt,
    /// Receipt confirmed and the window the page itself states has passed.
    StatedWindowPassed,
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
    /// The page contradicts itself (e.g. shipped after completed, dates in the future).
    Contradictory,
    /// The order's status label was not recognised.
    StatusUnknown,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::AwaitingPayment => "awaiting-payment",
            Reason::NotShippedYet => "not-shipped-yet",
            Reason::TooSoonAfterShipment => "too-soon-after-shipment",
            Reason::InTransitProtectionLeft => "in-transit-protection-left",
            Reason::ProtectionEnded => "protection-ended",
            Reason::WithinWindowAfterReceipt => "within-window-after-receipt",
            Reason::WindowPassedAfterReceipt => "window-passed-after-receipt",
            Reason::StatedWindowPassed => "stated-window-passed",
            Reason::OrderClosed => "order-closed",
            Reason::DisputeUnderWay => "dispute-under-way",
            Reason::DisputeDecided => "dispute-decided",
            Reason::DisputeCancelledReopenable => "dispute-cancelled-reopenable",
            Reason::DisputeCancelledProtectionOver => "dispute-cancelled-protection-over",
            Reason::MissingDates => "missing-dates",
            Reason::Contradictory => "contradictory",
            Reason::StatusUnknown => "status-unknown",
        }
    }
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
    crate::wire::bounds::add_days(d, days as i64)
}

/// End of buyer protection: the page's date, else shipment + the policy's days (an estimate).
pub fn protection_ends(order: &Order, settings: &Settings) -> (Option<NaiveDate>, bool) {
    if let Some(d) = order.protection_ends {
        return (Some(d), false);
    }
    // The page said two different things: an estimate would be a guess.
    if order.protection_source == Some(ProtectionSource::Contradicted) {
        return (None, false);
    }
    let days = if order.economy_shipping == Some(true) { settings.policy.protection_days_economy } else { settings.policy.protection_days };
    (order.shipped.and_then(|s| add_days(s, days)), true)
}

/// The last day to open a dispute once receipt is confirmed on `completed` (None: not known),
/// and whether that day rests on the policy rather than on the page. A window the page states
/// for disputes wins; then a return/refund window counted from receipt; then the policy.
pub fn closes_after_receipt(order: &Order, completed: Option<NaiveDate>, settings: &Settings) -> (Option<NaiveDate>, bool) {
    let stated = |purpose: WindowPurpose| order.stated_windows.iter().find(|w| w.purpose == purpose);
    if let Some(w) = stated(WindowPurpose::Dispute) {
        let start = match w.from {
            WindowStart::OrderPlaced => order.placed,
            WindowStart::ConfirmReceipt => completed,
            WindowStart::Shipment => order.shipped,
        };
        if let Some(s) = start {
            return (add_days(s, w.days), false);
        }
    }
    if let Some(w) = stated(WindowPurpose::ReturnRefund).filter(|w| w.from == WindowStart::ConfirmReceipt) {
        return (completed.and_then(|c| add_days(c, w.days)), false);
    }
    (completed.and_then(|c| add_days(c, settings.policy.dispute_closes_after_receipt_days)), true)
}

/// A page's own clock may run ahead of the shopper's (the site shows dates in its own time
/// zone), so a date up to one day in the future is not a contradiction.
const CLOCK_SLACK_DAYS: i64 = 1;

/// The dates a page gives must come in order; if they do not, nothing can be trusted.
fn contradictory(order: &Order, today: NaiveDate) -> bool {
    let seq = [order.placed, order.paid, order.shipped, order.completed];
    let known: Vec<NaiveDate> = seq.iter().flatten().copied().collect();
    let latest_plausible = crate::wire::bounds::add_days(today, CLOCK_SLACK_DAYS).unwrap_or(NaiveDate::MAX);
    known.windows(2).any(|w| w[0] > w[1])
        || known.iter().any(|d| *d > latest_plausible)
        || matches!((order.shipped, order.protection_ends), (Some(s), Some(p)) if p < s)
        || matches!((order.dispute_opened, order.placed), (Some(o), Some(p)) if o < p)
}

pub fn dispute_window(order: &Order, today: NaiveDate, settings: &Settings) -> DisputeWindow {
    match (order.shipped, order.shipped_between) {
        (None, Some((first, last))) => window_either_day(order, first, last, today, settings),
        _ => window(order, today, settings),
    }
}

/// Packages shipped on different days: the window as it is with the first day and with the
/// last, where the two agree; what they disagree on is unknown (the state too, then). Never a
/// window called open that one of the days would call otherwise.
fn window_either_day(order: &Order, first: NaiveDate, last: NaiveDate, today: NaiveDate, settings: &Settings) -> DisputeWindow {
    let with = |d| window(&Order { shipped: Some(d), shipped_between: None, ..order.clone() }, today, settings);
    let (a, b) = (with(first), with(last));
    if a.state != b.state {
        // (Nor does a live "Open dispute" settle days the page itself disagrees on.)
        return window(&Order { shipped_between: None, dispute_offered: false, ..order.clone() }, today, settings);
    }
    fn same<T: PartialEq>(x: Option<T>, y: Option<T>) -> Option<T> {
        if x == y {
            x
        } else {
            None
        }
    }
    DisputeWindow {
        opens: same(a.opens, b.opens),
        closes: same(a.closes, b.closes),
        closes_estimated: a.closes_estimated || b.closes_estimated,
        protection_ends: same(a.protection_ends, b.protection_ends),
        protection_estimated: a.protection_estimated || b.protection_estimated,
        days_left: same(a.days_left, b.days_left),
        extension_worthy: a.extension_worthy && b.extension_worthy,
        ..b
    }
}

fn window(order: &Order, today: NaiveDate, settings: &Settings) -> DisputeWindow {
    let (protection, protection_estimated) = protection_ends(order, settings);
    // The page's own first day wins over the rule's.
    let opens = order.dispute_opens.or_else(|| order.shipped.and_then(|s| add_days(s, settings.policy.dispute_opens_after_shipment_days)));
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
        // The page's own protection date stands; an estimate built on contradictory dates does not.
        if protection_estimated {
            w.protection_ends = None;
        }
        return w;
    }
    let set = |w: &mut DisputeWindow, state, reason| {
        w.state = state;
        w.reason = reason;
    };
    match (order.status, order.dispute) {
        (Status::AwaitingPayment, _) => set(&mut w, DisputeState::NotApplicable, Reason::AwaitingPayment),
        (Status::Closed, Some(DisputeProgress::Decided)) => set(&mut w, DisputeState::NotApplicable, Reason::DisputeDecided),
        (Status::Closed, _) => set(&mut w, DisputeState::NotApplicable, Reason::OrderClosed),
        (Status::AwaitingShipment, _) => set(&mut w, DisputeState::TooEarly, Reason::NotShippedYet),
        // A dispute decided or cancelled on an order whose signals disagree: whether it could be
        // opened again depends on the state they disagree about.
        (Status::Unknown, Some(DisputeProgress::Decided | DisputeProgress::Cancelled)) => w.reason = Reason::StatusUnknown,
        // Decided: none can be opened again, whatever the days say. The window's usual last day
        // stays shown (on a parcel still on its way it is also the day of automatic receipt).
        (_, Some(DisputeProgress::Decided)) => {
            (w.closes, w.closes_estimated) = usual_end(order, protection, protection_estimated, settings);
            set(&mut w, DisputeState::Closed, Reason::DisputeDecided)
        }
        (_, Some(DisputeProgress::Cancelled)) => {
            // Reopenable while protection lasts: for a parcel still on its way that is buyer
            // protection; once received, the window after receipt.
            let (closes, estimated) = usual_end(order, protection, protection_estimated, settings);
            w.closes = closes;
            w.closes_estimated = estimated;
            // (Still on its way: asking for more protection is worth it as without a dispute.)
            if order.status == Status::Shipped {
                w.extension_worthy = extension_worthy(protection, today, settings);
            }
            match closes {
                Some(c) if today <= c => open_or_soon(&mut w, today, settings, Reason::DisputeCancelledReopenable),
                Some(_) => set(&mut w, DisputeState::Closed, Reason::DisputeCancelledProtectionOver),
                None => {}
            }
        }
        (Status::Dispute, _) | (_, Some(DisputeProgress::InProgress)) => set(&mut w, DisputeState::InProgress, Reason::DisputeUnderWay),
        (Status::Shipped, None) => {
            w.closes = protection;
            w.closes_estimated = protection_estimated;
            w.extension_worthy = extension_worthy(protection, today, settings);
            in_window(&mut w, order, today, settings, Reason::InTransitProtectionLeft, Reason::ProtectionEnded);
        }
        (Status::Completed, None) => {
            let (closes, estimated) = closes_after_receipt(order, order.completed, settings);
            w.closes = closes;
            w.closes_estimated = estimated;
            let passed = if estimated { Reason::WindowPassedAfterReceipt } else { Reason::StatedWindowPassed };
            in_window(&mut w, order, today, settings, Reason::WithinWindowAfterReceipt, passed);
        }
        (Status::Unknown, None) => w.reason = Reason::StatusUnknown,
    }
    w
}

/// Whether asking for more protection is worth it: it ends within the lead time, and not yet.
fn extension_worthy(protection: Option<NaiveDate>, today: NaiveDate, settings: &Settings) -> bool {
    protection.is_some_and(|p| p >= today && (p - today).num_days() <= settings.extension_lead_days as i64)
}

/// The last day of the window outside a dispute: for a parcel still on its way the end of buyer
/// protection; once received, the window after receipt.
fn usual_end(order: &Order, protection: Option<NaiveDate>, protection_estimated: bool, settings: &Settings) -> (Option<NaiveDate>, bool) {
    if order.status == Status::Completed || order.completed.is_some() {
        closes_after_receipt(order, order.completed, settings)
    } else {
        (protection, protection_estimated)
    }
}

/// A shipped or completed order: too early, open, closing soon, closed or unknown.
fn in_window(w: &mut DisputeWindow, order: &Order, today: NaiveDate, settings: &Settings, open: Reason, passed: Reason) {
    if w.closes.is_some_and(|c| today > c) {
        w.state = DisputeState::Closed;
        w.reason = passed;
        return;
    }
    match w.opens {
        Some(o) if today < o => {
            w.state = DisputeState::TooEarly;
            w.reason = Reason::TooSoonAfterShipment;
        }
        Some(_) => open_or_soon(w, today, settings, open),
        None => {
            // Shipment date not shown. Shipment never precedes the order, so a dispute cannot
            // open before order date + 10 days; after that the opening day is unknown.
            let earliest = order.placed.and_then(|p| add_days(p, settings.policy.dispute_opens_after_shipment_days));
            if earliest.is_some_and(|e| today < e) {
                w.state = DisputeState::TooEarly;
                w.reason = Reason::TooSoonAfterShipment;
            } else if order.status == Status::Completed && w.closes.is_some() {
                // Received: it was shipped, and the window after receipt is what limits it.
                open_or_soon(w, today, settings, open);
            } else if order.status == Status::Shipped && order.dispute_offered && w.closes.is_some() {
                // On its way, and the page offers a live "Open dispute": the site says the window
                // has opened (a greyed one, or none, says nothing); its end is protection's.
                open_or_soon(w, today, settings, open);
            }
        }
    }
}

fn open_or_soon(w: &mut DisputeWindow, today: NaiveDate, settings: &Settings, reason: Reason) {
    let Some(c) = w.closes else { return };
    let left = (c - today).num_days();
    w.days_left = Some(left);
    w.reason = reason;
    w.state = if left <= settings.closing_soon_days as i64 { DisputeState::ClosingSoon } else { DisputeState::Open };
}

/// The earliest day a dispute could open when the shipment date is unknown: order + 10 days.
pub fn earliest_opening(order: &Order, settings: &Settings) -> Option<NaiveDate> {
    order.placed.and_then(|p| add_days(p, settings.policy.dispute_opens_after_shipment_days))
}

/// The window a page states for a return/refund after receipt, if any ("within 7 days of
/// confirming receipt"), when it differs from the dispute window: worth saying on its own.
pub fn stated_return_days(order: &Order) -> Option<u32> {
    let has_dispute_window = order.stated_windows.iter().any(|w| w.purpose == WindowPurpose::Dispute);
    order
        .stated_windows
        .iter()
        .find(|w| w.purpose == WindowPurpose::ReturnRefund && w.from == WindowStart::ConfirmReceipt)
        .filter(|_| has_dispute_window)
        .map(|w| w.days)
}

/// The reason as a sentence the shopper can act on: a message key of
/// extension/i18n/dispute_path with its arguments.
pub fn reason_message(order: &Order, w: &DisputeWindow, settings: &Settings) -> Message {
    let p = &settings.policy;
    let date = |d: NaiveDate| Arg::Date(d);
    let num = |n: u32| Arg::Number(n as i64);
    let m = Message::with;
    match w.reason {
        Reason::AwaitingPayment => Message::new("reasonAwaitingPayment"),
        Reason::NotShippedYet => m("reasonNotShippedYet", vec![num(p.dispute_opens_after_shipment_days)]),
        Reason::TooSoonAfterShipment => match (order.shipped, w.opens, earliest_opening(order, settings)) {
            (Some(s), Some(o), _) => m("reasonTooSoonAfterShipment", vec![date(s), num(p.dispute_opens_after_shipment_days), date(o)]),
            (_, _, Some(e)) => m("reasonTooSoonAfterOrder", vec![num(p.dispute_opens_after_shipment_days), date(e)]),
            _ => m("reasonNotShippedYet", vec![num(p.dispute_opens_after_shipment_days)]),
        },
        Reason::InTransitProtectionLeft => match w.closes {
            Some(c) => m("reasonInTransit", vec![date(c)]),
            None => Message::new("reasonInTransitNoDate"),
        },
        Reason::ProtectionEnded => match w.closes {
            Some(c) => m("reasonProtectionEnded", vec![date(c)]),
            None => Message::new("reasonProtectionEndedNoDate"),
        },
        Reason::WithinWindowAfterReceipt => match (order.completed, w.closes) {
            (Some(done), Some(c)) if w.closes_estimated => m("reasonWithinWindow", vec![date(done), date(c), num(p.dispute_closes_after_receipt_days)]),
            (_, Some(c)) => m("reasonWithinStatedWindow", vec![date(c)]),
            _ => Message::new("reasonMissingDates"),
        },
        Reason::WindowPassedAfterReceipt => match (order.completed, w.closes) {
            (Some(done), Some(c)) => m("reasonWindowPassed", vec![num(p.dispute_closes_after_receipt_days), date(done), date(c)]),
            _ => Message::new("reasonMissingDates"),
        },
        Reason::StatedWindowPassed => match w.closes {
            Some(c) => m("reasonStatedWindowPassed", vec![date(c)]),
            None => Message::new("reasonMissingDates"),
        },
        Reason::OrderClosed => Message::new("reasonOrderClosed"),
        Reason::DisputeUnderWay => Message::new("reasonDisputeUnderWay"),
        Reason::DisputeDecided => Message::new("reasonDisputeDecided"),
        Reason::DisputeCancelledReopenable => match w.closes {
            Some(c) => m("reasonCancelledReopenable", vec![date(c)]),
            None => Message::new("reasonCancelledReopenableNoDate"),
        },
        Reason::DisputeCancelledProtectionOver => match w.closes {
            Some(c) => m("reasonCancelledOver", vec![date(c)]),
            None => Message::new("reasonDisputeDecided"),
        },
        Reason::MissingDates => match (order.status, order.dispute) {
            (Status::Shipped, None) if order.shipped.is_none() => Message::new("reasonMissingShipDate"),
            (Status::Completed, None) if order.completed.is_none() => Message::new("reasonMissingReceiptDate"),
            (_, Some(DisputeProgress::Cancelled)) => Message::new("reasonCancelledReopenableNoDate"),
            _ => Message::new("reasonMissingDates"),
        },
        Reason::Contradictory => Message::new("reasonContradictory"),
        Reason::StatusUnknown => Message::new("reasonStatusUnknown"),
    }
}

#[cfg(test)]
mod tests;
