//! The misread-page report on whole pages:
//! - every fixture page and every contract page reads the same once anonymised (what a report
//!   records is what the extension read, and a fixture made from it reads so too);
//! - the page full of personal data (tests/fixtures/report/personal-detail-en.html) keeps none
//!   of it, and keeps the site's words and the page's shape;
//! - random personal strings planted anywhere in a page never survive (property test).

use chrono::{Local, NaiveDate, NaiveDateTime};
use guard_core::page_report::{make_report, Report};
use guard_core::rules::settings::Settings;
use guard_core::wire::snapshot::{Payload, Snapshot};
use proptest::prelude::*;
use serde_json::Value;

fn now() -> NaiveDateTime {
    Local::now().date_naive().and_hms_opt(10, 15, 0).unwrap()
}

fn snapshot(html: &str, url: &str) -> Snapshot {
    serde_json::from_value(fixture_kit::snapshot_html(html, url)).unwrap()
}

fn report(html: &str, url: &str, seed: u64) -> Report {
    make_report(&snapshot(html, url), &Settings::default(), now(), seed)
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

#[test]
fn every_fixture_and_contract_page_reads_the_same_once_anonymised() {
    let mut failures = vec![];
    let mut pages = 0;
    for f in fixture_kit::all_fixtures() {
        let html = fixture_kit::render(&f.template, today()).unwrap();
        let r = report(&html, f.url(), 7);
        pages += 1;
        if !r.reading_changed.is_empty() {
            failures.push(format!("{}: {:?}", f.name, r.reading_changed));
        }
    }
    for p in fixture_kit::contract_pages() {
        let meta: Value = serde_json::from_str(&std::fs::read_to_string(&p.json).unwrap()).unwrap();
        let html = fixture_kit::render(&std::fs::read_to_string(&p.html).unwrap(), today()).unwrap();
        let r = report(&html, meta["url"].as_str().unwrap(), 11);
        pages += 1;
        if !r.reading_changed.is_empty() {
            failures.push(format!("contract/{}: {:?}", p.id(), r.reading_changed));
        }
    }
    assert!(pages > 100, "{pages} pages");
    assert!(failures.is_empty(), "{} of {pages} pages read otherwise once anonymised:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_reading_has_the_shape_of_a_fixtures_expected_json() {
    // What a report records is compared with pages as tests/fixture_pages.rs compares them:
    // on every fixture, the recorded reading of the real page is its .expected.json.
    for f in fixture_kit::all_fixtures() {
        let html = fixture_kit::render(&f.template, today()).unwrap();
        let snap = snapshot(&html, f.url());
        let plan = guard_core::page_guard::plan_page(&snap, &Settings::default(), today().and_hms_opt(12, 0, 0).unwrap());
        let got = guard_core::page_report::outcome(&snap, &plan);
        let expected: Value = serde_json::from_str(&fixture_kit::render(f.expected_template.as_deref().unwrap(), today()).unwrap()).unwrap();
        for (key, want) in expected.as_object().unwrap() {
            assert_eq!(&got[key], want, "{}: {key}", f.name);
        }
    }
}

/// The personal page, its list of what must go and what must stay.
fn personal_page() -> (String, String, Value) {
    let dir = fixture_kit::fixtures_dir().join("report");
    let template = std::fs::read_to_string(dir.join("personal-detail-en.html")).unwrap();
    let meta_start = template.find("<!-- report page").unwrap() + "<!-- report page".len();
    let meta: Value = serde_json::from_str(&template[meta_start..template[meta_start..].find("-->").unwrap() + meta_start]).unwrap();
    let lists: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("personal-detail-en.json")).unwrap()).unwrap();
    (fixture_kit::render(&template, today()).unwrap(), meta["url"].as_str().unwrap().to_string(), lists)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

/// Tag and class of every element, in order: the page's shape.
fn skeleton(s: &Snapshot) -> Vec<(String, String)> {
    s.nodes
        .iter()
        .filter_map(|n| match &n.2 {
            Payload::Attrs(a) => Some((n.1.clone(), a.chunks_exact(2).find(|kv| kv[0] == "class").map(|kv| kv[1].clone()).unwrap_or_default())),
            Payload::Text(_) => None,
        })
        .collect()
}

#[test]
fn a_page_full_of_personal_data_keeps_none_of_it() {
    let (html, url, lists) = personal_page();
    for seed in [1, 2, 3, 0xdead_beef] {
        let r = report(&html, &url, seed);
        let file = serde_json::to_string(&r).unwrap();
        let bare: String = file.chars().filter(|c| !c.is_whitespace()).collect();
        let digits: String = file.chars().filter(char::is_ascii_digit).collect();
        for s in strings(&lists["personal"]) {
            assert!(!file.contains(&s), "{s:?} survived");
            let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(!bare.contains(&squeezed), "{squeezed:?} survived without its spaces");
            let d: String = s.chars().filter(char::is_ascii_digit).collect();
            if d.len() >= 7 {
                assert!(!digits.contains(&d), "the digits of {s:?} survived");
            }
        }
        for s in strings(&lists["personal_in_context"]) {
            assert!(!file.contains(&s), "{s:?} survived");
        }
        let texts: Vec<&str> = r.snapshot.nodes.iter().filter_map(|n| if let Payload::Text(t) = &n.2 { Some(t.as_str()) } else { None }).collect();
        for s in strings(&lists["site"]) {
            assert!(texts.iter().any(|t| t.contains(&s)), "the site's {s:?} was not kept");
            assert!(r.kept.iter().any(|k| k.contains(&s)), "{s:?} not in the preview");
        }
        // The dates, as written.
        for (n, _) in [(-24, "placed"), (-20, "shipped"), (5, "eta"), (25, "protection")] {
            let d = fixture_kit::format_date(today() + chrono::Duration::days(n), "en").unwrap();
            assert!(texts.iter().any(|t| t.contains(&d)), "date {d} kept");
        }
        // The price drawn one character per element has other digits.
        let wrap = r.snapshot.nodes.iter().position(|n| matches!(&n.2, Payload::Attrs(a) if a.iter().any(|x| x == "es--wrap--2p8eS4Q"))).unwrap();
        let drawn: String =
            r.snapshot.nodes.iter().skip(wrap).take(17).filter_map(|n| if let Payload::Text(t) = &n.2 { Some(t.as_str()) } else { None }).collect();
        // (The snapshot trims each piece: " $" is "$".)
        assert!(drawn.starts_with("US$") && drawn != "US$19.87" && drawn.len() == "US$19.87".len(), "{drawn}");
        assert_eq!(skeleton(&r.snapshot), skeleton(&snapshot(&html, &url)), "the page's shape");
        assert!(r.reading_changed.is_empty(), "{:?}", r.reading_changed);
        let o = &r.reading["orders"][0];
        assert_eq!((o["status"].as_str(), o["status_text"].as_str()), (Some("shipped"), Some("Awaiting delivery")));
        assert_eq!(o["shipped"], Value::from((today() - chrono::Duration::days(20)).to_string()));
        assert_eq!(r.reading["dg"][o["id"].as_str().unwrap()]["data-dg-dispute"], "open");
        let c = &r.replaced;
        assert!(c.contact >= 6 && c.numbers >= 4 && c.prices >= 3 && c.titles >= 3 && c.images == 2, "{c:?}");
    }
}

/// Personal strings of every shape, in several scripts.
fn personal_string() -> impl Strategy<Value = String> {
    // Words of six letters and more: a shorter one may come up in random filler by chance.
    let name = "[A-Z][a-z]{5,9} [A-Z][a-z]{5,11}";
    let cyr = "[А-Я][а-я]{5,9} [А-Я][а-я]{5,9}";
    let han = "[\u{4e00}-\u{9fa5}]{3,5}";
    let email = "[a-z]{3,8}\\.[a-z]{3,8}@[a-z]{4,9}\\.(com|fr|ru|de)";
    let phone = "\\+[1-9][0-9] [1-9][0-9]{2} [0-9]{3}-[0-9]{2}-[0-9]{2}";
    let id = "8[0-9]{15}";
    let card = "4[0-9]{3} [0-9]{4} [0-9]{4} [0-9]{4}";
    let iban = "(FR|DE|ES)[0-9]{2} [0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}";
    let track = "(LP|RB|UH)[0-9]{12}(CN)?";
    let street = "[1-9][0-9] [A-Z][a-z]{5,9} (Street|Road|Allee)";
    prop_oneof![name, cyr, han, email, phone, id, card, iban, track, street]
}

/// Where a planted string goes in the personal page: (node index among the text nodes, or an
/// attribute on an element, how).
#[derive(Debug, Clone)]
enum Spot {
    /// Appended to a text node.
    Text(usize),
    /// As a whole text node of its own in a new span after an element.
    Span(usize),
    /// As the value of an attribute of an element.
    Attr(usize, &'static str),
}

fn spot() -> impl Strategy<Value = Spot> {
    prop_oneof![
        (0usize..200).prop_map(Spot::Text),
        (0usize..200).prop_map(Spot::Span),
        (0usize..200, prop::sample::select(vec!["title", "data-x", "aria-label", "href", "value", "class"])).prop_map(|(i, a)| Spot::Attr(i, a)),
    ]
}

fn plant(snap: &mut Snapshot, secret: &str, spot: &Spot) {
    let n = snap.nodes.len();
    match spot {
        Spot::Text(i) => {
            let texts: Vec<usize> = (0..n).filter(|&k| matches!(snap.nodes[k].2, Payload::Text(_))).collect();
            let k = texts[i % texts.len()];
            if let Payload::Text(t) = &mut snap.nodes[k].2 {
                t.push(' ');
                t.push_str(secret);
            }
        }
        Spot::Span(i) => {
            let elems: Vec<usize> = (0..n).filter(|&k| matches!(snap.nodes[k].2, Payload::Attrs(_))).collect();
            let p = elems[i % elems.len()] as i64;
            snap.nodes.push(guard_core::wire::snapshot::RawNode(p, "span".into(), Payload::Attrs(vec![])));
            snap.nodes.push(guard_core::wire::snapshot::RawNode(n as i64, "#".into(), Payload::Text(secret.to_string())));
        }
        Spot::Attr(i, name) => {
            let elems: Vec<usize> = (0..n).filter(|&k| matches!(snap.nodes[k].2, Payload::Attrs(_))).collect();
            let k = elems[i % elems.len()];
            if let Payload::Attrs(a) = &mut snap.nodes[k].2 {
                let value = if *name == "href" { format!("https://www.aliexpress.com/p/x.html?who={}", secret.replace(' ', "+")) } else { secret.to_string() };
                a.push(name.to_string());
                a.push(value);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fixture_kit::fuzz_cases(64)))]

    #[test]
    fn planted_personal_strings_never_survive(secrets in prop::collection::vec((personal_string(), spot()), 1..6), seed in any::<u64>()) {
        let (html, url, _) = personal_page();
        let mut snap = snapshot(&html, &url);
        for (s, at) in &secrets {
            plant(&mut snap, s, at);
        }
        let r = make_report(&snap, &Settings::default(), now(), seed);
        let file = serde_json::to_string(&r).unwrap();
        let bare: String = file.chars().filter(|c| !c.is_whitespace() && *c != '+').collect();
        for (s, _) in &secrets {
            for word in s.split(' ').filter(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic)) {
                prop_assert!(!file.contains(word), "{:?} of {:?} survived", word, s);
            }
            let squeezed: String = s.chars().filter(|c| !c.is_whitespace() && *c != '+').collect();
            prop_assert!(!bare.contains(&squeezed), "{:?} survived", s);
        }
    }
}
