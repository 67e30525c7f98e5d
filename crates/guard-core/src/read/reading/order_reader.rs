//! What one order's element says about it, read the same way in every layout: the layout gives
//! its hooks (classes, `data-testid`s); labels, phrases and dates come from the language tables;
//! ids come from links and attributes before text.
//!
//! One walk over the order's subtree gathers the evidence, one search over its text finds the
//! phrases ("Refund if no delivery before …"), then the evidence is weighed: two different ids
//! drop the order, unknown or conflicting labels give `unknown`, unreadable dates stay absent.

use super::status::{self, Signals, WordSource};
use super::{controls, note, roots, short_text, OrderReading, Page, PageReading};
use crate::read::countdown::{self, Countdown};
use crate::read::dates::{find_date, parse_date_exact, parse_date_prefix};
use crate::read::locales::families::{self, Action, DateKind, Idea};
use crate::read::locales::{self, ControlKind, Field, Lang, Term};
use crate::read::money;
use crate::read::page_kind::{detail_url, order_id_in_link, PageKind};
use crate::wire::order::{is_order_id, DisputeProgress, Item, Order, ProtectionSource, StatedWindow, Status};
use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::NodeId;
use crate::wire::text::{collapse_ws, holds};
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeSet, HashMap};

/// An element found by its class, optionally only inside an ancestor with another class
/// (legacy `.first-row .info-body`).
#[derive(Clone, Copy)]
pub struct ClassHook {
    pub within: Option<&'static str>,
    pub class: &'static str,
}

pub const fn class(class: &'static str) -> ClassHook {
    ClassHook { within: None, class }
}

pub const fn class_within(within: &'static str, class: &'static str) -> ClassHook {
    ClassHook { within: Some(within), class }
}

/// A layout's hooks inside an order's element. Each layout module documents their sources.
pub struct Hooks {
    /// The status label ("Awaiting delivery").
    pub status: &'static [ClassHook],
    /// The store's name.
    pub store: &'static [ClassHook],
    /// The order total ("Total:US $7.98").
    pub total: &'static [ClassHook],
    /// An item's title (its `title` attribute or text); the quantity ("x2") is near it.
    pub item_name: &'static [ClassHook],
    /// An element whose text is the order id.
    pub id_text: &'static [ClassHook],
    /// An element whose text is the order date.
    pub placed: &'static [ClassHook],
    /// `data-testid` values of elements whose text is the order id.
    pub id_testids: &'static [&'static str],
    /// `data-testid` values of the store's element.
    pub store_testids: &'static [&'static str],
}

/// Attributes whose value is the order id (SOURCES.md section 4: `button[orderid]`,
/// `tbody[data-orderid]`; `data-order-id`: team).
const ID_ATTRS: &[&str] = &["orderid", "data-orderid", "data-order-id"];

/// The order ids an element's attributes hold: the id attributes above, what a copy control
/// copies ("<button data-clipboard-text=8204…>Copy</button>" beside a masked number), and a key
/// that names an order and ends with its id (`data-key="pc_om_list_order_8177…"`; blind round
/// twenty-two). Not a link: its address is read as one.
fn ids_in_attrs<'t>(tree: &'t PageTree<'_>, n: NodeId) -> impl Iterator<Item = &'t str> {
    tree.attrs(n).filter(|(a, _)| *a != "href" && *a != "src").filter_map(|(a, v)| {
        let v = v.trim();
        let named = ID_ATTRS.contains(&a) || a.contains("clipboard") || a.contains("copy");
        if named && is_order_id(v) {
            return Some(v);
        }
        // ("…order…_<id>": the last part after a separator, in a value that says "order".)
        let last = v.rsplit(['_', '-', ':', '/', '=', '.']).next()?;
        (last.len() < v.len() && is_order_id(last) && v.to_ascii_lowercase().contains("order")).then_some(last)
    })
}

/// Longest store name, item title or status text kept.
const MAX_TEXT: usize = 300;

/// Up to `k` ancestors of `n` (not `n`), nearest first, never above `root`.
fn ancestors_within(tree: &PageTree<'_>, n: NodeId, root: NodeId, k: usize) -> Vec<NodeId> {
    let mut out = Vec::new();
    if n == root {
        return out;
    }
    for a in tree.ancestors_or_self(n).skip(1).take(k) {
        out.push(a);
        if a == root {
            break;
        }
    }
    out
}

fn hook_matches(tree: &PageTree<'_>, n: NodeId, root: NodeId, hooks: &[ClassHook]) -> bool {
    hooks.iter().any(|h| tree.has_class(n, h.class) && h.within.is_none_or(|w| ancestors_within(tree, n, root, 4).into_iter().any(|a| tree.has_class(a, w))))
}

/// The phrases searched in an order's text, for the page language (every language when it
/// is not known).
pub fn phrases(lang: Option<Lang>) -> Vec<(Term, Lang, String)> {
    let mut out = locales::words_of(lang, |t| {
        matches!(t, Term::Field(Field::RefundIfNoDelivery | Field::DoesNotArrive) | Term::Window(..) | Term::Economy | Term::CountdownLabel | Term::Dispute(_))
    });
    // Shipping methods keep their English names on every interface ("Cainiao Super Economy
    // Global" on a French page).
    if lang.is_some_and(|l| l != Lang::En) {
        out.extend(locales::words_of(Some(Lang::En), |t| matches!(t, Term::Economy)));
    }
    out
}

#[derive(Default)]
enum DateSlot {
    #[default]
    Unread,
    Read(NaiveDate),
    /// Different dates for the same fact (the earliest and the latest): neither is trusted.
    Conflict(NaiveDate, NaiveDate),
}

impl DateSlot {
    fn put(&mut self, d: NaiveDate) {
        *self = match self {
            DateSlot::Unread => DateSlot::Read(d),
            DateSlot::Read(x) if *x == d => DateSlot::Read(d),
            DateSlot::Read(x) => DateSlot::Conflict((*x).min(d), (*x).max(d)),
            DateSlot::Conflict(a, b) => DateSlot::Conflict((*a).min(d), (*b).max(d)),
        }
    }
    /// The earliest and the latest of different dates read for the same fact.
    fn between(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            DateSlot::Conflict(a, b) => Some((*a, *b)),
            _ => None,
        }
    }
    /// The earliest and the latest date read, whether one or several.
    fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            DateSlot::Unread => None,
            DateSlot::Read(d) => Some((*d, *d)),
            DateSlot::Conflict(a, b) => Some((*a, *b)),
        }
    }
    fn get(&self) -> Option<NaiveDate> {
        match self {
            DateSlot::Read(d) => Some(*d),
            _ => None,
        }
    }
}

/// What one walk over an order's subtree found.
#[derive(Default)]
struct Scan {
    ids: BTreeSet<String>,
    status_el: Option<NodeId>,
    status_code: Option<(Status, String)>,
    label_statuses: Vec<(Term, String)>,
    placed: DateSlot,
    paid: DateSlot,
    shipped: DateSlot,
    /// Shipment dates labelled by words no table lists, or by a step's status word: used when
    /// no table's field label names the shipment.
    shipped_by_words: DateSlot,
    /// Of those, the days a label naming the seller gives ("The seller confirmed shipment on").
    shipped_by_seller: DateSlot,
    /// The first day a dispute may be opened, as the page states it.
    dispute_opens: DateSlot,
    /// Dates of a parcel's way that name no shipment ("In transit", "Departed from the transit
    /// hub"): the shipment's only when no label names one.
    in_transit: DateSlot,
    /// Handed over to the carrier: before the other steps of the way.
    handed_over: DateSlot,
    completed: DateSlot,
    unreadable: Vec<String>,
    /// The labels of dates read in the order's texts (see `date_by_shape`).
    date_labels: Vec<String>,
    store_el: Option<NodeId>,
    store_link: Option<NodeId>,
    total_el: Option<NodeId>,
    total_line: Option<String>,
    item_names: Vec<NodeId>,
    item_links: Vec<(NodeId, String)>,
    lefttime: Option<String>,
    remain_day: Option<NodeId>,
    remain_hour: Option<NodeId>,
    /// What the order's controls offer (for its status).
    actions: Vec<Action>,
    /// Dates with no label, or a label that names no fact: a lone one is the order date.
    loose_dates: Vec<NaiveDate>,
    /// Ids printed with no label: used only when nothing surer names the order.
    loose_ids: BTreeSet<String>,
    /// Short texts no table knows whose word family names a status.
    family_statuses: Vec<(crate::wire::order::Status, String)>,
    /// Longer phrases (six to eight words) whose family names a status ("El vendedor está
    /// preparando tu paquete"): heard only when no shorter text names one.
    phrase_statuses: Vec<(crate::wire::order::Status, String)>,
    /// The status a progress stepper's current step names: the order's status element in all
    /// but name.
    step_status: Option<(crate::wire::order::Status, String)>,
    /// The end of protection a date's own label states (the earliest).
    limit: Option<(NaiveDate, ProtectionSource)>,
    /// Elements whose attributes name them the status (`named_status`).
    named_status: Vec<NodeId>,
    /// The element a label names as the status ("Status" | "Paczka w drodze"): the status
    /// element when no hook names one.
    labelled_status: Option<NodeId>,
}

/// Every node of the snapshot's full subtrees that names an order: a link to one of its pages,
/// an id attribute, an order-number element. For finding cards without a class hook.
pub fn id_evidence(page: &Page<'_, '_>, hooks: &Hooks) -> Vec<(NodeId, String)> {
    let tree = page.tree;
    let mut out = Vec::new();
    for root in tree.roots() {
        for n in std::iter::once(root).chain(tree.descendants(root)) {
            if tree.is_text(n) {
                // An id printed with an order-number label in any wording, or alone in groups.
                if let Some((id, _)) = id_in_own_text(page, tree.own_text(n)) {
                    out.push((n, id));
                }
                continue;
            }
            if let Some(id) = tree.attr(n, "href").and_then(order_id_in_link) {
                out.push((n, id));
            }
            for v in ids_in_attrs(tree, n) {
                out.push((n, v.to_string()));
            }
            if tree.attr(n, "data-testid").is_some_and(|t| hooks.id_testids.contains(&t)) {
                if let Some(id) = short_text(tree, n, 120, 20).and_then(|t| id_in_hooked_text(&t)) {
                    out.push((n, id));
                }
            }
        }
    }
    out
}

/// On a detail page, the nodes that say something about its order: its ids, the status, the
/// labelled facts and the phrases. Their common ancestor is the order's element when the layout
/// has no hook for it.
pub fn detail_evidence(page: &Page<'_, '_>, hooks: &Hooks) -> Vec<NodeId> {
    let tree = page.tree;
    let mut out: Vec<NodeId> = Vec::new();
    for root in tree.roots() {
        for n in std::iter::once(root).chain(tree.descendants(root)) {
            if tree.is_text(n) {
                let text = tree.own_text(n);
                if text.len() > 400 {
                    continue;
                }
                let labelled = locales::line_starts(text).iter().any(|(t, _, _)| matches!(t, Term::Field(f) if *f != Field::Total));
                let status = matches!(locales::term(text, page.lang), Some(Term::Status(_) | Term::Dispute(_)))
                    || is_status_like(text) && families::status_of(text, page.lang).is_some();
                let phrase = || {
                    let norm = locales::normalise(text);
                    page.phrases.iter().any(|(t, _, p)| match t {
                        Term::Window(..) => p.split_once("{n}").is_some_and(|(pre, _)| holds(&norm, pre)),
                        Term::Economy => false,
                        _ => holds(&norm, p),
                    })
                };
                if labelled || status || phrase() {
                    out.push(n);
                }
                continue;
            }
            let names_the_order = |id: &str| page.page_order.as_deref().is_none_or(|p| p == id);
            let id_here = tree.attr(n, "href").and_then(order_id_in_link).is_some_and(|id| names_the_order(&id))
                || ids_in_attrs(tree, n).any(names_the_order)
                || tree.attr(n, "data-testid").is_some_and(|t| hooks.id_testids.contains(&t))
                || tree.attr(n, "data-status").is_some()
                || matches!(tree.attr(n, "id"), Some("remain-day" | "remain-hour"))
                || hook_matches(tree, n, root, hooks.status)
                || icon_status(page, n).is_some();
            if id_here {
                out.push(n);
            }
        }
    }
    out
}

/// Every order card of a list page: the outermost elements `is_card` names or, on a whole page
/// where none does (the site changed its classes), the elements holding the order ids the page
/// links to. Cards naming two different orders are not read, with a note.
pub fn read_cards(page: &Page<'_, '_>, is_card: impl Fn(NodeId) -> bool, hooks: &Hooks, reading: &mut PageReading) {
    let tree = page.tree;
    let mut cards = roots::outermost(tree, is_card);
    if !cards.is_empty() && page.whole {
        note(reading, format!("{} order card(s) found by the layout's card hook", cards.len()));
    }
    // (On a partial read, only when the whole page's were found so: the cards a load-more adds.)
    if cards.is_empty() && (page.whole || page.cards_by_ids) {
        let found = roots::by_ids(tree, &id_evidence(page, hooks));
        cards = found.cards.into_iter().map(|(n, _)| n).collect();
        reading.cards_by_ids = true;
        if !cards.is_empty() && page.whole {
            note(reading, "no order card carries its usual class: cards found from the ids they link to".into());
        }
        if found.dropped > 0 {
            note(reading, format!("{} part(s) of order cards naming two different orders: not read", found.dropped));
        }
    }
    // (Cards come in document order: another card inside the same wrapper is a neighbour.)
    let neighbours = |k: usize| [k.checked_sub(1).and_then(|j| cards.get(j)), cards.get(k + 1)].into_iter().flatten().copied();
    for card in cards.iter().enumerate().map(|(k, &c)| with_its_controls(tree, c, neighbours(k))) {
        if let Some(order) = read_order(page, card, hooks, reading) {
            reading.orders.push(OrderReading { root: card, order });
        }
    }
}

/// A card that is a link holds no buttons (a link may not hold controls): they sit beside it,
/// in the element that wraps the card alone ("<div><a class=order-item>…</a><div
/// class=order-item-btns>…</div></div>", the mobile list). That element is then the card.
fn with_its_controls(tree: &PageTree<'_>, card: NodeId, mut neighbours: impl Iterator<Item = NodeId>) -> NodeId {
    // (Only an element the snapshot holds in full: a partial read's ancestors are context.)
    let Some(parent) = tree.parent(card).filter(|&p| tree.tag(card) == "a" && tree.is_full(p)) else { return card };
    let alone = !neighbours.any(|o| tree.ancestors_or_self(o).any(|a| a == parent));
    let small = tree.descendants(parent).nth(400).is_none();
    let beside = tree.children(parent).iter().any(|&c| c != card && tree.descendants(c).any(|x| controls::is_clickable(tree, x)));
    if alone && small && beside && tree.tag(parent) != "body" {
        parent
    } else {
        card
    }
}

/// Reads the order held by `root`. `None` when it has no id, or two different ones.
pub fn read_order(page: &Page<'_, '_>, root: NodeId, hooks: &Hooks, reading: &mut PageReading) -> Option<Order> {
    let tree = page.tree;
    let mut s = Scan::default();
    if let Some(id) = &page.page_order {
        s.ids.insert(id.clone());
    }
    scan(page, root, hooks, &mut s);
    if page.kind == PageKind::OrderDetail && page.whole {
        controls_outside(page, root, &mut s.actions);
    }
    let id = match s.ids.len() {
        1 => s.ids.iter().next()?.clone(),
        // Nothing surer names the order: the one id printed alone, if there is only one.
        0 if s.loose_ids.len() == 1 => s.loose_ids.iter().next()?.clone(),
        0 => return None,
        _ => {
            let ids: Vec<&str> = s.ids.iter().map(String::as_str).collect();
            note(reading, format!("an order shows different ids ({}): not read", ids.join(", ")));
            return None;
        }
    };
    let mut order = Order { id, ..Default::default() };
    order.placed = s.placed.get();
    order.paid = s.paid.get();
    // A tracking list's later steps ("Departed from the transit hub") follow the shipment
    // ("Seller shipped the order"): they stand in for it only when nothing names it.
    // A date under a table's field label ("Shipment completed on") outranks the steps read by
    // their words ("Package shipped out from warehouse", days later).
    // But a step that says the order was shipped before the field's day contradicts it (nothing
    // ships before it is shipped): both days stand, as for parcels shipped apart.
    // So does the seller's shipment on another day than the field's, later or not.
    if let (Some((first, last)), Some((words_first, _))) = (s.shipped.range(), s.shipped_by_words.range()) {
        if words_first < first {
            s.shipped.put(words_first);
        }
        if let Some((a, b)) = s.shipped_by_seller.range() {
            if a != first || b != last {
                s.shipped.put(a);
                s.shipped.put(b);
            }
        }
    }
    let shipped =
        [&s.shipped, &s.shipped_by_words, &s.handed_over, &s.in_transit].into_iter().find(|d| !matches!(d, DateSlot::Unread)).unwrap_or(&s.in_transit);
    order.shipped = shipped.get();
    // Packages shipped on different days ("Посылка 1 из 2 … Отправлена 12 мая").
    order.shipped_between = shipped.between();
    order.completed = s.completed.get();
    order.dispute_opens = s.dispute_opens.get();
    // (Only a live control: action_of_control leaves out what the page has switched off.)
    order.dispute_offered = s.actions.contains(&Action::OpenDispute);
    // A lone date that no label names is the order's date (the order comes first: it is never
    // later than any other date of the order, nor in the future).
    if order.placed.is_none() && !matches!(s.placed, DateSlot::Conflict(..)) {
        let mut loose = s.loose_dates.clone();
        crate::wire::bounds::sort_by_number(&mut loose, |d| crate::wire::bounds::signed_key(crate::wire::bounds::day_number(*d)));
        loose.dedup();
        if let [d] = loose.as_slice() {
            let first = [order.paid, order.shipped, order.completed].iter().flatten().all(|x| d <= x);
            if first && *d <= page.today {
                order.placed = Some(*d);
                note(reading, format!("order {}: a date with no known label read as the order date", order.id));
            }
        }
    }
    read_status(page, root, &s, &mut order, reading);
    for what in &s.unreadable {
        note(reading, format!("order {}: {what}", order.id));
    }
    let text = locales::normalise(&tree.text(root));
    read_phrases(page, &text, &mut order);
    // A dispute the page says is decided, in words no table lists ("Спор закрыт в пользу
    // продавца"): it cannot be reopened. Not beside a dispute the status says is under way (an
    // earlier one, closed, and a new one open).
    if order.dispute.is_none() && order.status != Status::Dispute {
        match dispute_outcome_in(page, root, &text) {
            Some((families::Outcome::Decided, said)) => {
                order.dispute = Some(DisputeProgress::Decided);
                note(reading, format!("order {}: the dispute is over and decided ({:?}): none can be opened again", order.id, clip(said)));
            }
            Some((families::Outcome::Cancelled, said)) => {
                order.dispute = Some(DisputeProgress::Cancelled);
                note(
                    reading,
                    format!("order {}: the shopper cancelled the dispute ({:?}): it may be opened again while protection lasts", order.id, clip(said)),
                );
            }
            None => {}
        }
    }
    // The end of protection as the page states it: a table's phrase, else a sentence no table
    // lists, else a date labelled as such; two statements of different kinds that disagree
    // ("Refund if not delivered before 12 Dec" and "protection active until 30 Dec") leave it
    // unknown.
    let stated: Vec<(NaiveDate, ProtectionSource)> =
        order.protection_ends.zip(order.protection_source).into_iter().chain(limit_sentences(page, root)).chain(s.limit).collect();
    if stated.iter().any(|(d, k)| stated.iter().any(|(e, l)| k != l && (*d - *e).num_days().abs() > 1)) {
        note(reading, format!("order {}: two statements of the end of protection disagree: end unknown", order.id));
        order.protection_ends = None;
        order.protection_source = Some(ProtectionSource::Contradicted);
    } else if let Some((d, source)) = stated.first() {
        order.protection_ends = Some(*d);
        order.protection_source = Some(*source);
    }
    if order.stated_windows.is_empty() {
        read_window_sentences(page, root, &mut order);
    }
    if read_countdowns(page, &s, root, &text, &mut order) {
        note(reading, format!("order {}: the protection countdown and the stated end of protection disagree: end unknown", order.id));
    }
    order.store = s.store_el.or(s.store_link).map(|n| clip(&tree.text(n))).filter(|t| !t.is_empty());
    order.total = s
        .total_el
        .map(|n| tree.text(n))
        .map(|t| match locales::field_line_in(&t, page.lang) {
            Some((Field::Total, _, rest)) => rest,
            _ => t,
        })
        .or(s.total_line.clone())
        .and_then(|t| money::parse_money(&t))
        .map(|m| m.shown);
    order.items = read_items(tree, root, &s);
    order.detail_url = detail_url(page.layout, page.url, &order.id);
    Some(order)
}

fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((i, _)) => text[..i].to_string(),
        None => text.to_string(),
    }
}

fn scan(page: &Page<'_, '_>, root: NodeId, hooks: &Hooks, s: &mut Scan) {
    let tree = page.tree;
    for n in std::iter::once(root).chain(tree.descendants(root)) {
        if tree.is_text(n) {
            scan_text(page, root, n, s);
            continue;
        }
        if let Some(id) = tree.attr(n, "href").and_then(order_id_in_link) {
            s.ids.insert(id);
        }
        for v in ids_in_attrs(tree, n) {
            s.ids.insert(v.to_string());
        }
        if let Some(a) = (n != root).then(|| action_of_control(page, n)).flatten() {
            if !s.actions.contains(&a) {
                s.actions.push(a);
            }
        }
        if s.status_code.is_none() {
            if let Some(code) = tree.attr(n, "data-status") {
                if let Some(st) = super::legacy::status_code(code) {
                    s.status_code = Some((st, code.to_string()));
                }
            }
        }
        let testid = tree.attr(n, "data-testid");
        let id_testid = testid.is_some_and(|t| hooks.id_testids.contains(&t));
        if id_testid || hook_matches(tree, n, root, hooks.id_text) {
            if let Some(id) = short_text(tree, n, 120, 20).and_then(|t| id_in_hooked_text(&t)) {
                s.ids.insert(id);
            }
        }
        if id_testid {
            if let Some(d) = dated_from(page, root, n) {
                s.placed.put(d);
            }
        }
        // A date said only in a tooltip ("<span title="Order date: Thu 3 Dec 2026, 23:41">
        // <svg/></span>", a stepper's "<li title="Shipped 17 October, 18:40">Shipped</li>", a
        // greyed control's wrapper saying from when a dispute may be opened): read as the
        // element's text (blind round twenty-two).
        if let Some(tip) = tooltip_date(page, root, n) {
            date_by_shape(page, root, n, tip, s);
        }
        if s.status_el.is_none() && hook_matches(tree, n, root, hooks.status) {
            s.status_el = Some(n);
        }
        // A value labelled as the status ("<dt>Status</dt><dd>Paczka w drodze</dd>", "Estado:
        // Enviado"): the order's status element in all but name, unless a hook names one.
        if s.labelled_status.is_none() {
            s.labelled_status = labelled_status(page, n);
        }
        // An element named for the status in its attributes ("orderStatus", "Card__status__5eF6"),
        // short: the status element of a layout no hook describes.
        if s.named_status.len() < 3 && named_status(tree, n) {
            s.named_status.push(n);
        }
        // An icon that says a state ("Refunded", "Unterwegs") beside the status words: a vote as
        // a short text would give (read_status weighs them).
        if let Some((st, label)) = icon_status(page, n).filter(|_| !in_control(page, root, n)) {
            if s.family_statuses.len() < 8 {
                s.family_statuses.push((st, label.to_string()));
            }
        }
        if s.store_el.is_none() && (testid.is_some_and(|t| hooks.store_testids.contains(&t)) || hook_matches(tree, n, root, hooks.store)) {
            s.store_el = Some(n);
        }
        if s.total_el.is_none() && hook_matches(tree, n, root, hooks.total) {
            s.total_el = Some(n);
        }
        if hook_matches(tree, n, root, hooks.item_name) {
            s.item_names.push(n);
        }
        if hook_matches(tree, n, root, hooks.placed) {
            if let Some(t) = short_text(tree, n, 80, 20) {
                match parse_date_exact(&t, &page.date_rules(None)) {
                    Some(d) => s.placed.put(d),
                    None if !t.is_empty() => s.unreadable.push(format!("order date {t:?} not understood")),
                    None => {}
                }
            }
        }
        if let Some(href) = tree.attr(n, "href") {
            let path = href.split(['?', '#']).next().unwrap_or("");
            if path.contains("/item/") {
                s.item_links.push((n, path.to_string()));
            } else if s.store_link.is_none() && path.contains("/store/") && short_text(tree, n, 300, 20).is_some_and(|t| !t.is_empty()) {
                s.store_link = Some(n);
            }
        }
        if s.lefttime.is_none() && tree.has_class(n, "left-sendgoods-day") {
            s.lefttime = tree.attr(n, "lefttime").map(str::to_string);
        }
        match tree.attr(n, "id") {
            Some("remain-day") => s.remain_day = Some(n),
            Some("remain-hour") => s.remain_hour = Some(n),
            _ => {}
        }
    }
}

/// aliexpress.ru writes the order date after the number: "Заказ № 5123… от 12 марта" (SOURCES.md
/// section 4; the year is left out for the current year). The date is read after the word
/// "от", in the order-number element or, when it is not there, in the text around it (up to
/// two levels up, while that text stays short).
fn dated_from(page: &Page<'_, '_>, root: NodeId, number: NodeId) -> Option<NaiveDate> {
    let tree = page.tree;
    std::iter::once(number)
        .chain(ancestors_within(tree, number, root, 2))
        .map_while(|n| short_text(tree, n, 200, 60))
        .find_map(|text| date_after_from(page, &locales::normalise(&text)))
}

fn date_after_from(page: &Page<'_, '_>, text: &str) -> Option<NaiveDate> {
    let words = locales::words_of(page.lang, |t| *t == Term::Field(Field::DatedFrom));
    for (_, lang, word) in &words {
        for (i, _) in text.match_indices(word.as_str()) {
            let before_ok = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = &text[i + word.len()..];
            if before_ok && after.starts_with(' ') {
                if let Some((d, _)) = parse_date_prefix(after, &page.date_rules(Some(*lang))) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// "8100000000000001", "№ 8100000000000001", "8100 0000 0000 0001" → the digits, when they make
/// an order id and nothing else is there.
/// The order id in the text of an element that holds the order's number, whatever else it
/// says ("Заказ 8123… от 6 марта", "Order 8123…"): its one run of digits shaped like an id.
fn id_in_hooked_text(text: &str) -> Option<String> {
    if let Some(id) = id_in_text(text) {
        return Some(id);
    }
    let mut found: Option<String> = None;
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let run: String = rest[at..].chars().take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '\u{a0}').collect();
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        rest = &rest[at + run.len()..];
        if digits.len() < 10 || !is_order_id(&digits) {
            continue;
        }
        match &found {
            Some(f) if *f != digits => return None,
            _ => found = Some(digits),
        }
    }
    found
}

fn id_in_text(text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches(['№', '#']).trim();
    let digits: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    is_order_id(&digits).then_some(digits)
}

fn scan_text(page: &Page<'_, '_>, root: NodeId, n: NodeId, s: &mut Scan) {
    let tree = page.tree;
    let text = tree.own_text(n);
    if text.len() > 300 {
        return;
    }
    let starts = locales::line_starts(text);
    let pick = starts
        .iter()
        .filter(|(t, _, _)| matches!(t, Term::Field(_)))
        .find(|(_, l, _)| Some(*l) == page.lang)
        .or_else(|| starts.iter().find(|(t, _, _)| matches!(t, Term::Field(_))));
    // A timeline's step names are also status words ("Отправлен" = shipped, and the day it was
    // shipped beside it): such a word is a date label only when a date follows it.
    // A progress stepper's steps other than the current one are no status ("Pedido feito ›
    // Pagamento aprovado › [O vendedor está preparando] › Pedido enviado").
    // (Asked only of texts that name a status, and once: it looks at the siblings.)
    let step_cell = std::cell::OnceCell::new();
    let step = || *step_cell.get_or_init(|| stepper_step(tree, root, n));
    let status = locales::term(text, page.lang).filter(|t| matches!(t, Term::Status(_) | Term::Dispute(_))).filter(|_| step() != Some(false));
    if let Some((Term::Field(field), lang, rest)) = pick {
        let value = if rest.trim().is_empty() {
            labelled_value(tree, root, n).or_else(|| parallel_value(tree, root, n)).unwrap_or_else(|| row_value(tree, root, n))
        } else {
            rest.to_string()
        };
        let rules = fact_rules(page, Some(*lang));
        // A date field's words with no date after them may be a status made of the same words
        // ("Payment time expired"; a heading "Получен", received): read as one, not as a date
        // that failed.
        let dated = matches!(field, Field::OrderDate | Field::PaidOn | Field::ShippedOn | Field::CompletedOn);
        // (Nor is a sentence beside a label alone its value: "Заказ завершён" over "Время на
        // подтверждение вышло: в 03:17, 29 ноября…, система засчитала получение за вас" is a
        // status, and the sentence's date is read by its own words; blind round twenty.)
        let sentence_beside = rest.trim().is_empty() && value.split_whitespace().count() > 8;
        let no_date = || sentence_beside || find_date(&value, &rules).is_none() && (rest.trim().is_empty() || !value.chars().any(|c| c.is_ascii_digit()));
        if dated && status.is_none() && no_date() {
            if let Some(st) = families::status_of(text, page.lang).filter(|_| step() != Some(false)) {
                if s.family_statuses.len() < 8 {
                    s.family_statuses.push((st, text.to_string()));
                }
                return;
            }
        }
        if let Some(t) = status {
            // On a list card a status word alone in its element is the card's status, whatever
            // date stands next to it (a card shows one date, the order's).
            let alone_on_card = rest.trim().is_empty() && page.kind == PageKind::OrderList;
            if alone_on_card || parse_date_prefix(&value, &rules).is_none() {
                s.label_statuses.push((t, text.to_string()));
                return;
            }
        }
        // The date after the label, or after a word or two between ("Отправлен продавцом
        // 8 ноября", "Shipped by seller on 3 Mar").
        let after_label = |value: &str| {
            parse_date_prefix(value, &rules).map(|(d, _)| d).or_else(|| {
                let (d, start, _) = crate::read::dates::find_date(value, &rules)?;
                // (A time of day may come first: "14:05, ср, 4 ноября 2026 г.".)
                let between: String = value[..start].split_whitespace().filter(|w| !is_time_of_day(w)).collect::<Vec<_>>().join(" ");
                (between.split_whitespace().count() <= 3 && !between.chars().any(|c| c.is_ascii_digit())).then_some(d)
            })
        };
        let date = |slot: &mut DateSlot, what: &str| match after_label(&value) {
            Some(d) => {
                slot.put(d);
                None
            }
            None if !value.trim().is_empty() => unreadable(what, &value),
            None => None,
        };
        let problem = match field {
            Field::OrderDate => date(&mut s.placed, "order date"),
            Field::PaidOn => date(&mut s.paid, "payment date"),
            Field::ShippedOn => date(&mut s.shipped, "shipment date"),
            Field::CompletedOn => date(&mut s.completed, "completion date"),
            // "от 12 марта": the order's date when a date follows; "от продавца" is no date.
            Field::DatedFrom => {
                if let Some((d, _)) = parse_date_prefix(&value, &rules) {
                    s.placed.put(d);
                }
                None
            }
            Field::OrderId => {
                if let Some(id) = leading_id(&value) {
                    s.ids.insert(id);
                    // "Заказ № 8123 … от 6 марта 2025 г.", "Order 8123… from Mar 6": the order's
                    // number, then its date (a short word between at most).
                    if let Some((d, start, _)) = crate::read::dates::find_date(&value, &rules) {
                        let between: String = value[..start].chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect();
                        if between.chars().count() <= 4 {
                            s.placed.put(d);
                        }
                    }
                }
                None
            }
            Field::Total => {
                if s.total_line.is_none() && !value.trim().is_empty() {
                    s.total_line = Some(value.clone());
                }
                None
            }
            _ => None,
        };
        if let Some(p) = problem {
            s.unreadable.push(p);
        }
        if *field != Field::OrderId {
            ids_beside(page, text, s);
        }
        return;
    }
    // The words after a date that opens its row are its label, not the order's status
    // ("<li><span>29. Okt. 2026</span> <small>versandt</small></li>").
    if (status.is_some() || is_status_like(text)) && labels_the_date_before(page, root, n) {
        return;
    }
    if let Some(t) = status {
        if step() == Some(true) && s.step_status.is_none() {
            s.step_status = term_status(t).map(|st| (st, text.to_string()));
        }
        s.label_statuses.push((t, text.to_string()));
        return;
    }
    if in_control(page, root, n) {
        return;
    }
    if date_by_shape(page, root, n, text, s) {
        ids_beside(page, text, s);
        return;
    }
    if id_by_shape(page, root, n, text, s) {
        return;
    }
    // A short text no table knows, made of status words ("Livrée", "Order in transit"); not a
    // sentence ("Pick up your parcel and confirm receipt.").
    // (The current step may say it in a sentence: "O vendedor está preparando seu pedido".)
    let short = is_status_like(text);
    let current = || step() == Some(true);
    if short || text.split_whitespace().count() <= 10 && !text.chars().any(|c| c.is_ascii_digit()) && current() {
        // (A status and a request: "Zugestellt · Bitte Erhalt bestätigen" is delivered.)
        let head = status_then_request(text, page.lang).and_then(|h| families::status_of(h, page.lang));
        if let Some(st) = head.or_else(|| families::status_of(text, page.lang)) {
            let step = step();
            if step == Some(false) {
                return;
            }
            if step == Some(true) && s.step_status.is_none() {
                s.step_status = Some((st, text.to_string()));
            }
            if s.family_statuses.len() < 8 {
                s.family_statuses.push((st, text.to_string()));
            }
        }
    } else if is_status_phrase(text) && s.phrase_statuses.len() < 4 {
        let head = status_then_request(text, page.lang).and_then(|h| families::status_of(h, page.lang));
        if let Some(st) = head.or_else(|| families::status_of(text, page.lang)).filter(|_| step() != Some(false)) {
            s.phrase_statuses.push((st, text.to_string()));
        }
    }
}

/// A phrase a card may state its status in: six to eight words, no digits, no question or
/// exclamation, one sentence at most.
fn is_status_phrase(text: &str) -> bool {
    let t = text.trim();
    (6..=8).contains(&t.split_whitespace().count())
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.trim_end_matches(['.', '。']).contains(['.', '!', '?', '。', '！', '？', ':', '：'])
}

/// Whether the text `n` is in the current step of a progress stepper (`Some(true)`), in another
/// of its steps (`Some(false)`), or in none: a stepper is three or more sibling elements of one
/// class (any items of a list), one of them marked as the current one (`aria-current`, or a class
/// token "current", "active", "selected", "now", "processing"), or, none so marked, some marked
/// done: the last of those is where the order stands ("<li class="is-done">Received</li>" last
/// of four done; blind round twenty-two).
fn stepper_step(tree: &PageTree<'_>, root: NodeId, n: NodeId) -> Option<bool> {
    let token_is = |e: NodeId, words: &[&str]| {
        tree.attr(e, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|t| t.rsplit(['-', '_']).next().is_some_and(|w| words.contains(&w.to_ascii_lowercase().as_str()))))
    };
    let is_current =
        |e: NodeId| tree.attr(e, "aria-current").is_some_and(|v| v != "false") || token_is(e, &["current", "active", "selected", "now", "processing"]);
    let is_done = |e: NodeId| token_is(e, &["done", "completed", "finished", "passed", "past"]);
    // A step's kind: its tag and first class without the class's last part, which may be the
    // step's state ("Steps_item__done", "Steps_item__current"); in a list, any item.
    let kind = |e: NodeId| {
        let in_list = tree.parent(e).is_some_and(|p| matches!(tree.tag(p), "ol" | "ul")) && tree.tag(e) == "li";
        if in_list {
            return Some(("li", ""));
        }
        let class = tree.attr(e, "class").and_then(|c| c.split_ascii_whitespace().next())?;
        Some((tree.tag(e), class.rsplit_once(['-', '_']).map_or(class, |(stem, _)| stem)))
    };
    // (Only inside the order: the order's own element is one of many cards, never a step; and a
    // parent of many children is a list, not a stepper.)
    for a in ancestors_within(tree, n, root, 3).into_iter().filter(|&a| a != root) {
        let Some(class) = kind(a) else { continue };
        let Some(parent) = tree.parent(a) else { continue };
        if tree.children(parent).len() > 40 {
            continue;
        }
        let steps: Vec<NodeId> = tree.children(parent).iter().copied().filter(|&k| !tree.is_text(k) && kind(k) == Some(class)).collect();
        if steps.len() < 3 || steps.len() > 12 {
            continue;
        }
        let current: Vec<NodeId> = steps.iter().copied().filter(|&k| is_current(k)).collect();
        match current.as_slice() {
            [one] => return Some(*one == a),
            [] => {
                if let Some(last_done) = steps.iter().copied().rfind(|&k| is_done(k)) {
                    return Some(last_done == a);
                }
            }
            _ => {}
        }
    }
    None
}

/// A text short and plain enough to be a status: a few words, letters, no digits, no
/// sentence's end.
pub(super) fn is_status_like(text: &str) -> bool {
    let t = text.trim();
    t.chars().any(char::is_alphabetic)
        && !t.chars().any(|c| c.is_ascii_digit())
        && t.split_whitespace().count() <= 5
        && !t.trim_end_matches(['.', '!', '。', '！']).contains(['.', '!', '?', '。', '！', '？'])
        && !t.ends_with(['!', '?', '。', '！', '？'])
}

/// Rules for the dates of things that happened (ordered, paid, shipped, received): a day and
/// month without the year is the nearest such day in the past.
fn fact_rules(page: &Page<'_, '_>, lang: Option<Lang>) -> crate::read::dates::DateRules {
    crate::read::dates::DateRules { year_optional: true, ..page.date_rules(lang) }
}

/// The tooltip of an element (`title`, `aria-label`, `data-tooltip`) when it holds a date the
/// element's own text does not show, and the element is no control.
fn tooltip_date<'t>(page: &Page<'t, '_>, root: NodeId, n: NodeId) -> Option<&'t str> {
    let tree = page.tree;
    let tip = ["title", "aria-label", "data-tooltip", "data-tip", "data-title"]
        .into_iter()
        .filter_map(|a| tree.attr(n, a))
        .find(|t| t.len() <= 160 && t.bytes().any(|b| b.is_ascii_digit()))?;
    let rules = fact_rules(page, None);
    if find_date(tip, &rules).is_none() || page.clickable(n) || in_control(page, root, n) {
        return None;
    }
    let shown = tree.text(n);
    (shown.trim() != tip.trim() && find_date(&shown, &rules).is_none()).then_some(tip)
}

/// Whether a text is (part of) a control's label: a button's words are not the order's facts.
fn in_control(page: &Page<'_, '_>, root: NodeId, n: NodeId) -> bool {
    let tree = page.tree;
    // A link naming the order is the card (or its title) when it leads to the order's page or
    // list; one leading elsewhere ("/dispute/create?orderId=…") is an action.
    let card_link = |href: &str| {
        order_id_in_link(href).is_some()
            && crate::read::page_kind::link_kind(href, page.url).is_none_or(|k| matches!(k, PageKind::OrderList | PageKind::OrderDetail))
    };
    ancestors_within(tree, n, root, 3).into_iter().any(|a| a != root && page.clickable(a) && !tree.attr(a, "href").is_some_and(card_link))
}

/// The first of several sentences, without its stop; `None` for one sentence.
fn first_sentence(text: &str) -> Option<String> {
    let (i, c) = text.char_indices().find(|&(i, c)| match c {
        '。' | '！' | '？' => true,
        // (A stop ends a sentence before a space: "No. 5", "3.5 kg" end none.)
        '.' | '!' | '?' => text[i + 1..].starts_with([' ', '\u{a0}']),
        _ => false,
    })?;
    let (first, rest) = (text[..i].trim(), text[i + c.len_utf8()..].trim());
    (!rest.is_empty() && !first.is_empty()).then(|| first.to_string())
}

/// A date wherever it stands, whatever its label: the label (the words before it, else the
/// short text just before it in its row, else the words after it) only says which date it is.
/// Labels naming a forecast or a limit ("Estimated delivery", "Refund if…") are not facts; a
/// date with no label, or one whose label names nothing known ("Ord. date"), is kept aside as a
/// loose date. Returns whether the text was a date.
fn date_by_shape(page: &Page<'_, '_>, root: NodeId, n: NodeId, text: &str, s: &mut Scan) -> bool {
    let tree = page.tree;
    let rules = fact_rules(page, None);
    let Some((date, start, end)) = find_date(text, &rules) else { return false };
    let trim = |t: &str| t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '·' | '|' | '(' | ')' | ',')).to_string();
    // (A time of day and a weekday before the date are no label: "03:12, пт, 20 ноября".)
    let no_time: String = text[..start].split_whitespace().filter(|w| !is_time_of_day(w)).collect::<Vec<_>>().join(" ");
    let mut label = trim(crate::read::dates::without_weekday(&no_time, page.lang));
    // Whether the date's own text has words before it (a weekday or a time is none: "<span>Thu
    // 26 Nov 2026 at 09:12</span>" closes a sentence begun before it; blind round twenty-two).
    let words_before = !label.is_empty();
    // The label is the element's before the date's (`before`), or after it.
    let mut before = false;
    // A label the layout pairs with the date (a column of labels beside a column of values, a
    // tooltip) is its label whatever its words.
    let mut paired = false;
    // A row that opens with its date and names it after ("12 janv. 2026 <em>· date de
    // commande</em>"): those words, not the row above's.
    if label.is_empty() {
        let names_a_date = |t: &String| locales::field_line_in(t, page.lang).is_some() || families::date_label_of(t, page.lang).is_some();
        if let Some(after) = label_after_within(tree, root, n, 1).filter(names_a_date) {
            label = after;
        }
    }
    if label.is_empty() {
        // (A weekday in the element before is no label either: "<span>Fr, </span>13. Nov.".)
        let not_weekday = |l: String| Some(l).filter(|l| !trim(crate::read::dates::without_weekday(l, page.lang)).is_empty());
        // (Past a weekday that opens the date's element only when nothing but a time follows the
        // date: a row that names its event after it is no value of the row above.)
        let event_after = text[end..].split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 3);
        label = match label_before(tree, root, n, !event_after).and_then(not_weekday) {
            Some(l) => l,
            None => {
                paired = true;
                parallel_label(tree, root, n).or_else(|| label_in_attributes(tree, root, n)).unwrap_or_default()
            }
        };
        before = true;
    }
    // The words after the date in its own text, when they are the label (a row's event may be
    // cut to its last part below).
    let mut words_after: Option<String> = None;
    if label.is_empty() {
        label = trim(&text[end..]);
        words_after = Some(label.clone());
        // A timeline's row: the time, then the event after a dash or a colon ("· 10:02 — Paket
        // 2: Versand vom Verkäufer bestätigt"): the event says which date it is.
        if label.split_whitespace().count() > 5 {
            let no_time = label.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | ' ' | '·'));
            if let Some(event) = no_time.rsplit(['—', '–', '|', ':']).next().map(trim).filter(|e| e.split_whitespace().count() <= 5 && !e.is_empty()) {
                label = event;
            }
        }
        // The year's mark after a date ("12 ноября 2026 г.", "12 listopada 2026 r.") is no label.
        if label.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
            label.clear();
        }
    }
    // A row that opens with its date ("<span>20.11 15:06</span>Seller shipped the order"): the
    // words after the date's element say which date it is.
    let mut row_after = false;
    if !label.chars().any(char::is_alphabetic) {
        if let Some(after) = label_after(tree, root, n) {
            label = after;
            before = false;
            row_after = true;
        }
    }
    // A sentence around a date is no label (limits in sentences are read elsewhere): more than
    // a few words, or a deadline ("before", "by"). An element of its own before the date's is
    // a step's or a field's name, which may run a little longer ("Colis parti de l'entrepôt du
    // vendeur" over its day; blind round eighteen), and the event after a row's date a short
    // sentence ("<strong>9 nov.</strong> El vendedor confirmó el envío de tu pedido.": eight
    // words, as many as a word family reads; blind round nineteen), but only the seller's word
    // that it shipped, which the shipment field must agree with: a parcel's longer steps and a
    // limit's sentence after its date stay no label.
    // On a list card, the card's status element before its date is its status, however many
    // its words ("Você confirmou o recebimento. Que tal avaliar? ⭐" over the order's date): the
    // date has no label.
    let is_status_el = |el: NodeId| !tree.ancestors_or_self(n).any(|a| a == el) && tree.text(el).trim() == label;
    // (Not one that ends with a colon: "Отправлен: <b>3 нояб.</b>" labels its date.)
    if page.kind == PageKind::OrderList && before && !paired && !label.is_empty() && s.status_el.is_some_and(is_status_el) && !colon_before(tree, root, n) {
        label.clear();
    }
    let own_element = before && !label.is_empty() && !words_before;
    let words = label.split_whitespace().count();
    let sellers_shipment = || families::names_seller(&label) && families::date_label_of(&label, page.lang) == Some(DateKind::Shipped);
    // (And the shopper's word that they confirmed receipt: "You confirmed that you received the
    // items"; blind round twenty-eight. A parcel's delivery is no confirmation.)
    let shoppers_confirmation =
        || families::date_label_of(&label, page.lang) == Some(DateKind::Completed) && families::ideas(&label, page.lang).is_some_and(|i| i.has(Idea::Confirm));
    let most = if own_element {
        7
    } else if row_after && words > 5 && (sellers_shipment() || shoppers_confirmation()) {
        8
    } else {
        5
    };
    // A sentence that ends at its date, in the date's own text, says which day it is by its
    // words ("The seller confirmed that your parcel was handed to the courier on 8 Nov.").
    let too_long = words > most || label.chars().count() > 60;
    let own_text = !before && !row_after && words_before;
    let mut sentence = (too_long && own_text).then(|| families::date_ending_sentence(&label, &text[end..], page.lang)).flatten();
    // The same sentence split over elements by a weekday a script writes or a date in bold
    // ("… confirmé la réception de ce colis le <span>samedi </span>21 novembre 2026 à 21:47."):
    // its words before the date, in the same run of text.
    if too_long && sentence.is_none() && !words_before {
        if let Some((words, kind)) =
            sentence_before_date(tree, n, page.lang).and_then(|b| families::date_ending_sentence(&b, &text[end..], page.lang).map(|k| (b, k)))
        {
            label = words;
            sentence = Some(kind);
        }
    }
    // So is a header or a step's name that is a whole sentence up to its date ("<th>Le vendeur
    // a remis le colis au transporteur le</th><td>2026-11-20 10:00</td>").
    // (One sentence: a status over a date, "Você confirmou o recebimento. Que tal avaliar? ⭐",
    // is none.)
    let one_sentence = !label.trim_end_matches(['.', '!', '?', ':', '：']).contains(['.', '!', '?', '。', '！', '？']);
    if too_long && sentence.is_none() && own_element && !paired && one_sentence {
        sentence = families::date_ending_sentence(&label, &text[end..], page.lang);
    }
    // And the seller's word that it shipped after a row's date, in a longer sentence ("<td>
    // 2026-10-07 10:51:32</td><td>The seller has shipped your order (China Post Ordinary Small
    // Packet Plus)</td>"); a parcel's longer steps stay no label ("Przesyłka odebrana przez
    // kuriera" is the courier's pick-up, not the shopper's receipt).
    if too_long && sentence.is_none() && row_after && words <= 16 && families::names_seller(&label) {
        sentence = families::sentence_date_label(&label, page.lang).filter(|k| *k == DateKind::Shipped);
    }
    if too_long && sentence.is_none() {
        return true;
    }
    // On a list card, a status word in the element before the date is the card's status, not
    // the date's label: a card shows one date, the order's. (Words after a date that opens
    // its row are its label: "<span>30 nov.</span><span>Enviado</span>".)
    // (A date field's label that is no status word, only made of a status's words, is none:
    // "Versanddatum".)
    let status_word = || {
        let field_label = || locales::field_line_in(&label, page.lang).is_some_and(|(_, _, rest)| rest.trim().is_empty());
        (matches!(locales::term(&label, page.lang), Some(Term::Status(_))) || families::status_of(&label, page.lang).is_some() && !field_label())
            && !families::ideas(&label, page.lang).is_some_and(|i| i.has(Idea::Date))
    };
    // Not when the card marks its status in an element of its own that says something else: the
    // word is then this date's label ("Receipt confirmed" above its day, beside "Delivered").
    // Nor when the date is a definition (`<dt>` label, `<dd>` value): its term is its label.
    // (Or in a text before that named a status of its own: "Delivered — please confirm receipt"
    // above "<span>Dispatched</span> <span>9 Nov.</span>".)
    let status_elsewhere = || {
        s.status_el.is_some_and(|el| !tree.ancestors_or_self(n).any(|a| a == el) && tree.text(el).trim() != label)
            || s.family_statuses.iter().any(|(_, t)| t.trim() != label)
            || s.label_statuses.iter().any(|(_, t)| t.trim() != label)
    };
    // (Or a header cell's: "<th>确认收货</th><td>2026年11月14日</td>".)
    let header_before = |cell: NodeId| {
        tree.parent(cell).is_some_and(|row| {
            let kids = tree.children(row);
            kids.iter().position(|&k| k == cell).is_some_and(|i| kids[..i].iter().rev().find(|&&k| !tree.is_text(k)).is_some_and(|&k| tree.tag(k) == "th"))
        })
    };
    let defined = || tree.ancestors_or_self(n).take(3).any(|a| tree.tag(a) == "dd" || tree.tag(a) == "td" && header_before(a));
    // (Nor when a colon ends the words: "Получение подтверждено: <b>23 ноября</b>" labels.)
    if sentence.is_none()
        && before
        && !paired
        && page.kind == PageKind::OrderList
        && status_word()
        && !status_elsewhere()
        && !defined()
        && !colon_before(tree, root, n)
    {
        label.clear();
    }
    // The first day of a dispute, said around its date ("Streitfall ab 07.12.2026 möglich").
    if sentence.is_none() && families::states_dispute_opening_from(&label, &text[end..], page.lang) {
        s.dispute_opens.put(date);
        return true;
    }
    // A known field label, a timeline step ("Shipped 3 Mar"), then the label's word family.
    let field = locales::field_line_in(&label, page.lang).map(|(f, _, _)| f).or_else(|| {
        locales::line_starts(&label).into_iter().find_map(|(t, _, rest)| match t {
            Term::Field(f) if rest.trim().is_empty() => Some(f),
            _ => None,
        })
    });
    let kind = if sentence.is_some() {
        sentence
    } else {
        match field {
            Some(Field::OrderDate | Field::DatedFrom) => Some(DateKind::Placed),
            Some(Field::PaidOn) => Some(DateKind::Paid),
            Some(Field::ShippedOn) => Some(DateKind::Shipped),
            Some(Field::CompletedOn) => Some(DateKind::Completed),
            // A date under another field's label (a grid of labels over values): no label.
            Some(Field::OrderId | Field::Total) => {
                label.clear();
                None
            }
            Some(_) => return true,
            None => match locales::term(&label, page.lang) {
                Some(Term::Status(crate::wire::order::Status::Shipped)) => Some(DateKind::Shipped),
                Some(Term::Status(crate::wire::order::Status::Completed)) => Some(DateKind::Completed),
                Some(Term::Status(_) | Term::Dispute(_)) => return true,
                _ => families::date_label_of(&label, page.lang),
            },
        }
    };
    // A step of a timeline ("Передан в доставку" above its day) says what happened then, not
    // the order's state now: it gives no status vote (read_status); nor does the word after a
    // forecast ("ca. 18. Dez. 2026 Lieferung").
    if !label.is_empty() && s.date_labels.len() < 16 {
        s.date_labels.push(label.clone());
    }
    match kind {
        Some(DateKind::Placed) => s.placed.put(date),
        Some(DateKind::Paid) => s.paid.put(date),
        Some(DateKind::Shipped) if field.is_none() => {
            s.shipped_by_words.put(date);
            // (Not a day to come: that is a promise the label's words run into.)
            if families::names_seller(&label) && date <= page.today {
                s.shipped_by_seller.put(date);
            }
        }
        Some(DateKind::Shipped) => s.shipped.put(date),
        Some(DateKind::InTransit) => s.in_transit.put(date),
        Some(DateKind::HandedOver) => s.handed_over.put(date),
        // (A bare "Resolved" among a dispute's dated rows is the dispute's day, not the
        // order's: "<li>Disputa abierta: 14 nov.</li><li>Resuelta: 22 nov.</li>"; blind round
        // twenty-two.)
        Some(DateKind::Completed) if !families::ideas(&label, page.lang).is_some_and(|i| i.has(Idea::Order)) && beside_a_dispute_date(page, root, n) => {}
        Some(DateKind::Completed) => s.completed.put(date),
        // The end of protection labelled as such in an element of its own ("<span>6. Dez.
        // 2026</span> <small>Käuferschutz endet</small>").
        // The page's own first day for a dispute ("Spór możesz otworzyć od …").
        None if families::states_dispute_opening(&label, page.lang) => s.dispute_opens.put(date),
        None => match kind_of_limit(page, &label) {
            // (A case's step after its date is no promise.)
            Some(_) if (!before || words_after.is_some()) && a_cases_step(page, words_after.as_deref().unwrap_or(&label)) => {}
            Some(source) => {
                if s.limit.is_none_or(|(d, _)| date < d) {
                    s.limit = Some((date, source));
                }
            }
            None => {
                // Only a label that says nothing but "date", "order", "no." may leave a date loose.
                let plain = families::ideas(&label, page.lang).is_some_and(|i| i.is_empty() || i.only(&[Idea::Date, Idea::Order, Idea::Number, Idea::Now]));
                if plain && s.loose_dates.len() < 8 {
                    s.loose_dates.push(date);
                }
            }
        },
    }
    true
}

/// Whether the date's row stands in a block about a dispute: among rows (its siblings, up to
/// three levels up) one of which dates a dispute ("Disputa abierta: 14 nov. 2026") and none of
/// which dates another step of the order (an order's timeline with a return step is the order's).
fn beside_a_dispute_date(page: &Page<'_, '_>, root: NodeId, n: NodeId) -> bool {
    let tree = page.tree;
    let rules = fact_rules(page, None);
    let mut child = n;
    for parent in ancestors_within(tree, n, root, 3) {
        // Each dated sibling: whether it is a dispute's date.
        let dated = |k: NodeId| {
            let t = short_text(tree, k, 80, 10).unwrap_or_default();
            let (_, start, _) = find_date(&t, &rules)?;
            let label = t[..start].trim().trim_end_matches([':', '：']);
            let dispute = matches!(locales::term(label, page.lang), Some(Term::Dispute(_)))
                || families::status_of(label, page.lang) == Some(crate::wire::order::Status::Dispute);
            Some(dispute)
        };
        let rows: Vec<bool> = tree.child_elements(parent).filter(|&k| k != child).take(12).filter_map(dated).collect();
        if !rows.is_empty() {
            return rows.iter().all(|&d| d);
        }
        child = parent;
    }
    false
}

/// "14:05", "09:30:12," — a time of day.
fn is_time_of_day(word: &str) -> bool {
    let w = word.trim_end_matches([',', '·']);
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len()) && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

/// Whether the text just before `n` in its row ends with a colon: a label's mark.
fn colon_before(tree: &PageTree<'_>, root: NodeId, n: NodeId) -> bool {
    let mut child = n;
    for parent in ancestors_within(tree, n, root, 2) {
        let kids = tree.children(parent);
        let Some(i) = kids.iter().position(|&k| k == child) else { return false };
        if let Some(&prev) = kids[..i].iter().rev().find(|&&k| tree.text(k).chars().any(|c| !c.is_whitespace())) {
            return tree.text(prev).trim_end().ends_with([':', '：']);
        }
        child = parent;
    }
    false
}

/// The short label just before `n` in its row: the last text of the element before it (or
/// before its parent), when that text is short and holds no date of its own.
fn label_before(tree: &PageTree<'_>, root: NodeId, n: NodeId, past_weekday: bool) -> Option<String> {
    let mut child = n;
    // A value alone may sit two elements deep in its row ("<span>Dispatched on:</span>
    // <span><span class="info-date">26 Oct 2026</span></span>"; blind round twenty-eight); a date
    // that opens an event's row is not labelled by the heading over the list of rows.
    let levels = if past_weekday { 3 } else { 2 };
    for parent in ancestors_within(tree, n, root, levels) {
        // A list of definitions that opens with a value puts each label after its value
        // ("<dl><dd>…</dd><dt>— время заказа</dt>").
        if tree.tag(parent) == "dd" {
            if let Some(dl) = tree.parent(parent).filter(|&d| tree.tag(d) == "dl") {
                let kids: Vec<NodeId> = tree.child_elements(dl).collect();
                if kids.first().is_some_and(|&f| tree.tag(f) == "dd") {
                    let after = kids.iter().position(|&k| k == parent).and_then(|i| kids.get(i + 1)).filter(|&&k| tree.tag(k) == "dt");
                    let t = after.and_then(|&dt| short_text(tree, dt, 60, 10))?;
                    let t = t.trim().trim_start_matches(['—', '–', '-', ':', '·']).trim().to_string();
                    return (!t.is_empty()).then_some(t);
                }
            }
        }
        // A table cell's label is its column's header; not a header that says only "date" (an
        // events table, "Zdarzenie | Data": each row's event names its date; blind round nineteen).
        if tree.tag(parent) == "td" {
            if let Some(h) = column_header(tree, root, parent).filter(|h| !only_date(h)) {
                return Some(h);
            }
        }
        let kids = tree.children(parent);
        let i = kids.iter().position(|&k| k == child)?;
        // (Separators between a step's name and its date, "Wysłano · 3 lis", are skipped, and a
        // weekday in an element of its own: "<span>Pedido completado</span><span><span>martes,
        // </span> 10 nov. 2026</span>"; blind round twenty-two.)
        let says_something = |k: NodeId| {
            let t = tree.text(k);
            t.chars().any(char::is_alphanumeric) && crate::read::dates::without_weekday(&t, None).chars().any(char::is_alphanumeric)
        };
        if let Some(&prev) = kids[..i].iter().rev().find(|&&k| says_something(k)) {
            let t = short_text(tree, prev, 60, 10)?;
            let t = t.trim().trim_end_matches([':', '：']).trim().to_string();
            return (!t.is_empty() && !t.chars().any(|c| c.is_ascii_digit())).then_some(t);
        }
        // A weekday opening the date's row is all there is before it: the row above is no label
        // ("<div>Order updates</div><div><span>Thursday, </span>Dec 3 — Held at customs</div>"),
        // unless the caller says the date's element is a value alone.
        if !past_weekday && kids[..i].iter().any(|&k| tree.text(k).chars().any(char::is_alphanumeric)) {
            return None;
        }
        child = parent;
    }
    None
}

/// The words before a date in its sentence when the sentence runs over inline elements: the
/// texts and inline elements just before the date's run, up to the last sentence's start, a
/// weekday at their end left out. Only where some of it is the parent's own text (a sentence
/// written in the flow, not a row of elements each a label of its own), and none a number.
fn sentence_before_date(tree: &PageTree<'_>, n: NodeId, lang: Option<Lang>) -> Option<String> {
    // Up from the date while it opens an inline element of its own ("<b>21 nov.</b>").
    let says_something = |k: NodeId| tree.text(k).chars().any(|c| !c.is_whitespace());
    let mut child = n;
    let (parent, i) = loop {
        let p = tree.parent(child)?;
        let kids = tree.children(p);
        let i = kids.iter().position(|&k| k == child)?;
        if tree.is_inline(p) && !kids[..i].iter().any(|&k| says_something(k)) {
            child = p;
            continue;
        }
        break (p, i);
    };
    let kids = tree.children(parent);
    let run: Vec<NodeId> = kids[..i].iter().rev().copied().take_while(|&k| tree.is_inline(k) && tree.descendants(k).all(|d| tree.is_inline(d))).collect();
    if !run.iter().any(|&k| tree.is_text(k) && says_something(k)) {
        return None;
    }
    let joined: Vec<String> = run.iter().rev().map(|&k| tree.text(k)).collect();
    let joined = collapse_ws(&joined.join(" "));
    let last = joined.rsplit(['.', '!', '?', '。', '！']).next().unwrap_or_default();
    let words = crate::read::dates::without_weekday(last.trim(), lang).trim().trim_end_matches(',').trim();
    (!words.is_empty() && !words.bytes().any(|b| b.is_ascii_digit())).then(|| words.to_string())
}

/// A label written only in attributes: the tooltip or `aria-label` of the date's own element
/// (`<time title="Дата отправки">`), else of a wordless icon just before it (`<span role=img
/// aria-label="Отправлен продавцом"></span><time>…`).
fn label_in_attributes(tree: &PageTree<'_>, root: NodeId, n: NodeId) -> Option<String> {
    let said = |e: NodeId| {
        ["title", "aria-label"]
            .iter()
            .filter_map(|a| tree.attr(e, a))
            .map(str::trim)
            .find(|l| !l.is_empty() && l.chars().count() <= 60 && l.chars().any(char::is_alphabetic) && !l.chars().any(|c| c.is_ascii_digit()))
    };
    let own = tree.own_text(n).trim();
    // The elements that hold the date's text alone.
    let holders: Vec<NodeId> = ancestors_within(tree, n, root, 2).into_iter().take_while(|&e| e != root && tree.text(e).trim() == own).collect();
    if let Some(l) = holders.iter().find_map(|&e| said(e)) {
        return Some(l.to_string());
    }
    holders.iter().find_map(|&e| {
        let kids = tree.children(tree.parent(e)?);
        let i = kids.iter().position(|&k| k == e)?;
        let prev = kids[..i].iter().rev().copied().find(|&k| !tree.is_text(k) || !tree.own_text(k).trim().is_empty())?;
        (!tree.is_text(prev) && tree.text(prev).trim().is_empty()).then(|| said(prev)).flatten().map(str::to_string)
    })
}

/// Whether the text `n`, alone in its element, follows an element that holds a date and little
/// else, the first thing in their row: the date's label (`label_after` the other way round).
fn labels_the_date_before(page: &Page<'_, '_>, root: NodeId, n: NodeId) -> bool {
    let tree = page.tree;
    let Some(el) = tree.parent(n).filter(|&e| e != root && tree.text(e).trim() == tree.own_text(n).trim()) else { return false };
    let Some(row) = tree.parent(el) else { return false };
    let says_something = |k: NodeId| tree.text(k).chars().any(char::is_alphanumeric);
    let kids = tree.children(row);
    let Some(i) = kids.iter().position(|&k| k == el) else { return false };
    let mut before = kids[..i].iter().copied().filter(|&k| says_something(k));
    let (Some(prev), None) = (before.next(), before.next()) else { return false };
    let Some(t) = short_text(tree, prev, 40, 10) else { return false };
    find_date(&t, &fact_rules(page, None)).is_some_and(|(_, start, end)| t.len() - (end - start) <= 5)
}

/// The short label just after `n` when `n` opens its row: the first text after it in its
/// parent (or grandparent), when nothing with letters or digits stands before it there and the
/// text is short and holds no date of its own.
fn label_after(tree: &PageTree<'_>, root: NodeId, n: NodeId) -> Option<String> {
    label_after_within(tree, root, n, 2)
}

/// `label_after`, looking up to `levels` elements up.
fn label_after_within(tree: &PageTree<'_>, root: NodeId, n: NodeId, levels: usize) -> Option<String> {
    let mut child = n;
    let says_something = |k: NodeId| tree.text(k).chars().any(char::is_alphanumeric);
    for parent in ancestors_within(tree, n, root, levels) {
        if tree.tag(parent) == "td" {
            return event_cell_after(tree, root, parent, child);
        }
        if matches!(tree.tag(parent), "tr" | "table" | "tbody") {
            return None;
        }
        let kids = tree.children(parent);
        let i = kids.iter().position(|&k| k == child)?;
        if kids[..i].iter().any(|&k| says_something(k)) {
            return None;
        }
        if let Some(&next) = kids[i + 1..].iter().find(|&&k| says_something(k)) {
            // (An event told in sentences: its first, when short; blind round twenty-eight.)
            let first = || short_text(tree, next, 300, 40).and_then(|t| first_sentence(&t)).filter(|f| f.split_whitespace().count() <= 7);
            let t = short_text(tree, next, 60, 10).or_else(first)?;
            let t = t.trim().trim_start_matches([':', '：', '-', '–', '·', '|']).trim().to_string();
            return (!t.is_empty() && !t.chars().any(|c| c.is_ascii_digit())).then_some(t);
        }
        child = parent;
    }
    None
}

/// A log's row that opens with its date in a cell of its own, under a header that says only
/// "date" or "time" or nothing we know ("Time | Operation", "Czas | Zdarzenie"): the next cell
/// says what happened ("The seller has shipped your order"). Not a cell with more than the date
/// (`child` must be all of it), nor one under a header that names its date ("Shipment date").
fn event_cell_after(tree: &PageTree<'_>, root: NodeId, cell: NodeId, child: NodeId) -> Option<String> {
    if tree.text(cell) != tree.text(child) || column_header(tree, root, cell).is_some_and(|h| !only_date(&h)) {
        return None;
    }
    let row = tree.parent(cell).filter(|&r| tree.tag(r) == "tr")?;
    let cells: Vec<NodeId> = tree.child_elements(row).collect();
    let i = cells.iter().position(|&c| c == cell)?;
    if cells[..i].iter().any(|&c| tree.text(c).chars().any(char::is_alphanumeric)) {
        return None;
    }
    let next = *cells.get(i + 1)?;
    let t = short_text(tree, next, 120, 16)?;
    let t = t.trim().to_string();
    (!t.is_empty() && !t.chars().any(|c| c.is_ascii_digit())).then_some(t)
}

/// Whether a column's header says only "date" ("Data", "Time", "时间"): no cell's label.
fn only_date(header: &str) -> bool {
    families::ideas(header, None).is_some_and(|i| i.only(&[Idea::Date]))
}

/// The header of a table cell's column: the `th` at the same position in the table's first row
/// of headers (a logistics table: "Carrier | Tracking number | Shipment date").
fn column_header(tree: &PageTree<'_>, root: NodeId, cell: NodeId) -> Option<String> {
    let row = tree.parent(cell).filter(|&r| tree.tag(r) == "tr")?;
    let col = tree.child_elements(row).position(|k| k == cell)?;
    // Only a cell in a table whose headers are its own (not the whole page's); or, when the
    // order is the row itself (a table of one row per order), its table's.
    let table = if row == root {
        tree.ancestors_or_self(row).skip(1).take(3).find(|&a| tree.tag(a) == "table")?
    } else {
        ancestors_within(tree, row, root, 3).into_iter().find(|&a| tree.tag(a) == "table")?
    };
    // The header row holds headers only (a row of `th`s); rows that pair a `th` with its `td`
    // are label/value rows, read by their siblings.
    let header_row = tree.descendants(table).take(400).find(|&r| {
        let cells: Vec<NodeId> = tree.child_elements(r).collect();
        tree.tag(r) == "tr" && cells.len() > 1 && cells.iter().all(|&k| tree.tag(k) == "th")
    })?;
    if header_row == row {
        return None;
    }
    let th = tree.child_elements(header_row).nth(col)?;
    let t = short_text(tree, th, 60, 10)?;
    let t = t.trim().trim_end_matches([':', '：']).trim().to_string();
    (!t.is_empty()).then_some(t)
}

/// The order id a text prints beside a date ("Placed on 6 Mar 2025 · Order: 8123…").
/// Whether the text printed one.
fn ids_beside(page: &Page<'_, '_>, text: &str, s: &mut Scan) -> bool {
    match id_in_own_text(page, text) {
        Some((id, true)) => s.ids.insert(id),
        Some((id, false)) => s.loose_ids.insert(id),
        None => return false,
    };
    true
}

/// An order id printed in text: after a label naming the order's number in any wording ("Order
/// no.", "N° de commande", "订单编号"), or alone in groups of digits. A labelled one counts as
/// much as a table label; an unlabelled one only when nothing else names the order. Numbers
/// labelled as tracking or payment numbers are none of the order's.
fn id_by_shape(page: &Page<'_, '_>, root: NodeId, n: NodeId, text: &str, s: &mut Scan) -> bool {
    if ids_beside(page, text, s) {
        return true;
    }
    // The number alone in its element, its label in the element before ("Nr zam." | "8123…").
    let t = text.trim();
    let Some(id) = t.starts_with(|c: char| c.is_ascii_digit()).then(|| leading_id(t)).flatten() else { return false };
    if label_before(page.tree, root, n, false).is_some_and(|l| is_order_number_label(page, &l)) {
        s.ids.insert(id);
    }
    true
}

/// An order id a text prints: after a label naming the order's number in any wording ("Order
/// no.", "N° de commande", "订单编号"; `true`: as sure as a table label), or alone in groups of
/// digits (`false`: used only when nothing else names the order). Numbers labelled as tracking
/// or payment numbers are none of the order's; phone numbers ("+7 …") neither.
fn id_in_own_text(page: &Page<'_, '_>, text: &str) -> Option<(String, bool)> {
    let t = text.trim();
    if t.len() > 120 {
        return None;
    }
    // Every run of digits is looked at with the words just before it (since the previous run):
    // "Placed on 6 Mar 2025 · Order: 8123…" names the order after the date.
    let mut loose = None;
    let (mut from, mut i) = (0, 0);
    while let Some(rel) = t[i..].find(|c: char| c.is_ascii_digit()) {
        let at = i + rel;
        let run: usize = t[at..].chars().take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '\u{a0}').map(char::len_utf8).sum();
        if let Some(id) = leading_id(&t[at..]) {
            let words = t[from..at].rsplit(['·', '•', '|', ';', ',']).next().unwrap_or("");
            let label = words.trim().trim_end_matches([':', '：', '#', '№']).trim();
            if label.is_empty() {
                if loose.is_none() && id.len() >= 14 && !t[..at].ends_with('+') {
                    loose = Some((id, false));
                }
            } else if is_order_number_label(page, label) {
                return Some((id, true));
            } else if loose.is_none() && id.len() >= 14 && label.split_whitespace().count() <= 3 && !families::is_other_number_label(label, page.lang) {
                // "Transaction ID: 8123…", "No. 8123…": a label no table knows, naming no other
                // thing's number; as loose as a number alone.
                loose = Some((id, false));
            }
        }
        i = at + run.max(1);
        from = i;
    }
    loose
}

fn is_order_number_label(page: &Page<'_, '_>, label: &str) -> bool {
    matches!(locales::field_line_in(label, page.lang), Some((Field::OrderId, _, rest)) if rest.trim().is_empty())
        || families::is_order_number_label(label, page.lang)
        || label.chars().all(|c| matches!(c, '#' | '№' | '.' | ' '))
}

/// The order id a value starts with: digits, in groups or not ("8123 4567 8901 2345 Copy").
fn leading_id(value: &str) -> Option<String> {
    let v = value.trim().trim_start_matches(['№', '#', ':', '：']).trim_start();
    let run: String = v.chars().take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '\u{a0}').collect();
    let rest = &v[run.len()..];
    // "8123456789012345-1" or "81234567890123456789012" is not an order id.
    if !run.ends_with([' ', '\u{a0}']) && rest.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
        return None;
    }
    id_in_text(&run)
}

fn unreadable(what: &str, value: &str) -> Option<String> {
    Some(format!("{what} {:?} not understood", clip(value.trim())))
}

/// The text of the element that names the label's element as its label (`aria-labelledby`):
/// a grid may put every label first and every value after them ("<dt id=l-done>…" … "<dd
/// aria-labelledby=l-done>"), far from each other.
fn labelled_value(tree: &PageTree<'_>, root: NodeId, label: NodeId) -> Option<String> {
    let id = tree.ancestors_or_self(label).skip(1).take(2).find_map(|a| tree.attr(a, "id")).filter(|id| !id.is_empty())?;
    let value = tree.descendants(root).take(5000).find(|&x| tree.attr(x, "aria-labelledby").is_some_and(|ids| ids.split_whitespace().any(|i| i == id)))?;
    Some(tree.text(value))
}

/// The value of a label in a column of labels beside a column of values, matched by position
/// ("<div><span>Data do pedido</span><span>Enviado em</span></div><div><span>25 nov, 2026</span>
/// <span>27 nov, 2026</span></div>"): the same child of the next element.
fn parallel_value(tree: &PageTree<'_>, root: NodeId, label: NodeId) -> Option<String> {
    in_the_other_column(tree, root, label, true).map(|v| tree.text(v))
}

/// The label of a value in a column of values beside a column of labels (`parallel_value` the
/// other way round): the same child of the element before.
fn parallel_label(tree: &PageTree<'_>, root: NodeId, value: NodeId) -> Option<String> {
    in_the_other_column(tree, root, value, false).map(|l| tree.text(l))
}

/// The element at the same place as the one holding the text `n` alone, in the column beside
/// its own: the next one when `n` is a label (`labels_first`), else the one before. Both columns
/// hold as many elements, two at least; the labels are short and hold no digits.
fn in_the_other_column(tree: &PageTree<'_>, root: NodeId, n: NodeId, labels_first: bool) -> Option<NodeId> {
    let cell = tree.parent(n).filter(|&c| c != root && tree.text(c).trim() == tree.own_text(n).trim())?;
    let column = tree.parent(cell).filter(|&c| c != root)?;
    let mine: Vec<NodeId> = tree.child_elements(column).collect();
    let i = mine.iter().position(|&k| k == cell)?;
    let siblings: Vec<NodeId> = tree.child_elements(tree.parent(column)?).collect();
    let at = siblings.iter().position(|&k| k == column)?;
    let other_at = if labels_first { at + 1 } else { at.checked_sub(1)? };
    let other: Vec<NodeId> = tree.child_elements(*siblings.get(other_at)?).collect();
    let labels = if labels_first { &mine } else { &other };
    let all_labels = labels.iter().all(|&l| short_text(tree, l, 60, 10).is_some_and(|t| !t.trim().is_empty() && !t.chars().any(|c| c.is_ascii_digit())));
    (mine.len() >= 2 && other.len() == mine.len() && all_labels).then(|| other[i])
}

/// The value next to a label that stands alone in its element ("<span>Paid on:</span>
/// <span>Mar 2, 2024</span>"): the text that follows it within its row, briefly.
fn row_value(tree: &PageTree<'_>, root: NodeId, label: NodeId) -> String {
    let row = ancestors_within(tree, label, root, 3).into_iter().find(|&a| tree.children(a).len() > 1 || a == root);
    let Some(row) = row else { return String::new() };
    let mut out = String::new();
    let mut after = false;
    for (visited, x) in tree.descendants(row).enumerate() {
        if visited > 200 || out.len() > 120 {
            break;
        }
        if x == label {
            after = true;
            continue;
        }
        if after && tree.is_text(x) {
            // The next labelled line is not this label's value.
            if locales::line_starts(tree.own_text(x)).iter().any(|(t, _, _)| matches!(t, Term::Field(_))) {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(tree.own_text(x));
        }
    }
    out
}

fn read_status(page: &Page<'_, '_>, root: NodeId, s: &Scan, order: &mut Order, reading: &mut PageReading) {
    let tree = page.tree;
    let mut from_label: Option<(Term, String)> = None;
    let mut word: Option<(Status, WordSource)> = None;
    // (Several named so, one inside another: the outer one.)
    let named = match s.named_status.as_slice() {
        [one] => Some(*one),
        [outer, rest @ ..] if rest.iter().all(|&r| tree.ancestors_or_self(r).any(|a| a == *outer)) => Some(*outer),
        _ => None,
    };
    if let Some(el) = s.status_el.or(s.labelled_status).or(named) {
        let whole = short_text(tree, el, 120, 40).unwrap_or_default();
        // (Its label first: "Статус: Ожидает подтверждения получения".)
        let whole = match whole.split_once([':', '：']) {
            Some((head, rest)) if families::is_status_label(head.trim(), page.lang) && !rest.trim().is_empty() => rest.trim().to_string(),
            _ => whole,
        };
        let term = locales::term(&whole, page.lang).filter(|t| matches!(t, Term::Status(_) | Term::Dispute(_)));
        // The status element may hold more than the label (a countdown, a hint): its first
        // text that is a label then.
        let term = term.map(|t| (t, whole.clone())).or_else(|| {
            tree.text_nodes(el).take(10).find_map(|t| {
                let text = tree.own_text(t);
                locales::term(text, page.lang).filter(|x| matches!(x, Term::Status(_) | Term::Dispute(_))).map(|x| (x, text.to_string()))
            })
        });
        // Another element marked as the status in the same way (the same `data-pl`,
        // `data-testid` or class) that names another status: the card contradicts itself.
        if let Some(other) = other_status(page, root, el, &whole) {
            note(reading, format!("order {}: two status labels disagree ({:?}, {:?}), status unknown", order.id, clip(&whole), clip(&other)));
            order.status_text = Some(clip(&whole));
            order.status = Status::Unknown;
            return;
        }
        match term {
            Some(found) => from_label = Some(found),
            // Nothing but an icon: the status is its label.
            // (Or a symbol: "✅" with its state in its `title`.)
            None if !whole.chars().any(char::is_alphanumeric) => {
                let labels = icon_labels(tree, el).chain(status_badges(tree, el));
                if let Some((st, label)) = labels.into_iter().find_map(|l| families::status_of(l, page.lang).map(|st| (st, l))) {
                    order.status_text = Some(clip(label));
                    word = Some((st, WordSource::Family));
                }
            }
            None => {
                order.status_text = Some(clip(&whole));
                // No row has the word: what it is made of, else the other signals.
                let head = status_then_details(&whole).and_then(|h| families::status_of(h, page.lang));
                // (A request in an element of its own counts too: "<span>At the pick-up
                // point</span><span>collect it and confirm receipt</span>". Then the status is
                // the head's, or none that words give: the request's words name no state.)
                let parts: Vec<&str> = tree.text_nodes(el).take(10).map(|t| tree.own_text(t).trim()).filter(|t| !t.is_empty()).collect();
                // (Only a request to confirm or to pay: "деньги возвращены на карту" under a
                // decided dispute says what happened.)
                let asks = |rest: &str| matches!(families::action_of(rest, page.lang), Some(families::Action::ConfirmReceipt | families::Action::PayNow));
                let split_request = (parts.len() > 1 && asks(&parts[1..].join(" "))).then(|| parts[0]);
                let head_only = split_request.is_some_and(|h| families::status_of(h, page.lang).is_none());
                let family = status_then_request(&whole, page.lang)
                    .or(split_request)
                    .and_then(|f| families::status_of(f, page.lang))
                    .or_else(|| (!head_only).then(|| families::status_of(&whole, page.lang)).flatten())
                    .or_else(|| families::ideas(&whole, page.lang).is_none().then_some(head).flatten())
                    // A badge that is an icon: its `aria-label` ("Unterwegs", "Refunded").
                    .or_else(|| icon_labels(tree, el).find_map(|l| families::status_of(l, page.lang)))
                    .or_else(|| (!head_only).then(|| parts.iter().find_map(|t| families::status_of(t, page.lang))).flatten())
                    // A status, then a clause of what comes next ("卖家备货中，预计48小时内发货":
                    // preparing, to ship within 48 hours): the status, if the clause names none.
                    .or_else(|| (!head_only).then(|| status_then_clause(&whole, page.lang)).flatten())
                    // Sentences and clauses, of which those that name a state agree ("Spór
                    // rozstrzygnięty na Twoją korzyść. Zamówienie zamknięte, pieniądze wróciły …").
                    .or_else(|| (!head_only).then(|| status_by_clauses(&whole, page.lang)).flatten());
                // The whole says what the controls rule out ("Delivered Dec 1 — confirm within 5
                // days" reads as delivered and confirmed): the words before its break, if the
                // controls allow those.
                let family = family.map(|st| match head {
                    Some(h) if !status::controls_allow(&s.actions, st) && status::controls_allow(&s.actions, h) => h,
                    _ => st,
                });
                match family {
                    Some(st) => word = Some((st, WordSource::Family)),
                    None => note(reading, format!("status label {:?} is in no language table", clip(&whole))),
                }
            }
        }
    } else {
        // No status element: the one status label the order's texts agree on, if any; else the
        // one status the word families of its short texts agree on.
        let mut distinct: Vec<&(Term, String)> = Vec::new();
        for l in &s.label_statuses {
            if !distinct.iter().any(|d| d.0 == l.0) {
                distinct.push(l);
            }
        }
        // The stepper's current step and a status label elsewhere that name different states:
        // the page says two things of now ("Completed" over a stepper still at "Awaiting
        // delivery"). The controls do not choose between them.
        if let Some((step, text)) = &s.step_status {
            if let Some(other) = distinct.iter().find(|(t, _)| term_status(*t).is_some_and(|st| st != *step)) {
                note(
                    reading,
                    format!(
                        "order {}: the stepper's current step ({:?}) and a status label ({:?}) disagree, status unknown",
                        order.id,
                        clip(text),
                        clip(&other.1)
                    ),
                );
                order.status = Status::Unknown;
                return;
            }
        }
        match (distinct.as_slice(), &s.step_status) {
            ([one], _) => from_label = Some((one.0, one.1.clone())),
            ([], Some((st, text))) => {
                word = Some((*st, WordSource::Family));
                order.status_text = Some(clip(text));
            }
            ([], None) => {
                let mut fam: Vec<&(Status, String)> = Vec::new();
                for f in s.family_statuses.iter().filter(|f| !s.date_labels.iter().any(|l| l == f.1.trim())) {
                    if !fam.iter().any(|d| d.0 == f.0) {
                        fam.push(f);
                    }
                }
                if fam.is_empty() {
                    for f in &s.phrase_statuses {
                        if !fam.iter().any(|d| d.0 == f.0) {
                            fam.push(f);
                        }
                    }
                }
                if let [(st, text)] = fam.as_slice() {
                    word = Some((*st, WordSource::Family));
                    order.status_text = Some(clip(text));
                }
            }
            _ => note(reading, format!("order {}: several status labels, status unknown", order.id)),
        }
    }
    if let Some((term, text)) = from_label {
        order.status_text = Some(clip(&text));
        match term {
            Term::Status(st) => word = Some((st, WordSource::Table)),
            Term::Dispute(p) => {
                if p == DisputeProgress::InProgress {
                    word = Some((Status::Dispute, WordSource::Table));
                }
                // "Refund completed" as the order's status: refunded, so closed (the contract's
                // `closed` includes refunded orders).
                if p == DisputeProgress::Decided {
                    word = Some((Status::Closed, WordSource::Table));
                }
                order.dispute = Some(p);
            }
            _ => {}
        }
    }
    // An icon in the status element that says another state than its words ("Pedido
    // cancelado" beside "Esperando la entrega"): the element contradicts itself.
    if let (Some(el), Some((st, _))) = (s.status_el.or(s.labelled_status).or(named), word) {
        if let Some(icon) = status_badges(tree, el).find(|l| families::status_of(l, page.lang).is_some_and(|x| x != st)) {
            note(reading, format!("order {}: the status icon ({:?}) and the status words disagree, status unknown", order.id, clip(icon)));
            order.status = Status::Unknown;
            return;
        }
    }
    // A badge elsewhere on a card that names another state ("<span class='order-item-badge'>
    // 交易已关闭</span>" on a card whose status says 已发货): the card contradicts itself.
    if let (PageKind::OrderList, Some((st, _))) = (page.kind, word) {
        let status_el = s.status_el.or(s.labelled_status).or(named);
        if let Some(badge) = text_badges(page, root, status_el).find(|b| families::status_of(b, page.lang).is_some_and(|x| x != st)) {
            note(reading, format!("order {}: a badge ({:?}) and the status words disagree, status unknown", order.id, clip(&badge)));
            order.status = Status::Unknown;
            return;
        }
    }
    // The legacy status code speaks when the label does not; when both speak, they must agree.
    if let Some((code_status, code)) = &s.status_code {
        match word {
            None if order.dispute.is_none() => word = Some((*code_status, WordSource::Code)),
            Some((w, _)) if w != *code_status && order.dispute.is_none() => {
                note(reading, format!("order {}: label and status code {code} disagree, status unknown", order.id));
                order.status = Status::Unknown;
                return;
            }
            _ => {}
        }
    }
    // "Delivered" says the parcel arrived, not whether its receipt was confirmed: a receipt date
    // on the page and no "Confirm received" to click say it was ("Pedido entregado" above
    // "Recepción confirmada automáticamente el …").
    if let (Some((Status::Shipped, source)), Some(text)) = (word, order.status_text.as_deref()) {
        let delivered = families::ideas(text, page.lang)
            .is_some_and(|i| i.has(Idea::Deliver) && !i.any(&[Idea::Ship, Idea::Transit, Idea::Wait, Idea::Not, Idea::Confirm, Idea::Receive, Idea::Handover]));
        if delivered && order.completed.is_some() && !s.actions.contains(&Action::ConfirmReceipt) {
            word = Some((Status::Completed, source));
        }
    }
    let signals = Signals { word, actions: s.actions.clone(), tab: page.tab, shipped_date: order.shipped.is_some(), completed_date: order.completed.is_some() };
    let (st, why) = status::decide(&signals);
    order.status = st;
    if let Some(why) = why {
        note(reading, format!("order {}: {why}", order.id));
    }
}

/// The element beside `n` that holds the status, when `n` is a short label naming the status
/// ("Status", "Estado del pedido", "Статус") and its next element a short value.
fn labelled_status(page: &Page<'_, '_>, n: NodeId) -> Option<NodeId> {
    let tree = page.tree;
    // (A label is its element's one text: asked of every element, this looks no further.)
    let label = match tree.children(n) {
        [t] if tree.is_text(*t) => tree.own_text(*t),
        _ => return None,
    };
    if !families::is_status_label(label.trim().trim_end_matches([':', '：']), page.lang) {
        return None;
    }
    let parent = tree.parent(n)?;
    let kids = tree.children(parent);
    let i = kids.iter().position(|&k| k == n)?;
    let value = kids[i + 1..].iter().copied().find(|&k| !tree.is_text(k) || !tree.own_text(k).trim().is_empty())?;
    // (Not the next label of a grid of labels: "Status" beside "Total", values further on.)
    let value_text = short_text(tree, value, 80, 20).filter(|t| !t.trim().is_empty())?;
    let a_label =
        value_text.trim_end().ends_with([':', '：']) || locales::field_line_in(&value_text, page.lang).is_some_and(|(_, _, rest)| rest.trim().is_empty());
    (!tree.is_text(value) && !a_label && tree.attr(n, "id").is_none()).then_some(value)
}

/// Whether an element's attributes name it the status: a `data-testid`, `data-pl` or class token
/// whose words include "status" ("orderStatus", "order-status", "Card__status__5eF6"), not the
/// status of a payment, a parcel or a dispute; and its text short.
fn named_status(tree: &PageTree<'_>, n: NodeId) -> bool {
    let names = |v: &str| {
        v.split_ascii_whitespace().any(|token| {
            let t = crate::wire::text::ascii_lower(token);
            t.contains("status") && !["pay", "logistic", "track", "ship", "dispute", "issue", "badge", "icon", "text-"].iter().any(|w| t.contains(w))
        })
    };
    ["data-testid", "data-pl", "class"].iter().filter_map(|a| tree.attr(n, a)).any(names) && short_text(tree, n, 80, 12).is_some()
}

/// The state a status or dispute term names, if it names one.
fn term_status(t: Term) -> Option<Status> {
    match t {
        Term::Status(st) => Some(st),
        Term::Dispute(DisputeProgress::InProgress) => Some(Status::Dispute),
        _ => None,
    }
}

/// The state an icon says by its label (`role="img"`, `aria-label` "Refunded"), or a wordless
/// badge by its tooltip ("<span title='Aguardando envio'>📦</span>").
fn icon_status<'t>(page: &Page<'t, '_>, n: NodeId) -> Option<(Status, &'t str)> {
    let tree = page.tree;
    let label = if tree.attr(n, "role") == Some("img") {
        tree.attr(n, "aria-label")
    } else {
        // (The attributes first: most elements have none, and their text is not looked at.)
        let said = tree.attr(n, "title").or_else(|| tree.attr(n, "aria-label"));
        said.filter(|_| {
            let text = || tree.text(n);
            !tree.is_text(n) && tree.descendants(n).nth(4).is_none() && !text().chars().any(char::is_alphanumeric) && !text().trim().is_empty()
        })
    };
    let label = label.filter(|l| is_status_like(l))?;
    families::status_of(label, page.lang).map(|st| (st, label))
}

/// The `aria-label`s of the icons in a status element (`role="img"`, `<i>`, `<svg>`): a badge
/// may say its state only there.
fn icon_labels<'t>(tree: &'t PageTree<'_>, el: NodeId) -> impl Iterator<Item = &'t str> + 't {
    std::iter::once(el)
        .chain(tree.descendants(el).take(20))
        .filter(move |&x| tree.attr(x, "role") == Some("img") || matches!(tree.tag(x), "i" | "svg" | "span"))
        .filter_map(move |x| tree.attr(x, "aria-label"))
        .filter(|l| !l.trim().is_empty())
}

/// What the wordless badges beside a status element say (their `aria-label` or `title`): in
/// the element, or in the small block that holds it ("<span>等待收货</span><span title='已关闭'>🔒
/// </span>", "<i role=img aria-label='Pedido cancelado'></i><div>Esperando la entrega</div>").
fn status_badges<'t>(tree: &'t PageTree<'_>, el: NodeId) -> impl Iterator<Item = &'t str> + 't {
    let block = tree.parent(el).filter(|&p| tree.descendants(p).nth(12).is_none()).unwrap_or(el);
    std::iter::once(block)
        .chain(tree.descendants(block).take(12))
        .filter(move |&x| !tree.is_text(x) && !tree.text(x).chars().any(char::is_alphanumeric))
        .flat_map(move |x| ["aria-label", "title"].into_iter().filter_map(move |a| tree.attr(x, a)))
        .filter(|l| !l.trim().is_empty())
}

/// The words of a card's badges outside its status element: elements with a class token
/// naming a badge ("order-item-badge", "status-badge"), a few words long, not controls.
fn text_badges<'t>(page: &'t Page<'_, '_>, root: NodeId, status_el: Option<NodeId>) -> impl Iterator<Item = String> + 't {
    let tree = page.tree;
    tree.descendants(root)
        .take(400)
        .filter(move |&x| {
            !tree.is_text(x) && tree.attr(x, "class").is_some_and(|c| c.split_ascii_whitespace().any(|t| crate::wire::text::ascii_lower(t).contains("badge")))
        })
        .filter(move |&x| status_el.is_none_or(|el| !tree.ancestors_or_self(x).any(|a| a == el) && !tree.ancestors_or_self(el).any(|a| a == x)))
        .filter(move |&x| !tree.ancestors_or_self(x).take(3).any(|a| page.clickable(a)))
        .map(move |x| tree.text(x))
        .filter(|t| !t.is_empty() && t.split_whitespace().count() <= 4 && t.chars().count() <= 30)
}

/// The status part of a status followed by a request to the shopper ("Entregue. Confirme se
/// recebeu tudo", "Zugestellt – bitte Erhalt bestätigen", "Pedido completado · Deja tu
/// valoración"): the words before the first break, when those after it ask for an action and say
/// nothing of an end ("Streitfall – zurückgezogen" is one status).
fn status_then_request(whole: &str, lang: Option<Lang>) -> Option<&str> {
    const BREAKS: [char; 9] = ['.', '·', '!', '|', '。', '•', '–', '—', ','];
    // Each break in turn: a comma may be a date's ("Delivered Dec 1, 2026 — confirm within 5 days").
    whole.match_indices(BREAKS).take(6).find_map(|(k, _)| {
        let (head, rest) = (whole[..k].trim(), whole[k..].trim_start_matches(|c: char| BREAKS.contains(&c) || c.is_whitespace()));
        let ends = families::ideas(rest, lang).is_some_and(|i| i.any(&[Idea::Done, Idea::Cancel, Idea::Close, Idea::Expire]));
        (!head.is_empty() && families::action_of(rest, lang).is_some() && !ends).then_some(head)
    })
}

/// The words before the first break of a status too long to read whole ("Cancelled — US $7.99
/// is back on your card", "🚚 Koala Craft Store shipped it — On Its Way To You"): the status,
/// then what it means.
fn status_then_clause(whole: &str, lang: Option<Lang>) -> Option<Status> {
    let (head, rest) = whole.split_once([',', '，', ';', '；'])?;
    let st = families::status_of(head.trim(), lang)?;
    families::status_of(rest.trim(), lang).is_none().then_some(st)
}

/// The state a status's sentences and clauses name when all that name one name the same, and
/// at least one does (at most eight clauses).
fn status_by_clauses(whole: &str, lang: Option<Lang>) -> Option<Status> {
    let clauses: Vec<&str> = whole.split(['.', '!', '?', '。', '！', '？', ',', '，', ';', '；']).map(str::trim).filter(|c| !c.is_empty()).collect();
    if clauses.len() < 2 || clauses.len() > 8 {
        return None;
    }
    // A request says the state that asks for it ("Falta pagar": awaiting payment; "Que tal
    // avaliar?": completed); one about confirming receipt says nothing (the words do not tell
    // "confirm that you got it" from "you confirmed that you got it"); a condition or what will
    // happen says none ("o pedido será cancelado").
    let state = |c: &&str| match families::action_of(c, lang) {
        _ if families::says_if_or_ahead(c, lang) => None,
        Some(families::Action::PayNow) => Some(Status::AwaitingPayment),
        Some(families::Action::ConfirmReceipt) => None,
        Some(families::Action::Review) => Some(Status::Completed),
        _ => families::status_of(c, lang),
    };
    let mut found = clauses.iter().filter_map(state);
    let first = found.next()?;
    found.all(|st| st == first).then_some(first)
}

fn status_then_details(whole: &str) -> Option<&str> {
    let k = whole.find(['·', '|', '•', '–', '—', '(', '。', '!'])?;
    Some(whole[..k].trim()).filter(|h| !h.is_empty())
}

/// The text of another element of the order marked as its status the way `el` is (the same
/// `data-pl`, `data-testid` or class attribute), when it names a different status than `whole`.
fn other_status(page: &Page<'_, '_>, root: NodeId, el: NodeId, whole: &str) -> Option<String> {
    let tree = page.tree;
    let status_of = |t: &str| match locales::term(t, page.lang) {
        Some(Term::Status(st)) => Some(st),
        Some(Term::Dispute(DisputeProgress::InProgress)) => Some(Status::Dispute),
        _ => families::status_of(t, page.lang),
    };
    let mine = status_of(whole)?;
    let marks: Vec<(&str, &str)> = ["data-pl", "data-testid", "class"].iter().filter_map(|a| tree.attr(el, a).map(|v| (*a, v))).collect();
    if marks.is_empty() {
        return None;
    }
    let inside_el = |n: NodeId| tree.ancestors_or_self(n).take_while(|&a| a != root).any(|a| a == el);
    tree.descendants(root).take(3000).filter(|&n| !tree.is_text(n) && !inside_el(n)).find_map(|n| {
        marks.iter().any(|(a, v)| tree.attr(n, a) == Some(*v)).then_some(())?;
        let t = short_text(tree, n, 60, 10)?;
        status_of(&t).filter(|st| *st != mine).map(|_| t)
    })
}

/// A detail page is about one order: a control that names a state anywhere on it ("Confirm
/// received" in a sticky bar or a menu outside the order's element) is that order's too. Only
/// those that name a state: the page's recommendations offer "Add to cart" and the like.
fn controls_outside(page: &Page<'_, '_>, root: NodeId, actions: &mut Vec<Action>) {
    let tree = page.tree;
    let mut inside = vec![false; tree.len()];
    for n in tree.descendants(root) {
        inside[n] = true;
    }
    for n in (0..tree.len()).filter(|&n| n != root && !tree.is_text(n) && !inside[n]) {
        if let Some(a) = action_of_control(page, n).filter(|a| status::allowed_by(*a).is_some()) {
            if !actions.contains(&a) {
                actions.push(a);
            }
        }
    }
}

/// What a control inside an order offers, by its label: a table row, else its word family.
fn action_of_control(page: &Page<'_, '_>, n: NodeId) -> Option<Action> {
    let tree = page.tree;
    // The card itself as a link, or a link to an order's page, is no button of the order's.
    // (Nor a product's or a store's link: named for what it shows.)
    if !page.clickable(n)
        || tree.attr(n, "href").and_then(order_id_in_link).is_some()
        || controls::leads_to_a_product_or_store(tree, n)
        || controls::leads_off_the_site(tree, n)
    {
        return None;
    }
    // A control the page has switched off offers nothing now: a greyed-out "Confirm received"
    // on an order not shipped yet (blind round twenty).
    if controls::is_disabled(tree, n) {
        return None;
    }
    let label = controls::label_of(tree, n)?;
    match locales::term(&label, page.lang) {
        Some(Term::Control(kind)) => Some(match kind {
            ControlKind::ConfirmReceipt => Action::ConfirmReceipt,
            ControlKind::OpenDispute => Action::OpenDispute,
            ControlKind::ReturnsRefunds => Action::ReturnsRefunds,
            ControlKind::ExtendProtection => Action::ExtendProtection,
            ControlKind::CancelDispute => Action::CancelDispute,
            ControlKind::TrackOrder => Action::Track,
        }),
        Some(_) => None,
        None => families::action_of(&label, page.lang),
    }
}

/// Phrases anywhere in the order's (normalised) text.
fn read_phrases(page: &Page<'_, '_>, text: &str, order: &mut Order) {
    let mut protection: Option<(NaiveDate, ProtectionSource)> = None;
    let mut progress: Vec<DisputeProgress> = Vec::new();
    for (term, lang, phrase) in &page.phrases {
        match term {
            Term::Field(f @ (Field::RefundIfNoDelivery | Field::DoesNotArrive)) => {
                let rules = page.deadline_rules(Some(*lang));
                for (i, _) in text.match_indices(phrase.as_str()) {
                    let after = &text[i + phrase.len()..];
                    if let Some((d, _)) = parse_date_prefix(after, &rules) {
                        let source = if *f == Field::RefundIfNoDelivery { ProtectionSource::RefundIfNoDelivery } else { ProtectionSource::DoesNotArrive };
                        // Several products, several dates: the earliest is the one that holds.
                        if protection.is_none_or(|(p, _)| d < p) {
                            protection = Some((d, source));
                        }
                    }
                }
            }
            Term::Window(purpose, from) => {
                let Some((pre, post)) = phrase.split_once("{n}") else { continue };
                for (i, _) in text.match_indices(pre) {
                    let after = &text[i + pre.len()..];
                    let after_trim = after.trim_start();
                    let digits = after_trim.bytes().take_while(u8::is_ascii_digit).count();
                    if digits == 0 || digits > 3 {
                        continue;
                    }
                    let rest = after_trim[digits..].trim_start();
                    if !rest.starts_with(post.trim_start()) {
                        continue;
                    }
                    let Ok(days) = after_trim[..digits].parse::<u32>() else { continue };
                    let w = StatedWindow { days, from: *from, purpose: *purpose };
                    if days > 0 && !order.stated_windows.contains(&w) {
                        order.stated_windows.push(w);
                    }
                }
            }
            Term::Economy if text.contains(phrase.as_str()) => order.economy_shipping = Some(true),
            // A partial refund concerns some items: it decides no dispute of the order. A dispute
            // opened on a day ("Dispute opened 12 Nov", a timeline's step) is an event, not the
            // state now.
            Term::Dispute(p) if contains_phrase(text, phrase) => {
                let partial = |i: usize| families::says_partial(&text[text.floor_char_boundary(i.saturating_sub(24))..i]);
                let rules = page.date_rules(Some(*lang));
                // (A word for "on" may come first: "Disputa aberta em 22 de nov."; blind round
                // twenty-seven.)
                let dated = |i: usize| {
                    let after = text[i + phrase.len()..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '·' | ',' | '-'));
                    let after = match after.split_once(' ') {
                        Some((on, rest)) if ["on", "am", "le", "el", "em", "en", "w", "в", "dnia", "at", "à"].contains(&on) => rest,
                        _ => after,
                    };
                    parse_date_prefix(after, &rules).is_some()
                };
                let counts = |i: usize| match p {
                    DisputeProgress::Decided => !partial(i),
                    DisputeProgress::InProgress => !dated(i),
                    _ => true,
                };
                if text.match_indices(phrase.as_str()).any(|(i, _)| counts(i)) {
                    progress.push(*p);
                }
            }
            _ => {}
        }
    }
    if let Some((d, source)) = protection {
        order.protection_ends = Some(d);
        order.protection_source = Some(source);
    }
    // A dispute under way outranks an older cancelled or decided one on the same page.
    for p in [DisputeProgress::InProgress, DisputeProgress::Decided, DisputeProgress::Cancelled] {
        if order.dispute.is_none() && progress.contains(&p) {
            order.dispute = Some(p);
        }
    }
    if order.dispute == Some(DisputeProgress::InProgress) && order.status == Status::Unknown && order.status_text.is_none() {
        order.status = Status::Dispute;
    }
}

/// The ideas of a sentence in the page's language, else in any.
fn sentence_ideas_of(page: &Page<'_, '_>, sentence: &str) -> Option<families::Ideas> {
    families::sentence_ideas(sentence, page.lang).or_else(|| families::sentence_ideas(sentence, None))
}

/// Whether the words after a date are a case's step ("<date> · Demande de remboursement ouverte
/// (motif : colis non reçu)"): an event of the case, not a promise of a refund by that day
/// (blind round twenty-nine).
fn a_cases_step(page: &Page<'_, '_>, words_after_date: &str) -> bool {
    sentence_ideas_of(page, words_after_date).is_some_and(|i| i.any(&[Idea::Request, Idea::Dispute]))
}

/// The end of buyer protection stated in sentences no table lists ("Rückerstattung, falls keine
/// Lieferung bis zum …", "若在 … 前未送达，全额退款", "Tu protección está activa hasta el …"): a
/// sentence holding one date whose words say money back if the parcel has not arrived, or the
/// end of protection (`families::protection_limit_of`). The earliest of each kind (several
/// products, several dates: the earliest holds).
fn limit_sentences(page: &Page<'_, '_>, root: NodeId) -> Vec<(NaiveDate, ProtectionSource)> {
    let tree = page.tree;
    let rules = page.deadline_rules(None);
    let mut found: Vec<(NaiveDate, ProtectionSource)> = Vec::new();
    for t in tree.text_nodes(root).take(3000) {
        let text = tree.own_text(t);
        if text.len() > 300 {
            continue;
        }
        let Some((d, start, end)) = find_date(text, &rules) else { continue };
        // Only the date's own sentence: "Vous avez retiré votre demande le <date>. Si le colis
        // n'arrive toujours pas, …" promises nothing by that day (blind round twenty-nine).
        let stop = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？');
        let before_date = text[..start].rfind(stop).map_or(&text[..start], |i| &text[text.ceil_char_boundary(i + 1)..start]);
        // (A sentence that ends at the date says nothing of the next one's words.)
        let after_date = if text[end..].trim_start().starts_with(stop) { "" } else { &text[end..] };
        let words = format!("{before_date} {after_date}");
        let Some(source) = kind_of_limit(page, &words) else { continue };
        // (A case's step that opens with its day is no promise.)
        let opens_with_date = !text[..start].chars().any(char::is_alphabetic);
        if opens_with_date && a_cases_step(page, &text[end..]) {
            continue;
        }
        // The end said as such ends at this date: its limit word stands beside it ("activa hasta
        // el …", "… endet"), not elsewhere ("extended by 15 days", "approved on …").
        let near = |w: &str| families::ideas(w, page.lang).is_some_and(|i| i.any(&[Idea::Before, Idea::End]));
        let last_two = |t: &str| t.split_whitespace().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(" ");
        let first_two = |t: &str| t.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        if source == ProtectionSource::Stated && !near(&last_two(&text[..start])) && !near(&first_two(&text[end..])) {
            continue;
        }
        match found.iter_mut().find(|(_, k)| *k == source) {
            Some(f) if d < f.0 => f.0 = d,
            Some(_) => {}
            None => found.push((d, source)),
        }
    }
    found
}

/// What the order's texts say of how its dispute ended (`families::dispute_outcome_in`), in any
/// of its elements but a control's ("Close dispute", "Cancel dispute"); a timeline's step may say
/// it ("<li><time>…</time> Спор закрыт в пользу продавца</li>"). Decided wins over cancelled.
/// `text`, the order's whole text, is looked at first: most orders name no dispute at all.
fn dispute_outcome_in<'t>(page: &Page<'t, '_>, root: NodeId, text: &str) -> Option<(families::Outcome, &'t str)> {
    if !families::mentions_dispute(text) {
        return None;
    }
    let tree = page.tree;
    let mut found = None;
    for t in tree.text_nodes(root).take(3000) {
        let said = tree.own_text(t);
        if said.len() > 300 {
            continue;
        }
        let Some(outcome) = families::dispute_outcome_in(said, page.lang) else { continue };
        if in_control(page, root, t) {
            continue;
        }
        if outcome == families::Outcome::Decided {
            return Some((outcome, said));
        }
        found.get_or_insert((outcome, said));
    }
    found
}

/// A window stated in a sentence no table lists (`read::stated_window`), in a text of the
/// order that holds no date.
fn read_window_sentences(page: &Page<'_, '_>, root: NodeId, order: &mut Order) {
    let tree = page.tree;
    let rules = page.date_rules(None);
    let found = tree.text_nodes(root).take(3000).map(|t| tree.own_text(t)).find_map(|text| {
        let candidate = text.contains(|c: char| c.is_ascii_digit()) && find_date(text, &rules).is_none();
        candidate.then(|| crate::read::stated_window::stated_window(text, page.lang)).flatten()
    });
    order.stated_windows.extend(found);
}

/// The limit a date's label states ("Käuferschutz endet", "Refund if not delivered by").
fn kind_of_limit(page: &Page<'_, '_>, label: &str) -> Option<ProtectionSource> {
    match families::protection_limit_of(label, page.lang)? {
        families::Limit::RefundIfNoDelivery => Some(ProtectionSource::RefundIfNoDelivery),
        families::Limit::DoesNotArrive => Some(ProtectionSource::DoesNotArrive),
        families::Limit::ProtectionEnds => Some(ProtectionSource::Stated),
    }
}

/// `phrase` in `text` as whole words (so "спор" does not match inside another word).
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() || locales::is_cjk(c));
        boundary(before) && boundary(after)
    })
}

/// Elements that start a block of their own: the words after a countdown stop at its end.
const BLOCKS: &[&str] = &[
    "div", "p", "li", "tr", "td", "th", "dd", "dt", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table",
    "form", "button",
];

/// Countdowns tell the end of buyer protection only for an order on its way: before shipment
/// the site counts the seller's time to ship, after receipt there is nothing left to count.
/// A countdown that disagrees with a date the page states ("Refund if no delivery before …")
/// by more than a day leaves the end unknown: `true` then.
fn read_countdowns(page: &Page<'_, '_>, s: &Scan, root: NodeId, text: &str, order: &mut Order) -> bool {
    // (A dispute that is over leaves protection running: "Спор закрыт …: решение в пользу
    // продавца. Автоподтверждение через 6 дн.")
    if order.status != Status::Shipped || order.dispute == Some(DisputeProgress::InProgress) {
        return false;
    }
    // (Two statements of the end already disagree: a countdown settles nothing.)
    if order.protection_source == Some(ProtectionSource::Contradicted) {
        return false;
    }
    let tree = page.tree;
    let mut found: Option<Countdown> = None;
    if let Some(ms) = &s.lefttime {
        found = countdown::from_millis(ms);
    }
    if found.is_none() {
        if let Some(day) = s.remain_day {
            let hours = s.remain_hour.and_then(|h| short_text(tree, h, 10, 5));
            found = short_text(tree, day, 10, 5).and_then(|d| countdown::from_parts(&d, hours.as_deref()));
        }
    }
    if found.is_none() {
        for (term, _, phrase) in &page.phrases {
            if *term != Term::CountdownLabel {
                continue;
            }
            for (i, _) in text.match_indices(phrase.as_str()) {
                if let Some((c, _)) = countdown::parse_countdown_prefix(&text[i + phrase.len()..]) {
                    found = Some(c);
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
    }
    if found.is_none() {
        // (A control's label is no sentence around a countdown: "хранение 7 дней" beside a
        // "Подтвердить получение" button counts the pick-up point's days, not protection.)
        // The words after a countdown end with its block ("¶"): the next row's "发货时间" is
        // no part of them; the words before it may come from the block before (its label).
        let block_of = |t: NodeId| tree.ancestors_or_self(t).skip(1).take(6).find(|&a| a == root || BLOCKS.contains(&tree.tag(a)));
        let mut words = String::new();
        let mut block = None;
        for t in tree.text_nodes(root) {
            let b = block_of(t);
            if block.is_some() && b != block {
                words.push_str(" ¶ ");
            }
            block = b;
            // (A full stop ends the sentence either way, and survives `normalise`.)
            words.push_str(if in_control(page, root, t) { "。" } else { tree.own_text(t) });
            words.push(' ');
        }
        found = countdown_by_its_words(page, &locales::normalise(&words));
    }
    let Some(c) = found else { return false };
    let counted = page.today.checked_add_signed(Duration::days(c.whole_days() as i64));
    match (order.protection_ends, counted) {
        (None, _) => {
            order.protection_ends = counted;
            order.protection_source = counted.map(|_| ProtectionSource::Countdown);
            false
        }
        (Some(stated), Some(counted)) if (counted - stated).num_days().abs() > 1 => {
            order.protection_ends = None;
            order.protection_source = Some(ProtectionSource::Contradicted);
            true
        }
        _ => false,
    }
}

/// A countdown ("2 dias 07:14:09") whose preceding words, in any wording, say it counts down
/// buyer protection ("A proteção do comprador termina em").
fn countdown_by_its_words(page: &Page<'_, '_>, text: &str) -> Option<Countdown> {
    let mut tried = 0;
    for (i, c) in text.char_indices() {
        let starts_number = c.is_ascii_digit() && !text[..i].ends_with(|p: char| p.is_ascii_digit());
        if !starts_number {
            continue;
        }
        tried += 1;
        if tried > 200 {
            break;
        }
        let in_units = countdown::parse_countdown_prefix(&text[i..]);
        let Some((found, len)) = in_units.or_else(|| countdown::clock_prefix(&text[i..])) else { continue };
        // The words just before it, back to the previous sentence's end.
        let before = &text[..i];
        let from = before.rfind(['.', '!', '?', '。', '\n']).map_or(0, |k| k + before[k..].chars().next().map_or(1, char::len_utf8));
        // Those of its own block ("¶" ends a block), or of the block before when the countdown
        // opens its block: another row's words ("передан в доставку") are no label of it.
        let words: Vec<&str> = before[from..].split_whitespace().collect();
        let mut blocks = words.split(|w| *w == "¶").rev();
        let own = blocks.next().unwrap_or_default();
        let label = if own.is_empty() { blocks.next().unwrap_or_default() } else { own };
        let label = label[label.len().saturating_sub(8)..].join(" ");
        // A bare clock ("71:59:10") is a countdown only right after its words: "ends 2026-12-05
        // 10:51:32" is a date and its time.
        if in_units.is_none() && label.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if families::is_protection_countdown(&label, text.get(i + len..).unwrap_or(""), page.lang) {
            return Some(found);
        }
        // Its label says only that time remains ("Tiempo restante:", "Осталось"): on a shipped
        // order (the only orders read here) paying and shipping are over, and what the site
        // counts down is buyer protection.
        if families::ideas(&label, page.lang).is_some_and(|i| i.only(&[Idea::End])) {
            return Some(found);
        }
    }
    None
}

/// Items: each title element (or each link to a product page when the layout has no title
/// hook), with the quantity ("x2") found in the title's own block.
fn read_items(tree: &PageTree<'_>, root: NodeId, s: &Scan) -> Vec<Item> {
    let starts: Vec<NodeId> = if !s.item_names.is_empty() {
        s.item_names.clone()
    } else {
        // Product links; a thumbnail and a title linking to the same product are one item.
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for (n, path) in &s.item_links {
            if seen.contains(&path.as_str()) {
                continue;
            }
            if item_title(tree, *n).is_some() {
                seen.push(path);
                out.push(*n);
            }
        }
        out
    };
    // How many item starts each nearby ancestor holds, to find each item's own block.
    let mut holds: HashMap<NodeId, usize> = HashMap::new();
    for &n in &starts {
        for a in ancestors_within(tree, n, root, 4) {
            *holds.entry(a).or_default() += 1;
        }
    }
    let mut items = Vec::new();
    for &n in starts.iter().take(200) {
        let Some(title) = item_title(tree, n) else { continue };
        let mut block = n;
        for a in ancestors_within(tree, n, root, 4) {
            if holds.get(&a).copied().unwrap_or(0) != 1 {
                break;
            }
            block = a;
        }
        let quantity = tree.text_nodes(block).take(100).find_map(|t| quantity(tree.own_text(t)));
        items.push(Item { title, quantity });
    }
    items
}

/// An item's title: a `title` attribute in it (the site puts the full title there), else its
/// text.
fn item_title(tree: &PageTree<'_>, n: NodeId) -> Option<String> {
    let from_attr = std::iter::once(n)
        .chain(tree.descendants(n).take(20))
        .find_map(|x| tree.attr(x, "title").map(crate::wire::text::collapse_ws).filter(|t| !t.is_empty()));
    let title = from_attr.or_else(|| short_text(tree, n, 600, 40)).filter(|t| !t.is_empty())?;
    Some(clip(&title))
}

/// "x2", "X 2", "×2", "х2" (Cyrillic), "2 шт.", "2件" → 2.
fn quantity(text: &str) -> Option<u32> {
    let t = text.trim();
    let num = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten().filter(|q| *q > 0)
    };
    for prefix in ["x", "X", "×", "х", "Х"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return num(rest);
        }
    }
    for suffix in ["шт.", "шт", "件", "pcs", "pcs."] {
        if let Some(rest) = t.strip_suffix(suffix) {
            return num(rest);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_in_the_shapes_pages_use() {
        assert_eq!(quantity("x2"), Some(2));
        assert_eq!(quantity(" X 12 "), Some(12));
        assert_eq!(quantity("×3"), Some(3));
        assert_eq!(quantity("2 шт."), Some(2));
        assert_eq!(quantity("x0"), None);
        assert_eq!(quantity("x2.5"), None);
        assert_eq!(quantity("xbox"), None);
    }

    #[test]
    fn ids_in_text() {
        assert_eq!(id_in_text("№ 5123 4567 8901 2345").as_deref(), Some("5123456789012345"));
        assert_eq!(id_in_text("5123456789012345 Copy"), None);
        assert_eq!(id_in_text("123"), None);
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(contains_phrase("статус: спор открыт.", "спор открыт"));
        assert!(!contains_phrase("распор открыт", "спор открыт"));
        assert!(contains_phrase("订单纠纷处理中", "纠纷处理中"));
    }
}
