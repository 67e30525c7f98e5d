//! The ranges every number and date that comes in must fall in, checked where it comes in
//! (serde: stored orders, settings, imports, the calendar's events), and date arithmetic that
//! cannot overflow. A stated window of 4,294,967,295 days is not a window anyone was given: the
//! value is refused as unreadable (a stored order with it is set aside, an import is refused)
//! rather than reaching chrono's `+`, which panics past the year 262,143.
//!
//! The ranges are wide enough for anything true: no policy, page or shopper speaks of more
//! than 10,000 days (27 years), and no order of ours was placed before 1970 or after 2200.
//! Inside them, any date plus any number of days stays far inside what chrono holds; the
//! arithmetic is checked all the same (`add_days`), so that a value that slipped past a bound
//! costs a line of text, never the core.

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde::de::Error;
use serde::{Deserialize, Deserializer};

/// The most days any stored or stated number of days may be.
pub const MAX_DAYS: u32 = 10_000;
/// The years a stored date (and the shopper's clock) may be in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=2200;
/// The most of anything counted (items of an order, files of a form).
pub const MAX_COUNT: u32 = 100_000;
/// The largest size in bytes a setting may name (1 TiB).
pub const MAX_BYTES: u64 = 1 << 40;

/// True for a date in `YEARS`.
pub fn date_in_range(d: NaiveDate) -> bool {
    YEARS.contains(&d.year())
}

/// `d` plus `days` (negative: minus), or None where chrono would overflow.
pub fn add_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(days)?)
}

fn check<E: Error, T: std::fmt::Display + PartialOrd>(v: T, max: T, what: &str) -> Result<T, E> {
    if v > max {
        Err(E::custom(format!("{v} {what} is out of range (0 to {max})")))
    } else {
        Ok(v)
    }
}

/// A date as the wire writes it, "YYYY-MM-DD" (a sign and more digits in the year as chrono
/// writes far years, "+262142-12-31"). Read here rather than by chrono's `FromStr`, whose
/// general format parser was the only reason the wasm carried it.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (1, s),
    };
    let mut parts = rest.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !(4..=6).contains(&y.len()) || m.len() != 2 || d.len() != 2 || ![y, m, d].into_iter().all(digits) {
        return None;
    }
    NaiveDate::from_ymd_opt(sign * y.parse::<i32>().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn date_text<E: Error>(s: &str) -> Result<NaiveDate, E> {
    parse_date(s).ok_or_else(|| E::custom(format!("{s:?} is no date (YYYY-MM-DD)")))
}

fn check_date<E: Error>(d: NaiveDate) -> Result<NaiveDate, E> {
    if date_in_range(d) {
        Ok(d)
    } else {
        Err(E::custom(format!("the date {d} is out of range ({} to {})", YEARS.start(), YEARS.end())))
    }
}

/// A number of days, 0 to `MAX_DAYS`.
pub fn days<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    check(u32::deserialize(d)?, MAX_DAYS, "days")
}

/// Several numbers of days (the reminder lead times).
pub fn day_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
    let list = Vec::<u32>::deserialize(d)?;
    if list.len() > 100 {
        return Err(D::Error::custom("too many lead times"));
    }
    list.into_iter().map(|n| check(n, MAX_DAYS, "days")).collect()
}

/// A count, 0 to `MAX_COUNT`.
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    check(u32::deserialize(d)?, MAX_COUNT, "")
}

/// An optional count.
pub fn opt_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Option::<u32>::deserialize(d)?.map(|n| check(n, MAX_COUNT, "")).transpose()
}

/// A size in bytes, 0 to `MAX_BYTES`.
pub fn bytes<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    check(u64::deserialize(d)?, MAX_BYTES, "bytes")
}

/// A deadline worked out from a stored date and a number of days: up to `MAX_DAYS` after the
/// last year a stored date may be in.
pub fn deadline<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let v = date_text(&String::deserialize(d)?)?;
    let last = NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31).and_then(|e| add_days(e, MAX_DAYS as i64));
    if v.year() >= *YEARS.start() && last.is_some_and(|l| v <= l) {
        Ok(v)
    } else {
        Err(D::Error::custom(format!("the deadline {v} is out of range")))
    }
}

/// A date in `YEARS`.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    check_date(date_text(&String::deserialize(d)?)?)
}

/// An optional date in `YEARS`.
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<String>::deserialize(d)?.map(|s| date_text(&s).and_then(check_date)).transpose()
}

/// An optional pair of dates in `YEARS`, the first not after the second.
pub fn opt_date_pair<'de, D: Deserializer<'de>>(d: D) -> Result<Option<(NaiveDate, NaiveDate)>, D::Error> {
    let pair = match Option::<(String, String)>::deserialize(d)? {
        Some((a, b)) => Some((date_text(&a)?, date_text(&b)?)),
        None => None,
    };
    match pair {
        Some((a, b)) if a > b => Err(serde::de::Error::custom("the first date of a pair is after the second")),
        Some((a, b)) => Ok(Some((check_date(a)?, check_date(b)?))),
        None => Ok(None),
    }
}

/// Sorts by a (number, text) key. Every list of the toolbar is sorted through this one
/// function, so the wasm carries a single sort (one per element type would cost kilobytes each).
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (i64, String)) {
    let mut keyed: Vec<((i64, String), usize)> = items.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// Sorts by a number, keeping the order of equal ones (as a stable sort does). Every other sort
/// of the core goes through this one: one sort in the wasm instead of one per element type
/// (about 4 KB each, twiggy).
pub(crate) fn sort_by_number<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, u32)> = items.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, i)| slots[i as usize].take()));
}

/// A signed number as a sort key of `sort_by_number`, in the same order.
pub(crate) fn signed_key(n: i64) -> u64 {
    (n as u64) ^ (1 << 63)
}

/// Days since 1970, for sort keys.
pub(crate) fn day_number(d: NaiveDate) -> i64 {
    (d - NaiveDate::default()).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    struct Probe {
        #[serde(deserialize_with = "days")]
        days: u32,
        #[serde(default, deserialize_with = "opt_date")]
        date: Option<NaiveDate>,
    }

    fn probe(json: &str) -> Result<Probe, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn numbers_and_dates_past_their_ranges_are_refused_with_the_value() {
        assert_eq!(probe(r#"{"days":10000,"date":"2200-12-31"}"#).unwrap().days, 10_000);
        assert_eq!(probe(r#"{"days":0,"date":"1970-01-01"}"#).unwrap().date, NaiveDate::from_ymd_opt(1970, 1, 1));
        assert_eq!(probe(r#"{"days":0}"#).unwrap().date, None);
        let e = probe(r#"{"days":4294967295}"#).unwrap_err();
        assert!(e.contains("4294967295 days is out of range (0 to 10000)"), "{e}");
        assert!(probe(r#"{"days":10001}"#).is_err());
        assert!(probe(r#"{"days":-1}"#).is_err());
        for date in ["1969-12-31", "2201-01-01", "+262142-12-31", "-0001-01-01"] {
            let e = probe(&format!(r#"{{"days":1,"date":"{date}"}}"#)).unwrap_err();
            assert!(e.contains("out of range (1970 to 2200)"), "{date}: {e}");
        }
    }

    #[derive(Deserialize, Debug)]
    struct Pair {
        #[serde(default, deserialize_with = "opt_date_pair")]
        between: Option<(NaiveDate, NaiveDate)>,
    }

    #[test]
    fn pairs_of_dates_are_in_range_and_in_order() {
        let pair = |json: &str| serde_json::from_str::<Pair>(json).map(|p| p.between).map_err(|e| e.to_string());
        let (a, b) = (NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
        assert_eq!(pair(r#"{"between":["2026-03-01","2026-03-09"]}"#), Ok(Some((a, b))));
        assert_eq!(pair("{}"), Ok(None));
        assert!(pair(r#"{"between":["2026-03-09","2026-03-01"]}"#).unwrap_err().contains("after the second"));
        assert!(pair(r#"{"between":["1900-03-01","2026-03-01"]}"#).unwrap_err().contains("out of range"));
    }

    #[test]
    fn date_arithmetic_says_none_where_chrono_would_panic() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(add_days(d, 14), NaiveDate::from_ymd_opt(2026, 3, 15));
        assert_eq!(add_days(d, -1), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(add_days(d, u32::MAX as i64), None);
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(add_days(d, i64::MAX), None);
    }
}
