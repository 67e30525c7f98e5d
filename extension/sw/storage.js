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

// What a value takes in storage: Chromium's quota counts the UTF-8 bytes of each value's JSON
// plus its key (a store named in Chinese takes three bytes a character, not one).
const encoder = new TextEncoder();
const utf8Bytes = text => encoder.encode(text).length;
const isQuota = e => /quota/i.test(String(e && e.message));

// The bytes `keys` may take without going over the quota: what every other key leaves.
// Infinity where the browser states no quota (Firefox's storage.local).
async function roomFor(keys) {
  const quota = area.QUOTA_BYTES;
  if (!Number.isFinite(quota) || typeof area.getBytesInUse !== 'function') return Infinity;
  const [all, ours] = await Promise.all([area.getBytesInUse(null), area.getBytesInUse(keys)]);
  return quota - (all - ours);
}

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
    // Kept with what was set aside before, once each and within bounds (the core decides).
    const { setAside } = await area.get('setAside');
    items.setAside = JSON.parse((await getCore()).keep_set_aside(stored(setAside), JSON.stringify(loaded.set_aside), new Date().toISOString()));
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
// chooses: settled and finished ones first, those needing action last), as many as the room
// left needs (counted in UTF-8 bytes, as the quota counts), and the shopper is told. If the
// trimmed memory is refused as well (the room was misjudged), more room is made, a few times
// at most; until a write succeeds, the stored memory is the one before (a write is whole or
// nothing).
const TRIM_TRIES = 4;
export async function setMemoryJson(json) {
  try {
    await area.set({ orders: JSON.parse(json) });
    return;
  } catch (e) {
    if (!isQuota(e)) throw e;
  }
  const core = await getCore();
  const settings = JSON.stringify(await getSettings());
  // A tenth spare, for the note below and for the next orders read.
  let target = Math.floor(Math.min(await roomFor(['orders', 'storageTrimmed']), utf8Bytes(json)) * 0.9);
  for (let i = 0; i < TRIM_TRIES; i++) {
    const trimmed = JSON.parse(core.trim_memory(json, settings, localNow(), Math.max(0, target)));
    try {
      await area.set({ orders: trimmed.memory, storageTrimmed: { at: new Date().toISOString(), removed: trimmed.removed } });
      console.warn(`Dispute Guard: storage full; ${trimmed.removed.length} settled or finished order(s) were forgotten to make room.`);
      return;
    } catch (e) {
      if (!isQuota(e)) throw e;
      target = Math.floor(target * 0.75);
    }
  }
  throw new Error('storage is full: the orders could not be saved even with settled ones forgotten');
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

// An import, all or nothing, in the same queue: the core has read and checked the whole file
// (toolbar::import_json); here it must fit in the room storage leaves (Chromium's quota: 10 MB
// without unlimitedStorage, counted in UTF-8 bytes), and then the new orders and settings take
// the place of the old in ONE write. chrome.storage.local.set() of several keys is a single
// transaction in both browsers (Chromium: one LevelDB write batch, the quota checked for the
// whole batch before it; Firefox: one IndexedDB transaction), so until it succeeds the old
// orders and settings stay exactly as they were, and a service worker stopped meanwhile
// cannot leave half of each: there is no moment without data. Writing the new data beside the
// old under other keys first would need room for both, which a big memory does not have.
// What is set aside stays (only "forget everything" removes it); the note of a trim, about the
// old orders, goes after the switch (a stop in between leaves only that stale note).
// Resolves to { ok } or { error: message }.
export function importAll(orders, settings) {
  return updateMemory(async () => {
    const items = { orders, settings };
    const need = Object.entries(items).reduce((n, [key, value]) => n + key.length + utf8Bytes(JSON.stringify(value)), 0);
    const room = await roomFor(Object.keys(items));
    const tooBig = { error: { key: 'importTooBig', args: [{ bytes: need }, { bytes: Math.max(0, room) }] } };
    if (need > room) return tooBig;
    try {
      await area.set(items);
    } catch (e) {
      if (isQuota(e)) return tooBig;
      throw e;
    } finally {
      settingsCache = null;
    }
    await area.remove('storageTrimmed');
    return { ok: true };
  });
}

// Forget everything: orders, reminders shown, settings, what was set aside. One call.
export function forgetEverything() {
  return updateMemory(async () => {
    await area.clear();
    settingsCache = null;
    return null;
  });
}
