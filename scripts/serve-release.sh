#!/usr/bin/env bash
# Serves the release build on a free port against a fresh SQLite database,
# for the end-to-end tests and the benchmarks.
#   --background  start it, wait until healthy, write $VITRINE_CACHE/e2e-server.env
#   --stop        stop the one started in the background
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
state="$VITRINE_CACHE/e2e-server.env"

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$state" ]; then
    # shellcheck disable=SC1090
    source "$state"
    kill "$VITRINE_SERVER_PID" 2>/dev/null || true
    rm -rf "$VITRINE_DATA_DIR" "$state"
  fi
  exit 0
fi

# VITRINE_SERVER_BIN and VITRINE_SITE_ROOT serve another build (the benchmarks' "before").
server_bin="${VITRINE_SERVER_BIN:-$CARGO_TARGET_DIR/release/server}"
site_root="${VITRINE_SITE_ROOT:-$here/target/site}"
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-e2e.XXXXXX")
log="$data_dir/server.log"
export LEPTOS_OUTPUT_NAME=vitrine LEPTOS_SITE_ROOT="$site_root" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD
# Hashed file names when the build made them: the server reads them from
# hash.txt beside its binary (a build without it, an older commit's, would panic).
if [ -f "$(dirname "$server_bin")/hash.txt" ]; then export LEPTOS_HASH_FILES=true; fi
# SERVE_DATABASE_URL points it at another database (the benchmarks' PostgreSQL).
export LEPTOS_SITE_ADDR=127.0.0.1:0 DATABASE_URL="${SERVE_DATABASE_URL:-sqlite://$data_dir/vitrine.db}" RUST_LOG="${RUST_LOG:-warn}"
# The journeys read emailed links from the development mailbox.
export VITRINE_DEV_MAILBOX=true
# Each language's journeys say which client they are (end2end/playwright.config.ts).
export VITRINE_TRUST_FORWARDED_FOR=true
"$server_bin" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n1 || true)
  if [ -n "$url" ] && curl -fsS "$url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "the server did not start" >&2; exit 1; fi
  sleep 0.2
done
[ -n "${url:-}" ] || { cat "$log"; echo "the server did not report its address" >&2; exit 1; }
# The journeys also make a staff account with the server's own command, on this database.
printf 'VITRINE_BASE_URL=%s\nVITRINE_SERVER_PID=%s\nVITRINE_DATA_DIR=%s\nVITRINE_DATABASE_URL=%s\nVITRINE_SERVER_BIN=%s\n' \
  "$url" "$pid" "$data_dir" "$DATABASE_URL" "$server_bin" >"$state"
echo "[serve] release build on $url (pid $pid, log $log)"
