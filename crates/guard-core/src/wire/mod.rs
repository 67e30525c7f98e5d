//! What crosses between the page and the core: the page's snapshot and its tree, the orders as
//! read, the plan sent back with its messages, and the text rules both sides share. Uses nothing
//! above it.

pub mod bounds;
pub mod forms;
pub mod order;
pub mod page_context;
pub mod page_plan;
pub mod page_tree;
pub mod snapshot;
pub mod text;
pub mod timeline;

use chrono::{NaiveDateTime, NaiveTime};

/// Parses the shopper's local time as the extension sends it ("2026-11-21T14:05" or with seconds),
/// in the years a stored date may be in (`bounds::YEARS`): a clock set to the year 262,142 is
/// refused rather than counted from. Read here (`bounds::parse_date`, two-digit time fields):
/// chrono's `parse_from_str` brought its whole strftime interpreter into the wasm.
pub fn parse_local_now(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.split_once('T')?;
    let date = bounds::parse_date(date).filter(|d| bounds::date_in_range(*d))?;
    let two = |f: &str| (f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit())).then(|| f.parse::<u32>().ok()).flatten();
    let mut fields = time.split(':');
    let (h, m) = (two(fields.next()?)?, two(fields.next()?)?);
    let sec = match fields.next() {
        Some(f) => two(f)?,
        None => 0,
    };
    if fields.next().is_some() {
        return None;
    }
    Some(date.and_time(NaiveTime::from_hms_opt(h, m, sec)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_time_as_the_extension_sends_it() {
        let at = |s: &str| parse_local_now(s).map(|n| n.to_string());
        assert_eq!(at("2026-11-21T14:05").as_deref(), Some("2026-11-21 14:05:00"));
        assert_eq!(at("2026-11-21T14:05:09").as_deref(), Some("2026-11-21 14:05:09"));
        for bad in [
            "",
            "2026-11-21",
            "2026-11-21T",
            "2026-11-21T14",
            "2026-11-21T24:00",
            "2026-11-21T14:60",
            "2026-02-30T10:00",
            "2026-11-21T14:05:09:01",
            "2026-11-21T4:05",
            "2026-11-21 14:05",
            "262142-01-01T00:00",
            "1969-12-31T23:59",
            "2026-11-21T14:05:09.5",
        ] {
            assert_eq!(at(bad), None, "{bad:?}");
        }
    }
}
