// The options page: the shopper's settings, stored locally; the core fills in every default.
import { getCore } from '../sw/core.js';

const t = key => chrome.i18n.getMessage(key) || key;
const form = document.getElementById('settings');

async function load() {
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  const core = await getCore();
  const { settings = {} } = await chrome.storage.local.get('settings');
  const s = { ...core.default_settings(), ...settings };
  form.confirm_guard.checked = !!s.confirm_guard;
  form.closing_soon_days.value = s.closing_soon_days;
  document.body.dataset.ready = '1';
}

form.addEventListener('change', async () => {
  const { settings = {} } = await chrome.storage.local.get('settings');
  const days = Number(form.closing_soon_days.value);
  const next = { ...settings, confirm_guard: form.confirm_guard.checked };
  if (Number.isInteger(days) && days >= 0 && days <= 60) next.closing_soon_days = days;
  await chrome.storage.local.set({ settings: next });
  document.getElementById('saved').textContent = t('optionsSaved');
});

load();
