// Answers the content script: snapshot in, plan out; then remembers the orders it read.
import { getCore, localNow } from './core.js';
import { getSettings, memorySettled, updateMemory } from './storage.js';
import { scheduleRefresh, toolbarSettled } from './toolbar.js';

// Orders read and not saved yet. A long list is read in many pieces and a busy page is re-read
// often: whatever arrives while a save runs is saved together in the next one, so the stored
// memory is rewritten once per save, not once per read.
let pending = [];
let pendingNow = null;
let saving = null;
let lastRead = 0;

// A save parses and writes the whole memory, then the toolbar is worked out again from it: tens
// of milliseconds with a big memory, in which the worker (one thread) answers no page. Made
// between the pieces of a long list, or just as the shopper loads more orders, it holds up
// those answers (the bench's load-more waited 60 ms for one in a run of five). So it waits for
// the reads to pause a quarter of a second, though never longer than the cap after the first
// order waiting.
const SAVE_QUIET_MS = 250;
const SAVE_WAIT_MAX_MS = 1000;
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

function remember(orders, now) {
  pending.push(...orders);
  pendingNow = now;
  lastRead = performance.now();
  saving ||= (async () => {
    try {
      const cap = performance.now() + SAVE_WAIT_MAX_MS;
      for (let t = performance.now(); t < Math.min(lastRead + SAVE_QUIET_MS, cap); t = performance.now()) {
        await pause(Math.min(lastRead + SAVE_QUIET_MS, cap) - t);
      }
      const core = await getCore();
      while (pending.length) {
        const batch = JSON.stringify(pending);
        const at = pendingNow;
        pending = [];
        // One write at a time (sw/storage.js), so two pages read together cannot lose each other's orders.
        await updateMemory(memory => core.remember(memory, batch, at));
        // The badge and reminders follow what the pages say, once a burst of reads is saved.
        scheduleRefresh();
      }
    } catch (e) {
      console.warn('Dispute Guard: could not save orders:', e && e.message);
    } finally {
      saving = null;
    }
  })();
}

// The memory of orders as storage last reported it. Storage change events carry the new value
// anyway, so keeping it costs nothing, while reading it back for every piece of a big list would
// cost the whole memory each time.
let memory;
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'orders' in changes) memory = changes.orders.newValue || null;
});

// The memory's keys are order ids, digits only: the core's wire::order::is_order_id, a copy
// kept equal by tests/e2e/one_rule.test.js.
const ID_RUN = /\d{8,20}/g;

// The remembered orders a snapshot may show, those whose id appears in it: the core then parses
// a few orders per read, not thousands.
async function rememberedFor(snapshot) {
  if (memory === undefined) memory = (await chrome.storage.local.get('orders')).orders || null;
  if (!memory || !memory.orders) return '';
  const mentioned = {};
  for (const id of new Set(snapshot.match(ID_RUN) || [])) if (memory.orders[id]) mentioned[id] = memory.orders[id];
  return JSON.stringify({ ...memory, orders: mentioned });
}

export async function analysePage(msg) {
  const core = await getCore();
  const settings = await getSettings();
  const now = typeof msg.now === 'string' ? msg.now : localNow();
  // What earlier pages said about these orders feeds list badges and confirm dialogs.
  const memory = await rememberedFor(msg.snapshot).catch(() => '');
  const plan = core.analyse_remembering(msg.snapshot, JSON.stringify(settings), now, memory);
  const orders = JSON.parse(plan).orders;
  if (orders.length) remember(orders, now);
  return plan;
}

// Resolves when every page read so far is saved and the toolbar has followed (for the tests).
export async function settled() {
  while (saving) await saving;
  await memorySettled();
  await toolbarSettled();
}
