//! Dispute Guard's core: everything the extension decides, as plain Rust with no browser
//! bindings. The content script sends a snapshot of the page; `page_guard::plan_page` answers with
//! a plan. Every call the extension makes is in `api`. See docs/ARCHITECTURE.md.

// The layers, lowest first; a module uses only its own layer and those below
// (tests/layers.rs checks it; docs/ARCHITECTURE.md draws it).
pub mod read;
pub mod rules;
pub mod toolbar;
pub mod wire;

// On top of the layers: the page path, the misread-page report, and the calls the extension
// makes (the wasm exports `api` and nothing else).
pub mod api;
pub mod page_guard;
pub mod page_report;
