#!/usr/bin/env bash
# A crash mid-checkout (issue 17, item 5): three release replicas on one
# PostgreSQL database behind nginx (scripts/cluster.sh); BUYERS concurrent
# buyers place and pay one-ring orders for DURATION seconds, and a third of
# the way in one replica is killed with SIGKILL, at two thirds a second.
# Buyers retry an unanswered request with the same idempotency key. Prints
# the orders, retries and every count that must be 0: half-written,
# duplicated, untold or missing orders, stock lost or oversold, stray
# payments, lost callbacks (wrong outcomes), emails lost or doubled in the
# outbox and at the SMTP server. Fails if one is not 0.
#   BUYERS=64 DURATION=60 STOCK=8000 bash bench/crash.sh   (DURATION in seconds)
# The stock (of one ring size) sells out within the minute: the last pieces
# go while replicas die, and declined payments give some back. The test
# command runs the same test for 15 s with stock to spare
# (server/tests/api/cluster/crash.rs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
# Always: the build is incremental, and an old binary would measure old code.
bash scripts/build-release.sh
export VITRINE_CRASH_BUYERS="${BUYERS:-64}" VITRINE_CRASH_SECONDS="${DURATION:-60}" VITRINE_CRASH_STOCK="${STOCK:-8000}"
log=$(mktemp "${TMPDIR:-/tmp}/vitrine-crash.XXXXXX.log")
began=$(mktemp "${TMPDIR:-/tmp}/vitrine-crash.XXXXXX.began")
# Interrupted, the test dies without stopping its cluster: stop the test,
# then every cluster started since this script began.
interrupted() {
  pkill -TERM -P "$test_pid" 2>/dev/null || true  # the test binary under cargo
  kill "$test_pid" 2>/dev/null || true
  wait "$test_pid" 2>/dev/null || true
  find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'vitrine-cluster-*.env' -newer "$began" -print0 |
    while IFS= read -r -d '' state; do VITRINE_CLUSTER_STATE="$state" bash scripts/cluster.sh --stop; done
  rm -f "$began"
  exit 130
}
trap interrupted INT TERM
cargo test -q -p app -p server --features app/ssr --test api -- cluster::crash --ignored --nocapture --test-threads=1 >"$log" 2>&1 &
test_pid=$!
wait "$test_pid" || true
rm -f "$began"
grep -E '^crash:|panicked|test result' "$log" || true
grep -q 'test result: ok' "$log" || { echo "== failed; the end of $log:" >&2; tail -n 40 "$log" >&2; exit 1; }
