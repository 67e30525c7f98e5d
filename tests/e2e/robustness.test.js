// When things go wrong, nothing is lost and the page keeps working: damaged or foreign stored
// data is set aside (not crashed on, not overwritten), a full storage makes room, an update in
// place keeps everything, and with its core broken the extension holds back no click.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, ROOT, RUN_DIR, TEST_BUILD } = require('../harness/browser');
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

// A copy of the built extension (the test build), to break or update without touching dist/.
function copyExtension(name) {
  const dir = path.join(RUN_DIR, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(TEST_BUILD, dir, { recursive: true });
  return dir;
}

require('../harness/e2e').suite(__filename, t => {
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

  // The real quota (chrome.storage.local holds 10 MB without unlimitedStorage): a filler key
  // leaves the orders `room` bytes, so that the next page read no longer fits.
  async function fillStorage(env, page, room) {
    await page.evaluate(async room => {
      const area = chrome.storage.local;
      const others = (await area.getBytesInUse(null)) - (await area.getBytesInUse('orders'));
      // A key's size is its name plus its value's JSON (a string: its length and two quotes).
      const fill = area.QUOTA_BYTES - others - room - 'filler'.length - 2;
      await area.set({ filler: 'x'.repeat(fill) });
    }, room);
  }
  const settled = (name, n) => tracked(`81000000000${String(n).padStart(5, '0')}`, { status: 'closed', placed: day(-90 - n), store: name });
  const needingAction = tracked('8100000000000010', { status: 'completed', shipped: day(-30), completed: day(-13) });   // closes in 2 days

  t.test('storage full: as many settled orders make room as the bytes need, counted in UTF-8 as the quota counts', async env => {
    await env.resetStorage();
    const page = await extensionPage(env);
    // Thirty settled orders with stores named in Chinese (three bytes a character).
    const orders = { '8100000000000010': needingAction };
    for (let n = 1; n <= 30; n++) orders[settled('', n).order.id] = settled('深圳市优品电子科技有限公司旗舰店'.repeat(6), n);
    await page.evaluate(async orders => {
      await chrome.storage.local.set({ settings: { reminder_days: [] }, orders });
    }, { schema: 1, orders });
    const before = await page.evaluate(() => chrome.storage.local.getBytesInUse('orders'));
    // Room for what is stored and a little more, not for the five orders the list adds.
    await fillStorage(env, page, before + 400);
    try {
      await env.open('current-list-en');
      const trimmed = await until(() => env.storage('storageTrimmed'), 'the record of what made room');
      const stored = (await env.storage('orders')).orders;
      env.assert('8100000000000010' in stored, 'the order needing action is kept');
      env.assert(trimmed.removed.every(id => !(id in stored)), 'what was removed is gone');
      // The list's five orders and a tenth spare need some eight of the settled ones (0.4 KB
      // each) gone; counting characters (about half the bytes here) forgets every one of them
      // and then orders that matter more.
      env.assert(trimmed.removed.length <= 10, `only as many as needed were forgotten: ${trimmed.removed.length}`);
      const listed = env.expected('current-list-en').orders.map(o => o.id);
      env.assert(listed.every(id => id in stored), `the list's orders are saved with the rest: ${Object.keys(stored).length}`);
    } finally { await env.resetStorage(); }
  });

  t.test('storage full: a trimmed memory refused again is trimmed further, never left unsaved', async env => {
    await env.resetStorage();
    const page = await extensionPage(env);
    const orders = { '8100000000000010': needingAction };
    for (let n = 1; n <= 6; n++) orders[settled('', n).order.id] = settled('Plain ASCII Store Name '.repeat(24), n);
    await page.evaluate(orders => chrome.storage.local.set({ settings: { reminder_days: [] }, orders }), { schema: 1, orders });
    const before = await page.evaluate(() => chrome.storage.local.getBytesInUse('orders'));
    // Hardly more room than the stored orders take: four fifths of the memory with the list's
    // orders (a guess from its own size) is still too much, and refused in turn.
    await fillStorage(env, page, before + 100);
    try {
      await env.open('current-list-en');
      const trimmed = await until(() => env.storage('storageTrimmed'), 'the record of what made room');
      const stored = (await env.storage('orders')).orders;
      env.assert('8100000000000010' in stored, 'the order needing action is kept');
      env.assert(trimmed.removed.length >= 3, `enough settled orders made room: ${trimmed.removed.length}`);
      const listed = env.expected('current-list-en').orders.map(o => o.id);
      env.assert(listed.every(id => id in stored), 'the list read is saved');
    } finally { await env.resetStorage(); }
  });

  t.test('what is set aside cannot grow without bound: the oldest go first', async env => {
    await env.resetStorage();
    const page = await extensionPage(env);
    const old = Array.from({ length: 60 }, (_, i) => ({ what: `8100000000000${String(i).padStart(3, '0')}`, reason: 'unreadable', raw: { i }, at: '2026-01-01T00:00:00.000Z' }));
    const bad = { order: { id: '8100000000000002', status: 42 }, first_seen: 'yesterday' };
    await page.evaluate(items => chrome.storage.local.set(items), {
      setAside: old, orders: { schema: 1, orders: { '8100000000000001': tracked('8100000000000001', { status: 'shipped' }), '8100000000000002': bad } },
    });
    await restartWorker(env, page);
    const aside = await until(async () => { const a = await env.storage('setAside'); return a && a.length !== 60 && a; }, 'the new item set aside');
    env.assert.equal(aside.length, 50, 'at most 50 items');
    env.assert.equal(aside.at(-1).raw, bad, 'the newest kept, untouched');
    env.assert.equal(aside[0].what, old[11].what, 'the oldest went first');
    await env.resetStorage();
  });

  // The options page's text for a message key in a language (placeholders as a wildcard).
  function messagePattern(lang, key) {
    const table = JSON.parse(fs.readFileSync(path.join(env_root(), '_locales', lang, 'messages.json'), 'utf8'));
    const text = table[key].message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$[A-Z]+\\\$/g, '.+');
    return new RegExp(`^${text}$`);
  }
  const env_root = () => path.join(ROOT, 'dist', 'extension');

  t.test('import never loses what was there: over the quota, cut short, from a newer version; what was set aside stays', async env => {
    await env.resetStorage();
    const page = await extensionPage(env);
    const orders = { schema: 1, orders: { '8100000000000001': tracked('8100000000000001', { status: 'shipped', placed: day(-12) }) } };
    const setAside = [{ what: '8100000000000002', reason: 'unreadable', raw: { order: { id: '8100000000000002', status: 42 } }, at: '2026-01-01T00:00:00.000Z' }];
    await page.evaluate(items => chrome.storage.local.set(items), { orders, settings: { language: 'fr', closing_soon_days: 4 }, setAside });
    const before = await env.sw().evaluate(() => chrome.storage.local.get(null));
    const options = await env.browser.context.newPage();
    await options.goto(env.extensionUrl('options/options.html'));
    await options.waitForSelector('body[data-ready]');
    const pick = async (name, text) => {
      await options.evaluate(() => { document.getElementById('data-error').textContent = ''; document.getElementById('data-status').textContent = ''; });
      await options.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await options.waitForFunction(() => document.getElementById('data-error').textContent || document.getElementById('data-status').textContent, null, { timeout: 30000 });
      return [await options.textContent('#data-status'), await options.textContent('#data-error')];
    };
    const intact = async what => env.assert.equal(await env.sw().evaluate(() => chrome.storage.local.get(null)), before, `${what}: every order, setting and item set aside intact`);
    const exportOf = (orders, extra = {}) => JSON.stringify({ format: 'dispute-guard-export', version: 1, exported: '2026-01-01T00:00:00', settings: { closing_soon_days: 2 }, memory: { schema: 1, orders }, ...extra });
    try {
      // Over the quota (10 MB without unlimitedStorage), under the 20 MB the importer reads:
      // 21,000 valid orders.
      const many = {};
      for (let n = 0; n < 21000; n++) {
        const id = String(8200000000000000 + n);
        many[id] = { order: { id, status: 'closed', placed: day(-100), items: [{ title: 'A very long item title for a test of the quota. '.repeat(9) }] }, first_seen: day(-100), last_seen: day(-99) };
      }
      const big = exportOf(many);
      env.assert(big.length > 10.5 * 2 ** 20 && big.length < 20 * 2 ** 20, `between the quota and the import limit: ${big.length}`);
      const [, tooBig] = await pick('big.json', big);
      await intact('over the quota');
      env.assert(messagePattern('fr', 'importTooBig').test(tooBig), `over the quota, said in French: ${tooBig}`);
      // Cut short, as a stopped download leaves it.
      const small = exportOf({ '8100000000000009': tracked('8100000000000009', { status: 'shipped' }) });
      const [, cut] = await pick('cut.json', small.slice(0, Math.floor(small.length * 0.6)));
      await intact('cut short');
      env.assert(messagePattern('fr', 'importTruncated').test(cut), `cut short, said in French: ${cut}`);
      // From a newer version, of the file or of the memory in it.
      for (const newer of [exportOf({}, { version: 2 }), JSON.stringify({ ...JSON.parse(small), memory: { schema: 2, orders: {} } })]) {
        const [, tooNew] = await pick('newer.json', newer);
        await intact('from a newer version');
        env.assert(messagePattern('fr', 'importTooNew').test(tooNew), `from a newer version, said in French: ${tooNew}`);
      }
      // A good file replaces orders and settings, and what was set aside stays.
      const [done] = await pick('good.json', small);
      env.assert(/1/.test(done), `imported: ${done}`);
      const after = await env.sw().evaluate(() => chrome.storage.local.get(null));
      env.assert.equal(Object.keys(after.orders.orders), ['8100000000000009'], 'the file\'s orders');
      env.assert.equal([after.settings.closing_soon_days, after.settings.language], [2, null], 'the file\'s settings');
      env.assert.equal(after.setAside, setAside, 'what was set aside is kept');
    } finally { await env.resetStorage(); }
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
      fs.cpSync(TEST_BUILD, dir, { recursive: true });
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
});
