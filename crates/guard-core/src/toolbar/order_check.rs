//! "Check my orders" (CONTRACT.md section 6): which tracked orders are worth reading again on their
//! detail page, where that page is, where the list bar goes, and what a run found.
//!
//! An order list shows no shipment or receipt date; the order's detail page does. Reading the
//! detail pages of the orders whose state can still change gives every tracked order its
//! deadlines without the shopper opening each one. The service worker opens the pages one at a
//! time and reads them like any page; this module only decides.

use crate::read::page_kind::{self, Layout, PageKind};
use crate::rules::dispute_window::{dispute_window, DisputeState};
use crate::rules::settings::Settings;
use crate::toolbar::deadlines::{self, day_number, sort_by_key};
use crate::toolbar::order_links;
use crate::toolbar::order_memory::{Memory, Tracked};
use crate::wire::order::{is_order_id, DisputeProgress, Order, Status};
use crate::wire::page_plan::{Arg, Message, Op, Place, Plan, Tone, Widget};
use crate::wire::page_tree::PageTree;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Why an order is worth reading again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    /// Shipped, not received yet: until when protection lasts is on its page.
    InTransit,
    /// Received within the dispute window, or received on a date the list does not show.
    Received,
    /// A dispute or return is under way.
    Dispute,
    /// Not shipped yet, ordered less than the protection period ago.
    AwaitingShipment,
    /// Its status was not recognised: its page may say.
    StatusUnknown,
}

fn days(n: u32) -> Duration {
    Duration::days(n as i64)
}

/// Whether the order may still need the shopper, and why; `None` for what cannot change
/// anything: unpaid, closed or cancelled, settled (every window passed), resolved or hidden.
pub fn why(t: &Tracked, settings: &Settings, today: NaiveDate) -> Option<Why> {
    if t.resolved || t.hidden {
        return None;
    }
    let o = &t.order;
    let p = &settings.policy;
    if o.status == Status::Dispute || o.dispute == Some(DisputeProgress::InProgress) {
        return Some(Why::Dispute);
    }
    // The longest an order can take to settle once placed: the longer (economy) protection,
    // then the days to open a dispute after the receipt that ends it.
    let settles_after = days(p.protection_days_economy) + days(p.dispute_closes_after_receipt_days);
    let still = |from: Option<NaiveDate>, span: Duration| from.is_none_or(|d| d + span >= today);
    let w = dispute_window(o, today, settings);
    match o.status {
        Status::AwaitingPayment | Status::Closed | Status::Dispute => None,
        Status::AwaitingShipment => still(o.placed, days(p.protection_days)).then_some(Why::AwaitingShipment),
        // In transit: when protection ends the order confirms itself, and a window after that
        // receipt follows. Without a shipment date, counted from the order date.
        Status::Shipped => match w.protection_ends {
            Some(end) => still(Some(end), days(p.dispute_closes_after_receipt_days)),
            None => still(o.placed, settles_after),
        }
        .then_some(Why::InTransit),
        Status::Completed => match w.state {
            DisputeState::Open | DisputeState::ClosingSoon | DisputeState::TooEarly | DisputeState::InProgress => Some(Why::Received),
            DisputeState::Unknown => match o.completed {
                Some(done) => still(Some(done), days(p.dispute_closes_after_receipt_days)),
                None => still(o.placed.or(o.shipped), settles_after),
            }
            .then_some(Why::Received),
            DisputeState::Closed | DisputeState::NotApplicable => None,
        },
        Status::Unknown => (!matches!(w.state, DisputeState::Closed | DisputeState::NotApplicable) && still(o.placed.or(Some(t.last_seen)), settles_after))
            .then_some(Why::StatusUnknown),
    }
}

/// The order's detail page on the site the shopper uses, built from its id: on the host and in
/// the layout of the detail address a page gave (current www/m, aliexpress.ru, legacy
/// trade.aliexpress.*), else the current site's. Never any host but the shop's, never its
/// sign-in.
pub fn reading_url(o: &Order) -> Option<String> {
    if !is_order_id(&o.id) {
        return None;
    }
    let from_page = o.detail_url.as_deref().filter(|u| order_links::is_shop_url(u)).and_then(|u| {
        let u = u.strip_prefix("//").map(|rest| format!("https://{rest}")).unwrap_or_else(|| u.to_string());
        let host = page_kind::split_url(&u)?.host;
        let (kind, layout) = page_kind::classify(&u);
        let same_order = page_kind::page_order_id(&u).as_deref() == Some(o.id.as_str());
        (kind == PageKind::OrderDetail && same_order && !crate::read::site_answer::is_sign_in_host(&host))
            .then(|| page_kind::detail_url(layout, &u, &o.id))
            .flatten()
    });
    from_page.or_else(|| page_kind::detail_url(Layout::Current, order_links::ORDER_LIST, &o.id))
}

/// One order to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToCheck {
    pub id: String,
    pub url: String,
    pub why: Why,
}

/// What a run starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckPlan {
    /// The orders to read, the most pressing first (soonest deadline, then undated).
    pub orders: Vec<ToCheck>,
    /// The orders needing action before the run (to tell what the run changed).
    pub needs_action: Vec<String>,
}

pub fn plan(memory: &Memory, settings: &Settings, today: NaiveDate) -> CheckPlan {
    let mut keyed: Vec<(i64, ToCheck)> = memory
        .orders
        .values()
        .filter_map(|t| {
            let why = why(t, settings, today)?;
            let url = reading_url(&t.order)?;
            let w = dispute_window(&t.order, today, settings);
            let next = deadlines::next_deadline(t, &w, today).map_or(i64::MAX, |d| day_number(d.date));
            Some((next, ToCheck { id: t.order.id.clone(), url, why }))
        })
        .collect();
    sort_by_key(&mut keyed, |(next, c)| (*next, c.id.clone()));
    let needs_action = memory.orders.values().filter(|t| deadlines::needs_action(t, settings, today)).map(|t| t.order.id.clone()).collect();
    CheckPlan { orders: keyed.into_iter().map(|(_, c)| c).collect(), needs_action }
}

/// How reading one order ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadResult {
    /// Its detail page was read and remembered.
    Read,
    /// Its page opened but never showed the order within the time allowed.
    NotShown,
    /// The site showed another page instead.
    Elsewhere,
    /// The page sent nothing within the time allowed (did not load).
    NoAnswer,
    /// The tab was closed before the page was read.
    Closed,
}

/// Why a run ended before its last order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stop {
    SignIn,
    Captcha,
    Busy,
    Cancelled,
    /// The browser was closed, or the run could not go on for too long.
    Interrupted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    pub id: String,
    pub result: ReadResult,
}

/// What the service worker reports at the end of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub total: usize,
    pub results: Vec<Done>,
    #[serde(default)]
    pub stop: Option<Stop>,
    /// `CheckPlan::needs_action` at the start.
    #[serde(default)]
    pub before: Vec<String>,
}

/// A system notification for a daily run that found something needing action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub title: Message,
    pub body: Message,
    /// The detail page of the most pressing order that needs action now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// What a run found, in words (popup and list bar), and for the daily notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub lines: Vec<Message>,
    /// Orders read that need action now.
    pub needs_action: Vec<String>,
    /// …of which did not before the run.
    pub newly: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
}

const FAILURES: [ReadResult; 4] = [ReadResult::NotShown, ReadResult::Elsewhere, ReadResult::NoAnswer, ReadResult::Closed];

fn key_suffix<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default().trim_matches('"').replace('-', "_")
}

pub fn outcome(memory: &Memory, settings: &Settings, today: NaiveDate, report: &Report) -> Outcome {
    let read: Vec<&Done> = report.results.iter().filter(|d| d.result == ReadResult::Read).collect();
    let mut lines = vec![];
    if let Some(stop) = report.stop {
        lines.push(Message::new(&format!("checkStop_{}", key_suffix(&stop))));
    }
    lines.push(Message::with("checkOutcomeRead", vec![Arg::Number(read.len() as i64), Arg::Number(report.total as i64)]));
    // The orders read that need action now, the most pressing first.
    let mut needs: Vec<(i64, String)> = read
        .iter()
        .filter_map(|d| memory.orders.get(&d.id))
        .filter(|t| deadlines::needs_action(t, settings, today))
        .map(|t| {
            let w = dispute_window(&t.order, today, settings);
            (deadlines::next_deadline(t, &w, today).map_or(i64::MAX, |d| day_number(d.date)), t.order.id.clone())
        })
        .collect();
    sort_by_key(&mut needs, |(k, id)| (*k, id.clone()));
    let needs_action: Vec<String> = needs.into_iter().map(|(_, id)| id).collect();
    if !read.is_empty() {
        lines.push(match needs_action.len() {
            0 => Message::new("checkNeedActionNone"),
            n => Message::with("checkNeedAction", vec![Arg::Number(n as i64)]),
        });
    }
    let failed = report.results.len() - read.len();
    if failed > 0 {
        lines.push(Message::with("checkFailed", vec![Arg::Number(failed as i64)]));
        for r in FAILURES {
            let n = report.results.iter().filter(|d| d.result == r).count();
            if n > 0 {
                lines.push(Message::with(&format!("checkFailed_{}", key_suffix(&r)), vec![Arg::Number(n as i64)]));
            }
        }
    }
    let newly: Vec<String> = needs_action.iter().filter(|id| !report.before.contains(id)).cloned().collect();
    let notice = newly.first().map(|first| Notice {
        title: Message::new("checkNotifyTitle"),
        body: Message::with("checkNotifyBody", vec![Arg::Number(needs_action.len() as i64)]),
        url: memory.orders.get(first).and_then(|t| order_links::detail_page(&t.order)),
    });
    Outcome { lines, needs_action, newly, notice }
}

/// The bar with "Check my orders" on an order list, just before the list of cards (outside a
/// table or the site's own list of cards), once per page; its content comes from the service
/// worker (progress changes while the page stays).
pub fn list_bar(tree: &PageTree<'_>, plan: &Plan) -> Option<Op> {
    if plan.ctx.kind != PageKind::OrderList {
        return None;
    }
    let first = plan.ops.iter().find_map(|op| match op {
        Op::Unit { node } => Some(*node),
        _ => None,
    })?;
    let mut anchor = tree.parent(first)?;
    while matches!(tree.tag(anchor), "tbody" | "thead" | "tfoot" | "tr") {
        anchor = tree.parent(anchor)?;
    }
    let place = if tree.tag(anchor) == "body" { Place::Prepend } else { Place::Before };
    Some(Op::Mount { node: anchor, place, ui: Widget::new("check-orders", Tone::Info, vec![]) })
}

#[cfg(test)]
mod tests;
