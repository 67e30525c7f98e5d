// Loads the core (wasm) once per service-worker life, and once per popup or options page.
// Extension pages and the service worker may always compile wasm ('wasm-unsafe-eval' in the
// manifest's extension_pages CSP).
import init, * as wasm from '../pkg/guard_web.js';

// A start that failed is tried again no sooner than this after it, doubling up to the cap:
// pages ask on every change they make, and each try fetches and compiles the whole module.
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;

let ready = null;
let failures = 0;        // starts failed in a row
let retryAt = 0;         // performance.now() before which no start is tried
let lastError = null;

export function getCore() {
  if (ready) return ready;
  if (failures && performance.now() < retryAt) return Promise.reject(lastError);
  ready = init({ module_or_path: new URL('../pkg/guard_web_bg.wasm', import.meta.url) }).then(() => {
    failures = 0;
    noted = false;
    listen();
    return core;
  }, e => {
    ready = null;
    failures++;
    lastError = e;
    retryAt = performance.now() + Math.min(RETRY_FIRST_MS * 2 ** (failures - 1), RETRY_MAX_MS);
    noteUnavailable(e);
    throw e;
  });
  return ready;
}

// A panic aborts the instance (the release profile), and any other trap (out of bounds, stack
// exhausted) leaves it mid-change too: its memory, allocator and stack pointer are where the
// failure left them, so that instance is never called again. The call that failed throws, and
// whoever asked fails open (a page is left as it is, a toolbar update waits for the next); the
// next call gets a fresh instance of the same compiled module, made synchronously in place by
// the glue's __wbg_reset_state, with its panic hook (Rust: install_panic_hook) and our
// listener set again. What was lost is that call's work only: the core keeps nothing between
// calls (stored data lives in chrome.storage).
const panics = [];        // the last few panic messages, newest last, with when
let panicked = null;      // the message of a panic during the current call
let stale = false;        // the instance trapped: replace it before the next call

function listen() {
  wasm.set_panic_listener(message => {
    panicked = String(message);
    panics.push({ message: panicked, at: new Date().toISOString() });
    if (panics.length > 10) panics.shift();
  });
}

function call(name, f, args) {
  if (stale) {
    wasm.__wbg_reset_state();   // throws if no instance can be made: this call fails, the next tries again
    stale = false;
    listen();
  }
  panicked = null;
  try {
    return f(...args);
  } catch (e) {
    if (!(panicked || e instanceof WebAssembly.RuntimeError || e instanceof RangeError)) throw e;   // an answer (bad input), not a trap
    stale = true;
    const why = panicked || (e && e.message);
    console.error(`Dispute Guard: the core failed in ${name} (${why}); the next call gets a fresh one`);
    throw new Error(`the core failed: ${why}`, { cause: e });
  }
}

// The core's exports, each through `call`.
const core = {};
for (const [name, f] of Object.entries(wasm)) {
  if (typeof f !== 'function' || name === 'default' || name === 'initSync' || name.startsWith('__wbg') || name === 'set_panic_listener') continue;
  core[name] = (...args) => call(name, f, args);
}

// The panics this context saw (newest last): for the console and the tests.
export function corePanics() { return panics.slice(); }

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
