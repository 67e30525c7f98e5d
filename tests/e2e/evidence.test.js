// Evidence uploads end to end (CONTRACT.md section 4, issue 5): real file picks with
// setInputFiles and generated files, drops on the upload area, and what the fixture site's own
// handlers saw (tests/fixtures/site/upload.js records it). Also the dispute form assistant and
// the "system busy" notice. Measurements (a 2 GB file, a 12-megapixel photo) are printed as
// "measure:" lines.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const PAGE = 'dispute-start-en';
const MB = 1024 * 1024;

const { canvasImage, withGps, mp4, windowsProgram } = require('../harness/evidence_files');

const file = (name, mimeType, buffer) => ({ name, mimeType, buffer });
const names = entries => entries.flatMap(e => (e.files || []).map(f => f.name));

// ---- helpers -----------------------------------------------------------------------------------

async function open(env, name = PAGE) {
  const page = await env.open(name);
  await page.locator('input[type=file][data-dg-evidence="watched"]').first().waitFor({ state: 'attached' });
  return page;
}

async function siteFiles(page) {
  const log = await page.evaluate(() => JSON.parse(document.documentElement.dataset.siteLog || '[]'));
  return log.filter(e => e.event === 'files');
}

async function alerts(page) {
  return page.$$eval('[role="alert"][data-dg-evidence-error]', els => els.map(e => [e.getAttribute('data-dg-file'), e.getAttribute('data-dg-evidence-error')]));
}

async function waitForSite(page, n = 1) {
  await page.waitForFunction(n => JSON.parse(document.documentElement.dataset.siteLog || '[]').filter(e => e.event === 'files').length >= n, n, { timeout: 20000 });
}

async function waitForAlerts(page, n) {
  await page.waitForFunction(n => document.querySelectorAll('[role="alert"][data-dg-evidence-error]').length >= n, n, { timeout: 20000 });
}

// Polls `get` until `ok` holds (or fails with what it last saw).
async function until(get, ok, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await get();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`${what}: last saw ${JSON.stringify(last)}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

// Lets any late event reach the site before asserting that it saw nothing.
const settle = page => page.waitForTimeout(600);

module.exports = t => {
  t.test('every dispute fixture watches exactly its evidence inputs, never the header search', async env => {
    for (const f of env.fixtures.filter(f => f.name.startsWith('dispute-') && f.expected)) {
      const page = await open(env, f.name);
      const expected = env.expected(f.name).evidence.map(e => e.input);
      const watched = await page.$$eval('[data-dg-evidence="watched"]', els => els.map(e => e.name || e.id));
      env.assert.equal(watched, expected, `${f.name}: watched inputs`);
      const tags = await page.$$eval('[data-dg-evidence="watched"]', els => els.map(e => `${e.tagName}:${e.type}`));
      env.assert(tags.every(x => x === 'INPUT:file'), `${f.name}: only file inputs carry "watched": ${tags}`);
      await page.close();
    }
  });

  t.test('valid JPEG, PNG and MP4 reach the site untouched', async env => {
    const page = await open(env);
    const jpg = await canvasImage(page, 'image/jpeg');
    const png = await canvasImage(page, 'image/png');
    const clip = mp4(64 * 1024);
    await page.setInputFiles('input[name=evidence]', [file('item.jpg', 'image/jpeg', jpg), file('box.png', 'image/png', png), file('unboxing.mp4', 'video/mp4', clip)]);
    await waitForSite(page);
    await settle(page);
    const seen = await siteFiles(page);
    env.assert.equal(seen.length, 1, 'the site saw one pick');
    env.assert.equal(seen[0].files, [
      { name: 'item.jpg', size: jpg.length, type: 'image/jpeg' },
      { name: 'box.png', size: png.length, type: 'image/png' },
      { name: 'unboxing.mp4', size: clip.length, type: 'video/mp4' },
    ], 'files as picked');
    const log = await env.siteLog(page);
    env.assert.equal(log.filter(e => e.event === 'input').map(e => e.count), [3], 'one input event with the three files');
    env.assert.equal(await alerts(page), [], 'no alert');
    // Byte for byte what was picked.
    const same = await page.evaluate(async sizes => {
      const out = [];
      for (const f of window.siteFiles) out.push(new Uint8Array(await f.arrayBuffer()).length);
      return out;
    });
    env.assert.equal(same, [jpg.length, png.length, clip.length], 'contents');
    const held = await page.$eval('input[name=evidence]', i => [...i.files].map(f => f.name));
    env.assert.equal(held, ['item.jpg', 'box.png', 'unboxing.mp4'], 'the input holds the files');
  });

  t.test('a renamed program, an empty file and a lying name never reach the site; each gets its alert', async env => {
    const page = await open(env);
    const jpg = await canvasImage(page, 'image/jpeg');
    await page.setInputFiles('input[name=evidence]', [
      file('holiday.jpg', 'image/jpeg', windowsProgram()),
      file('empty.jpg', 'image/jpeg', Buffer.alloc(0)),
      file('label.png', 'image/png', jpg),
    ]);
    await waitForAlerts(page, 3);
    await settle(page);
    env.assert.equal(await alerts(page), [['holiday.jpg', 'bad-format'], ['empty.jpg', 'empty'], ['label.png', 'mismatch']], 'alerts');
    env.assert.equal(await env.siteLog(page), [], 'the site saw nothing at all');
    env.assert.equal(await page.$eval('input[name=evidence]', i => i.files.length), 0, 'the input holds nothing');
    const text = await page.locator('[data-dg-evidence-error="bad-format"]').textContent().catch(() => '');
    const shadowText = await page.$eval('[data-dg-evidence-error="bad-format"]', h => h.shadowRoot.textContent);
    env.assert(/holiday\.jpg/.test(shadowText) && /program/.test(shadowText), `the alert names the file and says what it is: ${shadowText}`);
    env.assert(text === '' || /holiday/.test(text), 'light DOM text');
    const visible = await page.locator('[data-dg-evidence-error="mismatch"]').isVisible();
    env.assert(visible, 'alerts are visible');
    const mismatch = await page.$eval('[data-dg-evidence-error="mismatch"]', h => h.shadowRoot.textContent);
    env.assert(/label\.jpg/.test(mismatch), `says how to fix it (rename to label.jpg): ${mismatch}`);
  });

  t.test('too many photos: the first ones up to the limit go on, the rest fail as too-many', async env => {
    const page = await open(env);
    const jpg = await canvasImage(page, 'image/jpeg');
    const picks = [1, 2, 3, 4, 5].map(i => file(`photo${i}.jpg`, 'image/jpeg', jpg));
    await page.setInputFiles('input[name=evidence]', picks);
    await waitForSite(page);
    await waitForAlerts(page, 2);
    env.assert.equal(names(await siteFiles(page)), ['photo1.jpg', 'photo2.jpg', 'photo3.jpg'], 'site saw the first three ("Up to 3 photos")');
    env.assert.equal(await alerts(page), [['photo4.jpg', 'too-many'], ['photo5.jpg', 'too-many']], 'alerts');
    const msg = await page.$eval('[data-dg-evidence-error="too-many"]', h => h.shadowRoot.textContent);
    env.assert(/at most 3 photos/.test(msg), `names the limit: ${msg}`);
  });

  t.test('a mixed selection: the site sees exactly the files that passed, in order', async env => {
    const page = await open(env);
    const jpg = await canvasImage(page, 'image/jpeg');
    const png = await canvasImage(page, 'image/png');
    await page.setInputFiles('input[name=evidence]', [
      file('front.jpg', 'image/jpeg', jpg),
      file('setup.jpg', 'image/jpeg', windowsProgram()),
      file('back.png', 'image/png', png),
      file('nothing.png', 'image/png', Buffer.alloc(0)),
      file('clip.mp4', 'video/mp4', mp4()),
      file('scan.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n')),
    ]);
    await waitForSite(page);
    await waitForAlerts(page, 3);
    await settle(page);
    const seen = await siteFiles(page);
    env.assert.equal(seen.length, 1, 'one pick reached the site');
    env.assert.equal(names(seen), ['front.jpg', 'back.png', 'clip.mp4'], 'the passing files');
    // "Up to 3 photos": front, setup and back take the three places (a file that fails for
    // another reason takes its place too); the empty file and the PDF come after them.
    env.assert.equal(await alerts(page), [['setup.jpg', 'bad-format'], ['nothing.png', 'too-many'], ['scan.pdf', 'too-many']], 'alerts');
    env.assert.equal(await page.$eval('input[name=evidence]', i => [...i.files].map(f => f.name)), ['front.jpg', 'back.png', 'clip.mp4'], 'input holds the passing files');
  });

  t.test("a new pick replaces the earlier pick's messages", async env => {
    const page = await open(env);
    await page.setInputFiles('input[name=evidence]', [file('a.jpg', 'image/jpeg', Buffer.alloc(0)), file('b.jpg', 'image/jpeg', windowsProgram())]);
    await waitForAlerts(page, 2);
    await page.setInputFiles('input[name=evidence]', [file('c.png', 'image/png', windowsProgram())]);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-dg-evidence-error]')].map(e => e.dataset.dgFile).join() === 'c.png', null, { timeout: 10000 });
    env.assert.equal(await alerts(page), [['c.png', 'bad-format']], 'only the last pick speaks');
  });

  t.test('an oversized 12-megapixel photo is shrunk to fit on one click and reaches the site', async env => {
    const page = await open(env);
    const big = await canvasImage(page, 'image/jpeg', 4000, 3000, true, 0.92);
    env.assert(big.length > 5 * MB, `the photo is over 5 MB (${big.length})`);
    // From a file on disk, as a shopper's pick: the time measured is the check, not the test's copy.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-photo-'));
    const onDisk = path.join(dir, 'IMG_2031.jpg');
    fs.writeFileSync(onDisk, big);
    try {
      const t0 = Date.now();
      await page.setInputFiles('input[name=evidence]', onDisk);
      await waitForAlerts(page, 1);
      const checkMs = Date.now() - t0;
      env.assert.equal(await alerts(page), [['IMG_2031.jpg', 'too-large']], 'too-large');
      env.assert.equal(await env.siteLog(page), [], 'the site saw nothing yet');
      const button = page.locator('[data-dg-evidence-error="too-large"] [data-dg-action="shrink"]');
      const t1 = Date.now();
      await button.click();
      await waitForSite(page);
      const shrinkMs = Date.now() - t1;
      const seen = await siteFiles(page);
      env.assert.equal(seen[0].files.length, 1, 'one file');
      const got = seen[0].files[0];
      env.assert(got.name === 'IMG_2031.jpg' && got.type === 'image/jpeg' && got.size <= 5 * MB && got.size > 100 * 1024, `a smaller JPEG under 5 MB: ${JSON.stringify(got)}`);
      const dims = await page.evaluate(async () => { const b = await createImageBitmap(window.siteFiles[0]); return [b.width, b.height]; });
      env.assert(dims[0] / dims[1] > 1.3 && dims[0] / dims[1] < 1.37, `same proportions: ${dims}`);
      await page.locator('[data-dg-evidence-fixed="shrunk"]').waitFor();
      env.assert.equal(await alerts(page), [], 'the alert gave way to a note');
      console.log(`measure: 12-megapixel JPEG (${(big.length / MB).toFixed(1)} MB) checked in ${checkMs} ms, shrunk to ${(got.size / MB).toFixed(2)} MB (${dims.join('×')}) and handed to the site in ${shrinkMs} ms`);
    } finally {
      // The picked File reads from that file: it goes only now.
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  t.test('a 2 GB video is checked from its first bytes only, fast', async env => {
    const page = await open(env);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-big-'));
    const big = path.join(dir, 'unboxing.mp4');
    try {
      fs.writeFileSync(big, mp4(4096));
      fs.truncateSync(big, 2 * 1024 * MB);   // sparse: 2 GB on paper, nothing more on disk
      const t0 = Date.now();
      await page.setInputFiles('input[name=evidence]', big);
      await waitForAlerts(page, 1);
      const ms = Date.now() - t0;
      env.assert.equal(await alerts(page), [['unboxing.mp4', 'too-large']], 'over the 50 MB the form states for videos');
      const msg = await page.$eval('[data-dg-evidence-error="too-large"]', h => h.shadowRoot.textContent);
      env.assert(/2 GB/.test(msg) && /50 MB/.test(msg), `says the size and the limit: ${msg}`);
      env.assert(ms < 5000, `checked in ${ms} ms`);
      console.log(`measure: 2 GB MP4 (sparse file, setInputFiles by path) checked in ${ms} ms`);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  t.test('photos lose their location data on the way; photos without it stay the same file', async env => {
    const page = await open(env);
    const jpg = await canvasImage(page, 'image/jpeg');
    const gps = withGps(jpg);
    await page.setInputFiles('input[name=evidence]', [file('street.jpg', 'image/jpeg', gps), file('plain.jpg', 'image/jpeg', jpg)]);
    await waitForSite(page);
    const seen = await siteFiles(page);
    env.assert.equal(seen[0].files.map(f => [f.name, f.type]), [['street.jpg', 'image/jpeg'], ['plain.jpg', 'image/jpeg']], 'same names and types');
    const inside = await page.evaluate(async () => Promise.all(window.siteFiles.map(async f => Array.from(new Uint8Array(await f.arrayBuffer())))));
    const clean = Buffer.from(inside[0]);
    env.assert.equal(clean.length, gps.length, 'rewritten in place');
    const latitude = Buffer.alloc(4); latitude.writeUInt32LE(2633);
    env.assert(gps.includes(latitude) && !clean.includes(latitude), 'the GPS latitude is gone');
    env.assert(clean.subarray(clean.length - jpg.length + 2).equals(jpg.subarray(2)), 'the image data is untouched');
    env.assert(Buffer.from(inside[1]).equals(jpg), 'the photo without location is byte for byte the same');
    await page.locator('[data-dg-ui="evidence-note"]').first().waitFor();
    const note = await page.$eval('[data-dg-ui="evidence-note"]', h => h.shadowRoot.textContent);
    env.assert(/street\.jpg/.test(note) && /GPS/.test(note), `a note says so: ${note}`);
  });

  t.test('files dropped on the upload area are checked the same way', async env => {
    const page = await open(env);
    await page.locator('[data-dg-evidence-drop]').waitFor({ state: 'attached' });
    await page.evaluate(async () => {
      const c = document.createElement('canvas'); c.width = 50; c.height = 50;
      const jpg = await new Promise(r => c.toBlob(r, 'image/jpeg'));
      const dt = new DataTransfer();
      dt.items.add(new File([jpg], 'dropped.jpg', { type: 'image/jpeg' }));
      dt.items.add(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], 'dropped.png', { type: 'image/png' }));
      const zone = document.querySelector('[data-fx-drop]');
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
    await waitForSite(page);
    await waitForAlerts(page, 1);
    await settle(page);
    const seen = await siteFiles(page);
    env.assert.equal(seen.map(e => [e.via, e.files.map(f => f.name)]), [['drop', ['dropped.jpg']]], 'the site\'s drop handler saw only the photo');
    env.assert.equal(await alerts(page), [['dropped.png', 'bad-format']], 'the program was refused');
  });

  t.test('fail open: when the core fails or does not answer, the site gets the pick as it was', async env => {
    const sw = env.sw();
    try {
      await sw.evaluate(() => { globalThis.dgTest.evidence.fail = true; });
      let page = await open(env);
      await page.setInputFiles('input[name=evidence]', [file('setup.jpg', 'image/jpeg', windowsProgram())]);
      await waitForSite(page);
      env.assert.equal(names(await siteFiles(page)), ['setup.jpg'], 'core failed: the site saw the pick');
      env.assert.equal(await alerts(page), [], 'no alert');
      await sw.evaluate(() => { globalThis.dgTest.evidence.fail = false; globalThis.dgTest.evidence.stall = true; });
      page = await open(env);
      const t0 = Date.now();
      await page.setInputFiles('input[name=evidence]', [file('slow.jpg', 'image/jpeg', windowsProgram())]);
      await waitForSite(page);
      const ms = Date.now() - t0;
      env.assert.equal(names(await siteFiles(page)), ['slow.jpg'], 'no answer: the site saw the pick');
      env.assert(ms >= 3000 && ms < 10000, `after a few seconds (${ms} ms)`);
    } finally {
      await sw.evaluate(() => { globalThis.dgTest.evidence.fail = false; globalThis.dgTest.evidence.stall = false; });
    }
  });
  inPlaceTests(t);
  assistantTests(t);
};

// ---- in place of the original, whatever the site's upload widget does with its input ----------

function inPlaceTests(t) {
  for (const [fixture, input, clears] of [['dispute-start-en', 'evidence', false], ['dispute-start-fr', 'preuves', true]]) {
    t.test(`${fixture}: a shrunk photo takes the original's place (${clears ? 'site empties its input' : 'site keeps the input'})`, async env => {
      const page = await open(env, fixture);
      const ok = await canvasImage(page, 'image/jpeg');
      const big = await canvasImage(page, 'image/png', 2600, 2000, true);
      env.assert(big.length > 5 * MB, `a PNG over 5 MB (${big.length})`);
      await page.setInputFiles(`input[name=${input}]`, [file('ok.jpg', 'image/jpeg', ok), file('big.png', 'image/png', big)]);
      await waitForSite(page);
      await waitForAlerts(page, 1);
      env.assert.equal(names(await siteFiles(page)), ['ok.jpg'], 'the passing photo went on at once');
      await page.locator('[data-dg-action="shrink"]').click();
      await waitForSite(page, 2);
      const second = (await siteFiles(page))[1].files;
      // The copy is a JPEG: named .jpg so that name and content agree.
      env.assert.equal(second.map(f => f.name), clears ? ['big.jpg'] : ['ok.jpg', 'big.jpg'], 'what the site saw the second time');
      env.assert(second[second.length - 1].type === 'image/jpeg' && second[second.length - 1].size <= 5 * MB, 'a JPEG under the limit');
    });
  }
}

function assistantTests(t) {
  t.test('the assistant follows the problem chosen on the page and writes the ready English text', async env => {
    const page = await open(env);
    const panel = page.locator('[data-dg-ui="dispute-assistant"]');
    await panel.waitFor();
    await until(() => panel.locator('[data-dg-part="text-hint"]').textContent(), s => /Choose the problem/.test(s), 'asks for the problem first');
    await page.check('input[name=reason][value="1"]');   // "Item damaged", the site's own radio
    await until(() => panel.locator('[data-dg-field="problem"]').inputValue(), v => v === 'damaged', 'follows the page');
    const items = await panel.locator('[data-dg-evidence-item]').evaluateAll(els => els.map(e => e.getAttribute('data-dg-evidence-item')));
    env.assert(items.includes('checklistUnboxingVideo') && items.includes('checklistDamagePhotos'), `checklist for damage: ${items}`);
    const text = await panel.locator('[data-dg-dispute-text]').inputValue();
    env.assert(/order 8000100000087109/.test(text) && /arrived damaged/.test(text) && /full refund of US \$7\.98/.test(text), text);
    // Evidence that passed is counted in the text.
    const jpg = await canvasImage(page, 'image/jpeg');
    await page.setInputFiles('input[name=evidence]', [file('a.jpg', 'image/jpeg', jpg), file('b.jpg', 'image/jpeg', jpg)]);
    await until(() => panel.locator('[data-dg-dispute-text]').inputValue(), s => /Attached as evidence: 2 photos\./.test(s), 'counts the photos');
    // Its own choice too.
    await panel.locator('[data-dg-field="problem"]').selectOption('not-received');
    await until(() => panel.locator('[data-dg-dispute-text]').inputValue(), s => /has not arrived/.test(s), 'own choice');
  });

  t.test('the description is checked as the shopper types', async env => {
    const page = await open(env);
    const panel = page.locator('[data-dg-ui="dispute-assistant"]');
    await panel.waitFor();
    await page.fill('#desc', 'Товар сломан');
    const warnings = () => panel.locator('[data-dg-warning]').evaluateAll(els => els.map(e => e.getAttribute('data-dg-warning')));
    await until(warnings, w => w.length === 4, 'four warnings');
    env.assert.equal(await warnings(), ['non-latin', 'too-short', 'no-order-number', 'no-outcome'], 'warnings');
    const says = await panel.locator('[data-dg-warning="non-latin"]').textContent();
    env.assert(/Товар/.test(says), `names the characters: ${says}`);
    await page.fill('#desc', 'Order 8000100000087109: the cable arrived cut in two places, see the photos. I ask for a full refund.');
    await until(warnings, w => w.length === 0, 'no warning');
    await panel.locator('[data-dg-part="description"] .ok').waitFor();
    env.assert.equal(await env.siteLog(page), [], 'the site saw no event of ours');
  });

  t.test('the refund amount gets a decimal point, and more than was paid is flagged', async env => {
    const page = await open(env);
    await page.locator('[data-dg-ui="dispute-assistant"]').waitFor();
    await page.fill('#refund', '5,30');
    await page.press('#refund', 'Tab');
    await until(() => page.inputValue('#refund'), v => v === '5.30', 'rewritten');
    await until(() => env.siteLog(page), log => log.some(e => e.event === 'amount' && e.value === '5.30'), 'the site saw 5.30');
    const amount = page.locator('[data-dg-ui="dispute-assistant"] [data-dg-part="amount"]');
    env.assert(/5,30.*5\.30/.test(await amount.textContent()), 'says what changed');
    await page.fill('#refund', '9');
    await page.press('#refund', 'Tab');
    await until(() => amount.getAttribute('data-dg-amount'), v => v === 'above-paid', 'flagged');
    env.assert(/US \$7\.98/.test(await amount.textContent()), 'says what was paid');
    await page.fill('#refund', '1,234');
    await page.press('#refund', 'Tab');
    await until(() => amount.getAttribute('data-dg-amount'), v => v === 'unreadable', 'ambiguous');
    env.assert.equal(await page.inputValue('#refund'), '1,234', 'an ambiguous amount is left as typed');
  });

  t.test('one click copies the ready text', async env => {
    const page = await open(env);
    const panel = page.locator('[data-dg-ui="dispute-assistant"]');
    await panel.waitFor();
    await page.check('input[name=reason][value="5"]');   // "Counterfeit item"
    await until(() => panel.locator('[data-dg-dispute-text]').inputValue(), s => /counterfeit/.test(s), 'text ready');
    const text = await panel.locator('[data-dg-dispute-text]').inputValue();
    await panel.locator('[data-dg-action="copy-text"]').click();
    await until(() => panel.locator('[data-dg-part="copied"]').textContent(), s => /Copied/.test(s), 'copied');
    await page.focus('#desc');
    await page.keyboard.press('Control+V');
    await until(() => page.inputValue('#desc'), v => v === text, 'pasted into the description');
  });

  t.test('"system busy" on the page: a notice that says to wait and keep screenshots', async env => {
    let page = await open(env, 'dispute-detail-en');
    await page.locator('[data-dg-ui="dispute-busy"][role="alert"]').waitFor();
    env.assert(await page.$eval('[data-dg-ui="dispute-busy"]', h => h.previousElementSibling.classList.contains('next-message')), 'right after the message on the page');
    page = await open(env);
    env.assert.equal(await page.locator('[data-dg-ui="dispute-busy"]').count(), 0, 'nothing before the site says it');
    await page.click('[data-fx="submit-busy"]');
    const notice = page.locator('[data-dg-ui="dispute-busy"]');
    await notice.waitFor();
    const text = await notice.evaluate(h => h.shadowRoot.textContent);
    env.assert(/busy/.test(text) && /screenshot/.test(text), text);
    // The site's message floats (a toast): the advice goes in the page's flow, next to the
    // button the shopper pressed, covering nothing.
    const where = await notice.evaluate(h => [getComputedStyle(h).position, h.previousElementSibling && h.previousElementSibling.dataset.fx]);
    env.assert.equal(where, ['static', 'submit-busy'], 'in flow, after the submit button');
    await notice.locator('[data-dg-action="close"]').click();
    await notice.waitFor({ state: 'detached' });
  });
}
