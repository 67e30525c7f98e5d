//! The planner on readings built by hand: what each page kind gets for each window, without
//! depending on any page reader.

use super::*;
use crate::read::page_kind::Layout;
use crate::read::reading::OrderReading;
use crate::wire::order::{DisputeProgress, Status};
use crate::wire::page_plan::{Arg, Guard, Message, Place, Widget};

const ID1: &str = "8100000000000001";
const ID2: &str = "8100000000000002";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    crate::wire::parse_local_now(s).unwrap()
}

fn order(id: &str, status: Status) -> Order {
    Order { id: id.into(), status, ..Default::default() }
}

struct Page {
    kind: PageKind,
    layout: Layout,
    url: &'static str,
    full: bool,
    orders: Vec<(NodeId, Order, &'static str)>,
    controls: Vec<(NodeId, ControlKind, Option<&'static str>, &'static str, bool)>,
    memory: Option<crate::toolbar::order_memory::Memory>,
}

impl Page {
    fn new(kind: PageKind, url: &'static str) -> Page {
        Page { kind, layout: Layout::Current, url, full: true, orders: vec![], controls: vec![], memory: None }
    }
    fn order(mut self, root: NodeId, o: Order) -> Page {
        self.orders.push((root, o, "div"));
        self
    }
    fn control(mut self, node: NodeId, kind: ControlKind, order: Option<&'static str>, label: &'static str) -> Page {
        self.controls.push((node, kind, order, label, false));
        self
    }
    fn popup(mut self, node: NodeId) -> Page {
        self.controls.push((node, ControlKind::ConfirmReceipt, None, "Confirm", true));
        self
    }
    fn plan(&self, settings: &Settings, now: &str) -> Plan {
        let reading = PageReading {
            kind: self.kind,
            layout: self.layout,
            lang: Some(Lang::En),
            orders: self.orders.iter().map(|(root, o, _)| OrderReading { root: *root, order: o.clone() }).collect(),
            controls: self
                .controls
                .iter()
                .map(|(node, kind, order, _, popup)| Control {
                    node: *node,
                    kind: *kind,
                    order_id: order.map(str::to_string),
                    site_popup: *popup,
                    disabled: false,
                })
                .collect(),
            file_inputs: vec![],
            notes: vec![],
            rereads: vec![],
            dispute_form: None,
            cards_by_ids: false,
        };
        let facts = PageFacts {
            url: self.url,
            full: self.full,
            body: self.full.then_some(0),
            labels: self.controls.iter().map(|(n, _, _, l, _)| (*n, l.to_string())).collect(),
            tags: self.orders.iter().map(|(r, _, t)| (*r, t.to_string())).collect(),
            memory: self.memory.as_ref(),
        };
        let ctx = PageContext { kind: self.kind, layout: self.layout, lang: Some(Lang::En), order_id: None, cards_by_ids: false };
        plan_reading(ctx, reading, &facts, settings, at(now))
    }
}

fn highlights(plan: &Plan) -> Vec<(NodeId, String)> {
    plan.ops
        .iter()
        .filter_map(|op| match op {
            Op::Mark { node, attrs } => attrs.get("data-dg-highlight").map(|h| (*node, h.clone())),
            _ => None,
        })
        .collect()
}

fn guards(plan: &Plan) -> Vec<(NodeId, &Guard)> {
    plan.ops.iter().filter_map(|op| if let Op::Guard { node, guard } = op { Some((*node, guard)) } else { None }).collect()
}

fn mounts(plan: &Plan) -> Vec<(NodeId, Place, &Widget)> {
    plan.ops.iter().filter_map(|op| if let Op::Mount { node, place, ui } = op { Some((*node, *place, ui)) } else { None }).collect()
}

fn keys(w: &Widget) -> Vec<&str> {
    w.lines.iter().map(|m| m.key.as_str()).collect()
}

fn attrs_of(plan: &Plan, node: NodeId) -> &BTreeMap<String, String> {
    plan.ops
        .iter()
        .find_map(|op| match op {
            Op::Mark { node: n, attrs } if *n == node && attrs.contains_key("data-dg-order") => Some(attrs),
            _ => None,
        })
        .expect("order marked")
}

const DETAIL: &str = "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001";
const LIST: &str = "https://www.aliexpress.com/p/order/index.html";

fn received(completed: &str) -> Order {
    Order { shipped: Some(d("2026-10-01")), completed: Some(d(completed)), ..order(ID1, Status::Completed) }
}

#[test]
fn detail_page_lights_returns_refunds_while_open_and_says_until_when() {
    let page = Page::new(PageKind::OrderDetail, DETAIL).order(1, received("2026-11-10")).control(7, ControlKind::ReturnsRefunds, None, "Returns/refunds");
    let plan = page.plan(&Settings::default(), "2026-11-21T12:00");
    assert_eq!(highlights(&plan), vec![(7, "open-dispute".to_string())]);
    let m = mounts(&plan);
    assert_eq!(m.len(), 1);
    let (node, place, notice) = m[0];
    assert_eq!((node, place, notice.component.as_str(), notice.state.as_deref()), (1, Place::Prepend, "dispute-notice", Some("open")));
    assert_eq!(notice.lines[0], Message::with("pathOpenUntil", vec![Arg::Date(d("2026-11-25")), Arg::Number(4)]));
    assert_eq!(keys(notice), ["pathOpenUntil", "reasonWithinWindow", "pathUseButton"]);
    assert_eq!(notice.lines[2].args, vec![Arg::Text("Returns/refunds".into())]);
    assert_eq!(notice.notes, vec![Message::new("pathEstimated")], "the date rests on the usual 15 days");
    let a = attrs_of(&plan, 1);
    assert_eq!((a["data-dg-dispute"].as_str(), a["data-dg-dispute-closes"].as_str()), ("open", "2026-11-25"));
}

#[test]
fn nothing_is_lit_when_too_early_closed_or_not_applicable() {
    let s = Settings::default();
    let too_early = Order { shipped: Some(d("2026-11-15")), ..order(ID1, Status::Shipped) };
    let closed = received("2026-10-20");
    let cancelled = order(ID1, Status::Closed);
    for (what, o, state, headline) in [
        ("too early", too_early, "too-early", "pathTooEarlyFrom"),
        ("closed", closed, "closed", "pathClosedOn"),
        ("not applicable", cancelled, "not-applicable", "pathNotApplicable"),
    ] {
        let page = Page::new(PageKind::OrderDetail, DETAIL)
            .order(1, o)
            .control(7, ControlKind::ReturnsRefunds, None, "Returns/refunds")
            .control(8, ControlKind::OpenDispute, None, "Open Dispute")
            .control(9, ControlKind::ExtendProtection, None, "Request to extend Purchase Protection");
        let plan = page.plan(&s, "2026-11-21T12:00");
        assert!(highlights(&plan).is_empty(), "{what}: {:?}", highlights(&plan));
        let (_, _, notice) = mounts(&plan)[0];
        assert_eq!((notice.state.as_deref(), notice.lines[0].key.as_str()), (Some(state), headline), "{what}");
        assert!(!keys(notice).contains(&"pathUseButton"), "{what}");
    }
    // Too early says from which date.
    let page = Page::new(PageKind::OrderDetail, DETAIL).order(1, Order { shipped: Some(d("2026-11-15")), ..order(ID1, Status::Shipped) });
    let plan = page.plan(&s, "2026-11-21T12:00");
    assert_eq!(mounts(&plan)[0].2.lines[0].args, vec![Arg::Date(d("2026-11-25"))]);
}

#[test]
fn extend_protection_is_lit_when_protection_ends_soon_on_a_parcel_not_received() {
    let s = Settings { extension_lead_days: 7, ..Settings::default() };
    let in_transit = Order { shipped: Some(d("2026-10-01")), protection_ends: Some(d("2026-11-27")), ..order(ID1, Status::Shipped) };
    let page = |o: Order| {
        Page::new(PageKind::OrderDetail, DETAIL).order(1, o).control(8, ControlKind::OpenDispute, None, "Open Dispute").control(
            9,
            ControlKind::ExtendProtection,
            None,
            "Request to extend Purchase Protection",
        )
    };
    let plan = page(in_transit.clone()).plan(&s, "2026-11-21T12:00");
    assert_eq!(highlights(&plan), vec![(8, "open-dispute".into()), (9, "extend-protection".into())]);
    let notice = mounts(&plan)[0].2;
    assert_eq!(notice.tone, crate::wire::page_plan::Tone::Warn);
    assert!(notice.lines.contains(&Message::with("pathExtend", vec![Arg::Date(d("2026-11-27"))])), "{:?}", keys(notice));
    assert!(notice.lines.contains(&Message::with("pathUseButton", vec![Arg::Text("Request to extend Purchase Protection".into())])));
    // Eight days before the end: not yet (lead time 7).
    let plan = page(in_transit.clone()).plan(&s, "2026-11-19T12:00");
    assert_eq!(highlights(&plan), vec![(8, "open-dispute".into())]);
    // Received: never.
    let plan = page(Order { completed: Some(d("2026-11-20")), ..received("2026-11-20") }).plan(&s, "2026-11-21T12:00");
    assert_eq!(highlights(&plan), vec![(8, "open-dispute".into())]);
    // A shopper who wants more warning sets a longer lead time.
    let longer = Settings { extension_lead_days: 10, ..Settings::default() };
    let plan = page(in_transit).plan(&longer, "2026-11-19T12:00");
    assert_eq!(highlights(&plan).len(), 2);
}

#[test]
fn list_cards_get_a_badge_and_open_ones_a_link_to_their_detail_page() {
    let s = Settings::default();
    let page = Page::new(PageKind::OrderList, LIST).order(1, received("2026-11-19")).order(2, order(ID2, Status::AwaitingPayment)).control(
        5,
        ControlKind::ConfirmReceipt,
        Some(ID1),
        "Confirm received",
    );
    let plan = page.plan(&s, "2026-11-21T12:00");
    let m = mounts(&plan);
    assert_eq!(m.len(), 2);
    let (node, place, badge) = m[0];
    assert_eq!((node, place, badge.component.as_str(), badge.state.as_deref()), (1, Place::Append, "order-badge", Some("open")));
    assert_eq!(keys(badge), ["pathOpenUntil", "reasonWithinWindow"]);
    assert_eq!(badge.notes, vec![Message::new("pathEstimated")]);
    assert_eq!(badge.links.len(), 1);
    assert_eq!(badge.links[0].href, "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001");
    assert_eq!(badge.links[0].key, "pathLinkOpenDispute");
    let (_, _, unpaid) = m[1];
    assert_eq!((unpaid.state.as_deref(), keys(unpaid)), (Some("not-applicable"), vec!["pathNotApplicable", "reasonAwaitingPayment"]));
    assert!(unpaid.links.is_empty(), "nothing to do there");
}

#[test]
fn a_card_that_is_a_link_gets_its_badge_beside_it() {
    let mut page = Page::new(PageKind::OrderList, "https://m.aliexpress.com/p/order/index.html").order(1, received("2026-11-19"));
    page.layout = Layout::Mobile;
    page.orders[0].2 = "a";
    let plan = page.plan(&Settings::default(), "2026-11-21T12:00");
    let (_, place, badge) = mounts(&plan)[0];
    assert_eq!(place, Place::After);
    assert_eq!(badge.links[0].href, "https://m.aliexpress.com/p/order/detail.html?orderId=8100000000000001");
}

#[test]
fn confirm_received_is_guarded_with_this_order_s_numbers_unless_switched_off() {
    let mut s = Settings::default();
    let shipped = Order { shipped: Some(d("2026-11-01")), ..order(ID1, Status::Shipped) };
    let page = Page::new(PageKind::OrderList, LIST).order(1, shipped).control(5, ControlKind::ConfirmReceipt, Some(ID1), "Confirm received").popup(40);
    let plan = page.plan(&s, "2026-11-21T12:00");
    let g = guards(&plan);
    assert_eq!(g.len(), 2);
    assert_eq!((g[0].0, g[0].1.kind.as_str(), g[0].1.order.as_deref(), g[0].1.site_popup), (5, "confirm-receipt", Some(ID1), false));
    assert!(g[0].1.dialog.lines.iter().any(|m| m.key == "guardConfirmProtectionEstimated"), "the card's own protection date");
    assert_eq!((g[1].0, g[1].1.site_popup, g[1].1.order.as_deref()), (40, true, None));
    s.confirm_guard = false;
    assert!(guards(&page.plan(&s, "2026-11-21T12:00")).is_empty(), "guard off: no guard at all");
}

#[test]
fn cancel_dispute_is_guarded_with_the_reopening_deadline() {
    let s = Settings::default();
    let o = Order {
        shipped: Some(d("2026-10-20")),
        protection_ends: Some(d("2026-12-15")),
        dispute: Some(DisputeProgress::InProgress),
        dispute_opened: Some(d("2026-11-18")),
        ..order(ID1, Status::Dispute)
    };
    let page = Page::new(PageKind::OrderDetail, DETAIL).order(1, o).control(9, ControlKind::CancelDispute, None, "Annuler la demande");
    let plan = page.plan(&s, "2026-11-21T12:00");
    let g = guards(&plan);
    assert_eq!(g.len(), 1);
    assert_eq!((g[0].0, g[0].1.kind.as_str()), (9, "cancel-dispute"));
    assert_eq!(g[0].1.dialog.lines[1], Message::with("guardCancelDisputeReopen", vec![Arg::Date(d("2026-12-15"))]));
    // And the dispute's timeline, with dates.
    let (_, _, t) = mounts(&plan)[0];
    assert_eq!(t.component, "dispute-timeline");
    assert_eq!(t.lines[2], Message::with("pathTimelineSeller", vec![Arg::Number(5), Arg::Date(d("2026-11-23"))]));
    assert_eq!(t.lines[3], Message::with("pathTimelineEscalate", vec![Arg::Date(d("2026-11-25")), Arg::Number(7)]));
}

#[test]
fn start_pages_get_a_guide_once_per_full_read() {
    for (url, layout) in [
        ("https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8100000000000001", Layout::Current),
        ("https://trade.aliexpress.com/issue/fastissue/createIssueStep1.htm?orderId=8100000000000001", Layout::Legacy),
    ] {
        let mut page = Page::new(PageKind::DisputeStart, url);
        page.layout = layout;
        let plan = page.plan(&Settings::default(), "2026-11-21T12:00");
        let m = mounts(&plan);
        assert_eq!(m.len(), 1, "{url}");
        assert_eq!((m[0].0, m[0].1, m[0].2.component.as_str()), (0, Place::Prepend, "dispute-guide"));
        assert_eq!(keys(m[0].2), ["pathGuideTitle", "pathGuideNotReceived", "pathGuideReceived", "pathGuideTips"]);
        page.full = false;
        assert!(mounts(&page.plan(&Settings::default(), "2026-11-21T12:00")).is_empty(), "a partial read adds no second guide");
    }
}

#[test]
fn a_dispute_page_without_dates_still_explains_the_timeline() {
    let page = Page::new(PageKind::DisputeDetail, "https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=1");
    let plan = page.plan(&Settings::default(), "2026-11-21T12:00");
    let (_, _, t) = mounts(&plan)[0];
    assert_eq!(keys(t), ["pathInProgress", "pathTimelineSellerNoDate", "pathTimelineEscalateNoDate", "pathTimelineTip"]);
}

#[test]
fn the_shopper_s_local_midnight_decides_the_day() {
    // Received 1 Nov: last day 16 Nov. At 23:59 on the 16th it is still open (last day);
    // at 00:00 on the 17th it is closed, and "Returns/refunds" is no longer lit.
    let page = Page::new(PageKind::OrderDetail, DETAIL).order(1, received("2026-11-01")).control(7, ControlKind::ReturnsRefunds, None, "Returns/refunds");
    let s = Settings::default();
    let before = page.plan(&s, "2026-11-16T23:59:59");
    assert_eq!(attrs_of(&before, 1)["data-dg-dispute"], "closing-soon");
    assert_eq!(highlights(&before).len(), 1);
    assert_eq!(mounts(&before)[0].2.lines[0], Message::with("pathOpenToday", vec![Arg::Date(d("2026-11-16"))]));
    let after = page.plan(&s, "2026-11-17T00:00");
    assert_eq!(attrs_of(&after, 1)["data-dg-dispute"], "closed");
    assert!(highlights(&after).is_empty());
    // The day before the last: "tomorrow".
    let eve = page.plan(&s, "2026-11-15T00:00");
    assert_eq!(mounts(&eve)[0].2.lines[0], Message::with("pathOpenTomorrow", vec![Arg::Date(d("2026-11-16"))]));
}

#[test]
fn controls_outside_any_card_on_a_list_are_left_alone() {
    let page = Page::new(PageKind::OrderList, LIST).order(1, received("2026-11-19")).order(2, Order { id: ID2.into(), ..received("2026-11-19") }).control(
        30,
        ControlKind::OpenDispute,
        None,
        "Open dispute",
    );
    assert!(highlights(&page.plan(&Settings::default(), "2026-11-21T12:00")).is_empty(), "which order would it be?");
}

#[test]
fn the_whole_path_through_json_honours_settings() {
    // The same call the extension makes, with the guard switched off in the stored settings.
    let snap = r##"{"v":1,"url":"https://www.aliexpress.com/p/order/index.html","lang":"en","nodes":[
        [-1,"body",[]],[0,"div",["class","order-item"]],
        [1,"div",["data-pl","order_item_header_info"]],[2,"div",[]],[3,"#","Order date: Nov 1, 2026"],
        [2,"div",[]],[5,"#","Order ID: 8100000000000001"],
        [1,"span",["class","order-item-header-status-text"]],[7,"#","Awaiting delivery"],
        [1,"button",[]],[9,"#","Confirm received"]]}"##;
    let on: Plan = serde_json::from_str(&crate::api::analyse_remembering(snap, "{}", "2026-11-21T12:00", "").unwrap()).unwrap();
    assert_eq!(guards(&on).len(), 1);
    let off: Plan = serde_json::from_str(&crate::api::analyse_remembering(snap, r#"{"confirm_guard":false}"#, "2026-11-21T12:00", "").unwrap()).unwrap();
    assert!(guards(&off).is_empty());
    let components: Vec<&str> = mounts(&off).iter().map(|m| m.2.component.as_str()).collect();
    assert_eq!(components, ["order-badge", "check-orders"], "the badge stays, and the list's \"Check my orders\" bar");
    assert_eq!(mounts(&off)[1].0, 0, "the bar goes at the top of the body holding the cards");
}

#[test]
fn list_badges_and_dialogs_use_what_the_detail_page_said_but_marks_do_not() {
    // The detail page was read on 10 Nov: shipped 1 Nov, protection until 20 Dec (stated).
    let detail = Order { shipped: Some(d("2026-11-01")), protection_ends: Some(d("2026-12-20")), ..order(ID1, Status::Shipped) };
    let mut memory = crate::toolbar::order_memory::Memory::default();
    memory.remember(&[detail], d("2026-11-10"));
    // The list card shows only the status and the order date.
    let card = Order { placed: Some(d("2026-10-28")), ..order(ID1, Status::Shipped) };
    let mut page = Page::new(PageKind::OrderList, LIST).order(1, card).control(5, ControlKind::ConfirmReceipt, Some(ID1), "Confirm received");
    let plain = page.plan(&Settings::default(), "2026-11-21T12:00");
    assert_eq!(mounts(&plain)[0].2.state.as_deref(), Some("unknown"), "without memory the card says little");
    page.memory = Some(memory);
    let plan = page.plan(&Settings::default(), "2026-11-21T12:00");
    let a = attrs_of(&plan, 1);
    assert_eq!(a.get("data-dg-dispute").map(String::as_str), Some("unknown"), "marks: what this page says");
    assert!(!a.contains_key("data-dg-shipped"));
    let (_, _, badge) = mounts(&plan)[0];
    assert_eq!(badge.state.as_deref(), Some("open"));
    assert_eq!(badge.lines[0], Message::with("pathOpenUntil", vec![Arg::Date(d("2026-12-20")), Arg::Number(29)]));
    assert_eq!(badge.notes.last(), Some(&Message::with("pathRemembered", vec![Arg::Date(d("2026-11-10"))])));
    let g = guards(&plan);
    assert!(g[0].1.dialog.lines.contains(&Message::with("guardConfirmProtection", vec![Arg::Date(d("2026-12-20"))])), "{:?}", g[0].1.dialog.lines);
    assert!(highlights(&plan).is_empty());
}

#[test]
fn a_memory_that_adds_nothing_changes_nothing() {
    let card = Order { placed: Some(d("2026-10-28")), ..order(ID1, Status::Shipped) };
    let mut memory = crate::toolbar::order_memory::Memory::default();
    memory.remember(std::slice::from_ref(&card), d("2026-11-10"));
    let mut page = Page::new(PageKind::OrderList, LIST).order(1, card);
    page.memory = Some(memory);
    let plan = page.plan(&Settings::default(), "2026-11-21T12:00");
    assert!(mounts(&plan)[0].2.notes.iter().all(|m| m.key != "pathRemembered"));
}
