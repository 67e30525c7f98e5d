// The contract pages (tests/fixtures/contract, written blind from the facts and the contract):
// each loaded in Chromium with the extension, its data-dg-* surface compared with its .json.
'use strict';
const fs = require('fs');
const path = require('path');
const { render } = require('../harness/templates');

const DIR = path.resolve(__dirname, '..', 'fixtures', 'contract');
const KEYS = ['status', 'placed', 'shipped', 'completed', 'protection-ends', 'dispute', 'dispute-opens', 'dispute-closes'];

// Waits until the extension has read the page and nothing it marks has changed for a while
// (script-built pages add their cards after load). Pages that are not order or dispute pages
// are never read: for those, a while without marks.
async function settled(page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-dg-read'), null, { timeout: 3000 }).catch(() => {});
  let last = null;
  for (let same = 0, i = 0; same < 4 && i < 60; i++) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(() => document.documentElement.getAttribute('data-dg-read') + '|' +
      [...document.querySelectorAll('[data-dg-order],[data-dg-guard],[data-dg-highlight],[data-dg-evidence]')]
        .map(e => [...e.attributes].filter(a => a.name.startsWith('data-dg-')).map(a => a.value).join(',')).join(';'));
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

module.exports = t => {
  const names = fs.readdirSync(DIR).filter(f => f.endsWith('.html')).map(f => f.slice(0, -5)).sort();
  for (const name of names) {
    const template = fs.readFileSync(path.join(DIR, `${name}.html`), 'utf8');
    t.page(`contract-${name}`, () => render(template));
    t.test(name, async env => {
      const spec = JSON.parse(render(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')));
      const page = await env.browser.context.newPage();
      const errors = [];
      page.on('pageerror', e => errors.push(String(e)));
      await page.goto(env.pageUrl(`contract-${name}`, spec.url.replace(/^https:/, 'http:')));
      await settled(page);
      if (spec.click) {
        await page.click(spec.click);
        await settled(page);
      }
      const got = await page.evaluate(() => ({
        orders: [...document.querySelectorAll('[data-dg-order]')].map(e => Object.fromEntries(
          [...e.attributes].filter(a => a.name.startsWith('data-dg-')).map(a => [a.name.slice(8), a.value]))),
        guards: document.querySelectorAll('[data-dg-guard="confirm-receipt"]').length,
        highlights: [...document.querySelectorAll('[data-dg-highlight]')].reduce((m, e) => {
          const k = e.getAttribute('data-dg-highlight'); m[k] = (m[k] || 0) + 1; return m;
        }, {}),
        evidence: document.querySelectorAll('input[type=file][data-dg-evidence="watched"]').length,
      }));
      const problems = [];
      if (spec.orders) {
        const ids = got.orders.map(o => o.order);
        if (ids.join() !== spec.orders.map(o => o.order).join()) problems.push(`orders marked ${ids.join() || 'none'}, expected ${spec.orders.map(o => o.order).join() || 'none'}`);
        for (const want of spec.orders) {
          const o = got.orders.find(x => x.order === want.order) || {};
          for (const k of KEYS.filter(k => k in want)) {
            if ((o[k] ?? null) !== want[k]) problems.push(`${want.order} ${k}: expected ${want[k]}, got ${o[k] ?? null}`);
          }
        }
      }
      if (spec.guards !== undefined && got.guards !== spec.guards) problems.push(`guards: expected ${spec.guards}, got ${got.guards}`);
      for (const [k, v] of Object.entries(spec.highlights || {})) {
        if ((got.highlights[k] || 0) !== v) problems.push(`highlight ${k}: expected ${v}, got ${got.highlights[k] || 0}`);
      }
      if (spec.evidence_watched !== undefined && got.evidence !== spec.evidence_watched) problems.push(`watched inputs: expected ${spec.evidence_watched}, got ${got.evidence}`);
      env.assert(!errors.length, `errors on the page: ${errors.join('; ')}`);
      env.assert(!problems.length, problems.join('\n    '));
      await page.close();
    });
  }
};
