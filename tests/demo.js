// ./build.sh demo: the bundled demo order pages on localhost, in Chromium with the extension.
// With a display: a real window to try it in (close it to stop). Without one: headless, saving
// screenshots of the list page, the confirm-receipt dialog and the popup to dist/demo/.
'use strict';
const fs = require('fs');
const path = require('path');
const server = require('./harness/server');
const { launch, ROOT } = require('./harness/browser');
const { listFixtures } = require('./harness/templates');

// The pages the demo opens, first one in front: the list (badges, the confirm guard), an order
// whose dispute window is open (lit "Returns/refunds"), one whose protection ends soon (both steps
// lit), and the page where a dispute starts (the guide).
const DEMO_PAGES = ['current-list-en', 'current-detail-en', 'path-detail-extend-en', 'path-start-en'];

async function main() {
  const { server: srv, port } = await server.start(0);
  const headed = !!process.env.DISPLAY && !process.env.DG_DEMO_HEADLESS;
  // The shipped extension, as a shopper would load it.
  const browser = await launch({ port, headless: !headed, extensionDir: path.join(ROOT, 'dist', 'extension') });
  const fixtures = listFixtures();
  const urlOf = name => server.fixtureUrl(fixtures.find(f => f.name === name));
  const sw = browser.sw();
  await sw.evaluate(() => chrome.storage.local.clear());

  if (headed) {
    for (const name of DEMO_PAGES) await (await browser.context.newPage()).goto(urlOf(name));
    console.log(`Demo running: ${DEMO_PAGES.map(urlOf).join(' ')}\nThe popup: ${`chrome-extension://${browser.extensionId}/popup/popup.html`}\nClose the browser window to stop.`);
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
  await page.waitForTimeout(300);
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
  await detail.waitForTimeout(300);
  shots.push(path.join(out, 'order-detail.png'));
  await detail.screenshot({ path: shots.at(-1), fullPage: true });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  // The orders read are saved a moment after the pages are read; the popup draws them then.
  await popup.waitForSelector('[data-dg-popup-order]');
  shots.push(path.join(out, 'popup.png'));
  await popup.screenshot({ path: shots.at(-1) });

  await browser.close();
  srv.close();
  console.log('Screenshots (headless, no display):');
  for (const s of shots) console.log('  ' + path.relative(process.cwd(), s));
}

main().catch(e => { console.error(e); process.exit(1); });
