// The store listing (./build.sh store, ./build.sh package): for each of the eight languages, the
// texts to paste into the Chrome Web Store and Firefox Add-ons forms, the screenshots (1280x800,
// light and dark, the demo's scenes: tests/demo.js) and the small promotional tile (440x280),
// into dist/store/<lang>/, with dist/store/index.json listing every file.
//   node tools/store.js [lang...]        (after ./build.sh; default: all eight)
// The texts are store/<lang>.md; the name and short description are the extension's own
// (extName, extDescription in extension/i18n/core/<lang>.json), so the store says what the
// browser says. tests/e2e/store.test.js checks the texts against the stores' limits.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LANGS = ['en', 'fr', 'ru', 'es', 'pt_BR', 'de', 'pl', 'zh_CN'];
const SCREEN = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
const SCHEMES = ['light', 'dark'];

// The stores' limits, in characters (code points), and where they come from. The Chrome Web
// Store takes the manifest's description as its summary and refuses more than 132 characters;
// Firefox Add-ons takes up to 250 but the manifest itself is held to 132 by both browsers.
const LIMITS = {
  name: 45,          // Chrome Web Store 75, Firefox Add-ons 50, Edge 45: the smallest
  short: 132,        // manifest description (Chrome and Firefox), the Chrome Web Store summary
  description: 16000, // Chrome Web Store detailed description
  caption: 120,      // ours: a screenshot caption on Firefox Add-ons reads as one line
  screenshots: 5,    // Chrome Web Store: at most five per listing
};

// store/<lang>.md: "## Section" headings (kept in English: they are keys) with the text under
// each; "- key: text" lines in Screenshots and Permissions. HTML comments are notes for
// translators, not listing text.
function listing(lang) {
  const file = path.join(ROOT, 'store', `${lang}.md`);
  const text = fs.readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const sections = {};
  for (const part of text.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    sections[part.slice(0, nl).trim().toLowerCase()] = part.slice(nl + 1).trim();
  }
  const keyed = body => Object.fromEntries((body || '').split('\n').filter(l => /^- [^:]+:/.test(l))
    .map(l => { const m = /^- ([^:]+):\s*(.*)$/.exec(l); return [m[1].trim(), m[2].trim()]; }));
  const core = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'i18n', 'core', `${lang}.json`), 'utf8'));
  return {
    lang,
    name: core.extName.message,
    short: core.extDescription.message,
    tagline: sections.tagline || '',
    description: sections.description || '',
    screenshots: keyed(sections.screenshots),
    privacy: sections.privacy || '',
    permissions: keyed(sections.permissions),
    sections: Object.keys(sections),
  };
}

const chars = s => [...s].length;
const dataUrl = (file, type = 'image/png') => `data:${type};base64,${fs.readFileSync(file).toString('base64')}`;
const escapeHtml = s => s.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// The small promotional tile: the icon, the name and the tagline on the extension's colours.
// Rendered by Chromium from a page of its own; fails if the tagline does not fit.
async function renderTile(browser, lang, out) {
  const l = listing(lang);
  const page = await browser.context.newPage();
  await page.setViewportSize(TILE);
  await page.setContent(`<!doctype html><html lang="${lang.replace('_', '-')}"><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${TILE.width}px; height: ${TILE.height}px; overflow: hidden; }
    body { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 14px;
      background: linear-gradient(160deg, #1f5f99, #123a5e); color: #fff; font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
    img { width: 96px; height: 96px; }
    h1 { margin: 0; font-size: 34px; font-weight: 700; }
    p { margin: 0 24px; font-size: 19px; text-align: center; line-height: 1.25; max-height: 2.5em; overflow: hidden; }
  </style><img src="${dataUrl(path.join(ROOT, 'dist', 'extension', 'icons', 'icon-128.png'))}" alt=""><h1>${escapeHtml(l.name)}</h1><p>${escapeHtml(l.tagline)}</p>`);
  await page.evaluate(() => document.fonts.ready);
  const fits = await page.evaluate(() => [...document.querySelectorAll('h1, p')].every(e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1));
  if (!fits) throw new Error(`store/${lang}.md: the tagline does not fit on the ${TILE.width}x${TILE.height} tile`);
  const png = await page.screenshot({ path: out });
  await page.close();
  return png;
}

// The popup is smaller than a store screenshot: it is shown as the browser shows it, at the top
// right over the order list it comes from.
async function composePopup(browser, listPng, popupPng, scheme, out) {
  const page = await browser.context.newPage();
  await page.setViewportSize(SCREEN);
  await page.emulateMedia({ colorScheme: scheme });
  await page.setContent(`<!doctype html><style>
    html, body { margin: 0; width: ${SCREEN.width}px; height: ${SCREEN.height}px; overflow: hidden; }
    .page { position: absolute; inset: 0; width: 100%; filter: brightness(.8); }
    .popup { position: absolute; top: 12px; right: 24px; border-radius: 8px; box-shadow: 0 6px 28px rgba(0,0,0,.45); }
  </style><img class="page" src="data:image/png;base64,${listPng.toString('base64')}"><img class="popup" src="data:image/png;base64,${popupPng.toString('base64')}">`);
  await page.evaluate(() => Promise.all([...document.images].map(i => i.decode())));
  const png = await page.screenshot({ path: out });
  await page.close();
  return png;
}

// Every scene in one language and colour scheme, at 1280x800, into `dir`; returns the files.
async function renderScreens(browser, urlOf, lang, scheme, dir) {
  const { SCENES, showScene } = require('../tests/demo');
  const files = [];
  let listPng = null;
  for (const [i, scene] of SCENES.entries()) {
    const page = await showScene(scene, { browser, urlOf, lang, scheme, size: SCREEN });
    const file = path.join(dir, `screenshot-${i + 1}-${scene.id}-${scheme}.png`);
    if (scene.width) {
      await composePopup(browser, listPng, await page.screenshot(), scheme, file);
    } else {
      const png = await page.screenshot({ path: file });
      if (scene.id === 'order-list') listPng = png;
    }
    await page.close();
    files.push(file);
  }
  return files;
}

// Width and height of a PNG, from its IHDR chunk.
function pngSize(buf) {
  if (buf.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function main() {
  const server = require('../tests/harness/server');
  const { launch } = require('../tests/harness/browser');
  const { listFixtures } = require('../tests/harness/templates');
  const langs = process.argv.slice(2).length ? process.argv.slice(2) : LANGS;
  const out = path.join(ROOT, 'dist', 'store');
  fs.rmSync(out, { recursive: true, force: true });
  const { server: srv, port } = await server.start(0);
  const browser = await launch({ port });
  const fixtures = listFixtures();
  const urlOf = name => server.fixtureUrl(fixtures.find(f => f.name === name));
  const index = { version: JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'extension', 'manifest.json'), 'utf8')).version, limits: LIMITS, languages: {} };
  try {
    for (const lang of langs) {
      const dir = path.join(out, lang);
      fs.mkdirSync(dir, { recursive: true });
      const l = listing(lang);
      fs.writeFileSync(path.join(dir, 'description.txt'), l.description + '\n');
      fs.writeFileSync(path.join(dir, 'privacy.txt'), l.privacy + '\n');
      // Each language's screenshots show that language's orders only.
      await browser.sw().evaluate(() => chrome.storage.local.clear());
      const shots = [];
      for (const scheme of SCHEMES) shots.push(...await renderScreens(browser, urlOf, lang, scheme, dir));
      const tile = path.join(dir, `tile-${TILE.width}x${TILE.height}.png`);
      await renderTile(browser, lang, tile);
      const rel = f => path.relative(out, f);
      index.languages[lang] = {
        name: l.name, short: l.short, tagline: l.tagline, description: rel(path.join(dir, 'description.txt')),
        privacy: rel(path.join(dir, 'privacy.txt')),
        screenshots: shots.map(f => ({ file: rel(f), caption: l.screenshots[/screenshot-\d+-(.+)-(?:light|dark)\.png$/.exec(f)[1]] })),
        tile: rel(tile),
      };
      console.log(`${lang}: ${shots.length} screenshots, tile, texts`);
    }
  } finally {
    await browser.close();
    srv.close();
  }
  fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}

module.exports = { LANGS, LIMITS, SCREEN, TILE, SCHEMES, listing, chars, renderTile, renderScreens, pngSize };
if (require.main === module) main().catch(e => { console.error(e); process.exit(1); });
