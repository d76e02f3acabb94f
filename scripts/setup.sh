#!/usr/bin/env bash
# Installs what Circle's tests need from the operating system, idempotently:
#   - a Chromium for the end-to-end tests (Debian package `chromium`),
#   - redis-server for the Redis store tests (Debian package `redis-server`).
# As root with apt-get available it installs them; otherwise it prints the exact command and fails.
# Everything else comes from npm. Safe to run again and again: it does nothing when all is there.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ -z "${CHROMIUM_PATH:-}" ]; then
  found=""
  for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    [ -x "$c" ] && found="$c" && break
  done
  [ -n "$found" ] || missing+=(chromium)
elif [ ! -x "$CHROMIUM_PATH" ]; then
  echo "setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have empty package lists; only refresh them when the first attempt fails.
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
  exit 0
fi

echo "setup: Circle's tests need: ${missing[*]}" >&2
echo "setup: on Debian/Ubuntu run:  sudo apt-get install -y ${missing[*]}" >&2
echo "setup: (or set CHROMIUM_PATH to an installed Chromium/Chrome)" >&2
exit 1
