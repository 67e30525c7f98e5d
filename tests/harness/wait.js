// Waiting on the thing itself, never for a while. Most waits are events: an attribute
// (page.waitForFunction on data-dg-read), an element (locator.waitFor), the service worker's
// `dgTest.settled()`, and the content script's own signals, reached in its isolated world:
// `DG.main.settled` (every change made so far read and applied), `DG.guard.idle` (every
// "proceed" replayed or told), `DG.evidence.idle` (every pick and drop checked and handed on).
// What no event reports (the toolbar badge, the browser's list of tabs, a world another
// extension keeps) is polled by `poll`, the one timer the tests use to wait
// (tests/e2e/sleeps.test.js keeps it that way).
'use strict';
const { inWorld } = require('./browser');

const WORLD = 'Dispute Guard';

// Resolves with the first value of get() that passes `ok` (truthy, unless told); fails with
// `what` and the last value seen.
async function poll(get, what, { ok = Boolean, timeout = 10000, every = 50 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await get();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    // timer: the interval of a poll on a condition no event reports (see above).
    await new Promise(resolve => setTimeout(resolve, every));
  }
}

// The content script's isolated world, once the page has one: its context is created when the
// content scripts are injected (document_start), so an evaluation after it sees them all.
async function inContent(page, expression) {
  return inWorld(page, WORLD, expression);
}

// Resolves once the extension has read and applied every change the page made before the call
// (on pages it does not read, once it has decided so); fails with a clear message when a read
// failed or `ms` passed first.
async function pageSettled(page, ms = 15000) {
  let ok;
  try {
    ok = await inContent(page, `DG.main.settled(null, ${Number(ms)})`);
  } catch (e) {
    throw new Error(`the extension's content script is not running on ${page.url()}: ${e.message}`, { cause: e });
  }
  if (ok !== true) throw new Error(`the extension did not finish reading ${page.url()} within ${ms} ms (or a read failed)`);
}

module.exports = { poll, inContent, pageSettled };
