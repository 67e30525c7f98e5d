// The extension's own texts: message keys from the core, rendered in the shopper's language.
// Texts come from _locales (built from extension/i18n); page text is never used as markup.
// A classic script for the content scripts; the service worker, popup and options page import
// the same file (it only sets globalThis.DG.i18n), so every part formats alike.
//
// Language: the browser's, unless the shopper chose another in the options; then that
// language's messages.json table is used (the service worker sends it to content scripts,
// extension pages load it themselves) and chrome.i18n only fills keys the table lacks.
// @uses (none)
// @provides DG.i18n
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  let table = null;      // an override language's messages, when the shopper chose one
  let lang = null;       // its BCP 47 tag ("pt-BR"), for dates and <html lang>

  const uiLang = () => lang || (globalThis.chrome?.i18n?.getUILanguage?.()) || 'en';

  // Intl formatters are costly to build (a list of a thousand orders formats thousands of dates):
  // one per language and options.
  const formatters = new Map();
  function formatter(kind, options) {
    const key = `${uiLang()} ${kind} ${JSON.stringify(options)}`;
    let f = formatters.get(key);
    if (!f) { f = new Intl[kind](uiLang(), options); formatters.set(key, f); }
    return f;
  }

  // A date as the language writes it ("Dec 7, 2026", "7 déc. 2026", "2026年12月7日"): from the
  // language's own messages rather than Intl, whose first use costs a page some 20 ms.
  function formatDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    const month = t('dateMonths').split('|')[m - 1];
    if (!y || !month || !d) return iso;
    const text = t('dateFormat', [month, String(d), String(y)]);
    return text === 'dateFormat' ? iso : text;
  }

  function formatArg(a) {
    if (a == null || typeof a !== 'object') return String(a ?? '');
    if ('date' in a) return formatDate(String(a.date));
    if ('number' in a) {
      // Small numbers (days) are written alike in all eight languages; larger ones get grouping.
      if (Math.abs(a.number) < 1000) return String(a.number);
      try { return formatter('NumberFormat', {}).format(a.number); } catch { return String(a.number); }
    }
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
      return formatter('NumberFormat', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
    } catch { return `${value.toFixed(1)} ${unit === 'byte' ? 'B' : unit[0].toUpperCase() + 'B'}`; }
  }

  // A messages.json entry with its `$NAME$` placeholders (→ `$1`…) filled in, as chrome.i18n does.
  function fromTable(key, subs) {
    const m = table && table[key];
    if (!m || typeof m.message !== 'string') return '';
    const named = m.placeholders || {};
    return m.message.replace(/\$(\w+)\$/g, (_, name) => {
      const p = named[name.toLowerCase()];
      const idx = p && /^\$(\d)$/.exec(p.content);
      return idx ? (subs[Number(idx[1]) - 1] ?? '') : '';
    }).replace(/\$\$/g, '$');
  }

  // t(key, args): args are the core's message arguments ({date}|{number}|{text}) or plain strings.
  function t(key, args = []) {
    const subs = (args || []).map(formatArg);
    return fromTable(key, subs) || (globalThis.chrome?.i18n?.getMessage?.(key, subs)) || key;
  }

  // A core message ({key, args}) as text.
  const message = m => (m ? t(m.key, m.args) : '');

  // Use another language than the browser's: code is a _locales folder name ("pt_BR"), messages
  // its messages.json. useLanguage(null) goes back to the browser's language.
  // Also given the browser's own language's table (code null), so that texts are filled in here
  // rather than by many calls into the browser.
  function useLanguage(code, messages) {
    lang = code && messages ? String(code).replace('_', '-') : null;
    table = messages || null;
  }

  DG.i18n = { t, message, uiLang, useLanguage, formatArg };

  // In a content script: ask the service worker for the chosen language at start, and again
  // whenever the tab comes back into view (the shopper may have changed it in the options tab).
  // Not chrome.storage.onChanged: that would copy every write of the stored orders (megabytes
  // on a long list) into the page's main thread. (Extension pages and the service worker use
  // sw/messages.js instead.)
  const inPage = typeof document !== 'undefined' && globalThis.chrome?.runtime?.id && location.protocol !== 'chrome-extension:' && location.protocol !== 'moz-extension:';
  if (inPage) {
    const ask = () => {
      try {
        chrome.runtime.sendMessage({ type: 'messages' }, reply => {
          if (chrome.runtime.lastError || !reply) return;
          useLanguage(reply.lang, reply.messages || reply.browserMessages);
        });
      } catch { /* extension reloaded: keep the browser's language */ }
    };
    ask();
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') ask(); });
  }
})();
