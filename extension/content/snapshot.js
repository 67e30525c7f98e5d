// The eyes: turns the live DOM into the snapshot wire format the core reads
// (crates/guard-core/src/wire/snapshot.rs). No AliExpress knowledge here, only generic rules, the same
// as crates/fixture-kit's (an end-to-end test compares both on every fixture page).
// @uses (none)
// @provides DG.snapshot
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  // Subtrees that hold no page text; and our own widgets.
  const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed',
    'canvas', 'link', 'meta']);
  const MAX_TEXT = 2000;
  const MAX_ATTR = 500;
  const WS = /\s+/g;
  const NON_WS = /\S/;
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

  const clean = (s, max) => {
    if (s.length > max) s = s.slice(0, max);
    // A lone surrogate would make the JSON unreadable for the core.
    return s.isWellFormed ? (s.isWellFormed() ? s : s.toWellFormed()) : s.replace(LONE_SURROGATE, '\uFFFD');
  };
  const textOf = node => clean(node.data.replace(WS, ' ').trim(), MAX_TEXT);

  const skipped = el => el.nodeType === 1 && (SKIPPED.has(el.localName) || el.hasAttribute('data-dg-ui'));
  // An icon that says something by its label (<svg role="img" aria-label="Спор открыт">): the
  // element and its attributes, not its drawing.
  const labelledIcon = el => el.localName === 'svg' && el.hasAttribute('aria-label') && !el.hasAttribute('data-dg-ui');

  function attrsOf(el) {
    const list = el.attributes, out = [];
    for (let i = 0; i < list.length; i++) {
      const a = list[i], n = a.name;
      // style, srcset and on* handlers carry nothing a reader needs.
      if (n === 'style' || n === 'srcset' || (n.charCodeAt(0) === 111 && n.charCodeAt(1) === 110)) continue;
      out.push(n, clean(a.value, MAX_ATTR));
    }
    return out;
  }

  // Appends `root`'s subtree to the snapshot under parent index `parent`, in document order.
  // firstChild/nextSibling with a stack of parent indices: no per-node allocations beyond the
  // snapshot rows themselves (the benchmark showed the walk dominating the snapshot's cost).
  function walk(root, parent, nodes, live) {
    if (root.nodeType === 3) {
      if (NON_WS.test(root.data)) { nodes.push([parent, '#', textOf(root)]); live.push(root); }
      return;
    }
    if (root.nodeType !== 1 || skipped(root)) return;
    const parents = [nodes.length];
    nodes.push([parent, root.localName, attrsOf(root)]);
    live.push(root);
    let node = root.firstChild;
    while (node) {
      const type = node.nodeType;
      if (type === 3) {
        if (NON_WS.test(node.data)) { nodes.push([parents[parents.length - 1], '#', textOf(node)]); live.push(node); }
      } else if (type === 1 && labelledIcon(node)) {
        nodes.push([parents[parents.length - 1], 'svg', attrsOf(node)]);
        live.push(node);
      } else if (type === 1 && !skipped(node)) {
        const me = nodes.length;
        nodes.push([parents[parents.length - 1], node.localName, attrsOf(node)]);
        live.push(node);
        if (node.firstChild) { parents.push(me); node = node.firstChild; continue; }
      }
      while (!node.nextSibling) {
        node = node.parentNode;
        parents.pop();
        if (!node || node === root || parents.length === 0) return;
      }
      node = node.nextSibling;
    }
  }

  function header(roots, nodes) {
    return { v: 1, url: location.href, lang: document.documentElement.lang || '', title: (document.title || '').replace(WS, ' ').trim(), roots, nodes };
  }

  // The whole page, on load or after navigation.
  function full() {
    const nodes = [], live = [];
    if (document.body) walk(document.body, -1, nodes, live);
    return { snap: header([], nodes), live };
  }

  // Only the given subtrees, each with its ancestors (attributes only) for context.
  function partial(elements) {
    const nodes = [], live = [], index = new Map(), roots = [];
    const inside = new Set(elements);
    for (const el of elements) {
      if (!el.isConnected || !document.body || !document.body.contains(el)) continue;
      // A subtree inside another one being re-read is already covered.
      let covered = false;
      for (let a = el.parentElement; a; a = a.parentElement) if (inside.has(a)) { covered = true; break; }
      if (covered) continue;
      const chain = [];
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        if (skipped(a)) { chain.length = 0; break; }
        chain.push(a);
        if (a === document.body) break;
      }
      if (chain.length === 0 && el !== document.body) continue;
      let parent = -1;
      for (const a of chain.reverse()) {
        if (!index.has(a)) { index.set(a, nodes.length); nodes.push([parent, a.localName, attrsOf(a)]); live.push(a); }
        parent = index.get(a);
      }
      if (skipped(el)) continue;
      roots.push(nodes.length);
      walk(el, parent, nodes, live);
    }
    return { snap: header(roots, nodes), live };
  }

  // Just the page's address and language: enough for the core to say what kind of page it is.
  function empty() { return header([], []); }

  // The shopper's local time as the core reads it (wire::parse_local_now), sent with every
  // snapshot: "YYYY-MM-DDTHH:MM:SS".
  const pad = n => String(n).padStart(2, '0');
  function localNow() {
    const d = new Date();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }

  // Splits the page into pieces of at most about `budget` elements each, for reading a big page
  // in several short tasks: lists of subtrees (or text nodes) in document order. An element too
  // big for one piece is replaced by its children. A small page is one piece: [body].
  // A generator, so each piece is worked out in the task that reads it; and an element's size is
  // only counted up to the budget (the live collection stops walking at the index asked for).
  function* pieces(budget) {
    let current = [], size = 0;
    const stack = document.body ? [document.body] : [];
    while (stack.length) {
      const n = stack.pop();
      let count = 1;
      if (n.nodeType === 1) {
        const all = n.getElementsByTagName('*');
        count = all[budget] !== undefined ? Infinity : all.length + 1;
      }
      if (count > budget && n.nodeType === 1 && !skipped(n)) {
        const kids = n.childNodes;
        for (let i = kids.length - 1; i >= 0; i--) {
          const k = kids[i];
          if (k.nodeType === 1 || (k.nodeType === 3 && NON_WS.test(k.data))) stack.push(k);
        }
        continue;
      }
      if (size + count > budget && current.length) { yield current; current = []; size = 0; }
      current.push(n);
      size += count;
    }
    if (current.length) yield current;
  }

  DG.snapshot = { full, partial, empty, pieces, skipped, localNow };
})();
