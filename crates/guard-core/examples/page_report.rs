//! The misread-page report of an HTML page, as the extension would save it (for trying the
//! anonymiser on a page, and for `./build.sh fixture-from` without a browser):
//! - `cargo run -p guard-core --example page_report -- PAGE.html URL [--texts]`: the report's
//!   JSON (`--texts`: each text of the page beside what the report made of it, instead);
//! - `… -- --every-page OUTDIR`: a report of every team fixture and contract page, one file each
//!   (tests/e2e/report.test.js turns them all back into fixtures).
//!
//! Pages may be fixture templates ({{date …}} placeholders are filled for today). The stand-ins'
//! seed is random, or `DG_REPORT_SEED`.

use guard_core::page_report::{make_report, Report};
use guard_core::wire::snapshot::{Payload, Snapshot};

fn report(template: &str, url: &str) -> (Snapshot, Report) {
    let today = chrono::Local::now().date_naive();
    let html = fixture_kit::render(template, today).expect("placeholders");
    let snap: Snapshot = serde_json::from_value(fixture_kit::snapshot_html(&html, url)).expect("a snapshot");
    let seed = std::env::var("DG_REPORT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1));
    let r = make_report(&snap, &Default::default(), chrono::Local::now().naive_local(), seed);
    (snap, r)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--every-page") {
        let out = std::path::PathBuf::from(args.get(2).expect("an output folder"));
        std::fs::create_dir_all(&out).unwrap();
        let mut pages: Vec<(String, String, String)> =
            fixture_kit::all_fixtures().into_iter().map(|f| (f.name.clone(), f.template.clone(), f.url().to_string())).collect();
        // Contract pages by name alone (unique across their kind folders): a file name has no folder.
        for p in fixture_kit::contract_pages() {
            let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p.json).unwrap()).unwrap();
            pages.push((format!("contract-{}", p.name), std::fs::read_to_string(&p.html).unwrap(), meta["url"].as_str().unwrap_or("").to_string()));
        }
        for (name, template, url) in pages {
            let (_, r) = report(&template, &url);
            std::fs::write(out.join(format!("{name}.json")), serde_json::to_string(&r).unwrap()).unwrap();
        }
        return;
    }
    let (Some(file), Some(url)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: page_report PAGE.html URL [--texts] | --every-page OUTDIR");
        std::process::exit(2);
    };
    let (snap, r) = report(&std::fs::read_to_string(file).expect("a readable page"), url);
    if args.iter().any(|a| a == "--texts") {
        for (real, anon) in snap.nodes.iter().zip(&r.snapshot.nodes) {
            if let (Payload::Text(a), Payload::Text(b)) = (&real.2, &anon.2) {
                println!("{a:?} → {b:?}");
            }
        }
        println!("reading changed: {:?}", r.reading_changed);
    } else {
        println!("{}", serde_json::to_string(&r).unwrap());
    }
}
