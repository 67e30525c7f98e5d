// Answers the content script: snapshot in, plan out; then remembers the orders it read.
import { getCore, localNow } from './core.js';
import { getMemoryJson, getSettings, setMemoryJson } from './storage.js';
import { updateBadge } from './badge.js';

// The last snapshots received, for the end-to-end tests' snapshot comparison (memory only).
export const recentSnapshots = [];

let memoryWrites = Promise.resolve();

async function remember(ordersJson, now) {
  const core = await getCore();
  const memory = await getMemoryJson();
  await setMemoryJson(core.remember(memory, ordersJson, now));
}

export async function analysePage(msg) {
  const core = await getCore();
  const settings = await getSettings();
  const now = typeof msg.now === 'string' ? msg.now : localNow();
  recentSnapshots.push(msg.snapshot);
  if (recentSnapshots.length > 20) recentSnapshots.shift();
  // What earlier pages said about these orders feeds list badges and confirm dialogs.
  const memory = await getMemoryJson().catch(() => '');
  const plan = core.analyse_remembering(msg.snapshot, JSON.stringify(settings), now, memory);
  const orders = JSON.stringify(JSON.parse(plan).orders);
  if (orders !== '[]') {
    // One write at a time, so two pages read together cannot lose each other's orders.
    memoryWrites = memoryWrites.then(() => remember(orders, now)).then(updateBadge)
      .catch(e => console.warn('Dispute Guard: could not save orders:', e && e.message));
  }
  return plan;
}

export function settled() { return memoryWrites; }
