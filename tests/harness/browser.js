// Launches Debian's Chromium with the built extension, mapping the AliExpress host names to
// the fixture server. Profiles live under tests/.run and are removed on close. The extension is
// the test build (dist/extension-test: the shipped one plus the hooks the tests read, see
// tests/test-build/) unless another is given.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const RUN_DIR = path.join(ROOT, 'tests', '.run');
const TEST_BUILD = path.join(ROOT, 'dist', 'extension-test');
const HOSTS = ['*.aliexpress.com', 'aliexpress.com', '*.aliexpress.ru', 'aliexpress.ru', '*.aliexpress.us', 'aliexpress.us'];

async function launch({ port, extensionDir = TEST_BUILD, headless = true, profile } = {}) {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} is not built: run ./build.sh`);
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const userDataDir = profile || fs.mkdtempSync(path.join(RUN_DIR, 'profile-'));
  const rules = HOSTS.map(h => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      `--host-resolver-rules=${rules}`,
    ],
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  let sw = null, extensionId = null;
  if (manifest.background) {
    sw = context.serviceWorkers()[0];
    if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 20000 });
    extensionId = sw.url().split('/')[2];
  }
  const swErrors = [];
  return {
    context, extensionId, swErrors, userDataDir,
    sw: () => context.serviceWorkers().find(w => w.url().includes(extensionId)) || sw,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !profile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Evaluates an expression in a content script's isolated world, found by its extension's name
// (the DevTools protocol reaches it; the page cannot).
async function inWorld(page, worldName, expression) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', e => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ctx = contexts.find(c => c.name === worldName);
  if (!ctx) { await cdp.detach(); throw new Error(`no ${worldName} world in ${page.url()}`); }
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true });
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
  return r.result.value;
}

module.exports = { launch, inWorld, ROOT, RUN_DIR, TEST_BUILD };
