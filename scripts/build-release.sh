#!/usr/bin/env bash
# The release build: the server, and the front end split into lazily loaded
# chunks (--split: each lazy island in its own WebAssembly), optimised by
# wasm-opt, file names hashed for long caching, and every static file
# pre-compressed with brotli and gzip (--precompress) for the server to send
# as it is.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
exec cargo leptos build --release --split --precompress "$@"
