//! What one request may send (issue 17; both found by the fuzzing in
//! `tests/api/fuzz.rs`):
//! - a bounded body: server functions read their whole body before decoding
//!   it, so without a bound one request could hold any amount of memory.
//!   Forms and JSON are small; the two multipart forms (return photos, staff
//!   pictures) bound each part themselves while they stream it;
//! - no NUL character, in the address or the body: PostgreSQL refuses one
//!   in any text, so a search for `%00` was an error on our side (500)
//!   instead of a refusal. No form of the shop has a use for one.

use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http_body_util::BodyExt;

/// The most a form or JSON body may hold: far above any of the shop's
/// forms (a full basket at checkout is a few kilobytes).
pub const MAX_FORM_BYTES: usize = 1024 * 1024;

/// Refuses a body declared bigger than [`MAX_FORM_BYTES`] with a 413 before
/// reading it, one that turns out bigger with a 413 too, and a NUL in the
/// address or a form or JSON body with a 400.
pub async fn bounded(request: Request, next: Next) -> Response {
    if request.uri().query().is_some_and(|q| holds_nul(q.as_bytes())) || holds_nul(request.uri().path().as_bytes()) {
        return refused_nul();
    }
    let content_type = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if content_type.trim_start().to_ascii_lowercase().starts_with("multipart/") {
        return next.run(request).await;
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_FORM_BYTES as u64) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    let bytes: Bytes = match http_body_util::Limited::new(body, MAX_FORM_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return too_large(),
    };
    if bytes.contains(&0) || holds_nul(&bytes) || holds_escaped_nul(&bytes) {
        return refused_nul();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// A NUL percent-encoded (`%00`), as a form or an address carries it.
fn holds_nul(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| w == b"%00")
}

/// A NUL escaped as JSON writes it (`\u0000`).
fn holds_escaped_nul(bytes: &[u8]) -> bool {
    bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
}

fn too_large() -> Response {
    (StatusCode::PAYLOAD_TOO_LARGE, "This request is too large.").into_response()
}

fn refused_nul() -> Response {
    (StatusCode::BAD_REQUEST, "This request holds a character we cannot read (NUL).").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_is_seen_however_it_is_written() {
        assert!(holds_nul(b"search=a%00b"));
        assert!(!holds_nul(b"search=a%20b&n=100"));
        assert!(holds_escaped_nul(br#"{"q":"a\u0000"}"#));
        assert!(!holds_escaped_nul(br#"{"q":"a\u00e9"}"#));
    }
}
