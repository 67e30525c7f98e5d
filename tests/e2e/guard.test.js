// The confirm-receipt guard end to end (CONTRACT.md section 2), on guard-list-en: every way a
// shopper (or a site) can activate "Confirm received", and what the site sees afterwards.
'use strict';

const DIALOG = '[data-dg-dialog="confirm-receipt"][role="dialog"]';

// The site's log of what reached its own handlers, reduced to what matters here.
const seen = async (env, page) => (await env.siteLog(page)).map(e => `${e.event}${e.order ? ' ' + e.order : ''}${e.via ? ' ' + e.via : ''}`);

// The element that has focus, looking into shadow roots: which of the dialog's parts, or the page's.
const focused = page => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  if (!a) return null;
  return a.getAttribute('data-dg-action') || (a.getAttribute('data-dg-check') ? 'check' : null) ||
    (a.hasAttribute('data-dg-guard') ? 'guarded' : a.tagName.toLowerCase());
});

// The site also listens to presses on its confirm buttons (some sites act on pointerup).
function listenToPointers() {
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
    document.addEventListener(type, ev => { if (ev.target.closest && ev.target.closest('[data-fx="confirm"]')) window.siteLog({ event: type }); });
  }
}

// Runs an expression in the content script's own (isolated) world, as a bug or a setting would.
const inContentWorld = (page, expression) => require('../harness/browser').inWorld(page, 'Dispute Guard', expression);

// Waits until the extension has finished with the shopper's choices so far: every proceed has
// replayed the activation or told the shopper (cancel and Escape finish at once). What the site
// did not see is said after it.
const decided = async page => { await inContentWorld(page, 'DG.guard.idle()'); };

const confirmOf = (page, n) => page.locator(`[data-fx-order="${n}"][data-dg-guard="confirm-receipt"]`);

const LIST_CHANGED = 'The list changed while you were deciding; nothing was confirmed.';
const notice = page => page.locator('[data-dg-ui="notice"] [role="status"]');

// Waits until the site's log holds `n` entries, or our dialog or a notice of ours is shown:
// whichever happens, the test then says what it sees.
const until = (page, n) => page.waitForFunction(n => JSON.parse(document.documentElement.dataset.siteLog || '[]').length >= n ||
  !!document.querySelector('[data-dg-ui="dialog"], [data-dg-ui="notice"]'), n);

// Presses proceed in the page's own task (right after what the site does in the same task).
const PROCEED = "document.querySelector('[data-dg-ui=\"dialog\"]').shadowRoot.querySelector('[data-dg-action=\"proceed\"]').click()";

// The page's own listeners hear the shopper's presses, clicks and keys again.
async function pageHearsAgain(env, page, what) {
  await page.evaluate(() => {
    window.heard = [];
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'keydown', 'keyup']) document.addEventListener(type, () => window.heard.push(type));
  });
  await page.locator('[data-fx="review"]').click();
  await page.keyboard.press('KeyA');
  env.assert.equal(await page.evaluate(() => window.heard), ['pointerdown', 'mousedown', 'mouseup', 'click', 'keydown', 'keyup'],
    `${what}: the page's own listeners hear presses, clicks and keys`);
}

require('../harness/e2e').suite(__filename, t => {
  const { orderId } = require('../harness/templates');
  const [plain, popup, rerendered, custom] = [21, 22, 23, 24].map(orderId);

  t.test('mouse: cancel and Escape keep the click from the site, proceed lets it through once', async env => {
    const page = await env.open('guard-list-en');
    const button = confirmOf(page, plain);
    await button.click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    env.assert.equal(await seen(env, page), [], 'nothing reached the site while asking');
    await dialog.locator('[data-dg-action="cancel"]').click();
    await dialog.waitFor({ state: 'detached' });
    await button.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    env.assert.equal(await focused(page), 'guarded', 'Escape gives focus back to the control');
    env.assert.equal(await seen(env, page), [], 'nothing after cancel or Escape');
    await button.click();
    await dialog.locator('[data-dg-action="proceed"]').click();
    await decided(page);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${plain}`, `confirmed ${plain}`], 'exactly one activation');
  });

  t.test('a site that acts on pointer or mouse events sees none of them until proceed, then one of each', async env => {
    const page = await env.open('guard-list-en');
    await page.evaluate(listenToPointers);
    await confirmOf(page, plain).click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    env.assert.equal(await seen(env, page), [], 'no pointer event reached the site while asking');
    await dialog.locator('[data-dg-action="proceed"]').click();
    await decided(page);
    env.assert.equal(await seen(env, page), ['pointerdown', 'mousedown', 'pointerup', 'mouseup', `confirm-clicked ${plain}`, `confirmed ${plain}`],
      'one press, one click');
  });

  t.test('keyboard: Enter and Space open the dialog; the site sees nothing until proceed', async env => {
    const page = await env.open('guard-list-en');
    const button = confirmOf(page, plain);
    const dialog = page.locator(DIALOG);
    for (const key of ['Enter', 'Space']) {
      await button.focus();
      await page.keyboard.press(key);
      await dialog.waitFor();
      // press() returns once the page has handled the key's keyup too: the dialog outlived it.
      env.assert(await dialog.isVisible(), `${key}: the dialog stays open once the key comes up`);
      env.assert.equal(await focused(page), 'cancel', `${key}: focus starts on the safe choice`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    env.assert.equal(await seen(env, page), [], 'neither key reached the site');
    // Proceed by keyboard too: Tab from "Not yet" to the proceed button, Enter.
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    env.assert.equal(await focused(page), 'proceed', 'Tab reaches proceed');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await decided(page);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${plain}`, `confirmed ${plain}`], 'exactly one activation');
  });

  t.test('a custom role=button control the site drives by keys gets its key, once', async env => {
    const page = await env.open('guard-list-en');
    const control = confirmOf(page, custom);
    await control.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    env.assert.equal(await seen(env, page), [], 'the key was kept from the site');
    await dialog.locator('[data-dg-action="proceed"]').click();
    await decided(page);
    env.assert.equal(await seen(env, page), [`confirmed ${custom} key`], 'the site saw the key once');
  });

  t.test('focus stays in the dialog; it is labelled and described for screen readers', async env => {
    const page = await env.open('guard-list-en');
    await confirmOf(page, plain).click();
    await page.locator(DIALOG).waitFor();
    const order = [];
    for (let i = 0; i < 7; i++) { await page.keyboard.press('Tab'); order.push(await focused(page)); }
    env.assert.equal(order, ['proceed', 'check', 'check', 'check', 'cancel', 'proceed', 'check'], 'Tab cycles inside the dialog');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
    env.assert.equal(await focused(page), 'check', 'Shift+Tab cycles back');
    // The page behind cannot take focus (the modal dialog makes it inert; the backdrop cancels).
    await page.evaluate(() => document.querySelector('[data-fx="review"]').focus());
    env.assert(['cancel', 'proceed', 'check'].includes(await focused(page)), 'focus stays in the dialog');
    const a11y = await page.evaluate(() => {
      const root = document.querySelector('[data-dg-ui="dialog"]').shadowRoot;
      const d = root.querySelector('[role="dialog"]');
      const text = id => (root.getElementById(id) || {}).textContent || '';
      return {
        modal: d.getAttribute('aria-modal'),
        label: text(d.getAttribute('aria-labelledby')),
        description: text(d.getAttribute('aria-describedby')),
        checks: [...root.querySelectorAll('input[type=checkbox]')].map(c => ({ checked: c.checked, label: c.labels[0] && c.labels[0].textContent })),
        proceedDisabled: root.querySelector('[data-dg-action="proceed"]').disabled,
      };
    });
    env.assert.equal(a11y.modal, 'true', 'aria-modal');
    env.assert(/Confirm receipt of this order\?/.test(a11y.label), `labelled by its title: ${a11y.label}`);
    const last = await page.evaluate(() => {
      const d = new Date(); d.setDate(d.getDate() + 15);
      return new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
    });
    env.assert(a11y.description.includes('payment to the seller'), `says what confirming does: ${a11y.description}`);
    env.assert(a11y.description.includes(`only 15 days remain to open a dispute, until ${last}`), `says the days and the date: ${a11y.description}`);
    env.assert(a11y.description.includes('estimated'), 'says the date is an estimate');
    env.assert.equal(a11y.checks.length, 3, 'three questions');
    env.assert(a11y.checks.every(c => !c.checked && c.label && c.label.length > 10), 'labelled, unticked');
    env.assert.equal(a11y.proceedDisabled, false, 'proceed never waits for ticks');
  });

  t.test('proceed clicked twice fast: the site sees one activation', async env => {
    const page = await env.open('guard-list-en');
    await confirmOf(page, plain).click();
    await page.locator(`${DIALOG} [data-dg-action="proceed"]`).dblclick();
    await decided(page);
    // The worst case: the site's own "are you sure?" popup opens with its confirm button right
    // where "proceed" was, so the second click of the double click would land on it.
    await confirmOf(page, popup).click();
    const proceed = page.locator(`${DIALOG} [data-dg-action="proceed"]`);
    const r = await proceed.boundingBox();
    await page.addStyleTag({ content: `[data-fx="popup-confirm"] { position: fixed; left: ${r.x}px; top: ${r.y}px; width: ${r.width}px; height: ${r.height}px; }` });
    await proceed.dblclick();
    await decided(page);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${plain}`, `confirmed ${plain}`, `confirm-clicked ${popup}`],
      'one activation each; the second click did not confirm the site\'s own popup');
    env.assert.equal(await page.locator(DIALOG).count(), 0, 'no second dialog');
    env.assert.equal(await page.locator('[data-fx="popup-confirm"]').count(), 1, 'the site\'s popup waits for the shopper');
  });

  t.test('the site re-renders the button while the dialog is open: one activation after proceed, none after cancel', async env => {
    const page = await env.open('guard-list-en');
    const dialog = page.locator(DIALOG);
    const reads = async () => Number(await page.getAttribute('html', 'data-dg-read'));
    // Cancel: the re-rendered button gets nothing.
    await confirmOf(page, rerendered).click();
    await dialog.waitFor();
    let before = await reads();
    await page.evaluate(() => window.siteRerender());
    await env.waitReads(page, before + 1);
    await dialog.locator('[data-dg-action="cancel"]').click();
    await decided(page);
    env.assert.equal(await seen(env, page), [], 'nothing after cancel');
    // Proceed after the new button was read: replayed on the new button, once.
    await confirmOf(page, rerendered).click();
    await dialog.waitFor();
    before = await reads();
    await page.evaluate(() => window.siteRerender());
    await env.waitReads(page, before + 1);
    await dialog.locator('[data-dg-action="proceed"]').click();
    await decided(page);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${rerendered}`, `confirmed ${rerendered}`], 'one activation on the twin');
    const log = await env.siteLog(page);
    env.assert(log[0].trusted === false, 'a replay, as expected');
  });

  t.test('re-rendered and proceeded before the extension re-read it: still exactly one', async env => {
    const page = await env.open('guard-list-en');
    await confirmOf(page, rerendered).click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    // Replace the button and press proceed in the same task, before any re-read can happen.
    await page.evaluate(() => {
      window.siteRerender();
      const root = document.querySelector('[data-dg-ui="dialog"]').shadowRoot;
      root.querySelector('[data-dg-action="proceed"]').click();
    });
    await decided(page);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${rerendered}`, `confirmed ${rerendered}`], 'one activation once the twin was read');
  });

  t.test('a site that keeps re-rendering (a ticking component) gets one activation', async env => {
    const page = await env.open('guard-list-en', { params: { rerender: '200' } });
    await confirmOf(page, rerendered).first().click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    // The button is replaced several times while the dialog is open.
    await page.waitForFunction(() => window.siteRerenders >= 4);
    await dialog.locator('[data-dg-action="proceed"]').click();
    await decided(page);
    const log = await seen(env, page);
    env.assert.equal(log, [`confirm-clicked ${rerendered}`, `confirmed ${rerendered}`], 'exactly one activation');
  });

  // Virtualised lists reuse a card's nodes for another order.
  const [v1, v2, v3, recycled] = [41, 42, 43, 49].map(orderId);

  t.test('the list reuses the card for another order while the dialog is open: nothing is confirmed, the shopper is told', async env => {
    for (const when of ['before the extension read the card again', 'after it did']) {
      const page = await env.open('guard-list-virtual-en');
      await confirmOf(page, v1).click();
      const dialog = page.locator(DIALOG);
      await dialog.waitFor();
      if (when.startsWith('before')) {
        // The same nodes now show another order (id, date, item, links, the button's own order),
        // and proceed is pressed in the same task: no read of the card has happened yet.
        await page.evaluate(`window.siteRecycleCard('${v1}', 'fx-recycled'); ${PROCEED}`);
      } else {
        await page.evaluate(`window.siteRecycleCard('${v1}', 'fx-recycled')`);
        await page.waitForSelector(`.order-item[data-dg-order="${recycled}"]`, { state: 'attached' });
        await dialog.locator('[data-dg-action="proceed"]').click();
      }
      await until(page, 1);
      env.assert.equal(await seen(env, page), [], `${when}: nothing reached the site`);
      await notice(page).waitFor();
      const said = await notice(page).textContent();
      env.assert(said.includes(LIST_CHANGED), `${when}: the shopper is told: ${said}`);
      env.assert.equal(await page.locator(`[data-fx-order="${recycled}"]`).getAttribute('data-dg-guard'), 'confirm-receipt',
        `${when}: the reused button is guarded for its new order`);
      await page.close();
    }
  });

  t.test('two cards exchange what they show in the same nodes: proceed confirms the chosen order where it now is, once', async env => {
    const page = await env.open('guard-list-virtual-en');
    await confirmOf(page, v1).click();
    await page.locator(DIALOG).waitFor();
    await page.evaluate(`window.siteSwapInPlace('${v1}', '${v2}'); ${PROCEED}`);
    await until(page, 2);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${v1}`, `confirmed ${v1}`], 'the chosen order, once; never the other one');
  });

  t.test('the list is rendered again from fresh nodes: the chosen order\'s one twin gets the click; two look-alikes get none', async env => {
    let page = await env.open('guard-list-virtual-en');
    await confirmOf(page, v1).click();
    await page.locator(DIALOG).waitFor();
    await page.evaluate(`window.siteRenderList(['${v2}', '${v1}', '${v3}']); ${PROCEED}`);
    await until(page, 2);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${v1}`, `confirmed ${v1}`], 'replayed on the twin, once');
    // The order shows twice (a glitching list): which one is the shopper's cannot be told.
    page = await env.open('guard-list-virtual-en');
    await confirmOf(page, v1).click();
    await page.locator(DIALOG).waitFor();
    await page.evaluate(`window.siteRenderList(['${v1}', '${v2}', '${v1}']); ${PROCEED}`);
    await until(page, 1);
    env.assert.equal(await seen(env, page), [], 'nothing reached the site');
    env.assert((await notice(page).textContent()).includes(LIST_CHANGED), 'the shopper is told');
  });

  t.test('a page that never stops changing elsewhere (a 30 ms promo clock): proceed is not held up, on the control or its twin', async env => {
    const page = await env.open('guard-list-virtual-en', { params: { ticker: '30' } });
    const dialog = page.locator(DIALOG);
    await confirmOf(page, v3).click();
    await dialog.locator('[data-dg-action="proceed"]').click();
    await until(page, 2);
    env.assert.equal(await seen(env, page), [`confirm-clicked ${v3}`, `confirmed ${v3}`], 'the control itself');
    await confirmOf(page, v1).click();
    await dialog.waitFor();
    await page.evaluate(`window.siteRenderList(['${v2}', '${v1}', '${v3}']); ${PROCEED}`);
    await until(page, 4);
    env.assert.equal((await seen(env, page)).slice(2), [`confirm-clicked ${v1}`, `confirmed ${v1}`], 'its twin');
  });

  // Proceed waiting, and the page's controls meanwhile.
  t.test('while proceed waits for the re-rendered twin, a second activation of it opens no dialog and fires nothing', async env => {
    const page = await env.open('guard-list-virtual-en');
    await confirmOf(page, v1).click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    // The list is rendered again and proceed pressed; the moment the extension marks the twin
    // (before it replays), the twin is activated again.
    await page.evaluate(`(() => {
      new MutationObserver(() => {
        const twin = document.querySelector('.order-content [data-fx-order="${v1}"][data-dg-guard]');
        if (twin && !window.again) { window.again = true; window.siteLog({ event: 'activated again' }); twin.click(); }
      }).observe(document.body, { attributes: true, attributeFilter: ['data-dg-guard'], subtree: true });
      window.siteRenderList(['${v1}', '${v2}', '${v3}']);
      ${PROCEED};
    })()`);
    await until(page, 3);
    env.assert.equal(await dialog.count(), 0, 'no second dialog');
    env.assert.equal(await seen(env, page), ['activated again', `confirm-clicked ${v1}`, `confirmed ${v1}`], 'one activation');
  });

  // The grace period.
  t.test('a site that takes only the shopper\'s own clicks: the next real click passes unasked, for a minute and for that order only', async env => {
    const page = await env.open('guard-list-en', { params: { trusted: 'only' } });
    const dialog = page.locator(DIALOG);
    await confirmOf(page, plain).click();
    await dialog.waitFor();
    const text = await dialog.textContent();
    env.assert(text.includes('If nothing happens, click Confirm again'), `the dialog says what to do: ${text}`);
    await dialog.locator('[data-dg-action="proceed"]').click();
    await page.waitForFunction(() => JSON.parse(document.documentElement.dataset.siteLog || '[]').length >= 1);
    env.assert.equal(await seen(env, page), [`ignored ${plain}`], 'the replay reached the site, which ignored it');
    // The shopper clicks again: through at once.
    await confirmOf(page, plain).click();
    await until(page, 3);
    env.assert.equal(await dialog.count(), 0, 'not asked a second time');
    env.assert.equal((await seen(env, page)).slice(1), [`confirm-clicked ${plain}`, `confirmed ${plain}`], 'confirmed by the shopper\'s own click');
    // The same with the site's own popup, which then follows for that order.
    await confirmOf(page, popup).click();
    await dialog.locator('[data-dg-action="proceed"]').click();
    await page.waitForFunction(() => JSON.parse(document.documentElement.dataset.siteLog || '[]').length >= 4);
    await confirmOf(page, popup).click();
    const own = page.locator('[data-fx="popup-confirm"][data-dg-guard="confirm-receipt"]');
    await own.waitFor({ state: 'attached' });
    await own.click();
    await until(page, 6);
    env.assert.equal(await dialog.count(), 0, 'neither the control nor the site\'s popup asked again');
    env.assert.equal((await seen(env, page)).slice(3), [`ignored ${popup}`, `confirm-clicked ${popup}`, `confirmed ${popup}`], 'the popup confirmed it');
    // Another order's control still asks: the grace is the order's.
    await confirmOf(page, rerendered).click();
    await dialog.waitFor();
    await dialog.locator('[data-dg-action="cancel"]').click();
    // A minute later (the content script's own clock moved on), the first control asks again.
    env.assert.equal(await inContentWorld(page, '(() => { const real = Date.now; Date.now = () => real.call(Date) + 61000; return "moved"; })()'), 'moved', 'clock moved');
    await confirmOf(page, plain).click();
    await dialog.waitFor();
    await dialog.locator('[data-dg-action="cancel"]').click();
    env.assert.equal((await seen(env, page)).length, 6, 'nothing more reached the site');
  });

  // The top layer.
  const TOP_LAYER = { native: '<dialog> shown with showModal()', popover: 'popover', fullscreen: 'fullscreen' };
  for (const how of Object.keys(TOP_LAYER)) {
    t.test(`the site's popup in the top layer (${TOP_LAYER[how]}): our dialog is on top and works, the page works after`, async env => {
      const page = await env.open('guard-list-en');
      if (how === 'fullscreen') {
        await page.evaluate(order => { window.siteOpenPopup(order); return document.querySelector('.comet-modal-wrap').requestFullscreen(); }, popup);
      } else {
        await page.evaluate(([order, how]) => window.siteOpenPopup(order, how), [popup, how]);
      }
      const own = page.locator('[data-fx="popup-confirm"][data-dg-guard="confirm-receipt"]');
      await own.waitFor({ state: 'attached' });
      await own.click();
      const dialog = page.locator(DIALOG);
      await dialog.waitFor();
      const onTop = await page.evaluate(() => {
        const host = document.querySelector('[data-dg-ui="dialog"]');
        const go = host.shadowRoot.querySelector('[data-dg-action="proceed"]');
        const r = go.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        return [document.elementFromPoint(x, y) === host, host.shadowRoot.elementFromPoint(x, y) === go];
      });
      env.assert.equal(onTop, [true, true], 'a click on our proceed button hits it, not the site\'s popup');
      const siteOpen = () => page.evaluate(() => {
        const w = document.querySelector('[data-fx-popup-wrap]');
        return !!w && (!!w.open || w.matches(':popover-open') || document.fullscreenElement === w);
      });
      await dialog.locator('[data-dg-action="cancel"]').click();
      await dialog.waitFor({ state: 'detached' });
      env.assert.equal(await seen(env, page), [], 'cancel: the site saw nothing');
      env.assert(await siteOpen(), 'the site\'s popup is still open after cancel');
      await own.click();
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      env.assert.equal(await seen(env, page), [], 'Escape: the site saw nothing');
      env.assert(await siteOpen(), 'Escape closed ours only');
      await own.click();
      await dialog.waitFor();
      env.assert(await siteOpen(), 'and while we ask again');
      await dialog.locator('[data-dg-action="proceed"]').click();
      await until(page, 1);
      env.assert.equal(await seen(env, page), [`confirmed ${popup}`], 'proceed: confirmed once');
      await pageHearsAgain(env, page, how);
    });
  }

  t.test('our dialog cannot be shown, or not on top: the activation goes through untouched', async env => {
    const breakages = {
      'showModal fails': 'HTMLDialogElement.prototype.showModal = function () { throw new Error("broken on purpose"); }',
      'something else is on top': 'ShadowRoot.prototype.elementFromPoint = () => document.body',
    };
    for (const [what, breakage] of Object.entries(breakages)) {
      const page = await env.open('guard-list-en');
      await page.evaluate(order => window.siteOpenPopup(order, 'native'), popup);
      const own = page.locator('[data-fx="popup-confirm"][data-dg-guard="confirm-receipt"]');
      await own.waitFor({ state: 'attached' });
      // Broken in the content script's own world only: the page's prototypes are its own.
      env.assert.equal(await inContentWorld(page, `${breakage}; "broken"`), 'broken', what);
      await own.click();
      await until(page, 1);
      env.assert.equal(await page.locator(DIALOG).count(), 0, `${what}: no dialog left behind`);
      env.assert.equal(await seen(env, page), [`confirmed ${popup}`], `${what}: the site saw the click`);
      await pageHearsAgain(env, page, what);
      await page.close();
    }
  });

  t.test('nothing of the page stays held back once the dialog is gone: cancel, Escape, backdrop, proceed, or removed by the page', async env => {
    for (const how of ['cancel', 'Escape', 'backdrop', 'proceed', 'removed']) {
      const page = await env.open('guard-list-en');
      await confirmOf(page, plain).click();
      const dialog = page.locator(DIALOG);
      await dialog.waitFor();
      if (how === 'cancel' || how === 'proceed') await dialog.locator(`[data-dg-action="${how}"]`).click();
      else if (how === 'Escape') await page.keyboard.press('Escape');
      else if (how === 'backdrop') await page.mouse.click(5, 5);
      else await page.evaluate(() => document.querySelector('[data-dg-ui="dialog"]').remove());
      await dialog.waitFor({ state: 'detached' });
      if (how === 'proceed') await until(page, 2);
      env.assert.equal(await seen(env, page), how === 'proceed' ? [`confirm-clicked ${plain}`, `confirmed ${plain}`] : [], `${how}: what the site saw`);
      await pageHearsAgain(env, page, how);
      await page.close();
    }
  });

  t.test('guard switched off in the settings: no guard at all, even on an open page', async env => {
    await env.resetStorage();
    try {
      await env.sw().evaluate(() => chrome.storage.local.set({ settings: { confirm_guard: false } }));
      const page = await env.open('guard-list-en');
      env.assert.equal(await page.locator('[data-dg-guard]').count(), 0, 'no control guarded');
      await page.locator(`[data-fx-order="${plain}"]`).click();
      await until(page, 2);
      env.assert.equal(await page.locator(DIALOG).count(), 0, 'no dialog');
      env.assert.equal(await seen(env, page), [`confirm-clicked ${plain}`, `confirmed ${plain}`], 'the site saw the click at once');
      // Switched back on in the options tab; back on the page (it comes into view again), guarded
      // again without a reload. (Headless tabs never change visibility: the event is sent.)
      const backInView = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await env.sw().evaluate(() => chrome.storage.local.set({ settings: { confirm_guard: true } }));
      await backInView();
      await page.waitForSelector('[data-dg-guard="confirm-receipt"]', { state: 'attached', timeout: 5000 });
      // …and off again: the marks go away.
      await env.sw().evaluate(() => chrome.storage.local.set({ settings: { confirm_guard: false } }));
      await backInView();
      await page.waitForFunction(() => !document.querySelector('[data-dg-guard]'), null, { timeout: 5000 });
    } finally {
      await env.resetStorage();
    }
  });

  t.test('broken extension: the click goes through untouched (fail open)', async env => {
    const page = await env.open('guard-list-en');
    // Break the content script's UI in its own isolated world, as a bug would.
    env.assert.equal(await inContentWorld(page, "DG.ui.el = () => { throw new Error('broken on purpose') }; 'ok'"), 'ok', 'broke it');
    await page.evaluate(listenToPointers);
    await confirmOf(page, plain).click();
    await until(page, 6);
    env.assert.equal(await page.locator(DIALOG).count(), 0, 'no dialog');
    env.assert.equal(await seen(env, page), ['pointerdown', 'mousedown', 'pointerup', 'mouseup', `confirm-clicked ${plain}`, `confirmed ${plain}`],
      'the site saw the press and the click, as without the extension');
    // The keyboard too: the site's custom control gets its keydown and its keyup.
    await page.evaluate(() => document.addEventListener('keyup', ev => {
      if (ev.target.closest && ev.target.closest('[data-fx="confirm-key"]')) window.siteLog({ event: 'keyup', via: ev.key });
    }));
    await confirmOf(page, custom).focus();
    await page.keyboard.press('Enter');
    await until(page, 8);
    env.assert.equal((await seen(env, page)).slice(-2), [`confirmed ${custom} key`, 'keyup Enter'], 'key down and up reached the site');
    env.assert(page.dgErrors.length === 0, `no page errors: ${page.dgErrors.join('; ')}`);
  });

  t.test('the site\'s own popup: not asked again right after proceed, asked when reached on its own', async env => {
    const page = await env.open('guard-list-en');
    const dialog = page.locator(DIALOG);
    await confirmOf(page, popup).click();
    await dialog.locator('[data-dg-action="proceed"]').click();
    // The site opens its "are you sure?" popup; once read, its confirm button is guarded too.
    await page.waitForSelector('[data-fx="popup-confirm"][data-dg-guard="confirm-receipt"]', { state: 'attached', timeout: 5000 });
    await page.click('[data-fx="popup-confirm"]');
    await until(page, 2);
    env.assert.equal(await dialog.count(), 0, 'not asked twice');
    env.assert.equal(await seen(env, page), [`confirm-clicked ${popup}`, `confirmed ${popup}`], 'confirmed once');
    // A page where the site's popup is open on its own (no proceed before it): asked.
    const de = await env.open('current-detail-de');
    const own = de.locator('[data-fx="popup-confirm"][data-dg-guard="confirm-receipt"]');
    await own.click();
    await de.locator(DIALOG).waitFor();
    await de.locator(`${DIALOG} [data-dg-action="cancel"]`).click();
    env.assert.equal(await seen(env, de), [], 'cancel: the site saw nothing');
    await own.click();
    await de.locator(`${DIALOG} [data-dg-action="proceed"]`).click();
    await decided(de);
    env.assert.equal((await env.siteLog(de)).map(e => e.event), ['confirmed'], 'proceed: confirmed once');
  });

  t.test('"Annuler la demande" warns about reopening first', async env => {
    await env.resetStorage();
    const page = await env.open('current-detail-fr');
    const button = page.locator('[data-dg-guard="cancel-dispute"]');
    env.assert.equal(await button.textContent(), 'Annuler la demande', 'the cancel-dispute control is guarded');
    await button.click();
    const dialog = page.locator('[data-dg-dialog="cancel-dispute"][role="dialog"]');
    await dialog.waitFor();
    const text = await dialog.textContent();
    const until = await page.evaluate(() => {
      const d = new Date(); d.setDate(d.getDate() + 29);
      return new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
    });
    env.assert(text.includes(`reopened only while buyer protection lasts: until ${until}`), text);
    env.assert.equal(await dialog.locator('[data-dg-action="cancel"]').textContent(), 'Keep the dispute', 'the safe choice keeps it');
    await dialog.locator('[data-dg-action="cancel"]').click();
    env.assert.equal(await seen(env, page), [], 'kept: the site saw nothing');
    await button.click();
    await dialog.locator('[data-dg-action="proceed"]').click();
    await decided(page);
    env.assert.equal((await env.siteLog(page)).map(e => e.fx), ['cancel-dispute'], 'cancelled once');
  });

  t.test('every confirm control in every layout and language asks first', async env => {
    let asked = 0;
    for (const f of env.fixtures.filter(x => x.expected && x.meta.e2e !== false)) {
      const expected = env.expected(f.name);
      if (!expected.guarded.length) continue;
      const page = await env.open(f.name);
      const guarded = page.locator('[data-dg-guard="confirm-receipt"]');
      env.assert.equal(await guarded.count(), expected.guarded.length, `${f.name}: guarded controls`);
      // The first one the shopper can reach (a site popup may lie over the others).
      const i = await guarded.evaluateAll(els => els.findIndex(e => {
        const r = e.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top && (top === e || e.contains(top));
      }));
      env.assert(i >= 0, `${f.name}: a guarded control within reach`);
      await guarded.nth(i).click();
      const dialog = page.locator(DIALOG);
      await dialog.waitFor({ timeout: 3000 });
      const text = await dialog.textContent();
      env.assert(text.includes('payment to the seller') && /only \d+ days remain to open a dispute|a dispute stays possible only until|The last day to open a dispute/.test(text), `${f.name}: ${text}`);
      await dialog.locator('[data-dg-action="cancel"]').click();
      const log = (await env.siteLog(page)).filter(e => /confirm/.test(e.event));
      env.assert.equal(log, [], `${f.name}: nothing reached the site`);
      asked++;
      await page.close();
    }
    env.assert(asked >= 20, `asked on ${asked} pages`);
  });

  t.test('the dialog says the end of protection the page states', async env => {
    await env.resetStorage();
    const page = await env.open('path-detail-too-early-en');
    await page.locator('[data-dg-guard="confirm-receipt"]').click();
    const text = await page.locator(DIALOG).textContent();
    const until = await page.evaluate(() => {
      const d = new Date(); d.setDate(d.getDate() + 40);
      return new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
    });
    env.assert(text.includes(`If you do not confirm, buyer protection lasts until ${until}, and the order confirms itself then.`), text);
    env.assert.equal(await page.locator(DIALOG).getAttribute('data-dg-state'), 'too-early', 'the order\'s state');
  });

  t.test('the dialog speaks the extension\'s language, dates included (French here)', async env => {
    const fs = require('fs');
    const path = require('path');
    const { ROOT } = require('../harness/browser');
    const fr = fs.readFileSync(path.join(ROOT, 'dist', 'extension', '_locales', 'fr', 'messages.json'), 'utf8');
    const page = await env.open('guard-list-en');
    env.assert.equal(await inContentWorld(page, `DG.i18n.useLanguage('fr', ${fr}); DG.i18n.uiLang()`), 'fr', 'switched');
    await confirmOf(page, plain).click();
    const dialog = page.locator(DIALOG);
    await dialog.waitFor();
    const text = await dialog.textContent();
    const until = await page.evaluate(() => {
      const d = new Date(); d.setDate(d.getDate() + 15);
      return new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
    });
    env.assert(text.includes('Confirmer la réception de cette commande ?'), text);
    env.assert(text.includes(`il ne reste que 15 jours pour ouvrir un litige, jusqu'au ${until}`), text);
    env.assert.equal(await dialog.locator('[data-dg-action="cancel"]').textContent(), 'Pas encore', 'buttons too');
    env.assert.equal(await dialog.getAttribute('lang'), 'fr', 'lang set for screen readers');
    await page.keyboard.press('Escape');
  });

  t.test('the dialog in dark mode, and nothing of ours is page markup', async env => {
    const page = await env.open('guard-list-en');
    await page.emulateMedia({ colorScheme: 'dark' });
    await confirmOf(page, plain).click();
    await page.locator(DIALOG).waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('[data-dg-ui="dialog"]').shadowRoot.querySelector('[role="dialog"]')).backgroundColor);
    env.assert(/rgb\((\d+), (\d+), (\d+)\)/.test(bg) && Number(RegExp.$1) < 80, `dark background: ${bg}`);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.querySelector('[data-dg-ui="dialog"]').shadowRoot.querySelector('[role="dialog"]')).backgroundColor);
    env.assert(/rgb\((\d+)/.test(light) && Number(RegExp.$1) > 200, `light background: ${light}`);
    await page.keyboard.press('Escape');
  });
});
