//! Dispute Guard's core: everything the extension decides, as plain Rust with no browser
//! bindings. The content script sends a snapshot of the page; `planner::plan_page` answers with
//! a plan. See docs/ARCHITECTURE.md.

pub mod bounds;
pub mod dates;
pub mod dispute_window;
pub mod locales;
pub mod order;
pub mod order_memory;
pub mod page_kind;
pub mod page_tree;
pub mod plan;
pub mod planner;
pub mod policy;
pub mod reading;
pub mod reminders;
pub mod settings;
pub mod snapshot;
pub mod stored_data;
pub mod calendar;
pub mod order_links;
pub mod reminder_schedule;
pub mod settings_form;
pub mod toolbar;
pub mod confirm_guard;
pub mod dispute_path;
pub mod countdown;
pub mod money;
pub mod evidence;
pub mod dispute_text;
pub mod order_check;
pub mod site_answer;
pub mod page_report;
pub mod order_timeline;

use chrono::NaiveDateTime;

/// Parses the shopper's local time as the extension sends it ("2026-11-21T14:05" or with seconds),
/// in the years a stored date may be in (`bounds::YEARS`): a clock set to the year 262,142 is
/// refused rather than counted from.
pub fn parse_local_now(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .ok()
        .filter(|n| bounds::date_in_range(n.date()))
}

/// The whole page path in one call, JSON in and out, as the wasm wrapper exposes it.
pub fn analyse_json(snapshot: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let snap = snapshot::Snapshot::from_json(snapshot).map_err(|e| e.to_string())?;
    let settings = settings::Settings::from_json_lenient(settings);
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    let plan = planner::plan_page(&snap, &settings, now);
    serde_json::to_string(&plan).map_err(|e| e.to_string())
}

/// The page path with the memory of orders: list badges and confirm dialogs may then use what
/// an order's detail page said before (the `data-dg-*` marks stay what this page says). An
/// unreadable memory is ignored, never an error: the page is planned as without it.
pub fn analyse_remembering_json(snapshot: &str, settings: &str, now_local: &str, memory: &str) -> Result<String, String> {
    let snap = snapshot::Snapshot::from_json(snapshot).map_err(|e| e.to_string())?;
    let settings = settings::Settings::from_json_lenient(settings);
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    let memory = memory_from_json(memory).ok();
    let plan = planner::plan_page_remembering(&snap, &settings, now, memory.as_ref());
    serde_json::to_string(&plan).map_err(|e| e.to_string())
}

fn memory_from_json(memory: &str) -> Result<order_memory::Memory, String> {
    if memory.trim().is_empty() || memory.trim() == "null" {
        return Ok(order_memory::Memory::default());
    }
    serde_json::from_str(memory).map_err(|e| format!("stored orders unreadable: {e}"))
}

/// Adds the orders of a plan (`plan.orders`, JSON array) to the memory of orders.
pub fn remember_json(memory: &str, orders: &str, now_local: &str) -> Result<String, String> {
    let mut mem = memory_from_json(memory)?;
    let orders: Vec<order::Order> = serde_json::from_str(orders).map_err(|e| e.to_string())?;
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    mem.remember(&orders, now.date());
    serde_json::to_string(&mem).map_err(|e| e.to_string())
}

/// The toolbar badge for the memory of orders.
pub fn badge_json(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = memory_from_json(memory)?;
    let settings = settings::Settings::from_json_lenient(settings);
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    serde_json::to_string(&reminders::badge(&mem, &settings, now.date())).map_err(|e| e.to_string())
}

/// The popup's list of tracked orders, soonest deadline first.
pub fn order_lines_json(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = memory_from_json(memory)?;
    let settings = settings::Settings::from_json_lenient(settings);
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    serde_json::to_string(&reminders::order_lines(&mem, &settings, now.date())).map_err(|e| e.to_string())
}

/// Reads the stored memory of orders whatever state it is in (`stored_data::load`):
/// `{"memory": …, "set_aside": [{what, reason, raw}], "changed": bool}`.
pub fn load_memory_json(stored: &str) -> String {
    serde_json::to_string(&stored_data::load(stored)).unwrap_or_else(|_| r#"{"memory":{"schema":1,"orders":{}},"set_aside":[],"changed":false}"#.into())
}

/// What stays set aside (`stored_data::keep_set_aside`): the stored `setAside` (JSON, or "") and
/// the items `load_memory_json` just set aside (JSON array), stamped `at` → JSON array.
pub fn keep_set_aside_json(stored: &str, added: &str, at: &str) -> Result<String, String> {
    let added: Vec<stored_data::SetAside> = serde_json::from_str(added).map_err(|e| format!("bad items: {e}"))?;
    serde_json::to_string(&stored_data::keep_set_aside(stored, &added, at)).map_err(|e| e.to_string())
}

/// Storage is full: the memory with the least important orders removed, so that its JSON takes
/// at most `max_bytes`: `{"memory": …, "removed": [ids]}`.
pub fn trim_memory_json(memory: &str, settings: &str, now_local: &str, max_bytes: usize) -> Result<String, String> {
    let mut mem = memory_from_json(memory)?;
    let settings = settings::Settings::from_json_lenient(settings);
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    let removed = stored_data::trim(&mut mem, &settings, now.date(), max_bytes);
    #[derive(serde::Serialize)]
    struct Trimmed {
        memory: order_memory::Memory,
        removed: Vec<String>,
    }
    serde_json::to_string(&Trimmed { memory: mem, removed }).map_err(|e| e.to_string())
}
