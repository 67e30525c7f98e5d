// The extension's widgets in the page, each in an open shadow root so that the page's styles
// cannot reach them and theirs cannot reach the page. Built with textContent only: page text
// (a button's label quoted in a notice) is never markup.
// Widgets sit in the page's flow (a badge at the end of an order card, a notice at the top of
// an order): they push content down a little and never cover the site's controls.
// @uses DG.i18n, DG.timelineView
// @provides DG.ui, DG.notify
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  const STYLE = `
:host { all: initial; display: block; }
.dg { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; background: #f4f6fb;
  border: 1px solid #c9d2e3; border-left: 4px solid #5b6b8c; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.dg p { margin: 2px 0; }
.dg .first { font-weight: 600; }
.dg .brand { font-weight: 400; font-size: 11px; color: #5b6b8c; margin-right: 6px; letter-spacing: .02em; }
.dg a { color: #0b57d0; }
.dg.good { border-left-color: #1e8e3e; } .dg.warn { border-left-color: #e37400; background: #fff8ec; }
.dg.danger { border-left-color: #d93025; background: #fdeceb; }
.dg[data-dg-widget="order-badge"] { display: inline-block; max-width: 46em; font-size: 12px; padding: 4px 8px; margin: 6px 0 2px; }
.dg[data-dg-widget="order-badge"] p:not(.first) { color: #46506a; }
.dg[data-dg-widget="dispute-guide"] { max-width: 60em; margin: 8px; }
.dg .notes { font-size: 11px; color: #5b6b8c; }
@media (prefers-color-scheme: dark) {
  .dg { color: #e8eaf0; background: #1f2430; border-color: #3a4254; }
  .dg.warn { background: #33291a; } .dg.danger { background: #3a1f1f; } .dg a { color: #8ab4f8; }
  .dg .brand, .dg .notes { color: #a9b4cc; } .dg[data-dg-widget="order-badge"] p:not(.first) { color: #c3c9d6; }
}`;

  // Only the shop's own pages, never script or other sites (the core's SHOP_DOMAINS; a copy kept
  // equal by tests/e2e/one_rule.test.js).
  function safeHref(href) {
    try {
      const u = new URL(href, location.href);
      const host = u.hostname;
      const ours = /(^|\.)aliexpress\.(com|ru|us)$/.test(host);
      return (u.protocol === 'https:' || u.protocol === 'http:') && ours ? u.href : null;
    } catch { return null; }
  }

  function el(tag, attrs = {}, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  }

  function style() { const s = document.createElement('style'); s.textContent = STYLE; return s; }

  // One stylesheet shared by every widget's shadow root: parsed once, not once per order card
  // (a list of thousands of orders gets thousands of badges). Where constructed stylesheets are
  // not available to the content script, each widget carries its own <style>.
  let shared;
  function styleInto(root) {
    if (shared === undefined) {
      try { shared = new CSSStyleSheet(); shared.replaceSync(STYLE); } catch { shared = null; }
    }
    if (shared) {
      try {
        root.adoptedStyleSheets = [shared];
        if (root.adoptedStyleSheets.length === 1) return [];
      } catch { /* not adoptable here */ }
      shared = null;
    }
    return [style()];
  }

  // Widgets take room in the page, so each one inserted makes the page lay out again. On a list
  // of thousands of orders that would cost the page seconds: of the widgets there is one of per
  // order card, the first ones are drawn at once, the others when they come near the screen, and
  // all share one stylesheet. Other widgets are drawn at once with their own <style> (callers may
  // extend it).
  const PER_CARD = new Set(['order-badge']);
  const EAGER = 12;          // about a screenful of cards: drawn with the plan, the rest on approach
  let drawn = 0;
  let watcher = null;
  const waiting = new WeakMap();   // host -> draw()
  function nearScreen(entries) {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      watcher.unobserve(e.target);
      const draw = waiting.get(e.target);
      waiting.delete(e.target);
      if (draw) draw();
    }
  }

  // Widgets that scripts loaded after this one draw themselves (check_bar.js: 'check-orders',
  // from the service worker's view), registered by them: this script names none of them.
  const drawers = new Map();   // component -> fn(root, widget)

  // A widget from the core: { component, tone, state?, lines: [{key,args}], notes?, links? }.
  function render(root, w) {
    const drawer = drawers.get(w.component);
    if (drawer) { drawer(root, w); return; }
    const draw = () => {
      const t = DG.i18n.t;
      const box = el('div', { class: `dg ${w.tone || 'info'}`, 'data-dg-widget': w.component, role: 'note', lang: DG.i18n.uiLang() });
      if (w.state) box.setAttribute('data-dg-state', w.state);
      // A timeline on its own (the notice switched off) is headed like a notice.
      const lines = w.lines.length || !w.timeline ? w.lines : [{ key: 'timelineTitle' }];
      lines.forEach((m, i) => {
        const p = el('p', i === 0 ? { class: 'first' } : {});
        // Says whose note this is, so nobody takes it for the shop's own text.
        if (i === 0) p.append(el('span', { class: 'brand' }, t('extName')));
        p.append(document.createTextNode(t(m.key, m.args)));
        box.append(p);
      });
      // The order's dates as a picture (content/timeline_view.js).
      if (w.timeline && DG.timelineView) box.append(DG.timelineView.build(w.timeline, { t, message: DG.i18n.message, el, legend: true }));
      // Small print: where a date comes from.
      if (w.notes && w.notes.length) box.append(el('p', { class: 'notes' }, w.notes.map(m => t(m.key, m.args)).join(' · ')));
      for (const l of w.links || []) {
        const href = safeHref(l.href);
        if (!href) continue;
        const p = el('p');
        p.append(el('a', { href, target: '_blank', rel: 'noopener' }, t(l.key)));
        box.append(p);
      }
      const styles = PER_CARD.has(w.component) ? styleInto(root) : [style()];
      if (w.timeline && DG.timelineView) { const s = style(); s.textContent = DG.timelineView.STYLE; styles.push(s); }
      root.replaceChildren(...styles, box);
    };
    if (!PER_CARD.has(w.component) || drawn++ < EAGER || typeof IntersectionObserver !== 'function') { draw(); return; }
    watcher ||= new IntersectionObserver(nearScreen, { rootMargin: '1500px 0px' });
    waiting.set(root.host, draw);
    watcher.observe(root.host);
  }

  // A short message that needs no answer (role=status), gone after a few seconds. A manual
  // popover: in the top layer, seen above the site's own modal dialogs and popovers (and closing
  // none of them).
  function notify(text) {
    const host = el('div', { 'data-dg-ui': 'notice' });
    const root = host.attachShadow({ mode: 'open' });
    const s = style();
    s.textContent += '.toast { position: fixed; z-index: 2147483647; inset: auto 16px 16px auto; margin: 0; max-width: 28em; box-shadow: 0 4px 16px rgba(0,0,0,.3); }';
    const toast = el('div', { class: 'dg warn toast', role: 'status', popover: 'manual' }, text);
    root.append(s, toast);
    document.documentElement.append(host);
    try { toast.showPopover(); } catch { toast.removeAttribute('popover'); }
    setTimeout(() => host.remove(), 8000);
  }

  DG.notify = notify;
  DG.ui = { render, el, style, safeHref, STYLE, drawnBy: (component, fn) => { drawers.set(component, fn); } };
})();
