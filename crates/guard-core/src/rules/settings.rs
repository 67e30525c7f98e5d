//! The shopper's settings, stored by the extension and passed to the core with every request.
//! Every field has a default, so settings saved by an older version (or none at all) still work.

use crate::wire::forms::Format;
use crate::rules::policy::Policy;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub policy: Policy,
    /// An open window whose last day is this close is `closing-soon`.
    pub closing_soon_days: u32,
    /// Ask the seller to extend protection this many days before it ends (sources advise 5–7).
    pub extension_lead_days: u32,
    /// Days before a deadline on which to remind the shopper.
    pub reminder_days: Vec<u32>,
    /// Whether "Confirm received" asks first.
    pub confirm_guard: bool,
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
/// site's current limits (FACTS.md, "Evidence upload limits"), so these are our documented guesses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvidenceDefaults {
    /// Check evidence files at all. Off: dispute forms' file inputs are left exactly as
    /// without the extension (no marks, nothing held, nothing rewritten).
    pub check_files: bool,
    pub max_photo_bytes: u64,
    pub max_video_bytes: u64,
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
        let Ok(user) = serde_json::from_str::<serde_json::Value>(json) else { return Settings::default() };
        let mut merged = serde_json::to_value(Settings::default()).unwrap_or_default();
        let mut leaves = vec![];
        leaf_paths(&merged, &user, &mut vec![], &mut leaves);
        for (path, value) in leaves {
            let mut candidate = merged.clone();
            if let Some(slot) = path.iter().try_fold(&mut candidate, |v, k| v.get_mut(k)) {
                *slot = value;
                if serde_json::from_value::<Settings>(candidate.clone()).is_ok() {
                    merged = candidate;
                }
            }
        }
        serde_json::from_value(merged).unwrap_or_default()
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
    fn garbage_settings_fall_back_to_defaults() {
        assert_eq!(Settings::from_json_lenient("not json"), Settings::default());
    }
}
