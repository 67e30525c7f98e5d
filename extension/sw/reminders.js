// Deadline reminders as system notifications. The core says which are due and records them as
// shown in the memory of orders (written before they are shown: a crash may lose one, never
// repeat one); here they are only put on screen, in the shopper's language.
import { getCore } from './core.js';
import { message, useShopperLanguage } from './messages.js';
import { getMemoryJson } from './storage.js';

const ICON = 'icons/icon-128.png';

// Shows reminders the core found due (`notifications::Reminder`).
export async function showReminders(reminders, settings) {
  if (!reminders.length) return;
  await useShopperLanguage(settings);
  for (const r of reminders) {
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
}

// A click on one of our notifications opens the order's page.
export async function openNotification(id) {
  const core = await getCore();
  const url = core.notification_target(await getMemoryJson(), id);
  try { await chrome.notifications.clear(id); } catch { /* already gone */ }
  if (!url) return null;
  await chrome.tabs.create({ url });
  return url;
}
