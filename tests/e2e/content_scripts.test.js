// The content scripts' module maps (docs/ARCHITECTURE.md, "The page side's modules"). The
// scripts in extension/content/ are classic scripts sharing one global, DG, in the order the
// manifest lists them; each says at its top, before any code, what it takes from the others and
// what it gives them:
//   // @uses DG.i18n, DG.ui        (or "// @uses (none)")
//   // @provides DG.guard
// This reads every script (with ESLint's parser, as the lint gate does) and checks the maps
// against the code and against the manifest's order, so a reader can trust them.
// (No browser: this reads files, so it registers with node:test directly.)
'use strict';
const fs = require('fs');
const path = require('path');
const { test } = require('node:test');
const { Linter } = require('eslint');

const ROOT = path.join(__dirname, '..', '..');
const EXT = path.join(ROOT, 'extension');
const NAME = /^DG\.([A-Za-z_$][\w$]*)$/;

function parse(file, code) {
  const linter = new Linter();
  const fatal = linter.verify(code, { languageOptions: { sourceType: 'script', ecmaVersion: 'latest' } }).find(m => m.fatal);
  if (fatal) throw new Error(`${file}:${fatal.line}: ${fatal.message}`);
  return linter.getSourceCode().ast;
}

// The map in the script's header: { uses, provides, problems }.
function mapOf(file, ast) {
  const problems = [];
  const codeStarts = ast.body.length ? ast.body[0].range[0] : Infinity;
  const tags = { uses: [], provides: [] };
  for (const c of ast.comments) {
    for (const line of c.value.split('\n')) {
      const m = /^\s*\*?\s*@(uses|provides)\b(.*)$/.exec(line);
      if (!m) continue;
      if (c.type !== 'Line' || c.range[0] > codeStarts) { problems.push(`${file}:${c.loc.start.line}: @${m[1]} outside the header (one map, at the top, in // lines)`); continue; }
      tags[m[1]].push({ line: c.loc.start.line, text: m[2].trim() });
    }
  }
  const out = { problems };
  for (const tag of ['uses', 'provides']) {
    if (tags[tag].length !== 1) { problems.push(`${file}: ${tags[tag].length === 0 ? 'no' : 'more than one'} "// @${tag} …" line in its header`); out[tag] = new Set(); continue; }
    const { line, text } = tags[tag][0];
    const items = text === '(none)' ? [] : text.split(',').map(s => s.trim());
    out[tag] = new Set();
    for (const item of items) {
      const m = NAME.exec(item);
      if (!m) problems.push(`${file}:${line}: @${tag} lists "${item}" (write DG.<name>, comma-separated, or "(none)")`);
      else if (out[tag].has(m[1])) problems.push(`${file}:${line}: @${tag} lists DG.${m[1]} twice`);
      else out[tag].add(m[1]);
    }
  }
  for (const n of out.uses) if (out.provides.has(n)) problems.push(`${file}: DG.${n} both used and provided`);
  return out;
}

// An identifier that names a property (o.DG, { DG: … }), not the variable.
function isName(node, parent) {
  return node.type === 'Identifier' && !!parent && !parent.computed
    && ((parent.type === 'MemberExpression' && parent.property === node) || (parent.type === 'Property' && parent.key === node && !parent.shorthand));
}

function isDG(node) {
  return (node.type === 'Identifier' && node.name === 'DG')
    || (node.type === 'MemberExpression' && !node.computed && node.property.name === 'DG' && node.object.type === 'Identifier' && ['globalThis', 'window', 'self'].includes(node.object.name));
}

// What the script's code does with DG: names read and names assigned (a compound assignment,
// `DG.state ||= …`, counts as assigned), with a line for each; DG used in a way a tool cannot
// follow (`DG[x]`, DG handed to a function) is a problem.
function accessOf(file, ast) {
  const reads = new Map(), assigns = new Map(), problems = [];
  const note = (map, name, line) => { if (!map.has(name)) map.set(name, line); };
  (function walk(node, parent) {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'MemberExpression' && isDG(node.object)) {
      const line = node.loc.start.line;
      if (node.computed) problems.push(`${file}:${line}: DG[…]: name the module (DG.<name>) so that the map can say it`);
      else if (parent && parent.type === 'AssignmentExpression' && parent.left === node) note(assigns, node.property.name, line);
      else note(reads, node.property.name, line);
    } else if (isDG(node) && !(parent && parent.type === 'MemberExpression' && parent.object === node) && !isName(node, parent)) {
      const line = node.loc.start.line;
      // The one binding every script makes: const DG = (globalThis.DG ||= {}).
      const binding = (parent && parent.type === 'VariableDeclarator' && parent.id === node)
        || (parent && parent.type === 'AssignmentExpression' && parent.left === node && parent.operator === '||=');
      // const { ui, i18n } = DG: reads of those names.
      const pattern = parent && parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'ObjectPattern' ? parent.id : null;
      if (pattern && pattern.properties.every(p => p.type === 'Property' && !p.computed)) for (const p of pattern.properties) note(reads, p.key.name, line);
      else if (!binding) problems.push(`${file}:${line}: DG used whole (only DG.<name> can be followed)`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) for (const v of value) walk(v, node);
      else if (value && typeof value.type === 'string') walk(value, node);
    }
  })(ast, null);
  return { reads, assigns, problems };
}

// Every content script with its map and what its code does.
function scripts(root = EXT) {
  const dir = path.join(root, 'content');
  const out = new Map();
  for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.js')).sort()) {
    const rel = `content/${f}`;
    const ast = parse(rel, fs.readFileSync(path.join(dir, f), 'utf8'));
    const map = mapOf(rel, ast), access = accessOf(rel, ast);
    out.set(rel, { ...map, ...access, problems: [...map.problems, ...access.problems] });
  }
  return out;
}

// The problems of the maps of the extension under `root`, as lines.
function check(root = EXT) {
  const all = scripts(root);
  const problems = [];
  // (a), (b) and the map's honesty: what the code reads and assigns, the map says, and nothing more.
  for (const [file, s] of all) {
    problems.push(...s.problems);
    for (const [name, line] of s.reads) {
      if (!s.uses.has(name) && !s.provides.has(name)) problems.push(`${file}:${line}: reads DG.${name}, not in its @uses`);
    }
    for (const [name, line] of s.assigns) if (!s.provides.has(name)) problems.push(`${file}:${line}: sets DG.${name}, not in its @provides`);
    for (const name of s.provides) if (!s.assigns.has(name)) problems.push(`${file}: @provides DG.${name}, which it never sets`);
    for (const name of s.uses) if (!s.reads.has(name)) problems.push(`${file}: @uses DG.${name}, which it never reads`);
  }
  // (d) one provider per name.
  const provider = new Map();
  for (const [file, s] of all) {
    for (const name of s.provides) {
      if (provider.has(name)) problems.push(`DG.${name} provided by both ${provider.get(name)} and ${file}`);
      else provider.set(name, file);
    }
  }
  // (c) in every content_scripts entry, what a script uses comes from a script listed before it.
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const listed = new Set();
  for (const [i, entry] of (manifest.content_scripts || []).entries()) {
    const before = new Set();
    for (const file of entry.js || []) {
      listed.add(file);
      const s = all.get(file);
      if (!s) { problems.push(`manifest content_scripts[${i}] lists ${file}, which is not a script in extension/content/`); continue; }
      for (const name of s.uses) {
        if (before.has(name)) continue;
        const from = provider.get(name);
        problems.push(from
          ? `content_scripts[${i}]: ${file} uses DG.${name}, which ${from} provides only after it in the manifest's order`
          : `content_scripts[${i}]: ${file} uses DG.${name}, which no content script provides`);
      }
      for (const name of s.provides) before.add(name);
    }
  }
  // A script the extension's pages or worker import alone has none of the others beside it.
  const imported = new Set();
  (function importers(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'content') importers(p); continue; }
      if (!e.name.endsWith('.js')) continue;
      for (const m of fs.readFileSync(p, 'utf8').matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
        const rel = path.relative(root, path.resolve(dir, m[1])).split(path.sep).join('/');
        if (!rel.startsWith('content/')) continue;
        imported.add(rel);
        const s = all.get(rel);
        if (s && s.uses.size) problems.push(`${path.relative(root, p)} imports ${rel} alone, which uses ${[...s.uses].map(n => 'DG.' + n).join(', ')}`);
      }
    }
  })(root);
  for (const file of all.keys()) if (!listed.has(file) && !imported.has(file)) problems.push(`${file} is neither in the manifest's content_scripts nor imported by a page`);
  return problems;
}

test('content scripts: each says what it uses and provides, and uses only what scripts before it in the manifest provide', () => {
  const all = scripts();
  if (all.size < 10) throw new Error(`only ${all.size} content scripts found in extension/content/`);
  const problems = check();
  if (problems.length) throw new Error(`the content scripts' module maps (// @uses, // @provides) disagree with the code or the manifest:\n    ${problems.join('\n    ')}`);
  const edges = [...all.values()].reduce((n, s) => n + s.uses.size, 0);
  console.log(`measure: ${all.size} content scripts, ${edges} uses, each from a script earlier in the manifest`);
});

// The check itself, on a small extension written for it: each rule is seen to fail.
test('content scripts: the map check names each kind of mistake', () => {
  const os = require('os');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-maps-'));
  try {
    fs.mkdirSync(path.join(root, 'content'));
    fs.mkdirSync(path.join(root, 'popup'));
    const head = (uses, provides) => `// @uses ${uses}\n// @provides ${provides}\n'use strict';\n(() => {\n  const DG = (globalThis.DG ||= {});\n`;
    const files = {
      'a.js': head('(none)', 'DG.a') + '  DG.a = { f: () => DG.b.g() };\n})();\n',            // reads DG.b, not in @uses
      'b.js': head('DG.c', 'DG.b') + '  DG.b = { g: () => DG.c.h() }; DG.extra = 1;\n})();\n', // DG.c comes later; sets DG.extra
      'c.js': head('(none)', 'DG.c, DG.gone') + '  DG.c = { h() {} };\n})();\n',              // never sets DG.gone
      'd.js': head('DG.a', 'DG.c') + '  DG.c = DG.a;\n})();\n',                              // DG.c twice
      'e.js': head('DG.a', 'DG.e') + '  DG.e = 1;\n  DG[String(DG.e)] = 2;\n})();\n',          // @uses DG.a unread; DG[…]
      'f.js': head('DG.a', 'DG.f') + '  DG.f = DG.a;\n})();\n',                              // imported alone by a page
    };
    for (const [f, code] of Object.entries(files)) fs.writeFileSync(path.join(root, 'content', f), code);
    fs.writeFileSync(path.join(root, 'popup', 'popup.js'), "import '../content/f.js';\n");
    fs.writeFileSync(path.join(root, 'manifest.json'), JSON.stringify({ content_scripts: [{ js: ['content/a.js', 'content/b.js', 'content/c.js', 'content/d.js', 'content/e.js'] }] }));
    const problems = check(root).join('\n');
    const expected = [
      'content/a.js:6: reads DG.b, not in its @uses',
      'content/b.js:6: sets DG.extra, not in its @provides',
      'content/c.js: @provides DG.gone, which it never sets',
      'DG.c provided by both content/c.js and content/d.js',
      'content/b.js uses DG.c, which content/c.js provides only after it',
      'content/e.js: @uses DG.a, which it never reads',
      'content/e.js:7: DG[…]',
      'popup/popup.js imports content/f.js alone, which uses DG.a',
    ];
    const missed = expected.filter(e => !problems.includes(e));
    if (missed.length) throw new Error(`not reported:\n    ${missed.join('\n    ')}\nreported:\n    ${problems.replace(/\n/g, '\n    ')}`);
  } finally { fs.rmSync(root, { recursive: true, force: true }); }
});

module.exports = { check, scripts };
