//! From a snapshot to a plan: read the page, apply the rules, decide what to mark, guard and show.
//! An orchestrator only: reading is `reading`, the rules `dispute_window`, the dialogs
//! `confirm_guard`, highlights and widgets `dispute_path`.

use crate::read::locales::{ControlKind, Lang};
use crate::read::page_kind::{classify, PageKind};
use crate::read::reading::{read_page, Control, PageReading, ReadContext};
use crate::rules::confirm_guard::{cancel_dispute_guard, confirm_receipt_guard};
use crate::rules::dispute_path::{self, PathControl, PathOrder, PathPage};
use crate::rules::dispute_window::{dispute_window, DisputeWindow};
use crate::rules::settings::Settings;
use crate::toolbar::order_memory::{merge_order, Memory};
use crate::wire::order::Order;
use crate::wire::page_plan::{Op, PageContext, Plan};
use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::{NodeId, Snapshot};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::{BTreeMap, HashMap};

/// The `data-dg-*` attributes of an order's root (CONTRACT.md section 1).
pub fn order_attrs(order: &Order, window: &DisputeWindow) -> BTreeMap<String, String> {
    let mut a = BTreeMap::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            a.insert(format!("data-dg-{k}"), v);
        }
    };
    // (NaiveDate's Display is "YYYY-MM-DD", as serde writes it; chrono's strftime stays out.)
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
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
    PageContext { kind, layout, lang: lang_from_tag(&snap.lang), order_id: None, cards_by_ids: false }
}

/// What the planner needs to know about the page besides its reading.
pub struct PageFacts<'a> {
    pub url: &'a str,
    /// The snapshot covers the whole page.
    pub full: bool,
    /// The body, on a full read.
    pub body: Option<NodeId>,
    /// Labels of the controls found, as shown.
    pub labels: HashMap<NodeId, String>,
    /// Tag names of the orders' roots.
    pub tags: HashMap<NodeId, String>,
    /// The extension's memory of orders, when the caller has it.
    pub memory: Option<&'a Memory>,
}

/// An order as the extension knows it from earlier pages as well: the list shows no shipment
/// or receipt date, the order's detail page did. Only badges and dialogs use it; the marks say
/// what this page says (CONTRACT.md section 3: the orders' own attributes "always say only what
/// the page itself shows").
fn remembered(order: &Order, memory: Option<&Memory>) -> Option<(Order, NaiveDate)> {
    let t = memory?.orders.get(&order.id)?;
    let known = merge_order(&t.order, order);
    let adds = |a: &Order, b: &Order| {
        (a.shipped, a.completed, a.protection_ends, a.economy_shipping, a.dispute, a.dispute_opened, a.dispute_opens, a.dispute_offered, &a.stated_windows)
            != (
                b.shipped,
                b.completed,
                b.protection_ends,
                b.economy_shipping,
                b.dispute,
                b.dispute_opened,
                b.dispute_opens,
                b.dispute_offered,
                &b.stated_windows,
            )
    };
    adds(&known, order).then_some((known, t.last_seen))
}

pub fn plan_page(snap: &Snapshot, settings: &Settings, now: NaiveDateTime) -> Plan {
    plan_page_remembering(snap, settings, now, None)
}

/// `plan_page` with the memory of orders, for what a page does not show (see `Remembered`).
pub fn plan_page_remembering(snap: &Snapshot, settings: &Settings, now: NaiveDateTime, memory: Option<&Memory>) -> Plan {
    let mut ctx = page_context(snap);
    let tree = PageTree::new(snap);
    let cx = ReadContext { kind: ctx.kind, layout: ctx.layout, lang: ctx.lang, now };
    let reading = read_page(&tree, &cx);
    // The page's words decide its language; `<html lang>` only broke ties (reading/language.rs).
    ctx.lang = reading.lang.or(ctx.lang);
    ctx.cards_by_ids = reading.cards_by_ids;
    // The whole page was read: no partial roots, or <body> itself among them.
    let body = tree.roots().into_iter().find(|&r| tree.parent(r).is_none() && tree.tag(r) == "body");
    let full = snap.roots.is_empty() || body.is_some();
    let facts = PageFacts {
        url: &snap.url,
        full,
        body: if full { body.or_else(|| tree.roots().first().copied()) } else { None },
        labels: reading.controls.iter().map(|c| (c.node, tree.text(c.node))).collect(),
        tags: reading.orders.iter().map(|o| (o.root, tree.tag(o.root).to_string())).collect(),
        memory,
    };
    let mut plan = plan_reading(ctx, reading, &facts, settings, now);
    // The "Check my orders" bar at the top of an order list unless switched off.
    if settings.check_orders_bar {
        plan.ops.extend(crate::toolbar::order_check::list_bar(&tree, &plan));
    }
    plan
}

/// The order a control acts on: the one the reader tied it to; on a page about one order
/// (detail, dispute), that order.
fn owner(c: &Control, reading: &PageReading) -> Option<usize> {
    match &c.order_id {
        Some(id) => reading.orders.iter().position(|o| &o.order.id == id),
        None if reading.kind != PageKind::OrderList && reading.orders.len() == 1 => Some(0),
        None => None,
    }
}

pub fn plan_reading(ctx: PageContext, reading: PageReading, facts: &PageFacts<'_>, settings: &Settings, now: NaiveDateTime) -> Plan {
    let today = now.date();
    let windows: Vec<DisputeWindow> = reading.orders.iter().map(|r| dispute_window(&r.order, today, settings)).collect();
    let known: Vec<Option<(Order, DisputeWindow, NaiveDate)>> = reading
        .orders
        .iter()
        .map(|r| remembered(&r.order, facts.memory).map(|(o, seen)| (dispute_window(&o, today, settings), o, seen)))
        .map(|k| k.map(|(w, o, seen)| (o, w, seen)))
        .collect();
    let mut ops = Vec::new();
    for (r, w) in reading.orders.iter().zip(&windows) {
        ops.push(Op::Mark { node: r.root, attrs: order_attrs(&r.order, w) });
        ops.push(Op::Unit { node: r.root });
    }
    let owners: Vec<Option<usize>> = reading.controls.iter().map(|c| owner(c, &reading)).collect();
    for (c, owner) in reading.controls.iter().zip(&owners) {
        // The dialog says all the extension knows of the order.
        let order = owner.map(|i| known[i].as_ref().map(|k| &k.0).unwrap_or(&reading.orders[i].order));
        let window = owner.map(|i| known[i].as_ref().map(|k| &k.1).unwrap_or(&windows[i]));
        match c.kind {
            ControlKind::ConfirmReceipt if settings.confirm_guard => {
                ops.push(Op::Guard { node: c.node, guard: confirm_receipt_guard(order, window, c.site_popup, today, settings) })
            }
            ControlKind::CancelDispute if settings.confirm_guard => ops.push(Op::Guard { node: c.node, guard: cancel_dispute_guard(order, today, settings) }),
            _ => {}
        }
    }
    let page = PathPage {
        kind: ctx.kind,
        layout: ctx.layout,
        url: facts.url,
        full: facts.full,
        body: facts.body,
        orders: reading
            .orders
            .iter()
            .zip(&windows)
            .zip(&known)
            .map(|((r, w), k)| PathOrder {
                root: r.root,
                root_tag: facts.tags.get(&r.root).map(String::as_str).unwrap_or("div"),
                order: &r.order,
                window: w,
                remembered: k.as_ref().map(|(o, w, seen)| (o, w, *seen)),
            })
            .collect(),
        controls: reading
            .controls
            .iter()
            .zip(&owners)
            .map(|(c, o)| PathControl { control: c, order: *o, label: facts.labels.get(&c.node).cloned().unwrap_or_default() })
            .collect(),
        today,
        settings,
    };
    ops.extend(dispute_path::ops(&page));
    ops.extend(reading.rereads.iter().map(|&node| Op::Reread { node }));
    ops.extend(crate::rules::evidence::plan_ops(&reading, settings, today));
    // Every page the extension reads offers the report, unless switched off.
    let report_widget = settings.report_widget && ctx.kind != PageKind::Other;
    Plan { ctx, ops, orders: reading.orders.into_iter().map(|r| r.order).collect(), notes: reading.notes, report_widget }
}

#[cfg(test)]
mod tests;
