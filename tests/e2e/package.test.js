// What the shipped package may do, pinned: permissions, host access and CSP at their minimum
// (no tabs, no <all_urls>, no remote code, connect-src limited to the extension itself), and no
// code path that could turn page text into markup or code.
'use strict';
const fs = require('fs');
const os = require('os');
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

// A zip's entries as Python's zipfile reads them (name, date, Unix mode, extra field, sizes).
function zipEntries(file) {
  const py = `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps([{"name": i.filename, "date": list(i.date_time), "mode": i.external_attr >> 16,
  "extra": len(i.extra), "size": i.file_size, 
  "data": z.read(i).hex() if i.filename.endswith("manifest.json") else None} for i in z.infolist()]))`;
  return JSON.parse(execFileSync('python3', ['-c', py, file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

const builtVersion = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'extension', 'manifest.json'), 'utf8')).version;
// What a store accepts, with room to spare: the Chrome Web Store takes packages up to 2 GB and
// Firefox Add-ons up to 200 MB; ours is about 450 KB, so 1 MB catches a build that drags in
// something it should not (a debug wasm, the fixtures, node_modules).
const ZIP_BUDGET = 1 << 20;

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

require('../harness/e2e').suite(__filename, t => {
  for (const [target, dir] of [['chrome', 'extension'], ['firefox', 'extension-firefox']]) {
    t.test(`${target} store zip: exactly the built files, sorted, dated 1980-01-01, mode 644, within its size budget`, async env => {
      const zip = path.join(ROOT, 'dist', `dispute-guard-${builtVersion()}-${target}.zip`);
      env.assert(fs.existsSync(zip), `${zip} missing`);
      const entries = zipEntries(zip);
      const built = files(path.join(ROOT, 'dist', dir), ['']).map(f => path.relative(path.join(ROOT, 'dist', dir), f).split(path.sep).join('/'));
      const names = entries.map(e => e.name);
      env.assert.equal(names, [...built].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'entries: the built files, sorted by name (byte order), no directories');
      for (const e of entries) {
        env.assert.equal(e.date, [1980, 1, 1, 0, 0, 0], `${e.name}: date (SOURCE_DATE_EPOCH default)`);
        env.assert(e.mode === 0o100644, `${e.name}: mode ${e.mode.toString(8)}, not 100644`);
        env.assert(e.extra === 0, `${e.name}: extra field (uid/gid or times) of ${e.extra} bytes`);
        env.assert(e.size === fs.statSync(path.join(ROOT, 'dist', dir, e.name)).size, `${e.name}: size differs from the built file`);
      }
      const m = JSON.parse(Buffer.from(entries.find(e => e.name === 'manifest.json').data, 'hex').toString('utf8'));
      env.assert.equal([m.manifest_version, m.name, m.version, m.default_locale], [3, '__MSG_extName__', builtVersion(), 'en'], 'manifest in the zip');
      env.assert(/^\d+\.\d+\.\d+$/.test(m.version), `version ${m.version}: the stores take up to four dot-separated numbers; ours has three`);
      for (const f of ['background.js', 'pkg/guard_web_bg.wasm', 'popup/popup.html', 'options/options.html', 'icons/icon-128.png', '_locales/en/messages.json'])
        env.assert(names.includes(f), `${f} missing from the zip`);
      const size = fs.statSync(zip).size;
      env.assert(size < ZIP_BUDGET, `${size} bytes, over the ${ZIP_BUDGET}-byte budget`);
    });
  }

  t.test('the wasm names no path of the machine that built it (two machines give the same bytes)', async env => {
    const wasm = fs.readFileSync(path.join(ROOT, 'dist', 'pkg', 'guard_web_bg.wasm')).toString('latin1');
    for (const p of new Set([ROOT, os.homedir(), process.env.CARGO_HOME || path.join(os.homedir(), '.cargo')]))
      env.assert(!wasm.includes(p + '/'), `the wasm contains ${p}/`);
    env.assert(!/\/(home|root|Users|tmp)\/[^\0]*\/registry\/src\//.test(wasm), 'the wasm contains a cargo registry path');
  });

  t.test('source zip: the repository as committed, in dispute-guard-<version>/, without build outputs', async env => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dg-source-')), 'source.zip');
    try {
      execFileSync('bash', [path.join(ROOT, 'build.sh'), 'source', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      const prefix = `dispute-guard-${builtVersion()}/`;
      const names = zipEntries(out).map(e => e.name).filter(n => !n.endsWith('/'));
      env.assert(names.every(n => n.startsWith(prefix)), `every entry under ${prefix}`);
      const inside = new Set(names.map(n => n.slice(prefix.length)));
      const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(f => f && fs.existsSync(path.join(ROOT, f)));
      env.assert.equal([...inside].sort(), tracked.sort(), 'the files git tracks, no more, no fewer');
      for (const f of ['build.sh', 'Cargo.toml', 'Cargo.lock', 'rust-toolchain.toml', 'package.json', 'package-lock.json', 'docs/BUILDING.md', 'crates/guard-web/src/lib.rs', 'extension/manifest.json', 'tools/assemble.mjs'])
        env.assert(inside.has(f), `${f} missing: a reviewer could not rebuild`);
      for (const n of inside) env.assert(!/^(dist|target|node_modules|\.tools|\.cache)\//.test(n), `${n}: a build output in the source zip`);
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

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
});
