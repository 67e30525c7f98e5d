//! A page of thousands of order cards is read in time linear in its size: the number of nodes
//! the readers visit per node of the page stays the same from 500 cards to 5,000, and hostile
//! shapes (deep nesting, thousands of nested buttons) stay bounded too. No timing is asserted
//! (machines differ); the time is printed for the record (`cargo test --release -- --nocapture`).

use chrono::NaiveDate;
use guard_core::page_guard::plan_page;
use guard_core::read::page_kind::{Layout, PageKind};
use guard_core::read::reading::{read_page, ReadContext};
use guard_core::rules::settings::Settings;
use guard_core::wire::page_tree::PageTree;
use guard_core::wire::snapshot::{Payload, RawNode, Snapshot};

struct Builder {
    nodes: Vec<RawNode>,
}

impl Builder {
    fn el(&mut self, parent: i64, tag: &str, attrs: &[(&str, &str)]) -> i64 {
        let a = attrs.iter().flat_map(|(k, v)| [k.to_string(), v.to_string()]).collect();
        self.nodes.push(RawNode(parent, tag.into(), Payload::Attrs(a)));
        self.nodes.len() as i64 - 1
    }
    fn text(&mut self, parent: i64, t: &str) {
        self.nodes.push(RawNode(parent, "#".into(), Payload::Text(t.into())));
    }
    fn snapshot(self, url: &str) -> Snapshot {
        let s = Snapshot { v: 1, url: url.into(), lang: "en".into(), title: String::new(), roots: vec![], nodes: self.nodes, ctx: None };
        s.validate().expect("valid snapshot");
        s
    }
}

/// A current order list of `cards` cards shaped like SOURCES.md section 2's (about 30 nodes each).
fn order_list(cards: usize) -> Snapshot {
    let mut b = Builder { nodes: vec![] };
    let body = b.el(-1, "body", &[]);
    let list = b.el(body, "div", &[("class", "order-content")]);
    for i in 0..cards {
        let id = format!("{}", 8_100_000_000_000_000u64 + i as u64);
        let card = b.el(list, "div", &[("class", "order-item")]);
        let head = b.el(card, "div", &[("class", "order-item-header")]);
        let st = b.el(head, "span", &[("class", "order-item-header-status-text")]);
        b.text(st, if i % 2 == 0 { "Awaiting delivery" } else { "Completed" });
        let info = b.el(head, "div", &[("data-pl", "order_item_header_info")]);
        let l1 = b.el(info, "div", &[]);
        b.text(l1, "Order date: Mar 22, 2026");
        let l2 = b.el(info, "div", &[]);
        b.text(l2, &format!("Order ID: {id}"));
        let copy = b.el(l2, "span", &[]);
        b.text(copy, "Copy");
        let detail = format!("//www.aliexpress.com/p/order/detail.html?orderId={id}");
        let a = b.el(head, "a", &[("data-pl", "order_item_header_detail"), ("href", &detail)]);
        b.text(a, "Order details");
        let store = b.el(card, "span", &[("class", "order-item-store-name")]);
        b.text(store, "Some Store");
        let content = b.el(card, "div", &[("class", "order-item-content-info")]);
        let name = b.el(content, "div", &[("class", "order-item-content-info-name")]);
        let span = b.el(name, "span", &[("title", "A product")]);
        b.text(span, "A product");
        let qty = b.el(content, "div", &[]);
        b.text(qty, "x2");
        let total = b.el(card, "span", &[("class", "order-item-content-opt-price-total")]);
        b.text(total, "Total:US $7.98");
        let btns = b.el(card, "div", &[("class", "order-item-btns")]);
        let track = format!("//www.aliexpress.com/p/tracking/index.html?tradeOrderId={id}");
        let ta = b.el(btns, "a", &[("href", &track)]);
        let tb = b.el(ta, "button", &[]);
        b.text(tb, "Track order");
        let cb = b.el(btns, "button", &[]);
        b.text(cb, "Confirm received");
    }
    b.snapshot("https://www.aliexpress.com/p/order/index.html")
}

fn cx(kind: PageKind, layout: Layout) -> ReadContext {
    ReadContext { kind, layout, lang: None, now: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap().and_hms_opt(12, 0, 0).unwrap() }
}

/// Nodes visited per node of the page, and the reading.
fn visits_per_node(snap: &Snapshot, kind: PageKind, layout: Layout) -> (f64, guard_core::read::reading::PageReading) {
    let tree = PageTree::new(snap);
    let started = std::time::Instant::now();
    let reading = read_page(&tree, &cx(kind, layout));
    eprintln!("{} nodes read in {:?} ({} visits)", snap.nodes.len(), started.elapsed(), tree.visits());
    (tree.visits() as f64 / snap.nodes.len() as f64, reading)
}

#[test]
fn five_thousand_cards_are_read_in_linear_time() {
    let small = order_list(500);
    let big = order_list(5_000);
    let (per_small, r_small) = visits_per_node(&small, PageKind::OrderList, Layout::Current);
    let (per_big, r_big) = visits_per_node(&big, PageKind::OrderList, Layout::Current);
    assert_eq!(r_small.orders.len(), 500);
    assert_eq!(r_big.orders.len(), 5_000);
    assert_eq!(r_big.controls.len(), 10_000, "a track and a confirm control per card");
    assert!(r_big.orders.iter().all(|o| o.order.items.len() == 1 && o.order.total.is_some()));
    // Linear: the same work per node whatever the size, and a small constant of it.
    assert!(per_big <= per_small * 1.05 + 0.5, "visits per node grew from {per_small:.2} to {per_big:.2}");
    assert!(per_big < 20.0, "{per_big:.2} visits per node");
    // The whole page path (reading, rules, plan) on the big page, for the record.
    let started = std::time::Instant::now();
    let plan = plan_page(&big, &Settings::default(), cx(PageKind::OrderList, Layout::Current).now);
    eprintln!("plan for 5,000 cards in {:?}, {} ops", started.elapsed(), plan.ops.len());
    assert_eq!(plan.orders.len(), 5_000);
}

/// Hostile shapes: a card nested 20,000 levels deep, and 20,000 nested buttons all labelled
/// "Confirm received". Both stay within a constant number of visits per node.
#[test]
fn deep_and_nested_pages_stay_linear() {
    let mut b = Builder { nodes: vec![] };
    let body = b.el(-1, "body", &[]);
    let card = b.el(body, "div", &[("class", "order-item")]);
    let mut parent = card;
    for _ in 0..20_000 {
        parent = b.el(parent, "div", &[("class", "order-item")]);
    }
    let l = b.el(parent, "div", &[]);
    b.text(l, "Order ID: 8100000000000001");
    let deep = b.snapshot("https://www.aliexpress.com/p/order/index.html");
    let (per_node, reading) = visits_per_node(&deep, PageKind::OrderList, Layout::Current);
    assert_eq!(reading.orders.len(), 1, "the outermost card is the order");
    assert!(per_node < 20.0, "{per_node:.2} visits per node");

    let mut b = Builder { nodes: vec![] };
    let body = b.el(-1, "body", &[]);
    let mut parent = body;
    for _ in 0..20_000 {
        parent = b.el(parent, "div", &[("role", "button")]);
    }
    b.text(parent, "Confirm received");
    let nested = b.snapshot("https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001");
    let (per_node, reading) = visits_per_node(&nested, PageKind::OrderDetail, Layout::Current);
    assert!(per_node < 200.0, "{per_node:.2} visits per node");
    assert!(!reading.controls.is_empty());
}
