//! The options page as data: which settings the shopper can change, in which section, with
//! which limits, and what is wrong with a value typed in. The page renders this table and sends
//! back what was typed; the core decides what is valid. A field with a bad value keeps its
//! saved value and gets a message saying what it accepts.

use crate::rules::settings::Settings;
use crate::wire::page_plan::{Arg, Message};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The interface languages of the extension (the `_locales` folder names), each named in
/// itself so that a shopper who cannot read the current language still finds theirs.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
    ("pt_BR", "Português (Brasil)"),
    ("de", "Deutsch"),
    ("pl", "Polski"),
    ("zh_CN", "中文（简体）"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// What Dispute Guard shows: one switch per feature.
    Features,
    Reminders,
    Policy,
    Uploads,
    Language,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A whole number of days (or of files) within `min..=max`.
    Number,
    Switch,
    /// Several numbers of days: "7, 3, 1".
    DayList,
    /// A size in megabytes (stored in bytes).
    Megabytes,
    /// One of `LANGUAGES`, or empty for the browser's language.
    Language,
    /// Some of the evidence formats the core knows (`evidence::format::FORMATS`), at least one.
    FormatSet,
}

struct Spec {
    name: &'static str,
    section: Section,
    kind: Kind,
    min: u64,
    max: u64,
}

const fn spec(name: &'static str, section: Section, kind: Kind, min: u64, max: u64) -> Spec {
    Spec { name, section, kind, min, max }
}

/// Every setting the options page shows, in page order. Limits are sanity bounds: wide enough
/// for any policy the sources mention (SOURCES.md section 6: up to 120 days of protection).
const FIELDS: &[Spec] = &[
    spec("list_badges", Section::Features, Kind::Switch, 0, 1),
    spec("dispute_path", Section::Features, Kind::Switch, 0, 1),
    spec("timeline", Section::Features, Kind::Switch, 0, 1),
    spec("confirm_guard", Section::Features, Kind::Switch, 0, 1),
    spec("evidence.check_files", Section::Features, Kind::Switch, 0, 1),
    spec("dispute_assistant", Section::Features, Kind::Switch, 0, 1),
    spec("check_orders_bar", Section::Features, Kind::Switch, 0, 1),
    spec("report_widget", Section::Features, Kind::Switch, 0, 1),
    spec("reminder_days", Section::Reminders, Kind::DayList, 0, 60),
    spec("notifications", Section::Reminders, Kind::Switch, 0, 1),
    spec("check_orders_daily", Section::Reminders, Kind::Switch, 0, 1),
    spec("closing_soon_days", Section::Reminders, Kind::Number, 0, 60),
    spec("extension_lead_days", Section::Reminders, Kind::Number, 0, 60),
    spec("policy.dispute_opens_after_shipment_days", Section::Policy, Kind::Number, 0, 90),
    spec("policy.dispute_closes_after_receipt_days", Section::Policy, Kind::Number, 1, 180),
    spec("policy.protection_days", Section::Policy, Kind::Number, 1, 365),
    spec("policy.protection_days_economy", Section::Policy, Kind::Number, 1, 365),
    spec("policy.seller_response_days", Section::Policy, Kind::Number, 1, 60),
    spec("policy.escalation_days", Section::Policy, Kind::Number, 1, 60),
    spec("evidence.max_photo_bytes", Section::Uploads, Kind::Megabytes, 1, 1024),
    spec("evidence.max_video_bytes", Section::Uploads, Kind::Megabytes, 1, 4096),
    spec("evidence.max_files", Section::Uploads, Kind::Number, 1, 30),
    spec("evidence.strip_location", Section::Uploads, Kind::Switch, 0, 1),
    spec("evidence.formats", Section::Uploads, Kind::FormatSet, 1, 0),
    spec("language", Section::Language, Kind::Language, 0, 0),
];

/// At most this many reminder lead times.
const MAX_LEAD_TIMES: usize = 6;
const MB: u64 = 1024 * 1024;

/// One field of the options page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormField {
    pub name: String,
    pub section: Section,
    pub kind: Kind,
    /// The saved value as the field shows it: "7, 3, 1", "5", true, "fr".
    pub value: Value,
    pub min: u64,
    pub max: u64,
    /// Message keys: `optionsField_<name>` and `optionsHelp_<name>` (dots as underscores).
    pub label: String,
    pub help: String,
    /// The choices of a set: value (as stored) and label.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A format's stored name (`jpeg`, `3gp`).
fn format_value(f: crate::rules::evidence::format::Format) -> String {
    serde_json::to_string(&f).unwrap_or_default().trim_matches('"').to_string()
}

fn format_choices(kind: Kind) -> Vec<Choice> {
    if kind != Kind::FormatSet {
        return vec![];
    }
    crate::rules::evidence::format::FORMATS.iter().map(|i| Choice { value: format_value(i.format), label: i.name.to_string() }).collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: Message,
}

/// The result of checking what the shopper typed: the settings to save (every valid field
/// applied, every invalid one left as it was) and a message per invalid field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    pub settings: Settings,
    pub errors: Vec<FieldError>,
}

fn key_name(name: &str) -> String {
    name.replace('.', "_")
}

/// The settings as the options page shows them.
pub fn form(settings: &Settings) -> Vec<FormField> {
    FIELDS
        .iter()
        .map(|f| FormField {
            name: f.name.into(),
            section: f.section,
            kind: f.kind,
            value: shown(settings, f),
            min: f.min,
            max: f.max,
            label: format!("optionsField_{}", key_name(f.name)),
            help: format!("optionsHelp_{}", key_name(f.name)),
            choices: format_choices(f.kind),
        })
        .collect()
}

fn number_ref<'a>(s: &'a mut Settings, name: &str) -> Option<&'a mut u32> {
    Some(match name {
        "closing_soon_days" => &mut s.closing_soon_days,
        "extension_lead_days" => &mut s.extension_lead_days,
        "policy.dispute_opens_after_shipment_days" => &mut s.policy.dispute_opens_after_shipment_days,
        "policy.dispute_closes_after_receipt_days" => &mut s.policy.dispute_closes_after_receipt_days,
        "policy.protection_days" => &mut s.policy.protection_days,
        "policy.protection_days_economy" => &mut s.policy.protection_days_economy,
        "policy.seller_response_days" => &mut s.policy.seller_response_days,
        "policy.escalation_days" => &mut s.policy.escalation_days,
        "evidence.max_files" => &mut s.evidence.max_files,
        _ => return None,
    })
}

fn switch_ref<'a>(s: &'a mut Settings, name: &str) -> Option<&'a mut bool> {
    Some(match name {
        "notifications" => &mut s.notifications,
        "check_orders_daily" => &mut s.check_orders_daily,
        "confirm_guard" => &mut s.confirm_guard,
        "list_badges" => &mut s.list_badges,
        "dispute_path" => &mut s.dispute_path,
        "timeline" => &mut s.timeline,
        "dispute_assistant" => &mut s.dispute_assistant,
        "check_orders_bar" => &mut s.check_orders_bar,
        "report_widget" => &mut s.report_widget,
        "evidence.strip_location" => &mut s.evidence.strip_location,
        "evidence.check_files" => &mut s.evidence.check_files,
        _ => return None,
    })
}

fn bytes_ref<'a>(s: &'a mut Settings, name: &str) -> Option<&'a mut u64> {
    Some(match name {
        "evidence.max_photo_bytes" => &mut s.evidence.max_photo_bytes,
        "evidence.max_video_bytes" => &mut s.evidence.max_video_bytes,
        _ => return None,
    })
}

fn day_list_text(days: &[u32]) -> String {
    days.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

/// Megabytes with at most one decimal, as a person would type them.
fn megabytes_text(bytes: u64) -> String {
    // Wide arithmetic: an imported or damaged setting may hold any u64.
    let tenths = (bytes as u128 * 10 + MB as u128 / 2) / MB as u128;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn shown(settings: &Settings, f: &Spec) -> Value {
    let mut s = settings.clone();
    match f.kind {
        Kind::Number => Value::String(number_ref(&mut s, f.name).map(|n| n.to_string()).unwrap_or_default()),
        Kind::Switch => Value::Bool(switch_ref(&mut s, f.name).is_some_and(|b| *b)),
        Kind::DayList => Value::String(day_list_text(&s.reminder_days)),
        Kind::Megabytes => Value::String(bytes_ref(&mut s, f.name).map(|b| megabytes_text(*b)).unwrap_or_default()),
        Kind::Language => Value::String(s.language.clone().unwrap_or_default()),
        Kind::FormatSet => Value::Array(s.evidence.formats.iter().map(|f| Value::String(format_value(*f))).collect()),
    }
}

/// A whole number as typed ("7", " 7 ") or as JSON; nothing else ("7.5", "7 days", "").
fn whole(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
        }
        _ => None,
    }
}

/// "7, 3, 1", "7 3 1", "7;3;1" → [7, 3, 1]: each within the limits, duplicates dropped,
/// longest lead first. Empty means no reminders.
fn day_list(v: &Value, f: &Spec) -> Option<Vec<u32>> {
    let parts: Vec<Value> = match v {
        Value::Array(a) => a.clone(),
        Value::String(s) => s.split([',', ';', ' ', '\u{3001}', '\u{FF0C}']).filter(|p| !p.trim().is_empty()).map(|p| Value::String(p.into())).collect(),
        _ => return None,
    };
    let mut days = Vec::new();
    for p in &parts {
        let n = whole(p).filter(|n| (f.min..=f.max).contains(n))?;
        days.push(n as u32);
    }
    crate::wire::bounds::sort_by_number(&mut days, |d| u64::MAX - u64::from(*d));
    days.dedup();
    (days.len() <= MAX_LEAD_TIMES).then_some(days)
}

/// "5", "2.5", "2,5" megabytes → bytes.
fn megabytes(v: &Value, f: &Spec) -> Option<u64> {
    let tenths = match v {
        Value::Number(n) => (n.as_f64()? * 10.0).round() as i64,
        Value::String(s) => {
            let t = s.trim().replace(',', ".");
            let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
            let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
            if int.is_empty() || int.len() > 6 || !digits(int) || !digits(frac) || frac.len() > 1 {
                return None;
            }
            int.parse::<i64>().ok()? * 10 + frac.parse::<i64>().unwrap_or(0)
        }
        _ => return None,
    };
    (tenths >= (f.min * 10) as i64 && tenths <= (f.max * 10) as i64).then(|| tenths as u64 * MB / 10)
}

fn error_for(f: &Spec) -> Message {
    let range = vec![Arg::Number(f.min as i64), Arg::Number(f.max as i64)];
    match f.kind {
        Kind::Number => Message::with("optionsErrorWholeNumber", range),
        Kind::DayList => Message::with("optionsErrorLeadTimes", vec![Arg::Number(MAX_LEAD_TIMES as i64), Arg::Number(f.max as i64)]),
        Kind::Megabytes => Message::with("optionsErrorMegabytes", range),
        Kind::Language => Message::new("optionsErrorLanguage"),
        Kind::FormatSet => Message::new("optionsErrorFormats"),
        Kind::Switch => Message::new("optionsErrorSwitch"),
    }
}

/// Applies one typed value; false when it is not acceptable.
fn set(s: &mut Settings, f: &Spec, v: &Value) -> bool {
    match f.kind {
        Kind::Number => match (whole(v).filter(|n| (f.min..=f.max).contains(n)), number_ref(s, f.name)) {
            (Some(n), Some(r)) => {
                *r = n as u32;
                true
            }
            _ => false,
        },
        Kind::Switch => match (v.as_bool(), switch_ref(s, f.name)) {
            (Some(b), Some(r)) => {
                *r = b;
                true
            }
            _ => false,
        },
        Kind::DayList => day_list(v, f).map(|d| s.reminder_days = d).is_some(),
        Kind::Megabytes => match (megabytes(v, f), bytes_ref(s, f.name)) {
            (Some(b), Some(r)) => {
                *r = b;
                true
            }
            _ => false,
        },
        Kind::FormatSet => {
            // Known names only, at least one; kept in the table's order, each once.
            let Value::Array(names) = v else { return false };
            let mut chosen = vec![];
            for n in names {
                let Some(name) = n.as_str() else { return false };
                let Some(info) = crate::rules::evidence::format::FORMATS.iter().find(|i| format_value(i.format) == name) else { return false };
                chosen.push(info.format);
            }
            let formats: Vec<_> = crate::rules::evidence::format::FORMATS.iter().map(|i| i.format).filter(|f| chosen.contains(f)).collect();
            if formats.is_empty() {
                return false;
            }
            s.evidence.formats = formats;
            true
        }
        Kind::Language => match v {
            Value::Null => {
                s.language = None;
                true
            }
            Value::String(code) if code.is_empty() => {
                s.language = None;
                true
            }
            Value::String(code) if LANGUAGES.iter().any(|(c, _)| c == code) => {
                s.language = Some(code.clone());
                true
            }
            _ => false,
        },
    }
}

/// Applies what the shopper typed (`{"closing_soon_days": "5", …}`, any subset of the fields)
/// to the saved settings.
pub fn apply(current: &Settings, typed: &Map<String, Value>) -> Checked {
    let mut settings = current.clone();
    let mut errors = vec![];
    for f in FIELDS {
        let Some(v) = typed.get(f.name) else { continue };
        if !set(&mut settings, f, v) {
            errors.push(FieldError { field: f.name.into(), message: error_for(f) });
        }
    }
    Checked { settings, errors }
}

/// Every field of `s` that lies outside what the options page accepts (for imported data).
pub fn problems(s: &Settings) -> Vec<FieldError> {
    let typed: Map<String, Value> = FIELDS.iter().map(|f| (f.name.to_string(), shown_exact(s, f))).collect();
    apply(&Settings::default(), &typed).errors
}

/// Like `shown`, but judged on the exact stored values.
fn shown_exact(s: &Settings, f: &Spec) -> Value {
    match f.kind {
        Kind::Megabytes => {
            let mut c = s.clone();
            let b = bytes_ref(&mut c, f.name).map(|b| *b).unwrap_or(0);
            // Any byte count within the limits is fine, even one the page would not produce.
            let within = b >= f.min * MB && b <= f.max * MB;
            Value::String(if within { megabytes_text(b) } else { "-".into() })
        }
        Kind::DayList => Value::Array(s.reminder_days.iter().map(|d| Value::from(*d)).collect()),
        _ => shown(s, f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn typed(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn the_form_shows_every_setting_with_its_saved_value() {
        let f = form(&Settings::default());
        let get = |n: &str| f.iter().find(|x| x.name == n).unwrap().value.clone();
        assert_eq!(get("reminder_days"), json!("7, 3, 1"));
        assert_eq!(get("closing_soon_days"), json!("3"));
        assert_eq!(get("confirm_guard"), json!(true));
        assert_eq!(get("check_orders_daily"), json!(false), "reading pages daily is the shopper's choice");
        assert_eq!(get("evidence.max_photo_bytes"), json!("5"));
        assert_eq!(get("evidence.check_files"), json!(true));
        assert_eq!(get("language"), json!(""));
        assert_eq!(get("evidence.formats"), json!(["jpeg", "png", "gif", "bmp", "webp", "mp4", "mov", "avi", "webm", "mkv", "3gp"]));
        let formats = f.iter().find(|x| x.name == "evidence.formats").unwrap();
        assert!(formats.choices.iter().any(|c| c.value == "heic" && c.label == "HEIC"), "every known format can be chosen");
        assert_eq!(f.iter().find(|x| x.name == "policy.protection_days").unwrap().label, "optionsField_policy_protection_days");
        // Every field the table names can be read and written.
        for spec in FIELDS {
            let mut s = Settings::default();
            let ok = match spec.kind {
                Kind::Number => number_ref(&mut s, spec.name).is_some(),
                Kind::Switch => switch_ref(&mut s, spec.name).is_some(),
                Kind::Megabytes => bytes_ref(&mut s, spec.name).is_some(),
                Kind::DayList | Kind::Language | Kind::FormatSet => true,
            };
            assert!(ok, "{} has no place in Settings", spec.name);
        }
    }

    #[test]
    fn every_feature_has_its_own_switch_on_by_default() {
        let f = form(&Settings::default());
        let features: Vec<&str> = f.iter().filter(|x| x.section == Section::Features).map(|x| x.name.as_str()).collect();
        assert_eq!(
            features,
            ["list_badges", "dispute_path", "timeline", "confirm_guard", "evidence.check_files", "dispute_assistant", "check_orders_bar", "report_widget"]
        );
        for name in features {
            let field = f.iter().find(|x| x.name == name).unwrap();
            assert_eq!((field.kind, &field.value), (Kind::Switch, &json!(true)), "{name}: a switch, on by default");
            // Off, it changes that one setting and nothing else; on again, all is as before.
            let off = apply(&Settings::default(), &typed(json!({ name: false })));
            assert_eq!(off.errors, vec![], "{name}");
            assert_ne!(off.settings, Settings::default(), "{name} has a place in Settings");
            let shown = form(&off.settings).into_iter().filter(|x| x.value == json!(false) && x.kind == Kind::Switch).map(|x| x.name).collect::<Vec<_>>();
            assert!(shown.contains(&name.to_string()), "{name} shows as off: {shown:?}");
            assert_eq!(apply(&off.settings, &typed(json!({ name: true }))).settings, Settings::default(), "{name}");
        }
    }

    #[test]
    fn good_values_are_applied() {
        let c = apply(
            &Settings::default(),
            &typed(json!({
                "reminder_days": "1, 14 ,3,3", "closing_soon_days": " 5 ", "confirm_guard": false,
                "policy.protection_days": "90", "evidence.max_photo_bytes": "2,5", "language": "pt_BR"
            })),
        );
        assert_eq!(c.errors, vec![]);
        let s = c.settings;
        assert_eq!(s.reminder_days, vec![14, 3, 1]);
        assert_eq!((s.closing_soon_days, s.confirm_guard, s.policy.protection_days), (5, false, 90));
        assert_eq!(s.evidence.max_photo_bytes, 5 * MB / 2);
        assert_eq!(s.language.as_deref(), Some("pt_BR"));
        assert_eq!(apply(&s, &typed(json!({"language": ""}))).settings.language, None);
        // The evidence check as a whole can be switched off, and back on.
        let off = apply(&s, &typed(json!({"evidence.check_files": false}))).settings;
        assert!(!off.evidence.check_files && off.evidence.strip_location);
        assert!(apply(&off, &typed(json!({"evidence.check_files": true}))).settings.evidence.check_files);
        assert_eq!(apply(&s, &typed(json!({"reminder_days": ""}))).settings.reminder_days, Vec::<u32>::new());
    }

    #[test]
    fn bad_values_keep_the_saved_value_and_say_what_is_accepted() {
        let saved = Settings::default();
        let c = apply(
            &saved,
            &typed(json!({
                "closing_soon_days": "7.5", "extension_lead_days": "-1", "reminder_days": "7, 3, soon",
                "policy.protection_days": "0", "evidence.max_photo_bytes": "0", "language": "xx",
                "evidence.max_files": "", "notifications": "yes", "policy.escalation_days": "30"
            })),
        );
        let fields: Vec<&str> = c.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "reminder_days",
                "notifications",
                "closing_soon_days",
                "extension_lead_days",
                "policy.protection_days",
                "evidence.max_photo_bytes",
                "evidence.max_files",
                "language"
            ]
        );
        let mut expected = saved.clone();
        expected.policy.escalation_days = 30; // the one good value still counts
        assert_eq!(c.settings, expected);
        assert_eq!(c.errors[2].message, Message::with("optionsErrorWholeNumber", vec![Arg::Number(0), Arg::Number(60)]));
        assert_eq!(apply(&saved, &typed(json!({"reminder_days": "9,8,7,6,5,4,3"}))).errors.len(), 1, "at most six lead times");
    }

    #[test]
    fn formats_are_chosen_from_the_known_ones_and_never_none() {
        let saved = Settings::default();
        let c = apply(&saved, &typed(json!({"evidence.formats": ["png", "heic", "jpeg", "png"]})));
        assert_eq!(c.errors, vec![]);
        use crate::rules::evidence::format::Format;
        assert_eq!(c.settings.evidence.formats, vec![Format::Jpeg, Format::Png, Format::Heic]);
        for bad in [json!([]), json!(["jpeg", "exe"]), json!("jpeg"), json!([1])] {
            let c = apply(&saved, &typed(json!({ "evidence.formats": bad })));
            assert_eq!((c.errors.len(), &c.settings), (1, &saved), "{bad}");
            assert_eq!(c.errors[0].message.key, "optionsErrorFormats");
        }
    }

    #[test]
    fn imported_settings_out_of_range_are_found() {
        assert_eq!(problems(&Settings::default()), vec![]);
        let mut s = Settings::default();
        s.policy.protection_days = 5000;
        s.reminder_days = vec![400];
        s.evidence.max_photo_bytes = 0;
        let fields: Vec<String> = problems(&s).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["reminder_days", "policy.protection_days", "evidence.max_photo_bytes"]);
    }

    #[test]
    fn sizes_show_as_megabytes() {
        assert_eq!(megabytes_text(5 * MB), "5");
        assert_eq!(megabytes_text(5 * MB / 2), "2.5");
        assert_eq!(megabytes_text(50 * MB), "50");
        // Found by fuzzing: a damaged or imported setting of any size is shown, not a crash.
        assert_eq!(megabytes_text(u64::MAX), "17592186044416");
        let mut s = Settings::default();
        s.evidence.max_photo_bytes = 8_283_652_644_987_288_828;
        assert!(!form(&s).is_empty());
        assert_eq!(problems(&s).into_iter().map(|e| e.field).collect::<Vec<_>>(), ["evidence.max_photo_bytes"]);
    }
}
