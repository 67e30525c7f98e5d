use super::*;
use crate::wire::order::{DisputeProgress, Order, Status};
use crate::wire::page_plan::PageContext;
use crate::wire::snapshot::Snapshot;

const TODAY: &str = "2026-03-10";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d(TODAY)
}

/// A date `n` days from TODAY.
fn day(n: i64) -> Option<NaiveDate> {
    Some(today() + Duration::days(n))
}

fn id(n: u32) -> String {
    format!("81000000000000{n:02}")
}

fn tracked(n: u32, status: Status, f: impl FnOnce(&mut Order)) -> Tracked {
    let mut order = Order { id: id(n), status, ..Default::default() };
    f(&mut order);
    Tracked { order, first_seen: d("2026-01-01"), last_seen: d("2026-03-01"), resolved: false, hidden: false, reminded: vec![] }
}

fn memory(list: Vec<Tracked>) -> Memory {
    let mut m = Memory::default();
    for t in list {
        m.orders.insert(t.order.id.clone(), t);
    }
    m
}

fn why_of(t: Tracked) -> Option<Why> {
    why(&t, &Settings::default(), today())
}

#[test]
fn orders_whose_state_can_still_change_are_read() {
    use Status::*;
    // In transit (the list shows the order date only; its page shows shipment and protection).
    assert_eq!(why_of(tracked(1, Shipped, |o| o.placed = day(-20))), Some(Why::InTransit));
    assert_eq!(why_of(tracked(1, Shipped, |o| o.shipped = day(-58))), Some(Why::InTransit), "protection ends in 2 days");
    // Protection ended 5 days ago: it confirms itself, and 15 days to dispute follow.
    assert_eq!(why_of(tracked(1, Shipped, |o| o.shipped = day(-65))), Some(Why::InTransit));
    // Received within the window, or on a date the list does not show.
    assert_eq!(why_of(tracked(2, Completed, |o| o.completed = day(-3))), Some(Why::Received));
    assert_eq!(why_of(tracked(2, Completed, |o| o.placed = day(-40))), Some(Why::Received), "receipt date unknown");
    // A dispute under way, whatever the status says.
    assert_eq!(why_of(tracked(3, Dispute, |_| {})), Some(Why::Dispute));
    assert_eq!(why_of(tracked(3, Completed, |o| o.dispute = Some(DisputeProgress::InProgress))), Some(Why::Dispute));
    // Awaiting shipment for less than the protection period.
    assert_eq!(why_of(tracked(4, AwaitingShipment, |o| o.placed = day(-2))), Some(Why::AwaitingShipment));
    assert_eq!(why_of(tracked(4, AwaitingShipment, |_| {})), Some(Why::AwaitingShipment), "order date unknown");
    assert_eq!(why_of(tracked(5, Unknown, |o| o.placed = day(-10))), Some(Why::StatusUnknown));
}

#[test]
fn what_cannot_change_anything_is_skipped() {
    use Status::*;
    assert_eq!(why_of(tracked(1, AwaitingPayment, |o| o.placed = day(0))), None, "unpaid");
    assert_eq!(why_of(tracked(1, Closed, |o| o.placed = day(-3))), None, "closed or cancelled");
    // Settled: received more than 15 days ago; ordered long before any window could still be open.
    assert_eq!(why_of(tracked(1, Completed, |o| o.completed = day(-16))), None);
    assert_eq!(why_of(tracked(1, Completed, |o| o.placed = day(-200))), None);
    assert_eq!(why_of(tracked(1, Completed, |o| o.dispute = Some(DisputeProgress::Decided))), None, "dispute decided");
    // Protection ended more than 15 days ago on a parcel never received.
    assert_eq!(why_of(tracked(1, Shipped, |o| o.shipped = day(-80))), None);
    assert_eq!(why_of(tracked(1, Shipped, |o| o.placed = day(-120))), None);
    // Awaiting shipment for longer than the protection period.
    assert_eq!(why_of(tracked(1, AwaitingShipment, |o| o.placed = day(-61))), None);
    // The shopper's own choices.
    let mut resolved = tracked(1, Shipped, |o| o.placed = day(-20));
    resolved.resolved = true;
    let mut hidden = tracked(1, Shipped, |o| o.placed = day(-20));
    hidden.hidden = true;
    assert_eq!((why_of(resolved), why_of(hidden)), (None, None));
}

#[test]
fn the_plan_reads_the_most_pressing_first_and_knows_what_needed_action() {
    let m = memory(vec![
        tracked(1, Status::Shipped, |o| o.placed = day(-20)),       // no deadline known
        tracked(2, Status::Completed, |o| o.completed = day(-13)),  // closes in 2 days (needs action)
        tracked(3, Status::Shipped, |o| o.shipped = day(-30)),      // protection ends in 30
        tracked(4, Status::Closed, |o| o.placed = day(-5)),         // skipped
        tracked(5, Status::AwaitingPayment, |o| o.placed = day(0)), // skipped
    ]);
    let p = plan(&m, &Settings::default(), today());
    let ids: Vec<&str> = p.orders.iter().map(|c| &c.id[14..]).collect();
    assert_eq!(ids, ["02", "03", "01"]);
    assert_eq!(p.orders[0].url, "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000002");
    assert_eq!(p.needs_action, vec![id(2)]);
}

#[test]
fn detail_pages_on_the_shoppers_site_and_never_elsewhere() {
    let with = |url: Option<&str>| Order { id: id(1), detail_url: url.map(str::to_string), ..Default::default() };
    let cases = [
        (None, "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
        (
            Some("https://m.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
            "https://m.aliexpress.com/p/order/detail.html?orderId=8100000000000001",
        ),
        (Some("https://aliexpress.ru/order-list/8100000000000001"), "https://aliexpress.ru/order-list/8100000000000001"),
        (
            Some("https://trade.aliexpress.com/order_detail.htm?orderId=8100000000000001"),
            "https://trade.aliexpress.com/order_detail.htm?orderId=8100000000000001",
        ),
        (
            Some("//www.aliexpress.us/p/order/detail.html?orderId=8100000000000001&spm=x"),
            "https://www.aliexpress.us/p/order/detail.html?orderId=8100000000000001",
        ),
        // Not the shop, not a detail page, another order, the sign-in: built from the id.
        (Some("https://evil.example/p/order/detail.html?orderId=8100000000000001"), "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
        (
            Some("https://www.aliexpress.com/item/1005001.html?orderId=8100000000000001"),
            "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001",
        ),
        (Some("https://aliexpress.ru/order-list/8100000000000002"), "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
        (
            Some("https://login.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
            "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001",
        ),
        (Some("javascript:alert(1)//aliexpress.com"), "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
    ];
    for (given, want) in cases {
        assert_eq!(reading_url(&with(given)).as_deref(), Some(want), "{given:?}");
    }
    assert_eq!(reading_url(&Order { id: "12".into(), ..Default::default() }), None);
}

#[test]
fn the_outcome_says_what_changed_and_what_could_not_be_read() {
    let m = memory(vec![
        tracked(1, Status::Completed, |o| o.completed = day(-13)), // needs action now
        tracked(2, Status::Shipped, |o| o.shipped = day(-57)),     // protection ends in 3: needs action
        tracked(3, Status::Shipped, |o| o.shipped = day(-5)),
    ]);
    let done = |n: u32, result| Done { id: id(n), result };
    let report = Report {
        total: 6,
        results: vec![
            done(1, ReadResult::Read),
            done(2, ReadResult::Read),
            done(3, ReadResult::Read),
            done(4, ReadResult::NotShown),
            done(5, ReadResult::NotShown),
            done(6, ReadResult::NoAnswer),
        ],
        stop: None,
        before: vec![id(2)],
    };
    let o = outcome(&m, &Settings::default(), today(), &report);
    assert_eq!(o.needs_action, vec![id(1), id(2)], "soonest first");
    assert_eq!(o.newly, vec![id(1)]);
    let n = |x: i64| Arg::Number(x);
    assert_eq!(
        o.lines,
        vec![
            Message::with("checkOutcomeRead", vec![n(3), n(6)]),
            Message::with("checkNeedAction", vec![n(2)]),
            Message::with("checkFailed", vec![n(3)]),
            Message::with("checkFailed_not_shown", vec![n(2)]),
            Message::with("checkFailed_no_answer", vec![n(1)]),
        ]
    );
    let notice = o.notice.unwrap();
    assert_eq!(notice.body, Message::with("checkNotifyBody", vec![n(2)]));
    assert_eq!(notice.url.as_deref(), Some("https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"));

    // Stopped by a sign-in page after one order; nothing new: no notification.
    let stopped = Report { total: 3, results: vec![done(3, ReadResult::Read)], stop: Some(Stop::SignIn), before: vec![] };
    let o = outcome(&m, &Settings::default(), today(), &stopped);
    assert_eq!(o.lines, vec![Message::new("checkStop_sign_in"), Message::with("checkOutcomeRead", vec![n(1), n(3)]), Message::new("checkNeedActionNone")]);
    assert_eq!((o.newly.len(), o.notice), (0, None));
    let cancelled = Report { total: 3, results: vec![], stop: Some(Stop::Cancelled), before: vec![] };
    assert_eq!(outcome(&m, &Settings::default(), today(), &cancelled).lines[0], Message::new("checkStop_cancelled"));
}

fn tree_plan(nodes: &str, units: &[usize]) -> (Snapshot, Plan) {
    let snap = Snapshot::from_json(&format!(r#"{{"v":1,"url":"https://www.aliexpress.com/p/order/index.html","nodes":[{nodes}]}}"#)).unwrap();
    let plan = Plan {
        ctx: PageContext { kind: PageKind::OrderList, layout: Layout::Current, lang: None, order_id: None, cards_by_ids: false },
        ops: units.iter().map(|&node| Op::Unit { node }).collect(),
        orders: vec![],
        notes: vec![],
        report_widget: true,
    };
    (snap, plan)
}

fn bar_at(snap: &Snapshot, plan: &Plan) -> Option<(usize, Place)> {
    match list_bar(&PageTree::new(snap), plan)? {
        Op::Mount { node, place, ui } => {
            assert_eq!((ui.component.as_str(), ui.lines.len()), ("check-orders", 0));
            Some((node, place))
        }
        _ => None,
    }
}

#[test]
fn the_list_bar_sits_before_the_list_of_cards() {
    // body > div.order-main > div.order-content > div.order-item ×2
    let (snap, plan) = tree_plan(
        r#"[-1,"body",[]],[0,"div",["class","order-main"]],[1,"div",["class","order-content"]],[2,"div",["class","order-item"]],[2,"div",["class","order-item"]]"#,
        &[3, 4],
    );
    assert_eq!(bar_at(&snap, &plan), Some((2, Place::Before)));
    // Legacy: cards are table bodies; the bar goes before the table.
    let (snap, plan) =
        tree_plan(r#"[-1,"body",[]],[0,"div",[]],[1,"table",[]],[2,"tbody",["class","order-item-wraper"]],[2,"tbody",["class","order-item-wraper"]]"#, &[3, 4]);
    assert_eq!(bar_at(&snap, &plan), Some((2, Place::Before)));
    // Cards straight in the body.
    let (snap, plan) = tree_plan(r#"[-1,"body",[]],[0,"a",["class","order-item"]]"#, &[1]);
    assert_eq!(bar_at(&snap, &plan), Some((0, Place::Prepend)));
    // No order read, or not a list: no bar.
    let (snap, plan) = tree_plan(r#"[-1,"body",[]]"#, &[]);
    assert_eq!(bar_at(&snap, &plan), None);
    let (snap, mut plan) = tree_plan(r#"[-1,"body",[]],[0,"div",[]]"#, &[1]);
    plan.ctx.kind = PageKind::OrderDetail;
    assert_eq!(bar_at(&snap, &plan), None);
}

#[test]
fn json_entry_points() {
    let m = memory(vec![tracked(1, Status::Shipped, |o| o.placed = day(-20))]);
    let p: CheckPlan = serde_json::from_str(&crate::api::check_orders_plan(&serde_json::to_string(&m).unwrap(), "{}", "2026-03-10T09:00:00").unwrap()).unwrap();
    assert_eq!((p.orders.len(), p.orders[0].why), (1, Why::InTransit));
    assert_eq!(serde_json::from_str::<CheckPlan>(&crate::api::check_orders_plan("", "{}", "2026-03-10T09:00:00").unwrap()).unwrap().orders.len(), 0);
    let report = r#"{"total":1,"results":[{"id":"8100000000000001","result":"not-shown"}],"stop":"captcha","before":[]}"#;
    let o: Outcome = serde_json::from_str(&crate::api::check_orders_outcome("", "{}", "2026-03-10T09:00:00", report).unwrap()).unwrap();
    assert_eq!(o.lines[0], Message::new("checkStop_captcha"));
    assert!(crate::api::check_orders_outcome("", "{}", "2026-03-10T09:00:00", "{}").is_err());
}
