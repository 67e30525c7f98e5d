//! The dispute form assistant's brain: checks of the description the shopper writes, a ready
//! English dispute text from the order's facts, refund amounts the way the site wants them, and
//! "system busy" on the page.
//!
//! Why English and a decimal point: FACTS.md, "Dispute rules" ("English is safest; non-Latin
//! characters may be lost; partial refund amounts use a decimal point").

pub mod words;

use crate::rules::evidence::checklist::{checklist, Piece};
use crate::wire::order::Order;
use crate::toolbar::order_memory::Memory;
use crate::wire::page_plan::{Arg, Message};
use crate::wire::snapshot::NodeId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    NotReceived,
    Damaged,
    NotAsDescribed,
    WrongItem,
    MissingParts,
    Fake,
}

pub const PROBLEMS: [Problem; 6] =
    [Problem::NotReceived, Problem::Damaged, Problem::NotAsDescribed, Problem::WrongItem, Problem::MissingParts, Problem::Fake];

impl Problem {
    /// Its name in the assistant (extension/i18n/evidence).
    pub fn key(self) -> &'static str {
        match self {
            Problem::NotReceived => "problemNotReceived",
            Problem::Damaged => "problemDamaged",
            Problem::NotAsDescribed => "problemNotAsDescribed",
            Problem::WrongItem => "problemWrongItem",
            Problem::MissingParts => "problemMissingParts",
            Problem::Fake => "problemFake",
        }
    }

    fn statement(self) -> &'static str {
        match self {
            Problem::NotReceived => "The package has not arrived, and the tracking information does not show it delivered to me.",
            Problem::Damaged => "The item arrived damaged and cannot be used as intended.",
            Problem::NotAsDescribed => "The item I received is not as described: it differs from the description and photos of the listing.",
            Problem::WrongItem => "I received a different item from the one I ordered.",
            Problem::MissingParts => "The package arrived incomplete: parts or items of the order are missing.",
            Problem::Fake => "The item is not genuine: it is a counterfeit of the brand the listing advertises.",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Amounts

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
pub struct Money {
    pub amount: Amount,
    pub before: String,
    pub after: String,
}

impl Money {
    pub fn text_of(&self, amount: Amount) -> String {
        let a = Amount { fraction: true, ..amount }.text();
        format!("{}{}{}", self.before, a, self.after).trim().to_string()
    }
}

const CURRENCY_MARKS: &[&str] = &[
    "us $", "us$", "usd", "$", "€", "eur", "£", "gbp", "¥", "cny", "元", "₽", "руб", "rub", "r$", "brl", "zł", "pln", "₴", "грн",
    "₹", "chf", "kr", "c$", "ca $", "au $", "a$",
];

/// The first amount in a text that carries a currency ("Total: US $7.98 (2 items)"), else the
/// only number in it.
pub fn money_in(text: &str) -> Option<Money> {
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
        CURRENCY_MARKS.iter().any(|m| before.trim_end().ends_with(m) || after.trim_start().starts_with(m))
    };
    let run = runs.iter().copied().find(|r| near_currency(*r)).or_else(|| (runs.len() == 1).then(|| runs[0]))?;
    let amount = parse_amount(&chars[run.0..run.1].iter().collect::<String>()).ok()?;
    let before: String = chars[run.0.saturating_sub(5)..run.0].iter().collect();
    let after: String = chars[run.1..(run.1 + 5).min(chars.len())].iter().collect();
    let keep = |s: &str, from_end: bool| -> String {
        let l = s.to_lowercase();
        let m = CURRENCY_MARKS.iter().filter(|m| if from_end { l.trim_end().ends_with(*m) } else { l.trim_start().starts_with(*m) }).max_by_key(|m| m.len());
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
    Some(Money { amount, before: keep(&before, true), after: keep(&after, false) })
}

// ---------------------------------------------------------------------------------------------
// The description

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DescriptionIssue {
    NonLatin,
    TooShort,
    NoOrderNumber,
    NoOutcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub issue: DescriptionIssue,
    pub line: Message,
}

/// Shorter than this says too little for the platform to decide on. Source: team.
pub const MIN_DESCRIPTION_CHARS: usize = 50;

/// Characters the site keeps: Latin script with its accents, digits, punctuation, currency.
fn latin_safe(c: char) -> bool {
    matches!(c as u32, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA0..=0x24F | 0x1E00..=0x1EFF | 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2116 | 0x2122)
}

pub fn check_description(text: &str, order_id: Option<&str>) -> Vec<Warning> {
    let t = text.trim();
    let mut out = vec![];
    if t.is_empty() {
        return out;
    }
    // The words that would suffer, as the shopper wrote them (a few are enough to recognise).
    let odd: Vec<&str> = t.split_whitespace().filter(|w| !w.chars().all(latin_safe)).take(3).collect();
    if !odd.is_empty() {
        let sample: String = odd.join(" ").chars().take(30).collect();
        out.push(Warning { issue: DescriptionIssue::NonLatin, line: Message::with("disputeWarnNonLatin", vec![Arg::Text(sample)]) });
    }
    if t.chars().count() < MIN_DESCRIPTION_CHARS {
        out.push(Warning {
            issue: DescriptionIssue::TooShort,
            line: Message::with("disputeWarnShort", vec![Arg::Number(MIN_DESCRIPTION_CHARS as i64)]),
        });
    }
    let digits_only: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    match order_id {
        Some(id) if !digits_only.contains(id) => out.push(Warning {
            issue: DescriptionIssue::NoOrderNumber,
            line: Message::with("disputeWarnNoOrder", vec![Arg::Text(id.to_string())]),
        }),
        None if !has_digit_run(&digits_only, 12) => {
            out.push(Warning { issue: DescriptionIssue::NoOrderNumber, line: Message::new("disputeWarnNoOrderUnknown") })
        }
        _ => {}
    }
    if !words::names_outcome(t) {
        out.push(Warning { issue: DescriptionIssue::NoOutcome, line: Message::new("disputeWarnNoOutcome") });
    }
    out
}

fn has_digit_run(s: &str, n: usize) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= n {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------------------------
// The ready English text

/// What was attached to the form so far (files that passed the checks).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attached {
    pub photos: u32,
    pub videos: u32,
    pub other: u32,
}

/// What the dispute page itself tells about the order (the plan's `FormPlan::facts`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormFacts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// The text stating what was paid or the most that can be refunded ("max US $7.98").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<String>,
}

/// "Jan 5, 2026" (written by hand: chrono's formatter costs the wasm more than this).
fn english_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn join_english(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// The ready text, in English, from what is known.
pub fn dispute_text(problem: Problem, order: &Order, order_id: Option<&str>, attached: Attached, refund: Option<Amount>, paid: Option<&Money>) -> String {
    let mut p: Vec<String> = vec!["Hello,".into()];
    let id = order_id.or((!order.id.is_empty()).then_some(order.id.as_str()));
    let mut first = match id {
        Some(id) => format!("I am opening this dispute about order {id}"),
        None => "I am opening this dispute about my order".to_string(),
    };
    if let Some(d) = order.placed {
        first.push_str(&format!(", placed on {}", english_date(d)));
    }
    if let Some(d) = order.shipped {
        first.push_str(&format!(" and shipped on {}", english_date(d)));
    }
    first.push('.');
    if let Some(item) = order.items.first() {
        first.push_str(&format!(" Item: {}.", item.title.trim_end_matches('.')));
    }
    p.push(first);
    p.push(problem.statement().to_string());
    let pieces: Vec<String> = checklist(problem).iter().map(|e: &Piece| e.english().to_string()).collect();
    let mut files = vec![];
    if attached.photos > 0 {
        files.push(plural(attached.photos, "photo", "photos"));
    }
    if attached.videos > 0 {
        files.push(plural(attached.videos, "video", "videos"));
    }
    if attached.other > 0 {
        files.push(plural(attached.other, "other file", "other files"));
    }
    p.push(if files.is_empty() {
        format!("I can provide as evidence {}.", join_english(&pieces))
    } else {
        format!("Attached as evidence: {}. Evidence I can provide: {}.", join_english(&files), join_english(&pieces))
    });
    let paid_cents = paid.map(|m| m.amount.cents);
    p.push(match (refund, paid) {
        (Some(r), Some(m)) if paid_cents.is_some_and(|c| r.cents < c) => format!("I request a partial refund of {}.", m.text_of(r)),
        (Some(r), None) => format!("I request a refund of {}.", r.text()),
        (_, Some(m)) => format!("I request a full refund of {}.", m.text_of(m.amount)),
        (None, None) => "I request a full refund.".to_string(),
    });
    p.push("Thank you.".into());
    p.join("\n\n")
}

// ---------------------------------------------------------------------------------------------
// The assistant's one request: everything it shows, recomputed as the shopper types.

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssistRequest {
    pub facts: FormFacts,
    pub description: String,
    pub problem: Option<Problem>,
    /// The refund amount as typed.
    pub amount: Option<String>,
    pub attached: Attached,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountAnswer {
    /// The amount as the site wants it, when it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalised: Option<String>,
    /// `normalised` differs from what was typed: the content script puts it in the field.
    pub changed: bool,
    /// More than was paid.
    pub above_paid: bool,
    pub lines: Vec<Message>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssistAnswer {
    pub problem: Option<Problem>,
    pub warnings: Vec<Warning>,
    /// The ready English text; empty until a problem is chosen.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<AmountAnswer>,
    pub checklist: Vec<Message>,
}

fn check_amount(typed: &str, paid: Option<&Money>) -> Option<AmountAnswer> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let quoted = Arg::Text(t.to_string());
    Some(match parse_amount(t) {
        Ok(a) => {
            let normalised = a.text();
            let changed = normalised != t;
            let mut lines = vec![];
            if changed {
                lines.push(Message::with("disputeAmountChanged", vec![quoted, Arg::Text(normalised.clone())]));
            }
            let above = paid.is_some_and(|m| a.cents > m.amount.cents);
            if let Some(m) = paid.filter(|_| above) {
                lines.push(Message::with("disputeAmountAbovePaid", vec![Arg::Text(normalised.clone()), Arg::Text(m.text_of(m.amount))]));
            }
            AmountAnswer { normalised: Some(normalised), changed, above_paid: above, lines }
        }
        Err(e) => {
            let key = match e {
                AmountError::Ambiguous => "disputeAmountAmbiguous",
                AmountError::Zero | AmountError::Invalid => "disputeAmountInvalid",
            };
            AmountAnswer { normalised: None, changed: false, above_paid: false, lines: vec![Message::with(key, vec![quoted])] }
        }
    })
}

/// Everything the assistant shows, from the form's facts, what the shopper typed and the
/// extension's memory of the order (dates, item, total).
pub fn assist(req: &AssistRequest, memory: Option<&Memory>) -> AssistAnswer {
    let order_id = req.facts.order_id.as_deref().filter(|id| crate::wire::order::is_order_id(id));
    let remembered = order_id.and_then(|id| memory?.orders.get(id)).map(|t| t.order.clone()).unwrap_or_default();
    let paid = req.facts.paid.as_deref().and_then(money_in).or_else(|| remembered.total.as_deref().and_then(money_in));
    let amount = req.amount.as_deref().and_then(|a| check_amount(a, paid.as_ref()));
    let refund = amount.as_ref().and_then(|a| a.normalised.as_deref()).and_then(|n| parse_amount(n).ok());
    let text = match req.problem {
        Some(p) => dispute_text(p, &remembered, order_id, req.attached, refund, paid.as_ref()),
        None => String::new(),
    };
    AssistAnswer {
        problem: req.problem,
        warnings: check_description(&req.description, order_id),
        text,
        amount,
        checklist: req.problem.map(|p| checklist(p).iter().map(|e| Message::new(e.key())).collect()).unwrap_or_default(),
    }
}

/// `assist` with JSON in and out, as the wasm wrapper exposes it. An unreadable memory of
/// orders is ignored (the page's facts still serve); an unreadable request is an error.
pub fn assist_json(request: &str, memory: &str) -> Result<String, String> {
    let req: AssistRequest = serde_json::from_str(request).map_err(|e| format!("assistant request unreadable: {e}"))?;
    let memory: Option<Memory> = serde_json::from_str(memory).ok();
    serde_json::to_string(&assist(&req, memory.as_ref())).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------------
// The plan

/// A choice on the page that names a problem (a radio button, an option).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemChoice {
    pub node: NodeId,
    pub problem: Problem,
}

/// The assistant for one dispute form: the typed data of `Op::DisputeForm`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormPlan {
    /// The description field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<NodeId>,
    /// The refund amount field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<NodeId>,
    /// The page's own choices of problem, to follow the shopper's pick.
    pub choices: Vec<ProblemChoice>,
    /// The problem chosen on the page when it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
    pub facts: FormFacts,
    /// Every problem, with its message key, for the assistant's own choice.
    pub problems: Vec<(Problem, String)>,
}

impl FormPlan {
    pub fn problems() -> Vec<(Problem, String)> {
        PROBLEMS.iter().map(|p| (*p, p.key().to_string())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::order::Item;

    fn amount(s: &str) -> Result<String, AmountError> {
        parse_amount(s).map(|a| a.text())
    }

    #[test]
    fn amounts_get_a_decimal_point() {
        assert_eq!(amount("5,30"), Ok("5.30".into()));
        assert_eq!(amount("5.30"), Ok("5.30".into()));
        assert_eq!(amount("5,3"), Ok("5.30".into()));
        assert_eq!(amount("5"), Ok("5".into()));
        assert_eq!(amount(" 12 "), Ok("12".into()));
        assert_eq!(amount("1 234,56"), Ok("1234.56".into()));
        assert_eq!(amount("1\u{a0}234,56"), Ok("1234.56".into()));
        assert_eq!(amount("1.234,56"), Ok("1234.56".into()));
        assert_eq!(amount("1,234.56"), Ok("1234.56".into()));
        assert_eq!(amount("1'234.50"), Ok("1234.50".into()));
        assert_eq!(amount("1,234,567"), Ok("1234567".into()));
        assert_eq!(amount("1 234"), Ok("1234".into()));
        assert_eq!(amount("US $7.98"), Ok("7.98".into()));
        assert_eq!(amount("7,98 €"), Ok("7.98".into()));
        assert_eq!(amount("R$ 45,90"), Ok("45.90".into()));
    }

    #[test]
    fn amounts_that_could_be_read_two_ways_or_not_at_all_are_refused() {
        assert_eq!(amount("1,234"), Err(AmountError::Ambiguous));
        assert_eq!(amount("1.234"), Err(AmountError::Ambiguous));
        assert_eq!(amount("abc"), Err(AmountError::Invalid));
        assert_eq!(amount("-5"), Err(AmountError::Invalid));
        assert_eq!(amount("5,,30"), Err(AmountError::Invalid));
        assert_eq!(amount("1.234.56"), Err(AmountError::Invalid));
        assert_eq!(amount("12,34,56"), Err(AmountError::Invalid));
        assert_eq!(amount("5.30.1"), Err(AmountError::Invalid));
        assert_eq!(amount("5 or 6"), Err(AmountError::Invalid));
        assert_eq!(amount("0,00"), Err(AmountError::Zero));
        assert_eq!(amount("5.305"), Err(AmountError::Ambiguous));
        assert_eq!(amount("99999999999999999"), Err(AmountError::Invalid));
    }

    #[test]
    fn money_is_found_beside_its_currency() {
        let m = money_in("Refund up to US $7.98 (2 items)").unwrap();
        assert_eq!((m.amount.cents, m.before.as_str(), m.after.as_str()), (798, "US $", ""));
        assert_eq!(m.text_of(parse_amount("5.3").unwrap()), "US $5.30");
        let m = money_in("Order 8100000000007919: 1 234,56 руб.").unwrap();
        assert_eq!((m.amount.cents, m.after.as_str()), (123456, " руб"));
        assert_eq!(money_in("Maximum: 12,40 €").unwrap().amount.cents, 1240);
        assert_eq!(money_in("no money here"), None);
        assert_eq!(money_in("3 items, 2 boxes"), None);
    }

    #[test]
    fn the_refund_field_is_normalised_and_flagged_above_what_was_paid() {
        let paid = money_in("US $4.00");
        let a = check_amount("5,30", paid.as_ref()).unwrap();
        assert_eq!((a.normalised.as_deref(), a.changed, a.above_paid), (Some("5.30"), true, true));
        assert_eq!(a.lines.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), vec!["disputeAmountChanged", "disputeAmountAbovePaid"]);
        assert_eq!(a.lines[1].args[1], Arg::Text("US $4.00".into()));
        let a = check_amount("3.50", paid.as_ref()).unwrap();
        assert!(!a.changed && !a.above_paid && a.lines.is_empty());
        let a = check_amount("1,234", None).unwrap();
        assert_eq!((a.normalised, a.lines[0].key.as_str()), (None, "disputeAmountAmbiguous"));
        assert_eq!(check_amount("  ", None), None);
    }

    #[test]
    fn descriptions_are_checked() {
        let issues = |t: &str, id: Option<&str>| check_description(t, id).into_iter().map(|w| w.issue).collect::<Vec<_>>();
        let id = "8100000000007919";
        assert_eq!(issues("", Some(id)), vec![]);
        assert_eq!(
            issues("Товар сломан", Some(id)),
            vec![DescriptionIssue::NonLatin, DescriptionIssue::TooShort, DescriptionIssue::NoOrderNumber, DescriptionIssue::NoOutcome]
        );
        let good = "Order 8100000000007919: the cable arrived cut in two places, photos attached. I request a full refund.";
        assert_eq!(issues(good, Some(id)), vec![]);
        // Accents are Latin: French and Polish texts are not flagged for their script.
        let fr = "Commande 8100000000007919 : le câble est arrivé coupé, je demande le remboursement complet, merci.";
        assert_eq!(issues(fr, Some(id)), vec![]);
        assert_eq!(issues("Broken 😡 please refund me the money for order 8100000000007919 now", Some(id)), vec![DescriptionIssue::NonLatin]);
        let w = check_description("Товар сломан, see photo", None);
        assert_eq!(w[0].line.args, vec![Arg::Text("Товар сломан,".into())]);
        assert_eq!(w[2].line.key, "disputeWarnNoOrderUnknown");
    }

    #[test]
    fn the_ready_text_tells_the_facts_in_english() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day);
        let order = Order {
            id: "8100000000007919".into(),
            placed: d(1, 5),
            shipped: d(1, 9),
            items: vec![Item { title: "USB-C charging cable 2 m braided".into(), quantity: Some(2) }],
            ..Default::default()
        };
        let paid = money_in("US $7.98");
        let t = dispute_text(Problem::Damaged, &order, None, Attached { photos: 3, videos: 1, other: 0 }, parse_amount("5,30").ok(), paid.as_ref());
        assert!(t.contains("order 8100000000007919, placed on Jan 5, 2026 and shipped on Jan 9, 2026."), "{t}");
        assert!(t.contains("Item: USB-C charging cable 2 m braided."));
        assert!(t.contains("arrived damaged"));
        assert!(t.contains("Attached as evidence: 3 photos and 1 video."));
        assert!(t.contains("an unboxing video"));
        assert!(t.contains("I request a partial refund of US $5.30."));
        assert!(t.is_ascii(), "plain English: {t}");
        let t = dispute_text(Problem::NotReceived, &Order::default(), Some("8100000000007919"), Attached::default(), None, None);
        assert!(t.contains("order 8100000000007919.") && t.contains("has not arrived") && t.contains("I request a full refund."));
        assert!(t.contains("I can provide as evidence a screenshot of the tracking page"));
    }

    #[test]
    fn assist_uses_the_memory_of_orders() {
        let mut memory = Memory::default();
        let order = Order { id: "8100000000007919".into(), placed: NaiveDate::from_ymd_opt(2026, 1, 5), total: Some("US $12.40".into()), ..Default::default() };
        memory.orders.insert(order.id.clone(), crate::toolbar::order_memory::Tracked {
            order,
            first_seen: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            last_seen: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            resolved: false,
            hidden: false,
            reminded: vec![],
        });
        let req = AssistRequest {
            facts: FormFacts { order_id: Some("8100000000007919".into()), paid: None },
            description: "broken".into(),
            problem: Some(Problem::WrongItem),
            amount: Some("15".into()),
            attached: Attached::default(),
        };
        let a = assist(&req, Some(&memory));
        assert!(a.text.contains("placed on Jan 5, 2026") && a.text.contains("I request a full refund of US $12.40."), "{}", a.text);
        assert!(a.amount.as_ref().unwrap().above_paid);
        assert_eq!(a.checklist.len(), checklist(Problem::WrongItem).len());
        assert!(assist(&AssistRequest::default(), None).text.is_empty());
    }
}
