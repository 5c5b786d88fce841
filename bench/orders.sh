#!/usr/bin/env bash
# Checkout under a crowd, on SQLite and on PostgreSQL: BUYERS concurrent
# clients (64 by default) place one-piece orders against the release server
# until STOCK pieces are sold, then price the same basket as often — the
# reference, measured in the same run. Reports orders/s, p50/p99 latency,
# the ratio to the reference, and the oversell count (must be 0).
#   BUYERS=64 STOCK=2000 bash bench/orders.sh
# The server runs with VITRINE_HOLD_LIMITS=false: its buyers all come from
# one address, which the limits on unpaid orders (app/src/domain/hold.rs)
# would stop at four. That switch is for this benchmark only; production
# refuses to start with it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
buyers="${BUYERS:-64}"
stock="${STOCK:-2000}"
pg_admin="${VITRINE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

[ -x "$CARGO_TARGET_DIR/release/server" ] || { echo "build the release first: cargo leptos build --release" >&2; exit 1; }
cargo build -q --release -p server --example order_bench
bench_bin="$CARGO_TARGET_DIR/release/examples/order_bench"

run_on() { # engine-name database-url
  echo "== $1"
  VITRINE_HOLD_LIMITS=false SERVE_DATABASE_URL="$2" bash scripts/serve-release.sh --background >/dev/null
  # shellcheck disable=SC1090
  source "$VITRINE_CACHE/e2e-server.env"
  local status=0
  "$bench_bin" "$VITRINE_BASE_URL" "$VITRINE_DATABASE_URL" "$buyers" "$stock" || status=$?
  bash scripts/serve-release.sh --stop
  return $status
}

work=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-orders.XXXXXX")
trap 'rm -rf "$work"' EXIT
run_on "SQLite (WAL, one file)" "sqlite://$work/bench.db"

if pg_isready -q -d "$pg_admin" 2>/dev/null; then
  name="vitrine_bench_$$"
  psql -d "$pg_admin" -qc "CREATE DATABASE \"$name\"" >/dev/null
  status=0
  run_on "PostgreSQL" "${pg_admin%/*}/$name" || status=$?
  psql -d "$pg_admin" -qc "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null
  exit $status
else
  echo "== PostgreSQL: none answers at $pg_admin; set VITRINE_TEST_POSTGRES_URL to measure it"
fi
