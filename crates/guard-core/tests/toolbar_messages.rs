//! Every message key the toolbar's core code can produce (popup lines, reminders, calendar,
//! options form, import errors) exists in the English sources (extension/i18n/*/en.json), with
//! as many placeholders as the core gives arguments. The node test tests/e2e/i18n.test.js then
//! checks that every other language has every English key.
//!
//! Reasons and statuses are read from the enums' source, so a reason added by the rules work
//! fails here until the popup has words for it.

use guard_core::rules::settings::Settings;
use guard_core::toolbar::deadlines::DeadlineKind;
use guard_core::toolbar::order_memory::{self, Memory};
use guard_core::toolbar::{calendar, deadlines, notifications, settings_form};
use guard_core::wire::order::Order;
use guard_core::wire::page_plan::Message;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// key -> number of placeholders, over every feature's en.json.
fn english() -> BTreeMap<String, usize> {
    let mut all = BTreeMap::new();
    for feature in std::fs::read_dir(root().join("extension/i18n")).unwrap() {
        let path = feature.unwrap().path().join("en.json");
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let v: Map<String, Value> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (k, m) in v {
            let n = m.get("placeholders").and_then(|p| p.as_object()).map_or(0, |p| p.len());
            all.insert(k, n);
        }
    }
    all
}

/// The variants of `pub enum <name>` in a source file, as the snake_case serde names.
fn variants(file: &str, name: &str) -> Vec<String> {
    let src = std::fs::read_to_string(root().join(file)).unwrap();
    let start = src.find(&format!("pub enum {name} {{")).unwrap_or_else(|| panic!("enum {name} not in {file}"));
    let body = &src[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    let mut out = vec![];
    for line in body.lines().map(str::trim) {
        if line.starts_with("//") || line.starts_with('#') || line.is_empty() {
            continue;
        }
        let ident: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
        if ident.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            let mut snake = String::new();
            for (i, c) in ident.chars().enumerate() {
                if c.is_ascii_uppercase() && i > 0 {
                    snake.push('_');
                }
                snake.push(c.to_ascii_lowercase());
            }
            out.push(snake);
        }
    }
    assert!(!out.is_empty(), "no variants found for {name}");
    out
}

fn check(en: &BTreeMap<String, usize>, m: &Message, missing: &mut Vec<String>) {
    match en.get(&m.key) {
        None => missing.push(format!("{} (missing)", m.key)),
        Some(n) if *n != m.args.len() => missing.push(format!("{} ({} placeholders, the core gives {})", m.key, n, m.args.len())),
        _ => {}
    }
}

#[test]
fn every_toolbar_message_key_exists_in_english() {
    let en = english();
    let mut missing = vec![];
    for r in variants("crates/guard-core/src/rules/dispute_window.rs", "Reason") {
        if !en.contains_key(&format!("popupReason_{r}")) {
            missing.push(format!("popupReason_{r}"));
        }
    }
    for s in variants("crates/guard-core/src/wire/order.rs", "Status") {
        if !en.contains_key(&format!("popupStatus_{s}")) {
            missing.push(format!("popupStatus_{s}"));
        }
    }
    for k in [DeadlineKind::DisputeOpens, DeadlineKind::DisputeCloses, DeadlineKind::ProtectionEnds] {
        let s = k.as_str().replace('-', "_");
        if k.closes_something() && !en.contains_key(&format!("popupDeadline_{s}")) {
            missing.push(format!("popupDeadline_{s}"));
        }
        if !en.contains_key(&format!("calSummary_{s}")) {
            missing.push(format!("calSummary_{s}"));
        }
    }
    for prefix in ["popupLeft", "notifyCloses", "notifyProtection"] {
        for days in [0, 1, 5] {
            check(&en, &deadlines::days_left_message(prefix, days), &mut missing);
        }
    }
    // Reminders and calendar events of a shipped order and a received one, over their lives.
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let mut mem = Memory::default();
    mem.remember(
        &[
            Order { id: "8100000000000001".into(), status: guard_core::wire::order::Status::Shipped, shipped: Some(d("2026-01-01")), ..Default::default() },
            Order {
                id: "8100000000000002".into(),
                status: guard_core::wire::order::Status::Completed,
                shipped: Some(d("2026-01-01")),
                completed: Some(d("2026-01-20")),
                store: Some("S".into()),
                ..Default::default()
            },
        ],
        d("2026-01-01"),
    );
    for day in 0..70 {
        let today = d("2026-01-01") + chrono::Duration::days(day);
        for r in notifications::due(&mem, &Settings::default(), today) {
            check(&en, &r.title, &mut missing);
            check(&en, &r.body, &mut missing);
        }
        for e in calendar::events(&mem, &Settings::default(), today) {
            check(&en, &e.summary, &mut missing);
            e.description.iter().for_each(|m| check(&en, m, &mut missing));
        }
        for l in deadlines::order_lines(&mem, &Settings::default(), today) {
            check(&en, &l.status_label, &mut missing);
            check(&en, &l.reason, &mut missing);
            l.deadline_label.iter().chain(l.days_left_label.iter()).for_each(|m| check(&en, m, &mut missing));
            if let Some(s) = &l.next_step {
                check(&en, &s.label, &mut missing);
            }
        }
    }
    // The options form: labels, help, every kind of error.
    for f in settings_form::form(&Settings::default()) {
        for k in [&f.label, &f.help] {
            if !en.contains_key(k) {
                missing.push(k.clone());
            }
        }
        let typed: Map<String, Value> = [(f.name.clone(), json!("not a value"))].into_iter().collect();
        for e in settings_form::apply(&Settings::default(), &typed).errors {
            check(&en, &e.message, &mut missing);
        }
        if !en.contains_key(&format!("optionsSection_{}", serde_json::to_value(f.section).unwrap().as_str().unwrap())) {
            missing.push(format!("optionsSection_{:?}", f.section));
        }
    }
    // Import refusals.
    let good = serde_json::to_value(order_memory::export(&mem, &Settings::default(), "2026-01-01T00:00:00")).unwrap();
    let mut bad_order = good.clone();
    bad_order["memory"]["orders"]["8100000000000001"]["order"]["id"] = json!("1");
    let mut bad_setting = good.clone();
    bad_setting["settings"]["closing_soon_days"] = json!(1000);
    let mut newer = good.clone();
    newer["version"] = json!(99);
    let mut damaged = good.clone();
    damaged["memory"]["orders"]["8100000000000001"]["first_seen"] = json!("yesterday");
    for text in ["{", "{}", &bad_order.to_string(), &bad_setting.to_string(), &newer.to_string(), &damaged.to_string()] {
        check(&en, &order_memory::import(text).unwrap_err(), &mut missing);
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "message keys missing in extension/i18n/*/en.json:\n  {}", missing.join("\n  "));
}

/// "Check my orders": every stop, every reason an order could not be read, and the
/// outcome's and notification's lines, read from the enums' source so that a new one needs words.
#[test]
fn every_check_orders_message_key_exists_in_english() {
    use guard_core::toolbar::order_check::{outcome, Done, ReadResult, Report, Stop};
    let en = english();
    let mut missing = vec![];
    for s in variants("crates/guard-core/src/toolbar/order_check.rs", "Stop") {
        if !en.contains_key(&format!("checkStop_{s}")) {
            missing.push(format!("checkStop_{s}"));
        }
    }
    for r in variants("crates/guard-core/src/toolbar/order_check.rs", "ReadResult").into_iter().filter(|r| r != "read") {
        if !en.contains_key(&format!("checkFailed_{r}")) {
            missing.push(format!("checkFailed_{r}"));
        }
    }
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let mut mem = Memory::default();
    let closing =
        Order { id: "8100000000000001".into(), status: guard_core::wire::order::Status::Completed, completed: Some(d("2026-02-25")), ..Default::default() };
    mem.remember(&[closing], d("2026-03-01"));
    let all = [ReadResult::Read, ReadResult::NotShown, ReadResult::Elsewhere, ReadResult::NoAnswer, ReadResult::Closed];
    for stop in [None, Some(Stop::SignIn), Some(Stop::Captcha), Some(Stop::Busy), Some(Stop::Cancelled), Some(Stop::Interrupted)] {
        for results in [vec![], all.iter().map(|&result| Done { id: "8100000000000001".into(), result }).collect()] {
            let report = Report { total: 5, results, stop, before: vec![] };
            let o = outcome(&mem, &Settings::default(), d("2026-03-10"), &report);
            o.lines.iter().for_each(|m| check(&en, m, &mut missing));
            if let Some(n) = &o.notice {
                check(&en, &n.title, &mut missing);
                check(&en, &n.body, &mut missing);
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "message keys missing in extension/i18n/*/en.json:\n  {}", missing.join("\n  "));
}

/// The order's timeline: every date's label, every sentence, every "next" line,
/// over the lives of orders of every kind; and the words the drawing itself names.
#[test]
fn every_timeline_message_key_exists_in_english() {
    use guard_core::rules::dispute_window::dispute_window;
    use guard_core::rules::order_timeline::timeline;
    use guard_core::wire::order::{DisputeProgress, Status};
    let en = english();
    let mut missing = vec![];
    for k in variants("crates/guard-core/src/wire/timeline.rs", "PointKind") {
        if !en.contains_key(&format!("timelinePoint_{k}")) {
            missing.push(format!("timelinePoint_{k}"));
        }
    }
    for k in ["timelineTitle", "timelineEstimated", "timelineLegendStated", "timelineLegendEstimated"] {
        if !en.contains_key(k) {
            missing.push(k.to_string());
        }
    }
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let o = |status, shipped: Option<&str>, completed: Option<&str>, dispute| Order {
        id: "8100000000000001".into(),
        status,
        placed: Some(d("2025-12-28")),
        paid: Some(d("2025-12-28")),
        shipped: shipped.map(d),
        completed: completed.map(d),
        dispute,
        ..Default::default()
    };
    let orders = [
        o(Status::AwaitingPayment, None, None, None),
        o(Status::AwaitingShipment, None, None, None),
        o(Status::Shipped, Some("2026-01-01"), None, None),
        o(Status::Shipped, None, None, None),
        o(Status::Completed, Some("2026-01-01"), Some("2026-01-20"), None),
        o(Status::Completed, None, Some("2026-01-20"), None),
        o(Status::Completed, Some("2026-01-01"), None, None),
        o(Status::Dispute, Some("2026-01-01"), None, Some(DisputeProgress::InProgress)),
        o(Status::Closed, Some("2026-01-01"), None, Some(DisputeProgress::Decided)),
        o(Status::Shipped, Some("2026-01-01"), None, Some(DisputeProgress::Cancelled)),
        o(Status::Unknown, None, None, None),
    ];
    let mut says = std::collections::BTreeSet::new();
    for order in &orders {
        for day in 0..100 {
            let today = d("2026-01-01") + chrono::Duration::days(day);
            let t = timeline(order, &dispute_window(order, today, &Settings::default()), today);
            t.points.iter().for_each(|p| check(&en, &p.label, &mut missing));
            check(&en, &t.says, &mut missing);
            says.insert(t.says.key.clone());
            t.next.iter().for_each(|m| check(&en, m, &mut missing));
        }
    }
    assert_eq!(says.len(), 7, "every kind of sentence was made: {says:?}");
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "message keys missing in extension/i18n/*/en.json:\n  {}", missing.join("\n  "));
}
