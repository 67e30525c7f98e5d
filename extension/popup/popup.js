// The toolbar popup: every tracked order, soonest deadline first, with what to do about it.
// The core decides the order, the deadlines, the reasons and the links; this page renders them
// with textContent only (store and item names come from pages and may be hostile) and sends
// the shopper's choices to the service worker, which keeps all writes in one queue.
import { getCore, localNow } from '../sw/core.js';
import { message, t, useShopperLanguage } from '../sw/messages.js';
import { saveFile } from '../pages/save_file.js';
import { el, translatePage } from '../pages/page_ui.js';
import '../content/check_view.js';
import '../content/report_preview.js';
import '../content/timeline_view.js';

// The timeline's look, shared with the notices on pages.
document.head.append(el('style', {}, globalThis.DG.timelineView.STYLE));

const main = document.getElementById('orders');
const summary = document.getElementById('summary');
const notice = document.getElementById('notice');
const showHiddenButton = document.getElementById('show-hidden');
let showHidden = false;

function button(action, label, extra = {}) {
  return el('button', { type: 'button', 'data-dg-action': action, ...extra }, label);
}

// What is stored, as it is (the settings alone give the language, before the core is ready).
const readStored = () => chrome.storage.local.get(['orders', 'settings', 'setAside', 'storageTrimmed']);

// What is stored, read through the core: whatever it cannot read is left out here (the service
// worker moves it aside) and counted for the note.
function stored(core, { orders, settings, setAside, storageTrimmed }) {
  const loaded = JSON.parse(core.load_memory(orders === undefined ? '' : JSON.stringify(orders)));
  return {
    memory: JSON.stringify(loaded.memory),
    settings: settings || {},
    setAside: (Array.isArray(setAside) ? setAside.length : 0) + loaded.set_aside.length,
    trimmed: storageTrimmed && Array.isArray(storageTrimmed.removed) ? storageTrimmed.removed.length : 0,
  };
}

function storageNote({ setAside, trimmed }) {
  const note = document.getElementById('storage-note');
  const lines = [];
  if (setAside) lines.push(t('popupSetAside', [String(setAside)]));
  if (trimmed) lines.push(t('popupStorageTrimmed', [String(trimmed)]));
  note.textContent = lines.join(' ');
  note.hidden = lines.length === 0;
}

function ask(action, extra) {
  return chrome.runtime.sendMessage({ type: 'toolbar', action, ...extra });
}

function open(url) {
  // Only the links the core gives (it keeps to the shop's own https pages).
  if (typeof url === 'string' && url.startsWith('https://')) chrome.tabs.create({ url });
}

function line(o) {
  const titleId = `order-${o.id}`;
  const cls = ['order', o.needs_action && 'needs-action', o.resolved && 'resolved', o.hidden && 'hidden'].filter(Boolean).join(' ');
  const box = el('article', {
    class: cls, 'aria-labelledby': titleId,
    'data-dg-popup-order': o.id, 'data-dg-dispute': o.window.state,
    'data-dg-deadline': o.deadline ? o.deadline.date : null,
    'data-dg-needs-action': o.needs_action ? 'true' : null,
  });
  const title = el('h2', { id: titleId }, o.item || o.store || t('popupOrderNumber', [o.id]));
  if (o.resolved) title.append(el('span', { class: 'flag' }, t('popupResolved')));
  if (o.hidden) title.append(el('span', { class: 'flag' }, t('popupHiddenNote')));
  box.append(title);
  // The store (when the item is the title) and the status, on one quiet line.
  const meta = el('p', { class: 'meta' });
  if (o.store && o.item) meta.append(el('span', { class: 'store' }, o.store), ' · ');
  meta.append(el('span', { class: 'status' }, message(o.status_label)));
  box.append(meta);
  if (o.deadline_label) {
    const p = el('p', { class: 'deadline' }, message(o.deadline_label) + (o.deadline.estimated ? ` ${t('popupEstimate')}` : ''));
    p.append(' · ', el('span', { class: 'left' }, message(o.days_left_label)));
    box.append(p);
  }
  box.append(el('p', { class: 'reason' }, message(o.reason)));
  // The order's dates as a compact row (content/timeline_view.js), unless switched off.
  if (o.timeline) box.append(globalThis.DG.timelineView.build(o.timeline, { t, message, el }));

  const actions = el('div', { class: 'actions' });
  const about = { 'aria-describedby': titleId };
  if (o.next_step) {
    const b = button(o.next_step.kind, message(o.next_step.label), { class: 'primary', ...about });
    b.addEventListener('click', () => open(o.next_step.url));
    actions.append(b);
  }
  if (o.order_url) {
    const b = button('open-order', t('popupActionOpen'), about);
    b.addEventListener('click', () => open(o.order_url));
    actions.append(b);
  }
  const resolve = button('resolve', t(o.resolved ? 'popupActionUnresolve' : 'popupActionResolve'), { ...about, 'aria-pressed': String(o.resolved) });
  resolve.addEventListener('click', () => change({ op: 'resolve', id: o.id, value: !o.resolved }, 'resolve'));
  const hide = button('hide', t(o.hidden ? 'popupActionUnhide' : 'popupActionHide'), about);
  hide.addEventListener('click', () => change({ op: 'hide', id: o.id, value: !o.hidden }, 'hide'));
  actions.append(resolve, hide);
  box.append(actions);
  return box;
}

// After a change the list is drawn again (maybe twice: once here, once when storage reports the
// change): keep the keyboard on the same button of the same order, or on the next order if it
// left the list.
let refocus = null;
function focusKey() {
  const e = document.activeElement;
  const box = e && e.closest && e.closest('[data-dg-popup-order]');
  return box ? { id: box.dataset.dgPopupOrder, action: e.dataset.dgAction } : null;
}
async function change(c, action) {
  const boxes = [...main.querySelectorAll('[data-dg-popup-order]')];
  const i = boxes.findIndex(b => b.dataset.dgPopupOrder === c.id);
  refocus = { id: c.id, action, nextId: boxes[i + 1]?.dataset.dgPopupOrder || boxes[i - 1]?.dataset.dgPopupOrder };
  const r = await ask('change', { change: c });
  if (!r || r.error) notice.textContent = t('popupError');
  await render();
}

function restoreFocus(keep) {
  if (!keep) return;
  const { id, action, nextId } = keep;
  const q = oid => main.querySelector(`[data-dg-popup-order="${CSS.escape(oid || '')}"]`);
  const target = q(id)?.querySelector(`[data-dg-action="${action}"]`) || q(nextId)?.querySelector('button') || summary;
  if (target === summary) summary.tabIndex = -1;
  target.focus();
  if (keep === refocus && target !== summary) refocus = null;
}

function firstRun(orderList) {
  const box = el('section', { class: 'empty', 'data-dg-popup-empty': 'first-run' });
  box.append(el('h2', {}, t('popupFirstRunTitle')), el('p', {}, t('popupFirstRun')));
  const b = button('open-order-list', t('popupOpenOrderList'), { class: 'primary' });
  b.addEventListener('click', () => open(orderList));
  box.append(b);
  return box;
}

// The list is drawn a screenful first and the rest in later tasks, so that a long list (1,000
// orders took 130 ms to build and 220 ms to lay out in one go) neither delays the first paint nor
// holds the popup still; a newer render stops an older one's drawing.
const FIRST_LINES = 20;
const LINES_PER_TASK = 100;
let drawing = 0;
const nextTask = () => new Promise(resolve => setTimeout(resolve));   // yields to input and paint

let framePainted = false;
async function render() {
  const me = ++drawing;
  try {
    // The wasm core compiles while the frame is drawn: the title and buttons need only the
    // settings (for the language), so the popup paints them before the orders are read.
    const coreReady = getCore();
    coreReady.catch(() => {});
    if (!framePainted) {
      const { settings } = await chrome.storage.local.get('settings');
      await useShopperLanguage(settings);
      translatePage();
      framePainted = true;
      await nextTask();
    }
    const raw = await readStored();
    await useShopperLanguage(raw.settings);
    translatePage();
    const core = await coreReady;
    const data = stored(core, raw);
    const { memory, settings } = data;
    const view = JSON.parse(core.popup(memory, JSON.stringify(settings), localNow()));
    if (me !== drawing) return;
    orderList = view.order_list;
    storageNote(data);
    const keep = refocus || focusKey();
    const hiddenCount = view.lines.filter(o => o.hidden).length;
    const shown = view.lines.filter(o => showHidden || !o.hidden);
    summary.textContent = view.badge.count ? t('popupSummaryCount', [String(view.badge.count)]) : t('popupSummaryNone');
    summary.classList.toggle('action', view.badge.count > 0);
    if (!hiddenCount && showHidden) showHidden = false;
    showHiddenButton.hidden = hiddenCount === 0;
    showHiddenButton.textContent = showHidden ? t('popupHideHidden') : t('popupShowHidden', [String(hiddenCount)]);
    showHiddenButton.setAttribute('aria-pressed', String(showHidden));
    document.getElementById('calendar').hidden = view.tracked === 0;
    if (view.tracked === 0) {
      main.replaceChildren(firstRun(view.order_list));
      summary.textContent = '';
    } else if (shown.length === 0) {
      main.replaceChildren(el('p', { class: 'empty', 'data-dg-popup-empty': 'all-hidden' }, t('popupAllHidden')));
    } else {
      main.replaceChildren(...shown.slice(0, FIRST_LINES).map(line));
      performance.mark('first-lines');   // the benchmark's "first orders drawn"
      for (let i = FIRST_LINES; i < shown.length; i += LINES_PER_TASK) {
        await nextTask();
        if (me !== drawing) return;
        main.append(...shown.slice(i, i + LINES_PER_TASK).map(line));
      }
    }
    restoreFocus(keep);
  } catch (e) {
    if (me !== drawing) return;
    // The core itself did not start, or what is stored could not be used.
    const started = await getCore().then(() => true, () => false);
    main.replaceChildren(el('p', { class: 'empty', role: 'alert', 'data-dg-popup-error': started ? 'data' : 'core' }, t(started ? 'popupError' : 'coreUnavailable')));
    console.warn('Dispute Guard popup:', e && e.message);
  }
  if (me === drawing) markReady('list');
}

// `data-ready` on <body> once the list and the "Check my orders" section are both drawn (a test
// hook, as on pages: wait for it before reading the popup).
const drawn = new Set();
function markReady(part) {
  drawn.add(part);
  if (drawn.has('list') && drawn.has('check')) document.body.dataset.ready = '1';
}


// "Check my orders": the service worker runs it and says where it is; the popup only
// shows that and passes on Start and Cancel. Asking also wakes a stopped worker, which then goes
// on with a run under way.
const checkBox = document.getElementById('check');
let orderList = null;
async function renderCheck() {
  try {
    const reply = await chrome.runtime.sendMessage({ type: 'check-orders', action: 'view' });
    if (!reply || !reply.view) throw new Error(reply && reply.error || 'no view');
    const view = reply.view;
    const keep = document.activeElement && checkBox.contains(document.activeElement) ? document.activeElement.dataset.dgAction : null;
    const act = action => async () => {
      const r = await chrome.runtime.sendMessage({ type: 'check-orders', action });
      if (r && r.nothing && !r.running) notice.textContent = t('checkNothing');
      renderCheck();
    };
    const box = globalThis.DG.checkView.build(view, { t, message, el, onStart: act('start'), onCancel: act('cancel') });
    // Stopped because the site wants the shopper (sign-in, captcha): the way to the site.
    if (box && (view.stop === 'sign-in' || view.stop === 'captcha') && orderList) {
      const b = button('open-order-list', t('popupOpenOrderList'));
      b.addEventListener('click', () => open(orderList));
      box.append(b);
    }
    checkBox.replaceChildren(...(box ? [box] : []));
    checkBox.hidden = !box;
    checkBox.dataset.ready = '1';
    const again = keep && (checkBox.querySelector(`[data-dg-action="${keep}"]`) || checkBox.querySelector('button'));
    if (again) again.focus();
  } catch (e) {
    checkBox.hidden = true;
    console.warn('Dispute Guard popup (check my orders):', e && e.message);
  }
  markReady('check');
}

// The deadlines as an .ics file: the core lists the events, their texts are rendered here in
// the shopper's language, and the core writes the file.
async function exportCalendar() {
  const core = await getCore();
  const { memory, settings } = stored(core, await readStored());
  const events = JSON.parse(core.calendar_events(memory, JSON.stringify(settings), localNow()));
  if (!events.length) { notice.textContent = t('popupCalendarNone'); return; }
  const rendered = events.map(e => ({
    uid: e.uid, kind: e.kind, date: e.date, url: e.url,
    summary: message(e.summary),
    description: e.description.map(message).join('\n'),
  }));
  const ics = core.calendar_ics(JSON.stringify(rendered), JSON.stringify(settings), new Date().toISOString());
  saveFile(`dispute-guard-deadlines-${localNow().slice(0, 10)}.ics`, 'text/calendar;charset=utf-8', ics);
  notice.textContent = t('popupCalendarDone');
}

document.getElementById('calendar').addEventListener('click', () => exportCalendar().catch(e => {
  notice.textContent = t('popupError');
  console.warn('Dispute Guard calendar:', e && e.message);
}));
document.getElementById('options').addEventListener('click', () => chrome.runtime.openOptionsPage());

// "Report a misread page" for the current tab: its content script has the core make the file
// (content/report.js); it is shown here in plain words before it is saved.
const reportBox = document.getElementById('report-preview');
async function reportPage() {
  notice.textContent = t('reportWorking');
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const reply = tab && tab.id != null ? await chrome.tabs.sendMessage(tab.id, { type: 'report-page' }).catch(() => null) : null;
  if (!reply || typeof reply.report !== 'string') {
    notice.textContent = t(reply && reply.error !== 'not-read' ? 'reportFailed' : 'reportNotHere');
    return;
  }
  notice.textContent = '';
  const report = JSON.parse(reply.report);
  const style = el('style', {}, globalThis.DG.reportPreview.STYLE);
  const { save } = globalThis.DG.reportPreview.render(reportBox, report, {
    t,
    onSave: name => { saveFile(name, 'application/json', reply.report); notice.textContent = t('reportSaved', [name]); },
    onClose: () => { reportBox.hidden = true; reportBox.replaceChildren(); document.getElementById('report').focus(); },
  });
  reportBox.prepend(style);
  reportBox.hidden = false;
  save.focus();
}
document.getElementById('report').addEventListener('click', () => reportPage().catch(e => {
  notice.textContent = t('reportFailed');
  console.warn('Dispute Guard report:', e && e.message);
}));
showHiddenButton.addEventListener('click', () => { showHidden = !showHidden; render(); });
// Orders read in another tab, reminders recorded, settings changed: draw again.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ('orders' in changes || 'settings' in changes)) render();
  if (area === 'local' && ('orders' in changes || 'checkOrders' in changes)) renderCheck();
});

render().then(renderCheck);
