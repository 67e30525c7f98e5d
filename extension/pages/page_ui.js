// What the extension's own pages (popup, options) share to build themselves: elements made with
// textContent only (texts may come from pages and be hostile), and their static texts in the
// shopper's language.
import { t, uiLang } from '../sw/messages.js';

export function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

// The page's language and every `data-i18n` text, in the language now in use.
export function translatePage() {
  document.documentElement.lang = uiLang().replace('_', '-');
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
}
