//! The misread-page report of an HTML page, as the extension would save it (for trying the
//! anonymiser on a page, and for `./build.sh fixture-from` without a browser):
//! `cargo run -p guard-core --example page_report -- PAGE.html URL [--texts]`.
//! The page may be a fixture template ({{date …}} placeholders are filled for today).
//! `--texts` prints each text of the page beside what the report made of it instead.

use guard_core::snapshot::{Payload, Snapshot};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(url)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: page_report PAGE.html URL [--texts]");
        std::process::exit(2);
    };
    let today = chrono::Local::now().date_naive();
    let html = fixture_kit::render(&std::fs::read_to_string(file).expect("a readable page"), today).expect("placeholders");
    let snap: Snapshot = serde_json::from_value(fixture_kit::snapshot_html(&html, url)).expect("a snapshot");
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1);
    let report = guard_core::page_report::make_report(&snap, &Default::default(), chrono::Local::now().naive_local(), seed);
    if args.iter().any(|a| a == "--texts") {
        for (real, anon) in snap.nodes.iter().zip(&report.snapshot.nodes) {
            if let (Payload::Text(a), Payload::Text(b)) = (&real.2, &anon.2) {
                println!("{a:?} → {b:?}");
            }
        }
        println!("reading changed: {:?}", report.reading_changed);
    } else {
        println!("{}", serde_json::to_string(&report).unwrap());
    }
}
