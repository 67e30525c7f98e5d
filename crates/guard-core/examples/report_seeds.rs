//! How often an anonymised report reads otherwise than the page it came from, over many seeds:
//! `SEEDS=100 cargo run --release -p guard-core --example report_seeds` makes a report of every
//! contract page with seeds 0..SEEDS and prints the first few that read differently once
//! rebuilt, and the count (the test suite uses one fixed seed; the extension draws a new one
//! for every report).
fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let now = today.and_hms_opt(12, 0, 0).unwrap();
    let seeds: u64 = std::env::var("SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let (mut bad, mut total) = (0, 0);
    for p in fixture_kit::contract_pages() {
        let spec: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p.json).unwrap()).unwrap();
        let url = spec["url"].as_str().unwrap().to_string();
        let html = fixture_kit::render(&std::fs::read_to_string(&p.html).unwrap(), today).unwrap();
        let snap = guard_core::wire::snapshot::Snapshot::from_json(&fixture_kit::snapshot_html(&html, &url).to_string()).unwrap();
        for seed in 0..seeds {
            let r = guard_core::page_report::make_report(&snap, &guard_core::rules::settings::Settings::default(), now, seed);
            total += 1;
            if !r.reading_changed.is_empty() {
                bad += 1;
                if bad <= 12 {
                    println!("{} seed {seed}: {:?}", p.id(), r.reading_changed);
                }
            }
        }
    }
    println!("{bad} of {total} reports read differently once rebuilt");
}
