#!/usr/bin/env bash
# Stress for server-render stalls: at least LOADS page loads (20,000 by
# default) spread over every public page, while busy loops keep every core
# at 100%, against the release server with its page cache off (every load
# is a real render). A load that takes longer than TIMEOUT (5 s; a render
# takes milliseconds) counts as a stall. Exits non-zero on any stall, socket
# error or unexpected status.
#   bash bench/stall.sh
#   WORKERS=1 bash bench/stall.sh        # a one-thread tokio runtime (leptos#4647)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
loads="${LOADS:-20000}"
timeout="${TIMEOUT:-5s}"
connections="${CONNECTIONS:-16}"
[ -n "${WORKERS:-}" ] && export TOKIO_WORKER_THREADS="$WORKERS"

VITRINE_PAGE_CACHE=false bash scripts/serve-release.sh --background >/dev/null
# shellcheck disable=SC1090
source "$VITRINE_CACHE/e2e-server.env"
work=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-stall.XXXXXX")
burners=()
cleanup() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  bash scripts/serve-release.sh --stop
  rm -rf "$work"
}
trap cleanup EXIT

# Every public page: home, listings (with and without filters), every product
# from the sitemap, the ring-size helper, basket, checkout, the account forms, a 404.
{
  echo "/"
  echo "/shop"
  echo "/shop?sort=price-asc&online=1"
  echo "/shop?q=gold"
  for c in rings bracelets necklaces earrings; do echo "/shop/$c"; done
  curl -fsS "$VITRINE_BASE_URL/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -e 's/<[^>]*>//g' -e 's#^https\?://[^/]*##' |
    grep -E '^/(products|collections)/'
  echo "/ring-size"
  echo "/basket"
  echo "/checkout"
  echo "/account/sign-in"
  echo "/account/register"
  echo "/account/forgot-password"
  echo "/products/no-such-piece"
} | sort -u >"$work/paths"
paths=$(wc -l <"$work/paths")

{
  echo "paths = {"
  sed 's/.*/  "&",/' "$work/paths"
  echo "}"
  cat <<'LUA'
local threads = {}
-- Each thread starts at its own place in the list, then walks it in turn.
function setup(thread) thread:set("id", #threads * 7); table.insert(threads, thread) end
function init(args) n = id; codes = {} end
function request() n = n + 1; return wrk.format(nil, paths[(n % #paths) + 1]) end
function response(status) codes[status] = (codes[status] or 0) + 1 end
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("codes")) do all[code] = (all[code] or 0) + count end
  end
  for code, count in pairs(all) do io.write(string.format("status %d: %d\n", code, count)) end
  io.write(string.format("max_latency_ms %.1f\n", latency.max / 1000))
  io.write(string.format("p99_latency_ms %.1f\n", latency:percentile(99) / 1000))
end
LUA
} >"$work/pages.lua"

# Busy loops on every core: the renders compete for CPU as on a loaded host.
for _ in $(seq 1 "$(nproc)"); do
  (while :; do :; done) &
  burners+=($!)
done

echo "[stall] $paths paths, $connections connections, $(nproc) busy loops, timeout $timeout, tokio workers ${TOKIO_WORKER_THREADS:-default}"
total=0 timeouts=0 errors=0 bad=0 round=0 max_ms=0
while [ "$total" -lt "$loads" ]; do
  round=$((round + 1))
  wrk -t2 -c"$connections" -d20s --timeout "$timeout" -s "$work/pages.lua" "$VITRINE_BASE_URL" >"$work/round.txt" 2>&1 || true
  done_now=$(awk '/requests in/ { print $1 }' "$work/round.txt")
  to=$(awk '/Socket errors/ { for (i = 1; i <= NF; i++) if ($i == "timeout") { v = $(i-1); gsub(",", "", v); print v } }' "$work/round.txt")
  er=$(awk '/Socket errors/ { s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^(connect|read|write)$/) { v = $(i+1); gsub(",", "", v); s += v } print s }' "$work/round.txt")
  # Only the one unknown product may answer other than 200 (its 404).
  nb=$(awk '/^status / { code = $2; sub(":", "", code); if (code != 200 && code != 404) s += $3 } END { print s + 0 }' "$work/round.txt")
  mx=$(awk '/^max_latency_ms/ { print $2 }' "$work/round.txt")
  total=$((total + ${done_now:-0})) timeouts=$((timeouts + ${to:-0})) errors=$((errors + ${er:-0})) bad=$((bad + nb))
  max_ms=$(awk -v a="$max_ms" -v b="${mx:-0}" 'BEGIN { print (b > a ? b : a) }')
  printf '[stall] round %d: %s loads (%s so far), timeouts %s, socket errors %s, other statuses %s, max %s ms\n' \
    "$round" "${done_now:-0}" "$total" "${to:-0}" "${er:-0}" "$nb" "${mx:-?}"
done
grep '^status' "$work/round.txt" | sed 's/^/[stall] last round /'
printf 'stall stress: %d page loads over %d paths, %d stalls (> %s), %d socket errors, %d unexpected statuses, slowest %s ms\n' \
  "$total" "$paths" "$timeouts" "$timeout" "$errors" "$bad" "$max_ms"
[ "$timeouts" -eq 0 ] && [ "$errors" -eq 0 ] && [ "$bad" -eq 0 ]
