// Answers the content script: snapshot in, plan out; then remembers the orders it read.
import { getCore, localNow } from './core.js';
import { getSettings, memorySettled, updateMemory } from './storage.js';
import { refreshToolbar } from './toolbar.js';

// The last snapshots received, for the end-to-end tests' snapshot comparison (memory only).
export const recentSnapshots = [];

let memoryWrites = Promise.resolve();

async function remember(ordersJson, now) {
  const core = await getCore();
  // One write at a time, so two pages read together cannot lose each other's orders.
  await updateMemory(memory => core.remember(memory, ordersJson, now));
}

export async function analysePage(msg) {
  const core = await getCore();
  const settings = await getSettings();
  const now = typeof msg.now === 'string' ? msg.now : localNow();
  recentSnapshots.push(msg.snapshot);
  if (recentSnapshots.length > 20) recentSnapshots.shift();
  const plan = core.analyse(msg.snapshot, JSON.stringify(settings), now);
  const orders = JSON.stringify(JSON.parse(plan).orders);
  if (orders !== '[]') {
    // The badge and reminders follow what the pages say, right after each read.
    memoryWrites = memoryWrites.then(() => remember(orders, now)).then(refreshToolbar)
      .catch(e => console.warn('Dispute Guard: could not save orders:', e && e.message));
  }
  return plan;
}

export function settled() { return Promise.all([memoryWrites, memorySettled()]); }
