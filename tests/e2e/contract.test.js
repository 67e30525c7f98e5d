// The contract pages (tests/fixtures/contract, written blind from the facts and the contract, a
// folder per page kind): each loaded in Chromium with the extension, its data-dg-* surface
// compared with its .json. Tests are named <kind>/<name>.
'use strict';
const fs = require('fs');
const path = require('path');
const { render } = require('../harness/templates');
const { canvasImage, mp4, windowsProgram } = require('../harness/evidence_files');
const { pageSettled, inContent } = require('../harness/wait');

const DIR = path.resolve(__dirname, '..', 'fixtures', 'contract');
const KEYS = ['status', 'placed', 'shipped', 'completed', 'protection-ends', 'dispute', 'dispute-opens', 'dispute-closes'];

// The page's own timers: script-built pages render their cards after a "fetch", a click or the
// load event. Counted from before the page's first script (an init script in the page's world):
// the page is quiet when none of its one-shot timers or animation frames is still to run.
// Intervals (a ticking clock) never end and are not waited for.
function countSiteTimers() {
  let pending = 0;
  const waiters = [];
  const release = () => { if (--pending === 0) for (const w of waiters.splice(0)) w(true); };
  const counted = (set, clear) => {
    const live = new Set();
    return [function (fn, ...rest) {
      if (typeof fn !== 'function') return set.call(window, fn, ...rest);
      const id = set.call(window, function (...args) {
        live.delete(id);
        try { return fn.apply(this, args); } finally { release(); }
      }, ...rest);
      live.add(id);
      pending++;
      return id;
    }, function (id) {
      if (live.delete(id)) release();
      return clear.call(window, id);
    }];
  };
  [window.setTimeout, window.clearTimeout] = counted(window.setTimeout, window.clearTimeout);
  [window.requestAnimationFrame, window.cancelAnimationFrame] = counted(window.requestAnimationFrame, window.cancelAnimationFrame);
  Object.defineProperty(window, '__dgQuiet', { value: () => (pending === 0 ? Promise.resolve(true) : new Promise(r => waiters.push(r))) });
}

// Waits until the page's own scripts are done (above), then until the extension has read and
// applied everything they did (on pages it does not read: until it has decided so). A page the
// extension does not finish reading is a failure, said as such.
async function settled(page) {
  await page.evaluate(() => window.__dgQuiet());
  await pageSettled(page);
}

// The page as its expectations describe it: read, and after the page's own click if it has one.
async function ready(page, spec) {
  await settled(page);
  if (spec.click) {
    await page.click(spec.click);
    await settled(page);
  }
}

const ALERT = '[role="alert"][data-dg-evidence-error]';

// Every page under `dir`, in its folder: { id: "<kind>/<name>", name, html, json }, sorted.
function contractPages(dir = DIR, kind = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...contractPages(p, kind ? `${kind}/${e.name}` : e.name));
    else if (e.name.endsWith('.html')) {
      const name = e.name.slice(0, -5);
      out.push({ id: kind ? `${kind}/${name}` : name, name, html: p, json: path.join(dir, `${name}.json`) });
    }
  }
  return out;
}

require('../harness/e2e').suite(__filename, t => {
  for (const { id, name, html, json } of contractPages()) {
    const template = fs.readFileSync(html, 'utf8');
    // (Served by name alone: names are unique across the folders, crates/guard-core/tests/contract_pages.rs.)
    t.page(`contract-${name}`, () => render(template));
    // Each evidence pick moves its files (up to 12 MB) into the page: a page with many picks
    // gets 8 s more per pick than the runner's default.
    const picks = (fs.readFileSync(json, 'utf8').match(/"input"\s*:/g) || []).length;
    t.test(id, async env => {
      const spec = JSON.parse(render(fs.readFileSync(json, 'utf8')));
      // A clean memory, so the toolbar badge counts this page's orders alone.
      await env.resetStorage();
      await env.sw().evaluate(() => globalThis.dgTest.updateBadge());
      const page = await env.browser.context.newPage();
      const errors = [];
      page.on('pageerror', e => errors.push(String(e)));
      await page.addInitScript(countSiteTimers);
      await page.goto(env.pageUrl(`contract-${name}`, spec.url.replace(/^https:/, 'http:')));
      await ready(page, spec);
      const got = await page.evaluate(() => ({
        orders: [...document.querySelectorAll('[data-dg-order]')].map(e => Object.fromEntries(
          [...e.attributes].filter(a => a.name.startsWith('data-dg-')).map(a => [a.name.slice(8), a.value]))),
        guards: document.querySelectorAll('[data-dg-guard="confirm-receipt"]').length,
        highlights: [...document.querySelectorAll('[data-dg-highlight]')].reduce((m, e) => {
          const k = e.getAttribute('data-dg-highlight'); m[k] = (m[k] || 0) + 1; return m;
        }, {}),
        evidence: document.querySelectorAll('input[type=file][data-dg-evidence="watched"]').length,
      }));
      const problems = [];
      if (spec.orders) {
        const ids = got.orders.map(o => o.order);
        if (ids.join() !== spec.orders.map(o => o.order).join()) problems.push(`orders marked ${ids.join() || 'none'}, expected ${spec.orders.map(o => o.order).join() || 'none'}`);
        for (const want of spec.orders) {
          const o = got.orders.find(x => x.order === want.order) || {};
          for (const k of KEYS.filter(k => k in want)) {
            if ((o[k] ?? null) !== want[k]) problems.push(`${want.order} ${k}: expected ${want[k]}, got ${o[k] ?? null}`);
          }
        }
      }
      if (spec.guards !== undefined && got.guards !== spec.guards) problems.push(`guards: expected ${spec.guards}, got ${got.guards}`);
      for (const [k, v] of Object.entries(spec.highlights || {})) {
        if ((got.highlights[k] || 0) !== v) problems.push(`highlight ${k}: expected ${v}, got ${got.highlights[k] || 0}`);
      }
      if (spec.evidence_watched !== undefined && got.evidence !== spec.evidence_watched) problems.push(`watched inputs: expected ${spec.evidence_watched}, got ${got.evidence}`);
      env.assert(!errors.length, `errors on the page: ${errors.join('; ')}`);
      // Hostile pages carry markup as text that would set this if it ever ran.
      env.assert(!await page.evaluate(() => document.documentElement.dataset.pwned), 'text from the page never runs');
      env.assert(!problems.length, problems.join('\n    '));
      const badge = expectedBadge(spec);
      if (badge != null) {
        // Every order the page showed saved, and the toolbar updated after it.
        const text = await env.sw().evaluate(async () => { await globalThis.dgTest.settled(); return chrome.action.getBadgeText({}); });
        env.assert.equal(text, badge, 'the toolbar badge counts the orders that need action now');
      }
      if (/confirmClicks/.test(template)) await guardedControlsHold(env, page, spec);
      if (spec.evidence_watched) await watchedInputsHold(env, page);
      for (const pick of spec.picks || []) await pickHolds(env, page, spec, pick);
      await page.close();
    }, { timeout: 60000 + 8000 * picks });
  }
});

// The badge the page's expectations imply (CONTRACT.md section 5: orders closing soon, or shipped
// and not received with protection ending within the lead time: 3 days by default, the contract's
// one lead time), or null when the expectations leave a needed value unchecked.
function expectedBadge(spec) {
  if (!spec.orders) return null;
  const day = n => { const d = new Date(); d.setDate(d.getDate() + n); return d.toLocaleDateString('sv'); };
  let count = 0;
  for (const o of spec.orders) {
    if (!('dispute' in o) || !('status' in o)) return null;
    if (o.status === 'shipped' && !('protection-ends' in o)) return null;
    const ends = o['protection-ends'];
    const extend = o.status === 'shipped' && ends != null && ends >= day(0) && ends <= day(3);
    if (o.dispute === 'closing-soon' || extend) count++;
  }
  return count ? String(count) : '';
}

const DIALOG = '[data-dg-dialog="confirm-receipt"][role="dialog"]';

// On pages that count what reaches their own confirm handlers (window.__site.confirmClicks):
// every visible guarded control, whatever it is made of (button, input, styled div), asks
// first; cancel and Escape keep the activation from the site, proceed lets it through once.
async function guardedControlsHold(env, page, spec) {
  const count = () => page.evaluate(() => window.__site.confirmClicks);
  const controls = page.locator('[data-dg-guard="confirm-receipt"]:visible');
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // A fresh page for each control: the site's own popup may cover the page after a proceed.
      await page.reload();
      await ready(page, spec);
    }
    const control = controls.nth(i);
    const label = (await control.evaluate(e => e.value || e.textContent)).trim();
    const hooked = await control.evaluate(e => e.matches('.js-site-confirm, .button-confirmOrderReceived'));
    // A control under the site's own modal popup cannot be clicked by anyone.
    await control.scrollIntoViewIfNeeded();
    const reachable = await control.evaluate(e => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && (hit === e || e.contains(hit));
    });
    if (!reachable) continue;
    const before = await count();
    await control.click();
    await page.locator(DIALOG).waitFor({ timeout: 5000 });
    await page.locator(DIALOG).locator('[data-dg-action="cancel"]').click();
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    // From the keyboard, where the control can take focus at all.
    if (await control.evaluate(e => { e.focus(); return document.activeElement === e; })) {
      await page.keyboard.press('Enter');
      await page.locator(DIALOG).waitFor({ timeout: 5000 });
      await page.keyboard.press('Escape');
      await page.locator(DIALOG).waitFor({ state: 'detached' });
    }
    env.assert.equal(await count(), before, `"${label}": nothing reaches the site after cancel and Escape`);
    await control.click();
    await page.locator(DIALOG).locator('[data-dg-action="proceed"]').click();
    await inContent(page, 'DG.guard.idle()');   // the proceed replayed (or the shopper told)
    const after = await count();
    env.assert(after - before <= 1, `"${label}": proceed lets the click through at most once (${after - before})`);
    if (hooked) {
      env.assert.equal(after - before, 1, `"${label}": proceed lets the click through to the site's handler`);
    }
  }
}

// On dispute forms: every watched input keeps a renamed program from the site (and says why),
// and hands a real photo or video on untouched. The site's own change listener tells.
async function watchedInputsHold(env, page) {
  const inputs = page.locator('input[type=file][data-dg-evidence="watched"]');
  const n = await inputs.count();
  const photo = await canvasImage(page, 'image/jpeg');
  for (let i = 0; i < n; i++) {
    const input = inputs.nth(i);
    await input.evaluate((e, i) => {
      window.__picks = window.__picks || {};
      window.__picks[i] = [];
      e.addEventListener('change', () => window.__picks[i].push([...e.files].map(f => f.name)));
    }, i);
    const video = await input.evaluate(e => /video/.test(e.accept) || /video/i.test(e.name + e.id));
    const alertsBefore = await page.locator(ALERT).count();
    await input.setInputFiles([{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: windowsProgram() }]);
    await page.waitForFunction(([sel, k]) => document.querySelectorAll(sel).length > k, [ALERT, alertsBefore], { timeout: 10000 });
    const codes = await page.$$eval(ALERT, els => els.map(e => e.getAttribute('data-dg-evidence-error')));
    env.assert(['mismatch', 'bad-format'].includes(codes[codes.length - 1]), `input ${i}: a renamed program is refused (${codes})`);
    const good = video ? { name: 'unboxing.mp4', mimeType: 'video/mp4', buffer: mp4() } : { name: 'item.jpg', mimeType: 'image/jpeg', buffer: photo };
    await input.setInputFiles([good]);
    await page.waitForFunction(i => window.__picks[i].length > 0, i, { timeout: 10000 });
    await inContent(page, 'DG.evidence.idle()');   // every pick checked and handed on
    env.assert.equal(await page.evaluate(i => window.__picks[i], i), [[good.name]], `input ${i}: the site saw only the good file`);
    env.assert.equal(await input.evaluate(e => [...e.files].map(f => f.name)), [good.name], `input ${i}: the input holds the good file`);
  }
}

// A file of the given content and size, made here (a photo drawn by the browser; other formats
// by their first bytes), padded with zeros at its end to `size` bytes.
async function makeFile(page, { name, type, content, size }) {
  const magic = {
    gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
    webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
    heic: Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic')]),
    pdf: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    zip: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
    text: Buffer.from('Hello, this is a note.\n'),
    empty: Buffer.alloc(0),
  };
  let buffer;
  if (content === 'jpeg' || content === 'png') buffer = await canvasImage(page, `image/${content}`);
  else if (content === 'mp4') buffer = mp4(Math.max(64, Math.min(size || 4096, 4096)));
  else if (content === 'exe') buffer = windowsProgram();
  else if (content in magic) buffer = magic[content];
  else throw new Error(`unknown content ${content}`);
  if (size && content !== 'empty' && size > buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(size - buffer.length)]);
  return { name, mimeType: type || '', buffer };
}

// One pick on a fresh page: the input ends up holding exactly the files that pass, the site's
// own change listener sees exactly those, and each failing file has its alert with its code.
async function pickHolds(env, page, spec, pick) {
  await page.reload();
  await ready(page, spec);
  const input = page.locator(pick.input).first();
  await input.waitFor({ state: 'attached' });
  env.assert.equal(await input.getAttribute('data-dg-evidence'), 'watched', `${pick.input} is watched`);
  await input.evaluate(e => {
    window.__seen = [];
    e.addEventListener('change', () => window.__seen.push([...e.files].map(f => f.name)));
  });
  const files = [];
  for (const f of pick.files) files.push(await makeFile(page, f));
  await input.setInputFiles(files);
  const fails = Object.entries(pick.fail || {});
  const alerts = () => page.$$eval(ALERT, els => els.map(e => ({
    file: e.getAttribute('data-dg-file'), code: e.getAttribute('data-dg-evidence-error'), text: e.textContent })));
  const what = `pick of ${pick.files.map(f => f.name).join(', ')}`;
  const waited = (p, what2) => p.catch(e => { throw new Error(`${what}: ${what2} (${e.message.split('\n')[0]})`, { cause: e }); });
  if (fails.length) await waited(page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length >= n, [ALERT, fails.length], { timeout: 15000 }), `${fails.length} alert(s) expected`);
  if ((pick.pass || []).length) await waited(page.waitForFunction(() => window.__seen.length > 0, null, { timeout: 15000 }), 'the site never saw a change');
  await inContent(page, 'DG.evidence.idle()');   // every pick checked and handed on
  const got = await alerts();
  for (const [name, code] of fails) {
    const a = got.find(x => x.file === name || (x.file == null && x.text.includes(name)));
    env.assert(a, `${what}: an alert for ${name} (alerts: ${JSON.stringify(got.map(x => [x.file, x.code]))})`);
    env.assert.equal(a.code, code, `${what}: the code for ${name}`);
  }
  env.assert.equal(got.length, fails.length, `${what}: one alert per failing file ${JSON.stringify(got.map(x => [x.file, x.code]))}`);
  const held = await input.evaluate(e => [...e.files].map(f => f.name));
  env.assert.equal(held, pick.pass || [], `${what}: the input holds what passed`);
  const seen = await page.evaluate(() => window.__seen);
  env.assert.equal(seen.length ? seen[seen.length - 1] : [], pick.pass || [], `${what}: the site saw what passed`);
}
