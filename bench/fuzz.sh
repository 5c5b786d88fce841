#!/usr/bin/env bash
# Fuzzed inputs (issue 17, item 6): every server function receives
# generated arguments (from its own signature, spoiled with hostile
# strings, numbers, sizes, types and encodings), anonymously, as a
# customer and as staff, on SQLite and on PostgreSQL. Fails on any 5xx, or
# on a refused request that wrote anything. Prints, per engine, the cases
# sent and how they were answered.
#   CASES=70 SEED=12345 bash bench/fuzz.sh    # 70 rounds × every function × 2 engines
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
export VITRINE_FUZZ_CASES="${CASES:-70}"
export VITRINE_FUZZ_SEED="${SEED:-$(date +%s)}"
export VITRINE_TEST_POSTGRES_URL="${VITRINE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
if ! pg_isready -q -d "$VITRINE_TEST_POSTGRES_URL" 2>/dev/null; then
  echo "== PostgreSQL: none answers at $VITRINE_TEST_POSTGRES_URL; SQLite only" >&2
  export VITRINE_TEST_SKIP_POSTGRES=1
fi
echo "== seed $VITRINE_FUZZ_SEED, $VITRINE_FUZZ_CASES rounds"
log=$(mktemp "${TMPDIR:-/tmp}/vitrine-fuzz.XXXXXX.log")
cargo test -q -p app -p server --features app/ssr --test api -- fuzz:: --nocapture --test-threads=1 >"$log" 2>&1 || true
grep -E '^fuzz:|panicked|test result' "$log" || true
grep -q 'test result: ok' "$log" || { echo "== failed; the end of $log:" >&2; tail -n 40 "$log" >&2; exit 1; }
