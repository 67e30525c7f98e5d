//! English. Sources: FACTS.md sections "Current order list DOM", "Current order detail DOM",
//! "Legacy pages", "Labels and dates by language".

use super::{ControlKind as C, Field as F, LocaleTable, Term, Word};
use crate::order::Status as S;

const FACTS_LIST: &str = "FACTS.md: current order list";
const FACTS_DETAIL: &str = "FACTS.md: current order detail";
const FACTS_LABELS: &str = "FACTS.md: labels by language (en)";
const FACTS_LEGACY: &str = "FACTS.md: legacy pages";

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::En,
    words: &[
        Word { term: Term::Status(S::AwaitingPayment), text: "Awaiting payment", source: FACTS_LABELS },
        Word { term: Term::Status(S::AwaitingShipment), text: "Awaiting shipment", source: FACTS_LABELS },
        Word { term: Term::Status(S::Shipped), text: "Awaiting delivery", source: FACTS_LABELS },
        Word { term: Term::Status(S::Completed), text: "Completed", source: FACTS_LABELS },
        Word { term: Term::Status(S::Closed), text: "Closed", source: FACTS_LABELS },
        Word { term: Term::Control(C::ConfirmReceipt), text: "Confirm received", source: FACTS_LIST },
        Word { term: Term::Control(C::ConfirmReceipt), text: "Confirm Goods Received", source: FACTS_LEGACY },
        Word { term: Term::Control(C::OpenDispute), text: "Open dispute", source: FACTS_LABELS },
        Word { term: Term::Control(C::ReturnsRefunds), text: "Returns/refunds", source: FACTS_DETAIL },
        Word { term: Term::Control(C::ExtendProtection), text: "Request to extend Purchase Protection", source: FACTS_LEGACY },
        Word { term: Term::Control(C::TrackOrder), text: "Track order", source: FACTS_LIST },
        Word { term: Term::Field(F::OrderDate), text: "Order date", source: FACTS_LIST },
        Word { term: Term::Field(F::OrderId), text: "Order ID", source: FACTS_LIST },
        Word { term: Term::Field(F::OrderId), text: "Ref. Number", source: FACTS_DETAIL },
        Word { term: Term::Field(F::OrderDate), text: "Order placed on", source: FACTS_DETAIL },
        Word { term: Term::Field(F::PaidOn), text: "Paid on", source: FACTS_DETAIL },
        Word { term: Term::Field(F::ShippedOn), text: "Shipment completed on", source: FACTS_DETAIL },
        Word { term: Term::Field(F::CompletedOn), text: "Order completed on", source: FACTS_DETAIL },
        Word { term: Term::Field(F::RefundIfNoDelivery), text: "Refund if no delivery before", source: FACTS_DETAIL },
    ],
    months: &[
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6),
        ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ],
};
