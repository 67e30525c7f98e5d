// ./build.sh demo: the bundled demo order pages on localhost, in Chromium with the extension.
// With a display: a real window to try it in (close it to stop). Without one: headless, saving
// screenshots of the list page, the confirm-receipt dialog and the popup to dist/demo/.
'use strict';
const fs = require('fs');
const path = require('path');
const server = require('./harness/server');
const { launch, ROOT } = require('./harness/browser');
const { listFixtures } = require('./harness/templates');
const site = require('./harness/order_site');
const { pageSettled } = require('./harness/wait');

// A page ready for its picture: every read applied, then two frames painted with it.
async function drawn(page) {
  await pageSettled(page);
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// The pages the demo opens, first one in front: the list (badges, the confirm guard), an order
// whose dispute window is open (lit "Returns/refunds"), one whose protection ends soon (both steps
// lit), and the page where a dispute starts (the guide).
const DEMO_PAGES = ['current-list-en', 'current-detail-en', 'path-detail-extend-en', 'path-start-en'];

// "Check my orders" (issue 13): an order history whose detail pages the extension reads itself.
const CHECK_LIST = 'http://www.aliexpress.com/p/order/index.html?dgfx=demo-check-orders';

async function main() {
  const { server: srv, port, route } = await server.start(0, { 'demo-check-orders': () => site.listPage() });
  site.serveOrders(route);
  const headed = !!process.env.DISPLAY && !process.env.DG_DEMO_HEADLESS;
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
  const page = await browser.context.newPage();
  await page.goto(urlOf(DEMO_PAGES[0]));
  await page.waitForSelector('[data-dg-order]', { state: 'attached', timeout: 15000 });
  await drawn(page);
  shots.push(path.join(out, 'order-list.png'));
  await page.screenshot({ path: shots.at(-1), fullPage: true });

  await page.locator('[data-dg-guard="confirm-receipt"]').first().click();
  await page.locator('[data-dg-dialog="confirm-receipt"]').waitFor();
  shots.push(path.join(out, 'confirm-dialog.png'));
  await page.screenshot({ path: shots.at(-1) });
  await page.locator('[data-dg-action="cancel"]').click();

  // An order's page with its lit path.
  const detail = await browser.context.newPage();
  await detail.goto(urlOf(DEMO_PAGES[2]));
  await detail.waitForSelector('[data-dg-highlight]', { state: 'attached', timeout: 15000 });
  await drawn(detail);
  shots.push(path.join(out, 'order-detail.png'));
  await detail.screenshot({ path: shots.at(-1), fullPage: true });

  await sw.evaluate(() => globalThis.dgTest.settled());
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  await popup.waitForSelector('body[data-ready]');
  shots.push(path.join(out, 'popup.png'));
  await popup.screenshot({ path: shots.at(-1) });

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
  await popup.reload();
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

main().catch(e => { console.error(e); process.exit(1); });
