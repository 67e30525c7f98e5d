//! The site's words, one table per interface language, each row with where it came from.
//!
//! The interface language decides, not the currency (SOURCES.md section 5). A page is read in
//! the language its words match best; when a word is in no table, readers fall back on structure
//! (ids in links, `data-*` hooks, the buttons present) and finally say `unknown`.
//!
//! Sources: SOURCES.md section 5 has samples for en, fr, ru and pt-BR only; es, de, pl and zh
//! have no public samples. Every row says where it came from: a SOURCES.md section, or "team"
//! for the team's best knowledge of the site's wording (to be confirmed on live pages).
//!
//! How rows are matched (see `reading`):
//! - `Status`, `Control`, `PopupConfirm`: the whole text of a status element or a button;
//! - `Field`: the start of a line ("Order date: …"), the value follows;
//! - `Dispute`: the start of a line ("Litige en cours …");
//! - `Phrase`, `Window`, `PopupQuestion`, `Economy`, `CountdownLabel`: anywhere in an order's
//!   text; `Window` texts hold `{N}` where the page writes the number of days.

mod de;
mod en;
mod es;
pub mod families;
mod fr;
mod pl;
mod pt;
mod ru;
mod traditional;
mod zh;

use crate::wire::order::{DisputeProgress, Status, WindowPurpose, WindowStart};
pub use crate::wire::page_context::Lang;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

impl Lang {
    pub const ALL: [Lang; 8] = [Lang::En, Lang::Fr, Lang::Ru, Lang::Es, Lang::Pt, Lang::De, Lang::Pl, Lang::Zh];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Controls the extension acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlKind {
    ConfirmReceipt,
    OpenDispute,
    ReturnsRefunds,
    ExtendProtection,
    CancelDispute,
    TrackOrder,
}

/// Labels of the facts a page shows about an order ("Order date:", "Shipment completed on").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    OrderDate,
    OrderId,
    PaidOn,
    ShippedOn,
    CompletedOn,
    /// "Refund if no delivery before <date>": the end of buyer protection.
    RefundIfNoDelivery,
    /// "If your order does not arrive on <date>" (legacy detail): the end of buyer protection.
    DoesNotArrive,
    /// "Total: US $7.98".
    Total,
    /// aliexpress.ru's "№ … от <date>": the word before the order date.
    DatedFrom,
}

/// Units of a countdown ("12 days 5 hours").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Day,
    Hour,
    Minute,
    Second,
}

/// What a word on the page means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Status(Status),
    Control(ControlKind),
    Field(Field),
    /// A dispute under way, cancelled or decided ("Dispute in progress", "Litige en cours").
    Dispute(DisputeProgress),
    /// A window the page states in words; the text holds `{N}` for the number of days.
    Window(WindowPurpose, WindowStart),
    /// The question of the site's own confirmation popup ("Did you receive the item(s)?").
    PopupQuestion,
    /// The confirm button of that popup ("Confirm").
    PopupConfirm,
    /// The order ships with economy shipping (a longer default protection).
    Economy,
    /// The label before a buyer-protection countdown ("Auto-confirm in 12 days 5 hours").
    CountdownLabel,
    /// A countdown unit ("days", "ч.").
    Unit(TimeUnit),
}

/// Where a table row comes from: a SOURCES.md section, or "team" for the team's best knowledge.
/// Written beside every row and checked by the tests; nothing reads it at run time, so the
/// shipped wasm does not carry it (about 10 KB of the wasm).
#[derive(Debug, Clone, Copy)]
pub struct Source(#[cfg(test)] pub &'static str);

impl Source {
    #[cfg(test)]
    pub const fn new(s: &'static str) -> Source {
        Source(s)
    }
    #[cfg(not(test))]
    pub const fn new(_: &'static str) -> Source {
        Source()
    }
}

/// One row of a language table.
pub struct Word {
    pub term: Term,
    pub text: &'static str,
    /// Where the word was seen.
    pub source: Source,
}

pub struct LocaleTable {
    pub lang: Lang,
    pub words: &'static [Word],
    /// Month names and abbreviations, lower case (without the abbreviation dot), with the month
    /// number.
    pub months: &'static [(&'static str, u32)],
    /// Where the month names came from.
    pub months_source: Source,
}

pub const TABLES: &[&LocaleTable] = &[&en::TABLE, &fr::TABLE, &ru::TABLE, &es::TABLE, &pt::TABLE, &de::TABLE, &pl::TABLE, &zh::TABLE];

pub fn table(lang: Lang) -> Option<&'static LocaleTable> {
    TABLES.iter().copied().find(|t| t.lang == lang)
}

/// The tables to read a page with: its language's, or all of them when it is not known.
pub fn tables_for(lang: Option<Lang>) -> impl Iterator<Item = &'static LocaleTable> {
    TABLES.iter().copied().filter(move |t| lang.is_none_or(|l| l == t.lang))
}

/// Folds the differences that carry no meaning: case, runs of whitespace, typographic
/// apostrophes, `ё`, and the colons and spaces around a label ("Order date:").
pub fn normalise(text: &str) -> String {
    // Most page text is plain ASCII with single spaces (the snapshot collapses whitespace):
    // lower-case it in one pass.
    let plain = text.bytes().all(|b| b.is_ascii() && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r')) && !text.contains("  ");
    if plain {
        return text.trim_matches(|c: char| c == ':' || c == ' ').to_ascii_lowercase();
    }
    let mut s = crate::wire::text::collapse_ws(text).to_lowercase();
    // (Each looked for as a string, a byte search, rather than a character at a time.)
    if s.contains('’') || s.contains('ё') || s.contains('\u{2bc}') {
        s = s.replace(['’', '\u{2bc}'], "'").replace('ё', "е");
    }
    // Every CJK character takes three or four bytes, the first 0xE3 or more.
    if s.bytes().any(|b| b >= 0xe3) && s.chars().any(is_cjk) {
        s = s.chars().map(traditional::simplified).collect();
    }
    s.trim_matches(|c: char| c == ':' || c == '：' || c.is_whitespace()).to_string()
}

/// The longest label in the tables, in bytes: longer texts are no label.
fn longest_label() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| index().keys().map(String::len).max().unwrap_or(0))
}

fn index() -> &'static HashMap<String, Vec<(Term, Lang)>> {
    static INDEX: OnceLock<HashMap<String, Vec<(Term, Lang)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<String, Vec<(Term, Lang)>> = HashMap::new();
        for table in TABLES {
            // Units are single letters in some languages ("h", "j"): read only inside countdowns.
            for w in table.words.iter().filter(|w| !matches!(w.term, Term::Unit(_))) {
                let hits = map.entry(normalise(w.text)).or_default();
                if !hits.contains(&(w.term, table.lang)) {
                    hits.push((w.term, table.lang));
                }
            }
        }
        map
    })
}

/// Every meaning a whole label can have, in every language.
pub fn lookup(text: &str) -> &'static [(Term, Lang)] {
    // Lower-casing can lengthen a few characters, and a label may carry spaces and a colon:
    // anything much longer than the longest label is not one.
    if text.len() > 2 * longest_label() + 8 {
        return &[];
    }
    index().get(&normalise(text)).map(Vec::as_slice).unwrap_or(&[])
}

/// The meaning of a whole label: in the page's language when it has the word, else the one
/// meaning every language that knows the word agrees on. Two meanings and no way to choose:
/// `None`, never a guess.
pub fn term(text: &str, lang: Option<Lang>) -> Option<Term> {
    let hits = lookup(text);
    if let Some((t, _)) = hits.iter().find(|(_, l)| Some(*l) == lang) {
        return Some(*t);
    }
    let first = hits.first()?.0;
    hits.iter().all(|(t, _)| *t == first).then_some(first)
}

/// Labels that start a line, grouped by their first character for a quick lookup.
struct LineLabels {
    by_first: HashMap<char, Vec<(Vec<char>, Term, Lang)>>,
}

fn line_labels() -> &'static LineLabels {
    static LABELS: OnceLock<LineLabels> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut by_first: HashMap<char, Vec<(Vec<char>, Term, Lang)>> = HashMap::new();
        for table in TABLES {
            for w in table.words {
                if matches!(w.term, Term::Field(_) | Term::Dispute(_)) {
                    let chars: Vec<char> = normalise(w.text).chars().collect();
                    if let Some(&c) = chars.first() {
                        by_first.entry(c).or_default().push((chars, w.term, table.lang));
                    }
                }
            }
        }
        // Longest first, so "Order placed on" wins over a shorter label it starts with.
        for v in by_first.values_mut() {
            crate::wire::bounds::sort_by_number(v, |l| u64::MAX - l.0.len() as u64);
        }
        LineLabels { by_first }
    })
}

/// Lower-cases one character the way `normalise` does, for comparing in place.
fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(if c.is_ascii_whitespace() { ' ' } else { c.to_ascii_lowercase() });
    }
    let mut l = c.to_lowercase();
    let first = l.next()?;
    if l.next().is_some() {
        return None;
    }
    Some(match first {
        '’' | '\u{2bc}' => '\'',
        'ё' => 'е',
        c if crate::wire::text::is_js_space(c) => ' ',
        c => traditional::simplified(c),
    })
}

/// Labels (fields, dispute states) that `line` starts with, longest first, each with the rest
/// of the line after it and its colon.
pub fn line_starts(line: &str) -> Vec<(Term, Lang, &str)> {
    let line = line.trim_start();
    let mut out = Vec::new();
    let Some(first) = line.chars().next().and_then(fold) else { return out };
    let Some(candidates) = line_labels().by_first.get(&first) else { return out };
    'label: for (label, term, lang) in candidates {
        let mut chars = line.char_indices();
        let mut end = 0;
        for want in label {
            match chars.next() {
                Some((i, c)) if fold(c) == Some(*want) => end = i + c.len_utf8(),
                _ => continue 'label,
            }
        }
        let rest = &line[end..];
        // A label ends at a word boundary ("Paid on" is not "Paid online").
        if rest.chars().next().is_some_and(|c| c.is_alphabetic() && !is_cjk(c)) && !label.last().is_some_and(|c| is_cjk(*c)) {
            continue;
        }
        let rest = rest.trim_start_matches(|c: char| c == ':' || c == '：' || crate::wire::text::is_js_space(c));
        out.push((*term, *lang, rest));
    }
    out
}

/// A line such as "Order date: Mar 22, 2022": the field, its language and the rest of the line.
/// Prefers the page's language when several match.
pub fn field_line_in(text: &str, lang: Option<Lang>) -> Option<(Field, Lang, String)> {
    let starts = line_starts(text);
    let pick = starts
        .iter()
        .filter(|(t, _, _)| matches!(t, Term::Field(_)))
        .find(|(_, l, _)| Some(*l) == lang)
        .or_else(|| starts.iter().find(|(t, _, _)| matches!(t, Term::Field(_))))?;
    match pick {
        (Term::Field(f), l, rest) => Some((*f, *l, rest.to_string())),
        _ => None,
    }
}

/// A line such as "Order date: Mar 22, 2022": the field and the rest of the line.
pub fn field_line(text: &str) -> Option<(Field, Lang, String)> {
    field_line_in(text, None)
}

/// The languages whose words a text is: a whole label or the start of a field line.
pub fn label_langs(text: &str) -> u8 {
    let mut bits = 0;
    for (_, l) in lookup(text) {
        bits |= l.bit();
    }
    if text.len() <= 300 {
        for (_, l, _) in line_starts(text) {
            bits |= l.bit();
        }
    }
    bits
}

/// Whether a language's bit is set in a `label_langs` mask.
pub fn has_lang(mask: u8, lang: Lang) -> bool {
    mask & lang.bit() != 0
}

/// CJK ideographs: words run together without spaces, so each counts on its own. (CJK
/// punctuation such as '：' is punctuation, not a word.)
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2A6DF}')
}

/// Words of one kind, in the given tables, normalised (for phrase searches).
pub fn words_of(lang: Option<Lang>, pred: impl Fn(&Term) -> bool) -> Vec<(Term, Lang, String)> {
    tables_for(lang)
        .flat_map(|t| t.words.iter().map(move |w| (t.lang, w)))
        .filter(|(_, w)| pred(&w.term))
        .map(|(l, w)| (w.term, l, normalise(w.text)))
        .collect()
}

/// The month a word names ("mar", "марта", "janv"): in the page's language when it has the
/// word, else the month every table that knows the word agrees on.
/// A month name of one language's table.
pub fn month_in(word: &str, lang: Lang) -> Option<u32> {
    let word = word.trim_end_matches('.');
    table(lang)?.months.iter().find(|(name, _)| *name == word).map(|(_, m)| *m)
}

pub fn month(word: &str, lang: Option<Lang>) -> Option<u32> {
    if let Some(m) = lang.and_then(|l| month_in(word, l)) {
        return Some(m);
    }
    let word = word.trim_end_matches('.');
    // Every word of every text is asked about: one map of every language's month names, a name
    // two languages give different months kept as `None` (it names none for sure).
    static MONTHS: OnceLock<HashMap<&'static str, Option<u32>>> = OnceLock::new();
    let months = MONTHS.get_or_init(|| {
        let mut all: HashMap<&'static str, Option<u32>> = HashMap::new();
        for t in TABLES {
            for (name, m) in t.months {
                all.entry(name)
                    .and_modify(|x| {
                        if *x != Some(*m) {
                            *x = None
                        }
                    })
                    .or_insert(Some(*m));
            }
        }
        all
    });
    months.get(word).copied().flatten()
}

/// A countdown unit word ("days", "дн", "小时").
pub fn time_unit(word: &str) -> Option<TimeUnit> {
    static UNITS: OnceLock<HashMap<String, TimeUnit>> = OnceLock::new();
    let units = UNITS.get_or_init(|| {
        let mut m = HashMap::new();
        for t in TABLES {
            for w in t.words {
                if let Term::Unit(u) = w.term {
                    m.insert(normalise(w.text), u);
                }
            }
        }
        m
    });
    units.get(&normalise(word.trim_end_matches('.'))).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_found_whatever_their_case_and_colon() {
        assert_eq!(term("Confirm received", None), Some(Term::Control(ControlKind::ConfirmReceipt)));
        assert_eq!(term(" AWAITING DELIVERY ", Some(Lang::En)), Some(Term::Status(Status::Shipped)));
        let (f, l, rest) = field_line("Order date: Mar 22, 2022").unwrap();
        assert_eq!((f, l, rest.as_str()), (Field::OrderDate, Lang::En, "Mar 22, 2022"));
    }

    #[test]
    fn every_table_row_has_a_source_and_text() {
        for t in TABLES {
            assert!(!t.months_source.0.is_empty());
            for w in t.words {
                assert!(!w.text.trim().is_empty() && !w.source.0.trim().is_empty(), "{:?}", t.lang);
                if matches!(w.term, Term::Window(..)) {
                    assert_eq!(w.text.matches("{N}").count(), 1, "{:?}: {}", t.lang, w.text);
                }
            }
        }
    }

    #[test]
    fn no_word_means_two_things_in_one_language() {
        for t in TABLES {
            let mut seen: HashMap<String, Term> = HashMap::new();
            for w in t.words {
                if matches!(w.term, Term::Unit(_)) {
                    continue;
                }
                if let Some(prev) = seen.insert(normalise(w.text), w.term) {
                    // A timeline step ("Отправлен") is a status alone and a date label before a
                    // date: the reader tells them apart by the date.
                    let step = |a: Term, b: Term| matches!(a, Term::Status(_)) && matches!(b, Term::Field(_));
                    if step(prev, w.term) || step(w.term, prev) {
                        continue;
                    }
                    assert_eq!(prev, w.term, "{:?}: {:?} means two things", t.lang, w.text);
                }
            }
        }
    }

    #[test]
    fn every_language_has_the_words_the_readers_need() {
        type Need = (&'static str, Box<dyn Fn(&Term) -> bool>);
        let needed: Vec<Need> = vec![
            ("confirm receipt", Box::new(|t| *t == Term::Control(ControlKind::ConfirmReceipt))),
            ("open dispute", Box::new(|t| *t == Term::Control(ControlKind::OpenDispute))),
            ("returns/refunds", Box::new(|t| *t == Term::Control(ControlKind::ReturnsRefunds))),
            ("extend protection", Box::new(|t| *t == Term::Control(ControlKind::ExtendProtection))),
            ("cancel dispute", Box::new(|t| *t == Term::Control(ControlKind::CancelDispute))),
            ("popup question", Box::new(|t| *t == Term::PopupQuestion)),
            ("popup confirm", Box::new(|t| *t == Term::PopupConfirm)),
            ("order date", Box::new(|t| *t == Term::Field(Field::OrderDate))),
            ("refund if no delivery", Box::new(|t| *t == Term::Field(Field::RefundIfNoDelivery))),
            ("dispute in progress", Box::new(|t| *t == Term::Dispute(DisputeProgress::InProgress))),
            ("window after receipt", Box::new(|t| matches!(t, Term::Window(_, WindowStart::ConfirmReceipt)))),
            ("window after order", Box::new(|t| matches!(t, Term::Window(_, WindowStart::OrderPlaced)))),
            ("day unit", Box::new(|t| *t == Term::Unit(TimeUnit::Day))),
            ("shipped status", Box::new(|t| *t == Term::Status(Status::Shipped))),
            ("completed status", Box::new(|t| *t == Term::Status(Status::Completed))),
        ];
        for t in TABLES {
            for (what, pred) in &needed {
                assert!(t.words.iter().any(|w| pred(&w.term)), "{:?} lacks {what}", t.lang);
            }
            if t.lang != Lang::Zh {
                let months: std::collections::BTreeSet<u32> = t.months.iter().map(|(_, m)| *m).collect();
                assert_eq!(months.len(), 12, "{:?} months", t.lang);
            }
        }
    }

    #[test]
    fn labels_end_at_a_word_boundary() {
        assert!(field_line("Paid online").is_none());
        let (f, _, rest) = field_line("Paid on: Mar 2, 2024").unwrap();
        assert_eq!((f, rest.as_str()), (Field::PaidOn, "Mar 2, 2024"));
        let (f, l, rest) = field_line("订单号：8100000000000001").unwrap();
        assert_eq!((f, l, rest.as_str()), (Field::OrderId, Lang::Zh, "8100000000000001"));
    }

    #[test]
    fn the_page_language_settles_words_shared_by_languages() {
        // "Confirmar" is the popup's confirm in Spanish and Portuguese alike.
        assert_eq!(term("Confirmar", None), Some(Term::PopupConfirm));
        assert_eq!(month("mar", None), Some(3));
        assert_eq!(month("out", Some(Lang::Pt)), Some(10));
        assert_eq!(month("märz", None), Some(3));
        assert_eq!(month("nope", None), None);
    }

    #[test]
    fn typographic_variants_fold() {
        assert_eq!(normalise(" Order date: "), "order date");
        assert_eq!(normalise("Order\tdate  :"), "order date");
        assert_eq!(normalise("En attente d’expédition :"), "en attente d'expédition");
        assert_eq!(normalise("Завершён"), "завершен");
    }
}
