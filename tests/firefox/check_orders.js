// Firefox smoke test of "Check my orders": one short run in firefox-esr (headless,
// WebDriver BiDi through puppeteer-core). The fixture server is Firefox's HTTP proxy here, so the
// detail addresses the extension builds (no port) reach it. Prints "N passed, M failed".
'use strict';
const path = require('path');
const fs = require('fs');
const puppeteer = require('puppeteer-core');
const server = require('../harness/server');
const site = require('../harness/order_site');
const { day } = require('../harness/tracked_orders');
const { poll } = require('../harness/wait');

const ROOT = path.resolve(__dirname, '..', '..');
const GECKO_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
const EXT_UUID = '7d0c2a9e-4f1b-4c6e-9a55-d15c0de6a4d2';
// Received 13 days ago (closes in 2), protection ending in 3, and a closed order never to open.
const ORDERS = site.ORDERS.filter(o => [302, 305, 306].includes(o.n));

async function main() {
  const results = [];
  const check = async (name, fn) => {
    const t = Date.now();
    try { await fn(); results.push(true); console.log(`ok   firefox: ${name} (${Date.now() - t} ms)`); }
    catch (e) { results.push(false); console.log(`FAIL firefox: ${name}: ${String(e && e.message || e).split('\n')[0]}`); }
  };
  const { server: srv, port, served, route } = await server.start(0, { 'check-list': () => site.listPage(ORDERS) });
  site.serveOrders(route, { orders: ORDERS });
  const profileDir = fs.mkdtempSync(path.join(ROOT, 'tests', '.run-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true,
    args: ['--remote-allow-system-access'],
    userDataDir: profileDir,
    extraPrefsFirefox: {
      'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': port,
      'network.proxy.no_proxies_on': '', 'network.proxy.allow_hijacking_localhost': true,
      'dom.security.https_first': false, 'dom.security.https_only_mode': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
    },
  });
  try {
    await browser.installExtension(path.join(ROOT, 'dist', 'extension-firefox-test'));   // the test build: its hooks set the pace
    await check('one short run: the two orders that may need action read in background tabs, popup and badge follow', async () => {
      const popup = await browser.newPage();
      await popup.goto(`moz-extension://${EXT_UUID}/popup/popup.html`, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
      await popup.waitForFunction(() => document.body && document.body.dataset.ready === '1', { timeout: 20000 });
      // The test pace and the fixture server's plain HTTP, in the background page's test hooks.
      await popup.evaluate(async () => {
        const bg = await browser.runtime.getBackgroundPage();
        Object.assign(bg.dgTest.checkOrders, { pace: { pauseMs: 150, timeoutMs: 8000, settleMs: 400 }, scheme: 'http:' });
      });
      const list = await browser.newPage();
      await list.goto('http://www.aliexpress.com/p/order/index.html?dgfx=check-list');
      const bar = () => list.evaluate(() => {
        const h = document.querySelector('[data-dg-ui="check-orders"]');
        const b = h && h.shadowRoot && h.shadowRoot.querySelector('[data-dg-action="read-all"]');
        return !!b;
      });
      await list.waitForFunction(() => {
        const h = document.querySelector('[data-dg-ui="check-orders"]');
        return !!(h && h.shadowRoot && h.shadowRoot.querySelector('[data-dg-action="read-all"]'));
      }, { timeout: 20000 });
      if (!(await bar())) throw new Error('no "Check my orders" in the list bar');
      const pagesBefore = (await browser.pages()).length;
      served.length = 0;
      await popup.waitForFunction(() => !!document.querySelector('#check [data-dg-action="read-all"]'), { timeout: 20000 });
      await popup.evaluate(() => document.querySelector('#check [data-dg-action="read-all"]').click());
      await popup.waitForFunction(async () => {
        const s = (await chrome.storage.local.get('checkOrders')).checkOrders;
        return s && s.status === 'done';
      }, { timeout: 40000, polling: 100 });
      const s = await popup.evaluate(async () => (await chrome.storage.local.get('checkOrders')).checkOrders);
      const asked = served.filter(u => u.includes('/p/order/detail.html')).map(u => new URL(u).searchParams.get('orderId')).sort();
      const want = ORDERS.filter(o => o.read).map(site.idOf).sort();
      if (JSON.stringify(asked) !== JSON.stringify(want)) throw new Error(`pages opened: ${JSON.stringify(asked)}, expected ${JSON.stringify(want)}`);
      if (JSON.stringify(s.results.map(r => r.result)) !== '["read","read"]') throw new Error(`results ${JSON.stringify(s.results)}`);
      await poll(async () => (await browser.pages()).length <= pagesBefore, 'the run\'s tabs closed (a tab left open)', { timeout: 10000, every: 100 });
      if ((await browser.pages()).length !== pagesBefore) throw new Error('a tab left open');
      await popup.waitForFunction(() => !!document.querySelector('#check [data-dg-progress="done"]'), { timeout: 20000 });
      await list.waitForFunction(() => {
        const h = document.querySelector('[data-dg-ui="check-orders"]');
        return !!(h && h.shadowRoot && h.shadowRoot.querySelector('[data-dg-progress="done"]'));
      }, { timeout: 20000 });
      const deadlines = await popup.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-dg-deadline]')].map(e => [e.dataset.dgPopupOrder, e.dataset.dgDeadline])));
      const expected = { [site.idOf(ORDERS[0])]: day(2), [site.idOf(ORDERS[2])]: day(3) };
      if (JSON.stringify(deadlines) !== JSON.stringify(expected)) throw new Error(`popup deadlines ${JSON.stringify(deadlines)}, expected ${JSON.stringify(expected)}`);
      const badge = await popup.evaluate(() => chrome.action.getBadgeText({}));
      if (badge !== '2') throw new Error(`badge ${JSON.stringify(badge)}`);
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
