//! Which page this is: its kind, layout and language, as the core tells the page side and the
//! page side echoes back. The rules that decide them live in `read` (page_kind, locales).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    OrderList,
    OrderDetail,
    Tracking,
    /// Where a return/refund (dispute) starts: "Have you received your package?".
    DisputeStart,
    DisputeDetail,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// www.aliexpress.com/p/… (2022–2026).
    Current,
    /// m.aliexpress.com/p/….
    Mobile,
    /// trade.aliexpress.com/*.htm.
    Legacy,
    /// aliexpress.ru/order-list….
    Ru,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Ru,
    Es,
    Pt,
    De,
    Pl,
    Zh,
}

/// What the core learnt about the page as a whole; the content script echoes it back with partial
/// snapshots so that a few added nodes are read in the right language and layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageContext {
    pub kind: PageKind,
    pub layout: Layout,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// On a detail page, the order it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// On a list page, no card carries a class hook: cards are found by the ids they link to,
    /// on the cards a load-more adds as well.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cards_by_ids: bool,
}
