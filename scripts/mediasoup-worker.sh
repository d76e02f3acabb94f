#!/usr/bin/env bash
# Prints the absolute path of a working mediasoup-worker binary for the installed `mediasoup`
# package, getting one first if needed. Use it as:
#
#   export MEDIASOUP_WORKER_BIN="$(bash scripts/mediasoup-worker.sh)"
#
# mediasoup reads MEDIASOUP_WORKER_BIN when it is first imported, so set it before the server
# process imports mediasoup. Only the path goes to stdout; progress lines go to stderr.
#
# Where the binary comes from, first hit wins:
#   1. $MEDIASOUP_WORKER_BIN, when it is set (it must pass the sanity check, else this fails);
#   2. mediasoup's own node_modules/mediasoup/worker/out/Release/mediasoup-worker;
#   3. the cache outside node_modules (so `npm ci` does not wipe it):
#        ${CIRCLE_CACHE_DIR:-$HOME/.cache/circle}/mediasoup-worker-<version>-<os>-<arch>
#   4. mediasoup's normal prebuilt download from its GitHub releases (with internet), run through
#      mediasoup's own postinstall code; skipped when CIRCLE_MEDIASOUP_NO_DOWNLOAD=1;
#   5. a build from the sources shipped in the npm package against Debian's libraries, offline
#      (about 4 minutes on 2 cores). See scripts/mediasoup-offline/README.md.
# 4 and 5 store the result in the cache. "Sanity check" = run with an empty environment and get
# exit code 41 (mediasoup's own check: the binary loads, and complains about the missing env).
#
# The root package.json denies mediasoup's install script ("allowScripts": {"mediasoup": false}),
# so `npm ci`/`npm install` never try to download or build the worker: this script does it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TEMPLATES="$ROOT/scripts/mediasoup-offline"
APT_PACKAGES=(build-essential pkg-config python3 meson ninja-build libssl-dev libuv1-dev
  libsrtp2-dev libusrsctp-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler catch2)

say() { echo "mediasoup-worker: $*" >&2; }
die() { say "error: $*"; exit 1; }

# `timeout` where there is one (macOS has none by default).
with_timeout() {
  local seconds="$1"
  shift
  if [ -n "$TIMEOUT_BIN" ]; then "$TIMEOUT_BIN" "$seconds" "$@"; else "$@"; fi
}
TIMEOUT_BIN="$(command -v timeout || true)"

# Exit code 41 with an empty environment means the binary runs on this host.
sane() {
  local bin="$1" rc=0
  [ -f "$bin" ] && [ -x "$bin" ] || return 1
  if [ -n "$TIMEOUT_BIN" ]; then
    env -i "$TIMEOUT_BIN" 30 "$bin" </dev/null >/dev/null 2>&1 || rc=$?
  else
    env -i "$bin" </dev/null >/dev/null 2>&1 || rc=$?
  fi
  [ "$rc" -eq 41 ]
}

# --- 1. explicit override -------------------------------------------------------------------
if [ -n "${MEDIASOUP_WORKER_BIN:-}" ]; then
  if [ -x "$MEDIASOUP_WORKER_BIN" ] && sane "$MEDIASOUP_WORKER_BIN"; then
    echo "$MEDIASOUP_WORKER_BIN"
    exit 0
  fi
  die "MEDIASOUP_WORKER_BIN=$MEDIASOUP_WORKER_BIN is not a working mediasoup-worker (it must be executable and exit with code 41 when run with an empty environment); unset it to let this script find or build one"
fi

# --- find the installed mediasoup package ------------------------------------------------------
MS_DIR=""
for d in "$ROOT/server/node_modules/mediasoup" "$ROOT/node_modules/mediasoup"; do
  if [ -f "$d/package.json" ]; then MS_DIR="$d"; break; fi
done
[ -n "$MS_DIR" ] || die "mediasoup is not installed under $ROOT (run npm ci / npm install first)"
command -v node >/dev/null 2>&1 || die "node is not on PATH"

read -r MS_VERSION PLATFORM ARCH < <(node -e '
  const p = require(process.argv[1]);
  console.log(p.version, process.platform, process.arch);' "$MS_DIR/package.json")

# --- 2. mediasoup's own location ---------------------------------------------------------------
DEFAULT_BIN="$MS_DIR/worker/out/Release/mediasoup-worker"
if sane "$DEFAULT_BIN"; then
  echo "$DEFAULT_BIN"
  exit 0
fi

# --- 3. the cache outside node_modules ---------------------------------------------------------
CACHE_DIR="${CIRCLE_CACHE_DIR:-$HOME/.cache/circle}"
KEY="mediasoup-worker-$MS_VERSION-$PLATFORM-$ARCH"
CACHE_BIN="$CACHE_DIR/$KEY"
LOG="$CACHE_DIR/$KEY.log"

if sane "$CACHE_BIN"; then
  echo "$CACHE_BIN"
  exit 0
fi

mkdir -p "$CACHE_DIR"

# One builder at a time per version: a second caller waits, then finds the cache filled.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_DIR/$KEY.lock"
  if ! flock -n 9; then
    say "another run is getting $KEY; waiting for it"
    flock 9
  fi
  if sane "$CACHE_BIN"; then
    echo "$CACHE_BIN"
    exit 0
  fi
fi

: >"$LOG"
WORK=""
cleanup() { [ -z "$WORK" ] || rm -rf "$WORK"; }
trap cleanup EXIT

fail() {
  say "error: $*"
  say "full log: $LOG"
  exit 1
}

# Copies a sane binary into the cache atomically and prints the cache path.
store() {
  local tmp="$CACHE_BIN.tmp.$$"
  install -m 0755 "$1" "$tmp"
  sane "$tmp" || { rm -f "$tmp"; fail "the binary fails the sanity check once copied to $CACHE_DIR"; }
  mv -f "$tmp" "$CACHE_BIN"
  say "cached $CACHE_BIN ($(du -h "$CACHE_BIN" | cut -f1))"
  echo "$CACHE_BIN"
  exit 0
}

# --- 4. mediasoup's normal prebuilt download -------------------------------------------------
# mediasoup's own postinstall code: it downloads the prebuilt worker for this version/OS/arch into
# worker/out/Release and checks it. PYTHON=/bin/false makes its fallback (a pip + meson build that
# downloads sources) fail at once instead of trying the network again.
if [ "${CIRCLE_MEDIASOUP_NO_DOWNLOAD:-0}" != "1" ]; then
  say "[download] trying mediasoup's prebuilt worker $MS_VERSION for $PLATFORM-$ARCH"
  if (cd "$MS_DIR" && PYTHON=/bin/false with_timeout 180 node npm-scripts.mjs postinstall) >>"$LOG" 2>&1 &&
    sane "$DEFAULT_BIN"; then
    store "$DEFAULT_BIN"
  fi
  rm -rf "$MS_DIR/worker/prebuild"
  say "[download] no prebuilt worker reachable; building from source"
fi

# --- 5. build from source against Debian's libraries -------------------------------------------
# 5a. build dependencies from apt.
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
else
  missing=("${APT_PACKAGES[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "[1/6] installing build dependencies with apt-get: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have empty package lists: refresh them only when the first try fails.
    apt-get install -y --no-install-recommends "${missing[@]}" >>"$LOG" 2>&1 ||
      { apt-get update >>"$LOG" 2>&1 && apt-get install -y --no-install-recommends "${missing[@]}" >>"$LOG" 2>&1; } ||
      fail "apt-get install failed"
  else
    say "building mediasoup-worker needs these Debian/Ubuntu packages: ${missing[*]}"
    say "run:  sudo apt-get install -y --no-install-recommends ${APT_PACKAGES[*]}"
    say "then run this script again (or set MEDIASOUP_WORKER_BIN to a working mediasoup-worker)"
    exit 1
  fi
else
  say "[1/6] build dependencies present"
fi

# 5b. a private copy of the worker sources shipped in the npm package.
say "[2/6] preparing worker sources in a temporary directory"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/circle-mediasoup-build.XXXXXX")"
SRC="$WORK/worker"
BUILD="$WORK/build"
cp -a "$MS_DIR/worker" "$SRC"
rm -rf "$SRC/out" "$SRC/prebuild" "$SRC"/pip_*

# Every subproject mediasoup calls gets a stub wrapping the Debian library, in the directory its
# .wrap names: meson then uses it as is and never downloads.
for stub in "$TEMPLATES"/subprojects/*/; do
  name="$(basename "$stub")"
  wrap="$SRC/subprojects/$name.wrap"
  [ -f "$wrap" ] || fail "mediasoup $MS_VERSION has no subprojects/$name.wrap: the offline stubs need updating"
  dir="$(sed -n 's/^directory *= *//p' "$wrap" | tr -d '[:space:]')"
  [ -n "$dir" ] || fail "no 'directory =' in $wrap"
  rm -rf "$SRC/subprojects/$dir"
  cp -a "$stub" "$SRC/subprojects/$dir"
  cp "$TEMPLATES/empty.c" "$SRC/subprojects/$dir/empty.c"
done

# Source fixes (see scripts/mediasoup-offline/README.md):
# - Debian 12 has meson 1.0.1; mediasoup asks for >= 1.1.0 but uses nothing newer.
sed -i "s/meson_version: '>= 1.1.0'/meson_version: '>= 1.0.0'/" "$SRC/meson.build"
# - Required: the BIO callback must test the BIO_CB_RETURN bit, not compare the whole value, or
#   Debian's KTLS-enabled OpenSSL 3.0 skips allocating the DTLS write buffer and the worker dies
#   with SIGSEGV on the first DTLS handshake from a browser.
DTLS="$SRC/src/RTC/DtlsTransport.cpp"
sed -i 's/(operationType == BIO_CB_RETURN) ? /(operationType \& BIO_CB_RETURN) ? /' "$DTLS"
if grep -q 'operationType == BIO_CB_RETURN' "$DTLS" || ! grep -q 'operationType & BIO_CB_RETURN' "$DTLS"; then
  fail "could not apply the BIO_CB_RETURN fix to src/RTC/DtlsTransport.cpp (mediasoup $MS_VERSION changed it); refusing to build a worker that crashes on DTLS"
fi
# - liburing: Debian's 2.3 lacks APIs mediasoup uses; it is optional (disabled at setup below).

# 5c. configure and build, as mediasoup's tasks.py does, with the Debian meson/ninja.
say "[3/6] meson setup (log: $LOG)"
meson setup --wrap-mode=nodownload --prefix "$SRC/out/Release" --bindir "" --libdir "" \
  --buildtype release -Db_ndebug=true -Dms_disable_liburing=true "$BUILD" "$SRC" >>"$LOG" 2>&1 ||
  fail "meson setup failed"

# The generated FBS/*.h headers must exist before any C++ source compiles.
say "[4/6] generating flatbuffers headers"
meson compile -C "$BUILD" flatbuffers-generator >>"$LOG" 2>&1 || fail "flatbuffers generation failed"

say "[5/6] compiling mediasoup-worker $MS_VERSION (a few minutes)"
start=$SECONDS
meson compile -C "$BUILD" mediasoup-worker >>"$LOG" 2>&1 || fail "compilation failed"
meson install -C "$BUILD" --no-rebuild --tags mediasoup-worker >>"$LOG" 2>&1 || fail "meson install failed"
say "[5/6] compiled in $((SECONDS - start)) s"

BUILT="$SRC/out/Release/mediasoup-worker"
sane "$BUILT" || fail "the built worker fails the sanity check (expected exit code 41 with an empty environment)"

say "[6/6] storing in the cache and deleting the build directory"
store "$BUILT"
