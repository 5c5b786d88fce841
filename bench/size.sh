#!/usr/bin/env bash
# First-load size of the release front end, against the 150 KB brotli budget.
#
# 1. Measured in Chromium: each public page is loaded in a fresh browser and
#    the JavaScript and WebAssembly it fetches until every island is live are
#    added up, brotli -q 11 (end2end/first-load.mjs; the same code guards the
#    budget in CI).
# 2. Worked out from the split manifest, for the pages a visitor reaches
#    signed in (account, orders, back office): the main module, its JS, and
#    the chunks of the lazy island the page shows.
# Builds the release first unless --no-build. VITRINE_SERVER_BIN and
# VITRINE_SITE_ROOT measure another build (scripts/serve-release.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
[ "${1:-}" = "--no-build" ] || bash scripts/build-release.sh >/dev/null
site="${VITRINE_SITE_ROOT:-$here/target/site}"

bash scripts/serve-release.sh --background >/dev/null
# shellcheck disable=SC1090
source "$VITRINE_CACHE/e2e-server.env"
trap 'bash scripts/serve-release.sh --stop' EXIT

echo "== measured in Chromium (public pages)"
status=0
(cd end2end && node first-load.mjs "$VITRINE_BASE_URL" / /shop /shop/rings "/shop?q=gold" /collections/aube \
  /products/aube-solitaire-ring /products/aube-bangle /products/rivage-pearl-strand /ring-size /basket /checkout \
  /account/sign-in /account/register /account/forgot-password /products/no-such-piece /faq /shipping /size-guide \
  /contact /boutiques) || status=$?

echo
echo "== worked out from the split manifest (pages behind a sign-in)"
python3 - "$site/pkg" <<'PY'
import json, os, re, subprocess, sys
pkg = sys.argv[1]
files = os.listdir(pkg)
def br(name):
    return len(subprocess.run(["brotli", "-q", "11", "-c", os.path.join(pkg, name)], capture_output=True).stdout)
def one(pattern):
    found = [f for f in files if re.fullmatch(pattern, f)]
    return found[0] if found else None
main = br(one(r"vitrine(\.[\w-]+)?\.wasm")) + br(one(r"vitrine(\.[\w-]+)?\.js"))
loader = one(r"__wasm_split\..*\.js")
if loader is None:
    # A build without --split (an older commit's): one module for every page.
    print("no split manifest: every page loads the one module,", main)
    sys.exit(0)
manifest = json.load(open(os.path.join(pkg, one(r"__wasm_split_manifest(\.[\w-]+)?\.json"))))
def chunk(name):
    return one(re.escape(name) + r"(\.[\w-]+)?\.wasm")
pages = {
    "/account (AccountIsland)": "account_island",
    "/account/addresses (AddressesIsland)": "addresses_island",
    "/account/password (ChangePasswordIsland)": "change_password_island",
    "/account/delete (DeleteAccountIsland)": "delete_account_island",
    "/orders/MA-… (OrderIsland)": "order_island",
    "/orders/MA-…/receipt (PrintButton)": "print_button",
    "/staff/orders/MA-… (StaffOrderIsland)": "staff_order_island",
    "/staff/stock (StaffStockIsland)": "staff_stock_island",
    "/contact (ServiceFormsIsland)": "service_forms_island",
    "/faq (FaqSearchBox)": "faq_search_box",
}
print(f"{'page (its lazy island)':<44} {'brotli':>9}  budget")
for page, island in pages.items():
    key = next((k for k in manifest if k.startswith(island + "_loader")), None)
    if key is None:
        print(f"{page:<44} {'?':>9}  (no chunk named {island})")
        continue
    total = main + br(loader) + sum(br(chunk(f)) for f in manifest[key])
    print(f"{page:<44} {total:>9}  {total / (150 * 1024):.2f}x")
print("/account/orders, /staff, /staff/orders, /staff/returns, /staff/second-factor, /staff/audit, /staff/pieces, /staff/promos, /staff/gift, the house's pages: no island of their own, the main module only:", main)
PY
wasm_opt=$(wasm-opt --version 2>/dev/null || echo "none")
echo "wasm-opt: $wasm_opt"
exit $status
