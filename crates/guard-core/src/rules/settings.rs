//! The shopper's settings, stored by the extension and passed to the core with every request.
//! Every field has a default, so settings saved by an older version (or none at all) still work.

use crate::rules::policy::Policy;
use crate::wire::forms::Format;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub policy: Policy,
    /// An open window whose last day is this close is `closing-soon`.
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub closing_soon_days: u32,
    /// Ask the seller to extend protection this many days before it ends (sources advise 5–7).
    #[serde(deserialize_with = "crate::wire::bounds::days")]
    pub extension_lead_days: u32,
    /// Days before a deadline on which to remind the shopper.
    #[serde(deserialize_with = "crate::wire::bounds::day_list")]
    pub reminder_days: Vec<u32>,
    /// Whether "Confirm received" (and "Cancel dispute") asks first.
    pub confirm_guard: bool,
    /// Per-feature switches (options, "What Dispute Guard shows", as Refined GitHub has): each
    /// off leaves pages exactly as without that feature, the others as they are. With
    /// `confirm_guard` and `evidence.check_files`, which came first.
    /// A badge at the end of each order card of a list.
    pub list_badges: bool,
    /// The lit way to a dispute: highlighted site controls, the notice on an order's page, the
    /// dispute-under-way timeline and the start page's guide.
    pub dispute_path: bool,
    /// The order's timeline: in the notice on its page (on its own when the notice is off) and
    /// under each order in the popup.
    pub timeline: bool,
    /// The dispute form assistant, and its advice when the site says it is busy.
    pub dispute_assistant: bool,
    /// The "Check my orders" bar at the top of an order list (the popup keeps its own).
    pub check_orders_bar: bool,
    /// The "Report a misread page" control on pages (the popup keeps its own).
    pub report_widget: bool,
    /// Interface language of the extension's own texts; `None` follows the browser.
    pub language: Option<String>,
    pub evidence: EvidenceDefaults,
    /// Whether deadline reminders are shown as system notifications.
    pub notifications: bool,
    /// "Check my orders once a day": the extension reads the detail pages of the orders whose
    /// state can still change, at most once a day, while the browser is in use. Off unless the
    /// shopper switches it on (it opens pages of the shop in the background).
    pub check_orders_daily: bool,
}

/// Upload limits used when a dispute form does not state its own. No public source states the
/// site's current limits (SOURCES.md section 7), so these are our documented guesses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvidenceDefaults {
    /// Check evidence files at all. Off: dispute forms' file inputs are left exactly as
    /// without the extension (no marks, nothing held, nothing rewritten).
    pub check_files: bool,
    #[serde(deserialize_with = "crate::wire::bounds::bytes")]
    pub max_photo_bytes: u64,
    #[serde(deserialize_with = "crate::wire::bounds::bytes")]
    pub max_video_bytes: u64,
    #[serde(deserialize_with = "crate::wire::bounds::count")]
    pub max_files: u32,
    /// Remove location metadata (EXIF GPS) from photos before upload.
    pub strip_location: bool,
    /// Formats a form takes when it names none (no `accept`, no "JPG, PNG" beside the input):
    /// the photo formats browsers show and the usual phone and camera video formats. HEIC is
    /// left out: forms that take it say so.
    pub formats: Vec<Format>,
}

impl Default for EvidenceDefaults {
    fn default() -> Self {
        use Format::*;
        EvidenceDefaults {
            check_files: true,
            max_photo_bytes: 5 * 1024 * 1024,
            max_video_bytes: 50 * 1024 * 1024,
            max_files: 6,
            strip_location: true,
            formats: vec![Jpeg, Png, Gif, Bmp, Webp, Mp4, Mov, Avi, Webm, Mkv, ThreeGp],
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            policy: Policy::default(),
            closing_soon_days: 3,
            extension_lead_days: 3,
            reminder_days: vec![7, 3, 1],
            confirm_guard: true,
            list_badges: true,
            dispute_path: true,
            timeline: true,
            dispute_assistant: true,
            check_orders_bar: true,
            report_widget: true,
            language: None,
            evidence: EvidenceDefaults::default(),
            notifications: true,
            check_orders_daily: false,
        }
    }
}

impl Settings {
    /// Reads settings, keeping defaults for anything missing or malformed rather than failing.
    /// Leniency is per value: one bad number must not throw away the shopper's other choices
    /// (a stray `"closing_soon_days": -1` must not switch the confirm guard back on).
    pub fn from_json_lenient(json: &str) -> Settings {
        // Values go through JSON text, not serde_json's Value (de)serializer: every type then has
        // one (de)serializer instantiated in the wasm, not two.
        let Ok(user) = serde_json::from_str::<serde_json::Value>(json) else { return Settings::default() };
        let mut merged = serde_json::from_str(&Settings::default().to_json()).unwrap_or_default();
        let mut leaves = vec![];
        leaf_paths(&merged, &user, &mut vec![], &mut leaves);
        for (path, value) in leaves {
            let mut candidate = merged.clone();
            if let Some(slot) = path.iter().try_fold(&mut candidate, |v, k| v.get_mut(k)) {
                *slot = value;
                if serde_json::from_str::<Settings>(&candidate.to_string()).is_ok() {
                    merged = candidate;
                }
            }
        }
        serde_json::from_str(&merged.to_string()).unwrap_or_default()
    }

    /// The settings as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The values `user` gives for keys the defaults know, each with its path.
fn leaf_paths(default: &serde_json::Value, user: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, serde_json::Value)>) {
    match (default, user) {
        (serde_json::Value::Object(d), serde_json::Value::Object(u)) => {
            for (k, uv) in u {
                if let Some(dv) = d.get(k) {
                    path.push(k.clone());
                    leaf_paths(dv, uv, path, out);
                    path.pop();
                }
            }
        }
        _ if !path.is_empty() => out.push((path.clone(), user.clone())),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_settings_keep_defaults() {
        let s = Settings::from_json_lenient(r#"{"closing_soon_days":5,"policy":{"protection_days":90}}"#);
        assert_eq!(s.closing_soon_days, 5);
        assert_eq!(s.policy.protection_days, 90);
        assert_eq!(s.policy.dispute_opens_after_shipment_days, 10);
        assert!(s.confirm_guard);
    }

    #[test]
    fn one_bad_value_loses_nothing_else() {
        // A negative lead time (options page bug, hand-edited storage) next to the guard switch.
        let s = Settings::from_json_lenient(
            r#"{"closing_soon_days":-1,"confirm_guard":false,"extension_lead_days":"soon","policy":{"protection_days":"x","protection_days_economy":80}}"#,
        );
        assert!(!s.confirm_guard, "the shopper's guard switch survives a bad number beside it");
        assert_eq!(s.closing_soon_days, 3);
        assert_eq!(s.extension_lead_days, Settings::default().extension_lead_days);
        assert_eq!((s.policy.protection_days, s.policy.protection_days_economy), (60, 80));
    }

    #[test]
    fn settings_saved_before_the_feature_switches_keep_every_feature_on() {
        let s = Settings::from_json_lenient(r#"{"confirm_guard":false,"evidence":{"check_files":false}}"#);
        assert!(!s.confirm_guard && !s.evidence.check_files, "the older switches stay as saved");
        assert!(s.list_badges && s.dispute_path && s.timeline && s.dispute_assistant && s.check_orders_bar && s.report_widget);
        let s = Settings::from_json_lenient(r#"{"timeline":false,"list_badges":"no"}"#);
        assert!(!s.timeline && s.list_badges, "a bad value beside loses nothing");
    }

    #[test]
    fn numbers_past_their_range_keep_the_default() {
        let s = Settings::from_json_lenient(
            r#"{"policy":{"seller_response_days":4294967295,"protection_days":90},"reminder_days":[7,10001],"closing_soon_days":10000}"#,
        );
        assert_eq!((s.policy.seller_response_days, s.policy.protection_days), (5, 90));
        assert_eq!((s.reminder_days, s.closing_soon_days), (vec![7, 3, 1], 10_000));
    }

    #[test]
    fn garbage_settings_fall_back_to_defaults() {
        assert_eq!(Settings::from_json_lenient("not json"), Settings::default());
    }
}
