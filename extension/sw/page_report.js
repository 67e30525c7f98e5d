// The misread-page report for a content script (content/report.js): the core turns the page's
// snapshot into the file, with a fresh random seed for the stand-ins each time (never written
// into the file). Nothing is stored or sent.
import { getCore } from './core.js';
import { getSettings } from './storage.js';

export async function pageReport(msg) {
  const core = await getCore();
  const settings = await getSettings();
  const seed = [...crypto.getRandomValues(new Uint32Array(2))].map(x => x.toString(16).padStart(8, '0')).join('');
  return core.page_report(msg.snapshot, JSON.stringify(settings), String(msg.now || ''), seed);
}
