//! An order's status from every signal on its element, not from one word alone:
//!
//! 1. the status word: a table row (surest), else its word family ("Livrée", "Order in
//!    transit"), else a legacy status code;
//! 2. the controls the order offers: "Confirm received" means shipped and not yet confirmed,
//!    "Pay now" unpaid, "Cancel order" not shipped; a card that offers nothing but "Write a
//!    review", "Add to cart" or "Delete" is finished or closed, finished when it asks for a
//!    review (pages show these beside other states too, so they speak only when there is no
//!    status word);
//! 3. the list tab the page is filtered under ("To ship"), when the word says nothing;
//! 4. the dates the order shows (a completion date: not waiting for anything any more).
//!
//! The word decides when the other signals allow it; a word they rule out gives `unknown`. No
//! word: the state the other signals agree on, if they agree on exactly one. A state no signal
//! supports is never given. Every decision that is not the plain word is noted, with its signals.

use crate::read::locales::families::Action;
use crate::wire::order::Status;

/// How sure the word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordSource {
    /// A row of the language table.
    Table,
    /// The word's family (stems), where no row has it.
    Family,
    /// A status code the site writes into an attribute (legacy `data-status`).
    Code,
}

/// A set of statuses, as a bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed(u8);

const fn bit(s: Status) -> u8 {
    1 << s as u8
}

impl Allowed {
    pub const ANY: Allowed = Allowed(0x7f);
    pub const fn of(statuses: &[Status]) -> Allowed {
        let mut m = 0;
        let mut i = 0;
        while i < statuses.len() {
            m |= bit(statuses[i]);
            i += 1;
        }
        Allowed(m)
    }
    pub fn and(self, other: Allowed) -> Allowed {
        Allowed(self.0 & other.0)
    }
    pub fn contains(self, s: Status) -> bool {
        self.0 & bit(s) != 0
    }
    /// The one status left, if one is.
    pub fn single(self) -> Option<Status> {
        STATES.iter().copied().find(|s| self.0 == bit(*s))
    }
    fn names(self) -> String {
        STATES.iter().filter(|s| self.contains(**s)).map(|s| s.as_str()).collect::<Vec<_>>().join("/")
    }
}

const STATES: [Status; 6] = [Status::AwaitingPayment, Status::AwaitingShipment, Status::Shipped, Status::Completed, Status::Closed, Status::Dispute];

use Status::*;

/// What a control on the order says of its state; `None` when it says nothing certain.
pub fn allowed_by(action: Action) -> Option<Allowed> {
    Some(match action {
        // A dispute may be opened while the parcel is on its way: its controls stay.
        Action::ConfirmReceipt | Action::ExtendProtection => Allowed::of(&[Shipped, Dispute]),
        Action::PayNow => Allowed::of(&[AwaitingPayment]),
        Action::CancelOrder => Allowed::of(&[AwaitingPayment, AwaitingShipment]),
        // A dispute under way, whatever the order's state beside it ("Completed", "Awaiting
        // delivery": the dispute shows in `data-dg-dispute`).
        Action::CancelDispute => Allowed::of(&[Shipped, Completed, Dispute]),
        // Offered on too many states to tell one (a track link even on unpaid cards).
        Action::Track | Action::OpenDispute | Action::ReturnsRefunds => return None,
        // Offered when an order is over, but pages show them beside other states too: they
        // decide only when nothing else speaks (see `decide`).
        Action::Review | Action::Delete | Action::BuyAgain => return None,
    })
}

/// Whether the controls that name a state leave `st` possible.
pub fn controls_allow(actions: &[Action], st: Status) -> bool {
    actions.iter().filter_map(|a| allowed_by(*a)).fold(Allowed::ANY, Allowed::and).contains(st)
}

/// Everything known about one order's status.
#[derive(Debug, Default)]
pub struct Signals {
    pub word: Option<(Status, WordSource)>,
    /// The actions its controls offer, in page order.
    pub actions: Vec<Action>,
    /// The list tab the page is filtered under.
    pub tab: Option<Status>,
    pub shipped_date: bool,
    pub completed_date: bool,
}

/// The status, and a note saying what decided it when it was not the plain table word.
///
/// The controls that name a state (confirm, pay, cancel, review, delete…) can overrule a word:
/// a word they rule out gives `unknown`. Weaker signals (a card offering nothing but "buy
/// again", the list tab, the dates shown) only decide when there is no word.
pub fn decide(s: &Signals) -> (Status, Option<String>) {
    let mut strong = Allowed::ANY;
    let mut said: Vec<String> = Vec::new();
    for a in &s.actions {
        if let Some(k) = allowed_by(*a) {
            strong = strong.and(k);
            said.push(format!("{a:?}"));
        }
    }
    // A card asking for nothing but a review (and perhaps to buy again or delete) was received:
    // an order not yet paid or shipped has nothing to review, whatever its word says.
    let only_over = !s.actions.is_empty() && s.actions.iter().all(|a| matches!(a, Action::Review | Action::BuyAgain | Action::Delete));
    if only_over && s.actions.contains(&Action::Review) {
        strong = strong.and(Allowed::of(&[Completed, Dispute]));
        said.push(format!("only {:?}", s.actions));
    }
    if let Some((word, source)) = s.word {
        // A date of shipment or receipt rules out a word that says the order is not paid, and a
        // receipt date one that says it was cancelled or closed: one of the two is wrong. (Not
        // "awaiting shipment" beside a shipment date: a timeline may show a step's planned day.)
        // So does a receipt date beside a word saying the parcel is still awaited while the page
        // asks to confirm its receipt ("Aguardando a entrega", "Confirmar recebimento" and
        // "Pedido concluído em …": blind round twenty).
        let still_awaited = word == Shipped && s.actions.contains(&Action::ConfirmReceipt);
        if (s.shipped_date || s.completed_date) && word == AwaitingPayment || s.completed_date && (word == Closed || still_awaited) {
            let date = if s.completed_date { "a receipt date" } else { "a shipment date" };
            return (Unknown, Some(format!("status word says {} but the order shows {date}: unknown", word.as_str())));
        }
        if strong.contains(word) {
            let note = (source == WordSource::Family).then(|| format!("status {} from its word family", word.as_str()));
            return (word, note);
        }
        return (Unknown, Some(format!("status word says {} but the controls ({}) allow only {}: unknown", word.as_str(), said.join(", "), strong.names())));
    }
    let mut allowed = strong;
    // Nothing but "write a review", "add to cart", "delete": the order is over; received and
    // finished when a review is asked for (a cancelled or closed order has nothing to review).
    if only_over && !s.actions.contains(&Action::Review) {
        allowed = allowed.and(Allowed::of(&[Completed, Closed]));
        said.push(format!("only {:?}", s.actions));
    }
    if s.completed_date {
        allowed = allowed.and(Allowed::of(&[Completed, Dispute, Closed]));
        said.push("a completion date".into());
    } else if s.shipped_date {
        allowed = allowed.and(Allowed::of(&[Shipped, Completed, Dispute, Closed]));
        said.push("a shipment date".into());
    }
    let signals = said.join(", ");
    if let Some(tab) = s.tab.filter(|t| allowed.contains(*t)) {
        let and = if said.is_empty() { String::new() } else { format!(" and {signals}") };
        return (tab, Some(format!("status {} from the list tab{and}", tab.as_str())));
    }
    // "Confirm received" means shipped and not yet confirmed (a dispute shows itself in words).
    // A review asked for means received (and a dispute shows itself in words too).
    let pick = allowed
        .single()
        .or_else(|| (allowed == Allowed::of(&[Shipped, Dispute])).then_some(Shipped))
        .or_else(|| (allowed == Allowed::of(&[Completed, Dispute])).then_some(Completed));
    match pick {
        Some(st) if allowed != Allowed::ANY => (st, Some(format!("status {} from {signals}", st.as_str()))),
        _ => (Unknown, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(word: Option<(Status, WordSource)>, actions: &[Action]) -> Signals {
        Signals { word, actions: actions.to_vec(), ..Default::default() }
    }

    #[test]
    fn an_unknown_word_with_controls_that_agree_gives_their_state() {
        assert_eq!(decide(&with(None, &[Action::ConfirmReceipt, Action::Track])).0, Shipped);
        assert_eq!(decide(&with(None, &[Action::PayNow, Action::CancelOrder])).0, AwaitingPayment);
        assert_eq!(decide(&with(None, &[Action::CancelOrder])).0, Unknown); // unpaid or unshipped
        assert_eq!(decide(&with(None, &[Action::BuyAgain, Action::Delete])).0, Unknown); // completed or closed
        assert_eq!(decide(&with(None, &[Action::Review, Action::BuyAgain])).0, Completed); // only a received order is reviewed
        assert_eq!(decide(&with(None, &[Action::CancelDispute])).0, Unknown);
        assert_eq!(decide(&with(Some((Completed, WordSource::Table)), &[Action::CancelDispute])).0, Completed);
        assert_eq!(decide(&with(None, &[])).0, Unknown);
    }

    #[test]
    fn signals_that_disagree_give_unknown() {
        // "Completed" with nothing but "Pay now": one of them is wrong.
        let (st, note) = decide(&with(Some((Completed, WordSource::Table)), &[Action::PayNow]));
        assert_eq!(st, Unknown);
        assert!(note.unwrap().contains("allow only awaiting-payment"));
        assert_eq!(decide(&with(None, &[Action::ConfirmReceipt, Action::PayNow])).0, Unknown);
        // "Awaiting payment" with nothing but "Write a review": one of them is wrong.
        assert_eq!(decide(&with(Some((AwaitingPayment, WordSource::Table)), &[Action::Review])).0, Unknown);
        assert_eq!(decide(&with(Some((Completed, WordSource::Table)), &[Action::Review, Action::Delete])).0, Completed);
        assert_eq!(decide(&with(Some((Shipped, WordSource::Family)), &[Action::CancelOrder])).0, Unknown);
    }

    #[test]
    fn the_word_stands_when_the_controls_allow_it() {
        assert_eq!(decide(&with(Some((Shipped, WordSource::Table)), &[Action::ConfirmReceipt, Action::Track, Action::BuyAgain])).0, Shipped);
        assert_eq!(decide(&with(Some((Dispute, WordSource::Table)), &[Action::ConfirmReceipt])).0, Dispute);
        assert_eq!(decide(&with(Some((Closed, WordSource::Table)), &[Action::BuyAgain, Action::Delete])).0, Closed);
        let (st, note) = decide(&with(Some((Completed, WordSource::Family)), &[]));
        assert_eq!(st, Completed);
        assert!(note.unwrap().contains("word family"));
    }

    #[test]
    fn the_tab_speaks_only_when_the_word_does_not() {
        let s = Signals { tab: Some(AwaitingShipment), actions: vec![Action::CancelOrder], ..Default::default() };
        assert_eq!(decide(&s).0, AwaitingShipment);
        let s = Signals { tab: Some(AwaitingShipment), word: Some((Shipped, WordSource::Table)), ..Default::default() };
        assert_eq!(decide(&s).0, Shipped);
        let s = Signals { tab: Some(Completed), actions: vec![Action::PayNow], ..Default::default() };
        assert_eq!(decide(&s).0, AwaitingPayment);
    }

    #[test]
    fn dates_narrow_but_never_decide_alone() {
        let s = Signals { completed_date: true, ..Default::default() };
        assert_eq!(decide(&s).0, Unknown);
        let s = Signals { tab: Some(Completed), ..Default::default() };
        assert_eq!(decide(&s).0, Completed);
        let s = Signals { completed_date: true, actions: vec![Action::Delete], ..Default::default() };
        assert_eq!(decide(&s).0, Unknown); // completed or closed
        let s = Signals { completed_date: true, actions: vec![Action::Review], ..Default::default() };
        assert_eq!(decide(&s).0, Completed); // a review asked for: received
                                             // A word stands against dates: a timeline may show a step's planned day.
        let s = Signals { word: Some((AwaitingShipment, WordSource::Table)), shipped_date: true, ..Default::default() };
        assert_eq!(decide(&s).0, AwaitingShipment);
        // But nothing is shipped before it is paid, nor cancelled once received.
        let s = Signals { word: Some((AwaitingPayment, WordSource::Family)), shipped_date: true, actions: vec![Action::PayNow], ..Default::default() };
        assert_eq!(decide(&s).0, Unknown);
        let s = Signals { word: Some((Closed, WordSource::Table)), completed_date: true, ..Default::default() };
        assert_eq!(decide(&s).0, Unknown);
        // A card offering nothing but "Add to cart" is over only when no word says otherwise.
        assert_eq!(decide(&with(Some((AwaitingShipment, WordSource::Table)), &[Action::BuyAgain])).0, AwaitingShipment);
        assert_eq!(decide(&with(None, &[Action::BuyAgain])).0, Unknown);
    }
}
