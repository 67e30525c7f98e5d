#!/usr/bin/env bash
# Dispute Guard: the one entry point. Idempotent; installs what a fresh machine lacks.
#   ./build.sh [build]   release wasm → wasm-bindgen → wasm-opt → dist/extension (+ zips), and the
#                        test build dist/extension-test (the same with the test hooks; never zipped)
#   ./build.sh test      every test: Rust, lints (rustfmt, clippy, ESLint), end-to-end in Chromium, Firefox; last line "N passed, M failed"
#   ./build.sh demo      the bundled demo pages in Chromium with the extension (screenshots when headless)
#   ./build.sh bench     what the extension costs a page, against the bare minimum (dist/bench/)
#   ./build.sh size      build, then what the wasm is made of (dist/bench/wasm-parts.md; also in bench)
#   ./build.sh fuzz      long fuzzing of the core (DG_FUZZ_CASES per property, default 20000)
#   ./build.sh package   build, then the store zips (shipped builds only), the source zip and the store listing (dist/store/)
#   ./build.sh store     build, then the store listing only: texts, screenshots, promotional tile
#   ./build.sh repro     build, then rebuild from the source zip in a clean folder and compare the bytes
#   ./build.sh source    only dist/dispute-guard-<version>-source.zip (or ./build.sh source <file>)
#   ./build.sh fixture-from REPORT.json [NAME]   a misread-page report → a fixture page + expected reading, then the fixture test
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$ROOT/.tools/bin:$ROOT/.cache/tools/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
STAMPS=$ROOT/.cache/stamps
mkdir -p "$STAMPS"

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

need_rust_target() { need_rust_toolchain; }

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
need_wasm_bindgen() {
  [ -f Cargo.lock ] || cargo generate-lockfile -q
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want into .tools (about 2 minutes, once)"
    # No --locked: a dependency pinned in the CLI's lockfile is missing from the registry mirror.
    cargo install -q wasm-bindgen-cli --version "=$want" --root "$ROOT/.tools" --force
  fi
}

need_npm() {
  local stamp="$STAMPS/npm-$(sha256sum package-lock.json | cut -c1-16)"
  if [ ! -f "$stamp" ] || [ ! -d node_modules ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
}

need_apt() {   # need_apt <command> <package>...
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  say "installing $* from Debian"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# twiggy (wasm code size profiler) for the benchmark's "what the wasm is made of"; pinned.
TWIGGY_VERSION=0.8.0
need_twiggy() {
  if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
    say "installing twiggy $TWIGGY_VERSION into .cache/tools (about 5 minutes, once)"
    cargo install -q twiggy --version "=$TWIGGY_VERSION" --root "$ROOT/.cache/tools" --force
  fi
}

# The features rustc enables by default for wasm32 (all supported by Chromium and Firefox 128+);
# not --all-features, which lets wasm-opt emit instructions the browsers may lack.
WASM_FEATURES="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
WASM_OPT="-Oz"

# The sizes of the wasm's parts (tools/wasm_parts.mjs) from a copy optimised the same way with
# its names kept (-g): dist/bench/wasm-parts.{json,md}.
wasm_parts() {
  need_twiggy
  local d=.cache/wasm-parts
  rm -rf "$d"; mkdir -p "$d" dist/bench
  cargo build -q -p guard-web --release --target wasm32-unknown-unknown   # the shipped one, not the test build's
  wasm-bindgen --target web --no-typescript --out-dir "$d" target/wasm32-unknown-unknown/release/guard_web.wasm
  # shellcheck disable=SC2086
  wasm-opt $WASM_OPT -g $WASM_FEATURES "$d/guard_web_bg.wasm" -o "$d/named.wasm"
  twiggy top -n 1000000 -f json "$d/named.wasm" > "$d/top.json"
  node tools/wasm_parts.mjs dist/pkg/guard_web_bg.wasm "$d/named.wasm" "$d/top.json" dist/bench/wasm-parts.json > dist/bench/wasm-parts.md
}

wasm_size() {
  local f=dist/pkg/guard_web_bg.wasm
  echo "wasm: $(stat -c %s $f) bytes raw, $(gzip -9c $f | wc -c) bytes gzipped"
}

# The core as wasm, release profile: cargo → wasm-bindgen into <out dir>; wasm_opt then shrinks it.
# The glue gets __wbg_reset_state (a fresh instance of the compiled module, in place): after a
# panic or another trap, extension/sw/core.js calls it before the next call.
wasm_bindgen_out() {   # wasm_bindgen_out <out dir> [cargo arguments]
  local out=$1; shift
  cargo build -q -p guard-web --release --target wasm32-unknown-unknown "$@"
  rm -rf "$out"
  wasm-bindgen --target web --no-typescript --experimental-reset-state-function \
    --out-dir "$out" target/wasm32-unknown-unknown/release/guard_web.wasm
}

wasm_opt() {   # wasm_opt <out dir>
  # shellcheck disable=SC2086
  wasm-opt $WASM_OPT $WASM_FEATURES "$1/guard_web_bg.wasm" -o "$1/guard_web_bg.wasm"
}

# build [with-test]: the shipped builds and their zips; with-test also dist/extension-test, the
# Chromium build plus the test hooks (tests/test-build/ and the wasm's `test-hooks` entry points)
# that the end-to-end tests and the benchmark load. Its wasm is optimised alongside the other.
build() {
  need_rust_target; need_wasm_bindgen; need_npm
  say "building the core (wasm, release)"
  wasm_bindgen_out dist/pkg
  local opt_test=""
  if [ "${1:-}" = with-test ]; then
    wasm_bindgen_out dist/pkg-test --features test-hooks
    wasm_opt dist/pkg-test & opt_test=$!
  fi
  wasm_opt dist/pkg
  [ -z "$opt_test" ] || wait "$opt_test"
  node tools/assemble.mjs >/dev/null
  local v; v=$(node -e "import('./tools/assemble.mjs').then(m => console.log(m.version()))")
  rm -f dist/dispute-guard-*.zip
  store_zip dist/extension "dist/dispute-guard-$v-chrome.zip"
  store_zip dist/extension-firefox "dist/dispute-guard-$v-firefox.zip"
  echo "dist/extension (load unpacked in Chromium), dist/extension-firefox, dist/dispute-guard-$v-{chrome,firefox}.zip"
  if [ -n "$opt_test" ]; then
    node tools/assemble.mjs test >/dev/null
    echo "dist/extension-test (the test build: the same with the test hooks, never shipped)"
  fi
  wasm_size
}

# Sums "test result: ok. X passed; Y failed" over every cargo test binary.
rust_tests() {
  local log=.cache/cargo-test.log
  set +e; cargo test --workspace 2>&1 | tee "$log" | grep -E '^(test result|failures:|---- )' ; local rc=${PIPESTATUS[0]}; set -e
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; echo "cargo test failed to run (see $log)"; fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
}

# Runs a node test suite whose last line is "N passed, M failed", and adds its counts.
node_suite() {   # node_suite <name> <script> [args]
  local name=$1; shift
  local log=".cache/$name.log"
  set +e; node "$@" 2>&1 | tee "$log"; set -e
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
  if [ -z "$line" ]; then FAILED=$((FAILED + 1)); echo "$name did not finish"; return; fi
  PASSED=$((PASSED + $(echo "$line" | awk '{print $1}'))); FAILED=$((FAILED + $(echo "$line" | awk '{print $3}')))
}

# The lint gates: rustfmt (rustfmt.toml), clippy with every warning an error, ESLint
# (eslint.config.mjs). Each counts as one test; a finding fails it and is printed.
lint() {   # lint <name> <log> <command...>
  local name=$1 log=$2; shift 2
  if "$@" > "$log" 2>&1; then
    echo "ok   $name"; PASSED=$((PASSED + 1))
  else
    head -60 "$log"; echo "FAIL $name (all of it: $log)"; FAILED=$((FAILED + 1))
  fi
}
lints() {
  lint "cargo fmt --check (cargo fmt fixes it)" .cache/rustfmt.log cargo fmt --all --check
  lint "cargo clippy --all-targets -D warnings" .cache/clippy.log cargo clippy -q --workspace --all-targets -- -D warnings
  lint "eslint (extension, tests, tools)" .cache/eslint.log eslint --max-warnings 0 .
}

firefox_lint() {
  if web-ext lint --source-dir dist/extension-firefox --self-hosted --warnings-as-errors --output text > .cache/web-ext-lint.log 2>&1; then
    echo "ok   web-ext lint (Firefox)"; PASSED=$((PASSED + 1))
  else
    cat .cache/web-ext-lint.log; echo "FAIL web-ext lint (Firefox)"; FAILED=$((FAILED + 1))
  fi
}

# ---------------------------------------------------------------------------------------------
# Release: the pinned toolchain, reproducible bytes, the source zip, the store listing.
# docs/BUILDING.md says how a reviewer rebuilds the same bytes; docs/ARCHITECTURE.md ("Release")
# why it is done this way.

# The toolchain of rust-toolchain.toml, installed by rustup when missing (a fresh machine, or
# RUSTUP_AUTO_INSTALL=0, where rustc does not install it by itself).
need_rust_toolchain() {
  if ! RUSTUP_AUTO_INSTALL=0 rustc --version >/dev/null 2>&1 \
     || ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
     || ! RUSTUP_AUTO_INSTALL=0 cargo clippy --version >/dev/null 2>&1 \
     || ! RUSTUP_AUTO_INSTALL=0 cargo fmt --version >/dev/null 2>&1; then
    say "installing the Rust toolchain of rust-toolchain.toml"
    rustup toolchain install || rustup show >/dev/null
    # A toolchain installed earlier without them gets the lint gates' components too.
    rustup component add clippy rustfmt >/dev/null
  fi
}

# Paths on this machine stay out of the wasm: panic messages name the registry's source files by
# their absolute path (…/.cargo/registry/src/…); remapped, two machines give the same bytes.
# (Cargo's trim-paths would do this, but it is not stable in the pinned cargo.) Exported here, for
# the wasm target only, so every wasm build in this script gets it and host builds (tests) do not.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=$ROOT=/dispute-guard"

# A zip whose bytes depend only on the files' contents and names: entries sorted by name, no
# directory entries, every file dated SOURCE_DATE_EPOCH (default 1980-01-01, the zip format's
# first day) and mode 644, no extra fields (-X: no uid/gid, no extended times). Info-ZIP writes
# local DOS times, hence TZ=UTC. Not `web-ext build` (two runs on the same files differ: entry
# order follows file-read completion and every entry is dated now) nor `python3 -m zipfile`
# (dates from the files' mtimes): docs/ARCHITECTURE.md, "Release".
store_zip() {   # store_zip <dir> <out.zip>
  need_apt zip zip
  local dir=$1 out; out=$(readlink -f "$2")
  local epoch=${SOURCE_DATE_EPOCH:-315532800}
  rm -f "$out"
  find "$dir" -type d -exec chmod 755 {} + ; find "$dir" -type f -exec chmod 644 {} +
  find "$dir" -exec touch -h -d "@$epoch" {} +
  (cd "$dir" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | TZ=UTC zip -q -X -D -9 "$out" -@)
}

version() { node -e "import('./tools/assemble.mjs').then(m => console.log(m.version()))"; }

# dist/dispute-guard-<version>-source.zip (or $2): the repository as committed, without build
# outputs, in a folder dispute-guard-<version>/. Uncommitted changes to tracked files go in too
# (git stash create), with a warning: a release is made from a clean checkout. git archive dates
# every entry with the commit's time and sorts them, so one commit gives one zip.
source_zip() {   # source_zip <version> [out]
  local v=$1 out=${2:-dist/dispute-guard-$1-source.zip} rev=HEAD
  if ! git rev-parse --git-dir >/dev/null 2>&1; then
    echo "not a git checkout: no source zip (it is made from git)" >&2; return 1
  fi
  if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    rev=$(git stash create)
    echo "warning: uncommitted changes; the source zip has them, a release should not" >&2
  fi
  if [ -n "$(git status --porcelain --untracked-files=normal | grep '^??' || true)" ]; then
    echo "warning: untracked files are not in the source zip (git add them, or they are not part of the source)" >&2
  fi
  rm -f "$out"
  git archive --format=zip --prefix="dispute-guard-$v/" -o "$out" "$rev"
}

# Rebuilds from the source zip in a clean folder under /tmp (another path, another cargo home,
# a fresh target dir) and compares its wasm, glue and both store zips with this build's.
# The pinned tools installed here (.tools: the wasm-bindgen CLI; node_modules: wasm-opt) are
# lent to it; docs/BUILDING.md installs them from nothing.
repro_check() {
  local v; v=$(version)
  local tmp; tmp=$(mktemp -d /tmp/dg-repro.XXXXXX)
  source_zip "$v" "$tmp/source.zip"
  python3 -m zipfile -e "$tmp/source.zip" "$tmp"
  local src=$tmp/dispute-guard-$v
  ln -s "$(readlink -f node_modules)" "$src/node_modules"
  ln -s "$(readlink -f .tools)" "$src/.tools"
  mkdir -p "$src/.cache/stamps" "$tmp/cargo-home"
  touch "$src/.cache/stamps/npm-$(sha256sum "$src/package-lock.json" | cut -c1-16)"   # no npm ci into the lent node_modules
  ln -s "${CARGO_HOME:-$HOME/.cargo}/registry" "$tmp/cargo-home/registry"
  say "rebuilding from the source zip in $src (clean target dir, cargo home $tmp/cargo-home)"
  local rc=0
  (cd "$src" && env -u CARGO_TARGET_DIR CARGO_HOME="$tmp/cargo-home" bash build.sh build) > "$tmp/build.log" 2>&1 || rc=$?
  if [ "$rc" != 0 ]; then
    tail -20 "$tmp/build.log"; echo "FAIL reproducible build: the build from the source zip failed (log: $tmp/build.log)"
    FAILED=$((FAILED + 1)); return
  fi
  local f differ=0
  for f in pkg/guard_web_bg.wasm pkg/guard_web.js "dispute-guard-$v-chrome.zip" "dispute-guard-$v-firefox.zip"; do
    if cmp -s "dist/$f" "$src/dist/$f"; then
      echo "same    $(sha256sum "dist/$f" | cut -c1-16)  $f"
    else
      echo "DIFFERS $(sha256sum "dist/$f" | cut -c1-16) $(sha256sum "$src/dist/$f" | cut -c1-16)  $f"; differ=1
    fi
  done
  if [ "$differ" = 0 ]; then
    echo "ok   reproducible build: the source zip rebuilt elsewhere gives the same bytes"; PASSED=$((PASSED + 1))
    rm -rf "$tmp"
  else
    echo "FAIL reproducible build: bytes differ (the other build stays in $src)"; FAILED=$((FAILED + 1))
  fi
}
# What a release uploads: both store zips, the source zip, the store listing (dist/store/), and
# their SHA-256 sums (dist/dispute-guard-<version>-SHA256SUMS) for the reviewer to compare.
package_release() {
  local v; v=$(version)
  source_zip "$v"
  store_listing
  (cd dist && sha256sum "dispute-guard-$v-chrome.zip" "dispute-guard-$v-firefox.zip" \
     "dispute-guard-$v-source.zip" pkg/guard_web_bg.wasm > "dispute-guard-$v-SHA256SUMS")
  say "release $v"
  (cd dist && ls -l --time-style=+ "dispute-guard-$v"-*.zip | awk '{print $5 " bytes  " $NF}' && cat "dispute-guard-$v-SHA256SUMS")
  echo "store listing: dist/store/ ($(find dist/store -name '*.png' | wc -l) images)"
}

# dist/store/: the listing's texts per language, the screenshots (1280x800, light and dark, from
# the demo pages) and the promotional tile (tools/store.js; the texts are in store/).
store_listing() {
  need_apt chromium chromium
  if ! fc-list :lang=zh-cn family 2>/dev/null | grep -q .; then   # or the Chinese images show boxes
    say "installing fonts-noto-cjk from Debian (the Chinese listing's images)"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk >/dev/null
  fi
  node tools/store.js
}
# ---------------------------------------------------------------------------------------------

cmd=${1:-build}
case "$cmd" in
  build) build with-test ;;
  package) build with-test; package_release ;;   # (the store screenshots are taken with the test build's hooks)
  store) build with-test; store_listing ;;
  source) source_zip "$(version)" ${2:+"$2"} ;;   # the source zip alone (tests/e2e/package.test.js)
  repro)
    build
    PASSED=0; FAILED=0; repro_check
    [ "$FAILED" = 0 ]
    ;;
  test)
    need_apt chromium chromium
    need_apt firefox-esr firefox-esr
    build with-test
    PASSED=0; FAILED=0
    say "Rust tests"; rust_tests
    say "lints"; lints
    say "end-to-end tests (headless Chromium)"; node_suite e2e tests/e2e/run.js
    say "Firefox"; firefox_lint; node_suite firefox tests/firefox/smoke.js
    node_suite firefox-evidence tests/firefox/evidence.js
    node_suite firefox-check-orders tests/firefox/check_orders.js
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" = 0 ]
    ;;
  fuzz)
    # Long fuzzing on demand (./build.sh test runs the same properties with a small budget):
    # every property test of the core with DG_FUZZ_CASES cases each (default 20000), in the
    # debug profile (overflow checks and debug assertions on, panics unwinding) so that an
    # overflow is found as a failure and proptest can shrink it. Cases run and failures found
    # are summed at the end.
    need_rust_target
    cases=${DG_FUZZ_CASES:-20000}
    say "fuzzing the core: $cases cases per property (debug profile: overflow checks on)"
    local_log=.cache/fuzz.log
    set +e
    DG_FUZZ_CASES=$cases cargo test --profile fuzz --no-fail-fast -p guard-core \
      --test fuzz_entry_points --test parsers_prop --test evidence_prop --test reading_pages --test page_report 2>&1 | tee "$local_log"
    rc=${PIPESTATUS[0]}
    set -e
    tests=$(grep -Ec '^test [a-z_:]+ \.\.\. (ok|FAILED)$' "$local_log" || true)
    found=$(grep -Ec '^test [a-z_:]+ \.\.\. FAILED$' "$local_log" || true)
    echo "fuzz: $cases cases per property; $tests tests run, $found failed (.cache/fuzz.log)"
    exit "$rc"
    ;;
  fixture-from)
    # A page a shopper reported as misread becomes a test (tools/fixture_from.mjs), which must
    # pass at once: its expected reading is what the extension read; correct it afterwards.
    [ $# -ge 2 ] || { echo "usage: ./build.sh fixture-from REPORT.json [NAME]" >&2; exit 2; }
    node tools/fixture_from.mjs "$2" ${3:+--name "$3"}
    say "the fixture test"
    cargo test -q -p guard-core --test fixture_pages
    ;;
  bench)
    need_apt chromium chromium
    build with-test
    wasm_parts
    node tests/bench/bench.js
    ;;
  size)
    build
    wasm_parts
    cat dist/bench/wasm-parts.md
    ;;
  demo)
    need_apt chromium chromium
    build
    node tests/demo.js
    ;;
  *) echo "usage: ./build.sh [build|test|demo|bench|size|fuzz|package|store|repro|source|fixture-from REPORT.json [NAME]]" >&2; exit 2 ;;
esac
