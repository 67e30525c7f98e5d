// chrome.storage.local, the only place anything is kept. Keys:
//   settings: the shopper's settings (core Settings; missing fields take defaults)
//   orders:   the memory of orders (core order_memory::Memory), reminders shown included
// Every change to the memory goes through `updateMemory`, one at a time, in the service worker
// (pages ask it by message), so that a page read, a reminder and a click in the popup can
// never overwrite each other.
const area = chrome.storage.local;

let settingsCache = null;
chrome.storage.onChanged.addListener((changes, name) => {
  if (name === 'local' && 'settings' in changes) settingsCache = null;
});

export async function getSettings() {
  settingsCache ||= area.get('settings').then(r => r.settings || {});
  return settingsCache;
}

export async function getMemoryJson() {
  const r = await area.get('orders');
  return r.orders ? JSON.stringify(r.orders) : '';
}

export async function setMemoryJson(json) {
  await area.set({ orders: JSON.parse(json) });
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
