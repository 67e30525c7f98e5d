//! Dates as the pages write them, in every interface language.
//!
//! A date that cannot be read with certainty is `None`, never a guess: "03/04/2024" could be
//! March or April, so it is refused.

use crate::locales::{self, Lang};
use chrono::NaiveDate;

/// Reads the first date in `text`. `today` resolves dates shown without their year.
pub fn parse_date(text: &str, lang: Option<Lang>, _today: NaiveDate) -> Option<NaiveDate> {
    let tokens = tokens(text);
    iso(&tokens).or_else(|| month_day_year(&tokens, lang))
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Num(&'a str),
    Word(String),
    Sep(char),
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some((j, d)) = chars.peek().copied() {
                if !d.is_ascii_digit() { break; }
                end = j + 1;
                chars.next();
            }
            out.push(Tok::Num(&text[i..end]));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some((j, d)) = chars.peek().copied() {
                if !d.is_alphabetic() { break; }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Tok::Word(text[i..end].to_lowercase()));
        } else if !c.is_whitespace() {
            out.push(Tok::Sep(c));
        }
    }
    out
}

fn num(t: &Tok<'_>, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    match t {
        Tok::Num(s) if digits.contains(&s.len()) => s.parse().ok(),
        _ => None,
    }
}

/// "2024-03-12", "2024-03-12 10:51:32".
fn iso(toks: &[Tok<'_>]) -> Option<NaiveDate> {
    toks.windows(5).find_map(|w| match w {
        [y, Tok::Sep('-'), m, Tok::Sep('-'), d] => NaiveDate::from_ymd_opt(num(y, 4..=4)? as i32, num(m, 1..=2)?, num(d, 1..=2)?),
        _ => None,
    })
}

fn month(word: &str, lang: Option<Lang>) -> Option<u32> {
    let tables = locales::TABLES.iter().filter(|t| lang.is_none_or(|l| l == t.lang));
    for t in tables {
        if let Some((_, m)) = t.months.iter().find(|(name, _)| *name == word) {
            return Some(*m);
        }
    }
    None
}

/// "Mar 12, 2024", "Mar. 05 2019".
fn month_day_year(toks: &[Tok<'_>], lang: Option<Lang>) -> Option<NaiveDate> {
    for (i, t) in toks.iter().enumerate() {
        let Tok::Word(w) = t else { continue };
        let Some(m) = month(w, lang) else { continue };
        let rest: Vec<&Tok<'_>> = toks[i + 1..].iter().filter(|t| !matches!(t, Tok::Sep('.') | Tok::Sep(','))).collect();
        if let [d, y, ..] = rest.as_slice() {
            if let (Some(d), Some(y)) = (num(d, 1..=2), num(y, 4..=4)) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    return Some(date);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn reads_english_and_iso_dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("Mar 22, 2022", Some(Lang::En), today()), d(2022, 3, 22));
        assert_eq!(parse_date("Order date: Mar 22, 2022", None, today()), d(2022, 3, 22));
        assert_eq!(parse_date("2014-05-31 10:51:32", None, today()), d(2014, 5, 31));
        assert_eq!(parse_date("10:23 Mar. 05 2019", Some(Lang::En), today()), d(2019, 3, 5));
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        assert_eq!(parse_date("Feb 30, 2024", None, today()), None);
        assert_eq!(parse_date("03/04/2024", None, today()), None);
        assert_eq!(parse_date("", None, today()), None);
    }
}
