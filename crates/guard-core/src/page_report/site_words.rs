//! Which texts are the site's own words, in any of the eight languages: the report keeps them
//! as they are. Everything here comes from the core's tables (`locales`, the dispute form's
//! words, the upload hints' words); nothing is listed twice.

use crate::read::locales::{self, is_cjk, normalise, Term};
use crate::rules::dispute_form::words as form_words;
use crate::rules::evidence::limit_phrases::{Means, PHRASES};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// Phrases the readers look for anywhere in a text (windows stated in words, economy shipping,
/// countdown labels, the site's confirmation question), normalised; a window's `{N}` splits it
/// in two.
fn phrases() -> &'static [(String, Option<String>)] {
    static PHRASES_: OnceLock<Vec<(String, Option<String>)>> = OnceLock::new();
    PHRASES_.get_or_init(|| {
        locales::words_of(None, |t| matches!(t, Term::Window(..) | Term::Economy | Term::CountdownLabel | Term::PopupQuestion | Term::Dispute(_)))
            .into_iter()
            .map(|(_, _, text)| match text.split_once("{n}") {
                Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
                None => (text, None),
            })
            .collect()
    })
}

/// `needle` in `hay` as whole words (CJK: anywhere), from byte `from`: where it ends.
fn find_words(hay: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let cjk = needle.chars().any(is_cjk);
    let mut start = from;
    while let Some(i) = hay.get(start..)?.find(needle).map(|i| i + start) {
        let end = i + needle.len();
        let before = hay[..i].chars().next_back();
        let after = hay[end..].chars().next();
        let open = |c: Option<char>| cjk || !c.is_some_and(|c| c.is_alphanumeric());
        if open(before) && open(after) {
            return Some((i, end));
        }
        start = i + hay[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The text holds one of the site's phrases ("…within 7 days of confirming receipt…").
pub fn has_phrase(text: &str) -> bool {
    let t = normalise(text);
    phrases().iter().any(|(a, b)| match b {
        None => find_words(&t, a, 0).is_some(),
        Some(b) => {
            let mut from = 0;
            while let Some((_, end)) = find_words(&t, a, from) {
                // The number of days, then the rest of the phrase.
                let rest = t[end..].trim_start();
                let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if digits > 0 && rest[digits..].trim_start().starts_with(b.as_str()) {
                    return true;
                }
                from = end;
            }
            false
        }
    })
}

/// The dispute form's own texts: "System busy", "Have you received your package?", the refund
/// amount's label, and upload hints ("Up to 3 photos, max 5 MB each").
pub fn is_form_text(text: &str) -> bool {
    if text.chars().count() > 300 {
        return false;
    }
    if form_words::is_busy(text) || form_words::asks_if_received(text) || (text.chars().count() <= 40 && form_words::is_amount_label(text)) {
        return true;
    }
    let t = text.to_lowercase();
    let mut means: Vec<Means> = PHRASES.iter().filter(|p| find_words(&t, p.text, 0).is_some()).map(|p| p.means).collect();
    means.dedup();
    let limit = means.contains(&Means::AtMost) || crate::rules::evidence::limit_phrases::ONLY_ONE.iter().any(|p| find_words(&t, p, 0).is_some());
    let what = means.iter().any(|m| matches!(m, Means::Photo | Means::Video | Means::AnyFile | Means::Kilobytes | Means::Megabytes | Means::Gigabytes));
    if limit && what {
        return true;
    }
    // A heading that says which evidence a field takes ("Video", "Fotos vom Artikel"): the
    // reader tells photo inputs from video ones by it.
    // It opens with that word ("Jean's photo" is a name's); in Chinese, a word of two characters
    // at least (the measure words "张", "段" are surnames too: "张一一").
    let first = t.split_whitespace().next().unwrap_or("");
    let opens_with_kind = PHRASES.iter().any(|p| {
        let word = !p.text.chars().any(is_cjk) || p.text.chars().count() >= 2;
        matches!(p.means, Means::Photo | Means::Video) && word && find_words(first, p.text, 0).is_some()
    });
    if opens_with_kind && text.split_whitespace().count() <= 4 && !text.chars().any(|c| c.is_ascii_digit()) && unknown_capitalised(text, None, 1) <= 1 {
        return true;
    }
    // A hint in a wording the phrases do not list ("One video in MP4 format, no larger than
    // 20MB."): kept when the evidence reader finds a limit in it and it reads like the site's.
    use crate::rules::evidence::limits;
    let h = limits::read_hint(text);
    let names_removed: String =
        text.split(' ').filter(|w| !limits::is_format_word(w.trim_matches(|c: char| !c.is_alphanumeric()))).collect::<Vec<_>>().join(" ");
    what && (h.photo_bytes.or(h.video_bytes).is_some() || h.files.or(h.photos).or(h.videos).is_some()) && reads_like_label(&names_removed)
}

/// Field and dispute labels that start a word of `text` ("Order ID:", "Refund if no delivery
/// before"), each with its colon and the space after it.
pub fn labels_in(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let p = prev;
        prev = Some(c);
        if out.last().is_some_and(|r| i < r.end) {
            continue;
        }
        let word_start = c.is_alphanumeric() && (is_cjk(c) || !p.is_some_and(|p| p.is_alphanumeric()));
        if !word_start {
            continue;
        }
        if let Some((_, _, rest)) = locales::line_starts(&text[i..]).first() {
            let end = text.len() - rest.len();
            if end > i {
                out.push(i..end);
            }
        }
    }
    out
}

/// Who and what the site's steps speak of, in each language, as its step names put them
/// ("Enviado pelo vendedor em", "Colis parti de l'entrepôt du vendeur", "Seller Sent Goods"): no
/// name, and a report that scrambled them would rebuild a page whose dates no step names (blind
/// round eighteen). Source: the team's knowledge of each language.
const PARTIES: &[&str] = &[
    "seller",
    "sellers",
    "sent",
    "goods",
    "parcel",
    "package",
    "warehouse",
    "vendeur",
    "colis",
    "entrepôt",
    "vendedor",
    "pelo",
    "pela",
    "paquete",
    "pacote",
    "almacén",
    "armazém",
    "продавец",
    "продавца",
    "продавцом",
    "посылка",
    "посылку",
    "sprzedawca",
    "sprzedawcy",
    "magazyn",
    "paket",
    "lager",
    // The system that confirms receipt when its deadline runs out ("Die Frist zur Bestätigung
    // ist abgelaufen: Das System hat …"; blind round twenty-four).
    "system",
    "systeme",
    "système",
    "sistema",
    "система",
    "frist",
    // (German articles open a clause after a colon with a capital: "…: Das System hat …".)
    "das",
    "die",
    "der",
    "plazo",
    "prazo",
    "délai",
    "termin",
    "срок",
];

/// Every word of the tables, lower case (for a script without spaces: every character).
/// The shopper addressed with a capital, as sites write it ("Odbiór potwierdzony przez Ciebie",
/// "Ihre Bestellung"), and the seller as German capitalises it ("Versand vom Verkäufer
/// bestätigt"): no name. Source: the team's knowledge of each language.
const COURTESY: &[&str] = &[
    "ciebie",
    "ty",
    "twoja",
    "twoje",
    "twój",
    "twoją",
    "twojego",
    "sie",
    "ihr",
    "ihre",
    "ihrer",
    "du",
    "dein",
    "deine",
    "deiner",
    "deines",
    "vous",
    "usted",
    "você",
    "вы",
    "вас",
    "ваш",
    "ваша",
    "verkäufer",
    "verkäufers",
    // The buyer too, and the words that open "Vom Käufer storniert" (cancelled by the buyer).
    "käufer",
    "käufers",
    "vom",
    "von",
];

fn vocabulary() -> &'static HashSet<String> {
    static VOCABULARY: OnceLock<HashSet<String>> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut texts: Vec<String> = vec![];
        for t in locales::TABLES {
            texts.extend(t.words.iter().map(|w| w.text.to_string()));
            texts.extend(t.months.iter().map(|(m, _)| m.to_string()));
        }
        texts.extend(PHRASES.iter().map(|p| p.text.to_string()));
        texts.extend(form_words::PROBLEM_LABELS.iter().map(|p| p.text.to_string()));
        texts.extend(form_words::BUSY.iter().map(|b| b.1.to_string()));
        texts.extend(form_words::RECEIVED_QUESTION.iter().map(|b| b.1.to_string()));
        texts.extend(COURTESY.iter().chain(PARTIES).map(|w| w.to_string()));
        let mut set = HashSet::new();
        for t in texts {
            let t = t.to_lowercase();
            set.extend(t.split(|c: char| !c.is_alphanumeric() || is_cjk(c)).filter(|w| !w.is_empty()).map(str::to_string));
            // (And folded, as `made_of_order_words` compares: "kaufer" for "Käufer".)
            set.extend(crate::read::locales::families::fold(&t).split_whitespace().map(str::to_string));
            set.extend(t.chars().filter(|c| is_cjk(*c)).map(String::from));
        }
        set
    })
}

/// A text made only of the site's order vocabulary (the word families' stems and the tables'
/// words), numbers and short connecting words, and naming at least one family's idea: a label or
/// sentence of the site in a wording no table lists ("Refund if no delivery before", "Shipping
/// confirmed by the seller"). A name or an address has words of neither.
pub fn made_of_order_words(text: &str, lang: Option<crate::read::locales::Lang>) -> bool {
    use crate::read::locales::families;
    if families::ideas(text, lang).is_none_or(|i| i.is_empty()) {
        return false;
    }
    let vocab = vocabulary();
    let folded = families::fold(text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.iter().any(|w| w.chars().any(is_cjk)) {
        // A script without spaces: every character must be the tables' or a family's.
        // Most of its characters the site's, and short: a name has none of them.
        let cjk: Vec<char> = text.chars().filter(|c| is_cjk(*c)).collect();
        let known = cjk.iter().filter(|c| is_known_cjk(**c, lang)).count();
        return cjk.len() <= 16 && known * 2 >= cjk.len() && reads_like_label(&text.replace(is_cjk, " "));
    }
    // Names are capitalised (`reads_like_label`); of the longer words, most are the site's.
    let long: Vec<&str> = words.iter().copied().filter(|w| w.chars().count() > 2 && !w.chars().all(|c| c.is_ascii_digit())).collect();
    let known = long.iter().filter(|w| vocab.contains(**w) || families::is_family_word(w, lang)).count();
    reads_like_label(text) && known * 2 >= long.len()
}

/// Where the words that label a date begin at the end of `gap` (the text just before the date):
/// a word or a few of the site's ("Отправлена ", "Versandt am ", "Shipped by seller on "), at
/// least one of a word family, so that the rebuilt page reads the date as the real one does (the
/// reader takes a date's label from the words before it, in wordings no table lists). `None`
/// when the words before the date are not the site's (a name, a message).
pub fn date_label_before(gap: &str, lang: Option<crate::read::locales::Lang>) -> Option<usize> {
    use crate::read::locales::families;
    let vocab = vocabulary();
    let mut start = None;
    let mut family = false;
    let mut end = gap.len();
    // (Up to four: "Enviado pelo vendedor em".)
    for _ in 0..4 {
        let head = &gap[..end];
        let word_end = head.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        if word_end == 0 || head[word_end..].chars().any(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | '-' | '–')) {
            break;
        }
        let word_start = head[..word_end].rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let word = &head[word_start..word_end];
        if word.chars().any(is_cjk) || word.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        let folded = families::fold(word);
        let folded = folded.trim();
        let is_family = families::is_family_word(folded, lang);
        if !is_family && !vocab.contains(folded) {
            break;
        }
        family |= is_family;
        start = Some(word_start);
        end = word_start;
    }
    start.filter(|_| family)
}

/// Chinese characters that join a sentence's words (if, at, before, not, all, amount, days…):
/// the counterpart of short words in spaced scripts, never enough for a name on their own.
const CJK_JOINERS: &str = "若如果在于前后内未不没已将可请您的了和或及与为被从到至时日月年天个全额共等再还需要仍即";

/// Every character of a script without spaces in `text` is the tables', a family's or a joiner.
pub fn all_cjk_known(text: &str, lang: Option<crate::read::locales::Lang>) -> bool {
    text.chars().filter(|c| is_cjk(*c)).all(|c| is_known_cjk(c, lang))
}

fn is_known_cjk(c: char, lang: Option<crate::read::locales::Lang>) -> bool {
    CJK_JOINERS.contains(c)
        || vocabulary().contains(&c.to_string())
        || (lang.is_none_or(|l| l == crate::read::locales::Lang::Zh) && crate::read::locales::families::is_cjk_stem_char(c))
}

/// Whether a short text the markup calls a control's or a status's label reads like one, and
/// not like a name put there: after its first word, no capitalised word the tables do not
/// know ("Awaiting pickup at locker" reads like a label, "Confirm received Marguerite Dupont"
/// does not), and no character of a script without spaces that the tables do not use.
pub fn reads_like_label(text: &str) -> bool {
    let vocab = vocabulary();
    cjk_known(text)
        && text.split(|c: char| !c.is_alphanumeric() || is_cjk(c)).filter(|w| !w.is_empty()).skip(1).all(|w| {
            // (One letter: "I", not a name.)
            !w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() == 1 || vocab.contains(&w.to_lowercase())
        })
}

/// Whether every character of a script without spaces is one the tables use.
fn cjk_known(text: &str) -> bool {
    let vocab = vocabulary();
    !text.chars().filter(|c| is_cjk(*c)).any(|c| !vocab.contains(&c.to_string()))
}

/// Whether a sentence reads like the site's (`reads_like_label`), its capitalised words being
/// the site's or made of its word families (German nouns: "bis zur automatischen
/// Erhaltsbestätigung").
pub fn reads_like_site_sentence(text: &str, lang: Option<crate::read::locales::Lang>) -> bool {
    // (Each sentence's first word is capitalised as a sentence's: "… for you in 9 days. Your
    // purchase protection runs until then.")
    cjk_known(text) && text.split_inclusive(['.', '!', '?']).all(|sentence| unknown_capitalised(sentence, lang, 1) == 0)
}

/// Whether a short text names which date it labels by its words ("Wysłane przez sprzedawcę",
/// "Odbiór potwierdzony przez Ciebie"): the reader takes a date's label from such words, in
/// wordings no table lists. Every capitalised word in it is the site's or a family's.
pub fn reads_like_date_label(text: &str, lang: Option<crate::read::locales::Lang>) -> bool {
    use crate::read::locales::families;
    // (A label alone: "Payment method: Pix" holds its value.)
    let alone = !text.trim_end().trim_end_matches([':', '：']).contains([':', '：']);
    if !alone || !is_short(text) || text.chars().any(|c| c.is_ascii_digit()) || text.chars().any(is_cjk) || families::date_label_of(text, lang).is_none() {
        return false;
    }
    unknown_capitalised(text, lang, 0) == 0
}

/// How many capitalised words (after the first `skip`) neither the site's vocabulary nor its
/// word families know: a name's.
fn unknown_capitalised(text: &str, lang: Option<crate::read::locales::Lang>, skip: usize) -> usize {
    use crate::read::locales::families;
    let vocab = vocabulary();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(skip)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
        .filter(|w| !vocab.contains(&w.to_lowercase()) && !families::is_family_word(families::fold(w).trim(), lang))
        .count()
}

/// Whether a text the reader took for an order's status reads like the site's label: as
/// `reads_like_label`, except that one capitalised word the tables do not know may stand among
/// the site's (German nouns: "Warten auf Versand durch den Verkäufer"; the legacy site's title
/// case: "Waiting for Seller to Send Goods"); a name brings two.
pub fn reads_like_status(text: &str, lang: Option<crate::read::locales::Lang>) -> bool {
    if reads_like_label(text) {
        return true;
    }
    if text.chars().any(is_cjk) {
        return false;
    }
    let vocab = vocabulary();
    let unknown = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
        .filter(|w| !vocab.contains(&w.to_lowercase()) && !crate::read::locales::families::is_family_word(&w.to_lowercase(), lang))
        .count();
    unknown <= 1 && made_of_order_words(&text.to_lowercase(), lang)
}

/// A short text: a few words (or a few characters of a script without spaces).
pub fn is_short(text: &str) -> bool {
    let chars = text.chars().count();
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    if cjk * 2 > chars {
        return chars <= 12;
    }
    // (Seven words, as the reader takes a step's name: "Colis parti de l'entrepôt du vendeur".)
    chars <= 40 && text.split_whitespace().count() <= 7
}

/// A number that cannot be anyone's: a count, a day, a quantity of a countdown (up to three
/// digits in all: four could be a card's last four), a time of day, a year.
pub fn is_small_number(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || " :.,/-+()".contains(c)) {
        return false;
    }
    let runs: Vec<&str> = t.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty()).collect();
    let total: usize = runs.iter().map(|r| r.len()).sum();
    let year = runs.len() == 1 && runs[0].len() == 4 && runs[0].parse::<u32>().is_ok_and(|y| (2000..=2099).contains(&y));
    let time = t.contains(':') && runs.len() <= 3 && runs.iter().all(|r| r.len() <= 2);
    !runs.is_empty() && (total <= 3 || year || time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_of_every_kind_are_found() {
        assert!(has_phrase("If the item you received is defective, you can open a dispute within 90 days after order was placed."));
        assert!(has_phrase("Auto-confirm in 12 days 5 hours"));
        assert!(!has_phrase("Jean Dupont, 12 rue de la Paix"));
        assert!(is_form_text("Up to 3 photos, max 5 MB each (JPG, PNG)."));
        assert!(is_form_text("System busy, please try again later"));
        assert!(!is_form_text("Maximum: US $7.98 for John"), "a limit word alone is no hint");
        assert!(is_form_text("One video in MP4 format, no larger than 20MB."), "a limit the evidence reader reads");
        let de = Some(crate::read::locales::Lang::De);
        assert!(reads_like_status("Warten auf Versand durch den Verkäufer", de));
        assert!(!reads_like_status("Warten auf Hans Müller", de));
        let en = Some(crate::read::locales::Lang::En);
        assert!(reads_like_status("Waiting for Seller to Send Goods", en));
        assert!(!reads_like_status("Confirm received Marguerite Dupont", en));
        assert!(!is_form_text("Sent 2 photos of 3MB to Marguerite Dupont"), "a name is no hint");
    }

    #[test]
    fn texts_of_order_words_in_wordings_no_table_lists() {
        use crate::read::locales::Lang;
        for (t, l) in [
            ("Shipping confirmed by the seller", Some(Lang::En)),
            ("Ask the seller to extend buyer protection", None),
            ("提交订单", Some(Lang::Zh)),
            ("Confirmar la recepción de la mercancía", Some(Lang::Es)),
            // Step names that speak of the seller, the goods, the warehouse (blind round eighteen).
            ("Enviado pelo vendedor em:", Some(Lang::Pt)),
            ("Colis parti de l'entrepôt du vendeur", Some(Lang::Fr)),
            ("Seller Sent Goods", Some(Lang::En)),
        ] {
            assert!(made_of_order_words(t, l), "{t}");
        }
        for (t, l) in [
            ("Jean Dupont", None),
            ("Order for Marguerite Dupont", Some(Lang::En)),
            ("王芳", Some(Lang::Zh)),
            ("Rua das Palmeiras", Some(Lang::Pt)),
            ("81 Niqefytv Street", None),
        ] {
            assert!(!made_of_order_words(t, l), "{t}");
        }
    }

    #[test]
    fn labels_are_found_at_word_starts() {
        let t = "№ 8100 от 12 марта; Order ID: 8100000000000001 Copy";
        let found: Vec<&str> = labels_in(t).into_iter().map(|r| &t[r]).collect();
        assert!(found.contains(&"Order ID: "), "{found:?}");
        assert!(labels_in("Totally Jean").is_empty());
    }

    #[test]
    fn labels_read_like_labels_and_names_do_not() {
        for t in ["Awaiting pickup at locker", "Add to cart", "Confirm Goods Received", "Paket abholen", "待收货", "Write a review", "Yes, I have received it"]
        {
            assert!(reads_like_label(t), "{t}");
        }
        for t in ["Confirm received Marguerite Dupont", "Hi, Jean", "Jean Dupont", "张伟", "待收货 王芳"] {
            assert!(!reads_like_label(t), "{t}");
        }
    }

    #[test]
    fn small_numbers() {
        for t in ["12", "5", "2024", "10:23", "10:51:32", "(3)"] {
            assert!(is_small_number(t), "{t}");
        }
        for t in ["12345", "345-67-89", "4111", "2150", "x2", ""] {
            assert!(!is_small_number(t), "{t}");
        }
    }

    #[test]
    fn the_words_labelling_a_date_are_the_sites_or_none() {
        fn at(gap: &str) -> Option<&str> {
            date_label_before(gap, None).map(|i| &gap[i..])
        }
        assert_eq!(at("Отправлена "), Some("Отправлена "));
        assert_eq!(at("Посылка 2 · Отправлена "), Some("Отправлена "));
        assert_eq!(at("Versandt am "), Some("Versandt am "));
        assert_eq!(at("Shipped on: "), Some("Shipped on: "));
        // Not the site's words: filled as any other text.
        assert_eq!(at("Anna Kowalska "), None);
        assert_eq!(at("Thanks Jean, see you "), None);
        assert_eq!(at(""), None);
    }
}
