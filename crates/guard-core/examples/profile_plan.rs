//! Where the core's time goes on a big page: `cargo run --release -p guard-core --example
//! profile_plan -- page.html [url]` prints the time to parse the snapshot and to plan it
//! (`SNAPSHOT_OUT=file` also writes the snapshot, for `tools/time_wasm.mjs`).
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let html = std::fs::read_to_string(args.get(1).expect("an HTML file")).expect("readable HTML");
    let url = args.get(2).map(String::as_str).unwrap_or("https://www.aliexpress.com/p/order/index.html");
    let json = fixture_kit::snapshot_html(&html, url).to_string();
    // SNAPSHOT_OUT=file: the snapshot written out too (to time the wasm on the same input).
    if let Ok(out) = std::env::var("SNAPSHOT_OUT") {
        std::fs::write(out, &json).expect("writable SNAPSHOT_OUT");
    }
    let now = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
    let settings = guard_core::rules::settings::Settings::default();
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(20);
    let (mut parse, mut plan, mut out) = (0.0, 0.0, 0.0);
    for _ in 0..runs {
        let t = Instant::now();
        let snap = guard_core::wire::snapshot::Snapshot::from_json(&json).unwrap();
        parse += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let p = guard_core::page_guard::plan_page(&snap, &settings, now);
        plan += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let s = serde_json::to_string(&p).unwrap();
        out += t.elapsed().as_secs_f64();
        std::hint::black_box(s);
    }
    let ms = |x: f64| x * 1000.0 / runs as f64;
    println!("{} bytes of snapshot; parse {:.2} ms, plan {:.2} ms, plan to JSON {:.2} ms", json.len(), ms(parse), ms(plan), ms(out));
}
