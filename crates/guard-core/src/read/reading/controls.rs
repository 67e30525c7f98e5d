//! The controls that matter: confirm receipt, open dispute, returns/refunds, extend protection,
//! cancel dispute, track. Found by their label in any supported language (a button or link whose
//! whole text is a known control label), else by a structural hook; and the confirm button of the
//! site's own confirmation popup, recognised by the popup's question ("Did you receive the
//! item(s)?"). Each control is tied to the order whose element holds it; on a detail page, to
//! the page's order.

use super::{short_text, Control, Page, PageReading};
use crate::read::locales::{self, ControlKind, Term};
use crate::read::page_kind::PageKind;
use crate::wire::order::{DisputeProgress, Status};
use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::NodeId;
use std::collections::HashMap;

const CLICKABLE: &[&str] = &["button", "a"];

/// Longest label read: control labels are short.
const MAX_LABEL: usize = 80;

/// Controls known by their class whatever their label. Source: SOURCES.md section 4
/// (`button.button-confirmOrderReceived[orderid]`).
const CLASS_HOOKS: &[(&str, ControlKind)] = &[("button-confirmOrderReceived", ControlKind::ConfirmReceipt)];

/// Button type codes of the current list's data (SOURCES.md section 2:
/// `CONFIRM_GOODS`, `TRACKING`, `OPEN_DISPUTE`). Whether the site writes them into the page is
/// not known; when an attribute carries one, it names the control (the attribute names are the
/// team's guess).
const TYPE_CODES: &[(&str, ControlKind)] =
    &[("CONFIRM_GOODS", ControlKind::ConfirmReceipt), ("OPEN_DISPUTE", ControlKind::OpenDispute), ("TRACKING", ControlKind::TrackOrder)];
const TYPE_CODE_ATTRS: &[&str] = &["data-type", "data-action", "data-button-type", "data-btn-type"];

/// What a shopper can click: a real control, or an element a site made into a button.
pub(super) fn is_clickable(tree: &PageTree<'_>, n: NodeId) -> bool {
    is_real_control(tree, n) || looks_like_button(tree, n)
}

/// Buttons and links, `<input type=button|submit>`, and anything with a button or link role.
fn is_real_control(tree: &PageTree<'_>, n: NodeId) -> bool {
    match tree.tag(n) {
        t if CLICKABLE.contains(&t) => true,
        "input" => tree.attr(n, "type").is_some_and(|t| t.eq_ignore_ascii_case("button") || t.eq_ignore_ascii_case("submit")),
        // (A dropdown's items are controls too: "⋯" → "Potwierdź odbiór".)
        _ => matches!(tree.attr(n, "role"), Some("button" | "link" | "menuitem")),
    }
}

/// The `<div>`s that sites make into buttons: a `tabindex`, or a class naming a button, hashed
/// or not (`es--btn--1aZx9Qp`, `RedButton_Button__btn__9fK2a`, `ui-button`). Click handlers are
/// not visible in a snapshot. A wrapper with such a class whose whole text is one label gives
/// way to a real control inside it (see `read`); one that holds several real controls is a row
/// of them, whatever its class says (`btn-row`: "Cancel order", "Open dispute" side by side are
/// no "cancel dispute" button).
fn looks_like_button(tree: &PageTree<'_>, n: NodeId) -> bool {
    let named = tree.attr(n, "tabindex").is_some_and(|t| t.trim() != "-1")
        || tree.attr(n, "class").is_some_and(|c| {
            c.split_ascii_whitespace().any(|token| {
                let t = crate::wire::text::ascii_lower(token);
                (t.contains("btn") || t.contains("button")) && !["btns", "buttons", "wrap", "group", "box", "list", "bar"].iter().any(|w| t.contains(w))
            })
        });
    named && tree.descendants(n).take(200).filter(|&d| !tree.is_text(d) && is_real_control(tree, d)).nth(1).is_none()
}

/// A control's label: an input button's value, else its text.
pub(super) fn label_of(tree: &PageTree<'_>, n: NodeId) -> Option<String> {
    if tree.tag(n) == "input" {
        return tree.attr(n, "value").map(crate::wire::snapshot::collapse_ws).filter(|v| v.chars().count() <= MAX_LABEL);
    }
    short_text(tree, n, MAX_LABEL, 60)
}

/// A control's accessible name when the markup gives one (`aria-label`, else `title`), short.
fn accessible_name(tree: &PageTree<'_>, n: NodeId) -> Option<String> {
    let name = tree.attr(n, "aria-label").or_else(|| tree.attr(n, "title"))?;
    let name = crate::wire::snapshot::collapse_ws(name);
    (!name.is_empty() && name.chars().count() <= MAX_LABEL).then_some(name)
}

fn kind_of(page: &Page<'_, '_>, n: NodeId, label: &str, term: Option<Term>) -> Option<ControlKind> {
    let tree = page.tree;
    if leads_off_the_site(tree, n) {
        return None;
    }
    // "已确认收货" (receipt already confirmed), "已发货": a state shown on a button, not an
    // action; so is "您已确认收货" on a switched-off one ("我已收到货", I have received the goods,
    // on a live button may well confirm).
    if label.trim_start().starts_with('已') || label.contains('已') && is_disabled(tree, n) {
        return None;
    }
    if let Some(Term::Control(kind)) = term {
        return Some(kind);
    }
    if let Some((_, kind)) = CLASS_HOOKS.iter().find(|(c, _)| tree.has_class(n, c)) {
        return Some(*kind);
    }
    let coded = TYPE_CODE_ATTRS.iter().filter_map(|a| tree.attr(n, a)).find_map(|v| TYPE_CODES.iter().find(|(code, _)| v.trim() == *code).map(|(_, k)| *k));
    coded.or_else(|| by_family(page, n, label, term)).or_else(|| leads_to_dispute_start(page, n, term))
}

/// A link to the page where a return or dispute starts (`/p/reverse-pages/…`) is the way to it,
/// whatever its words ("Zgłoś problem z produktem"); not a text that names a state.
fn leads_to_dispute_start(page: &Page<'_, '_>, n: NodeId, term: Option<Term>) -> Option<ControlKind> {
    let href = page.tree.attr(n, "href")?;
    (crate::read::page_kind::leads_to_dispute_start(href, page.url) && term.is_none()).then_some(ControlKind::ReturnsRefunds)
}

/// A label no table lists, read by its word family ("Confirmar receção", "Ask the seller to
/// extend buyer protection"): short, no digits, not a link to an order's page (a card).
fn by_family(page: &Page<'_, '_>, n: NodeId, label: &str, term: Option<Term>) -> Option<ControlKind> {
    // Short: at most seven words, not counting the short ones that join them ("Solicitar la
    // ampliación de la protección del comprador").
    let words = label.split_whitespace().count();
    let long_words = label.split_whitespace().filter(|w| w.chars().count() > 3).count();
    // (A package's or a step's small number is no date or amount: "Erhalt von Paket 2
    // bestätigen", the confirm button of a split order's second parcel; blind round twenty-nine.)
    let small_number = |w: &str| {
        let digits = w.trim_matches(|c: char| matches!(c, '(' | ')' | '#' | '№' | '.' | ',' | ':' | '/'));
        (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let digit_outside_small_numbers = label.split_whitespace().filter(|w| !small_number(w)).any(|w| w.chars().any(|c| c.is_ascii_digit()));
    if term.is_some() || words > 12 || long_words > 7 || digit_outside_small_numbers || label.chars().any(|c| matches!(c, '!' | '?' | '！' | '？')) {
        return None;
    }
    // A card that is a link, a link to a store or a product: named for what it shows.
    if leads_to_a_product_or_store(page.tree, n) {
        return None;
    }
    if let Some(href) = page.tree.attr(n, "href") {
        // (A link naming the order that leads elsewhere than its list or its page,
        // "extend-protection.html?orderId=…", is an action, not the card; a link whose page is
        // not known stays a card.)
        let to_order_page = || crate::read::page_kind::link_kind(href, page.url).is_none_or(|k| matches!(k, PageKind::OrderList | PageKind::OrderDetail));
        if crate::read::page_kind::order_id_in_link(href).is_some() && to_order_page() && !looks_like_button(page.tree, n) {
            return None;
        }
    }
    use crate::read::locales::families::{action_of, Action};
    Some(match action_of(label, page.lang)? {
        Action::ConfirmReceipt => ControlKind::ConfirmReceipt,
        Action::OpenDispute => ControlKind::OpenDispute,
        Action::ReturnsRefunds => ControlKind::ReturnsRefunds,
        Action::ExtendProtection => ControlKind::ExtendProtection,
        Action::CancelDispute => ControlKind::CancelDispute,
        Action::Track => ControlKind::TrackOrder,
        _ => return None,
    })
}

/// A link to another site (a country's complaints book, a carrier's own tracking, a payment
/// provider) acts on no order of the shop's, whatever its words: "Livro de Reclamações", the
/// Portuguese complaints book in a footer, opens no dispute (blind round twenty-eight).
pub(super) fn leads_off_the_site(tree: &PageTree<'_>, n: NodeId) -> bool {
    tree.attr(n, "href").is_some_and(crate::read::page_kind::leads_off_the_shop)
}

/// A link to a product or a store: named for what it shows ("Fahrradschloss mit Zahlencode" is
/// no "pay" button).
pub(super) fn leads_to_a_product_or_store(tree: &PageTree<'_>, n: NodeId) -> bool {
    tree.attr(n, "href").is_some_and(|href| {
        let path = href.split(['?', '#']).next().unwrap_or("");
        path.contains("/store/") || path.contains("/item/")
    })
}

pub fn read(page: &Page<'_, '_>, reading: &mut PageReading) {
    let tree = page.tree;
    let order_of_root: HashMap<NodeId, &str> = reading.orders.iter().map(|o| (o.root, o.order.id.as_str())).collect();
    // On a detail page every control acts on the page's order.
    let page_order: Option<String> =
        (page.kind == PageKind::OrderDetail).then(|| page.page_order.clone().or_else(|| reading.orders.first().map(|o| o.order.id.clone()))).flatten();
    let mut found: Vec<Control> = Vec::new();
    let mut index: HashMap<NodeId, usize> = HashMap::new();
    let mut removed: Vec<bool> = Vec::new();
    // Buttons that may be the confirm button of the site's popup.
    let mut popup_candidates: Vec<(NodeId, Term)> = Vec::new();
    // The order whose element holds each node, known from the parent (walks visit parents
    // first): constant time per control however deep the page nests.
    let mut owner: Vec<Option<NodeId>> = vec![None; tree.len()];
    for root in tree.roots() {
        for n in std::iter::once(root).chain(tree.descendants(root)) {
            owner[n] = if order_of_root.contains_key(&n) { Some(n) } else { tree.parent(n).and_then(|p| owner[p]) };
            if tree.is_text(n) || !page.clickable(n) {
                continue;
            }
            let Some(label) = label_of(tree, n) else { continue };
            let mut term = locales::term(&label, page.lang);
            let mut kind = kind_of(page, n, &label, term);
            // A control whose visible word says less than its accessible name ("Confirm" with
            // aria-label "Confirm received", an icon alone): read by that name.
            if kind.is_none() {
                if let Some(name) = accessible_name(tree, n) {
                    let t = locales::term(&name, page.lang);
                    if let Some(k) = kind_of(page, n, &name, t) {
                        (term, kind) = (t, Some(k));
                    }
                }
            }
            // On a list page, a button inside an order card is never the site's popup.
            let in_card = page.kind == PageKind::OrderList && owner[n].is_some();
            if matches!(term, Some(Term::PopupConfirm | Term::Control(ControlKind::ConfirmReceipt))) && !in_card {
                popup_candidates.push((n, term.unwrap_or(Term::PopupConfirm)));
            } else if kind.is_none() && !in_card && matches!(page.kind, PageKind::OrderDetail | PageKind::OrderList) && answers_received(&label, page.lang) {
                // (Counted only inside a real dialog, as a confirm label is.)
                popup_candidates.push((n, Term::Control(ControlKind::ConfirmReceipt)));
            }
            let Some(kind) = kind else { continue };
            // A button inside a link with the same meaning is one control: keep the inner one.
            // Only a real control (button, link, role) wins over an element that merely looks
            // like one; inside such an element, the outer one stays, so that a click anywhere
            // on it is seen.
            let strong = is_real_control(tree, n);
            let mut inside_outer = false;
            for a in tree.ancestors_or_self(n).skip(1).take(3) {
                if let Some(&i) = index.get(&a) {
                    if found[i].kind == kind && !removed[i] {
                        if strong {
                            removed[i] = true;
                        } else {
                            inside_outer = true;
                        }
                    }
                }
            }
            if inside_outer {
                continue;
            }
            let order_id = owner[n].and_then(|r| order_of_root.get(&r)).map(|id| id.to_string()).or_else(|| page_order.clone());
            index.insert(n, found.len());
            removed.push(false);
            found.push(Control { node: n, kind, order_id, site_popup: false, disabled: is_disabled(tree, n) });
        }
    }
    let mut controls: Vec<Control> = found.into_iter().zip(removed).filter(|(_, r)| !r).map(|(c, _)| c).collect();
    if !popup_candidates.is_empty() {
        let phrases = locales::words_of(page.lang, |t| *t == Term::PopupQuestion);
        for (n, term) in popup_candidates.into_iter().take(MAX_POPUP_CANDIDATES) {
            if is_site_popup_button(page, n, term, &phrases, &owner) {
                match controls.iter_mut().find(|c| c.node == n) {
                    Some(c) => c.site_popup = true,
                    None => controls.push(Control {
                        node: n,
                        kind: ControlKind::ConfirmReceipt,
                        order_id: page_order.clone(),
                        site_popup: true,
                        disabled: is_disabled(tree, n),
                    }),
                }
            }
        }
    }
    crate::wire::bounds::sort_by_number(&mut controls, |c| c.node as u64);
    controls.dedup_by_key(|c| c.node);
    // A "Cancel dispute" button is there only while a dispute is under way.
    let position: HashMap<String, usize> = reading.orders.iter().enumerate().map(|(i, o)| (o.order.id.clone(), i)).collect();
    for c in controls.iter().filter(|c| c.kind == ControlKind::CancelDispute) {
        if let Some(o) = c.order_id.as_ref().and_then(|id| position.get(id)).and_then(|&i| reading.orders.get_mut(i)) {
            if o.order.dispute.is_none() && !matches!(o.order.status, Status::Closed | Status::AwaitingPayment) {
                o.order.dispute = Some(DisputeProgress::InProgress);
            }
        }
    }
    reading.controls.extend(controls);
}

/// A control the page has switched off: the `disabled` attribute or `aria-disabled="true"` on it
/// or on the element around it (a `<fieldset disabled>`, a wrapper made into the button), or a
/// class token that says so ("disabled", "btn--disabled", "is_disabled").
pub(super) fn is_disabled(tree: &PageTree<'_>, n: NodeId) -> bool {
    let off = |a: NodeId| tree.attr(a, "disabled").is_some() || tree.attr(a, "aria-disabled").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    let class_off = tree.attr(n, "class").is_some_and(|c| {
        c.split_ascii_whitespace().any(|t| {
            let t = crate::wire::text::ascii_lower(t);
            t == "disabled" || ["-disabled", "_disabled"].iter().any(|end| t.ends_with(end))
        })
    });
    class_off || tree.ancestors_or_self(n).take(2).any(off)
}

/// A question whose words are about receiving or the arrival of the order ("Potwierdzić
/// odbiór?", "Have you got all the items?", "Czy wszystkie produkty z tego zamówienia dotarły i
/// są zgodne z opisem?"), not about paying, an address or a dispute. The question alone is read,
/// not the warning after it ("Po potwierdzeniu pieniądze trafią do sprzedawcy").
fn asks_about_receipt(text: &str, lang: Option<crate::read::locales::Lang>) -> bool {
    use crate::read::locales::families::{sentence_ideas, Idea};
    if text.chars().count() > 300 {
        return false;
    }
    // Each question: the words from the last sentence's start up to its question mark.
    text.split_inclusive(['?', '？']).filter_map(|part| part.strip_suffix(['?', '？'])).any(|asked| {
        let sentence = asked.rsplit(['.', '!', '。', '！']).next().unwrap_or_default();
        sentence_ideas(sentence, lang).is_some_and(|i| {
            i.any(&[Idea::Receive, Idea::Deliver]) && !i.any(&[Idea::Pay, Idea::Address, Idea::Dispute, Idea::Refund, Idea::Return, Idea::Not])
        })
    })
}

/// A popup's answer in words no table lists that says the goods came ("Tak, odebrałem
/// przesyłkę", "Yes, I got everything"): only inside a dialog that asks about them, so the
/// dispute page's "Have you received your package?" is never taken for it.
fn answers_received(label: &str, lang: Option<crate::read::locales::Lang>) -> bool {
    use crate::read::locales::families::{ideas, Idea};
    label.chars().count() <= 60
        && ideas(label, lang)
            .is_some_and(|i| i.has(Idea::Receive) && !i.any(&[Idea::Not, Idea::Pay, Idea::Dispute, Idea::Refund, Idea::Return, Idea::Cancel, Idea::Track]))
}

/// Popups are few: a page with more candidate buttons than this is not asked about them all.
const MAX_POPUP_CANDIDATES: usize = 50;

/// Whether `button` is the confirm button of the site's own "did you receive it?" popup: the
/// nearest ancestor (a few levels up) that holds the question (or a title naming the confirm
/// action) holds it too. A button labelled like the page's own "Confirm received" counts only
/// inside a real dialog; text inside a button, or inside an order's element on a list page, is
/// never the question.
fn is_site_popup_button(
    page: &Page<'_, '_>,
    button: NodeId,
    term: Term,
    phrases: &[(Term, crate::read::locales::Lang, String)],
    owner: &[Option<NodeId>],
) -> bool {
    let tree = page.tree;
    for container in tree.ancestors_or_self(button).skip(1).take(6) {
        let asks = tree.descendants(container).take(300).any(|t| {
            if !tree.is_text(t) || (page.kind == PageKind::OrderList && owner.get(t).copied().flatten().is_some()) {
                return false;
            }
            let text = tree.own_text(t);
            if text.len() > 300 || tree.ancestors_or_self(t).skip(1).take(3).any(|a| page.clickable(a)) {
                return false;
            }
            let norm = locales::normalise(text);
            // The question, or a popup's title that is the confirm label itself ("Confirm
            // Goods Received" over a plain "Confirm"), or a question in any wording about
            // receiving the goods ("Czy na pewno otrzymałeś wszystkie produkty?").
            phrases.iter().any(|(_, _, p)| norm.contains(p.as_str()))
                || locales::term(text, page.lang) == Some(Term::Control(ControlKind::ConfirmReceipt))
                || asks_about_receipt(text, page.lang)
        });
        if !asks {
            continue;
        }
        let dialog = tree
            .ancestors_or_self(container)
            .take(3)
            .any(|a| matches!(tree.attr(a, "role"), Some("dialog" | "alertdialog")) || tree.attr(a, "aria-modal") == Some("true"));
        return term == Term::PopupConfirm || dialog;
    }
    false
}
