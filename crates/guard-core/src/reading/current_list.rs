//! The current order list (`/p/order/index.html`, 2022–2026).
//!
//! Hooks, from FACTS.md "Current order list DOM": card `div.order-item`; status
//! `.order-item-header-status-text`; header lines in `[data-pl="order_item_header_info"]`
//! ("Order date: …", "Order ID: … Copy"); the track link's `tradeOrderId=<id>` is the most
//! reliable id; store `.order-item-store-name`.

use super::{OrderReading, PageReading, ReadContext};
use crate::dates::parse_date;
use crate::locales::{self, Field, Term};
use crate::order::{is_order_id, Order, Status};
use crate::page_kind::query_param;
use crate::page_tree::PageTree;
use crate::snapshot::NodeId;

const CARD: &str = "order-item";
const STATUS: &str = "order-item-header-status-text";
const STORE: &str = "order-item-store-name";
const HEADER_INFO_PL: &str = "order_item_header_info";

pub fn read(tree: &PageTree<'_>, cx: &ReadContext, reading: &mut PageReading) {
    for root in tree.roots() {
        let cards = std::iter::once(root).chain(tree.descendants(root)).filter(|&n| tree.has_class(n, CARD));
        for card in cards.collect::<Vec<_>>() {
            if let Some(order) = read_card(tree, cx, card) {
                reading.orders.push(OrderReading { root: card, order });
            }
        }
    }
}

/// The order id from links carrying it (`tradeOrderId=`, `orderId=`), the surest source.
fn id_from_links(tree: &PageTree<'_>, card: NodeId) -> Option<String> {
    tree.descendants(card).filter_map(|n| tree.attr(n, "href")).find_map(|href| {
        let query = href.split_once('?')?.1.split('#').next()?;
        ["tradeOrderId", "orderId"].iter().find_map(|k| query_param(query, k)).filter(|id| is_order_id(id)).map(str::to_string)
    })
}

fn read_card(tree: &PageTree<'_>, cx: &ReadContext, card: NodeId) -> Option<Order> {
    let mut order = Order::default();
    let mut id_from_text = None;
    let info = tree.descendants(card).find(|&n| tree.attr(n, "data-pl") == Some(HEADER_INFO_PL));
    for line in info.into_iter().flat_map(|i| tree.children(i).iter().copied()) {
        let text = tree.text(line);
        match locales::field_line(&text) {
            Some((Field::OrderDate, lang, rest)) => order.placed = parse_date(&rest, Some(lang), cx.today()),
            Some((Field::OrderId, _, rest)) => {
                id_from_text = rest.split_whitespace().next().filter(|id| is_order_id(id)).map(str::to_string)
            }
            _ => {}
        }
    }
    order.id = match (id_from_links(tree, card), id_from_text) {
        (Some(a), Some(b)) if a != b => return None,
        (Some(a), _) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    if let Some(s) = tree.first_class(card, STATUS) {
        let text = tree.text(s);
        order.status = match locales::term(&text, cx.lang) {
            Some(Term::Status(st)) => st,
            _ => Status::Unknown,
        };
        order.status_text = Some(text);
    }
    order.store = tree.first_class(card, STORE).map(|s| tree.text(s)).filter(|s| !s.is_empty());
    Some(order)
}
