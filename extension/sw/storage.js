// chrome.storage.local, the only place anything is kept. Keys:
//   settings: the shopper's settings (core Settings; missing fields take defaults)
//   orders:   the memory of orders (core order_memory::Memory)
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
