//! An order's timeline as the plan carries it to the page and the popup (the picture's data);
//! `rules::order_timeline` works it out.

use super::page_plan::Message;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One date on the row. The order is the order of a shopper's story, used for dates on the
/// same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PointKind {
    Placed,
    Paid,
    Shipped,
    DisputeOpens,
    Received,
    Today,
    ProtectionEnds,
    DisputeCloses,
}

impl PointKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PointKind::Placed => "placed",
            PointKind::Paid => "paid",
            PointKind::Shipped => "shipped",
            PointKind::DisputeOpens => "dispute-opens",
            PointKind::Received => "received",
            PointKind::Today => "today",
            PointKind::ProtectionEnds => "protection-ends",
            PointKind::DisputeCloses => "dispute-closes",
        }
    }
}

/// Where a date comes from: the page said it, or the usual rules (policy numbers) worked it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Stated,
    Estimated,
    /// The shopper's own calendar: today.
    Today,
}

/// Positions along the row, in thousandths of its length from its start (0..=1000).
pub const ROW: i64 = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub kind: PointKind,
    pub date: NaiveDate,
    pub source: Source,
    /// Where on the row, 0..=1000.
    pub at: u16,
    /// "Shipped: <date>" (`timelinePoint_<kind>`).
    pub label: Message,
    /// The next date worth acting on (at most one point).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub next: bool,
}

/// The days on which a dispute can be opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Its start and end on the row, 0..=1000.
    pub start: u16,
    pub end: u16,
    /// The last day rests on the usual rules, not on the page.
    pub estimated: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The order it pictures.
    pub order: String,
    /// Every known date, today included, in date order.
    pub points: Vec<Point>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
    /// The whole picture in one sentence (`timelineSays_*`).
    pub says: Message,
    /// The next date worth acting on, in words (`timelineNext_*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Message>,
}
