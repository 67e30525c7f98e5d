// When things go wrong, nothing is lost and the page keeps working: damaged or foreign stored
// data is set aside (not crashed on, not overwritten), a full storage makes room, an update in
// place keeps everything, and with its core broken the extension holds back no click.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, ROOT, RUN_DIR } = require('../harness/browser');
const { poll, inContent } = require('../harness/wait');

const day = n => { const d = new Date(); d.setDate(d.getDate() + n); return d.toLocaleDateString('sv'); };
const tracked = (id, order, extra = {}) => ({ order: { id, ...order }, first_seen: day(-20), last_seen: day(-1), ...extra });

const until = (fn, what, timeout = 10000) => poll(fn, what, { timeout, every: 100 });

// Stops the service worker and wakes a new one, which reads storage afresh.
async function restartWorker(env, page) {
  const cdp = await env.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'messages' }));
}

async function extensionPage(env) {
  const page = await env.browser.context.newPage();
  await page.goto(env.extensionUrl('popup/popup.html'));
  await page.waitForSelector('body[data-ready]');
  return page;
}

async function popupNote(env) {
  const page = await extensionPage(env);
  const note = await page.$eval('#storage-note', e => (e.hidden ? '' : e.textContent));
  const orders = await page.$$eval('[data-dg-popup-order]', els => els.map(e => e.getAttribute('data-dg-popup-order')));
  await page.close();
  return { note, orders };
}

// A copy of the built extension, to break or update without touching dist/.
function copyExtension(name) {
  const dir = path.join(RUN_DIR, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'dist', 'extension'), dir, { recursive: true });
  return dir;
}

module.exports = t => {
  t.test('damaged stored orders: the readable ones kept, the others set aside untouched and reported', async env => {
    await env.resetStorage();
    const page = await extensionPage(env);
    const good = tracked('8100000000000001', { status: 'shipped', placed: day(-12) });
    const bad = { order: { id: '8100000000000002', status: 42 }, first_seen: 'yesterday' };
    const misfiled = tracked('8100000000000004', { status: 'closed' });
    await page.evaluate(orders => chrome.storage.local.set({ orders }), {
      schema: 1, orders: { '8100000000000001': good, '8100000000000002': bad, '8100000000000003': misfiled },
    });
    await restartWorker(env, page);
    const aside = await until(() => env.storage('setAside'), 'items set aside');
    env.assert.equal(aside.map(x => x.what), ['8100000000000002', '8100000000000003'], 'set aside');
    env.assert.equal(aside[0].raw, bad, 'kept exactly as it was');
    const orders = await env.storage('orders');
    env.assert.equal(Object.keys(orders.orders), ['8100000000000001'], 'the readable order is kept');
    const { note, orders: listed } = await popupNote(env);
    env.assert(note.includes('2'), `the popup says two items were set aside: ${JSON.stringify(note)}`);
    env.assert.equal(listed, ['8100000000000001'], 'the popup lists what could be read');
    await env.resetStorage();
  });

  t.test('foreign data and a newer version\'s memory are set aside whole, never overwritten', async env => {
    for (const stored of [{ schema: 9, orders: { x: { future: true } } }, 'garbage', [1, 2, 3], { hello: 'world' }]) {
      await env.resetStorage();
      const page = await extensionPage(env);
      await page.evaluate(orders => chrome.storage.local.set({ orders }), stored);
      await restartWorker(env, page);
      const aside = await until(() => env.storage('setAside'), 'the memory set aside');
      env.assert.equal([aside.length, aside[0].what, aside[0].raw], [1, 'orders', stored], `set aside whole: ${JSON.stringify(stored)}`);
      env.assert.equal(await env.storage('orders'), { schema: 1, orders: {} }, 'a fresh, readable memory');
      // The extension goes on working: a page read afterwards is remembered.
      await env.open('current-list-en');
      await env.sw().evaluate(() => globalThis.dgTest.settled());
      env.assert.equal(Object.keys((await env.storage('orders')).orders).length, 5, 'orders read after the repair');
      env.assert.equal((await env.storage('setAside')).length, 1, 'and what was set aside is still there');
      await page.close();
    }
    await env.resetStorage();
  });

  t.test('a memory as the first release wrote it is read whole', async env => {
    await env.resetStorage();
    const page = await extensionPage(env);
    const first = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/storage/memory-schema-1-first-release.json'), 'utf8'));
    await page.evaluate(orders => chrome.storage.local.set({ orders }), first);
    await restartWorker(env, page);
    await env.sw().evaluate(() => globalThis.dgTest.updateBadge());
    const { note, orders } = await popupNote(env);
    env.assert.equal(note, '', 'nothing set aside');
    env.assert.equal([...orders].sort(), Object.keys(first.orders).sort(), 'every order of the first release listed');
    env.assert.equal(await env.storage('setAside'), undefined, 'no set-aside key');
    await env.resetStorage();
  });

  t.test('storage full: settled and finished orders make room, the shopper is told', async env => {
    await env.resetStorage();
    const page = await extensionPage(env);
    const keep = tracked('8100000000000010', { status: 'completed', shipped: day(-30), completed: day(-13) });  // closes in 2 days
    const resolved = tracked('8100000000000011', { status: 'shipped', placed: day(-40) }, { resolved: true });
    const closed = tracked('8100000000000012', { status: 'closed', placed: day(-90) });
    await page.evaluate(orders => chrome.storage.local.set({ orders }), {
      schema: 1, orders: { '8100000000000010': keep, '8100000000000011': resolved, '8100000000000012': closed },
    });
    // The next write of the orders is refused once, as a full storage refuses it.
    await env.sw().evaluate(() => {
      const area = chrome.storage.local;
      const set = area.set.bind(area);
      let refuse = 1;
      area.set = items => (items && items.orders && !items.storageTrimmed && refuse-- > 0
        ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : set(items));
      globalThis.dgRestoreSet = () => { area.set = set; };
    });
    try {
      await env.open('current-list-en');
      const trimmed = await until(() => env.storage('storageTrimmed'), 'the record of what made room');
      env.assert(trimmed.removed.includes('8100000000000011'), `the resolved order made room: ${trimmed.removed}`);
      env.assert(!trimmed.removed.includes('8100000000000010'), 'an order needing action stays');
      const orders = (await env.storage('orders')).orders;
      env.assert('8100000000000010' in orders, 'the order needing action is still stored');
      const { note } = await popupNote(env);
      env.assert(/full/i.test(note), `the popup says storage was full: ${JSON.stringify(note)}`);
    } finally {
      await env.sw().evaluate(() => globalThis.dgRestoreSet && globalThis.dgRestoreSet());
      await env.resetStorage();
    }
  });

  t.test('an update in place keeps every order and setting', async env => {
    // The new version lands in the same folder (the extension's id comes from it) and the
    // browser starts it with the same profile, as after an update.
    const dir = copyExtension('ext-update');
    const profile = fs.mkdtempSync(path.join(RUN_DIR, 'profile-update-'));
    let b = await launch({ port: env.port, extensionDir: dir, profile });
    try {
      const page = await b.context.newPage();
      await page.goto(env.url('current-list-en'));
      await page.waitForFunction(() => document.documentElement.getAttribute('data-dg-read'));
      await b.sw().evaluate(async () => {
        await globalThis.dgTest.settled();
        await chrome.storage.local.set({ settings: { closing_soon_days: 5 } });
      });
      const before = await b.sw().evaluate(() => chrome.storage.local.get(null));
      env.assert(Object.keys(before.orders.orders).length === 5, 'orders stored before the update');
      const id = b.extensionId;
      await b.close({ keepProfile: true });
      fs.cpSync(path.join(ROOT, 'dist', 'extension'), dir, { recursive: true });
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      manifest.version = manifest.version.replace(/\d+$/, n => String(Number(n) + 1));
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
      b = await launch({ port: env.port, extensionDir: dir, profile });
      env.assert.equal([b.extensionId, await b.sw().evaluate(() => chrome.runtime.getManifest().version)], [id, manifest.version], 'the same extension, updated');
      const stored = await b.sw().evaluate(() => chrome.storage.local.get(null));
      env.assert.equal(stored.orders, before.orders, 'orders unchanged by the update');
      env.assert.equal(stored.settings, before.settings, 'settings unchanged by the update');
    } finally {
      await b.close({ keepProfile: true });
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  t.test('with its core broken, the extension holds back no click and says so on its button', async env => {
    const dir = copyExtension('ext-broken');
    const wasm = path.join(dir, 'pkg', 'guard_web_bg.wasm');
    fs.writeFileSync(wasm, fs.readFileSync(wasm).subarray(0, 1000));   // a damaged download
    const b = await launch({ port: env.port, extensionDir: dir });
    try {
      const page = await b.context.newPage();
      const errors = [];
      page.on('pageerror', e => errors.push(String(e)));
      await page.goto(env.url('current-list-en'));
      const badge = await until(() => b.sw().evaluate(() => chrome.action.getBadgeText({})), 'the badge note');
      env.assert.equal(badge, '!', 'a "!" on the toolbar button');
      const title = await b.sw().evaluate(() => chrome.action.getTitle({}));
      env.assert(/could not start/.test(title), `the button's title says why: ${title}`);
      // The content script has tried to read the page (and failed: no core) before we look.
      await inContent(page, 'DG.main.settled(null, 10000)');
      env.assert.equal(await page.$$eval('[data-dg-order],[data-dg-guard]', els => els.length), 0, 'nothing marked');
      await page.click('[data-fx="confirm"]');
      const log = await env.siteLog(page);
      env.assert.equal(log.map(e => e.event), ['confirm-clicked', 'confirmed'], 'the site sees the click at once');
      env.assert(errors.length === 0, `page errors: ${errors}`);
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
      await popup.waitForSelector('body[data-ready]');
      env.assert(/could not start/.test(await popup.textContent('[data-dg-popup-error="core"]')), 'the popup says so');
    } finally { await b.close(); }
  });
};
