// Assembles the loadable extensions from extension/ and the built wasm (dist/pkg):
//   dist/extension          Chromium (load unpacked)
//   dist/extension-firefox  Firefox
//   dist/extension-test     Chromium with the test hooks (`./build.sh test-build`): the wasm
//                           built with the `test-hooks` feature (dist/pkg-test) and tests/test-build/
//                           as test/, whose background.js loads the hooks, then the extension's.
//                           Never zipped: the shipped builds carry none of it.
// One manifest source: the Chromium manifest drops the Firefox-only keys and the Firefox one
// drops `service_worker` (Firefox runs the same module as an event page). The version comes
// from Cargo.toml, the one place it is set (tools/version.mjs). _locales/<lang>/messages.json are merged from the
// per-feature sources in extension/i18n/<feature>/<lang>.json; a key defined twice is an error.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'extension');
const dist = path.join(root, 'dist');

export function version() {
  const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const m = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/.exec(cargo);
  if (!m) throw new Error('no workspace.package version in Cargo.toml');
  return m[1];
}

export function mergedLocales() {
  const byLang = {};
  const where = {};
  const dir = path.join(src, 'i18n');
  for (const feature of fs.readdirSync(dir).sort()) {
    for (const file of fs.readdirSync(path.join(dir, feature)).sort()) {
      if (!file.endsWith('.json')) continue;
      const lang = file.replace(/\.json$/, '');
      const messages = JSON.parse(fs.readFileSync(path.join(dir, feature, file), 'utf8'));
      byLang[lang] ||= {};
      for (const [key, value] of Object.entries(messages)) {
        const here = `${feature}/${file}`;
        if (key in byLang[lang]) throw new Error(`message ${key} defined in both ${where[lang + key]} and ${here}`);
        byLang[lang][key] = value;
        where[lang + key] = here;
      }
    }
  }
  return byLang;
}

function copyTree(from, to, skip) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(e.name)) continue;
    const a = path.join(from, e.name), b = path.join(to, e.name);
    if (e.isDirectory()) copyTree(a, b, new Set());
    else fs.copyFileSync(a, b);
  }
}

const OUT = { chrome: 'extension', firefox: 'extension-firefox', test: 'extension-test', 'firefox-test': 'extension-firefox-test' };

function assemble(target) {
  const out = path.join(dist, OUT[target]);
  fs.rmSync(out, { recursive: true, force: true });
  copyTree(src, out, new Set(['i18n', 'manifest.json']));
  const testBuild = target === 'test' || target === 'firefox-test';
  copyTree(path.join(dist, testBuild ? 'pkg-test' : 'pkg'), path.join(out, 'pkg'), new Set(['package.json', '.gitignore']));
  if (testBuild) copyTree(path.join(root, 'tests', 'test-build'), path.join(out, 'test'), new Set());
  for (const [lang, messages] of Object.entries(mergedLocales())) {
    fs.mkdirSync(path.join(out, '_locales', lang), { recursive: true });
    fs.writeFileSync(path.join(out, '_locales', lang, 'messages.json'), JSON.stringify(messages, null, 2) + '\n');
  }
  // The source manifest has no version (tools/version.mjs: Cargo.toml holds it): it goes in
  // after the description, where a reader looks for it.
  const manifest = Object.fromEntries(Object.entries(JSON.parse(fs.readFileSync(path.join(src, 'manifest.json'), 'utf8')))
    .flatMap(([k, x]) => (k === 'description' ? [[k, x], ['version', version()]] : [[k, x]])));
  if (target === 'chrome' || target === 'test') {
    delete manifest.background.scripts;
    delete manifest.browser_specific_settings;
    if (target === 'test') manifest.background.service_worker = 'test/background.js';
  } else {
    delete manifest.background.service_worker;
    if (target === 'firefox-test') manifest.background.scripts = ['test/background.js'];
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return out;
}

// `node tools/assemble.mjs` the shipped builds; `node tools/assemble.mjs test` the test build.
if (process.argv[1] === new URL(import.meta.url).pathname) {
  for (const t of process.argv[2] === 'test' ? ['test', 'firefox-test'] : ['chrome', 'firefox']) console.log(assemble(t));
}
