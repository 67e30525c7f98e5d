// No fixed sleeps in the tests: a test waits on the thing itself (an attribute, a log entry, a
// message, the extension's own "settled" signals; tests/harness/wait.js), never for a while. Every
// timer left in the test code (tests/, but not tests/fixtures: the fixture site's own timers are
// the behaviour under test) carries a one-line reason, "// timer: …", on its line or the line
// above: a poll's interval where no event exists, a time limit, a page's own clock.
'use strict';
const fs = require('fs');
const path = require('path');
const { test } = require('node:test');

const ROOT = path.join(__dirname, '..', '..');

// A call that waits, or schedules something for later, by the clock.
const TIMER = /\bwaitForTimeout\s*\(|\bset(?:Timeout|Interval)\s*\(|\bsleep\s*\(|\bAtomics\.wait\s*\(|['"`]sleep\s+\d/;
const REASON = /\/\/\s*timer:\s*\S/;

function sources(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    // Hidden folders hold browser profiles of runs (tests/.run*), not test code.
    if ((e.name === 'fixtures' && path.basename(dir) === 'tests') || e.name.startsWith('.') || e.name === 'node_modules') continue;
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(c|m)?js$/.test(e.name)) out.push(p);
  }
  return out;
}

// Every timer in the test code under `root`: { file, line, text, reason }.
function timers(root = ROOT) {
  const found = [];
  for (const file of sources(path.join(root, 'tests'))) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (!TIMER.test(text)) return;
      const reason = REASON.test(text) || (i > 0 && /^\s*\/\//.test(lines[i - 1]) && REASON.test(lines[i - 1]));
      found.push({ file: path.relative(root, file), line: i + 1, text: text.trim(), reason });
    });
  }
  return found;
}

// (No browser: this reads files, so it registers with node:test directly.)
test('sleeps: no fixed sleep in tests/: every timer says why it is not one', () => {
  const all = timers();
  const bare = all.filter(x => !x.reason);
  if (all.length === 0) throw new Error('the scan found no timer at all (the harness poll has one): is it scanning tests/?');
  if (bare.length) throw new Error(`timers without a "// timer: <reason>" comment (wait on an event instead):\n    ${
    bare.map(x => `${x.file}:${x.line}: ${x.text.slice(0, 120)}`).join('\n    ')}`);
  console.log(`measure: ${all.length} timers in the test code, each with its reason`);
});

module.exports.timers = timers;
