// Keeps the toolbar right: the badge and the reminders, recomputed together whenever something
// they depend on may have changed (start, alarm, page read, popup or options change). Calls
// that come in while one runs are folded into one more run; page reads and storage changes,
// which come in bursts (a long list is read in pieces), ask for one run after the burst.
import { getCore, localNow } from './core.js';
import { getSettings, updateMemory } from './storage.js';
import { showBadge } from './badge.js';
import { showReminders } from './reminders.js';

const BURST_MS = 250;
let running = null;
let again = false;
let timer = 0;
let waiters = [];   // resolvers of scheduled runs not started yet

// One pass: the core reads the memory once for the badge and the reminders due, and records
// those as shown (in the memory queue, so no page read is lost meanwhile); then both are shown.
async function tick() {
  const [core, settings] = await Promise.all([getCore(), getSettings()]);
  let result = null;
  await updateMemory(memory => {
    result = JSON.parse(core.toolbar_tick(memory, JSON.stringify(settings), localNow()));
    return result.memory ? JSON.stringify(result.memory) : null;
  });
  await showBadge(result.badge, settings);
  await showReminders(result.reminders, settings);
}

export function refreshToolbar() {
  if (running) { again = true; return running; }
  running = (async () => {
    try {
      do {
        again = false;
        await tick();
      } while (again);
    } finally { running = null; }
  })();
  return running;
}

// One run once the current burst of changes is over; resolves when it has run.
export function scheduleRefresh() {
  clearTimeout(timer);
  const done = new Promise(resolve => waiters.push(resolve));
  timer = setTimeout(() => {
    timer = 0;
    const batch = waiters;
    waiters = [];
    refreshToolbar().catch(e => console.warn('Dispute Guard: toolbar not updated:', e && e.message))
      .finally(() => batch.forEach(resolve => resolve()));
  }, BURST_MS);
  return done;
}

// Resolves when no run is scheduled or running (for the tests' `settled`).
export async function toolbarSettled() {
  for (;;) {
    if (timer) await new Promise(resolve => waiters.push(resolve));
    else if (running) await running.catch(() => {});
    else return;
  }
}
