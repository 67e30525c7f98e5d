// The shopper's language for the extension's own texts, wherever they are rendered: the
// service worker (notifications, badge title, content scripts' tables), the popup and the
// options page. The browser's language unless the options chose one of the eight.
import '../content/i18n.js';

const DG = globalThis.DG;
const tables = new Map();   // _locales folder name -> messages.json (once per context)

// The extension's own messages.json for a language (a _locales folder name), or null.
export async function messagesFor(code) {
  if (!code || !/^[a-z]{2}(_[A-Z]{2})?$/.test(code)) return null;
  if (!tables.has(code)) {
    tables.set(code, fetch(chrome.runtime.getURL(`_locales/${code}/messages.json`))
      .then(r => (r.ok ? r.json() : null))
      .catch(() => null));
  }
  const table = await tables.get(code);
  if (!table) tables.delete(code);   // a missing language falls back to the browser's
  return table;
}

// The _locales folder chrome.i18n uses for the browser's language: the exact one ("pt_BR"),
// else the language alone ("fr" for fr-CA), else the default (en).
const LOCALES = ['en', 'fr', 'ru', 'es', 'pt_BR', 'de', 'pl', 'zh_CN'];
export function browserLocale() {
  const ui = String(chrome.i18n.getUILanguage() || 'en').replace('-', '_');
  return LOCALES.find(l => l === ui) || LOCALES.find(l => l === ui.split('_')[0]) || 'en';
}

// Switches DG.i18n to the language the settings name (or back to the browser's). Returns the
// _locales code in use, or null for the browser's language.
export async function useShopperLanguage(settings) {
  const code = settings && typeof settings.language === 'string' ? settings.language : null;
  const table = await messagesFor(code);
  DG.i18n.useLanguage(table ? code : null, table);
  return table ? code : null;
}

export const t = (key, args) => DG.i18n.t(key, args);
export const message = m => DG.i18n.message(m);
export const uiLang = () => DG.i18n.uiLang();
