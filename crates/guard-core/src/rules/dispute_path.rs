//! The lit path to a dispute: which controls to highlight and which of the extension's widgets
//! to show, per page kind (CONTRACT.md section 3).
//!
//! - order list: a small badge per card (state, days left, date, reason) and, while a dispute is
//!   possible (or the dates are not shown), a link to the order's detail page;
//! - order detail: "Open dispute" / "Returns/refunds" highlighted while the window is open,
//!   "Request to extend purchase protection" while protection ends soon on a parcel not received,
//!   and a notice saying from when, until when or why not;
//! - dispute start pages: a short guide for the choice the shopper is making;
//! - a dispute under way: the seller's days to answer and the escalation point, with dates.
//!
//! Everything here is data for the content script: marks, and widgets made of message keys
//! (extension/i18n/dispute_path). No page text is used except a control's own label, passed as
//! text for the UI to quote.

use crate::read::locales::ControlKind;
use crate::read::page_kind::{split_url, Layout, PageKind};
use crate::read::reading::Control;
use crate::rules::dispute_window::{earliest_opening, reason_message, stated_return_days, DisputeState, DisputeWindow, Reason};
use crate::rules::order_timeline;
use crate::rules::settings::Settings;
use crate::wire::bounds::add_days;
use crate::wire::order::{Order, Status};
use crate::wire::page_plan::{Arg, Link, Message, Op, Place, Tone, Widget};
use crate::wire::snapshot::NodeId;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// An order on the page with its window.
pub struct PathOrder<'a> {
    /// The order's root element (card or main block).
    pub root: NodeId,
    /// Its tag name: a card that is itself a link gets its badge beside it, not inside.
    pub root_tag: &'a str,
    /// What this page says, and the window from that alone (marks and highlights follow it).
    pub order: &'a Order,
    pub window: &'a DisputeWindow,
    /// The order with what earlier pages said too, its window and when it was last seen there,
    /// when that says more than this page (a list card shows no shipment date).
    pub remembered: Option<(&'a Order, &'a DisputeWindow, NaiveDate)>,
}

/// A control with the order it acts on (index into `orders`) and its label as shown.
pub struct PathControl<'a> {
    pub control: &'a Control,
    pub order: Option<usize>,
    pub label: String,
}

pub struct PathPage<'a> {
    pub kind: PageKind,
    pub layout: Layout,
    pub url: &'a str,
    /// A read of the whole page (page-level widgets are placed only then).
    pub full: bool,
    /// The body (first root) of a full read.
    pub body: Option<NodeId>,
    pub orders: Vec<PathOrder<'a>>,
    pub controls: Vec<PathControl<'a>>,
    pub today: NaiveDate,
    pub settings: &'a Settings,
}

pub const HIGHLIGHT_OPEN_DISPUTE: &str = "open-dispute";
pub const HIGHLIGHT_EXTEND_PROTECTION: &str = "extend-protection";

/// The highlight a control deserves for its order's window, if any.
pub fn highlight(kind: ControlKind, window: &DisputeWindow) -> Option<&'static str> {
    match kind {
        ControlKind::OpenDispute | ControlKind::ReturnsRefunds if window.state.is_open() => Some(HIGHLIGHT_OPEN_DISPUTE),
        ControlKind::ExtendProtection if window.extension_worthy => Some(HIGHLIGHT_EXTEND_PROTECTION),
        _ => None,
    }
}

pub fn ops(page: &PathPage<'_>) -> Vec<Op> {
    let mut ops = vec![];
    // Each switched off in the options, each on its own (`Settings`): the lit path (highlights,
    // notices, guides), the list badges, the order's timeline.
    let (path, badges, pictured) = (page.settings.dispute_path, page.settings.list_badges, page.settings.timeline);
    // Highlights, and which order each highlighted control belongs to (for the notice's words).
    let mut lit: HashMap<(usize, &'static str), String> = HashMap::new();
    for c in page.controls.iter().filter(|_| path) {
        let Some(i) = c.order.filter(|_| !c.control.disabled) else { continue };
        if let Some(h) = highlight(c.control.kind, page.orders[i].window) {
            let mut attrs = BTreeMap::new();
            attrs.insert("data-dg-highlight".to_string(), h.to_string());
            ops.push(Op::Mark { node: c.control.node, attrs });
            lit.entry((i, h)).or_insert_with(|| c.label.clone());
        }
    }
    match page.kind {
        PageKind::OrderList => {
            for o in page.orders.iter().filter(|_| badges) {
                let place = if o.root_tag == "a" { Place::After } else { Place::Append };
                ops.push(Op::Mount { node: o.root, place, ui: list_badge(page, o) });
            }
        }
        PageKind::OrderDetail | PageKind::DisputeDetail | PageKind::Tracking => {
            for (i, o) in page.orders.iter().enumerate() {
                let place = if o.root_tag == "a" { Place::Before } else { Place::Prepend };
                let labels = (lit.get(&(i, HIGHLIGHT_OPEN_DISPUTE)), lit.get(&(i, HIGHLIGHT_EXTEND_PROTECTION)));
                // The timeline goes in the notice; without the notice, on its own in its place.
                let picture = pictured.then(|| order_timeline::timeline(o.order, o.window, page.today));
                let ui = if path {
                    Some(Widget { timeline: picture, ..detail_notice(page, o, labels) })
                } else {
                    picture.map(|t| Widget { timeline: Some(t), ..Widget::new("order-timeline", Tone::Info, vec![]) })
                };
                ops.extend(ui.map(|ui| Op::Mount { node: o.root, place, ui }));
            }
            if page.kind == PageKind::DisputeDetail && page.orders.is_empty() && path {
                if let Some(body) = page.body.filter(|_| page.full) {
                    ops.push(Op::Mount { node: body, place: Place::Prepend, ui: timeline(page.settings, None, None) });
                }
            }
        }
        PageKind::DisputeStart => {
            if let Some(body) = page.body.filter(|_| page.full && path) {
                let order = page.orders.first();
                ops.push(Op::Mount { node: body, place: Place::Prepend, ui: start_guide(page, order) });
            }
        }
        PageKind::Other => {}
    }
    ops
}

/// The day count and date of an open window, said the way a person would (today, tomorrow, in
/// N days): also spares every language its plural forms for 0 and 1.
fn open_headline(w: &DisputeWindow, c: NaiveDate) -> Message {
    match w.days_left.unwrap_or(0) {
        0 => Message::with("pathOpenToday", vec![Arg::Date(c)]),
        1 => Message::with("pathOpenTomorrow", vec![Arg::Date(c)]),
        n => Message::with("pathOpenUntil", vec![Arg::Date(c), Arg::Number(n)]),
    }
}

/// The state in one line: what the shopper can do and when.
fn headline(o: &Order, w: &DisputeWindow, settings: &Settings) -> Message {
    match (w.state, w.closes) {
        (DisputeState::Open | DisputeState::ClosingSoon, Some(c)) => open_headline(w, c),
        (DisputeState::TooEarly, _) => match (w.opens, earliest_opening(o, settings)) {
            (Some(d), _) => Message::with("pathTooEarlyFrom", vec![Arg::Date(d)]),
            (None, Some(d)) if o.status != Status::AwaitingShipment => Message::with("pathTooEarlyNotBefore", vec![Arg::Date(d)]),
            _ => Message::new("pathTooEarly"),
        },
        // (Decided: closed by the decision, not on the window's usual last day.)
        (DisputeState::Closed, Some(c)) if w.reason != Reason::DisputeDecided => Message::with("pathClosedOn", vec![Arg::Date(c)]),
        (DisputeState::Closed, _) => Message::new("pathClosed"),
        (DisputeState::InProgress, _) => Message::new("pathInProgress"),
        (DisputeState::NotApplicable, _) => Message::new("pathNotApplicable"),
        _ => Message::new("pathUnknown"),
    }
}

fn tone(w: &DisputeWindow) -> Tone {
    match w.state {
        DisputeState::ClosingSoon => Tone::Warn,
        _ if w.extension_worthy => Tone::Warn,
        DisputeState::Open => Tone::Good,
        _ => Tone::Info,
    }
}

/// "Estimated" whenever the date the headline gives rests on a default rather than the page.
fn estimated(w: &DisputeWindow) -> Option<Message> {
    let shows_closes = matches!(w.state, DisputeState::Open | DisputeState::ClosingSoon | DisputeState::Closed) && w.closes.is_some();
    (shows_closes && w.closes_estimated).then(|| Message::new("pathEstimated"))
}

fn extension_line(w: &DisputeWindow) -> Option<Message> {
    let p = w.protection_ends.filter(|_| w.extension_worthy)?;
    Some(Message::with(if w.protection_estimated { "pathExtendEstimated" } else { "pathExtend" }, vec![Arg::Date(p)]))
}

/// The order's detail page on the site the shopper is on. Shapes from SOURCES.md section 1.
pub fn detail_url(page_url: &str, layout: Layout, order: &Order) -> Option<String> {
    if let Some(u) = &order.detail_url {
        return Some(u.clone());
    }
    let scheme = page_url.split_once("://")?.0;
    let host = split_url(page_url)?.host;
    let path = match layout {
        Layout::Current | Layout::Mobile => format!("/p/order/detail.html?orderId={}", order.id),
        Layout::Legacy => format!("/order_detail.htm?orderId={}", order.id),
        Layout::Ru => format!("/order-list/{}", order.id),
    };
    Some(format!("{scheme}://{host}{path}"))
}

fn list_badge(page: &PathPage<'_>, o: &PathOrder<'_>) -> Widget {
    let (order, w) = o.remembered.map(|(order, w, _)| (order, w)).unwrap_or((o.order, o.window));
    let mut lines = vec![headline(order, w, page.settings), reason_message(order, w, page.settings)];
    lines.extend(extension_line(w));
    let mut badge = Widget::new("order-badge", tone(w), lines);
    badge.notes.extend(estimated(w));
    if let Some((_, _, seen)) = o.remembered {
        badge.notes.push(Message::with("pathRemembered", vec![Arg::Date(seen)]));
    }
    badge.state = Some(w.state.as_str().to_string());
    // Where the dispute starts, or where the missing dates are.
    let worth_a_link = w.state.is_open() || w.state == DisputeState::Unknown || w.extension_worthy;
    if worth_a_link {
        if let Some(href) = detail_url(page.url, page.layout, order) {
            let key = if w.state.is_open() { "pathLinkOpenDispute" } else { "pathLinkDetails" };
            badge.links.push(Link { key: key.into(), href });
        }
    }
    badge
}

fn detail_notice(page: &PathPage<'_>, o: &PathOrder<'_>, labels: (Option<&String>, Option<&String>)) -> Widget {
    let w = o.window;
    if w.state == DisputeState::InProgress {
        return timeline(page.settings, Some(o.order), Some(w));
    }
    let mut lines = vec![headline(o.order, w, page.settings), reason_message(o.order, w, page.settings)];
    if let Some(label) = labels.0 {
        lines.push(Message::with("pathUseButton", vec![Arg::Text(label.clone())]));
    }
    if let (Some(days), Some(done)) = (stated_return_days(o.order), o.order.completed) {
        let until = add_days(done, days as i64);
        if let Some(until) = until.filter(|u| *u >= page.today) {
            lines.push(Message::with("pathReturnWindow", vec![Arg::Number(days as i64), Arg::Date(until)]));
        }
    }
    if let Some(line) = extension_line(w) {
        lines.push(line);
        if let Some(label) = labels.1 {
            lines.push(Message::with("pathUseButton", vec![Arg::Text(label.clone())]));
        }
    }
    let mut notice = Widget::new("dispute-notice", tone(w), lines);
    notice.notes.extend(estimated(w));
    notice.state = Some(w.state.as_str().to_string());
    notice
}

/// A dispute under way: the seller's days to answer and when to escalate, with dates when the
/// page says when the dispute was opened.
pub fn timeline(settings: &Settings, order: Option<&Order>, w: Option<&DisputeWindow>) -> Widget {
    let p = &settings.policy;
    let (answer, escalate) = (p.seller_response_days as i64, p.escalation_days as i64);
    let mut lines = vec![Message::new("pathInProgress")];
    match order.and_then(|o| o.dispute_opened) {
        Some(opened) => {
            lines.push(Message::with("pathTimelineOpened", vec![Arg::Date(opened)]));
            if let Some(by) = add_days(opened, answer) {
                lines.push(Message::with("pathTimelineSeller", vec![Arg::Number(answer), Arg::Date(by)]));
            }
            if let Some(from) = add_days(opened, escalate) {
                lines.push(Message::with("pathTimelineEscalate", vec![Arg::Date(from), Arg::Number(escalate)]));
            }
        }
        None => {
            lines.push(Message::with("pathTimelineSellerNoDate", vec![Arg::Number(answer)]));
            lines.push(Message::with("pathTimelineEscalateNoDate", vec![Arg::Number(escalate)]));
        }
    }
    lines.push(Message::new("pathTimelineTip"));
    let mut widget = Widget::new("dispute-timeline", Tone::Info, lines);
    widget.state = w.map(|w| w.state.as_str().to_string()).or(Some(DisputeState::InProgress.as_str().into()));
    widget
}

/// "Have you received your package?": which answer fits, and what to have ready.
fn start_guide(page: &PathPage<'_>, order: Option<&PathOrder<'_>>) -> Widget {
    let mut lines = vec![Message::new("pathGuideTitle"), Message::new("pathGuideNotReceived"), Message::new("pathGuideReceived")];
    if let Some(o) = order {
        lines.push(headline(o.order, o.window, page.settings));
    }
    lines.push(Message::new("pathGuideTips"));
    Widget::new("dispute-guide", Tone::Info, lines)
}

#[cfg(test)]
mod tests;
