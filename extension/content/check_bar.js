// The "Check my orders" bar at the top of an order list (CONTRACT.md section 6). The core places it
// (order_check.rs list_bar) like the list badges; what it shows comes from the service worker,
// asked when the bar is drawn and when the tab comes back into view, and pushed by message while
// a run goes on (never chrome.storage.onChanged: every write of the orders would reach the page).
// @uses DG.i18n, DG.ui, DG.checkView, DG.reread
// @provides DG.checkBar
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  const roots = new Set();   // shadow roots of the bars the plans mounted (one is drawn)
  let view = null;

  const STYLE = `
:host { all: initial; display: block; }
.dg { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; background: #f4f6fb;
  border: 1px solid #c9d2e3; border-left: 4px solid #5b6b8c; border-radius: 6px; padding: 6px 10px; margin: 8px 0; }
.dg p { margin: 2px 0; }
.brand { font-size: 11px; color: #5b6b8c; margin-right: 6px; }
.dg-check { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; }
.dg-check > p, .dg-check-status { flex: 1 1 20em; }
progress { flex: 1 1 8em; min-width: 8em; }
button { font: inherit; color: #1d2433; background: #fff; border: 1px solid #9aa6bf; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .dg { color: #e8eaf0; background: #1f2430; border-color: #3a4254; } .brand { color: #a9b4cc; }
  button { color: #e8eaf0; background: #2a3142; border-color: #56607a; } button.primary { background: #8ab4f8; border-color: #8ab4f8; color: #0d1b33; }
}`;

  const drawn = () => { for (const r of roots) if (r.host.isConnected) return r; return null; };

  // The bar is drawn again at every step of a run: its style is parsed once and shared
  // (a constructed stylesheet), where the content script may adopt one.
  let sheet;
  function styled(root) {
    if (sheet === undefined) {
      try { sheet = new CSSStyleSheet(); sheet.replaceSync(STYLE); } catch { sheet = null; }
    }
    if (sheet) {
      try {
        if (root.adoptedStyleSheets[0] !== sheet) root.adoptedStyleSheets = [sheet];
        if (root.adoptedStyleSheets[0] === sheet) return [];
      } catch { /* not adoptable here */ }
      sheet = null;
    }
    const style = DG.ui.el('style');
    style.textContent = STYLE;
    return [style];
  }
  // How long each drawing took (the benchmark reads them; the page cannot).
  const stats = [];

  // Only the shopper's own clicks count: the bar sits in the page, whose scripts can reach it.
  const byShopper = action => e => { if (e.isTrusted) send(action); };

  function send(action) {
    try {
      chrome.runtime.sendMessage({ type: 'check-orders', action }, () => { void chrome.runtime.lastError; ask(); });
    } catch { /* extension reloaded */ }
  }

  function draw() {
    const started = performance.now();
    // A bar the page has removed since it was drawn is forgotten (one being mounted is not
    // in the page yet: it is drawn once it is).
    for (const r of [...roots]) if (!r.host.isConnected && r.dgDrawn) roots.delete(r);
    const root = drawn();
    for (const r of roots) if (r !== root) r.replaceChildren();
    if (!root) return;
    root.dgDrawn = true;
    const { el } = DG.ui;
    const t = DG.i18n.t;
    const content = view && DG.checkView.build(view, { t, message: DG.i18n.message, el, onStart: byShopper('start'), onCancel: byShopper('cancel') });
    if (!content) { root.replaceChildren(...styled(root)); return; }
    const box = el('div', { class: 'dg', 'data-dg-widget': 'check-orders', role: 'region', 'aria-label': t('checkAction'), lang: DG.i18n.uiLang() });
    box.append(el('span', { class: 'brand' }, t('extName')), content);
    // Keep the keyboard where it was when the bar is drawn again (Start becomes Cancel).
    const focused = root.activeElement && root.activeElement.getAttribute('data-dg-action');
    root.replaceChildren(...styled(root), box);
    const again = focused && (root.querySelector(`[data-dg-action="${focused}"]`) || root.querySelector('button'));
    if (again) again.focus();
    stats.push(performance.now() - started);
    if (stats.length > 50) stats.shift();
  }

  // The cards of orders the run has read are read again: their badges then use what the
  // orders' pages said (a few cards, not the whole list).
  const reread = new Set();
  let rereadRun = null;
  function rereadCards() {
    if (!view || !Array.isArray(view.read) || !DG.reread) return;
    if (view.run !== rereadRun) { rereadRun = view.run; reread.clear(); }
    for (const id of view.read) {
      if (reread.has(id) || !/^\d+$/.test(id)) continue;
      reread.add(id);
      for (const card of document.querySelectorAll(`[data-dg-order="${id}"]`)) DG.reread(card);
    }
  }

  function ask() {
    try {
      chrome.runtime.sendMessage({ type: 'check-orders', action: 'view', bar: true }, reply => {
        if (chrome.runtime.lastError || !reply || !reply.view) return;
        view = reply.view;
        draw();
        rereadCards();
      });
    } catch { /* extension reloaded: the bar stays as it was */ }
  }

  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || msg.type !== 'check-orders-view' || sender.id !== chrome.runtime.id) return false;
    view = msg.view;
    draw();
    rereadCards();
    sendResponse({ bar: !!drawn() });
    return false;
  });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible' && drawn()) ask(); });

  // Called by ui.js when a plan mounts the bar.
  DG.ui.drawnBy('check-orders', root => { roots.add(root); queueMicrotask(draw); ask(); });
  DG.checkBar = { stats };
})();
