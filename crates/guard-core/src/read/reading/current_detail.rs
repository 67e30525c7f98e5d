//! The current order detail page (`/p/order/detail.html?orderId=`), also on
//! `m.aliexpress.com`, whose shapes agree.
//!
//! Hooks, from SOURCES.md section 3: root `.order-wrap`; status
//! `.order-status .order-block-title` with the reminder text beside it; info rows
//! `.order-detail-info-content .info-row` ("Order ID" / "Ref. Number", "Order placed on",
//! "Paid on", "Shipment completed on", "Order completed on", read by their labels); per-store
//! `.order-detail-item`, per-product `.order-detail-item-content` with its actions
//! ("Returns/refunds"); "Refund if no delivery before <date>". The id in the URL is the surest.
//! The store and item classes below are the team's (SOURCES.md names none); links to `/store/`
//! and `/item/` pages are the fallback.

use super::order_reader::{class, class_within, Hooks};
use super::{detail_page, Page, PageReading};

const ROOT: &str = "order-wrap";

pub const HOOKS: Hooks = Hooks {
    status: &[class_within("order-status", "order-block-title")],
    store: &[class("order-detail-item-store-name")],
    total: &[class("order-detail-price-total")],
    item_name: &[class("order-detail-item-content-info-name")],
    id_text: &[],
    placed: &[],
    id_testids: &[],
    store_testids: &[],
};

pub fn read(page: &Page<'_, '_>, reading: &mut PageReading) {
    detail_page::read(page, reading, &HOOKS, Some(ROOT));
}
