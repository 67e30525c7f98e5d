// Guards: controls the core marked (data-dg-guard) ask the shopper first. Listeners are on
// window in the capture phase, installed at document_start, so they run before the site's.
// - cancel (or Escape): the site never sees the activation;
// - proceed: once the reads of the page still pending are applied, the site sees the original
//   activation exactly once, on the control the core reads NOW as the same order's (the same
//   element, or its one twin when the site re-rendered it); if no control is certainly that
//   order's, nothing reaches the site and the shopper is told;
// - after a proceed, the shopper's own (trusted) activations of that order's control and of the
//   site's own "are you sure?" popup pass without asking for GRACE_MS: a site that ignores
//   synthetic events can still be confirmed;
// - the dialog is a modal <dialog> in the top layer, above the site's own modal dialogs,
//   popovers and fullscreen elements; where it cannot be shown and used, the activation passes;
// - anything wrong on our side (extension reloaded, a rendering error): the activation goes
//   through untouched, as if the extension were not there.
// The dialog's words come from the core (wire/page_plan.rs Guard); nothing here knows the site.
// @uses DG.i18n, DG.ui, DG.notify, DG.state, DG.main
// @provides DG.guard
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  let open = null;          // the dialog shown: { host, root, dialog, cancel, el, guard, origin, restoreFocus }
  let replaying = null;     // the element whose replayed activation must pass
  let afterProceed = null;  // { until, rect }: the rest of a double click on "proceed" is swallowed
  let armed = null;         // { el, guard, built | broken }: a guarded control being pressed
  let keyHeld = null;       // { key, until }: a key whose keydown was kept from the site: its keyup is too
  const proceeding = new Set(); // proceeds waiting for the page to be read: no other question meanwhile
  const proceeds = new Set();   // their promises, until each has replayed or told the shopper (DG.guard.idle)
  const graces = [];        // { kind, order, el, until }: after a proceed, activations allowed without asking
  const GRACE_MS = 60_000;  // said in the dialog ("for one minute"): guardConfirmAgain, guardCancelDisputeAgain
  const SETTLE_MS = 3000;   // how long proceed waits for the page's pending reads
  // Pointer events on a guarded control are kept from the site (a site may act on mouseup or
  // pointerup rather than click) and replayed with the click after "proceed".
  const POINTER = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'touchstart', 'touchend'];
  // Events inside our dialog go no further than its host: a site listening on an ancestor (its
  // own popup, when our dialog sits in it) must not take our Enter for its own.
  const CONTAINED = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'auxclick', 'contextmenu', 'input', 'change',
    'focusin', 'focusout', 'wheel', ...POINTER, 'pointermove', 'mousemove', 'pointerover', 'pointerout', 'mouseover', 'mouseout'];

  function alive() {
    try { return !!(chrome.runtime && chrome.runtime.id); } catch { return false; }
  }

  function report(e) {
    try { chrome.runtime.sendMessage({ type: 'log', message: 'guard: ' + String(e && e.stack || e).slice(0, 480) }); } catch { /* gone */ }
  }

  function guardOf(node) {
    const s = DG.state;
    return s && node && node.nodeType === 1 ? s.guards.get(node) : undefined;
  }

  // The guarded control an event is aimed at, if any.
  function guardedTarget(ev) {
    for (const n of ev.composedPath()) {
      if (n === window || n === document) break;
      const g = guardOf(n);
      if (g && n.getAttribute('data-dg-guard') === g.kind) return n;
    }
    return null;
  }

  // The dialog shown, if it still is: the page may have removed it (or closed it), and then
  // nothing of the page stays held back.
  function current() {
    if (open && (!open.host.isConnected || !open.dialog.open)) dispose(open);
    return open;
  }

  const inReplay = ev => replaying && ev.composedPath().includes(replaying);
  const inDialog = ev => !!open && ev.composedPath().includes(open.host);
  const orderOf = guard => guard.order ?? null;

  // After a proceed: the shopper's own next activations of that order's control (the same
  // element when the order is not known) and the site's popup that follows pass without asking,
  // keyed to the order, so that a grace for one order never lets another's control through.
  // A control whose part of the page is still to be read again is asked about.
  function graceFor(el, guard, trusted) {
    const now = Date.now();
    for (let i = graces.length - 1; i >= 0; i--) if (graces[i].until <= now) graces.splice(i, 1);
    const fits = graces.some(g => g.kind === guard.kind && (guard.site_popup
      ? g.order == null || guard.order == null || g.order === guard.order
      : trusted && (g.order != null ? g.order === guard.order : g.el === el)));
    return fits && !(DG.main && DG.main.pending && DG.main.pending(el));
  }

  function grant(guard, el) {
    graces.push({ kind: guard.kind, order: orderOf(guard), el, until: Date.now() + GRACE_MS });
  }

  const isNative = el => /^(BUTTON|A|INPUT|SUMMARY)$/.test(el.tagName);

  function replay(target, origin) {
    replaying = target;
    try {
      if (origin.kind === 'key' && !isNative(target)) {
        for (const type of ['keydown', 'keyup']) {
          target.dispatchEvent(new KeyboardEvent(type, { key: origin.key, code: origin.code, bubbles: true, cancelable: true, composed: true }));
        }
        return;
      }
      const common = { bubbles: true, cancelable: true, composed: true, view: window, clientX: origin.x || 0, clientY: origin.y || 0,
        button: 0, ctrlKey: !!origin.ctrl, shiftKey: !!origin.shift, altKey: !!origin.alt, metaKey: !!origin.meta };
      if (origin.kind === 'click') {
        const P = globalThis.PointerEvent || MouseEvent;
        target.dispatchEvent(new P('pointerdown', { ...common, buttons: 1, pointerType: 'mouse', isPrimary: true }));
        target.dispatchEvent(new MouseEvent('mousedown', { ...common, buttons: 1, detail: 1 }));
        target.dispatchEvent(new P('pointerup', { ...common, pointerType: 'mouse', isPrimary: true }));
        target.dispatchEvent(new MouseEvent('mouseup', { ...common, detail: 1 }));
      }
      target.dispatchEvent(new MouseEvent('click', { ...common, detail: 1 }));
    } finally { replaying = null; }
  }

  // Whether `n` is, as the core last read the page, a control of `guard`'s kind for the same
  // order: its guard says so, and so does the order element around it (data-dg-order).
  function sameOrder(n, guard) {
    const g = guardOf(n);
    if (!g || g.kind !== guard.kind || !!g.site_popup !== !!guard.site_popup || n.getAttribute('data-dg-guard') !== g.kind) return false;
    if (orderOf(g) !== orderOf(guard)) return false;
    const card = n.closest('[data-dg-order]');
    return !card || card.getAttribute('data-dg-order') === guard.order;
  }

  // The control to replay on, as the core reads the page once the reads still pending are
  // applied (virtualised lists re-render in place: the same button may now be another order's):
  // - the original control, while it is still the order's;
  // - else the one control the core marks for that order (the site re-rendered or moved it),
  //   never a look-alike: on a list every card's button looks the same;
  // - 'gone' when no control of that order is left, 'changed' when the order's control cannot
  //   be told for certain (another order's now, several, or the page not read in time).
  async function confirmTarget(el, guard) {
    const main = DG.main;
    if (!main || !main.settled) return 'changed';
    const until = performance.now() + SETTLE_MS;
    const left = () => Math.max(0, until - performance.now());
    if (el.isConnected) {
      if (!await main.settled(el, left())) return 'changed';
      if (el.isConnected && !main.pending(el) && sameOrder(el, guard)) return el;
    }
    // Its twin: only for a known order, or the site's popup (one at a time); once every change
    // made until then is read (a twin not marked yet cannot be missed), and none of the controls
    // marked for the order has changed since.
    if (guard.order == null && !guard.site_popup) return 'changed';
    for (;;) {
      if (!await main.settled(null, left())) return 'changed';
      const marked = [...document.querySelectorAll(`[data-dg-guard="${guard.kind}"]`)].filter(n => sameOrder(n, guard));
      if (marked.every(n => !main.pending(n))) {
        if (marked.length === 1) return marked[0];
        if (marked.length > 1) return 'changed';
        // None: gone, unless the page is still being read (a re-rendered twin not marked yet).
        if (!main.pending(null)) return !el.isConnected && guard.order != null ? 'gone' : 'changed';
      }
      if (left() <= 0) return 'changed';
    }
  }

  async function proceed({ el, guard, origin }) {
    const mine = { guard };
    proceeding.add(mine);
    try {
      const target = await confirmTarget(el, guard);
      if (target === 'changed') { DG.notify?.(DG.i18n.t('guardListChanged')); return; }
      grant(guard, target === 'gone' ? null : target);
      // The order's control left the page: nothing to replay on; the shopper's next activation
      // of that order's control passes.
      if (target === 'gone') { DG.notify?.(DG.i18n.t('guardPageChanged')); return; }
      replay(target, origin);
    } finally { proceeding.delete(mine); }
  }

  function dispose(o) {
    if (open === o) open = null;
    document.removeEventListener('focusin', keepFocus, true);
    try { if (o.dialog.open) o.dialog.close(); } catch { /* gone with its document */ }
    o.host.remove();
  }

  function close(result) {
    if (!open) return;
    const o = open;
    dispose(o);
    if (result === 'proceed') {
      const done = proceed(o).catch(report);
      proceeds.add(done);
      done.then(() => proceeds.delete(done));
    } else if (o.restoreFocus && o.restoreFocus.isConnected && o.restoreFocus.focus) {
      o.restoreFocus.focus({ preventScroll: true });
    }
  }

  // The dialog is a <dialog> shown with showModal(): the top layer, above whatever the site put
  // there (its own modal dialog, a popover, a fullscreen element); ::backdrop dims the page.
  const STYLE = `
.dialog { margin: auto; width: min(34em, calc(100vw - 2em)); box-sizing: border-box; max-height: calc(100vh - 2em); overflow: auto;
  padding: 16px 20px; box-shadow: 0 8px 30px rgba(0,0,0,.35); font-size: 15px; border-radius: 10px; }
.dialog::backdrop { background: rgba(0,0,0,.45); }
.dialog h2 { font-size: 17px; margin: 0 0 8px; }
.dialog .brand { display: block; font-size: 12px; margin-bottom: 2px; }
.dialog ul { list-style: none; margin: 6px 0 0; padding: 0; }
.dialog li { margin: 4px 0; }
.dialog label { display: flex; gap: 8px; align-items: flex-start; cursor: pointer; }
.dialog input[type=checkbox] { margin: 3px 0 0; width: 16px; height: 16px; flex: none; }
.actions { display: flex; gap: 10px; justify-content: flex-end; flex-wrap: wrap; margin-top: 14px; }
.actions button { font: inherit; padding: 8px 14px; border-radius: 6px; border: 1px solid #8a94a8; cursor: pointer; }
.actions .cancel { background: #0b57d0; color: #fff; border-color: #0b57d0; font-weight: 600; }
.actions .proceed { background: transparent; color: inherit; }
.dialog .again { font-size: 12px; margin: 8px 0 0; text-align: end; }
button:focus-visible, input:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .dialog::backdrop { background: rgba(0,0,0,.6); }
  .actions .cancel { background: #8ab4f8; color: #10141c; border-color: #8ab4f8; }
}`;

  // The dialog for a guard, built but not shown: built as soon as the control is pressed, so
  // that if building fails the press goes on to the site untouched.
  function buildDialog(guard) {
    const { ui, i18n } = DG;
    const t = (m) => i18n.t(m.key, m.args || []);
    const w = guard.dialog || { lines: [] };
    const host = ui.el('div', { 'data-dg-ui': 'dialog' });
    // Our host may sit in the site's popup: no style of the site's may hide it.
    host.style.setProperty('display', 'contents', 'important');
    const root = host.attachShadow({ mode: 'open' });
    const dialog = ui.el('dialog', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dg-title', 'aria-describedby': 'dg-body',
      'data-dg-dialog': guard.kind, class: `dg ${w.tone || 'warn'} dialog`, lang: i18n.uiLang() });
    if (typeof dialog.showModal !== 'function') throw new Error('no modal dialogs here');
    if (w.state) dialog.setAttribute('data-dg-state', w.state);
    const [title, ...rest] = w.lines;
    const heading = ui.el('h2', { id: 'dg-title' });
    heading.append(ui.el('span', { class: 'brand' }, i18n.t('extName')), ui.el('span', {}, title ? t(title) : ''));
    const body = ui.el('div', { id: 'dg-body' });
    for (const m of rest) body.append(ui.el('p', {}, t(m)));
    dialog.append(heading, body);
    // Questions worth asking oneself: ticking them is never required to go on.
    if (w.checks && w.checks.length) {
      const list = ui.el('ul', { class: 'checks' });
      w.checks.forEach((m, i) => {
        const box = ui.el('input', { type: 'checkbox', id: `dg-check-${i}`, 'data-dg-check': m.key });
        const label = ui.el('label', { for: `dg-check-${i}` });
        label.append(box, ui.el('span', {}, t(m)));
        const li = ui.el('li');
        li.append(label);
        list.append(li);
      });
      dialog.append(list);
    }
    const row = ui.el('div', { class: 'actions' });
    const cancel = ui.el('button', { type: 'button', 'data-dg-action': 'cancel', class: 'cancel', autofocus: '' }, i18n.t(guard.cancel_key || 'guardCancel'));
    const go = ui.el('button', { type: 'button', 'data-dg-action': 'proceed', class: 'proceed' }, i18n.t(guard.proceed_key || 'guardProceed'));
    row.append(cancel, go);
    // The site may act on trusted events only and ignore the replay: the shopper then clicks again.
    dialog.append(row, ui.el('p', { class: 'again', 'data-dg-part': 'proceed-again' }, i18n.t(guard.again_key || 'guardConfirmAgain')));
    const style = ui.style();
    style.textContent += STYLE;
    root.append(style, dialog);
    cancel.addEventListener('click', () => close('cancel'));
    go.addEventListener('click', ev => {
      if (ev.isTrusted) {
        const r = go.getBoundingClientRect();
        afterProceed = { until: Date.now() + 600, rect: { left: r.left, right: r.right, top: r.top, bottom: r.bottom } };
      }
      close('proceed');
    });
    // A click on the backdrop is a click on the <dialog> itself, outside its box: "not yet".
    dialog.addEventListener('click', ev => {
      if (ev.target !== dialog) return;
      const r = dialog.getBoundingClientRect();
      if (ev.clientX < r.left || ev.clientX > r.right || ev.clientY < r.top || ev.clientY > r.bottom) close('cancel');
    });
    // Closed by the browser (a close request): as "not yet".
    dialog.addEventListener('cancel', ev => { ev.preventDefault(); if (open && open.dialog === dialog) close('cancel'); });
    dialog.addEventListener('close', () => { if (open && open.dialog === dialog) close('cancel'); });
    for (const type of CONTAINED) host.addEventListener(type, ev => ev.stopPropagation());
    return { host, root, dialog, cancel, guard };
  }

  // The nearest open popover holding the control: our dialog goes inside it, since showing a
  // modal dialog elsewhere would close the site's popover (and a click in ours would dismiss it).
  function popoverOf(el) {
    for (let n = el; n;) {
      try { if (n.matches(':popover-open')) return n; } catch { return null; }
      const up = n.parentElement || n.parentNode;
      n = up instanceof ShadowRoot ? up.host : up && up.nodeType === 1 ? up : null;
    }
    return null;
  }

  // Shown where the shopper can see and use it: on top at its centre.
  function usable(dialog, root, host) {
    if (!dialog.open) return false;
    const r = dialog.getBoundingClientRect();
    const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth), top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
    if (right - left < 1 || bottom - top < 1) return false;
    const x = (left + right) / 2, y = (top + bottom) / 2;
    if (typeof root.elementFromPoint !== 'function') return document.elementFromPoint(x, y) === host;
    const hit = root.elementFromPoint(x, y);
    return !!hit && (hit === dialog || dialog.contains(hit));
  }

  const deepActive = () => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  // Shows the dialog; false when it cannot be shown and used (then the activation passes).
  function showDialog(built, el, origin) {
    const { host, root, dialog, cancel, guard } = built;
    const restoreFocus = deepActive();
    (popoverOf(el) || document.documentElement).append(host);
    try {
      dialog.showModal();
      if (!usable(dialog, root, host)) throw new Error('the dialog cannot be seen on top');
    } catch (e) {
      try { if (dialog.open) dialog.close(); } catch { /* gone */ }
      host.remove();
      report(e);
      return false;
    }
    open = { host, root, dialog, cancel, el, guard, origin, restoreFocus };
    document.addEventListener('focusin', keepFocus, true);
    cancel.focus({ preventScroll: true });
    return true;
  }

  // A guarded control being pressed: its dialog built in advance, or `broken` (fail open).
  function arm(el, guard) {
    if (armed && armed.el === el && armed.guard === guard) return armed;
    try { armed = { el, guard, built: buildDialog(guard) }; } catch (e) { report(e); armed = { el, guard, broken: true }; }
    return armed;
  }

  const focusables = () => open ? [...open.dialog.querySelectorAll('input, button')] : [];

  // Focus stays in the dialog while it is open.
  function keepFocus(ev) {
    if (!current() || inDialog(ev)) return;
    open.cancel.focus({ preventScroll: true });
  }

  function dialogKey(ev) {
    if (ev.key === 'Escape') { ev.preventDefault(); ev.stopImmediatePropagation(); close('cancel'); return true; }
    if (ev.key !== 'Tab') return false;
    const list = focusables();
    const i = list.indexOf(open.root.activeElement);
    ev.preventDefault();
    ev.stopImmediatePropagation();
    const next = i < 0 ? 0 : (i + (ev.shiftKey ? list.length - 1 : 1)) % list.length;
    list[next].focus();
    return true;
  }

  function stop(ev) { ev.preventDefault(); ev.stopImmediatePropagation(); }

  function intercept(ev, origin) {
    if (inReplay(ev)) return;
    const el = guardedTarget(ev);
    if (!el) return;
    // One question at a time, and none while a proceed waits for the page: a second dialog for
    // the same order would let it through twice.
    if (current() || proceeding.size) { stop(ev); return; }
    const guard = guardOf(el);
    if (graceFor(el, guard, ev.isTrusted)) return;
    if (!alive() || !DG.ui || !DG.i18n) return;  // broken: the page works as without us
    const ready = arm(el, guard);
    armed = null;
    if (ready.broken) return;                   // could not build the dialog: let it through
    let shown = false;
    try { shown = showDialog(ready.built, el, origin); } catch (e) {
      if (open) { try { dispose(open); } catch { /* already gone */ } open = null; }
      report(e);
    }
    if (!shown) return;                         // cannot be seen or used: let it through
    stop(ev);
    if (origin.kind === 'key') keyHeld = { key: origin.key, until: Date.now() + 5000 };
  }

  // The second click of a double click on "proceed" lands on whatever is behind it once the
  // dialog is gone (maybe the site's own confirm popup): it is not a new decision.
  function restOfDoubleClick(ev) {
    if (!afterProceed || !ev.isTrusted) return false;
    if (Date.now() > afterProceed.until) { afterProceed = null; return false; }
    const r = afterProceed.rect, x = ev.clientX, y = ev.clientY;
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  function onClick(ev) {
    current();
    if (inDialog(ev)) return;
    if (restOfDoubleClick(ev)) { stop(ev); return; }
    intercept(ev, { kind: 'click', x: ev.clientX, y: ev.clientY, ctrl: ev.ctrlKey, shift: ev.shiftKey, alt: ev.altKey, meta: ev.metaKey });
  }

  function onPointer(ev) {
    current();
    if (inDialog(ev) || inReplay(ev)) return;
    if (restOfDoubleClick(ev) || open) { ev.stopImmediatePropagation(); return; }
    const el = guardedTarget(ev);
    if (!el || !alive() || !DG.ui || !DG.i18n) return;
    if (proceeding.size) { ev.stopImmediatePropagation(); return; }
    const guard = guardOf(el);
    if (graceFor(el, guard, ev.isTrusted)) return;
    if (arm(el, guard).broken) return;
    // Not prevented (the browser still makes the click the guard asks about), only kept from
    // the site, which may act on pointerup or mouseup rather than click.
    ev.stopImmediatePropagation();
  }

  function onKey(ev) {
    if (inReplay(ev)) return;
    // The keyup of a key held back (it comes up on whatever has focus now, maybe our dialog's
    // button): not a choice, and not for the site either.
    if (ev.type === 'keyup' && keyHeld && keyHeld.key === ev.key) {
      const mine = Date.now() < keyHeld.until;
      keyHeld = null;
      if (mine) { stop(ev); return; }
    }
    if (current()) {
      if (ev.type === 'keydown' && dialogKey(ev)) return;
      // While the dialog is open, the page behind it receives no activation at all.
      if (!inDialog(ev) && (ev.key === 'Enter' || ev.key === ' ')) stop(ev);
      return;
    }
    if (ev.type !== 'keydown' || (ev.key !== 'Enter' && ev.key !== ' ')) return;
    intercept(ev, { kind: 'key', key: ev.key, code: ev.code });
  }

  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('keyup', onKey, true);
  for (const type of POINTER) window.addEventListener(type, onPointer, { capture: true, passive: true });

  // idle: resolves once every proceed so far has replayed or told the shopper (the tests wait
  // on it before saying what the site did not see).
  DG.guard = { isOpen: () => !!current(), idle: () => Promise.all([...proceeds]).then(() => true) };
})();
