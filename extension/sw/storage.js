// chrome.storage.local, the only place anything is kept. Keys:
//   settings: the shopper's settings (core Settings; missing fields take defaults)
//   orders:   the memory of orders (core order_memory::Memory), reminders shown included
//   setAside: stored items the core could not read, kept untouched with the reason
//   storageTrimmed: when storage was full, which orders were forgotten to make room
// Every change to the memory goes through `updateMemory`, one at a time, in the service worker
// (pages ask it by message), so that a page read, a reminder and a click in the popup can
// never overwrite each other.
import { getCore, localNow } from './core.js';

const area = chrome.storage.local;

let settingsCache = null;
chrome.storage.onChanged.addListener((changes, name) => {
  if (name === 'local' && 'settings' in changes) settingsCache = null;
});

export async function getSettings() {
  settingsCache ||= area.get('settings').then(r => r.settings || {});
  return settingsCache;
}

const stored = value => (value === undefined || value === null ? '' : JSON.stringify(value));

// The first read in each worker's life goes through the core: whatever it cannot read (damaged,
// foreign, from a newer version) is moved, untouched, to `setAside`, reported once, and the
// rest is written back readable. Nothing is thrown away; nothing unreadable is worked on.
let checked = null;
async function checkStored() {
  const raw = stored((await area.get('orders')).orders);
  const loaded = JSON.parse((await getCore()).load_memory(raw));
  if (!loaded.changed) return;
  const items = { orders: loaded.memory };
  if (loaded.set_aside.length) {
    const { setAside = [] } = await area.get('setAside');
    const at = new Date().toISOString();
    items.setAside = [...(Array.isArray(setAside) ? setAside : [setAside]), ...loaded.set_aside.map(x => ({ ...x, at }))];
    console.warn(`Dispute Guard: ${loaded.set_aside.length} stored item(s) could not be read and were set aside (storage key "setAside"):`,
      loaded.set_aside.map(x => `${x.what}: ${x.reason}`).join('; ').slice(0, 500));
  }
  await area.set(items);
}

export async function getMemoryJson() {
  checked ||= checkStored().catch(e => { checked = null; throw e; });
  await checked;
  return stored((await area.get('orders')).orders);
}

// A write refused because storage is full: the least important orders make room (the core
// chooses: settled and finished ones first, those needing action last), and the shopper is told.
export async function setMemoryJson(json) {
  try {
    await area.set({ orders: JSON.parse(json) });
  } catch (e) {
    if (!/quota/i.test(String(e && e.message))) throw e;
    const core = await getCore();
    const trimmed = JSON.parse(core.trim_memory(json, JSON.stringify(await getSettings()), localNow(), Math.floor(json.length * 0.8)));
    await area.set({ orders: trimmed.memory, storageTrimmed: { at: new Date().toISOString(), removed: trimmed.removed } });
    console.warn(`Dispute Guard: storage full; ${trimmed.removed.length} settled or finished order(s) were forgotten to make room.`);
  }
}

let queue = Promise.resolve();

// Runs fn(memoryJson) after every earlier update; writes what it returns (a memory JSON string)
// unless it returns null/undefined or the same text. Resolves to fn's result.
export function updateMemory(fn) {
  const run = queue.then(async () => {
    const before = await getMemoryJson();
    const after = await fn(before);
    if (typeof after === 'string' && after !== before) await setMemoryJson(after);
    return after;
  });
  queue = run.catch(() => {});
  return run;
}

// Resolves when every update queued so far is written.
export function memorySettled() { return queue; }

// Everything at once (import, forget everything), in the same queue.
export function replaceAll(items) {
  return updateMemory(async () => {
    await area.clear();
    if (items) await area.set(items);
    settingsCache = null;
    return null;
  });
}
