//! Test support for the team's fixture pages.
//!
//! - `render` fills a fixture template's `{{…}}` placeholders with dates relative to a given day,
//!   so fixtures never rot. The formats are data (tests/fixtures/formats.json), shared with the
//!   JavaScript fixture server (tests/harness/templates.js).
//! - `snapshot_html` turns a page into the snapshot wire format exactly as the content script
//!   (extension/content/snapshot.js) turns the live DOM into it. An end-to-end test compares the
//!   two on every fixture.
//!
//! Placeholders:
//! - `{{date N FORMAT}}`: the day `N` days from today (N may be negative) in a format of
//!   formats.json;
//! - `{{ms D}}`: `D` days (decimals allowed) in milliseconds, for legacy `lefttime` countdowns;
//! - `{{orderid N}}`: a stable 16-digit order id, `N` in 1..=9999; `{{orderid N spaced}}` the same
//!   in groups of four digits ("8000 1000 0000 7919"), as some pages print it.

use chrono::{Datelike, Duration, NaiveDate};
use scraper::{Html, Node};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// tests/fixtures, or the folder `DG_FIXTURES_DIR` names (the end-to-end test of
/// `./build.sh fixture-from` checks the fixture it made there, away from the team's).
pub fn fixtures_dir() -> PathBuf {
    std::env::var_os("DG_FIXTURES_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("tests/fixtures"))
}

fn formats() -> &'static Value {
    static FORMATS: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    FORMATS.get_or_init(|| {
        let text = std::fs::read_to_string(fixtures_dir().join("formats.json")).expect("tests/fixtures/formats.json");
        serde_json::from_str(&text).expect("formats.json is JSON")
    })
}

/// A date in one of the fixture formats.
pub fn format_date(d: NaiveDate, format: &str) -> Result<String, String> {
    let f = formats().get(format).ok_or_else(|| format!("unknown date format {format:?}"))?;
    let pattern = f["pattern"].as_str().ok_or("format without pattern")?;
    let month_name = f["months"].get(d.month0() as usize).and_then(Value::as_str).unwrap_or("");
    Ok(pattern
        .replace("{YYYY}", &format!("{:04}", d.year()))
        .replace("{YY}", &format!("{:02}", d.year() % 100))
        .replace("{MM}", &format!("{:02}", d.month()))
        .replace("{M}", &d.month().to_string())
        .replace("{DD}", &format!("{:02}", d.day()))
        .replace("{D}", &d.day().to_string())
        .replace("{MON}", month_name)
        .replace("{TIME}", "10:51:32")
        .replace("{HM}", "10:23"))
}

/// A stable, plausible order id for fixtures.
pub fn order_id(n: u32) -> String {
    format!("8{:015}", 100_000_000_000 + n as u64 * 7_919)
}

/// Fills every placeholder; an unknown or malformed one is an error, so fixtures cannot go stale
/// silently.
pub fn render(template: &str, today: NaiveDate) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").ok_or("unclosed {{")? + start;
        let parts: Vec<&str> = rest[start + 2..end].split_whitespace().collect();
        let value = match parts.as_slice() {
            ["date", n, fmt] => {
                let n: i64 = n.parse().map_err(|_| format!("bad day offset {n:?}"))?;
                format_date(today + Duration::days(n), fmt)?
            }
            ["ms", d] => {
                let d: f64 = d.parse().map_err(|_| format!("bad day count {d:?}"))?;
                format!("{}", (d * 86_400_000.0).round() as i64)
            }
            ["orderid", n] => order_id(n.parse().map_err(|_| format!("bad order number {n:?}"))?),
            ["orderid", n, "spaced"] => spaced(&order_id(n.parse().map_err(|_| format!("bad order number {n:?}"))?)),
            other => return Err(format!("unknown placeholder {other:?}")),
        };
        out.push_str(&value);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Digits in groups of four, separated by a space.
fn spaced(id: &str) -> String {
    id.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect::<Vec<_>>().join(" ")
}

/// Elements whose subtrees the content script does not send: they hold no page text.
pub const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "link", "meta"];
/// Longest text node and attribute value sent, in UTF-16 units as JavaScript counts.
pub const MAX_TEXT: usize = 2000;
pub const MAX_ATTR: usize = 500;

fn js_truncate(s: &str, max: usize) -> String {
    let units: Vec<u16> = s.encode_utf16().take(max).collect();
    // A cut surrogate pair becomes U+FFFD, as `toWellFormed()` does in the content script.
    String::from_utf16_lossy(&units)
}

fn collapse(s: &str) -> String {
    guard_core::wire::snapshot::collapse_ws(s)
}

fn keep_attr(name: &str) -> bool {
    name != "style" && name != "srcset" && !name.starts_with("on")
}

/// The snapshot of a whole page, as the content script takes it on load.
pub fn snapshot_html(html: &str, url: &str) -> Value {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let lang = root.value().attr("lang").unwrap_or("").to_string();
    let title = doc
        .tree
        .nodes()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "title"))
        .map(|n| collapse(&n.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect::<String>()))
        .unwrap_or_default();
    let body = root.children().find(|n| matches!(n.value(), Node::Element(e) if e.name() == "body"));
    let mut nodes: Vec<Value> = Vec::new();
    if let Some(body) = body {
        walk(body, -1, &mut nodes);
    }
    json!({ "v": 1, "url": url, "lang": lang, "title": title, "roots": [], "nodes": nodes })
}

fn walk(node: ego_tree::NodeRef<'_, Node>, parent: i64, out: &mut Vec<Value>) {
    match node.value() {
        Node::Element(e) => {
            let name = e.name();
            // An icon that says something by its label: the element, not its drawing (as
            // extension/content/snapshot.js).
            let labelled_icon = name == "svg" && e.attr("aria-label").is_some();
            if (SKIPPED.contains(&name) && !labelled_icon) || e.attr("data-dg-ui").is_some() {
                return;
            }
            let mut attrs = Vec::new();
            for (k, v) in e.attrs() {
                if keep_attr(k) {
                    attrs.push(Value::from(k));
                    attrs.push(Value::from(js_truncate(v, MAX_ATTR)));
                }
            }
            let me = out.len() as i64;
            out.push(json!([parent, name, attrs]));
            if labelled_icon {
                return;
            }
            for c in node.children() {
                walk(c, me, out);
            }
        }
        Node::Text(t) => {
            let text = collapse(t);
            if !text.is_empty() {
                out.push(json!([parent, "#", js_truncate(&text, MAX_TEXT)]));
            }
        }
        _ => {}
    }
}

/// A fixture page: its template, its metadata and its expected reading.
pub struct Fixture {
    pub name: String,
    pub template: String,
    /// The JSON object in the page's first comment: `<!-- fixture {"url": …} -->`.
    pub meta: Value,
    pub expected_template: Option<String>,
}

impl Fixture {
    pub fn url(&self) -> &str {
        self.meta["url"].as_str().unwrap_or("")
    }
}

/// Every fixture page in tests/fixtures/pages, sorted by name.
pub fn all_fixtures() -> Vec<Fixture> {
    let dir = fixtures_dir().join("pages");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let template = std::fs::read_to_string(&p).unwrap();
            let meta = fixture_meta(&template).unwrap_or_else(|e| panic!("{name}: {e}"));
            let expected_template = std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).ok();
            Fixture { name, template, meta, expected_template }
        })
        .collect()
}

/// A contract page: `<kind>/<name>.html` with its expectations in `<name>.json`, under
/// tests/fixtures/contract (a folder per page kind: list, detail, dispute, tracking, other).
pub struct ContractPage {
    /// The folder under the contract pages' folder ("detail").
    pub kind: String,
    /// The file name without `.html`, unique among the contract pages.
    pub name: String,
    pub html: PathBuf,
    pub json: PathBuf,
}

impl ContractPage {
    /// "detail/detail-current-de-completed-recent": how tests name the page.
    pub fn id(&self) -> String {
        if self.kind.is_empty() {
            self.name.clone()
        } else {
            format!("{}/{}", self.kind, self.name)
        }
    }
}

/// Every contract page under tests/fixtures/contract, sorted by kind and name.
pub fn contract_pages() -> Vec<ContractPage> {
    contract_pages_in(&fixtures_dir().join("contract"))
}

/// Every contract page in the folders under `dir` (any depth), sorted by kind and name.
pub fn contract_pages_in(dir: &Path) -> Vec<ContractPage> {
    fn walk(dir: &Path, kind: &str, out: &mut Vec<ContractPage>) {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            let file = p.file_name().unwrap().to_string_lossy().to_string();
            if p.is_dir() {
                walk(&p, &if kind.is_empty() { file } else { format!("{kind}/{file}") }, out);
            } else if let Some(name) = file.strip_suffix(".html") {
                out.push(ContractPage { kind: kind.to_string(), name: name.to_string(), html: p.clone(), json: p.with_extension("json") });
            }
        }
    }
    let mut out = vec![];
    walk(dir, "", &mut out);
    out
}

pub fn fixture_meta(template: &str) -> Result<Value, String> {
    let start = template.find("<!-- fixture").ok_or("no <!-- fixture {…} --> comment")? + "<!-- fixture".len();
    let end = template[start..].find("-->").ok_or("unclosed fixture comment")? + start;
    serde_json::from_str(&template[start..end]).map_err(|e| format!("fixture comment is not JSON: {e}"))
}

/// How many cases a property test or fuzz loop runs: `default` in the everyday suite, or what
/// `DG_FUZZ_CASES` asks for (`./build.sh fuzz` runs long).
pub fn fuzz_cases(default: u32) -> u32 {
    std::env::var("DG_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_id_in_groups_of_four() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(render("{{orderid 1 spaced}}", today).unwrap(), "8000 1000 0000 7919");
        assert!(render("{{orderid 1 grouped}}", today).is_err());
    }

    #[test]
    fn renders_dates_in_every_format() {
        let today = NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
        let r = |t: &str| render(t, today).unwrap();
        assert_eq!(r("{{date 0 en}}"), "Mar 12, 2024");
        assert_eq!(r("{{date -7 fr}}"), "5 mars 2024");
        assert_eq!(r("{{date 0 ru_long}}"), "12 марта 2024 г.");
        assert_eq!(r("{{date 0 zh}}"), "2024年3月12日");
        assert_eq!(r("{{date 0 en_legacy}}"), "10:23 Mar. 12 2024");
        assert_eq!(r("{{ms 1.5}}"), "129600000");
        assert!(render("{{date x en}}", today).is_err());
        assert!(render("{{nope}}", today).is_err());
    }

    #[test]
    fn snapshot_skips_scripts_and_collapses_text() {
        let s = snapshot_html(
            "<html lang=en><title> T </title><body><div class='a' onclick='x()' style='c'> Hi\n there <script>1</script><b>!</b></div></body></html>",
            "https://www.aliexpress.com/",
        );
        assert_eq!(s["lang"], "en");
        assert_eq!(s["title"], "T");
        assert_eq!(s["nodes"], json!([[-1, "body", []], [0, "div", ["class", "a"]], [1, "#", "Hi there"], [1, "b", []], [3, "#", "!"]]));
    }
}
