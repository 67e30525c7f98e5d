//! A read-only tree over a snapshot, with the few queries the page readers need.

use crate::wire::snapshot::{collapse_ws, NodeId, Payload, RawNode, Snapshot};

/// Elements that hold a run of text, not blocks of their own.
const INLINE: &[&str] = &["b", "strong", "i", "em", "span", "small", "time", "abbr", "u", "mark", "sup", "sub", "br", "a", "font"];

pub struct PageTree<'a> {
    snap: &'a Snapshot,
    /// Children of each node, in document order.
    children: Vec<Vec<NodeId>>,
    /// Whether the node lies inside a subtree the snapshot carries in full.
    full: Vec<bool>,
    /// Nodes visited by walks so far (descendants and ancestors): lets tests check that reading
    /// stays linear in the size of the page without timing anything.
    visits: std::cell::Cell<usize>,
}

impl<'a> PageTree<'a> {
    pub fn new(snap: &'a Snapshot) -> PageTree<'a> {
        let n = snap.nodes.len();
        let mut children = vec![Vec::new(); n];
        let mut full = vec![snap.roots.is_empty(); n];
        for r in &snap.roots {
            if let Some(f) = full.get_mut(*r) {
                *f = true;
            }
        }
        for (i, RawNode(parent, _, _)) in snap.nodes.iter().enumerate() {
            if *parent >= 0 {
                let p = *parent as usize;
                children[p].push(i);
                if full[p] {
                    full[i] = true;
                }
            }
        }
        PageTree { snap, children, full, visits: std::cell::Cell::new(0) }
    }

    pub fn snapshot(&self) -> &Snapshot {
        self.snap
    }

    pub fn len(&self) -> usize {
        self.snap.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.snap.nodes.is_empty()
    }

    /// The nodes to start reading from: the full subtrees, or the body.
    pub fn roots(&self) -> Vec<NodeId> {
        if self.snap.roots.is_empty() {
            if self.is_empty() {
                vec![]
            } else {
                vec![0]
            }
        } else {
            self.snap.roots.iter().copied().filter(|r| *r < self.len()).collect()
        }
    }

    pub fn is_full(&self, n: NodeId) -> bool {
        self.full.get(n).copied().unwrap_or(false)
    }

    pub fn tag(&self, n: NodeId) -> &str {
        &self.snap.nodes[n].1
    }

    pub fn is_text(&self, n: NodeId) -> bool {
        self.tag(n) == "#"
    }

    /// Whether `n` is a text or an element that holds words in a run of text, not a block of
    /// its own (a sentence may be split over such elements).
    pub fn is_inline(&self, n: NodeId) -> bool {
        self.is_text(n) || INLINE.contains(&self.tag(n))
    }

    pub fn parent(&self, n: NodeId) -> Option<NodeId> {
        let p = self.snap.nodes[n].0;
        (p >= 0).then_some(p as usize)
    }

    pub fn children(&self, n: NodeId) -> &[NodeId] {
        &self.children[n]
    }

    /// The children that are elements (not text), in order.
    pub fn child_elements(&self, n: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children[n].iter().copied().filter(|&k| !self.is_text(k))
    }

    pub fn attr(&self, n: NodeId, name: &str) -> Option<&str> {
        match &self.snap.nodes[n].2 {
            Payload::Attrs(a) => a.chunks_exact(2).find(|kv| kv[0] == name).map(|kv| kv[1].as_str()),
            Payload::Text(_) => None,
        }
    }

    /// Every attribute of an element, name and value.
    pub fn attrs(&self, n: NodeId) -> impl Iterator<Item = (&str, &str)> {
        let list: &[String] = match &self.snap.nodes[n].2 {
            Payload::Attrs(a) => a,
            Payload::Text(_) => &[],
        };
        list.chunks_exact(2).map(|kv| (kv[0].as_str(), kv[1].as_str()))
    }

    pub fn has_class(&self, n: NodeId, class: &str) -> bool {
        self.attr(n, "class").is_some_and(|c| c.split_ascii_whitespace().any(|x| x == class))
    }

    /// The text of a text node.
    pub fn own_text(&self, n: NodeId) -> &str {
        match &self.snap.nodes[n].2 {
            Payload::Text(t) => t,
            Payload::Attrs(_) => "",
        }
    }

    /// All nodes below `n` (not `n` itself), in document order.
    pub fn descendants(&self, n: NodeId) -> Descendants<'_, 'a> {
        Descendants { tree: self, stack: self.children[n].iter().rev().copied().collect() }
    }

    /// `n` and its ancestors, nearest first.
    pub fn ancestors_or_self(&self, n: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(n), move |&x| {
            self.visits.set(self.visits.get() + 1);
            self.parent(x)
        })
    }

    /// How many nodes walks over this tree have visited so far.
    pub fn visits(&self) -> usize {
        self.visits.get()
    }

    pub fn closest(&self, n: NodeId, pred: impl Fn(NodeId) -> bool) -> Option<NodeId> {
        self.ancestors_or_self(n).find(|&x| pred(x))
    }

    /// Text nodes below `n` (or `n` itself), in document order.
    pub fn text_nodes(&self, n: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::once(n).chain(self.descendants(n)).filter(|&x| self.is_text(x))
    }

    /// The visible text of a subtree: its text nodes joined by single spaces.
    pub fn text(&self, n: NodeId) -> String {
        let mut out = String::new();
        for t in self.text_nodes(n) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.own_text(t));
        }
        collapse_ws(&out)
    }

    /// Elements below `n` that carry `class`.
    pub fn find_class(&self, n: NodeId, class: &str) -> Vec<NodeId> {
        self.descendants(n).filter(|&x| self.has_class(x, class)).collect()
    }

    pub fn first_class(&self, n: NodeId, class: &str) -> Option<NodeId> {
        self.descendants(n).find(|&x| self.has_class(x, class))
    }
}

pub struct Descendants<'t, 'a> {
    tree: &'t PageTree<'a>,
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let n = self.stack.pop()?;
        self.tree.visits.set(self.tree.visits.get() + 1);
        self.stack.extend(self.tree.children[n].iter().rev().copied());
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(json: &str) -> Snapshot {
        Snapshot::from_json(json).unwrap()
    }

    #[test]
    fn text_joins_text_nodes_in_document_order() {
        let s = snap(
            r##"{"v":1,"url":"u","nodes":[[-1,"body",[]],[0,"p",["class","a b"]],[1,"#","Refund if no delivery before "],
            [1,"b",[]],[3,"#","Dec 3"],[1,"#",", 2026"]]}"##,
        );
        let t = PageTree::new(&s);
        assert_eq!(t.text(1), "Refund if no delivery before Dec 3 , 2026");
        assert!(t.has_class(1, "b") && !t.has_class(1, "c"));
        assert_eq!(t.closest(4, |n| t.tag(n) == "p"), Some(1));
    }

    #[test]
    fn partial_snapshot_marks_only_roots_as_full() {
        let s = snap(r##"{"v":1,"url":"u","roots":[2],"nodes":[[-1,"body",[]],[0,"div",[]],[1,"div",[]],[2,"#","x"]]}"##);
        let t = PageTree::new(&s);
        assert!(!t.is_full(0) && !t.is_full(1) && t.is_full(2) && t.is_full(3));
        assert_eq!(t.roots(), vec![2]);
    }
}
