// Every fixture page with an .expected.json, end to end in Chromium: the page contract's
// attributes as the live page carries them, and the content script's snapshot compared with
// the one the Rust tests made of the same page (target/dg-fixtures, written by `cargo test`).
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT } = require('../harness/browser');

// What the contract shows on the live page, in the shape of the expected JSON.
function pageOutcome() {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'LINK', 'META']);
  const text = el => {
    const parts = [];
    const walk = n => {
      if (n.nodeType === 3) { const t = n.data.replace(/\s+/g, ' ').trim(); if (t) parts.push(t); return; }
      if (n.nodeType !== 1 || SKIP.has(n.tagName.toUpperCase()) || n.hasAttribute('data-dg-ui')) return;
      n.childNodes.forEach(walk);
    };
    walk(el);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  };
  const dg = {};
  for (const el of document.querySelectorAll('[data-dg-order]')) {
    const attrs = {};
    for (const a of el.attributes) if (a.name.startsWith('data-dg-')) attrs[a.name] = a.value;
    dg[el.getAttribute('data-dg-order')] = attrs;
  }
  return {
    dg,
    guarded: [...document.querySelectorAll('[data-dg-guard="confirm-receipt"]')].map(text),
    highlighted: [...document.querySelectorAll('[data-dg-highlight]')].map(e => [text(e), e.getAttribute('data-dg-highlight')]),
  };
}

const sortedPairs = attrs => {
  const pairs = [];
  for (let i = 0; i < attrs.length; i += 2) pairs.push([attrs[i], attrs[i + 1]]);
  return pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
};
const comparable = nodes => nodes.map(([p, tag, payload]) => [p, tag, Array.isArray(payload) ? sortedPairs(payload) : payload]);

require('../harness/e2e').suite(__filename, t => {
  const { listFixtures } = require('../harness/templates');
  for (const f of listFixtures()) {
    if (!f.expected || f.meta.e2e === false) continue;
    t.test(`${f.name} carries the contract attributes`, async env => {
      const page = await env.open(f.name);
      const expected = env.expected(f.name);
      const got = await page.evaluate(pageOutcome);
      for (const key of ['dg', 'guarded', 'highlighted']) env.assert.equal(got[key], expected[key], `${f.name}: ${key}`);
      env.assert(page.dgErrors.length === 0, `page errors: ${page.dgErrors.join('; ')}`);
    });
    t.test(`${f.name}: the content script's snapshot equals the Rust one`, async env => {
      const file = path.join(ROOT, 'target', 'dg-fixtures', `${f.name}.snapshot.json`);
      env.assert(fs.existsSync(file), `${file} missing: run cargo test first (./build.sh test does)`);
      const rust = JSON.parse(fs.readFileSync(file, 'utf8'));
      const page = await env.open(f.name);
      const url = page.url();
      const snaps = await env.sw().evaluate(() => globalThis.dgTest.recentSnapshots.slice());
      const mine = snaps.map(s => JSON.parse(s)).find(s => s.url === url && s.roots.length === 0 && s.nodes.length > 0);
      env.assert(mine, 'no full snapshot of the page reached the service worker');
      env.assert.equal([mine.lang, mine.title], [rust.lang, rust.title], 'lang and title');
      env.assert.equal(mine.nodes.length, rust.nodes.length, 'node count');
      const a = comparable(mine.nodes), b = comparable(rust.nodes);
      const i = a.findIndex((n, k) => JSON.stringify(n) !== JSON.stringify(b[k]));
      env.assert(i < 0, `node ${i} differs:\n    page ${JSON.stringify(a[i])}\n    rust ${JSON.stringify(b[i])}`);
    });
  }
});
