// "Check my orders" (CONTRACT.md section 6): the service worker reads the detail page of every
// tracked order that may need action, the way the shopper would open it, so that every order gets
// its dates.
//
// - Which orders, and where their pages are: the core (order_check.rs), from the memory of
//   orders. Only the shop's own detail pages, built from the order id.
// - How: one page at a time, in a tab of its own opened in the background (never the shopper's
//   active tab, never taking focus; docs/ARCHITECTURE.md says why a tab rather than a window).
//   The page is read by the content script like any page; when the core says the tab showed the
//   order and it is remembered (or after a timeout), the tab is closed, a pause, the next.
// - What the site answered instead (sign-in, captcha, busy, another page): the core
//   (site_answer.rs); a sign-in, a captcha or "busy" stops the run, the others skip the order.
// - The run's state lives in chrome.storage.local (`checkOrders`), written here only, so it
//   survives the popup closing and the worker stopping: a new worker goes on where it stopped.
// - Progress reaches the popup through storage and the list bars by message (content scripts do
//   not listen to storage: every write of the orders would be copied into the page).
import { getCore, localNow } from './core.js';
import { getMemoryJson, getSettings } from './storage.js';
import { settled } from './page_analysis.js';
import { message, useShopperLanguage } from './messages.js';

const KEY = 'checkOrders';
const DAILY_KEY = 'checkOrdersDaily';        // local date of the last daily run
const TABS_KEY = 'checkOrdersListTabs';      // storage.session: tabs showing the list bar
export const RESUME_ALARM = 'dg-check-orders';
export const DAILY_ALARM = 'dg-check-orders-daily';
// A run not moved on for this long (the browser was closed) is ended rather than resumed.
const STALE_MS = 30 * 60_000;
// Pause between two pages; how long a page may take to show its order; how long a page that is
// not the order (sign-in, captcha, another page) must stay before it counts (redirects pass).
const PACE = { pauseMs: 1000, timeoutMs: 20_000, settleMs: 2500 };
const STOPS = new Set(['sign-in', 'captcha', 'busy']);
// What a page that never showed its order last said, as the reason it was skipped.
const TIMED_OUT = { waiting: 'not-shown', elsewhere: 'elsewhere', 'sign-in': 'sign-in', captcha: 'captcha', busy: 'busy' };

// Test-only knobs, set only by the test build's hooks (tests/test-build/hooks.js, which the
// shipped builds do not carry; tests/e2e/check_orders.test.js):
// `pace` overrides PACE; `scheme` rewrites the https detail addresses for the fixture server,
// which speaks plain HTTP. Both are copied into a run's state when it starts, so a restarted
// worker goes on alike. Never set in normal use.
export const checkOrdersTestHooks = { pace: null, scheme: null };

const readState = () => chrome.storage.local.get(KEY).then(r => r[KEY] || null);
const running = (x, run) => !!x && x.status === 'running' && (run === undefined || x.run === run);

// Every write of the state goes through this queue: fn(state) returns the new state, or
// undefined to leave it as it is. Resolves to the state after.
let writes = Promise.resolve();
function update(fn) {
  const next = writes.then(async () => {
    const before = await readState();
    const after = await fn(before);
    if (after === undefined) return before;
    await chrome.storage.local.set({ [KEY]: after });
    return after;
  });
  writes = next.catch(() => {});
  return next;
}

async function coreInputs() {
  const core = await getCore();
  const [memory, settings] = await Promise.all([getMemoryJson(), getSettings()]);
  return { core, memory, settings: JSON.stringify(settings), now: localNow() };
}

// Starts a run unless one is going (a second click changes nothing). `trigger`: click | daily.
export async function startCheck(trigger = 'click') {
  let started = false;
  const s = await update(async x => {
    if (running(x)) return undefined;
    const { core, memory, settings, now } = await coreInputs();
    const plan = JSON.parse(core.check_orders_plan(memory, settings, now));
    if (!plan.orders.length) return undefined;
    started = true;
    const scheme = checkOrdersTestHooks.scheme;
    return {
      run: Date.now(), trigger, status: 'running', stop: null, outcome: null, tab: null,
      queue: plan.orders.map(o => ({ id: o.id, url: scheme ? o.url.replace(/^https:/, scheme) : o.url })),
      results: [], before: plan.needs_action,
      pace: { ...PACE, ...(checkOrdersTestHooks.pace || {}) },
      started: Date.now(), moved: Date.now(),
    };
  });
  if (running(s)) ensureLoop();
  pushView();
  return { started, running: running(s), nothing: !running(s) };
}

export async function cancelCheck() {
  const s = await readState();
  if (!running(s)) return { cancelled: false };
  if (reading && reading.run === s.run) endRead(reading, { cancelled: true });
  if (wake) wake();
  await finish(s.run, 'cancelled');
  return { cancelled: true };
}

// A worker that starts (or an alarm) finds a run under way: it goes on where it stopped.
export async function resumeCheck() {
  const s = await readState();
  if (!running(s)) return;
  if (Date.now() - (s.moved || s.started) > STALE_MS) await finish(s.run, 'interrupted');
  else ensureLoop();
}

let loop = null;
function ensureLoop() {
  loop ||= runLoop().catch(e => console.warn('Dispute Guard: order check failed:', e && e.message)).finally(() => { loop = null; });
  return loop;
}

let wake = null;   // ends the pause between two pages early (cancel)
const pause = ms => new Promise(resolve => {
  const timer = setTimeout(resolve, ms);
  wake = () => { clearTimeout(timer); resolve(); };
});

async function runLoop() {
  for (;;) {
    const s = await readState();
    if (!running(s)) return;
    // If this worker stops, the alarm wakes the next one, which goes on.
    await chrome.alarms.create(RESUME_ALARM, { delayInMinutes: 1 });
    if (s.tab != null) {
      // A tab an earlier worker opened and could not close.
      await closeTab(s.tab);
      await update(x => (running(x, s.run) ? { ...x, tab: null } : undefined));
    }
    if (s.results.length >= s.queue.length) { await finish(s.run, null); return; }
    const item = s.queue[s.results.length];
    const opened = Date.now();
    const r = await readOne(s, item);
    if (r.cancelled) return;
    // ms: from opening the page to its answer (the benchmark reports it).
    const done = { id: item.id, result: r.result, ms: Date.now() - opened };
    const after = await update(x => (running(x, s.run)
      ? { ...x, tab: null, moved: Date.now(), results: r.result ? [...x.results, done] : x.results }
      : undefined));
    if (!running(after, s.run)) return;
    pushView();
    if (r.stop) { await finish(s.run, r.stop); return; }
    if (after.results.length < after.queue.length) await pause(s.pace.pauseMs);
  }
}

// The order being read: its tab, and what its page said last.
let reading = null;
// Reads that arrived while the tab was being created (its id not known yet).
let early = [];

function endRead(r, outcome) {
  if (r.done) { r.done(outcome); r.done = null; }
}

async function readOne(s, item) {
  const r = { run: s.run, id: item.id, tab: null, last: null, settle: 0, done: null, pace: s.pace };
  const result = new Promise(resolve => { r.done = resolve; });
  reading = r;
  early = [];
  const timer = setTimeout(() => endRead(r, outcomeAtTimeout(r)), s.pace.timeoutMs);
  try {
    // In the background, in the window the shopper last used; never active, never focused.
    const tab = await chrome.tabs.create({ url: item.url, active: false });
    r.tab = tab.id;
    const kept = await update(x => (running(x, s.run) ? { ...x, tab: tab.id } : undefined));
    if (!running(kept, s.run)) endRead(r, { cancelled: true });
    for (const e of early.splice(0)) if (e.tabId === tab.id) judge(r, e.snapshot, e.plan);
    return await result;
  } catch (e) {
    console.warn('Dispute Guard: order page not opened:', e && e.message);
    return { result: 'no-answer' };
  } finally {
    clearTimeout(timer);
    clearTimeout(r.settle);
    if (reading === r) reading = null;
    if (r.tab != null) await closeTab(r.tab);
  }
}

function outcomeAtTimeout(r) {
  const why = TIMED_OUT[r.last] || 'no-answer';
  return STOPS.has(why) ? { stop: why } : { result: why };
}

// Closes a tab the run opened, unless the shopper has switched to it: then it is theirs.
async function closeTab(id) {
  try {
    const tab = await chrome.tabs.get(id);
    if (!tab.active) await chrome.tabs.remove(id);
  } catch { /* already closed */ }
}

// Every page read (background.js, after the core planned it): if it is the tab of the order
// being read, what did the site show?
export function noteAnalysed(sender, msg, plan) {
  const r = reading;
  const tabId = sender && sender.tab ? sender.tab.id : undefined;
  if (!r || tabId === undefined) return;
  if (r.tab === null) { if (early.length < 20) early.push({ tabId, snapshot: msg.snapshot, plan }); return; }
  if (tabId === r.tab) judge(r, msg.snapshot, plan);
}

async function judge(r, snapshot, plan) {
  try {
    const core = await getCore();
    const answer = JSON.parse(core.check_orders_page(snapshot, plan, r.id));
    if (!r.done) return;
    r.last = answer;
    clearTimeout(r.settle);
    if (answer === 'read') {
      // Resolved once the order is remembered (and the badge has followed).
      await settled();
      endRead(r, { result: 'read' });
    } else if (STOPS.has(answer) || answer === 'elsewhere') {
      // Redirects pass through pages like these: only one that stays counts.
      r.settle = setTimeout(() => { if (r.last === answer) endRead(r, STOPS.has(answer) ? { stop: answer } : { result: answer }); }, r.pace.settleMs);
    }
  } catch (e) {
    console.warn('Dispute Guard: order page not judged:', e && e.message);
  }
}

chrome.tabs.onRemoved.addListener(tabId => {
  if (reading && reading.tab === tabId) endRead(reading, { result: 'closed' });
  if (listTabs.delete(tabId)) saveListTabs();
});

// Ends a run (finished, stopped or cancelled): what it found, in words, from the memory after it.
async function finish(run, stop) {
  await settled().catch(() => {});
  const { core, memory, settings, now } = await coreInputs();
  let notice = null, tab = null;
  const s = await update(x => {
    if (!running(x, run)) return undefined;
    const report = { total: x.queue.length, results: x.results, stop, before: x.before };
    const outcome = JSON.parse(core.check_orders_outcome(memory, settings, now, JSON.stringify(report)));
    if (x.trigger === 'daily') notice = outcome.notice || null;
    tab = x.tab;
    return { ...x, status: 'done', stop, tab: null, ended: Date.now(), outcome: { lines: outcome.lines, url: notice ? notice.url || null : null } };
  });
  if (tab != null) await closeTab(tab);
  await chrome.alarms.clear(RESUME_ALARM);
  pushView();
  if (notice && s) await notify(s.run, notice);
}

// After a daily run that found something needing action (and reminders are not switched off).
async function notify(run, notice) {
  const settings = await getSettings();
  if (settings.notifications === false) return;
  await useShopperLanguage(settings);
  try {
    await chrome.notifications.create(`dg-check|${run}`, {
      type: 'basic', iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: message(notice.title), message: message(notice.body),
    });
  } catch (e) { console.warn('Dispute Guard: notification not shown:', e && e.message); }
}

chrome.notifications.onClicked.addListener(id => {
  if (!id.startsWith('dg-check|')) return;
  (async () => {
    const s = await readState();
    try { await chrome.notifications.clear(id); } catch { /* gone */ }
    const url = s && String(s.run) === id.split('|')[1] && s.outcome && s.outcome.url;
    // Only an address the core gave (the shop's own https pages).
    if (typeof url === 'string' && url.startsWith('https://')) await chrome.tabs.create({ url });
  })().catch(e => console.warn('Dispute Guard: order not opened:', e && e.message));
});

// ---- What the popup and the list bars show: the view of the run.

// What the last run found is shown for this long after it ended.
const OUTCOME_SHOWN_MS = 12 * 3600_000;

// { to_read, run, read, running, done, total, finished, stop, lines }: lines are the last run's outcome.
export async function checkView() {
  const [s, { core, memory, settings, now }] = await Promise.all([readState(), coreInputs()]);
  const toRead = JSON.parse(core.check_orders_plan(memory, settings, now)).orders.length;
  const finished = !!s && s.status === 'done' && !!s.outcome && Date.now() - (s.ended || 0) < OUTCOME_SHOWN_MS;
  return {
    to_read: toRead,
    run: s ? s.run : null,
    // The orders read so far: the list bars re-read their cards, so the badges say what was learnt.
    read: s && (running(s) || finished) ? s.results.filter(r => r.result === 'read').map(r => r.id) : [],
    running: running(s),
    done: s ? s.results.length : 0,
    total: s ? s.queue.length : 0,
    finished,
    stop: finished ? s.stop : null,
    lines: finished ? s.outcome.lines : [],
  };
}

// Tabs showing an order list with the bar (they ask for the view when the bar is drawn), kept in
// session storage too, so that a restarted worker still reaches them.
const listTabs = new Set();
const session = chrome.storage.session;
const tabsLoaded = (session ? session.get(TABS_KEY).then(r => (r[TABS_KEY] || []).forEach(id => listTabs.add(id))) : Promise.resolve()).catch(() => {});
function saveListTabs() {
  if (session) session.set({ [TABS_KEY]: [...listTabs] }).catch(() => {});
}

let pushTimer = 0;
// Sends the view to the list bars (soon, once for a burst of changes).
function pushView() {
  clearTimeout(pushTimer);
  pushTimer = setTimeout(async () => {
    await tabsLoaded;
    if (!listTabs.size) return;
    const view = await checkView().catch(() => null);
    if (!view) return;
    for (const id of listTabs) {
      chrome.tabs.sendMessage(id, { type: 'check-orders-view', view }).then(
        reply => { if (!reply || !reply.bar) { listTabs.delete(id); saveListTabs(); } },
        () => { listTabs.delete(id); saveListTabs(); },
      );
    }
  }, 100);
}

// Messages from the popup and the list bars: { type: 'check-orders', action }.
export async function answerCheckOrders(msg, sender) {
  switch (msg.action) {
    case 'start': return startCheck('click');
    case 'cancel': return cancelCheck();
    case 'view': {
      if (sender && sender.tab && sender.tab.id !== undefined && msg.bar) {
        await tabsLoaded;
        if (!listTabs.has(sender.tab.id)) { listTabs.add(sender.tab.id); saveListTabs(); }
      }
      return { view: await checkView() };
    }
    default: throw new Error(`unknown check-orders action ${msg.action}`);
  }
}

// ---- "Check my orders once a day" (off unless the shopper chose it).

async function ensureDailyAlarm() {
  const want = !!(await getSettings()).check_orders_daily;
  const has = await chrome.alarms.get(DAILY_ALARM);
  if (want && !has) await chrome.alarms.create(DAILY_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  if (!want && has) await chrome.alarms.clear(DAILY_ALARM);
}

// The browser is in use when one of its windows has the focus (no `idle` permission needed):
// an hourly alarm runs only while the browser does, and waits for that.
async function browserInUse() {
  try { return !!(await chrome.windows.getLastFocused()).focused; } catch { return false; }
}

// At most once a day: returns what it did (for the tests and the console).
export async function dailyCheck() {
  if (!(await getSettings()).check_orders_daily) return 'off';
  const today = localNow().slice(0, 10);
  if ((await chrome.storage.local.get(DAILY_KEY))[DAILY_KEY] === today) return 'done-today';
  if (!(await browserInUse())) return 'not-in-use';
  if (running(await readState())) return 'running';
  await chrome.storage.local.set({ [DAILY_KEY]: today });
  return (await startCheck('daily')).started ? 'started' : 'nothing';
}

chrome.alarms.onAlarm.addListener(alarm => {
  const go = alarm.name === RESUME_ALARM ? resumeCheck() : alarm.name === DAILY_ALARM ? dailyCheck() : null;
  if (go) go.catch(e => console.warn('Dispute Guard: order check alarm failed:', e && e.message));
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if ('settings' in changes) ensureDailyAlarm().catch(() => {});
  // The orders read change what there is to read (the bars' button and count).
  if ('orders' in changes && listTabs.size) pushView();
  // Everything forgotten (options) while a run was going: nothing to go on with.
  if (KEY in changes && !changes[KEY].newValue && reading) endRead(reading, { cancelled: true });
});

// At every worker start: go on with a run under way, keep the daily alarm as the settings say.
export function startCheckOrders() {
  ensureDailyAlarm().catch(e => console.warn('Dispute Guard: daily check alarm not set:', e && e.message));
  resumeCheck().catch(e => console.warn('Dispute Guard: order check not resumed:', e && e.message));
}

Object.assign(checkOrdersTestHooks, { daily: dailyCheck, view: checkView });
