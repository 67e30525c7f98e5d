//! Dispute Guard's core: everything the extension decides, as plain Rust with no browser
//! bindings. The content script sends a snapshot of the page; `page_guard::plan_page` answers with
//! a plan. See docs/ARCHITECTURE.md.

// The layers, lowest first; a module uses only its own layer and those below
// (tests/layers.rs checks it; docs/ARCHITECTURE.md draws it).
pub mod read;
pub mod rules;
pub mod toolbar;
pub mod wire;

pub mod page_guard;
pub mod page_report;

use rules::settings;
use toolbar::{deadlines, order_memory, stored_data};
pub use wire::parse_local_now;
use wire::{order, snapshot};

/// The whole page path in one call, JSON in and out, as the wasm wrapper exposes it.
pub fn analyse_json(snapshot: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let snap = snapshot::Snapshot::from_json(snapshot).map_err(|e| e.to_string())?;
    let settings = settings::Settings::from_json_lenient(settings);
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    let plan = page_guard::plan_page(&snap, &settings, now);
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
    let plan = page_guard::plan_page_remembering(&snap, &settings, now, memory.as_ref());
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
    serde_json::to_string(&deadlines::badge(&mem, &settings, now.date())).map_err(|e| e.to_string())
}

/// The popup's list of tracked orders, soonest deadline first.
pub fn order_lines_json(memory: &str, settings: &str, now_local: &str) -> Result<String, String> {
    let mem = memory_from_json(memory)?;
    let settings = settings::Settings::from_json_lenient(settings);
    let now = parse_local_now(now_local).ok_or_else(|| format!("bad local time {now_local:?}"))?;
    serde_json::to_string(&deadlines::order_lines(&mem, &settings, now.date())).map_err(|e| e.to_string())
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

/// The dispute form assistant (`rules::dispute_form::assist`) with JSON in and out, as the wasm wrapper exposes it. An unreadable memory of
/// orders is ignored (the page's facts still serve); an unreadable request is an error.
pub fn assist_json(request: &str, memory: &str) -> Result<String, String> {
    let req: rules::dispute_form::AssistRequest = serde_json::from_str(request).map_err(|e| format!("assistant request unreadable: {e}"))?;
    let memory: Option<order_memory::Memory> = serde_json::from_str(memory).ok();
    let remembered = req.facts.order_id.as_deref().and_then(|id| memory.as_ref()?.orders.get(id)).map(|t| &t.order);
    serde_json::to_string(&rules::dispute_form::assist(&req, remembered)).map_err(|e| e.to_string())
}
