//! Amounts as the dispute form wants them: typed by the shopper ("5,30") or stated on the form
//! ("max US $7.98"), written back with a decimal point. Same currency list as the totals
//! (`super::CURRENCY`).

use super::currency_lower;
use serde::{Deserialize, Serialize};

/// A money amount in hundredths, as the site wants it written: digits and a decimal point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub cents: u64,
    /// Written with a fractional part ("5.30", not "5").
    pub fraction: bool,
}

impl Amount {
    pub fn text(self) -> String {
        if self.fraction {
            format!("{}.{:02}", self.cents / 100, self.cents % 100)
        } else {
            format!("{}", self.cents / 100)
        }
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
        let m = currency_lower()
            .iter()
            .filter(|m| if from_end { l.trim_end().ends_with(m.as_str()) } else { l.trim_start().starts_with(m.as_str()) })
            .max_by_key(|m| m.len());
        match m {
            Some(m) => {
                let n = m.chars().count();
                let t: Vec<char> = if from_end { s.trim_end().chars().collect() } else { s.trim_start().chars().collect() };
                let part: String = if from_end { t[t.len() - n..].iter().collect() } else { t[..n].iter().collect() };
                if from_end {
                    part
                } else {
                    format!(" {part}")
                }
            }
            None => String::new(),
        }
    };
    Some(AmountWithCurrency { amount, before: keep(&before, true), after: keep(&after, false) })
}
