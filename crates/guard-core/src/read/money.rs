//! Amounts of money as the pages show them ("US $7.98", "1 234,56 ₽", "R$ 45,90", "¥120.00").
//!
//! The core keeps the amount as shown (the shopper's own currency and format); reading the
//! number checks that it really is an amount, so a garbled total is left out rather than shown.

mod form_amounts;
pub use form_amounts::{money_in, parse_amount, Amount, AmountError, AmountWithCurrency};

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
    "US $", "US$", "CA $", "AU $", "C$", "A$", "R$", "CA$", "AU$", "NZ$", "CN¥", "$", "€", "£", "¥", "元", "₽", "zł", "₴", "₸", "₩", "₹", "руб.", "руб", "р.",
    "грн", "USD", "EUR", "RUB", "PLN", "BRL", "CNY", "GBP", "CHF", "kr",
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
