//! Where the popup and the reminders send the shopper for an order: its detail page, and the
//! page where the step worth taking now (a dispute, an extension request) starts.
//!
//! Only addresses on the shop's own hosts leave the core: a stored `detail_url` that points
//! anywhere else (a hostile page, a typo) is replaced by the address built from the order id.

use crate::wire::order::{is_order_id, Order};

/// The current order detail page. Source: SOURCES.md section 1, order detail, current.
const DETAIL_CURRENT: &str = "https://www.aliexpress.com/p/order/detail.html?orderId=";
/// The legacy dispute start, the only dispute-start address known to carry the order id.
/// Source: SOURCES.md section 1, start a return/refund, legacy.
const DISPUTE_START_LEGACY: &str = "https://trade.aliexpress.com/issue/fastissue/createIssueStep1.htm?orderId=";

/// The shopper's order list, where the popup's first-run state sends them.
/// Source: SOURCES.md section 1, order list, current.
pub const ORDER_LIST: &str = "https://www.aliexpress.com/p/order/index.html";

/// The address as the browser will open it, when it is an `https:` (or protocol-relative)
/// address on one of the shop's hosts. Parsed by the WHATWG URL rules the browser follows (the
/// `url` crate): a backslash is a slash (`https://evil.example\.aliexpress.com/` is on
/// evil.example), the host is lowercased, the default port dropped. Credentials, other ports,
/// hosts given as IP addresses and hosts written with escapes or in other characters than
/// ASCII are refused: the site's own links carry none (and `url`'s ASCII-only IDNA backend,
/// see Cargo.toml, is not meant for them).
pub fn shop_url(url: &str) -> Option<String> {
    // Nothing that could break out of an attribute or a calendar line, even once serialised.
    if url.chars().any(|c| c.is_control() || c == ' ' || c == '"' || c == '<' || c == '>') {
        return None;
    }
    let absolute = match url.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => url.to_string(),
    };
    // The authority as the parser delimits it: after "https:" and any slashes or backslashes,
    // up to the next slash, backslash, `?` or `#`.
    let authority = absolute
        .get(..6)
        .filter(|s| s.eq_ignore_ascii_case("https:"))
        .map(|_| absolute[6..].trim_start_matches(['/', '\\']).split(['/', '\\', '?', '#']).next().unwrap_or(""))?;
    if !authority.is_ascii() || authority.contains('%') {
        return None;
    }
    let parsed = url::Url::parse(&absolute).ok()?;
    if parsed.scheme() != "https" || !parsed.username().is_empty() || parsed.password().is_some() || parsed.port().is_some() {
        return None;
    }
    let Some(url::Host::Domain(host)) = parsed.host() else { return None };
    // "aliexpress.com." is the same host, written fully qualified.
    let host = host.strip_suffix('.').unwrap_or(host);
    (!host.starts_with('.') && crate::read::page_kind::is_aliexpress_host(host)).then(|| parsed.to_string())
}

/// True for an address `shop_url` accepts.
pub fn is_shop_url(url: &str) -> bool {
    shop_url(url).is_some()
}

/// The order's detail page: the one a page gave us, else the current layout's, built from the id.
pub fn detail_page(order: &Order) -> Option<String> {
    if let Some(u) = order.detail_url.as_deref().and_then(shop_url) {
        return Some(u);
    }
    is_order_id(&order.id).then(|| format!("{DETAIL_CURRENT}{}", order.id))
}

/// Where a dispute starts for this order. On legacy accounts (the detail page a page gave us is
/// on trade.aliexpress.*) that is the legacy dispute start; elsewhere "Returns/refunds" lives on
/// the detail page (SOURCES.md section 3), where the extension lights it.
pub fn dispute_start(order: &Order) -> Option<String> {
    let detail = detail_page(order)?;
    let legacy = detail.strip_prefix("https://").is_some_and(|r| r.to_ascii_lowercase().starts_with("trade.aliexpress."));
    if legacy && is_order_id(&order.id) {
        Some(format!("{DISPUTE_START_LEGACY}{}", order.id))
    } else {
        Some(detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(detail_url: Option<&str>) -> Order {
        Order { id: "8100000000000001".into(), detail_url: detail_url.map(str::to_string), ..Default::default() }
    }

    #[test]
    fn detail_page_from_the_page_or_built_from_the_id() {
        assert_eq!(detail_page(&order(None)).unwrap(), "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001");
        assert_eq!(
            detail_page(&order(Some("//www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"))).unwrap(),
            "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001"
        );
        assert_eq!(
            detail_page(&order(Some("https://aliexpress.ru/order-list/8100000000000001"))).unwrap(),
            "https://aliexpress.ru/order-list/8100000000000001"
        );
    }

    #[test]
    fn foreign_or_script_addresses_are_never_used() {
        for bad in [
            "javascript:alert(1)",
            "http://www.aliexpress.com/p/order/detail.html",
            "https://aliexpress.com.evil.example/x",
            "https://evil.example/?aliexpress.com",
            "https://user@aliexpress.com/x",
            "https://www.aliexpress.com:8443/x",
            "https://notaliexpress.com/x",
            "https://www.aliexpress.com/x\"><script>",
            // The browser reads a backslash as a slash: the host is evil.example.
            "https://evil.example\\.aliexpress.com/",
            "https://evil.example\\@www.aliexpress.com/",
            "//evil.example\\.aliexpress.com/x",
            "https://www.aliexpress.com@evil.example/",
            "https://user:pw@www.aliexpress.com/x",
            "https://www.aliexpress.com:443@evil.example/",
            "https://127.0.0.1/aliexpress.com",
            "https://[::1]/x",
            "https://aliexpress.com%2eevil.example/x",
            "https://evil.example%2f.aliexpress.com/x",
            "https:evil.example/.aliexpress.com",
            "https://.aliexpress.com/x",
            "https://www.aliexpress.com\t.evil.example/",
            // Escapes and other characters in the host: never how the shop writes its links.
            "https://www.aliexpress%2Ecom/x",
            "https://A\u{a1}.aliexpress.com/",
            "https://www.\u{430}liexpress.com/",
            "https://evil.example%C2%A1.aliexpress.com/",
        ] {
            assert!(!is_shop_url(bad), "{bad}");
            assert!(detail_page(&order(Some(bad))).unwrap().starts_with(DETAIL_CURRENT), "{bad}");
        }
        for good in [
            // As the browser reads them: case, a fully qualified name, the default port,
            // backslashes in the path, slashes after the scheme all land on the shop.
            ("https://WWW.AliExpress.COM/p/order/detail.html?orderId=1", "https://www.aliexpress.com/p/order/detail.html?orderId=1"),
            ("https://www.aliexpress.com./x", "https://www.aliexpress.com./x"),
            ("https://www.aliexpress.com:443/x", "https://www.aliexpress.com/x"),
            ("https://www.aliexpress.com\\p\\order", "https://www.aliexpress.com/p/order"),
            ("HTTPS:\\\\www.aliexpress.com/x?q=\u{44f}", "https://www.aliexpress.com/x?q=%D1%8F"),
        ] {
            assert_eq!(detail_page(&order(Some(good.0))).as_deref(), Some(good.1), "{}", good.0);
        }
        let no_id = Order { id: "12".into(), ..Default::default() };
        assert_eq!(detail_page(&no_id), None);
    }

    #[test]
    fn legacy_orders_start_their_dispute_on_the_legacy_page() {
        let legacy = order(Some("https://trade.aliexpress.com/order_detail.htm?orderId=8100000000000001"));
        assert_eq!(dispute_start(&legacy).unwrap(), "https://trade.aliexpress.com/issue/fastissue/createIssueStep1.htm?orderId=8100000000000001");
        assert_eq!(dispute_start(&order(None)), detail_page(&order(None)));
    }
}
