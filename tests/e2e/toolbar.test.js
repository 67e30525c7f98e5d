// Deadline reminders in the toolbar (CONTRACT.md section 5): the badge, the popup, notifications
// from the alarms, the options page, export/import/forget, and the calendar file, end to end in
// Chromium with orders seeded in storage (tests/harness/tracked_orders.js, dates relative to
// today).
'use strict';
const fs = require('fs');
const path = require('path');
const { sampleMemory, SAMPLE_ORDER, SAMPLE_DEADLINES, day, ID, tracked } = require('../harness/tracked_orders');
const { poll } = require('../harness/wait');

const DETAIL = id => `https://www.aliexpress.com/p/order/detail.html?orderId=${id}`;
const COLOURS = { soon: [160, 79, 0, 255], urgent: [197, 34, 31, 255] };

// Replaces everything stored, then waits until the badge and reminders have followed.
async function seed(env, memory, settings = {}) {
  await env.sw().evaluate(async ({ memory, settings }) => {
    // Orders a page of an earlier test is still saving must not land after the seed.
    await globalThis.dgTest.settled();
    await chrome.storage.local.clear();
    const items = { settings };
    if (memory) items.orders = memory;
    // The storage change schedules a toolbar run (the worker's own listener, registered before
    // this one, has run when this one hears the new settings); then wait for that run.
    const scheduled = new Promise(resolve => chrome.storage.onChanged.addListener(function heard(changes) {
      if (changes.settings && changes.settings.newValue) { chrome.storage.onChanged.removeListener(heard); resolve(); }
    }));
    await chrome.storage.local.set(items);
    await scheduled;
    await globalThis.dgTest.settled();
  }, { memory, settings });
}

const memoryOf = (...list) => ({ schema: 1, orders: Object.fromEntries(list.map(t => [t.order.id, t])) });
const badgeText = env => env.sw().evaluate(() => chrome.action.getBadgeText({}));

async function openPopup(env, { scheme = 'light', width = 400, height = 600 } = {}) {
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(env.extensionUrl('popup/popup.html'));
  await page.waitForSelector('body[data-ready]');
  return page;
}

async function openOptions(env) {
  const page = await env.browser.context.newPage();
  await page.goto(env.extensionUrl('options/options.html'));
  await page.waitForSelector('body[data-ready]');
  return page;
}

// Types a value into an options field and leaves it (a change event), then waits for the page
// to have handled it.
async function setField(page, name, value) {
  const before = Number(await page.evaluate(() => document.body.dataset.saved || 0));
  const input = page.locator(`[name="${name}"]`);
  if (typeof value === 'boolean') await input.setChecked(value);
  else if (await input.evaluate(e => e.tagName === 'SELECT')) await input.selectOption(value);
  else { await input.fill(value); await input.press('Tab'); }
  // Valid values bump data-saved; invalid ones show an error instead.
  await page.waitForFunction(([n, b]) => Number(document.body.dataset.saved || 0) > b
    || document.getElementById(`f-${n.replace(/\./g, '-')}-error`).textContent !== '', [name, before]);
}

const until = (fn, what, timeout = 5000) => poll(fn, what, { timeout });

const popupIds = page => page.$$eval('[data-dg-popup-order]', els => els.map(e => e.dataset.dgPopupOrder));

// The address of the tab `fn` opens. The fixture server speaks only HTTP, so the shop's https
// pages end on an error page; the browser's own list of targets still tells where it went.
async function openedTab(env, fn) {
  const anchor = await env.browser.context.newPage();
  const cdp = await env.browser.context.newCDPSession(anchor);
  const urls = [];
  const note = e => { if (e.targetInfo.type === 'page' && /^https?:/.test(e.targetInfo.url)) urls.push(e.targetInfo.url); };
  cdp.on('Target.targetCreated', note);
  cdp.on('Target.targetInfoChanged', note);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  try {
    await Promise.all([env.browser.context.waitForEvent('page'), fn()]);
    return await until(async () => urls.find(u => u.includes('aliexpress')), 'a tab on the shop');
  } finally {
    await cdp.detach().catch(() => {});
    await anchor.close();
  }
}

require('../harness/e2e').suite(__filename, t => {
  t.test('popup: every tracked order, soonest deadline first, with its reason and actions', async env => {
    await seed(env, sampleMemory());
    const page = await openPopup(env);
    env.assert.equal(await popupIds(page), SAMPLE_ORDER, 'deadline order, undated after, resolved last');
    const deadlines = await page.$$eval('[data-dg-deadline]', els => Object.fromEntries(els.map(e => [e.dataset.dgPopupOrder, e.dataset.dgDeadline])));
    env.assert.equal(deadlines, SAMPLE_DEADLINES, 'each order shows its next deadline');
    const action = await page.$$eval('[data-dg-needs-action]', els => els.map(e => e.dataset.dgPopupOrder));
    env.assert.equal(action, [ID(1), ID(2)], 'closing soon and protection ending soon need action');
    env.assert.equal(await page.textContent('#summary'), 'Orders needing action now: 2', 'summary');
    const first = page.locator(`[data-dg-popup-order="${ID(1)}"]`);
    const text = await first.textContent();
    for (const part of ['Wireless earbuds with charging case', 'SoundWave Official Store', 'Received', 'Last day to open a dispute', '2 days left', 'you can open a dispute until']) {
      env.assert(text.includes(part), `first order shows "${part}": ${text}`);
    }
    env.assert.equal(await first.locator('[data-dg-action]').evaluateAll(els => els.map(e => [e.tagName, e.dataset.dgAction])),
      [['BUTTON', 'open-dispute'], ['BUTTON', 'open-order'], ['BUTTON', 'resolve'], ['BUTTON', 'hide']], 'actions are buttons');
    env.assert(await page.locator(`[data-dg-popup-order="${ID(2)}"] [data-dg-action="extend-protection"]`).count() === 1, 'protection ending: extension request offered');
    env.assert(await page.locator(`[data-dg-popup-order="${ID(5)}"] [data-dg-action="open-dispute"]`).count() === 0, 'too early: no dispute button');
    // Hostile names are text.
    const main = await page.textContent('main');
    env.assert(main.includes('<script>alert("item")</script> Phone case') && main.includes('<img src=x onerror='), 'hostile names shown as text');
    env.assert(await page.$$eval('main script, main img', els => els.length) === 0, 'no element made from page text');
    env.assert(await page.title() !== 'pwned', 'no handler ran');
    // The buttons go to the order's page (the dispute starts there on the current site).
    env.assert.equal(await openedTab(env, () => first.locator('[data-dg-action="open-order"]').click()), DETAIL(ID(1)), 'order page opened');
    env.assert.equal(await openedTab(env, () => first.locator('[data-dg-action="open-dispute"]').click()), DETAIL(ID(1)), 'dispute path opened');
  });

  t.test('popup: a long list is drawn whole, in deadline order, though a screenful comes first', async env => {
    // 250 received orders, one to fifteen days ago: their last days to dispute spread over two weeks.
    const id = n => `82000000000${String(n).padStart(5, '0')}`;
    const list = [];
    for (let n = 1; n <= 250; n++) {
      list.push({ order: { id: id(n), status: 'completed', placed: day(-40), shipped: day(-30), completed: day(-1 - (n * 7) % 14), store: `Store ${n}` }, first_seen: day(-40), last_seen: day(0) });
    }
    await seed(env, memoryOf(...list));
    const page = await openPopup(env);
    const shown = await popupIds(page);
    env.assert.equal(shown.length, 250, 'every order has its line');
    env.assert.equal(new Set(shown).size, 250, 'no line twice');
    const deadlines = await page.$$eval('[data-dg-deadline]', els => els.map(e => e.dataset.dgDeadline));
    env.assert.equal(deadlines.length, 250, 'every line has its deadline');
    env.assert(deadlines.every((d, i) => i === 0 || deadlines[i - 1] <= d), `deadlines in order: ${deadlines.join(' ')}`);
    await page.close();
  });

  t.test('pages read: the orders of every fixture page appear in the popup in deadline order, the badge counts them', async env => {
    await seed(env, null);
    const today = day(0);
    const pages = env.fixtures.filter(f => f.expected && f.meta.e2e !== false && ['order-list', 'order-detail'].includes(JSON.parse(f.expected).kind));
    const deadline = {}, state = {}, seenIn = {};
    for (const f of pages) {
      for (const [id, attrs] of Object.entries(env.expected(f.name).dg)) {
        (seenIn[id] ||= []).push(f.name);
        state[id] = attrs['data-dg-dispute'];
        const closes = attrs['data-dg-dispute-closes'];
        // The toolbar counts down to the last day while a dispute is possible or still ahead.
        if (closes && closes >= today && ['open', 'closing-soon', 'too-early'].includes(attrs['data-dg-dispute'])) deadline[id] = closes;
      }
    }
    // A few tabs at a time, as a shopper opening orders side by side.
    for (let i = 0; i < pages.length; i += 6) {
      await Promise.all(pages.slice(i, i + 6).map(async f => (await env.open(f.name)).close()));
    }
    await env.sw().evaluate(() => globalThis.dgTest.settled());
    await env.sw().evaluate(() => globalThis.dgTest.refreshToolbar());
    // An order on two pages is merged from both; judge only orders read from one page.
    const single = id => seenIn[id].length === 1;
    const dated = Object.keys(deadline).filter(single);
    env.assert(dated.length >= 4, `fixtures give deadlines for several orders (${dated.length})`);
    const popup = await openPopup(env);
    const shown = await popupIds(popup);
    env.assert.equal([...shown].sort(), Object.keys(seenIn).sort(), 'every order read is listed');
    const order = shown.filter(id => dated.includes(id));
    const want = [...dated].sort((a, b) => (deadline[a] < deadline[b] ? -1 : deadline[a] > deadline[b] ? 1 : a < b ? -1 : 1));
    env.assert.equal(order, want, 'soonest deadline first');
    const lastDated = Math.max(...order.map(id => shown.indexOf(id)));
    const firstUndated = shown.findIndex(id => single(id) && !deadline[id]);
    env.assert(firstUndated === -1 || firstUndated > lastDated, 'orders without a deadline come after');
    const shownDeadline = await popup.$$eval('[data-dg-deadline]', els => Object.fromEntries(els.map(e => [e.dataset.dgPopupOrder, e.dataset.dgDeadline])));
    for (const id of dated) env.assert.equal(shownDeadline[id], deadline[id], `${id}: the deadline the page contract shows`);
    const needs = await popup.$$eval('[data-dg-needs-action]', els => els.map(e => e.dataset.dgPopupOrder));
    for (const id of Object.keys(state).filter(id => single(id) && state[id] === 'closing-soon')) env.assert(needs.includes(id), `${id} closing soon needs action`);
    env.assert.equal(await badgeText(env), needs.length ? String(needs.length) : '', 'the badge counts the orders needing action');
  });

  t.test('popup: keyboard only, visible focus; resolve and hide update the list, the badge and storage', async env => {
    await seed(env, sampleMemory());
    const page = await openPopup(env);
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return [e.closest('[data-dg-popup-order]')?.dataset.dgPopupOrder || null, e.dataset.dgAction || e.id];
    });
    const seen = [];
    for (let i = 0; i < 6; i++) { await page.keyboard.press('Tab'); seen.push(await focused()); }
    // "Check my orders" comes first, above the list.
    env.assert.equal(seen, [[null, 'read-all'], [ID(1), 'open-dispute'], [ID(1), 'open-order'], [ID(1), 'resolve'], [ID(1), 'hide'], [ID(2), 'extend-protection']], 'tab order follows the list');
    const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; });
    env.assert.equal(ring, ['solid', '3px'], 'keyboard focus is visible');
    // Back to order 1's "Mark as resolved", by keyboard.
    await page.keyboard.press('Shift+Tab'); await page.keyboard.press('Shift+Tab');
    env.assert.equal(await focused(), [ID(1), 'resolve'], 'on resolve');
    await page.keyboard.press('Enter');
    await page.waitForFunction(id => document.querySelector(`[data-dg-popup-order="${id}"]`)?.classList.contains('resolved'), ID(1));
    env.assert.equal(await focused(), [ID(1), 'resolve'], 'focus stays on the order after it moved');
    env.assert.equal((await popupIds(page)).slice(-2), [ID(7), ID(1)], 'resolved orders go to the end (by their own dates)');
    env.assert((await env.storage('orders')).orders[ID(1)].resolved === true, 'stored as resolved');
    await until(async () => (await badgeText(env)) === '1', 'badge 1 after resolving');
    await page.keyboard.press('Space');   // undo: "Mark as not resolved"
    await page.waitForFunction(id => !document.querySelector(`[data-dg-popup-order="${id}"]`).classList.contains('resolved'), ID(1));
    await until(async () => (await badgeText(env)) === '2', 'badge 2 again');
    // Hide order 2: it leaves the list; "Show hidden orders (1)" brings it back.
    await page.click(`[data-dg-popup-order="${ID(2)}"] [data-dg-action="hide"]`);
    await page.waitForFunction(id => !document.querySelector(`[data-dg-popup-order="${id}"]`), ID(2));
    env.assert((await env.storage('orders')).orders[ID(2)].hidden === true, 'stored as hidden');
    await until(async () => (await badgeText(env)) === '1', 'hidden order not counted');
    env.assert.equal(await page.textContent('#show-hidden'), 'Show hidden orders (1)', 'show hidden');
    await page.click('#show-hidden');
    await page.waitForSelector(`[data-dg-popup-order="${ID(2)}"].hidden`);
    await page.click(`[data-dg-popup-order="${ID(2)}"] [data-dg-action="hide"]`);   // "Show again"
    await page.waitForFunction(id => !document.querySelector(`[data-dg-popup-order="${id}"]`).classList.contains('hidden'), ID(2));
    env.assert((await env.storage('orders')).orders[ID(2)].hidden === false, 'shown again');
  });

  t.test('popup: first run and all-hidden states explain how orders get there', async env => {
    await seed(env, null);
    let page = await openPopup(env);
    env.assert(await page.locator('[data-dg-popup-empty="first-run"]').count() === 1, 'first-run state');
    env.assert((await page.textContent('main')).includes('learns your orders from the AliExpress pages you open'), 'explains');
    env.assert(await page.locator('#calendar').isHidden(), 'no calendar button with nothing tracked');
    env.assert.equal(await openedTab(env, () => page.click('[data-dg-action="open-order-list"]')), 'https://www.aliexpress.com/p/order/index.html', 'opens the order list');
    await seed(env, memoryOf(tracked(1, { status: 'completed', completed: day(-3), shipped: day(-9) }, { hidden: true })));
    page = await openPopup(env);
    env.assert(await page.locator('[data-dg-popup-empty="all-hidden"]').count() === 1, 'all hidden state');
  });

  t.test('popup: light and dark, readable at 200 % zoom in English and Russian', async env => {
    await seed(env, sampleMemory());
    const bg = async scheme => (await openPopup(env, { scheme })).evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg('light'), dark = await bg('dark');
    env.assert(light === 'rgb(255, 255, 255)' && dark !== light, `light ${light}, dark ${dark}`);
    for (const language of [null, 'ru']) {
      await seed(env, sampleMemory(), language ? { language } : {});
      // The largest popup Chromium opens is 800 px wide; at 200 % that is 400 CSS pixels.
      const page = await openPopup(env, { width: 800, height: 600 });
      await page.evaluate(() => { document.documentElement.style.zoom = '2'; });
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      env.assert(scroll <= client, `${language || 'en'}: no horizontal scrolling at 200 % (${scroll} > ${client})`);
      const clipped = await page.$$eval('button', els => els.filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.textContent));
      env.assert.equal(clipped, [], `${language || 'en'}: no clipped button`);
    }
  });

  t.test('badge: count and colour by urgency, empty when none', async env => {
    await seed(env, sampleMemory());
    env.assert.equal(await badgeText(env), '2', 'two orders need action');
    env.assert.equal(await env.sw().evaluate(() => chrome.action.getBadgeBackgroundColor({})), COLOURS.soon, 'amber: within the lead time');
    env.assert((await env.sw().evaluate(() => chrome.action.getTitle({}))).includes('orders needing action now: 2'), 'title says it in words');
    // Last day today: red.
    await seed(env, memoryOf(tracked(1, { status: 'completed', shipped: day(-30), completed: day(-15) })));
    env.assert.equal(await badgeText(env), '1', 'closes today');
    env.assert.equal(await env.sw().evaluate(() => chrome.action.getBadgeBackgroundColor({})), COLOURS.urgent, 'red: today or tomorrow');
    await seed(env, memoryOf(tracked(4, { status: 'completed', shipped: day(-20), completed: day(-2) })));
    env.assert.equal(await badgeText(env), '', 'empty when nothing needs action');
  });

  t.test('badge: follows page reads (orders stored by the content path)', async env => {
    await seed(env, memoryOf(tracked(1, { status: 'completed', shipped: day(-30), completed: day(-13) })));
    await env.sw().evaluate(() => chrome.action.setBadgeText({ text: 'X' }));
    await env.open('current-list-en');
    await env.sw().evaluate(() => globalThis.dgTest.settled());
    await until(async () => (await badgeText(env)) === '1', 'badge recomputed after the page read');
    const stored = await env.storage('orders');
    const read = Object.keys(env.expected('current-list-en').dg);
    env.assert.equal(Object.keys(stored.orders).sort(), [ID(1), ...read].sort(), 'the page\'s orders joined the seeded one');
  });

  t.test('midnight: the daily alarm re-counts the badge and shows the day\'s reminders, once each', async env => {
    const created = 'dgCreated';
    // Record what would be shown instead of showing it (the headless browser has no notification centre).
    await env.sw().evaluate(name => {
      globalThis[name] = [];
      chrome.notifications.create = (id, opts) => { globalThis[name].push({ id, ...opts }); return Promise.resolve(id); };
    }, created);
    // Reminders only 3 days before, so that nothing is due today and everything tomorrow.
    const closing = tracked(1, { status: 'completed', shipped: day(-30), completed: day(-11), items: [{ title: 'Wireless earbuds' }] }); // closes in 4
    const protection = tracked(2, { status: 'shipped', shipped: day(-56), store: 'Outdoor Pro Store' });                           // protection ends in 4
    const opening = tracked(3, { status: 'shipped', shipped: day(-9), items: [{ title: 'USB-C cable' }] }, { first_seen: day(-5) });  // a dispute opens tomorrow
    const resolved = tracked(4, { status: 'completed', shipped: day(-30), completed: day(-11) }, { resolved: true });
    const hidden = tracked(5, { status: 'completed', shipped: day(-30), completed: day(-11) }, { hidden: true });
    await seed(env, memoryOf(closing, protection, opening, resolved, hidden), { reminder_days: [3] });
    env.assert.equal(await env.sw().evaluate(n => globalThis[n], created), [], 'nothing due today');
    env.assert.equal(await badgeText(env), '', 'today: nothing within the 3-day lead time yet');
    try {
      await env.sw().evaluate(() => globalThis.dgTest.shiftClockForTests(1));
      await env.sw().evaluate(() => globalThis.dgTest.onAlarm({ name: 'dg-midnight' }));
      await env.sw().evaluate(() => globalThis.dgTest.onAlarm({ name: 'dg-periodic' }));   // the hourly check must not repeat them
      await env.sw().evaluate(() => globalThis.dgTest.onAlarm({ name: 'dg-midnight' }));
      const shown = await env.sw().evaluate(n => globalThis[n], created);
      const byOrder = Object.fromEntries(shown.map(n => [n.id.split('|')[1], n]));
      env.assert.equal(Object.keys(byOrder).sort(), [ID(1), ID(2), ID(3)], `one notification for each of the three, none for resolved or hidden: ${JSON.stringify(shown.map(n => n.id))}`);
      env.assert(shown.length === 3, `each shown once: ${shown.length}`);
      env.assert.equal(byOrder[ID(1)].title, 'The dispute window closes in 3 days', 'closing title');
      env.assert(byOrder[ID(1)].message.startsWith('Wireless earbuds: the last day to open a dispute is '), byOrder[ID(1)].message);
      env.assert.equal(byOrder[ID(2)].title, 'Buyer protection ends in 3 days', 'protection title');
      env.assert(/^Outdoor Pro Store not received yet\? Ask the seller to extend buyer protection before .+, or open a dispute\.$/.test(byOrder[ID(2)].message), byOrder[ID(2)].message);
      env.assert.equal(byOrder[ID(3)].title, 'You can now open a dispute', 'opening title');
      env.assert(byOrder[ID(3)].iconUrl.endsWith('/icons/icon-128.png') && byOrder[ID(3)].type === 'basic', 'basic notification with our icon');
      // The badge follows the day: tomorrow the closing window is within 3 days too.
      env.assert.equal(await badgeText(env), '2', 'badge re-counted at midnight');
      // Recorded in the memory of orders, so a restarted worker does not repeat them.
      const stored = await env.storage('orders');
      env.assert.equal(stored.orders[ID(1)].reminded, [`dispute-closes:${day(4)}:3`], 'recorded as shown');
      env.assert(!stored.orders[ID(4)].reminded && !stored.orders[ID(5)].reminded, 'nothing recorded for resolved or hidden');
      // The midnight alarm is set again, for the next local midnight (of the moved clock).
      const alarms = await env.sw().evaluate(() => chrome.alarms.getAll());
      const midnight = alarms.find(a => a.name === 'dg-midnight'), periodic = alarms.find(a => a.name === 'dg-periodic');
      const next = new Date(); next.setDate(next.getDate() + 1); next.setHours(24, 0, 5, 0);
      env.assert(midnight && Math.abs(midnight.scheduledTime - next.getTime()) < 60_000, `midnight alarm at ${midnight && new Date(midnight.scheduledTime)}`);
      env.assert(periodic && periodic.periodInMinutes === 60, 'hourly alarm');
      // Clicking a notification opens its order.
      const url = await openedTab(env, () => env.sw().evaluate(id => globalThis.dgTest.openNotification(id), byOrder[ID(1)].id));
      env.assert.equal(url, DETAIL(ID(1)), 'order page opened');
    } finally {
      await env.sw().evaluate(() => globalThis.dgTest.shiftClockForTests(0));
    }
  });

  t.test('options: guard off leaves the page unguarded; lead time change moves the badge and the popup', async env => {
    await seed(env, memoryOf(tracked(1, { status: 'completed', shipped: day(-30), completed: day(-10) })));   // closes in 5
    const options = await openOptions(env);
    await setField(options, 'confirm_guard', false);
    env.assert((await env.storage('settings')).confirm_guard === false, 'guard off stored');
    let page = await env.open('current-list-en');
    env.assert(await page.locator('[data-dg-guard]').count() === 0, 'no control guarded');
    await page.click('[data-fx="confirm"]');
    env.assert.equal((await env.siteLog(page)).map(e => e.event), ['confirm-clicked', 'confirmed'], 'the site sees the click directly');
    await setField(options, 'confirm_guard', true);
    page = await env.open('current-list-en');
    env.assert(await page.locator('[data-dg-guard="confirm-receipt"]').count() === 1, 'guarded again');

    env.assert.equal(await badgeText(env), '', 'closes in 5: not closing soon at 3 days');
    await setField(options, 'closing_soon_days', '6');
    await until(async () => (await badgeText(env)) === '1', 'badge counts it with a 6-day lead time');
    const popup = await openPopup(env);
    env.assert(await popup.locator(`[data-dg-popup-order="${ID(1)}"][data-dg-needs-action]`).count() === 1, 'popup marks it');
    env.assert.equal(await popup.getAttribute(`[data-dg-popup-order="${ID(1)}"]`, 'data-dg-dispute'), 'closing-soon', 'closing soon in the popup');
  });

  t.test('options: bad values are refused with a message and lose nothing; good ones are saved', async env => {
    await seed(env, null, { closing_soon_days: 4 });
    const page = await openOptions(env);
    env.assert.equal(await page.inputValue('[name="closing_soon_days"]'), '4', 'saved value shown');
    await setField(page, 'closing_soon_days', 'abc');
    env.assert.equal(await page.textContent('#f-closing_soon_days-error'), 'Enter a whole number from 0 to 60.', 'says what is accepted');
    env.assert.equal(await page.getAttribute('[name="closing_soon_days"]', 'aria-invalid'), 'true', 'marked invalid');
    env.assert.equal((await env.storage('settings')).closing_soon_days, 4, 'stored value kept');
    await setField(page, 'closing_soon_days', '5');
    env.assert.equal(await page.textContent('#f-closing_soon_days-error'), '', 'error gone');
    await setField(page, 'reminder_days', '10, 2');
    await setField(page, 'evidence.max_photo_bytes', '2,5');
    await setField(page, 'policy.protection_days', '90');
    await setField(page, 'reminder_days', '1, 2, 3, 4, 5, 6, 7');
    env.assert((await page.textContent('#f-reminder_days-error')).startsWith('Enter up to 6 whole numbers of days'), 'too many lead times');
    // Upload defaults: the formats a form takes when it names none (at least one).
    const formats = () => page.$$eval('input[name="evidence.formats"]:checked', els => els.map(e => e.value));
    env.assert((await formats()).includes('gif') && !(await formats()).includes('heic'), 'default formats shown');
    const before = Number(await page.evaluate(() => document.body.dataset.saved || 0));
    await page.uncheck('input[name="evidence.formats"][value="gif"]');
    await page.waitForFunction(b => Number(document.body.dataset.saved) > b, before);
    env.assert(!(await env.storage('settings')).evidence.formats.includes('gif'), 'GIF no longer taken by default');
    for (const box of await page.$$('input[name="evidence.formats"]:checked')) await box.uncheck();
    await page.waitForFunction(() => document.getElementById('f-evidence-formats-error').textContent !== '');
    env.assert.equal(await page.textContent('#f-evidence-formats-error'), 'Choose at least one format.', 'never none');
    env.assert((await env.storage('settings')).evidence.formats.length > 0, 'the last good choice kept');
    const s = await env.storage('settings');
    env.assert.equal([s.closing_soon_days, s.reminder_days, s.evidence.max_photo_bytes, s.policy.protection_days], [5, [10, 2], 2621440, 90], 'saved settings');
    await setField(page, 'language', 'fr');
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Options de Dispute Guard');
    env.assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'page language');
    env.assert.equal((await env.storage('settings')).language, 'fr', 'language stored');
    const popup = await openPopup(env);
    env.assert.equal(await popup.textContent('[data-dg-action="open-order-list"]'), 'Ouvrir mes commandes AliExpress', 'popup follows the chosen language');
  });

  t.test('language override: the texts the content script shows in the page follow the options', async env => {
    const fr = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'extension', '_locales', 'fr', 'messages.json'), 'utf8'));
    const FRENCH_DATE = /\b\d{1,2} (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? \d{4}\b/;
    // The guard's dialog, as the page shows it: its text and its cancel button.
    const dialogText = async () => {
      const page = await env.open('current-list-en');
      await page.locator('[data-dg-guard="confirm-receipt"]').first().click();
      const dialog = page.locator('[data-dg-dialog="confirm-receipt"]');
      await dialog.waitFor();
      const out = [await dialog.textContent(), await dialog.locator('[data-dg-action="cancel"]').textContent()];
      await page.close();
      return out;
    };
    const french = ([text, cancel]) => FRENCH_DATE.test(text) || (!!fr.guardCancel && cancel === fr.guardCancel.message);
    await seed(env, null, { language: 'fr' });
    const inFrench = await dialogText();
    env.assert(french(inFrench), `French chosen: dates (and the guard's words, once translated) in French: ${inFrench}`);
    if (fr.guardCancel) env.assert.equal(inFrench[1], fr.guardCancel.message, 'cancel button in French');
    await seed(env, null, {});
    const inEnglish = await dialogText();
    env.assert(!french(inEnglish), `browser language again: ${inEnglish}`);
  });

  t.test('options: export imports back to the same state; foreign files are refused; forget everything', async env => {
    await seed(env, sampleMemory(), { reminder_days: [5, 2], closing_soon_days: 4, language: 'de' });
    const before = await env.sw().evaluate(() => chrome.storage.local.get(null));
    const page = await openOptions(env);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    const data = JSON.parse(exported);
    env.assert(data.format === 'dispute-guard-export' && Object.keys(data.memory.orders).length === 7, 'export holds every order');
    const pick = async (name, text) => {
      await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForFunction(() => document.getElementById('data-error').textContent || document.getElementById('data-status').textContent);
      return [await page.textContent('#data-status'), await page.textContent('#data-error')];
    };
    const unchanged = async what => env.assert.equal(await env.sw().evaluate(() => chrome.storage.local.get(null)), before, `${what}: nothing lost`);
    // The page is in German now (the seeded language).
    env.assert.equal(await pick('orders.json', JSON.stringify({ schema: 1, orders: {} })), ['', 'Diese Datei ist kein Dispute-Guard-Export. Es wurde nichts geändert.'], 'foreign JSON refused');
    await unchanged('foreign JSON');
    env.assert.equal((await pick('photo.json', 'GIF89a…'))[1], 'Diese Datei ist kein Dispute-Guard-Export (keine JSON-Daten). Es wurde nichts geändert.', 'not JSON refused');
    const broken = JSON.parse(exported);
    broken.memory.orders[ID(1)].order.id = '42';
    env.assert.equal((await pick('broken.json', JSON.stringify(broken)))[1], 'Dieser Export ist beschädigt: „42“ ist keine Bestellnummer. Es wurde nichts geändert.', 'damaged export refused');
    await unchanged('damaged export');
    // Forget everything, after asking.
    await page.click('#forget');
    env.assert(await page.locator('#forget-confirm').isVisible(), 'asks first');
    await page.click('#forget-yes');
    await page.waitForFunction(() => document.getElementById('data-status').textContent !== '');
    env.assert.equal(await env.sw().evaluate(() => chrome.storage.local.get(null)), {}, 'everything forgotten');
    await until(async () => (await badgeText(env)) === '', 'badge emptied');
    env.assert.equal(await page.textContent('h1'), 'Dispute Guard options', 'back to the browser language');
    // And back from the file.
    env.assert.equal(await pick('export.json', exported), ['Importiert. Verfolgte Bestellungen: 7.', ''], 'imported (and the page speaks the imported language)');
    await env.sw().evaluate(() => globalThis.dgTest.refreshToolbar());
    const after = await env.sw().evaluate(() => chrome.storage.local.get(null));
    env.assert.equal(after.orders, before.orders, 'the same orders, resolved flags and reminders shown');
    // Settings come back complete (defaults written out): the same settings as the core reads them.
    const effective = settings => env.sw().evaluate(async s => {
      const core = await globalThis.dgTest.getCore();
      return JSON.parse(core.export_data('', JSON.stringify(s), '2000-01-01T00:00:00')).settings;
    }, settings);
    env.assert.equal(await effective(after.settings), await effective(before.settings), 'the same settings');
    env.assert.equal([after.settings.closing_soon_days, after.settings.reminder_days, after.settings.language], [4, [5, 2], 'de'], 'the changed ones included');
    await until(async () => (await badgeText(env)) === '2', 'badge back');
  });

  t.test('calendar: the .ics file parses with ical.js, one event per deadline, with dates and links', async env => {
    await seed(env, sampleMemory());
    const page = await openPopup(env);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#calendar')]);
    env.assert(/^dispute-guard-deadlines-\d{4}-\d\d-\d\d\.ics$/.test(download.suggestedFilename()), download.suggestedFilename());
    const ics = fs.readFileSync(await download.path(), 'utf8');
    env.assert(!/[^\r]\n/.test(ics) && ics.endsWith('\r\n'), 'CRLF line ends');
    for (const line of ics.split('\r\n')) env.assert(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);
    const ICAL = (await import('ical.js')).default;
    const cal = new ICAL.Component(ICAL.parse(ics));
    env.assert.equal(cal.getFirstPropertyValue('version'), '2.0', 'VERSION');
    const events = cal.getAllSubcomponents('vevent').map(v => {
      const start = v.getFirstPropertyValue('dtstart');
      return {
        uid: v.getFirstPropertyValue('uid'), isDate: start.isDate, start: start.toString(), end: v.getFirstPropertyValue('dtend').toString(),
        summary: v.getFirstPropertyValue('summary'), description: v.getFirstPropertyValue('description'), url: v.getFirstPropertyValue('url'),
        stamp: v.getFirstPropertyValue('dtstamp'),
        alarms: v.getAllSubcomponents('valarm').map(a => a.getFirstPropertyValue('trigger').toString()),
      };
    });
    const expected = [
      [ID(1), 'dispute-closes', day(2)], [ID(2), 'protection-ends', day(3)], [ID(3), 'dispute-closes', day(5)],
      [ID(5), 'dispute-opens', day(6)], [ID(4), 'dispute-closes', day(13)], [ID(5), 'protection-ends', day(56)],
    ];
    env.assert.equal(events.map(e => [e.uid, e.start]), expected.map(([id, kind, date]) => [`${id}-${kind}@dispute-guard.invalid`, date]), 'one event per deadline, in date order; none for resolved or undated orders');
    for (const e of events) {
      const id = e.uid.slice(0, 16);
      env.assert(e.isDate && e.end === (() => { const d = new Date(e.start + 'T12:00'); d.setDate(d.getDate() + 1); return d.toLocaleDateString('sv'); })(), `${e.uid}: all-day event`);
      env.assert.equal(e.url, DETAIL(id), `${e.uid}: URL`);
      env.assert(e.description.includes(DETAIL(id)) && e.description.includes(`AliExpress order ${id}`), `${e.uid}: link and number in the description`);
      env.assert(e.stamp && e.stamp.zone === ICAL.Timezone.utcTimezone, `${e.uid}: DTSTAMP in UTC`);
    }
    const byUid = Object.fromEntries(events.map(e => [e.uid, e]));
    env.assert.equal(byUid[`${ID(1)}-dispute-closes@dispute-guard.invalid`].summary, 'Last day to open a dispute: Wireless earbuds with charging case', 'summary');
    env.assert.equal(byUid[`${ID(4)}-dispute-closes@dispute-guard.invalid`].summary, 'Last day to open a dispute: Silicone baking mat set, 2 pieces; non-stick', 'commas and semicolons survive');
    env.assert.equal(byUid[`${ID(3)}-dispute-closes@dispute-guard.invalid`].summary, 'Last day to open a dispute: <script>alert("item")</script> Phone case', 'hostile text is just text');
    env.assert.equal(byUid[`${ID(1)}-dispute-closes@dispute-guard.invalid`].alarms, ['-P7D', '-P3D', '-P1D'], 'alarms at the lead times');
    env.assert.equal(byUid[`${ID(5)}-dispute-opens@dispute-guard.invalid`].alarms, [], 'no countdown to an opening day');
    env.assert.equal(await page.textContent('#notice'), 'Calendar file saved: open it to add the deadlines to your calendar.', 'says what to do');
  });

  t.test('badge: right again after the service worker is stopped and woken', async env => {
    await seed(env, memoryOf(tracked(1, { status: 'completed', shipped: day(-30), completed: day(-13) })));
    await env.sw().evaluate(() => { globalThis.dgBeforeStop = true; return chrome.action.setBadgeText({ text: 'X' }); });
    const page = await openPopup(env);
    const cdp = await env.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    env.assert.equal(await page.evaluate(() => chrome.action.getBadgeText({})), 'X', 'the stopped worker left the badge as it was');
    // Any event starts it again (here a content script's language request).
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'messages' }));
    await until(async () => (await page.evaluate(() => chrome.action.getBadgeText({}))) === '1', 'badge recomputed by the restarted worker');
    env.assert(await env.sw().evaluate(() => globalThis.dgBeforeStop === undefined), 'a new worker, not the old one');
  });

  t.test('badge and alarms: right after a browser restart', async env => {
    const { launch } = require('../harness/browser');
    let browser = await launch({ port: env.port });
    const profile = browser.userDataDir;
    try {
      await browser.sw().evaluate(async memory => { await chrome.storage.local.set({ orders: memory }); await globalThis.dgTest.refreshToolbar(); },
        memoryOf(tracked(1, { status: 'completed', shipped: day(-30), completed: day(-13) })));
      await browser.close({ keepProfile: true });
      browser = await launch({ port: env.port, profile });
      const sw = browser.sw();
      await until(async () => (await sw.evaluate(() => chrome.action.getBadgeText({}))) === '1', 'badge after restart', 15000);
      const names = (await sw.evaluate(() => chrome.alarms.getAll())).map(a => a.name).sort();
      env.assert.equal(names, ['dg-midnight', 'dg-periodic'], 'alarms set');
    } finally {
      await browser.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
