// The end-to-end runner: builds nothing (./build.sh test builds first), starts the fixture
// server and one Chromium with the built extension, runs every tests/e2e/*.test.js in turn.
// Each file exports `(t) => { t.test(name, async env => …) }`. Last line: "N passed, M failed".
'use strict';
const fs = require('fs');
const path = require('path');
const server = require('../harness/server');
const { launch, RUN_DIR } = require('../harness/browser');
const { listFixtures, render } = require('../harness/templates');

const TEST_TIMEOUT_MS = 60_000;
const only = process.argv[2];   // optional: a substring of test names to run

function assert(cond, msg) { if (!cond) throw new Error(msg); }
// Deep equality of JSON-like values; object key order does not matter, array order does.
const canonical = v => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map(key => [key, x[key]])) : x));
assert.equal = (a, b, msg) => {
  const x = canonical(a), y = canonical(b);
  if (x !== y) throw new Error(`${msg}\n    expected ${y}\n    got      ${x}`);
};

async function main() {
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
  const tests = [];
  const pages = {};   // generated pages: ?dgfx=<name> → html (t.page)
  for (const f of files) {
    const t = {
      test: (name, fn, opts = {}) => tests.push({ name: `${f.replace('.test.js', '')}: ${name}`, fn, opts }),
      page: (name, html) => { pages[name] = html; },
    };
    require(path.join(__dirname, f))(t);
  }
  const { server: srv, port, served, route, clearRoutes } = await server.start(0, pages);
  const browser = await launch({ port });
  const fixtures = listFixtures();
  const fixture = name => { const f = fixtures.find(x => x.name === name); assert(f, `no fixture ${name}`); return f; };

  const env = {
    assert, browser, port, fixtures, fixture,
    sw: () => browser.sw(),
    extensionUrl: p => `chrome-extension://${browser.extensionId}/${p}`,
    expected: name => JSON.parse(render(fixture(name).expected)),
    url: (name, params) => server.fixtureUrl(fixture(name), params),
    // The address of a generated page (t.page) at a real AliExpress URL.
    pageUrl: (name, at = 'http://www.aliexpress.com/p/order/index.html') => `${at}${at.includes('?') ? '&' : '?'}dgfx=${name}`,
    // Opens a fixture and waits until the extension applied at least `reads` plans.
    async open(name, { params = {}, reads = 1, page } = {}) {
      page ||= await browser.context.newPage();
      page.dgErrors = [];
      page.on('pageerror', e => page.dgErrors.push(String(e)));
      await page.goto(server.fixtureUrl(fixture(name), params));
      await env.waitReads(page, reads);
      return page;
    },
    async waitReads(page, reads, timeout = 15000) {
      await page.waitForFunction(n => Number(document.documentElement.getAttribute('data-dg-read') || 0) >= n, reads, { timeout });
    },
    siteLog: page => page.evaluate(() => JSON.parse(document.documentElement.dataset.siteLog || '[]')),
    // Answers for addresses the extension builds itself (tests/harness/server.js), and the log
    // of every address the server was asked for.
    route, clearRoutes, served,
    async resetStorage() { await browser.sw().evaluate(() => chrome.storage.local.clear()); },
    async storage(key) { return browser.sw().evaluate(k => chrome.storage.local.get(k).then(r => r[k]), key); },
  };

  let passed = 0, failed = 0;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const started = Date.now();
    const pagesBefore = new Set(browser.context.pages());
    try {
      await Promise.race([
        t.fn(env),
        // timer: the test's time limit, not a wait.
        new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${t.opts.timeout || TEST_TIMEOUT_MS} ms`)), t.opts.timeout || TEST_TIMEOUT_MS)),
      ]);
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name}: ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n    ')}`);
    }
    for (const p of browser.context.pages()) if (!pagesBefore.has(p)) await p.close().catch(() => {});
  }
  await browser.close();
  srv.close();
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch(e => { console.error(e); console.log('0 passed, 1 failed'); process.exit(2); });
