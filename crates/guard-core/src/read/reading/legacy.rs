//! The legacy pages, still seen on old accounts and regional sites:
//! `trade.aliexpress.com/orderList.htm` (also `order_list.htm`, `trade.aliexpress.ru`) and
//! `order_detail.htm?orderId=`.
//!
//! Hooks, from SOURCES.md section 4: list card `tbody.order-item-wraper`; id in
//! `.order-info .first-row .info-body`, date ("10:23 Mar. 05 2019") in `.second-row .info-body`;
//! `.order-status`; countdown `p.left-sendgoods-day[lefttime]` (milliseconds);
//! `button.button-confirmOrderReceived[orderid]`. Detail: `tbody[data-status][data-orderid]`,
//! dates "2014-05-31 10:51:32", countdown `#remain-day` / `#remain-hour`, "If your order does
//! not arrive on …". Store, item and total classes are the team's (SOURCES.md names none); links
//! to `/store/` and `/item/` pages are the fallback.

use super::order_reader::{self, class, class_within, Hooks};
use super::{detail_page, roots, Page, PageReading};
use crate::wire::order::Status;

const CARD_TAG: &str = "tbody";
const CARD_CLASS: &str = "order-item-wraper";

const LIST_HOOKS: Hooks = Hooks {
    status: &[class("order-status")],
    store: &[class_within("store-info", "info-body")],
    total: &[class("amount-num")],
    item_name: &[class("baobei-name")],
    id_text: &[class_within("first-row", "info-body")],
    placed: &[class_within("second-row", "info-body")],
    id_testids: &[],
    store_testids: &[],
};

const DETAIL_HOOKS: Hooks = Hooks {
    status: &[class("order-status")],
    store: &[class_within("store-info", "info-body")],
    total: &[class("amount-num")],
    item_name: &[class("baobei-name")],
    id_text: &[],
    placed: &[],
    id_testids: &[],
    store_testids: &[],
};

/// The data behind the legacy pages names the status with a code (`tbody[data-status]`).
/// Source: SOURCES.md section 4 for `WAIT_BUYER_CONFIRM_GOODS`; the others are the codes of
/// AliExpress's public order API as the team knows them. Codes whose meaning for the shopper is
/// unclear (`IN_CANCEL`, `FUND_PROCESSING`, `IN_FROZEN`, `RISK_CONTROL`) are left out: unknown.
const STATUS_CODES: &[(&str, Status, &str)] = &[
    ("WAIT_BUYER_CONFIRM_GOODS", Status::Shipped, "SOURCES.md section 4"),
    ("PLACE_ORDER_SUCCESS", Status::AwaitingPayment, "team"),
    ("WAIT_SELLER_SEND_GOODS", Status::AwaitingShipment, "team"),
    ("SELLER_PART_SEND_GOODS", Status::Shipped, "team"),
    ("WAIT_BUYER_ACCEPT_GOODS", Status::Shipped, "team"),
    ("FINISH", Status::Completed, "team"),
    ("IN_ISSUE", Status::Dispute, "team"),
];

/// The status a legacy `data-status` code stands for.
pub fn status_code(code: &str) -> Option<Status> {
    STATUS_CODES.iter().find(|(c, _, _)| c.eq_ignore_ascii_case(code.trim())).map(|(_, s, _)| *s)
}

pub fn read_list(page: &Page<'_, '_>, reading: &mut PageReading) {
    let tree = page.tree;
    let is_card = |n| tree.tag(n) == CARD_TAG && tree.has_class(n, CARD_CLASS);
    order_reader::read_cards(page, is_card, &LIST_HOOKS, reading);
    reading.rereads.extend(roots::context_roots(tree, is_card));
}

pub fn read_detail(page: &Page<'_, '_>, reading: &mut PageReading) {
    detail_page::read(page, reading, &DETAIL_HOOKS, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_have_sources_and_read_in_any_case() {
        assert!(STATUS_CODES.iter().all(|(c, _, s)| !c.is_empty() && !s.is_empty()));
        assert_eq!(status_code("wait_buyer_confirm_goods"), Some(Status::Shipped));
        assert_eq!(status_code("IN_FROZEN"), None);
    }
}
