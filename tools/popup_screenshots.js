// Screenshots of the toolbar popup for the docs (docs/img/popup-*.png): light, dark, French and
// Russian, with the sample orders of tests/harness/tracked_orders.js. Run after a build:
//   node tools/popup_screenshots.js
'use strict';
const path = require('path');
const server = require('../tests/harness/server');
const { launch, ROOT } = require('../tests/harness/browser');
const { sampleMemory } = require('../tests/harness/tracked_orders');

const SHOTS = [
  { file: 'popup-light.png', scheme: 'light', language: null },
  { file: 'popup-dark.png', scheme: 'dark', language: null },
  { file: 'popup-fr.png', scheme: 'light', language: 'fr' },
  { file: 'popup-ru.png', scheme: 'dark', language: 'ru' },
];

async function main() {
  const { server: srv, port } = await server.start(0);
  const browser = await launch({ port });
  const sw = browser.sw();
  const out = [];
  try {
    for (const shot of SHOTS) {
      await sw.evaluate(async ({ memory, language }) => {
        await chrome.storage.local.clear();
        await chrome.storage.local.set({ orders: memory, settings: language ? { language } : {} });
      }, { memory: sampleMemory(), language: shot.language });
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 380, height: 560 });
      await page.emulateMedia({ colorScheme: shot.scheme });
      await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
      await page.waitForSelector('body[data-ready]');
      await page.waitForTimeout(200);
      const file = path.join(ROOT, 'docs', 'img', shot.file);
      await page.screenshot({ path: file });
      out.push(path.relative(ROOT, file));
      await page.close();
    }
  } finally {
    await browser.close();
    srv.close();
  }
  console.log(out.join('\n'));
}

main().catch(e => { console.error(e); process.exit(1); });
