//! Controls found by their label, in any supported language: a button or link whose whole text
//! is a known control label.

use super::{Control, PageReading, ReadContext};
use crate::locales::{self, Term};
use crate::page_tree::PageTree;

const CLICKABLE: &[&str] = &["button", "a"];

pub fn read(tree: &PageTree<'_>, cx: &ReadContext, reading: &mut PageReading) {
    let order_of_root: std::collections::HashMap<usize, &str> =
        reading.orders.iter().map(|o| (o.root, o.order.id.as_str())).collect();
    let mut found = Vec::new();
    for root in tree.roots() {
        for n in std::iter::once(root).chain(tree.descendants(root)) {
            if !CLICKABLE.contains(&tree.tag(n)) && tree.attr(n, "role") != Some("button") {
                continue;
            }
            let label = tree.text(n);
            if label.is_empty() || label.len() > 80 {
                continue;
            }
            if let Some(Term::Control(kind)) = locales::term(&label, cx.lang) {
                let order_id = tree.ancestors_or_self(n).find_map(|a| order_of_root.get(&a)).map(|id| id.to_string());
                found.push(Control { node: n, kind, order_id, site_popup: false });
            }
        }
    }
    reading.controls.extend(found);
}
