//! An order as the shopper knows it: what a page told us about it, and nothing guessed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The normalised order status of the page contract (`data-dg-status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    AwaitingPayment,
    AwaitingShipment,
    /// In transit, awaiting delivery or the shopper's confirmation of receipt.
    Shipped,
    /// Receipt confirmed (by the shopper or automatically); awaiting feedback included.
    Completed,
    /// Cancelled, expired, refunded or closed.
    Closed,
    /// A dispute or return is under way.
    Dispute,
    #[default]
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::AwaitingPayment => "awaiting-payment",
            Status::AwaitingShipment => "awaiting-shipment",
            Status::Shipped => "shipped",
            Status::Completed => "completed",
            Status::Closed => "closed",
            Status::Dispute => "dispute",
            Status::Unknown => "unknown",
        }
    }
}

/// Where the end of buyer protection came from; only `Estimate` is ours rather than the page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProtectionSource {
    /// "Refund if no delivery before <date>".
    RefundIfNoDelivery,
    /// "If your order does not arrive on <date>…" (legacy detail page).
    DoesNotArrive,
    /// A countdown: "12 days 5 hours", legacy `lefttime` milliseconds, `#remain-day`.
    Countdown,
    /// Said as the end of protection: "Buyer protection extended until <date>".
    Stated,
    /// The page states it twice and the two disagree: the end is unknown (no estimate either).
    Contradicted,
}

/// What a window the page states in words counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WindowStart {
    ConfirmReceipt,
    OrderPlaced,
    Shipment,
}

/// What the stated window is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WindowPurpose {
    /// "apply for a return/refund within 7 days of confirming receipt".
    ReturnRefund,
    /// "open a dispute within 90 days after order was placed" (defective / not as described).
    Dispute,
}

/// A window the page states in words, e.g. "within 7 days of confirming receipt".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedWindow {
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub days: u32,
    pub from: WindowStart,
    pub purpose: WindowPurpose,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub title: String,
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_count", skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
}

/// A dispute already under way or finished, as the page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DisputeProgress {
    /// Open, waiting for the seller or the platform.
    InProgress,
    /// Cancelled by the shopper: may be reopened while protection lasts.
    Cancelled,
    /// Decided (refunded or rejected): cannot be reopened.
    Decided,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Order {
    /// Digits only.
    pub id: String,
    pub status: Status,
    /// The status label exactly as shown, for the shopper and for diagnosing unknown labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date", skip_serializing_if = "Option::is_none")]
    pub placed: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date", skip_serializing_if = "Option::is_none")]
    pub paid: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date", skip_serializing_if = "Option::is_none")]
    pub shipped: Option<NaiveDate>,
    /// Several packages shipped on different days: the first day and the last (`shipped` then
    /// stays unknown). The dispute window says only what it would say with either day.
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date_pair", skip_serializing_if = "Option::is_none")]
    pub shipped_between: Option<(NaiveDate, NaiveDate)>,
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date", skip_serializing_if = "Option::is_none")]
    pub completed: Option<NaiveDate>,
    /// Last day of buyer protection, only when the page states it (see `protection_source`).
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date", skip_serializing_if = "Option::is_none")]
    pub protection_ends: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protection_source: Option<ProtectionSource>,
    /// Economy shipping gets a longer default protection period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub economy_shipping: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stated_windows: Vec<StatedWindow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<DisputeProgress>,
    /// When the dispute was opened, if the page says.
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date", skip_serializing_if = "Option::is_none")]
    pub dispute_opened: Option<NaiveDate>,
    /// The first day a dispute may be opened, when the page states it ("Spór możesz otworzyć od
    /// …"): the page's day overrides the rule's (FACTS: sources conflict, the page overrides).
    #[serde(default, deserialize_with = "crate::wire::bounds::opt_date", skip_serializing_if = "Option::is_none")]
    pub dispute_opens: Option<NaiveDate>,
    /// The page offers a live "Open dispute" for this order: the site lets one be opened now.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dispute_offered: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// The total as shown ("US $12.34", "1 234,56 ₽").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    /// The order's detail page on the site the shopper uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_url: Option<String>,
}

/// True when `id` looks like an AliExpress order id: digits only, of a plausible length.
pub fn is_order_id(id: &str) -> bool {
    (8..=20).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
}
