# Shared environment for Vitrine's scripts: where build outputs and tool
# sources live (outside the clone, so fresh clones reuse them).
export CARGO_HOME_DIR="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME_DIR/bin:$PATH"
export VITRINE_CACHE="${VITRINE_CACHE:-$HOME/.cache/vitrine}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$VITRINE_CACHE/target}"
mkdir -p "$VITRINE_CACHE"
# leptos_config reads this at compile time; cargo-leptos sets it, so setting
# it for plain cargo commands too lets both share one build of the server.
export LEPTOS_OUTPUT_NAME=vitrine
