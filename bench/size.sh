#!/usr/bin/env bash
# First-load size of the release front end: the wasm and the JS glue that a
# shopper's browser downloads, raw, gzip -9 and brotli -q 11, against the
# budget of 150 KB brotli. Builds the release first unless --no-build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
[ "${1:-}" = "--no-build" ] || cargo leptos build --release >/dev/null
pkg="$here/target/site/pkg"
budget=$((150 * 1024))
total_raw=0 total_gz=0 total_br=0
printf '%-14s %10s %10s %10s\n' file raw gzip brotli
for f in vitrine.wasm vitrine.js vitrine.css; do
  raw=$(stat -c %s "$pkg/$f")
  gz=$(gzip -9 -c "$pkg/$f" | wc -c)
  br=$(brotli -q 11 -c "$pkg/$f" | wc -c)
  printf '%-14s %10d %10d %10d\n' "$f" "$raw" "$gz" "$br"
  if [ "$f" != vitrine.css ]; then
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  fi
done
printf '%-14s %10d %10d %10d\n' "wasm+js" "$total_raw" "$total_gz" "$total_br"
wasm_opt=$(wasm-opt --version 2>/dev/null || echo "none")
awk -v br="$total_br" -v budget="$budget" -v opt="$wasm_opt" 'BEGIN {
  printf "wasm+js brotli = %.1f KB, %.2fx the 150 KB budget (wasm-opt: %s)\n", br / 1024, br / budget, opt }'
