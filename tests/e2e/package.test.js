// What the shipped package may do, pinned: permissions, host access and CSP at their minimum
// (no tabs, no <all_urls>, no remote code, connect-src limited to the extension itself), and no
// code path that could turn page text into markup or code.
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT } = require('../harness/browser');

const HOSTS = ['*://*.aliexpress.com/*', '*://*.aliexpress.ru/*', '*://*.aliexpress.us/*'];
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'";

function files(dir, ext) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, ext) : ext.some(x => p.endsWith(x)) ? [p] : [];
  });
}

require('../harness/e2e').suite(__filename, t => {
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
});
