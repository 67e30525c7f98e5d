//! Page situations the fixture pages cannot show on their own: partial snapshots (what the
//! content script sends after the page changed), the site's own confirmation popup in every
//! language, structural hooks for controls, and the planner's re-read requests.

use chrono::NaiveDate;
use guard_core::page_guard::plan_page;
use guard_core::read::locales::{self, ControlKind, Lang, Term};
use guard_core::read::page_kind::classify;
use guard_core::read::reading::{read_page, PageReading, ReadContext};
use guard_core::rules::settings::Settings;
use guard_core::wire::order::{DisputeProgress, Status};
use guard_core::wire::page_plan::{Op, PageContext};
use guard_core::wire::page_tree::PageTree;
use guard_core::wire::snapshot::{Payload, RawNode, Snapshot};

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 4, 1).unwrap().and_hms_opt(12, 0, 0).unwrap()
}

fn snapshot(html: &str, url: &str) -> Snapshot {
    serde_json::from_value(fixture_kit::snapshot_html(html, url)).unwrap()
}

fn read(snap: &Snapshot) -> PageReading {
    let (kind, layout) = classify(&snap.url);
    let tree = PageTree::new(snap);
    let lang = snap.ctx.as_ref().and_then(|c| c.lang);
    read_page(&tree, &ReadContext { kind, layout, lang, now: now() })
}

/// The node whose attribute `name` is `value`.
fn find(snap: &Snapshot, name: &str, value: &str) -> usize {
    snap.nodes
        .iter()
        .position(|RawNode(_, _, p)| matches!(p, Payload::Attrs(a) if a.chunks(2).any(|kv| kv[0] == name && kv[1] == value)))
        .unwrap_or_else(|| panic!("no node with {name}={value}"))
}

/// What the content script sends when `root` was added or changed: its ancestors (attributes
/// only) as context, then its subtree in full, re-indexed in document order.
fn partial(full: &Snapshot, root: usize, ctx: Option<PageContext>) -> (Snapshot, usize) {
    let mut chain = vec![];
    let mut x = full.nodes[root].0;
    while x >= 0 {
        chain.push(x as usize);
        x = full.nodes[x as usize].0;
    }
    chain.reverse();
    let mut map = std::collections::HashMap::new();
    let mut nodes = vec![];
    for (i, &a) in chain.iter().enumerate() {
        map.insert(a, i);
        nodes.push(RawNode(if i == 0 { -1 } else { i as i64 - 1 }, full.nodes[a].1.clone(), full.nodes[a].2.clone()));
    }
    let new_root = nodes.len();
    // Snapshots are in document order: the subtree is the run of nodes from `root` whose parent
    // is already in it.
    for (i, n) in full.nodes.iter().enumerate().skip(root) {
        let parent = n.0 as usize;
        if i > root && !(parent >= root && map.contains_key(&parent)) {
            break;
        }
        map.insert(i, nodes.len());
        let new_parent = if n.0 < 0 { -1 } else { map[&parent] as i64 };
        nodes.push(RawNode(new_parent, n.1.clone(), n.2.clone()));
    }
    let snap = Snapshot { v: 1, url: full.url.clone(), lang: full.lang.clone(), title: String::new(), roots: vec![new_root], nodes, ctx };
    snap.validate().unwrap();
    (snap, new_root)
}

const LIST: &str = "https://www.aliexpress.com/p/order/index.html";

const CARD_PAGE: &str = r#"<html lang="en"><body><div class="order-content">
  <div class="order-item" id="card">
    <div class="order-item-header" id="head"><span class="order-item-header-status-text">Awaiting delivery</span>
      <div data-pl="order_item_header_info"><div>Order date: Mar 2, 2026</div><div>Order ID: 8100000000000001</div></div></div>
    <div class="order-item-btns" id="btns"><a href="//www.aliexpress.com/p/tracking/index.html?tradeOrderId=8100000000000001"><button>Track order</button></a>
      <button>Confirm received</button><button>Cancel dispute</button></div>
  </div></div></body></html>"#;

#[test]
fn content_added_inside_a_card_seen_only_as_context_asks_for_the_whole_card() {
    let full = snapshot(CARD_PAGE, LIST);
    let (snap, _) = partial(&full, find(&full, "id", "btns"), None);
    let r = read(&snap);
    assert!(r.orders.is_empty(), "a fragment of a card is not an order");
    let card = find(&snap, "id", "card");
    assert_eq!(r.rereads, vec![card]);
    // The planner turns it into a re-read op.
    let plan = plan_page(&snap, &Settings::default(), now());
    assert!(plan.ops.contains(&Op::Reread { node: card }));
    // Re-reading the card whole: the order, and no further re-read.
    let (whole, root) = partial(&full, find(&full, "id", "card"), None);
    let r = read(&whole);
    assert_eq!((r.orders.len(), r.orders[0].root, r.rereads.len()), (1, root, 0));
}

#[test]
fn every_control_is_tied_to_its_card_and_a_button_in_a_link_is_one_control() {
    let r = read(&snapshot(CARD_PAGE, LIST));
    let kinds: Vec<(ControlKind, Option<&str>)> = r.controls.iter().map(|c| (c.kind, c.order_id.as_deref())).collect();
    let id = Some("8100000000000001");
    assert_eq!(kinds, vec![(ControlKind::TrackOrder, id), (ControlKind::ConfirmReceipt, id), (ControlKind::CancelDispute, id)]);
    // A "Cancel dispute" button is there only while a dispute is under way.
    assert_eq!(r.orders[0].order.dispute, Some(DisputeProgress::InProgress));
    assert_eq!(r.orders[0].order.status, Status::Shipped);
}

#[test]
fn a_body_re_read_is_the_whole_page_and_asks_for_nothing_more() {
    let full = snapshot(CARD_PAGE, LIST);
    let (snap, _) = partial(&full, 0, None);
    let r = read(&snap);
    assert_eq!((r.orders.len(), r.rereads.len()), (1, 0));
}

const LEGACY_DETAIL: &str = "https://trade.aliexpress.com/order_detail.htm?orderId=8100000000000002";

#[test]
fn a_change_on_a_detail_page_without_a_hook_is_read_with_the_whole_page() {
    let html = r#"<html><body><div id="main"><div id="facts"><dl><dt>Order time:</dt><dd>2026-03-01 10:00:00</dd></dl>
        <p id="status"><span class="order-status">Awaiting delivery</span></p></div>
        <div id="later"><p>If your order does not arrive on 2026-04-20, you can apply for a refund.</p></div></div></body></html>"#;
    let full = snapshot(html, LEGACY_DETAIL);
    let r = read(&full);
    assert_eq!(r.orders.len(), 1);
    assert_eq!(r.orders[0].root, find(&full, "id", "main"));
    let (snap, _) = partial(&full, find(&full, "id", "later"), None);
    let r = read(&snap);
    assert!(r.orders.is_empty(), "a fragment of the page is not read as the order");
    assert_eq!(r.rereads, vec![0], "the whole page (its top, <body>) is read again");
}

#[test]
fn a_change_inside_the_current_detail_block_seen_as_context_re_reads_the_block() {
    let html = r#"<html><body><div class="order-wrap" id="wrap"><div class="order-status"><div class="order-block-title">Completed</div></div>
        <div id="rows"><div>Order ID: 8100000000000003</div></div></div></body></html>"#;
    let url = "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000003";
    let full = snapshot(html, url);
    let (snap, _) = partial(&full, find(&full, "id", "rows"), None);
    let r = read(&snap);
    assert_eq!(r.rereads, vec![find(&snap, "id", "wrap")]);
}

#[test]
fn a_few_added_nodes_are_read_in_the_language_the_page_was_read_in() {
    // "Total" and "Confirmar" alone say nothing of the language; the echoed context does.
    let html = r#"<html lang="es"><body><div class="order-content"><div class="order-item" id="card">
        <div><span class="order-item-header-status-text">Enviado</span><div>Pedido realizado el: 2 mar 2026</div>
        <a href="/p/order/detail.html?orderId=8100000000000004">x</a></div></div></div></body></html>"#;
    let full = snapshot(html, LIST);
    let ctx = PageContext {
        kind: guard_core::read::page_kind::PageKind::OrderList,
        layout: guard_core::read::page_kind::Layout::Current,
        lang: Some(Lang::Pt),
        order_id: None,
        cards_by_ids: false,
    };
    let (snap, _) = partial(&full, find(&full, "id", "card"), Some(ctx));
    let r = read(&snap);
    assert_eq!(r.lang, Some(Lang::Pt), "the echoed language is kept for partial reads");
    assert_eq!(r.orders[0].order.status, Status::Shipped);
    // The whole page decides by its words instead.
    assert_eq!(read(&full).lang, Some(Lang::Es));
}

/// The question and confirm word of the site's popup in each language, from the tables.
fn popup_words(lang: Lang) -> (&'static str, &'static str) {
    let t = locales::table(lang).unwrap();
    let q = t.words.iter().find(|w| w.term == Term::PopupQuestion).unwrap().text;
    let c = t.words.iter().find(|w| w.term == Term::PopupConfirm).unwrap().text;
    (q, c)
}

#[test]
fn the_sites_own_confirmation_popup_is_recognised_in_every_language() {
    for lang in Lang::ALL {
        let (question, confirm) = popup_words(lang);
        let html = format!(
            r#"<html><body><div class="order-content"></div><div class="comet-modal-wrap"><div class="comet-modal" role="dialog">
            <div class="comet-modal-body">{question}?</div><div class="comet-modal-footer"><button>✕</button><button id="ok">{confirm}</button></div></div></div></body></html>"#
        );
        let snap = snapshot(&html, LIST);
        let r = read(&snap);
        let ok = find(&snap, "id", "ok");
        let c = r.controls.iter().find(|c| c.node == ok).unwrap_or_else(|| panic!("{lang:?}: popup confirm not found"));
        assert_eq!((c.kind, c.site_popup), (ControlKind::ConfirmReceipt, true), "{lang:?}");
        // The popup arrives after the page was read: a partial snapshot of it alone.
        let (part, _) = partial(&snap, find(&snap, "class", "comet-modal-wrap"), None);
        let r = read(&part);
        assert!(r.controls.iter().any(|c| c.site_popup && c.kind == ControlKind::ConfirmReceipt), "{lang:?} (partial)");
    }
}

#[test]
fn the_fixture_sites_popup_texts_are_recognised() {
    // tests/fixtures/site/site.js builds these popups after "Confirm received".
    for (lang, q, ok) in [("en", "Did you receive the item(s)?", "Confirm"), ("fr", "Confirmer la réception ?", "Confirmer")] {
        let html = format!(
            r#"<html lang="{lang}"><body><div class="comet-modal-wrap"><div class="comet-modal" role="dialog"><div class="comet-modal-body">{q}</div>
            <div class="comet-modal-footer"><button data-fx="popup-cancel">x</button><button id="ok">{ok}</button></div></div></div></body></html>"#
        );
        let snap = snapshot(&html, LIST);
        let r = read(&snap);
        assert!(r.controls.iter().any(|c| c.node == find(&snap, "id", "ok") && c.site_popup), "{lang}");
    }
}

#[test]
fn a_question_beside_a_plain_confirm_button_outside_a_dialog_is_not_the_sites_popup() {
    let html = r#"<html><body><div class="box"><p>Did you receive the item? Tell us!</p><button id="b">Confirm received</button></div>
        <div class="order-content"><div class="order-item"><a href="/p/order/detail.html?orderId=8100000000000005">d</a>
        <p>Did you receive the item?</p><button id="hint">Confirm</button></div></div></body></html>"#;
    let snap = snapshot(html, LIST);
    let r = read(&snap);
    let b = r.controls.iter().find(|c| c.node == find(&snap, "id", "b")).unwrap();
    assert_eq!((b.kind, b.site_popup), (ControlKind::ConfirmReceipt, false), "guarded as a confirm, asked every time");
    assert!(!r.controls.iter().any(|c| c.node == find(&snap, "id", "hint")), "a question inside a card is a hint");
}

#[test]
fn structural_hooks_name_controls_whose_label_is_unknown() {
    let html = r#"<html><body><table><tbody class="order-item-wraper"><tr><td class="order-info"><p class="first-row"><span class="info-body">8100000000000006</span></p></td>
        <td><button class="button-confirmOrderReceived" orderid="8100000000000006" id="legacy">Potwierdzam!</button>
        <button data-type="OPEN_DISPUTE" id="code">???</button></td></tr></tbody></table></body></html>"#;
    let snap = snapshot(html, "https://trade.aliexpress.com/orderList.htm");
    let r = read(&snap);
    let kind = |id| r.controls.iter().find(|c| c.node == find(&snap, "id", id)).map(|c| (c.kind, c.order_id.clone()));
    let order = Some("8100000000000006".to_string());
    assert_eq!(kind("legacy"), Some((ControlKind::ConfirmReceipt, order.clone())));
    assert_eq!(kind("code"), Some((ControlKind::OpenDispute, order)));
}

#[test]
fn tracking_and_dispute_pages_are_recognised_and_only_their_controls_read() {
    for url in [
        "https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8100000000000007",
        "https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8100000000000007",
        "https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=1",
    ] {
        let html = r#"<html><body><div><a href="/p/order/detail.html?orderId=8100000000000007">Order</a><button>Cancel dispute</button></div></body></html>"#;
        let r = read(&snapshot(html, url));
        assert!(r.orders.is_empty() && r.notes.is_empty(), "{url}");
        assert_eq!(r.controls.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![ControlKind::CancelDispute], "{url}");
    }
}

#[test]
fn a_label_in_no_table_nor_family_is_unknown_with_a_note_and_never_guessed() {
    let html = r#"<html><body><div class="order-item"><span class="order-item-header-status-text">Zorbled</span>
        <a href="/p/order/detail.html?orderId=8100000000000008">d</a></div></body></html>"#;
    let r = read(&snapshot(html, LIST));
    assert_eq!(r.orders[0].order.status, Status::Unknown);
    assert_eq!(r.orders[0].order.status_text.as_deref(), Some("Zorbled"));
    assert!(r.notes.iter().any(|n| n.contains("Zorbled")), "{:?}", r.notes);
}

#[test]
fn a_label_in_no_table_is_read_by_its_word_family_with_a_note() {
    // A plural the table lacks ("deliveries"): the family of "deliver" says shipped.
    let html = r#"<html><body><div class="order-item"><span class="order-item-header-status-text">Awaiting deliveries</span>
        <a href="/p/order/detail.html?orderId=8100000000000008">d</a></div></body></html>"#;
    let r = read(&snapshot(html, LIST));
    assert_eq!(r.orders[0].order.status, Status::Shipped);
    assert_eq!(r.orders[0].order.status_text.as_deref(), Some("Awaiting deliveries"));
    assert!(r.notes.iter().any(|n| n.contains("word family")), "{:?}", r.notes);
}

mod fuzz {
    //! Arbitrary snapshots, built from the words and hooks the readers look for and from noise:
    //! reading and planning never panic, and what they produce is well-formed.
    use super::*;
    use proptest::prelude::*;

    const URLS: &[&str] = &[
        "https://www.aliexpress.com/p/order/index.html",
        "https://m.aliexpress.com/p/order/index.html",
        "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001",
        "https://trade.aliexpress.com/orderList.htm",
        "https://trade.aliexpress.com/order_detail.htm?orderId=8100000000000002",
        "https://aliexpress.ru/order-list?filterName=active",
        "https://aliexpress.ru/order-list/8100000000000003",
        "https://www.aliexpress.com/p/tracking/index.html",
    ];
    const TAGS: &[&str] = &["div", "span", "a", "button", "tbody", "p", "body", "#"];
    const ATTRS: &[(&str, &str)] = &[
        ("class", "order-item"),
        ("class", "order-wrap"),
        ("class", "order-item-header-status-text"),
        ("class", "order-status"),
        ("class", "order-block-title"),
        ("class", "order-item-wraper"),
        ("class", "left-sendgoods-day"),
        ("class", "info-body"),
        ("class", "first-row second-row"),
        ("class", "button-confirmOrderReceived"),
        ("class", "order-item-content-info-name"),
        ("href", "/p/order/detail.html?orderId=8100000000000001"),
        ("href", "//www.aliexpress.com/p/tracking/index.html?tradeOrderId=8100000000000004"),
        ("href", "/order-list/8100000000000002"),
        ("href", "javascript:void(0)"),
        ("href", "/item/1.html"),
        ("href", "/store/2"),
        ("data-status", "WAIT_BUYER_CONFIRM_GOODS"),
        ("data-status", "FINISH"),
        ("lefttime", "1080000000"),
        ("lefttime", "-1"),
        ("data-testid", "orderNumber"),
        ("role", "button"),
        ("role", "dialog"),
        ("orderid", "8100000000000001"),
        ("data-orderid", "x"),
        ("id", "remain-day"),
        ("id", "remain-hour"),
        ("title", "A title"),
        ("data-type", "CONFIRM_GOODS"),
    ];
    const TEXTS: &[&str] = &[
        "Awaiting delivery",
        "Completed",
        "Confirm received",
        "Confirm",
        "Order date: Mar 2, 2026",
        "Order ID: 8100000000000001",
        "Order ID:",
        "8100000000000005",
        "Refund if no delivery before Apr 30, 2026",
        "Did you receive the item(s)?",
        "x2",
        "12",
        "Total: US $7.98",
        "от 12 марта",
        "Litige en cours",
        "12 days 5 hours",
        "Auto-confirm in 3 days",
        "2026-03-01 10:00:00",
        "within 7 days of confirming receipt",
        "Returns/refunds",
        "Cancel dispute",
        "下单时间：2026年3月1日",
        "Feb 30, 2026",
        "",
    ];

    fn node() -> impl Strategy<Value = (usize, usize, Vec<usize>, usize, String)> {
        (any::<usize>(), 0..TAGS.len(), proptest::collection::vec(0..ATTRS.len(), 0..3), 0..TEXTS.len(), ".{0,12}")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: fixture_kit::fuzz_cases(300), ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_snapshots_never_panic_and_read_well_formed(
            url in 0..URLS.len(),
            raw in proptest::collection::vec(node(), 1..120),
            partial_root in proptest::option::of(any::<usize>()),
            lang in proptest::option::of(0..8usize),
        ) {
            let mut nodes = Vec::new();
            for (i, (p, tag, attrs, text, noise)) in raw.iter().enumerate() {
                let parent = if i == 0 { -1 } else { (p % i) as i64 };
                let tag = TAGS[*tag];
                let payload = if tag == "#" {
                    Payload::Text(if noise.len() % 3 == 0 { noise.clone() } else { TEXTS[*text].to_string() })
                } else {
                    Payload::Attrs(attrs.iter().flat_map(|a| [ATTRS[*a].0.to_string(), ATTRS[*a].1.to_string()]).collect())
                };
                nodes.push(RawNode(parent, tag.to_string(), payload));
            }
            let roots = partial_root.map(|r| vec![r % nodes.len()]).unwrap_or_default();
            let (kind, layout) = classify(URLS[url]);
            let ctx = lang.map(|l| PageContext { kind, layout, lang: Some(Lang::ALL[l]), order_id: None, cards_by_ids: false });
            let snap = Snapshot { v: 1, url: URLS[url].into(), lang: "en".into(), title: String::new(), roots, nodes, ctx };
            prop_assert!(snap.validate().is_ok());
            let r = read(&snap);
            let tree = PageTree::new(&snap);
            for o in &r.orders {
                prop_assert!(guard_core::wire::order::is_order_id(&o.order.id));
                prop_assert!(tree.is_full(o.root));
            }
            let mut roots: Vec<usize> = r.orders.iter().map(|o| o.root).collect();
            roots.sort();
            roots.dedup();
            prop_assert_eq!(roots.len(), r.orders.len(), "one order per element");
            for c in &r.controls {
                prop_assert!(c.node < snap.nodes.len() && tree.is_full(c.node));
            }
            for &x in &r.rereads {
                prop_assert!(x < snap.nodes.len() && !tree.is_full(x), "only context is asked for again");
            }
            let plan = plan_page(&snap, &Settings::default(), now());
            prop_assert!(serde_json::to_string(&plan).is_ok());
        }
    }
}

#[test]
fn cards_a_load_more_adds_are_found_by_their_ids_as_the_page_s_were() {
    // No card carries a class the layouts know (blind round thirteen: a table with a <tbody>
    // per order, two more appended by "load more").
    let card = |id: &str, status: &str| {
        format!(r#"<tbody class="q7"><tr><td><a href="https://m.aliexpress.com/p/order/detail.html?orderId={id}">店 ›</a></td><td>{status}</td></tr></tbody>"#)
    };
    let html = format!(
        r#"<html lang="zh"><body><table id="t">{}{}{}</table></body></html>"#,
        card("8100000000000001", "等待发货"),
        card("8100000000000002", "交易成功"),
        card("8100000000000003", "交易关闭")
    );
    let url = "https://m.aliexpress.com/p/order/index.html";
    let full = snapshot(&html, url);
    let settings = guard_core::rules::settings::Settings::default();
    let at = now();
    let whole = guard_core::page_guard::plan_page(&full, &settings, at);
    assert!(whole.ctx.cards_by_ids, "{:?}", whole.ctx);
    // The last card, as a load-more adds it, with what the whole page's read said echoed.
    let last = full.nodes.iter().rposition(|n| n.1 == "tbody").unwrap();
    let (snap, _) = partial(&full, last, Some(whole.ctx.clone()));
    let r = read(&snap);
    assert_eq!(r.orders.len(), 1, "{:?}", r.notes);
    assert_eq!(r.orders[0].order.id, "8100000000000003");
    // Without the echo (a page whose cards have a class hook), a partial read finds none by ids.
    let (snap, _) = partial(&full, last, None);
    assert!(read(&snap).orders.is_empty());
}
