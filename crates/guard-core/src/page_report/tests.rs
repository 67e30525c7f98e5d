use super::*;
use crate::read::locales::{Term, TABLES};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap().and_hms_opt(9, 30, 0).unwrap()
}

const DETAIL: &str = "https://www.aliexpress.com/p/order/detail.html?orderId=8190273645512873";

fn snap(body: &str, url: &str) -> Snapshot {
    let html = format!("<html lang=en><head><title>Order details</title></head><body>{body}</body></html>");
    serde_json::from_value(fixture_kit::snapshot_html(&html, url)).unwrap()
}

fn report(body: &str) -> Report {
    make_report(&snap(body, DETAIL), &Settings::default(), now(), 42)
}

/// The whole file, as the shopper would send it.
fn file(r: &Report) -> String {
    serde_json::to_string(r).unwrap()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Every text node of the report's page, in order.
fn texts(r: &Report) -> Vec<String> {
    r.snapshot.nodes.iter().filter_map(|n| if let Payload::Text(t) = &n.2 { Some(t.clone()) } else { None }).collect()
}

fn assert_gone(r: &Report, real: &[&str]) {
    let f = file(r);
    let bare = digits(&f);
    for s in real {
        assert!(!f.contains(s), "{s:?} survived in {f}");
        let d = digits(s);
        if d.len() >= 8 {
            assert!(!bare.contains(&d), "the digits of {s:?} survived");
        }
    }
}

#[test]
fn a_name_in_a_plain_element_is_replaced() {
    let r = report("<div><span>Marguerite Yourcenar</span><p>Deliver to Marguerite, gate B</p><button>Confirm received</button></div>");
    assert_gone(&r, &["Marguerite", "Yourcenar"]);
    let t = texts(&r);
    assert_eq!(t[0].chars().count(), "Marguerite Yourcenar".chars().count(), "same length");
    assert_eq!(t[0].find(' '), Some(10), "same word boundary");
    assert!(t[0].chars().next().unwrap().is_uppercase(), "same case");
    assert_eq!(t[2], "Confirm received");
}

#[test]
fn contact_blocks_are_replaced_whole() {
    let r = report(
        r#"<div data-pl="contact_info"><div>Shipping address</div><div class="contact-name">Jean Dupont</div>
        <div data-pl="contact_info_address">42 rue des Lilas, 75011 Paris</div><input type="text" value="Jean Dupont" placeholder="Name"></div>"#,
    );
    assert_gone(&r, &["Jean", "Dupont", "Lilas", "75011", "Shipping address"]);
    assert_eq!(r.replaced.contact, 5, "{:?}", r.replaced);
    // (The page's title, "Order details", is the site's words: made of order words.)
    assert_eq!(r.kept, vec!["Order details".to_string()], "nothing of the contact block is kept");
}

#[test]
fn phone_numbers_are_replaced_in_texts_and_links() {
    let r = report(r#"<p>Call +7 (912) 345-67-89 or 555-123-4567</p><a href="tel:+79123456789">call</a>"#);
    assert_gone(&r, &["+7 (912) 345-67-89", "79123456789", "555-123-4567", "5551234567"]);
    let t = texts(&r);
    // Shape kept: the plus, the parentheses and the dashes stay where they were.
    let fake = &t[0]["Call ".len()..];
    assert_eq!(fake.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect::<String>()[..18].to_string(), "+0 (000) 000-00-00");
    assert!(r.replaced.contact >= 1 && r.replaced.numbers + r.replaced.contact >= 2);
}

#[test]
fn e_mail_addresses_are_replaced_wherever_they_are() {
    let r = report(r#"<p>Write to jb.poquelin@example.fr</p><span data-mail="marguerite.y@example.org">x</span><a href="mailto:a.b@example.com">mail</a>"#);
    assert_gone(&r, &["jb.poquelin", "example.fr", "marguerite", "example.org", "a.b@example.com"]);
    assert!(file(&r).contains('@'), "the shape of an address stays");
}

#[test]
fn order_and_tracking_numbers_become_the_same_fakes_everywhere() {
    let r = report(
        r#"<div class="order-wrap" id="order-8190273645512873"><div class="order-status"><div class="order-block-title">Awaiting delivery</div></div>
        <div class="info-row"><span>Order ID:</span><span>8190273645512873</span></div><p>Order 8190 2736 4551 2873</p>
        <span class="tracking-no">LP00123456789012</span><a href="//track.aliexpress.com/logisticsdetail.htm?tradeId=8190273645512873&amp;no=LP00123456789012">Track order</a>
        <button data-fx-order="8190273645512873">Confirm received</button></div>"#,
    );
    assert_gone(&r, &["8190273645512873", "LP00123456789012"]);
    let id = r.reading["orders"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 16);
    assert_ne!(id, "8190273645512873");
    let f = file(&r);
    // The id in the page's address, the element's id, the text, the link and the button (and
    // in groups in a sentence): one fake.
    assert_eq!(serde_json::to_string(&r.snapshot).unwrap().matches(&id).count(), 5, "{f}");
    assert!(f.contains(&format!("{} {} {} {}", &id[..4], &id[4..8], &id[8..12], &id[12..])), "groups kept");
    assert!(r.snapshot.url.ends_with(&format!("orderId={id}")), "{}", r.snapshot.url);
    let t = texts(&r);
    let track = t.iter().find(|x| x.len() == 16 && x.starts_with(|c: char| c.is_ascii_uppercase())).unwrap();
    assert!(f.contains(&format!("no={track}")), "the tracking code is the same fake in the link");
}

#[test]
fn card_numbers_and_ibans_are_replaced() {
    let r = report(
        "<p>Visa •••• 4929</p><p>Payment method: card **** **** **** 1881</p><p>4539 1488 0343 6467</p>\
         <p>IBAN FR76 3000 6000 0112 3456 7890 189</p><p>DE89370400440532013000</p>",
    );
    assert_gone(&r, &["4929", "1881", "4539 1488 0343 6467", "FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000"]);
    let t = texts(&r);
    assert!(t[3].starts_with(|c: char| c.is_ascii_alphabetic()) && t[3].matches(' ').count() == "IBAN FR76 3000 6000 0112 3456 7890 189".matches(' ').count());
    // In a text kept as the site's: a card's last four change, a year stays.
    let empty = snap("", DETAIL);
    let mut a = Anonymiser::new(&empty, &plan_page(&empty, &Settings::default(), now()), now().date(), 1);
    let kept = a.keep_digits("Visa •••• 4929 since 2024, 12 days");
    assert!(kept.starts_with("Visa •••• ") && !kept.contains("4929") && kept.ends_with(" since 2024, 12 days"), "{kept}");
}

#[test]
fn store_and_item_titles_are_replaced() {
    let r = report(
        r#"<div class="order-item"><span class="order-item-store-name">Atelier Poquelin</span>
        <div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/1005006123456789.html"><span title="Leather wallet">Leather wallet</span></a></div>
        <div data-pl="order_item_content_info_name">Completed</div><span title="Wool socks, 5 pairs">Wool socks</span></div>"#,
    );
    assert_gone(&r, &["Atelier", "Poquelin", "Leather", "wallet", "1005006123456789", "Wool socks"]);
    // Even a title that happens to be a site word goes: the hook says it is a title.
    assert!(!texts(&r).contains(&"Completed".to_string()));
    assert!(r.replaced.titles >= 4, "{:?}", r.replaced);
}

#[test]
fn a_block_named_by_a_store_word_is_no_title_when_it_holds_the_item() {
    // (Blind contract page detail-current-en-gb-dispatched-refund-guarantee-ending: the item's
    // block is "od--store--7J"; its promise sentence and date had been replaced.)
    let r = report(
        r#"<div class="od--store--7J"><div class="od--storeName--1">Atelier Poquelin</div>
        <div class="order-detail-item-track"><div>Parcel has arrived at the sorting centre</div><div>Nov 15, 2026 03:22</div></div>
        <div class="od--promise--6p">Refund if your order doesn't arrive by <b>Dec 5, 2026</b></div>
        <div class="order-detail-item-content"><div class="od--title--3">Insulated flask</div><div>x1</div></div></div>"#,
    );
    assert_gone(&r, &["Atelier", "Poquelin"]);
    let t = texts(&r);
    assert!(t.contains(&"Dec 5, 2026".to_string()) && t.iter().any(|x| x.contains("doesn't arrive by")), "{t:?}");
}

#[test]
fn prices_keep_their_shape_with_other_digits() {
    let r = report(
        r#"<p>Total:US $23.10</p><p>1 234,56 ₽</p><span class="es--wrap"><span>R$</span><span>1</span><span>9</span><span>,</span><span>8</span><span>7</span></span>"#,
    );
    let t = texts(&r);
    assert!(t[0].starts_with("Total:US $") && t[0] != "Total:US $23.10" && t[0].len() == "Total:US $23.10".len(), "{}", t[0]);
    assert!(t[1].ends_with(" ₽") && t[1].chars().nth(1) == Some(' ') && t[1] != "1 234,56 ₽", "{}", t[1]);
    assert_eq!(t[2], "R$");
    assert_ne!(t[3..].concat(), "19,87");
    assert_eq!(t[5], ",");
    assert!(r.replaced.prices >= 3, "{:?}", r.replaced);
}

#[test]
fn links_keep_their_keys_and_pictures_lose_their_source() {
    let r = report(
        r#"<a href="https://www.aliexpress.com/p/x.html?name=Jean&amp;page=2#top">x</a><img src="https://ae01.alicdn.com/jean.jpg" alt="Jean's photo"><script>var u="Jean"</script>"#,
    );
    assert_gone(&r, &["Jean", "jean.jpg"]);
    let f = file(&r);
    assert!(f.contains("https://www.aliexpress.com/p/x.html?name=") && f.contains("&page="), "{f}");
    assert!(!f.contains("\"src\""));
    assert_eq!(r.replaced.images, 1);
    assert!(r.replaced.links >= 1);
}

#[test]
fn our_own_marks_are_left_out() {
    let r = report(r#"<div class="order-item" data-dg-order="8190273645512873" data-dg-status="shipped">x</div>"#);
    assert!(!file(&r).contains("data-dg-"));
    assert_gone(&r, &["8190273645512873"]);
}

#[test]
fn the_sites_words_are_kept_in_every_language() {
    for t in TABLES {
        for w in t.words.iter().filter(|w| matches!(w.term, Term::Status(_) | Term::Control(_) | Term::Field(_) | Term::Dispute(_))) {
            let r = report(&format!("<div><span>{}</span></div>", w.text));
            assert_eq!(texts(&r), vec![w.text.to_string()], "{:?}: {}", t.lang, w.text);
            assert!(r.kept.contains(&w.text.trim().to_string()));
        }
    }
}

#[test]
fn labels_stay_and_their_values_are_treated_by_shape() {
    let r = report(
        "<p>Order date: Mar 22, 2022</p><p>Order ID: 8190273645512873</p><p>Payment method: Pix</p>\
         <p>Estimated delivery date: Dec 3, 2026</p><p>Дата заказа 29 января 2024</p><p>订单号：8100000000000001</p>",
    );
    let t = texts(&r);
    assert_eq!(t[0], "Order date: Mar 22, 2022");
    assert!(t[1].starts_with("Order ID: ") && t[1] != "Order ID: 8190273645512873");
    assert_ne!(t[2], "Payment method: Pix", "a label no table knows is replaced");
    // A label in no table but made of the site's order words (the word families) stays.
    assert_eq!(t[3], "Estimated delivery date: Dec 3, 2026");
    assert!(t[4].ends_with("29 января 2024"), "{}", t[4]);
    assert!(t[5].starts_with("订单号：") && !t[5].contains("8100000000000001"), "{}", t[5]);
}

#[test]
fn controls_and_status_elements_keep_their_short_labels() {
    let r = report(
        r#"<div class="order-item-header-status-text">Awaiting pickup at locker</div><button>Add to cart</button>
        <div class="comet-tabs-nav-item">To review</div><button>Call 555-123-4567</button>
        <div role="button"><span>Long card title with many words in it</span><span>More</span></div>"#,
    );
    let t = texts(&r);
    assert_eq!(&t[..3], ["Awaiting pickup at locker", "Add to cart", "To review"]);
    assert!(!t[3].contains("555"), "a control with a phone number in it is not kept: {}", t[3]);
    assert_ne!(t[4], "Long card title with many words in it", "a big control is no label");
}

#[test]
fn countdowns_are_kept_as_the_site_wrote_them() {
    // (Blind contract page list-mobile-es-countdown-closing-soon: "2d 11:05:08" had become
    // "9a 49:23:93", no countdown, and the end of protection was lost.)
    for cd in ["2d 11:05:08", "12 days 5 hours", "9 дн. 04:11:32"] {
        let r = report(&format!("<div><span>Tiempo restante:</span> <span>{cd}</span></div>"));
        assert!(texts(&r).contains(&cd.to_string()), "{cd}: {:?}", texts(&r));
    }
}

#[test]
fn a_status_keeps_its_words_before_a_break_and_a_hint_its_only_one() {
    // (Blind round twelve: "Cancelled" had gone with the rest, the order read as unknown; "Nur
    // ein Video" had gone, the video count with it.)
    let r = report(r#"<div class="order-item"><span class="order-item-header-status-text">Cancelled — US $7.99 is back on your card</span></div>"#);
    assert!(texts(&r)[0].starts_with("Cancelled — "), "{:?}", texts(&r));
    assert!(!texts(&r)[0].contains("back on your card"), "{:?}", texts(&r));
    assert!(site_words::is_form_text("Nur ein Video im MP4-Format, bis 20 MB."));
}

#[test]
fn a_countdown_sentence_after_another_in_one_element_is_kept() {
    // (Blind page list-ru-badges-dispute-lost: the element's two sentences were judged as one and
    // the countdown's words filled; its dates stay whole: "7. Dez." is no sentence end.)
    let r = report("<p>Die Entscheidung fiel zugunsten des Verkäufers. Automatic confirmation in 6 days</p><p>Bis zum 7. Dez. 2026 versenden.</p>");
    let t = texts(&r);
    assert!(t[0].ends_with(" Automatic confirmation in 6 days") && !t[0].contains("Verkäufers"), "{t:?}");
    assert!(t[1].contains("7. Dez. 2026"), "{t:?}");
}

#[test]
fn dates_are_kept_and_recorded_with_their_format() {
    let r = report(
        "<p>Order date: Mar 22, 2022</p><p>2014-05-31 10:51:32</p><p>12 марта 2024 г.</p><p>2024年3月12日</p>\
         <p>10:23 Mar. 05 2019</p><p>12.03.2024</p><p>5 janv. 2025</p>",
    );
    let got: Vec<(&str, &str, Option<&str>)> = r.dates.iter().map(|d| (d.text.as_str(), d.pattern.as_str(), d.month.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            ("Mar 22, 2022", "{MON} {D}, {YYYY}", Some("Mar")),
            ("2014-05-31 10:51:32", "{YYYY}-{MM}-{DD} 10:51:32", None),
            ("12 марта 2024 г.", "{D} {MON} {YYYY} г.", Some("марта")),
            ("2024年3月12日", "{YYYY}年{M}月{D}日", None),
            ("10:23 Mar. 05 2019", "10:23 {MON}. {DD} {YYYY}", Some("Mar")),
            ("12.03.2024", "{DD}.{MM}.{YYYY}", None),
            ("5 janv. 2025", "{D} {MON}. {YYYY}", Some("janv")),
        ]
    );
    assert_eq!(r.dates[0].at, "Order date: ".len());
    assert_eq!(r.dates[0].date, NaiveDate::from_ymd_opt(2022, 3, 22).unwrap());
    let (p, _) = date_pattern("12.12.2024", NaiveDate::from_ymd_opt(2024, 12, 12).unwrap(), None);
    assert_eq!(p, "{DD}.{MM}.{YYYY}");
    // A time's zero is not the day's: "09:02 1 déc." writes the day in one digit (the full test
    // failed on it on the first days of a month).
    let (p, _) = date_pattern("09:02 1 déc. 2026", NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), Some(Lang::Fr));
    assert_eq!(p, "09:02 {D} {MON}. {YYYY}");
}

#[test]
fn the_reading_is_recorded_with_stand_ins_and_survives_anonymising() {
    let r = report(
        r#"<div class="order-wrap"><div class="order-status"><div class="order-block-title">Awaiting delivery</div></div>
        <div class="order-detail-info-content"><div class="info-row"><span>Order ID:</span><span>8190273645512873</span></div>
        <div class="info-row"><span>Shipment completed on:</span><span>Nov 1, 2026</span></div></div>
        <a class="order-detail-item-store-name">Atelier Poquelin</a><span class="order-detail-price-total">US $23.10</span>
        <button>Returns/refunds</button><button>Confirm received</button></div>"#,
    );
    assert!(r.reading_changed.is_empty(), "{:?}", r.reading_changed);
    let o = &r.reading["orders"][0];
    assert_eq!(o["status"], "shipped");
    assert_eq!(o["shipped"], "2026-11-01");
    assert_ne!(o["store"], "Atelier Poquelin");
    assert_ne!(o["total"], "US $23.10");
    assert!(o["total"].as_str().unwrap().starts_with("US $"));
    assert_eq!(r.reading["guarded"], serde_json::json!(["Confirm received"]));
    assert_eq!(r.reading["dg"][o["id"].as_str().unwrap()]["data-dg-dispute"], "open");
    assert_eq!(r.made, now().date());
}

#[test]
fn notes_quote_only_what_was_kept() {
    let empty = snap("", DETAIL);
    let mut a = Anonymiser::new(&empty, &plan_page(&empty, &Settings::default(), now()), now().date(), 1);
    a.kept_set.insert("Awaiting pickup".into());
    let n = a.note(r#"status label "Awaiting pickup" is in no language table; order 8190273645512873: "Jean Dupont""#);
    assert!(n.starts_with(r#"status label "Awaiting pickup" is in"#) && !n.contains("8190273645512873") && !n.contains("Jean"), "{n}");
}

#[test]
fn settings_the_shopper_changed_are_named() {
    let mut s = Settings { closing_soon_days: 5, ..Default::default() };
    s.evidence.max_files = 3;
    assert_eq!(settings_changed(&s, &Settings::default()), vec!["closing_soon_days", "evidence.max_files"]);
}

#[test]
fn the_json_entry_point_checks_its_input() {
    assert!(crate::api::page_report("{", "{}", "2026-11-21T10:00", "1").is_err());
    let s = r##"{"v":1,"url":"https://www.aliexpress.com/p/order/index.html","nodes":[[-1,"body",[]],[0,"#","Jean Dupont"]]}"##;
    assert!(crate::api::page_report(s, "{}", "2026-11-21T10:00", "zz").is_err());
    let out = crate::api::page_report(s, "{}", "2026-11-21T10:00", "9f3a").unwrap();
    assert!(out.contains("\"format\":\"dispute-guard-page-report\"") && !out.contains("Jean"));
}

#[test]
fn names_in_class_names_hooks_and_price_pieces_are_replaced() {
    // Found by the property test (tests/page_report.rs): a name where code is expected.
    let r = report(
        r#"<div class="info-row Marguerite Yourcenar order-8190273645512873">Order ID:</div>
        <div data-pl="contact_info"><span data-x="Marguerite Yourcenar" data-code="marguerite.y@example.org">x</span></div>
        <span class="es--wrap"><span title="Marguerite Yourcenar">US $</span><span>1</span><span>9</span></span>"#,
    );
    assert_gone(&r, &["Marguerite", "Yourcenar", "8190273645512873", "example.org"]);
    let f = file(&r);
    assert!(f.contains("\"info-row ") && f.contains(" order-"), "code-like class names stay: {f}");
}

#[test]
fn a_timeline_row_keeps_the_event_that_names_its_date() {
    // (Blind round fourteen: the rebuilt page read no shipment without it.)
    let html = "<html lang=de><body><div>Bestelldetails</div><ul><li>13. Nov. 2026 · 10:02 — Lieferung 2: Versand vom Verkäufer bestätigt</li>\
                <li>3. Nov. 2026 — Jan Kowalski: Hallo</li></ul></body></html>";
    let snap: Snapshot = serde_json::from_value(fixture_kit::snapshot_html(html, DETAIL)).unwrap();
    let r = make_report(&snap, &Settings::default(), now(), 42);
    let t = texts(&r);
    assert!(t[1].ends_with(": Versand vom Verkäufer bestätigt"), "{}", t[1]);
    assert!(!t[2].contains("Kowalski") && !t[2].contains("Hallo"), "{}", t[2]);
}

#[test]
fn a_control_s_longer_label_that_says_what_it_does_stays() {
    let r = report("<button class='ui-button'>Request the seller to extend the purchase protection for me</button><button>Ask Jean Dupont</button>");
    let t = texts(&r);
    assert_eq!(t[0], "Request the seller to extend the purchase protection for me");
    assert!(!t[1].contains("Dupont"), "{}", t[1]);
}

#[test]
fn a_name_that_opens_with_a_measure_word_is_no_photo_heading() {
    // (Found by planted_personal_strings_never_survive: "张" counts photos and is a surname.)
    let r = report("<div><span>张一一</span></div><div><span>视频</span></div>");
    let t = texts(&r);
    assert_ne!(t[0], "张一一");
    assert_eq!(t[1], "视频");
}

#[test]
fn a_control_in_a_store_s_block_keeps_its_label_not_the_store_s_name() {
    let r = report(
        "<div data-testid='sellerInfoV2Block'><div>Магазин «Пример»</div><div role='menu'><button role='menuitem'>Подтвердить получение</button></div><button>Открыть спор</button></div>",
    );
    let t = texts(&r);
    assert_ne!(t[0], "Магазин «Пример»");
    assert_eq!(t[1], "Подтвердить получение");
    assert_eq!(t[2], "Открыть спор");
}

#[test]
fn a_german_status_naming_the_buyer_stays_and_a_name_beside_it_goes() {
    // (Blind round sixteen: "Vom Käufer storniert" had been replaced, the rebuilt card read as
    // unknown instead of closed.)
    let page = |status: &str| {
        let html = format!(
            r#"<html lang="de"><body><div class="order-item"><span class="order-item-header-status-text">{status}</span>
            <span>Bestellnummer: 8190273645512873</span></div></body></html>"#
        );
        let snap: Snapshot = serde_json::from_value(fixture_kit::snapshot_html(&html, "https://de.aliexpress.com/p/order/index.html")).unwrap();
        make_report(&snap, &Settings::default(), now(), 42)
    };
    assert!(texts(&page("Vom Käufer storniert")).contains(&"Vom Käufer storniert".to_string()), "{:?}", texts(&page("Vom Käufer storniert")));
    assert_gone(&page("Storniert von Hans Müller"), &["Müller"]);
}
