//! The plan: what the content script must do to the page. It holds no page knowledge of its own;
//! everything it does comes from here.
//!
//! Applying a plan is idempotent. For every node a plan touches, the `data-dg-*` attributes it
//! lists are the node's complete set: attributes a node had from an earlier plan and that are not
//! listed any more are removed (a read of the same subtree replaces the previous one).

pub use super::page_context::PageContext;
use crate::wire::order::Order;
use crate::wire::snapshot::NodeId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Op {
    /// Set exactly these `data-dg-*` attributes on the node.
    Mark { node: NodeId, attrs: BTreeMap<String, String> },
    /// An order's root element: re-read this whole subtree when anything inside it changes.
    Unit { node: NodeId },
    /// The core saw this element only as the context of a partial read and needs all of it.
    Reread { node: NodeId },
    /// Ask before letting an activation of this control through.
    Guard { node: NodeId, guard: Guard },
    /// Check files picked in this input before the site sees them.
    Evidence { node: NodeId, rules: super::forms::UploadRules },
    /// Show one of the extension's own widgets next to the node (in a shadow root).
    Mount { node: NodeId, place: Place, ui: Widget },
    /// Files dropped on this element (an upload area) go through the checks of `input`, an
    /// `Evidence` node, before the site sees them.
    EvidenceDrop { node: NodeId, input: NodeId },
    /// The dispute form assistant, shown after this node (the description field, or the upload
    /// area): description checks, ready text, refund amount, evidence checklist.
    DisputeForm { node: NodeId, form: super::forms::FormPlan },
    /// The site says it is busy (this node holds its message): show the widget in the page's
    /// flow next to it, or, when the message floats (a toast), next to what the shopper just
    /// activated; it stays until the shopper closes it.
    DisputeBusy { node: NodeId, ui: Widget },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    Before,
    After,
    Prepend,
    Append,
}

/// A confirmation the shopper must give before the site sees an activation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guard {
    /// The `data-dg-guard` value: `confirm-receipt`, `cancel-dispute`.
    pub kind: String,
    /// The order the control acts on, when known: lets a re-rendered control be found again.
    #[serde(default)]
    pub order: Option<String>,
    /// The confirm button of the site's own "are you sure?" popup, which follows a control the
    /// shopper already let through.
    #[serde(default)]
    pub site_popup: bool,
    /// What the dialog says, as message keys with their arguments.
    pub dialog: Widget,
    /// Message keys of the dialog's two buttons (`data-dg-action="proceed"` / `"cancel"`).
    #[serde(default = "default_proceed_key")]
    pub proceed_key: String,
    #[serde(default = "default_cancel_key")]
    pub cancel_key: String,
    /// Message key of the sentence under proceed: the site may act on the shopper's own clicks
    /// only and ignore the replayed one; the shopper's next activation then passes unasked for a
    /// minute (extension/content/guard.js GRACE_MS).
    #[serde(default = "default_again_key")]
    pub again_key: String,
}

fn default_proceed_key() -> String {
    "guardProceed".into()
}

fn default_cancel_key() -> String {
    "guardCancel".into()
}

fn default_again_key() -> String {
    "guardConfirmAgain".into()
}

/// One of the extension's own widgets: a component name and its data. Texts are message keys
/// (see extension/i18n) with arguments, so the content script renders them in the shopper's
/// language without knowing what they mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Widget {
    pub component: String,
    #[serde(default)]
    pub tone: Tone,
    pub lines: Vec<Message>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Questions worth asking oneself, shown as an informational checklist (never required).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Message>,
    /// Small print after the lines: where a date comes from ("estimated", "remembered").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Message>,
    /// The dispute state the widget shows (`data-dg-state` on its box), for styling and tests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The order's dates as a picture, drawn after the lines (`order_timeline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<crate::wire::timeline::Timeline>,
}

impl Widget {
    pub fn new(component: &str, tone: Tone, lines: Vec<Message>) -> Widget {
        Widget { component: component.into(), tone, lines, links: vec![], checks: vec![], notes: vec![], state: None, timeline: None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    #[default]
    Info,
    Good,
    Warn,
    Danger,
}

/// A message key and its arguments; `Arg::Date` is formatted by the UI in the shopper's locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<Arg>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Arg {
    Date(chrono::NaiveDate),
    Number(i64),
    Text(String),
    /// A file size, shown in the shopper's units ("5 MB", "5 Mo").
    Bytes(u64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub key: String,
    pub href: String,
}

impl Message {
    pub fn new(key: &str) -> Message {
        Message { key: key.to_string(), args: vec![] }
    }
    pub fn with(key: &str, args: Vec<Arg>) -> Message {
        Message { key: key.to_string(), args }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub ctx: PageContext,
    pub ops: Vec<Op>,
    /// The orders read, for the extension's local memory of orders.
    pub orders: Vec<Order>,
    /// Short notes for the extension's console (unknown layout, labels not understood…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Offer "Report a misread page" on this page (content/report.js places it).
    #[serde(default)]
    pub report_widget: bool,
}
