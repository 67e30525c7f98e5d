// The toolbar badge: how many tracked orders need action now (CONTRACT.md section 5).
import { getCore, localNow } from './core.js';
import { getMemoryJson, getSettings } from './storage.js';

export async function updateBadge() {
  const core = await getCore();
  const [memory, settings] = await Promise.all([getMemoryJson(), getSettings()]);
  const badge = JSON.parse(core.badge(memory, JSON.stringify(settings), localNow()));
  await chrome.action.setBadgeText({ text: badge.text });
  if (badge.count) await chrome.action.setBadgeBackgroundColor({ color: '#d93025' });
  return badge;
}
