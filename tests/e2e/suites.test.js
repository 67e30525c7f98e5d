// Every end-to-end file registers its tests with the runner. A file written for the earlier
// runner (`module.exports = t => …`) loads without error under node --test and runs nothing:
// its tests would silently stop counting. This fails instead, naming the file.
'use strict';
const fs = require('fs');
const path = require('path');
const { test } = require('node:test');

// Through the harness (a browser) or, for a test that needs none, node:test itself.
const SUITE = /require\('\.\.\/harness\/e2e'\)\.suite\(__filename,|require\('node:test'\)/;

test('suites: every tests/e2e/*.test.js registers its tests through harness/e2e suite()', () => {
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js') && f !== path.basename(__filename));
  const silent = files.filter(f => !SUITE.test(fs.readFileSync(path.join(__dirname, f), 'utf8')));
  if (files.length < 10) throw new Error(`only ${files.length} test files found in ${__dirname}`);
  if (silent.length) throw new Error(`these files register no test (call require('../harness/e2e').suite(__filename, t => …)): ${silent.join(', ')}`);
});
