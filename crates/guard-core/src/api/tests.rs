//! The calls with JSON in and out; what each decides is tested in its own module.

use super::*;
use serde_json::Value;

#[test]
fn the_calendar_stamp_must_be_utc() {
    assert!(calendar_ics("[]", "{}", "2026-03-10T08:30:00.123Z").unwrap().contains("END:VCALENDAR"));
    assert!(calendar_ics("[]", "{}", "2026-03-10T08:30:00").is_err());
    // With or without a fraction, as toISOString writes it; nothing else.
    assert!(calendar_ics("[]", "{}", "2026-03-10T08:30:05Z").is_ok());
    for bad in ["2026-03-10T08:30:00.Z", "2026-03-10T08:30:00.12aZ", "2026-03-10 08:30:00Z", "2026-03-10T8:30:00Z", "Z"] {
        assert!(calendar_ics("[]", "{}", bad).is_err(), "{bad}");
    }
}

#[test]
fn the_tick_counts_and_reminds_in_one_pass() {
    let mem = r#"{"schema":1,"orders":{"8100000000000001":{"order":{"id":"8100000000000001","status":"completed","shipped":"2026-02-01","completed":"2026-02-25"},"first_seen":"2026-02-25","last_seen":"2026-02-25"}}}"#;
    let v: Value = serde_json::from_str(&toolbar_tick(mem, "{}", "2026-03-10T08:00:00").unwrap()).unwrap();
    assert_eq!(v["badge"]["count"], 1);
    assert_eq!(v["reminders"][0]["key"], "dispute-closes:2026-03-12:3");
    assert_eq!(v["memory"]["orders"]["8100000000000001"]["reminded"][0], "dispute-closes:2026-03-12:3");
    let again: Value = serde_json::from_str(&toolbar_tick(&v["memory"].to_string(), "{}", "2026-03-10T09:00:00").unwrap()).unwrap();
    assert_eq!((again["reminders"].as_array().unwrap().len(), &again["memory"]), (0, &Value::Null), "never twice");
}

#[test]
fn nothing_is_written_when_no_reminder_is_due() {
    let v: Value = serde_json::from_str(&toolbar_tick("", "{}", "2026-03-10T08:00:00").unwrap()).unwrap();
    assert_eq!((&v["reminders"], &v["memory"], &v["badge"]["text"]), (&serde_json::json!([]), &Value::Null, &serde_json::json!("")));
}

#[test]
fn a_notification_opens_its_order() {
    let mem = r#"{"schema":1,"orders":{"8100000000000001":{"order":{"id":"8100000000000001","status":"shipped"},"first_seen":"2026-03-01","last_seen":"2026-03-01"}}}"#;
    assert_eq!(
        notification_target(mem, "dg-reminder|8100000000000001|dispute-opens:2026-03-05").unwrap().as_deref(),
        Some("https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001")
    );
    assert_eq!(notification_target(mem, "dg-reminder|8100000000000002|x").unwrap(), None);
    assert_eq!(notification_target(mem, "someone-else").unwrap(), None);
}
