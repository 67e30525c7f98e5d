// Keeps the toolbar right: the badge and the reminders, recomputed together whenever something
// they depend on may have changed (start, alarm, page read, popup or options change). Calls
// that come in while one runs are folded into one more run.
import { updateBadge } from './badge.js';
import { showDueReminders } from './reminders.js';

let running = null;
let again = false;

export function refreshToolbar() {
  if (running) { again = true; return running; }
  running = (async () => {
    try {
      do {
        again = false;
        await updateBadge();
        await showDueReminders();
      } while (again);
    } finally { running = null; }
  })();
  return running;
}
