// A core that fails comes back, and pages are left as they are meanwhile. A panic aborts the wasm
// instance (release profile) and leaves its stack pointer where the panic was: an instance called
// again after it has that much less stack, for good, so a panic deep in a computation twice (or
// about 870 shallow ones) and every later call overflows. The test build's core has a test-only
// panic (panic_for_tests, and pages carrying data-dg-test-panic="<KiB>"; tests/test-build/hooks.js,
// crates/guard-web `test-hooks`).
'use strict';
const { render, listFixtures } = require('../harness/templates');
const { day, tracked } = require('../harness/tracked_orders');
const { poll } = require('../harness/wait');

// The worker's log of page reads is polled: no event reports a read to the test.
const until = (fn, what, timeout = 15000) => poll(fn, what, { timeout, every: 100 });

const hooks = (env, fn, arg) => env.sw().evaluate(fn, arg);
const pageReads = env => hooks(env, () => globalThis.dgTest.pageReads.slice());
const nothingMarked = page => page.$$eval('[data-dg-order],[data-dg-guard],[data-dg-ui],[data-dg-highlight]', els => els.length);

// Stops the service worker; the next event (here a page's first read) starts a new one.
async function stopWorker(env) {
  const page = env.browser.context.pages()[0] || await env.browser.context.newPage();
  const cdp = await env.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

const LIST = listFixtures().find(f => f.name === 'current-list-en').template;

require('../harness/e2e').suite(__filename, t => {
  // The current order list, every read of which panics the core 600 KiB deep (the marker is on
  // <body>, which every read includes).
  t.page('panicking-list', () => render(LIST).replace('<body>', '<body data-dg-test-panic="600">'));
  // The current order list with a countdown the site updates every 100 ms, 30 times, as
  // AliExpress pages count down to an automatic confirmation; then it says it is done.
  t.page('ticking-list', () => render(LIST).replace('</body>', `<div id="fx-countdown">30</div>
<script>
  let left = 30;
  // timer: the page's own countdown, the behaviour under test.
  const tick = setInterval(() => {
    document.getElementById('fx-countdown').textContent = String(--left);
    if (left === 0) { clearInterval(tick); document.documentElement.setAttribute('data-fx-ticks', 'done'); }
  }, 100);
</script>
</body>`));

  t.test('a panic in the service worker: that call fails, the message is kept, the next calls get a fresh core', async env => {
    await env.resetStorage();
    // Received 13 days ago: the dispute window closes in 2 days, the badge counts it.
    const memory = { schema: 1, orders: { [tracked(1, {}).order.id]: tracked(1, { status: 'completed', shipped: day(-30), completed: day(-13) }) } };
    const r = await hooks(env, async memory => {
      await chrome.storage.local.set({ orders: memory });
      const { getCore, corePanics, localNow, updateBadge } = globalThis.dgTest;
      const core = await getCore();
      const seen = corePanics().length;
      const failed = [];
      // Twice, 600 KiB deep: the second would overflow the stack the first left in use.
      for (let i = 1; i <= 2; i++) {
        try { core.panic_for_tests(`test panic ${i}`, 600); failed.push('answered'); } catch (e) { failed.push(String(e.message)); }
      }
      const after = {};
      try { after.badge = await updateBadge(); } catch (e) { after.badge = `failed: ${e.message}`; }
      try {
        const { lines } = JSON.parse(core.popup(JSON.stringify(memory), '{}', localNow()));
        after.lines = lines.map(l => l.id);
      } catch (e) { after.lines = `failed: ${e.message}`; }
      return { failed, after, panics: corePanics().slice(seen).map(p => p.message) };
    }, memory);
    env.assert(r.failed.length === 2 && r.failed.every((m, i) => m.includes(`test panic ${i + 1}`)),
      `each panicking call fails with its panic's message: ${JSON.stringify(r.failed)}`);
    env.assert(r.panics.length === 2 && r.panics.every((m, i) => m.includes(`test panic ${i + 1}`) && m.includes('lib.rs')),
      `the panic hook's messages are kept: ${JSON.stringify(r.panics)}`);
    env.assert(r.after.badge && r.after.badge.count === 1, `the badge is computed after the panics: ${JSON.stringify(r.after.badge)}`);
    env.assert(Array.isArray(r.after.lines) && r.after.lines.length === 1, `the order lines are computed after the panics: ${JSON.stringify(r.after.lines)}`);
    await env.resetStorage();
  });

  t.test('a page whose reads panic the core is left as without the extension, and the next page is read', async env => {
    await env.resetStorage();
    const readsBefore = (await pageReads(env)).reduce((n, r) => Math.max(n, r.n), 0);
    const panicsBefore = (await hooks(env, () => globalThis.dgTest.corePanics())).length;
    const page = await env.browser.context.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    await page.goto(env.pageUrl('panicking-list'));
    const failedReads = async () => (await pageReads(env)).filter(r => r.n > readsBefore && r.answer !== 'plan').map(r => r.answer);
    await until(async () => (await failedReads()).length >= 1, 'the first read of the page to fail');
    // The page changes: read again (after the content script's wait), it panics again.
    await page.evaluate(() => document.querySelector('.order-content').append(Object.assign(document.createElement('p'), { textContent: 'More orders soon' })));
    await until(async () => (await failedReads()).length >= 2, 'the second read of the page to fail');
    const failed = await failedReads();
    env.assert(failed.every(e => e.includes('data-dg-test-panic')), `each read failed with the panic: ${JSON.stringify(failed)}`);
    const panics = (await hooks(env, () => globalThis.dgTest.corePanics())).slice(panicsBefore);
    env.assert(panics.length >= 2 && panics.every(p => p.message.includes('data-dg-test-panic')), `the panics are kept: ${JSON.stringify(panics)}`);
    // As without the extension: nothing marked, the page's own confirm goes through at once.
    env.assert.equal(await nothingMarked(page), 0, 'nothing marked on the page');
    env.assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-dg-read')), false, 'no read applied');
    await page.click('[data-fx="confirm"]');
    env.assert.equal((await env.siteLog(page)).map(e => e.event), ['confirm-clicked', 'confirmed'], 'the site sees the click at once');
    env.assert(errors.length === 0, `page errors: ${errors}`);
    // The next page is read by a working core.
    const next = await env.open('current-list-en');
    const orders = await next.$$eval('[data-dg-order]', els => els.length);
    env.assert.equal(orders, env.expected('current-list-en').orders.length, 'the next page\'s orders are marked');
    await hooks(env, () => globalThis.dgTest.settled());
    await env.resetStorage();
  });

  t.test('a service worker stopped under an open page: the page\'s next change is read on a new port', async env => {
    await env.resetStorage();
    const page = await env.open('current-list-en');
    const reads = Number(await page.getAttribute('html', 'data-dg-read'));
    await stopWorker(env);
    // The port the page reads through closed with the worker: the next read opens another,
    // which starts a new worker.
    await page.evaluate(() => document.querySelector('.order-content').append(Object.assign(document.createElement('p'), { textContent: 'More orders soon' })));
    await page.waitForFunction(n => Number(document.documentElement.getAttribute('data-dg-read')) > n, reads, { timeout: 15000 });
    const orders = await page.$$eval('[data-dg-order]', els => els.length);
    env.assert.equal(orders, env.expected('current-list-en').orders.length, 'the orders stay marked');
    await hooks(env, () => globalThis.dgTest.settled());
    await env.resetStorage();
  });

  t.test('while the core cannot start, page changes do not start it each time; once it can, the page is read', async env => {
    await env.resetStorage();
    // A new service worker whose core cannot start (its first try is at once, on its start).
    await hooks(env, () => globalThis.dgTest.failCoreStart(true));
    try {
      await stopWorker(env);
      const page = await env.browser.context.newPage();
      await page.goto(env.pageUrl('ticking-list'));
      await page.waitForSelector('html[data-fx-ticks="done"]', { timeout: 15000 });
      const { attempts, reads } = await hooks(env, () => ({ attempts: globalThis.dgTest.coreStart.attempts, reads: globalThis.dgTest.pageReads.at(-1)?.n || 0 }));   // a new worker: all its reads
      // 30 changes in 3 s: the content script reads after 0, 1 and 3 s; the service worker
      // tries a start at its own start and then after 1 and 2 s more at the most.
      env.assert(attempts >= 1 && attempts <= 4, `starts tried while the page changed 30 times: ${attempts}`);
      env.assert(reads <= 4, `reads asked while the page changed 30 times: ${reads}`);
      env.assert.equal(await nothingMarked(page), 0, 'nothing marked while the core is out');
      // Whoever else asks in the service worker (other tabs, the toolbar) waits as well.
      const more = await hooks(env, async () => {
        const before = globalThis.dgTest.coreStart.attempts;
        const answers = [];
        for (let i = 0; i < 20; i++) answers.push(await globalThis.dgTest.getCore().then(() => 'started', e => String(e.message)));
        return { tried: globalThis.dgTest.coreStart.attempts - before, answers };
      });
      env.assert(more.tried <= 1, `starts tried for 20 more requests: ${more.tried}`);
      env.assert(more.answers.every(a => a.includes('test switch')), `each request is told why: ${JSON.stringify(more.answers.slice(0, 3))}`);
      // The core can start again: the page is read without a change of its own (the wait is
      // at most a few seconds here; 60 s at the most).
      await hooks(env, () => globalThis.dgTest.failCoreStart(false));
      await env.waitReads(page, 1, 40000);
      env.assert.equal(await page.$$eval('[data-dg-order]', els => els.length), env.expected('current-list-en').orders.length, 'the page is read once the core starts');
    } finally {
      await hooks(env, () => globalThis.dgTest.failCoreStart(false));
    }
    await hooks(env, () => globalThis.dgTest.settled());
    await env.resetStorage();
  });
});
