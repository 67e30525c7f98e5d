// The service worker: runs the core for pages (whatever their CSP), keeps the memory of orders
// and the toolbar badge. Listeners are registered synchronously, as MV3 requires.
import { analysePage, recentSnapshots, settled } from './sw/page_analysis.js';
import { updateBadge } from './sw/badge.js';
import { getCore } from './sw/core.js';
import { EVIDENCE_MESSAGES, answerEvidence, evidenceTestHooks } from './sw/evidence.js';

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg && msg.type === 'log' && typeof msg.message === 'string') {
    console.warn('Dispute Guard (page):', msg.message.slice(0, 500));
    return false;
  }
  if (msg && EVIDENCE_MESSAGES.has(msg.type)) {
    // Evidence checks and the dispute assistant (issue 5); the page fails open on an error.
    answerEvidence(msg).then(sendResponse, e => sendResponse({ error: String(e && e.message) }));
    return true;
  }
  if (!msg || msg.type !== 'analyse' || typeof msg.snapshot !== 'string') return false;
  const started = performance.now();
  analysePage(msg).then(plan => sendResponse({ plan, coreMs: performance.now() - started }), e => {
    // One line in the extension's console; the page stays as it was.
    console.warn('Dispute Guard: page not analysed:', e && e.message);
    sendResponse({ error: String(e && e.message) });
  });
  return true;
});

const refresh = () => updateBadge().catch(e => console.warn('Dispute Guard: badge not updated:', e && e.message));
chrome.runtime.onInstalled.addListener(refresh);
chrome.runtime.onStartup.addListener(refresh);
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'local' && 'settings' in changes) refresh(); });

// For the end-to-end tests (read with serviceWorker.evaluate); nothing here leaves the machine.
globalThis.dgTest = { recentSnapshots, settled, updateBadge, getCore, evidence: evidenceTestHooks };
