//! English. Sources: FACTS.md sections "Current order list DOM", "Current order detail DOM",
//! "Legacy pages", "Labels and dates by language"; "team" marks the team's best knowledge.

use super::{ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const FACTS_LIST: &str = "FACTS.md: current order list";
const FACTS_DETAIL: &str = "FACTS.md: current order detail";
const FACTS_LABELS: &str = "FACTS.md: labels by language (en)";
const FACTS_LEGACY: &str = "FACTS.md: legacy pages";
const ISSUE: &str = "team (wording quoted in issue 3)";
const TEAM: &str = "team";

const fn w(term: Term, text: &'static str, source: &'static str) -> Word {
    Word { term, text, source }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::En,
    words: &[
        w(Term::Status(S::AwaitingPayment), "Awaiting payment", FACTS_LABELS),
        w(Term::Status(S::AwaitingShipment), "Awaiting shipment", FACTS_LABELS),
        w(Term::Status(S::Shipped), "Awaiting delivery", FACTS_LABELS),
        w(Term::Status(S::Completed), "Completed", FACTS_LABELS),
        w(Term::Status(S::Closed), "Closed", FACTS_LABELS),
        w(Term::Status(S::Shipped), "Shipped", TEAM),
        w(Term::Status(S::Shipped), "Awaiting receipt confirmation", TEAM),
        w(Term::Status(S::Completed), "Finished", TEAM),
        w(Term::Status(S::Completed), "Awaiting feedback", TEAM),
        w(Term::Status(S::Closed), "Order closed", TEAM),
        w(Term::Status(S::Closed), "Cancelled", TEAM),
        w(Term::Dispute(D::InProgress), "Dispute in progress", ISSUE),
        w(Term::Dispute(D::Cancelled), "Dispute cancelled", TEAM),
        w(Term::Dispute(D::Decided), "Refund completed", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Confirm received", FACTS_LIST),
        w(Term::Control(C::ConfirmReceipt), "Confirm Goods Received", FACTS_LEGACY),
        w(Term::Control(C::ConfirmReceipt), "Confirm receipt", TEAM),
        w(Term::Control(C::OpenDispute), "Open dispute", FACTS_LABELS),
        w(Term::Control(C::ReturnsRefunds), "Returns/refunds", FACTS_DETAIL),
        w(Term::Control(C::ReturnsRefunds), "Return/refund", TEAM),
        w(Term::Control(C::ExtendProtection), "Request to extend Purchase Protection", FACTS_LEGACY),
        w(Term::Control(C::ExtendProtection), "Extend purchase protection", TEAM),
        w(Term::Control(C::CancelDispute), "Cancel dispute", ISSUE),
        w(Term::Control(C::TrackOrder), "Track order", FACTS_LIST),
        w(Term::PopupQuestion, "Did you receive the item", "team (the fixture site's popup, tests/fixtures/site/site.js)"),
        w(Term::PopupQuestion, "Have you received the item", TEAM),
        w(Term::PopupConfirm, "Confirm", "team (the fixture site's popup)"),
        w(Term::Field(F::OrderDate), "Order date", FACTS_LIST),
        w(Term::Field(F::OrderId), "Order ID", FACTS_LIST),
        w(Term::Field(F::OrderId), "Ref. Number", FACTS_DETAIL),
        w(Term::Field(F::OrderDate), "Order placed on", FACTS_DETAIL),
        w(Term::Field(F::PaidOn), "Paid on", FACTS_DETAIL),
        w(Term::Field(F::ShippedOn), "Shipment completed on", FACTS_DETAIL),
        w(Term::Field(F::CompletedOn), "Order completed on", FACTS_DETAIL),
        w(Term::Field(F::RefundIfNoDelivery), "Refund if no delivery before", FACTS_DETAIL),
        w(Term::Field(F::DoesNotArrive), "If your order does not arrive on", FACTS_LEGACY),
        w(Term::Field(F::OrderDate), "Order time", TEAM),
        w(Term::Field(F::OrderId), "Order number", TEAM),
        w(Term::Field(F::PaidOn), "Payment time", TEAM),
        w(Term::Field(F::ShippedOn), "Shipment time", TEAM),
        w(Term::Field(F::CompletedOn), "Completion time", TEAM),
        w(Term::Field(F::Total), "Total", TEAM),
        w(Term::Field(F::Total), "Order amount", TEAM),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "apply for a return/refund within {N} days of confirming receipt", FACTS_DETAIL),
        w(Term::Window(P::Dispute, W::OrderPlaced), "open a dispute within {N} days after order was placed", FACTS_DETAIL),
        w(Term::Economy, "economy shipping", TEAM),
        w(Term::Economy, "super economy", TEAM),
        w(Term::Economy, "saver shipping", TEAM),
        w(Term::CountdownLabel, "Auto-confirm in", TEAM),
        w(Term::CountdownLabel, "Buyer protection ends in", TEAM),
        w(Term::CountdownLabel, "Remaining time to confirm", TEAM),
        w(Term::Unit(U::Day), "day", ISSUE),
        w(Term::Unit(U::Day), "days", ISSUE),
        w(Term::Unit(U::Hour), "hour", ISSUE),
        w(Term::Unit(U::Hour), "hours", ISSUE),
        w(Term::Unit(U::Hour), "hrs", TEAM),
        w(Term::Unit(U::Minute), "min", TEAM),
        w(Term::Unit(U::Minute), "mins", TEAM),
        w(Term::Unit(U::Minute), "minutes", TEAM),
        w(Term::Unit(U::Second), "sec", TEAM),
        w(Term::Unit(U::Second), "seconds", TEAM),
    ],
    months: &[
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6),
        ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ],
    months_source: "FACTS.md: labels by language (\"Mar 12, 2024\"), legacy pages (\"Mar. 05 2019\"); full names: team",
};
