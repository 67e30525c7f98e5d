//! The current order list (`/p/order/index.html`, 2022–2026) and its mobile form
//! (`m.aliexpress.com/p/order/index.html`).
//!
//! Hooks, from SOURCES.md section 2: card `div.order-item` (mobile
//! `a.order-item.order-item-mobile`, which carries `order-item` too); status
//! `.order-item-header-status-text`; header lines in `[data-pl="order_item_header_info"]`
//! ("Order date: …", "Order ID: … Copy", read by their labels); the track link's
//! `tradeOrderId=<id>` and the detail link's `orderId=` (the surest ids); store
//! `.order-item-store-name`; item `.order-item-content-info-name` (`span[title]`), quantity
//! "x2"; total `.order-item-content-opt-price-total`. Hashed classes (`es--wrap--…`) are never
//! used. When no card carries the class (a redesign), cards are found from the ids they link to.

use super::order_reader::{self, class, Hooks};
use super::{roots, Page, PageReading};

const CARD: &str = "order-item";

const HOOKS: Hooks = Hooks {
    status: &[class("order-item-header-status-text")],
    store: &[class("order-item-store-name")],
    total: &[class("order-item-content-opt-price-total")],
    item_name: &[class("order-item-content-info-name")],
    id_text: &[],
    placed: &[],
    id_testids: &[],
    store_testids: &[],
};

pub fn read(page: &Page<'_, '_>, reading: &mut PageReading) {
    let tree = page.tree;
    let is_card = |n| tree.has_class(n, CARD);
    order_reader::read_cards(page, is_card, &HOOKS, reading);
    reading.rereads.extend(roots::context_roots(tree, is_card));
}
