// Never in the way: pages the core has nothing to say about are not read at all, and a page of
// 5,000 orders is read in pieces of bounded size.
'use strict';
const { listPage } = require('../bench/pages');
const { inWorld } = require('../harness/browser');
const { pageSettled } = require('../harness/wait');

// Our work on the page is bounded by counting, not by the clock: every read of ours covers at
// most one piece's worth of nodes, so no task of ours grows with the page. CPU time per task and
// the heap are measured and checked by ./build.sh bench (tests/bench/bench.js), away from a
// machine busy with the other tests.
const PIECE_ELEMENTS = 3000;          // content/main.js
const MAX_NODES_PER_READ = PIECE_ELEMENTS * 3;   // elements plus their text nodes and context ancestors
async function assertReadsBounded(env, page) {
  const stats = await inWorld(page, 'Dispute Guard', 'DG.main.stats');
  const big = stats.filter(s => s.nodes > MAX_NODES_PER_READ);
  env.assert(big.length === 0, `reads of more than ${MAX_NODES_PER_READ} nodes: ${JSON.stringify(big.map(s => s.nodes))}`);
  return stats.length;
}

require('../harness/e2e').suite(__filename, t => {
  t.page('product', () => `<!doctype html><html lang="en"><head><title>Item</title></head><body>
<h1>USB-C cable</h1><div id="price">US $3.99</div><button>Buy now</button><div id="live"></div>
<script>let n = 0; setInterval(() => { document.getElementById('live').textContent = 'Visitors ' + (++n); }, 20); // timer: the page's own ticking counter</script>
</body></html>`);
  t.page('orders-5000', () => listPage(5000, { more: 0 }));
  t.page('orders-200-mutating', () => listPage(200, { more: 0 }));

  t.test('a product page is never read, even while it keeps changing', async env => {
    const page = await env.browser.context.newPage();
    await page.goto(env.pageUrl('product', 'http://www.aliexpress.com/item/1005001.html'));
    // The probe answered, then the page changed 50 times, and the extension has taken every
    // change (none is pending): only then is the absence of reads worth saying.
    await pageSettled(page);
    await page.waitForFunction(() => /Visitors ([5-9]\d|\d{3,})/.test(document.getElementById('live').textContent));
    await pageSettled(page);
    const url = page.url();
    const snaps = (await env.sw().evaluate(() => globalThis.dgTest.recentSnapshots.slice())).map(s => JSON.parse(s)).filter(s => s.url === url);
    env.assert(snaps.length === 1 && snaps[0].nodes.length === 0, `expected only the empty probe, got ${snaps.map(s => s.nodes.length)}`);
    env.assert(await page.getAttribute('html', 'data-dg-read') === null, 'the page was read');
  });

  t.test('5,000 orders: every card read, in pieces of bounded size', async env => {
    const page = await env.browser.context.newPage();
    await page.goto(env.pageUrl('orders-5000'));
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length === 5000, null, { timeout: 60000 });
    const reads = Number(await page.getAttribute('html', 'data-dg-read'));
    env.assert(reads > 1, `read in one piece (${reads} reads)`);
    await assertReadsBounded(env, page);
  });

  t.test('a list changing 100 times a second for 10 s stays responsive and is kept read', async env => {
    const page = await env.browser.context.newPage();
    await page.goto(env.pageUrl('orders-200-mutating'));
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length === 200, null, { timeout: 30000 });
    await page.evaluate(() => new Promise(resolve => {
      // 1,000 changes over 10 s: store names rewritten and cards appended, as a busy page would.
      let i = 0;
      const list = document.querySelector('.order-content');
      // timer: the page's own changes, at its pace (the load this test is about).
      const timer = setInterval(() => {
        const stores = document.querySelectorAll('.order-item-store-name');
        stores[i % stores.length].textContent = `Store renamed ${i}`;
        if (i % 50 === 0) list.append(list.firstElementChild.cloneNode(true));
        if (++i >= 1000) { clearInterval(timer); resolve(); }
      }, 10);
    }));
    // Every change read: the 20 appended cards marked (below) is the event the page settles on.
    await page.waitForFunction(() => [...document.querySelectorAll('.order-item')].every(e => e.hasAttribute('data-dg-order')), null, { timeout: 30000 });
    const reads = await assertReadsBounded(env, page);
    env.assert(reads > 10, `only ${reads} reads while the page changed`);
    const marked = await page.$$eval('.order-item', els => els.filter(e => e.hasAttribute('data-dg-order')).length);
    const cards = await page.$$eval('.order-item', els => els.length);
    env.assert(marked === cards, `${marked} of ${cards} cards marked after the changes`);
  });
});
