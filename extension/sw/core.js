// Loads the core (wasm) once per service-worker life. Extension pages and the service worker may
// always compile wasm ('wasm-unsafe-eval' in the manifest's extension_pages CSP).
import init, * as core from '../pkg/guard_web.js';

let ready = null;

export function getCore() {
  ready ||= init({ module_or_path: new URL('../pkg/guard_web_bg.wasm', import.meta.url) }).then(() => core, e => {
    ready = null;   // try again on the next request
    throw e;
  });
  return ready;
}

// The shopper's local time, as the core wants it.
export function localNow(d = new Date()) {
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
