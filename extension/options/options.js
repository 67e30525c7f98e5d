// The options page. The core gives the fields (sections, kinds, saved values, limits) and
// judges what is typed: a valid value is saved at once, an invalid one is not saved and its
// field says what it accepts. Import, export and "forget everything" are here too; writes to
// the stored orders go through the service worker.
import { getCore, localNow } from '../sw/core.js';
import { message, t, useShopperLanguage } from '../sw/messages.js';
import { saveFile } from '../pages/save_file.js';
import { el, translatePage } from '../pages/page_ui.js';

const form = document.getElementById('settings');
const saved = document.getElementById('saved');
const dataStatus = document.getElementById('data-status');
const dataError = document.getElementById('data-error');

const fieldId = name => 'f-' + name.replace(/\./g, '-');

async function storedSettings() {
  return (await chrome.storage.local.get('settings')).settings || {};
}

function control(f, languages) {
  const id = fieldId(f.name);
  const described = `${id}-help ${id}-error`;
  if (f.kind === 'switch') {
    return el('input', { type: 'checkbox', id, name: f.name, 'aria-describedby': described });
  }
  if (f.kind === 'language') {
    const s = el('select', { id, name: f.name, 'aria-describedby': described });
    s.append(el('option', { value: '' }, t('optionsLanguageBrowser')));
    for (const l of languages) s.append(el('option', { value: l.code, lang: l.code.replace('_', '-') }, l.name));
    return s;
  }
  const mode = f.kind === 'megabytes' ? 'decimal' : 'numeric';
  return el('input', { type: 'text', id, name: f.name, inputmode: f.kind === 'day-list' ? 'text' : mode, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': described });
}

// A set of choices (the evidence formats): a fieldset of checkboxes sharing the field's name.
function setBox(f) {
  const id = fieldId(f.name);
  const box = el('fieldset', { class: 'field set', 'data-field': f.name, 'aria-describedby': `${id}-help ${id}-error` });
  box.append(el('legend', {}, t(f.label)));
  const row = el('div', { class: 'choices' });
  for (const c of f.choices) {
    const label = el('label');
    label.append(el('input', { type: 'checkbox', name: f.name, value: c.value }), el('span', {}, c.label));
    row.append(label);
  }
  box.append(row, el('p', { class: 'help', id: `${id}-help` }, t(f.help)), el('p', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' }));
  return box;
}

function fieldBox(f, languages) {
  if (f.kind === 'format-set') return setBox(f);
  const id = fieldId(f.name);
  const box = el('div', { class: `field ${f.kind}`, 'data-field': f.name });
  const input = control(f, languages);
  const label = el('label', { for: id });
  if (f.kind === 'switch') label.append(input, el('span', {}, t(f.label)));
  else label.textContent = t(f.label);
  box.append(label);
  if (f.kind !== 'switch') {
    box.append(input);
    if (f.kind === 'megabytes') box.append(el('span', { class: 'unit' }, t('optionsUnitMb')));
  }
  box.append(el('p', { class: 'help', id: `${id}-help` }, t(f.help)), el('p', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' }));
  return box;
}

function show(fields) {
  for (const f of fields) {
    if (f.kind === 'format-set') {
      for (const box of form.querySelectorAll(`input[name="${CSS.escape(f.name)}"]`)) box.checked = f.value.includes(box.value);
      continue;
    }
    const input = form.elements.namedItem(f.name);
    if (!input) continue;
    if (f.kind === 'switch') input.checked = !!f.value;
    else input.value = f.value;
  }
}

function setError(name, msg) {
  const out = document.getElementById(`${fieldId(name)}-error`);
  const target = form.querySelector(`[data-field="${CSS.escape(name)}"].set`) || form.elements.namedItem(name);
  if (!target || !out) return;
  out.textContent = msg ? message(msg) : '';
  if (msg) target.setAttribute('aria-invalid', 'true');
  else target.removeAttribute('aria-invalid');
}

async function build() {
  const core = await getCore();
  const settings = await storedSettings();
  await useShopperLanguage(settings);
  translatePage();
  const { fields, languages } = JSON.parse(core.settings_form(JSON.stringify(settings)));
  for (const section of form.querySelectorAll('section[data-section]')) {
    for (const old of section.querySelectorAll('.field')) old.remove();
  }
  for (const f of fields) form.querySelector(`section[data-section="${f.section}"]`)?.append(fieldBox(f, languages));
  show(fields);
  document.body.dataset.ready = '1';
}

// One field changed: the core applies it to the saved settings, or says what is wrong.
async function saveField(input) {
  const core = await getCore();
  const current = await storedSettings();
  const set = input.closest('fieldset.set');
  const value = set ? [...set.querySelectorAll('input:checked')].map(b => b.value)
    : input.type === 'checkbox' ? input.checked : input.value;
  const r = JSON.parse(core.settings_apply(JSON.stringify(current), JSON.stringify({ [input.name]: value })));
  const error = r.errors.find(e => e.field === input.name);
  setError(input.name, error && error.message);
  if (error) {
    saved.textContent = t('optionsNotSaved');
    return false;
  }
  await chrome.storage.local.set({ settings: r.settings });
  saved.textContent = t('optionsSaved');
  // A new language: every text on the page follows.
  if (input.name === 'language') {
    await build();
    form.elements.namedItem('language')?.focus();
    saved.textContent = t('optionsSaved');
  }
  document.body.dataset.saved = String(Number(document.body.dataset.saved || 0) + 1);
  return true;
}

form.addEventListener('change', ev => {
  if (ev.target && ev.target.name) saveField(ev.target).catch(e => { saved.textContent = t('popupError'); console.warn(e); });
});
form.addEventListener('submit', ev => ev.preventDefault());


function say(status, error) {
  dataStatus.textContent = status || '';
  dataError.textContent = error || '';
}

document.getElementById('export').addEventListener('click', async () => {
  const core = await getCore();
  const { orders, settings } = await chrome.storage.local.get(['orders', 'settings']);
  const json = core.export_data(orders ? JSON.stringify(orders) : '', JSON.stringify(settings || {}), localNow());
  saveFile(`dispute-guard-export-${localNow().slice(0, 10)}.json`, 'application/json', json);
  say(t('optionsExportDone'));
});

// Bigger than any export of ours; not read at all.
const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

document.getElementById('import-file').addEventListener('change', async ev => {
  const file = ev.target.files && ev.target.files[0];
  ev.target.value = '';
  if (!file) return;
  say('', '');
  if (file.size > IMPORT_MAX_BYTES) { say('', message({ key: 'importTooBig', args: [{ bytes: file.size }, { bytes: IMPORT_MAX_BYTES }] })); return; }
  const r = await chrome.runtime.sendMessage({ type: 'toolbar', action: 'import', text: await file.text() });
  if (!r || r.error) { say('', r ? message(r.error) : t('popupError')); return; }
  await build();
  const { orders } = await chrome.storage.local.get('orders');
  say(t('optionsImportDone', [String(Object.keys((orders && orders.orders) || {}).length)]));
});

const forget = document.getElementById('forget');
const confirmBox = document.getElementById('forget-confirm');
function askForget(open) {
  confirmBox.hidden = !open;
  forget.setAttribute('aria-expanded', String(open));
  (open ? document.getElementById('forget-no') : forget).focus();
}
forget.addEventListener('click', () => askForget(confirmBox.hidden));
document.getElementById('forget-no').addEventListener('click', () => askForget(false));
document.getElementById('forget-yes').addEventListener('click', async () => {
  const r = await chrome.runtime.sendMessage({ type: 'toolbar', action: 'forget' });
  askForget(false);
  if (!r || r.error) { say('', t('popupError')); return; }
  await build();
  say(t('optionsForgotten'));
});

build().catch(e => { saved.textContent = t('popupError'); console.warn('Dispute Guard options:', e && e.message); });
