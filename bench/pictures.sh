#!/usr/bin/env bash
# How long an uploaded picture takes to be made into its widths in WebP and
# JPEG (issue 16 part 2), against the return photos' cleaning of the same
# file in the same run. Release build; prints medians and the ratio.
#
#   bash bench/pictures.sh [WIDTH HEIGHT ROUNDS]   (default 4000 3000 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"
cd "$here"
cargo run -q --release -p server --example picture_bench -- "$@"
