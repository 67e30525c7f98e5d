// What the shipped package may do, pinned: permissions, host access and CSP at their minimum
// (no tabs, no <all_urls>, no remote code, connect-src limited to the extension itself), and no
// code path that could turn page text into markup or code.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, TEST_BUILD } = require('../harness/browser');

const HOSTS = ['*://*.aliexpress.com/*', '*://*.aliexpress.ru/*', '*://*.aliexpress.us/*'];
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'";

function files(dir, ext) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.some(x => p.endsWith(x)) ? [p] : [];
  });
}

// What only the test build may carry (tests/test-build/, the wasm's `test-hooks` feature).
const TEST_ONLY = ['dgTest', 'shiftClockForTests', 'evidenceTestHooks', 'recentSnapshots', 'failCoreStart', 'panic_for_tests',
  'data-dg-test-panic', 'test/hooks.js'];

// Every file of a folder or a zip, as bytes, by name.
function contents(where) {
  if (where.endsWith('.zip')) {
    const script = 'import base64, json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))';
    const entries = JSON.parse(execFileSync('python3', ['-c', script, where], { maxBuffer: 1 << 30 }).toString());
    return Object.entries(entries).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]);
  }
  return files(where, ['']).map(f => [path.relative(where, f), fs.readFileSync(f)]);
}

module.exports = t => {
  t.test('the shipped builds and their zips carry no test hook; the test build does', async env => {
    const dist = path.join(ROOT, 'dist');
    const shipped = ['extension', 'extension-firefox', ...fs.readdirSync(dist).filter(f => /^dispute-guard-.*\.zip$/.test(f))];
    env.assert(shipped.length === 4, `two folders and two zips: ${shipped}`);
    const found = [];
    for (const what of shipped) {
      const all = contents(path.join(dist, what));
      env.assert(all.length > 20 && all.some(([n]) => n.endsWith('guard_web_bg.wasm')), `${what}: the whole extension, wasm included`);
      for (const [name, bytes] of all) {
        for (const hook of TEST_ONLY) if (name.includes(hook) || bytes.includes(hook)) found.push(`${what}/${name}: ${hook}`);
      }
    }
    env.assert(found.length === 0, `test hooks shipped:\n${found.join('\n')}`);
    // The names looked for are the ones the test build really has (in its scripts and its wasm).
    const test = contents(TEST_BUILD).map(([, bytes]) => bytes);
    for (const hook of TEST_ONLY.filter(h => h !== 'test/hooks.js')) env.assert(test.some(b => b.includes(hook)), `the test build has ${hook}`);
    env.assert(fs.existsSync(path.join(TEST_BUILD, 'test', 'hooks.js')), 'the test build has its hooks module');
  });

  for (const [target, dir] of [['chromium', 'extension'], ['firefox', 'extension-firefox']]) {
    t.test(`${target} manifest: minimal permissions, AliExpress hosts only, wasm-only CSP`, async env => {
      const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', dir, 'manifest.json'), 'utf8'));
      env.assert.equal(m.manifest_version, 3, 'manifest version');
      env.assert.equal([...m.permissions].sort(), ['alarms', 'notifications', 'storage'], 'permissions');
      env.assert(!m.optional_permissions && !m.host_permissions && !m.optional_host_permissions, 'no extra host permissions');
      for (const cs of m.content_scripts) env.assert.equal(cs.matches, HOSTS, 'content script hosts');
      env.assert.equal(m.content_security_policy, { extension_pages: CSP }, 'CSP');
      env.assert(!m.externally_connectable && !m.web_accessible_resources, 'nothing exposed to web pages');
      env.assert(!JSON.stringify(m).includes('<all_urls>'), 'no <all_urls>');
      if (target === 'chromium') env.assert(m.background.service_worker && !m.background.scripts, 'service worker background');
      else env.assert(m.background.scripts && !m.background.service_worker && m.browser_specific_settings.gecko.id, 'event-page background, gecko id');
      for (const f of [...files(path.join(ROOT, 'dist', dir), ['.html'])]) {
        const html = fs.readFileSync(f, 'utf8');
        env.assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), `${f}: inline script`);
        env.assert(!/\s(src|href)=["']?(https?:)?\/\//i.test(html), `${f}: remote resource`);
      }
    });
  }

  t.test('no extension code builds markup from strings, evaluates code or reaches the network', async env => {
    const forbidden = [
      [/\.(innerHTML|outerHTML)\s*=/, 'innerHTML/outerHTML assignment'],
      [/insertAdjacentHTML|createContextualFragment|document\.write/, 'HTML insertion'],
      [/\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]/, 'code from strings'],
      [/\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/, 'network API'],
      [/\bfetch\s*\(\s*['"`]https?:/, 'fetch of a remote URL'],
      [/\bimportScripts\s*\(|import\s*\(\s*['"`]https?:/, 'remote code'],
    ];
    const sources = files(path.join(ROOT, 'extension'), ['.js', '.html']);
    env.assert(sources.length > 5, 'extension sources found');
    const hits = [];
    for (const f of sources) {
      const text = fs.readFileSync(f, 'utf8');
      for (const [re, what] of forbidden) if (re.test(text)) hits.push(`${path.relative(ROOT, f)}: ${what}`);
    }
    env.assert(hits.length === 0, hits.join('\n'));
  });
};
