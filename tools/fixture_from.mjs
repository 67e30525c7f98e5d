// Turns a misread-page report (dispute-guard-page-<date>.json, made by the extension's "Report a
// misread page") into a fixture page and its expected reading under tests/fixtures/pages:
//   node tools/fixture_from.mjs REPORT.json [--name NAME] [--fixtures DIR]
// (./build.sh fixture-from REPORT.json [NAME] runs it, then the fixture test.)
//
// - The page is rebuilt from the report's snapshot (tags, attributes, texts in document order).
// - Dates become {{date N FORMAT}}, N days from the day the report was made, in the format of
//   tests/fixtures/formats.json that writes them as the page did; a shape no format has is added
//   to formats.json (report_<lang>_<n>). So the page reads today as it read that day.
// - The orders' (stand-in) ids become {{orderid N}}, as the team's fixtures write them.
// - The expected reading is what the extension read when the report was made: a starting point
//   for the developer to correct to what it should have read.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { formatDateWith, orderId } = require(path.join(root, 'tests/harness/templates.js'));

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Where whitespace is content, nothing is added for readability.
const VERBATIM = new Set(['pre', 'textarea', 'title', 'listing', 'xmp']);

class Refused extends Error {}
function fail(message) {
  throw new Refused(message);
}

function args(argv) {
  const out = { file: null, name: null, fixtures: path.join(root, 'tests/fixtures') };
  const usage = () => { console.error('usage: node tools/fixture_from.mjs REPORT.json [--name NAME] [--fixtures DIR]'); process.exit(2); };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--name') out.name = argv[++i];
    else if (argv[i] === '--fixtures') out.fixtures = path.resolve(argv[++i]);
    else if (!out.file) out.file = argv[i];
    else if (!out.name) out.name = argv[i];
  }
  if (!out.file) usage();
  return out;
}

// Days from `from` to `to`, both YYYY-MM-DD (calendar days, whatever the time zone).
function daysBetween(from, to) {
  const utc = s => { const [y, m, d] = s.split('-').map(Number); return Date.UTC(y, m - 1, d); };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const localDate = s => { const [y, m, d] = s.split('-').map(Number); return new Date(y, m - 1, d); };

// formats.json names formats after the language (pt_de, ru_long; zh for Chinese).
const langOf = lang => String(lang || '').split(/[-_]/)[0];

// The format of formats.json that writes `rec.text` for its date, or a new one made from the
// report's pattern (with the month names of a format that has the page's month word).
function formatFor(rec, formats, lang, added) {
  const date = localDate(rec.date);
  const month = localDate(rec.date).getMonth();
  const writes = key => { try { return formatDateWith(formats, date, key) === rec.text; } catch { return false; } };
  const exact = Object.keys(formats).filter(k => k !== '_about' && writes(k));
  // Several formats may write this one date alike: prefer one of the same shape, which writes
  // the other days alike too.
  // the other days alike too, and of the page's language ("13 nov. 2026" is French and Spanish
  // alike, January is not).
  const shaped = k => [rec.pattern, rec.pattern.replace('{MON}.', '{MON}')].includes(formats[k].pattern);
  const ours = k => !formats[k].months || k.split('_')[0] === langOf(lang);
  if (exact.length) return exact.find(k => shaped(k) && ours(k)) || exact.find(ours) || exact.find(shaped) || exact[0];
  let format = { pattern: rec.pattern };
  if (rec.month) {
    const word = rec.month.toLowerCase();
    const donor = [...Object.entries(formats)].sort(([a], [b]) => (b.split('_')[0] === langOf(lang)) - (a.split('_')[0] === langOf(lang))).map(([, f]) => f).find(f => Array.isArray(f.months) && f.months[month] && f.months[month].replace(/\.$/, '').toLowerCase() === word);
    if (!donor) return null;
    const dotted = donor.months[month].endsWith('.');
    format = { pattern: dotted ? rec.pattern.replace('{MON}.', '{MON}') : rec.pattern, months: donor.months };
  }
  const key = `report_${lang || 'xx'}_${Object.keys(formats).filter(k => k.startsWith('report_')).length + 1}`;
  formats[key] = format;
  if (!writes(key)) { delete formats[key]; return null; }
  added.push(key);
  return key;
}

const escText = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{(?=\{)/g, '&#123;');
const escAttr = s => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\{(?=\{)/g, '&#123;');

// A text or attribute value with its dates as placeholders: [text, date placeholders…] escaped.
function withDates(value, dates, esc) {
  let out = '', last = 0;
  for (const d of [...dates].sort((a, b) => a.at - b.at)) {
    if (value.slice(d.at, d.at + d.text.length) !== d.text || d.at < last) continue;
    out += esc(value.slice(last, d.at)) + d.placeholder;
    last = d.at + d.text.length;
  }
  return out + esc(value.slice(last));
}

// An order's id drawn in pieces (a few digits to an element, as the report keeps it): each
// piece's digits become those of the id {{orderid N}} writes, piece by piece, since a
// placeholder cannot span elements. Changes the snapshot's texts in place.
function idsInPieces(snapshot, ids) {
  const nodes = snapshot.nodes;
  const kids = nodes.map(() => []);
  nodes.forEach(([parent], i) => { if (parent >= 0) kids[parent].push(i); });
  const text = i => nodes[i][1] === '#' ? String(nodes[i][2]) : kids[i].map(text).join('');
  const texts = i => nodes[i][1] === '#' ? [i] : kids[i].flatMap(texts);
  const numberOnly = i => /\d/.test(text(i)) && /^[\d\s.·-]*$/.test(text(i));
  nodes.forEach((_, e) => {
    if (nodes[e][1] === '#') return;
    let run = [];
    const flush = () => {
      const digits = run.map(text).join('').replace(/\D/g, '');
      const n = ids.indexOf(digits);
      if (run.length >= 2 && n >= 0) {
        const real = orderId(n + 1).split('');
        for (const t of run.flatMap(texts)) nodes[t][2] = String(nodes[t][2]).replace(/\d/g, () => real.shift() || '0');
      }
      run = [];
    };
    for (const k of kids[e]) {
      if (nodes[k][1] === '#' && !String(nodes[k][2]).trim()) continue;
      if (numberOnly(k)) run.push(k); else flush();
    }
    flush();
  });
}

function html(snapshot, datesAt) {
  const nodes = snapshot.nodes;
  const kids = nodes.map(() => []);
  nodes.forEach(([parent], i) => { if (parent >= 0) kids[parent].push(i); });
  const attrs = i => {
    const a = nodes[i][2];
    let out = '';
    for (let k = 0; k + 1 < a.length; k += 2) {
      const name = a[k];
      if (!/^[^\s"'>/=]+$/.test(name)) continue;
      out += ` ${name}="${withDates(a[k + 1], datesAt.get(`${i} ${name}`) || [], escAttr)}"`;
    }
    return out;
  };
  const el = (i, depth, pad) => {
    const [, tag, payload] = nodes[i];
    if (tag === '#') return withDates(payload, datesAt.get(`${i}`) || [], escText);
    const open = `<${tag}${attrs(i)}>`;
    if (VOID.has(tag)) return open;
    const children = kids[i];
    // Readable: one element per line, except in text and where whitespace counts.
    const blocky = pad && !VERBATIM.has(tag) && children.every(c => nodes[c][1] !== '#') && children.length > 0;
    let inner = '';
    children.forEach((c, k) => {
      // Two texts in a row stay two texts (a comment between them; the snapshot skips it).
      if (k > 0 && nodes[c][1] === '#' && nodes[children[k - 1]][1] === '#') inner += '<!---->';
      inner += blocky ? `\n${'  '.repeat(depth + 1)}${el(c, depth + 1, true)}` : el(c, depth + 1, false);
    });
    if (blocky) inner += `\n${'  '.repeat(depth)}`;
    return `${open}${inner}</${tag}>`;
  };
  return nodes.length ? el(0, 0, true) : '<body></body>';
}

// Writes the fixture for the report in `file` into `fixtures` (tests/fixtures by default):
// returns its name, the formats added to formats.json, dates kept as written, and warnings.
export function fixtureFrom(file, { name: wanted = null, fixtures = path.join(root, 'tests/fixtures') } = {}) {
  const opt = { file, name: wanted, fixtures };
  let report;
  try { report = JSON.parse(fs.readFileSync(opt.file, 'utf8')); } catch (e) { fail(`${opt.file} is not a readable JSON file (${e.message})`); }
  if (report.format !== 'dispute-guard-page-report' || report.version !== 1) fail(`${opt.file} is not a misread-page report (version 1)`);
  const { snapshot, reading, made } = report;
  if (!snapshot || !Array.isArray(snapshot.nodes) || !reading || !/^\d{4}-\d\d-\d\d$/.test(made)) fail(`${opt.file} lacks the page, the reading or its date`);

  const formatsPath = path.join(opt.fixtures, 'formats.json');
  const formatsText = fs.readFileSync(formatsPath, 'utf8');
  const formats = JSON.parse(formatsText);
  const added = [], literal = [];
  const datesAt = new Map();
  for (const found of report.dates || []) {
    let rec = found;
    let key = formatFor(rec, formats, reading.lang, added);
    // A date written with its time ("5. Nov. 2026 09:03"): the date templated, the time kept.
    const timed = key ? null : /^(.*\S)[\s,]+\d{1,2}:\d{2}(?::\d{2})?$/.exec(found.text);
    if (timed) {
      rec = { ...found, text: timed[1] };
      key = formatFor(rec, formats, reading.lang, added);
    }
    if (!key) { literal.push(found.text); continue; }
    const where = rec.attr ? `${rec.node} ${rec.attr}` : `${rec.node}`;
    if (!datesAt.has(where)) datesAt.set(where, []);
    datesAt.get(where).push({ ...rec, placeholder: `{{date ${daysBetween(made, rec.date)} ${key}}}` });
  }

  // The orders' ids, as the team's fixtures write them.
  const ids = [...new Set((reading.orders || []).map(o => o.id).filter(id => /^\d{8,20}$/.test(id)))];
  // An id printed in groups of four digits (spaces between) becomes {{orderid N spaced}}.
  const spacedId = id => id.replace(/(\d{4})(?=\d)/g, '$1 ');
  const templateIds = s => ids.reduce((acc, id, n) => acc
    .replace(new RegExp(`(?<!\\d)${id}(?!\\d)`, 'g'), `{{orderid ${n + 1}}}`)
    .replace(new RegExp(`(?<!\\d ?)${spacedId(id)}(?! ?\\d)`, 'g'), `{{orderid ${n + 1} spaced}}`), s);

  idsInPieces(snapshot, ids);

  const kind = reading.kind || 'page', lang = reading.lang || 'xx';
  let name = opt.name || `report-${kind}-${lang}-${made}`;
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) fail(`bad fixture name ${JSON.stringify(name)}`);
  const pages = path.join(opt.fixtures, 'pages');
  fs.mkdirSync(pages, { recursive: true });
  if (!opt.name) for (let n = 2; fs.existsSync(path.join(pages, `${name}.html`)); n++) name = `report-${kind}-${lang}-${made}-${n}`;
  else if (fs.existsSync(path.join(pages, `${name}.html`))) fail(`tests/fixtures/pages/${name}.html exists already`);

  // The address is not templated (the fixture's comment is read as it is): the ids in it are
  // the ones {{orderid N}} writes.
  const url = ids.reduce((acc, id, n) => acc.replace(new RegExp(`(?<!\\d)${id}(?!\\d)`, 'g'), orderId(n + 1)), String(snapshot.url || '').replace(/^http:/, 'https:'));
  const about = `Made by ./build.sh fixture-from from a misread-page report of ${made} (${path.basename(opt.file)}): ${kind}, ${reading.layout || '?'} layout, ${lang}. `
    + 'The expected reading is what the extension read then: correct it to what it should have read.'
    + (report.notes?.length ? ` The reader noted: ${report.notes.join('; ')}.` : '');
  const page = `<!-- fixture ${JSON.stringify({ url, about })} -->\n<!doctype html>\n<html lang="${escAttr(snapshot.lang || '')}">\n<head>\n<meta charset="utf-8">\n`
    + `<title>${escText(snapshot.title || '')}</title>\n</head>\n${templateIds(html(snapshot, datesAt))}\n</html>\n`;

  // The expected reading, its dates relative to the day of the report.
  const expected = JSON.stringify(reading, null, 2).replace(/"(\d{4}-\d\d-\d\d)"/g, (_, d) => `"{{date ${daysBetween(made, d)} iso}}"`);

  fs.writeFileSync(path.join(pages, `${name}.html`), page);
  fs.writeFileSync(path.join(pages, `${name}.expected.json`), templateIds(expected) + '\n');
  if (added.length) {
    // One format per line, as the file is written.
    const lines = added.map(k => `  ${JSON.stringify(k)}: ${JSON.stringify(formats[k])}`).join(',\n');
    fs.writeFileSync(formatsPath, formatsText.replace(/\s*\}\s*$/, `,\n${lines}\n}\n`));
  }
  const warnings = [];
  if (literal.length) warnings.push(`dates kept as written (no format writes them; they will not move with the days): ${literal.join(', ')}`);
  if (report.reading_changed?.length) warnings.push(`the report says anonymising changed the reading (${report.reading_changed.join('; ')}): the fixture reads the anonymised page`);
  if (report.settings_changed?.length) warnings.push(`the shopper had changed ${report.settings_changed.join(', ')}; the reading uses the default settings, as the test does`);
  return { name, page: path.join(pages, `${name}.html`), added, literal, warnings };
}

function main() {
  const opt = args(process.argv.slice(2));
  try {
    const r = fixtureFrom(opt.file, opt);
    console.log(`${path.relative(process.cwd(), r.page)} and .expected.json written`);
    if (r.added.length) console.log(`formats.json: added ${r.added.join(', ')}`);
    for (const w of r.warnings) console.warn(`warning: ${w}`);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    console.error(`fixture-from: ${e.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) main();
