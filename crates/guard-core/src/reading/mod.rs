//! Reading a page: which orders it shows and what it says about them, which controls matter,
//! which file inputs take evidence. One module per layout; shared helpers here.

mod controls;
mod current_list;
mod file_inputs;

pub use file_inputs::DisputeFormReading;

use crate::locales::{ControlKind, Lang};
use crate::order::Order;
use crate::page_kind::{Layout, PageKind};
use crate::page_tree::PageTree;
use crate::snapshot::NodeId;
use chrono::NaiveDate;

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
    /// On dispute pages: the form the assistant helps with (reading/file_inputs.rs).
    pub dispute_form: Option<DisputeFormReading>,
}

/// Everything a reader needs besides the tree.
pub struct ReadContext {
    pub kind: PageKind,
    pub layout: Layout,
    pub lang: Option<Lang>,
    /// The shopper's local date and time, for countdowns and dates without a year.
    pub now: chrono::NaiveDateTime,
}

impl ReadContext {
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

pub fn read_page(tree: &PageTree<'_>, cx: &ReadContext) -> PageReading {
    let mut reading = PageReading {
        kind: cx.kind,
        layout: cx.layout,
        lang: cx.lang,
        orders: vec![],
        controls: vec![],
        file_inputs: vec![],
        notes: vec![],
        dispute_form: None,
    };
    match (cx.kind, cx.layout) {
        (PageKind::OrderList, Layout::Current) => current_list::read(tree, cx, &mut reading),
        (PageKind::Other, _) => return reading,
        (kind, layout) => reading.notes.push(format!("no reader yet for {kind:?} in the {layout:?} layout")),
    }
    controls::read(tree, cx, &mut reading);
    file_inputs::read(tree, cx, &mut reading);
    reading
}
