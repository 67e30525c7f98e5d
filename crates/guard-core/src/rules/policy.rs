//! The numbers behind every deadline, with where each came from. What a page states wins over
//! these; the shopper can change them in the options (see `settings`).
//!
//! Sources (docs/SOURCES.md section 6): they conflict, so each number is guidance.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// A dispute can be opened from this many days after the seller confirmed shipment.
    /// Source: help-center copies and seller rules ("10 days after shipment").
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub dispute_opens_after_shipment_days: u32,
    /// …and until this many days after receipt was confirmed (by the shopper or automatically).
    /// Source: help-center copies ("within 15 days after order completion"). A current page text
    /// says 7 days for a return/refund; when a page states its own window, that wins.
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub dispute_closes_after_receipt_days: u32,
    /// Buyer protection when the page does not state it, counted from shipment.
    /// Source: help-center copies ("usually 60 days"); older pages: 90 (RU), 120 (BR).
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub protection_days: u32,
    /// The same for economy shipping. Source: help-center copies ("75 days for economy").
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub protection_days_economy: u32,
    /// The seller has this many days to answer a dispute, else it is refunded automatically.
    /// Source: help-center copies.
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub seller_response_days: u32,
    /// Escalation to the platform after about this many days without agreement.
    /// Source: help-center copies ("about 7 days").
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub escalation_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            dispute_opens_after_shipment_days: 10,
            dispute_closes_after_receipt_days: 15,
            protection_days: 60,
            protection_days_economy: 75,
            seller_response_days: 5,
            escalation_days: 7,
        }
    }
}

/// Every number the rules use, with where it came from: the policy's own fields and the two
/// lead times kept in `Settings`. The options page can show these beside the numbers.
pub const SOURCES: &[(&str, &str)] = &[
    ("dispute_opens_after_shipment_days", "SOURCES.md section 6: \"opened from 10 days after the seller confirmed shipment\" (seed data; seller rules)"),
    ("dispute_closes_after_receipt_days", "SOURCES.md section 6: \"until 15 days after receipt is confirmed\" (seed data; help text); a current page says 7 days for return/refund: a page's own window wins"),
    ("protection_days", "SOURCES.md section 6: \"buyer protection usually 60 days\" (older pages: 90 RU, 120 BR)"),
    ("protection_days_economy", "SOURCES.md section 6: \"75 for economy shipping\""),
    ("seller_response_days", "SOURCES.md section 6: \"seller has 5 days to answer a dispute, else automatic refund\""),
    ("escalation_days", "SOURCES.md section 6: \"escalation to the platform after about 7 days without agreement\""),
    ("closing_soon_days", "team: 3 days, enough to gather photos and write the dispute"),
    ("extension_lead_days", "SOURCES.md section 6: \"advice: request 5–7 days before\" (protection ends)"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_has_a_source() {
        let fields = serde_json::to_value(Policy::default()).unwrap();
        for key in fields.as_object().unwrap().keys() {
            assert!(SOURCES.iter().any(|(k, s)| k == key && !s.is_empty()), "policy.{key} has no source");
        }
        let settings = serde_json::to_value(crate::rules::settings::Settings::default()).unwrap();
        for key in ["closing_soon_days", "extension_lead_days"] {
            assert!(settings.get(key).is_some() && SOURCES.iter().any(|(k, _)| *k == key), "{key}");
        }
    }
}
