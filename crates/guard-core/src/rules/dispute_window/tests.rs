//! The rules, one real situation per row: every reason, and the day before / of / after every
//! limit. Dates are literal so that a row reads like the shopper's calendar.

use super::*;
use crate::wire::order::{StatedWindow, WindowPurpose, WindowStart};
use DisputeState as S;
use Reason as R;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An order as a page might show it.
#[derive(Clone)]
struct O(Order);

fn order(status: Status) -> O {
    O(Order { id: "8000000000000001".into(), status, ..Default::default() })
}

impl O {
    fn placed(mut self, s: &str) -> O {
        self.0.placed = Some(d(s));
        self
    }
    fn shipped(mut self, s: &str) -> O {
        self.0.shipped = Some(d(s));
        self
    }
    fn completed(mut self, s: &str) -> O {
        self.0.completed = Some(d(s));
        self
    }
    fn protection(mut self, s: &str) -> O {
        self.0.protection_ends = Some(d(s));
        self
    }
    fn economy(mut self) -> O {
        self.0.economy_shipping = Some(true);
        self
    }
    fn dispute(mut self, p: DisputeProgress) -> O {
        self.0.dispute = Some(p);
        self
    }
    fn stated(mut self, days: u32, from: WindowStart, purpose: WindowPurpose) -> O {
        self.0.stated_windows.push(StatedWindow { days, from, purpose });
        self
    }
}

/// One row: the situation, today, and what the rules must say.
struct Row {
    what: &'static str,
    order: O,
    today: &'static str,
    state: DisputeState,
    reason: Reason,
    opens: Option<&'static str>,
    closes: Option<&'static str>,
}

fn row(what: &'static str, order: O, today: &'static str, state: S, reason: R) -> Row {
    Row { what, order, today, state, reason, opens: None, closes: None }
}

impl Row {
    fn opens(mut self, s: &'static str) -> Row {
        self.opens = Some(s);
        self
    }
    fn closes(mut self, s: &'static str) -> Row {
        self.closes = Some(s);
        self
    }
}

fn run(rows: Vec<Row>, settings: &Settings) {
    let mut failures = vec![];
    for r in rows {
        let w = dispute_window(&r.order.0, d(r.today), settings);
        let got = (w.state, w.reason, w.opens, w.closes);
        let want = (r.state, r.reason, r.opens.map(d), r.closes.map(d));
        if got != want {
            failures.push(format!("{} (today {}):\n  want {want:?}\n  got  {got:?}", r.what, r.today));
        }
        // Every window, whatever its state, can be said in words.
        let m = reason_message(&r.order.0, &w, settings);
        assert!(m.key.starts_with("reason"), "{}: {m:?}", r.what);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_reason_the_sources_give() {
    use DisputeProgress::*;
    let shipped = || order(Status::Shipped).placed("2026-01-01").shipped("2026-01-03");
    let received = || order(Status::Completed).placed("2026-01-01").shipped("2026-01-03").completed("2026-02-01");
    run(
        vec![
            row("not paid yet", order(Status::AwaitingPayment).placed("2026-01-01"), "2026-01-02", S::NotApplicable, R::AwaitingPayment),
            row("paid, not shipped", order(Status::AwaitingShipment).placed("2026-01-01"), "2026-01-20", S::TooEarly, R::NotShippedYet),
            row("too early after shipment", shipped(), "2026-01-05", S::TooEarly, R::TooSoonAfterShipment).opens("2026-01-13").closes("2026-03-04"),
            row("in transit, protection left", shipped(), "2026-02-01", S::Open, R::InTransitProtectionLeft).opens("2026-01-13").closes("2026-03-04"),
            row("in transit, protection over", shipped(), "2026-03-05", S::Closed, R::ProtectionEnded).opens("2026-01-13").closes("2026-03-04"),
            row("received, within 15 days", received(), "2026-02-10", S::Open, R::WithinWindowAfterReceipt).opens("2026-01-13").closes("2026-02-16"),
            row("more than 15 days after receipt", received(), "2026-02-17", S::Closed, R::WindowPassedAfterReceipt).opens("2026-01-13").closes("2026-02-16"),
            row(
                "receipt confirmed and the page's own window passed",
                received().stated(7, WindowStart::ConfirmReceipt, WindowPurpose::ReturnRefund),
                "2026-02-09",
                S::Closed,
                R::StatedWindowPassed,
            )
            .opens("2026-01-13")
            .closes("2026-02-08"),
            row("order closed", order(Status::Closed).placed("2026-01-01").shipped("2026-01-03"), "2026-02-01", S::NotApplicable, R::OrderClosed)
                .opens("2026-01-13"),
            row(
                "closed after a decided dispute",
                order(Status::Closed).placed("2026-01-01").dispute(Decided),
                "2026-02-01",
                S::NotApplicable,
                R::DisputeDecided,
            ),
            row("dispute under way (status)", order(Status::Dispute).placed("2026-01-01"), "2026-02-01", S::InProgress, R::DisputeUnderWay),
            row("dispute under way (progress)", shipped().dispute(InProgress), "2026-02-01", S::InProgress, R::DisputeUnderWay).opens("2026-01-13"),
            // (Closed by the decision; the window's usual last day stays shown, receipt + 15.)
            row("dispute decided", received().dispute(Decided), "2026-02-05", S::Closed, R::DisputeDecided).opens("2026-01-13").closes("2026-02-16"),
            row("cancelled dispute, protection left", shipped().dispute(Cancelled), "2026-02-01", S::Open, R::DisputeCancelledReopenable)
                .opens("2026-01-13")
                .closes("2026-03-04"),
            row("cancelled dispute, protection over", shipped().dispute(Cancelled), "2026-03-05", S::Closed, R::DisputeCancelledProtectionOver)
                .opens("2026-01-13")
                .closes("2026-03-04"),
            row(
                "cancelled dispute after receipt: the window after receipt",
                received().dispute(Cancelled),
                "2026-02-10",
                S::Open,
                R::DisputeCancelledReopenable,
            )
            .opens("2026-01-13")
            .closes("2026-02-16"),
            row("cancelled dispute, no dates", order(Status::Shipped).dispute(Cancelled), "2026-02-01", S::Unknown, R::MissingDates),
            row("shipped, no dates at all", order(Status::Shipped), "2026-02-01", S::Unknown, R::MissingDates),
            row("completed, no receipt date", order(Status::Completed).placed("2026-01-01").shipped("2026-01-03"), "2026-02-01", S::Unknown, R::MissingDates)
                .opens("2026-01-13"),
            row("status not recognised", order(Status::Unknown).placed("2026-01-01"), "2026-02-01", S::Unknown, R::StatusUnknown),
            row("status unknown, a dispute decided", order(Status::Unknown).shipped("2026-01-03").dispute(Decided), "2026-02-01", S::Unknown, R::StatusUnknown)
                .opens("2026-01-13"),
            row(
                "status unknown, a dispute cancelled",
                order(Status::Unknown).shipped("2026-01-03").dispute(Cancelled),
                "2026-02-01",
                S::Unknown,
                R::StatusUnknown,
            )
            .opens("2026-01-13"),
            row("shipped after completed", order(Status::Completed).shipped("2026-02-03").completed("2026-02-01"), "2026-02-05", S::Unknown, R::Contradictory),
            row("placed after shipped", order(Status::Shipped).placed("2026-01-05").shipped("2026-01-03"), "2026-02-05", S::Unknown, R::Contradictory),
            row("protection ends before shipment", shipped().protection("2026-01-02"), "2026-01-20", S::Unknown, R::Contradictory),
            row(
                "dates far in the future, protection stated",
                order(Status::Shipped).placed("2026-03-01").protection("2026-04-01"),
                "2026-02-05",
                S::Unknown,
                R::Contradictory,
            ),
            row("dates far in the future", order(Status::Shipped).placed("2026-03-01"), "2026-02-05", S::Unknown, R::Contradictory),
        ],
        &Settings::default(),
    );
}

#[test]
fn boundary_days_of_every_limit() {
    let shipped = || order(Status::Shipped).placed("2026-01-01").shipped("2026-01-03");
    let received = || order(Status::Completed).placed("2026-01-01").shipped("2026-01-03").completed("2026-02-01");
    run(
        vec![
            // Opening: shipment 3 Jan + 10 days = 13 Jan.
            row("day before opening", shipped(), "2026-01-12", S::TooEarly, R::TooSoonAfterShipment).opens("2026-01-13").closes("2026-03-04"),
            row("opening day", shipped(), "2026-01-13", S::Open, R::InTransitProtectionLeft).opens("2026-01-13").closes("2026-03-04"),
            row("day after opening", shipped(), "2026-01-14", S::Open, R::InTransitProtectionLeft).opens("2026-01-13").closes("2026-03-04"),
            // Protection: 3 Jan + 60 days = 4 Mar; closing-soon from 3 days before.
            row("day before closing-soon (in transit)", shipped(), "2026-02-28", S::Open, R::InTransitProtectionLeft).opens("2026-01-13").closes("2026-03-04"),
            row("first closing-soon day (in transit)", shipped(), "2026-03-01", S::ClosingSoon, R::InTransitProtectionLeft)
                .opens("2026-01-13")
                .closes("2026-03-04"),
            row("last day of protection", shipped(), "2026-03-04", S::ClosingSoon, R::InTransitProtectionLeft).opens("2026-01-13").closes("2026-03-04"),
            row("day after protection", shipped(), "2026-03-05", S::Closed, R::ProtectionEnded).opens("2026-01-13").closes("2026-03-04"),
            // After receipt: 1 Feb + 15 days = 16 Feb.
            row("day before closing-soon (received)", received(), "2026-02-12", S::Open, R::WithinWindowAfterReceipt).opens("2026-01-13").closes("2026-02-16"),
            row("first closing-soon day (received)", received(), "2026-02-13", S::ClosingSoon, R::WithinWindowAfterReceipt)
                .opens("2026-01-13")
                .closes("2026-02-16"),
            row("last day after receipt", received(), "2026-02-16", S::ClosingSoon, R::WithinWindowAfterReceipt).opens("2026-01-13").closes("2026-02-16"),
            row("day after the last day", received(), "2026-02-17", S::Closed, R::WindowPassedAfterReceipt).opens("2026-01-13").closes("2026-02-16"),
            // Shipment date not shown: never open before order + 10 days, unknown after.
            row("no ship date, 9 days after order", order(Status::Shipped).placed("2026-01-01"), "2026-01-10", S::TooEarly, R::TooSoonAfterShipment),
            row("no ship date, 10 days after order", order(Status::Shipped).placed("2026-01-01"), "2026-01-11", S::Unknown, R::MissingDates),
            // A page date one day ahead of the shopper's clock (site time zone) is fine; two is not.
            row(
                "shipped 'tomorrow' by the site's clock",
                order(Status::Shipped).placed("2026-01-01").shipped("2026-01-06"),
                "2026-01-05",
                S::TooEarly,
                R::TooSoonAfterShipment,
            )
            .opens("2026-01-16")
            .closes("2026-03-07"),
            row("shipped two days ahead", order(Status::Shipped).placed("2026-01-01").shipped("2026-01-07"), "2026-01-05", S::Unknown, R::Contradictory),
        ],
        &Settings::default(),
    );
}

#[test]
fn leap_years() {
    run(
        vec![
            // Shipped on 29 Feb 2024: opens 10 Mar, protection 60 days → 28 Apr.
            row("shipped Feb 29, day before opening", order(Status::Shipped).shipped("2024-02-29"), "2024-03-09", S::TooEarly, R::TooSoonAfterShipment)
                .opens("2024-03-10")
                .closes("2024-04-29"),
            row("shipped Feb 29, opening day", order(Status::Shipped).shipped("2024-02-29"), "2024-03-10", S::Open, R::InTransitProtectionLeft)
                .opens("2024-03-10")
                .closes("2024-04-29"),
            // Received 20 Feb: 15 days cross 29 Feb in 2024 (→ 6 Mar) but not in 2023 (→ 7 Mar).
            row(
                "window crossing Feb 29 (2024)",
                order(Status::Completed).shipped("2024-02-01").completed("2024-02-20"),
                "2024-03-06",
                S::ClosingSoon,
                R::WithinWindowAfterReceipt,
            )
            .opens("2024-02-11")
            .closes("2024-03-06"),
            row(
                "day after, crossing Feb 29 (2024)",
                order(Status::Completed).shipped("2024-02-01").completed("2024-02-20"),
                "2024-03-07",
                S::Closed,
                R::WindowPassedAfterReceipt,
            )
            .opens("2024-02-11")
            .closes("2024-03-06"),
            row(
                "same dates in 2023",
                order(Status::Completed).shipped("2023-02-01").completed("2023-02-20"),
                "2023-03-07",
                S::ClosingSoon,
                R::WithinWindowAfterReceipt,
            )
            .opens("2023-02-11")
            .closes("2023-03-07"),
            // Received on 29 Feb itself.
            row(
                "received Feb 29",
                order(Status::Completed).shipped("2024-02-10").completed("2024-02-29"),
                "2024-03-15",
                S::ClosingSoon,
                R::WithinWindowAfterReceipt,
            )
            .opens("2024-02-20")
            .closes("2024-03-15"),
            // Economy shipping on 29 Feb: 75 days → 14 May.
            row(
                "economy shipping from Feb 29",
                order(Status::Shipped).shipped("2024-02-29").economy(),
                "2024-05-14",
                S::ClosingSoon,
                R::InTransitProtectionLeft,
            )
            .opens("2024-03-10")
            .closes("2024-05-14"),
        ],
        &Settings::default(),
    );
}

#[test]
fn economy_shipping_gets_longer_protection() {
    let standard = order(Status::Shipped).shipped("2026-01-03");
    let economy = standard.clone().economy();
    let s = Settings::default();
    let today = d("2026-03-10");
    let w = dispute_window(&standard.0, today, &s);
    assert_eq!((w.state, w.reason), (S::Closed, R::ProtectionEnded), "60 days are over on 10 Mar");
    let w = dispute_window(&economy.0, today, &s);
    assert_eq!((w.state, w.closes, w.protection_estimated), (S::Open, Some(d("2026-03-19")), true), "75 days: until 19 Mar");
}

#[test]
fn the_page_wins_over_the_defaults() {
    let s = Settings::default();
    // "Refund if no delivery before 20 Mar": not an estimate, and later than shipment + 60.
    let o = order(Status::Shipped).shipped("2026-01-03").protection("2026-03-20");
    let w = dispute_window(&o.0, d("2026-03-10"), &s);
    assert_eq!((w.state, w.closes, w.closes_estimated, w.protection_estimated), (S::Open, Some(d("2026-03-20")), false, false));
    // "open a dispute within 90 days after order was placed" beats receipt + 15.
    let o = order(Status::Completed)
        .placed("2026-01-01")
        .shipped("2026-01-03")
        .completed("2026-01-20")
        .stated(7, WindowStart::ConfirmReceipt, WindowPurpose::ReturnRefund)
        .stated(90, WindowStart::OrderPlaced, WindowPurpose::Dispute);
    let w = dispute_window(&o.0, d("2026-03-01"), &s);
    assert_eq!((w.state, w.reason, w.closes, w.closes_estimated), (S::Open, R::WithinWindowAfterReceipt, Some(d("2026-04-01")), false));
    assert_eq!(stated_return_days(&o.0), Some(7), "the shorter return window is still worth saying");
    // The stated window needs no receipt date when it counts from the order.
    let mut no_receipt = o.clone();
    no_receipt.0.completed = None;
    assert_eq!(dispute_window(&no_receipt.0, d("2026-03-01"), &s).closes, Some(d("2026-04-01")));
    // "within 7 days of confirming receipt" alone: 7 days, not 15.
    let o = order(Status::Completed).shipped("2026-01-03").completed("2026-01-20").stated(7, WindowStart::ConfirmReceipt, WindowPurpose::ReturnRefund);
    let w = dispute_window(&o.0, d("2026-01-25"), &s);
    assert_eq!((w.state, w.closes, w.days_left), (S::ClosingSoon, Some(d("2026-01-27")), Some(2)));
    assert_eq!(stated_return_days(&o.0), None, "no separate dispute window: nothing extra to say");
}

#[test]
fn settings_change_the_numbers() {
    let shipped = || order(Status::Shipped).placed("2026-01-01").shipped("2026-01-03");
    let received = || order(Status::Completed).shipped("2026-01-03").completed("2026-02-01");
    let mut s = Settings::default();
    s.policy.dispute_opens_after_shipment_days = 7;
    s.policy.dispute_closes_after_receipt_days = 30;
    s.policy.protection_days = 90;
    s.closing_soon_days = 5;
    run(
        vec![
            row("opens after 7 days", shipped(), "2026-01-10", S::Open, R::InTransitProtectionLeft).opens("2026-01-10").closes("2026-04-03"),
            row("protection 90 days", shipped(), "2026-04-03", S::ClosingSoon, R::InTransitProtectionLeft).opens("2026-01-10").closes("2026-04-03"),
            row("30 days after receipt", received(), "2026-02-25", S::Open, R::WithinWindowAfterReceipt).opens("2026-01-10").closes("2026-03-03"),
            row("closing-soon 5 days ahead", received(), "2026-02-26", S::ClosingSoon, R::WithinWindowAfterReceipt).opens("2026-01-10").closes("2026-03-03"),
        ],
        &s,
    );
    // The extension lead time decides when "request an extension" is worth it.
    let o = shipped();
    let mut s = Settings::default();
    assert_eq!(s.extension_lead_days, 3, "the contract's lead time");
    assert!(!dispute_window(&o.0, d("2026-02-28"), &s).extension_worthy, "4 days before the end, lead 3");
    assert!(dispute_window(&o.0, d("2026-03-01"), &s).extension_worthy, "3 days before the end, lead 3");
    s.extension_lead_days = 7;
    assert!(!dispute_window(&o.0, d("2026-02-24"), &s).extension_worthy, "8 days before the end, lead 7");
    assert!(dispute_window(&o.0, d("2026-02-25"), &s).extension_worthy, "7 days before the end");
    assert!(dispute_window(&o.0, d("2026-03-04"), &s).extension_worthy, "last day");
    assert!(!dispute_window(&o.0, d("2026-03-05"), &s).extension_worthy, "too late");
    s.extension_lead_days = 5;
    assert!(!dispute_window(&o.0, d("2026-02-26"), &s).extension_worthy, "lead 5: not yet");
    assert!(dispute_window(&o.0, d("2026-02-27"), &s).extension_worthy, "lead 5: now");
    // Received orders never need an extension.
    assert!(!dispute_window(&received().0, d("2026-02-14"), &s).extension_worthy);
    // A parcel on its way whose dispute the shopper cancelled still does (blind round
    // twenty-seven: "Pedir extensão da proteção" two days before the end).
    let cancelled = shipped().dispute(DisputeProgress::Cancelled);
    assert!(dispute_window(&cancelled.0, d("2026-03-01"), &Settings::default()).extension_worthy);
    assert!(!dispute_window(&cancelled.0, d("2026-02-20"), &Settings::default()).extension_worthy);
}

#[test]
fn days_left_and_estimates() {
    let s = Settings::default();
    let o = order(Status::Completed).shipped("2026-01-03").completed("2026-02-01");
    let w = dispute_window(&o.0, d("2026-02-16"), &s);
    assert_eq!((w.days_left, w.closes_estimated), (Some(0), true), "last day: 0 days left, 15 is the policy's");
    let w = dispute_window(&o.0, d("2026-02-02"), &s);
    assert_eq!(w.days_left, Some(14));
    let o = order(Status::Shipped).shipped("2026-01-03");
    let w = dispute_window(&o.0, d("2026-02-02"), &s);
    assert!(w.protection_estimated && w.closes_estimated, "shipment + 60 is an estimate");
}

#[test]
fn reasons_read_as_their_own_sentences() {
    let s = Settings::default();
    let msg = |o: &O, today: &str| {
        let w = dispute_window(&o.0, d(today), &s);
        reason_message(&o.0, &w, &s)
    };
    let shipped = order(Status::Shipped).shipped("2026-01-03");
    let m = msg(&shipped, "2026-01-05");
    assert_eq!(m.key, "reasonTooSoonAfterShipment");
    assert_eq!(m.args, vec![Arg::Date(d("2026-01-03")), Arg::Number(10), Arg::Date(d("2026-01-13"))]);
    let m = msg(&order(Status::Shipped).placed("2026-01-01"), "2026-01-05");
    assert_eq!((m.key.as_str(), m.args.last()), ("reasonTooSoonAfterOrder", Some(&Arg::Date(d("2026-01-11")))));
    let received = order(Status::Completed).shipped("2026-01-03").completed("2026-02-01");
    let m = msg(&received, "2026-02-20");
    assert_eq!(m.key, "reasonWindowPassed");
    assert_eq!(m.args, vec![Arg::Number(15), Arg::Date(d("2026-02-01")), Arg::Date(d("2026-02-16"))]);
    assert_eq!(msg(&order(Status::Shipped), "2026-02-20").key, "reasonMissingShipDate");
    assert_eq!(msg(&order(Status::Completed), "2026-02-20").key, "reasonMissingReceiptDate");
}

#[test]
fn contradictory_dates_keep_the_page_s_protection_date_but_no_estimate() {
    let s = Settings::default();
    // Completed before it shipped: the shipment date cannot be trusted, nor an estimate from it.
    let o = order(Status::Completed).shipped("2026-02-03").completed("2026-02-01");
    let w = dispute_window(&o.0, d("2026-02-05"), &s);
    assert_eq!((w.state, w.protection_ends, w.opens, w.closes), (S::Unknown, None, None, None));
    // The page's own "Refund if no delivery before" stays what the page says.
    let o = order(Status::Shipped).placed("2026-03-01").protection("2026-04-01");
    let w = dispute_window(&o.0, d("2026-02-05"), &s);
    assert_eq!((w.state, w.protection_ends), (S::Unknown, Some(d("2026-04-01"))));
}

/// Two packages shipped on different days: the window says what it would say with either day.
#[test]
fn packages_shipped_on_different_days() {
    let s = Settings::default();
    let between = |first: &str, last: &str| {
        let mut o = order(Status::Shipped).placed("2026-03-01").protection("2026-05-20").0;
        o.shipped_between = Some((d(first), d(last)));
        o
    };
    // Open with either day (opens 03-15 or 03-23): open, from an unknown day; closes as stated.
    let w = dispute_window(&between("2026-03-05", "2026-03-13"), d("2026-04-01"), &s);
    assert_eq!((w.state, w.opens, w.closes), (S::Open, None, Some(d("2026-05-20"))));
    // Open with the first day, too early with the last: unknown, never "open".
    let w = dispute_window(&between("2026-03-05", "2026-03-13"), d("2026-03-18"), &s);
    assert_eq!((w.state, w.opens), (S::Unknown, None));
    // Too early with either day.
    let w = dispute_window(&between("2026-03-05", "2026-03-13"), d("2026-03-10"), &s);
    assert_eq!((w.state, w.opens), (S::TooEarly, None));
    // One day known besides: that day decides, as before.
    let mut o = between("2026-03-05", "2026-03-13");
    o.shipped = Some(d("2026-03-13"));
    let w = dispute_window(&o, d("2026-03-18"), &s);
    assert_eq!((w.state, w.opens), (S::TooEarly, Some(d("2026-03-23"))));
}

/// No shipment date, but the end of protection near (a countdown): whether ten days have passed
/// since shipment is not known, so neither is the window (two blind pages judged so; assuming a
/// shortest protection period would be a guess).
#[test]
fn a_near_end_of_protection_alone_does_not_open_the_window() {
    let s = Settings::default();
    let mut o = order(Status::Shipped).placed("2026-01-01").protection("2026-03-03").0;
    o.protection_source = Some(ProtectionSource::Countdown);
    let w = dispute_window(&o, d("2026-03-01"), &s);
    assert_eq!((w.state, w.opens, w.closes), (S::Unknown, None, Some(d("2026-03-03"))));
}

/// The page's own word wins over the rules' defaults (FACTS: the page overrides): a live "Open
/// dispute" on an order on its way says the window has opened, and a first day the page states
/// is the window's first day. Not before the order is ten days old, and not where the page's
/// shipment days disagree.
#[test]
fn the_page_s_offer_and_stated_first_day_override_the_rule() {
    let s = Settings::default();
    let mut o = order(Status::Shipped).placed("2026-01-01").protection("2026-03-03").0;
    o.dispute_offered = true;
    let w = dispute_window(&o, d("2026-03-01"), &s);
    assert_eq!((w.state, w.opens, w.closes), (S::ClosingSoon, None, Some(d("2026-03-03"))));
    // Too young an order: the rule's earliest day still holds.
    let mut young = order(Status::Shipped).placed("2026-02-25").protection("2026-04-25").0;
    young.dispute_offered = true;
    assert_eq!(dispute_window(&young, d("2026-03-01"), &s).state, S::TooEarly);
    // Two shipment days the page disagrees on: the offer does not settle them.
    let mut two = order(Status::Shipped).placed("2026-01-20").protection("2026-04-01").0;
    two.shipped_between = Some((d("2026-02-05"), d("2026-02-25")));
    two.dispute_offered = true;
    assert_eq!(dispute_window(&two, d("2026-03-01"), &s).state, S::Unknown);
    // A first day stated by the page: too early until then, whatever the shipment says.
    let mut stated = order(Status::Shipped).placed("2026-02-01").shipped("2026-02-05").0;
    stated.dispute_opens = Some(d("2026-03-05"));
    let w = dispute_window(&stated, d("2026-03-01"), &s);
    assert_eq!((w.state, w.opens), (S::TooEarly, Some(d("2026-03-05"))));
}
