//! The dispute form assistant's brain: checks of the description the shopper writes, a ready
//! English dispute text from the order's facts, refund amounts the way the site wants them, and
//! "system busy" on the page.
//!
//! Why English and a decimal point: SOURCES.md section 6 ("English is safest; non-Latin
//! characters may be lost; partial refund amounts use a decimal point").

pub use crate::read::form_words as words;

pub use crate::read::money::{money_in, parse_amount, Amount, AmountError, AmountWithCurrency};
use crate::rules::evidence::checklist::{checklist, Piece};
pub use crate::wire::forms::{FormFacts, FormPlan, Problem, ProblemChoice, PROBLEMS};
use crate::wire::order::Order;
use crate::wire::page_plan::{Arg, Message};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

impl Problem {
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
        out.push(Warning { issue: DescriptionIssue::TooShort, line: Message::with("disputeWarnShort", vec![Arg::Number(MIN_DESCRIPTION_CHARS as i64)]) });
    }
    let digits_only: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    match order_id {
        Some(id) if !digits_only.contains(id) => {
            out.push(Warning { issue: DescriptionIssue::NoOrderNumber, line: Message::with("disputeWarnNoOrder", vec![Arg::Text(id.to_string())]) })
        }
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
pub fn dispute_text(
    problem: Problem,
    order: &Order,
    order_id: Option<&str>,
    attached: Attached,
    refund: Option<Amount>,
    paid: Option<&AmountWithCurrency>,
) -> String {
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

fn check_amount(typed: &str, paid: Option<&AmountWithCurrency>) -> Option<AmountAnswer> {
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
/// extension's memory of the order (dates, item, total): `remembered`, the order the memory
/// holds under the form's order id (looked up by the caller, `api::dispute_assist`).
pub fn assist(req: &AssistRequest, remembered: Option<&Order>) -> AssistAnswer {
    let order_id = req.facts.order_id.as_deref().filter(|id| crate::wire::order::is_order_id(id));
    let remembered = remembered.filter(|_| order_id.is_some()).cloned().unwrap_or_default();
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

// ---------------------------------------------------------------------------------------------
// The plan

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
        assert_eq!((m.amount.cents, m.after.as_str()), (123456, " руб."), "the mark as the page writes it, dot included (one currency list since the layers)");
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
        let mut memory = crate::toolbar::order_memory::Memory::default();
        let order = Order { id: "8100000000007919".into(), placed: NaiveDate::from_ymd_opt(2026, 1, 5), total: Some("US $12.40".into()), ..Default::default() };
        memory.orders.insert(
            order.id.clone(),
            crate::toolbar::order_memory::Tracked {
                order,
                first_seen: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
                last_seen: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
                resolved: false,
                hidden: false,
                reminded: vec![],
            },
        );
        let req = AssistRequest {
            facts: FormFacts { order_id: Some("8100000000007919".into()), paid: None },
            description: "broken".into(),
            problem: Some(Problem::WrongItem),
            amount: Some("15".into()),
            attached: Attached::default(),
        };
        let answer = crate::api::dispute_assist(&serde_json::to_string(&req).unwrap(), &serde_json::to_string(&memory).unwrap()).unwrap();
        let a: AssistAnswer = serde_json::from_str(&answer).unwrap();
        assert!(a.text.contains("placed on Jan 5, 2026") && a.text.contains("I request a full refund of US $12.40."), "{}", a.text);
        assert!(a.amount.as_ref().unwrap().above_paid);
        assert_eq!(a.checklist.len(), checklist(Problem::WrongItem).len());
        assert!(assist(&AssistRequest::default(), None).text.is_empty());
    }
}
