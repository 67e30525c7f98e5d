//! Every fixture and contract page's whole plan, one line each, for a fixed day:
//! `cargo run --release -p guard-core --example plan_digest > before.txt`, change the core, run it
//! again and `diff`: a change meant to make the core faster or smaller must leave every line as it
//! was (the page's ops, orders, notes and context, byte for byte).
fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let now = today.and_hms_opt(12, 0, 0).unwrap();
    let mut pages: Vec<(String, String, String)> = vec![];
    for f in fixture_kit::all_fixtures() {
        pages.push((format!("pages/{}", f.name), f.template.clone(), f.url().to_string()));
    }
    let root = fixture_kit::fixtures_dir();
    for dir in ["contract", "contract-pending"] {
        for p in fixture_kit::contract_pages_in(&root.join(dir)) {
            let spec: serde_json::Value = std::fs::read_to_string(&p.json).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
            let url = spec["url"].as_str().unwrap_or("https://www.aliexpress.com/p/order/index.html").to_string();
            pages.push((format!("{dir}/{}", p.id()), std::fs::read_to_string(&p.html).unwrap(), url));
        }
    }
    for (name, template, url) in pages {
        let Ok(html) = fixture_kit::render(&template, today) else {
            println!("{name}\tunrendered");
            continue;
        };
        let json = fixture_kit::snapshot_html(&html, &url).to_string();
        let plan = guard_core::api::analyse_remembering(&json, "{}", &now.format("%Y-%m-%dT%H:%M:%S").to_string(), "");
        let report = guard_core::api::page_report(&json, "{}", &now.format("%Y-%m-%dT%H:%M:%S").to_string(), "20261203");
        println!("{name}\t{plan:?}\t{report:?}");
    }
}
