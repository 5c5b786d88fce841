//! Refuses state-changing requests sent by another site's page. The session
//! cookie's SameSite=Lax already keeps it off cross-site posts; this also
//! stops "login CSRF" (another site signing a visitor into an account of its
//! choosing, which needs no cookie) and posts to the newsletter form.
//!
//! Browsers name the page's origin in `Origin` on every POST. A request
//! without one (a mail provider's one-click unsubscribe, a script, a test)
//! is let through: the defence is for browsers, which always send it.

use axum::{
    extract::Request,
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

/// The origins allowed besides the request's own host: the public URL and
/// the CORS origins (the Trunk build).
#[derive(Clone, Debug)]
pub struct Allowed(pub Arc<Vec<String>>);

/// Whether `origin` (`scheme://host[:port]`) is the request's own host or an allowed origin.
pub fn acceptable(origin: &str, host: Option<&str>, allowed: &[String]) -> bool {
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    (origin_host.is_some() && origin_host == host) || allowed.iter().any(|a| a == origin)
}

/// Middleware: a POST (or other unsafe method) from another origin gets 403.
pub async fn guard(allowed: Allowed, request: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method {
        let headers = request.headers();
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
            if !acceptable(origin, host, &allowed.0) {
                tracing::warn!(%origin, "a cross-site request was refused");
                return (StatusCode::FORBIDDEN, "Requests from other sites are refused.").into_response();
            }
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::acceptable;

    #[test]
    fn only_our_own_origins_may_post() {
        let allowed = vec!["https://shop.example".to_owned()];
        assert!(acceptable("http://127.0.0.1:3000", Some("127.0.0.1:3000"), &allowed));
        assert!(acceptable("https://shop.example", Some("10.0.0.2:3000"), &allowed), "behind a proxy");
        assert!(!acceptable("https://evil.example", Some("127.0.0.1:3000"), &allowed));
        assert!(!acceptable("null", Some("127.0.0.1:3000"), &allowed), "sandboxed frames and file pages");
        assert!(!acceptable("http://127.0.0.1:3000.evil.example", Some("127.0.0.1:3000"), &allowed));
    }
}
