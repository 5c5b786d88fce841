#!/usr/bin/env bash
# Lighthouse (the npm package, with Debian's Chromium) in its default mobile
# setting on the storefront's main pages, against the release server on a
# fresh database. Prints the four category scores and LCP / TBT / CLS per
# page: the median of RUNS runs (3 by default) by performance score.
# Goal: 100 in every category; below 95 in any is a defect.
#   bash bench/lighthouse.sh                 # every page
#   RUNS=1 PAGES="/ /basket" bash bench/lighthouse.sh
# Lighthouse 12.8 is the newest that runs on Node 20; it is installed into
# $VITRINE_CACHE/lighthouse on first use (the npm registry is reachable).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
runs="${RUNS:-3}"
pages="${PAGES:-/ /shop/rings /products/aube-solitaire-ring /basket /checkout /ring-size}"
lh_dir="$VITRINE_CACHE/lighthouse"
LIGHTHOUSE_VERSION=12.8.2

if [ ! -x "$lh_dir/node_modules/.bin/lighthouse" ]; then
  echo "[lighthouse] installing lighthouse $LIGHTHOUSE_VERSION into $lh_dir (no browser download)"
  npm install --prefix "$lh_dir" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

bash scripts/serve-release.sh --background >/dev/null
# shellcheck disable=SC1090
source "$VITRINE_CACHE/e2e-server.env"
out=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-lighthouse.XXXXXX")
trap 'bash scripts/serve-release.sh --stop; rm -rf "$out"' EXIT

flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
printf '%-32s %5s %5s %5s %5s %8s %8s %7s\n' page perf a11y bp seo lcp_ms tbt_ms cls
for page in $pages; do
  name=$(echo "$page" | tr '/' '_')
  for run in $(seq 1 "$runs"); do
    CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" "$lh_dir/node_modules/.bin/lighthouse" \
      "$VITRINE_BASE_URL$page" --quiet --chrome-flags="$flags" \
      --output=json --output-path="$out/$name.$run.json" 2>/dev/null || true
  done
  # The run whose performance score is the median stands for the page.
  jq -s -r --arg page "$page" '
    map(select(.categories.performance.score != null))
    | if length == 0 then "\($page) lighthouse failed" else
      sort_by(.categories.performance.score) | .[(length - 1) / 2 | floor] as $r
      | [$page,
         ($r.categories.performance.score * 100 | round),
         ($r.categories.accessibility.score * 100 | round),
         ($r.categories["best-practices"].score * 100 | round),
         ($r.categories.seo.score * 100 | round),
         ($r.audits["largest-contentful-paint"].numericValue | round),
         ($r.audits["total-blocking-time"].numericValue | round),
         ($r.audits["cumulative-layout-shift"].numericValue * 1000 | round / 1000)]
      | @tsv end' "$out/$name".*.json |
    awk -F'\t' 'NF == 8 { printf "%-32s %5s %5s %5s %5s %8s %8s %7s\n", $1, $2, $3, $4, $5, $6, $7, $8; next } { print }'
  # What kept a page below 100, from its median run.
  if [ -n "${VERBOSE:-}" ]; then
    jq -s -r 'sort_by(.categories.performance.score) | .[(length - 1) / 2 | floor]
      | .audits | to_entries[]
      | select(.value.score != null and .value.score < 1 and (.value.scoreDisplayMode | test("binary|numeric|metricSavings")))
      | "    \(.key) \(.value.score) \(.value.displayValue // "")"' "$out/$name".*.json
  fi
done
echo "mobile emulation, simulated throttling; median of $runs run(s) per page (lighthouse $LIGHTHOUSE_VERSION, $(chromium --version 2>/dev/null | head -n1))"
