//! Logging with `tracing`: one span per request, carrying its request id.

use tracing_subscriber::{fmt, EnvFilter};

/// Installs the global subscriber; `RUST_LOG` overrides the default levels.
/// Safe to call twice (tests start several servers in one process).
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = fmt().with_env_filter(filter).with_target(false).try_init();
}
