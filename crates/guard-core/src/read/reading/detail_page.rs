//! A detail page is about one order, the one its URL names. Its element is the layout's hook
//! when there is one (`.order-wrap`), else the nearest element holding everything the page says
//! about the order (ids, status, labelled dates, phrases).
//!
//! A partial snapshot of a detail page (something added or changed) cannot be read as the
//! order on its own: its facts would be a fragment. When it holds anything about the order, the
//! core asks for the order's element (or, without a hook, the whole page) to be read again.

use super::order_reader::{self, Hooks};
use super::{roots, OrderReading, Page, PageReading};

pub fn read(page: &Page<'_, '_>, reading: &mut PageReading, hooks: &Hooks, root_class: Option<&'static str>) {
    let tree = page.tree;
    let hooked = root_class.map(|c| roots::outermost(tree, |n| tree.has_class(n, c))).unwrap_or_default();
    let root = if let Some(&first) = hooked.first() {
        Some(first)
    } else if let Some(c) = root_class.map(|c| roots::context_roots(tree, |n| tree.has_class(n, c))).filter(|r| !r.is_empty()) {
        reading.rereads.extend(c);
        None
    } else {
        let evidence = order_reader::detail_evidence(page, hooks);
        if evidence.is_empty() {
            None
        } else if page.whole {
            roots::common_ancestor(tree, &evidence).filter(|&r| tree.is_full(r))
        } else {
            // Part of the page changed: read all of it again (the top of the snapshot is <body>).
            if let Some(top) = tree.roots().first().and_then(|&r| tree.ancestors_or_self(r).last()).filter(|&t| !tree.is_full(t)) {
                reading.rereads.push(top);
            }
            None
        }
    };
    if let Some(root) = root {
        let path = if hooked.is_empty() { "the nearest element holding all it says about the order" } else { "the layout's hook" };
        super::note(reading, format!("detail page read from {path}"));
        if let Some(order) = order_reader::read_order(page, root, hooks, reading) {
            reading.orders.push(OrderReading { root, order });
        }
    }
}
