//! What the site showed in a tab that "Check my orders" opened for one order: the order itself,
//! or its refusal to show it (a sign-in page because the session expired, a "slide to verify"
//! captcha, a "system busy" page), or some other page. Like `page_kind`, these are tables of the
//! site's shapes and words, each row with its source; the service worker only acts on the answer.
//!
//! SOURCES.md says nothing of these pages. The rows come from third-party code that drives the
//! live site (scrapers, userscripts, test suites 2019–2026, found by searching public
//! repositories) and, where marked "team", from the team's best knowledge.

use crate::read::form_words as words;
use crate::read::locales::Lang;
use crate::read::page_kind::{self, PageKind};
use crate::wire::page_plan::PageContext;
use crate::wire::snapshot::{Payload, Snapshot};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// The order's detail page, with the order on it: read.
    Read,
    /// A sign-in page or form instead of the order: the shopper's session has expired.
    SignIn,
    /// A captcha ("slide to verify") instead of the order: the site wants a person.
    Captcha,
    /// The site says it is busy.
    Busy,
    /// Another page (the home page, an error page…): this order is skipped.
    Elsewhere,
    /// The order's page, without the order yet (still loading, or never showing it).
    Waiting,
}

const THIRD_PARTY: &str = "third-party code driving the live site (public repositories, 2019-2026)";
const TEAM: &str = "team";

/// Hosts whose pages are the site's sign-in (`<label>.aliexpress.*`): the first label.
/// Sources: scrapers sign in at `https://login.aliexpress.com/` (form fields `#fm-login-id`,
/// `#fm-login-password`) and `https://login.aliexpress.ru/`; the shop redirects there with a
/// `return=` address when the session is gone; `passport.aliexpress.com` serves
/// `/newlogin/…` and `/ac/pc_r_open.htm`.
pub const SIGN_IN_HOSTS: &[(&str, &str)] = &[("login", THIRD_PARTY), ("passport", THIRD_PARTY)];

/// Pages on those hosts that only set cookies and send the browser on: not a sign-in form.
/// Source: third-party code (`login.aliexpress.ru/setCommonCookie.htm`, `…/validateSTGroup.htm`,
/// `…/xman/xuid.do`, `…/aer-cookie/set-directly` then a redirect back).
const PASS_THROUGH: &[(&str, &str)] =
    &[("setcommoncookie.htm", THIRD_PARTY), ("validatestgroup.htm", THIRD_PARTY), ("/xman/", THIRD_PARTY), ("/aer-cookie/", THIRD_PARTY)];

/// Addresses of the anti-bot check (Alibaba's "TMD"): `…/_____tmd_____/punish?x5secdata=…`.
/// Source: third-party code meeting it on aliexpress.com and aliexpress.ru.
const CAPTCHA_PATHS: &[(&str, &str)] = &[("/_____tmd_____/", THIRD_PARTY), ("/punish", THIRD_PARTY)];
const CAPTCHA_PARAMS: &[(&str, &str)] = &[("x5secdata", THIRD_PARTY)];

/// Structural hooks of the slider captcha (ids and classes). Source: third-party AliExpress
/// scrapers (2025) recognise it by `nc_1_n1z`, `.nc-container`, `.baxia-dialog`, `#baxia-punish`.
const CAPTCHA_HOOKS: &[(&str, &str)] =
    &[("nc_1_n1z", THIRD_PARTY), ("nc-container", THIRD_PARTY), ("baxia-dialog", THIRD_PARTY), ("baxia-punish", THIRD_PARTY)];

/// The sign-in form's fields (ids). Source: third-party code filling `#fm-login-id` and
/// `#fm-login-password` on login.aliexpress.com.
const SIGN_IN_HOOKS: &[(&str, &str)] = &[("fm-login-id", THIRD_PARTY), ("fm-login-password", THIRD_PARTY)];

/// What the captcha says, lower case, matched anywhere in a text. English and Polish from
/// third-party code ("Please slide to verify", "Przesuń, aby…"), Chinese from Alibaba's anti-bot
/// pages quoted there ("滑动完成验证"); the others: team.
pub const CAPTCHA_WORDS: &[(Lang, &str, &str)] = &[
    (Lang::En, "slide to verify", THIRD_PARTY),
    (Lang::En, "unusual traffic from your network", TEAM),
    (Lang::Fr, "faites glisser pour vérifier", TEAM),
    (Lang::Fr, "glissez pour vérifier", TEAM),
    (Lang::Ru, "сдвиньте ползунок", TEAM),
    (Lang::Ru, "передвиньте ползунок", TEAM),
    (Lang::Es, "desliza para verificar", TEAM),
    (Lang::Es, "deslice para verificar", TEAM),
    (Lang::Pt, "deslize para verificar", TEAM),
    (Lang::De, "zum verifizieren schieben", TEAM),
    (Lang::De, "schieben sie den schieberegler", TEAM),
    (Lang::Pl, "przesuń, aby", THIRD_PARTY),
    (Lang::Pl, "przesuń suwak", TEAM),
    (Lang::Zh, "滑动完成验证", THIRD_PARTY),
    (Lang::Zh, "请按住滑块", TEAM),
];

/// The parts of a plan the answer needs (the rest of the plan is skipped unread).
#[derive(Debug, Deserialize)]
pub struct PlanSummary {
    pub ctx: PageContext,
    #[serde(default)]
    pub orders: Vec<OrderId>,
}

#[derive(Debug, Deserialize)]
pub struct OrderId {
    pub id: String,
}

/// True for a host of the site's sign-in.
pub fn is_sign_in_host(host: &str) -> bool {
    let first = host.split('.').next().unwrap_or("");
    page_kind::is_aliexpress_host(host) && SIGN_IN_HOSTS.iter().any(|(h, _)| *h == first)
}

/// What the address alone says: a sign-in page or the captcha.
pub fn answer_from_url(url: &str) -> Option<Answer> {
    let u = page_kind::split_url(url)?;
    if !page_kind::is_aliexpress_host(&u.host) {
        return None;
    }
    let path = u.path.to_ascii_lowercase();
    if CAPTCHA_PATHS.iter().any(|(p, _)| path.contains(p)) || CAPTCHA_PARAMS.iter().any(|(p, _)| page_kind::query_param(u.query, p).is_some()) {
        return Some(Answer::Captcha);
    }
    if is_sign_in_host(&u.host) && !PASS_THROUGH.iter().any(|(p, _)| path.contains(p)) {
        return Some(Answer::SignIn);
    }
    None
}

fn is_captcha_text(text: &str) -> bool {
    let l = text.to_lowercase();
    CAPTCHA_WORDS.iter().any(|(_, w, _)| l.contains(w))
}

/// What the page's content says when it does not show the order: a captcha, a sign-in form, a
/// busy message (captcha first: it may sit over a sign-in form).
fn answer_from_content(snap: &Snapshot) -> Option<Answer> {
    let (mut sign_in, mut busy) = (false, false);
    for node in &snap.nodes {
        match &node.2 {
            Payload::Text(t) => {
                if is_captcha_text(t) {
                    return Some(Answer::Captcha);
                }
                busy |= words::is_busy(t);
            }
            Payload::Attrs(attrs) => {
                let attr = |name: &str| attrs.chunks_exact(2).find(|kv| kv[0] == name).map(|kv| kv[1].as_str());
                let hooks = |table: &[(&str, &str)]| {
                    let id = attr("id").unwrap_or("");
                    let class = attr("class").unwrap_or("");
                    table.iter().any(|(h, _)| id == *h || class.split_ascii_whitespace().any(|c| c == *h))
                };
                if hooks(CAPTCHA_HOOKS) {
                    return Some(Answer::Captcha);
                }
                let password = node.1 == "input" && attr("type").is_some_and(|t| t.eq_ignore_ascii_case("password"));
                sign_in |= password || hooks(SIGN_IN_HOOKS);
            }
        }
    }
    if is_captcha_text(&snap.title) {
        return Some(Answer::Captcha);
    }
    if sign_in {
        Some(Answer::SignIn)
    } else if busy || words::is_busy(&snap.title) {
        Some(Answer::Busy)
    } else {
        None
    }
}

/// The answer for order `order_id`, from a snapshot of the tab and the plan the core made of it.
/// The order read on its own detail page wins over anything else the page says.
pub fn answer(snap: &Snapshot, plan: &PlanSummary, order_id: &str) -> Answer {
    if plan.ctx.kind == PageKind::OrderDetail && plan.orders.iter().any(|o| o.id == order_id) {
        return Answer::Read;
    }
    if let Some(a) = answer_from_url(&snap.url).or_else(|| answer_from_content(snap)) {
        return a;
    }
    match page_kind::classify(&snap.url).0 {
        PageKind::OrderDetail => Answer::Waiting,
        _ => Answer::Elsewhere,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "8100000000000001";

    fn snap(url: &str, nodes: &str) -> Snapshot {
        Snapshot::from_json(&format!(r#"{{"v":1,"url":"{url}","lang":"en","title":"","nodes":[[-1,"body",[]]{nodes}]}}"#)).unwrap()
    }

    fn plan(kind: &str, ids: &[&str]) -> PlanSummary {
        let orders: Vec<String> = ids.iter().map(|id| format!(r#"{{"id":"{id}","status":"shipped"}}"#)).collect();
        serde_json::from_str(&format!(r#"{{"ctx":{{"kind":"{kind}","layout":"current"}},"ops":[],"orders":[{}]}}"#, orders.join(","))).unwrap()
    }

    const DETAIL: &str = "https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001";

    #[test]
    fn the_order_on_its_page_is_read() {
        assert_eq!(answer(&snap(DETAIL, ""), &plan("order-detail", &[ID]), ID), Answer::Read);
        // Another order on the page, or this one on a list: not its detail read.
        assert_eq!(answer(&snap(DETAIL, ""), &plan("order-detail", &["8100000000000002"]), ID), Answer::Waiting);
        let list = "https://www.aliexpress.com/p/order/index.html";
        assert_eq!(answer(&snap(list, ""), &plan("order-list", &[ID]), ID), Answer::Elsewhere);
    }

    #[test]
    fn sign_in_pages_by_address_and_by_form() {
        let other = plan("other", &[]);
        for url in [
            "https://login.aliexpress.com/?return=https%3A%2F%2Fwww.aliexpress.com%2Fp%2Forder%2Fdetail.html",
            "https://login.aliexpress.ru/",
            "https://passport.aliexpress.com/ac/pc_r_open.htm?fromSite=13",
        ] {
            assert_eq!(answer(&snap(url, ""), &other, ID), Answer::SignIn, "{url}");
        }
        // Cookie hops on the same hosts send the browser on: not a sign-in.
        for url in ["https://login.aliexpress.ru/setCommonCookie.htm?x=1", "https://login.aliexpress.com/xman/xuid.do?v=1"] {
            assert_eq!(answer(&snap(url, ""), &other, ID), Answer::Elsewhere, "{url}");
        }
        // A sign-in form in place of the order, on the order's own address.
        let form = r#",[0,"form",[]],[1,"input",["type","text","name","loginId"]],[1,"input",["type","PASSWORD"]]"#;
        assert_eq!(answer(&snap(DETAIL, form), &plan("order-detail", &[]), ID), Answer::SignIn);
        let by_id = r#",[0,"input",["id","fm-login-id"]]"#;
        assert_eq!(answer(&snap(DETAIL, by_id), &plan("order-detail", &[]), ID), Answer::SignIn);
        // Hosts that merely look like the shop's are nothing of ours.
        assert_eq!(answer_from_url("https://login.aliexpress.com.evil.example/"), None);
    }

    #[test]
    fn captchas_by_address_hooks_and_words() {
        let other = plan("other", &[]);
        let punish = "https://www.aliexpress.com/p/order/detail.html/_____tmd_____/punish?x5secdata=abc&x5step=2";
        assert_eq!(answer(&snap(punish, ""), &other, ID), Answer::Captcha);
        let words = r##",[0,"div",[]],[1,"#","Sorry, we have detected unusual traffic from your network. Please slide to verify."]"##;
        assert_eq!(answer(&snap(DETAIL, words), &plan("order-detail", &[]), ID), Answer::Captcha);
        let hook = r#",[0,"div",["id","nc_1_n1z","class","nc_iconfont btn_slide"]]"#;
        assert_eq!(answer(&snap(DETAIL, hook), &plan("order-detail", &[]), ID), Answer::Captcha);
        let zh = r##",[0,"span",[]],[1,"#","请按住滑块，拖动到最右边"]"##;
        assert_eq!(answer(&snap(DETAIL, zh), &plan("order-detail", &[]), ID), Answer::Captcha);
        // The captcha wins over the sign-in form it may cover.
        let both = r#",[0,"input",["type","password"]],[0,"div",["class","baxia-dialog"]]"#;
        assert_eq!(answer(&snap(DETAIL, both), &plan("order-detail", &[]), ID), Answer::Captcha);
    }

    #[test]
    fn busy_pages_and_pages_still_loading() {
        let busy = r##",[0,"div",[]],[1,"#","System busy, please try again later"]"##;
        assert_eq!(answer(&snap(DETAIL, busy), &plan("order-detail", &[]), ID), Answer::Busy);
        let ru = r##",[0,"div",[]],[1,"#","Система занята, повторите попытку позже"]"##;
        assert_eq!(answer(&snap("https://aliexpress.ru/order-list/8100000000000001", ru), &plan("order-detail", &[]), ID), Answer::Busy);
        let loading = r##",[0,"div",["class","order-wrap"]],[1,"#","Loading…"]"##;
        assert_eq!(answer(&snap(DETAIL, loading), &plan("order-detail", &[]), ID), Answer::Waiting);
        // The order shown wins over a busy toast beside it.
        assert_eq!(answer(&snap(DETAIL, busy), &plan("order-detail", &[ID]), ID), Answer::Read);
        assert_eq!(answer(&snap("https://www.aliexpress.com/", ""), &plan("other", &[]), ID), Answer::Elsewhere);
    }

    #[test]
    fn every_language_has_captcha_words_and_every_row_a_source() {
        for lang in [Lang::En, Lang::Fr, Lang::Ru, Lang::Es, Lang::Pt, Lang::De, Lang::Pl, Lang::Zh] {
            assert!(CAPTCHA_WORDS.iter().any(|(l, _, _)| *l == lang), "{lang:?}");
        }
        for (w, s) in CAPTCHA_WORDS.iter().map(|(_, w, s)| (w, s)) {
            assert!(!s.is_empty() && w.to_lowercase() == **w, "{w}: lower case, with a source");
        }
        for (row, source) in SIGN_IN_HOSTS.iter().chain(PASS_THROUGH).chain(CAPTCHA_PATHS).chain(CAPTCHA_PARAMS).chain(CAPTCHA_HOOKS).chain(SIGN_IN_HOOKS) {
            assert!(!row.is_empty() && !source.is_empty());
        }
    }

    #[test]
    fn json_entry_point() {
        let s = r#"{"v":1,"url":"https://login.aliexpress.com/","nodes":[]}"#;
        assert_eq!(crate::api::check_orders_page(s, r#"{"ctx":{"kind":"other","layout":"current"},"ops":[],"orders":[]}"#, ID).unwrap(), "\"sign-in\"");
        assert!(crate::api::check_orders_page("nope", "{}", ID).is_err());
    }
}
