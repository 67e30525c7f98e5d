//! Prints the misread-page report of a page: `cargo run -p guard-core --example page_report_debug -- FILE.html URL`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let html = std::fs::read_to_string(&args[1]).unwrap();
    let html = fixture_kit::render(&html, chrono::Local::now().date_naive()).unwrap();
    let snap: guard_core::snapshot::Snapshot = serde_json::from_value(fixture_kit::snapshot_html(&html, &args[2])).unwrap();
    let now = chrono::Local::now().naive_local();
    let r = guard_core::page_report::make_report(&snap, &Default::default(), now, 5);
    for (i, n) in r.snapshot.nodes.iter().enumerate() {
        if let guard_core::snapshot::Payload::Text(t) = &n.2 {
            let orig = match &snap.nodes[i].2 { guard_core::snapshot::Payload::Text(t) => t.clone(), _ => String::new() };
            println!("{i:4} {orig:?} → {t:?}");
        }
    }
    println!("{}", serde_json::to_string_pretty(&r.reading_changed).unwrap());
    let plan = guard_core::planner::plan_page(&snap, &Default::default(), now.date().and_hms_opt(12, 0, 0).unwrap());
    let real = guard_core::page_report::outcome(&snap, &plan);
    println!("real evidence {}\nreport evidence {}", real["evidence"], r.reading["evidence"]);
}
