// Test hooks, in the test build only (dist/extension-test; the shipped extension and its zips
// have none of this, tests/e2e/package.test.js checks): what the end-to-end tests and the
// benchmark read or steer through serviceWorker.evaluate, as globalThis.dgTest. Each works
// from outside the extension's code: its messages, its clock, its own modules' exports.
import { settled } from '../sw/page_analysis.js';
import { showBadge } from '../sw/badge.js';
import { getMemoryJson, getSettings } from '../sw/storage.js';
import { corePanics, getCore, localNow } from '../sw/core.js';
import { onAlarm } from '../sw/alarms.js';
import { openNotification } from '../sw/reminders.js';
import { refreshToolbar } from '../sw/toolbar.js';
import { EVIDENCE_MESSAGES } from '../sw/evidence.js';
import { checkOrdersTestHooks } from '../sw/check_orders.js';

// The last 20 snapshots the pages sent (the snapshot comparison of the content script with the
// Rust one; the benchmark's core-only timing).
const recentSnapshots = [];

// Evidence requests steered: a service worker that never answers (`stall`), answers an error
// (`fail`), answers some message types late (`delay`: type -> ms), or holds the file checks'
// answers until the test calls `release()` (`hold`; `held` counts the requests waiting), so
// that a test can change the page while a check runs.
const evidenceTestHooks = {
  stall: false,
  fail: false,
  delay: {},
  hold: false,
  held: 0,
  waiting: [],
  release() {
    this.hold = false;
    for (const go of this.waiting.splice(0)) go();
    this.held = 0;
  },
};

// How the pages' reads were answered, the last 50: { n, answer } with n counting every read
// of this service worker's life and answer 'plan' or the error.
const pageReads = [];
let pageReadsSeen = 0;

// Page reads come on a port (content/main.js): the extension's connection listener is wrapped so
// that the snapshots are kept (before its own listener sees them) and the answers noted.
const onConnect = chrome.runtime.onConnect;
const addConnectListener = onConnect.addListener.bind(onConnect);
onConnect.addListener = listener => addConnectListener(port => {
  if (port.name === 'dg-analyse') {
    port.onMessage.addListener(msg => {
      if (msg && msg.type === 'analyse' && typeof msg.snapshot === 'string') {
        recentSnapshots.push(msg.snapshot);
        if (recentSnapshots.length > 20) recentSnapshots.shift();
      }
    });
    const post = port.postMessage.bind(port);
    port.postMessage = reply => {
      pageReads.push({ n: ++pageReadsSeen, answer: reply && reply.plan ? 'plan' : String(reply && reply.error) });
      if (pageReads.length > 50) pageReads.shift();
      post(reply);
    };
  }
  return listener(port);
});

const onMessage = chrome.runtime.onMessage;
const addListener = onMessage.addListener.bind(onMessage);
// The extension's own listener (registered after this module runs) is wrapped: evidence
// requests can be held or refused before it sees them, and page reads' answers are noted.
onMessage.addListener = listener => addListener((msg, sender, sendResponse) => {
  if (msg && EVIDENCE_MESSAGES.has(msg.type)) {
    if (evidenceTestHooks.stall) return true;
    if (evidenceTestHooks.fail) { sendResponse({ error: 'core failure (test)' }); return false; }
    const ms = Number(evidenceTestHooks.delay[msg.type]) || 0;
    const held = evidenceTestHooks.hold && msg.type !== 'dispute-assist';
    if (ms > 0 || held) {
      (async () => {
        // timer: a slow core, as a test asked for (the delay is the behaviour under test).
        if (ms > 0) await new Promise(go => setTimeout(go, ms));
        if (held) {
          evidenceTestHooks.held++;
          await new Promise(go => evidenceTestHooks.waiting.push(go));
        }
        listener(msg, sender, sendResponse);
      })();
      return true;
    }
  }
  return listener(msg, sender, sendResponse);
});

// Starts of the core: how many were tried (each fetches the wasm), and a switch that makes
// them fail as a damaged or unreadable module would. The switch is also kept in
// chrome.storage.session, so that a service worker started anew (which starts its core at
// once) sees it before its first start.
const coreStart = { attempts: 0, fail: false };
const sessionRead = chrome.storage.session.get('dgTestCoreStartFails')
  .then(r => { coreStart.fail ||= !!r.dgTestCoreStartFails; }, () => {});
const realFetch = globalThis.fetch;
globalThis.fetch = async function (input, options) {
  if (String(input && input.url || input).endsWith('/pkg/guard_web_bg.wasm')) {
    coreStart.attempts++;
    await sessionRead;
    if (coreStart.fail) throw new TypeError('the core could not be fetched (test switch)');
  }
  return realFetch.call(this, input, options);
};
async function failCoreStart(fail) {
  await sessionRead;
  coreStart.fail = !!fail;
  await chrome.storage.session.set({ dgTestCoreStartFails: !!fail });
}

// The service worker's clock moved by whole days, to see midnight pass: every `new Date()` and
// `Date.now()` in this context (the extension's local time, the next midnight's alarm).
const RealDate = Date;
let shiftMs = 0;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length) super(...args);
    else super(RealDate.now() + shiftMs);
  }
  static now() { return RealDate.now() + shiftMs; }
}
globalThis.Date = ShiftedDate;
function shiftClockForTests(days) { shiftMs = Math.round(Number(days) || 0) * 86_400_000; }

// The badge alone, from what is stored: the extension sets it in its toolbar pass
// (sw/toolbar.js), which shows the reminders due as well; the tests want the badge without them.
async function updateBadge(now = localNow()) {
  const core = await getCore();
  const [memory, settings] = await Promise.all([getMemoryJson(), getSettings()]);
  return showBadge(JSON.parse(core.popup(memory, JSON.stringify(settings), now)).badge, settings);
}

globalThis.dgTest = {
  recentSnapshots, settled, updateBadge, getCore, evidence: evidenceTestHooks,
  localNow, onAlarm, openNotification, refreshToolbar, shiftClockForTests,
  corePanics, pageReads, coreStart, failCoreStart,
  checkOrders: checkOrdersTestHooks,
};
