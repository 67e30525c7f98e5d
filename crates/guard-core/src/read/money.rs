//! Amounts of money as the pages show them ("US $7.98", "1 234,56 ₽", "R$ 45,90", "¥120.00").
//!
//! The core keeps the amount as shown (the shopper's own currency and format); reading the
//! number checks that it really is an amount, so a garbled total is left out rather than shown.

use serde::{Deserialize, Serialize};

/// An amount as shown, with its value in the smallest unit shown (cents for "7.98").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    /// The text, whitespace collapsed: "US $7.98".
    pub shown: String,
    /// The number without its decimal separator: 798 for "7.98".
    pub minor: u64,
    /// Digits after the decimal separator: 2 for "7.98", 0 for "1 234 ₽".
    pub decimals: u8,
}

/// Currency marks that may stand before or after the number, the one list for every amount the
/// core reads (a total on an order, the refund typed on the dispute form). Longer marks first:
/// the first that matches wins.
pub const CURRENCY: &[&str] = &[
    "US $", "US$", "CA $", "AU $", "C$", "A$", "R$", "CA$", "AU$", "NZ$", "CN¥", "$", "€", "£", "¥", "元", "₽", "zł", "₴",
    "₸", "₩", "₹", "руб.", "руб", "р.", "грн", "USD", "EUR", "RUB", "PLN", "BRL", "CNY", "GBP", "CHF", "kr",
];

/// `CURRENCY` in lower case, for texts read without regard to case.
fn currency_lower() -> &'static [String] {
    static LOWER: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LOWER.get_or_init(|| CURRENCY.iter().map(|m| m.to_lowercase()).collect())
}

/// Reads an amount of money: a currency mark and a number, in either order.
pub fn parse_money(text: &str) -> Option<Money> {
    let shown = crate::wire::text::collapse_ws(text);
    if shown.is_empty() || shown.len() > 40 {
        return None;
    }
    let s = shown.as_str();
    let (prefix_mark, rest) = strip_mark(s);
    let rest = rest.trim_start();
    let num_len = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    let number = rest[..num_len].trim_end();
    let tail = rest[number.len()..].trim();
    let (suffix_mark, tail) = strip_mark(tail);
    if !tail.trim().is_empty() || (!prefix_mark && !suffix_mark) {
        return None;
    }
    let (minor, decimals) = parse_number(number)?;
    Some(Money { shown: shown.clone(), minor, decimals })
}

/// A currency mark at the start of `s`, and what follows it.
fn strip_mark(s: &str) -> (bool, &str) {
    CURRENCY.iter().find_map(|m| s.strip_prefix(m)).map_or((false, s), |rest| (true, rest))
}

/// A number with optional group separators (",", ".", spaces, "'") in groups of three and an
/// optional decimal part of one or two digits: "1,234.56", "1 234,56", "1.234,56", "7.98",
/// "12,40", "1234". Anything else (mixed or misplaced separators) is `None`.
pub fn parse_number(text: &str) -> Option<(u64, u8)> {
    let t = text.trim();
    if t.is_empty() || t.len() > 24 || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Split off a decimal part: the last separator, if one or two digits follow it to the end.
    let last_sep = t.char_indices().rfind(|(_, c)| !c.is_ascii_digit());
    let (int_part, frac, dec_sep) = match last_sep {
        Some((i, c)) if matches!(c, '.' | ',') && (1..=2).contains(&(t.len() - i - 1)) => (&t[..i], &t[i + 1..], Some(c)),
        _ => (t, "", None),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The integer part: one group of digits, or groups of three after a first of one to three,
    // all with the same separator, which is not the decimal one.
    let mut digits = String::new();
    let mut group_sep: Option<char> = None;
    let mut groups = Vec::new();
    let mut current = String::new();
    for c in int_part.chars() {
        if c.is_ascii_digit() {
            current.push(c);
        } else {
            if group_sep.is_some_and(|g| g != c) || Some(c) == dec_sep || current.is_empty() {
                return None;
            }
            group_sep = Some(c);
            groups.push(std::mem::take(&mut current));
        }
    }
    if current.is_empty() {
        return None;
    }
    groups.push(current);
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    for g in &groups {
        digits.push_str(g);
    }
    digits.push_str(frac);
    if digits.len() > 15 {
        return None;
    }
    Some((digits.parse().ok()?, frac.len() as u8))
}

// ---------------------------------------------------------------------------------------------
// Amounts as the dispute form wants them (typed by the shopper or stated on the form)

/// A money amount in hundredths, as the site wants it written: digits and a decimal point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub cents: u64,
    /// Written with a fractional part ("5.30", not "5").
    pub fraction: bool,
}

impl Amount {
    pub fn text(self) -> String {
        if self.fraction { format!("{}.{:02}", self.cents / 100, self.cents % 100) } else { format!("{}", self.cents / 100) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmountError {
    /// Not a number.
    Invalid,
    /// "1,234" or "1.234": thousands or three decimals, nobody can tell.
    Ambiguous,
    Zero,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\'' | '’')
}

/// Reads an amount as a shopper or a page writes it: "5,30", "5.30", "1 234,56", "1.234,56",
/// "1,234.56", "US $7.98", "7,98 €". Refuses what could be read two ways.
pub fn parse_amount(s: &str) -> Result<Amount, AmountError> {
    let chars: Vec<char> = s.chars().collect();
    let first = chars.iter().position(|c| c.is_ascii_digit()).ok_or(AmountError::Invalid)?;
    let last = chars.iter().rposition(|c| c.is_ascii_digit()).ok_or(AmountError::Invalid)?;
    if chars[..first].contains(&'-') || chars[..first].contains(&'−') {
        return Err(AmountError::Invalid);
    }
    // What precedes and follows the number may be a currency, nothing else numeric.
    let core = &chars[first..=last];
    // Groups of digits and the separators between them.
    let mut groups: Vec<String> = vec![String::new()];
    let mut seps: Vec<char> = vec![];
    for &c in core {
        if c.is_ascii_digit() {
            if let Some(g) = groups.last_mut() {
                g.push(c);
            }
        } else if c == ',' || c == '.' || is_group_space(c) {
            if groups.last().is_some_and(|g| g.is_empty()) {
                return Err(AmountError::Invalid); // two separators in a row
            }
            seps.push(if is_group_space(c) { ' ' } else { c });
            groups.push(String::new());
        } else {
            return Err(AmountError::Invalid);
        }
    }
    if groups.len() > 8 {
        return Err(AmountError::Invalid);
    }
    // The decimal separator: the last ',' or '.', when followed by one or two digits.
    let last_mark = seps.iter().rposition(|c| *c == ',' || *c == '.');
    let (int_groups, int_seps, frac): (&[String], &[char], Option<&String>) = match last_mark {
        Some(i) if (1..=2).contains(&groups[i + 1].len()) && i + 1 == groups.len() - 1 => (&groups[..=i], &seps[..i], Some(&groups[i + 1])),
        Some(i) if groups[i + 1].len() == 3 && i + 1 == groups.len() - 1 => {
            // One mark followed by three digits: thousands if another grouping mark of another
            // kind or the same one repeated shows it, else nobody can tell.
            let marks: Vec<char> = seps.iter().copied().filter(|c| *c != ' ').collect();
            let repeated = marks.len() > 1 && marks.iter().all(|c| *c == marks[0]);
            let grouped_with_spaces = seps.contains(&' ');
            if repeated || grouped_with_spaces {
                (&groups[..], &seps[..], None)
            } else {
                return Err(AmountError::Ambiguous);
            }
        }
        Some(_) => (&groups[..], &seps[..], None),
        None => (&groups[..], &seps[..], None),
    };
    // Grouping: every group after the first has three digits, with one kind of mark.
    let grouping: Vec<char> = int_seps.to_vec();
    if !grouping.is_empty() {
        let kind = grouping[0];
        if grouping.iter().any(|c| *c != kind) || int_groups[0].len() > 3 || int_groups[1..].iter().any(|g| g.len() != 3) {
            return Err(AmountError::Invalid);
        }
        if frac.is_some() && last_mark.is_some_and(|i| seps[i] == kind) {
            return Err(AmountError::Invalid);
        }
    }
    let whole: String = int_groups.concat();
    if whole.len() > 12 {
        return Err(AmountError::Invalid);
    }
    let units: u64 = whole.parse().map_err(|_| AmountError::Invalid)?;
    let cents = match frac {
        Some(f) if f.len() == 1 => f.parse::<u64>().map_err(|_| AmountError::Invalid)? * 10,
        Some(f) => f.parse::<u64>().map_err(|_| AmountError::Invalid)?,
        None => 0,
    };
    let total = units * 100 + cents;
    if total == 0 {
        return Err(AmountError::Zero);
    }
    Ok(Amount { cents: total, fraction: frac.is_some() })
}

/// An amount on a page, with the currency as written around it ("US $", "€").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountWithCurrency {
    pub amount: Amount,
    pub before: String,
    pub after: String,
}

impl AmountWithCurrency {
    pub fn text_of(&self, amount: Amount) -> String {
        let a = Amount { fraction: true, ..amount }.text();
        format!("{}{}{}", self.before, a, self.after).trim().to_string()
    }
}

/// The first amount in a text that carries a currency ("Total: US $7.98 (2 items)"), else the
/// only number in it.
pub fn money_in(text: &str) -> Option<AmountWithCurrency> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs: Vec<(usize, usize)> = vec![];
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len() {
            let c = chars[end];
            let sep_then_digit = (c == ',' || c == '.' || is_group_space(c)) && chars.get(end + 1).is_some_and(|d| d.is_ascii_digit());
            if c.is_ascii_digit() || sep_then_digit {
                end += 1;
            } else {
                break;
            }
        }
        runs.push((start, end));
        i = end;
    }
    // Lower-cased char by char, so positions match `chars`.
    let lower_chars: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let near_currency = |(s, e): (usize, usize)| {
        let before: String = lower_chars[s.saturating_sub(5)..s].iter().collect();
        let after: String = lower_chars[e..(e + 5).min(lower_chars.len())].iter().collect();
        currency_lower().iter().any(|m| before.trim_end().ends_with(m) || after.trim_start().starts_with(m))
    };
    let run = runs.iter().copied().find(|r| near_currency(*r)).or_else(|| (runs.len() == 1).then(|| runs[0]))?;
    let amount = parse_amount(&chars[run.0..run.1].iter().collect::<String>()).ok()?;
    let before: String = chars[run.0.saturating_sub(5)..run.0].iter().collect();
    let after: String = chars[run.1..(run.1 + 5).min(chars.len())].iter().collect();
    let keep = |s: &str, from_end: bool| -> String {
        let l = s.to_lowercase();
        let m = currency_lower().iter().filter(|m| if from_end { l.trim_end().ends_with(m.as_str()) } else { l.trim_start().starts_with(m.as_str()) }).max_by_key(|m| m.len());
        match m {
            Some(m) => {
                let n = m.chars().count();
                let t: Vec<char> = if from_end { s.trim_end().chars().collect() } else { s.trim_start().chars().collect() };
                let part: String = if from_end { t[t.len() - n..].iter().collect() } else { t[..n].iter().collect() };
                if from_end { part } else { format!(" {part}") }
            }
            None => String::new(),
        }
    };
    Some(AmountWithCurrency { amount, before: keep(&before, true), after: keep(&after, false) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_currency_list_for_totals_and_the_dispute_form() {
        for mark in CURRENCY {
            for text in [format!("{mark}12.40"), format!("12.40 {mark}")] {
                assert!(parse_money(&text).is_some_and(|m| m.minor == 1240), "a total: {text:?}");
                let found = money_in(&format!("Total: {text} (2 items), 3 pcs"));
                assert!(found.as_ref().is_some_and(|m| m.amount.cents == 1240), "the dispute form: {text:?} {found:?}");
            }
        }
    }

    #[test]
    fn reads_amounts_in_the_shapes_the_site_uses() {
        let m = |s: &str| parse_money(s).map(|m| (m.minor, m.decimals));
        assert_eq!(m("US $7.98"), Some((798, 2)));
        assert_eq!(m("1 234,56 ₽"), Some((123456, 2)));
        assert_eq!(m("R$ 45,90"), Some((4590, 2)));
        assert_eq!(m("€1.234,50"), Some((123450, 2)));
        assert_eq!(m("12,40 zł"), Some((1240, 2)));
        assert_eq!(m("¥120.00"), Some((12000, 2)));
        assert_eq!(m("2 999 руб."), Some((2999, 0)));
        assert_eq!(parse_money("US $7.98").unwrap().shown, "US $7.98");
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse_money("7.98"), None, "no currency");
        assert_eq!(parse_money("US $"), None);
        assert_eq!(parse_money("US $7.98 plus tax"), None);
        assert_eq!(parse_money("$1,23,4"), None);
        assert_eq!(parse_money("$1.234.5,6"), None);
        assert_eq!(parse_number("1,234.56"), Some((123456, 2)));
        assert_eq!(parse_number("1.234"), Some((1234, 0)));
        assert_eq!(parse_number("12345,678"), None);
        assert_eq!(parse_number(""), None);
    }
}
