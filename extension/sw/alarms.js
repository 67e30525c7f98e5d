// The toolbar's clock: one alarm just after local midnight (days left change then; re-armed
// every time, since a fixed 24-hour period drifts with daylight saving time) and a periodic one
// that catches up after sleep, a changed clock or a missed midnight. Alarms may not survive a
// browser restart, so they are checked at every service-worker start.
import { refreshToolbar } from './toolbar.js';

export const MIDNIGHT = 'dg-midnight';
export const PERIODIC = 'dg-periodic';
const PERIOD_MINUTES = 60;

export function nextMidnight(from = new Date()) {
  return new Date(from.getFullYear(), from.getMonth(), from.getDate() + 1, 0, 0, 5).getTime();
}

export async function ensureAlarms() {
  const [midnight, periodic] = await Promise.all([chrome.alarms.get(MIDNIGHT), chrome.alarms.get(PERIODIC)]);
  if (!midnight || midnight.scheduledTime > nextMidnight() + 60_000) {
    await chrome.alarms.create(MIDNIGHT, { when: nextMidnight() });
  }
  if (!periodic) await chrome.alarms.create(PERIODIC, { periodInMinutes: PERIOD_MINUTES });
}

export async function rearmMidnight() {
  await chrome.alarms.create(MIDNIGHT, { when: nextMidnight() });
}

// An alarm went off: at midnight the next one is set, and either way the toolbar follows.
export async function onAlarm(alarm) {
  if (alarm.name === MIDNIGHT) await rearmMidnight();
  if (alarm.name === MIDNIGHT || alarm.name === PERIODIC) await refreshToolbar();
}
