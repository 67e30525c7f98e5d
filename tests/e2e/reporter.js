// A node:test reporter that writes what the old runner wrote: "ok   <name> (<ms> ms)", "FAIL
// <name>: <error and first stack lines>", and last "N passed, M failed" (the line ./build.sh
// test adds up). Tests left out by a name filter are not mentioned.
'use strict';

module.exports = async function* report(source) {
  let passed = 0, failed = 0;
  for await (const { type, data } of source) {
    // What the tests print ("measure:" lines, where a failed test's pages were kept).
    if (type === 'test:stdout' || type === 'test:stderr') { yield data.message; continue; }
    if ((type !== 'test:pass' && type !== 'test:fail') || data.details?.type === 'suite') continue;
    if (data.skip || data.todo) continue;
    const ms = Math.round(data.details.duration_ms);
    if (type === 'test:pass') {
      passed++;
      yield `ok   ${data.name} (${ms} ms)\n`;
    } else {
      failed++;
      const e = data.details.error;
      const cause = e?.cause ?? e;
      const text = String(cause?.stack || cause?.message || cause);
      yield `FAIL ${data.name}: ${text.split('\n').slice(0, 6).join('\n    ')}\n`;
    }
  }
  yield `${passed} passed, ${failed} failed\n`;
};
