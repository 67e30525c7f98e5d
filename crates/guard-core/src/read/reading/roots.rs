//! Where orders sit on a page: by a layout's hook (a class of the card), by the ids the page
//! links to when hooks fail, and the common ancestor of a detail page's facts.

use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::NodeId;
use std::collections::HashSet;

/// The outermost elements in the snapshot's full subtrees that satisfy `is_root`.
pub fn outermost(tree: &PageTree<'_>, is_root: impl Fn(NodeId) -> bool) -> Vec<NodeId> {
    let mut found: Vec<NodeId> = Vec::new();
    // Whether a node lies inside one already found: walks visit parents before children, so
    // this is known from the parent in constant time, however deep the nesting.
    let mut covered = vec![false; tree.len()];
    for root in tree.roots() {
        for n in std::iter::once(root).chain(tree.descendants(root)) {
            let inherited = tree.parent(n).is_some_and(|p| covered[p]);
            if inherited {
                covered[n] = true;
                continue;
            }
            if !tree.is_text(n) && is_root(n) {
                covered[n] = true;
                found.push(n);
            }
        }
    }
    found
}

/// For a partial snapshot: the ancestors, seen only as context, of its subtrees that satisfy
/// `is_root` (the nearest one for each subtree). Such an order root must be read whole.
pub fn context_roots(tree: &PageTree<'_>, is_root: impl Fn(NodeId) -> bool) -> Vec<NodeId> {
    let mut out = Vec::new();
    for r in tree.roots() {
        if let Some(a) = tree.ancestors_or_self(r).skip(1).find(|&a| !tree.is_full(a) && is_root(a)) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Ids {
    None,
    One(usize),
    Many,
}

fn merge(a: Ids, b: Ids) -> Ids {
    match (a, b) {
        (Ids::None, x) | (x, Ids::None) => x,
        (Ids::One(x), Ids::One(y)) if x == y => Ids::One(x),
        _ => Ids::Many,
    }
}

/// Order cards found from the ids alone, when no class hook names them: for each node that
/// carries an order id (a link, an attribute, an order-number element), the highest ancestor
/// whose subtree names that order and no other. Never above `<body>`'s children nor into the
/// context of a partial snapshot. One pass up the tree, then one short climb per id node.
pub fn by_ids(tree: &PageTree<'_>, evidence: &[(NodeId, String)]) -> CardsByIds {
    let n = tree.len();
    let mut names: Vec<&str> = Vec::new();
    let mut state = vec![Ids::None; n];
    for (node, id) in evidence {
        let k = match names.iter().position(|x| *x == id.as_str()) {
            Some(k) => k,
            None => {
                names.push(id.as_str());
                names.len() - 1
            }
        };
        if let Some(s) = state.get_mut(*node) {
            *s = merge(*s, Ids::One(k));
        }
    }
    // Parents precede children in a snapshot, so one backwards sweep merges every subtree.
    for i in (0..n).rev() {
        if let Some(p) = tree.parent(i) {
            state[p] = merge(state[p], state[i]);
        }
    }
    let mut cards: Vec<(NodeId, String)> = Vec::new();
    let mut seen: HashSet<NodeId> = HashSet::new();
    // Nodes already climbed through: a later climb that reaches one ends where that one did.
    let mut climbed = vec![false; n];
    for (node, id) in evidence {
        let Some(&Ids::One(k)) = state.get(*node) else { continue };
        let mut card = *node;
        let mut joined = false;
        while let Some(p) = tree.parent(card) {
            if !tree.is_full(p) || tree.tag(p) == "body" || state[p] != Ids::One(k) || seen.contains(&p) {
                break;
            }
            if climbed[p] {
                joined = true;
                break;
            }
            climbed[p] = true;
            card = p;
        }
        if joined {
            continue;
        }
        if tree.is_text(card) {
            continue;
        }
        if seen.insert(card) {
            cards.push((card, id.clone()));
        }
    }
    // A climb that stopped under another card of the same order: keep the outer one.
    let mut outer: Vec<(NodeId, String)> = cards.iter().filter(|(c, _)| !tree.ancestors_or_self(*c).skip(1).any(|a| seen.contains(&a))).cloned().collect();
    // Cards of a list repeat one shape (tag and class) side by side. A "card" found inside an
    // element of that shape that is not itself a card lies in a card naming two orders: that
    // card is dropped whole, never split into guesses.
    let shape = |n: NodeId| (tree.tag(n).to_string(), tree.attr(n, "class").unwrap_or("").to_string());
    let mut shapes: HashSet<(Option<NodeId>, (String, String))> = HashSet::new();
    for (c, _) in &outer {
        shapes.insert((tree.parent(*c), shape(*c)));
    }
    let before = outer.len();
    outer.retain(|(c, _)| !tree.ancestors_or_self(*c).skip(1).take(6).any(|a| shapes.contains(&(tree.parent(a), shape(a)))));
    let dropped = before - outer.len();
    crate::wire::bounds::sort_by_number(&mut outer, |(c, _)| *c as u64);
    CardsByIds { cards: outer, dropped }
}

/// Cards found from their ids, and how many were dropped for naming two orders.
pub struct CardsByIds {
    pub cards: Vec<(NodeId, String)>,
    pub dropped: usize,
}

/// The nearest common ancestor of `nodes` (which must all be in the snapshot).
pub fn common_ancestor(tree: &PageTree<'_>, nodes: &[NodeId]) -> Option<NodeId> {
    let (&first, rest) = nodes.split_first()?;
    let mut lca = if tree.is_text(first) { tree.parent(first)? } else { first };
    let mut chain: HashSet<NodeId> = tree.ancestors_or_self(lca).collect();
    // A walk that reaches a node an earlier walk went through leads to where that one met the
    // chain, which the common ancestor already covers: stop there (keeps this linear).
    let mut walked: HashSet<NodeId> = HashSet::new();
    for &n in rest {
        let mut meet = None;
        let mut x = Some(n);
        while let Some(a) = x {
            if chain.contains(&a) {
                meet = Some(a);
                break;
            }
            if !walked.insert(a) {
                break;
            }
            x = tree.parent(a);
        }
        match meet {
            Some(m) if m != lca => {
                lca = m;
                chain = tree.ancestors_or_self(lca).collect();
            }
            Some(_) => {}
            None if x.is_none() => return None, // another tree: no common ancestor
            None => {}
        }
    }
    Some(lca)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::snapshot::Snapshot;

    #[test]
    fn a_card_naming_two_orders_is_dropped_not_split() {
        // body > list > (card > a#1), (card > (head > b#2), (foot > a#3)), (card > a#4)
        let s: Snapshot = serde_json::from_value(serde_json::json!({"v":1,"url":"u","nodes":[
            [-1,"body",[]],[0,"div",["class","list"]],
            [1,"section",["class","c"]],[2,"a",[]],
            [1,"section",["class","c"]],[4,"header",[]],[5,"b",[]],[4,"footer",[]],[7,"a",[]],
            [1,"section",["class","c"]],[9,"a",[]]
        ]}))
        .unwrap();
        let t = PageTree::new(&s);
        let ev = vec![(3, "1".into()), (6, "2".into()), (8, "3".into()), (10, "4".into())];
        let found = by_ids(&t, &ev);
        assert_eq!(found.cards, vec![(2, "1".to_string()), (9, "4".to_string())]);
        assert_eq!(found.dropped, 2);
    }

    #[test]
    fn cards_by_ids_take_the_largest_subtree_of_one_order() {
        // body > list > (wrap > card > a#1, a#1) , (wrap > card > a#2)
        let s: Snapshot = serde_json::from_value(serde_json::json!({"v":1,"url":"u","nodes":[
            [-1,"body",[]],[0,"div",["class","list"]],
            [1,"div",["class","wrap"]],[2,"div",[]],[3,"a",[]],[3,"a",[]],
            [1,"div",["class","wrap"]],[6,"div",[]],[7,"a",[]]
        ]}))
        .unwrap();
        let t = PageTree::new(&s);
        let ev = vec![(4, "1".to_string()), (5, "1".to_string()), (8, "2".to_string())];
        assert_eq!(by_ids(&t, &ev).cards, vec![(2, "1".to_string()), (6, "2".to_string())]);
        assert_eq!(common_ancestor(&t, &[4, 8]), Some(1));
        assert_eq!(common_ancestor(&t, &[4, 5]), Some(3));
    }
}
