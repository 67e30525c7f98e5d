//! Where the popup and the reminders send the shopper for an order: its detail page, and the
//! page where the step worth taking now (a dispute, an extension request) starts.
//!
//! Only addresses on the shop's own hosts leave the core: a stored `detail_url` that points
//! anywhere else (a hostile page, a typo) is replaced by the address built from the order id.

use crate::wire::order::{is_order_id, Order};


/// The current order detail page. Source: FACTS.md "Pages", order detail, current.
const DETAIL_CURRENT: &str = "https://www.aliexpress.com/p/order/detail.html?orderId=";
/// The legacy dispute start, the only dispute-start address known to carry the order id.
/// Source: FACTS.md "Pages", start a return/refund, legacy.
const DISPUTE_START_LEGACY: &str = "https://trade.aliexpress.com/issue/fastissue/createIssueStep1.htm?orderId=";

/// The shopper's order list, where the popup's first-run state sends them.
/// Source: FACTS.md "Pages", order list, current.
pub const ORDER_LIST: &str = "https://www.aliexpress.com/p/order/index.html";

/// True for an `https:` (or protocol-relative) address on one of the shop's hosts.
pub fn is_shop_url(url: &str) -> bool {
    let rest = match url.strip_prefix("https://").or_else(|| url.strip_prefix("//")) {
        Some(r) => r,
        None => return false,
    };
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host_port.contains('@') || host_port.contains(':') {
        return false; // credentials or ports: not a link the site itself would give
    }
    let host = host_port.to_ascii_lowercase();
    crate::read::page_kind::is_aliexpress_host(&host)
        && url.chars().all(|c| !c.is_control() && c != ' ' && c != '"' && c != '<' && c != '>')
}

fn absolute(url: &str) -> String {
    match url.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => url.to_string(),
    }
}

/// The order's detail page: the one a page gave us, else the current layout's, built from the id.
pub fn detail_page(order: &Order) -> Option<String> {
    if let Some(u) = order.detail_url.as_deref().filter(|u| is_shop_url(u)) {
        return Some(absolute(u));
    }
    is_order_id(&order.id).then(|| format!("{DETAIL_CURRENT}{}", order.id))
}

/// Where a dispute starts for this order. On legacy accounts (the detail page a page gave us is
/// on trade.aliexpress.*) that is the legacy dispute start; elsewhere "Returns/refunds" lives on
/// the detail page (FACTS.md "Current order detail DOM"), where the extension lights it.
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
        assert_eq!(detail_page(&order(Some("https://aliexpress.ru/order-list/8100000000000001"))).unwrap(), "https://aliexpress.ru/order-list/8100000000000001");
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
        ] {
            assert!(!is_shop_url(bad), "{bad}");
            assert!(detail_page(&order(Some(bad))).unwrap().starts_with(DETAIL_CURRENT), "{bad}");
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
