// End-to-end tests on Node's own test runner (node:test). Each tests/e2e/*.test.js calls
//   suite(__filename, t => { t.test(name, async env => …, { timeout }); t.page(name, html) })
// and its tests are registered as "<file>: <name>". tests/e2e/run.js runs each file in its own
// process (node --test), so one file's broken browser or service worker cannot fail the next
// file's tests. Within a file, one fixture server and one Chromium with the built extension serve
// every test; both start with the first test that runs (a name filter that selects nothing in a
// file launches nothing) and close after the last.
// A test that fails leaves a screenshot and the HTML of each page it had open under
// dist/test-results/<test>/ (and a Playwright trace there with DG_TRACE=1).
'use strict';
const fs = require('fs');
const path = require('path');
const { test, after } = require('node:test');
const server = require('./server');
const { launch, ROOT, RUN_DIR } = require('./browser');
const { listFixtures, render } = require('./templates');

const TEST_TIMEOUT_MS = 60_000;
const RESULTS = path.join(ROOT, 'dist', 'test-results');
const TRACE = process.env.DG_TRACE === '1';

function assert(cond, msg) { if (!cond) throw new Error(msg); }
// Deep equality of JSON-like values; object key order does not matter, array order does.
const canonical = v => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map(key => [key, x[key]])) : x));
assert.equal = (a, b, msg) => {
  const x = canonical(a), y = canonical(b);
  if (x !== y) throw new Error(`${msg}\n    expected ${y}\n    got      ${x}`);
};

const pages = {};   // generated pages of every file: ?dgfx=<name> → html (t.page)
let started = null; // the shared server, browser and env, once the first test runs

async function start() {
  const { server: srv, port, served, route, clearRoutes } = await server.start(0, pages);
  const browser = await launch({ port });
  if (TRACE) await browser.context.tracing.start({ screenshots: true, snapshots: true });
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
    // Reads of an earlier test's page still being saved (saves wait for the reads to pause)
    // land first, so that they cannot come back into the cleared storage.
    async resetStorage() { await browser.sw().evaluate(async () => { await globalThis.dgTest?.settled(); await chrome.storage.local.clear(); }); },
    async storage(key) { return browser.sw().evaluate(k => chrome.storage.local.get(k).then(r => r[k]), key); },
  };
  return { srv, browser, env };
}

after(async () => {
  if (!started) return;
  const { srv, browser } = await started;
  await browser.close().catch(() => {});
  srv.close();
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
});

// What the person fixing a failure needs: each page the test had open, as it looked and as HTML.
async function keepEvidence(name, browser, opened) {
  const dir = path.join(RESULTS, name.replace(/[^\w.-]+/g, '_').slice(0, 120));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let i = 0;
  for (const p of opened) {
    i++;
    const shot = p.screenshot({ path: path.join(dir, `page-${i}.png`), fullPage: true, timeout: 5000 }).catch(() => {});
    const html = p.content().then(h => fs.writeFileSync(path.join(dir, `page-${i}.html`), `<!-- ${p.url()} -->\n${h}`)).catch(() => {});
    await Promise.all([shot, html]);
  }
  if (TRACE) await browser.context.tracing.stopChunk({ path: path.join(dir, 'trace.zip') }).catch(() => {});
  return dir;
}

function suite(file, register) {
  const prefix = path.basename(file).replace('.test.js', '');
  register({
    page: (name, html) => { pages[name] = html; },
    test: (name, fn, opts = {}) => {
      const full = `${prefix}: ${name}`;
      const limit = opts.timeout || TEST_TIMEOUT_MS;
      // Our own deadline, so that a test that times out leaves its evidence too; the runner's,
      // later, only if that one could not end it.
      test(full, { timeout: limit + 30_000 }, async () => {
        started ||= start();
        const { browser, env } = await started;
        const before = new Set(browser.context.pages());
        if (TRACE) await browser.context.tracing.startChunk({ title: full });
        let timer;
        try {
          await Promise.race([
            fn(env),
            // timer: the test's time limit, not a wait.
            new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${limit} ms`)), limit); }),
          ]);
          if (TRACE) await browser.context.tracing.stopChunk();
        } catch (e) {
          const opened = browser.context.pages().filter(p => !before.has(p));
          const dir = await keepEvidence(full, browser, opened);
          console.log(`     ${full}: its pages are kept in ${path.relative(ROOT, dir)}`);
          throw e;
        } finally {
          clearTimeout(timer);
          for (const p of browser.context.pages()) if (!before.has(p)) await p.close().catch(() => {});
        }
      });
    },
  });
}

module.exports = { suite, assert };
