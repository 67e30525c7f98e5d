// The toolbar popup: every tracked order, soonest deadline first. Runs the core for its view.
import { getCore, localNow } from '../sw/core.js';

const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;
const fmtDate = iso => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d));
};

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function line(o) {
  const box = el('section', { class: 'order' + (o.needs_action ? ' needs-action' : ''), 'data-dg-popup-order': o.id, 'data-dg-dispute': o.window.state });
  box.append(el('div', { class: 'title' }, o.item || o.store || t('popupOrderNumber', [o.id])));
  if (o.store && o.item) box.append(el('div', {}, o.store));
  const w = o.window;
  const state = w.closes && (w.state === 'open' || w.state === 'closing-soon')
    ? t('popupClosesOn', [fmtDate(w.closes), String(w.days_left)])
    : t('popupState_' + w.state.replace(/-/g, '_'));
  box.append(el('div', { class: 'state' }, state));
  return box;
}

async function render() {
  const main = document.getElementById('orders');
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  try {
    const core = await getCore();
    const { orders, settings } = await chrome.storage.local.get(['orders', 'settings']);
    const lines = JSON.parse(core.order_lines(orders ? JSON.stringify(orders) : '', JSON.stringify(settings || {}), localNow()))
      .filter(o => !o.hidden);
    main.replaceChildren(...(lines.length ? lines.map(line) : [el('p', { class: 'empty' }, t('popupEmpty'))]));
  } catch (e) {
    main.replaceChildren(el('p', { class: 'empty', role: 'alert' }, t('popupError')));
    console.warn('Dispute Guard popup:', e && e.message);
  }
  document.body.dataset.ready = '1';
}

render();
