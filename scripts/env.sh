# Shared environment for Vitrine's scripts: where build outputs and tools
# live (outside the clone, so fresh clones reuse them).
export CARGO_HOME_DIR="${CARGO_HOME:-$HOME/.cargo}"
export VITRINE_CACHE="${VITRINE_CACHE:-$HOME/.cache/vitrine}"
# $VITRINE_CACHE/bin holds the wasm-opt that setup.sh installs (binaryen from npm).
export PATH="$VITRINE_CACHE/bin:$CARGO_HOME_DIR/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$VITRINE_CACHE/target}"
mkdir -p "$VITRINE_CACHE"
# leptos_config reads this at compile time; cargo-leptos sets it, so setting
# it for plain cargo commands too lets both share one build of the server.
export LEPTOS_OUTPUT_NAME=vitrine
