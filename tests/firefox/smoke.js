// Firefox smoke test (firefox-esr, headless, WebDriver BiDi through puppeteer-core): the built
// Firefox extension installs, its background runs the wasm core, the content path marks the
// orders of a fixture page (also one whose CSP forbids wasm), and the confirm guard's dialog
// shows above the site's own modal dialog. Prints "N passed, M failed".
'use strict';
const path = require('path');
const fs = require('fs');
const puppeteer = require('puppeteer-core');
const server = require('../harness/server');
const { listFixtures, render } = require('../harness/templates');

const ROOT = path.resolve(__dirname, '..', '..');
const GECKO_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
const EXT_UUID = '7d0c2a9e-4f1b-4c6e-9a55-d15c0de6a4d1';

async function main() {
  const results = [];
  const check = async (name, fn) => {
    const t = Date.now();
    try { await fn(); results.push(true); console.log(`ok   firefox: ${name} (${Date.now() - t} ms)`); }
    catch (e) { results.push(false); console.log(`FAIL firefox: ${name}: ${String(e && e.message || e).split('\n')[0]}`); }
  };
  const { server: srv, port } = await server.start(0);
  const profileDir = fs.mkdtempSync(path.join(ROOT, 'tests', '.run-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true,
    // Lets WebDriver open the extension's own pages (moz-extension://), for the popup check.
    args: ['--remote-allow-system-access'],
    userDataDir: profileDir,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      // Plain HTTP on the fixture port for the AliExpress host names.
      'dom.security.https_first': false, 'dom.security.https_only_mode': false,
      // A fixed internal UUID, so the test can open the extension's own pages.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
    },
  });
  try {
    await browser.installExtension(path.join(ROOT, 'dist', 'extension-firefox'));
    const fixture = listFixtures().find(f => f.name === 'current-list-en');
    const expected = Object.keys(JSON.parse(render(fixture.expected)).dg);
    for (const params of [{}, { csp: 'strict' }]) {
      await check(`current-list-en${params.csp ? ' (strict CSP)' : ''} gets data-dg-order`, async () => {
        const page = await browser.newPage();
        const url = server.fixtureUrl(fixture, params).replace('//www.aliexpress.com/', `//www.aliexpress.com:${port}/`);
        await page.goto(url);
        await page.waitForFunction(() => document.documentElement.getAttribute('data-dg-read'), { timeout: 20000 });
        const ids = await page.$$eval('[data-dg-order]', els => els.map(e => e.getAttribute('data-dg-order')));
        if (JSON.stringify(ids) !== JSON.stringify(expected)) throw new Error(`marked ${JSON.stringify(ids)}`);
        await page.close();
      });
    }
    await check('the popup runs the core and lists the orders read; the badge is set', async () => {
      const page = await browser.newPage();
      // The navigation completes, but WebDriver does not report extension-page loads: wait for
      // the popup's own ready mark instead.
      await page.goto(`moz-extension://${EXT_UUID}/popup/popup.html`, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
      await page.waitForFunction(() => document.body && document.body.dataset.ready === '1', { timeout: 20000 });
      const shown = await page.$$eval('[data-dg-popup-order]', els => els.map(e => e.getAttribute('data-dg-popup-order')).sort());
      if (JSON.stringify(shown) !== JSON.stringify([...expected].sort())) throw new Error(`popup lists ${JSON.stringify(shown)}`);
      // Seed one order whose dispute window closes in two days, and ask the background for the badge.
      await page.evaluate(async () => {
        const day = n => { const d = new Date(); d.setDate(d.getDate() + n); return d.toLocaleDateString('sv'); };
        await chrome.storage.local.set({ orders: { schema: 1, orders: { '8100000000000009': {
          order: { id: '8100000000000009', status: 'completed', shipped: day(-30), completed: day(-13) }, first_seen: day(0), last_seen: day(0) } } },
          settings: { closing_soon_days: 3 } });   // a settings change makes the background recount
      });
      // No event tells that the badge changed: asked until it shows something.
      await page.waitForFunction(async () => (await chrome.action.getBadgeText({})) !== '', { timeout: 5000, polling: 100 }).catch(() => {});
      const badge = await page.evaluate(() => chrome.action.getBadgeText({}));
      if (badge !== '1') throw new Error(`badge ${JSON.stringify(badge)}`);
      await page.close();
    });
    // The confirm-receipt guard: our <dialog> shown modally above the site's own modal <dialog>,
    // cancel keeps the click from the site, proceed lets it through once.
    await check('guard-list-en: the dialog is on top of the site\'s modal <dialog>; cancel, then proceed once', async () => {
      const { orderId } = require('../harness/templates');
      const order = orderId(22);
      const guardFixture = listFixtures().find(f => f.name === 'guard-list-en');
      const page = await browser.newPage();
      await page.goto(server.fixtureUrl(guardFixture).replace('//www.aliexpress.com/', `//www.aliexpress.com:${port}/`));
      await page.waitForFunction(() => document.documentElement.getAttribute('data-dg-read'), { timeout: 20000 });
      await page.evaluate(o => window.siteOpenPopup(o, 'native'), order);
      const own = '[data-fx="popup-confirm"][data-dg-guard="confirm-receipt"]';
      await page.waitForSelector(own, { timeout: 10000 });
      const log = () => page.evaluate(() => JSON.parse(document.documentElement.dataset.siteLog || '[]').map(e => `${e.event} ${e.order}`));
      const inDialog = action => `document.querySelector('[data-dg-ui="dialog"]').shadowRoot.querySelector('[data-dg-action="${action}"]')`;
      const centre = async action => page.evaluate(`(() => { const r = ${inDialog(action)}.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`);
      for (const action of ['cancel', 'proceed']) {
        await page.click(own);
        await page.waitForFunction(() => document.querySelector('[data-dg-ui="dialog"]'), { timeout: 5000 });
        const [x, y] = await centre(action);
        const onTop = await page.evaluate(`(() => { const host = document.querySelector('[data-dg-ui="dialog"]');
          return document.elementFromPoint(${x}, ${y}) === host && host.shadowRoot.elementFromPoint(${x}, ${y}) === ${inDialog(action)}; })()`);
        if (!onTop) throw new Error(`${action}: our dialog is not on top`);
        await page.mouse.click(x, y);
        await page.waitForFunction(() => !document.querySelector('[data-dg-ui="dialog"]'), { timeout: 5000 });
        if (action === 'cancel' && (await log()).length) throw new Error(`cancel: the site saw ${await log()}`);
      }
      await page.waitForFunction(() => JSON.parse(document.documentElement.dataset.siteLog || '[]').length > 0, { timeout: 5000 });
      const seen = await log();
      if (JSON.stringify(seen) !== JSON.stringify([`confirmed ${order}`])) throw new Error(`proceed: the site saw ${JSON.stringify(seen)}`);
      await page.close();
    });
  } finally {
    await browser.close().catch(() => {});
    srv.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
  const passed = results.filter(Boolean).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(results.length - passed ? 1 : 0);
}

main().catch(e => { console.error(e); console.log('0 passed, 1 failed'); process.exit(2); });
