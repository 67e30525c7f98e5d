// The docs stay the repository's own and match it: no reference to documents outside it (the
// facts the code's tables cite are in docs/SOURCES.md), every citation of a numbered section of
// docs/CONTRACT.md or docs/SOURCES.md names a section that exists, and ARCHITECTURE.md's layout
// names every file of the extension, the tests and the tools.
'use strict';
const fs = require('fs');
const path = require('path');
const { test } = require('node:test');

const ROOT = path.join(__dirname, '..', '..');
const TEXT = /\.(md|rs|js|mjs|cjs|json|html|css|toml|py|sh|txt)$/;

// Every text file under `rel` (a folder or a file), skipping build outputs and hidden folders.
function files(rel) {
  const p = path.join(ROOT, rel);
  if (!fs.statSync(p).isDirectory()) return [rel];
  const out = [];
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'target') continue;
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...files(r));
    else if (TEXT.test(e.name)) out.push(r);
  }
  return out;
}

function lines(rel) {
  return fs.readFileSync(path.join(ROOT, rel), 'utf8').split('\n');
}

// Documents that live outside the repository, and issue numbers of a tracker a reader of the
// repository does not have.
const OUTSIDE = [/DESIGN\.md/, /FACTS\.md/, /\.\.\/shared\b/, /\bissues? #?\d+/i];
const WHERE = ['docs', 'README.md', 'extension', 'crates', 'tests', 'tools', 'build.sh'];

function outsideReferences() {
  const found = [];
  for (const rel of WHERE.flatMap(files)) {
    if (path.resolve(ROOT, rel) === __filename) continue;
    lines(rel).forEach((text, i) => {
      for (const re of OUTSIDE) if (re.test(text)) found.push(`${rel}:${i + 1}: ${text.trim().slice(0, 120)}`);
    });
  }
  return found;
}

// The numbered sections of a doc: "## 4. Evidence uploads" → 4.
function sections(doc) {
  return new Set(lines(doc).map(l => /^## (\d+)\. /.exec(l)).filter(Boolean).map(m => Number(m[1])));
}

// "section 4", "sections 4 and 9", "sections 4, 5 and 9", "sections 1–8" → [numbers].
function numbers(list) {
  const out = [];
  for (const part of list.split(/,\s*|\s+and\s+/)) {
    const range = /^(\d+)[–-](\d+)$/.exec(part.trim());
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(n);
    else if (/^\d+$/.test(part.trim())) out.push(Number(part.trim()));
  }
  return out;
}

const CITATION = /\b(CONTRACT|SOURCES)(?:\.md)?,? sections? (\d+(?:[–-]\d+)?(?:(?:,\s*|\s+and\s+)\d+(?:[–-]\d+)?)*)/gi;
// Citations by name or by a bare number, which the numbering replaced.
const LOOSE = [/\b(?:CONTRACT|SOURCES)\.md,? ["“]/, /\bCONTRACT\.md \d/];

function citations() {
  const known = { CONTRACT: sections('docs/CONTRACT.md'), SOURCES: sections('docs/SOURCES.md') };
  const wrong = [];
  let count = 0;
  for (const rel of WHERE.flatMap(files)) {
    if (path.resolve(ROOT, rel) === __filename) continue;
    lines(rel).forEach((text, i) => {
      for (const m of text.matchAll(CITATION)) {
        const doc = m[1].toUpperCase();
        for (const n of numbers(m[2])) {
          count++;
          if (!known[doc].has(n)) wrong.push(`${rel}:${i + 1}: ${doc}.md has no section ${n}: ${text.trim().slice(0, 100)}`);
        }
      }
      for (const re of LOOSE) if (re.test(text)) wrong.push(`${rel}:${i + 1}: cite the section's number: ${text.trim().slice(0, 100)}`);
    });
  }
  // Within the contract, its own sections by number too.
  lines('docs/CONTRACT.md').forEach((text, i) => {
    if (/\bsection ["“]/.test(text)) wrong.push(`docs/CONTRACT.md:${i + 1}: cite the section's number: ${text.trim().slice(0, 100)}`);
  });
  return { count, wrong, known };
}

// What ARCHITECTURE.md's "## Layout" section must name: every file of extension/sw/,
// extension/pages/, extension/content/ and tools/; every entry of extension/ and tests/, and
// of tests/ folders but fixtures' (named by folder); e2e files by their stem in backticks.
function unnamed() {
  const text = fs.readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const at = text.indexOf('\n## Layout\n');
  if (at < 0) return ['docs/ARCHITECTURE.md has no "## Layout" section'];
  const end = text.indexOf('\n## ', at + 1);
  const layout = text.slice(at, end < 0 ? undefined : end);
  const entries = rel => fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true }).filter(e => !e.name.startsWith('.'));
  const missing = [];
  const need = (rel, e, name = e.isDirectory() ? `${e.name}/` : e.name) => {
    if (!layout.includes(name)) missing.push(`${rel}/${e.name}`);
  };
  for (const rel of ['extension', 'extension/sw', 'extension/pages', 'extension/content', 'tools', 'tests', 'tests/fixtures',
    'tests/harness', 'tests/test-build', 'tests/firefox', 'tests/bench']) {
    for (const e of entries(rel)) need(rel, e, rel === 'extension' && e.isDirectory() ? `${e.name}/` : undefined);
  }
  for (const e of entries('tests/e2e')) {
    need('tests/e2e', e, e.name.endsWith('.test.js') ? `\`${e.name.slice(0, -'.test.js'.length)}\`` : e.name);
  }
  return missing;
}

// (No browser: these read files, so they register with node:test directly.)
test('docs: no reference to documents outside the repository (DESIGN.md, FACTS.md, ../shared, issue numbers)', () => {
  const found = outsideReferences();
  if (found.length) throw new Error(`say it in the project's words, or bring the fact into docs/ (docs/SOURCES.md):\n    ${found.join('\n    ')}`);
});

test('docs: every cited section of CONTRACT.md and SOURCES.md exists, cited by its number', () => {
  const { count, wrong, known } = citations();
  if (known.CONTRACT.size < 10 || known.SOURCES.size < 8) throw new Error(`numbered sections not found: CONTRACT.md ${known.CONTRACT.size}, SOURCES.md ${known.SOURCES.size}`);
  if (count < 20) throw new Error(`only ${count} citations found: is the scan reading the code?`);
  if (wrong.length) throw new Error(wrong.join('\n    '));
});

test('docs: ARCHITECTURE.md\'s layout names every file of extension/, tests/ and tools/', () => {
  const missing = unnamed();
  if (missing.length) throw new Error(`not in docs/ARCHITECTURE.md's "Layout" (say what each is for):\n    ${missing.join('\n    ')}`);
});

module.exports = { outsideReferences, citations, unnamed };
