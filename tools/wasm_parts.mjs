// What the wasm is made of, so that growth shows the day it happens (./build.sh bench).
//   node tools/wasm_parts.mjs SHIPPED.wasm NAMED.wasm TWIGGY_TOP.json [OUT.json]
// SHIPPED is the wasm in the package; NAMED the same wasm-bindgen output optimised with the same
// wasm-opt flags plus -g (names kept: its code and data are the shipped ones, byte for byte, which
// is checked); TWIGGY_TOP the output of `twiggy top -n 1000000 -f json NAMED`.
// Prints the markdown section and writes the figures as JSON to OUT.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

// gzip -9, as build.sh reports the wasm's size (node's zlib compresses a little less well).
export const gz = b => execFileSync('gzip', ['-9c'], { input: b, maxBuffer: 1 << 28 }).length;

// The sections of a wasm module: { name, bytes } in file order.
export function sections(buf) {
  const names = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'];
  const leb = i => { let r = 0, s = 0, x; do { x = buf[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return [r, i]; };
  const out = [];
  let i = 8;
  while (i < buf.length) {
    const id = buf[i++];
    const [n, start] = leb(i);
    let name = names[id] || `section ${id}`;
    if (id === 0) { const [l, j] = leb(start); name = `custom "${buf.subarray(j, j + l).toString('utf8')}"`; }
    out.push({ name, bytes: buf.subarray(start, start + n) });
    i = start + n;
  }
  return out;
}

// Which part of the program an item (a function or data segment, by its demangled name) is.
// Generic code goes to the crate of its first path: `<T as alloc::string::ToString>::to_string`
// is alloc's; anything naming serde (the derived impls of our types included) is serde's, since
// that code exists only to read and write JSON.
export function crateOf(name) {
  if (name.startsWith('data segment')) return 'data (strings, tables)';
  if (/serde/.test(name)) return 'serde + serde_json (incl. derived impls)';
  if (/ multivalue shim$/.test(name) || /^export "/.test(name) || /_[0-9a-f]{16}$/.test(name)) return 'guard_web exports (core code inlined into them)';
  if (/^(type|import|table|elem|global|memory)\b|^func\[|^code\[/.test(name)) return 'wasm structure (types, imports, tables)';
  const m = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  if (m) return m[1];
  if (/^<(str|char|\[|f64|f32|u\d+|i\d+|usize|isize|bool)/.test(name) || /^<?&?(str|char)\b/.test(name)) return 'core';
  return 'other';
}

function moduleOf(name) {
  const m = /guard_core::([a-z_]+)/.exec(name);
  return m && !/serde/.test(name) ? m[1] : null;
}

export function parts(shipped, named, top) {
  const s = sections(shipped), n = sections(named);
  const size = (xs, k) => (xs.find(x => x.name === k) || { bytes: [] }).bytes.length;
  const same = ['code', 'data'].every(k => size(s, k) === size(n, k));
  const items = top.filter(x => !/subsection|^custom section/.test(x.name));
  const sum = key => {
    const m = new Map();
    for (const it of items) { const k = key(it.name); if (k) m.set(k, (m.get(k) || 0) + it.shallow_size); }
    return [...m].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes }));
  };
  return {
    raw: shipped.length, gzip: gz(shipped), namesMatch: same,
    sections: s.map(x => ({ name: x.name, raw: x.bytes.length, gzip: gz(x.bytes) })),
    crates: sum(crateOf),
    coreModules: sum(moduleOf),
    top: items.slice().sort((a, b) => b.shallow_size - a.shallow_size).slice(0, 25).map(x => ({ name: x.name, bytes: x.shallow_size })),
  };
}

export function markdown(p) {
  const kb = b => (b / 1024).toFixed(1);
  const short = s => (s.length > 110 ? `${s.slice(0, 107)}…` : s).replace(/\|/g, '\\|').replace(/::h[0-9a-f]{16}$/, '');
  const lines = ['## What the wasm is made of', '',
    `${p.raw} B raw, ${p.gzip} B gzipped. Sections (each gzipped alone, so the gzip column sums to a little more than the whole):`, '',
    '| section | raw | gzip |', '|---|---|---|',
    ...p.sections.filter(x => x.raw > 64).map(x => `| ${x.name} | ${x.raw} B | ${x.gzip} B |`), '',
    `By crate (bytes of the code and data sections, from twiggy on a copy with names${p.namesMatch ? '' : '; WARNING: that copy\'s code or data differ from the shipped wasm'}):`, '',
    '| part | bytes | KB |', '|---|---|---|',
    ...p.crates.map(x => `| ${x.name} | ${x.bytes} | ${kb(x.bytes)} |`), '',
    'The core\'s own code by module (serde impls and code inlined into the exports not included):', '',
    '| guard_core module | bytes |', '|---|---|',
    ...p.coreModules.slice(0, 20).map(x => `| ${x.name} | ${x.bytes} |`), '',
    'Largest items:', '', '| bytes | item |', '|---|---|',
    ...p.top.map(x => `| ${x.bytes} | ${short(x.name)} |`), ''];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [shipped, named, top, out] = process.argv.slice(2);
  if (!top) { console.error('usage: node tools/wasm_parts.mjs SHIPPED.wasm NAMED.wasm TWIGGY_TOP.json [OUT.json]'); process.exit(2); }
  const p = parts(fs.readFileSync(shipped), fs.readFileSync(named), JSON.parse(fs.readFileSync(top, 'utf8')));
  if (out) fs.writeFileSync(out, JSON.stringify(p, null, 2));
  console.log(markdown(p));
}
