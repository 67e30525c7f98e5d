//! aliexpress.ru: the list (`/order-list?filterName=active|archive`) and the detail page
//! (`/order-list/<orderId>`).
//!
//! Hooks, from SOURCES.md section 4 (aliexpress.ru): `[data-testid='orderNumber']` holds the
//! order number, followed by "от <date>" with the year left out for the current year. The
//! site's classes are hashed (`RedOrderList_…`) and never used: cards are found from the ids
//! they name (the order number, links to `/order-list/<id>`), statuses by their labels.
//! `sellerInfoV2` (the store) is the team's knowledge.

use super::order_reader::{self, Hooks};
use super::{detail_page, note, roots, OrderReading, Page, PageReading};

const HOOKS: Hooks =
    Hooks { status: &[], store: &[], total: &[], item_name: &[], id_text: &[], placed: &[], id_testids: &["orderNumber"], store_testids: &["sellerInfoV2"] };

pub fn read_list(page: &Page<'_, '_>, reading: &mut PageReading) {
    let tree = page.tree;
    let found = roots::by_ids(tree, &order_reader::id_evidence(page, &HOOKS));
    if found.dropped > 0 {
        note(reading, format!("{} part(s) of order cards naming two different orders: not read", found.dropped));
    }
    for (card, _) in found.cards {
        if let Some(order) = order_reader::read_order(page, card, &HOOKS, reading) {
            reading.orders.push(OrderReading { root: card, order });
        }
    }
}

pub fn read_detail(page: &Page<'_, '_>, reading: &mut PageReading) {
    detail_page::read(page, reading, &HOOKS, None);
}
