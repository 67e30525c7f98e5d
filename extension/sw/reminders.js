// Deadline reminders as system notifications. The core says which are due and records them as
// shown in the memory of orders (written before they are shown: a crash may lose one, never
// repeat one); here they are only put on screen, in the shopper's language.
import { getCore, localNow } from './core.js';
import { getSettings, updateMemory } from './storage.js';
import { message, useShopperLanguage } from './messages.js';

const ICON = 'icons/icon-128.png';

// Shows the reminders due now; resolves to the reminders shown (for the tests).
export async function showDueReminders(now = localNow()) {
  const core = await getCore();
  const settings = await getSettings();
  let due = [];
  await updateMemory(memory => {
    const r = JSON.parse(core.due_reminders(memory, JSON.stringify(settings), now));
    due = r.reminders;
    return r.memory ? JSON.stringify(r.memory) : null;
  });
  if (!due.length) return [];
  await useShopperLanguage(settings);
  for (const r of due) {
    try {
      await chrome.notifications.create(r.id, {
        type: 'basic',
        iconUrl: chrome.runtime.getURL(ICON),
        title: message(r.title),
        message: message(r.body),
      });
    } catch (e) {
      console.warn('Dispute Guard: notification not shown:', e && e.message);
    }
  }
  return due;
}

// A click on one of our notifications opens the order's page.
export async function openNotification(id) {
  const core = await getCore();
  const { orders } = await chrome.storage.local.get('orders');
  const url = core.notification_target(orders ? JSON.stringify(orders) : '', id);
  try { await chrome.notifications.clear(id); } catch { /* already gone */ }
  if (!url) return null;
  await chrome.tabs.create({ url });
  return url;
}
