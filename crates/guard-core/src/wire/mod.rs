//! What crosses between the page and the core: the page's snapshot and its tree, the orders as
//! read, the plan sent back with its messages, and the text rules both sides share. Uses nothing
//! above it.

pub mod bounds;
pub mod forms;
pub mod order;
pub mod page_context;
pub mod page_plan;
pub mod page_tree;
pub mod snapshot;
pub mod text;
pub mod timeline;

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
