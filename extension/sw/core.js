// Loads the core (wasm) once per service-worker life. Extension pages and the service worker may
// always compile wasm ('wasm-unsafe-eval' in the manifest's extension_pages CSP).
import init, * as core from '../pkg/guard_web.js';

let ready = null;

export function getCore() {
  ready ||= init({ module_or_path: new URL('../pkg/guard_web_bg.wasm', import.meta.url) }).then(() => core, e => {
    ready = null;   // try again on the next request
    noteUnavailable(e);
    throw e;
  });
  return ready;
}

// Without its core the extension does nothing to pages (nothing is marked, so no click is held
// back): it says so where the shopper looks, on its toolbar button, and once in its console.
let noted = false;
function noteUnavailable(e) {
  if (noted) return;
  noted = true;
  console.warn('Dispute Guard: the core could not start; pages are left as they are:', e && e.message);
  try {
    const title = chrome.i18n.getMessage('coreUnavailable') || 'Dispute Guard could not start.';
    chrome.action.setBadgeText({ text: '!' });
    chrome.action.setBadgeBackgroundColor({ color: '#5f6368' });
    chrome.action.setTitle({ title });
  } catch { /* not in an extension context */ }
}

// The shopper's local time, as the core wants it.
export function localNow(d = new Date()) {
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
