//! What an element's own markup says about its text: that it holds the shopper's data (the
//! contact block, store and item titles), that it is a control (a button, a tab), or that it is
//! an order's status. And what each attribute is: a picture to leave out, an address, a text, or
//! a hook (class, id, `data-*` code) to keep.

/// What kind of the shopper's data an element holds, for the report's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Personal {
    /// Names, addresses, phone numbers, e-mail addresses.
    Contact,
    /// Store and item titles.
    Title,
}

/// Hook values (`data-pl`, `data-testid`) of elements that hold the shopper's data, each with
/// its source.
const PERSONAL_HOOKS: &[(&str, Personal, &str)] = &[
    ("contact_info", Personal::Contact, "SOURCES.md section 8 (current detail)"),
    ("contact_info_address", Personal::Contact, "SOURCES.md section 8 (current detail)"),
    ("order_item_store_name", Personal::Title, "SOURCES.md section 8 (current list)"),
    ("order_item_content_info_name", Personal::Title, "SOURCES.md section 8 (current list)"),
    ("sellerInfoV2Block", Personal::Title, "SOURCES.md section 8 (aliexpress.ru detail)"),
    ("productText", Personal::Title, "SOURCES.md section 8 (aliexpress.ru detail)"),
];

/// Words of class names, ids, field names and hooks that say an element holds contact data.
/// Source: team (words such markup is written with; SOURCES.md section 8: `contact_info_address`).
const CONTACT_WORDS: &[&str] = &[
    "address",
    "addr",
    "contact",
    "phone",
    "telephone",
    "tel",
    "email",
    "mail",
    "receiver",
    "recipient",
    "consignee",
    "nickname",
    "username",
    "fullname",
    "zip",
    "zipcode",
    "postcode",
    "postal",
];

/// Words that say an element holds a store's or an item's title (SOURCES.md section 2:
/// `.order-item-store-name`, `.order-item-content-info-name`; legacy `.store-info`, `.baobei-name`;
/// team: the others).
const TITLE_WORDS: &[&str] = &["name", "store", "shop", "seller", "baobei"];

/// "title" names an item's title only right after one of these ("item-title"), as "text" does
/// after "product" ("productText"); otherwise they are the site's headings and texts
/// ("order-block-title", "info-title", "service-item-text").
const TITLE_COMPANIONS: &[&str] = &["item", "product", "goods", "mc", "baobei"];

/// Beside these, the words above name the site's own parts ("shop-cart", "store-follow-btn",
/// "order_price_item_title", "field-title"), not the shopper's data.
const NEUTRAL_WORDS: &[&str] = &[
    "status", "state", "label", "btn", "button", "price", "amount", "total", "date", "time", "tab", "tabs", "nav", "header", "page", "dialog", "modal",
    "popup", "form", "field", "section", "upload", "reverse", "ui", "cart", "icon", "logo", "follow", "search", "tip", "desc", "service",
];

/// Attributes whose value names what an element is.
const HOOK_ATTRS: &[&str] = &["class", "id", "name", "data-pl", "data-testid", "data-role", "itemprop"];

/// The words of a class name or hook: split at punctuation, between lower and upper case and
/// between letters and digits, lower-cased ("sellerInfoV2Block" → seller, info, v, 2, block).
pub fn words(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in value.chars() {
        let boundary = match prev {
            None => false,
            Some(p) => !c.is_alphanumeric() || (p.is_lowercase() && c.is_uppercase()) || (p.is_alphabetic() != c.is_alphabetic()),
        };
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur).to_lowercase());
        }
        if c.is_alphanumeric() {
            cur.push(c);
        }
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push(cur.to_lowercase());
    }
    out
}

/// How sure the markup is: a hook SOURCES.md names (`PERSONAL_HOOKS`), or words of a class name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    Hook,
    Words,
}

/// What one hook value (a class name, an id) says.
fn hook_says(value: &str) -> Option<(Personal, Evidence)> {
    if let Some((_, p, _)) = PERSONAL_HOOKS.iter().find(|(h, _, _)| *h == value) {
        return Some((*p, Evidence::Hook));
    }
    let p = words_say(value)?;
    Some((p, Evidence::Words))
}

fn words_say(value: &str) -> Option<Personal> {
    let w = words(value);
    let has = |list: &[&str]| w.iter().any(|x| list.contains(&x.as_str()));
    if has(CONTACT_WORDS) {
        return Some(Personal::Contact);
    }
    if has(NEUTRAL_WORDS) {
        return None;
    }
    let titled = w.windows(2).any(|p| TITLE_COMPANIONS.contains(&p[0].as_str()) && p[1] == "title" || p[0] == "product" && p[1] == "text");
    (has(TITLE_WORDS) || titled).then_some(Personal::Title)
}

/// Whether an element's markup says it holds the shopper's data, and how sure it is.
pub fn personal(attrs: &[String]) -> Option<(Personal, Evidence)> {
    let mut found: Option<(Personal, Evidence)> = None;
    for kv in attrs.chunks_exact(2) {
        if !HOOK_ATTRS.contains(&kv[0].as_str()) {
            continue;
        }
        let values: Vec<&str> = if kv[0] == "class" { kv[1].split_ascii_whitespace().collect() } else { vec![kv[1].as_str()] };
        for v in values {
            match hook_says(v) {
                Some(p @ (Personal::Contact, Evidence::Hook)) => return Some(p),
                Some(p @ (Personal::Contact, _)) => found = Some(p),
                Some(p) if found.is_none_or(|f| f.0 == Personal::Title && f.1 == Evidence::Words) => found = Some(p),
                _ => {}
            }
        }
    }
    found
}

pub fn attr<'a>(attrs: &'a [String], name: &str) -> Option<&'a str> {
    attrs.chunks_exact(2).find(|kv| kv[0] == name).map(|kv| kv[1].as_str())
}

fn class_has_word(attrs: &[String], wanted: &[&str]) -> bool {
    ["class", "data-pl", "data-testid"]
        .iter()
        .filter_map(|a| attr(attrs, a))
        .flat_map(|v| v.split_ascii_whitespace())
        .any(|v| words(v).iter().any(|w| wanted.contains(&w.as_str())))
}

/// A control the shopper activates or picks: its label is the site's.
pub fn is_control(tag: &str, attrs: &[String]) -> bool {
    let input_button =
        tag == "input" && attr(attrs, "type").is_some_and(|t| matches!(t.to_ascii_lowercase().as_str(), "button" | "submit" | "reset" | "radio" | "checkbox"));
    let role = attr(attrs, "role").is_some_and(|r| matches!(r, "button" | "tab" | "menuitem" | "option" | "radio" | "checkbox" | "switch"));
    // A link to where a return starts is the way to a dispute whatever its words (the reader's
    // `controls::leads_to_dispute_start`; the page's own host does not matter, the path names the
    // page).
    let to_dispute = || tag == "a" && attr(attrs, "href").is_some_and(|h| crate::read::page_kind::leads_to_dispute_start(h, "https://www.aliexpress.com/"));
    matches!(tag, "button" | "option" | "label" | "legend" | "summary")
        || input_button
        || role
        || class_has_word(attrs, &["btn", "button", "tab", "tabs"])
        || to_dispute()
}

/// An element named for an order's status ("order-item-header-status-text",
/// `data-pl="order_item_header_status"`, legacy ".order-status").
pub fn is_status(attrs: &[String]) -> bool {
    class_has_word(attrs, &["status", "state"])
}

/// What an attribute holds, and so what the report does with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// Left out: pictures and media (`src`), our own marks (`data-dg-*`).
    Drop,
    /// An address: kept with its query values replaced.
    Url,
    /// Words the shopper reads (`title`, `alt`, `aria-label`, `placeholder`, a button's
    /// `value`): judged like a text.
    Text,
    /// A number the readers use as it is (legacy `lefttime` countdowns in milliseconds).
    Verbatim,
    /// A hook or a code (`class`, `id`, `data-*`, `type`…): kept, its long numbers replaced
    /// consistently; a value that reads like words is judged like a text.
    Hook,
}

const DROPPED: &[&str] = &["src", "srcset", "poster", "background", "data-src", "data-srcset", "data-lazy-src", "data-original", "ping", "integrity", "nonce"];
const URLS: &[&str] = &["href", "action", "formaction", "cite", "data-href", "data-url", "data-link", "xlink:href"];
const TEXTS: &[&str] = &[
    "title",
    "alt",
    "aria-label",
    "aria-description",
    "aria-valuetext",
    "aria-roledescription",
    "placeholder",
    "label",
    "content",
    "summary",
    "data-title",
    "data-name",
    "data-tip",
    "data-text",
];
/// Source: SOURCES.md section 4 (`p.left-sendgoods-day[lefttime]`, milliseconds).
const VERBATIM: &[&str] = &["lefttime"];

pub fn attr_kind(tag: &str, attrs: &[String], name: &str) -> AttrKind {
    if name.starts_with("data-dg-") || DROPPED.contains(&name) {
        return AttrKind::Drop;
    }
    if URLS.contains(&name) {
        return AttrKind::Url;
    }
    if VERBATIM.contains(&name) {
        return AttrKind::Verbatim;
    }
    if TEXTS.contains(&name) {
        return AttrKind::Text;
    }
    if name == "value" {
        // What the shopper typed, or a button's label; codes of hidden fields, radios and
        // choices are hooks.
        let ty = attr(attrs, "type").unwrap_or("text").to_ascii_lowercase();
        let code = tag == "option" || (tag == "input" && matches!(ty.as_str(), "hidden" | "radio" | "checkbox"));
        return if code { AttrKind::Hook } else { AttrKind::Text };
    }
    AttrKind::Hook
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(kv: &[(&str, &str)]) -> Vec<String> {
        kv.iter().flat_map(|(k, v)| [k.to_string(), v.to_string()]).collect()
    }

    #[test]
    fn hooks_of_personal_blocks_are_recognised() {
        let personal = |a: &[String]| personal(a).map(|p| p.0);
        assert_eq!(personal(&attrs(&[("data-pl", "contact_info")])), Some(Personal::Contact));
        assert_eq!(personal(&attrs(&[("data-pl", "contact_info_address")])), Some(Personal::Contact));
        assert_eq!(personal(&attrs(&[("class", "order-item-store-name")])), Some(Personal::Title));
        assert_eq!(personal(&attrs(&[("class", "order-item-content-info-name")])), Some(Personal::Title));
        assert_eq!(personal(&attrs(&[("data-testid", "sellerInfoV2Block")])), Some(Personal::Title));
        assert_eq!(personal(&attrs(&[("data-testid", "productText")])), Some(Personal::Title));
        assert_eq!(personal(&attrs(&[("class", "item-title")])), Some(Personal::Title));
        assert_eq!(personal(&attrs(&[("class", "buyer-address-line")])), Some(Personal::Contact));
        assert_eq!(personal(&attrs(&[("class", "es--store--3Ld0F")])), Some(Personal::Title));
        assert_eq!(personal(&attrs(&[("name", "receiverPhone")])), Some(Personal::Contact));
    }

    #[test]
    fn the_sites_own_headings_and_parts_are_not_personal() {
        let personal = |a: &[String]| personal(a).map(|p| p.0);
        for class in [
            "order-detail-item-service-text",
            "service-item-text",
            "order-item-mobile",
            "order-block-title",
            "info-title",
            "order_price_item_title",
            "field-title",
            "shop-cart--menuItem--1ekx0Bv",
            "order-item-header-status-text",
            "comet-btn",
            "es--title--0aZ3c",
        ] {
            assert_eq!(personal(&attrs(&[("class", class)])), None, "{class}");
        }
        assert!(is_status(&attrs(&[("class", "order-item-header-status-text")])));
        assert!(is_status(&attrs(&[("data-pl", "order_item_header_status")])));
        assert!(is_control("div", &attrs(&[("class", "comet-tabs-nav-item")])));
        assert!(is_control("button", &[]));
        assert!(!is_control("a", &attrs(&[("class", "order-item-store-name")])));
    }

    #[test]
    fn attributes_are_sorted_by_what_they_hold() {
        assert_eq!(attr_kind("img", &[], "src"), AttrKind::Drop);
        assert_eq!(attr_kind("div", &[], "data-dg-order"), AttrKind::Drop);
        assert_eq!(attr_kind("a", &[], "href"), AttrKind::Url);
        assert_eq!(attr_kind("span", &[], "title"), AttrKind::Text);
        assert_eq!(attr_kind("input", &attrs(&[("type", "text")]), "value"), AttrKind::Text);
        assert_eq!(attr_kind("input", &attrs(&[("type", "radio")]), "value"), AttrKind::Hook);
        assert_eq!(attr_kind("p", &[], "lefttime"), AttrKind::Verbatim);
        assert_eq!(words("sellerInfoV2Block"), vec!["seller", "info", "v", "2", "block"]);
    }
}
