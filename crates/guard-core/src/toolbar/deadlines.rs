//! What the toolbar says: which tracked orders need action now (the badge), and every tracked
//! order with its next deadline and the reason, soonest first (the popup).

use crate::rules::dispute_window::{dispute_window, DisputeState, DisputeWindow};
use crate::rules::settings::Settings;
use crate::toolbar::order_links;
use crate::toolbar::order_memory::{Memory, Tracked};
use crate::wire::order::Status;
use crate::wire::page_plan::{Arg, Message};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How pressing the most pressing order on the badge is; the badge's colour follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// Nothing needs action.
    #[default]
    None,
    /// Something needs action within the lead time.
    Soon,
    /// A deadline is today or tomorrow.
    Urgent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badge {
    /// The badge text: the count, or empty when nothing needs action.
    pub text: String,
    pub count: usize,
    #[serde(default)]
    pub urgency: Urgency,
}

/// Which date a deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineKind {
    /// First day a dispute can be opened (not a deadline to miss, but a date to act on).
    DisputeOpens,
    /// Last day to open a dispute on a received order (or to reopen a cancelled one).
    DisputeCloses,
    /// Last day of buyer protection on an order not received: the dispute window closes with
    /// it, and the seller can extend it only if asked before.
    ProtectionEnds,
}

impl DeadlineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::DisputeOpens => "dispute-opens",
            DeadlineKind::DisputeCloses => "dispute-closes",
            DeadlineKind::ProtectionEnds => "protection-ends",
        }
    }

    /// The deadlines that close something (the ones reminders count down to).
    pub fn closes_something(self) -> bool {
        self != DeadlineKind::DisputeOpens
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    /// Days from today (0 = today).
    pub days_left: i64,
    /// The date rests on a default policy number, not on what a page stated.
    pub estimated: bool,
}

/// A shipped order whose receipt is not confirmed and with no dispute: its window closes when
/// buyer protection ends.
fn awaiting_receipt(t: &Tracked) -> bool {
    t.order.status == Status::Shipped && t.order.dispute.is_none()
}

pub(crate) use crate::wire::bounds::{day_number, sort_by_key};

/// The order's dates still ahead (today included), soonest first.
pub fn deadlines(t: &Tracked, w: &DisputeWindow, today: NaiveDate) -> Vec<Deadline> {
    let mut out = vec![];
    let ahead = |d: NaiveDate| (d - today).num_days();
    if matches!(w.state, DisputeState::TooEarly) {
        if let Some(o) = w.opens.filter(|o| *o > today) {
            out.push(Deadline { kind: DeadlineKind::DisputeOpens, date: o, days_left: ahead(o), estimated: false });
        }
    }
    if matches!(w.state, DisputeState::TooEarly | DisputeState::Open | DisputeState::ClosingSoon) {
        if let Some(c) = w.closes.filter(|c| *c >= today) {
            let kind = if awaiting_receipt(t) { DeadlineKind::ProtectionEnds } else { DeadlineKind::DisputeCloses };
            out.push(Deadline { kind, date: c, days_left: ahead(c), estimated: w.closes_estimated });
        }
    }
    sort_by_key(&mut out, |d| (day_number(d.date), d.kind.as_str().to_string()));
    out
}

/// The deadline that closes something next: what the popup sorts by and counts down to.
pub fn next_deadline(t: &Tracked, w: &DisputeWindow, today: NaiveDate) -> Option<Deadline> {
    deadlines(t, w, today).into_iter().find(|d| d.kind.closes_something())
}

/// An order needs action now when its dispute window is closing soon, or when its protection
/// ends soon and it has not arrived (time to ask the seller for an extension).
pub fn needs_action(t: &Tracked, settings: &Settings, today: NaiveDate) -> bool {
    needs_action_in(t, &dispute_window(&t.order, today, settings))
}

fn needs_action_in(t: &Tracked, w: &DisputeWindow) -> bool {
    !t.resolved && !t.hidden && (w.state == DisputeState::ClosingSoon || w.extension_worthy)
}

pub fn badge(memory: &Memory, settings: &Settings, today: NaiveDate) -> Badge {
    let mut count = 0;
    let mut urgency = Urgency::None;
    for t in memory.orders.values() {
        let w = dispute_window(&t.order, today, settings);
        if !needs_action_in(t, &w) {
            continue;
        }
        count += 1;
        let left = next_deadline(t, &w, today).map(|d| d.days_left).or(w.days_left);
        urgency = urgency.max(if left.is_some_and(|l| l <= 1) { Urgency::Urgent } else { Urgency::Soon });
    }
    Badge { text: if count == 0 { String::new() } else { count.to_string() }, count, urgency }
}

/// The step worth taking now, and where it starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextStep {
    /// `open-dispute` or `extend-protection`, as the page contract's highlights.
    pub kind: String,
    pub label: Message,
    pub url: String,
}

/// One line of the popup's list of orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub status: Status,
    pub window: DisputeWindow,
    pub needs_action: bool,
    pub resolved: bool,
    pub hidden: bool,
    /// The deadline that closes something next, when one is ahead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// The status in words.
    pub status_label: Message,
    /// "Last day to open a dispute: <date>" / "Buyer protection ends: <date>".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline_label: Option<Message>,
    /// "3 days left", "today", "tomorrow".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left_label: Option<Message>,
    /// Why the window is in its state, in one line.
    pub reason: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_step: Option<NextStep>,
    /// The order's dates as a picture (the row under it), unless switched off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<crate::rules::order_timeline::Timeline>,
}

/// "today", "tomorrow", "N days left": three keys, because plural rules differ by language and
/// from 2 on every supported language can phrase it with a number ("осталось дней: 5").
pub fn days_left_message(prefix: &str, days: i64) -> Message {
    match days {
        0 => Message::new(&format!("{prefix}Today")),
        1 => Message::new(&format!("{prefix}Tomorrow")),
        n => Message::with(&format!("{prefix}Days"), vec![Arg::Number(n)]),
    }
}

/// The serde name of a unit variant (`in-transit-protection-left`) as a message-key suffix.
fn key_suffix<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default().trim_matches('"').replace('-', "_")
}

/// The reason of a window in one line, with the dates it needs.
pub fn reason_message(w: &DisputeWindow, settings: &Settings) -> Message {
    use crate::rules::dispute_window::Reason as R;
    let key = format!("popupReason_{}", key_suffix(&w.reason));
    let date = |d: Option<NaiveDate>| d.map(Arg::Date);
    let args: Vec<Arg> = match w.reason {
        R::NotShippedYet => vec![Arg::Number(settings.policy.dispute_opens_after_shipment_days as i64)],
        R::TooSoonAfterShipment => date(w.opens).into_iter().collect(),
        R::InTransitProtectionLeft | R::WithinWindowAfterReceipt | R::DisputeCancelledReopenable => date(w.closes).into_iter().collect(),
        R::DisputeUnderWay => vec![Arg::Number(settings.policy.seller_response_days as i64)],
        _ => vec![],
    };
    // A reason whose date is unknown falls back to the one that asks for the order's page.
    let needs_arg = matches!(w.reason, R::TooSoonAfterShipment | R::InTransitProtectionLeft | R::WithinWindowAfterReceipt | R::DisputeCancelledReopenable);
    if needs_arg && args.is_empty() {
        return Message::new("popupReason_missing_dates");
    }
    Message::with(&key, args)
}

fn line(t: &Tracked, settings: &Settings, today: NaiveDate) -> OrderLine {
    let w = dispute_window(&t.order, today, settings);
    let deadline = next_deadline(t, &w, today);
    let order_url = order_links::detail_page(&t.order);
    let next_step = if t.resolved {
        None
    } else if w.extension_worthy {
        order_links::detail_page(&t.order).map(|url| NextStep { kind: "extend-protection".into(), label: Message::new("popupActionExtend"), url })
    } else if w.state.is_open() {
        order_links::dispute_start(&t.order).map(|url| NextStep { kind: "open-dispute".into(), label: Message::new("popupActionDispute"), url })
    } else {
        None
    };
    OrderLine {
        id: t.order.id.clone(),
        store: t.order.store.clone(),
        item: t.order.items.first().map(|i| i.title.clone()),
        status: t.order.status,
        needs_action: needs_action_in(t, &w),
        resolved: t.resolved,
        hidden: t.hidden,
        deadline,
        status_label: Message::new(&format!("popupStatus_{}", key_suffix(&t.order.status))),
        deadline_label: deadline.map(|d| Message::with(&format!("popupDeadline_{}", key_suffix(&d.kind)), vec![Arg::Date(d.date)])),
        days_left_label: deadline.map(|d| days_left_message("popupLeft", d.days_left)),
        reason: reason_message(&w, settings),
        order_url,
        next_step,
        timeline: settings.timeline.then(|| crate::rules::order_timeline::timeline(&t.order, &w, today)),
        window: w,
    }
}

/// Every tracked order: the ones still open first, soonest deadline first; then the ones with no
/// deadline ahead; the ones the shopper marked resolved last.
pub fn order_lines(memory: &Memory, settings: &Settings, today: NaiveDate) -> Vec<OrderLine> {
    let mut lines: Vec<OrderLine> = memory.orders.values().map(|t| line(t, settings, today)).collect();
    // Groups 100 000 days apart (some 270 years): open with a deadline, open without, resolved.
    sort_by_key(&mut lines, |l| {
        let group = if l.resolved {
            2
        } else if l.deadline.is_none() {
            1
        } else {
            0
        };
        (group * 100_000 + l.deadline.map_or(0, |d| day_number(d.date)), l.id.clone())
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::order::Order;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    const TODAY: &str = "2026-03-10";

    fn tracked(id: &str, status: Status, shipped: Option<&str>, completed: Option<&str>) -> Tracked {
        Tracked {
            order: Order { id: id.into(), status, shipped: shipped.map(d), completed: completed.map(d), ..Default::default() },
            first_seen: d("2026-01-01"),
            last_seen: d("2026-01-01"),
            resolved: false,
            hidden: false,
            reminded: Default::default(),
        }
    }

    fn memory(list: Vec<Tracked>) -> Memory {
        let mut m = Memory::default();
        for t in list {
            m.orders.insert(t.order.id.clone(), t);
        }
        m
    }

    #[test]
    fn badge_counts_closing_soon_and_extension_worthy_orders_only() {
        let m = memory(vec![
            // Received 13 days ago: 2 days left of 15 → closing soon.
            tracked("8100000000000001", Status::Completed, Some("2026-02-01"), Some("2026-02-25")),
            // Received 2 days ago: 13 days left → open, nothing to do yet.
            tracked("8100000000000002", Status::Completed, Some("2026-02-01"), Some("2026-03-08")),
            // Shipped 58 days ago, not received: protection (60 days) ends in 2 → ask for an extension.
            tracked("8100000000000003", Status::Shipped, Some("2026-01-11"), None),
            // Shipped 20 days ago: 40 days of protection left.
            tracked("8100000000000004", Status::Shipped, Some("2026-02-18"), None),
        ]);
        let b = badge(&m, &Settings::default(), d(TODAY));
        assert_eq!((b.text.as_str(), b.count, b.urgency), ("2", 2, Urgency::Soon));
    }

    #[test]
    fn badge_is_empty_and_calm_when_nothing_needs_action() {
        let m = memory(vec![tracked("8100000000000002", Status::Completed, Some("2026-02-01"), Some("2026-03-08"))]);
        assert_eq!(badge(&m, &Settings::default(), d(TODAY)), Badge { text: String::new(), count: 0, urgency: Urgency::None });
        assert_eq!(badge(&Memory::default(), &Settings::default(), d(TODAY)).text, "");
    }

    #[test]
    fn badge_is_urgent_on_the_last_day_and_the_day_before() {
        for (completed, urgency) in [("2026-02-23", Urgency::Urgent), ("2026-02-24", Urgency::Urgent), ("2026-02-25", Urgency::Soon)] {
            let m = memory(vec![tracked("8100000000000001", Status::Completed, Some("2026-02-01"), Some(completed))]);
            assert_eq!(badge(&m, &Settings::default(), d(TODAY)).urgency, urgency, "completed {completed}");
        }
    }

    #[test]
    fn resolved_and_hidden_orders_are_not_counted() {
        let mut a = tracked("8100000000000001", Status::Completed, Some("2026-02-01"), Some("2026-02-25"));
        let mut b = tracked("8100000000000003", Status::Shipped, Some("2026-01-14"), None);
        a.resolved = true;
        b.hidden = true;
        assert_eq!(badge(&memory(vec![a, b]), &Settings::default(), d(TODAY)).count, 0);
    }

    #[test]
    fn a_longer_lead_time_counts_more_orders() {
        let m = memory(vec![tracked("8100000000000002", Status::Completed, Some("2026-02-01"), Some("2026-03-08"))]);
        let mut s = Settings::default();
        assert_eq!(badge(&m, &s, d(TODAY)).count, 0);
        s.closing_soon_days = 14;
        assert_eq!(badge(&m, &s, d(TODAY)).count, 1);
    }

    #[test]
    fn popup_lists_soonest_deadline_first_then_undated_then_resolved() {
        let mut resolved = tracked("8100000000000009", Status::Completed, Some("2026-02-01"), Some("2026-02-25"));
        resolved.resolved = true;
        let m = memory(vec![
            tracked("8100000000000004", Status::Shipped, Some("2026-02-18"), None), // protection ends 04-19
            tracked("8100000000000002", Status::Completed, Some("2026-02-01"), Some("2026-03-08")), // closes 03-23
            tracked("8100000000000005", Status::AwaitingShipment, None, None),      // no date
            tracked("8100000000000001", Status::Completed, Some("2026-02-01"), Some("2026-02-25")), // closes 03-12
            resolved,
            tracked("8100000000000006", Status::Shipped, Some("2026-03-05"), None), // too early; protection ends 05-04
        ]);
        let lines = order_lines(&m, &Settings::default(), d(TODAY));
        let ids: Vec<&str> = lines.iter().map(|l| &l.id[14..]).collect();
        assert_eq!(ids, ["01", "02", "04", "06", "05", "09"]);
        let first = &lines[0];
        let dl = first.deadline.unwrap();
        assert_eq!((dl.kind, dl.date, dl.days_left, dl.estimated), (DeadlineKind::DisputeCloses, d("2026-03-12"), 2, true));
        assert_eq!(first.days_left_label, Some(Message::with("popupLeftDays", vec![Arg::Number(2)])));
        assert_eq!(first.reason, Message::with("popupReason_within_window_after_receipt", vec![Arg::Date(d("2026-03-12"))]));
        assert_eq!(first.next_step.as_ref().unwrap().kind, "open-dispute");
        let in_transit = &lines[2];
        assert_eq!(in_transit.deadline.unwrap().kind, DeadlineKind::ProtectionEnds);
        assert_eq!(in_transit.deadline_label, Some(Message::with("popupDeadline_protection_ends", vec![Arg::Date(d("2026-04-19"))])));
        let too_early = &lines[3];
        assert_eq!(too_early.reason, Message::with("popupReason_too_soon_after_shipment", vec![Arg::Date(d("2026-03-15"))]));
        assert_eq!(too_early.next_step, None);
        assert_eq!(lines[4].reason, Message::with("popupReason_not_shipped_yet", vec![Arg::Number(10)]));
        assert_eq!(lines[5].next_step, None, "no next step for a resolved order");
    }

    #[test]
    fn each_popup_line_carries_its_order_s_timeline_unless_switched_off() {
        let m = memory(vec![tracked("8100000000000001", Status::Completed, Some("2026-02-01"), Some("2026-02-25"))]);
        let l = &order_lines(&m, &Settings::default(), d(TODAY))[0];
        let t = l.timeline.as_ref().expect("a timeline");
        assert_eq!(t.order, "8100000000000001");
        let kinds: Vec<&str> = t.points.iter().map(|p| p.kind.as_str()).collect();
        assert_eq!(kinds, ["shipped", "dispute-opens", "received", "today", "dispute-closes"]);
        assert_eq!(t.next, Some(Message::with("timelineNext_dispute_closes", vec![Arg::Date(d("2026-03-12"))])), "the popup's deadline");
        let off = Settings { timeline: false, ..Settings::default() };
        assert_eq!(order_lines(&m, &off, d(TODAY))[0].timeline, None);
    }

    #[test]
    fn days_left_words_for_today_and_tomorrow() {
        assert_eq!(days_left_message("popupLeft", 0), Message::new("popupLeftToday"));
        assert_eq!(days_left_message("popupLeft", 1), Message::new("popupLeftTomorrow"));
        assert_eq!(days_left_message("popupLeft", 5), Message::with("popupLeftDays", vec![Arg::Number(5)]));
    }

    #[test]
    fn an_order_with_protection_ending_soon_suggests_an_extension() {
        let m = memory(vec![tracked("8100000000000003", Status::Shipped, Some("2026-01-11"), None)]);
        let l = &order_lines(&m, &Settings::default(), d(TODAY))[0];
        let step = l.next_step.as_ref().unwrap();
        assert_eq!((step.kind.as_str(), step.url.as_str()), ("extend-protection", "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000003"));
        assert!(l.needs_action);
    }
}
