//! Which deadline reminders are due now: before a dispute window closes, before protection ends
//! on an order not received (time to ask for an extension), and when a dispute becomes
//! possible. Each is shown once: its key is recorded in the order's memory (`Tracked::reminded`),
//! which survives browser and service-worker restarts. Resolved and hidden orders get none.

use crate::rules::dispute_window::dispute_window;
use crate::rules::settings::Settings;
use crate::toolbar::deadlines::{days_left_message, deadlines, DeadlineKind};
use crate::toolbar::order_links;
use crate::toolbar::order_memory::{Memory, Tracked};
use crate::wire::page_plan::{Arg, Message};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// "A dispute is now possible" is still news this many days after the opening day (the
/// browser may have been closed on the day itself); later it would only be noise.
const OPENS_NEWS_DAYS: i64 = 3;
/// Keys of reminders whose date is this far in the past can never be due again: forget them.
const KEEP_SENT_DAYS: i64 = 30;

/// Prefix of the notification ids, so that a click is recognised as one of ours.
pub const NOTIFICATION_PREFIX: &str = "dg-reminder|";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    /// The notification id: `dg-reminder|<order id>|<key>`.
    pub id: String,
    /// What is recorded once shown: `<kind>:<date>` plus `:<lead days>` for countdowns.
    pub key: String,
    pub order_id: String,
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub days_left: i64,
    pub title: Message,
    pub body: Message,
    /// The order's page, opened when the notification is clicked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The order as a notification names it: its item, else its store, else its number.
fn order_name(t: &Tracked) -> String {
    t.order
        .items
        .first()
        .map(|i| i.title.clone())
        .or_else(|| t.order.store.clone())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| format!("#{}", t.order.id))
}

/// The lead time a countdown of `left` days falls under: the smallest lead not shorter than it.
/// With leads 7, 3, 1 an order first seen 5 days before gets the "7" reminder now, the "3" one
/// two days later, the "1" one the day before: one a day at most, never a burst.
fn lead_for(left: i64, leads: &[u32]) -> Option<u32> {
    leads.iter().copied().filter(|l| (*l as i64) >= left).min()
}

fn reminders_for(t: &Tracked, settings: &Settings, today: NaiveDate) -> Vec<Reminder> {
    if t.resolved || t.hidden {
        return vec![];
    }
    let w = dispute_window(&t.order, today, settings);
    let name = Arg::Text(order_name(t));
    let url = order_links::detail_page(&t.order);
    let make = |kind: DeadlineKind, date: NaiveDate, key: String, title: Message, body: Message| Reminder {
        id: format!("{NOTIFICATION_PREFIX}{}|{key}", t.order.id),
        key,
        order_id: t.order.id.clone(),
        kind,
        date,
        days_left: (date - today).num_days(),
        title,
        body,
        url: url.clone(),
    };
    let mut out = vec![];
    for d in deadlines(t, &w, today).into_iter().filter(|d| d.kind.closes_something() && d.days_left >= 0) {
        let Some(lead) = lead_for(d.days_left, &settings.reminder_days) else { continue };
        let key = format!("{}:{}:{lead}", d.kind.as_str(), d.date);
        let (prefix, body) = match d.kind {
            DeadlineKind::ProtectionEnds => ("notifyProtection", "notifyProtectionBody"),
            _ => ("notifyCloses", "notifyClosesBody"),
        };
        let body = Message::with(body, vec![name.clone(), Arg::Date(d.date)]);
        out.push(make(d.kind, d.date, key, days_left_message(prefix, d.days_left), body));
    }
    if let Some(opens) = w.opens.filter(|o| w.state.is_open() && *o <= today && (today - *o).num_days() <= OPENS_NEWS_DAYS) {
        // Only news if we knew the order before it opened; otherwise the popup tells it.
        if opens >= t.first_seen {
            let body = match w.closes {
                Some(c) => Message::with("notifyOpensBody", vec![name.clone(), Arg::Date(c)]),
                None => Message::with("notifyOpensBodyNoDate", vec![name.clone()]),
            };
            let key = format!("{}:{opens}", DeadlineKind::DisputeOpens.as_str());
            out.push(make(DeadlineKind::DisputeOpens, opens, key, Message::new("notifyOpensTitle"), body));
        }
    }
    out.retain(|r| !t.reminded.contains(&r.key));
    out
}

/// The reminders due today that were not shown yet, most urgent first. No lead times at all
/// means no reminders (the options say "leave empty for no reminders").
pub fn due(memory: &Memory, settings: &Settings, today: NaiveDate) -> Vec<Reminder> {
    if !settings.notifications || settings.reminder_days.is_empty() {
        return vec![];
    }
    let mut all: Vec<Reminder> = memory.orders.values().flat_map(|t| reminders_for(t, settings, today)).collect();
    crate::toolbar::deadlines::sort_by_key(&mut all, |r| (r.days_left, format!("{}|{}", r.order_id, r.key)));
    all
}

/// The date inside a reminder key (`<kind>:<date>[:<lead>]`).
fn key_date(key: &str) -> Option<NaiveDate> {
    key.split(':').nth(1).and_then(crate::wire::bounds::parse_date)
}

/// Takes the due reminders: records them as shown (before they are shown, so that a crash can
/// lose one but never repeat one) and forgets keys too old to matter. Returns the reminders and
/// whether the memory changed.
pub fn take_due(memory: &mut Memory, settings: &Settings, today: NaiveDate) -> (Vec<Reminder>, bool) {
    let due = due(memory, settings, today);
    let mut changed = false;
    for r in &due {
        if let Some(t) = memory.orders.get_mut(&r.order_id) {
            if !t.reminded.contains(&r.key) {
                t.reminded.push(r.key.clone());
                changed = true;
            }
        }
    }
    for t in memory.orders.values_mut() {
        let before = t.reminded.len();
        t.reminded.retain(|k| key_date(k).is_none_or(|d| (today - d).num_days() <= KEEP_SENT_DAYS));
        changed |= t.reminded.len() != before;
    }
    (due, changed)
}

/// The order a notification is about, from its id.
pub fn order_of_notification(id: &str) -> Option<&str> {
    id.strip_prefix(NOTIFICATION_PREFIX)?.split('|').next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::order::{Item, Order, Status};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn memory_with(order: Order, first_seen: &str) -> Memory {
        let mut m = Memory::default();
        m.remember(&[order], d(first_seen));
        m
    }

    fn completed(completed: &str) -> Order {
        Order {
            id: "8100000000000001".into(),
            status: Status::Completed,
            shipped: Some(d("2026-01-20")),
            completed: Some(d(completed)),
            items: vec![Item { title: "USB cable".into(), quantity: None }],
            ..Default::default()
        }
    }

    /// Runs the schedule day by day, as the daily alarm does, collecting what was shown.
    fn run(memory: &mut Memory, settings: &Settings, from: &str, days: i64) -> Vec<(NaiveDate, Reminder)> {
        let mut shown = vec![];
        for i in 0..days {
            let today = d(from) + chrono::Duration::days(i);
            // Twice a day: the periodic alarm and a page read must not repeat anything.
            for _ in 0..2 {
                let (due, _) = take_due(memory, settings, today);
                shown.extend(due.into_iter().map(|r| (today, r)));
            }
        }
        shown
    }

    #[test]
    fn a_closing_window_is_reminded_at_each_lead_time_once() {
        // Received 2026-02-01: the window closes 2026-02-16.
        let mut m = memory_with(completed("2026-02-01"), "2026-02-01");
        let shown = run(&mut m, &Settings::default(), "2026-02-01", 20);
        let got: Vec<(String, String, i64)> = shown.iter().map(|(day, r)| (day.to_string(), r.key.clone(), r.days_left)).collect();
        assert_eq!(
            got,
            [
                ("2026-02-09".into(), "dispute-closes:2026-02-16:7".into(), 7),
                ("2026-02-13".into(), "dispute-closes:2026-02-16:3".into(), 3),
                ("2026-02-15".into(), "dispute-closes:2026-02-16:1".into(), 1),
            ]
        );
        let r = &shown[2].1;
        assert_eq!(r.title, Message::new("notifyClosesTomorrow"));
        assert_eq!(r.body, Message::with("notifyClosesBody", vec![Arg::Text("USB cable".into()), Arg::Date(d("2026-02-16"))]));
        assert_eq!(r.url.as_deref(), Some("https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"));
        assert_eq!(order_of_notification(&r.id), Some("8100000000000001"));
        assert_eq!(shown[0].1.title, Message::with("notifyClosesDays", vec![Arg::Number(7)]));
    }

    #[test]
    fn an_order_first_seen_late_gets_one_reminder_not_a_burst() {
        let mut m = memory_with(completed("2026-02-01"), "2026-02-14");
        let shown = run(&mut m, &Settings::default(), "2026-02-14", 5);
        let keys: Vec<&str> = shown.iter().map(|(_, r)| r.key.as_str()).collect();
        assert_eq!(keys, ["dispute-closes:2026-02-16:3", "dispute-closes:2026-02-16:1"]);
    }

    #[test]
    fn protection_ending_on_an_order_not_received_suggests_an_extension() {
        let o =
            Order { id: "8100000000000003".into(), status: Status::Shipped, shipped: Some(d("2026-01-01")), store: Some("Shop".into()), ..Default::default() };
        // Protection: 60 days → ends 2026-03-02. The dispute opens 2026-01-11.
        let mut m = memory_with(o, "2026-01-02");
        let s = Settings { reminder_days: vec![5], ..Default::default() };
        let shown = run(&mut m, &s, "2026-01-02", 70);
        let got: Vec<(String, &str)> = shown.iter().map(|(day, r)| (day.to_string(), r.key.as_str())).collect();
        assert_eq!(got, [("2026-01-11".into(), "dispute-opens:2026-01-11"), ("2026-02-25".into(), "protection-ends:2026-03-02:5")]);
        assert_eq!(shown[0].1.title, Message::new("notifyOpensTitle"));
        assert_eq!(shown[0].1.body, Message::with("notifyOpensBody", vec![Arg::Text("Shop".into()), Arg::Date(d("2026-03-02"))]));
        assert_eq!(shown[1].1.body.key, "notifyProtectionBody");
        assert_eq!(shown[1].1.title, Message::with("notifyProtectionDays", vec![Arg::Number(5)]));
    }

    #[test]
    fn an_order_seen_only_after_its_window_opened_gets_no_opening_news() {
        let o = Order { id: "8100000000000003".into(), status: Status::Shipped, shipped: Some(d("2026-01-01")), ..Default::default() };
        let settings = Settings { reminder_days: vec![1], ..Default::default() };
        assert_eq!(due(&memory_with(o.clone(), "2026-01-12"), &settings, d("2026-01-12")), vec![]);
        assert_eq!(due(&memory_with(o, "2026-01-10"), &settings, d("2026-01-12")).len(), 1, "known before: news");
    }

    #[test]
    fn resolved_hidden_or_switched_off_means_no_reminder() {
        let base = memory_with(completed("2026-02-01"), "2026-02-01");
        let today = d("2026-02-15");
        assert_eq!(due(&base, &Settings::default(), today).len(), 1);
        let mut m = base.clone();
        m.orders.values_mut().for_each(|t| t.resolved = true);
        assert_eq!(due(&m, &Settings::default(), today), vec![]);
        let mut m = base.clone();
        m.orders.values_mut().for_each(|t| t.hidden = true);
        assert_eq!(due(&m, &Settings::default(), today), vec![]);
        assert_eq!(due(&base, &Settings { notifications: false, ..Default::default() }, today), vec![]);
        assert_eq!(due(&base, &Settings { reminder_days: vec![], ..Default::default() }, today), vec![]);
    }

    #[test]
    fn a_new_deadline_date_gets_its_own_reminders_and_old_keys_are_forgotten() {
        let mut m = memory_with(completed("2026-02-01"), "2026-02-01");
        assert_eq!(take_due(&mut m, &Settings::default(), d("2026-02-15")).0.len(), 1);
        // The page now states a 90-days-from-placement window instead: a new deadline.
        let mut o = completed("2026-02-01");
        o.placed = Some(d("2026-01-10"));
        o.stated_windows = vec![crate::wire::order::StatedWindow {
            days: 40,
            from: crate::wire::order::WindowStart::OrderPlaced,
            purpose: crate::wire::order::WindowPurpose::Dispute,
        }];
        m.remember(&[o], d("2026-02-16"));
        let (due, _) = take_due(&mut m, &Settings::default(), d("2026-02-16"));
        assert_eq!(due.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["dispute-closes:2026-02-19:3"]);
        let (_, changed) = take_due(&mut m, &Settings::default(), d("2026-04-01"));
        assert!(changed);
        assert!(m.orders["8100000000000001"].reminded.is_empty(), "keys from February forgotten by April");
        let (_, changed) = take_due(&mut m, &Settings::default(), d("2026-04-02"));
        assert!(!changed, "nothing to write when nothing changed");
    }

    #[test]
    fn lead_times_pick_the_closest_one_not_shorter() {
        assert_eq!(lead_for(5, &[7, 3, 1]), Some(7));
        assert_eq!(lead_for(3, &[1, 3, 7]), Some(3));
        assert_eq!(lead_for(0, &[7, 3, 1]), Some(1));
        assert_eq!(lead_for(0, &[0]), Some(0));
        assert_eq!(lead_for(8, &[7, 3, 1]), None);
    }
}
