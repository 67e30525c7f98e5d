//! The shapes personal data takes in a text, found wherever they are, whatever the text around
//! them: e-mail addresses, letter-and-digit codes (tracking codes, IBANs), amounts of money and
//! runs of digits (order, tracking, phone and card numbers, post codes). Dates are found too:
//! they are the site's and are kept.

use crate::read::dates::{parse_date_prefix, DateRules};
use crate::read::locales;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Date(NaiveDate),
    Email,
    /// Letters and digits together: a tracking code ("LP00123456789012"), an IBAN.
    Code,
    Money,
    /// Five digits or more, maybe in groups: order, tracking, card and phone numbers, post
    /// codes. `phone` when written like a phone number (a leading "+", parentheses).
    Number {
        phone: bool,
    },
}

/// Digits in a row (with group separators) from which a number is the shopper's rather than a
/// quantity, a day or a countdown: five (a post code) and up.
const MIN_NUMBER_DIGITS: usize = 5;

/// Finds every shape in `text`, in order, without overlaps; dates only when `dates` gives the
/// rules to read them with.
pub fn scan(text: &str, dates: Option<&DateRules>) -> Vec<(Range<usize>, Shape)> {
    let mut found: Vec<(Range<usize>, Shape)> = Vec::new();
    if let Some(rules) = dates {
        find_dates(text, rules, &mut found);
    }
    find_emails(text, &mut found);
    find_codes(text, &mut found);
    find_money(text, &mut found);
    find_numbers(text, &mut found);
    crate::wire::bounds::sort_by_number(&mut found, |(r, _)| r.start as u64);
    found
}

/// Whether `text` holds anything of the shopper's shape (dates aside).
pub fn has_personal_shape(text: &str) -> bool {
    !scan(text, None).is_empty()
}

fn overlaps(found: &[(Range<usize>, Shape)], r: &Range<usize>) -> bool {
    found.iter().any(|(f, _)| f.start < r.end && r.start < f.end)
}

fn month_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| locales::TABLES.iter().flat_map(|t| t.months.iter().map(|(w, _)| *w)).collect())
}

fn find_dates(text: &str, rules: &DateRules, found: &mut Vec<(Range<usize>, Shape)>) {
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        let p = prev;
        prev = Some(c);
        if i < skip_to {
            continue;
        }
        // A date starts with a number (day, year, time) or a month's name, at a word's start.
        let starts = if c.is_ascii_digit() {
            !p.is_some_and(|p| p.is_ascii_digit())
        } else if c.is_alphabetic() && !p.is_some_and(char::is_alphabetic) {
            let word: String = text[i..].chars().take_while(|x| x.is_alphabetic() && !locales::is_cjk(*x)).collect::<String>().to_lowercase();
            month_words().contains(word.as_str())
        } else {
            false
        };
        if !starts {
            continue;
        }
        if let Some((date, len)) = parse_date_prefix(&text[i..], rules) {
            found.push((i..i + len, Shape::Date(date)));
            skip_to = i + len;
        }
    }
}

fn find_emails(text: &str, found: &mut Vec<(Range<usize>, Shape)>) {
    let local = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let domain = |c: char| c.is_alphanumeric() || ".-".contains(c);
    for (at, _) in text.match_indices('@') {
        let start = text[..at].char_indices().rev().take_while(|(_, c)| local(*c)).last().map(|(i, _)| i);
        let end = text[at + 1..].char_indices().take_while(|(_, c)| domain(*c)).last().map(|(i, c)| at + 1 + i + c.len_utf8());
        let (Some(start), Some(mut end)) = (start, end) else { continue };
        while text[..end].ends_with(['.', '-']) {
            end -= 1;
        }
        let host = &text[at + 1..end];
        let tld_ok = host.rsplit_once('.').is_some_and(|(h, tld)| !h.is_empty() && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
        let r = start..end;
        if tld_ok && !overlaps(found, &r) {
            found.push((r, Shape::Email));
        }
    }
}

/// IBANs ("DE89 3704 0044 0532 0130 00": two letters, two digits, 11 to 30 more letters and
/// digits, maybe in groups) and tracking codes (eight letters and digits or more in one word,
/// four of them digits at least).
fn find_codes(text: &str, found: &mut Vec<(Range<usize>, Shape)>) {
    let b = text.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let word_start =
        |i: usize| i == 0 || !(b[i - 1].is_ascii_alphanumeric() || !b[i - 1].is_ascii() && text[..i].chars().next_back().is_some_and(char::is_alphanumeric));
    let mut i = 0;
    while i < b.len() {
        if !alnum(i) || !word_start(i) {
            i += 1;
            continue;
        }
        // An IBAN: country, check digits, then groups.
        let iban_head =
            b.len() >= i + 4 && b[i].is_ascii_uppercase() && b[i + 1].is_ascii_uppercase() && b[i + 2].is_ascii_digit() && b[i + 3].is_ascii_digit();
        if iban_head {
            let (mut j, mut count) = (i, 0);
            loop {
                while j < b.len() && (b[j].is_ascii_digit() || b[j].is_ascii_uppercase()) {
                    j += 1;
                    count += 1;
                }
                if j + 1 < b.len() && b[j] == b' ' && (b[j + 1].is_ascii_digit() || b[j + 1].is_ascii_uppercase()) {
                    j += 1;
                    continue;
                }
                break;
            }
            let ends_clean = !alnum(j);
            if (15..=34).contains(&count) && ends_clean && !overlaps(found, &(i..j)) {
                found.push((i..j, Shape::Code));
                i = j;
                continue;
            }
        }
        let mut j = i;
        while alnum(j) {
            j += 1;
        }
        let word = &b[i..j];
        let digits = word.iter().filter(|c| c.is_ascii_digit()).count();
        let letters = word.len() - digits;
        // Followed by a letter of another script, it is part of a longer word.
        let ends_clean = text[j..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if word.len() >= 8 && digits >= 4 && letters >= 1 && ends_clean && !overlaps(found, &(i..j)) {
            found.push((i..j, Shape::Code));
        }
        i = j.max(i + 1);
    }
}

const NUMBER_CHARS: &[char] = &['.', ',', ' ', '\u{a0}', '\u{202f}', '\''];

/// The number that starts at `i` ("1 234,56"), as far as it is one: its end.
fn number_from(text: &str, i: usize) -> Option<usize> {
    let mut end = None;
    for (k, c) in text[i..].char_indices() {
        if c.is_ascii_digit() {
            end = Some(i + k + 1);
        } else if !NUMBER_CHARS.contains(&c) {
            break;
        }
    }
    let end = end?;
    crate::read::money::parse_number(&text[i..end]).map(|_| end)
}

/// The number that ends at `end` ("1 234,56" before " ₽"): its start.
fn number_until(text: &str, end: usize) -> Option<usize> {
    let mut start = None;
    for (k, c) in text[..end].char_indices().rev() {
        if c.is_ascii_digit() {
            start = Some(k);
        } else if !NUMBER_CHARS.contains(&c) {
            break;
        }
    }
    let start = start?;
    let num = text[start..end].trim_end();
    crate::read::money::parse_number(num).map(|_| start)
}

fn find_money(text: &str, found: &mut Vec<(Range<usize>, Shape)>) {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic());
    for mark in crate::read::money::CURRENCY {
        for (a, _) in text.match_indices(mark) {
            let b = a + mark.len();
            // A mark made of letters ("руб", "zł") must be a word of its own.
            if mark.starts_with(char::is_alphabetic) && is_word(text[..a].chars().next_back()) {
                continue;
            }
            if mark.ends_with(char::is_alphabetic) && is_word(text[b..].chars().next()) {
                continue;
            }
            let after = text[b..].char_indices().find(|(_, c)| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).map(|(k, _)| b + k);
            let range = match after.filter(|&k| k - b <= 2 && text[k..].starts_with(|c: char| c.is_ascii_digit())).and_then(|k| number_from(text, k)) {
                Some(end) => a..end,
                None => {
                    let before = text[..a].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
                    if a - before.len() > 2 || !before.ends_with(|c: char| c.is_ascii_digit()) {
                        continue;
                    }
                    match number_until(text, before.len()) {
                        Some(start) => start..b,
                        None => continue,
                    }
                }
            };
            if !overlaps(found, &range) {
                found.push((range, Shape::Money));
            }
        }
    }
}

const GROUP_SEPARATORS: &[char] = &[' ', '-', '.', '(', ')', '/', '\u{a0}', '\u{202f}'];

fn find_numbers(text: &str, found: &mut Vec<(Range<usize>, Shape)>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|x| x.1);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |x| x.0);
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let prev_alnum = k > 0 && chars[k - 1].1.is_alphanumeric();
        let opens = c.is_ascii_digit() || (matches!(c, '+' | '(') && at(k + 1).is_some_and(|d| d.is_ascii_digit()));
        if !opens || prev_alnum {
            k += 1;
            continue;
        }
        let (mut j, mut digits, mut last) = (k, 0, k);
        if !c.is_ascii_digit() {
            j += 1;
        }
        loop {
            let run = (j..).take_while(|&x| at(x).is_some_and(|d| d.is_ascii_digit())).count();
            if run > 0 {
                j += run;
                digits += run;
                last = j;
                if at(j) == Some(')') {
                    last = j + 1;
                }
            }
            // One or two separators, then more digits (or "(" and digits): still the same number.
            let seps = (j..j + 3).take_while(|&x| at(x).is_some_and(|s| GROUP_SEPARATORS.contains(&s))).count();
            if (1..=2).contains(&seps) && at(j + seps).is_some_and(|d| d.is_ascii_digit()) {
                j += seps;
                continue;
            }
            break;
        }
        let followed_by_word = at(last).is_some_and(char::is_alphanumeric);
        let r = pos(k)..pos(last);
        if digits >= MIN_NUMBER_DIGITS && !followed_by_word && !overlaps(found, &r) {
            let phone = c == '+' || text[r.clone()].contains('(');
            found.push((r, Shape::Number { phone }));
            k = last.max(k + 1);
        } else {
            k = j.max(k + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::locales::Lang;

    fn shapes(text: &str) -> Vec<(&str, Shape)> {
        let rules = DateRules::new(Some(Lang::En), NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        scan(text, Some(&rules)).into_iter().map(|(r, s)| (&text[r], s)).collect()
    }

    #[test]
    fn finds_each_kind_of_personal_data() {
        assert_eq!(shapes("Mail me: jean.dupont+ali@mail.example.fr."), vec![("jean.dupont+ali@mail.example.fr", Shape::Email)]);
        assert_eq!(shapes("+7 (912) 345-67-89"), vec![("+7 (912) 345-67-89", Shape::Number { phone: true })]);
        assert_eq!(shapes("Tel 555-123-4567 ok"), vec![("555-123-4567", Shape::Number { phone: false })]);
        assert_eq!(shapes("Order ID: 8100000000000001 Copy"), vec![("8100000000000001", Shape::Number { phone: false })]);
        assert_eq!(shapes("card 4111 1111 1111 1111"), vec![("4111 1111 1111 1111", Shape::Number { phone: false })]);
        assert_eq!(shapes("IBAN: DE89 3704 0044 0532 0130 00"), vec![("DE89 3704 0044 0532 0130 00", Shape::Code)]);
        assert_eq!(shapes("Tracking: LP00123456789012"), vec![("LP00123456789012", Shape::Code)]);
        assert_eq!(shapes("Total:US $7.98"), vec![("US $7.98", Shape::Money)]);
        assert_eq!(shapes("1 234,56 ₽"), vec![("1 234,56 ₽", Shape::Money)]);
        assert_eq!(shapes("Prix 129,46zł"), vec![("129,46zł", Shape::Money)]);
        assert_eq!(shapes("75008 Paris"), vec![("75008", Shape::Number { phone: false })]);
    }

    #[test]
    fn dates_times_quantities_and_countdowns_are_not_personal() {
        assert_eq!(shapes("Order date: Mar 22, 2022"), vec![("Mar 22, 2022", Shape::Date(NaiveDate::from_ymd_opt(2022, 3, 22).unwrap()))]);
        assert_eq!(shapes("2014-05-31 10:51:32").len(), 1);
        assert!(matches!(shapes("2014-05-31 10:51:32")[0].1, Shape::Date(_)));
        assert!(shapes("x2").is_empty());
        assert!(shapes("Auto-confirm in 12 days 5 hours").is_empty());
        assert!(shapes("Up to 3 photos, max 5 MB each").is_empty());
        assert!(shapes("Pro 2024 edition").is_empty());
        assert!(shapes("Jean Dupont").is_empty(), "a name has no shape: the whitelist, not this, replaces it");
    }
}
