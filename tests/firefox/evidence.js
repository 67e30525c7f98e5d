// Evidence uploads in Firefox (firefox-esr, headless, WebDriver BiDi through puppeteer-core).
// Firefox gives what a content script builds (DataTransfer, File, DragEvent) the extension's
// principal and hides its files from the page, and denies typed-array methods on the page's
// buffers: this pins down that picks, drops, location removal and the smaller copy still reach
// the fixture site's own handlers there. Prints "N passed, M failed".
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const puppeteer = require('puppeteer-core');
const server = require('../harness/server');
const { listFixtures } = require('../harness/templates');
const { canvasImage, withGps, heic, windowsProgram } = require('../harness/evidence_files');

const ROOT = path.resolve(__dirname, '..', '..');

// The seconds of the latitude withGps writes (26.33" as the rational 2633/100, little-endian).
const LATITUDE = Buffer.alloc(4);
LATITUDE.writeUInt32LE(2633);

async function main() {
  const results = [];
  const check = async (name, fn) => {
    const t = Date.now();
    try { await fn(); results.push(true); console.log(`ok   firefox evidence: ${name} (${Date.now() - t} ms)`); }
    catch (e) { results.push(false); console.log(`FAIL firefox evidence: ${name}: ${String(e && e.message || e).split('\n')[0]}`); }
  };
  const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
  const { server: srv, port } = await server.start(0);
  const profileDir = fs.mkdtempSync(path.join(ROOT, 'tests', '.run-ff-'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-ff-files-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true, userDataDir: profileDir,
    extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'network.proxy.type': 0, 'dom.security.https_first': false, 'dom.security.https_only_mode': false },
  });
  const siteFiles = page => page.evaluate(() => JSON.parse(document.documentElement.dataset.siteLog || '[]')
    .filter(e => e.event === 'files').map(e => [e.via, e.files.map(f => f.name)]));
  const alerts = page => page.evaluate(() => [...document.querySelectorAll('[data-dg-evidence-error]')].map(e => [e.dataset.dgFile, e.dataset.dgEvidenceError]));
  const until = async (page, fn, arg) => page.waitForFunction(fn, { timeout: 20000 }, arg);
  try {
    await browser.installExtension(path.join(ROOT, 'dist', 'extension-firefox'));
    const fixture = listFixtures().find(f => f.name === 'dispute-start-en');
    const page = await browser.newPage();
    await page.goto(server.fixtureUrl(fixture).replace('//www.aliexpress.com/', `//www.aliexpress.com:${port}/`));
    await page.waitForSelector('[data-dg-evidence="watched"]', { timeout: 20000 });
    const jpg = await canvasImage(page, 'image/jpeg', 300, 200);
    const program = windowsProgram();
    const gps = withGps(jpg);
    // Oversized: a real JPEG followed by 6 MB (decoders stop at its end).
    const files = { 'ok.jpg': jpg, 'holiday.jpg': program, 'street.jpg': gps, 'big.jpg': Buffer.concat([jpg, Buffer.alloc(6 << 20, 7)]), 'IMG_0001.HEIC': heic() };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);

    await check('a pick: the program refused, the photos on, the GPS gone', async () => {
      const input = await page.$('input[name=evidence]');
      await input.uploadFile(path.join(dir, 'ok.jpg'), path.join(dir, 'holiday.jpg'), path.join(dir, 'street.jpg'));
      await until(page, () => JSON.parse(document.documentElement.dataset.siteLog || '[]').some(e => e.event === 'files'));
      assert(JSON.stringify(await siteFiles(page)) === JSON.stringify([['change', ['ok.jpg', 'street.jpg']]]), `site saw ${JSON.stringify(await siteFiles(page))}`);
      assert(JSON.stringify(await alerts(page)) === JSON.stringify([['holiday.jpg', 'bad-format']]), `alerts ${JSON.stringify(await alerts(page))}`);
      const street = await page.evaluate(async () => Array.from(new Uint8Array(await window.siteFiles[1].arrayBuffer())));
      assert(street.length === gps.length && !Buffer.from(street).includes(LATITUDE) && gps.includes(LATITUDE), 'GPS latitude removed in place');
    });

    await check('a drop on the upload area: the site\'s drop handler sees only what passed', async () => {
      await page.evaluate(async () => {
        const c = document.createElement('canvas'); c.width = 40; c.height = 40;
        const dt = new DataTransfer();
        dt.items.add(new File([await new Promise(r => c.toBlob(r, 'image/jpeg'))], 'dropped.jpg', { type: 'image/jpeg' }));
        dt.items.add(new File([new Uint8Array([0x4d, 0x5a, 0, 0])], 'bad.png', { type: 'image/png' }));
        const zone = document.querySelector('[data-fx-drop]');
        for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      });
      await until(page, () => JSON.parse(document.documentElement.dataset.siteLog).some(e => e.via === 'drop'));
      const drops = (await siteFiles(page)).filter(([via]) => via === 'drop');
      assert(JSON.stringify(drops) === JSON.stringify([['drop', ['dropped.jpg']]]), `drop saw ${JSON.stringify(drops)}`);
      assert(JSON.stringify(await alerts(page)) === JSON.stringify([['bad.png', 'bad-format']]), `alerts ${JSON.stringify(await alerts(page))}`);
    });

    await check('an oversized photo made smaller on a click reaches the site', async () => {
      const input = await page.$('input[name=evidence]');
      await input.uploadFile(path.join(dir, 'big.jpg'));
      await until(page, () => document.querySelector('[data-dg-evidence-error="too-large"]'));
      await page.evaluate(() => document.querySelector('[data-dg-evidence-error="too-large"]').shadowRoot.querySelector('[data-dg-action="shrink"]').click());
      await until(page, () => JSON.parse(document.documentElement.dataset.siteLog).some(e => e.event === 'files' && e.files.some(f => f.name === 'big.jpg')));
      const last = await page.evaluate(() => JSON.parse(document.documentElement.dataset.siteLog).filter(e => e.event === 'files').pop().files.pop());
      assert(last.type === 'image/jpeg' && last.size < 5 << 20, `the copy ${JSON.stringify(last)}`);
    });

    await check('a HEIC photo where the form states no formats: held with a warning, "Upload anyway" hands it on', async () => {
      const silent = listFixtures().find(f => f.name === 'dispute-detail-en');
      const p2 = await browser.newPage();
      await p2.goto(server.fixtureUrl(silent).replace('//trade.aliexpress.com/', `//trade.aliexpress.com:${port}/`).replace('//www.aliexpress.com/', `//www.aliexpress.com:${port}/`));
      await p2.waitForSelector('[data-dg-evidence="watched"]', { timeout: 20000 });
      const input = await p2.$('#addEvidence');
      await input.uploadFile(path.join(dir, 'ok.jpg'), path.join(dir, 'IMG_0001.HEIC'));
      await until(p2, () => document.querySelector('[data-dg-evidence-warning]'));
      await p2.evaluate(() => document.querySelector('[data-dg-evidence-warning]').shadowRoot.querySelector('[data-dg-action="upload-anyway"]').click());
      await until(p2, () => JSON.parse(document.documentElement.dataset.siteLog || '[]').some(e => e.event === 'files' && e.files.some(f => f.name === 'IMG_0001.HEIC')));
      const seen = await siteFiles(p2);
      assert(JSON.stringify(seen) === JSON.stringify([['change', ['ok.jpg']], ['change', ['ok.jpg', 'IMG_0001.HEIC']]]), `site saw ${JSON.stringify(seen)}`);
      await p2.close();
    });
  } finally {
    await browser.close().catch(() => {});
    srv.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const passed = results.filter(Boolean).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(results.length - passed ? 1 : 0);
}

main().catch(e => { console.error(e); console.log('0 passed, 1 failed'); process.exit(2); });
