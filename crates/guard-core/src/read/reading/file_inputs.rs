//! The dispute and return forms (`PageKind::DisputeStart`, `DisputeDetail`, every layout): their
//! file inputs with what the page says beside them, and the fields the dispute assistant helps
//! with (description, refund amount, the choice of problem), plus "system busy" messages.
//!
//! SOURCES.md gives no DOM of these forms, so nothing here relies on the site's class names:
//! inputs are found by type, their upload area by structure (the largest container around the
//! input that holds no other form field and little text), labels by the words in
//! `dispute_form::words`. The one structural hook: the site header's search by image (a file
//! input on every page) is not evidence; it sits in `header`/`nav` or a container whose class or
//! id names "search" (team).

use super::{FileInput, PageReading, ReadContext};
use crate::read::form_words as words;
use crate::read::locales::{self, Field};
use crate::read::page_kind::{query_param, split_url, PageKind};
use crate::wire::forms::{Problem, ProblemChoice};
use crate::wire::order::is_order_id;
use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::NodeId;
use std::collections::HashMap;

/// Inputs beyond this many are not read: a hostile page could hold thousands.
const MAX_FILE_INPUTS: usize = 40;
/// The upload area stops growing at a container with more text than this.
const MAX_AREA_CHARS: usize = 600;
/// …or this many levels above the input.
const MAX_CLIMB: usize = 6;
/// A label's container for the amount field: small.
const MAX_LABEL_CHARS: usize = 200;

/// The form around the inputs, as far as the assistant needs it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DisputeFormReading {
    /// The description textarea.
    pub description: Option<NodeId>,
    /// The refund amount field.
    pub amount: Option<NodeId>,
    /// The text beside the amount field that states what was paid or the most that can be
    /// refunded ("max US $7.98"), or the field's `max` attribute.
    pub paid: Option<String>,
    /// Radio buttons and options that name a problem.
    pub choices: Vec<ProblemChoice>,
    /// The problem checked on the page when it was read.
    pub chosen: Option<Problem>,
    /// From the URL (`orderId=`) or an "Order ID" line.
    pub order_id: Option<String>,
    /// Elements saying "system busy, try again later".
    pub busy: Vec<NodeId>,
}

impl DisputeFormReading {
    fn is_empty(&self) -> bool {
        self.description.is_none() && self.amount.is_none() && self.choices.is_empty() && self.busy.is_empty()
    }
}

fn not_evidence(tree: &PageTree<'_>, n: NodeId) -> bool {
    tree.ancestors_or_self(n).any(|a| {
        matches!(tree.tag(a), "header" | "nav") || ["class", "id"].iter().any(|k| tree.attr(a, k).is_some_and(|v| v.to_ascii_lowercase().contains("search")))
    })
}

fn input_type(tree: &PageTree<'_>, n: NodeId) -> String {
    tree.attr(n, "type").unwrap_or("text").trim().to_ascii_lowercase()
}

/// A form field other than `except` below `x`.
fn holds_other_field(tree: &PageTree<'_>, x: NodeId, except: NodeId) -> bool {
    tree.descendants(x).any(|d| {
        d != except
            && match tree.tag(d) {
                "input" => input_type(tree, d) != "hidden",
                "textarea" | "select" => true,
                _ => false,
            }
    })
}

/// The largest container around a field holding no other field and at most `max_chars` of
/// text; and, when the snapshot carries that container's surroundings as context only, the
/// ancestor to read whole.
fn field_area(tree: &PageTree<'_>, n: NodeId, max_chars: usize) -> (Option<NodeId>, Option<NodeId>) {
    let mut best = None;
    let mut up = tree.parent(n);
    for _ in 0..MAX_CLIMB {
        let Some(x) = up else { break };
        if matches!(tree.tag(x), "form" | "body" | "html") {
            // An input straight in a form that came as context only (a script filled the form
            // in): its hint is somewhere in the form, so ask for the form.
            if best.is_none() && tree.tag(x) == "form" && !tree.is_full(x) {
                return (None, Some(x));
            }
            break;
        }
        if !tree.is_full(x) {
            // Only the ancestors' attributes came: ask for the highest of them we would look at.
            let mut top = x;
            let mut k = tree.parent(x);
            for _ in 0..MAX_CLIMB {
                match k {
                    Some(p) if !matches!(tree.tag(p), "form" | "body" | "html") => {
                        top = p;
                        k = tree.parent(p);
                    }
                    _ => break,
                }
            }
            return (best, Some(top));
        }
        if holds_other_field(tree, x, n) || tree.text(x).chars().count() > max_chars {
            break;
        }
        best = Some(x);
        up = tree.parent(x);
    }
    (best, None)
}

/// The elements after `n` among its parent's children.
fn next_elements<'t>(tree: &'t PageTree<'_>, n: NodeId) -> impl Iterator<Item = NodeId> + 't {
    let kids = tree.parent(n).map(|p| tree.children(p)).unwrap_or_default();
    let at = kids.iter().position(|&k| k == n).map_or(kids.len(), |i| i + 1);
    kids[at..].iter().copied().filter(move |&k| !tree.is_text(k))
}

fn own_words(tree: &PageTree<'_>, n: NodeId) -> String {
    ["title", "aria-label", "placeholder", "name", "id"].iter().filter_map(|k| tree.attr(n, k)).collect::<Vec<_>>().join(" ")
}

fn ids<'t>(tree: &'t PageTree<'_>) -> HashMap<&'t str, NodeId> {
    let mut m = HashMap::new();
    for r in tree.roots() {
        for n in std::iter::once(r).chain(tree.descendants(r)) {
            if let Some(id) = tree.attr(n, "id") {
                m.entry(id).or_insert(n);
            }
        }
    }
    m
}

fn labels_for<'t>(tree: &'t PageTree<'_>) -> HashMap<&'t str, NodeId> {
    let mut m = HashMap::new();
    for r in tree.roots() {
        for n in std::iter::once(r).chain(tree.descendants(r)) {
            if tree.tag(n) == "label" {
                if let Some(f) = tree.attr(n, "for") {
                    m.entry(f).or_insert(n);
                }
            }
        }
    }
    m
}

/// The label of a radio button: its `label` ancestor, the `label[for]` naming it, or the text
/// of its parent when the parent holds nothing else to choose.
fn radio_label(tree: &PageTree<'_>, n: NodeId, labels: &HashMap<&str, NodeId>) -> String {
    if let Some(l) = tree.closest(n, |a| tree.tag(a) == "label") {
        return tree.text(l);
    }
    if let Some(l) = tree.attr(n, "id").and_then(|id| labels.get(id)) {
        return tree.text(*l);
    }
    match tree.parent(n) {
        Some(p) if !holds_other_field(tree, p, n) => tree.text(p),
        _ => String::new(),
    }
}

fn read_file_input(tree: &PageTree<'_>, n: NodeId, by_id: &HashMap<&str, NodeId>, labels: &HashMap<&str, NodeId>) -> FileInput {
    let (area, reread) = field_area(tree, n, MAX_AREA_CHARS);
    let mut hint = match area.or_else(|| tree.parent(n).filter(|p| tree.is_full(*p))) {
        Some(a) => tree.text(a),
        None => String::new(),
    };
    // A hint written just after the upload control, outside it ("<label>+<input></label>
    // <div>Up to 3 images · max 2 MB each</div>"): the next element or two, when they hold no
    // other field.
    // (Past the other upload lines of a row of them: one sentence under three single-file
    // inputs speaks for all three; blind round twenty-six.)
    if let Some(top) = area.or_else(|| tree.parent(n)) {
        let upload_line = |x: NodeId| {
            let files = |d: NodeId| tree.tag(d) == "input" && input_type(tree, d) == "file";
            let fields = std::iter::once(x)
                .chain(tree.descendants(x))
                .filter(|&d| matches!(tree.tag(d), "input" | "textarea" | "select") && input_type(tree, d) != "hidden");
            let mut any = false;
            for d in fields {
                if !files(d) {
                    return false;
                }
                any = true;
            }
            // (A line with words of its own, its numbers a hint's, is another input's area.)
            let t = tree.text(x);
            any && t.chars().count() <= 60 && !t.chars().any(|c| c.is_ascii_digit())
        };
        let mut read = 0;
        for sib in next_elements(tree, top).take(8) {
            // (Only before its own hint: an upload line after it starts the next input's.)
            if upload_line(sib) {
                if read > 0 {
                    break;
                }
                continue;
            }
            let field = matches!(tree.tag(sib), "input" | "textarea" | "select" | "button" | "form");
            if read == 2 || field || holds_other_field(tree, sib, n) || tree.text(sib).chars().count() > 200 {
                break;
            }
            hint.push_str(" . ");
            hint.push_str(&tree.text(sib));
            read += 1;
        }
    }
    // The input's own tooltip, and its label's (the button-like `label[for]` a hidden input
    // is opened by: title="Jusqu’à 5 images, 1 Mo maximum chacune").
    let label = tree.attr(n, "id").and_then(|id| labels.get(id)).copied().or_else(|| tree.closest(n, |a| tree.tag(a) == "label"));
    for (x, k) in [(Some(n), "title"), (Some(n), "aria-label"), (Some(n), "placeholder"), (label, "title"), (label, "aria-label")] {
        if let Some(v) = x.and_then(|x| tree.attr(x, k)) {
            hint.push_str(" . ");
            hint.push_str(v);
        }
    }
    // The tooltips inside its upload area ("Zdjęcia <i title='Maksymalnie 5 plików…'>?</i>"),
    // each once.
    if let Some(a) = area {
        let mut seen: Vec<&str> = Vec::new();
        for x in tree.descendants(a).take(200).filter(|&x| x != n && Some(x) != label) {
            for v in ["title", "aria-label"].iter().filter_map(|k| tree.attr(x, k)) {
                if seen.len() < 10 && !seen.contains(&v) && v.chars().any(|c| c.is_ascii_digit()) {
                    seen.push(v);
                    hint.push_str(" . ");
                    hint.push_str(v);
                }
            }
        }
    }
    if let Some(described) = tree.attr(n, "aria-describedby") {
        for id in described.split_ascii_whitespace() {
            if let Some(d) = by_id.get(id).filter(|d| area.is_none_or(|a| !tree.ancestors_or_self(**d).any(|x| x == a))) {
                hint.push_str(" . ");
                hint.push_str(&tree.text(*d));
            }
        }
    }
    let hint = crate::wire::text::collapse_ws(&hint);
    let accept = tree.attr(n, "accept").map(str::to_string);
    let multiple = tree.attr(n, "multiple").is_some();
    let place = place_of(tree.attr(n, "name").or_else(|| tree.attr(n, "id")), accept.as_deref(), multiple, &hint);
    FileInput { node: n, accept, multiple, hint, zone: area, reread, place }
}

/// The input's place on the form, from what a re-render keeps: its name (or id), what it
/// takes, whether it takes several files, and the text of its upload area (hashed: FNV-1a, to
/// keep the plan small). Two inputs of one form differ in at least one of these in practice;
/// where they do not, the content script finds the place ambiguous and does not use it.
fn place_of(name: Option<&str>, accept: Option<&str>, multiple: bool, hint: &str) -> String {
    let hash = hint.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193));
    format!("{}|{}|{}|{hash:08x}", name.unwrap_or(""), accept.unwrap_or(""), u8::from(multiple))
}

fn order_id_from_url(url: &str) -> Option<String> {
    let u = split_url(url)?;
    ["orderId", "orderid", "tradeOrderId"].iter().find_map(|k| query_param(u.query, k)).filter(|id| is_order_id(id)).map(str::to_string)
}

pub fn read(tree: &PageTree<'_>, cx: &ReadContext, reading: &mut PageReading) {
    if !matches!(cx.kind, PageKind::DisputeStart | PageKind::DisputeDetail) {
        return;
    }
    let by_id = ids(tree);
    let labels = labels_for(tree);
    let mut form = DisputeFormReading { order_id: order_id_from_url(&tree.snapshot().url), ..Default::default() };
    let nodes: Vec<NodeId> = tree.roots().into_iter().flat_map(|r| std::iter::once(r).chain(tree.descendants(r))).collect();
    for n in nodes {
        if tree.is_text(n) {
            let text = tree.own_text(n);
            if words::is_busy(text) {
                if let Some(p) = tree.parent(n).filter(|p| !form.busy.contains(p)) {
                    form.busy.push(p);
                }
            }
            if form.order_id.is_none() && matches!(locales::field_line(text), Some((Field::OrderId, _, _))) {
                // "Order ID: 8100…" in one node, or the label and the number in two cells of a row.
                form.order_id = tree.ancestors_or_self(n).take(4).find_map(|a| match locales::field_line(&tree.text(a)) {
                    Some((Field::OrderId, _, rest)) => rest.split_whitespace().next().filter(|id| is_order_id(id)).map(str::to_string),
                    _ => None,
                });
            }
            continue;
        }
        let role = tree.attr(n, "role").unwrap_or("");
        match tree.tag(n) {
            "input" if not_evidence(tree, n) => {}
            "input" => match input_type(tree, n).as_str() {
                "file" if reading.file_inputs.len() < MAX_FILE_INPUTS => reading.file_inputs.push(read_file_input(tree, n, &by_id, &labels)),
                "radio" => {
                    let label = radio_label(tree, n, &labels);
                    let problem = words::problem_in(&label).or_else(|| {
                        let asked = tree.ancestors_or_self(n).skip(1).take(5).any(|a| words::asks_if_received(&tree.text(a)));
                        (words::is_no(&label) && asked).then_some(Problem::NotReceived)
                    });
                    if let Some(problem) = problem {
                        form.choices.push(ProblemChoice { node: n, problem });
                        if tree.attr(n, "checked").is_some() {
                            form.chosen = Some(problem);
                        }
                    }
                }
                "text" | "number" | "tel" | "" if form.amount.is_none() => {
                    let (area, _) = field_area(tree, n, MAX_LABEL_CHARS);
                    let around = area.map(|a| tree.text(a)).unwrap_or_default();
                    if words::is_amount_label(&own_words(tree, n)) || words::is_amount_label(&around) {
                        form.amount = Some(n);
                        form.paid = tree
                            .attr(n, "max")
                            .filter(|m| crate::read::money::parse_amount(m).is_ok())
                            .map(str::to_string)
                            .or_else(|| crate::read::money::money_in(&around).map(|_| around.clone()));
                    }
                }
                _ => {}
            },
            "textarea" if form.description.is_none() && !not_evidence(tree, n) => form.description = Some(n),
            "option" => {
                if let Some(problem) = words::problem_in(&tree.text(n)) {
                    form.choices.push(ProblemChoice { node: n, problem });
                    if tree.attr(n, "selected").is_some() {
                        form.chosen = Some(problem);
                    }
                }
            }
            _ if role == "radio" || role == "option" => {
                if let Some(problem) = words::problem_in(&tree.text(n)) {
                    form.choices.push(ProblemChoice { node: n, problem });
                    if tree.attr(n, "aria-checked") == Some("true") || tree.attr(n, "aria-selected") == Some("true") {
                        form.chosen = Some(problem);
                    }
                }
            }
            _ => {}
        }
    }
    if !form.is_empty() || !reading.file_inputs.is_empty() {
        reading.dispute_form = Some(form);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::snapshot::Snapshot;

    fn read_html(url: &str, nodes: &str) -> PageReading {
        read_json(&format!(r#"{{"v":1,"url":"{url}","nodes":[{nodes}]}}"#))
    }

    /// A partial snapshot of the start page: only `roots` came in full.
    fn read_partial(roots: &str, nodes: &str) -> PageReading {
        read_json(&format!(r#"{{"v":1,"url":"https://www.aliexpress.com/p/reverse-pages/start.html","roots":[{roots}],"nodes":[{nodes}]}}"#))
    }

    fn read_json(json: &str) -> PageReading {
        let snap = Snapshot::from_json(json).unwrap();
        let tree = PageTree::new(&snap);
        let (kind, layout) = crate::read::page_kind::classify(&snap.url);
        let cx = ReadContext { kind, layout, lang: None, now: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(12, 0, 0).unwrap() };
        super::super::read_page(&tree, &cx)
    }

    const START: &str = "https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8100000000007919";

    #[test]
    fn the_tooltip_of_the_label_that_opens_a_hidden_input_is_its_hint() {
        // (Blind contract page dispute-legacy-fr-picks-title-attribute.)
        let r = read_html(
            START,
            r##"[-1,"body",[]],[0,"form",[]],[1,"div",["class","form-row"]],
            [2,"label",["class","ui-button","for","att","title","Jusqu’à 5 images, 1 Mo maximum chacune"]],[3,"#","Joindre des photos"],
            [2,"input",["type","file","id","att","multiple",""]]"##,
        );
        assert!(r.file_inputs[0].hint.contains("Jusqu’à 5 images, 1 Mo maximum chacune"), "{}", r.file_inputs[0].hint);
    }

    #[test]
    fn one_sentence_under_a_row_of_single_file_inputs_speaks_for_each() {
        // (Blind contract page dispute-legacy-pl-three-single-inputs.)
        let r = read_html(
            START,
            r##"[-1,"body",[]],[0,"form",[]],[1,"td",[]],
            [2,"div",["class","upload-line"]],[3,"input",["type","file","name","f1"]],
            [2,"div",["class","upload-line"]],[5,"input",["type","file","name","f2"]],
            [2,"div",["class","upload-line"]],[7,"input",["type","file","name","f3"]],
            [2,"p",["class","ui-tip"]],[9,"#","Maksymalnie 3 zdjęcia (JPG, PNG lub GIF), każde nie większe niż 2 MB."]"##,
        );
        assert_eq!(r.file_inputs.len(), 3);
        for f in &r.file_inputs {
            assert!(f.hint.contains("nie większe niż 2 MB"), "{}", f.hint);
        }
    }

    #[test]
    fn the_tooltips_in_its_upload_area_are_its_hint() {
        // (Blind contract page dispute-legacy-pl-picks-limits-in-tooltip-and-counter.)
        let r = read_html(
            START,
            r##"[-1,"body",[]],[0,"form",[]],[1,"table",[]],
            [2,"tr",[]],[3,"th",[]],[4,"#","Opis"],[3,"td",[]],[6,"textarea",["name","d"]],
            [2,"tr",[]],[8,"th",[]],[9,"#","Zdjęcia"],[9,"i",["class","ui-help","title","Maksymalnie 5 plików, do 2 MB."]],[11,"#","?"],
            [8,"td",[]],[13,"input",["type","file","id","img","multiple",""]]"##,
        );
        assert!(r.file_inputs[0].hint.contains("Maksymalnie 5 plików, do 2 MB."), "{}", r.file_inputs[0].hint);
    }

    #[test]
    fn finds_the_evidence_input_its_area_and_hint_but_not_the_image_search() {
        let r = read_html(
            START,
            r##"[-1,"body",[]],
            [0,"header",["class","site-header"]],[1,"input",["type","file","accept","image/*"]],
            [0,"form",[]],
            [3,"div",["class","field"]],[4,"label",[]],[5,"#","Describe the problem"],[4,"textarea",["name","desc"]],
            [3,"div",["class","field"]],[8,"div",["class","up"]],[9,"input",["type","file","multiple","","accept","image/jpeg,image/png"]],
            [9,"span",[]],[11,"#","Drag files here"],[8,"p",[]],[13,"#","Up to 3 photos, max 5 MB each"]"##,
        );
        assert_eq!(r.file_inputs.len(), 1);
        let f = &r.file_inputs[0];
        assert_eq!((f.node, f.multiple, f.accept.as_deref(), f.zone, f.reread), (10, true, Some("image/jpeg,image/png"), Some(8), None));
        assert_eq!(f.hint, "Drag files here Up to 3 photos, max 5 MB each");
        let form = r.dispute_form.unwrap();
        assert_eq!((form.description, form.order_id.as_deref()), (Some(7), Some("8100000000007919")));
    }

    #[test]
    fn problem_choices_amount_and_busy() {
        let r = read_html(
            START,
            r##"[-1,"body",[]],[0,"form",[]],
            [1,"div",[]],[2,"#","Have you received your package?"],
            [2,"label",[]],[4,"input",["type","radio","name","rcv","value","1"]],[4,"#","Yes"],
            [2,"label",[]],[7,"input",["type","radio","name","rcv","value","0","checked",""]],[7,"#","No"],
            [1,"div",[]],[10,"input",["type","radio","id","r1","name","why"]],[10,"label",["for","r1"]],[12,"#","Item damaged"],
            [1,"div",[]],[14,"label",[]],[15,"#","Refund amount"],[14,"input",["type","text","name","x"]],[14,"span",[]],[18,"#","max US $7.98"],
            [1,"div",["class","toast"]],[20,"#","System busy, please try again later"]"##,
        );
        let form = r.dispute_form.unwrap();
        assert_eq!(form.choices, vec![ProblemChoice { node: 8, problem: Problem::NotReceived }, ProblemChoice { node: 11, problem: Problem::Damaged }]);
        assert_eq!(form.chosen, Some(Problem::NotReceived));
        assert_eq!((form.amount, form.paid.as_deref()), (Some(17), Some("Refund amount max US $7.98")));
        assert_eq!(form.busy, vec![20]);
    }

    #[test]
    fn a_re_rendered_input_asks_for_its_surroundings() {
        // Partial snapshot: only the new input's wrapper came in full.
        let r = read_partial("3", r##"[-1,"body",[]],[0,"form",[]],[1,"div",["class","field"]],[2,"div",["class","up"]],[3,"input",["type","file"]]"##);
        assert_eq!(r.file_inputs[0].reread, Some(2));
    }

    #[test]
    fn an_input_added_straight_into_a_form_asks_for_the_form() {
        // A script filled the form in: the input and the hint after it came as roots of their
        // own, the form as context only.
        let r = read_partial("2,3", r##"[-1,"body",[]],[0,"form",[]],[1,"input",["type","file"]],[1,"div",["class","tip"]],[3,"#","Up to 3 files"]"##);
        assert_eq!(r.file_inputs[0].reread, Some(1));
    }

    #[test]
    fn a_re_rendered_input_has_the_same_place_and_its_neighbour_another() {
        let page = |first_id: &str| {
            read_html(
                START,
                &format!(
                    r##"[-1,"body",[]],[0,"form",[]],
                    [1,"div",[]],[2,"input",["type","file","id","{first_id}","name","photos","multiple","","accept","image/*"]],[2,"p",[]],[4,"#","Up to 3 photos"],
                    [1,"div",[]],[6,"input",["type","file","name","video","accept","video/mp4"]],[6,"p",[]],[8,"#","1 video, 50 MB"]"##
                ),
            )
        };
        let (a, b) = (page("upload-1"), page("upload-7"));
        assert_eq!(a.file_inputs.len(), 2);
        // A new element with a new generated id, same name, same area: the same place.
        assert_eq!(a.file_inputs[0].place, b.file_inputs[0].place);
        assert_ne!(a.file_inputs[0].place, a.file_inputs[1].place);
        assert!(a.file_inputs[0].place.starts_with("photos|image/*|1|"));
    }

    #[test]
    fn other_pages_have_no_evidence_inputs() {
        let r = read_html("https://www.aliexpress.com/item/1.html", r##"[-1,"body",[]],[0,"input",["type","file"]]"##);
        assert!(r.file_inputs.is_empty() && r.dispute_form.is_none());
    }
}
