#!/usr/bin/env bash
# Installs what Vitrine needs to build, run and test, skipping whatever is
# already present. Safe to run again and again; prints what it does and why.
#
# Only the package registries are reachable on our machines, so every tool is
# built from source (see ../shared/TOOLCHAIN.md for the two lockfile fixes).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"

WASM_BINDGEN_VERSION=0.2.130
CARGO_LEPTOS_VERSION=0.3.11
TRUNK_VERSION=0.21.14
# binaryen's wasm-opt as the npm registry ships it (a WebAssembly build run
# by Node): Debian's 108 breaks wasm-bindgen 0.2.130's output, and building
# binaryen's C++ from crates.io took 14 minutes on two cores. 116 aborts on
# the data segments wasm_split_cli_support 0.2.4 writes (several per chunk,
# named alike: "dataSegmentsMap.size() == dataSegments.size()"); 132 reads them.
BINARYEN_VERSION=132.0.0

say() { printf '\033[1m[setup +%ds]\033[0m %s\n' "$SECONDS" "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages ------------------------------------------------------
apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v brotli >/dev/null || apt_missing+=(brotli)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_missing+=(nginx)
# The benchmark's nginx serves pre-compressed brotli like the shop (bench/http.sh).
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || apt_missing+=(libnginx-mod-http-brotli-static)
command -v wrk >/dev/null || apt_missing+=(wrk)
command -v pg_ctlcluster >/dev/null || apt_missing+=(postgresql)
command -v jq >/dev/null || apt_missing+=(jq)
command -v curl >/dev/null || apt_missing+=(curl ca-certificates)
command -v pkg-config >/dev/null || apt_missing+=(pkg-config)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
else
  say "Debian packages present (chromium, brotli, nginx, wrk, postgresql, jq)"
fi

# --- Rust target ----------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Tools are release builds, but fat LTO on two cores costs ~20 minutes for
# no gain that matters to a build tool.
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
tools_src="$VITRINE_CACHE/tool-src"
mkdir -p "$tools_src"

# Fetches a crate's source from crates.io into $tools_src/NAME-VERSION, using
# cargo itself (the registry is the only place we may download from).
fetch_crate_source() {
  local name=$1 version=$2 dir="$tools_src/$1-$2"
  if [ ! -f "$dir/Cargo.toml" ]; then
    local probe="$tools_src/.probe-$name"
    rm -rf "$probe" && mkdir -p "$probe/src"
    printf '[package]\nname = "probe"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = "=%s"\n' \
      "$name" "$version" >"$probe/Cargo.toml"
    touch "$probe/src/lib.rs"
    # Resolution may fail for a binary-only crate; the download is what we want.
    (cd "$probe" && cargo fetch -q >/dev/null 2>&1) || true
    local found
    found=$(ls -d "$CARGO_HOME_DIR"/registry/src/*/"$name-$version" 2>/dev/null | head -n1 || true)
    if [ -z "$found" ]; then
      (cd "$probe" && cargo install "$name" --version "$version" --locked --root "$probe/root" >/dev/null 2>&1) || true
      found=$(ls -d "$CARGO_HOME_DIR"/registry/src/*/"$name-$version" 2>/dev/null | head -n1 || true)
    fi
    [ -n "$found" ] || { say "could not fetch the source of $name $version"; exit 1; }
    cp -r "$found" "$dir"
    rm -rf "$probe"
  fi
  echo "$dir"
}

install_from_source() { # name version optimised|quick [package@locked=version ...]
  local name=$1 version=$2 profile=$3
  shift 3
  local dir
  dir=$(fetch_crate_source "$name" "$version")
  say "building $name $version from source (takes minutes on a fresh machine)"
  (
    cd "$dir"
    [ -f Cargo.lock ] || cargo generate-lockfile -q
    # Each pin moves one package of the tool's lockfile to another version.
    local pin
    for pin in "$@"; do cargo update -q -p "${pin%%=*}" --precise "${pin#*=}"; done
    local opt=3
    [ "$profile" = quick ] && opt=0
    CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt CARGO_TARGET_DIR="$VITRINE_CACHE/tool-target" \
      cargo install -q --path . --locked --force
  )
}

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # Its lockfile names webpki-roots 1.0.11, which the registry lacks.
  # Optimised: it rewrites every wasm the build makes.
  install_from_source wasm-bindgen-cli "$WASM_BINDGEN_VERSION" optimised webpki-roots@1.0.11=1.0.10
else
  say "wasm-bindgen $WASM_BINDGEN_VERSION present"
fi

# Its lockfile's cargo-util-schemas 0.14.2 needs rustc 1.96. Its splitter,
# wasm_split_cli_support 0.2.3, pads each chunk's share of a data segment
# apart; when the padded layout comes out longer than the linker's, it keeps
# the whole segment, every lazy island's texts included, in the main module
# (+40 KB brotli on every first load, measured on issue 14). 0.2.4 lays the
# shares out without padding (and needs rayon 1.12). The pins are recorded beside the tools, so a
# machine with an older build of the same version rebuilds it.
CARGO_LEPTOS_PINS="cargo-util-schemas=0.14.1 rayon=1.12.0 wasm_split_cli_support=0.2.4"
cargo_leptos_stamp="$VITRINE_CACHE/cargo-leptos.pins"
if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION" \
  || [ "$(cat "$cargo_leptos_stamp" 2>/dev/null || true)" != "$CARGO_LEPTOS_PINS" ]; then
  # Unoptimised (release profile, opt-level 0: no debug assertions): it only
  # orchestrates other tools, and compiles in about half the time.
  # shellcheck disable=SC2086 # the pins are words
  install_from_source cargo-leptos "$CARGO_LEPTOS_VERSION" quick $CARGO_LEPTOS_PINS
  echo "$CARGO_LEPTOS_PINS" >"$cargo_leptos_stamp"
else
  say "cargo-leptos $CARGO_LEPTOS_VERSION present ($CARGO_LEPTOS_PINS)"
fi

# wasm-opt for release builds: binaryen from the npm registry, behind a
# two-line wrapper in $VITRINE_CACHE/bin (on PATH through env.sh), where
# cargo-leptos looks first.
if [ "$(wasm-opt --version 2>/dev/null || true)" != "wasm-opt version ${BINARYEN_VERSION%%.*} (version_${BINARYEN_VERSION%%.*})" ]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm, run by Node)"
  npm install --prefix "$VITRINE_CACHE/binaryen" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" >/dev/null
  mkdir -p "$VITRINE_CACHE/bin"
  printf '#!/bin/sh\nexec node "%s/binaryen/node_modules/binaryen/bin/wasm-opt" "$@"\n' "$VITRINE_CACHE" >"$VITRINE_CACHE/bin/wasm-opt"
  chmod +x "$VITRINE_CACHE/bin/wasm-opt"
else
  say "wasm-opt (binaryen $BINARYEN_VERSION) present"
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION from source"
  # Unoptimised, like cargo-leptos: it orchestrates, wasm-bindgen does the work.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_TARGET_DIR="$VITRINE_CACHE/tool-target" \
    cargo install -q trunk --version "$TRUNK_VERSION" --locked
else
  say "trunk $TRUNK_VERSION present"
fi

# --- Playwright (no browser download: Debian's Chromium is used) -----------
if [ -f "$here/end2end/package-lock.json" ]; then
  # Any package the journeys need and this clone lacks (a new one after a pull, too).
  npm_missing=$(cd "$here/end2end" && node -e '
    const fs = require("fs");
    const wanted = Object.keys(require("./package.json").devDependencies);
    console.log(wanted.filter((name) => !fs.existsSync(`node_modules/${name}/package.json`)).join(" "));')
  if [ -n "$npm_missing" ]; then
    say "installing the journeys' npm packages ($npm_missing missing; no browser download)"
    (cd "$here/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  else
    say "the journeys' npm packages present"
  fi
fi

say "all tools present"
