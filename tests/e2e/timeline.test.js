// The order's timeline end to end (CONTRACT.md section 8): in the notice on
// the order's page and as a compact row under each order in the popup; its dates in order along
// the row, the page's dates told apart from estimated ones, today marked, the next date said,
// the whole in one sentence for screen readers (English and French), right to left on a
// right-to-left page, drawn in light and dark.
'use strict';
const { addDays, formatDate, orderId } = require('../harness/templates');
const { day, ID, sampleMemory } = require('../harness/tracked_orders');

const en = n => formatDate(addDays(new Date(), n), 'en');
const fr = n => formatDate(addDays(new Date(), n), 'fr');

// Every timeline in the page's widgets (open shadow roots) or in the popup, as the contract
// describes it: the points with their place on the row as drawn, the band, the texts.
function timelines() {
  const roots = [document, ...[...document.querySelectorAll('[data-dg-ui]')].map(h => h.shadowRoot).filter(Boolean)];
  return roots.flatMap(r => [...r.querySelectorAll('[data-dg-timeline]')]).map(box => {
    const rect = e => e.getBoundingClientRect();
    const centre = e => rect(e).left + rect(e).width / 2;
    const band = box.querySelector('[data-dg-band]');
    const host = box.getRootNode().host;
    return {
      order: box.getAttribute('data-dg-timeline'),
      host: host ? host.getAttribute('data-dg-ui') : null,
      points: [...box.querySelectorAll('[data-dg-point]')].map(p => ({
        kind: p.getAttribute('data-dg-point'), date: p.getAttribute('data-dg-date'), source: p.getAttribute('data-dg-source'),
        next: p.hasAttribute('data-dg-next'), x: centre(p), title: p.getAttribute('title'),
        filled: getComputedStyle(p).backgroundColor,
      })),
      band: band && { from: band.dataset.dgFrom, to: band.dataset.dgTo, source: band.dataset.dgSource, left: rect(band).left, right: rect(band).right },
      row: (r => ({ left: r.left, right: r.right, height: r.height }))(rect(box.querySelector('.dg-tl-row'))),
      rowHidden: box.querySelector('.dg-tl-row').getAttribute('aria-hidden'),
      next: (box.querySelector('[data-dg-part="timeline-next"]') || {}).textContent || null,
      says: box.querySelector('[data-dg-part="timeline-says"]').textContent,
      dates: [...box.querySelectorAll('[data-dg-part="timeline-dates"] li')].map(li => li.textContent),
    };
  });
}

require('../harness/e2e').suite(__filename, t => {
  t.test('the order\'s page: its notice pictures the order\'s dates, in order, stated and estimated apart, today marked', async env => {
    await env.resetStorage();
    // current-detail-en: placed and paid 24 days ago, shipped 20 days ago, "Refund if no delivery before" in 25 days.
    const page = await env.open('current-detail-en');
    const [tl, ...more] = await page.evaluate(timelines);
    env.assert(tl && more.length === 0, `one timeline: ${JSON.stringify([tl, ...more])}`);
    env.assert.equal([tl.order, tl.host], [orderId(101), 'dispute-notice'], 'in the order\'s notice');
    env.assert.equal(tl.points.map(p => [p.kind, p.date, p.source]), [
      ['placed', day(-24), 'stated'], ['paid', day(-24), 'stated'], ['shipped', day(-20), 'stated'],
      ['dispute-opens', day(-10), 'estimated'], ['today', day(0), 'today'],
      ['protection-ends', day(25), 'stated'], ['dispute-closes', day(25), 'stated'],
    ], 'every date the page gives, and the ones the rules work out, in date order');
    const xs = tl.points.map(p => p.x);
    env.assert(xs.every((x, i) => i === 0 || x >= xs[i - 1]), `placed in order from left to right: ${xs}`);
    env.assert(xs[0] < xs[4] && xs[4] < xs[6] && xs[0] >= tl.row.left && xs[6] <= tl.row.right + 1, `today between, on the row: ${xs} ${JSON.stringify(tl.row)}`);
    env.assert(tl.row.height > 0 && tl.rowHidden === 'true', 'the row is drawn, and left to the text for screen readers');
    env.assert.equal([tl.band.from, tl.band.to, tl.band.source], [day(-10), day(25), 'stated'], 'the dispute window is a band, ending on the page\'s own date');
    env.assert(Math.abs(tl.band.left - xs[3]) < 2 && Math.abs(tl.band.right - xs[6]) < 2, `the band spans the window: ${JSON.stringify(tl.band)} ${xs}`);
    const dot = kind => tl.points.find(p => p.kind === kind);
    env.assert(dot('shipped').filled !== dot('dispute-opens').filled, `stated and estimated dots look different: ${dot('shipped').filled} / ${dot('dispute-opens').filled}`);
    env.assert.equal(tl.points.filter(p => p.next).map(p => p.kind), ['protection-ends'], 'the next date is marked');
    env.assert.equal(tl.next, `Next: buyer protection ends on ${en(25)}`, 'and labelled');
    env.assert.equal(tl.says, `Dispute possible from ${en(-10)} to ${en(25)}; today is ${en(0)}.`, 'one sentence');
    env.assert.equal(tl.dates, [
      `Order placed: ${en(-24)}`, `Paid: ${en(-24)}`, `Shipped: ${en(-20)}`, `A dispute can be opened from: ${en(-10)} (estimated)`,
      `Today: ${en(0)}`, `Buyer protection ends: ${en(25)}`, `Last day to open a dispute: ${en(25)}`,
    ], 'every date as text, the estimated ones said');
    env.assert.equal(dot('dispute-opens').title, `A dispute can be opened from: ${en(-10)} (estimated)`, 'each dot named on hover');
    // Right to left: the same picture, mirrored.
    await page.evaluate(() => { document.documentElement.dir = 'rtl'; });
    const [rtl] = await page.evaluate(timelines);
    const rx = rtl.points.map(p => p.x);
    env.assert(rx.every((x, i) => i === 0 || x <= rx[i - 1]) && rx[0] > rx[6], `right to left on a right-to-left page: ${rx}`);
    env.assert.equal(page.dgErrors, [], 'no page errors');
  });

  t.test('the popup: a compact row under each order, in light and dark', async env => {
    await env.resetStorage();
    await env.sw().evaluate(memory => chrome.storage.local.set({ orders: memory }), sampleMemory());
    const seen = {};
    for (const scheme of ['light', 'dark']) {
      const popup = await env.browser.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(env.extensionUrl('popup/popup.html'));
      await popup.waitForSelector('body[data-ready]');
      const all = await popup.evaluate(timelines);
      const ids = await popup.$$eval('[data-dg-popup-order]', els => els.map(e => e.dataset.dgPopupOrder));
      env.assert.equal(all.map(x => x.order), ids, 'one row per order, under it');
      env.assert(await popup.$$eval('[data-dg-popup-order]', els => els.every(e => e.querySelector('[data-dg-timeline]').closest('[data-dg-popup-order]') === e)), 'each inside its order');
      // Order 1: shipped 30 days ago, received 13 days ago: 2 days left to open a dispute.
      const one = all.find(x => x.order === ID(1));
      env.assert.equal(one.points.map(p => [p.kind, p.date, p.source]), [
        ['placed', day(-40), 'stated'], ['shipped', day(-30), 'stated'], ['dispute-opens', day(-20), 'estimated'],
        ['received', day(-13), 'stated'], ['today', day(0), 'today'], ['dispute-closes', day(2), 'estimated'],
      ], 'the order\'s dates');
      env.assert.equal([one.band.from, one.band.to, one.band.source], [day(-20), day(2), 'estimated'], 'the window, its end estimated');
      env.assert.equal(one.says, `Dispute possible from ${en(-20)} to ${en(2)}; today is ${en(0)}.`, 'the sentence');
      env.assert.equal(one.next, `Next: last day to open a dispute, ${en(2)}`, 'the next date');
      // Not shipped yet: only what is known, and nothing to act on yet.
      const six = all.find(x => x.order === ID(6));
      env.assert.equal(six.points.map(p => p.kind), ['placed', 'today'], 'missing dates are left out');
      env.assert.equal([six.band, six.next], [null, null], 'no window, no next date');
      env.assert(one.row.height > 0 && one.row.right - one.row.left > 100, `drawn: ${JSON.stringify(one.row)}`);
      seen[scheme] = one.points.find(p => p.kind === 'shipped').filled;
    }
    env.assert(seen.light !== seen.dark, `dark has its own colours: ${JSON.stringify(seen)}`);
  });

  t.test('the sentence in French, on the page and in the popup', async env => {
    await env.resetStorage();
    try {
      await env.sw().evaluate(memory => chrome.storage.local.set({ orders: memory, settings: { language: 'fr' } }), sampleMemory());
      const popup = await env.browser.context.newPage();
      await popup.goto(env.extensionUrl('popup/popup.html'));
      await popup.waitForSelector('body[data-ready]');
      const one = (await popup.evaluate(timelines)).find(x => x.order === ID(1));
      env.assert.equal(one.says, `Litige possible du ${fr(-20)} au ${fr(2)} ; nous sommes le ${fr(0)}.`, 'the popup');
      env.assert.equal(one.next, `Prochaine étape : dernier jour pour ouvrir un litige, le ${fr(2)}`, 'the next date');
      const page = await env.open('current-detail-en');
      await page.waitForFunction(() => {
        const n = document.querySelector('[data-dg-ui="dispute-notice"]');
        return n && /Litige/.test(n.shadowRoot.textContent);
      });
      const [tl] = await page.evaluate(timelines);
      env.assert.equal(tl.says, `Litige possible du ${fr(-10)} au ${fr(25)} ; nous sommes le ${fr(0)}.`, 'the page');
      env.assert(tl.dates[3] === `Litige possible à partir du : ${fr(-10)} (estimation)`, tl.dates[3]);
    } finally {
      await env.resetStorage();
    }
  });
});
