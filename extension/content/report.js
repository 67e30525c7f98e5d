// "Report a misread page": on every page the extension reads, a small control that turns the
// page into a file for a bug report. The core (page_report.rs, in the service worker) keeps the
// page's structure, the site's words and what the extension read, and replaces everything of
// the shopper's; the shopper sees what the file holds before saving it. Nothing is sent.
// The popup asks for the same file for its tab (a 'report-page' message).
// @uses DG.i18n, DG.ui, DG.reportPreview, DG.snapshot
// @provides DG.report
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  let host = null;       // the widget's host element, once offered
  let offered = false;   // this page is one the core reads (not 'other')

  // Below the order's notice when there is one (where the shopper looks when it is wrong),
  // else at the end of the page: in the page's flow, never over the site's controls.
  const ANCHORS = '[data-dg-ui="dispute-notice"], [data-dg-ui="dispute-timeline"], [data-dg-ui="order-timeline"], [data-dg-ui="dispute-guide"]';

  const STYLE = `
.dg[data-dg-widget="page-report"] { display: block; max-width: 46em; font-size: 12px; padding: 4px 8px; }
.dg[data-dg-widget="page-report"] button { font: inherit; margin-left: 6px; cursor: pointer; }
.dg .line { margin: 0; }`;

  function t(key, args) { return DG.i18n.t(key, args); }

  function offerLine(box) {
    const p = DG.ui.el('p', { class: 'line' });
    p.append(DG.ui.el('span', { class: 'brand' }, t('extName')), t('reportOffer'));
    const b = DG.ui.el('button', { type: 'button', 'data-dg-action': 'report-page' }, t('reportPage'));
    b.addEventListener('click', () => showPreview(box).catch(e => failed(box, e)));
    p.append(b);
    box.replaceChildren(p);
    return b;
  }

  // The page's kind, and whether to show the control (the options can switch it off; the
  // popup's report of this tab stays), come from the core: called after every read.
  function offer(kind, shown) {
    if (kind === 'other' || !kind) return;
    offered = true;
    if (!shown) { if (host) { host.remove(); host = null; } return; }
    if (host && host.isConnected) return;
    if (!document.body) return;
    host = DG.ui.el('div', { 'data-dg-ui': 'page-report' });
    const root = host.attachShadow({ mode: 'open' });
    const s = DG.ui.style();
    s.textContent += STYLE + DG.reportPreview.STYLE;
    const box = DG.ui.el('div', { class: 'dg info', 'data-dg-widget': 'page-report', role: 'note', lang: DG.i18n.uiLang() });
    root.append(s, box);
    offerLine(box);
    const anchor = document.querySelector(ANCHORS);
    if (anchor) anchor.after(host); else document.body.append(host);
  }

  // The report of the page as it is now (JSON text), made by the core in the service worker.
  function makeReport() {
    const { snap } = DG.snapshot.full();
    return new Promise((resolve, reject) => {
      chrome.runtime.sendMessage({ type: 'page-report', snapshot: JSON.stringify(snap), now: DG.snapshot.localNow() }, reply => {
        const err = chrome.runtime.lastError;
        if (err || !reply || reply.error || typeof reply.report !== 'string') reject(new Error(err ? err.message : reply ? reply.error : 'no answer'));
        else resolve(reply.report);
      });
    });
  }

  // Saves text as a download, from the page (nothing leaves the computer). The link lives in
  // our shadow root, so the page's own elements are not touched.
  function saveFile(root, name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = DG.ui.el('a', { href: url, download: name, hidden: '' });
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function showPreview(box) {
    box.replaceChildren(DG.ui.el('p', { class: 'line', role: 'status' }, t('reportWorking')));
    const text = await makeReport();
    const report = JSON.parse(text);
    const status = DG.ui.el('p', { class: 'note', role: 'status' });
    const { section, save } = DG.reportPreview.render(box, report, {
      t,
      onSave: name => { saveFile(box.getRootNode(), name, text); status.textContent = t('reportSaved', [name]); },
      onClose: () => offerLine(box).focus(),
    });
    section.append(status);
    save.focus({ preventScroll: true });
  }

  function failed(box, e) {
    try { chrome.runtime.sendMessage({ type: 'log', message: 'report: ' + String(e && e.message).slice(0, 400) }); } catch { /* gone */ }
    box.replaceChildren(DG.ui.el('p', { class: 'line', role: 'alert' }, t('reportFailed')));
  }

  // The popup's "Report a misread page" for this tab: the file, for the popup to show and save.
  try {
    chrome.runtime.onMessage.addListener((msg, sender, reply) => {
      if (!msg || msg.type !== 'report-page') return false;
      if (!offered) { reply({ error: 'not-read' }); return false; }
      makeReport().then(report => reply({ report }), e => reply({ error: String(e && e.message) }));
      return true;
    });
  } catch { /* not in an extension context */ }

  DG.report = { offer };
})();
