#!/usr/bin/env bash
# Sets up what is missing, then runs the storefront on the embedded SQLite
# database (data/vitrine.db, created and filled with the demo house on first
# start). Pass --release for the optimised build. Stop it with Ctrl-C.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
source scripts/env.sh
# The demo storefront shows the emails it writes at /dev/mailbox (no SMTP needed).
export VITRINE_DEV_MAILBOX="${VITRINE_DEV_MAILBOX:-true}"
echo "[run] building and serving; the address is printed when it is ready"
# --split: lazy islands (checkout, account, basket…) are WebAssembly chunks of their own.
exec cargo leptos serve --split "$@"
