// The foundation: the extension loads, the page path works whatever the page's CSP, the badge
// and popup run the core, the confirm guard holds, and re-reads cover only what changed.
'use strict';

require('../harness/e2e').suite(__filename, t => {
  t.test('the service worker runs the core', async env => {
    const v = await env.sw().evaluate(async () => (await globalThis.dgTest.getCore()).core_version());
    env.assert(/^\d+\.\d+\.\d+$/.test(v), `core version ${v}`);
  });

  t.test('a page whose CSP forbids wasm still gets data-dg-order (core in the service worker)', async env => {
    const page = await env.open('current-list-en', { params: { csp: 'strict' } });
    const ids = await page.$$eval('[data-dg-order]', els => els.map(e => e.getAttribute('data-dg-order')));
    const expected = Object.keys(env.expected('current-list-en').dg);
    env.assert.equal(ids, expected, 'orders marked on the strict-CSP page');
    // The page's own script still ran (the fixture site logs clicks).
    await page.click('[data-fx="review"]');
    env.assert.equal((await env.siteLog(page)).map(e => e.event), ['click'], 'site handler ran');
  });

  t.test('confirm received: cancel keeps it from the site, proceed lets it through once', async env => {
    const page = await env.open('current-list-en');
    const button = page.locator('[data-dg-guard="confirm-receipt"]').first();
    await button.click();
    const dialog = page.locator('[data-dg-dialog="confirm-receipt"][role="dialog"]');
    await dialog.waitFor();
    env.assert.equal(await env.siteLog(page), [], 'site saw nothing while the dialog is open');
    await dialog.locator('[data-dg-action="cancel"]').click();
    await dialog.waitFor({ state: 'detached' });
    env.assert.equal(await env.siteLog(page), [], 'site saw nothing after cancel');
    await button.click();
    await dialog.locator('[data-dg-action="proceed"]').click();
    const log = await env.siteLog(page);
    env.assert.equal(log.map(e => e.event), ['confirm-clicked', 'confirmed'], 'site saw exactly one activation');
  });

  t.test('load-more: the new order is read alone and nothing is duplicated', async env => {
    const page = await env.open('current-list-en');
    const before = await page.$$eval('[data-dg-order]', els => els.length);
    await page.click('[data-fx="load-more"]');
    await env.waitReads(page, 2);
    const ids = await page.$$eval('[data-dg-order]', els => els.map(e => e.getAttribute('data-dg-order')));
    env.assert.equal(ids.length, before + 1, 'one more order marked');
    env.assert.equal(new Set(ids).size, ids.length, 'no order marked twice');
    const snaps = await env.sw().evaluate(() => globalThis.dgTest.recentSnapshots.map(s => JSON.parse(s)));
    const last = snaps.filter(s => s.url === page.url()).pop();
    env.assert(last.roots.length === 1, `partial read of one subtree, got roots ${JSON.stringify(last.roots)}`);
    env.assert(last.nodes.length < 60, `re-read ${last.nodes.length} nodes, more than the new card`);
    const newest = ids[ids.length - 1];
    const guarded = await page.$$eval('[data-dg-guard="confirm-receipt"]', els => els.length);
    env.assert.equal(guarded, 2, `the new card's confirm button is guarded too (order ${newest})`);
  });

  t.test('the badge counts tracked orders that need action, from storage', async env => {
    await env.resetStorage();
    const sw = env.sw();
    const day = n => { const d = new Date(); d.setDate(d.getDate() + n); return d.toLocaleDateString('sv'); };
    const order = (id, extra) => ({ order: { id, status: 'completed', ...extra }, first_seen: day(0), last_seen: day(0) });
    await sw.evaluate(memory => chrome.storage.local.set({ orders: memory }), {
      schema: 1,
      orders: {
        '8100000000000001': order('8100000000000001', { shipped: day(-30), completed: day(-13) }), // closes in 2 days
        '8100000000000002': order('8100000000000002', { shipped: day(-30), completed: day(-2) }),  // 13 days left
      },
    });
    const badge = await sw.evaluate(() => globalThis.dgTest.updateBadge());
    env.assert.equal({ text: badge.text, count: badge.count }, { text: '1', count: 1 }, 'badge');
    env.assert.equal(await sw.evaluate(() => chrome.action.getBadgeText({})), '1', 'badge text shown');
    await env.resetStorage();
    await sw.evaluate(() => globalThis.dgTest.updateBadge());
    env.assert.equal(await sw.evaluate(() => chrome.action.getBadgeText({})), '', 'empty badge with no orders');
  });

  t.test('orders read on a page are remembered and listed by the popup', async env => {
    await env.resetStorage();
    await env.open('current-list-en');
    await env.sw().evaluate(() => globalThis.dgTest.settled());
    const stored = await env.storage('orders');
    env.assert.equal(Object.keys(stored.orders).length, 5, 'orders remembered');
    const popup = await env.browser.context.newPage();
    await popup.goto(env.extensionUrl('popup/popup.html'));
    await popup.waitForSelector('body[data-ready]');
    const shown = await popup.$$eval('[data-dg-popup-order]', els => els.map(e => e.getAttribute('data-dg-popup-order')));
    env.assert.equal(shown.length, 5, 'popup lists every order');
    const text = await popup.textContent('main');
    env.assert(text.includes('<script>alert("store")</script> Outlet'), 'hostile store name shown as text');
    env.assert(await popup.$('main script') === null, 'no script element created from page text');
  });
});
