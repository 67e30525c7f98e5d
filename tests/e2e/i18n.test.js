// The extension's own texts in eight languages. For every feature in extension/i18n (whoever
// wrote it), every language has exactly the English keys, with the same placeholders, each
// message using the placeholders it defines. The texts the pages and scripts name exist in
// English (the core's keys are checked by crates/guard-core/tests/toolbar_messages.rs), and the
// built _locales hold every key in every language.
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT } = require('../harness/browser');

const LANGS = ['en', 'fr', 'ru', 'es', 'pt_BR', 'de', 'pl', 'zh_CN'];
const I18N = path.join(ROOT, 'extension', 'i18n');

const features = () => fs.readdirSync(I18N).filter(f => fs.statSync(path.join(I18N, f)).isDirectory()).sort();
const read = (feature, lang) => JSON.parse(fs.readFileSync(path.join(I18N, feature, `${lang}.json`), 'utf8'));

// name -> content ("$1"), lower-cased as chrome.i18n matches them.
function placeholders(entry) {
  const out = {};
  for (const [name, p] of Object.entries(entry.placeholders || {})) out[name.toLowerCase()] = p && p.content;
  return out;
}

// What is wrong with one message entry on its own.
function entryProblems(where, entry) {
  const out = [];
  if (!entry || typeof entry.message !== 'string' || !entry.message.trim()) return [`${where}: empty or missing message`];
  const defined = placeholders(entry);
  const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map(m => m[1].toLowerCase()));
  for (const u of used) if (!(u in defined)) out.push(`${where}: uses $${u.toUpperCase()}$ without defining it`);
  for (const d of Object.keys(defined)) {
    if (!used.has(d)) out.push(`${where}: defines ${d} but never uses it`);
    if (!/^\$[1-9]$/.test(defined[d] || '')) out.push(`${where}: placeholder ${d} content ${JSON.stringify(defined[d])} is not $1…$9`);
  }
  // A lone $ that chrome.i18n would eat.
  const rest = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, '').replace(/\$\$/g, '');
  if (/\$\d/.test(rest)) out.push(`${where}: raw $n in message (use a named placeholder)`);
  return out;
}

require('../harness/e2e').suite(__filename, t => {
  t.test('every feature has every English key in all eight languages, with the same placeholders', async env => {
    const problems = [];
    for (const feature of features()) {
      const en = read(feature, 'en');
      for (const lang of LANGS) {
        const file = path.join(I18N, feature, `${lang}.json`);
        if (!fs.existsSync(file)) { problems.push(`${feature}/${lang}.json is missing`); continue; }
        let messages;
        try { messages = read(feature, lang); } catch (e) { problems.push(`${feature}/${lang}.json: ${e.message}`); continue; }
        for (const key of Object.keys(en)) {
          if (!(key in messages)) { problems.push(`${feature}/${lang}.json: no ${key}`); continue; }
          problems.push(...entryProblems(`${feature}/${lang}.json ${key}`, messages[key]));
          const a = JSON.stringify(Object.entries(placeholders(en[key])).sort());
          const b = JSON.stringify(Object.entries(placeholders(messages[key])).sort());
          if (a !== b) problems.push(`${feature}/${lang}.json ${key}: placeholders ${b}, English has ${a}`);
        }
        for (const key of Object.keys(messages)) {
          if (!(key in en)) problems.push(`${feature}/${lang}.json: ${key} is not in English`);
          if (!/^[A-Za-z0-9_@]+$/.test(key)) problems.push(`${feature}/${lang}.json: ${key} is not a valid message name`);
        }
      }
      for (const extra of fs.readdirSync(path.join(I18N, feature))) {
        if (extra.endsWith('.json') && !LANGS.includes(extra.replace(/\.json$/, ''))) problems.push(`${feature}/${extra}: not one of the eight languages`);
      }
    }
    env.assert(problems.length === 0, `${problems.length} problems:\n    ${problems.slice(0, 40).join('\n    ')}`);
  });

  t.test('the checker itself catches a missing placeholder and an unused one', async env => {
    env.assert.equal(entryProblems('x', { message: 'until $DATE$' }).length, 1, 'undefined placeholder');
    env.assert.equal(entryProblems('x', { message: 'until', placeholders: { date: { content: '$1' } } }).length, 1, 'unused placeholder');
    env.assert.equal(entryProblems('x', { message: 'until $DATE$', placeholders: { date: { content: '$1' } } }), [], 'good entry');
  });

  t.test('keys named by the popup, options page and scripts exist in English', async env => {
    const en = {};
    for (const feature of features()) Object.assign(en, read(feature, 'en'));
    const missing = [];
    const scan = dir => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) { if (e.name !== 'i18n') scan(p); continue; }
        if (!/\.(js|html)$/.test(e.name)) continue;
        const text = fs.readFileSync(p, 'utf8');
        const keys = [
          ...[...text.matchAll(/data-i18n="([A-Za-z0-9_]+)"/g)].map(m => m[1]),
          ...[...text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map(m => m[1]),
          ...[...text.matchAll(/\bt\(o\.\w+ \? '([A-Za-z0-9_]+)' : '([A-Za-z0-9_]+)'/g)].flatMap(m => [m[1], m[2]]),
        ];
        for (const k of keys) if (!(k in en)) missing.push(`${path.relative(ROOT, p)}: ${k}`);
      }
    };
    scan(path.join(ROOT, 'extension'));
    env.assert(missing.length === 0, `keys not in any en.json:\n    ${missing.join('\n    ')}`);
  });

  t.test('the built extension carries every key in every language', async env => {
    const locales = path.join(ROOT, 'dist', 'extension', '_locales');
    const en = JSON.parse(fs.readFileSync(path.join(locales, 'en', 'messages.json'), 'utf8'));
    for (const lang of LANGS) {
      const m = JSON.parse(fs.readFileSync(path.join(locales, lang, 'messages.json'), 'utf8'));
      const missing = Object.keys(en).filter(k => !(k in m));
      env.assert(missing.length === 0, `_locales/${lang} lacks ${missing.slice(0, 10).join(', ')}`);
    }
  });
});
