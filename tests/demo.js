// ./build.sh demo: the bundled demo order pages on localhost, in Chromium with the extension.
// With a display: a real window to try it in (close it to stop). Without one: headless, saving
// screenshots of the list page, the confirm-receipt dialog, an order's page and its timeline, and
// the popup to dist/demo/. The same scenes make the store screenshots (tools/store.js), in every language.
'use strict';
const fs = require('fs');
const path = require('path');
const server = require('./harness/server');
const { launch, ROOT } = require('./harness/browser');
const { listFixtures } = require('./harness/templates');
const site = require('./harness/order_site');

// The pages the demo opens, first one in front: the list (badges, the confirm guard), an order
// whose dispute window is open (lit "Returns/refunds"), one whose protection ends soon (both steps
// lit), and the page where a dispute starts (the guide).
const DEMO_PAGES = ['current-list-en', 'current-detail-en', 'path-detail-extend-en', 'path-start-en'];

// "Check my orders": an order history whose detail pages the extension reads itself.
const CHECK_LIST = 'http://www.aliexpress.com/p/order/index.html?dgfx=demo-check-orders';

// The fixtures' language suffix for each _locales language.
const FIXTURE_LANG = { en: 'en', fr: 'fr', ru: 'ru', es: 'es', pt_BR: 'pt', de: 'de', pl: 'pl', zh_CN: 'zh' };

// Resolves once the page has painted what is in it now (fonts loaded, two frames drawn).
const painted = page => page.evaluate(() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))));
const read = page => page.waitForFunction(() => Number(document.documentElement.getAttribute('data-dg-read') || 0) >= 1, null, { timeout: 15000 });

// What the demo shows, in the order a store listing shows it. `show` opens the scene in a new
// page of `ctx.browser` and resolves with the page once it shows what the scene is about;
// `ctx.urlOf(fixtureName)` is the fixture's address, `ctx.lang` a _locales language.
const SCENES = [
  {
    id: 'order-list', fullPage: true,
    async show({ browser, urlOf, lang }) {
      const page = await browser.context.newPage();
      await page.goto(urlOf(`current-list-${FIXTURE_LANG[lang]}`));
      await read(page);
      await page.waitForSelector('[data-dg-order]', { state: 'attached' });
      return page;
    },
  },
  {
    id: 'confirm-dialog',
    async show(ctx) {
      const page = await SCENES[0].show(ctx);
      await page.locator('[data-dg-guard="confirm-receipt"]').first().click();
      await page.locator('[data-dg-dialog="confirm-receipt"]').waitFor();
      return page;
    },
  },
  {
    // In English, an order whose protection ends soon (both steps lit); in the other languages
    // the order page of that language (lit, or saying why not yet).
    id: 'order-detail', fullPage: true,
    async show({ browser, urlOf, lang }) {
      const page = await browser.context.newPage();
      await page.goto(urlOf(lang === 'en' ? 'path-detail-extend-en' : `current-detail-${FIXTURE_LANG[lang]}`));
      await read(page);
      return page;
    },
  },
  {
    // The toolbar popup, with the orders the scenes before it have read.
    id: 'popup', width: 420, height: 600,
    async show({ browser }) {
      await browser.sw().evaluate(() => globalThis.dgTest.settled());
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
      await page.waitForSelector('body[data-ready]');
      // The orders read are saved a moment after the pages are read; the popup draws them then.
      await page.waitForSelector('[data-dg-popup-order]');
      return page;
    },
  },
];

// Shows a scene in the given interface language and colour scheme; resolves with the page,
// painted. The language is the options' (settings.language), as a shopper would choose it.
async function showScene(scene, { browser, urlOf, lang = 'en', scheme = 'light', size }) {
  await browser.sw().evaluate(async language => {
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, language } });
  }, lang);
  const page = await scene.show({ browser, urlOf, lang });
  await page.emulateMedia({ colorScheme: scheme });
  if (size && !scene.width) await page.setViewportSize(size);
  await painted(page);
  return page;
}

async function main() {
  const { server: srv, port, route } = await server.start(0, { 'demo-check-orders': () => site.listPage() });
  site.serveOrders(route);
  const headed = !!process.env.DISPLAY && !process.env.DG_DEMO_HEADLESS;
  // The shipped extension, as a shopper would load it.
  // The test build: the shipped extension plus the hooks that let the demo wait for the service
  // worker and let "Check my orders" open the demo's plain-HTTP order pages.
  const browser = await launch({ port, headless: !headed });
  const fixtures = listFixtures();
  const urlOf = name => server.fixtureUrl(fixtures.find(f => f.name === name));
  const sw = browser.sw();
  // The demo server speaks plain HTTP: the order pages the extension opens are asked for so.
  await sw.evaluate(() => { Object.assign(globalThis.dgTest.checkOrders, { scheme: 'http:' }); return chrome.storage.local.clear(); });

  if (headed) {
    for (const name of DEMO_PAGES) await (await browser.context.newPage()).goto(urlOf(name));
    await (await browser.context.newPage()).goto(CHECK_LIST);
    console.log(`Demo running: ${[...DEMO_PAGES.map(urlOf), CHECK_LIST].join(' ')}\nThe popup: ${`chrome-extension://${browser.extensionId}/popup/popup.html`}\n"Check my orders": the bar on the last list, or the popup.\nClose the browser window to stop.`);
    await new Promise(resolve => browser.context.on('close', resolve));
    srv.close();
    return;
  }

  const out = path.join(ROOT, 'dist', 'demo');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const shots = [];
  for (const scene of SCENES) {
    const page = await showScene(scene, { browser, urlOf });
    shots.push(path.join(out, `${scene.id}.png`));
    await page.screenshot({ path: shots.at(-1), fullPage: !!scene.fullPage });
    await page.close();
  }
  // The order's timeline in its notice, light and dark.
  {
    const detail = await showScene(SCENES.find(s => s.id === 'order-detail'), { browser, urlOf });
    for (const scheme of ['light', 'dark']) {
      await detail.emulateMedia({ colorScheme: scheme });
      shots.push(path.join(out, `order-timeline-${scheme}.png`));
      await detail.locator('[data-dg-ui="dispute-notice"]').screenshot({ path: shots.at(-1) });
    }
    await detail.close();
  }

  // "Check my orders": the list with its bar, the popup mid-run and after.
  await sw.evaluate(() => chrome.storage.local.clear());
  const list = await browser.context.newPage();
  await list.goto(CHECK_LIST);
  const inBar = sel => list.waitForFunction(s => {
    const h = document.querySelector('[data-dg-ui="check-orders"]');
    return !!(h && h.shadowRoot && h.shadowRoot.querySelector(s));
  }, sel, { timeout: 20000 });
  await inBar('[data-dg-action="read-all"]');
  shots.push(path.join(out, 'order-list-check-bar.png'));
  await list.screenshot({ path: shots.at(-1) });
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await popup.waitForSelector('body[data-ready]');
  await popup.click('#check [data-dg-action="read-all"]');
  await popup.waitForSelector('#check [data-dg-progress="2/5"]', { timeout: 30000 });
  shots.push(path.join(out, 'popup-check-running.png'));
  await popup.screenshot({ path: shots.at(-1) });
  await popup.waitForSelector('#check [data-dg-progress="done"]', { timeout: 60000 });
  await sw.evaluate(() => globalThis.dgTest.settled());
  await popup.waitForSelector('[data-dg-deadline]');
  shots.push(path.join(out, 'popup-check-done.png'));
  await popup.screenshot({ path: shots.at(-1) });

  await browser.close();
  srv.close();
  console.log('Screenshots (headless, no display):');
  for (const s of shots) console.log('  ' + path.relative(process.cwd(), s));
}

module.exports = { SCENES, showScene, FIXTURE_LANG };
if (require.main === module) main().catch(e => { console.error(e); process.exit(1); });
