// Guards: controls the core marked (data-dg-guard) ask the shopper first. Listeners are on
// window in the capture phase, installed at document_start, so they run before the site's.
// - cancel (or Escape): the site never sees the activation;
// - proceed: the site sees the original activation exactly once (replayed on the same control,
//   or on its re-rendered twin when the site replaced it meanwhile).
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  const state = () => DG.state;

  let open = null;          // the dialog currently shown: { host, el, guard, replay }
  let replaying = null;     // the element whose replayed activation must pass
  const passes = [];        // { kind, order, until }: activations allowed without asking

  function guardOf(node) {
    const s = state();
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

  function hasPass(guard) {
    const now = Date.now();
    const i = passes.findIndex(p => p.until > now && p.kind === guard.kind &&
      (p.order === guard.order || (guard.site_popup && p.anyPopup)));
    if (i < 0) return false;
    if (!passes[i].anyPopup) passes.splice(i, 1);
    return true;
  }

  const isNative = el => /^(BUTTON|A|INPUT|SUMMARY)$/.test(el.tagName);

  function replay(target, origin) {
    replaying = target;
    try {
      if (origin.kind === 'key' && !isNative(target)) {
        for (const type of ['keydown', 'keyup']) {
          target.dispatchEvent(new KeyboardEvent(type, { key: origin.key, code: origin.code, bubbles: true, cancelable: true, composed: true }));
        }
      } else {
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window, detail: 1,
          clientX: origin.x || 0, clientY: origin.y || 0, button: 0, ctrlKey: origin.ctrl, shiftKey: origin.shift,
          altKey: origin.alt, metaKey: origin.meta }));
      }
    } finally { replaying = null; }
  }

  // The control to replay on: the original, or the one the site put in its place.
  function replayTarget(el, guard) {
    if (el.isConnected) return el;
    const twins = [...document.querySelectorAll(`[data-dg-guard="${guard.kind}"]`)]
      .filter(n => { const g = guardOf(n); return g && g.order === guard.order && g.site_popup === guard.site_popup; });
    return twins.length === 1 ? twins[0] : null;
  }

  function close(result) {
    if (!open) return;
    const { host, el, guard, origin, restoreFocus } = open;
    open = null;
    host.remove();
    if (result === 'proceed') {
      // The site's own "are you sure?" popup that follows must not ask again.
      passes.push({ kind: guard.kind, order: null, anyPopup: true, until: Date.now() + 60_000 });
      const target = replayTarget(el, guard);
      if (target) replay(target, origin);
      else {
        passes.push({ kind: guard.kind, order: guard.order, until: Date.now() + 60_000 });
        DG.notify?.(DG.i18n.t('guardPageChanged'));
      }
    } else if (restoreFocus && restoreFocus.isConnected) {
      restoreFocus.focus({ preventScroll: true });
    }
  }

  function showDialog(el, guard, origin) {
    const ui = DG.ui;
    const host = ui.el('div', { 'data-dg-ui': 'dialog' });
    const root = host.attachShadow({ mode: 'open' });
    const titleId = 'dg-dialog-title';
    const dialog = ui.el('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId,
      'data-dg-dialog': guard.kind, class: `dg ${guard.dialog.tone || 'warn'} dialog`, tabindex: '-1' });
    guard.dialog.lines.forEach((m, i) => {
      const p = ui.el(i === 0 ? 'h2' : 'p', i === 0 ? { id: titleId } : {}, DG.i18n.t(m.key, m.args));
      dialog.append(p);
    });
    const row = ui.el('div', { class: 'actions' });
    const cancel = ui.el('button', { type: 'button', 'data-dg-action': 'cancel', class: 'cancel' }, DG.i18n.t('guardCancel'));
    const proceed = ui.el('button', { type: 'button', 'data-dg-action': 'proceed', class: 'proceed' }, DG.i18n.t('guardProceed'));
    row.append(cancel, proceed);
    dialog.append(row);
    const backdrop = ui.el('div', { class: 'backdrop' });
    const style = ui.style();
    style.textContent += `
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 2147483646; }
.dialog { position: fixed; z-index: 2147483647; left: 50%; top: 50%; transform: translate(-50%, -50%);
  max-width: min(34em, calc(100vw - 2em)); max-height: calc(100vh - 2em); overflow: auto; padding: 16px 20px;
  box-shadow: 0 8px 30px rgba(0,0,0,.35); font-size: 15px; }
.dialog h2 { font-size: 17px; margin: 0 0 8px; }
.actions { display: flex; gap: 10px; justify-content: flex-end; flex-wrap: wrap; margin-top: 14px; }
.actions button { font: inherit; padding: 8px 14px; border-radius: 6px; border: 1px solid #8a94a8; cursor: pointer; }
.actions .cancel { background: #0b57d0; color: #fff; border-color: #0b57d0; font-weight: 600; }
.actions .proceed { background: transparent; color: inherit; }
button:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }`;
    root.append(style, backdrop, dialog);
    cancel.addEventListener('click', () => close('cancel'));
    proceed.addEventListener('click', () => close('proceed'));
    backdrop.addEventListener('click', () => close('cancel'));
    // Keep focus inside the dialog; Escape cancels.
    dialog.addEventListener('keydown', ev => {
      if (ev.key === 'Escape') { ev.preventDefault(); close('cancel'); return; }
      if (ev.key !== 'Tab') return;
      const order = [cancel, proceed];
      const i = order.indexOf(root.activeElement);
      ev.preventDefault();
      order[(i + (ev.shiftKey ? order.length - 1 : 1)) % order.length].focus();
    });
    document.documentElement.append(host);
    open = { host, el, guard, origin, restoreFocus: document.activeElement };
    cancel.focus();
  }

  function intercept(ev, origin) {
    if (replaying && ev.composedPath().includes(replaying)) return;   // our own replay
    const el = guardedTarget(ev);
    if (!el) return;
    const guard = guardOf(el);
    if (hasPass(guard)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    if (!open) showDialog(el, guard, origin);
  }

  function onClick(ev) {
    if (open && ev.composedPath().includes(open.host)) return;
    intercept(ev, { kind: 'click', x: ev.clientX, y: ev.clientY, ctrl: ev.ctrlKey, shift: ev.shiftKey, alt: ev.altKey, meta: ev.metaKey });
  }

  function onKey(ev) {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    if (replaying && ev.composedPath().includes(replaying)) return;
    if (open) {
      // While the dialog is open, the page behind it receives no activation at all.
      if (!ev.composedPath().includes(open.host)) { ev.preventDefault(); ev.stopImmediatePropagation(); }
      return;
    }
    if (ev.type === 'keyup') { if (guardedTarget(ev)) { ev.preventDefault(); ev.stopImmediatePropagation(); } return; }
    intercept(ev, { kind: 'key', key: ev.key, code: ev.code });
  }

  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('keyup', onKey, true);

  DG.guard = { isOpen: () => !!open };
})();
