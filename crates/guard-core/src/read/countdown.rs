//! Countdowns: how long buyer protection (the time to confirm receipt) still runs.
//!
//! Shapes (SOURCES.md sections 4 and 9): "12 days 5 hours" in every interface language
//! ("12 jours 5 heures", "12 дн. 5 ч.", "12天5小时"), the legacy list's `lefttime` attribute in
//! milliseconds, and the legacy detail page's `#remain-day` / `#remain-hour` numbers.
//!
//! A countdown ends at a moment; the last day of protection is taken as today plus its whole
//! days, which is never later than the real end (hours left over only make it later).

use crate::read::locales::{self, TimeUnit};

/// What is left on a countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Countdown {
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
    pub seconds: u32,
}

/// Protection is never years long: a bigger countdown is garbage.
const MAX_DAYS: u32 = 3_650;
const DAY_MS: u64 = 86_400_000;

impl Countdown {
    /// Whole days left.
    pub fn whole_days(&self) -> u32 {
        self.days
    }
}

/// A countdown in words at the start of `text` ("12 days 5 hours …", "12天5小时"), with the byte
/// length it takes. Each unit at most once, from the largest down; at least one.
pub fn parse_countdown_prefix(text: &str) -> Option<(Countdown, usize)> {
    let mut c = Countdown::default();
    let mut last: Option<TimeUnit> = None;
    let mut rest = text;
    let mut consumed = 0;
    loop {
        let trimmed = rest.trim_start_matches(|ch: char| ch.is_whitespace() || ch == ',' || ch == ':' || ch == '：');
        let trimmed = strip_connective(trimmed);
        let skip = rest.len() - trimmed.len();
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            break;
        }
        let value: u32 = trimmed[..digits].parse().ok()?;
        let after_num = &trimmed[digits..];
        let word_start = after_num.len() - after_num.trim_start().len();
        let unit_text = &after_num[word_start..];
        // A number with no unit after a countdown ("2 days 07:14:09") ends it.
        let (unit, unit_len) = match unit_at(unit_text).or_else(|| (last.is_none() && word_start <= 1).then(|| day_letter(unit_text)).flatten()) {
            Some(u) => u,
            None if last.is_some() => break,
            None => return None,
        };
        if let Some(prev) = last {
            if rank(unit) >= rank(prev) {
                return None; // "5 hours 12 days": not a countdown
            }
        }
        let limit = match unit {
            TimeUnit::Day => MAX_DAYS,
            TimeUnit::Hour if last.is_some() => 23,
            TimeUnit::Minute | TimeUnit::Second if last.is_some() => 59,
            _ => MAX_DAYS * 24 * 3600,
        };
        if value > limit {
            return None;
        }
        match unit {
            TimeUnit::Day => c.days = value,
            TimeUnit::Hour => c.hours = value,
            TimeUnit::Minute => c.minutes = value,
            TimeUnit::Second => c.seconds = value,
        }
        last = Some(unit);
        let mut step = skip + digits + word_start + unit_len;
        // The abbreviation dot ("дн.", "Std.") belongs to the unit.
        if text[consumed + step..].starts_with('.') {
            step += 1;
        }
        consumed += step;
        rest = &text[consumed..];
    }
    let last = last?;
    // Hours alone beyond a day ("30 hours") are whole days too.
    if last == TimeUnit::Hour && c.days == 0 && c.hours >= 24 {
        c.days = c.hours / 24;
        c.hours %= 24;
    }
    if c.days > MAX_DAYS {
        return None;
    }
    Some((c, consumed))
}

/// A countdown that is the whole text (closing punctuation aside).
pub fn parse_countdown(text: &str) -> Option<Countdown> {
    let (c, used) = parse_countdown_prefix(text)?;
    let rest = text[used..].trim().trim_matches(|ch: char| ch == '.' || ch == ',' || ch == ')');
    // The clock after the days ("2 days 07:14:09", "2d 11:05:08") is part of it.
    let clock =
        !rest.is_empty() && rest.split(':').count() <= 3 && rest.split(':').all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    (rest.is_empty() || clock).then_some(c)
}

/// A number of days at the start of `text` ("30 dni", "15 days", "30天"): the number and the
/// length read.
pub fn days_prefix(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = &text[digits..];
    let gap = after.len() - after.trim_start().len();
    let (unit, len) = unit_at(&after[gap..])?;
    (unit == TimeUnit::Day).then(|| text[..digits].parse().ok().map(|n| (n, digits + gap + len))).flatten()
}

/// The legacy `lefttime` attribute: milliseconds left.
pub fn from_millis(text: &str) -> Option<Countdown> {
    let t = text.trim();
    if t.is_empty() || t.len() > 15 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ms: u64 = t.parse().ok()?;
    let days = u32::try_from(ms / DAY_MS).ok().filter(|d| *d <= MAX_DAYS)?;
    let rest = ms % DAY_MS;
    Some(Countdown { days, hours: (rest / 3_600_000) as u32, minutes: (rest / 60_000 % 60) as u32, seconds: (rest / 1000 % 60) as u32 })
}

/// The legacy detail page's `#remain-day` and `#remain-hour`: bare numbers.
pub fn from_parts(days: &str, hours: Option<&str>) -> Option<Countdown> {
    let n = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let days = n(days).filter(|d| *d <= MAX_DAYS)?;
    let hours = match hours {
        Some(h) => n(h).filter(|h| *h <= 23)?,
        None => 0,
    };
    Some(Countdown { days, hours, ..Default::default() })
}

fn rank(u: TimeUnit) -> u8 {
    match u {
        TimeUnit::Day => 3,
        TimeUnit::Hour => 2,
        TimeUnit::Minute => 1,
        TimeUnit::Second => 0,
    }
}

/// The unit word at the start of `s` and its byte length: a run of letters ("days", "дн"), or
/// for Chinese the longest unit of one or two characters ("小时", "天").
fn unit_at(s: &str) -> Option<(TimeUnit, usize)> {
    let first = s.chars().next()?;
    if locales::is_cjk(first) {
        let two: String = s.chars().take(2).collect();
        if two.chars().count() == 2 {
            if let Some(u) = locales::time_unit(&two) {
                return Some((u, two.len()));
            }
        }
        return locales::time_unit(&first.to_string()).map(|u| (u, first.len_utf8()));
    }
    let len: usize = s.chars().take_while(|c| c.is_alphabetic() && !locales::is_cjk(*c)).map(char::len_utf8).sum();
    if len == 0 {
        return None;
    }
    locales::time_unit(&s[..len]).map(|u| (u, len))
}

/// A clock that counts hours ("71:59:10", "05:12:40"): hours, minutes and seconds, at the start
/// of `text`, with the byte length it takes. Whether it counts anything down is for its words to
/// say (`order_reader::countdown_by_its_words`).
pub fn clock_prefix(text: &str) -> Option<(Countdown, usize)> {
    let mut parts = [0u32; 3];
    let mut at = 0;
    for (k, part) in parts.iter_mut().enumerate() {
        if k > 0 {
            at += text[at..].starts_with(':').then_some(1)?;
        }
        let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || (k > 0 && digits != 2) {
            return None;
        }
        *part = text[at..at + digits].parse().ok()?;
        at += digits;
    }
    let [hours, minutes, seconds] = parts;
    if minutes > 59 || seconds > 59 || text[at..].starts_with(|c: char| c.is_ascii_digit() || c == ':') {
        return None;
    }
    Some((Countdown { days: hours / 24, hours: hours % 24, minutes, seconds }, at))
}

/// Days as one letter on the number or a space after it, then the clock or the hours ("2d
/// 11:05:08", "3j 04:10:00", "5д 12:00", "23 T 04:17:09", "12 d 06 h"): the letter alone could be
/// anything, what follows it makes it a countdown's days.
fn day_letter(s: &str) -> Option<(TimeUnit, usize)> {
    let mut chars = s.chars();
    let letter = chars.next().filter(|c| matches!(c.to_lowercase().next(), Some('d' | 'j' | 't' | 'д')))?;
    let rest = chars.as_str();
    if rest.starts_with(char::is_alphabetic) {
        return None;
    }
    // (Or a colon between the parts: "01d:04h:12m".)
    let clock = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    let hours = clock.bytes().take_while(u8::is_ascii_digit).count();
    // (Digits drawn in elements of their own are read with spaces between: "04 : 17 : 09".)
    let minutes = clock[hours..].trim_start().strip_prefix(':').map_or(0, |m| m.trim_start().bytes().take_while(u8::is_ascii_digit).count());
    let then_clock = minutes == 2;
    let then_hours = || matches!(unit_at(clock[hours..].trim_start()), Some((TimeUnit::Hour, _)));
    ((1..=2).contains(&hours) && (then_clock || then_hours())).then_some((TimeUnit::Day, letter.len_utf8()))
}

/// "and" between the parts of a countdown, in the languages read.
fn strip_connective(s: &str) -> &str {
    for w in ["and ", "et ", "и ", "y ", "e ", "und ", "i "] {
        if let Some(rest) = s.strip_prefix(w) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> Option<(u32, u32)> {
        parse_countdown(text).map(|c| (c.days, c.hours))
    }

    #[test]
    fn reads_countdowns_in_every_language() {
        assert_eq!(days("12 days 5 hours"), Some((12, 5)));
        assert_eq!(days("12 jours 5 heures"), Some((12, 5)));
        assert_eq!(days("12 дн. 5 ч."), Some((12, 5)));
        assert_eq!(days("12 дней 5 часов"), Some((12, 5)));
        assert_eq!(days("12 días 5 horas"), Some((12, 5)));
        assert_eq!(days("12 dias e 5 horas"), Some((12, 5)));
        assert_eq!(days("12 Tage 5 Std."), Some((12, 5)));
        assert_eq!(days("12 dni 5 godz."), Some((12, 5)));
        assert_eq!(days("12天5小时"), Some((12, 5)));
        assert_eq!(days("1 day"), Some((1, 0)));
        assert_eq!(days("30 hours"), Some((1, 6)));
        assert_eq!(days("3 days 04 hrs 10 mins 5 sec"), Some((3, 4)));
        // Days as one letter, with or without a space, before the hours or the clock.
        assert_eq!(days("12 d 06 h"), Some((12, 6)));
        assert_eq!(days("23 T 04:17:09"), Some((23, 0)));
        assert_eq!(days("3 j 05 h 22 min"), Some((3, 5)));
        assert_eq!(parse_countdown_prefix("01d:04h:12m").map(|(c, _)| (c.days, c.hours)), Some((1, 4)));
        assert_eq!(parse_countdown_prefix("23 T 04 : 17 : 09 bis").map(|(c, _)| c.days), Some(23));
        assert_eq!(parse_countdown_prefix("23 T 4 Artikel"), None);
    }

    #[test]
    fn garbage_is_not_a_countdown() {
        assert_eq!(days(""), None);
        assert_eq!(days("12"), None);
        assert_eq!(days("5 hours 12 days"), None);
        assert_eq!(days("12 days 30 hours"), None);
        assert_eq!(days("99999 days"), None);
        assert_eq!(days("12 apples"), None);
        assert_eq!(days("12 days and a half"), None);
    }

    #[test]
    fn legacy_countdowns() {
        assert_eq!(from_millis("1080000000").map(|c| (c.days, c.hours)), Some((12, 12)));
        assert_eq!(from_millis("-5"), None);
        assert_eq!(from_millis("12e5"), None);
        assert_eq!(from_millis("999999999999999"), None);
        assert_eq!(from_parts("12", Some("5")).map(|c| (c.days, c.hours)), Some((12, 5)));
        assert_eq!(from_parts("12", Some("25")), None);
        assert_eq!(from_parts("x", None), None);
    }

    #[test]
    fn prefix_stops_where_the_countdown_ends() {
        let text = "12 days 5 hours left to confirm";
        let (c, used) = parse_countdown_prefix(text).unwrap();
        assert_eq!((c.days, &text[used..]), (12, " left to confirm"));
    }
}
