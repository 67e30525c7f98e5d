// "Check my orders" as the popup and the list bar draw it, from the service worker's view of the
// run (sw/check_orders.js checkView): the button with how many orders may need reading, or
// "Reading order K of N…" with a progress bar and Cancel, and what the last run found. Built
// with textContent only. A classic script for the content scripts; the popup imports it too.
// @uses (none)
// @provides DG.checkView
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  // view: { to_read, running, done, total, finished, lines }; ui: { t, message, el, onStart, onCancel }.
  // Returns the element, or null when there is nothing to show.
  function build(view, ui) {
    const { t, message, el } = ui;
    const box = el('div', { class: 'dg-check', 'data-dg-check': view.running ? 'running' : view.finished ? 'done' : 'idle' });
    if (view.running) {
      const n = view.total, k = Math.min(view.done, n);
      // K/N: orders read / to read (CONTRACT.md section 6).
      box.append(el('p', { class: 'dg-check-status', 'data-dg-progress': `${k}/${n}`, role: 'status' }, t('checkReading', [String(Math.min(k + 1, n)), String(n)])));
      const bar = el('progress', { max: String(n), 'aria-label': t('checkProgressLabel') });
      bar.value = k;
      const cancel = el('button', { type: 'button', 'data-dg-action': 'read-all-cancel' }, t('checkCancel'));
      cancel.addEventListener('click', ui.onCancel);
      box.append(bar, cancel);
      return box;
    }
    if (view.finished) {
      const done = el('div', { class: 'dg-check-status', 'data-dg-progress': 'done', role: 'status' });
      for (const line of view.lines) done.append(el('p', {}, message(line)));
      box.append(done);
    }
    if (view.to_read > 0) {
      box.append(el('p', { class: 'dg-check-idle' }, t('checkIdle', [String(view.to_read)])));
      const start = el('button', { type: 'button', class: 'primary', 'data-dg-action': 'read-all' }, t('checkAction'));
      start.addEventListener('click', ui.onStart);
      box.append(start);
    }
    return box.childNodes.length ? box : null;
  }

  DG.checkView = { build };
})();
