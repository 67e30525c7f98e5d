#!/usr/bin/env bash
# Dispute Guard: the one entry point. Idempotent; installs what a fresh machine lacks.
#   ./build.sh [build]   release wasm → wasm-bindgen → wasm-opt → dist/extension (+ zips), and the
#                        test build dist/extension-test (the same with the test hooks; never zipped)
#   ./build.sh test      every test: Rust, end-to-end in Chromium, Firefox lint; last line "N passed, M failed"
#   ./build.sh demo      the bundled demo pages in Chromium with the extension (screenshots when headless)
#   ./build.sh bench     what the extension costs a page, against the bare minimum (dist/bench/)
#   ./build.sh fuzz      long fuzzing of the core (DG_FUZZ_CASES per property, default 20000)
#   ./build.sh package   the shipped builds and their zips only
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$ROOT/.tools/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
STAMPS=$ROOT/.cache/stamps
mkdir -p "$STAMPS"

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

need_rust_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
}

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
  # The features rustc enables by default for wasm32 (all supported by Chromium and Firefox 128+);
  # not --all-features, which lets wasm-opt emit instructions the browsers may lack.
  wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$1/guard_web_bg.wasm" -o "$1/guard_web_bg.wasm"
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
  (cd dist/extension && python3 -m zipfile -c "../dispute-guard-$v-chrome.zip" .)
  (cd dist/extension-firefox && python3 -m zipfile -c "../dispute-guard-$v-firefox.zip" .)
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

firefox_lint() {
  if web-ext lint --source-dir dist/extension-firefox --self-hosted --warnings-as-errors --output text > .cache/web-ext-lint.log 2>&1; then
    echo "ok   web-ext lint (Firefox)"; PASSED=$((PASSED + 1))
  else
    cat .cache/web-ext-lint.log; echo "FAIL web-ext lint (Firefox)"; FAILED=$((FAILED + 1))
  fi
}

cmd=${1:-build}
case "$cmd" in
  build) build with-test ;;
  package) build ;;
  test)
    need_apt chromium chromium
    need_apt firefox-esr firefox-esr
    build with-test
    PASSED=0; FAILED=0
    say "Rust tests"; rust_tests
    say "end-to-end tests (headless Chromium)"; node_suite e2e tests/e2e/run.js
    say "Firefox"; firefox_lint; node_suite firefox tests/firefox/smoke.js
    node_suite firefox-evidence tests/firefox/evidence.js
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
      --test fuzz_entry_points --test parsers_prop --test evidence_prop --test reading_pages 2>&1 | tee "$local_log"
    rc=${PIPESTATUS[0]}
    set -e
    tests=$(grep -Ec '^test [a-z_:]+ \.\.\. (ok|FAILED)$' "$local_log" || true)
    found=$(grep -Ec '^test [a-z_:]+ \.\.\. FAILED$' "$local_log" || true)
    echo "fuzz: $cases cases per property; $tests tests run, $found failed (.cache/fuzz.log)"
    exit "$rc"
    ;;
  bench)
    need_apt chromium chromium
    build with-test
    node tests/bench/bench.js
    ;;
  demo)
    need_apt chromium chromium
    build
    node tests/demo.js
    ;;
  *) echo "usage: ./build.sh [build|test|demo|bench|fuzz|package]" >&2; exit 2 ;;
esac
