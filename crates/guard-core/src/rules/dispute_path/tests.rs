//! The path's own pieces: detail links per layout, headlines, estimates.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn detail_links_follow_the_site_the_shopper_is_on() {
    let o = Order { id: "8100000000000001".into(), ..Default::default() };
    let cases = [
        ("https://www.aliexpress.com/p/order/index.html", Layout::Current, "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
        ("https://www.aliexpress.us/p/order/index.html?tab=all", Layout::Current, "https://www.aliexpress.us/p/order/detail.html?orderId=8100000000000001"),
        ("https://m.aliexpress.com/p/order/index.html", Layout::Mobile, "https://m.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
        ("https://trade.aliexpress.com/orderList.htm", Layout::Legacy, "https://trade.aliexpress.com/order_detail.htm?orderId=8100000000000001"),
        ("https://aliexpress.ru/order-list?filterName=active", Layout::Ru, "https://aliexpress.ru/order-list/8100000000000001"),
        ("http://www.aliexpress.com/p/order/index.html", Layout::Current, "http://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"),
    ];
    for (page, layout, want) in cases {
        assert_eq!(detail_url(page, layout, &o).as_deref(), Some(want), "{page}");
    }
    // The page's own link wins.
    let own = Order { detail_url: Some("//www.aliexpress.com/p/order/detail.html?orderId=8100000000000001".into()), ..o };
    assert_eq!(detail_url(cases[0].0, Layout::Current, &own).as_deref(), own.detail_url.as_deref());
}

#[test]
fn headlines_say_today_tomorrow_or_the_days_left() {
    let s = Settings::default();
    let o = Order { id: "1".into(), status: Status::Completed, completed: Some(d("2026-11-01")), shipped: Some(d("2026-10-01")), ..Default::default() };
    let at = |today: &str| {
        let w = crate::rules::dispute_window::dispute_window(&o, d(today), &s);
        headline(&o, &w, &s)
    };
    assert_eq!(at("2026-11-16").key, "pathOpenToday");
    assert_eq!(at("2026-11-15").key, "pathOpenTomorrow");
    assert_eq!(at("2026-11-10"), Message::with("pathOpenUntil", vec![Arg::Date(d("2026-11-16")), Arg::Number(6)]));
    assert_eq!(at("2026-11-17"), Message::with("pathClosedOn", vec![Arg::Date(d("2026-11-16"))]));
}

#[test]
fn estimates_are_said_only_for_dates_the_page_does_not_give() {
    let s = Settings::default();
    let today = d("2026-11-21");
    let estimated = Order { id: "1".into(), status: Status::Shipped, shipped: Some(d("2026-11-01")), ..Default::default() };
    let w = crate::rules::dispute_window::dispute_window(&estimated, today, &s);
    assert_eq!(super::estimated(&w), Some(Message::new("pathEstimated")));
    let stated = Order { protection_ends: Some(d("2026-12-30")), ..estimated };
    let w = crate::rules::dispute_window::dispute_window(&stated, today, &s);
    assert_eq!(super::estimated(&w), None);
}

#[test]
fn unshipped_orders_are_too_early_without_a_made_up_date() {
    let s = Settings::default();
    let o = Order { id: "1".into(), status: Status::AwaitingShipment, placed: Some(d("2026-11-20")), ..Default::default() };
    let w = crate::rules::dispute_window::dispute_window(&o, d("2026-11-21"), &s);
    assert_eq!(headline(&o, &w, &s), Message::new("pathTooEarly"));
    // Shipped but the date is not shown: "not before" order + 10 days.
    let o = Order { status: Status::Shipped, ..o };
    let w = crate::rules::dispute_window::dispute_window(&o, d("2026-11-21"), &s);
    assert_eq!(headline(&o, &w, &s), Message::with("pathTooEarlyNotBefore", vec![Arg::Date(d("2026-11-30"))]));
}
