// The release's one version number. It is set in Cargo.toml ([workspace.package] version); the
// manifests take it from there when assembled (tools/assemble.mjs), and package.json and
// Cargo.lock carry copies because npm and cargo want them. package-lock.json has none (npm does
// not need it there, and build.sh reinstalls the npm packages whenever that file changes); one
// that npm writes there later is kept in step too.
//   node tools/version.mjs           prints every place and exits 1 if they disagree
//   node tools/version.mjs 0.2.0     sets it everywhere (then write its CHANGELOG.md section)
// tests/e2e/release.test.js checks that the places agree and CHANGELOG.md has the version.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const read = f => fs.readFileSync(path.join(root, f), 'utf8');
const write = (f, text) => fs.writeFileSync(path.join(root, f), text);
const MEMBERS = ['guard-core', 'guard-web', 'fixture-kit'];
const WORKSPACE_VERSION = /(\[workspace\.package\][^[]*?version\s*=\s*")([^"]+)(")/;
const lockEntry = name => new RegExp(`(\\[\\[package\\]\\]\\nname = "${name}"\\nversion = ")([^"]+)(")`);

// Every place the version is written, as found there (null: not found).
export function versions() {
  const cargo = WORKSPACE_VERSION.exec(read('Cargo.toml'));
  const lock = read('Cargo.lock');
  const pkg = JSON.parse(read('package.json'));
  const npmLock = JSON.parse(read('package-lock.json'));
  const places = {
    'Cargo.toml': cargo ? cargo[2] : null,
    'package.json': pkg.version ?? null,
  };
  if ('version' in npmLock) places['package-lock.json'] = npmLock.version;
  if ('version' in (npmLock.packages?.[''] ?? {})) places['package-lock.json (root package)'] = npmLock.packages[''].version;
  for (const m of MEMBERS) places[`Cargo.lock (${m})`] = lockEntry(m).exec(lock)?.[2] ?? null;
  return places;
}

// npm writes "version" right after "name".
function withVersion(obj, v) {
  const out = {};
  for (const [k, x] of Object.entries(obj)) {
    if (k === 'version') continue;
    out[k] = x;
    if (k === 'name') out.version = v;
  }
  return out;
}

function setVersion(v) {
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`${v}: a version is three numbers, like 1.2.3 (the stores accept no more)`);
  write('Cargo.toml', read('Cargo.toml').replace(WORKSPACE_VERSION, `$1${v}$3`));
  let lock = read('Cargo.lock');
  for (const m of MEMBERS) lock = lock.replace(lockEntry(m), `$1${v}$3`);
  write('Cargo.lock', lock);
  write('package.json', JSON.stringify(withVersion(JSON.parse(read('package.json')), v), null, 2) + '\n');
  const npmLock = JSON.parse(read('package-lock.json'));
  if ('version' in npmLock || 'version' in npmLock.packages['']) {
    npmLock.version = v; npmLock.packages[''].version = v;
    write('package-lock.json', JSON.stringify(npmLock, null, 2) + '\n');
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  if (process.argv[2]) setVersion(process.argv[2]);
  const places = versions();
  for (const [where, v] of Object.entries(places)) console.log(`${v ?? '(none)'}\t${where}`);
  if (new Set(Object.values(places)).size !== 1) {
    console.error('the versions disagree: set one with `node tools/version.mjs X.Y.Z`');
    process.exit(1);
  }
  if (!fs.existsSync(path.join(root, 'CHANGELOG.md')) || !read('CHANGELOG.md').includes(`## [${places['Cargo.toml']}]`)) {
    console.error(`CHANGELOG.md has no "## [${places['Cargo.toml']}]" section yet`);
  }
}
