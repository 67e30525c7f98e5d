//! The WebAssembly face of the core: `guard_core::api`, each call under its own name, and
//! nothing else (what goes in and out is documented there, once). Strings cross the boundary in
//! one copy; an `Err` becomes a thrown JS `Error`. The service worker and the extension's pages
//! load it (extension/sw/core.js); content scripts ask the service worker.

use guard_core::api;
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

/// The test build only: the core's version, to tell which build answered.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn thrown(e: String) -> JsError {
    JsError::new(&e)
}

// The calls, in guard_core::api's order.

#[wasm_bindgen]
pub fn analyse_remembering(snapshot: &str, settings: &str, now_local: &str, memory: &str) -> Result<String, JsError> {
    #[cfg(feature = "test-hooks")]
    panic_on_marked_page(snapshot);
    api::analyse_remembering(snapshot, settings, now_local, memory).map_err(thrown)
}

#[wasm_bindgen]
pub fn remember(memory: &str, orders: &str, now_local: &str) -> Result<String, JsError> {
    api::remember(memory, orders, now_local).map_err(thrown)
}

#[wasm_bindgen]
pub fn toolbar_tick(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    api::toolbar_tick(memory, settings, now_local).map_err(thrown)
}

#[wasm_bindgen]
pub fn notification_target(memory: &str, notification_id: &str) -> Result<Option<String>, JsError> {
    api::notification_target(memory, notification_id).map_err(thrown)
}

#[wasm_bindgen]
pub fn popup(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    api::popup(memory, settings, now_local).map_err(thrown)
}

#[wasm_bindgen]
pub fn change_memory(memory: &str, op: &str, id: &str, value: bool) -> Result<String, JsError> {
    api::change_memory(memory, op, id, value).map_err(thrown)
}

#[wasm_bindgen]
pub fn calendar_events(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    api::calendar_events(memory, settings, now_local).map_err(thrown)
}

#[wasm_bindgen]
pub fn calendar_ics(events: &str, settings: &str, stamp_utc: &str) -> Result<String, JsError> {
    api::calendar_ics(events, settings, stamp_utc).map_err(thrown)
}

#[wasm_bindgen]
pub fn load_memory(stored: &str) -> String {
    api::load_memory(stored)
}

#[wasm_bindgen]
pub fn keep_set_aside(stored: &str, added: &str, at: &str) -> Result<String, JsError> {
    api::keep_set_aside(stored, added, at).map_err(thrown)
}

#[wasm_bindgen]
pub fn trim_memory(memory: &str, settings: &str, now_local: &str, max_bytes: usize) -> Result<String, JsError> {
    api::trim_memory(memory, settings, now_local, max_bytes).map_err(thrown)
}

#[wasm_bindgen]
pub fn settings_form(settings: &str) -> Result<String, JsError> {
    api::settings_form(settings).map_err(thrown)
}

#[wasm_bindgen]
pub fn settings_apply(settings: &str, typed: &str) -> Result<String, JsError> {
    api::settings_apply(settings, typed).map_err(thrown)
}

#[wasm_bindgen]
pub fn export_data(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    api::export_data(memory, settings, now_local).map_err(thrown)
}

#[wasm_bindgen]
pub fn import_data(text: &str) -> String {
    api::import_data(text)
}

#[wasm_bindgen]
pub fn check_evidence(request: &str) -> Result<String, JsError> {
    api::check_evidence(request).map_err(thrown)
}

/// `{bytes: Uint8Array, lost: [names]}`, or undefined when there is nothing to remove.
#[wasm_bindgen]
pub fn strip_location(bytes: &[u8], complete: bool) -> Result<JsValue, JsError> {
    let Some(removed) = api::strip_location(bytes, complete).map_err(thrown)? else { return Ok(JsValue::UNDEFINED) };
    let out = js_sys::Object::new();
    let lost: js_sys::Array = removed.lost.iter().map(|l| JsValue::from_str(l)).collect();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(k), v).map_err(|_| JsError::new("cannot build the answer"));
    set("bytes", &js_sys::Uint8Array::from(&removed.bytes[..]).into())?;
    set("lost", &lost.into())?;
    Ok(out.into())
}

#[wasm_bindgen]
pub fn dispute_assist(request: &str, memory: &str) -> Result<String, JsError> {
    api::dispute_assist(request, memory).map_err(thrown)
}

#[wasm_bindgen]
pub fn check_orders_plan(memory: &str, settings: &str, now_local: &str) -> Result<String, JsError> {
    api::check_orders_plan(memory, settings, now_local).map_err(thrown)
}

#[wasm_bindgen]
pub fn check_orders_page(snapshot: &str, plan: &str, order_id: &str) -> Result<String, JsError> {
    api::check_orders_page(snapshot, plan, order_id).map_err(thrown)
}

#[wasm_bindgen]
pub fn check_orders_outcome(memory: &str, settings: &str, now_local: &str, report: &str) -> Result<String, JsError> {
    api::check_orders_outcome(memory, settings, now_local, report).map_err(thrown)
}

#[wasm_bindgen]
pub fn page_report(snapshot: &str, settings: &str, now_local: &str, seed: &str) -> Result<String, JsError> {
    api::page_report(snapshot, settings, now_local, seed).map_err(thrown)
}
