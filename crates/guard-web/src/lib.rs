//! The WebAssembly face of the core. Every export takes and returns JSON strings or plain
//! values: the same calls serve the service worker, the popup, the options page and (where the
//! page's CSP allows wasm) the content script, and a string crosses the boundary in one copy.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// A panic: the release profile aborts, so the instance traps (`unreachable`) with its memory
// mid-change and its stack pointer where the panic was: that instance is never called again.
// The hook is its last word, in the console and to whoever listens (extension/sw/core.js, which
// records it and answers the next call with a fresh instance of the same compiled module).

thread_local! {
    static PANIC_LISTENER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Runs when an instance starts, a fresh one included.
#[wasm_bindgen(start)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("Dispute Guard core panicked: {message}")));
        PANIC_LISTENER.with(|l| {
            if let Some(f) = l.try_borrow().ok().as_ref().and_then(|l| l.as_ref()) {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
            }
        });
    }));
}

/// Who hears of a panic (its message), before the instance aborts. One per instance: a fresh
/// instance needs it set again.
#[wasm_bindgen]
pub fn set_panic_listener(listener: js_sys::Function) {
    PANIC_LISTENER.with(|l| *l.borrow_mut() = Some(listener));
}

/// The test build only: a panic `depth_kib` KiB deep in the stack, as a bug deep in a
/// computation would panic (a panic leaves that much of the aborted instance's 1 MiB stack
/// in use for good; about 870 shallow ones, or two 600 KiB deep, and every call overflows).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
pub fn panic_for_tests(message: &str, depth_kib: u32) {
    #[inline(never)]
    fn deeper(message: &str, left: u32) {
        let frame = std::hint::black_box([0u8; 1024]);
        if left == 0 {
            panic!("{message}");
        }
        deeper(message, left - 1);
        std::hint::black_box(&frame);
    }
    deeper(message, depth_kib.min(900))
}

/// The test build only: a page carrying `data-dg-test-panic="<KiB>"` (on any element a read
/// includes) panics the page path that deep, as a bug would.
#[cfg(feature = "test-hooks")]
fn panic_on_marked_page(snapshot: &str) {
    const MARKER: &str = "\"data-dg-test-panic\",\"";
    if let Some(at) = snapshot.find(MARKER) {
        let digits: String = snapshot[at + MARKER.len()..].chars().take_while(char::is_ascii_digit).collect();
        panic_for_tests("a page asked for a panic (data-dg-test-panic)", digits.parse().unwrap_or(0));
    }
}

/// The core's version, to tell which build answered.
#[wasm_bindgen]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Reads a page snapshot and returns the plan (JSON). `settings` may be `"{}"`; `now_local` is
/// the shopper's local time, `YYYY-MM-DDTHH:MM:SS`.
#[wasm_bindgen]
pub fn analyse(snapshot: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::analyse_json(snapshot, settings, now_local).map_err(|e| JsError::new(&e))
}

/// Adds a plan's orders (JSON array) to the stored memory of orders (JSON, or "" when empty).
#[wasm_bindgen]
pub fn remember(memory: &str, orders: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::remember_json(memory, orders, now_local).map_err(|e| JsError::new(&e))
}

/// The toolbar badge (`{"text":"2","count":2}`) for the memory of orders.
#[wasm_bindgen]
pub fn badge(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::badge_json(memory, settings, now_local).map_err(|e| JsError::new(&e))
}

/// `analyse` with the stored memory of orders (JSON, or "" when empty), so that list badges and
/// confirm dialogs can use what an order's detail page said before.
#[wasm_bindgen]
pub fn analyse_remembering(snapshot: &str, settings: &str, now_local: &str, memory: &str) -> Result<String, JsError> {
    #[cfg(feature = "test-hooks")]
    panic_on_marked_page(snapshot);
    guard_core::analyse_remembering_json(snapshot, settings, now_local, memory).map_err(|e| JsError::new(&e))
}

// The toolbar (issue 6): popup, reminders, calendar, options page. See guard_core::toolbar::extension_pages.

/// Everything the popup shows: `{"badge":…,"lines":[…],"tracked":N}`.
#[wasm_bindgen]
pub fn popup(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::popup_json(memory, settings, now_local).map_err(|e| JsError::new(&e))
}

/// Resolve, hide or forget an order (`op`: resolve, hide, forget, forget-all; `value`: on or
/// off for resolve and hide): returns the new memory (JSON).
#[wasm_bindgen]
pub fn change_memory(memory: &str, op: &str, id: &str, value: bool) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::change_json(memory, op, id, value).map_err(|e| JsError::new(&e))
}

/// The badge and the reminders due now, recorded as shown, in one pass:
/// `{"badge":…,"reminders":[…],"memory":…|null}`.
#[wasm_bindgen]
pub fn toolbar_tick(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::toolbar_tick_json(memory, settings, now_local).map_err(|e| JsError::new(&e))
}

/// The page a clicked notification opens, or undefined.
#[wasm_bindgen]
pub fn notification_target(memory: &str, notification_id: &str) -> Result<Option<String>, JsError> {
    guard_core::toolbar::extension_pages::notification_target(memory, notification_id).map_err(|e| JsError::new(&e))
}

/// The calendar's events, texts as message keys (JSON).
#[wasm_bindgen]
pub fn calendar_events(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::calendar_events_json(memory, settings, now_local).map_err(|e| JsError::new(&e))
}

/// The `.ics` file for the rendered events; `stamp_utc` from `new Date().toISOString()`.
#[wasm_bindgen]
pub fn calendar_ics(events: &str, settings: &str, stamp_utc: &str) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::calendar_ics(events, settings, stamp_utc).map_err(|e| JsError::new(&e))
}

/// All data as the export file's JSON.
#[wasm_bindgen]
pub fn export_data(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::export_json(memory, settings, now_local).map_err(|e| JsError::new(&e))
}

/// Reads an export file: `{"memory","settings"}` or `{"error": message}`.
#[wasm_bindgen]
pub fn import_data(text: &str) -> String {
    guard_core::toolbar::extension_pages::import_json(text)
}

/// The options page's fields and languages (JSON).
#[wasm_bindgen]
pub fn settings_form(settings: &str) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::settings_form_json(settings).map_err(|e| JsError::new(&e))
}

/// Applies what was typed in the options page: `{"settings","errors"}`.
#[wasm_bindgen]
pub fn settings_apply(settings: &str, typed: &str) -> Result<String, JsError> {
    guard_core::toolbar::extension_pages::settings_apply_json(settings, typed).map_err(|e| JsError::new(&e))
}

/// Checks a pick of files before the site sees them: `{"rules": UploadRules, "files": [{name,
/// size, type, head: [first bytes]}], "dropped": bool}` → `{"verdicts": [...]}`.
#[wasm_bindgen]
pub fn check_evidence(request: &str) -> Result<String, JsError> {
    guard_core::rules::evidence::check_json(request).map_err(|e| JsError::new(&e))
}

/// Removes location metadata from a JPEG: given its first bytes (`complete` when they are the
/// whole file), returns `{bytes, lost}`: the bytes to put in their place and what a damaged
/// Exif block dropped whole took with it (`["orientation", "capture-date", …]`, see
/// `location::Lost`); or `undefined` when there is nothing to remove (the file stays the very
/// same). Throws `need-more:<n>` when the headers go on past the bytes given.
#[wasm_bindgen]
pub fn strip_location(bytes: &[u8], complete: bool) -> Result<JsValue, JsError> {
    use guard_core::rules::evidence::location::{strip_gps, Stripped};
    match strip_gps(bytes, complete) {
        Stripped::Nothing => Ok(JsValue::UNDEFINED),
        Stripped::Prefix { bytes, lost } => {
            let out = js_sys::Object::new();
            let lost: js_sys::Array = lost.iter().map(|l| JsValue::from_str(l.as_str())).collect();
            let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(k), v).map_err(|_| JsError::new("cannot build the answer"));
            set("bytes", &js_sys::Uint8Array::from(&bytes[..]).into())?;
            set("lost", &lost.into())?;
            Ok(out.into())
        }
        Stripped::NeedMore(n) => Err(JsError::new(&format!("need-more:{n}"))),
    }
}

/// The dispute form assistant: `dispute_form::AssistRequest` (JSON) and the memory of orders
/// (JSON, or "") → `dispute_form::AssistAnswer` (JSON).
#[wasm_bindgen]
pub fn dispute_assist(request: &str, memory: &str) -> Result<String, JsError> {
    guard_core::assist_json(request, memory).map_err(|e| JsError::new(&e))
}

/// Reads the stored memory of orders whatever state it is in: what can be read, and what is set
/// aside with the reason (JSON, see guard_core::toolbar::stored_data).
#[wasm_bindgen]
pub fn load_memory(stored: &str) -> String {
    guard_core::load_memory_json(stored)
}

/// What stays set aside: the stored `setAside` (JSON, or "") with the items `load_memory` just
/// set aside (JSON array), without repeats and within bounds (JSON array).
#[wasm_bindgen]
pub fn keep_set_aside(stored: &str, added: &str, at: &str) -> Result<String, JsError> {
    guard_core::keep_set_aside_json(stored, added, at).map_err(|e| JsError::new(&e))
}

/// Storage is full: the memory without its least important orders, within `max_bytes`.
#[wasm_bindgen]
pub fn trim_memory(memory: &str, settings: &str, now_local: &str, max_bytes: usize) -> Result<String, JsError> {
    guard_core::trim_memory_json(memory, settings, now_local, max_bytes).map_err(|e| JsError::new(&e))
}

// "Check my orders" (issue 13). See guard_core::toolbar::order_check and guard_core::read::site_answer.

/// The orders worth reading again on their detail page, the most pressing first, and those
/// needing action now: `{"orders":[{id,url,why}],"needs_action":[ids]}`.
#[wasm_bindgen]
pub fn check_orders_plan(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    guard_core::toolbar::order_check::plan_json(memory, settings, now_local).map_err(|e| JsError::new(&e))
}

/// What a tab opened for order `order_id` shows, from its snapshot and the plan made of it:
/// `"read"`, `"sign-in"`, `"captcha"`, `"busy"`, `"elsewhere"` or `"waiting"` (JSON string).
#[wasm_bindgen]
pub fn check_orders_page(snapshot: &str, plan: &str, order_id: &str) -> Result<String, JsError> {
    guard_core::read::site_answer::answer_json(snapshot, plan, order_id).map_err(|e| JsError::new(&e))
}

/// What a run found (`order_check::Report` in, `order_check::Outcome` out, JSON).
#[wasm_bindgen]
pub fn check_orders_outcome(memory: &str, settings: &str, now_local: &str, report: &str) -> Result<String, JsError> {
    guard_core::toolbar::order_check::outcome_json(memory, settings, now_local, report).map_err(|e| JsError::new(&e))
}

/// The misread-page report of a page (JSON, see guard_core::page_report): the page's structure,
/// the site's words and what the extension read, nothing of the shopper's. `seed`: 64 random
/// bits in hexadecimal, drawn afresh for each report.
#[wasm_bindgen]
pub fn page_report(snapshot: &str, settings: &str, now_local: &str, seed: &str) -> Result<String, JsError> {
    guard_core::page_report::page_report_json(snapshot, settings, now_local, seed).map_err(|e| JsError::new(&e))
}
