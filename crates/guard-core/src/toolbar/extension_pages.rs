//! The toolbar's calls (service worker, popup, options page), JSON in and out, as the wasm
//! wrapper exposes them. Times are the shopper's local time (`YYYY-MM-DDTHH:MM:SS`) except the
//! calendar's stamp, which is UTC.

use crate::rules::settings::Settings;
use crate::toolbar::calendar::{self, RenderedEvent};
use crate::toolbar::deadlines;
use crate::toolbar::notifications;
use crate::toolbar::order_memory::{self, Change, Memory};
use crate::toolbar::settings_form;
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::{Map, Value};

fn today(now_local: &str) -> Result<chrono::NaiveDate, String> {
    crate::wire::parse_local_now(now_local).map(|n| n.date()).ok_or_else(|| format!("bad local time {now_local:?}"))
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string(v).map_err(|e| e.to_string())
}

/// Everything the popup shows: the badge, the lines, how many orders are tracked, and where
/// the order list is (for the first-run state).
pub fn popup_json(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    let today = today(now_local)?;
    #[derive(Serialize)]
    struct Popup {
        badge: deadlines::Badge,
        lines: Vec<deadlines::OrderLine>,
        tracked: usize,
        order_list: &'static str,
    }
    to_json(&Popup {
        badge: deadlines::badge(&mem, &settings, today),
        lines: deadlines::order_lines(&mem, &settings, today),
        tracked: mem.orders.len(),
        order_list: crate::toolbar::order_links::ORDER_LIST,
    })
}

/// Applies a change (`resolve`, `hide`, `forget`, `forget-all`) and returns the new memory.
pub fn change_json(memory: &str, op: &str, id: &str, value: bool) -> Result<String, String> {
    let mut mem = Memory::from_json(memory)?;
    let change = Change::parse(op, id, value).ok_or_else(|| format!("unknown change {op:?}"))?;
    mem.change(&change);
    to_json(&mem)
}

/// The badge and the reminders due now in one reading of the memory (the service worker's
/// regular pass): `{"badge":…,"reminders":[…],"memory":<new memory>|null}`.
pub fn toolbar_tick_json(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mut mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    let today = today(now_local)?;
    let badge = deadlines::badge(&mem, &settings, today);
    let (due, changed) = notifications::take_due(&mut mem, &settings, today);
    #[derive(Serialize)]
    struct Tick<'a> {
        badge: deadlines::Badge,
        reminders: Vec<notifications::Reminder>,
        memory: Option<&'a Memory>,
    }
    to_json(&Tick { badge, reminders: due, memory: changed.then_some(&mem) })
}

/// The page to open for a clicked notification: the order's detail page, if still tracked.
pub fn notification_target(memory: &str, notification_id: &str) -> Result<Option<String>, String> {
    let mem = Memory::from_json(memory)?;
    Ok(notifications::order_of_notification(notification_id).and_then(|id| mem.orders.get(id)).and_then(|t| crate::toolbar::order_links::detail_page(&t.order)))
}

pub fn calendar_events_json(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    to_json(&calendar::events(&mem, &settings, today(now_local)?))
}

/// The `.ics` text for rendered events; `stamp_utc` like `2026-03-10T08:30:00Z` (or with
/// milliseconds, as `Date.prototype.toISOString` gives).
pub fn calendar_ics(events: &str, settings: &str, stamp_utc: &str) -> Result<String, String> {
    let events: Vec<RenderedEvent> = serde_json::from_str(events).map_err(|e| format!("bad events: {e}"))?;
    let settings = Settings::from_json_lenient(settings);
    let stamp = stamp_utc.strip_suffix('Z').ok_or("stamp must be UTC")?;
    let stamp = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H:%M:%S%.f").map_err(|e| format!("bad stamp: {e}"))?;
    calendar::ics(&events, stamp, &settings.reminder_days)
}

/// Everything kept, as the export file's JSON.
pub fn export_json(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    to_json(&order_memory::export(&mem, &settings, now_local))
}

/// Reads an export: `{"memory":…,"settings":…}`, or `{"error": <message>}` saying why not.
pub fn import_json(text: &str) -> String {
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Imported {
        Data { memory: Memory, settings: Settings },
        Refused { error: crate::wire::page_plan::Message },
    }
    let r = match order_memory::import(text) {
        Ok((memory, settings)) => Imported::Data { memory, settings },
        Err(error) => Imported::Refused { error },
    };
    serde_json::to_string(&r).unwrap_or_else(|_| r#"{"error":{"key":"importNotOurs"}}"#.into())
}

/// The options page's fields with their saved values, and the languages to choose from.
pub fn settings_form_json(settings: &str) -> Result<String, String> {
    let settings = Settings::from_json_lenient(settings);
    #[derive(Serialize)]
    struct Language {
        code: &'static str,
        name: &'static str,
    }
    #[derive(Serialize)]
    struct Form {
        fields: Vec<settings_form::FormField>,
        languages: Vec<Language>,
    }
    let languages = settings_form::LANGUAGES.iter().map(|&(code, name)| Language { code, name }).collect();
    to_json(&Form { fields: settings_form::form(&settings), languages })
}

/// Applies what was typed in the options page: `{"settings":…, "errors":[…]}`.
pub fn settings_apply_json(settings: &str, typed: &str) -> Result<String, String> {
    let current = Settings::from_json_lenient(settings);
    let typed: Map<String, Value> = serde_json::from_str(typed).map_err(|e| format!("bad form values: {e}"))?;
    to_json(&settings_form::apply(&current, &typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_stamp_must_be_utc() {
        assert!(calendar_ics("[]", "{}", "2026-03-10T08:30:00.123Z").unwrap().contains("END:VCALENDAR"));
        assert!(calendar_ics("[]", "{}", "2026-03-10T08:30:00").is_err());
    }

    #[test]
    fn the_tick_counts_and_reminds_in_one_pass() {
        let mem = r#"{"schema":1,"orders":{"8100000000000001":{"order":{"id":"8100000000000001","status":"completed","shipped":"2026-02-01","completed":"2026-02-25"},"first_seen":"2026-02-25","last_seen":"2026-02-25"}}}"#;
        let v: Value = serde_json::from_str(&toolbar_tick_json(mem, "{}", "2026-03-10T08:00:00").unwrap()).unwrap();
        assert_eq!(v["badge"]["count"], 1);
        assert_eq!(v["reminders"][0]["key"], "dispute-closes:2026-03-12:3");
        assert_eq!(v["memory"]["orders"]["8100000000000001"]["reminded"][0], "dispute-closes:2026-03-12:3");
        let again: Value = serde_json::from_str(&toolbar_tick_json(&v["memory"].to_string(), "{}", "2026-03-10T09:00:00").unwrap()).unwrap();
        assert_eq!((again["reminders"].as_array().unwrap().len(), &again["memory"]), (0, &Value::Null), "never twice");
    }

    #[test]
    fn nothing_is_written_when_no_reminder_is_due() {
        let v: Value = serde_json::from_str(&toolbar_tick_json("", "{}", "2026-03-10T08:00:00").unwrap()).unwrap();
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
}
