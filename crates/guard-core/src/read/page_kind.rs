//! What kind of AliExpress page a URL is, and in which layout. URL patterns are the most stable
//! thing the site has (SOURCES.md section 1), so they come first.

pub use crate::wire::page_context::{Layout, PageKind};

/// One row of the URL table: host suffix, path test, and what it means. Source: SOURCES.md section
/// 1.
struct UrlRule {
    host: HostTest,
    path: PathTest,
    kind: PageKind,
    layout: Layout,
}

enum HostTest {
    /// `m.aliexpress.*`
    Mobile,
    /// `trade.aliexpress.*` or `track.aliexpress.*`
    Trade,
    /// `aliexpress.ru` or a subdomain other than trade/m.
    Ru,
    Any,
}

enum PathTest {
    Exact(&'static str),
    Prefix(&'static str),
    /// Case-insensitive file name at the end of the path.
    FileName(&'static str),
}

const URL_TABLE: &[UrlRule] = &[
    UrlRule { host: HostTest::Mobile, path: PathTest::Exact("/p/order/index.html"), kind: PageKind::OrderList, layout: Layout::Mobile },
    UrlRule { host: HostTest::Mobile, path: PathTest::Exact("/p/order/detail.html"), kind: PageKind::OrderDetail, layout: Layout::Mobile },
    UrlRule { host: HostTest::Trade, path: PathTest::FileName("orderlist.htm"), kind: PageKind::OrderList, layout: Layout::Legacy },
    UrlRule { host: HostTest::Trade, path: PathTest::FileName("order_list.htm"), kind: PageKind::OrderList, layout: Layout::Legacy },
    UrlRule { host: HostTest::Trade, path: PathTest::FileName("order_detail.htm"), kind: PageKind::OrderDetail, layout: Layout::Legacy },
    UrlRule { host: HostTest::Trade, path: PathTest::FileName("logisticsdetail.htm"), kind: PageKind::Tracking, layout: Layout::Legacy },
    UrlRule { host: HostTest::Trade, path: PathTest::FileName("createissuestep1.htm"), kind: PageKind::DisputeStart, layout: Layout::Legacy },
    UrlRule { host: HostTest::Trade, path: PathTest::FileName("detail.htm"), kind: PageKind::DisputeDetail, layout: Layout::Legacy },
    UrlRule { host: HostTest::Trade, path: PathTest::FileName("issuedetail.htm"), kind: PageKind::DisputeDetail, layout: Layout::Legacy },
    UrlRule { host: HostTest::Ru, path: PathTest::Exact("/order-list"), kind: PageKind::OrderList, layout: Layout::Ru },
    UrlRule { host: HostTest::Ru, path: PathTest::Prefix("/order-list/"), kind: PageKind::OrderDetail, layout: Layout::Ru },
    UrlRule { host: HostTest::Any, path: PathTest::Exact("/p/order/index.html"), kind: PageKind::OrderList, layout: Layout::Current },
    UrlRule { host: HostTest::Any, path: PathTest::Exact("/p/order/detail.html"), kind: PageKind::OrderDetail, layout: Layout::Current },
    UrlRule { host: HostTest::Any, path: PathTest::Exact("/p/tracking/index.html"), kind: PageKind::Tracking, layout: Layout::Current },
    UrlRule { host: HostTest::Any, path: PathTest::Prefix("/p/reverse-pages/"), kind: PageKind::DisputeStart, layout: Layout::Current },
];

/// The parts of a URL the core looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<'a> {
    pub host: String,
    pub path: &'a str,
    pub query: &'a str,
}

pub fn split_url(url: &str) -> Option<Url<'_>> {
    let rest = url.split_once("://")?.1;
    Some(split_authority(rest))
}

/// What follows `scheme://` (or a scheme-relative `//`): host, path and query.
fn split_authority(rest: &str) -> Url<'_> {
    // (Bytes, not characters: all three are ASCII, and every link on the page comes through here.)
    let (authority, path_and_more) = match rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = authority.rsplit('@').next().unwrap_or("").split(':').next().unwrap_or("").to_ascii_lowercase();
    let no_frag = path_and_more.split('#').next().unwrap_or("");
    let (path, query) = no_frag.split_once('?').unwrap_or((no_frag, ""));
    Url { host, path: if path.is_empty() { "/" } else { path }, query }
}

/// The value of a query parameter, if present.
pub fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// The shop's domains, the one list the core keeps (SOURCES.md section 1: all country sites share
/// these shapes); a host is the shop's when it is one of them or a subdomain.
pub const SHOP_DOMAINS: &[&str] = &["aliexpress.com", "aliexpress.ru", "aliexpress.us"];

/// Whether the host belongs to AliExpress at all.
pub fn is_aliexpress_host(host: &str) -> bool {
    SHOP_DOMAINS.iter().any(|b| host == *b || host.strip_suffix(b).is_some_and(|sub| sub.ends_with('.')))
}

/// `first`: the host's first label ("m", "trade", "www"), worked out once for the whole table.
/// Whether an absolute or protocol-relative link leads to a host outside the shop (relative
/// links and other schemes stay on the page: no).
pub fn leads_off_the_shop(href: &str) -> bool {
    let href = href.trim();
    let rest = match href.strip_prefix("//") {
        Some(rest) => Some(rest),
        None => href.split_once("://").map(|(_, rest)| rest),
    };
    rest.is_some_and(|rest| {
        let host = split_authority(rest).host;
        !host.is_empty() && !is_aliexpress_host(&host)
    })
}

fn host_matches(test: &HostTest, host: &str, first: &str) -> bool {
    match test {
        HostTest::Mobile => first == "m",
        HostTest::Trade => first == "trade" || first == "track",
        HostTest::Ru => host == "aliexpress.ru" || (host.ends_with(".aliexpress.ru") && !matches!(first, "trade" | "m")),
        HostTest::Any => true,
    }
}

fn path_matches(test: &PathTest, path: &str) -> bool {
    match test {
        PathTest::Exact(p) => path.trim_end_matches('/') == p.trim_end_matches('/'),
        PathTest::Prefix(p) => path.starts_with(p) && path.len() > p.len(),
        PathTest::FileName(f) => path.rsplit('/').next().is_some_and(|n| n.eq_ignore_ascii_case(f)),
    }
}

/// Classifies a page URL. Non-AliExpress URLs are `Other`.
pub fn classify(url: &str) -> (PageKind, Layout) {
    let Some(u) = split_url(url) else { return (PageKind::Other, Layout::Current) };
    if !is_aliexpress_host(&u.host) {
        return (PageKind::Other, Layout::Current);
    }
    let first = u.host.split('.').next().unwrap_or("");
    URL_TABLE
        .iter()
        .find(|r| host_matches(&r.host, &u.host, first) && path_matches(&r.path, u.path))
        .map(|r| (r.kind, r.layout))
        .unwrap_or((PageKind::Other, Layout::Current))
}

/// The kind of page a link on `page_url` leads to, by the same table: absolute, protocol-relative
/// ("//trade…") and root-relative ("/order-list/…") links; `None` for any other relative link.
pub fn link_kind(href: &str, page_url: &str) -> Option<PageKind> {
    let href = href.trim();
    let full = if href.contains("://") {
        href.to_string()
    } else if let Some(rest) = href.strip_prefix("//") {
        format!("https://{rest}")
    } else if href.starts_with('/') {
        format!("https://{}{href}", split_url(page_url)?.host)
    } else {
        return None;
    };
    Some(classify(&full).0)
}

/// Whether a link leads to the page where a return or dispute starts (`/p/reverse-pages/…`): the
/// way to a dispute whatever its words.
pub fn leads_to_dispute_start(href: &str, page_url: &str) -> bool {
    link_kind(href, page_url) == Some(PageKind::DisputeStart)
}

/// Query parameters that carry an order id in the site's links (SOURCES.md section 1: detail
/// `orderId=`, tracking `tradeOrderId=` and the legacy `tradeId=`). Not `parentOrderId`: a
/// parent order groups several orders of one checkout.
/// Query parameters that carry an order id (SOURCES.md section 1; `order_id`: team), compared
/// without case: the site writes `orderId`, a redesign may write `orderid` or `order_id`.
const ORDER_ID_PARAMS: &[&str] = &["orderId", "tradeOrderId", "tradeId", "order_id"];

/// The order id a link carries: `…?orderId=<id>`, `…?tradeOrderId=<id>`, `…?tradeId=<id>`, or
/// aliexpress.ru's `/order-list/<id>`. Only links that stay on an AliExpress site (or are
/// relative) count.
pub fn order_id_in_link(href: &str) -> Option<String> {
    let href = href.trim();
    if href.len() > 2000 {
        return None;
    }
    // (Asked of every link on the page: the parts are looked at in place.)
    let (path, query) = if href.starts_with("//") || href.contains("://") {
        let u = href.strip_prefix("//").map_or_else(|| split_url(href), |rest| Some(split_authority(rest)))?;
        if !is_aliexpress_host(&u.host) {
            return None;
        }
        (u.path, u.query)
    } else {
        if href.contains(':') && !href.starts_with('/') && !href.starts_with('?') {
            return None; // javascript:, mailto: …
        }
        let no_frag = href.split('#').next().unwrap_or("");
        no_frag.split_once('?').unwrap_or((no_frag, ""))
    };
    let from_query =
        ORDER_ID_PARAMS.iter().find_map(|k| query.split('&').filter_map(|kv| kv.split_once('=')).find(|(key, _)| key.eq_ignore_ascii_case(k)).map(|(_, v)| v));
    let from_path = path.strip_prefix("/order-list/").map(|rest| rest.trim_end_matches('/'));
    from_query.or(from_path).filter(|id| crate::wire::order::is_order_id(id)).map(str::to_string)
}

/// On an order detail page, the order the URL names.
pub fn page_order_id(url: &str) -> Option<String> {
    let u = split_url(url)?;
    match classify(url) {
        (PageKind::OrderDetail, Layout::Ru) => {
            u.path.strip_prefix("/order-list/").map(|id| id.trim_end_matches('/').to_string()).filter(|id| crate::wire::order::is_order_id(id))
        }
        (PageKind::OrderDetail, _) => query_param(u.query, "orderId").filter(|id| crate::wire::order::is_order_id(id)).map(str::to_string),
        _ => None,
    }
}

/// The canonical address of an order's detail page on the site the shopper uses (SOURCES.md
/// section 1), built from the id rather than copied from a link.
pub fn detail_url(layout: Layout, page_url: &str, id: &str) -> Option<String> {
    let u = split_url(page_url)?;
    if !is_aliexpress_host(&u.host) || !crate::wire::order::is_order_id(id) {
        return None;
    }
    let host = &u.host;
    Some(match layout {
        Layout::Current | Layout::Mobile => format!("https://{host}/p/order/detail.html?orderId={id}"),
        Layout::Legacy => format!("https://{host}/order_detail.htm?orderId={id}"),
        Layout::Ru => format!("https://{host}/order-list/{id}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_shape_in_facts_is_classified() {
        let cases = [
            ("https://www.aliexpress.com/p/order/index.html", PageKind::OrderList, Layout::Current),
            ("https://m.aliexpress.com/p/order/index.html?tab=all", PageKind::OrderList, Layout::Mobile),
            ("https://trade.aliexpress.com/orderList.htm", PageKind::OrderList, Layout::Legacy),
            ("https://trade.aliexpress.com/order_list.htm", PageKind::OrderList, Layout::Legacy),
            ("https://trade.aliexpress.ru/orderList.htm", PageKind::OrderList, Layout::Legacy),
            ("https://aliexpress.ru/order-list?filterName=active", PageKind::OrderList, Layout::Ru),
            ("https://www.aliexpress.com/p/order/detail.html?orderId=8154000000000001", PageKind::OrderDetail, Layout::Current),
            ("https://www.aliexpress.us/p/order/detail.html?orderId=1", PageKind::OrderDetail, Layout::Current),
            ("https://trade.aliexpress.com/order_detail.htm?orderId=1", PageKind::OrderDetail, Layout::Legacy),
            ("https://aliexpress.ru/order-list/5123456789012345", PageKind::OrderDetail, Layout::Ru),
            ("https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=1", PageKind::Tracking, Layout::Current),
            ("https://track.aliexpress.com/logisticsdetail.htm?tradeId=1", PageKind::Tracking, Layout::Legacy),
            ("https://www.aliexpress.com/p/reverse-pages/start.html?orderId=1", PageKind::DisputeStart, Layout::Current),
            ("https://trade.aliexpress.com/issue/fastissue/createIssueStep1.htm?orderId=1", PageKind::DisputeStart, Layout::Legacy),
            ("https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=1", PageKind::DisputeDetail, Layout::Legacy),
            ("https://trade.aliexpress.com/issue/issueDetail.htm?issueId=1", PageKind::DisputeDetail, Layout::Legacy),
            ("https://www.aliexpress.com/item/1005001.html", PageKind::Other, Layout::Current),
            ("https://aliexpress.com.evil.example/p/order/index.html", PageKind::Other, Layout::Current),
            ("not a url", PageKind::Other, Layout::Current),
        ];
        for (url, kind, layout) in cases {
            assert_eq!(classify(url), (kind, layout), "{url}");
        }
    }

    #[test]
    fn links_lead_to_the_kind_of_page_their_address_says() {
        let ru = "https://aliexpress.ru/order-list?filterName=active";
        assert_eq!(link_kind("/order-list/5034011276339402", ru), Some(PageKind::OrderDetail));
        assert_eq!(link_kind("//trade.aliexpress.com/order_detail.htm?orderId=8100000000000001", ru), Some(PageKind::OrderDetail));
        assert_eq!(link_kind("https://m.aliexpress.com/p/order/extend-protection.html?orderId=8100000000000001", ru), Some(PageKind::Other));
        assert_eq!(link_kind("https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8100000000000001", ru), Some(PageKind::Tracking));
        assert_eq!(link_kind("detail.html?orderId=8100000000000001", ru), None);
    }

    #[test]
    fn order_ids_come_from_the_site_links_only() {
        assert_eq!(order_id_in_link("//www.aliexpress.com/p/order/detail.html?orderId=8100000000000001").as_deref(), Some("8100000000000001"));
        assert_eq!(
            order_id_in_link("https://www.aliexpress.com/p/tracking/index.html?_addShare=no&tradeOrderId=8100000000000002").as_deref(),
            Some("8100000000000002")
        );
        assert_eq!(order_id_in_link("/order-list/5123456789012345").as_deref(), Some("5123456789012345"));
        assert_eq!(order_id_in_link("order_detail.htm?orderId=8100000000000003#x").as_deref(), Some("8100000000000003"));
        assert_eq!(order_id_in_link("https://evil.example/p/order/detail.html?orderId=8100000000000001"), None);
        assert_eq!(order_id_in_link("javascript:go('?orderId=8100000000000001')"), None);
        assert_eq!(order_id_in_link("https://feedback.aliexpress.com/leaveFeedback.htm?parentOrderId=8100000000000001"), None);
        assert_eq!(order_id_in_link("//www.aliexpress.com/item/1005001.html"), None);
    }

    #[test]
    fn detail_pages_name_their_order_and_canonical_addresses_are_built() {
        assert_eq!(page_order_id("https://aliexpress.ru/order-list/5123456789012345").as_deref(), Some("5123456789012345"));
        assert_eq!(page_order_id("https://trade.aliexpress.com/order_detail.htm?orderId=8100000000000001").as_deref(), Some("8100000000000001"));
        assert_eq!(page_order_id("https://www.aliexpress.com/p/order/index.html?orderId=8100000000000001"), None);
        assert_eq!(
            detail_url(Layout::Mobile, "https://m.aliexpress.com/p/order/index.html", "8100000000000001").as_deref(),
            Some("https://m.aliexpress.com/p/order/detail.html?orderId=8100000000000001")
        );
        assert_eq!(
            detail_url(Layout::Legacy, "http://trade.aliexpress.ru/orderList.htm", "8100000000000001").as_deref(),
            Some("https://trade.aliexpress.ru/order_detail.htm?orderId=8100000000000001")
        );
    }

    #[test]
    fn query_params_are_read() {
        let u = split_url("http://www.aliexpress.com:8080/p/order/detail.html?x=1&orderId=42#top").unwrap();
        assert_eq!((u.host.as_str(), u.path), ("www.aliexpress.com", "/p/order/detail.html"));
        assert_eq!(query_param(u.query, "orderId"), Some("42"));
    }
}
