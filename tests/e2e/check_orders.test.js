// "Check my orders" (CONTRACT.md section 6) end to end in Chromium: from the popup and the list
// bar, the extension reads the detail page of every tracked order that may need action, one page at
// a time in a background tab, and the popup and badge end up exactly as if the shopper had opened
// each page. Orders in every state with their pages (tests/harness/order_site.js); slow pages, a
// page that never shows its order, a sign-in halfway, a captcha, "busy", the popup closed and the
// service worker stopped mid-run, a cancel, a second click, the daily option.
'use strict';
const site = require('../harness/order_site');
const { poll } = require('../harness/wait');

// The run's pace for the tests (dgTest.checkOrders.pace): short pauses, a short timeout.
const PACE = { pauseMs: 150, timeoutMs: 4000, settleMs: 400 };
const BAR = '[data-dg-ui="check-orders"]';
const TO_READ = site.ORDERS.filter(o => o.read);
const NEVER_READ = site.ORDERS.filter(o => !o.read);
const isDetail = url => /\/p\/order\/detail\.html\?orderId=/.test(url);

const until = (fn, what, timeout = 20000) => poll(fn, what, { timeout });

// Fresh storage, every order's page on the fixture server, the tests' pace.
async function prepare(env, { special = {}, pace = PACE } = {}) {
  env.clearRoutes();
  site.serveOrders(env.route, { special });
  await setHooks(env, pace);
  await env.sw().evaluate(async () => {
    await globalThis.dgTest.settled();
    await chrome.storage.local.clear();
  });
  env.served.length = 0;
}

// The test hooks live in the worker's memory: set again after a restart.
const setHooks = (env, pace = PACE) => env.sw().evaluate(pace => Object.assign(globalThis.dgTest.checkOrders, { pace, scheme: 'http:' }), pace);

const state = env => env.storage('checkOrders');

// The shopper's order list, in front, with what happens to its focus recorded.
async function openList(env, name = 'check-orders-list', { button = true } = {}) {
  const page = await env.browser.context.newPage();
  await page.addInitScript(() => {
    window.__dgFocus = [];
    addEventListener('blur', e => { if (e.target === window) window.__dgFocus.push('blur'); });
    document.addEventListener('visibilitychange', () => window.__dgFocus.push(`visibility:${document.visibilityState}`));
  });
  await page.goto(env.pageUrl(name));
  await page.waitForSelector('[data-dg-order]', { state: 'attached' });
  if (button) await page.locator(`${BAR} [data-dg-action="read-all"]`).waitFor({ timeout: 15000 });
  await page.bringToFront();
  return page;
}

// The popup, opened as a tab behind the list (the real popup is no tab at all).
async function openPopup(env) {
  const page = await env.browser.context.newPage();
  await page.goto(env.extensionUrl('popup/popup.html'));
  await page.waitForSelector('body[data-ready] #check[data-ready]', { state: 'attached' });
  return page;
}

// Tabs as the browser reports them (CDP target events seen from the list page): which order
// pages were open when, in the order things happened.
async function watchTabs(page) {
  const cdp = await page.context().newCDPSession(page);
  const urls = new Map();   // targetId -> last url
  const events = [];
  cdp.on('Target.targetCreated', e => { if (e.targetInfo.type === 'page') { urls.set(e.targetInfo.targetId, e.targetInfo.url); events.push(['open', e.targetInfo.targetId]); } });
  cdp.on('Target.targetInfoChanged', e => { if (e.targetInfo.type === 'page') urls.set(e.targetInfo.targetId, e.targetInfo.url); });
  cdp.on('Target.targetDestroyed', e => events.push(['close', e.targetId]));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const initial = new Set(urls.keys());
  return {
    // Order pages (and the sign-in they may end on) opened since the watch began.
    runTabs: () => [...urls].filter(([id, url]) => !initial.has(id) && (isDetail(url) || /login\.aliexpress|_____tmd_____/.test(url))).map(([id]) => id),
    // The most run tabs open at once.
    maxOpen() {
      const run = new Set(this.runTabs());
      let open = 0, max = 0;
      for (const [kind, id] of events) {
        if (!run.has(id)) continue;
        open += kind === 'open' ? 1 : -1;
        max = Math.max(max, open);
      }
      return max;
    },
    stillOpen: () => [...urls.keys()].filter(id => !events.some(([k, x]) => k === 'close' && x === id)),
    detach: () => cdp.detach().catch(() => {}),
  };
}

// Who has the focus, as the extension sees it: the active tab of the last focused window.
const focus = env => env.sw().evaluate(async () => {
  const win = await chrome.windows.getLastFocused();
  const [tab] = await chrome.tabs.query({ active: true, windowId: win.id });
  return { window: win.id, focused: win.focused, tab: tab && tab.id };
});

// Waits for the run to end, sampling the progress shown and the focus on the way.
async function untilDone(env, pages, { timeout = 40000 } = {}) {
  const seen = { progress: new Set(), focus: new Set() };
  await until(async () => {
    for (const p of pages) {
      const v = await p.evaluate(sel => {
        const inBar = document.querySelector(sel);
        const root = inBar ? inBar.shadowRoot : document;
        const e = root && root.querySelector('[data-dg-progress]');
        return e && e.getAttribute('data-dg-progress');
      }, BAR).catch(() => null);
      if (v) seen.progress.add(`${p.dgName}:${v}`);
    }
    seen.focus.add(JSON.stringify(await focus(env)));
    const s = await state(env);
    return s && s.status === 'done';
  }, 'the run to end', timeout);
  return seen;
}

const requested = env => env.served.filter(isDetail).map(u => new URL(u).searchParams.get('orderId'));
const count = (list, id) => list.filter(x => x === id).length;

// The popup's orders as the contract shows them, and the badge.
async function popupOrders(env) {
  await env.sw().evaluate(() => globalThis.dgTest.settled());
  const page = await openPopup(env);
  const orders = await page.$$eval('[data-dg-popup-order]', els => Object.fromEntries(els.map(e => [e.dataset.dgPopupOrder,
    { dispute: e.dataset.dgDispute, deadline: e.dataset.dgDeadline || null, needsAction: !!e.dataset.dgNeedsAction }])));
  const badge = await page.evaluate(() => chrome.action.getBadgeText({}));
  await page.close();
  return { orders, badge };
}

// The same orders as the shopper would have them after opening the list and then each order's
// page, one by one: what the run must end with.
async function byHand(env, orders) {
  await env.sw().evaluate(async () => { await globalThis.dgTest.settled(); await chrome.storage.local.clear(); });
  const list = await openList(env);
  for (const o of orders) {
    const p = await env.browser.context.newPage();
    await p.goto(site.detailUrl(o));
    await p.waitForSelector(`[data-dg-order="${site.idOf(o)}"]`, { state: 'attached', timeout: 15000 });
    await env.sw().evaluate(() => globalThis.dgTest.settled());
    await p.close();
  }
  await list.close();
  return popupOrders(env);
}

const popupText = page => page.$eval('#check', e => e.innerText.replace(/\s+/g, ' ').trim());
// The outcome the list bar shows, once the run has ended there too.
async function barOutcome(list) {
  await list.locator(`${BAR} [data-dg-progress="done"]`).waitFor();
  return list.$eval(BAR, h => h.shadowRoot.querySelector('[data-dg-progress="done"]').innerText.replace(/\s+/g, ' ').trim());
}

require('../harness/e2e').suite(__filename, t => {
  t.page('check-orders-list', () => site.listPage());
  t.page('check-orders-settled', () => site.listPage(NEVER_READ));
  t.page('check-orders-long', () => require('../bench/pages').listPage(300, { more: 20 }));

  t.test('reads every order that may need action, one page at a time in the background; popup and badge as if each page had been opened', async env => {
    // One page answers late, another draws its order a while after loading.
    await prepare(env, { special: { 301: { delayMs: 1200 }, 306: { appearAfterMs: 800 } } });
    const popup = await openPopup(env);
    popup.dgName = 'popup';
    const list = await openList(env);
    list.dgName = 'bar';
    const tabs = await watchTabs(list);
    try {
      const before = await focus(env);
      env.assert(before.focused, 'a focused window');
      await popup.evaluate(() => document.querySelector('#check [data-dg-action="read-all"]').focus());
      await popup.locator('#check [data-dg-action="read-all"]').click();
      const seen = await untilDone(env, [popup, list]);
      const s = await state(env);
      env.assert.equal(s.queue.map(q => q.id), TO_READ.map(site.idOf), 'the orders that may need action, and only those');
      env.assert.equal(s.results.map(r => r.result), TO_READ.map(() => 'read'), 'every one read, the slow ones too');
      const asked = requested(env);
      for (const o of TO_READ) env.assert.equal(count(asked, site.idOf(o)), 1, `${o.n}: its page opened once`);
      for (const o of NEVER_READ) env.assert.equal(count(asked, site.idOf(o)), 0, `${o.n} (${o.list}, placed ${o.placed}): never opened`);
      env.assert.equal(tabs.runTabs().length, TO_READ.length, 'one tab per order');
      env.assert.equal(tabs.maxOpen(), 1, 'never two at once');
      await until(() => tabs.runTabs().every(id => !tabs.stillOpen().includes(id)), 'every tab closed');
      // The shopper's tab kept the focus all along.
      env.assert.equal([...seen.focus], [JSON.stringify(before)], 'the same focused window and active tab throughout');
      env.assert.equal(await list.evaluate(() => window.__dgFocus), [], 'the list page never lost focus or visibility');
      env.assert.equal(await list.evaluate(() => document.visibilityState), 'visible', 'the list is still what the shopper sees');
      // Progress in the popup and the list bar: K/N while reading, then done.
      const steps = [...seen.progress];
      for (const where of ['popup', 'bar']) {
        env.assert(steps.some(x => new RegExp(`^${where}:[0-4]/5$`).test(x)), `${where} showed K/N while reading: ${steps}`);
      }
      await list.locator(`${BAR} [data-dg-progress="done"]`).waitFor();
      await popup.locator('#check [data-dg-progress="done"]').waitFor();
      await until(async () => (await popupText(popup)).includes('Orders read: 5 of 5. Need action now: 2.'), 'the outcome in the popup');
      const barText = await barOutcome(list);
      env.assert(barText.includes('Orders read: 5 of 5.') && barText.includes('Need action now: 2.'), `the outcome in the bar: ${barText}`);
      env.assert(await popup.evaluate(() => document.activeElement && document.activeElement.closest('#check') !== null), 'the keyboard stays in the popup\'s check section');
      // The list's badges say what the orders' pages said (the bar has their cards read again).
      const badgeState = id => list.evaluate(id => {
        const host = document.querySelector(`[data-dg-order="${id}"] [data-dg-ui="order-badge"]`);
        const box = host && host.shadowRoot && host.shadowRoot.querySelector('[data-dg-widget]');
        return box && box.getAttribute('data-dg-state');
      }, id);
      await until(async () => (await badgeState(site.idOf(site.ORDERS[1]))) === 'closing-soon', 'the received order\'s badge: closing soon');
      env.assert.equal(await badgeState(site.idOf(site.ORDERS[5])), 'closing-soon', 'the parcel in transit: closing soon (protection ends in 3 days)');
      env.assert.equal(await badgeState(site.idOf(site.ORDERS[3])), 'not-applicable', 'unpaid: as before');
      // The popup and the badge, exactly as if each page had been opened by hand.
      const run = await popupOrders(env);
      env.assert.equal(run.badge, '2', 'the badge counts the orders read that need action');
      const hand = await byHand(env, TO_READ);
      env.assert.equal(run, hand, 'the same as opening each order\'s page');
    } finally {
      await tabs.detach();
      env.clearRoutes();
    }
  });

  t.test('a page that never shows its order is skipped with the reason, and what was known stays', async env => {
    await prepare(env);
    const completed = site.ORDERS.find(o => o.n === 302);
    // The shopper opened this order's page once: its dates are known.
    await openList(env);
    const p = await env.browser.context.newPage();
    await p.goto(site.detailUrl(completed));
    await p.waitForSelector(`[data-dg-order="${site.idOf(completed)}"]`, { state: 'attached' });
    await env.sw().evaluate(() => globalThis.dgTest.settled());
    await p.close();
    const known = (await env.storage('orders')).orders[site.idOf(completed)].order;
    env.assert(known.completed, 'receipt date known from its page');
    // Now its page shows nothing any more.
    site.serveOrders(env.route, { special: { 302: { never: true } } });
    const popup = await openPopup(env);
    await popup.locator('#check [data-dg-action="read-all"]').click();
    await untilDone(env, []);
    const s = await state(env);
    env.assert.equal(s.results.find(r => r.id === site.idOf(completed)).result, 'not-shown', 'skipped, with the reason');
    env.assert.equal(s.results.filter(r => r.result === 'read').length, TO_READ.length - 1, 'the others read');
    env.assert.equal((await env.storage('orders')).orders[site.idOf(completed)].order, known, 'nothing known lost or overwritten');
    await until(async () => (await popupText(popup)).includes('Could not be read: 1. the page opened but never showed the order: 1'), 'the reason in the popup');
    env.clearRoutes();
  });

  t.test('a sign-in page halfway stops the run and asks the shopper to sign in', async env => {
    // The third order's page sends to the sign-in, as an expired session does.
    await prepare(env, { special: { 303: { redirect: 'http://login.aliexpress.com/?return=https%3A%2F%2Fwww.aliexpress.com%2Fp%2Forder%2Fdetail.html' } } });
    const list = await openList(env);
    const tabs = await watchTabs(list);
    try {
      const before = await focus(env);
      await list.locator(`${BAR} [data-dg-action="read-all"]`).click();
      const seen = await untilDone(env, [list]);
      env.assert.equal([...seen.focus], [JSON.stringify(before)], 'the shopper\'s window and tab kept the focus');
      const s = await state(env);
      env.assert.equal(s.stop, 'sign-in', 'stopped for the sign-in');
      env.assert.equal(s.results.map(r => r.result), ['read', 'read'], 'the two before it read');
      const asked = requested(env);
      for (const n of [306, 308]) env.assert.equal(count(asked, site.idOf(site.ORDERS.find(o => o.n === n))), 0, `${n}: not opened after the stop`);
      env.assert(env.served.some(u => u.startsWith('http://login.aliexpress.com/')), 'the sign-in page was shown');
      await until(() => tabs.runTabs().every(id => !tabs.stillOpen().includes(id)), 'its tab closed');
      env.assert.equal(tabs.maxOpen(), 1, 'never two at once');
      const text = await barOutcome(list);
      env.assert(text.includes('Stopped: AliExpress asked you to sign in.') && text.includes('Orders read: 2 of 5.'), `the bar says so: ${text}`);
      const popup = await openPopup(env);
      env.assert((await popupText(popup)).includes('Sign in on AliExpress, then check again.'), 'the popup says so');
      env.assert.equal(await popup.locator('#check [data-dg-action="open-order-list"]').count(), 1, 'with the way to the site');
    } finally {
      await tabs.detach();
      env.clearRoutes();
    }
  });

  t.test('a captcha or a "system busy" page stops the run and says so', async env => {
    const punish = 'http://www.aliexpress.com/p/order/detail.html/_____tmd_____/punish?x5secdata=abc';
    const captcha = '<!doctype html><html lang="en"><body><div id="nc_1_n1z"></div><p>Please slide to verify</p></body></html>';
    const busy = '<!doctype html><html lang="en"><body><div class="next-message">System busy, please try again later.</div></body></html>';
    for (const [routes, stop, words] of [
      // The second order's page sends to the anti-bot check.
      [[[site.detailUrl(site.ORDERS[1]), { redirect: punish }], [punish, { html: captcha }]], 'captcha', 'not a robot'],
      // The first order's page says the system is busy.
      [[[site.detailUrl(site.ORDERS[0]), { html: busy }]], 'busy', 'AliExpress says it is busy'],
    ]) {
      await prepare(env);
      for (const [url, spec] of routes) env.route(url, spec);
      const list = await openList(env);
      await list.locator(`${BAR} [data-dg-action="read-all"]`).click();
      await untilDone(env, []);
      const s = await state(env);
      env.assert.equal(s.stop, stop, `${stop}: stopped`);
      const text = await barOutcome(list);
      env.assert(text.includes(words), `${stop}: the bar says so: ${text}`);
      await list.close();
    }
    env.clearRoutes();
  });

  t.test('the popup closed and the service worker stopped mid-run: a new worker goes on where it stopped', async env => {
    await prepare(env, { pace: { ...PACE, pauseMs: 600 } });
    // The popup behind the list: closing it leaves the list in front.
    const popup = await openPopup(env);
    const list = await openList(env);
    const tabs = await watchTabs(list);
    try {
      const before = await focus(env);
      await popup.locator('#check [data-dg-action="read-all"]').click();
      await popup.close();
      await until(async () => ((await state(env)) || { results: [] }).results.length >= 2, 'two orders read');
      const run = (await state(env)).run;
      await env.sw().evaluate(() => { globalThis.dgBeforeStop = true; });
      const cdp = await env.browser.context.newCDPSession(list);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      // Any event starts a new worker (here: the popup opened again asks for the view).
      const again = await openPopup(env);
      await until(async () => env.sw().evaluate(() => globalThis.dgBeforeStop === undefined).catch(() => false), 'a new worker');
      await setHooks(env);
      await list.bringToFront();
      const seen = await untilDone(env, []);
      env.assert.equal([...seen.focus], [JSON.stringify(before)], 'the shopper\'s window and tab kept the focus after the restart');
      const s = await state(env);
      env.assert.equal(s.run, run, 'the same run');
      env.assert.equal(s.results.map(r => r.result), TO_READ.map(() => 'read'), 'every order read');
      const asked = requested(env);
      const twice = TO_READ.filter(o => count(asked, site.idOf(o)) > 1);
      env.assert(twice.length <= 1, `at most the order being read when the worker stopped is opened again: ${twice.map(o => o.n)}`);
      for (const o of TO_READ) env.assert(count(asked, site.idOf(o)) >= 1, `${o.n} opened`);
      for (const o of NEVER_READ) env.assert.equal(count(asked, site.idOf(o)), 0, `${o.n} never opened`);
      env.assert.equal(tabs.maxOpen(), 1, 'never two at once, also across the restart');
      await until(() => tabs.runTabs().every(id => !tabs.stillOpen().includes(id)), 'none left open');
      await again.locator('#check [data-dg-progress="done"]').waitFor();
    } finally {
      await tabs.detach();
      env.clearRoutes();
    }
  });

  t.test('cancel stops the run, closes its tab and opens nothing more', async env => {
    // The second order's page takes its time: cancel while it loads.
    await prepare(env, { special: { 302: { delayMs: 5000 } } });
    const list = await openList(env);
    const tabs = await watchTabs(list);
    try {
      await list.locator(`${BAR} [data-dg-action="read-all"]`).click();
      await list.locator(`${BAR} [data-dg-progress="1/5"]`).waitFor({ timeout: 15000 });
      await until(() => requested(env).includes(site.idOf(site.ORDERS[1])), 'the slow page asked for');
      await list.locator(`${BAR} [data-dg-action="read-all-cancel"]`).click();
      await list.locator(`${BAR} [data-dg-progress="done"]`).waitFor();
      const s = await state(env);
      env.assert.equal([s.status, s.stop, s.results.length], ['done', 'cancelled', 1], 'cancelled after the first');
      await until(() => tabs.runTabs().every(id => !tabs.stillOpen().includes(id)), 'its tab closed');
      const text = await barOutcome(list);
      env.assert(text.includes('Check cancelled.') && text.includes('Orders read: 1 of 5.'), `the bar says so: ${text}`);
      // Nothing more is opened, even after the pause a page would have had.
      await env.sw().evaluate(() => globalThis.dgTest.settled());
      const asked = requested(env);
      for (const o of TO_READ.slice(2)) env.assert.equal(count(asked, site.idOf(o)), 0, `${o.n} not opened`);
      env.assert.equal(tabs.runTabs().length, 2, 'two tabs opened in all');
      env.assert(await list.locator(`${BAR} [data-dg-action="read-all"]`).count() === 1, 'the button is back');
    } finally {
      await tabs.detach();
      env.clearRoutes();
    }
  });

  t.test('a second click while a run goes on does not start another', async env => {
    await prepare(env, { pace: { ...PACE, pauseMs: 400 } });
    const list = await openList(env);
    const popup = await openPopup(env);
    // A click in the bar, and right after it a double click in the popup and a start message
    // (dispatched at once: a click that waited for its button would come after the run).
    await list.locator(`${BAR} [data-dg-action="read-all"]`).click();
    const [, a] = await Promise.all([
      // (At once, not waiting for the button: once the popup shows the run it has none, and
      // a click that waited for one would come after the run, starting a new one rightly.)
      popup.evaluate(() => { const b = document.querySelector('#check [data-dg-action="read-all"]'); if (b) { b.click(); b.click(); } }),
      popup.evaluate(() => chrome.runtime.sendMessage({ type: 'check-orders', action: 'start' })),
    ]);
    env.assert(a && (a.started || a.running), 'the start answered');
    await until(async () => ((await state(env)) || { results: [] }).results.length >= 1, 'one order read');
    const run = (await state(env)).run;
    const later = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'check-orders', action: 'start' }));
    env.assert.equal([later.started, later.running], [false, true], 'a start during the run starts nothing');
    await untilDone(env, []);
    const s = await state(env);
    env.assert.equal(s.run, run, 'one run');
    env.assert.equal(s.results.length, TO_READ.length, 'each order once');
    for (const o of TO_READ) env.assert.equal(count(requested(env), site.idOf(o)), 1, `${o.n} opened once`);
    env.clearRoutes();
  });

  t.test('one bar on a long list read in pieces, and after more orders load', async env => {
    await prepare(env);
    const page = await env.browser.context.newPage();
    await page.goto(env.pageUrl('check-orders-long'));
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length === 300, null, { timeout: 20000 });
    await page.locator(`${BAR} [data-dg-action="read-all"]`).waitFor();
    env.assert.equal(await page.locator(BAR).count(), 1, 'one bar for all the pieces');
    env.assert(await page.$eval(BAR, h => h.nextElementSibling && h.nextElementSibling.classList.contains('order-content')), 'just before the list of cards');
    await page.click('[data-fx="load-more"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length === 320, null, { timeout: 20000 });
    await env.sw().evaluate(() => globalThis.dgTest.settled());
    env.assert.equal(await page.locator(BAR).count(), 1, 'still one after the page added orders');
    await page.close();
  });

  t.test('the page\'s own scripts cannot start a run from the bar', async env => {
    await prepare(env);
    const list = await openList(env);
    // Counts the starts that reach the service worker (messages from one page arrive in order).
    await env.sw().evaluate(() => {
      globalThis.dgStarts = 0;
      chrome.runtime.onMessage.addListener(m => { if (m && m.type === 'check-orders' && m.action === 'start') globalThis.dgStarts++; });
    });
    // A script of the page reaches into the bar's open shadow root and clicks; then the shopper does.
    await list.evaluate(sel => document.querySelector(sel).shadowRoot.querySelector('[data-dg-action="read-all"]').click(), BAR);
    await list.locator(`${BAR} [data-dg-action="read-all"]`).click();
    await until(() => env.sw().evaluate(() => globalThis.dgStarts >= 1), 'the shopper\'s start');
    env.assert.equal(await env.sw().evaluate(() => globalThis.dgStarts), 1, 'only the shopper\'s click reached the extension');
    await untilDone(env, []);
    const s = await state(env);
    env.assert.equal([s.stop, s.results.length], [null, TO_READ.length], 'one run, started by the shopper, not cancelled');
    for (const o of TO_READ) env.assert.equal(count(requested(env), site.idOf(o)), 1, `${o.n} opened once`);
    env.clearRoutes();
  });

  t.test('no button when no tracked order may need action', async env => {
    await prepare(env);
    const list = await openList(env, 'check-orders-settled', { button: false });
    await env.sw().evaluate(() => globalThis.dgTest.settled());
    const popup = await openPopup(env);
    env.assert.equal(await popup.locator('[data-dg-action="read-all"]').count(), 0, 'popup: none');
    env.assert(await popup.locator('#check').evaluate(e => e.hidden), 'popup: the section is hidden');
    // The bar has been told (its view asked again when the tab comes into view).
    await list.bringToFront();
    await until(async () => (await list.$eval(BAR, h => h.shadowRoot.querySelectorAll('[data-dg-action]').length).catch(() => -1)) === 0, 'an empty bar');
    env.assert.equal(await list.$eval(BAR, h => h.getBoundingClientRect().height), 0, 'taking no room');
    env.clearRoutes();
  });

  t.test('daily: off by default; on, at most once a day while the browser is in use, with a notification only when something now needs action', async env => {
    await prepare(env);
    const hooks = () => env.sw().evaluate(async () => ({ daily: await globalThis.dgTest.checkOrders.daily(), alarm: !!(await chrome.alarms.get('dg-check-orders-daily')) }));
    await openList(env);
    env.assert.equal(await hooks(), { daily: 'off', alarm: false }, 'off by default: no alarm, no run');
    const options = await env.browser.context.newPage();
    await options.goto(env.extensionUrl('options/options.html'));
    await options.waitForSelector('body[data-ready]');
    const box = options.locator('[name="check_orders_daily"]');
    env.assert.equal(await box.isChecked(), false, 'the option is off');
    await box.setChecked(true);
    await until(async () => ((await env.storage('settings')) || {}).check_orders_daily === true, 'saved');
    await until(async () => env.sw().evaluate(async () => !!(await chrome.alarms.get('dg-check-orders-daily'))), 'the hourly alarm that looks for the day\'s run');
    await options.close();
    await env.sw().evaluate(() => chrome.notifications.getAll().then(all => Promise.all(Object.keys(all).map(id => chrome.notifications.clear(id)))));
    env.assert.equal((await hooks()).daily, 'started', 'runs');
    await untilDone(env, []);
    const s = await state(env);
    env.assert.equal([s.trigger, s.results.length], ['daily', TO_READ.length], 'the same reading');
    // (Deadline reminders of the orders read are notifications of their own: dg-reminder|….)
    const checks = () => env.sw().evaluate(() => chrome.notifications.getAll()).then(all => Object.keys(all).filter(id => id.startsWith('dg-check|')));
    // The run says it is done before its notification is shown: wait for that.
    await until(async () => (await checks()).length > 0, 'the notification of the daily run');
    const shown = await checks();
    env.assert.equal(shown, [`dg-check|${s.run}`], 'one notification: two orders now need action');
    env.assert.equal((await hooks()).daily, 'done-today', 'not twice a day');
    // The next day, with nothing new needing action: a run, and no notification.
    await env.sw().evaluate(async id => { await chrome.notifications.clear(id); await chrome.storage.local.set({ checkOrdersDaily: '2000-01-01' }); }, shown[0]);
    env.assert.equal((await hooks()).daily, 'started', 'the next day');
    await untilDone(env, []);
    env.assert.equal(await checks(), [], 'nothing new: no notification');
    await env.sw().evaluate(() => chrome.storage.local.set({ settings: {} }));
    await until(async () => env.sw().evaluate(async () => !(await chrome.alarms.get('dg-check-orders-daily'))), 'switched off: no alarm');
    env.clearRoutes();
  });
});
