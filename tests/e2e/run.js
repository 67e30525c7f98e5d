// The end-to-end tests on Node's test runner: every tests/e2e/*.test.js in one process, one
// fixture server and one Chromium with the built extension (tests/harness/e2e.js). Builds
// nothing (./build.sh test builds first).
//   node tests/e2e/run.js [substring of test names]     e.g. node tests/e2e/run.js "guard: Enter"
// Test names are "<file>: <name>". Output: "ok"/"FAIL" per test, last line "N passed, M failed";
// a JUnit report in dist/test-results/e2e-junit.xml, and the pages of each failed test beside it.
// One file in its own process and browser, with Node's own reporter:
//   node --test tests/e2e/guard.test.js     (add --test-name-pattern=<regex> to pick tests)
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

if (process.env.DG_E2E_INNER !== '1') {
  // Node's runner takes its reporters and filter from the command line: run this file again
  // with them. The filter is a plain substring, as it always was.
  const only = process.argv[2];
  const results = path.join(__dirname, '..', '..', 'dist', 'test-results');
  fs.mkdirSync(results, { recursive: true });
  const args = [
    `--test-reporter=${path.join(__dirname, 'reporter.js')}`, '--test-reporter-destination=stdout',
    '--test-reporter=junit', `--test-reporter-destination=${path.join(results, 'e2e-junit.xml')}`,
    ...(only ? [`--test-name-pattern=${only.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`] : []),
    __filename,
  ];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, DG_E2E_INNER: '1' } });
  if (r.status === null) console.log('0 passed, 1 failed');   // killed: say so in the summary's form
  process.exit(r.status ?? 2);
} else {
  const { test } = require('node:test');
  for (const f of fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) {
    try {
      require(path.join(__dirname, f));
    } catch (e) {
      test(`${f.replace('.test.js', '')}: loads`, () => { throw e; });
    }
  }
}
