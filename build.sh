#!/usr/bin/env bash
# Dispute Guard: the one entry point. Idempotent; installs what a fresh machine lacks.
#   ./build.sh [build]   release wasm → wasm-bindgen → wasm-opt → dist/extension (+ zips)
#   ./build.sh test      every test: Rust, end-to-end in Chromium, Firefox lint; last line "N passed, M failed"
#   ./build.sh demo      the bundled demo pages in Chromium with the extension (screenshots when headless)
#   ./build.sh bench     what the extension costs a page, against the bare minimum (dist/bench/)
#   ./build.sh size      build, then what the wasm is made of (dist/bench/wasm-parts.md; also in bench)
#   ./build.sh fuzz      long fuzzing of the core (DG_FUZZ_CASES per property, default 20000)
#   ./build.sh package   build, then only the zips
#   ./build.sh fixture-from REPORT.json [NAME]   a misread-page report → a fixture page + expected reading, then the fixture test
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$ROOT/.tools/bin:$ROOT/.cache/tools/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
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

build() {
  need_rust_target; need_wasm_bindgen; need_npm
  say "building the core (wasm, release)"
  cargo build -q -p guard-web --release --target wasm32-unknown-unknown
  rm -rf dist/pkg
  wasm-bindgen --target web --no-typescript --out-dir dist/pkg target/wasm32-unknown-unknown/release/guard_web.wasm
  # shellcheck disable=SC2086
  wasm-opt $WASM_OPT $WASM_FEATURES dist/pkg/guard_web_bg.wasm -o dist/pkg/guard_web_bg.wasm
  node tools/assemble.mjs >/dev/null
  local v; v=$(node -e "import('./tools/assemble.mjs').then(m => console.log(m.version()))")
  rm -f dist/dispute-guard-*.zip
  (cd dist/extension && python3 -m zipfile -c "../dispute-guard-$v-chrome.zip" .)
  (cd dist/extension-firefox && python3 -m zipfile -c "../dispute-guard-$v-firefox.zip" .)
  echo "dist/extension (load unpacked in Chromium), dist/extension-firefox, dist/dispute-guard-$v-{chrome,firefox}.zip"
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
  build|package) build ;;
  test)
    need_apt chromium chromium
    need_apt firefox-esr firefox-esr
    build
    PASSED=0; FAILED=0
    say "Rust tests"; rust_tests
    say "end-to-end tests (headless Chromium)"; node_suite e2e tests/e2e/run.js
    say "Firefox"; firefox_lint; node_suite firefox tests/firefox/smoke.js
    node_suite firefox-evidence tests/firefox/evidence.js
    node_suite firefox-check-orders tests/firefox/check_orders.js
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" = 0 ]
    ;;
  fuzz)
    # Long fuzzing on demand (./build.sh test runs the same properties with a small budget):
    # every property test of the core with DG_FUZZ_CASES cases each (default 20000), release
    # build with panics unwinding so that proptest can report and shrink what it finds.
    need_rust_target
    cases=${DG_FUZZ_CASES:-20000}
    say "fuzzing the core: $cases cases per property"
    DG_FUZZ_CASES=$cases CARGO_PROFILE_RELEASE_PANIC=unwind cargo test --release -p guard-core \
      --test fuzz_entry_points --test parsers_prop --test evidence_prop --test reading_pages --test page_report
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
    build
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
  *) echo "usage: ./build.sh [build|test|demo|bench|fuzz|package|fixture-from REPORT.json [NAME]]" >&2; exit 2 ;;
esac
