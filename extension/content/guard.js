// Guards: controls the core marked (data-dg-guard) ask the shopper first. Listeners are on
// window in the capture phase, installed at document_start, so they run before the site's.
// - cancel (or Escape): the site never sees the activation;
// - proceed: the site sees the original activation exactly once, replayed on the same control
//   or, when the site re-rendered it meanwhile, on its twin;
// - anything wrong on our side (extension reloaded, a rendering error): the activation goes
//   through untouched, as if the extension were not there.
// The dialog's words come from the core (plan.rs Guard); nothing here knows the site.
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  let open = null;          // the dialog shown: { host, root, dialog, el, guard, origin, restoreFocus }
  let replaying = null;     // the element whose replayed activation must pass
  let afterProceed = null;  // { until, rect }: the rest of a double click on "proceed" is swallowed
  let armed = null;         // { el, guard, built | broken }: a guarded control being pressed
  let keyHeld = null;       // { key, until }: a key whose keydown was kept from the site: its keyup is too
  const passes = [];        // { kind, order, popup, until }: activations allowed without asking
  const PASS_MS = 60_000;
  const TWIN_WAIT_MS = 3000;
  // Pointer events on a guarded control are kept from the site (a site may act on mouseup or
  // pointerup rather than click) and replayed with the click after "proceed".
  const POINTER = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'touchstart', 'touchend'];

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

  const inReplay = ev => replaying && ev.composedPath().includes(replaying);
  const inDialog = ev => open && ev.composedPath().includes(open.host);

  // A pass lets one activation through without asking: the site's own "are you sure?" popup
  // right after a proceed, or the control the site re-rendered before proceed could reach it.
  function findPass(guard) {
    const now = Date.now();
    for (let i = passes.length - 1; i >= 0; i--) if (passes[i].until <= now) passes.splice(i, 1);
    return passes.findIndex(p => p.kind === guard.kind && (guard.site_popup
      ? p.popup && (p.order == null || guard.order == null || p.order === guard.order)
      : !p.popup && p.order === guard.order));
  }

  const hasPass = guard => findPass(guard) >= 0;

  function takePass(guard) {
    const i = findPass(guard);
    if (i >= 0) passes.splice(i, 1);
    return i >= 0;
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

  // The control to replay on: the original, else the one the site put in its place, which the
  // core has marked for the same order. Never a look-alike: on a list, every card's button looks
  // the same, and the wrong one would confirm another order.
  function replayTarget(el, guard) {
    if (el.isConnected) return el;
    const marked = [...document.querySelectorAll(`[data-dg-guard="${guard.kind}"]`)]
      .filter(n => { const g = guardOf(n); return g && g.order === guard.order && g.site_popup === guard.site_popup; });
    return marked.length === 1 ? marked[0] : null;
  }

  async function proceed({ el, guard, origin }) {
    // The site's own "are you sure?" popup that follows must not ask again.
    if (!guard.site_popup) passes.push({ kind: guard.kind, order: guard.order ?? null, popup: true, until: Date.now() + PASS_MS });
    let target = replayTarget(el, guard);
    // Replaced while the dialog was open and not read yet: give the page a moment.
    for (const start = Date.now(); !target && Date.now() - start < TWIN_WAIT_MS;) {
      await new Promise(r => setTimeout(r, 50));
      target = replayTarget(el, guard);
    }
    if (target) { replay(target, origin); return; }
    // Nothing certain to replay on: never guess; the next activation of this control passes.
    passes.push({ kind: guard.kind, order: guard.order ?? null, popup: false, until: Date.now() + PASS_MS });
    DG.notify?.(DG.i18n.t('guardPageChanged'));
  }

  function close(result) {
    if (!open) return;
    const o = open;
    open = null;
    o.host.remove();
    document.removeEventListener('focusin', keepFocus, true);
    if (result === 'proceed') {
      proceed(o).catch(report);
    } else if (o.restoreFocus && o.restoreFocus.isConnected && o.restoreFocus.focus) {
      o.restoreFocus.focus({ preventScroll: true });
    }
  }

  const STYLE = `
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 2147483646; }
.dialog { position: fixed; z-index: 2147483647; left: 50%; top: 50%; transform: translate(-50%, -50%); margin: 0;
  width: min(34em, calc(100vw - 2em)); box-sizing: border-box; max-height: calc(100vh - 2em); overflow: auto;
  padding: 16px 20px; box-shadow: 0 8px 30px rgba(0,0,0,.35); font-size: 15px; border-radius: 10px; }
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
button:focus-visible, input:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .backdrop { background: rgba(0,0,0,.6); }
  .actions .cancel { background: #8ab4f8; color: #10141c; border-color: #8ab4f8; }
}`;

  // The dialog for a guard, built but not shown: built as soon as the control is pressed, so
  // that if building fails the press goes on to the site untouched.
  function buildDialog(guard) {
    const { ui, i18n } = DG;
    const t = (m) => i18n.t(m.key, m.args || []);
    const w = guard.dialog || { lines: [] };
    const host = ui.el('div', { 'data-dg-ui': 'dialog' });
    const root = host.attachShadow({ mode: 'open' });
    const dialog = ui.el('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dg-title', 'aria-describedby': 'dg-body',
      'data-dg-dialog': guard.kind, class: `dg ${w.tone || 'warn'} dialog`, tabindex: '-1', lang: i18n.uiLang() });
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
    const cancel = ui.el('button', { type: 'button', 'data-dg-action': 'cancel', class: 'cancel' }, i18n.t(guard.cancel_key || 'guardCancel'));
    const go = ui.el('button', { type: 'button', 'data-dg-action': 'proceed', class: 'proceed' }, i18n.t(guard.proceed_key || 'guardProceed'));
    row.append(cancel, go);
    dialog.append(row);
    const style = ui.style();
    style.textContent += STYLE;
    const backdrop = ui.el('div', { class: 'backdrop' });
    root.append(style, backdrop, dialog);
    cancel.addEventListener('click', () => close('cancel'));
    go.addEventListener('click', ev => {
      if (ev.isTrusted) {
        const r = go.getBoundingClientRect();
        afterProceed = { until: Date.now() + 600, rect: { left: r.left, right: r.right, top: r.top, bottom: r.bottom } };
      }
      close('proceed');
    });
    backdrop.addEventListener('click', () => close('cancel'));
    return { host, root, dialog, cancel, guard };
  }

  function showDialog(built, el, origin) {
    const { host, root, dialog, cancel, guard } = built;
    document.documentElement.append(host);
    open = { host, root, dialog, el, guard, origin, restoreFocus: document.activeElement };
    document.addEventListener('focusin', keepFocus, true);
    cancel.focus({ preventScroll: true });
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
    if (!open || inDialog(ev)) return;
    const first = focusables().find(b => b.getAttribute('data-dg-action') === 'cancel');
    first && first.focus({ preventScroll: true });
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
    if (open) { stop(ev); return; }             // one question at a time
    const guard = guardOf(el);
    if (takePass(guard)) return;
    if (!alive() || !DG.ui || !DG.i18n) return;  // broken: the page works as without us
    const ready = arm(el, guard);
    armed = null;
    if (ready.broken) return;                   // could not build the dialog: let it through
    try { showDialog(ready.built, el, origin); } catch (e) {
      if (open) { try { open.host.remove(); } catch { /* already gone */ } open = null; }
      report(e);
      return;
    }
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
    if (open && !open.host.isConnected) open = null;   // the page removed our dialog: start over
    if (inDialog(ev)) return;
    if (restOfDoubleClick(ev)) { stop(ev); return; }
    intercept(ev, { kind: 'click', x: ev.clientX, y: ev.clientY, ctrl: ev.ctrlKey, shift: ev.shiftKey, alt: ev.altKey, meta: ev.metaKey });
  }

  function onPointer(ev) {
    if (inDialog(ev) || inReplay(ev)) return;
    if (restOfDoubleClick(ev) || open) { ev.stopImmediatePropagation(); return; }
    const el = guardedTarget(ev);
    if (!el || !alive() || !DG.ui || !DG.i18n) return;
    const guard = guardOf(el);
    if (hasPass(guard)) return;
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
    if (open && !open.host.isConnected) open = null;
    if (open) {
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

  DG.guard = { isOpen: () => !!open };
})();
