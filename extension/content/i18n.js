// The extension's own texts: message keys from the core, rendered in the shopper's language.
// Texts come from _locales (built from extension/i18n); page text is never used as markup.
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  let table = null;      // an override language's messages, when the shopper chose one
  let lang = null;

  const uiLang = () => lang || (chrome.i18n && chrome.i18n.getUILanguage()) || 'en';

  function formatArg(a) {
    if (a == null || typeof a !== 'object') return String(a ?? '');
    if ('date' in a) {
      const [y, m, d] = String(a.date).split('-').map(Number);
      try {
        return new Intl.DateTimeFormat(uiLang(), { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d));
      } catch { return String(a.date); }
    }
    if ('number' in a) return String(a.number);
    if ('bytes' in a) return formatBytes(Number(a.bytes));
    if ('text' in a) return String(a.text);
    return '';
  }

  // A file size in the shopper's units ("5 MB", "5 Mo", "5 МБ"), binary multiples as the limits are.
  function formatBytes(n) {
    const units = [['gigabyte', 2 ** 30], ['megabyte', 2 ** 20], ['kilobyte', 2 ** 10]];
    const [unit, size] = units.find(([, s]) => n >= s) || ['byte', 1];
    const value = n / size;
    try {
      return new Intl.NumberFormat(uiLang(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
    } catch { return `${value.toFixed(1)} ${unit === 'byte' ? 'B' : unit[0].toUpperCase() + 'B'}`; }
  }

  function fromTable(key, subs) {
    const m = table && table[key];
    if (!m) return '';
    const named = m.placeholders || {};
    return m.message.replace(/\$(\w+)\$/g, (_, name) => {
      const p = named[name.toLowerCase()];
      const idx = p && /^\$(\d)$/.exec(p.content);
      return idx ? (subs[Number(idx[1]) - 1] ?? '') : '';
    }).replace(/\$\$/g, '$');
  }

  // t(key, args): args are the core's message arguments ({date}|{number}|{text}) or plain strings.
  function t(key, args = []) {
    const subs = args.map(formatArg);
    return fromTable(key, subs) || (chrome.i18n && chrome.i18n.getMessage(key, subs)) || key;
  }

  // Use another language than the browser's (options page setting); messages: a messages.json.
  function useLanguage(code, messages) { lang = code; table = messages; }

  DG.i18n = { t, uiLang, useLanguage, formatArg };
})();
