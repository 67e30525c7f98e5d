//! Every call the extension makes to the core, in one place, each with what goes in, what comes
//! out and when it fails. The wasm (crates/guard-web) exports exactly these, under the same
//! names; the modules named here keep the logic, this module only reads the inputs and writes
//! the answers (tests/api_surface.rs checks both sides).
//!
//! What every call has in common:
//! - Inputs and answers are JSON text unless said otherwise.
//! - `settings`: the stored settings (`rules::settings::Settings`), read leniently: a missing or
//!   malformed value takes its default, and anything unreadable is the defaults. Never an error.
//! - `memory`: the stored memory of orders (`toolbar::order_memory::Memory`), "" or "null" when
//!   nothing is stored. Unreadable, or written by a newer version: an error, except where said.
//! - `now_local`: the shopper's local time, `YYYY-MM-DDTHH:MM:SS` (seconds may be left out), in
//!   the years a stored date may have (`wire::bounds`); anything else is an error.
//! - An error is a sentence for the console (the wasm throws it as a JS `Error`): the input was
//!   not what the call takes. No input makes a call panic (tests/fuzz_entry_points.rs).

use crate::page_guard;
use crate::page_report as report;
use crate::read::site_answer;
use crate::rules::dispute_form::{self, AssistRequest};
use crate::rules::evidence::{location, verdict};
use crate::rules::settings::Settings;
use crate::toolbar::calendar::{self, RenderedEvent};
use crate::toolbar::order_memory::{self, Change, Memory};
use crate::toolbar::{deadlines, notifications, order_check, order_links, settings_form, stored_data};
use crate::wire::order::Order;
use crate::wire::page_plan::Message;
use crate::wire::parse_local_now;
use crate::wire::snapshot::Snapshot;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

// ---------------------------------------------------------------------------------------------
// Reading pages (extension/sw/page_analysis.js, for the content script).

/// The plan for a page: `snapshot` (`wire::snapshot::Snapshot`, as content/snapshot.js sends
/// it) → `wire::page_plan::Plan` (`{ctx, ops, orders, notes?, report_widget}`). With `memory`,
/// list badges and confirm dialogs use what an order's own page said before; the page's
/// `data-dg-*` marks stay what this page says. An unreadable memory is left out, never an error.
/// Errors: an unreadable snapshot, a bad `now_local`.
pub fn analyse_remembering(snapshot: &str, settings: &str, now_local: &str, memory: &str) -> Result<String, String> {
    let snap = Snapshot::from_json(snapshot).map_err(|e| e.to_string())?;
    let settings = Settings::from_json_lenient(settings);
    let now = local_now(now_local)?;
    let memory = Memory::from_json(memory).ok();
    to_json(&page_guard::plan_page_remembering(&snap, &settings, now, memory.as_ref()))
}

/// The memory with a plan's orders added (`plan.orders`: a JSON array of `wire::order::Order`),
/// merged with what it knew of each (`order_memory::Memory::remember`) → the new memory.
/// Errors: unreadable memory or orders, a bad `now_local`.
pub fn remember(memory: &str, orders: &str, now_local: &str) -> Result<String, String> {
    let mut mem = Memory::from_json(memory)?;
    let orders: Vec<Order> = serde_json::from_str(orders).map_err(|e| format!("bad orders: {e}"))?;
    mem.remember(&orders, today(now_local)?);
    to_json(&mem)
}

// ---------------------------------------------------------------------------------------------
// The toolbar: badge, reminders, popup, calendar (extension/sw/toolbar.js, sw/reminders.js,
// background.js, popup/popup.js).

/// The service worker's regular pass, one reading of the memory: the badge and the reminders
/// due today, recorded in the memory as shown →
/// `{"badge": deadlines::Badge, "reminders": [notifications::Reminder], "memory": Memory | null}`
/// (`memory` is null when no reminder was due: nothing to write).
pub fn toolbar_tick(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
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

/// The page a clicked notification opens (`notification_id`: `Reminder::id`): the order's
/// detail page while the order is tracked, else none. Not JSON: the address itself.
pub fn notification_target(memory: &str, notification_id: &str) -> Result<Option<String>, String> {
    let mem = Memory::from_json(memory)?;
    let order = notifications::order_of_notification(notification_id).and_then(|id| mem.orders.get(id));
    Ok(order.and_then(|t| order_links::detail_page(&t.order)))
}

/// Everything the popup shows →
/// `{"badge": Badge, "lines": [deadlines::OrderLine], "tracked": N, "order_list": url}`:
/// the lines soonest deadline first; `order_list` for the first-run state.
pub fn popup(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
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
        order_list: order_links::ORDER_LIST,
    })
}

/// The popup's buttons and "forget everything": `op` `resolve` or `hide` (on or off as `value`
/// says), `forget` (order `id`) or `forget-all` → the new memory. Error: an unknown `op`.
pub fn change_memory(memory: &str, op: &str, id: &str, value: bool) -> Result<String, String> {
    let mut mem = Memory::from_json(memory)?;
    let change = Change::parse(op, id, value).ok_or_else(|| format!("unknown change {op:?}"))?;
    mem.change(&change);
    to_json(&mem)
}

/// The calendar's events, their texts as message keys for the popup to put in the shopper's
/// words → `[calendar::Event]`.
pub fn calendar_events(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    to_json(&calendar::events(&mem, &settings, today(now_local)?))
}

/// The `.ics` file (not JSON: the file's text) for the events in words (`[calendar::RenderedEvent]`),
/// with alarms at the settings' lead times. `stamp_utc`: now in UTC, `2026-03-10T08:30:00Z`,
/// milliseconds allowed (`Date.prototype.toISOString`). Errors: unreadable events, a stamp
/// without its `Z` or unreadable.
pub fn calendar_ics(events: &str, settings: &str, stamp_utc: &str) -> Result<String, String> {
    let events: Vec<RenderedEvent> = serde_json::from_str(events).map_err(|e| format!("bad events: {e}"))?;
    let settings = Settings::from_json_lenient(settings);
    let stamp = stamp_utc.strip_suffix('Z').ok_or("stamp must be UTC")?;
    // ("2026-03-10T08:30:00.123": `Date.toISOString()` without its Z.)
    let (whole, fraction) = stamp.split_once('.').unwrap_or((stamp, "0"));
    let stamp = crate::wire::parse_local_now(whole)
        .filter(|_| !fraction.is_empty() && fraction.len() <= 9 && fraction.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| format!("bad stamp {stamp_utc:?}"))?;
    calendar::ics(&events, stamp, &settings.reminder_days)
}

// ---------------------------------------------------------------------------------------------
// Storage (extension/sw/storage.js; popup/popup.js reads the same way).

/// Reads the stored memory whatever state it is in (`stored`: the `orders` key's JSON, or "") →
/// `stored_data::Loaded`: `{"memory": Memory, "set_aside": [{what, reason, raw}], "changed": bool}`
/// (what could be read; what could not, kept as it was with the reason; whether to write the
/// memory back). Never an error: that is what it is for.
pub fn load_memory(stored: &str) -> String {
    to_json(&stored_data::load(stored)).unwrap_or_else(|_| r#"{"memory":{"schema":1,"orders":{}},"set_aside":[],"changed":false}"#.into())
}

/// What stays set aside: `stored` (the `setAside` key's JSON, whatever it holds, or "") with
/// `added` (`load_memory`'s `set_aside`), each stamped `at` → a JSON array, without repeats
/// and within bounds (`stored_data::keep_set_aside`). Error: unreadable `added`.
pub fn keep_set_aside(stored: &str, added: &str, at: &str) -> Result<String, String> {
    let added: Vec<stored_data::SetAside> = serde_json::from_str(added).map_err(|e| format!("bad items: {e}"))?;
    to_json(&stored_data::keep_set_aside(stored, &added, at))
}

/// Storage is full: the memory without its least important orders, so that its JSON takes at
/// most `max_bytes` (UTF-8) → `{"memory": Memory, "removed": [order ids]}`.
pub fn trim_memory(memory: &str, settings: &str, now_local: &str, max_bytes: usize) -> Result<String, String> {
    let mut mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    let removed = stored_data::trim(&mut mem, &settings, today(now_local)?, max_bytes);
    #[derive(Serialize)]
    struct Trimmed {
        memory: Memory,
        removed: Vec<String>,
    }
    to_json(&Trimmed { memory: mem, removed })
}

// ---------------------------------------------------------------------------------------------
// The options page (extension/options/options.js; imports go through background.js).

/// The options page's fields with their saved values, and the languages to choose from →
/// `{"fields": [settings_form::FormField], "languages": [{code, name}]}`.
pub fn settings_form(settings: &str) -> Result<String, String> {
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

/// What was typed in the options page (`typed`: `{field name: value}`) applied to the settings →
/// `settings_form::Checked`: `{"settings": Settings, "errors": [{field, message}]}` (every valid
/// value applied, every invalid one left as it was with what is wrong). Error: `typed` is not
/// a JSON object.
pub fn settings_apply(settings: &str, typed: &str) -> Result<String, String> {
    let current = Settings::from_json_lenient(settings);
    let typed: serde_json::Map<String, serde_json::Value> = serde_json::from_str(typed).map_err(|e| format!("bad form values: {e}"))?;
    to_json(&settings_form::apply(&current, &typed))
}

/// Everything kept, as the export file → `order_memory::Export`:
/// `{"format", "version", "exported": now_local, "settings", "memory"}`.
pub fn export_data(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    to_json(&order_memory::export(&mem, &settings, now_local))
}

/// Reads an export file (`text`: the file as the shopper picked it) → `{"memory", "settings"}`,
/// or `{"error": Message}` saying why it is refused (not ours, damaged, from a newer version…),
/// as a whole: an import never replaces half the data. Never an error.
pub fn import_data(text: &str) -> String {
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Imported {
        Data { memory: Memory, settings: Settings },
        Refused { error: Message },
    }
    let r = match order_memory::import(text) {
        Ok((memory, settings)) => Imported::Data { memory, settings },
        Err(error) => Imported::Refused { error },
    };
    to_json(&r).unwrap_or_else(|_| r#"{"error":{"key":"importNotOurs"}}"#.into())
}

// ---------------------------------------------------------------------------------------------
// Dispute and return forms (extension/sw/evidence.js, for content/evidence.js and
// content/dispute_form.js).

/// Checks a pick of files before the site sees them: `verdict::CheckRequest`
/// (`{"rules": UploadRules, "files": [{name, size, type, head: [first bytes]}], "dropped": bool}`)
/// → `{"verdicts": [verdict::Verdict]}`, one per file in pick order. Error: unreadable request.
pub fn check_evidence(request: &str) -> Result<String, String> {
    let req: verdict::CheckRequest = serde_json::from_str(request).map_err(|e| format!("evidence request unreadable: {e}"))?;
    #[derive(Serialize)]
    struct Answer {
        verdicts: Vec<verdict::Verdict>,
    }
    to_json(&Answer { verdicts: verdict::check(&req) })
}

/// A JPEG's headers with the location taken out (`location::strip_gps`).
#[derive(Debug, PartialEq, Eq)]
pub struct LocationRemoved {
    /// To put in place of all the bytes given; the rest of the file follows unchanged.
    pub bytes: Vec<u8>,
    /// What a damaged Exif block dropped whole took with it (`location::Lost` names:
    /// `orientation`, `capture-date`, `camera`, `unreadable`); empty when only the location went.
    pub lost: Vec<&'static str>,
}

/// Removes location metadata from a photo, given its first bytes (`complete` when they are the
/// whole file). Not JSON: bytes in, `Some(LocationRemoved)` out (the wasm makes it
/// `{bytes: Uint8Array, lost: [names]}`), or `None` when there is nothing to remove (the file
/// stays the very same). Error `need-more:<n>`: the headers go on past the bytes given; ask
/// again with at least `n`.
pub fn strip_location(bytes: &[u8], complete: bool) -> Result<Option<LocationRemoved>, String> {
    match location::strip_gps(bytes, complete) {
        location::Stripped::Nothing => Ok(None),
        location::Stripped::Prefix { bytes, lost } => Ok(Some(LocationRemoved { bytes, lost: lost.iter().map(|l| l.as_str()).collect() })),
        location::Stripped::NeedMore(n) => Err(format!("need-more:{n}")),
    }
}

/// The dispute form assistant, recomputed as the shopper types: `dispute_form::AssistRequest`
/// (`{facts, description, problem, amount, attached}`) → `dispute_form::AssistAnswer`
/// (`{problem, warnings, text, amount?, checklist}`). The memory completes what the form shows
/// of its order (dates, item, total); an unreadable memory is left out, never an error.
/// Error: unreadable request.
pub fn dispute_assist(request: &str, memory: &str) -> Result<String, String> {
    let req: AssistRequest = serde_json::from_str(request).map_err(|e| format!("assistant request unreadable: {e}"))?;
    let memory = Memory::from_json(memory).ok();
    let remembered = req.facts.order_id.as_deref().and_then(|id| memory.as_ref()?.orders.get(id)).map(|t| &t.order);
    to_json(&dispute_form::assist(&req, remembered))
}

// ---------------------------------------------------------------------------------------------
// "Check my orders" (extension/sw/check_orders.js).

/// The orders worth reading again on their own page, the most pressing first, and those that
/// need action now → `order_check::CheckPlan`: `{"orders": [{id, url, why}], "needs_action": [ids]}`.
pub fn check_orders_plan(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    to_json(&order_check::plan(&mem, &settings, today(now_local)?))
}

/// What a tab opened for order `order_id` shows, from its `snapshot` and the `plan` made of it
/// (`analyse_remembering`'s answer; only `ctx` and the orders' ids are read) →
/// `site_answer::Answer` as a JSON string: `"read"`, `"sign-in"`, `"captcha"`, `"busy"`,
/// `"elsewhere"` or `"waiting"`. Errors: unreadable snapshot or plan.
pub fn check_orders_page(snapshot: &str, plan: &str, order_id: &str) -> Result<String, String> {
    let snap = Snapshot::from_json(snapshot).map_err(|e| e.to_string())?;
    let plan: site_answer::PlanSummary = serde_json::from_str(plan).map_err(|e| format!("bad plan: {e}"))?;
    to_json(&site_answer::answer(&snap, &plan, order_id))
}

/// What a run found, against the memory after it: `report` (`order_check::Report`:
/// `{total, results: [{id, result}], stop?, before: [ids]}`) → `order_check::Outcome`
/// (`{lines: [Message], needs_action, newly, notice?}`). Error: unreadable report.
pub fn check_orders_outcome(memory: &str, settings: &str, now_local: &str, report: &str) -> Result<String, String> {
    let mem = Memory::from_json(memory)?;
    let settings = Settings::from_json_lenient(settings);
    let today = today(now_local)?;
    let report: order_check::Report = serde_json::from_str(report).map_err(|e| format!("bad report: {e}"))?;
    to_json(&order_check::outcome(&mem, &settings, today, &report))
}

// ---------------------------------------------------------------------------------------------
// "Report a misread page" (extension/sw/page_report.js).

/// The misread-page report of a page → `page_report::Report`: the page's structure, the site's
/// words and what the extension read, nothing of the shopper's (docs/CONTRACT.md, section 7).
/// `seed`: 64 random bits in hexadecimal, drawn afresh for each report (the fakes differ from
/// one report to the next). Errors: unreadable snapshot, a bad `now_local` or seed.
pub fn page_report(snapshot: &str, settings: &str, now_local: &str, seed: &str) -> Result<String, String> {
    let snap = Snapshot::from_json(snapshot).map_err(|e| e.to_string())?;
    let settings = Settings::from_json_lenient(settings);
    let now = local_now(now_local)?;
    let seed = u64::from_str_radix(seed.trim(), 16).map_err(|_| format!("bad seed {seed:?}"))?;
    to_json(&report::make_report(&snap, &settings, now, seed))
}

// ---------------------------------------------------------------------------------------------

fn local_now(now_local: &str) -> Result<NaiveDateTime, String> {
    parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))
}

fn today(now_local: &str) -> Result<NaiveDate, String> {
    local_now(now_local).map(|n| n.date())
}

fn to_json<T: Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string(v).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
