// The service worker: runs the core for pages (whatever their CSP), keeps the memory of orders,
// the toolbar badge, the reminders and their alarms. Listeners are registered synchronously,
// as MV3 requires.
import { analysePage } from './sw/page_analysis.js';
import { getCore } from './sw/core.js';
import { forgetEverything, getSettings, importAll, updateMemory } from './sw/storage.js';
import { browserLocale, messagesFor } from './sw/messages.js';
import { refreshToolbar, scheduleRefresh } from './sw/toolbar.js';
import { openNotification } from './sw/reminders.js';
import { ensureAlarms, onAlarm } from './sw/alarms.js';
import { EVIDENCE_MESSAGES, answerEvidence } from './sw/evidence.js';
import { answerCheckOrders, noteAnalysed, startCheckOrders } from './sw/check_orders.js';
import { pageReport } from './sw/page_report.js';

// Requests from the popup and options page: every change to stored data goes through here, in
// one queue (sw/storage.js). Each answers { ok } or { error }.
const pageRequests = {
  // Resolve / hide / forget one order: { change: {op, id, value} }.
  async change(msg) {
    const core = await getCore();
    const c = msg.change || {};
    await updateMemory(memory => core.change_memory(memory, String(c.op), String(c.id ?? ''), !!c.value));
    return { ok: true };
  },
  // Import an export file's text: all or nothing (the core reads and checks all of it, then
  // sw/storage.js importAll switches in one write, or says why not).
  async import(msg) {
    const core = await getCore();
    const r = JSON.parse(core.import_data(String(msg.text ?? '')));
    if (r.error) return { error: r.error };
    return importAll(r.memory, r.settings);
  },
  // Forget everything: orders, reminders shown, settings, what was set aside.
  async forget() {
    await forgetEverything();
    return { ok: true };
  },
};

// The popup and the options page, not a content script in an AliExpress page.
const ownPage = sender => sender.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg && msg.type === 'log' && typeof msg.message === 'string') {
    console.warn('Dispute Guard (page):', msg.message.slice(0, 500));
    return false;
  }
  if (msg && EVIDENCE_MESSAGES.has(msg.type)) {
    // Evidence checks and the dispute assistant; the page fails open on an error.
    answerEvidence(msg).then(sendResponse, e => sendResponse({ error: String(e && e.message) }));
    return true;
  }
  // "Report a misread page" (content/report.js): the page's snapshot in, the file out.
  if (msg && msg.type === 'page-report' && typeof msg.snapshot === 'string') {
    pageReport(msg).then(report => sendResponse({ report }), e => sendResponse({ error: String(e && e.message) }));
    return true;
  }
  // A content script asks for the shopper's chosen language (null: the browser's).
  if (msg && msg.type === 'messages') {
    getSettings().then(async s => {
      const messages = await messagesFor(s.language);
      // Without a chosen language, the table of the browser's, as chrome.i18n would pick it.
      const browserMessages = messages ? null : await messagesFor(browserLocale());
      sendResponse({ lang: messages ? s.language : null, messages, browserMessages });
    }).catch(() => sendResponse({ lang: null, messages: null }));
    return true;
  }
  // Only the extension's own pages may change stored data.
  if (msg && msg.type === 'toolbar' && ownPage(sender) && Object.hasOwn(pageRequests, msg.action)) {
    pageRequests[msg.action](msg).then(sendResponse, e => sendResponse({ error: { key: 'popupError', args: [] }, detail: String(e && e.message) }));
    return true;
  }
  // "Check my orders": start, cancel, or what the popup and the list bar show.
  if (msg && msg.type === 'check-orders') {
    answerCheckOrders(msg, sender).then(sendResponse, e => sendResponse({ error: String(e && e.message) }));
    return true;
  }
  return false;
});

// Page reads: a content script's snapshot in, the plan out, on the port it keeps open
// (content/main.js); each answer carries its read's id.
function answerAnalyse(msg) {
  if (!msg || msg.type !== 'analyse' || typeof msg.snapshot !== 'string') return Promise.resolve({ error: 'not a page read' });
  const started = performance.now();
  return analysePage(msg).then(plan => ({ plan, coreMs: performance.now() - started }), e => {
    // One line in the extension's console; the page stays as it was.
    console.warn('Dispute Guard: page not analysed:', e && e.message);
    return { error: String(e && e.message) };
  });
}
chrome.runtime.onConnect.addListener(port => {
  if (port.name !== 'dg-analyse') return;
  port.onMessage.addListener(msg => {
    answerAnalyse(msg).then(reply => {
      try { port.postMessage({ ...reply, id: msg && msg.id }); } catch { /* the page went away */ }
      if (reply.plan) noteAnalysed(port.sender, msg, reply.plan);   // a page "Check my orders" opened?
    });
  });
});

const refresh = () => refreshToolbar().catch(e => console.warn('Dispute Guard: toolbar not updated:', e && e.message));
// The alarms and the badge do not wait for each other: on a browser start the badge is what the
// shopper sees first.
const start = () => Promise.all([ensureAlarms().catch(e => console.warn('Dispute Guard: alarms not set:', e && e.message)), refresh()]);

chrome.runtime.onInstalled.addListener(start);
chrome.runtime.onStartup.addListener(start);
chrome.alarms.onAlarm.addListener(alarm => onAlarm(alarm).catch(e => console.warn('Dispute Guard: alarm failed:', e && e.message)));
chrome.notifications.onClicked.addListener(id => {
  if (id.startsWith('dg-reminder|')) openNotification(id).catch(e => console.warn('Dispute Guard: order not opened:', e && e.message));
});
// Orders read, changed in the popup, imported or forgotten; settings changed: recompute.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ('settings' in changes || 'orders' in changes)) scheduleRefresh();
});
// The core compiles while the worker reads its alarms and storage (a failed start is retried by
// whoever needs the core next).
getCore().catch(() => {});
// A service worker that was stopped starts again for an event: the day may have changed since.
start();
// …and a check of the orders that was under way goes on.
startCheckOrders();
