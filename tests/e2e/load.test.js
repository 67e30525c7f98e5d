// Never in the way: pages the core has nothing to say about are not read at all, and a page of
// 5,000 orders is read in short pieces that leave the page responsive.
'use strict';
const { listPage } = require('../bench/pages');
const { inWorld } = require('../harness/browser');

// The page's main-thread tasks, from a Chromium trace: each with its wall time and its CPU time
// (`tdur`). CPU time is what our code costs the page; wall time on a loaded machine also counts
// the time the thread waited for a core, which no code of ours can change.
async function traceTasks(page, work) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', e => events.push(...e.value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] }, transferMode: 'ReportEvents' });
  await work();
  // Aligns the trace clock with performance.now(): a TimeStamp event at a known page time.
  const pageNow = await page.evaluate(() => { console.timeStamp('dg-align'); return performance.now(); });
  const done = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const mark = events.find(e => e.name === 'TimeStamp' && e.args && e.args.data && e.args.data.message === 'dg-align');
  if (!mark) throw new Error('no alignment mark in the trace');
  const offset = mark.ts / 1000 - pageNow;   // trace ms = page ms + offset
  return events
    .filter(e => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid)
    .map(e => ({ start: e.ts / 1000 - offset, end: (e.ts + e.dur) / 1000 - offset, cpuMs: (e.tdur || 0) / 1000 }));
}

// The JS heap of the page (its own world and the content script's) after garbage collection.
async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

// Our synchronous work on the page (from the content script's timings): no task of the page's
// main thread that contains any of it may take 50 ms of CPU or more. (The frames in which the
// browser lays out a page of 5,000 orders after a change take longer whoever made the change;
// they are not tasks of ours.)
async function assertNoLongTaskOfOurs(env, page, tasks) {
  const stats = await inWorld(page, 'Dispute Guard', 'DG.main.stats');
  const ours = stats.flatMap(s => [[s.startedAt, s.sentAt], [s.resumedAt, s.doneAt]]);
  // A task holds a piece of our work when the piece's middle lies within it (the two clocks
  // agree to a fraction of a millisecond, so an edge touching the next task proves nothing).
  const containing = tasks.filter(t => ours.some(([a, b]) => (a + b) / 2 > t.start && (a + b) / 2 < t.end));
  env.assert(containing.length >= ours.length / 2, `only ${containing.length} traced tasks hold our ${ours.length} pieces of work`);
  const long = containing.filter(t => t.cpuMs >= 50);
  env.assert(long.length === 0, `tasks with our work taking 50 ms of CPU or more: ${JSON.stringify(long.map(t => t.cpuMs))}`);
  return stats.length;
}

module.exports = t => {
  t.page('product', () => `<!doctype html><html lang="en"><head><title>Item</title></head><body>
<h1>USB-C cable</h1><div id="price">US $3.99</div><button>Buy now</button><div id="live"></div>
<script>let n = 0; setInterval(() => { document.getElementById('live').textContent = 'Visitors ' + (++n); }, 20);</script>
</body></html>`);
  t.page('orders-5000', () => listPage(5000, { more: 0 }));
  t.page('orders-200-mutating', () => listPage(200, { more: 0 }));

  t.test('a product page is never read, even while it keeps changing', async env => {
    const page = await env.browser.context.newPage();
    await page.goto(env.pageUrl('product', 'http://www.aliexpress.com/item/1005001.html'));
    await page.waitForTimeout(1500);
    const url = page.url();
    const snaps = (await env.sw().evaluate(() => globalThis.dgTest.recentSnapshots.slice())).map(s => JSON.parse(s)).filter(s => s.url === url);
    env.assert(snaps.length === 1 && snaps[0].nodes.length === 0, `expected only the empty probe, got ${snaps.map(s => s.nodes.length)}`);
    env.assert(await page.getAttribute('html', 'data-dg-read') === null, 'the page was read');
  });

  t.test('5,000 orders: every card read, in pieces, no long task of ours', async env => {
    const page = await env.browser.context.newPage();
    const tasks = await traceTasks(page, async () => {
      await page.goto(env.pageUrl('orders-5000'));
      await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length === 5000, null, { timeout: 60000 });
    });
    const reads = Number(await page.getAttribute('html', 'data-dg-read'));
    env.assert(reads > 1, `read in one piece (${reads} reads)`);
    await assertNoLongTaskOfOurs(env, page, tasks);
  });

  t.test('a list changing 100 times a second for 10 s stays responsive and is kept read', async env => {
    const page = await env.browser.context.newPage();
    await page.goto(env.pageUrl('orders-200-mutating'));
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length === 200, null, { timeout: 30000 });
    const heapBefore = await heapAfterGc(page);
    const tasks = await traceTasks(page, () => page.evaluate(() => new Promise(resolve => {
      // 1,000 changes over 10 s: store names rewritten and cards appended, as a busy page would.
      let i = 0;
      const list = document.querySelector('.order-content');
      const timer = setInterval(() => {
        const stores = document.querySelectorAll('.order-item-store-name');
        stores[i % stores.length].textContent = `Store renamed ${i}`;
        if (i % 50 === 0) list.append(list.firstElementChild.cloneNode(true));
        if (++i >= 1000) { clearInterval(timer); resolve(); }
      }, 10);
    })).then(() => page.waitForTimeout(1000)));
    const reads = await assertNoLongTaskOfOurs(env, page, tasks);
    // Memory stays flat: 1,000 re-reads leave the heap (page and extension together, after
    // garbage collection) where it was, give or take the 20 cards the page itself added.
    const growth = (await heapAfterGc(page)) - heapBefore;
    env.assert(growth < 1_000_000, `the heap grew by ${(growth / 1e6).toFixed(2)} MB over the changes`);
    env.assert(reads > 10, `only ${reads} reads while the page changed`);
    const marked = await page.$$eval('.order-item', els => els.filter(e => e.hasAttribute('data-dg-order')).length);
    const cards = await page.$$eval('.order-item', els => els.length);
    env.assert(marked === cards, `${marked} of ${cards} cards marked after the changes`);
  });
};
