//! What the guard's dialogs say for an order: before confirming receipt (the payment goes to the
//! seller and the last countdown starts) and before cancelling a dispute (reopening is possible
//! only while protection lasts). The content script (extension/content/guard.js) shows them and
//! decides nothing.

use crate::rules::dispute_window::{closes_after_receipt, dispute_window, stated_return_days, DisputeWindow};
use crate::rules::settings::Settings;
use crate::wire::bounds::add_days;
use crate::wire::order::{DisputeProgress, Order, Status};
use crate::wire::page_plan::{Arg, Guard, Message, Tone, Widget};
use chrono::NaiveDate;

pub const CONFIRM_RECEIPT: &str = "confirm-receipt";
pub const CANCEL_DISPUTE: &str = "cancel-dispute";

/// The dialog before "Confirm received": what confirming does, for this order when it is known
/// (the window the page states, its protection), else by the policy.
pub fn confirm_receipt_dialog(order: Option<&Order>, window: Option<&DisputeWindow>, today: NaiveDate, settings: &Settings) -> Widget {
    let unknown = Order::default();
    let o = order.unwrap_or(&unknown);
    let mut lines = vec![Message::new("guardConfirmTitle"), Message::new("guardConfirmPayment")];
    // Confirming today makes today the receipt date.
    let (closes, estimated) = closes_after_receipt(o, Some(today), settings);
    if let Some(c) = closes {
        let days = (c - today).num_days();
        lines.push(match days {
            d if d < 0 => Message::with("guardConfirmNoDispute", vec![Arg::Date(c)]),
            0 | 1 => Message::with("guardConfirmWindowShort", vec![Arg::Date(c)]),
            d if estimated => Message::with("guardConfirmWindowEstimated", vec![Arg::Number(d), Arg::Date(c)]),
            d => Message::with("guardConfirmWindow", vec![Arg::Number(d), Arg::Date(c)]),
        });
    }
    if let Some((days, until)) = stated_return_days(o).and_then(|days| Some((days, add_days(today, days as i64)?))) {
        lines.push(Message::with("guardConfirmReturn", vec![Arg::Number(days as i64), Arg::Date(until)]));
    }
    // Not confirming keeps the parcel protected until protection ends.
    if let Some(w) = window.filter(|_| o.status == Status::Shipped) {
        if let Some(p) = w.protection_ends.filter(|p| *p >= today) {
            let key = if w.protection_estimated { "guardConfirmProtectionEstimated" } else { "guardConfirmProtection" };
            lines.push(Message::with(key, vec![Arg::Date(p)]));
        }
    }
    lines.push(Message::new("guardChecklistTitle"));
    let mut w = Widget::new("confirm-receipt", Tone::Warn, lines);
    w.checks = vec![Message::new("guardCheckArrived"), Message::new("guardCheckInspected"), Message::new("guardCheckEvidence")];
    w.state = window.map(|w| w.state.as_str().to_string());
    w
}

pub fn confirm_receipt_guard(order: Option<&Order>, window: Option<&DisputeWindow>, site_popup: bool, today: NaiveDate, settings: &Settings) -> Guard {
    Guard {
        kind: CONFIRM_RECEIPT.into(),
        order: order.map(|o| o.id.clone()),
        site_popup,
        dialog: confirm_receipt_dialog(order, window, today, settings),
        proceed_key: "guardProceed".into(),
        cancel_key: "guardCancel".into(),
        again_key: "guardConfirmAgain".into(),
    }
}

/// The dialog before "Cancel dispute": until when it could be reopened.
pub fn cancel_dispute_dialog(order: Option<&Order>, today: NaiveDate, settings: &Settings) -> Widget {
    let mut lines = vec![Message::new("guardCancelDisputeTitle")];
    // The order's window as it would be once the dispute is cancelled.
    let reopen = order.map(|o| {
        let cancelled = Order { dispute: Some(DisputeProgress::Cancelled), status: reopen_status(o), ..o.clone() };
        dispute_window(&cancelled, today, settings)
    });
    lines.push(match reopen.as_ref().and_then(|w| w.closes.map(|c| (c, w.closes_estimated))) {
        Some((c, _)) if c < today => Message::with("guardCancelDisputeNoReopen", vec![Arg::Date(c)]),
        Some((c, true)) => Message::with("guardCancelDisputeReopenEstimated", vec![Arg::Date(c)]),
        Some((c, false)) => Message::with("guardCancelDisputeReopen", vec![Arg::Date(c)]),
        None => Message::new("guardCancelDisputeReopenNoDate"),
    });
    lines.push(Message::new("guardCancelDisputeAdvice"));
    Widget::new("cancel-dispute", Tone::Danger, lines)
}

/// A dispute's page shows the order as "in dispute"; whether the parcel arrived decides which
/// window a cancelled dispute falls back on.
fn reopen_status(o: &Order) -> Status {
    match o.status {
        Status::Dispute | Status::Unknown if o.completed.is_some() => Status::Completed,
        Status::Dispute | Status::Unknown => Status::Shipped,
        s => s,
    }
}

pub fn cancel_dispute_guard(order: Option<&Order>, today: NaiveDate, settings: &Settings) -> Guard {
    Guard {
        kind: CANCEL_DISPUTE.into(),
        order: order.map(|o| o.id.clone()),
        site_popup: false,
        dialog: cancel_dispute_dialog(order, today, settings),
        proceed_key: "guardCancelDisputeProceed".into(),
        cancel_key: "guardKeepDispute".into(),
        again_key: "guardCancelDisputeAgain".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::order::{StatedWindow, WindowPurpose, WindowStart};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn keys(w: &Widget) -> Vec<&str> {
        w.lines.iter().map(|m| m.key.as_str()).collect()
    }

    #[test]
    fn says_what_confirming_does_with_the_policy_days() {
        let s = Settings::default();
        let w = confirm_receipt_dialog(None, None, d("2026-11-21"), &s);
        assert_eq!(keys(&w), ["guardConfirmTitle", "guardConfirmPayment", "guardConfirmWindowEstimated", "guardChecklistTitle"]);
        assert_eq!(w.lines[2].args, vec![Arg::Number(15), Arg::Date(d("2026-12-06"))]);
        let checks: Vec<&str> = w.checks.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(checks, ["guardCheckArrived", "guardCheckInspected", "guardCheckEvidence"]);
    }

    #[test]
    fn the_page_s_window_gives_the_days() {
        let s = Settings::default();
        let mut o = Order { id: "8100000000000001".into(), status: Status::Shipped, ..Default::default() };
        o.stated_windows.push(StatedWindow { days: 7, from: WindowStart::ConfirmReceipt, purpose: WindowPurpose::ReturnRefund });
        let w = confirm_receipt_dialog(Some(&o), None, d("2026-11-21"), &s);
        assert_eq!(w.lines[2], Message::with("guardConfirmWindow", vec![Arg::Number(7), Arg::Date(d("2026-11-28"))]));
        // With a dispute window of 90 days from the order as well, both are said.
        o.placed = Some(d("2026-10-01"));
        o.stated_windows.push(StatedWindow { days: 90, from: WindowStart::OrderPlaced, purpose: WindowPurpose::Dispute });
        let w = confirm_receipt_dialog(Some(&o), None, d("2026-11-21"), &s);
        assert_eq!(w.lines[2], Message::with("guardConfirmWindow", vec![Arg::Number(39), Arg::Date(d("2026-12-30"))]));
        assert_eq!(w.lines[3], Message::with("guardConfirmReturn", vec![Arg::Number(7), Arg::Date(d("2026-11-28"))]));
    }

    #[test]
    fn a_parcel_in_transit_is_told_how_long_protection_lasts() {
        let s = Settings::default();
        let o = Order { id: "8100000000000001".into(), status: Status::Shipped, shipped: Some(d("2026-11-01")), ..Default::default() };
        let today = d("2026-11-21");
        let win = dispute_window(&o, today, &s);
        let w = confirm_receipt_dialog(Some(&o), Some(&win), today, &s);
        assert!(w.lines.contains(&Message::with("guardConfirmProtectionEstimated", vec![Arg::Date(d("2026-12-31"))])), "{:?}", w.lines);
        assert_eq!(w.state.as_deref(), Some("open"));
        let stated = Order { protection_ends: Some(d("2026-12-20")), ..o };
        let win = dispute_window(&stated, today, &s);
        let w = confirm_receipt_dialog(Some(&stated), Some(&win), today, &s);
        assert!(w.lines.contains(&Message::with("guardConfirmProtection", vec![Arg::Date(d("2026-12-20"))])));
    }

    #[test]
    fn settings_change_the_days_the_dialog_gives() {
        let mut s = Settings::default();
        s.policy.dispute_closes_after_receipt_days = 1;
        let w = confirm_receipt_dialog(None, None, d("2026-11-21"), &s);
        assert_eq!(w.lines[2], Message::with("guardConfirmWindowShort", vec![Arg::Date(d("2026-11-22"))]));
    }

    #[test]
    fn cancelling_a_dispute_says_until_when_it_can_be_reopened() {
        let s = Settings::default();
        let today = d("2026-11-21");
        let o = Order {
            id: "8100000000000001".into(),
            status: Status::Dispute,
            shipped: Some(d("2026-10-20")),
            protection_ends: Some(d("2026-12-15")),
            dispute: Some(DisputeProgress::InProgress),
            ..Default::default()
        };
        let g = cancel_dispute_guard(Some(&o), today, &s);
        assert_eq!((g.kind.as_str(), g.proceed_key.as_str(), g.cancel_key.as_str()), ("cancel-dispute", "guardCancelDisputeProceed", "guardKeepDispute"));
        assert_eq!(g.dialog.lines[1], Message::with("guardCancelDisputeReopen", vec![Arg::Date(d("2026-12-15"))]));
        let late = cancel_dispute_dialog(Some(&o), d("2026-12-16"), &s);
        assert_eq!(late.lines[1], Message::with("guardCancelDisputeNoReopen", vec![Arg::Date(d("2026-12-15"))]));
        let estimated = Order { protection_ends: None, ..o.clone() };
        let w = cancel_dispute_dialog(Some(&estimated), today, &s);
        assert_eq!(w.lines[1], Message::with("guardCancelDisputeReopenEstimated", vec![Arg::Date(d("2026-12-19"))]));
        assert_eq!(cancel_dispute_dialog(None, today, &s).lines[1].key, "guardCancelDisputeReopenNoDate");
    }
}
