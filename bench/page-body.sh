#!/usr/bin/env bash
# What one answer of a kept page costs now that each carries a nonce of its
# own (issue 17's Content-Security-Policy): the kept pieces joined around a
# new nonce, in each encoding, against handing out stored bytes (the
# reference, what the cache did before) and against compressing the page
# per answer, in the same run. Release build; prints microseconds per answer.
#
#   bash bench/page-body.sh [PAGE.html [ROUNDS]]   (default: a synthetic listing, 20000)
# A real page: curl -s http://127.0.0.1:PORT/en/shop/rings > /tmp/listing.html
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"
cd "$here"
cargo run -q --release -p server --example page_body_bench -- "$@"
