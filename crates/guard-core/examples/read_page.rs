//! What the core reads from a page: `cargo run -p guard-core --example read_page -- page.html url`
//! prints the orders, the notes and the plan's marks, guards and highlights. Fixture templates
//! (`{{date …}}`) are filled in for today. For looking into a page that reads wrongly.
use guard_core::wire::page_plan::Op;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let template = std::fs::read_to_string(args.get(1).expect("an HTML file")).expect("readable HTML");
    let url = args.get(2).map(String::as_str).unwrap_or("https://www.aliexpress.com/p/order/index.html");
    let today = chrono::Local::now().date_naive();
    let html = fixture_kit::render(&template, today).unwrap_or(template);
    let snap = guard_core::wire::snapshot::Snapshot::from_json(&fixture_kit::snapshot_html(&html, url).to_string()).expect("snapshot");
    let tree = guard_core::wire::page_tree::PageTree::new(&snap);
    let plan = guard_core::page_guard::plan_page(&snap, &guard_core::rules::settings::Settings::default(), today.and_hms_opt(12, 0, 0).unwrap());
    println!("context: {}", serde_json::to_string(&plan.ctx).unwrap());
    for o in &plan.orders {
        println!("order: {}", serde_json::to_string(o).unwrap());
    }
    for op in &plan.ops {
        match op {
            Op::Mark { node, attrs } => println!("mark <{}> {:?}: {}", tree.tag(*node), clip(&tree.text(*node)), serde_json::to_string(attrs).unwrap()),
            Op::Guard { node, guard } => println!("guard <{}> {:?}: {}", tree.tag(*node), clip(&tree.text(*node)), guard.kind),
            // (A file input the page asks to watch, with the rules its picks are checked by.)
            other if format!("{other:?}").contains("Evidence") => println!("{}", serde_json::to_string(other).unwrap_or_default()),
            _ => {}
        }
    }
    println!("notes: {}", serde_json::to_string(&plan.notes).unwrap_or_default());
}

fn clip(t: &str) -> String {
    t.chars().take(50).collect()
}
