//! The snapshot: what the content script sees of a page, in a form the core can read.
//!
//! The content script (extension/content/snapshot.js) walks the live DOM and sends a flat list of
//! nodes in document order. A node's id is its index in that list; the plan refers back to nodes by
//! it. Test code builds the very same format from fixture HTML (crates/fixture-kit), and an
//! end-to-end test checks that both producers agree on every fixture.
//!
//! Wire format (JSON), chosen to be cheap to build in JS and to parse here:
//! `{"v":1,"url":..,"lang":..,"title":..,"roots":[..],"nodes":[[parent, tag, payload], ..]}`
//! - `parent` is the index of the parent node, or -1;
//! - `tag` is the lower-case element name, or `"#"` for a text node;
//! - `payload` is `[name, value, name, value, ..]` for an element, the text for a text node.
//!
//! A full snapshot has one root, `<body>`. A partial one (after the page added or changed
//! something) lists in `roots` the subtrees it carries in full; the other nodes are their ancestors,
//! sent with attributes only so the core knows where the subtree sits.

pub use super::text::{collapse_ws, is_js_space};
use serde::{Deserialize, Serialize};

/// The snapshot format version this core reads.
pub const SNAPSHOT_VERSION: u32 = 1;

/// Limits that keep a hostile or gigantic page from costing unbounded memory or time.
pub const MAX_NODES: usize = 400_000;

pub type NodeId = usize;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub v: u32,
    pub url: String,
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub title: String,
    /// Subtrees carried in full. Empty means the first node is the document's body.
    #[serde(default)]
    pub roots: Vec<NodeId>,
    pub nodes: Vec<RawNode>,
    /// What an earlier plan said about this page, echoed back on partial snapshots.
    #[serde(default)]
    pub ctx: Option<super::page_context::PageContext>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawNode(pub i64, pub String, pub Payload);

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Payload {
    Text(String),
    Attrs(Vec<String>),
}

// By hand rather than `#[serde(untagged)]`: untagged enums buffer every value and try each
// variant in turn, which was the largest single cost of reading a big snapshot.
impl<'de> Deserialize<'de> for Payload {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Payload, D::Error> {
        struct PayloadVisitor;
        impl<'de> serde::de::Visitor<'de> for PayloadVisitor {
            type Value = Payload;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text or a list of attribute names and values")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Payload, E> {
                Ok(Payload::Text(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Payload, E> {
                Ok(Payload::Text(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Payload, A::Error> {
                let mut attrs = Vec::with_capacity(seq.size_hint().unwrap_or(4).min(64));
                while let Some(x) = seq.next_element::<String>()? {
                    attrs.push(x);
                }
                Ok(Payload::Attrs(attrs))
            }
        }
        d.deserialize_any(PayloadVisitor)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    Json(String),
    Version(u32),
    TooLarge(usize),
    BadParent { node: usize },
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotError::Json(e) => write!(f, "snapshot is not valid JSON: {e}"),
            SnapshotError::Version(v) => write!(f, "snapshot version {v} is not {SNAPSHOT_VERSION}"),
            SnapshotError::TooLarge(n) => write!(f, "snapshot has {n} nodes, more than {MAX_NODES}"),
            SnapshotError::BadParent { node } => write!(f, "snapshot node {node} has a parent that does not precede it"),
        }
    }
}

impl Snapshot {
    pub fn from_json(json: &str) -> Result<Snapshot, SnapshotError> {
        let snap: Snapshot = serde_json::from_str(json).map_err(|e| SnapshotError::Json(e.to_string()))?;
        snap.validate()?;
        Ok(snap)
    }

    pub fn validate(&self) -> Result<(), SnapshotError> {
        if self.v != SNAPSHOT_VERSION {
            return Err(SnapshotError::Version(self.v));
        }
        if self.nodes.len() > MAX_NODES {
            return Err(SnapshotError::TooLarge(self.nodes.len()));
        }
        for (i, RawNode(parent, _, _)) in self.nodes.iter().enumerate() {
            // Parents precede children (document order), which also rules out cycles.
            if *parent >= i as i64 || *parent < -1 {
                return Err(SnapshotError::BadParent { node: i });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_like_javascript() {
        assert_eq!(collapse_ws("  Order\u{a0}date:\n\t Mar 22, 2022  "), "Order date: Mar 22, 2022");
        assert_eq!(collapse_ws(" \u{3000} "), "");
        // U+0085 is whitespace for Rust but not for JavaScript's \s.
        assert_eq!(collapse_ws("a\u{85}b"), "a\u{85}b");
    }

    #[test]
    fn rejects_parents_that_do_not_precede() {
        let json = r##"{"v":1,"url":"https://www.aliexpress.com/","nodes":[[-1,"body",[]],[2,"div",[]],[1,"#","x"]]}"##;
        assert_eq!(Snapshot::from_json(json).unwrap_err(), SnapshotError::BadParent { node: 1 });
    }

    #[test]
    fn rejects_other_versions_and_garbage() {
        assert!(matches!(Snapshot::from_json(r#"{"v":2,"url":"x","nodes":[]}"#), Err(SnapshotError::Version(2))));
        assert!(matches!(Snapshot::from_json("{\"v\":1,"), Err(SnapshotError::Json(_))));
    }
}
