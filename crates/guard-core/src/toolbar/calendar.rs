//! The deadlines as an iCalendar file (RFC 5545) for the shopper's own calendar: one all-day
//! event per deadline, with the order's page as URL and in the description, and an alarm at
//! each reminder lead time.
//!
//! Two steps, because texts are rendered in the shopper's language outside the core: `events`
//! says which events there are (texts as message keys); the extension renders the texts and
//! `ics` writes the file: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
//! character), TEXT values escaped (`\\`, `\;`, `\,`, `\n`), dates as `VALUE=DATE`.

use crate::rules::dispute_window::dispute_window;
use crate::rules::settings::Settings;
use crate::toolbar::deadlines::{deadlines, reason_message, DeadlineKind};
use crate::toolbar::order_links;
use crate::toolbar::order_memory::Memory;
use crate::wire::page_plan::{Arg, Message};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

/// The right-hand side of every UID: ours, and never a real host.
const UID_DOMAIN: &str = "dispute-guard.invalid";

/// One deadline, before its texts are rendered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable per order and deadline: importing a newer file updates the event, not adds one.
    pub uid: String,
    pub order_id: String,
    pub kind: DeadlineKind,
    #[serde(deserialize_with = "crate::wire::bounds::deadline")]
    pub date: NaiveDate,
    pub summary: Message,
    /// Description lines.
    pub description: Vec<Message>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An event with its texts in the shopper's language, as the extension sends it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderedEvent {
    pub uid: String,
    pub kind: DeadlineKind,
    #[serde(deserialize_with = "crate::wire::bounds::deadline")]
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// Every deadline ahead of the tracked orders the shopper has not resolved or hidden.
pub fn events(memory: &Memory, settings: &Settings, today: NaiveDate) -> Vec<Event> {
    let mut out = vec![];
    for t in memory.orders.values().filter(|t| !t.resolved && !t.hidden) {
        let w = dispute_window(&t.order, today, settings);
        let name = t.order.items.first().map(|i| i.title.clone()).or_else(|| t.order.store.clone());
        let url = order_links::detail_page(&t.order);
        for d in deadlines(t, &w, today) {
            let key = format!("calSummary_{}", d.kind.as_str().replace('-', "_"));
            let summary = match &name {
                Some(n) => Message::with(&key, vec![Arg::Text(n.clone())]),
                None => Message::with(&key, vec![Arg::Text(format!("#{}", t.order.id))]),
            };
            let mut description = vec![reason_message(&w, settings)];
            if d.estimated {
                description.push(Message::new("calEstimated"));
            }
            if let Some(store) = &t.order.store {
                description.push(Message::with("calStore", vec![Arg::Text(store.clone())]));
            }
            description.push(Message::with("calOrder", vec![Arg::Text(t.order.id.clone())]));
            out.push(Event {
                uid: format!("{}-{}@{UID_DOMAIN}", t.order.id, d.kind.as_str()),
                order_id: t.order.id.clone(),
                kind: d.kind,
                date: d.date,
                summary,
                description,
                url: url.clone(),
            });
        }
    }
    crate::toolbar::deadlines::sort_by_key(&mut out, |e| (crate::toolbar::deadlines::day_number(e.date), e.uid.clone()));
    out
}

/// Escapes a TEXT value (RFC 5545 3.3.11); control characters other than line breaks go.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line (RFC 5545 3.1): at most 75 octets per line, continuation lines start
/// with one space, and a multi-octet UTF-8 character is never split.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn date_value(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A uid as we make them: digits, letters, `-`, `.`, `@` only (nothing to escape or to inject).
fn plain_uid(uid: &str) -> bool {
    !uid.is_empty() && uid.len() <= 200 && uid.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.@_".contains(&b))
}

/// Writes the calendar. `stamp` is the current time in UTC (DTSTAMP); `lead_days` gives each
/// closing deadline an alarm that many days before.
pub fn ics(events: &[RenderedEvent], stamp: NaiveDateTime, lead_days: &[u32]) -> Result<String, String> {
    let mut out = String::new();
    let mut line = |s: String| fold(&s, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Dispute Guard//Deadlines//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line("X-WR-CALNAME:Dispute Guard".into());
    let stamp = format!("{}T{:02}{:02}{:02}Z", date_value(stamp.date()), stamp.hour(), stamp.minute(), stamp.second());
    for e in events {
        if !plain_uid(&e.uid) {
            return Err(format!("bad event uid {:?}", e.uid));
        }
        let url = e.url.as_deref().and_then(order_links::shop_url);
        let mut description = e.description.clone();
        if let Some(u) = &url {
            description.push_str(&format!("\n{u}"));
        }
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", e.uid));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART;VALUE=DATE:{}", date_value(e.date)));
        let end = e.date.succ_opt().ok_or_else(|| format!("bad event date {}", e.date))?;
        line(format!("DTEND;VALUE=DATE:{}", date_value(end)));
        line(format!("SUMMARY:{}", escape_text(&e.summary)));
        line(format!("DESCRIPTION:{}", escape_text(&description)));
        if let Some(u) = &url {
            line(format!("URL:{u}"));
        }
        line("TRANSP:TRANSPARENT".into());
        if e.kind.closes_something() {
            let mut leads: Vec<u32> = lead_days.to_vec();
            crate::wire::bounds::sort_by_number(&mut leads, |d| u64::MAX - u64::from(*d));
            leads.dedup();
            for lead in leads {
                line("BEGIN:VALARM".into());
                line("ACTION:DISPLAY".into());
                line(format!("DESCRIPTION:{}", escape_text(&e.summary)));
                line(if lead == 0 { "TRIGGER:PT0S".into() } else { format!("TRIGGER:-P{lead}D") });
                line("END:VALARM".into());
            }
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::order::{Item, Order, Status};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn stamp() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-03-10T08:30:00", "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    fn rendered(summary: &str, description: &str) -> RenderedEvent {
        RenderedEvent {
            uid: "8100000000000001-dispute-closes@dispute-guard.invalid".into(),
            kind: DeadlineKind::DisputeCloses,
            date: d("2026-03-12"),
            summary: summary.into(),
            description: description.into(),
            url: Some("https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001".into()),
        }
    }

    #[test]
    fn one_event_per_deadline_ahead_with_stable_uids() {
        let mut m = Memory::default();
        let shipped = Order { id: "8100000000000003".into(), status: Status::Shipped, shipped: Some(d("2026-03-05")), ..Default::default() };
        let received = Order {
            id: "8100000000000001".into(),
            status: Status::Completed,
            shipped: Some(d("2026-02-01")),
            completed: Some(d("2026-02-25")),
            store: Some("Shop".into()),
            items: vec![Item { title: "Cable".into(), quantity: None }],
            ..Default::default()
        };
        let closed = Order { id: "8100000000000005".into(), status: Status::Closed, ..Default::default() };
        m.remember(&[shipped, received, closed], d("2026-03-05"));
        let ev = events(&m, &Settings::default(), d("2026-03-10"));
        let got: Vec<(&str, NaiveDate)> = ev.iter().map(|e| (e.uid.as_str(), e.date)).collect();
        assert_eq!(
            got,
            [
                ("8100000000000001-dispute-closes@dispute-guard.invalid", d("2026-03-12")),
                ("8100000000000003-dispute-opens@dispute-guard.invalid", d("2026-03-15")),
                ("8100000000000003-protection-ends@dispute-guard.invalid", d("2026-05-04")),
            ]
        );
        assert_eq!(ev[0].summary, Message::with("calSummary_dispute_closes", vec![Arg::Text("Cable".into())]));
        assert_eq!(ev[1].summary, Message::with("calSummary_dispute_opens", vec![Arg::Text("#8100000000000003".into())]));
        assert!(ev[2].description.contains(&Message::new("calEstimated")));
        // Resolved orders leave the calendar.
        m.change(&crate::toolbar::order_memory::Change::Resolve { id: "8100000000000001".into(), value: true });
        assert_eq!(events(&m, &Settings::default(), d("2026-03-10")).len(), 2);
    }

    #[test]
    fn the_file_is_rfc5545_shaped() {
        let ics = ics(&[rendered("Last day to open a dispute: Cable", "Received.")], stamp(), &[7, 3, 1]).unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
        for l in [
            "UID:8100000000000001-dispute-closes@dispute-guard.invalid",
            "DTSTAMP:20260310T083000Z",
            "DTSTART;VALUE=DATE:20260312",
            "DTEND;VALUE=DATE:20260313",
            "URL:https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001",
            "TRIGGER:-P7D",
            "TRIGGER:-P1D",
        ] {
            assert!(ics.contains(&format!("\r\n{l}\r\n")), "{l} missing in\n{ics}");
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("\r\nDESCRIPTION:Received.\\nhttps://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001\r\n"));
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_without_splitting_characters() {
        let nasty = "Store, \"A; B\" \\ back\nslash <script>\u{7}";
        let long = "Последний день, чтобы открыть спор: 充电线 ".repeat(4);
        let ics = ics(&[rendered(&long, nasty)], stamp(), &[]).unwrap();
        assert!(ics.contains("DESCRIPTION:Store\\, \"A\\; B\" \\\\ back\\nslash <script>\\n"), "{ics}");
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        // Unfolding gives back the escaped summary exactly.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", escape_text(&long))));
    }

    #[test]
    fn foreign_links_and_odd_uids_never_reach_the_file() {
        let mut e = rendered("x", "y");
        e.url = Some("javascript:alert(1)".into());
        let ics1 = ics(&[e.clone()], stamp(), &[]).unwrap();
        assert!(!ics1.contains("javascript") && !ics1.contains("URL:"));
        e.uid = "x\r\nATTACH:evil".into();
        assert!(ics(&[e], stamp(), &[]).is_err());
    }
}
