// The release's papers: one version everywhere, the store listing in the eight languages within
// the stores' limits, every permission explained to the shopper, and the store images made at
// the stores' sizes by the same code as ./build.sh store (tools/store.js, tests/demo.js).
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT } = require('../harness/browser');
const store = require('../../tools/store');
const { SCENES } = require('../demo');

const manifest = dir => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', dir, 'manifest.json'), 'utf8'));
const read = f => fs.readFileSync(path.join(ROOT, f), 'utf8');

// What the listings must explain: each manifest permission, and `hosts` for the sites the
// content scripts run on (the stores ask for both).
function permissionsToExplain() {
  const keys = new Set();
  for (const dir of ['extension', 'extension-firefox']) {
    const m = manifest(dir);
    for (const p of [...(m.permissions || []), ...(m.optional_permissions || [])]) keys.add(p);
    if ((m.content_scripts || []).length || (m.host_permissions || []).length) keys.add('hosts');
  }
  return [...keys].sort();
}

require('../harness/e2e').suite(__filename, t => {
  t.test('one version: Cargo.toml, Cargo.lock, package.json and both built manifests agree, and CHANGELOG.md has it', async env => {
    const { versions } = await import('../../tools/version.mjs');
    const places = versions();
    places['dist/extension/manifest.json'] = manifest('extension').version;
    places['dist/extension-firefox/manifest.json'] = manifest('extension-firefox').version;
    const v = places['Cargo.toml'];
    env.assert(/^\d+\.\d+\.\d+$/.test(v), `Cargo.toml version ${v}`);
    for (const [where, x] of Object.entries(places)) env.assert(x === v, `${where} has ${x}, Cargo.toml ${v}`);
    env.assert(!('version' in JSON.parse(read('extension/manifest.json'))), 'the source manifest sets no version of its own');
    const changelog = read('CHANGELOG.md');
    env.assert(/^## \[Unreleased\]$/m.test(changelog), 'CHANGELOG.md: an Unreleased section (Keep a Changelog)');
    env.assert(new RegExp(`^## \\[${v.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog), `CHANGELOG.md: no "## [${v}] - YYYY-MM-DD" section`);
  });

  t.test('store listing: eight languages, every section, within the stores\' limits', async env => {
    const files = fs.readdirSync(path.join(ROOT, 'store')).filter(f => f.endsWith('.md') && f !== 'README.md').map(f => f.replace(/\.md$/, ''));
    env.assert.equal(files.sort(), [...store.LANGS].sort(), 'one listing per language');
    env.assert.equal([...store.LANGS].sort(), fs.readdirSync(path.join(ROOT, 'dist', 'extension', '_locales')).sort(), 'the languages of _locales');
    const problems = [];
    for (const lang of store.LANGS) {
      const l = store.listing(lang);
      const over = (what, text, max) => { if (store.chars(text) > max) problems.push(`${lang} ${what}: ${store.chars(text)} characters, over ${max}`); };
      over('name', l.name, store.LIMITS.name);
      over('short description (extDescription)', l.short, store.LIMITS.short);
      over('description', l.description, store.LIMITS.description);
      for (const [id, caption] of Object.entries(l.screenshots)) over(`caption ${id}`, caption, store.LIMITS.caption);
      for (const s of ['tagline', 'description', 'screenshots', 'privacy', 'permissions']) if (!l.sections.includes(s)) problems.push(`${lang}: no "## ${s}" section`);
      if (store.chars(l.description) < 500) problems.push(`${lang} description: ${store.chars(l.description)} characters, too short to say what it does`);
      if (!l.tagline) problems.push(`${lang}: empty tagline`);
      // A caption for every scene the screenshots are made of, and none for a scene that is not.
      const scenes = SCENES.map(s => s.id);
      if (JSON.stringify(Object.keys(l.screenshots).sort()) !== JSON.stringify([...scenes].sort())) problems.push(`${lang} screenshots: captions for ${Object.keys(l.screenshots)}, scenes ${scenes}`);
      if (scenes.length > store.LIMITS.screenshots) problems.push(`${scenes.length} scenes, the Chrome Web Store takes ${store.LIMITS.screenshots}`);
      if (/\bTODO\b|\bXXX\b|[Ll]orem ipsum/.test(l.description + l.privacy)) problems.push(`${lang}: placeholder text`);
      if (lang !== 'en' && l.description === store.listing('en').description) problems.push(`${lang}: description not translated`);
    }
    env.assert(problems.length === 0, problems.join('\n'));
  });

  t.test('every manifest permission is explained in docs/PRIVACY.md and in every language\'s listing', async env => {
    const keys = permissionsToExplain();
    env.assert(keys.includes('storage') && keys.includes('hosts'), `permissions read from the manifests: ${keys}`);
    const privacy = read('docs/PRIVACY.md');
    const table = privacy.slice(privacy.indexOf('## Permissions'));
    const problems = [];
    for (const k of keys) {
      if (k === 'hosts') {
        for (const cs of manifest('extension').content_scripts) for (const host of cs.matches) if (!table.includes(`\`${host}\``)) problems.push(`PRIVACY.md: host ${host} not explained`);
      } else if (!new RegExp(`^\\| \`${k}\` \\| .{20,}`, 'm').test(table)) problems.push(`PRIVACY.md: no line explaining \`${k}\``);
    }
    for (const lang of store.LANGS) {
      const l = store.listing(lang);
      const explained = Object.keys(l.permissions).sort();
      if (JSON.stringify(explained) !== JSON.stringify(keys)) problems.push(`store/${lang}.md explains ${explained}, the manifests ask for ${keys}`);
      for (const [k, why] of Object.entries(l.permissions)) if (store.chars(why) < 20) problems.push(`store/${lang}.md ${k}: "${why}" explains nothing`);
      // The privacy text says, in every language, the sites it reads and how to delete everything.
      for (const site of ['aliexpress.com', 'aliexpress.ru', 'aliexpress.us']) if (!l.permissions.hosts?.includes(site)) problems.push(`store/${lang}.md hosts: ${site} not named`);
      const forget = JSON.parse(read(`extension/i18n/options/${lang}.json`)).optionsForget.message;
      const exportLabel = JSON.parse(read(`extension/i18n/options/${lang}.json`)).optionsExport.message;
      if (!l.privacy.includes(forget)) problems.push(`store/${lang}.md privacy: does not name the options' "${forget}"`);
      if (!l.privacy.includes(exportLabel)) problems.push(`store/${lang}.md privacy: does not name the options' "${exportLabel}"`);
    }
    for (const s of ['What it reads', 'What it keeps', 'What it never does', 'How to see and delete it']) if (!privacy.includes(`## ${s}`)) problems.push(`PRIVACY.md: no "${s}" section`);
    env.assert(problems.length === 0, problems.join('\n'));
  });

  t.test('store images: a screenshot per scene at 1280x800 in light and dark, and the 440x280 tile', async env => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'dg-store-'));
    try {
      await env.resetStorage();
      const urlOf = name => env.url(name);
      const files = [];
      for (const scheme of store.SCHEMES) files.push(...await store.renderScreens(env.browser, urlOf, 'fr', scheme, dir));
      env.assert.equal(files.map(f => path.basename(f)), store.SCHEMES.flatMap(s => SCENES.map((sc, i) => `screenshot-${i + 1}-${sc.id}-${s}.png`)), 'files');
      for (const f of files) env.assert.equal(store.pngSize(fs.readFileSync(f)), store.SCREEN, `${path.basename(f)} size`);
      // Light and dark differ where the extension draws (its notices and the popup follow the scheme).
      const popup = s => fs.readFileSync(files.find(f => f.endsWith(`popup-${s}.png`)));
      env.assert(!popup('light').equals(popup('dark')), 'the popup looks the same in light and dark');
      for (const lang of store.LANGS) {
        const tile = path.join(dir, `tile-${lang}.png`);
        await store.renderTile(env.browser, lang, tile);
        env.assert.equal(store.pngSize(fs.readFileSync(tile)), store.TILE, `${lang} tile size`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await env.resetStorage();
    }
  });
});
