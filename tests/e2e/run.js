// The end-to-end tests on Node's test runner: each tests/e2e/*.test.js in its own process, with
// its own fixture server and Chromium carrying the built extension (tests/harness/e2e.js), one
// file after another. Builds nothing (./build.sh test builds first).
//   node tests/e2e/run.js [substring of test names]     e.g. node tests/e2e/run.js "guard: Enter"
// Test names are "<file>: <name>". Output: "ok"/"FAIL" per test, last line "N passed, M failed";
// a JUnit report in dist/test-results/e2e-junit.xml, and the pages of each failed test beside it.
// Node's own reporter instead: node --test tests/e2e/ (add --test-name-pattern=<regex>).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const only = process.argv[2];
const results = path.join(__dirname, '..', '..', 'dist', 'test-results');
fs.mkdirSync(results, { recursive: true });
const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort().map(f => path.join(__dirname, f));
const args = [
  '--test', '--test-concurrency=1',
  `--test-reporter=${path.join(__dirname, 'reporter.js')}`, '--test-reporter-destination=stdout',
  '--test-reporter=junit', `--test-reporter-destination=${path.join(results, 'e2e-junit.xml')}`,
  // The filter stays a plain substring, as it always was.
  ...(only ? [`--test-name-pattern=${only.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`] : []),
  ...files,
];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (r.status === null) console.log('0 passed, 1 failed');   // killed: say so in the summary's form
process.exit(r.status ?? 2);
