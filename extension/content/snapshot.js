// The eyes: turns the live DOM into the snapshot wire format the core reads
// (crates/guard-core/src/snapshot.rs). No AliExpress knowledge here, only generic rules, the same
// as crates/fixture-kit's (an end-to-end test compares both on every fixture page).
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  // Subtrees that hold no page text; and our own widgets.
  const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED',
    'CANVAS', 'LINK', 'META']);
  const MAX_TEXT = 2000;
  const MAX_ATTR = 500;
  const WS = /\s+/g;

  const clean = (s, max) => {
    if (s.length > max) s = s.slice(0, max);
    // A lone surrogate would make the JSON unreadable for the core.
    return s.toWellFormed ? s.toWellFormed()
      : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  };

  const skipped = el => SKIPPED.has(el.tagName.toUpperCase()) || el.hasAttribute('data-dg-ui');

  function attrsOf(el) {
    const out = [];
    for (const a of el.attributes) {
      const n = a.name;
      if (n === 'style' || n === 'srcset' || n.startsWith('on')) continue;
      out.push(n, clean(a.value, MAX_ATTR));
    }
    return out;
  }

  // Appends `root`'s subtree to the snapshot under parent index `parent`.
  function walk(root, parent, nodes, live) {
    const stack = [[root, parent]];
    while (stack.length) {
      const [node, p] = stack.pop();
      if (node.nodeType === 3) {
        const t = node.data.replace(WS, ' ').trim();
        if (t) { nodes.push([p, '#', clean(t, MAX_TEXT)]); live.push(node); }
        continue;
      }
      if (node.nodeType !== 1 || skipped(node)) continue;
      const me = nodes.length;
      nodes.push([p, node.localName, attrsOf(node)]);
      live.push(node);
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], me]);
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

  DG.snapshot = { full, partial, skipped };
})();
