//! From a snapshot to a plan: read the page, apply the rules, decide what to mark, guard and show.

use crate::dispute_window::{dispute_window, DisputeWindow};
use crate::locales::{ControlKind, Lang};
use crate::order::Order;
use crate::page_kind::classify;
use crate::page_tree::PageTree;
use crate::plan::{Arg, Guard, Message, Op, PageContext, Plan, Tone, Widget};
use crate::reading::{read_page, ReadContext};
use crate::settings::Settings;
use crate::snapshot::Snapshot;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::{BTreeMap, HashMap};

/// The `data-dg-*` attributes of an order's root (CONTRACT.md section 1).
pub fn order_attrs(order: &Order, window: &DisputeWindow) -> BTreeMap<String, String> {
    let mut a = BTreeMap::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            a.insert(format!("data-dg-{k}"), v);
        }
    };
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    put("order", Some(order.id.clone()));
    put("status", Some(order.status.as_str().to_string()));
    put("placed", date(order.placed));
    put("shipped", date(order.shipped));
    put("completed", date(order.completed));
    put("protection-ends", date(window.protection_ends));
    put("dispute", Some(window.state.as_str().to_string()));
    put("dispute-opens", date(window.opens));
    put("dispute-closes", date(window.closes));
    a
}

/// The page's interface language from `<html lang>`, when it is one we have words for.
pub fn lang_from_tag(tag: &str) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    Some(match primary.as_str() {
        "en" => Lang::En,
        "fr" => Lang::Fr,
        "ru" => Lang::Ru,
        "es" => Lang::Es,
        "pt" => Lang::Pt,
        "de" => Lang::De,
        "pl" => Lang::Pl,
        "zh" => Lang::Zh,
        _ => return None,
    })
}

fn page_context(snap: &Snapshot) -> PageContext {
    if let Some(ctx) = &snap.ctx {
        return ctx.clone();
    }
    let (kind, layout) = classify(&snap.url);
    PageContext { kind, layout, lang: lang_from_tag(&snap.lang), order_id: None }
}

/// What confirming receipt means for this order, for the guard's dialog.
fn confirm_dialog(today: NaiveDate, settings: &Settings) -> Widget {
    let days = settings.policy.dispute_closes_after_receipt_days;
    let last_day = today + Duration::days(days as i64);
    Widget {
        component: "confirm-receipt".into(),
        tone: Tone::Warn,
        lines: vec![
            Message::new("guardConfirmTitle"),
            Message::new("guardConfirmPayment"),
            Message::with("guardConfirmWindow", vec![Arg::Number(days as i64), Arg::Date(last_day)]),
        ],
        links: vec![],
    }
}

pub fn plan_page(snap: &Snapshot, settings: &Settings, now: NaiveDateTime) -> Plan {
    let mut ctx = page_context(snap);
    let tree = PageTree::new(snap);
    let today = now.date();
    let cx = ReadContext { kind: ctx.kind, layout: ctx.layout, lang: ctx.lang, now };
    let reading = read_page(&tree, &cx);
    // The page's words decide its language; `<html lang>` only broke ties (reading/language.rs).
    ctx.lang = reading.lang.or(ctx.lang);
    let mut ops = Vec::new();
    let mut windows: HashMap<&str, DisputeWindow> = HashMap::new();
    for r in &reading.orders {
        let w = dispute_window(&r.order, today, settings);
        ops.push(Op::Mark { node: r.root, attrs: order_attrs(&r.order, &w) });
        ops.push(Op::Unit { node: r.root });
        windows.insert(r.order.id.as_str(), w);
    }
    for c in &reading.controls {
        let window = c.order_id.as_deref().and_then(|id| windows.get(id));
        let highlight = |v: &str| {
            let mut attrs = BTreeMap::new();
            attrs.insert("data-dg-highlight".to_string(), v.to_string());
            attrs
        };
        match c.kind {
            ControlKind::ConfirmReceipt if settings.confirm_guard => ops.push(Op::Guard {
                node: c.node,
                guard: Guard {
                    kind: "confirm-receipt".into(),
                    order: c.order_id.clone(),
                    site_popup: c.site_popup,
                    dialog: confirm_dialog(today, settings),
                },
            }),
            ControlKind::OpenDispute | ControlKind::ReturnsRefunds if window.is_some_and(|w| w.state.is_open()) => {
                ops.push(Op::Mark { node: c.node, attrs: highlight("open-dispute") })
            }
            ControlKind::ExtendProtection if window.is_some_and(|w| w.extension_worthy) => {
                ops.push(Op::Mark { node: c.node, attrs: highlight("extend-protection") })
            }
            _ => {}
        }
    }
    ops.extend(reading.rereads.iter().map(|&node| Op::Reread { node }));
    ops.extend(crate::evidence::plan_ops(&reading, settings, today));
    Plan { ctx, ops, orders: reading.orders.into_iter().map(|r| r.order).collect(), notes: reading.notes }
}
