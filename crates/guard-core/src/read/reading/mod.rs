//! Reading a page: which orders it shows and what it says about them, which controls matter,
//! which file inputs take evidence, and the page's language.
//!
//! One module per layout holds that layout's hooks (classes, `data-*`) at its top, each with its
//! source; the shared readers (`facts`, `roots`, `controls`, `language`) do the rest. Readers
//! prefer, in order: URL patterns and ids in links, `data-*` hooks, visible text, then stable
//! class names; never hashed class names. Unsure means absent or `unknown`, never a guess.
//!
//! Reading is linear in the size of the snapshot: every pass walks the tree once, and work per
//! order is bounded by the order's own subtree (see `tests/reading_scale.rs`).

mod controls;
mod current_detail;
mod current_list;
mod detail_page;
mod file_inputs;
mod language;
mod legacy;
mod order_reader;
mod roots;
mod ru;
mod status;

pub use file_inputs::DisputeFormReading;

use crate::read::dates::DateRules;
use crate::read::locales::{ControlKind, Lang};
use crate::read::page_kind::{Layout, PageKind};
use crate::wire::order::Order;
use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::NodeId;
use chrono::NaiveDate;

pub use language::detect_language;

/// One order found on the page, with the element that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderReading {
    pub root: NodeId,
    pub order: Order,
}

/// A control the extension acts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Control {
    pub node: NodeId,
    pub kind: ControlKind,
    /// The order it belongs to, when the page makes that clear.
    pub order_id: Option<String>,
    /// The confirm button of the site's own "are you sure?" popup (it follows a control the
    /// shopper already let through, so the guard does not ask twice).
    pub site_popup: bool,
    /// Switched off on the page (`disabled`, `aria-disabled="true"`, a class saying so): it still
    /// tells the order's state, but is no step worth lighting ("Открыть спор" greyed out after a
    /// decided dispute; blind round nineteen).
    pub disabled: bool,
}

/// A file input that takes dispute evidence, with what the page says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileInput {
    pub node: NodeId,
    pub accept: Option<String>,
    pub multiple: bool,
    /// The text around the input ("up to 3 photos, max 5 MB each").
    pub hint: String,
    /// The input's upload area (where the site takes dropped files too), when there is one.
    pub zone: Option<NodeId>,
    /// A partial snapshot carried the input without its surroundings: read this ancestor whole.
    pub reread: Option<NodeId>,
    /// Where the input sits on the form, the same for the input a re-rendering site puts in
    /// its place (file_inputs.rs `place_of`).
    pub place: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageReading {
    pub kind: PageKind,
    pub layout: Layout,
    pub lang: Option<Lang>,
    pub orders: Vec<OrderReading>,
    pub controls: Vec<Control>,
    pub file_inputs: Vec<FileInput>,
    pub notes: Vec<String>,
    /// Elements the core saw only as the context of a partial snapshot but needs whole (an order
    /// card whose content arrived after the card itself): the planner asks for a re-read.
    pub rereads: Vec<NodeId>,
    /// On dispute pages: the form the assistant helps with (reading/file_inputs.rs).
    pub dispute_form: Option<DisputeFormReading>,
    /// The list's cards were found by the ids they link to, no class naming them (said again on
    /// partial reads, so that the cards a load-more adds are found the same way).
    pub cards_by_ids: bool,
}

/// Everything a reader needs besides the tree.
pub struct ReadContext {
    pub kind: PageKind,
    pub layout: Layout,
    /// The page's language as known before reading: from an earlier read of the same page
    /// (echoed with partial snapshots), else from `<html lang>` (a tie-breaker only).
    pub lang: Option<Lang>,
    /// The shopper's local date and time, for countdowns and dates without a year.
    pub now: chrono::NaiveDateTime,
}

impl ReadContext {
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

/// Notes for the extension's console, bounded so a hostile page cannot flood it.
const MAX_NOTES: usize = 40;

/// What the readers share while reading one page.
pub(crate) struct Page<'t, 'a> {
    pub tree: &'t PageTree<'a>,
    pub kind: PageKind,
    pub layout: Layout,
    pub lang: Option<Lang>,
    pub today: NaiveDate,
    pub url: &'a str,
    /// The snapshot covers the whole page (not a few added nodes with their ancestors).
    pub whole: bool,
    /// An earlier read of this page found its cards by their ids (echoed with partial reads).
    pub cards_by_ids: bool,
    /// On a detail page, the order its URL names.
    pub page_order: Option<String>,
    /// The page language's phrases (all languages' when it is unknown), normalised.
    pub phrases: Vec<(crate::read::locales::Term, Lang, String)>,
    /// `<html lang>` as the page gives it ("en-GB"): its region tells how English writes
    /// all-number dates.
    pub html_lang: &'a str,
    /// On a list page filtered by a tab ("To ship"), the status the tab names.
    pub tab: Option<crate::wire::order::Status>,
    /// Which nodes are controls (`controls::is_clickable`), worked out once for the page: the
    /// readers ask it of every element and of each text's ancestors.
    pub clickable: std::cell::OnceCell<Vec<bool>>,
}

impl Page<'_, '_> {
    /// Whether node `n` is something a shopper can click (`controls::is_clickable`).
    pub fn clickable(&self, n: NodeId) -> bool {
        let all = self.clickable.get_or_init(|| (0..self.tree.len()).map(|x| !self.tree.is_text(x) && controls::is_clickable(self.tree, x)).collect());
        all.get(n).copied().unwrap_or(false)
    }

    pub fn date_rules(&self, lang: Option<Lang>) -> DateRules {
        let lang = lang.or(self.lang);
        DateRules {
            lang,
            today: self.today,
            year_optional: self.layout == Layout::Ru,
            day_first: crate::read::dates::day_first_for(lang, self.html_lang),
            deadline: false,
        }
    }

    /// For the dates of limits ("Refund if no delivery before 28 Dec"): a deadline written
    /// without its year is still one, the nearest such day.
    pub fn deadline_rules(&self, lang: Option<Lang>) -> DateRules {
        DateRules { deadline: true, year_optional: true, ..self.date_rules(lang) }
    }
}

pub(crate) fn note(reading: &mut PageReading, text: String) {
    if reading.notes.len() < MAX_NOTES && !reading.notes.contains(&text) {
        reading.notes.push(text);
    }
}

/// The text of an element if it is short (a label): at most `max_chars` characters gathered
/// from at most `max_nodes` nodes, else `None`. Bounded, so that scanning every button of a
/// page stays linear even when buttons nest deeply.
pub(crate) fn short_text(tree: &PageTree<'_>, n: NodeId, max_chars: usize, max_nodes: usize) -> Option<String> {
    let mut out = String::new();
    for (visited, x) in std::iter::once(n).chain(tree.descendants(n)).enumerate() {
        if visited >= max_nodes {
            return None;
        }
        if tree.is_text(x) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(tree.own_text(x));
            if out.chars().count() > max_chars {
                return None;
            }
        }
    }
    Some(crate::wire::snapshot::collapse_ws(&out))
}

/// The status a list's selected tab names ("To ship", "Shipped"), when one is selected: an
/// element with `role="tab"` and `aria-selected="true"`, or whose class says it is a tab and the
/// active one (`comet-tabs-nav-item-active`). "View all" names none.
fn list_tab(tree: &PageTree<'_>, lang: Option<Lang>) -> Option<crate::wire::order::Status> {
    let selected = |n: NodeId| {
        if tree.attr(n, "role") == Some("tab") {
            return tree.attr(n, "aria-selected") == Some("true");
        }
        tree.attr(n, "class").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            c.split_ascii_whitespace().any(|t| t.contains("tab"))
                && c.split_ascii_whitespace().any(|t| t.ends_with("active") || t.ends_with("selected") || t.ends_with("current"))
        })
    };
    let mut found = None;
    for root in tree.roots() {
        for n in std::iter::once(root).chain(tree.descendants(root)) {
            if tree.is_text(n) || !selected(n) {
                continue;
            }
            let text = short_text(tree, n, 40, 10)?;
            // A count beside the name ("To ship 2").
            let name = text.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "()".contains(c));
            let status = match crate::read::locales::term(name, lang) {
                Some(crate::read::locales::Term::Status(s)) => Some(s),
                _ => crate::read::locales::families::status_of(name, lang),
            };
            // Two selected tabs naming different states: none is trusted.
            match (found, status) {
                (None, s) => found = Some(s),
                (Some(a), b) if a != b => return None,
                _ => {}
            }
        }
    }
    found.flatten()
}

/// Whether the snapshot covers the whole page: no partial roots, or a root without context
/// above it (`<body>` itself re-read).
fn covers_whole_page(tree: &PageTree<'_>) -> bool {
    let snap = tree.snapshot();
    snap.roots.is_empty() || snap.roots.iter().any(|&r| r < tree.len() && tree.parent(r).is_none())
}

pub fn read_page(tree: &PageTree<'_>, cx: &ReadContext) -> PageReading {
    let whole = covers_whole_page(tree);
    // The language: from an earlier read of this page when the snapshot is partial (a few added
    // nodes say little), else from the words of the page, `<html lang>` breaking ties.
    let echoed = tree.snapshot().ctx.as_ref().and_then(|c| c.lang).filter(|_| !whole);
    let lang = echoed.or_else(|| detect_language(tree, cx.lang));
    let mut reading = PageReading {
        kind: cx.kind,
        layout: cx.layout,
        lang,
        orders: vec![],
        controls: vec![],
        file_inputs: vec![],
        notes: vec![],
        dispute_form: None,
        rereads: vec![],
        cards_by_ids: false,
    };
    let cards_by_ids = !whole && tree.snapshot().ctx.as_ref().is_some_and(|c| c.cards_by_ids);
    if cx.kind == PageKind::Other {
        return reading;
    }
    let url = tree.snapshot().url.as_str();
    let page = Page {
        tree,
        kind: cx.kind,
        layout: cx.layout,
        lang,
        today: cx.today(),
        url,
        whole,
        cards_by_ids,
        page_order: crate::read::page_kind::page_order_id(url),
        phrases: order_reader::phrases(lang),
        html_lang: tree.snapshot().lang.as_str(),
        tab: if cx.kind == PageKind::OrderList { list_tab(tree, lang) } else { None },
        clickable: std::cell::OnceCell::new(),
    };
    match (cx.kind, cx.layout) {
        (PageKind::OrderList, Layout::Current | Layout::Mobile) => current_list::read(&page, &mut reading),
        (PageKind::OrderList, Layout::Legacy) => legacy::read_list(&page, &mut reading),
        (PageKind::OrderList, Layout::Ru) => ru::read_list(&page, &mut reading),
        (PageKind::OrderDetail, Layout::Current | Layout::Mobile) => current_detail::read(&page, &mut reading),
        (PageKind::OrderDetail, Layout::Legacy) => legacy::read_detail(&page, &mut reading),
        (PageKind::OrderDetail, Layout::Ru) => ru::read_detail(&page, &mut reading),
        // Tracking and dispute pages: recognised by their URL; only their controls matter here.
        (PageKind::Tracking | PageKind::DisputeStart | PageKind::DisputeDetail | PageKind::Other, _) => {}
    }
    controls::read(&page, &mut reading);
    file_inputs::read(tree, cx, &mut reading);
    reading
}
