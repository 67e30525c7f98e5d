// The lit path to a dispute end to end (CONTRACT.md section 3): list badges, detail notices and
// highlights, the start-page guide, the dispute timeline, the cancel-dispute warning; always in
// open shadow roots, in the flow of the page, never over the site's controls.
'use strict';

// The extension's widgets on the page, as the shopper sees them (not the guard's dialogs, the list's
// "Check my orders" bar: tests/e2e/check_orders.test.js, nor the page-level "Report a misread
// page" control: report.test.js).
function widgetsOnPage() {
  return [...document.querySelectorAll('[data-dg-ui]')].filter(h => !['dialog', 'check-orders', 'page-report'].includes(h.getAttribute('data-dg-ui'))).map(host => {
    const box = host.shadowRoot && host.shadowRoot.querySelector('[data-dg-widget]');
    const r = host.getBoundingClientRect();
    const order = host.closest('[data-dg-order]') || (host.previousElementSibling && host.previousElementSibling.closest('[data-dg-order]'));
    return {
      component: box && box.getAttribute('data-dg-widget'),
      state: box && box.getAttribute('data-dg-state'),
      role: box && box.getAttribute('role'),
      text: box ? box.textContent : '',
      links: box ? [...box.querySelectorAll('a')].map(a => a.href) : [],
      order: order ? order.getAttribute('data-dg-order') : null,
      orderState: order ? order.getAttribute('data-dg-dispute') : null,
      rect: { x: r.x, y: r.y, w: r.width, h: r.height },
    };
  });
}

// Site controls one of our widgets is drawn over: at the control's centre and corners, the
// topmost element must not be ours. None allowed (dialogs excepted: they are modal on purpose).
function coveredControls() {
  const ours = el => !!(el && el.closest && el.closest('[data-dg-ui]:not([data-dg-ui="dialog"])'));
  const controls = [...document.querySelectorAll('button, a, [role=button], input')].filter(c => !c.closest('[data-dg-ui]'));
  const hits = [];
  for (const c of controls) {
    for (const r of c.getClientRects()) {
      if (r.width < 2 || r.height < 2) continue;
      // An inline element's vertical padding overflows its line and is painted under whatever
      // follows (CSS, not us): for those only the centre counts.
      const inline = getComputedStyle(c).display === 'inline';
      const points = [[r.left + r.width / 2, r.top + r.height / 2], ...(inline ? [] : [[r.left + 1, r.top + 1], [r.right - 1, r.bottom - 1]])];
      for (const [x, y] of points) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        if (ours(document.elementFromPoint(x, y))) { hits.push(`a widget over ${c.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}`); break; }
      }
    }
  }
  return hits;
}

require('../harness/e2e').suite(__filename, t => {
  const { orderId } = require('../harness/templates');
  t.page('orders-400', () => require('../bench/pages').listPage(400, { more: 0 }));

  t.test('a long list: every card gets its badge by the time the shopper reaches it', async env => {
    await env.resetStorage();
    const page = await env.browser.context.newPage();
    await page.goto(env.pageUrl('orders-400'));
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length === 400, null, { timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-ui="order-badge"]').length === 400, null, { timeout: 10000 });
    // Every badge on the screen is drawn; those far below wait until the shopper scrolls near.
    const onScreenDrawn = () => {
      const hosts = [...document.querySelectorAll('[data-dg-ui="order-badge"]')];
      const drawn = h => !!h.shadowRoot.querySelector('[data-dg-widget]');
      const onScreen = hosts.filter(h => h.getBoundingClientRect().top < innerHeight);
      return onScreen.length > 0 && onScreen.every(drawn) ? { onScreen: onScreen.length, drawn: hosts.filter(drawn).length } : null;
    };
    const early = await (await page.waitForFunction(onScreenDrawn, null, { timeout: 5000 })).jsonValue();
    env.assert(early.drawn < 400, `far badges wait (${early.drawn} of 400 drawn, ${early.onScreen} on screen)`);
    // The shopper scrolls to the end: the last card's badge is there, saying its card's state.
    await page.evaluate(() => document.querySelector('.order-item:last-of-type').scrollIntoView());
    const last = page.locator('.order-item:last-of-type [data-dg-ui="order-badge"] [data-dg-widget]');
    await last.waitFor({ timeout: 5000 });
    const state = await page.evaluate(() => document.querySelector('.order-item:last-of-type').getAttribute('data-dg-dispute'));
    env.assert.equal(await last.getAttribute('data-dg-state'), state, 'the badge says the card\'s state');
    env.assert((await last.textContent()).length > 20, 'and says it in words');
    await env.resetStorage();
  });

  t.test('list cards: one badge each, saying the card\'s state, with a link where the dates are', async env => {
    for (const name of ['current-list-en', 'guard-list-en']) {
      await env.resetStorage();
      const page = await env.open(name);
      const w = await page.evaluate(widgetsOnPage);
      const cards = await page.$$eval('[data-dg-order]', els => els.map(e => e.getAttribute('data-dg-order')));
      env.assert.equal(w.map(x => x.order), cards, `${name}: one badge per card, in order`);
      for (const b of w) {
        env.assert.equal([b.component, b.role], ['order-badge', 'note'], `${name}: badge of ${b.order}`);
        env.assert.equal(b.state, b.orderState, `${name}: the badge says the card's state (${b.order})`);
        env.assert(b.text.startsWith('Dispute Guard'), `${name}: the badge says whose it is`);
        const detail = new RegExp(`^https?://www\\.aliexpress\\.com/p/order/detail\\.html\\?orderId=${b.order}$`);
        if (b.state === 'unknown') env.assert(b.links.length === 1 && detail.test(b.links[0]), `${name}: unknown dates → the order's detail page: ${b.links}`);
        if (b.state === 'not-applicable') env.assert.equal(b.links, [], `${name}: nothing to do → no link`);
      }
      env.assert.equal(await page.evaluate(coveredControls), [], `${name}: no badge over a site control`);
    }
  });

  t.test('list badges say why, in words the shopper can act on', async env => {
    await env.resetStorage();
    const page = await env.open('current-list-en');
    const byOrder = Object.fromEntries((await page.evaluate(widgetsOnPage)).map(w => [w.order, w.text]));
    env.assert(byOrder[orderId(1)].includes('does not show when the order shipped'), `in transit: ${byOrder[orderId(1)]}`);
    env.assert(byOrder[orderId(2)].includes('does not show when receipt was confirmed'), `completed: ${byOrder[orderId(2)]}`);
    env.assert(byOrder[orderId(3)].includes('Too early for a dispute') && byOrder[orderId(3)].includes('after the seller ships'), `not shipped: ${byOrder[orderId(3)]}`);
    env.assert(byOrder[orderId(4)].includes('Not paid yet'), `unpaid: ${byOrder[orderId(4)]}`);
    env.assert(byOrder[orderId(5)].includes('The order is closed'), `closed: ${byOrder[orderId(5)]}`);
    env.assert(!byOrder[orderId(5)].includes('<script>'), 'page text is not in our widget');
  });

  t.test('a list badge uses what the order\'s detail page said before; the marks do not', async env => {
    await env.resetStorage();
    try {
      const day = n => { const d = new Date(); d.setDate(d.getDate() + n); return d.toLocaleDateString('sv'); };
      const id = orderId(1);
      // The detail page, read five days ago, said the order shipped 20 days ago.
      await env.sw().evaluate(memory => chrome.storage.local.set({ orders: memory }), {
        schema: 1,
        orders: { [id]: { order: { id, status: 'shipped', shipped: day(-20) }, first_seen: day(-5), last_seen: day(-5) } },
      });
      const page = await env.open('current-list-en');
      const badge = (await page.evaluate(widgetsOnPage)).find(w => w.order === id);
      env.assert.equal(badge.state, 'open', `badge: ${badge.text}`);
      env.assert(badge.text.includes('Dispute possible until') && badge.text.includes('40 days left'), badge.text);
      env.assert(badge.text.includes('Estimated') && badge.text.includes('Dates remembered from the order\'s details'), badge.text);
      env.assert.equal(await page.getAttribute(`[data-dg-order="${id}"]`, 'data-dg-dispute'), 'unknown', 'the mark says what the page says');
      env.assert.equal(await page.getAttribute(`[data-dg-order="${id}"]`, 'data-dg-shipped'), null, 'no shipment date the page does not show');
    } finally {
      await env.resetStorage();
    }
  });

  t.test('load-more and re-reads never duplicate a badge', async env => {
    const page = await env.open('current-list-en');
    await page.click('[data-fx="load-more"]');
    await env.waitReads(page, 2);
    // A card's text changes (the site updates a status): the card is read again.
    await page.evaluate(() => { document.querySelector('.order-item-store-name').textContent += ' '; document.querySelector('.order-item-store-name').append('Outlet'); });
    await env.waitReads(page, 3);
    const w = await page.evaluate(widgetsOnPage);
    const orders = w.map(x => x.order);
    env.assert.equal(orders.length, 6, 'six cards, six badges');
    env.assert.equal(new Set(orders).size, 6, 'no card with two badges');
  });

  t.test('the start page ("Have you received your package?") and the legacy create-dispute page get a short guide', async env => {
    for (const name of ['path-start-en', 'path-start-legacy-en']) {
      const page = await env.open(name);
      const w = await page.evaluate(widgetsOnPage);
      env.assert.equal(w.map(x => x.component), ['dispute-guide'], `${name}: one guide`);
      const text = w[0].text;
      for (const part of ['Which answer fits', 'not arrived', 'unboxing video', 'decimal point (5.30)', 'system busy']) {
        env.assert(text.includes(part), `${name}: the guide says "${part}": ${text}`);
      }
      env.assert(await page.evaluate(() => document.body.firstElementChild.getAttribute('data-dg-ui')) === 'dispute-guide', `${name}: at the top of the page, in its flow`);
      env.assert.equal(await page.evaluate(coveredControls), [], `${name}: over no control`);
      // The site's own choice still works.
      const answer = name === 'path-start-en' ? '[data-fx="answer-no"]' : '[data-fx="next"]';
      await page.click(answer);
      env.assert.equal((await env.siteLog(page)).length, 1, `${name}: the site saw the click`);
    }
  });

  t.test('a dispute page explains the seller\'s days and when to escalate', async env => {
    const page = await env.open('path-dispute-legacy-en');
    const w = await page.evaluate(widgetsOnPage);
    const timeline = w.find(x => x.component === 'dispute-timeline');
    env.assert(timeline, `a timeline: ${JSON.stringify(w)}`);
    env.assert(timeline.text.includes('The seller has 5 days to answer'), timeline.text);
    env.assert(timeline.text.includes('escalate the dispute to AliExpress'), timeline.text);
    env.assert.equal(await page.evaluate(coveredControls), [], 'over no control');
  });

  t.test('every layout and language: each order has its one widget saying its state, lit buttons are named, nothing is covered', async env => {
    const pages = env.fixtures.filter(f => f.expected && f.meta.e2e !== false);
    let orders = 0, lit = 0;
    for (const f of pages) {
      const expected = env.expected(f.name);
      if (!['order-list', 'order-detail'].includes(expected.kind)) continue;
      await env.resetStorage();   // the page's own words only, no memory of other pages
      const page = await env.open(f.name);
      const w = await page.evaluate(widgetsOnPage);
      const marked = await page.$$eval('[data-dg-order]', els => els.map(e => [e.getAttribute('data-dg-order'), e.getAttribute('data-dg-dispute')]));
      for (const [id, state] of marked) {
        const mine = w.filter(x => x.order === id);
        env.assert.equal(mine.length, 1, `${f.name}: one widget for order ${id}`);
        const want = expected.kind === 'order-list' ? ['order-badge'] : ['dispute-notice', 'dispute-timeline'];
        env.assert(want.includes(mine[0].component), `${f.name}: ${mine[0].component} for ${id}`);
        env.assert.equal(mine[0].state, state, `${f.name}: the widget says the order's state (${id})`);
        orders++;
      }
      if (expected.kind === 'order-detail') {
        const named = await page.$$eval('[data-dg-highlight]', els => els.map(e => e.textContent.replace(/\s+/g, ' ').trim()));
        for (const label of named) {
          env.assert(w.some(x => x.text.includes(`“${label}”`)), `${f.name}: the notice names the lit “${label}”`);
          lit++;
        }
      }
      env.assert.equal(await page.evaluate(coveredControls), [], `${f.name}: no widget over a site control`);
      env.assert(page.dgErrors.length === 0, `${f.name}: page errors ${page.dgErrors.join('; ')}`);
      await page.close();
    }
    env.assert(orders > 40 && lit >= 8, `covered ${orders} orders and ${lit} lit buttons`);
    await env.resetStorage();
  });

  t.test('a lit button is outlined and takes no room', async env => {
    const page = await env.open('current-detail-en');
    const probe = await page.evaluate(() => {
      const b = document.querySelector('[data-dg-highlight="open-dispute"]');
      const lit = { style: getComputedStyle(b).outlineStyle, width: getComputedStyle(b).outlineWidth, rect: JSON.stringify(b.getBoundingClientRect()) };
      b.removeAttribute('data-dg-highlight');
      const plain = { style: getComputedStyle(b).outlineStyle, rect: JSON.stringify(b.getBoundingClientRect()) };
      return { lit, plain };
    });
    env.assert.equal([probe.lit.style, probe.lit.width], ['solid', '3px'], 'outlined');
    env.assert.equal(probe.plain.style, 'none', 'the outline is ours');
    env.assert.equal(probe.lit.rect, probe.plain.rect, 'the button did not move or grow');
  });

  const fmt = (page, days) => page.evaluate(n => {
    const d = new Date(); d.setDate(d.getDate() + n);
    return new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  }, days);

  t.test('detail pages: too early says from which date, closed says why, neither is lit', async env => {
    await env.resetStorage();
    let page = await env.open('path-detail-too-early-en');
    let notice = (await page.evaluate(widgetsOnPage))[0];
    env.assert.equal(notice.state, 'too-early', 'too early');
    env.assert(notice.text.includes(`Dispute possible from ${await fmt(page, 7)}`), notice.text);
    env.assert(notice.text.includes(`Shipped on ${await fmt(page, -3)}`), notice.text);
    env.assert.equal(await page.locator('[data-dg-highlight]').count(), 0, 'nothing lit');
    page = await env.open('path-detail-closed-en');
    notice = (await page.evaluate(widgetsOnPage))[0];
    env.assert.equal(notice.state, 'closed', 'closed');
    env.assert(notice.text.includes(`the last day was ${await fmt(page, -10)}`), notice.text);
    env.assert(notice.text.includes(`More than 15 days have passed since receipt was confirmed on ${await fmt(page, -25)}`), notice.text);
    env.assert(notice.text.includes('Estimated'), 'the 15 days are the usual rule, said so');
    env.assert.equal(await page.locator('[data-dg-highlight]').count(), 0, 'nothing lit');
  });

  t.test('protection ending on a parcel not received: "Request to extend" is lit and the notice says why', async env => {
    await env.resetStorage();
    for (const [name, days] of [['path-detail-extend-en', 2], ['legacy-detail-en', 3]]) {
      const page = await env.open(name);
      const lit = await page.$$eval('[data-dg-highlight]', els => els.map(e => e.getAttribute('data-dg-highlight')).sort());
      env.assert.equal(lit, ['extend-protection', 'open-dispute'], `${name}: both steps lit`);
      const notice = (await page.evaluate(widgetsOnPage))[0];
      env.assert(notice.text.includes(`Buyer protection ends on ${await fmt(page, days)} and the parcel has not arrived: ask the seller to extend it now.`), `${name}: ${notice.text}`);
    }
  });

  t.test('widgets follow the shopper\'s light or dark preference', async env => {
    const page = await env.open('current-list-en');
    const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-dg-ui="order-badge"]').shadowRoot.querySelector('[data-dg-widget]')).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await bg();
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    const red = c => Number(/rgb\((\d+)/.exec(c)[1]);
    env.assert(red(dark) < 80 && red(light) > 200, `dark ${dark}, light ${light}`);
  });
});
