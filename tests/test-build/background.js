// The test build's service worker (dist/extension-test, assembled by tools/assemble.mjs): the
// test hooks first, so that they see the extension's listeners registered, then the extension
// itself, unchanged.
import './hooks.js';
import '../background.js';
