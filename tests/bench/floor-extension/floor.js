// The floor: visit every element and text node of <body>, read each element's tag and
// attributes and each text node's text, as the snapshot does — and do nothing with it.
'use strict';
(() => {
  const stats = (globalThis.floorStats = []);
  function walk() {
    const t0 = performance.now();
    let n = 0, chars = 0;
    const stack = [document.body];
    while (stack.length) {
      const node = stack.pop();
      n++;
      if (node.nodeType === 3) { chars += node.data.length; continue; }
      if (node.nodeType !== 1) continue;
      chars += node.localName.length;
      for (const a of node.attributes) chars += a.name.length + a.value.length;
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
    stats.push({ nodes: n, chars, walkMs: performance.now() - t0 });
  }
  globalThis.floorWalk = walk;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', walk, { once: true });
  else walk();
})();
