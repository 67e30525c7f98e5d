//! An order's dates as a picture (CONTRACT.md section 8): placed, paid, shipped, the day a dispute
//! opens, receipt, the end of buyer protection, the dispute window's last day and today, in date
//! order, each placed along one row, with the dispute window as a band, the page's own dates told
//! apart from the ones the usual rules estimate, the next date worth acting on, and one sentence
//! that says it all for screen readers ("Dispute possible from 12 March to 3 April; today is 20
//! March").
//!
//! The content script (extension/content/timeline_view.js) and the popup only draw this: every
//! date, position and sentence is decided here. A date the page does not give is absent, never
//! guessed; dates far apart or out of order are placed as they are (never a panic).

use crate::rules::dispute_window::{DisputeState, DisputeWindow};
use crate::wire::bounds::{day_number, sort_by_key};
use crate::wire::order::{Order, Status};
use crate::wire::page_plan::{Arg, Message};
/// The picture's data types live in the wire (the plan carries them).
pub use crate::wire::timeline::*;
use chrono::NaiveDate;

/// The timeline of `order`, whose window (from the same order) is `w`, seen on `today`.
pub fn timeline(order: &Order, w: &DisputeWindow, today: NaiveDate) -> Timeline {
    use PointKind as K;
    let stated = |d: Option<NaiveDate>| d.map(|d| (d, Source::Stated));
    let either = |d: Option<NaiveDate>, estimated: bool| d.map(|d| (d, if estimated { Source::Estimated } else { Source::Stated }));
    // Once received, the end of protection limits nothing any more: the window after receipt does.
    let received = order.completed.is_some() || order.status == Status::Completed;
    let dated = [
        (K::Placed, stated(order.placed)),
        (K::Paid, stated(order.paid)),
        (K::Shipped, stated(order.shipped)),
        // Shipment + the policy's days: the usual rule, never a date the page gives.
        (K::DisputeOpens, either(w.opens, true)),
        (K::Received, stated(order.completed)),
        (K::Today, Some((today, Source::Today))),
        (K::ProtectionEnds, either(w.protection_ends.filter(|_| !received), w.protection_estimated)),
        (K::DisputeCloses, either(w.closes, w.closes_estimated)),
    ];
    let mut points: Vec<Point> = dated
        .into_iter()
        .filter_map(|(kind, d)| d.map(|(date, source)| (kind, date, source)))
        .map(|(kind, date, source)| Point {
            kind,
            date,
            source,
            at: 0,
            label: Message::with(&format!("timelinePoint_{}", kind.as_str().replace('-', "_")), vec![Arg::Date(date)]),
            next: false,
        })
        .collect();
    // Date order; on the same day, the order of the story (the enum's).
    sort_by_key(&mut points, |p| (day_number(p.date) * 8 + p.kind as i64, String::new()));
    let first = points.first().map_or(today, |p| p.date);
    let last = points.last().map_or(today, |p| p.date);
    let at = |d: NaiveDate| -> u16 {
        let span = (last - first).num_days();
        if span <= 0 {
            return (ROW / 2) as u16;
        }
        // At most some 2·10^8 days apart (chrono's range): the product stays far inside i64.
        ((d - first).num_days().clamp(0, span) * ROW / span) as u16
    };
    for p in &mut points {
        p.at = at(p.date);
    }
    // The window shows while it can still be, or could have been, used; not for an order with no
    // window at all (unpaid, closed) or with a dispute under way.
    // (A window closed before its usual end, by a decided dispute, shows none.)
    let closed_early = w.state == DisputeState::Closed && w.closes.is_some_and(|c| c >= today);
    let windowed = !closed_early
        && matches!(w.state, DisputeState::TooEarly | DisputeState::Open | DisputeState::ClosingSoon | DisputeState::Closed | DisputeState::Unknown);
    let band = match (w.opens, w.closes) {
        (Some(from), Some(to)) if windowed && from <= to => Some(Band { from, to, start: at(from), end: at(to), estimated: w.closes_estimated }),
        _ => None,
    };
    // The next date worth acting on: the window opening, or its end (by protection or not).
    let actionable = matches!(w.state, DisputeState::TooEarly | DisputeState::Open | DisputeState::ClosingSoon | DisputeState::Unknown);
    let next = points
        .iter()
        .position(|p| {
            actionable
                && p.date >= today
                && matches!(p.kind, K::DisputeOpens | K::ProtectionEnds | K::DisputeCloses)
                && (p.kind != K::DisputeOpens || p.date > today)
        })
        .inspect(|&i| points[i].next = true)
        .map(|i| Message::with(&format!("timelineNext_{}", points[i].kind.as_str().replace('-', "_")), vec![Arg::Date(points[i].date)]));
    Timeline { order: order.id.clone(), says: says(w, today), points, band, next }
}

/// The whole picture in one sentence, for screen readers (and as the row's title).
fn says(w: &DisputeWindow, today: NaiveDate) -> Message {
    let m = |key: &str, mut dates: Vec<NaiveDate>| {
        dates.push(today);
        Message::with(&format!("timelineSays_{key}"), dates.into_iter().map(Arg::Date).collect())
    };
    match (w.state, w.opens, w.closes) {
        (DisputeState::InProgress, _, _) => m("in_progress", vec![]),
        (DisputeState::NotApplicable, _, _) | (DisputeState::Closed, _, None) => m("none", vec![]),
        (DisputeState::Closed, _, Some(c)) if c >= today => m("none", vec![]),
        (_, _, Some(c)) if c < today => m("closed", vec![c]),
        (_, Some(o), Some(c)) if o <= c => m("open", vec![o, c]),
        (_, _, Some(c)) => m("until", vec![c]),
        (_, Some(o), None) => m("from", vec![o]),
        _ => m("unknown", vec![]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dispute_window::dispute_window;
    use crate::rules::settings::Settings;
    use crate::wire::order::DisputeProgress;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn order(status: Status) -> Order {
        Order { id: "8100000000000001".into(), status, ..Default::default() }
    }

    fn picture(o: &Order, today: &str) -> Timeline {
        timeline(o, &dispute_window(o, d(today), &Settings::default()), d(today))
    }

    fn kinds(t: &Timeline) -> Vec<&'static str> {
        t.points.iter().map(|p| p.kind.as_str()).collect()
    }

    fn point(t: &Timeline, kind: PointKind) -> &Point {
        t.points.iter().find(|p| p.kind == kind).unwrap_or_else(|| panic!("no {kind:?} in {:?}", kinds(t)))
    }

    #[test]
    fn a_parcel_on_its_way_every_date_in_order_along_the_row() {
        let o = Order { placed: Some(d("2026-03-01")), paid: Some(d("2026-03-01")), shipped: Some(d("2026-03-03")), ..order(Status::Shipped) };
        let t = picture(&o, "2026-03-20");
        assert_eq!(kinds(&t), ["placed", "paid", "shipped", "dispute-opens", "today", "protection-ends", "dispute-closes"]);
        let dates: Vec<NaiveDate> = t.points.iter().map(|p| p.date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in date order: {dates:?}");
        let at: Vec<u16> = t.points.iter().map(|p| p.at).collect();
        assert!(at.windows(2).all(|w| w[0] <= w[1]), "placed in order along the row: {at:?}");
        assert_eq!((at[0], *at.last().unwrap()), (0, 1000), "from the first date to the last");
        // Shipped 3 March: a dispute from 13 March; protection (60 days) until 2 May.
        assert_eq!(point(&t, PointKind::DisputeOpens).date, d("2026-03-13"));
        assert_eq!(point(&t, PointKind::ProtectionEnds).date, d("2026-05-02"));
        // 20 March lies 19 days into the 62 from 1 March to 2 May.
        assert_eq!(point(&t, PointKind::Today).at, (19 * 1000 / 62) as u16);
        assert_eq!(point(&t, PointKind::Shipped).label, Message::with("timelinePoint_shipped", vec![Arg::Date(d("2026-03-03"))]));
    }

    #[test]
    fn the_page_s_dates_are_stated_the_rules_dates_estimated() {
        let o = Order { placed: Some(d("2026-03-01")), shipped: Some(d("2026-03-03")), ..order(Status::Shipped) };
        let t = picture(&o, "2026-03-20");
        let source = |k| point(&t, k).source;
        assert_eq!(source(PointKind::Placed), Source::Stated);
        assert_eq!(source(PointKind::Shipped), Source::Stated);
        assert_eq!(source(PointKind::DisputeOpens), Source::Estimated, "shipment + 10 days is the usual rule");
        assert_eq!(source(PointKind::ProtectionEnds), Source::Estimated, "shipment + 60 days");
        assert_eq!(source(PointKind::DisputeCloses), Source::Estimated);
        assert_eq!(source(PointKind::Today), Source::Today);
        assert!(t.band.as_ref().unwrap().estimated);
        // "Refund if no delivery before 25 April": the page says, so it is no estimate.
        let stated = Order { protection_ends: Some(d("2026-04-25")), ..o };
        let t = picture(&stated, "2026-03-20");
        assert_eq!(point(&t, PointKind::ProtectionEnds).source, Source::Stated);
        assert_eq!(point(&t, PointKind::ProtectionEnds).date, d("2026-04-25"));
        assert_eq!(point(&t, PointKind::DisputeCloses).source, Source::Stated);
        let band = t.band.unwrap();
        assert_eq!((band.from, band.to, band.estimated), (d("2026-03-13"), d("2026-04-25"), false));
    }

    #[test]
    fn the_dispute_window_is_a_band_and_the_sentence_says_it() {
        let o = Order { placed: Some(d("2026-03-01")), shipped: Some(d("2026-03-02")), completed: Some(d("2026-03-19")), ..order(Status::Completed) };
        let t = picture(&o, "2026-03-20");
        assert_eq!(kinds(&t), ["placed", "shipped", "dispute-opens", "received", "today", "dispute-closes"], "no protection once received");
        let band = t.band.as_ref().unwrap();
        assert_eq!((band.from, band.to), (d("2026-03-12"), d("2026-04-03")));
        assert_eq!((band.start, band.end), (point(&t, PointKind::DisputeOpens).at, point(&t, PointKind::DisputeCloses).at));
        assert_eq!(t.says, Message::with("timelineSays_open", vec![Arg::Date(d("2026-03-12")), Arg::Date(d("2026-04-03")), Arg::Date(d("2026-03-20"))]));
        assert_eq!(t.next, Some(Message::with("timelineNext_dispute_closes", vec![Arg::Date(d("2026-04-03"))])));
        assert!(point(&t, PointKind::DisputeCloses).next);
        assert_eq!(t.points.iter().filter(|p| p.next).count(), 1, "one next date");
    }

    #[test]
    fn today_is_marked_wherever_it_falls() {
        let o = Order { placed: Some(d("2026-03-01")), shipped: Some(d("2026-03-03")), ..order(Status::Shipped) };
        // Ordered today, the page already giving the end of protection: today at the start.
        let fresh = Order { placed: Some(d("2026-03-01")), protection_ends: Some(d("2026-04-30")), ..order(Status::AwaitingShipment) };
        let early = picture(&fresh, "2026-03-01");
        assert_eq!(kinds(&early), ["placed", "today", "protection-ends"]);
        assert_eq!(point(&early, PointKind::Today).at, 0);
        // Long after protection ended: today at the end, nothing next.
        let late = picture(&o, "2026-06-30");
        let today = point(&late, PointKind::Today);
        assert_eq!((today.date, today.at, today.label.key.as_str()), (d("2026-06-30"), 1000, "timelinePoint_today"));
        assert_eq!(late.next, None, "nothing left to act on");
        assert_eq!(late.says, Message::with("timelineSays_closed", vec![Arg::Date(d("2026-05-02")), Arg::Date(d("2026-06-30"))]));
        // Too early: the next date is the day a dispute opens.
        let soon = picture(&o, "2026-03-05");
        assert_eq!(soon.next, Some(Message::with("timelineNext_dispute_opens", vec![Arg::Date(d("2026-03-13"))])));
        assert!(point(&soon, PointKind::DisputeOpens).next);
        // The last day is today: today and the last day share the spot; today comes first.
        let last = picture(&o, "2026-05-02");
        assert_eq!(&kinds(&last)[3..], ["today", "protection-ends", "dispute-closes"]);
        assert_eq!(point(&last, PointKind::Today).at, point(&last, PointKind::DisputeCloses).at);
    }

    #[test]
    fn missing_dates_are_left_out_never_guessed() {
        // A list card: status and order date only.
        let t = picture(&Order { placed: Some(d("2026-03-01")), ..order(Status::Shipped) }, "2026-03-20");
        assert_eq!(kinds(&t), ["placed", "today"]);
        assert_eq!((t.band.as_ref(), t.next.as_ref()), (None, None));
        assert_eq!(t.says, Message::with("timelineSays_unknown", vec![Arg::Date(d("2026-03-20"))]));
        // Nothing at all: today alone, in the middle of the row.
        let bare = picture(&order(Status::Unknown), "2026-03-20");
        assert_eq!(kinds(&bare), ["today"]);
        assert_eq!(bare.points[0].at, 500);
        // Received, shipment date not shown: the window's end is known, its start is not.
        let received = Order { completed: Some(d("2026-03-18")), ..order(Status::Completed) };
        let t = picture(&received, "2026-03-20");
        assert_eq!(kinds(&t), ["received", "today", "dispute-closes"]);
        assert_eq!(t.band, None, "no band without its start");
        assert_eq!(t.says, Message::with("timelineSays_until", vec![Arg::Date(d("2026-04-02")), Arg::Date(d("2026-03-20"))]));
    }

    #[test]
    fn no_window_to_show_says_why_in_the_sentence() {
        let today = "2026-03-20";
        let unpaid = picture(&Order { placed: Some(d("2026-03-19")), ..order(Status::AwaitingPayment) }, today);
        assert_eq!(unpaid.says, Message::with("timelineSays_none", vec![Arg::Date(d(today))]));
        let under_way = Order { shipped: Some(d("2026-02-20")), dispute: Some(DisputeProgress::InProgress), ..order(Status::Dispute) };
        let t = picture(&under_way, today);
        assert_eq!(t.says, Message::with("timelineSays_in_progress", vec![Arg::Date(d(today))]));
        assert_eq!((t.band.as_ref(), t.next.as_ref()), (None, None), "the dispute is open: no window to show");
        // Contradictory dates: shown as the page gives them, in date order, and nothing worked out.
        let odd = Order { placed: Some(d("2026-03-10")), shipped: Some(d("2026-03-02")), ..order(Status::Shipped) };
        let t = picture(&odd, today);
        assert_eq!(kinds(&t), ["shipped", "placed", "today"]);
        assert_eq!(t.says.key, "timelineSays_unknown");
    }

    #[test]
    fn out_of_range_dates_never_panic() {
        let (min, max, now) = (NaiveDate::MIN, NaiveDate::MAX, d("2026-03-20"));
        let mut huge = Settings::default();
        huge.policy.protection_days = u32::MAX;
        huge.policy.dispute_opens_after_shipment_days = u32::MAX;
        // Dates of any size from the stored memory or an import, with the rules as they are.
        for (placed, shipped, protection) in [(min, max, max), (min, min, min), (max, max, max), (min, d("2026-03-01"), max)] {
            let o = Order { placed: Some(placed), shipped: Some(shipped), protection_ends: Some(protection), ..order(Status::Shipped) };
            for settings in [&Settings::default(), &huge] {
                let t = timeline(&o, &dispute_window(&o, now, settings), now);
                assert!(t.points.iter().all(|p| p.at <= 1000));
                assert!(t.points.windows(2).all(|w| w[0].date <= w[1].date && w[0].at <= w[1].at), "{:?}", t.points);
            }
        }
        // A window with any bounds, on any day, even one with its end before its start.
        for (today, opens, closes) in [(max, min, max), (min, max, min), (max, max, min), (now, max, min)] {
            let o = Order { placed: Some(min), completed: Some(max), ..order(Status::Completed) };
            let w = DisputeWindow {
                state: DisputeState::Open,
                reason: crate::rules::dispute_window::Reason::WithinWindowAfterReceipt,
                opens: Some(opens),
                closes: Some(closes),
                closes_estimated: true,
                protection_ends: Some(max),
                protection_estimated: false,
                days_left: Some(i64::MAX),
                extension_worthy: true,
            };
            let t = timeline(&o, &w, today);
            assert!(t.points.iter().all(|p| p.at <= 1000));
            assert!(t.band.iter().all(|b| b.from <= b.to && b.start <= b.end), "{:?}", t.band);
        }
        let o = Order { shipped: Some(d("2026-03-03")), ..order(Status::Shipped) };
        let mut w = dispute_window(&o, now, &Settings::default());
        w.closes = Some(d("2026-03-01"));
        assert_eq!(timeline(&o, &w, now).band, None, "an end before the start draws no band");
    }
}
