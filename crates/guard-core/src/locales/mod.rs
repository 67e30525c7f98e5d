//! The site's words, one table per interface language, each row with where it came from.
//!
//! The interface language decides, not the currency (FACTS.md). A page is read in the language
//! its words match best; when a word is in no table, readers fall back on structure (ids in
//! links, `data-pl` hooks, the buttons present) and finally say `unknown`.

mod en;

use crate::order::Status;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Ru,
    Es,
    Pt,
    De,
    Pl,
    Zh,
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
    RefundIfNoDelivery,
}

/// What a word on the page means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Status(Status),
    Control(ControlKind),
    Field(Field),
}

/// One row of a language table.
pub struct Word {
    pub term: Term,
    pub text: &'static str,
    /// Where the word was seen: a FACTS.md section, or "team" for the team's best knowledge.
    pub source: &'static str,
}

pub struct LocaleTable {
    pub lang: Lang,
    pub words: &'static [Word],
    /// Month names and abbreviations, lower case, with the month number.
    pub months: &'static [(&'static str, u32)],
}

pub const TABLES: &[&LocaleTable] = &[&en::TABLE];

/// Lower-cases and trims the punctuation that labels carry around them ("Order date:").
pub fn normalise(text: &str) -> String {
    crate::snapshot::collapse_ws(text).trim_matches(|c: char| c == ':' || c == '：' || c.is_whitespace()).to_lowercase()
}

fn index() -> &'static HashMap<String, Vec<(Term, Lang)>> {
    static INDEX: OnceLock<HashMap<String, Vec<(Term, Lang)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<String, Vec<(Term, Lang)>> = HashMap::new();
        for table in TABLES {
            for w in table.words {
                map.entry(normalise(w.text)).or_default().push((w.term, table.lang));
            }
        }
        map
    })
}

/// Every meaning a whole label can have, in every language.
pub fn lookup(text: &str) -> &'static [(Term, Lang)] {
    index().get(&normalise(text)).map(Vec::as_slice).unwrap_or(&[])
}

/// The meaning of a label in a known language, else in any language.
pub fn term(text: &str, lang: Option<Lang>) -> Option<Term> {
    let hits = lookup(text);
    hits.iter().find(|(_, l)| Some(*l) == lang).or_else(|| hits.first()).map(|(t, _)| *t)
}

/// A line such as "Order date: Mar 22, 2022": the field and the rest of the line.
pub fn field_line(text: &str) -> Option<(Field, Lang, String)> {
    let line = crate::snapshot::collapse_ws(text);
    for table in TABLES {
        for w in table.words {
            if let Term::Field(f) = w.term {
                let label_len = w.text.len();
                if line.len() >= label_len && line.is_char_boundary(label_len) && line[..label_len].eq_ignore_ascii_case(w.text) {
                    let rest = line[label_len..].trim_start_matches([':', '：', ' ']).to_string();
                    return Some((f, table.lang, rest));
                }
            }
        }
    }
    None
}

pub fn table(lang: Lang) -> Option<&'static LocaleTable> {
    TABLES.iter().copied().find(|t| t.lang == lang)
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
            for w in t.words {
                assert!(!w.text.trim().is_empty() && !w.source.trim().is_empty(), "{:?}", t.lang);
            }
        }
    }
}
