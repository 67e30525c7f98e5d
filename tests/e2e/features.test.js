// Per-feature switches (as Refined GitHub has them; CONTRACT.md section 10): each
// switched off in the options page leaves no trace of its feature on a page (no widget host of
// it, no data-dg-* it alone writes), on a page opened afterwards and on one already open once
// it comes back into view, while every other feature on that page stays exactly as it was.
'use strict';

// What each feature leaves in a page: the hosts of its widgets, the marks it alone writes, and
// for the timeline the picture inside another widget's shadow root.
function traces() {
  const hosts = (...names) => names.reduce((n, name) => n + document.querySelectorAll(`[data-dg-ui="${name}"]`).length, 0);
  const marks = sel => document.querySelectorAll(sel).length;
  const inWidgets = sel => [...document.querySelectorAll('[data-dg-ui]')].reduce((n, h) => n + (h.shadowRoot ? h.shadowRoot.querySelectorAll(sel).length : 0), 0);
  return {
    list_badges: hosts('order-badge'),
    dispute_path: marks('[data-dg-highlight]') + hosts('dispute-notice', 'dispute-timeline', 'dispute-guide'),
    timeline: inWidgets('[data-dg-timeline]'),
    confirm_guard: marks('[data-dg-guard]'),
    'evidence.check_files': marks('[data-dg-evidence], [data-dg-evidence-drop]'),
    dispute_assistant: hosts('dispute-assistant', 'dispute-busy'),
    check_orders_bar: hosts('check-orders'),
    report_widget: hosts('page-report'),
  };
}

// Each switch, the page it shows on, and the features that page shows besides.
const SWITCHES = [
  ['list_badges', 'current-list-en'],
  ['dispute_path', 'current-detail-en'],
  ['timeline', 'current-detail-en'],
  ['confirm_guard', 'current-detail-en'],
  ['evidence.check_files', 'dispute-start-en'],
  ['dispute_assistant', 'dispute-start-en'],
  ['check_orders_bar', 'current-list-en'],
  ['report_widget', 'current-detail-en'],
];

// The switch in the options page, in its "What Dispute Guard shows" section, set by a click as
// the shopper would.
async function setSwitch(env, name, on) {
  const options = await env.browser.context.newPage();
  try {
    await options.goto(env.extensionUrl('options/options.html'));
    await options.waitForSelector('body[data-ready]');
    const box = options.locator(`section[data-section="features"] input[type=checkbox][name="${name}"]`);
    env.assert.equal(await box.count(), 1, `${name}: a switch among the features`);
    const label = (await options.locator(`label[for="${await box.getAttribute('id')}"]`).textContent()).trim();
    env.assert(label.length > 3, `${name}: labelled (${label})`);
    if (await box.isChecked() === on) return;
    const before = Number(await options.evaluate(() => document.body.dataset.saved || 0));
    await box.click();
    await options.waitForFunction(b => Number(document.body.dataset.saved || 0) > b, before);
  } finally {
    await options.close();
  }
}

const stored = (settings, name) => name.split('.').reduce((v, k) => (v == null ? v : v[k]), settings || {});

require('../harness/e2e').suite(__filename, t => {
  t.test('every feature has a switch in the options, on until switched off', async env => {
    await env.resetStorage();
    const options = await env.browser.context.newPage();
    await options.goto(env.extensionUrl('options/options.html'));
    await options.waitForSelector('body[data-ready]');
    const names = await options.$$eval('section[data-section="features"] input[type=checkbox]', els => els.map(e => [e.name, e.checked]));
    env.assert.equal(names, SWITCHES.map(([n]) => [n, true]), 'one switch per feature, each on');
  });

  for (const [name, pageName] of SWITCHES) {
    t.test(`${name} off: no trace of it on the page, every other feature stays`, async env => {
      await env.resetStorage();
      try {
        // Everything on: the page shows this feature, and others.
        const open = await env.open(pageName);
        const on = await open.evaluate(traces);
        env.assert(on[name] > 0, `${pageName} shows ${name}: ${JSON.stringify(on)}`);
        const others = Object.keys(on).filter(k => k !== name && on[k] > 0);
        env.assert(others.length >= 2, `${pageName} shows other features too: ${JSON.stringify(on)}`);
        const keepsOthers = (got, where) => {
          env.assert.equal(got[name], 0, `${where}: nothing of ${name} left: ${JSON.stringify(got)}`);
          for (const k of others) env.assert.equal(got[k], on[k], `${where}: ${k} stays`);
        };

        await setSwitch(env, name, false);
        env.assert.equal(stored(await env.storage('settings'), name), false, 'stored off');
        // A page opened now.
        const fresh = await env.open(pageName);
        keepsOthers(await fresh.evaluate(traces), 'a page opened after');
        // The page already open, back in view (headless tabs never change visibility: the event is sent).
        const reads = Number(await open.evaluate(() => document.documentElement.getAttribute('data-dg-read')));
        await open.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
        await env.waitReads(open, reads + 1);
        keepsOthers(await open.evaluate(traces), 'the page already open');

        // Back on: it comes back on that page too.
        await setSwitch(env, name, true);
        const again = Number(await open.evaluate(() => document.documentElement.getAttribute('data-dg-read')));
        await open.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
        await env.waitReads(open, again + 1);
        env.assert.equal(await open.evaluate(traces), on, 'switched on again: all as before');
        env.assert.equal([...fresh.dgErrors, ...open.dgErrors], [], 'no page errors');
      } finally {
        await env.resetStorage();
      }
    });
  }

  t.test('timeline off: no row under the orders in the popup either', async env => {
    const { sampleMemory } = require('../harness/tracked_orders');
    await env.resetStorage();
    try {
      await env.sw().evaluate(memory => chrome.storage.local.set({ orders: memory }), sampleMemory());
      const rows = async () => {
        const popup = await env.browser.context.newPage();
        await popup.goto(env.extensionUrl('popup/popup.html'));
        await popup.waitForSelector('body[data-ready]');
        const n = [await popup.locator('[data-dg-popup-order]').count(), await popup.locator('[data-dg-timeline]').count()];
        await popup.close();
        return n;
      };
      env.assert.equal(await rows(), [7, 7], 'on: a row under each order');
      await setSwitch(env, 'timeline', false);
      env.assert.equal(await rows(), [7, 0], 'off: the orders without their rows');
    } finally {
      await env.resetStorage();
    }
  });
});
