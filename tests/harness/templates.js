// Fixture templating, the twin of crates/fixture-kit's `render` (same placeholders, same
// formats from tests/fixtures/formats.json); the snapshot comparison test keeps them equal.
'use strict';
const fs = require('fs');
const path = require('path');

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const formats = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'formats.json'), 'utf8'));

const pad = (n, w = 2) => String(n).padStart(w, '0');

// Local calendar date `days` from `today` (a Date at local midnight or any time that day).
function addDays(today, days) {
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
}

function formatDate(d, name) {
  return formatDateWith(formats, d, name);
}

// The same with another set of formats (tools/fixture_from.mjs writes into a copy).
function formatDateWith(formats, d, name) {
  const f = formats[name];
  if (!f || !f.pattern) throw new Error(`unknown date format ${JSON.stringify(name)}`);
  const y = d.getFullYear(), m = d.getMonth() + 1, day = d.getDate();
  return f.pattern
    .replaceAll('{YYYY}', pad(y, 4)).replaceAll('{YY}', pad(y % 100)).replaceAll('{MM}', pad(m))
    .replaceAll('{M}', String(m)).replaceAll('{DD}', pad(day)).replaceAll('{D}', String(day))
    .replaceAll('{MON}', (f.months || [])[m - 1] || '').replaceAll('{TIME}', '10:51:32').replaceAll('{HM}', '10:23');
}

function orderId(n) {
  return '8' + String(100000000000n + BigInt(n) * 7919n).padStart(15, '0');
}

function render(template, today = new Date()) {
  return template.replace(/\{\{(.*?)\}\}/gs, (_, body) => {
    const parts = body.trim().split(/\s+/);
    if (parts[0] === 'date' && parts.length === 3) {
      const n = Number(parts[1]);
      if (!Number.isInteger(n)) throw new Error(`bad day offset ${parts[1]}`);
      return formatDate(addDays(today, n), parts[2]);
    }
    if (parts[0] === 'ms' && parts.length === 2) {
      const d = Number(parts[1]);
      if (!Number.isFinite(d)) throw new Error(`bad day count ${parts[1]}`);
      return String(Math.round(d * 86400000));
    }
    if (parts[0] === 'orderid' && parts.length === 2) return orderId(Number(parts[1]));
    // The id printed in groups of four digits, as some pages print it.
    if (parts[0] === 'orderid' && parts.length === 3 && parts[2] === 'spaced') return orderId(Number(parts[1])).replace(/(\d{4})(?=\d)/g, '$1 ');
    throw new Error(`unknown placeholder {{${body}}}`);
  });
}

function fixtureMeta(template) {
  const m = /<!-- fixture(.*?)-->/s.exec(template);
  if (!m) throw new Error('no <!-- fixture {...} --> comment');
  return JSON.parse(m[1]);
}

function listFixtures() {
  const dir = path.join(FIXTURES, 'pages');
  return fs.readdirSync(dir).filter(f => f.endsWith('.html')).sort().map(f => {
    const name = f.replace(/\.html$/, '');
    const template = fs.readFileSync(path.join(dir, f), 'utf8');
    const expectedPath = path.join(dir, name + '.expected.json');
    return {
      name, template, meta: fixtureMeta(template),
      expected: fs.existsSync(expectedPath) ? fs.readFileSync(expectedPath, 'utf8') : null,
    };
  });
}

module.exports = { render, formatDate, formatDateWith, orderId, listFixtures, fixtureMeta, FIXTURES, addDays };
