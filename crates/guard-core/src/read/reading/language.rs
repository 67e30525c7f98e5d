//! The page's interface language, decided by its words: each text that is a known label (a
//! status, a button, a field such as "Order date:") counts for the languages that have it. The
//! currency says nothing (a French shopper may pay in dollars). `<html lang>` only breaks ties.

use crate::read::locales::{self, Lang};
use crate::wire::page_tree::PageTree;

/// Longest text looked at: labels are short.
const MAX_LABEL: usize = 300;

/// The language most of the page's labels are in; `hint` (from `<html lang>` or an earlier read)
/// decides between equals. `None` when no label is known and there is no hint, or when languages
/// tie and the hint is none of them.
pub fn detect_language(tree: &PageTree<'_>, hint: Option<Lang>) -> Option<Lang> {
    let mut counts = [0usize; 8];
    for root in tree.roots() {
        for n in std::iter::once(root).chain(tree.descendants(root)) {
            if !tree.is_text(n) {
                continue;
            }
            let text = tree.own_text(n);
            if text.len() > MAX_LABEL {
                continue;
            }
            let mask = locales::label_langs(text);
            if mask == 0 {
                continue;
            }
            for (i, l) in Lang::ALL.iter().enumerate() {
                if locales::has_lang(mask, *l) {
                    counts[i] += 1;
                }
            }
        }
    }
    decide(&counts, hint)
}

fn decide(counts: &[usize; 8], hint: Option<Lang>) -> Option<Lang> {
    // `<html lang>` is one more vote for its language once a label of it is on the page: the
    // words shared with a neighbour ("Cancelada", "Abrir disputa" are Spanish and Portuguese)
    // must not outvote it, while a page whose labels are all in another language still is.
    let mut counts = *counts;
    if let Some(i) = hint.and_then(|h| Lang::ALL.iter().position(|l| *l == h)).filter(|&i| counts[i] > 0) {
        counts[i] += 1;
    }
    let best = *counts.iter().max()?;
    let tied: Vec<Lang> = Lang::ALL.iter().zip(&counts).filter(|(_, c)| **c == best).map(|(l, _)| *l).collect();
    if best == 0 {
        return hint;
    }
    match tied.as_slice() {
        [only] => Some(*only),
        _ => hint.filter(|h| tied.contains(h)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::snapshot::Snapshot;

    fn page(texts: &[&str], lang: &str) -> Snapshot {
        let mut nodes = vec![serde_json::json!([-1, "body", []])];
        for t in texts {
            nodes.push(serde_json::json!([0, "span", []]));
            nodes.push(serde_json::json!([nodes.len() - 1, "#", t]));
        }
        serde_json::from_value(serde_json::json!({"v": 1, "url": "https://www.aliexpress.com/p/order/index.html", "lang": lang, "nodes": nodes})).unwrap()
    }

    #[test]
    fn words_decide_not_the_html_tag_or_the_currency() {
        // An English page tagged French and priced in euros is still English.
        let s = page(&["Awaiting delivery", "Order date: Mar 2, 2026", "Confirm received", "Total: €7,98"], "fr");
        assert_eq!(detect_language(&PageTree::new(&s), Some(Lang::Fr)), Some(Lang::En));
        let s = page(&["En attente de livraison", "Date de commande : 2 mars 2026", "Total : US $7.98"], "en");
        assert_eq!(detect_language(&PageTree::new(&s), Some(Lang::En)), Some(Lang::Fr));
        let s = page(&["Ожидает получения", "Подтвердить получение товара"], "");
        assert_eq!(detect_language(&PageTree::new(&s), None), Some(Lang::Ru));
    }

    #[test]
    fn the_html_tag_outweighs_one_word_shared_with_a_neighbour() {
        // A Portuguese page: "Cancelada" is in the Spanish table only, "Abrir disputa" in both.
        let s = page(&["Abrir disputa", "Cancelada", "Pagamento pendente"], "pt-PT");
        assert_eq!(detect_language(&PageTree::new(&s), Some(Lang::Pt)), Some(Lang::Pt));
        // Labels all in another language still decide.
        let s = page(&["Cancelada", "Abrir disputa", "En tránsito"], "pt");
        assert_eq!(detect_language(&PageTree::new(&s), Some(Lang::Pt)), Some(Lang::Es));
    }

    #[test]
    fn the_html_tag_breaks_ties_only() {
        // "Abrir disputa" is Spanish and Portuguese alike.
        let s = page(&["Abrir disputa"], "pt-BR");
        assert_eq!(detect_language(&PageTree::new(&s), Some(Lang::Pt)), Some(Lang::Pt));
        assert_eq!(detect_language(&PageTree::new(&s), None), None);
        let s = page(&["nothing known here"], "");
        assert_eq!(detect_language(&PageTree::new(&s), Some(Lang::De)), Some(Lang::De));
    }
}
