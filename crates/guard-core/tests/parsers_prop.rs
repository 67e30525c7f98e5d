//! Property tests for the parsers of page text: dates, countdowns and amounts never panic on any
//! string, and every format the fixtures use (tests/fixtures/formats.json, the shapes SOURCES.md
//! quotes) reads back the date it was made from, for random dates.

use chrono::{Datelike, Duration, NaiveDate};
use guard_core::read::countdown::{from_millis, parse_countdown, parse_countdown_prefix};
use guard_core::read::dates::{parse_date, parse_date_exact, parse_date_prefix, DateRules};
use guard_core::read::locales::Lang;
use guard_core::read::money::{parse_money, parse_number};
use proptest::prelude::*;

/// The interface language each fixture date format belongs to (`None`: numeric, any language).
fn format_lang(name: &str) -> Option<Lang> {
    match name.split('_').next().unwrap_or("") {
        "en" => Some(Lang::En),
        "fr" => Some(Lang::Fr),
        "ru" => Some(Lang::Ru),
        "pt" => Some(Lang::Pt),
        "de" => Some(Lang::De),
        "es" => Some(Lang::Es),
        "pl" => Some(Lang::Pl),
        _ => None,
    }
}

fn format_names() -> Vec<String> {
    let text = std::fs::read_to_string(fixture_kit::fixtures_dir().join("formats.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v.as_object().unwrap().keys().filter(|k| !k.starts_with('_')).cloned().collect()
}

fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    (0i64..36_500).prop_map(|d| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(d))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fixture_kit::fuzz_cases(400), ..ProptestConfig::default() })]

    #[test]
    fn parsers_never_panic_on_any_text(s in ".{0,80}") {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        for lang in [None, Some(Lang::En), Some(Lang::Ru), Some(Lang::Zh)] {
            let _ = parse_date(&s, lang, today);
            let rules = DateRules { lang, today, year_optional: true, day_first: None, deadline: false };
            let _ = parse_date_exact(&s, &rules);
            if let Some((_, end)) = parse_date_prefix(&s, &rules) {
                prop_assert!(end <= s.len() && s.is_char_boundary(end));
            }
        }
        let _ = parse_countdown(&s);
        if let Some((_, used)) = parse_countdown_prefix(&s) {
            prop_assert!(used <= s.len() && s.is_char_boundary(used));
        }
        let _ = from_millis(&s);
        let _ = parse_money(&s);
        let _ = parse_number(&s);
    }

    #[test]
    fn parsers_never_panic_on_date_like_noise(s in "[0-9 .,:/年月日г-]{0,30}|[A-Za-zéû]{0,6} [0-9]{0,3}[,.]? [0-9]{0,5}") {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let rules = DateRules { lang: None, today, year_optional: true, day_first: None, deadline: false };
        if let Some(d) = parse_date_exact(&s, &rules) {
            // Whatever is read is a real, plausible date.
            prop_assert!((2000..=2099).contains(&d.year()));
        }
        let _ = parse_number(&s);
        let _ = parse_countdown(&s);
    }

    #[test]
    fn every_fixture_format_reads_back_its_date(date in date_in_range()) {
        let today = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
        for name in format_names() {
            let text = fixture_kit::format_date(date, &name).unwrap();
            let lang = format_lang(&name);
            if name.ends_with("noyear") {
                continue; // below, with a today that makes the year knowable
            }
            for l in [lang, None] {
                let rules = DateRules { lang: l, today, year_optional: false, day_first: None, deadline: false };
                prop_assert_eq!(parse_date_exact(&text, &rules), Some(date), "{} {:?} with {:?}", name, text, l);
                let (d, end) = parse_date_prefix(&format!("{text} and more"), &rules).unwrap();
                prop_assert_eq!(d, date);
                prop_assert!(end >= text.trim_end_matches('.').len());
            }
        }
    }

    #[test]
    fn year_less_dates_read_back_within_the_past_year(back in 0i64..365, today in date_in_range()) {
        let date = today - Duration::days(back);
        prop_assume!(date.year() >= 2000);
        let text = fixture_kit::format_date(date, "ru_noyear").unwrap();
        let rules = DateRules { lang: Some(Lang::Ru), today, year_optional: true, day_first: None, deadline: false };
        // Within the past year a day and month name one date only (29 February seen from a
        // year without one is last year's).
        prop_assert_eq!(parse_date_exact(&text, &rules), Some(date), "{:?} seen on {}", text, today);
    }

    #[test]
    fn countdowns_read_back_in_every_language(days in 0u32..400, hours in 0u32..24) {
        let forms = [
            format!("{days} days {hours} hours"), format!("{days} jours {hours} heures"),
            format!("{days} дн. {hours} ч."), format!("{days} дней {hours} часов"),
            format!("{days} días {hours} horas"), format!("{days} dias {hours} horas"),
            format!("{days} Tage {hours} Std."), format!("{days} dni {hours} godz."),
            format!("{days}天{hours}小时"),
        ];
        for f in forms {
            let c = parse_countdown(&f).unwrap();
            prop_assert_eq!((c.days, c.hours), (days, hours), "{}", f);
        }
        let ms = (days as u64 * 24 + hours as u64) * 3_600_000;
        let c = from_millis(&ms.to_string()).unwrap();
        prop_assert_eq!((c.days, c.hours), (days, hours));
    }

    #[test]
    fn amounts_read_back_in_every_style(units in 0u64..10_000_000, cents in 0u64..100) {
        let int = units.to_string();
        let group = |sep: &str| {
            let digits: Vec<char> = int.chars().collect();
            let mut out = String::new();
            for (i, c) in digits.iter().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) { out.push_str(sep); }
                out.push(*c);
            }
            out
        };
        let minor = units * 100 + cents;
        for shown in [
            format!("US ${}.{cents:02}", group(",")),
            format!("{},{cents:02} €", group(".")),
            format!("{},{cents:02} ₽", group(" ")),
            format!("R$ {},{cents:02}", group(".")),
            format!("{},{cents:02} zł", group("\u{a0}")),
            format!("¥{}.{cents:02}", int),
        ] {
            let m = parse_money(&shown).unwrap_or_else(|| panic!("{shown:?} not read"));
            prop_assert_eq!((m.minor, m.decimals), (minor, 2), "{}", shown);
        }
    }
}
